use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a package whose entries are not all inside exactly one top-level folder: files at
    /// the top level, several folders, or an empty archive.
    ///
    /// ## Why is this bad?
    /// An upload is read as one skill folder; files beside it or a second folder make the upload
    /// fail or load a skill other than the one meant: an error.
    ///
    /// **Level.** Error: the upload refuses a package that is not one top-level folder.
    ///
    /// ## Example
    /// A zip of `SKILL.md` and `scripts/` (made inside the skill folder) instead of `pdf/SKILL.md`
    /// and `pdf/scripts/`: zip the folder itself, or run `skillsmith package pdf`.
    pub struct PackageLayout {
        code: "SK021",
        name: "package-layout",
        group: File,
        summary: "A package is not one top-level folder",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageLayout {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
