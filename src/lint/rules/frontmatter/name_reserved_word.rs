use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the `api` target, reports a `name` containing a reserved word: `anthropic` or
    /// `claude`.
    ///
    /// ## Why is this bad?
    /// The Claude platform refuses skills whose names contain these words.
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
        levels: Levels { spec: Level::Off, claude_code: Level::Off, api: Level::Error },
        fixable: No,
        source: "Claude platform documentation (Skills API)",
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
            cx.report(name.span, format!("the name `{}` contains the reserved word `{word}`", name.value.trim()))
                .help("the Claude platform refuses names containing `anthropic` or `claude`");
        }
    }
}
