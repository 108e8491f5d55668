use unicode_normalization::UnicodeNormalization;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};

use super::name_invalid::name_problems;

declare_rule! {
    /// ## What it does
    /// Reports a `name` that differs from the name of the folder holding the SKILL.md,
    /// comparing both after NFKC normalisation as the reference validator does.
    ///
    /// ## Why is this bad?
    /// The specification requires them to match. Claude Code names the slash command after
    /// the folder, so a different `name` means the skill is listed under one name and invoked
    /// under another. An error on `spec` and `api`, a warning on `claude-code`.
    ///
    /// **Level.** Error on `spec` and `api`, which refuse it; a warning on `claude-code`, which loads the
    /// skill under its folder name, so the name in the file misleads whoever invokes it.
    ///
    /// ## Example
    /// `skills/pdf/SKILL.md` with `name: pdf-tools`. The unsafe fix sets `name: pdf`
    /// (unsafe because renaming the folder may be what you want instead).
    pub struct NameDirMismatch {
        code: "SK103",
        name: "name-dir-mismatch",
        group: Frontmatter,
        summary: "The name differs from the skill's folder name",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: Unsafe,
        source: "Agent Skills specification",
    }
}

impl Rule for NameDirMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(name) = cx.skill.frontmatter.name() else { return };
        let Some(dir) = cx.skill.dir_name.as_deref() else { return };
        let normalized: String = name.value.trim().nfkc().collect();
        let dir_normalized: String = dir.nfkc().collect();
        if normalized.is_empty() || normalized == dir_normalized {
            return;
        }
        let diagnostic =
            cx.report(name.span, format!("the name `{}` differs from its folder `{dir}`", name.value.trim()));
        let folder_problems = name_problems(dir);
        if !folder_problems.is_empty() {
            // The folder's name is no skill name: no fix, and the help says why.
            diagnostic.help(format!(
                "rename the folder to `{normalized}`; `{dir}` cannot be the name, as it {} (so there is no fix)",
                folder_problems.join("; it ")
            ));
            return;
        }
        diagnostic.help(format!("rename the folder to `{normalized}`, or set `name: {dir}`"));
        diagnostic.fix(Fix::unsafe_(
            format!("set `name: {dir}`"),
            vec![Edit { span: name.span, replacement: dir.to_string() }],
        ));
    }
}
