//! Applying the fixes rules offer: only non-overlapping edits, only the applicability asked
//! for, repeated until nothing applicable remains, so fixing twice changes nothing more.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::discover::Candidate;
use crate::lint::{Applicability, FileSystem, Fix, RunOptions, Settings, SettingsProvider, check_skill, read_skill};
use crate::skill::Skill;

/// Passes of lint-then-fix before giving up on reaching a fixed point.
const MAX_PASSES: usize = 10;

/// What fixing one file did (nothing is written here; the caller writes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixOutcome {
    /// The file.
    pub path: PathBuf,
    /// Its text before.
    pub original: String,
    /// Its text after every applicable fix.
    pub fixed: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// The file's new name, when a fix renames it.
    pub rename_to: Option<String>,
    /// Why the file was left alone, if it was.
    pub skipped: Option<String>,
}

impl FixOutcome {
    /// True when the text or the name changes.
    pub fn changes(&self) -> bool {
        self.original != self.fixed || self.rename_to.is_some()
    }
}

/// True when `fix` may be applied under the chosen applicability.
fn allowed(fix: &Fix, unsafe_fixes: bool) -> bool {
    fix.applicability == Applicability::Safe || unsafe_fixes
}

/// Applies each fix whose edits overlap none already taken, in order of position; returns the
/// new text and how many fixes were applied.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut sorted: Vec<&Fix> = fixes.iter().copied().filter(|f| !f.edits.is_empty()).collect();
    sorted.sort_by_key(|f| f.edits.iter().map(|e| e.span.start).min());
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    let mut applied = 0;
    for fix in sorted {
        let edits: Vec<(usize, usize, &str)> =
            fix.edits.iter().map(|e| (e.span.start as usize, e.span.end as usize, e.replacement.as_str())).collect();
        let overlaps = |a: &(usize, usize, &str)| {
            taken.iter().any(|b| a.0 < b.1 && b.0 < a.1 || (a.0 == a.1 && a.0 == b.0) || (b.0 == b.1 && b.0 == a.0))
        };
        if edits.iter().any(overlaps) {
            continue;
        }
        taken.extend(edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for (start, end, replacement) in taken {
        out.push_str(&text[at..start]);
        out.push_str(replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Lints and fixes `skill` until no applicable fix remains.
pub fn fix_skill(skill: Skill, settings: &Settings, fs: &dyn FileSystem, unsafe_fixes: bool) -> FixOutcome {
    let path = skill.path.clone();
    let original = skill.text().to_string();
    let mut outcome =
        FixOutcome { path, original: original.clone(), fixed: original, applied: 0, rename_to: None, skipped: None };
    if !skill.source.is_exact() {
        outcome.skipped = Some("the file is not UTF-8 text; fixes are not applied to it".into());
        return outcome;
    }
    let dir_name = skill.dir_name.clone();
    let mut current = skill;
    for _ in 0..MAX_PASSES {
        let diagnostics = check_skill(&current, settings, fs);
        let fixes: Vec<&Fix> =
            diagnostics.iter().filter_map(|d| d.fix.as_ref()).filter(|f| allowed(f, unsafe_fixes)).collect();
        if let Some(rename) = fixes.iter().find_map(|f| f.rename_to.clone()) {
            if outcome.rename_to.is_none() {
                outcome.applied += 1;
            }
            outcome.rename_to = Some(rename);
        }
        let (fixed, applied) = apply(current.text(), &fixes);
        if applied == 0 {
            break;
        }
        outcome.applied += applied;
        outcome.fixed = fixed;
        current =
            Skill::parse(outcome.path.clone(), outcome.fixed.clone().into_bytes()).with_dir_name(dir_name.clone());
    }
    outcome
}

/// Fixes every candidate file (in parallel, in memory); unreadable files are left out (the
/// lint run that follows reports them).
pub fn fix_candidates(
    files: &[Candidate],
    settings: &dyn SettingsProvider,
    fs: &dyn FileSystem,
    options: RunOptions,
    unsafe_fixes: bool,
) -> Vec<FixOutcome> {
    files
        .par_iter()
        .filter_map(|candidate| {
            let skill = read_skill(candidate, options.limits).ok()?;
            if skill.oversize.is_some() {
                return None;
            }
            Some(fix_skill(skill, &settings.settings_for(&candidate.path), fs, unsafe_fixes))
        })
        .collect()
}

/// Writes a changed outcome: the new text atomically, then the rename. The text is written
/// only if the file still holds what was read (else it is left alone and the error says
/// so), through a symbolic link to its target, never over a read-only or hard-linked file
/// (see [`crate::fsio::replace_if_unchanged`]). Refuses to rename over an existing file.
pub fn write_outcome(outcome: &FixOutcome) -> std::io::Result<()> {
    if outcome.original != outcome.fixed {
        crate::fsio::replace_if_unchanged(&outcome.path, outcome.original.as_bytes(), outcome.fixed.as_bytes())?;
    }
    if let Some(name) = &outcome.rename_to {
        let target = outcome.path.with_file_name(name);
        let same_file = std::fs::canonicalize(&target).ok() == std::fs::canonicalize(&outcome.path).ok();
        if target.exists() && !same_file {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("cannot rename `{}` to `{}`: that file exists", outcome.path.display(), target.display()),
            ));
        }
        std::fs::rename(&outcome.path, &target).map_err(|err| {
            std::io::Error::new(
                err.kind(),
                format!("cannot rename `{}`: {}", outcome.path.display(), crate::discover::describe(&err)),
            )
        })?;
    }
    Ok(())
}

/// A unified diff of the outcome, as `--diff` prints it.
pub fn unified_diff(outcome: &FixOutcome) -> String {
    let shown = crate::report::display_path(&outcome.path);
    let mut out = String::new();
    if let Some(name) = &outcome.rename_to {
        let target = outcome.path.with_file_name(name);
        out.push_str(&format!("rename from {shown}\nrename to {}\n", crate::report::display_path(&target)));
    }
    if outcome.original != outcome.fixed {
        let (old, new) = (format!("a/{shown}"), format!("b/{shown}"));
        out.push_str(&crate::generate::diff::bounded_diff(&outcome.original, &outcome.fixed, &old, &new));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Edit;
    use crate::skill::Span;

    fn fix(start: usize, end: usize, text: &str) -> Fix {
        Fix::safe("f", vec![Edit { span: Span::new(start, end), replacement: text.into() }])
    }

    #[test]
    fn applies_non_overlapping_edits_in_order() {
        let (out, n) = apply("abcdef", &[&fix(4, 5, "E"), &fix(0, 1, "A")]);
        assert_eq!((out.as_str(), n), ("AbcdEf", 2));
    }

    #[test]
    fn skips_overlapping_fixes() {
        let (out, n) = apply("abcdef", &[&fix(0, 3, "X"), &fix(2, 4, "Y")]);
        assert_eq!((out.as_str(), n), ("Xdef", 1));
    }

    #[test]
    fn two_inserts_at_one_place_do_not_both_apply() {
        let (out, n) = apply("ab", &[&fix(1, 1, "X"), &fix(1, 1, "Y")]);
        assert_eq!((out.as_str(), n), ("aXb", 1));
    }
}
