//! `skillsmith package SKILL_DIR`: the skill's files zipped under one folder named as the skill,
//! reproducibly, after the api target found no error.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::lint::{LintRun, RealFs, RunOptions, Settings, Severity, Target, Uniform, lint_paths};

use super::UPLOAD_LIMIT;

/// A package made in memory, not yet written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// The top-level folder's name (the skill's folder name).
    pub folder: String,
    /// The zip's bytes.
    pub bytes: Vec<u8>,
    /// The entries, in archive order.
    pub entries: Vec<String>,
    /// Paths left out as junk, relative to the skill folder.
    pub left_out: Vec<String>,
}

/// Why no package was made.
#[derive(Debug)]
pub enum PackageError {
    /// The folder is not a skill folder, or a file in it cannot be packaged.
    Unusable(String),
    /// The api target found errors: the run, to print.
    Refused(Box<LintRun>),
    /// The package would pass the upload limit.
    TooLarge(u64),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::Unusable(message) => f.write_str(message),
            PackageError::Refused(run) => {
                write!(f, "not packaged: the api target finds {} error(s)", run.count(Severity::Error))
            }
            PackageError::TooLarge(size) => {
                write!(
                    f,
                    "not packaged: the package would be {size} bytes, more than the upload limit of {UPLOAD_LIMIT}"
                )
            }
        }
    }
}

/// True for what the packager leaves out: `__pycache__`, `node_modules`, `*.pyc`, `.DS_Store`
/// anywhere, and `evals/` at the top of the skill; `rel` is relative to the skill folder.
pub fn is_junk(rel: &Path) -> bool {
    let names: Vec<&str> = rel.components().filter_map(|c| c.as_os_str().to_str()).collect();
    names.first() == Some(&"evals")
        || names.iter().any(|n| matches!(*n, "__pycache__" | "node_modules" | ".DS_Store" | ".git"))
        || names.last().is_some_and(|n| n.ends_with(".pyc"))
}

/// One file to package: its path inside the skill folder (`/`-separated), where it is read
/// from, and whether it is executable.
pub type Source = (String, PathBuf, bool);

/// The files of the skill folder `dir`, sorted, and the junk left out. Symbolic links to files
/// inside the folder are packaged as the files; links out of it, linked folders and anything
/// that is not a regular file are refused.
pub fn collect(dir: &Path) -> Result<(Vec<Source>, Vec<String>), PackageError> {
    let real = std::fs::canonicalize(dir).map_err(|e| unusable(dir, &e))?;
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let entries = std::fs::read_dir(dir.join(&rel)).map_err(|e| unusable(&dir.join(&rel), &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| unusable(&dir.join(&rel), &e))?;
            let child = rel.join(entry.file_name());
            let shown = dir.join(&child);
            let Some(name) = child.to_str().map(|s| s.replace('\\', "/")) else {
                return Err(PackageError::Unusable(format!("`{}` has a name that is not UTF-8", shown.display())));
            };
            if is_junk(&child) {
                left_out.push(name);
                continue;
            }
            let kind = entry.file_type().map_err(|e| unusable(&shown, &e))?;
            if kind.is_dir() {
                pending.push(child);
                continue;
            }
            let meta = std::fs::metadata(&shown).map_err(|e| unusable(&shown, &e))?;
            if kind.is_symlink() {
                let target = std::fs::canonicalize(&shown).map_err(|e| unusable(&shown, &e))?;
                if !target.starts_with(&real) || meta.is_dir() {
                    let message = format!(
                        "`{}` is a symbolic link to {}; a package holds files only",
                        shown.display(),
                        if meta.is_dir() { "a folder" } else { "a file outside the skill" }
                    );
                    return Err(PackageError::Unusable(message));
                }
            }
            if !meta.is_file() {
                return Err(PackageError::Unusable(format!("`{}` is not a regular file", shown.display())));
            }
            files.push((name, shown, is_executable(&meta)));
        }
    }
    files.sort();
    left_out.sort();
    Ok((files, left_out))
}

#[cfg(unix)]
fn is_executable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &std::fs::Metadata) -> bool {
    false
}

fn unusable(path: &Path, err: &std::io::Error) -> PackageError {
    PackageError::Unusable(format!("cannot read `{}`: {}", path.display(), crate::discover::describe(err)))
}

/// Packages the skill folder `dir`: refused when its SKILL.md has errors on the api target,
/// when a file cannot be packaged, or when the result passes the upload limit.
pub fn build(dir: &Path) -> Result<Built, PackageError> {
    let skill_file = dir.join("SKILL.md");
    if !skill_file.is_file() {
        return Err(PackageError::Unusable(format!("`{}` has no SKILL.md; not a skill folder", dir.display())));
    }
    let settings = Uniform(Arc::new(Settings::new(Target::Api)));
    let run = lint_paths(&[skill_file], &settings, &RealFs, RunOptions::default());
    if run.count(Severity::Error) > 0 {
        return Err(PackageError::Refused(Box::new(run)));
    }
    let folder = folder_name(dir)?;
    let (files, left_out) = collect(dir)?;
    let total: u64 = files.iter().filter_map(|(_, path, _)| std::fs::metadata(path).ok()).map(|m| m.len()).sum();
    // Compression rarely wins 8 to 1 on what skills hold; past that, do not even try.
    if total > UPLOAD_LIMIT * 8 {
        return Err(PackageError::TooLarge(total));
    }
    let bytes = zip_files(&folder, &files)
        .map_err(|err| PackageError::Unusable(format!("cannot package `{}`: {err}", dir.display())))?;
    if bytes.len() as u64 > UPLOAD_LIMIT {
        return Err(PackageError::TooLarge(bytes.len() as u64));
    }
    let entries = files.iter().map(|(name, _, _)| format!("{folder}/{name}")).collect();
    Ok(Built { folder, bytes, entries, left_out })
}

/// The skill folder's own name (`.` resolved).
fn folder_name(dir: &Path) -> Result<String, PackageError> {
    let absolute = std::path::absolute(dir).map_err(|e| unusable(dir, &e))?;
    let absolute = crate::discover::unit::normalize(&absolute);
    let name = absolute.components().next_back().and_then(|c| match c {
        Component::Normal(name) => name.to_str().map(str::to_string),
        _ => None,
    });
    name.ok_or_else(|| PackageError::Unusable(format!("`{}` has no usable folder name", dir.display())))
}

/// The zip of `files` under `folder/`: entries sorted, timestamps fixed at 1980-01-01, modes
/// 0644 or 0755, deflated, so the same files give the same bytes.
fn zip_files(folder: &str, files: &[Source]) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, path, executable) in files {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(zip::DateTime::default())
            .system(zip::System::Unix)
            .unix_permissions(if *executable { 0o755 } else { 0o644 });
        zip.start_file(format!("{folder}/{name}"), options).map_err(std::io::Error::other)?;
        let file = std::fs::File::open(path)?;
        let size = file.metadata()?.len();
        let bytes = crate::fsio::read_up_to(&file, size, UPLOAD_LIMIT * 8)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Writes `built` to `out` atomically (never a partial file). An existing file is replaced
/// only when it is a zip archive (an earlier package); anything else is left alone.
pub fn write_package(built: &Built, out: &Path) -> std::io::Result<()> {
    if let Ok(existing) = std::fs::File::open(out) {
        let mut head = [0u8; 4];
        let is_zip = std::io::Read::read_exact(&mut &existing, &mut head).is_ok()
            && (head == *b"PK\x03\x04" || head == *b"PK\x05\x06");
        if !is_zip {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!(
                    "`{}` exists and is not a package; not overwritten (choose another name with -o)",
                    out.display()
                ),
            ));
        }
    }
    crate::fsio::write_atomic(out, &built.bytes)
}
