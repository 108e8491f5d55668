use crate::declare_rule;
use crate::lint::parts::Parts;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Skill;
use crate::text::has_trigger_phrase;

declare_rule! {
    /// ## What it does
    /// Reports a skill that says nowhere when to use it: no trigger phrase ("Use when ...",
    /// "Use for ...", "when the user ...") in the description or `when_to_use`, and no "When
    /// to use" section (or "Use this skill when" paragraph) in the body. Skipped for skills
    /// with `disable-model-invocation: true`, which only a person invokes.
    ///
    /// ## Why is this bad?
    /// An agent picks skills by matching the request against what each skill says about
    /// when it applies. A skill that only says what it is ("PDF toolkit") is loaded by luck.
    ///
    /// **Level.** Warning: the skill loads, but with no activation criteria the model has to guess when to
    /// use it.
    ///
    /// ## Example
    /// `description: PDF toolkit.` over a body with no "When to use" section: write
    /// `description: Extracts text and tables from PDFs. Use when a PDF is attached.`
    pub struct NoActivationCriteria {
        code: "SK201",
        name: "no-activation-criteria",
        group: Activation,
        summary: "Neither the description nor the body says when to use the skill",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Agent Skills specification; Anthropic skill authoring best practices",
    }
}

/// True when the description or `when_to_use` holds a trigger phrase.
pub fn says_when_in_frontmatter(skill: &Skill) -> bool {
    let fm = &skill.frontmatter;
    let description = fm.description().map_or("", |d| d.value);
    let when = fm.str_field("when_to_use").map_or("", |w| w.value);
    has_trigger_phrase(description) || has_trigger_phrase(when)
}

impl Rule for NoActivationCriteria {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        if !fm.is_usable() || fm.disables_model_invocation() || says_when_in_frontmatter(cx.skill) {
            return;
        }
        if Parts::of(cx).when_to_use().is_some() {
            return;
        }
        let span = match fm.description().filter(|d| !d.value.trim().is_empty()) {
            Some(description) => description.span,
            None => return,
        };
        cx.report(span, "nothing says when to use this skill").help(
            "add the trigger to the description (\"Use when ...\", naming the requests or files it applies to); \
             a \"When to use\" section in the body helps once the skill is loaded",
        );
    }
}
