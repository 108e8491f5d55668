use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// Reports a name made only of vague words: `helper`, `helpers`, `utils`, `utilities`,
    /// `tools`, `misc`, `data`, `documents`, `files`, `stuff`, `common`, `general`.
    ///
    /// ## Why is this bad?
    /// The name is half of what an agent matches a request against; a vague one says
    /// nothing about when the skill applies. Authoring guides prefer a gerund that names the
    /// activity (`processing-pdfs`).
    ///
    /// **Level.** Warning: the skill loads, but a vague name is a poor handle for the user and the model.
    ///
    /// ## Example
    /// `name: utils` or `name: data-tools`: say what the skill does, e.g. `cleaning-csv-data`.
    pub struct NameVague {
        code: "SK106",
        name: "name-vague",
        group: Frontmatter,
        summary: "The name is vague (helper, utils, tools, data, ...)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic skill authoring best practices",
    }
}

const VAGUE: &[&str] = &[
    "helper",
    "helpers",
    "util",
    "utils",
    "utilities",
    "tool",
    "tools",
    "misc",
    "data",
    "document",
    "documents",
    "files",
    "file",
    "stuff",
    "common",
    "general",
    "skill",
    "skills",
];

impl Rule for NameVague {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(name) = cx.skill.frontmatter.name() else { return };
        let value = name.value.trim();
        if !value.is_empty() && value.split('-').all(|part| VAGUE.contains(&part)) {
            cx.report(name.span, format!("the name `{value}` is vague: it does not say what the skill does"))
                .help("name the activity, preferably as a gerund, such as `processing-pdfs`");
        }
    }
}
