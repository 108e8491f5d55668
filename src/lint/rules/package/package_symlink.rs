use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an entry stored as a symbolic link.
    ///
    /// ## Why is this bad?
    /// A link in an archive points at whatever its target names on the machine that unpacks it,
    /// possibly outside the skill; uploads do not follow links, so the file is missing from the
    /// skill: an error.
    ///
    /// **Level.** Error: the upload refuses symbolic links in a package.
    ///
    /// ## Example
    /// `pdf/reference.md -> ../../docs/reference.md`: package the file, not the link
    /// (`skillsmith package` stores the content of links that stay inside the skill).
    pub struct PackageSymlink {
        code: "SK024",
        name: "package-symlink",
        group: File,
        summary: "A package holds a symbolic link",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageSymlink {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
