use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a path that could not be read: it does not exist, permission is denied, or it
    /// is a folder named like a skill file.
    ///
    /// ## Why is this bad?
    /// A skill that cannot be read is not loaded; a path given on the command line that does
    /// not exist is usually a typo. The run goes on with the other paths and exits with 2.
    ///
    /// **Level.** Error on every target: a file that cannot be read is not loaded at all.
    ///
    /// ## Example
    /// ```text
    /// skillsmith lint skills/missing
    /// error[SK000]: cannot read `skills/missing`: No such file or directory
    /// ```
    pub struct IoError {
        code: "SK000",
        name: "io-error",
        group: File,
        summary: "A path could not be read",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith",
    }
}

impl Rule for IoError {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
