//! One open document analysed: a SKILL.md modelled and linted with the same rules, config and
//! suppressions as `lint`; any other file checked by the library's readers.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::discover::UnitResolver;
use crate::lint::{FileSystem, LintedFile, Settings, lint_skill};
use crate::skill::{LineIndex, ParseLimits, Skill};

use super::files::{DocKind, FileProblem, check_config, check_scenario, check_spec, check_use_case};

/// An open document: its text as the editor has it, and what the server made of it.
pub struct Document {
    /// The file it is (absolute).
    pub path: PathBuf,
    /// The editor's version.
    pub version: i32,
    /// Its text.
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// What kind of file it is.
    pub kind: DocKind,
    /// For a SKILL.md: the model and its single-file findings.
    pub skill: Option<(Skill, LintedFile)>,
    /// For another file: its problems.
    pub problems: Vec<FileProblem>,
}

impl Document {
    /// A document not yet analysed.
    pub fn new(path: PathBuf, version: i32, text: String) -> Document {
        let kind = super::files::kind_of(&path, &text);
        let lines = LineIndex::new(&text);
        Document { path, version, text, lines, kind, skill: None, problems: Vec::new() }
    }

    /// Replaces the text.
    pub fn set_text(&mut self, version: i32, text: String) {
        self.version = version;
        self.lines = LineIndex::new(&text);
        self.text = text;
        self.kind = super::files::kind_of(&self.path, &self.text);
    }

    /// Models and lints a SKILL.md with `settings`; checks any other file. `open_spec` is the
    /// editor's text of the skill's spec, for a scenario; `roots` are the workspace folders.
    pub fn analyse(&mut self, settings: &Arc<Settings>, scope: Scope<'_>, open_spec: Option<&str>) {
        let Scope { fs, units, roots } = scope;
        self.skill = None;
        self.problems = match self.kind {
            DocKind::Skill => {
                let skill = model(&self.path, &self.text);
                let linted = lint_skill(&skill, settings, fs, units);
                self.skill = Some((skill, linted));
                Vec::new()
            }
            DocKind::Spec => check_spec(&self.path, &self.text).err().unwrap_or_default(),
            DocKind::Config => check_config(&self.path, &self.text),
            DocKind::Scenario => check_scenario(&self.path, &self.text, open_spec),
            DocKind::UseCase => check_use_case(&self.path, &self.text, roots),
            DocKind::Other => Vec::new(),
        };
    }
}

/// What a document is analysed within: the file system rules see, the install units, and the
/// workspace folders.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// The file system the rules see (the workspace only).
    pub fs: &'a dyn FileSystem,
    /// Places skills in install units.
    pub units: &'a UnitResolver,
    /// The workspace folders.
    pub roots: &'a [PathBuf],
}

/// Models the SKILL.md at `path` from the editor's text, cut at the size limit as `lint`
/// cuts a file it reads (the skill then records its real size).
pub fn model(path: &Path, text: &str) -> Skill {
    let limits = ParseLimits::default();
    let bytes = text.as_bytes().to_vec();
    if bytes.len() <= limits.max_file_bytes {
        return Skill::parse_with(path.to_path_buf(), bytes, limits);
    }
    Skill::parse_oversize(path.to_path_buf(), bytes, limits, text.len())
}
