//! Writing files safely: atomically, keeping permissions, never half-written.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target, so a reader sees the old file or the new one, never a mix. An
/// existing file's permissions are kept. On failure nothing at `path` changes, and the error
/// names the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let named = |err: std::io::Error| {
        std::io::Error::new(
            err.kind(),
            format!("cannot write `{}`: {}", path.display(), crate::discover::describe(&err)),
        )
    };
    let mut temp = tempfile::Builder::new().prefix(".skillsmith-").suffix(".tmp").tempfile_in(dir).map_err(named)?;
    temp.write_all(bytes).map_err(named)?;
    temp.as_file().sync_all().map_err(named)?;
    if let Ok(meta) = std::fs::metadata(path) {
        temp.as_file().set_permissions(meta.permissions()).map_err(named)?;
    }
    temp.persist(path).map_err(|err| named(err.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
