use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::bundled::bundled;

declare_rule! {
    /// ## What it does
    /// Warns about executables in the skill's folder, in any subfolder (`scripts/`, `bin/`,
    /// the root): scripts by extension (`.sh`, `.py`, `.js`, `.ps1`, ...), binaries, files
    /// without an extension in `scripts/` or `bin/`, that nothing mentions: not SKILL.md (by
    /// path, by name, or by pointing at its folder: "see `scripts/`"), not another file of the
    /// skill by name, not another script by import. Folders of nested skills, dependencies
    /// (`node_modules`, `__pycache__`, virtual environments, `__init__.py`), reference code
    /// (`references/`, `docs/`) and the templates and examples the model copies rather than
    /// runs (`templates/`, `assets/`, `examples/`) are left out.
    ///
    /// ## Why is this bad?
    /// A warning: the skill works, but behaviour lives where nobody reads. A script that
    /// SKILL.md never mentions is either dead weight or run by something the reviewer did
    /// not see (a hook, a load-time command, a hidden instruction).
    ///
    /// **Level.** Warning: the skill loads, but bundles behaviour nobody is told about.
    ///
    /// ## Example
    /// `scripts/collect.sh` that SKILL.md never names: say when to run it ("Run
    /// `scripts/collect.sh` to gather logs") or delete it.
    pub struct UnmentionedExecutable {
        code: "SK806",
        name: "unmentioned-executable",
        group: Security,
        summary: "A bundled script or binary that nothing in the skill mentions",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic skill authoring best practices (utility scripts); skillsmith (security review)",
    }
}

impl Rule for UnmentionedExecutable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let found = bundled(cx.skill, cx.fs);
        let span = cx.skill.frontmatter.name().map_or_else(|| cx.line_at(0), |n| n.span);
        for script in found.iter().filter(|b| b.mentioned_by.is_empty()) {
            cx.report(span, format!("`{}` is bundled but nothing in the skill mentions it", script.path))
                .help(format!("say in SKILL.md when to run `{}`, or delete it", script.path));
        }
    }
}
