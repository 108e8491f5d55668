use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an entry whose name is absolute (`/etc/x`, `C:\\x`), climbs out with `..`, uses
    /// backslashes, holds a NUL, or appears twice.
    ///
    /// ## Why is this bad?
    /// Such a name writes outside the folder it is unpacked into (the "zip slip"), or means a
    /// different file on another system; uploads refuse them and a careful unpacker must too: an
    /// error.
    ///
    /// **Level.** Error: an entry escaping its folder is refused (and is hostile).
    ///
    /// ## Example
    /// An entry named `pdf/../../.bashrc`: rebuild the package from the folder.
    pub struct PackageUnsafePath {
        code: "SK023",
        name: "package-unsafe-path",
        group: File,
        summary: "A package entry escapes its folder",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageUnsafePath {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
