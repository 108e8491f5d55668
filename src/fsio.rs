//! Reading files with few system calls, and writing them safely: atomically, keeping
//! permissions, never half-written.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

mod read;

pub use read::{MAX_INPUT_BYTES, byte_size, open_regular, read_bounded, read_text_bounded, special_kind};

/// What one file is, whatever name reaches it: device and inode on Unix (one `stat`), the
/// real path elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

/// The identity of the file `path` names (symbolic links followed), if it exists.
pub fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|meta| FileId((meta.dev(), meta.ino())))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(FileId)
    }
}

/// Reads at most `limit` bytes of `file`, whose size was `size` when it was looked at: the
/// buffer is sized once and filled in as few reads as the kernel allows (the standard
/// library's readers either ask the file system for the size again or read in growing
/// chunks). A file that changed size meanwhile is still read correctly.
pub fn read_up_to(mut file: &std::fs::File, size: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    // One byte more than expected shows whether the file grew.
    let want = size.min(limit).saturating_add(1).min(limit) as usize;
    let mut bytes = vec![0u8; want];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    bytes.truncate(filled);
    if filled == want && (filled as u64) < limit {
        // Grew since it was looked at: the rest, up to the limit.
        file.take(limit - filled as u64).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target, so a reader sees the old file or the new one, never a mix. An
/// existing file's permissions are kept. On failure nothing at `path` changes, and the error
/// names the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.commit()
}

/// Replaces the file at `path` with `bytes`, but only while it still holds `expected` (what
/// was read before the new bytes were worked out): a file changed meanwhile, by a person or
/// another program, is left alone and the error says so. A symbolic link is kept and its
/// target rewritten; a file with several hard links, or a read-only one, is refused (a
/// rename would split the links, or override the lock); the owner, group and mode are kept.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind};
    let refuse =
        |kind: ErrorKind, why: String| Error::new(kind, format!("`{}` was not rewritten: {why}", path.display()));
    let real = std::fs::canonicalize(path).map_err(|e| named(path, e))?;
    let meta = std::fs::metadata(&real).map_err(|e| named(path, e))?;
    if !meta.is_file() {
        return Err(refuse(ErrorKind::InvalidInput, "it is not a regular file".into()));
    }
    if meta.permissions().readonly() {
        return Err(refuse(ErrorKind::PermissionDenied, "it is read-only".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            let why = format!("it has {} hard links, and a rewrite would split them", meta.nlink());
            return Err(refuse(ErrorKind::Unsupported, why));
        }
    }
    let staged = stage(&real, bytes)?;
    keep_owner(&staged, &meta).map_err(|e| refuse(e.kind(), format!("its owner cannot be kept ({})", e)))?;
    // Last look before the rename: the file must still be what the fixes were made from.
    let now = read_bounded(&real, expected.len() as u64 + 1);
    if now.as_deref().ok() != Some(expected) {
        return Err(refuse(ErrorKind::Other, "it changed since it was read; run again to fix the new text".into()));
    }
    staged.commit()
}

/// Gives the staged file the owner and group of the file it replaces (a no-op when they are
/// already the same, as they are for a user fixing their own files).
#[cfg(unix)]
fn keep_owner(staged: &Staged, meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let temp = staged.temp.as_file().metadata()?;
    if (temp.uid(), temp.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(staged.temp.as_file(), Some(meta.uid()), Some(meta.gid()))?;
    // Changing the owner may clear set-id bits: the mode once more.
    staged.temp.as_file().set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_owner(_staged: &Staged, _meta: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// A file written in full beside its target, not yet in place: [`Staged::commit`] renames it
/// over the target; dropping it instead removes it and leaves the target as it was. Staging
/// every file before committing any keeps a multi-file write from stopping half way for
/// want of space or permission.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Staged {
    /// Renames the staged file over its target.
    pub fn commit(self) -> std::io::Result<()> {
        let target = self.target;
        self.temp.persist(&target).map_err(|err| named(&target, err.error))?;
        Ok(())
    }

    /// The file this will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

/// How the temporary files written before a rename are named: `<prefix>XXXX.tmp`.
pub const TEMP_PREFIX: &str = ".skillsmith-";

/// Writes `bytes` to a temporary file in `path`'s folder, synced to disk, with the target's
/// permissions (or those of a new file: readable by all, writable by the owner).
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    stage_as(path, bytes, TEMP_PREFIX)
}

/// [`stage`], the temporary file named `<prefix>XXXX.tmp`.
pub fn stage_as(path: &Path, bytes: &[u8], prefix: &str) -> std::io::Result<Staged> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // A FIFO, device or folder in the way is not replaced (and a FIFO never waited on).
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        let what = if meta.is_dir() { "a folder" } else { special_kind(&meta).unwrap_or("not a regular file") };
        let message = format!("cannot write `{}`: it is {what}, not a regular file", path.display());
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, message));
    }
    let mut temp =
        tempfile::Builder::new().prefix(prefix).suffix(".tmp").tempfile_in(dir).map_err(|e| named(path, e))?;
    temp.write_all(bytes).map_err(|e| named(path, e))?;
    temp.as_file().sync_all().map_err(|e| named(path, e))?;
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok().or_else(new_file_permissions);
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions).map_err(|e| named(path, e))?;
    }
    Ok(Staged { temp, target: path.to_path_buf() })
}

/// An I/O error that names the path it happened to.
fn named(path: &Path, err: std::io::Error) -> std::io::Error {
    std::io::Error::new(err.kind(), format!("cannot write `{}`: {}", path.display(), crate::discover::describe(&err)))
}

/// A new file is readable by all, as files written by editors are (temporary files are
/// private to their owner until given these).
#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_whole_files_up_to_the_limit_whatever_size_was_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        let read = |size: u64, limit: u64| read_up_to(&std::fs::File::open(&path).unwrap(), size, limit).unwrap();
        assert_eq!(read(10, 100), b"0123456789");
        // The size seen earlier is stale: the file grew, or shrank.
        assert_eq!(read(3, 100), b"0123456789");
        assert_eq!(read(50, 100), b"0123456789");
        // The limit cuts, whatever the size.
        assert_eq!(read(10, 4), b"0123");
        assert_eq!(read(3, 4), b"0123");
        assert_eq!(read(10, 11), b"0123456789");
        assert_eq!(read(10, 10), b"0123456789");
        assert_eq!(read(10, 0), b"");
    }

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("SKILL.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
        }
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn a_missing_folder_fails_naming_the_path() {
        let err = write_atomic(Path::new("/no/such/folder/SKILL.md"), b"x").unwrap_err();
        assert!(err.to_string().contains("/no/such/folder/SKILL.md"), "{err}");
    }
}
