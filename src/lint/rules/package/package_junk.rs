use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports entries the packager leaves out: `__pycache__` folders, `*.pyc`, `.DS_Store`,
    /// `node_modules` and a top-level `evals/` folder.
    ///
    /// ## Why is this bad?
    /// They cost upload size and listing space and are never read by the agent; the skill still
    /// loads: a warning.
    ///
    /// **Level.** Warning: the package loads, but carries files uploads do not need.
    ///
    /// ## Example
    /// `pdf/scripts/__pycache__/fill.cpython-312.pyc`: rebuild with `skillsmith package`.
    pub struct PackageJunk {
        code: "SK028",
        name: "package-junk",
        group: File,
        summary: "A package holds files uploads do not need",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageJunk {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
