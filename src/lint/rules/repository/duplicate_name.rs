use std::collections::HashMap;

use crate::declare_rule;
use crate::discover::InstallUnit;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

declare_rule! {
    /// ## What it does
    /// Reports two or more skills with the same `name` inside one install unit (one
    /// project's `.claude/skills` and `.claude/commands`, one plugin, one folder of skill
    /// folders), at each of them, naming another. Linting only some files (as pre-commit
    /// does), the other skills of their units count too.
    ///
    /// Skills of different units never collide: plugin skills are namespaced
    /// (`/docs:pdf`), nested `.claude/skills` folders load under a directory-qualified name
    /// (`/apps/web:pdf`), and two repositories linted in one run are two projects.
    ///
    /// ## Why is this bad?
    /// Inside one unit, skills are listed and invoked by name: of two skills named alike,
    /// one shadows the other, so the agent is sent to a skill that is not the one listed.
    /// That is an error by the severity policy.
    ///
    /// **Level.** Error on every target: two skills of one install unit really collide, and one of them is
    /// lost.
    ///
    /// ## Example
    /// `skills/pdf/SKILL.md` and `skills/pdf-tools/SKILL.md` of one plugin, both
    /// `name: pdf`: rename one. The same `name: pdf` in two plugins is fine.
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
        let mut by_name: HashMap<(&InstallUnit, &str), Vec<usize>> = HashMap::new();
        for (index, skill) in cx.skills.iter().enumerate() {
            // A command file's `name` is ignored: it is invoked by its file name.
            if let Some((name, _)) = &skill.name
                && !name.is_empty()
                && !skill.placement.is_command
            {
                by_name.entry((skill.placement.unit.as_ref(), name.as_str())).or_default().push(index);
            }
        }
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for ((_, name), indices) in by_name.into_iter().filter(|(_, v)| v.len() > 1) {
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
