//! `skillsmith lint PACKAGE.skill`: the package's layout, size and limits, then every lint
//! rule on its SKILL.md, all read in place.

use std::collections::BTreeSet;
use std::path::Path;

use crate::discover::UnitResolver;
use crate::lint::external::FileFindings;
use crate::lint::rules::package::{
    package_folder_name::PackageFolderName, package_junk::PackageJunk, package_layout::PackageLayout,
    package_limits::PackageLimits, package_skill_file::PackageSkillFile, package_symlink::PackageSymlink,
    package_too_large::PackageTooLarge, package_unreadable::PackageUnreadable, package_unsafe_path::PackageUnsafePath,
};
use crate::lint::{FileResult, FsCache, Level, Settings, Target, check_file, locate, rules};
use crate::skill::{ParseLimits, Skill, Span};

use super::UPLOAD_LIMIT;
use super::archive::{Limits, OpenError, Package};
use super::archive_fs::ArchiveFs;
use super::build::is_junk;

/// The settings a package's SKILL.md is checked with: `settings` on the api target (where
/// packages go), with every rule that is an error there enabled.
pub fn package_settings(settings: &Settings) -> Settings {
    let mut out = settings.clone();
    out.target = Target::Api;
    for (index, rule) in rules().iter().enumerate() {
        if rule.meta().levels.api == Level::Error && out.level(index) == Level::Off {
            out.set_level(index, Level::Error);
        }
    }
    out
}

/// Lints the package at `path`: the package's own findings first (under its path), then its
/// SKILL.md's (under `PACKAGE/FOLDER/SKILL.md`), with `Some` summary count when it was read.
pub fn lint_package(
    path: &Path,
    settings: &Settings,
    limits: ParseLimits,
    units: &UnitResolver,
) -> (Vec<FileResult>, bool) {
    let mut out = FileFindings::new(settings, path, None);
    let package = match Package::open(path) {
        Ok(package) => package,
        Err(OpenError::Io(message) | OpenError::NotZip(message)) => {
            out.report(&PackageUnreadable::META, Span::empty(0), message, None);
            return (vec![out.into_result()], false);
        }
    };
    if package.size > UPLOAD_LIMIT {
        let message =
            format!("`{}` is {} bytes, more than the upload limit of {UPLOAD_LIMIT}", path.display(), package.size);
        out.report(&PackageTooLarge::META, Span::empty(0), message, Some("move large data out of the skill"));
    }
    if let Some(message) = package.over_limits(Limits::default()) {
        out.report(&PackageLimits::META, Span::empty(0), format!("{message}; contents not read"), None);
        return (vec![out.into_result()], false);
    }
    let folder = check_layout(&package, &mut out);
    let Some(folder) = folder else { return (vec![out.into_result()], false) };
    let fs = ArchiveFs::new(&package);
    let skill_path = path.join(&folder).join("SKILL.md");
    let Some(index) = fs.index_of(&skill_path) else {
        let elsewhere: Vec<&str> = package
            .entries
            .iter()
            .map(|e| e.name.as_str())
            .filter(|n| n.rsplit('/').next().is_some_and(crate::discover::is_skill_file_name))
            .collect();
        let message = match elsewhere.first() {
            Some(found) => format!("`{}` has no `{folder}/SKILL.md` (found `{found}`)", path.display()),
            None => format!("`{}` has no `{folder}/SKILL.md`", path.display()),
        };
        out.report(
            &PackageSkillFile::META,
            Span::empty(0),
            message,
            Some("put SKILL.md directly inside the package's folder"),
        );
        return (vec![out.into_result()], false);
    };
    let bytes = match package.read(index, limits.max_file_bytes as u64) {
        Ok(bytes) => bytes,
        Err(err) => {
            let message = format!("cannot unpack `{folder}/SKILL.md` from `{}`: {err}", path.display());
            out.report(&PackageUnreadable::META, Span::empty(0), message, None);
            return (vec![out.into_result()], false);
        }
    };
    let skill = if bytes.len() > limits.max_file_bytes {
        Skill::parse_oversize(skill_path.clone(), bytes, limits, limits.max_file_bytes + 1)
    } else {
        Skill::parse_with(skill_path.clone(), bytes, limits)
    };
    let skill = skill.with_dir_name(Some(folder.clone()));
    if let Some(name) = skill.frontmatter.name().map(|n| n.value.trim().to_string())
        && !name.is_empty()
        && name != folder
    {
        let message = format!("the package's folder is `{folder}` but the skill is named `{name}`");
        out.report(&PackageFolderName::META, Span::empty(0), message, Some("name the folder as the skill"));
    }
    let api = package_settings(settings);
    let cached = FsCache::new(&fs);
    let checked = check_file(&skill, &api, &cached);
    let mut findings: Vec<_> = checked.diagnostics.into_iter().map(|d| locate(&skill, d)).collect();
    findings.extend(checked.suppressions.unused_findings());
    let mut contents = FileResult { path: skill_path.clone(), findings, placement: Some(units.place(&skill_path)) };
    contents.sort();
    (vec![out.into_result(), contents], true)
}

/// Checks entry names, links, junk and the one top-level folder; returns that folder's name
/// when there is exactly one.
fn check_layout(package: &Package, out: &mut FileFindings<'_>) -> Option<String> {
    let shown = package.path.display();
    if package.duplicate_names {
        out.report(&PackageUnsafePath::META, Span::empty(0), format!("`{shown}` holds two entries of one name"), None);
    }
    let mut tops = BTreeSet::new();
    let mut loose = Vec::new();
    for entry in &package.entries {
        if let Some(problem) = super::archive::entry_problem(&entry.name) {
            out.report(
                &PackageUnsafePath::META,
                Span::empty(0),
                format!("the entry `{}` {problem}", entry.name.escape_debug()),
                None,
            );
            continue;
        }
        if entry.is_symlink {
            out.report(
                &PackageSymlink::META,
                Span::empty(0),
                format!("the entry `{}` is a symbolic link", entry.name),
                Some("store the file itself"),
            );
        }
        let name = entry.name.trim_end_matches('/');
        match name.split_once('/') {
            Some((top, rest)) => {
                tops.insert(top.to_string());
                if is_junk(Path::new(rest)) {
                    out.report(
                        &PackageJunk::META,
                        Span::empty(0),
                        format!("the entry `{}` is not needed by the skill", entry.name),
                        None,
                    );
                }
            }
            None if entry.is_dir => {
                tops.insert(name.to_string());
            }
            None => loose.push(name.to_string()),
        }
    }
    if let Some(first) = loose.first() {
        let message = format!("`{shown}` has files outside its folder (`{first}`); a package is one folder");
        out.report(
            &PackageLayout::META,
            Span::empty(0),
            message,
            Some("zip the skill's folder itself, or run `skillsmith package`"),
        );
        return None;
    }
    match tops.len() {
        0 => {
            out.report(&PackageLayout::META, Span::empty(0), format!("`{shown}` is empty"), None);
            None
        }
        1 => tops.pop_first(),
        n => {
            let names: Vec<_> = tops.iter().map(|t| format!("`{t}`")).collect();
            let message =
                format!("`{shown}` has {n} top-level folders ({}); a package is one folder", names.join(", "));
            out.report(&PackageLayout::META, Span::empty(0), message, None);
            None
        }
    }
}
