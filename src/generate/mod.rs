//! The generator: skill specs rendered through templates into SKILL.md files, written
//! without clobbering anyone's edits.
//!
//! - [`spec`]: the spec format (`skill.yaml`), its types and validation;
//! - [`load`]: reading a spec from disk with located errors;
//! - [`folders`]: folders of skills given to `render` and `test`, hand-written ones skipped;
//! - [`templates`]: the built-in templates and `--templates DIR` overrides;
//! - [`unknown_fields`]: every unknown field of a spec or scenario at once, with suggestions;
//! - [`render`]: spec to SKILL.md bytes (frontmatter by the YAML serializer);
//! - [`write`](mod@write): planning and applying file writes atomically;
//! - [`diff`]: unified diffs of what would change;
//! - [`origin`]: which spec field each part of a rendered SKILL.md came from;
//! - [`shipped`]: the skills embedded in the binary;
//! - [`install`] and [`scaffold`]: the sources `install` and `new` write from;
//! - [`lock`] and [`swap`]: one install at a time, each putting a skill's folder in place whole.

pub mod diff;
pub mod folders;
pub mod install;
pub mod load;
pub mod lock;
pub mod origin;
pub mod quantity;
pub mod render;
pub mod scaffold;
pub mod shipped;
pub mod spec;
pub mod stamp;
pub mod swap;
pub mod templates;
pub mod unknown_fields;
pub mod write;
