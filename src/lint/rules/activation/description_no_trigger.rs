use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::text::has_trigger_phrase;

declare_rule! {
    /// ## What it does
    /// Reports a description (with `when_to_use`, on Claude Code) that says what the skill
    /// is but not when to use it: no phrase such as "Use when", "Use for", "when the user",
    /// "Triggers on". Skipped for skills with `disable-model-invocation: true`, which only a
    /// person invokes.
    ///
    /// ## Why is this bad?
    /// The agent decides whether to load a skill from its description alone. "PDF toolkit."
    /// matches little; "Extracts tables from PDFs. Use when a PDF is attached or the user
    /// asks for tabular data from a document." matches what users actually say.
    ///
    /// ## Example
    /// `description: Phylogenetic tree toolkit.` becomes
    /// `description: Builds and compares phylogenetic trees. Use when analysing Newick files.`
    pub struct DescriptionNoTrigger {
        code: "SK200",
        name: "description-no-trigger",
        group: Activation,
        summary: "The description does not say when to use the skill",
        levels: Levels::all(Level::Warning),
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
        if fm.disables_model_invocation() {
            return;
        }
        let Some(description) = fm.description().filter(|d| !d.value.trim().is_empty()) else { return };
        let when = fm.str_field("when_to_use").map_or("", |w| w.value);
        if !has_trigger_phrase(description.value) && !has_trigger_phrase(when) {
            cx.report(description.span, "the description does not say when to use the skill")
                .help("add the trigger, such as \"Use when ...\", naming the requests or files it applies to");
        }
    }
}
