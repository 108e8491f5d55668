//! The skills shipped with skillsmith: every file under `skills/<name>/`, embedded at build
//! time by `build.rs`, so `skillsmith install NAME` and `skillsmith list` work from any folder.

use std::path::Path;

use crate::skill::Skill;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/shipped_skills.rs"));
}

/// A shipped skill.
#[derive(Clone, Copy, Debug)]
pub struct ShippedSkill {
    /// Its name (its folder's name under `skills/`).
    pub name: &'static str,
    /// Each file: path relative to the skill's folder (with `/`), and bytes.
    pub files: &'static [(&'static str, &'static [u8])],
}

impl ShippedSkill {
    /// The bytes of the file at `path` (relative, with `/`).
    pub fn file(&self, path: &str) -> Option<&'static [u8]> {
        self.files.iter().find(|(p, _)| *p == path).map(|(_, bytes)| *bytes)
    }

    /// Its SKILL.md, modelled.
    pub fn skill(&self) -> Option<Skill> {
        let bytes = self.file("SKILL.md")?;
        Some(Skill::parse(Path::new(self.name).join("SKILL.md"), bytes.to_vec()))
    }

    /// Its description, from its SKILL.md.
    pub fn description(&self) -> String {
        self.skill().and_then(|s| s.frontmatter.description().map(|d| d.value.to_string())).unwrap_or_default()
    }

    /// Its `metadata.kind`, from its SKILL.md.
    pub fn kind(&self) -> Option<String> {
        self.skill().and_then(|s| s.frontmatter.kind().map(str::to_string))
    }
}

/// Every shipped skill, by name.
pub fn all() -> Vec<ShippedSkill> {
    embedded::SHIPPED.iter().map(|(name, files)| ShippedSkill { name, files }).collect()
}

/// The shipped skill named `name`.
pub fn find(name: &str) -> Option<ShippedSkill> {
    all().into_iter().find(|s| s.name == name)
}
