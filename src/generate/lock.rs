//! One install at a time into one repository, and nothing left behind that the next cannot
//! explain.
//!
//! The lock is the operating system's advisory lock on the repository's folder itself (no
//! lock file to go stale): held while planning and writing, released when the process ends,
//! however it ends, `kill -9` included. A second install into the same repository fails at
//! once with a message instead of both saying "installed".
//!
//! Every temporary file an install writes is named `.skillsmith-install-XXXX.tmp` and lives
//! beside the file it will replace (the only place a rename can move it from). An install
//! killed before its renames leaves such files; the next install, holding the lock (so no
//! other install is writing them), removes those in the skill's folder and says so.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::write::WriteError;

/// The prefix of an install's temporary files.
pub const INSTALL_TEMP_PREFIX: &str = ".skillsmith-install-";

/// The lock on a repository, held until dropped.
#[derive(Debug)]
pub struct RepoLock {
    _folder: File,
}

/// Takes the install lock on `repo`, or fails at once when another install holds it.
pub fn lock_repository(repo: &Path) -> Result<RepoLock, WriteError> {
    let fail = |message: String| WriteError { path: repo.to_path_buf(), message };
    // Looked at before it is opened: a FIFO given as the repository must not be waited on.
    if !std::fs::metadata(repo).is_ok_and(|meta| meta.is_dir()) {
        return Err(fail("is not a folder".to_string()));
    }
    let folder = File::open(repo).map_err(|err| fail(format!("cannot open: {}", crate::discover::describe(&err))))?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid open descriptor; flock only reads it.
        if unsafe { libc::flock(folder.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            let err = std::io::Error::last_os_error();
            return Err(fail(if err.kind() == std::io::ErrorKind::WouldBlock {
                "another `skillsmith install` is writing into this repository now; nothing was written \
                 (run again once it is done)"
                    .to_string()
            } else {
                format!("cannot lock for the install: {}", crate::discover::describe(&err))
            }));
        }
    }
    Ok(RepoLock { _folder: folder })
}

/// Removes the temporary files an interrupted install left under `folder`, returning their
/// paths (to be reported). Call it only while holding the lock.
pub fn clear_leftovers(folder: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else { continue };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file()
                && name.starts_with(INSTALL_TEMP_PREFIX)
                && name.ends_with(".tmp")
                && std::fs::remove_file(entry.path()).is_ok()
            {
                removed.push(entry.path());
            }
        }
    }
    removed.sort();
    removed
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_repository_fails_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_repository(dir.path()).unwrap();
        let err = lock_repository(dir.path()).unwrap_err();
        assert!(err.message.contains("another `skillsmith install`"), "{err}");
        drop(first);
        assert!(lock_repository(dir.path()).is_ok());
    }

    #[test]
    fn only_install_leftovers_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("references")).unwrap();
        let leftover = dir.path().join("references/.skillsmith-install-abc.tmp");
        std::fs::write(&leftover, "half").unwrap();
        std::fs::write(dir.path().join(".skillsmith-other.tmp"), "a fix in progress").unwrap();
        std::fs::write(dir.path().join("SKILL.md"), "kept").unwrap();
        assert_eq!(clear_leftovers(dir.path()), vec![leftover]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3, "the rest is kept");
    }
}
