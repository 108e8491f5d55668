use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the `api` target, reports a `name` holding characters outside ASCII.
    ///
    /// ## Why is this bad?
    /// Claude.ai and the Skills API (and Anthropic's own checker) accept only ASCII
    /// lowercase letters, digits and hyphens, although the specification and its reference
    /// validator accept any Unicode letter.
    ///
    /// **Level.** Error on `api`, which refuses the upload; off elsewhere, where the name loads.
    ///
    /// ## Example
    /// `name: données` passes the reference validator and fails an upload; use `name: donnees`.
    pub struct NameNotAscii {
        code: "SK104",
        name: "name-not-ascii",
        group: Frontmatter,
        summary: "The name holds non-ASCII characters (rejected by the API)",
        levels: Levels { spec: Level::Off, claude_code: Level::Off, api: Level::Error },
        fixable: No,
        source: "Claude platform documentation (Skills API)",
    }
}

impl Rule for NameNotAscii {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(name) = cx.skill.frontmatter.name() else { return };
        if !name.value.is_ascii() {
            cx.report(name.span, format!("the name `{}` holds characters outside ASCII", name.value.trim()))
                .help("the API accepts only a-z, 0-9 and `-` in names");
        }
    }
}
