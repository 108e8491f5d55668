use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::FrontmatterError;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter that is valid YAML but not a mapping of keys to values: a
    /// list, or a lone string.
    ///
    /// ## Why is this bad?
    /// Every tool reads the frontmatter as `key: value` pairs; anything else leaves the skill
    /// without a name and description.
    ///
    /// **Level.** Error on every target: frontmatter that is not a mapping gives no keys at all, the same
    /// as empty metadata.
    ///
    /// ## Example
    /// ```yaml
    /// - name: pdf
    /// ```
    /// Remove the `- `: `name: pdf`.
    pub struct FrontmatterNotMapping {
        code: "SK007",
        name: "frontmatter-not-mapping",
        group: File,
        summary: "The frontmatter is not a mapping of keys to values",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for FrontmatterNotMapping {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if let Some(FrontmatterError::NotMapping { span, found }) = cx.skill.frontmatter.error {
            cx.report(span, format!("the frontmatter is a {found}, not a mapping of keys to values"))
                .help("write the frontmatter as `key: value` lines, such as `name: my-skill`");
        }
    }
}
