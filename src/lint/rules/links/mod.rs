//! Rules about links, paths and the files a skill references.

/// `SK404` `absolute-path`: An absolute path from an author's machine (`/Users/...`, `/home/...`, `C:\...`).
pub mod absolute_path;
/// `SK403` `backslash-path`: A file path written with Windows backslashes.
pub mod backslash_path;
/// `SK407` `base-dir-placeholder`: `{baseDir}`, which Claude Code does not substitute.
pub mod base_dir_placeholder;
/// `SK401` `link-outside-skill`: A relative link leaves the skill's folder.
pub mod link_outside_skill;
/// `SK400` `link-target-missing`: A relative link or image points to a file that does not exist.
pub mod link_target_missing;
/// `SK402` `nested-reference`: A referenced file leads on to files SKILL.md does not reference (more than one level deep).
pub mod nested_reference;
/// `SK405` `reference-without-toc`: A long referenced file has no table of contents at its top.
pub mod reference_without_toc;
/// `SK406` `unreferenced-file`: A file in references/ is not referenced from SKILL.md or another reference.
pub mod unreferenced_file;
