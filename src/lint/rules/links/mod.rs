//! Rules about links, paths and the files a skill references.

pub mod absolute_path;
pub mod backslash_path;
pub mod link_outside_skill;
pub mod link_target_missing;
pub mod local;
pub mod nested_reference;
pub mod reference_without_toc;
pub mod unreferenced_file;
