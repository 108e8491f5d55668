use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a package whose top-level folder is not named as the `name` of its SKILL.md.
    ///
    /// ## Why is this bad?
    /// The upload takes the skill's name from its frontmatter, but tools that unpack the package
    /// (and people) take the folder; two names for one skill serve it worse: a warning, since it
    /// still loads.
    ///
    /// **Level.** Warning: the package loads, but its folder name and its skill name disagree.
    ///
    /// ## Example
    /// `pdf-v2/SKILL.md` with `name: pdf`: name the folder `pdf`.
    pub struct PackageFolderName {
        code: "SK027",
        name: "package-folder-name",
        group: File,
        summary: "A package's folder is not named as its skill",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic Skills API and package_skill.py",
    }
}

/// Reported by `crate::package`, which reads the file; no check on skills.
impl Rule for PackageFolderName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
