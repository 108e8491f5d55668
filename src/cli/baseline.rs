//! `--write-baseline FILE` and `--baseline FILE` for `skillsmith lint`.

use std::path::Path;

use crate::lint::LintRun;
use crate::lint::baseline::{Baseline, StaleEntry, baseline_root};

/// Records the findings of `run` in `file`; returns a note for the user.
pub fn write(run: &LintRun, file: &Path) -> std::io::Result<String> {
    let baseline = Baseline::of(run, &baseline_root(file));
    baseline.write(file)?;
    let findings: usize = baseline.entries.iter().map(|e| e.count).sum();
    Ok(format!(
        "wrote baseline `{}`: {findings} findings in {} entries; lint with `--baseline {}` to see only new ones",
        file.display(),
        baseline.entries.len(),
        file.display()
    ))
}

/// Hides the findings `file` accepts; returns the stale entries.
pub fn apply(run: &mut LintRun, file: &Path) -> Result<Vec<StaleEntry>, String> {
    let baseline = Baseline::read(file)?;
    Ok(baseline.apply(run, &baseline_root(file)))
}

/// A note listing stale entries, or nothing when there are none.
pub fn stale_note(file: &Path, stale: &[StaleEntry]) -> Option<String> {
    if stale.is_empty() {
        return None;
    }
    let count: usize = stale.iter().map(|s| s.unmatched).sum();
    let mut note = format!(
        "baseline `{}`: {count} recorded findings no longer occur (rewrite it with --write-baseline):",
        file.display()
    );
    for s in stale {
        note.push_str(&format!(
            "\n  {} {} (was line {}: {}){}",
            s.entry.path,
            s.entry.rule,
            s.entry.line,
            s.entry.message,
            if s.unmatched > 1 { format!(" x{}", s.unmatched) } else { String::new() }
        ));
    }
    Some(note)
}
