//! One install at a time into one repository.
//!
//! The lock is the operating system's advisory lock on the repository's folder itself (no
//! lock file to go stale): held while planning and writing, released when the process ends,
//! however it ends, `kill -9` included. A second install into the same repository fails at
//! once with a message instead of both saying "installed".
//!
//! Holding it, an install may clear what an interrupted one left ([`super::swap::recover`]):
//! no other install is writing it.

use std::fs::File;
use std::path::Path;

use super::write::WriteError;

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
}
