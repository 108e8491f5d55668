//! Installing a skill's folder all at once: the new folder is built beside the installed one
//! (`.claude/skills/.skillsmith-install-new-<name>-<id>`), holding the installed files (hard
//! links, so nothing is copied) with the install's files written over them, and only then put
//! in the installed folder's place. A failure, or a kill at any moment, leaves either the old
//! folder whole or the new one whole, never a mix.
//!
//! On Linux the two folders are exchanged in one step (`renameat2` with `RENAME_EXCHANGE`).
//! Elsewhere, or on a file system without it, the installed folder is first renamed aside
//! (`.skillsmith-install-old-<name>-<id>`) and the new one renamed into place; a kill between
//! the two renames leaves the old folder aside, and the next install (holding the lock, see
//! [`super::lock`]) puts it back and says so. [`recover`] does that clean-up.

use std::path::{Path, PathBuf};

use super::write::{Change, Planned, WriteError};

/// The prefix of the folders an install builds or sets aside in the skills folder.
pub const SWAP_PREFIX: &str = ".skillsmith-install-";
const NEW: &str = "new-";
const OLD: &str = "old-";

fn fail(path: &Path, message: impl Into<String>) -> WriteError {
    WriteError { path: path.to_path_buf(), message: message.into() }
}

/// Writes every changed file of `plan` (all under `folder`) by building the whole folder
/// beside it and swapping it into place. Missing folders above `folder` are created (and
/// removed again when the install fails).
pub fn install_folder(folder: &Path, plan: &[Planned]) -> Result<(), WriteError> {
    if plan.iter().all(|file| file.change == Change::Unchanged) {
        return Ok(());
    }
    let (parent, name) = match (folder.parent(), folder.file_name()) {
        (Some(parent), Some(name)) => (parent, name.to_string_lossy().into_owned()),
        _ => return Err(fail(folder, "is not a folder that can be installed into")),
    };
    let mut created = Vec::new();
    let result = build_and_swap(folder, parent, &name, plan, &mut created);
    if result.is_err() {
        for made in created.iter().rev() {
            let _ = std::fs::remove_dir(made);
        }
    }
    result
}

fn build_and_swap(
    folder: &Path,
    parent: &Path,
    name: &str,
    plan: &[Planned],
    created: &mut Vec<PathBuf>,
) -> Result<(), WriteError> {
    super::write::create_folders(parent, created)?;
    let staging = make_unique(parent, &format!("{SWAP_PREFIX}{NEW}{name}-"))?;
    let built = build(folder, &staging, plan);
    let swapped =
        built.and_then(|exists| if exists { swap(folder, &staging, parent, name) } else { rename(&staging, folder) });
    if swapped.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    swapped
}

/// Fills `staging` with what `folder` will hold; says whether `folder` exists now.
fn build(folder: &Path, staging: &Path, plan: &[Planned]) -> Result<bool, WriteError> {
    let exists = std::fs::symlink_metadata(folder).is_ok_and(|meta| meta.is_dir());
    if exists {
        mirror(folder, staging)?;
    }
    for file in plan.iter().filter(|file| file.change != Change::Unchanged) {
        let relative = file.path.strip_prefix(folder).map_err(|_| fail(&file.path, "is outside the skill's folder"))?;
        let target = staging.join(relative);
        if let Some(inner) = target.parent() {
            std::fs::create_dir_all(inner).map_err(|err| fail(inner, format!("cannot create the folder: {err}")))?;
        }
        // Written beside and renamed over: a hard link to the installed file is replaced,
        // never written through.
        let staged = crate::fsio::stage_as(&target, &file.contents, SWAP_PREFIX)
            .map_err(|err| fail(&file.path, err.to_string()))?;
        staged.commit().map_err(|err| fail(&file.path, err.to_string()))?;
    }
    Ok(exists)
}

/// Recreates `from`'s tree under `to`: folders made (with their permissions), every other
/// entry hard-linked, or copied where links cannot be made.
fn mirror(from: &Path, to: &Path) -> Result<(), WriteError> {
    let permissions =
        std::fs::metadata(from).map_err(|err| fail(from, format!("cannot inspect: {err}")))?.permissions();
    let entries = std::fs::read_dir(from).map_err(|err| fail(from, format!("cannot read the folder: {err}")))?;
    for entry in entries {
        let entry = entry.map_err(|err| fail(from, err.to_string()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().map_err(|err| fail(&source, format!("cannot inspect: {err}")))?;
        if kind.is_dir() {
            std::fs::create_dir(&target).map_err(|err| fail(&target, format!("cannot create the folder: {err}")))?;
            mirror(&source, &target)?;
        } else if std::fs::hard_link(&source, &target).is_err() {
            copy_entry(&source, &target, kind)?;
        }
    }
    std::fs::set_permissions(to, permissions).map_err(|err| fail(to, format!("cannot set permissions: {err}")))
}

fn copy_entry(source: &Path, target: &Path, kind: std::fs::FileType) -> Result<(), WriteError> {
    #[cfg(unix)]
    if kind.is_symlink() {
        let points_to =
            std::fs::read_link(source).map_err(|err| fail(source, format!("cannot read the link: {err}")))?;
        return std::os::unix::fs::symlink(points_to, target)
            .map_err(|err| fail(target, format!("cannot recreate the link: {err}")));
    }
    if !kind.is_file() {
        return Err(fail(
            source,
            "is neither a file, a folder nor a link, and cannot be linked; install cannot keep it",
        ));
    }
    std::fs::copy(source, target).map(drop).map_err(|err| fail(source, format!("cannot copy: {err}")))
}

/// Puts `staging` in `folder`'s place and removes the old folder.
fn swap(folder: &Path, staging: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if exchange(staging, folder) {
        let _ = std::fs::remove_dir_all(staging);
        return Ok(());
    }
    let aside = unique_path(parent, &format!("{SWAP_PREFIX}{OLD}{name}-"));
    rename(folder, &aside)?;
    if let Err(err) = rename(staging, folder) {
        let _ = std::fs::rename(&aside, folder);
        return Err(err);
    }
    let _ = std::fs::remove_dir_all(&aside);
    Ok(())
}

/// Exchanges two folders in one step where the platform can; false when it cannot.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) =
        (std::ffi::CString::new(a.as_os_str().as_bytes()), std::ffi::CString::new(b.as_os_str().as_bytes()))
    else {
        return false;
    };
    // SAFETY: two valid NUL-terminated paths, relative to the working folder.
    unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) == 0 }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

fn rename(from: &Path, to: &Path) -> Result<(), WriteError> {
    std::fs::rename(from, to).map_err(|err| fail(to, format!("cannot move `{}` here: {err}", from.display())))
}

fn unique_path(parent: &Path, prefix: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let id = format!("{:x}{:x}{:x}", std::process::id(), nanos, COUNT.fetch_add(1, Ordering::Relaxed));
    parent.join(format!("{prefix}{id}"))
}

/// A new, empty folder named `<prefix><id>`, made with the default permissions (the umask
/// applies, as for any folder the user makes).
fn make_unique(parent: &Path, prefix: &str) -> Result<PathBuf, WriteError> {
    loop {
        let path = unique_path(parent, prefix);
        match std::fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(fail(&path, format!("cannot create the folder: {err}"))),
        }
    }
}

/// What [`recover`] did with a folder an interrupted install left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovered {
    /// An unfinished new folder, removed.
    RemovedUnfinished(PathBuf),
    /// A previous copy whose replacement was in place, removed.
    RemovedPrevious(PathBuf),
    /// A previous copy whose replacement never arrived, put back at this path.
    Restored(PathBuf),
}

/// Clears what interrupted installs left in `skills`: an unfinished new folder is removed; a
/// folder set aside is put back when its skill's folder is missing, else removed. Call it only
/// while holding the install lock. Links and files with these names are left alone.
pub fn recover(skills: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(skills) else { return Vec::new() };
    let mut leftovers: Vec<(PathBuf, String)> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.strip_prefix(SWAP_PREFIX)?.to_string();
            Some((entry.path(), name))
        })
        .collect();
    leftovers.sort();
    let mut done = Vec::new();
    for (path, rest) in leftovers {
        if rest.starts_with(NEW) {
            if std::fs::remove_dir_all(&path).is_ok() {
                done.push(Recovered::RemovedUnfinished(path));
            }
        } else if let Some((skill, _id)) = rest.strip_prefix(OLD).and_then(|r| r.rsplit_once('-')) {
            let home = skills.join(skill);
            if std::fs::symlink_metadata(&home).is_err() {
                if std::fs::rename(&path, &home).is_ok() {
                    done.push(Recovered::Restored(home));
                }
            } else if std::fs::remove_dir_all(&path).is_ok() {
                done.push(Recovered::RemovedPrevious(path));
            }
        }
    }
    done
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn planned(path: PathBuf, contents: &str, change: Change) -> Planned {
        Planned { path, contents: contents.as_bytes().to_vec(), change }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_folder_arrives_whole_and_an_existing_one_keeps_the_files_install_does_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(".claude/skills/pdf");
        let plan = vec![
            planned(folder.join("SKILL.md"), "one", Change::Create),
            planned(folder.join("references/a.md"), "a", Change::Create),
        ];
        install_folder(&folder, &plan).unwrap();
        assert_eq!(std::fs::read_to_string(folder.join("references/a.md")).unwrap(), "a");
        std::fs::write(folder.join("notes.md"), "mine").unwrap();
        let kept = folder.join("references/a.md");
        let inode = std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&kept).unwrap());
        let plan = vec![planned(folder.join("SKILL.md"), "two", Change::Update { old: b"one".to_vec() })];
        install_folder(&folder, &plan).unwrap();
        assert_eq!(std::fs::read_to_string(folder.join("SKILL.md")).unwrap(), "two");
        assert_eq!(std::fs::read_to_string(folder.join("notes.md")).unwrap(), "mine", "the user's file is kept");
        assert_eq!(
            std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&kept).unwrap()),
            inode,
            "linked, not copied"
        );
        assert_eq!(names(folder.parent().unwrap()), ["pdf"], "nothing left beside it");
    }

    #[test]
    fn a_failure_part_way_leaves_the_installed_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("skills/pdf");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("SKILL.md"), "old").unwrap();
        let too_long = folder.join("x".repeat(300));
        let plan = vec![
            planned(folder.join("SKILL.md"), "new", Change::Update { old: b"old".to_vec() }),
            planned(too_long, "cannot be named", Change::Create),
        ];
        let err = install_folder(&folder, &plan).unwrap_err();
        assert!(err.message.contains("name"), "{err}");
        assert_eq!(std::fs::read_to_string(folder.join("SKILL.md")).unwrap(), "old", "the first file was not written");
        assert_eq!(names(dir.path().join("skills").as_path()), ["pdf"], "the unfinished folder is gone");
    }

    #[test]
    fn a_failed_first_install_removes_the_folders_it_made() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(".claude/skills/pdf");
        let plan = vec![planned(folder.join("x".repeat(300)), "x", Change::Create)];
        assert!(install_folder(&folder, &plan).is_err());
        assert!(!dir.path().join(".claude").exists());
    }

    #[test]
    fn what_a_kill_leaves_is_put_back_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let skills = dir.path();
        // Killed between the two renames: the old folder aside, none in place.
        std::fs::create_dir(skills.join(".skillsmith-install-old-pdf-1a2b")).unwrap();
        std::fs::write(skills.join(".skillsmith-install-old-pdf-1a2b/SKILL.md"), "old").unwrap();
        // Killed while building: an unfinished new folder.
        std::fs::create_dir(skills.join(".skillsmith-install-new-pdf-3c4d")).unwrap();
        // Killed after the swap, before the clean-up: the replacement is in place.
        std::fs::create_dir(skills.join("csv")).unwrap();
        std::fs::create_dir(skills.join(".skillsmith-install-old-csv-5e6f")).unwrap();
        // Not an install's: a file of that name is left alone.
        std::fs::write(skills.join(".skillsmith-install-old-x-1"), "").unwrap();
        let done = recover(skills);
        assert_eq!(
            done,
            [
                Recovered::RemovedUnfinished(skills.join(".skillsmith-install-new-pdf-3c4d")),
                Recovered::RemovedPrevious(skills.join(".skillsmith-install-old-csv-5e6f")),
                Recovered::Restored(skills.join("pdf")),
            ]
        );
        assert_eq!(std::fs::read_to_string(skills.join("pdf/SKILL.md")).unwrap(), "old");
        assert_eq!(names(skills), [".skillsmith-install-old-x-1", "csv", "pdf"]);
    }
}
