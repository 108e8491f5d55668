use std::collections::HashMap;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports two or more skills of one run with the same `name`, at every occurrence after
    /// the first (in path order), naming where the first is.
    ///
    /// ## Why is this bad?
    /// Skills are listed and invoked by name; of two skills named alike, one shadows the
    /// other, and which one wins depends on where each lives (enterprise, personal,
    /// project, plugin).
    ///
    /// ## Example
    /// `.claude/skills/pdf/SKILL.md` and `plugins/docs/skills/pdf/SKILL.md`, both
    /// `name: pdf`: rename one.
    pub struct DuplicateName {
        code: "SK600",
        name: "duplicate-name",
        group: Repository,
        summary: "Two skills share a name",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Claude Code skills documentation",
    }
}

impl Rule for DuplicateName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut found = Vec::new();
        for (index, skill) in cx.skills.iter().enumerate() {
            let Some((name, span)) = &skill.name else { continue };
            if name.is_empty() {
                continue;
            }
            match first.get(name.as_str()) {
                None => {
                    first.insert(name, index);
                }
                Some(&earlier) => found.push((index, *span, name.clone(), earlier)),
            }
        }
        for (index, span, name, earlier) in found {
            let other = &cx.skills[earlier];
            let message = format!("the name `{name}` is already used by {}:{}", other.path.display(), other.name_line);
            cx.report(index, span, message).help("give each skill a distinct name (and folder)");
        }
    }
}
