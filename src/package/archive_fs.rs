//! The rules' window on a package: the archive's entries answer as files and folders under
//! the package's own path (`pdf.skill/pdf/SKILL.md`), so link rules check a package as they
//! check a folder, and nothing is unpacked to disk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::lint::FileSystem;

use super::archive::Package;

/// A [`FileSystem`] over one package's safe, regular entries.
pub struct ArchiveFs<'a> {
    package: &'a Package,
    files: BTreeMap<PathBuf, usize>,
    dirs: BTreeSet<PathBuf>,
}

impl<'a> ArchiveFs<'a> {
    /// The entries of `package`, seen under its path; unsafe names and links are left out.
    pub fn new(package: &'a Package) -> Self {
        let mut files = BTreeMap::new();
        let mut dirs = BTreeSet::new();
        dirs.insert(package.path.clone());
        for entry in package.entries.iter().filter(|e| !e.is_symlink) {
            let Some(rel) = entry.path() else { continue };
            let path = package.path.join(rel);
            for parent in path.ancestors().skip(1) {
                if parent == package.path || !dirs.insert(parent.to_path_buf()) {
                    break;
                }
            }
            if entry.is_dir {
                dirs.insert(path);
            } else {
                files.insert(path, entry.index);
            }
        }
        ArchiveFs { package, files, dirs }
    }

    /// The entry index of the file at `path`, if the package holds one there.
    pub fn index_of(&self, path: &Path) -> Option<usize> {
        self.files.get(&crate::discover::unit::normalize(path)).copied()
    }
}

impl FileSystem for ArchiveFs<'_> {
    fn exists(&self, path: &Path) -> bool {
        self.kind(path).is_some()
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.kind(path) == Some(true)
    }

    fn kind(&self, path: &Path) -> Option<bool> {
        let path = crate::discover::unit::normalize(path);
        if self.dirs.contains(&path) { Some(true) } else { self.files.contains_key(&path).then_some(false) }
    }

    fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
        let index = self.index_of(path)?;
        let bytes = self.package.read(index, max_bytes).ok()?;
        if bytes.len() as u64 > max_bytes {
            return None;
        }
        String::from_utf8(bytes).ok()
    }

    fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
        let dir = crate::discover::unit::normalize(dir);
        self.files
            .range(dir.clone()..)
            .map(|(path, _)| path)
            .take_while(|path| path.starts_with(&dir))
            .filter_map(|path| {
                path.strip_prefix(&dir).ok().filter(|r| !r.as_os_str().is_empty()).map(Path::to_path_buf)
            })
            .take(limit)
            .collect()
    }
}
