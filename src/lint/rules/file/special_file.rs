use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::declare_rule;
use crate::lint::references::{MAX_FILES, references, shown, skill_dir};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

/// The folders of a skill whose files the agent is sent to.
const SKILL_FOLDERS: &[&str] = &["references", "scripts", "assets"];

declare_rule! {
    /// ## What it does
    /// Reports a named pipe (FIFO), a device or a socket in the skill's `references/`,
    /// `scripts/` or `assets/` folders, or referenced from SKILL.md, symbolic links
    /// followed. skillsmith never opens such a file: it names it here and reads on.
    ///
    /// ## Why is this bad?
    /// It is an error because the agent is sent to something that is not a file: reading a
    /// FIFO waits for a writer forever, reading a device such as `/dev/zero` never ends or
    /// reads the machine's state, and any tool that copies or packages the skill stalls or
    /// fails on it. A skill's files are regular files.
    ///
    /// **Level.** Error: the agent is sent to something that is not a file, which the
    /// severity policy makes an error on every target.
    ///
    /// ## Example
    /// `references/api.md` is a symbolic link to `/dev/zero`, or a FIFO left by a script:
    /// replace it with the regular file it was meant to be, or delete it.
    pub struct SpecialFile {
        code: "SK013",
        name: "special-file",
        group: File,
        summary: "A FIFO, device or socket where the skill's files are",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith",
    }
}

impl Rule for SpecialFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let dir = skill_dir(cx.skill);
        let mut reported = BTreeSet::new();
        for reference in &references(cx).0 {
            if let Some(kind) = cx.fs.special_kind(&reference.target) {
                reported.insert(reference.target.clone());
                let path = shown(&reference.target, &dir);
                cx.report(reference.span, format!("`{path}` is {kind}, not a regular file"))
                    .help("make it the regular file it was meant to be, or remove the reference");
            }
        }
        let body_start = cx.skill.body.span.start as usize;
        let anchor = cx.skill.body.sections.first().map_or_else(|| cx.line_at(body_start), |s| s.heading);
        for folder in SKILL_FOLDERS {
            let folder = dir.join(folder);
            if !cx.fs.is_dir(&folder) {
                continue;
            }
            let found: Vec<(PathBuf, &'static str)> = cx
                .fs
                .files_under(&folder, MAX_FILES)
                .into_iter()
                .map(|rel| folder.join(rel))
                .filter(|path| !reported.contains(path))
                .filter_map(|path| cx.fs.special_kind(&path).map(|kind| (path, kind)))
                .collect();
            for (path, kind) in found {
                let path = shown(&path, &dir);
                cx.report(anchor, format!("`{path}` is {kind}, not a regular file; it was not read"))
                    .help("a skill's files must be regular files: replace it or delete it");
            }
        }
    }
}
