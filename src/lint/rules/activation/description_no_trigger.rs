use crate::declare_rule;
use crate::lint::parts::Parts;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

use super::no_activation_criteria::says_when_in_frontmatter;

declare_rule! {
    /// ## What it does
    /// Reports a description (with `when_to_use`, on Claude Code) that says what the skill
    /// is but not when to use it (no phrase such as "Use when", "Use for", "when the user",
    /// "Triggers on") while the body has a "When to use" section: the trigger is written, but
    /// where the agent cannot see it when choosing. Skipped for skills with
    /// `disable-model-invocation: true`, which only a person invokes. A skill with no trigger
    /// anywhere is reported by `no-activation-criteria` instead, so a skill gets one of the
    /// two at most.
    ///
    /// ## Why is this bad?
    /// The agent decides whether to load a skill from its description alone; the body is
    /// read only once the skill is loaded. "PDF toolkit." matches little; "Extracts tables
    /// from PDFs. Use when a PDF is attached or the user asks for tabular data from a
    /// document." matches what users actually say.
    ///
    /// **Level.** Info: the skill loads and the body says when to use it; only the listing, which shows the
    /// description alone, is weaker.
    ///
    /// ## Example
    /// `description: Phylogenetic tree toolkit.` over a body with `## When to use` becomes
    /// `description: Builds and compares phylogenetic trees. Use when analysing Newick files.`
    pub struct DescriptionNoTrigger {
        code: "SK200",
        name: "description-no-trigger",
        group: Activation,
        summary: "The description does not say when to use the skill (only the body does)",
        levels: Levels::all(Level::Info),
        fixable: No,
        source: "Agent Skills specification; Anthropic skill authoring best practices",
    }
}

impl Rule for DescriptionNoTrigger {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        if fm.disables_model_invocation() || says_when_in_frontmatter(cx.skill) {
            return;
        }
        let Some(description) = fm.description().filter(|d| !d.value.trim().is_empty()) else { return };
        let Some(section) = Parts::of(cx).when_to_use() else { return };
        let line = cx.line_of(section.span.start as usize);
        cx.report(description.span, "the description does not say when to use the skill").help(format!(
            "the agent reads the \"when to use\" text at line {line} only after choosing the skill; \
             put its triggers in the description (\"Use when ...\")"
        ));
    }
}
