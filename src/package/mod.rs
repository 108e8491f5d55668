//! `.skill` packages: the zip that claude.ai and the Skills API accept, one top-level folder
//! named as the skill holding its `SKILL.md` and files.
//!
//! [`build`] makes one from a skill folder, byte for byte the same for the same folder (sorted
//! entries, fixed timestamps and modes), refusing when the api target finds an error or the
//! package would pass the upload limit. [`lint_package`] checks a package in place, without
//! unpacking it to disk: its layout, its size, and every lint rule on its SKILL.md, reading
//! entries through [`ArchiveFs`] with every read bounded.

mod archive;
mod archive_fs;
mod build;
mod lint;

pub use archive::{Entry, Limits, OpenError, Package, entry_problem};
pub use archive_fs::ArchiveFs;
pub use build::{Built, PackageError, build, collect, is_junk, write_package};
pub use lint::{lint_package, package_settings};

/// The upload limit of the Skills API: 30 MB, taken as 30,000,000 bytes (`../shared/FACTS.md`
/// section 7).
pub const UPLOAD_LIMIT: u64 = 30_000_000;
