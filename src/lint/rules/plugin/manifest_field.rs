use crate::declare_rule;
use crate::lint::Level;
use crate::lint::rule::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a required field that is missing, empty or of the wrong type: a plugin's `name`;
    /// a marketplace's `name`, `owner` (with its `name`) and `plugins`; each listed plugin's `name`
    /// and `source`; and `skills` that is neither a path nor a list of paths.
    ///
    /// ## Why is this bad?
    /// Claude Code refuses a manifest without them (the name is the skills' namespace), so the
    /// plugin's skills do not load: an error.
    ///
    /// **Level.** Error: a manifest without its required fields, or with the wrong types, is refused or misloaded.
    ///
    /// ## Example
    /// `{"plugins": [{"source": "./plugins/pdf"}]}`: add the marketplace's `name` and `owner`,
    /// and the plugin's `name`.
    pub struct ManifestField {
        code: "SK621",
        name: "manifest-field",
        group: File,
        summary: "A manifest lacks a required field or has one of the wrong type",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code plugins reference",
    }
}

/// Reported by `crate::manifest`, which reads the file; no check on skills.
impl Rule for ManifestField {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
