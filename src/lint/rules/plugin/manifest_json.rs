use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `.claude-plugin/plugin.json` or `marketplace.json` that is not JSON (at the line
    /// and column where parsing stopped), not UTF-8, not a regular file, or larger than 1 MiB.
    ///
    /// ## Why is this bad?
    /// Claude Code cannot read the manifest, so the plugin or marketplace does not load and none
    /// of its skills do: an error.
    ///
    /// **Level.** Error: a manifest that is not valid JSON is refused, so its plugin and skills do not load.
    ///
    /// ## Example
    /// ```text
    /// error[SK620]: invalid JSON at line 3, column 1: trailing comma
    /// ```
    pub struct ManifestJson {
        code: "SK620",
        name: "manifest-json",
        group: File,
        summary: "A plugin or marketplace manifest is not valid JSON",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code plugins reference",
    }
}

/// Reported by `crate::manifest`, which reads the file; no check on skills.
impl Rule for ManifestJson {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
