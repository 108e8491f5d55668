use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a local plugin `source` of a marketplace, or a skill path of `skills`, that does
    /// not exist, is absolute, or climbs out of the manifest's folder with `..`.
    ///
    /// ## Why is this bad?
    /// Claude Code is sent to a folder that is not there (or that an install does not copy):
    /// the plugin or its skills do not load, an error by the severity policy.
    ///
    /// **Level.** Error: the manifest sends Claude Code to a path that is not there.
    ///
    /// ## Example
    /// `"skills": ["./skill"]` where the folder is `./skills`: fix the path.
    pub struct ManifestPathMissing {
        code: "SK622",
        name: "manifest-path-missing",
        group: File,
        summary: "A path a manifest names does not exist or leaves its folder",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code plugins reference",
    }
}

/// Reported by `crate::manifest`, which reads the file; no check on skills.
impl Rule for ManifestPathMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
