//! Rules about `.skill` packages (SK020-SK029), reported by `crate::package`.

/// `SK027` `package-folder-name`: A package's folder is not named as its skill.
pub mod package_folder_name;
/// `SK028` `package-junk`: A package holds files uploads do not need.
pub mod package_junk;
/// `SK021` `package-layout`: A package is not one top-level folder.
pub mod package_layout;
/// `SK026` `package-limits`: A package passes the reader's safety limits.
pub mod package_limits;
/// `SK022` `package-skill-file`: A package has no SKILL.md at the root of its folder.
pub mod package_skill_file;
/// `SK024` `package-symlink`: A package holds a symbolic link.
pub mod package_symlink;
/// `SK025` `package-too-large`: A package is larger than the upload limit.
pub mod package_too_large;
/// `SK020` `package-unreadable`: A package is not a readable zip archive.
pub mod package_unreadable;
/// `SK023` `package-unsafe-path`: A package entry escapes its folder.
pub mod package_unsafe_path;
