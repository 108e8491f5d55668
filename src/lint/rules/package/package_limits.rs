use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a package refused before its contents are read: more than 10,000 entries, more
    /// than 256 MiB once unpacked, or an entry that unpacks to more than 100 times its packed size
    /// (and past 1 MiB): the shapes of a zip bomb. Sizes are the archive's own claims, and reads
    /// are cut at the limits whatever the claims say.
    ///
    /// ## Why is this bad?
    /// Such a package is hostile or broken, and no upload accepts it: an error.
    ///
    /// **Level.** Error: a package past the reader's safety limits is not read, so it cannot be trusted to load.
    ///
    /// ## Example
    /// ```text
    /// error[SK026]: `bomb.skill`: `bomb/data.txt` unpacks to 4294967295 bytes from 4120 (a zip bomb); contents not read
    /// ```
    pub struct PackageLimits {
        code: "SK026",
        name: "package-limits",
        group: File,
        summary: "A package passes the reader's safety limits",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageLimits {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
