use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `.skill` (or `.zip`) package that cannot be opened as a zip archive: not a zip,
    /// truncated, or with a broken central directory; its contents are not checked.
    ///
    /// ## Why is this bad?
    /// claude.ai and the Skills API refuse an archive they cannot open, so the skill is not
    /// uploaded at all: an error by the severity policy.
    ///
    /// **Level.** Error: a package that is not a readable zip is refused at upload.
    ///
    /// ## Example
    /// ```text
    /// error[SK020]: `pdf.skill` is not a zip archive: invalid Zip archive: Could not find EOCD
    /// ```
    pub struct PackageUnreadable {
        code: "SK020",
        name: "package-unreadable",
        group: File,
        summary: "A package is not a readable zip archive",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageUnreadable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
