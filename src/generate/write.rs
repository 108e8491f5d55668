//! Writing generated files safely: first a plan (what each file would become, read from
//! disk, with every obstacle found before anything is written), then an atomic apply (each
//! file written to a temporary file in its own folder, then renamed over the target).
//!
//! A failure leaves what was there untouched, removes the folders the apply created, and
//! names the path.

use std::fmt;
use std::path::{Path, PathBuf};

/// What writing a file would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The file does not exist yet.
    Create,
    /// The file already holds exactly these bytes.
    Unchanged,
    /// The file exists with other bytes (kept here).
    Update {
        /// The bytes on disk now.
        old: Vec<u8>,
    },
}

/// A file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Where.
    pub path: PathBuf,
    /// The bytes it should hold.
    pub contents: Vec<u8>,
    /// What writing it would do.
    pub change: Change,
}

impl Planned {
    /// The text on disk now, when the file exists (lossy for non-UTF-8 bytes).
    pub fn old_text(&self) -> Option<String> {
        match &self.change {
            Change::Create => None,
            Change::Unchanged => Some(String::from_utf8_lossy(&self.contents).into_owned()),
            Change::Update { old } => Some(String::from_utf8_lossy(old).into_owned()),
        }
    }
}

/// A write that could not be planned or done, and the path at fault.
#[derive(Debug)]
pub struct WriteError {
    /// The path at fault.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for WriteError {}

fn fail(path: &Path, message: impl Into<String>) -> WriteError {
    WriteError { path: path.to_path_buf(), message: message.into() }
}

/// Plans writing `files`, all of which must stay inside `root` once symbolic links are
/// followed: a folder on the way, or the file itself, that is a link to somewhere outside
/// `root` is refused, so nothing is ever written, read or shown outside the folder the user
/// named (an installed SKILL.md linking to `/etc/passwd` is never diffed).
pub fn plan_within(root: &Path, files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<Planned>, WriteError> {
    let real_root = std::fs::canonicalize(root).map_err(|err| fail(root, format!("cannot resolve: {err}")))?;
    let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let root = absolute(root);
    for (path, _) in &files {
        let path = absolute(path);
        for existing in path.ancestors().filter(|a| a.starts_with(&root) && a.exists()) {
            let real =
                std::fs::canonicalize(existing).map_err(|err| fail(existing, format!("cannot resolve: {err}")))?;
            if !real.starts_with(&real_root) {
                let message =
                    format!("leads outside `{}` (to `{}`); refusing to write there", root.display(), real.display());
                return Err(fail(existing, message));
            }
        }
    }
    plan(files)
}

/// Plans writing `files`: every folder on the way must be a folder or missing, every target
/// a file or missing; existing files are read to compare.
pub fn plan(files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<Planned>, WriteError> {
    let mut planned = Vec::with_capacity(files.len());
    for (path, contents) in files {
        let folders: Vec<&Path> = path.ancestors().skip(1).filter(|a| !a.as_os_str().is_empty()).collect();
        for folder in folders.into_iter().rev() {
            match std::fs::metadata(folder) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Err(fail(folder, "is a file, where a folder is needed")),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => break,
                Err(err) => return Err(fail(folder, format!("cannot inspect: {err}"))),
            }
        }
        let change = match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => return Err(fail(&path, "is a folder, where a file is needed")),
            Ok(_) => {
                let old = crate::fsio::read_bounded(&path, crate::fsio::MAX_INPUT_BYTES)
                    .map_err(|err| fail(&path, format!("cannot read: {}", crate::discover::describe(&err))))?;
                if old == contents { Change::Unchanged } else { Change::Update { old } }
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Change::Create,
            Err(err) => return Err(fail(&path, format!("cannot inspect: {err}"))),
        };
        planned.push(Planned { path, contents, change });
    }
    Ok(planned)
}

/// Writes every planned file that changes. Missing folders are created; each file is written
/// to a temporary file beside it and renamed into place only once all are written.
pub fn apply(plan: &[Planned]) -> Result<(), WriteError> {
    let mut created: Vec<PathBuf> = Vec::new();
    let result = stage_and_persist(plan, &mut created);
    if result.is_err() {
        for folder in created.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
    result
}

fn stage_and_persist(plan: &[Planned], created: &mut Vec<PathBuf>) -> Result<(), WriteError> {
    let mut staged = Vec::new();
    for file in plan.iter().filter(|f| f.change != Change::Unchanged) {
        create_folders(parent_folder(&file.path), created)?;
        let file_staged = crate::fsio::stage(&file.path, &file.contents);
        staged.push(file_staged.map_err(|err| fail(&file.path, err.to_string()))?);
    }
    for file in staged {
        let path = file.target().to_path_buf();
        file.commit().map_err(|err| fail(&path, err.to_string()))?;
    }
    Ok(())
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Creates `folder` and its missing ancestors, recording each one created.
pub(super) fn create_folders(folder: &Path, created: &mut Vec<PathBuf>) -> Result<(), WriteError> {
    let missing: Vec<&Path> = folder.ancestors().take_while(|a| !a.as_os_str().is_empty() && !a.exists()).collect();
    for folder in missing.into_iter().rev() {
        std::fs::create_dir(folder).map_err(|err| fail(folder, format!("cannot create the folder: {err}")))?;
        created.push(folder.to_path_buf());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_then_writes_and_reports_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b/SKILL.md");
        let first = plan(vec![(target.clone(), b"one\n".to_vec())]).unwrap();
        assert_eq!(first[0].change, Change::Create);
        apply(&first).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"one\n");
        let again = plan(vec![(target.clone(), b"one\n".to_vec())]).unwrap();
        assert_eq!(again[0].change, Change::Unchanged);
        let update = plan(vec![(target.clone(), b"two\n".to_vec())]).unwrap();
        assert_eq!(update[0].change, Change::Update { old: b"one\n".to_vec() });
        apply(&update).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two\n");
        let names: Vec<_> =
            std::fs::read_dir(target.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["SKILL.md"], "no temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_folder_leading_outside_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, outside) = (dir.path().join("repo"), dir.path().join("outside"));
        std::fs::create_dir_all(&repo).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, repo.join(".claude")).unwrap();
        let err = plan_within(&repo, vec![(repo.join(".claude/skills/x/SKILL.md"), b"x".to_vec())]).unwrap_err();
        assert_eq!(err.path, repo.join(".claude"));
        assert!(err.message.contains("outside"), "{err}");
        std::fs::create_dir_all(repo.join("inside")).unwrap();
        std::fs::remove_file(repo.join(".claude")).unwrap();
        std::os::unix::fs::symlink(repo.join("inside"), repo.join(".claude")).unwrap();
        assert!(plan_within(&repo, vec![(repo.join(".claude/skills/x/SKILL.md"), b"x".to_vec())]).is_ok());
    }

    #[test]
    fn a_file_in_the_way_of_a_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), "x").unwrap();
        let err = plan(vec![(dir.path().join("a/b/SKILL.md"), Vec::new())]).unwrap_err();
        assert_eq!(err.path, dir.path().join("a"));
        assert!(err.message.contains("is a file"), "{err}");
    }

    #[test]
    fn a_failed_write_removes_the_folders_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new/SKILL.md");
        let planned = plan(vec![(target.clone(), b"x".to_vec())]).unwrap();
        std::fs::create_dir(dir.path().join("new")).unwrap();
        std::fs::create_dir(&target).unwrap();
        assert!(apply(&planned).is_err());
        assert!(target.is_dir(), "what was there is untouched");
    }
}
