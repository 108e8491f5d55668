//! `skillsmith lint --watch`: lint, then lint again what changed until Ctrl-C.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::lint::{RealFs, RunOptions};
use crate::report::{self, Format};
use crate::watch::{DEBOUNCE, IncrementalLint, is_config, matters, watch_roots};

use super::lint::LintArgs;
use super::{baseline, usage_error};

/// What wakes the loop.
enum Wake {
    /// Files changed.
    Changed(Vec<PathBuf>),
    /// Watching failed.
    Failed(String),
    /// Ctrl-C (or a termination request).
    Stop,
}

/// Runs the watch loop; returns 0 when stopped by Ctrl-C.
pub fn run(args: &LintArgs) -> std::io::Result<u8> {
    let (tx, rx) = mpsc::channel::<Wake>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .map_err(|err| std::io::Error::other(format!("cannot handle Ctrl-C: {err}")))?;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let wake = match result {
            // Reading a file is not changing it (linting reads every file).
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            Ok(event) => Wake::Changed(event.paths.into_iter().filter(|p| matters(p)).collect()),
            Err(err) => Wake::Failed(err.to_string()),
        };
        let _ = tx.send(wake);
    })
    .map_err(|err| std::io::Error::other(format!("cannot watch files: {err}")))?;
    for root in watch_roots(&args.paths) {
        watcher
            .watch(&root, RecursiveMode::Recursive)
            .map_err(|err| usage_error(format!("cannot watch `{}`: {err}", root.display())))?;
    }

    let mut lint = IncrementalLint::new();
    let mut provider = args.selection.provider(&args.paths).map_err(usage_error)?;
    let clear = args.format == Format::Text && std::io::stdout().is_terminal();
    let mut changed = 0;
    loop {
        let files: Vec<PathBuf> = crate::discover::discover(&args.paths).files.into_iter().map(|c| c.path).collect();
        let errors = provider.check(&files);
        if !errors.is_empty() {
            // A broken config is said, and watching goes on until it is repaired.
            for error in errors {
                eprintln!("skillsmith: error in config:\n{error}");
            }
            eprintln!("[{}] fix the config; watching for changes (Ctrl-C to stop)", clock());
            let Some(paths) = next_changes(&rx) else { break };
            changed = paths.len();
            provider = args.selection.provider(&args.paths).map_err(usage_error)?;
            lint.clear();
            continue;
        }
        let pass = lint.run(&args.paths, &provider, &RealFs, RunOptions::default());
        let mut run = pass.run;
        let stale = match &args.baseline {
            Some(file) => baseline::apply(&mut run, file).map_err(usage_error)?,
            None => Vec::new(),
        };
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        if clear {
            // Clear the screen and the scrollback, cursor home.
            write!(out, "\x1b[2J\x1b[3J\x1b[H")?;
        }
        let mut reporter =
            report::reporter(args.format, report::Style { color: args.color.enabled(), quiet: args.quiet });
        report::report(&run, reporter.as_mut(), &mut out)?;
        if let Some(note) = args.baseline.as_deref().and_then(|file| baseline::stale_note(file, &stale)) {
            writeln!(out, "{note}")?;
        }
        let skills = report::plural(run.skills, "skill", "skills");
        let what = if changed == 0 {
            format!("{skills} linted")
        } else {
            let paths = report::plural(changed, "changed path", "changed paths");
            format!("{} of {skills} linted again after {paths}", pass.relinted)
        };
        eprintln!("[{}] {what}; watching for changes (Ctrl-C to stop)", clock());
        out.flush()?;
        drop(out);

        let Some(paths) = next_changes(&rx) else { break };
        changed = paths.len();
        if paths.iter().any(|p| is_config(p)) {
            provider = args.selection.provider(&args.paths).map_err(usage_error)?;
            lint.clear();
        } else {
            lint.invalidate(&paths);
        }
    }
    stopped()
}

/// Waits for changes and gathers them until the files are quiet for [`DEBOUNCE`]; `None` on
/// Ctrl-C. Changes only in skipped folders are not waited for.
fn next_changes(rx: &mpsc::Receiver<Wake>) -> Option<Vec<PathBuf>> {
    loop {
        let mut paths = match rx.recv() {
            Ok(Wake::Changed(paths)) => paths,
            Ok(Wake::Failed(message)) => {
                eprintln!("skillsmith: watching failed: {message}");
                continue;
            }
            Ok(Wake::Stop) | Err(_) => return None,
        };
        while let Ok(wake) = rx.recv_timeout(DEBOUNCE) {
            match wake {
                Wake::Changed(more) => paths.extend(more),
                Wake::Stop => return None,
                Wake::Failed(message) => eprintln!("skillsmith: watching failed: {message}"),
            }
        }
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            return Some(paths);
        }
    }
}

fn stopped() -> std::io::Result<u8> {
    eprintln!("skillsmith: stopped watching.");
    Ok(0)
}

/// The time of day (UTC), `HH:MM:SS`.
fn clock() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}
