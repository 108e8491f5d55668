use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a value under `metadata` that is a list or a map.
    ///
    /// ## Why is this bad?
    /// The specification says metadata maps strings to strings. The reference validator
    /// turns nested values into text and Claude Code reads them, so nothing breaks today, but
    /// a stricter consumer may refuse the skill. A warning, not an error.
    ///
    /// **Level.** Warning on `spec` and `api`, whose consumers expect string values (the reference
    /// validator still accepts it); info on `claude-code`, which ignores `metadata`.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   tags: [pdf, forms]
    /// ```
    /// Write `tags: "pdf forms"` or `tags: "pdf, forms"`.
    pub struct MetadataNestedValue {
        code: "SK118",
        name: "metadata-nested-value",
        group: Frontmatter,
        summary: "A metadata value is a list or map, not a string",
        levels: Levels { spec: Level::Warning, claude_code: Level::Info, api: Level::Warning },
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for MetadataNestedValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entries) = cx.skill.frontmatter.get("metadata").and_then(|m| m.as_map()) else { return };
        for entry in entries {
            if entry.value.as_str().is_none() {
                let key = entry.key.as_str().unwrap_or("?");
                let found = entry.value.type_name();
                cx.report(
                    entry.value.span,
                    format!("`metadata.{key}` is a {found}; metadata values should be strings"),
                )
                .help("join the items into one string, such as `\"pdf, forms\"`");
            }
        }
    }
}
