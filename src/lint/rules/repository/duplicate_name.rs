use std::collections::HashMap;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports two or more skills with the same `name`, at each of them, naming another.
    /// Linting only some files (as pre-commit does), the repository's other skills count too.
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
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, skill) in cx.skills.iter().enumerate() {
            if let Some((name, _)) = &skill.name
                && !name.is_empty()
            {
                by_name.entry(name.as_str()).or_default().push(index);
            }
        }
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for (name, indices) in by_name.into_iter().filter(|(_, v)| v.len() > 1) {
            for &index in &indices {
                let other = indices.iter().copied().find(|&i| i != index).expect("two or more");
                found.push((index, other, name.to_string()));
            }
        }
        found.sort();
        for (index, other, name) in found {
            let span = cx.skills[index].name.as_ref().expect("named").1;
            let others = &cx.skills[other];
            let message = format!("the name `{name}` is also used by {}:{}", others.path.display(), others.name_line);
            cx.report(index, span, message).help("give each skill a distinct name (and folder)");
        }
    }
}
