use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a `name` containing a reserved word, `anthropic` or `claude`: an error on the
    /// `api` target, a warning on `claude-code`.
    ///
    /// ## Why is this bad?
    /// The Claude platform (claude.ai uploads and the Skills API) refuses skills whose names
    /// contain these words: an error there. Claude Code loads them, so there it is a warning:
    /// the skill cannot be shared to the platform as it is, and a name that claims to come
    /// from Anthropic misleads whoever installs it.
    ///
    /// **Level.** Error on `api`, which refuses the upload; off elsewhere, where the name loads.
    ///
    /// ## Example
    /// `name: claude-pdf` is refused; use `name: pdf-tools`.
    pub struct NameReservedWord {
        code: "SK105",
        name: "name-reserved-word",
        group: Frontmatter,
        summary: "The name contains a reserved word (anthropic, claude)",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Claude platform documentation (Skills API); Claude Code loads such names",
    }
}

/// Words the Claude platform refuses in a name.
pub const RESERVED: [&str; 2] = ["anthropic", "claude"];

impl Rule for NameReservedWord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(name) = cx.skill.frontmatter.name() else { return };
        let lower = name.value.to_lowercase();
        if let Some(word) = RESERVED.iter().find(|w| lower.contains(*w)) {
            let help = if cx.target() == crate::lint::Target::Api {
                "the Claude platform refuses names containing `anthropic` or `claude`"
            } else {
                "Claude Code loads it, but claude.ai and the API refuse it; pick a name that says what it does"
            };
            cx.report(name.span, format!("the name `{}` contains the reserved word `{word}`", name.value.trim()))
                .help(help);
        }
    }
}
