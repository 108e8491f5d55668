//! Bundled files SKILL.md names without linking them: the ones that are not there, and bare
//! file names listed under a section that names their folder.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use super::{normalize_path, path_mentions, resolve, skill_dir};
use crate::lint::FileSystem;
use crate::lint::scan::link_index;
use crate::skill::{Skill, Span};

/// Folders that hold a skill's bundled files by convention: a relative path starting with one
/// of them (`scripts/check.py`) names a file of the skill, not of the user's project.
pub const BUNDLED_FOLDERS: &[&str] = &["scripts", "references", "reference", "assets", "templates"];

/// A bundled file SKILL.md names (in prose, inline code, a command, an `allowed-tools` Bash
/// pattern, or behind `${CLAUDE_SKILL_DIR}/`) that does not exist in the skill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingMention {
    /// The path as written, without the `${CLAUDE_SKILL_DIR}/` prefix.
    pub written: String,
    /// Where SKILL.md names it.
    pub span: Span,
}

/// Words that run a file named after them in a command (`python scripts/x.py`): in code
/// blocks only paths after one of them are taken as the skill's own files, since code blocks
/// also show the user's project (`./scripts/deploy.sh` in a CI file).
const RUNNERS: &[&str] = &[
    "python", "python3", "uv run", "bash", "sh", "zsh", "node", "bun", "deno run", "tsx", "ruby", "perl", "Rscript",
    "pwsh", "source",
];

/// The substitution prefix that the text `before` a path ends with (`${CLAUDE_SKILL_DIR}/`,
/// `${CLAUDE_PLUGIN_ROOT}/`), if any: the path then names a file of the skill or plugin.
pub fn skill_dir_prefix(before: &str) -> Option<&'static str> {
    ["${CLAUDE_SKILL_DIR}/", "$CLAUDE_SKILL_DIR/", "${CLAUDE_PLUGIN_ROOT}/"].into_iter().find(|p| before.ends_with(p))
}

/// Every bundled file SKILL.md names that does not exist, in text order: paths starting with
/// one of [`BUNDLED_FOLDERS`] in prose and inline code, such paths after a runner
/// (`python scripts/x.py`) in code blocks, any path behind `${CLAUDE_SKILL_DIR}/` (and, in a
/// plugin, `${CLAUDE_PLUGIN_ROOT}/`), and paths in `allowed-tools`. Links are left to the
/// link rules; paths inside a URL or another path are not mentions.
pub fn missing_mentions(skill: &Skill, fs: &dyn FileSystem) -> Vec<MissingMention> {
    let dir = skill_dir(skill);
    let text = skill.text();
    let body = skill.body.span;
    let links = link_index(skill);
    // Configuration code blocks (a CI workflow, a Dockerfile) show the user's project, not the
    // skill's files; their paths are never the skill's.
    let in_config = |span: Span| {
        skill.body.code_blocks.iter().any(|b| {
            b.span.start <= span.start
                && span.end <= b.span.end
                && b.lang.as_deref().is_some_and(|l| CONFIG_LANGUAGES.contains(&l.to_ascii_lowercase().as_str()))
        })
    };
    let in_block = |span: Span| skill.body.in_code_block(span) || skill.body.in_comment(span);
    let created = created_paths(body.text(text));
    let mut out = Vec::new();
    let check = |offset: usize, part: &str, in_block: &dyn Fn(Span) -> bool, out: &mut Vec<MissingMention>| {
        for (start, end) in path_mentions(part) {
            let span = Span::new(offset + start, offset + end);
            let before = &part[..start];
            let prefix = skill_dir_prefix(before);
            let written = &part[start..end];
            let root = match prefix {
                Some("${CLAUDE_PLUGIN_ROOT}/") => match plugin_root(&dir) {
                    Some(root) => root,
                    None => continue,
                },
                Some(_) => dir.clone(),
                None => {
                    let previous = before.chars().next_back();
                    if matches!(previous, Some(c) if c.is_alphanumeric() || "/:@\\.-_~$%{".contains(c)) {
                        continue;
                    }
                    let first = written.trim_start_matches("./").split('/').next().unwrap_or("");
                    if written.starts_with("../") || !BUNDLED_FOLDERS.contains(&first) {
                        continue;
                    }
                    if in_config(span)
                        || in_block(span) && !after_runner(before)
                        || not_a_file_to_open(before, written)
                        || created.contains(&written)
                    {
                        continue;
                    }
                    dir.clone()
                }
            };
            if links.holds(span) || fs.exists(&resolve(&root, written)) {
                continue;
            }
            out.push(MissingMention { written: written.to_string(), span });
        }
    };
    check(body.start as usize, body.text(text), &in_block, &mut out);
    if let Some(tools) = skill.frontmatter.get("allowed-tools") {
        check(tools.span.start as usize, tools.span.text(text), &|_| false, &mut out);
    }
    out
}

/// Code block languages of configuration files, whose paths belong to the user's project.
const CONFIG_LANGUAGES: &[&str] = &["yaml", "yml", "toml", "json", "dockerfile", "docker", "makefile", "hcl", "ini"];

/// File stems that stand for "some file" in an example (`scripts/script_name.py`).
const EXAMPLE_STEMS: &[&str] = &[
    "filename",
    "file_name",
    "file-name",
    "file",
    "script",
    "script_name",
    "script-name",
    "your_script",
    "your-script",
    "my_script",
    "my-script",
    "example",
    "name",
    "foo",
    "bar",
    "xxx",
    "path",
    "something",
];

/// Words before a path on its line that make it something to create or write, not to open.
const TO_CREATE: &[&str] = &["create", "[todo", "saves to", "save to", "writes to", "write to", "output to", "→", "->"];

/// True when a named path is an example name, or the line says it is to be created: then it
/// is not a file the skill sends the agent to.
fn not_a_file_to_open(before: &str, written: &str) -> bool {
    let stem = Path::new(written).file_stem().map(|s| s.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let line = before.rsplit('\n').next().unwrap_or(before).to_lowercase();
    // "`other-skill`'s `references/x.md`", "its `references/x.md`": another skill's file.
    // (Only the last few characters are looked at: lowercasing all the text before every
    // path made this rule the costliest of a run.)
    let owner = before.trim_end_matches(|c: char| c == '`' || c == '*' || c.is_whitespace());
    let tail: String = owner.chars().rev().take(4).collect::<Vec<char>>().into_iter().rev().collect();
    let tail = tail.to_lowercase();
    let of_another = tail.ends_with("'s") || tail.ends_with("’s") || tail.ends_with(" its");
    EXAMPLE_STEMS.contains(&stem.as_str()) || TO_CREATE.iter().any(|w| line.contains(w)) || of_another
}

/// The paths a text says are created or written (`# Saves to assets/tools.json`): they are
/// outputs, missing until the agent makes them, wherever else the text names them.
fn created_paths(text: &str) -> Vec<&str> {
    path_mentions(text)
        .into_iter()
        .filter(|&(start, _)| {
            let line = text[..start].rsplit('\n').next().unwrap_or("").to_lowercase();
            TO_CREATE.iter().any(|w| line.contains(w))
        })
        .map(|(start, end)| &text[start..end])
        .collect()
}

/// True when the text before a path, on its line, ends with a command that runs it.
fn after_runner(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before).trim_end_matches("./");
    let line = line.trim_end();
    RUNNERS.iter().any(|runner| {
        line.strip_suffix(runner).is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// The root of the plugin holding a skill at `<plugin>/skills/<name>/`, if it is one.
fn plugin_root(dir: &Path) -> Option<PathBuf> {
    let skills = dir.parent()?;
    (skills.file_name()? == "skills").then(|| skills.parent().map(Path::to_path_buf)).flatten()
}

/// True for files that are copied into the agent's output rather than read: anything under
/// `templates/` or `assets/`, or named `*template*`. Rules about how a file reads (a table
/// of contents, nesting) leave them alone.
pub fn is_output_material(rel: &Path) -> bool {
    let under = rel.components().next().is_some_and(|c| {
        let name = c.as_os_str().to_string_lossy().to_ascii_lowercase();
        name == "templates" || name == "assets" || name == "template"
    });
    let named = rel.file_name().is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().contains("template"));
    under || named
}

/// Bare file names (`api.md`): a name with an extension, not part of a longer path.
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s`(\[*|,;])([A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z][A-Za-z0-9]{0,7})(?-u:\b)").expect("valid")
});

/// Files listed by bare name in a section that names their folder (a heading or line with
/// `references/` above `- api.md`): each as the path it stands for, with the span of the
/// name, for every such file that exists.
pub fn listed_by_folder(skill: &Skill, fs: &dyn FileSystem) -> Vec<(String, PathBuf, Span)> {
    let dir = normalize_path(&skill_dir(skill));
    let text = skill.text();
    let mut out = Vec::new();
    for section in &skill.body.sections {
        let own_end = section.children.first().map_or(section.span.end, |&c| skill.body.sections[c].span.start);
        let span = Span::new(section.span.start as usize, own_end as usize);
        let part = span.text(text);
        let folders: Vec<&str> = BUNDLED_FOLDERS
            .iter()
            .chain(["examples", "docs", "resources"].iter())
            .copied()
            .filter(|f| part.contains(&format!("{f}/")) && fs.is_dir(&dir.join(f)))
            .collect();
        if folders.is_empty() {
            continue;
        }
        for caps in FILE_NAME.captures_iter(part) {
            let name = caps.get(1).expect("group 1");
            if part[name.end()..].starts_with('/') {
                continue;
            }
            for folder in &folders {
                let target = dir.join(folder).join(name.as_str());
                if fs.kind(&target) == Some(false) {
                    let at = Span::new(span.start as usize + name.start(), span.start as usize + name.end());
                    out.push((format!("{folder}/{}", name.as_str()), target, at));
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::MemoryFs;

    fn missing(body: &str, files: &[&str]) -> Vec<String> {
        let text = format!("---\nname: s\nallowed-tools: Bash(python scripts/tool.py:*)\n---\n{body}");
        let skill = Skill::parse("skills/s/SKILL.md", text.as_bytes().to_vec());
        let mut fs = MemoryFs::new().with_file("skills/s/SKILL.md", &text);
        for file in files {
            fs = fs.with_file(format!("skills/s/{file}"), "x\n");
        }
        missing_mentions(&skill, &fs).into_iter().map(|m| m.written).collect()
    }

    #[test]
    fn finds_named_bundled_files_that_are_missing() {
        let body = "Run `scripts/check.py`, read references/api.md and ${CLAUDE_SKILL_DIR}/notes/x.txt.\n\
                    ```bash\npython scripts/run.py\n./scripts/deploy.sh\ncat src/scripts/a.py\n```\n\
                    Not https://x.y/scripts/a.py, nor [l](scripts/linked.py), nor src/references/b.md.\n";
        assert_eq!(
            missing(body, &["references/api.md"]),
            ["scripts/check.py", "notes/x.txt", "scripts/run.py", "scripts/tool.py"]
        );
        assert!(missing(body, &["scripts/check.py", "notes/x.txt", "scripts/run.py", "scripts/tool.py"]).len() == 1);
    }

    #[test]
    fn files_to_create_examples_and_config_blocks_are_not_mentions() {
        let body = "Create `references/new.md` for it. Help: `python scripts/script_name.py --help`.\n\
                    - Rubrics → `references/rubrics.md`\n\
                    See `other-skill`'s `references/x.md`; the tool saves to assets/out.json.\n\
                    Then read assets/out.json.\n\
                    ```yaml\nrun: python scripts/validate.py\n```\n";
        assert_eq!(missing(body, &["scripts/tool.py"]), Vec::<String>::new());
    }

    #[test]
    fn runners_are_whole_words() {
        assert!(after_runner("  python "));
        assert!(after_runner("$ uv run "));
        assert!(!after_runner("mypython "));
        assert!(!after_runner("cp "));
    }

    #[test]
    fn output_material() {
        assert!(is_output_material(Path::new("templates/report.md")));
        assert!(is_output_material(Path::new("assets/logo.md")));
        assert!(is_output_material(Path::new("references/report-template.md")));
        assert!(!is_output_material(Path::new("references/api.md")));
    }
}
