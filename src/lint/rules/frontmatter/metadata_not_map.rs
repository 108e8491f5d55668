use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::yaml::ScalarKind;

declare_rule! {
    /// ## What it does
    /// Reports a `metadata` value that is not a map (a string, number or list).
    ///
    /// ## Why is this bad?
    /// The specification defines `metadata` as a map of string keys to string values; tools
    /// that read `metadata.version` or `metadata.kind` find nothing in a string.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse it; a warning on `claude-code`, which ignores
    /// `metadata`.
    ///
    /// ## Example
    /// ```yaml
    /// metadata: version 1.0
    /// ```
    /// Write:
    /// ```yaml
    /// metadata:
    ///   version: "1.0"
    /// ```
    pub struct MetadataNotMap {
        code: "SK112",
        name: "metadata-not-map",
        group: Frontmatter,
        summary: "metadata is not a map",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification",
    }
}

impl Rule for MetadataNotMap {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(metadata) = cx.skill.frontmatter.get("metadata") else { return };
        if metadata.as_map().is_some() || metadata.scalar_kind() == Some(ScalarKind::Null) {
            return;
        }
        let found = metadata.type_name();
        cx.report(metadata.span, format!("`metadata` is a {found}; it must be a map of keys to strings"))
            .help("write each item as an indented `key: \"value\"` line under `metadata:`");
    }
}
