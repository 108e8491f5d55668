//! Reading only what is safe to read: regular files, never more than a limit counted in
//! bytes actually read (a device or a growing file can report any size).
//!
//! A FIFO, a device or a socket is refused before it is opened (opening a FIFO waits for a
//! writer forever; reading `/dev/zero` never ends), and once more after, on the open file,
//! in case the path was swapped in between; the open itself never waits.

use std::fs::{File, Metadata};
use std::io::{Error, ErrorKind, Result};
use std::path::Path;

/// The most bytes read from any small input: a config, a baseline, a spec, a scenario, a
/// use case, a template (the same as the default size limit of a SKILL.md).
pub const MAX_INPUT_BYTES: u64 = 8 << 20;

/// What a file that is not a regular one is, in words (`None` for a regular file or a
/// folder).
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The error for a path that is not a regular file.
fn not_regular(meta: &Metadata) -> Error {
    let message = if meta.is_dir() {
        "it is a folder, not a file".to_string()
    } else {
        match special_kind(meta) {
            Some("not a regular file") | None => "it is not a regular file".to_string(),
            Some(kind) => format!("it is {kind}, not a regular file"),
        }
    };
    Error::new(ErrorKind::InvalidInput, message)
}

/// Opens `path` for reading when it is a regular file (symbolic links followed): anything
/// else is refused with an error saying what it is, without waiting on it.
pub fn open_regular(path: &Path) -> Result<(File, Metadata)> {
    let before = std::fs::metadata(path)?;
    if !before.is_file() {
        return Err(not_regular(&before));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Were the path swapped for a FIFO since it was looked at, the open must not wait.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok((file, meta))
}

/// Reads the regular file at `path`, refusing one of more than `limit` bytes (counted as
/// they are read, whatever its size was said to be).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let bytes = super::read_up_to(&file, meta.len(), limit.saturating_add(1))?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(ErrorKind::InvalidData, format!("it is larger than the limit of {}", byte_size(limit))));
    }
    Ok(bytes)
}

/// [`read_bounded`], as UTF-8 text; text in another encoding is named in the error.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String> {
    let bytes = read_bounded(path, limit)?;
    // NUL is valid UTF-8, but no text file holds one: UTF-16 or UTF-32 text does.
    if memchr::memchr(0, &bytes).is_some() {
        let message = match crate::skill::guess_foreign_encoding(&bytes) {
            Some(name) => format!("it is {name}, not UTF-8 text"),
            None => "it is binary (it holds a NUL byte), not UTF-8 text".to_string(),
        };
        return Err(Error::new(ErrorKind::InvalidData, message));
    }
    String::from_utf8(bytes).map_err(|err| {
        let encoding = crate::skill::guess_foreign_encoding(err.as_bytes());
        let message = match encoding {
            Some(name) => format!("it is {name}, not UTF-8 text"),
            None => format!("it is not UTF-8 text (bad bytes at offset {})", err.utf8_error().valid_up_to()),
        };
        Error::new(ErrorKind::InvalidData, message)
    })
}

/// A byte count in words: `8 MiB`, `512 KiB`, `100 bytes`.
pub fn byte_size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn fifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo");
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe");
        fifo(&path);
        let err = read_bounded(&path, 100).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
    }

    #[test]
    fn a_device_is_refused_and_dev_zero_is_not_read_forever() {
        let err = read_bounded(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(err.to_string().contains("a device"), "{err}");
        assert!(read_bounded(Path::new("/dev/null"), 100).is_err());
    }

    #[test]
    fn limits_count_bytes_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap(), b"0123456789");
        let err = read_bounded(&path, 9).unwrap_err();
        assert!(err.to_string().contains("larger than the limit of 9 bytes"), "{err}");
        assert!(read_bounded(dir.path(), 9).unwrap_err().to_string().contains("folder"));
    }

    #[test]
    fn foreign_encodings_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let utf16: Vec<u8> = "key = 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        std::fs::write(&path, utf16).unwrap();
        let err = read_text_bounded(&path, 100).unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{err}");
        assert_eq!(byte_size(8 << 20), "8 MiB");
    }

    #[test]
    fn a_symbolic_link_loop_is_called_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink(dir.path().join("b"), &a).unwrap();
        std::os::unix::fs::symlink(&a, dir.path().join("b")).unwrap();
        let err = read_bounded(&a, 100).unwrap_err();
        assert_eq!(crate::discover::describe(&err), "a symbolic link loop");
    }
}
