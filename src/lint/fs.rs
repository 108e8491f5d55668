//! The only window rules have on the file system: which paths exist, what a folder holds,
//! what a referenced file says. Tests give rules an in-memory one.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What rules may ask of the file system.
pub trait FileSystem: Sync {
    /// True when `path` exists (file or folder).
    fn exists(&self, path: &Path) -> bool;

    /// True when `path` is a folder.
    fn is_dir(&self, path: &Path) -> bool;

    /// `None` when `path` does not exist, else whether it is a folder (one question instead
    /// of two, where the file system can answer both at once).
    fn kind(&self, path: &Path) -> Option<bool> {
        self.exists(path).then(|| self.is_dir(path))
    }

    /// The text of the file at `path`, if it is readable UTF-8 of at most `max_bytes`.
    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String>;

    /// Every file under `dir`, recursively, as paths relative to `dir`, sorted; at most
    /// `limit` of them.
    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf>;

    /// What `path` is when it exists but is neither a regular file nor a folder (symbolic
    /// links followed): `a named pipe (FIFO)`, `a device`, `a socket`. Such a file is never
    /// opened.
    fn special_kind(&self, _path: &Path) -> Option<&'static str> {
        None
    }
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl FileSystem for RealFs {
    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn kind(&self, path: &Path) -> Option<bool> {
        std::fs::metadata(path).ok().map(|m| m.is_dir())
    }

    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
        // Never a FIFO or a device: those are refused before they are opened.
        crate::fsio::read_text_bounded(path, max_bytes).ok()
    }

    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = walkdir_files(dir, limit);
        out.sort();
        out
    }

    fn special_kind(&self, path: &Path) -> Option<&'static str> {
        std::fs::metadata(path).ok().as_ref().and_then(crate::fsio::special_kind)
    }
}

fn walkdir_files(dir: &Path, limit: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else { continue };
            let path = entry.path();
            if kind.is_dir() {
                pending.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_path_buf());
                if out.len() >= limit {
                    return out;
                }
            }
        }
    }
    out
}

/// A file system that remembers its answers for the rules of one skill: several rules ask
/// whether the same link targets exist, list the same folder and read the same bundled files,
/// and each answer costs system calls. With it each file is read at most once per skill,
/// whatever number of rules look at it (up to `MAX_CACHED_TEXT` bytes held; past that,
/// texts are read again rather than kept).
pub struct FsCache<'a> {
    inner: &'a dyn FileSystem,
    stats: Mutex<HashMap<PathBuf, Option<bool>>>,
    texts: Mutex<TextCache>,
    listings: Mutex<HashMap<(PathBuf, usize), Vec<PathBuf>>>,
}

/// The most text one skill's cache holds.
pub const MAX_CACHED_TEXT: usize = 64 << 20;

/// Texts read so far: for each path, what reading it under the largest limit asked gave.
#[derive(Default)]
struct TextCache {
    read: HashMap<PathBuf, (u64, Option<String>)>,
    bytes: usize,
}

impl<'a> FsCache<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a dyn FileSystem) -> Self {
        FsCache { inner, stats: Mutex::default(), texts: Mutex::default(), listings: Mutex::default() }
    }

    /// `None` when `path` does not exist, else whether it is a folder.
    fn stat(&self, path: &Path) -> Option<bool> {
        let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        *stats.entry(path.to_path_buf()).or_insert_with(|| self.inner.kind(path))
    }
}

impl FileSystem for FsCache<'_> {
    fn exists(&self, path: &Path) -> bool {
        self.stat(path).is_some()
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.stat(path) == Some(true)
    }

    fn kind(&self, path: &Path) -> Option<bool> {
        self.stat(path)
    }

    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
        let mut cache = self.texts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((limit, text)) = cache.read.get(path) {
            match text {
                // A text read under one limit answers every caller: too long for some.
                Some(text) => return (text.len() as u64 <= max_bytes).then(|| text.clone()),
                // Unreadable, or over a limit at least as large as this one.
                None if *limit >= max_bytes => return None,
                None => {}
            }
        }
        let text = self.inner.read_text(path, max_bytes);
        let size = text.as_ref().map_or(0, String::len);
        if cache.bytes + size <= MAX_CACHED_TEXT {
            cache.bytes += size;
            cache.read.insert(path.to_path_buf(), (max_bytes, text.clone()));
        }
        text
    }

    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
        let key = (dir.to_path_buf(), limit);
        if let Some(files) = self.listings.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return files.clone();
        }
        let files = self.inner.files_under(dir, limit);
        self.listings.lock().unwrap_or_else(|e| e.into_inner()).insert(key, files.clone());
        files
    }

    fn special_kind(&self, path: &Path) -> Option<&'static str> {
        self.inner.special_kind(path)
    }
}

/// An in-memory file system for tests: a map from path to text.
#[derive(Clone, Debug, Default)]
pub struct MemoryFs {
    files: BTreeMap<PathBuf, String>,
}

impl MemoryFs {
    /// An empty one.
    pub fn new() -> Self {
        MemoryFs::default()
    }

    /// Adds a file.
    pub fn with_file(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        self.files.insert(path.into(), text.into());
        self
    }
}

impl FileSystem for MemoryFs {
    fn exists(&self, path: &Path) -> bool {
        self.files.contains_key(path) || self.is_dir(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|file| file != path && file.starts_with(path))
    }

    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
        self.files.get(path).filter(|t| t.len() as u64 <= max_bytes).cloned()
    }

    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
        self.files
            .keys()
            .filter_map(|file| file.strip_prefix(dir).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .take(limit)
            .collect()
    }
}
