use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the `api` target, reports angle brackets (`<`, `>`), and so XML tags, in `name` or
    /// `description`.
    ///
    /// ## Why is this bad?
    /// Name and description are placed inside the system prompt's own XML; the Claude
    /// platform and Anthropic's checker refuse them when they hold tags or brackets.
    ///
    /// **Level.** Error on `api`, which refuses the upload; off elsewhere, where it loads.
    ///
    /// ## Example
    /// `description: Converts <table> elements to CSV.` becomes
    /// `description: Converts HTML table elements to CSV.`
    pub struct XmlInFrontmatter {
        code: "SK117",
        name: "xml-in-frontmatter",
        group: Frontmatter,
        summary: "Angle brackets or XML tags in name or description (rejected by the API)",
        levels: Levels { spec: Level::Off, claude_code: Level::Off, api: Level::Error },
        fixable: No,
        source: "Claude platform documentation (Skills API)",
    }
}

impl Rule for XmlInFrontmatter {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for key in ["name", "description"] {
            let Some(field) = cx.skill.frontmatter.str_field(key) else { continue };
            if field.value.contains(['<', '>']) {
                cx.report(field.span, format!("`{key}` holds angle brackets, which the API refuses"))
                    .help("describe the tag in words, or use a different character");
            }
        }
    }
}
