use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a package larger than the 30 MB upload limit of the Skills API (taken as
    /// 30,000,000 bytes).
    ///
    /// ## Why is this bad?
    /// An upload over the limit is refused: an error.
    ///
    /// **Level.** Error: the upload refuses a package over its size limit.
    ///
    /// ## Example
    /// A 45 MB package with a bundled data set: move the data out of the skill.
    pub struct PackageTooLarge {
        code: "SK025",
        name: "package-too-large",
        group: File,
        summary: "A package is larger than the upload limit",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageTooLarge {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
