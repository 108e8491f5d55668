//! Opening a package: the zip's central directory read once into [`Entry`]s, sizes checked
//! against [`Limits`] before anything is unpacked, and every later read cut at a limit
//! whatever the archive claims.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Bounds on what a package may hold before its contents are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive.
    pub max_entries: usize,
    /// Bytes of all entries once unpacked, as the archive claims them.
    pub max_unpacked: u64,
    /// Unpacked size over packed size of one entry, past [`Limits::ratio_floor`] bytes.
    pub max_ratio: u64,
    /// Entries smaller than this unpacked are never taken for bombs.
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_entries: 10_000, max_unpacked: 256 << 20, max_ratio: 100, ratio_floor: 1 << 20 }
    }
}

/// One entry of the central directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its index in the archive.
    pub index: usize,
    /// Its name as stored (lossily decoded).
    pub name: String,
    /// True for a folder entry (`name/`).
    pub is_dir: bool,
    /// True for a symbolic link.
    pub is_symlink: bool,
    /// Unpacked size, as claimed.
    pub size: u64,
    /// Packed size.
    pub packed: u64,
}

impl Entry {
    /// The entry's path inside the package, when its name is safe (see [`entry_problem`]).
    pub fn path(&self) -> Option<PathBuf> {
        entry_problem(&self.name).is_none().then(|| PathBuf::from(self.name.trim_end_matches('/')))
    }
}

/// Why an entry name is unsafe to unpack: absolute, a drive, `..`, a backslash or a NUL.
pub fn entry_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("has an empty name");
    }
    if name.contains('\0') {
        return Some("has a NUL in its name");
    }
    if name.contains('\\') {
        return Some("uses backslashes, which other systems read as part of a name");
    }
    if name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') {
        return Some("is an absolute path");
    }
    if Path::new(name)
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_)))
    {
        return Some("climbs out of the package with `..`");
    }
    None
}

/// An open package.
pub struct Package {
    /// The archive's path as shown.
    pub path: PathBuf,
    /// The archive's size in bytes.
    pub size: u64,
    /// Its entries, in archive order.
    pub entries: Vec<Entry>,
    /// True when two entries have one name (the later one hides the earlier).
    pub duplicate_names: bool,
    archive: Mutex<zip::ZipArchive<std::fs::File>>,
}

impl std::fmt::Debug for Package {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package").field("path", &self.path).field("entries", &self.entries.len()).finish()
    }
}

/// Why a package could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The file could not be read.
    Io(String),
    /// It is not a zip archive, or a broken one.
    NotZip(String),
}

impl Package {
    /// Opens the archive at `path` and reads its central directory (nothing is unpacked).
    pub fn open(path: &Path) -> Result<Package, OpenError> {
        let cannot = |err: std::io::Error| {
            OpenError::Io(format!("cannot read `{}`: {}", path.display(), crate::discover::describe(&err)))
        };
        let meta = std::fs::metadata(path).map_err(cannot)?;
        if !meta.is_file() {
            return Err(OpenError::Io(format!("`{}` is not a regular file; not read", path.display())));
        }
        let file = std::fs::File::open(path).map_err(cannot)?;
        let archive = zip::ZipArchive::new(file)
            .map_err(|err| OpenError::NotZip(format!("`{}` is not a zip archive: {err}", path.display())))?;
        let mut entries = Vec::with_capacity(archive.len());
        for index in 0..archive.len() {
            let data = archive
                .by_index_data(index)
                .map_err(|err| OpenError::NotZip(format!("`{}` has a broken entry: {err}", path.display())))?;
            entries.push(Entry {
                index,
                name: String::from_utf8_lossy(data.name_raw()).into_owned(),
                is_dir: data.is_dir(),
                is_symlink: data.is_symlink(),
                size: data.size(),
                packed: data.compressed_size(),
            });
        }
        let duplicate_names = archive.has_duplicate_names();
        Ok(Package {
            path: path.to_path_buf(),
            size: meta.len(),
            entries,
            duplicate_names,
            archive: Mutex::new(archive),
        })
    }

    /// Why the package must not be read further, if it passes `limits`.
    pub fn over_limits(&self, limits: Limits) -> Option<String> {
        let shown = self.path.display();
        if self.entries.len() > limits.max_entries {
            return Some(format!("`{shown}` holds {} entries, more than {}", self.entries.len(), limits.max_entries));
        }
        let total: u64 = self.entries.iter().map(|e| e.size).fold(0, u64::saturating_add);
        if total > limits.max_unpacked {
            return Some(format!("`{shown}` unpacks to {total} bytes, more than {}", limits.max_unpacked));
        }
        let bomb =
            self.entries.iter().find(|e| e.size > limits.ratio_floor && e.size / e.packed.max(1) > limits.max_ratio)?;
        Some(format!("`{shown}`: `{}` unpacks to {} bytes from {} (a zip bomb)", bomb.name, bomb.size, bomb.packed))
    }

    /// The unpacked bytes of entry `index`, at most `limit` of them (one more shows the entry
    /// is larger).
    pub fn read(&self, index: usize, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut archive = self.archive.lock().unwrap_or_else(|e| e.into_inner());
        let entry = archive.by_index(index).map_err(std::io::Error::other)?;
        let mut bytes = Vec::new();
        entry.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}
