//! Install units: which skills Claude Code loads together, and the name each is invoked by.
//!
//! Claude Code never loads "a repository"; it loads units (`../shared/FACTS.md` sections 2
//! and 7):
//! - a **project**: the `.claude/skills/` (and `.claude/commands/`) of one folder; the folder's
//!   parents up to the repository root add theirs, and `.claude/skills/` folders nested below
//!   load under a directory-qualified name (`/apps/web:deploy`) instead of clashing;
//! - a **plugin**: `<plugin>/skills/`, namespaced `/plugin:skill`, never in conflict with
//!   another plugin or with project skills;
//! - **personal** skills in `~/.claude/skills/`;
//! - anything else is a **collection**: the folder holding skill folders (a repository's
//!   `skills/`), which a user copies into one of the above as a whole.
//!
//! Names must be unique inside a unit and the listing budget is spent per unit; this module
//! is the one place that decides what a unit is. It looks at path names and, for plugins, at
//! `.claude-plugin/plugin.json`; it never reads a skill.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;

use super::SKIPPED_DIRS;

/// The kinds of install unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A project folder's `.claude/skills` and `.claude/commands`.
    Project,
    /// The user's own `~/.claude/skills`.
    Personal,
    /// A plugin's skills, namespaced by the plugin's name.
    Plugin,
    /// A folder of skill folders outside any `.claude` folder or plugin.
    Collection,
}

impl UnitKind {
    /// The kind in one lowercase word, as JSON and SARIF carry it.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Project => "project",
            UnitKind::Personal => "personal",
            UnitKind::Plugin => "plugin",
            UnitKind::Collection => "collection",
        }
    }
}

/// One install unit: skills inside it are listed together and must not share a name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstallUnit {
    /// What kind of unit.
    pub kind: UnitKind,
    /// The folder that identifies it: the project folder (the one holding `.claude`), the
    /// plugin's root, or the collection folder. Absolute, symbolic links not resolved.
    pub root: PathBuf,
    /// The plugin's name (`plugin.json`'s `name`, else its folder's name); `None` for other
    /// kinds.
    pub namespace: Option<String>,
}

impl InstallUnit {
    /// The skill files of this unit, found by listing only its own folders (never a walk of
    /// the repository): a project's `.claude/skills`, a plugin's `skills/` (or the plugin
    /// folder itself when it is one skill), a collection's skill folders. Sorted; what cannot
    /// be listed is left out (the files named on the command line report their own problems).
    pub fn members(&self, units: &UnitResolver) -> Vec<PathBuf> {
        let (base, depth) = match self.kind {
            UnitKind::Project | UnitKind::Personal => (self.root.join(".claude").join("skills"), 4),
            UnitKind::Plugin if self.namespace.as_deref().is_some_and(|n| n.ends_with("@skills-dir")) => {
                (self.root.clone(), 1)
            }
            UnitKind::Plugin => (self.root.join("skills"), 4),
            UnitKind::Collection => (self.root.clone(), 2),
        };
        let mut found: Vec<PathBuf> = WalkBuilder::new(&base)
            .hidden(false)
            .git_global(false)
            .follow_links(true)
            .max_depth(Some(depth))
            .filter_entry(|entry| {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                !(is_dir && entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| SKIPPED_DIRS.contains(&n)))
            })
            .build()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
            .filter(|entry| entry.file_name().to_str().is_some_and(super::is_skill_file_name))
            .map(|entry| entry.into_path())
            .filter(|path| units.place(path).unit.as_ref() == self)
            .collect();
        found.sort();
        found
    }

    /// The root as shown: relative to the current folder when below it, else absolute.
    pub fn shown_root(&self) -> String {
        display_root(&self.root)
    }

    /// A short human label: `project .`, `plugin docs`, `collection skills`.
    pub fn label(&self) -> String {
        match (&self.kind, &self.namespace) {
            (UnitKind::Plugin, Some(name)) => format!("plugin {name}"),
            (kind, _) => format!("{} {}", kind.as_str(), display_root(&self.root)),
        }
    }
}

/// Where one skill or command file sits: its unit and the name a user types to invoke it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The unit it loads in.
    pub unit: Arc<InstallUnit>,
    /// The invocation as typed: `/deploy`, `/docs:deploy`, `/apps/web:deploy`.
    pub invocation: String,
    /// True for a command file (`.claude/commands/**/*.md`), false for a `SKILL.md`.
    pub is_command: bool,
}

impl Placement {
    /// The skill's own name as invoked: the invocation without its namespace or qualifier.
    pub fn name(&self) -> &str {
        let bare = self.invocation.trim_start_matches('/');
        bare.rsplit_once(':').map_or(bare, |(_, name)| name)
    }
}

/// The folder name Claude Code reserves (in any capitalisation) in the enterprise, personal and
/// project locations.
pub const RESERVED_FOLDER: &str = "synced";

/// True when `folder` is the reserved folder name, in any capitalisation.
pub fn is_reserved_folder(folder: &str) -> bool {
    folder.eq_ignore_ascii_case(RESERVED_FOLDER)
}

/// A name as Claude Code compares names (`../shared/FACTS.md` section 7): compatibility forms
/// folded (fullwidth letters to ASCII), case ignored, spacing and invisible characters
/// dropped, every dash variant taken as `-`. Two names with one key are one name to it.
pub fn comparison_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect()
}

/// Characters that take no space when shown: zero-width spaces and joiners, marks of
/// direction, the soft hyphen, the word joiner and the byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}')
}

/// Hyphens, dashes and minus signs of every script.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{058A}' | '\u{05BE}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2053}'
                | '\u{207B}'
                | '\u{208B}'
                | '\u{2212}'
                | '\u{2E17}'
                | '\u{2E1A}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{2E40}'
                | '\u{301C}'
                | '\u{3030}'
                | '\u{30A0}'
                | '\u{FE31}'
                | '\u{FE32}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
    )
}

/// What a plugin's manifest says about its skills.
#[derive(Clone, Debug)]
struct PluginInfo {
    /// `name`, else the folder's name.
    name: String,
    /// The folders `skills` names, absolute.
    skill_paths: Vec<PathBuf>,
}

/// Places files in install units, caching what it learns of each folder (whether it is a
/// plugin, and its name) so a run over thousands of skills asks the file system once per folder.
#[derive(Debug, Default)]
pub struct UnitResolver {
    plugin_names: Mutex<HashMap<PathBuf, Option<PluginInfo>>>,
    repo_roots: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
}

impl UnitResolver {
    /// A resolver with empty caches.
    pub fn new() -> Self {
        UnitResolver::default()
    }

    /// The placement of the skill file (`.../<name>/SKILL.md`) or command file
    /// (`.../.claude/commands/**/<name>.md`) at `path`.
    pub fn place(&self, path: &Path) -> Placement {
        let absolute = absolute_lexical(path);
        if let Some(placement) = self.place_command(&absolute) {
            return placement;
        }
        let skill_dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = file_name(&skill_dir);
        if let Some(plugin) = self.plugin_name(&skill_dir) {
            // A skill folder that is itself a plugin loads as `<name>@skills-dir`.
            let namespace = if plugin == name { format!("{name}@skills-dir") } else { plugin };
            return self.plugin_placement(skill_dir, namespace, &name);
        }
        let holder = skill_dir.parent().unwrap_or(Path::new("/")).to_path_buf();
        // Skills may sit one folder deeper than `skills/` (grouped by category); look up to
        // three folders above the skill for the `skills` folder that decides the unit.
        for skills in skill_dir.ancestors().skip(1).take(3) {
            let Some(owner) = skills.parent() else { break };
            if let Some(plugin) = self.plugin_name(skills) {
                return self.plugin_placement(skills.to_path_buf(), plugin, &name);
            }
            if file_name(skills) != "skills" {
                continue;
            }
            if file_name(owner) == ".claude" {
                let project = owner.parent().unwrap_or(Path::new("/")).to_path_buf();
                return self.project_placement(project, &name, false);
            }
            if let Some(plugin) = self.plugin_name(owner) {
                return self.plugin_placement(owner.to_path_buf(), plugin, &name);
            }
            if owner.parent().is_some_and(|p| file_name(p) == "plugins") {
                return self.plugin_placement(owner.to_path_buf(), file_name(owner), &name);
            }
        }
        // A skill in a folder that a plugin's manifest names in `skills`, at any depth.
        for dir in skill_dir.ancestors().skip(1) {
            if let Some(info) = self.plugin_info(dir)
                && info.skill_paths.iter().any(|p| skill_dir.starts_with(p))
            {
                return self.plugin_placement(dir.to_path_buf(), info.name, &name);
            }
        }
        let unit = InstallUnit { kind: UnitKind::Collection, root: holder, namespace: None };
        Placement { unit: Arc::new(unit), invocation: format!("/{name}"), is_command: false }
    }

    /// A command file: `<project>/.claude/commands/<any folders>/<name>.md`.
    fn place_command(&self, path: &Path) -> Option<Placement> {
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            return None;
        }
        let commands = path.ancestors().skip(1).find(|dir| file_name(dir) == "commands")?;
        let dot_claude = commands.parent().filter(|p| file_name(p) == ".claude")?;
        let project = dot_claude.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Some(self.project_placement(project, &name, true))
    }

    fn project_placement(&self, project: PathBuf, name: &str, is_command: bool) -> Placement {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let kind = if home.as_deref() == Some(project.as_path()) { UnitKind::Personal } else { UnitKind::Project };
        let qualifier = self
            .repo_root(&project)
            .and_then(|root| project.strip_prefix(&root).ok().map(Path::to_path_buf))
            .filter(|rel| !rel.as_os_str().is_empty());
        let invocation = match qualifier {
            Some(rel) if kind == UnitKind::Project => format!("/{}:{name}", slashed(&rel)),
            _ => format!("/{name}"),
        };
        let unit = InstallUnit { kind, root: project, namespace: None };
        Placement { unit: Arc::new(unit), invocation, is_command }
    }

    fn plugin_placement(&self, root: PathBuf, namespace: String, name: &str) -> Placement {
        let invocation = format!("/{namespace}:{name}");
        let unit = InstallUnit { kind: UnitKind::Plugin, root, namespace: Some(namespace) };
        Placement { unit: Arc::new(unit), invocation, is_command: false }
    }

    /// The plugin name of `dir` when it holds `.claude-plugin/plugin.json`: the manifest's
    /// `name`, else the folder's name.
    fn plugin_name(&self, dir: &Path) -> Option<String> {
        self.plugin_info(dir).map(|info| info.name)
    }

    /// What `dir`'s `.claude-plugin/plugin.json` says, when it has one.
    fn plugin_info(&self, dir: &Path) -> Option<PluginInfo> {
        let mut cache = self.plugin_names.lock().expect("no panics while locked");
        if let Some(known) = cache.get(dir) {
            return known.clone();
        }
        let manifest = dir.join(".claude-plugin").join("plugin.json");
        let is_file = std::fs::metadata(&manifest).is_ok_and(|m| m.is_file());
        let info = is_file.then(|| {
            let json =
                read_manifest(&manifest).and_then(|text| serde_json::from_slice::<serde_json::Value>(&text).ok());
            let name = json
                .as_ref()
                .and_then(|json| json.get("name").and_then(|n| n.as_str()).map(str::to_string))
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| file_name(dir));
            let written: Vec<&str> = match json.as_ref().and_then(|json| json.get("skills")) {
                Some(serde_json::Value::String(path)) => vec![path.as_str()],
                Some(serde_json::Value::Array(items)) => items.iter().filter_map(|i| i.as_str()).collect(),
                _ => Vec::new(),
            };
            let skill_paths =
                written.into_iter().map(|p| normalize(&dir.join(p))).filter(|p| p.starts_with(dir)).collect();
            PluginInfo { name, skill_paths }
        });
        cache.insert(dir.to_path_buf(), info.clone());
        info
    }

    fn repo_root(&self, dir: &Path) -> Option<PathBuf> {
        let mut cache = self.repo_roots.lock().expect("no panics while locked");
        if let Some(known) = cache.get(dir) {
            return known.clone();
        }
        let root = dir.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf);
        cache.insert(dir.to_path_buf(), root.clone());
        root
    }
}

/// The manifest's bytes, at most 1 MiB (a larger one is not a plugin manifest worth a name).
fn read_manifest(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    crate::fsio::read_up_to(&file, size, 1 << 20).ok()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn slashed(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

fn display_root(root: &Path) -> String {
    match std::env::current_dir().ok().and_then(|cwd| root.strip_prefix(cwd).ok().map(Path::to_path_buf)) {
        Some(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Some(rel) => slashed(&rel),
        None => root.display().to_string(),
    }
}

/// `path` made absolute with `a/./b/../c` read as `a/c`, without asking the file system
/// (symbolic links stay as written, as Claude Code sees them).
pub fn absolute_lexical(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `a/./b/../c` as `a/c`, without asking the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str, text: &str) -> PathBuf {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn project_skills_and_commands_share_a_unit() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join(".git")).unwrap();
        let units = UnitResolver::new();
        let skill = units.place(&touch(root, ".claude/skills/deploy/SKILL.md", ""));
        let command = units.place(&touch(root, ".claude/commands/ops/deploy.md", ""));
        assert_eq!(skill.unit, command.unit);
        assert_eq!(skill.unit.kind, UnitKind::Project);
        assert_eq!((skill.invocation.as_str(), command.invocation.as_str()), ("/deploy", "/deploy"));
        assert!(command.is_command && !skill.is_command);
        let nested = units.place(&touch(root, "apps/web/.claude/skills/deploy/SKILL.md", ""));
        assert_ne!(nested.unit, skill.unit);
        assert_eq!(nested.invocation, "/apps/web:deploy");
        let members = skill.unit.members(&units);
        assert_eq!(members, [root.join(".claude/skills/deploy/SKILL.md")], "nested skills are another unit");
    }

    #[test]
    fn plugins_are_namespaced_by_manifest_or_marketplace_layout() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let units = UnitResolver::new();
        touch(root, "tools/.claude-plugin/plugin.json", r#"{"name": "doc-tools"}"#);
        let named = units.place(&touch(root, "tools/skills/pdf/SKILL.md", ""));
        assert_eq!(named.unit.kind, UnitKind::Plugin);
        assert_eq!(named.invocation, "/doc-tools:pdf");
        let laid_out = units.place(&touch(root, "plugins/web/skills/deploy/SKILL.md", ""));
        let sibling = units.place(&touch(root, "plugins/api/skills/deploy/SKILL.md", ""));
        assert_eq!(laid_out.invocation, "/web:deploy");
        assert_ne!(laid_out.unit, sibling.unit, "two plugins never share a unit");
        touch(root, "deep/.claude-plugin/plugin.json", r#"{"name": "deep", "skills": ["./extra/more/"]}"#);
        let custom = units.place(&touch(root, "deep/extra/more/group/set/pdf/SKILL.md", ""));
        assert_eq!(custom.invocation, "/deep:pdf");
        assert_eq!(custom.unit.root, normalize(&root.join("deep")));
        touch(root, "solo/.claude-plugin/plugin.json", "{}");
        let solo = units.place(&touch(root, "solo/SKILL.md", ""));
        assert_eq!(solo.invocation, "/solo@skills-dir:solo");
    }

    #[test]
    fn names_compare_as_claude_code_compares_them() {
        let key = comparison_key("pdf-tools");
        for twin in [
            "PDF-Tools",
            "pdf\u{2011}tools",
            "pdf\u{2014}tools",
            "\u{FF50}\u{FF44}\u{FF46}-tools",
            "pdf-\u{200B}tools",
            "pdf - tools",
        ] {
            assert_eq!(comparison_key(twin), key, "{twin:?}");
        }
        assert_ne!(comparison_key("pdf_tools"), key);
        assert!(is_reserved_folder("Synced") && !is_reserved_folder("synced-notes"));
        let dir = tempfile::tempdir().unwrap();
        let placed = UnitResolver::new().place(&touch(dir.path(), "plugins/web/skills/deploy/SKILL.md", ""));
        assert_eq!(placed.name(), "deploy");
    }

    #[test]
    fn other_folders_are_collections_of_their_skill_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let units = UnitResolver::new();
        let a = units.place(&touch(root, "skills/a/SKILL.md", ""));
        let b = units.place(&touch(root, "skills/b/SKILL.md", ""));
        let c = units.place(&touch(root, "other/c/SKILL.md", ""));
        assert_eq!(a.unit, b.unit);
        assert_ne!(a.unit, c.unit);
        assert_eq!(a.unit.kind, UnitKind::Collection);
        assert_eq!(c.invocation, "/c");
        touch(root, "skills/a/references/SKILL.md", "");
        assert_eq!(a.unit.members(&units), [root.join("skills/a/SKILL.md"), root.join("skills/b/SKILL.md")]);
    }
}
