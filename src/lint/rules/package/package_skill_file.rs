use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a package whose top-level folder has no `SKILL.md` directly inside it (one written
    /// `skill.md`, or sitting one folder deeper, is named).
    ///
    /// ## Why is this bad?
    /// The upload looks for `<folder>/SKILL.md` and refuses the package without it: an error.
    ///
    /// **Level.** Error: the upload refuses a package without SKILL.md at its folder's root.
    ///
    /// ## Example
    /// `pdf/docs/SKILL.md` only: move it to `pdf/SKILL.md`.
    pub struct PackageSkillFile {
        code: "SK022",
        name: "package-skill-file",
        group: File,
        summary: "A package has no SKILL.md at the root of its folder",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageSkillFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
