use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a marketplace plugin entry whose `name` an earlier entry already has.
    ///
    /// ## Why is this bad?
    /// Plugins are installed by name (`/plugin install pdf@market`): of two entries one is never
    /// reachable, and which one wins is not documented: an error.
    ///
    /// **Level.** Error: a plugin listed twice is a collision in one marketplace, which the target refuses or misloads.
    ///
    /// ## Example
    /// Two entries named `pdf` pointing at `./plugins/pdf` and `./plugins/pdf-v2`: rename one.
    pub struct DuplicatePlugin {
        code: "SK623",
        name: "duplicate-plugin",
        group: File,
        summary: "A marketplace lists one plugin twice",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code plugins reference",
    }
}

/// Reported by `crate::manifest`, which reads the file; no check on skills.
impl Rule for DuplicatePlugin {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
