//! The one reference resolver: which files of its folder a skill points the agent to, and
//! which ones it names that are not there. Every rule about references asks here
//! (link-target-missing, nested-reference, reference-without-toc, unreferenced-file, and any
//! later one), so they agree on what counts as a reference.
//!
//! A reference is a Markdown link or image, a relative path named in the text, in inline code
//! or in a command (`references/x.md`, `python scripts/x.py`), a path behind
//! `${CLAUDE_SKILL_DIR}/` or `${CLAUDE_PLUGIN_ROOT}/`, a path in an `allowed-tools` Bash pattern,
//! or a bare file name listed in a section that names its folder (`references/` above a list
//! of `api.md`, `errors.md`).
//!
//! Public API, for rules:
//! - [`references`]: the existing files SKILL.md references (memoised per skill);
//! - [`referenced_docs`]: those of them that are Markdown, each read once per skill;
//! - [`missing_mentions`]: bundled files SKILL.md names that do not exist;
//! - [`is_output_material`]: files that are copied into the output, not read (`templates/`,
//!   `assets/`, `*template*`), which reading rules leave alone.

mod mentions;

pub use mentions::{BUNDLED_FOLDERS, MissingMention, is_output_material, missing_mentions, skill_dir_prefix};

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use crate::lint::{Checker, FileSystem};
use crate::skill::{Link, LinkKind, QuickDoc, Skill, Span};

/// Reference files larger than this are not read.
pub const MAX_REFERENCE_BYTES: u64 = 1 << 20;
/// At most this many files of a skill folder are looked at.
pub const MAX_FILES: usize = 2_000;

/// The local path a link destination names, percent-decoded, without `#fragment` or
/// `?query` (and without a leading `${CLAUDE_SKILL_DIR}/`); `None` for URLs, anchors,
/// absolute paths and other templated destinations.
pub fn local_path(dest: &str) -> Option<String> {
    let dest = dest.trim();
    // `${CLAUDE_SKILL_DIR}/x` is `x` in the skill's folder.
    let dest = ["${CLAUDE_SKILL_DIR}/", "$CLAUDE_SKILL_DIR/"].iter().find_map(|p| dest.strip_prefix(p)).unwrap_or(dest);
    let lower = dest.to_ascii_lowercase();
    let is_url =
        lower.contains("://") || ["mailto:", "tel:", "data:", "javascript:"].iter().any(|s| lower.starts_with(s));
    let is_drive = dest.len() >= 2 && dest.as_bytes()[1] == b':' && dest.as_bytes()[0].is_ascii_alphabetic();
    let templated = dest.contains('$') || dest.contains('{') || dest.contains('<');
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with('/') || is_url || is_drive || templated {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return None;
    }
    Some(percent_decode(path))
}

/// `%20` and friends decoded; invalid sequences kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// `path` with `.` and `..` resolved lexically (symbolic links are not followed).
pub fn normalize_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Where `rel` (forward or back slashes) points from folder `from`, normalised.
pub fn resolve(from: &Path, rel: &str) -> PathBuf {
    normalize_path(&from.join(rel.replace('\\', "/")))
}

/// A file SKILL.md references: by a link or image, or by naming its path in the text.
#[derive(Clone, Debug)]
pub struct Reference {
    /// The path as written.
    pub written: String,
    /// Where it resolves, normalised.
    pub target: PathBuf,
    /// The first place SKILL.md references it.
    pub span: Span,
    /// True for a Markdown link or image, false for a path named in the text.
    pub linked: bool,
}

/// Paths named in text: relative paths with a folder and a file extension
/// (`references/api.md`, `./scripts/run.py`).
static PATH_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{1,2}/)?(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)+[A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z0-9]{1,8}(?-u:\b)")
        .expect("valid pattern")
});

/// Where the path-mention pattern matches in `text`, found fast: a path holds a `/`, so only the run
/// of path characters around each `/` is searched, instead of running the pattern from every
/// position of the text. Gives the same matches as searching the whole text.
pub fn path_mentions(text: &str) -> Vec<(usize, usize)> {
    path_mentions_in_runs(text, |_| true)
}

/// [`path_mentions`] that end in a Markdown extension (`.md`, `.markdown`): runs that hold
/// neither are not searched at all.
pub fn markdown_mentions(text: &str) -> Vec<(usize, usize)> {
    let markdown_run = |run: &str| {
        let lower = run.to_ascii_lowercase();
        lower.contains(".md") || lower.contains(".markdown")
    };
    path_mentions_in_runs(text, markdown_run)
        .into_iter()
        .filter(|&(start, end)| is_markdown(Path::new(&text[start..end])))
        .collect()
}

/// The path mentions inside each run of path characters around a `/` that `keep` accepts.
fn path_mentions_in_runs(text: &str, keep: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let is_path_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'/');
    let mut out = Vec::new();
    let mut searched_to = 0;
    for slash in memchr::memchr_iter(b'/', bytes) {
        if slash < searched_to {
            continue;
        }
        let start = bytes[..slash].iter().rposition(|&b| !is_path_byte(b)).map_or(0, |i| i + 1);
        let end = bytes[slash..].iter().position(|&b| !is_path_byte(b)).map_or(bytes.len(), |i| slash + i);
        if keep(&text[start..end]) {
            out.extend(PATH_MENTION.find_iter(&text[start..end]).map(|m| (start + m.start(), start + m.end())));
        }
        searched_to = end;
    }
    out
}

/// Every existing file inside `dir` that a document links to (`links`: destinations and
/// their spans) or names in its text (`mentions`: byte ranges of `text`, whose first byte
/// is at `offset` in the spans),
/// first reference first, each once. The document lies in folder `from`; named paths are
/// tried from `from` and from `dir`.
pub fn references_in<'a>(
    links: impl IntoIterator<Item = (&'a str, Span)>,
    text: &str,
    mentions: Vec<(usize, usize)>,
    offset: usize,
    from: &Path,
    dir: &Path,
    fs: &dyn FileSystem,
) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let dir = normalize_path(dir);
    let mut add = |written: &str, span: Span, linked: bool, out: &mut Vec<Reference>| {
        let from_here = resolve(from, written);
        let from_top = (from != dir).then(|| resolve(&dir, written));
        let is_file = |t: &PathBuf| t.starts_with(&dir) && fs.kind(t) == Some(false);
        let Some(target) = std::iter::once(from_here).chain(from_top).find(is_file) else {
            return;
        };
        if seen.insert(target.clone()) {
            out.push(Reference { written: written.to_string(), target, span, linked });
        }
    };
    for (dest, span) in links {
        if let Some(path) = local_path(dest) {
            add(&path, span, true, &mut out);
        }
    }
    for (start, end) in mentions {
        let before = text[..start].chars().next_back();
        if matches!(before, Some(c) if c.is_alphanumeric() || c == '/' || c == ':' || c == '@') {
            continue;
        }
        add(&text[start..end], Span::new(start + offset, end + offset), false, &mut out);
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// The files SKILL.md references, found once per skill and shared by the link rules.
pub struct SkillReferences(pub Vec<Reference>);

/// A Markdown file SKILL.md references, read and scanned once per skill.
pub struct ReferencedDoc {
    /// Where SKILL.md references it.
    pub reference: Reference,
    /// Its text.
    pub text: String,
    /// Its links and headings (spans are offsets into `text`), from the quick scan: only
    /// links and the top headings of referenced files matter to the rules.
    pub scan: QuickDoc,
}

impl ReferencedDoc {
    /// The Markdown files this document references, inside the skill folder `dir` (only
    /// Markdown destinations are resolved, so other links cost nothing).
    pub fn markdown_references(&self, dir: &Path, fs: &dyn FileSystem) -> Vec<Reference> {
        let from = self.reference.target.parent().unwrap_or(dir);
        let links = self
            .scan
            .links
            .iter()
            .filter(|l| local_path(&l.dest).is_some_and(|p| is_markdown(Path::new(&p))))
            .map(|l| (l.dest.as_str(), l.span));
        references_in(links, &self.text, markdown_mentions(&self.text), 0, from, dir, fs)
    }
}

/// Every readable Markdown file SKILL.md references (at most 1 MiB each).
pub struct ReferencedDocs(pub Vec<ReferencedDoc>);

/// The files the checked skill references (shared by the rules on that skill).
pub fn references(cx: &Checker<'_>) -> Rc<SkillReferences> {
    cx.memo(|cx| SkillReferences(skill_references(cx.skill, cx.fs)))
}

/// The Markdown files the checked skill references, read and modelled (shared).
pub fn referenced_docs(cx: &Checker<'_>) -> Rc<ReferencedDocs> {
    let refs = references(cx);
    cx.memo(|cx| {
        let docs = refs
            .0
            .iter()
            .filter(|r| is_markdown(&r.target))
            .filter_map(|r| {
                let text = cx.fs.read_text(&r.target, MAX_REFERENCE_BYTES)?;
                let scan = crate::skill::quick_scan(&text);
                Some(ReferencedDoc { reference: r.clone(), text, scan })
            })
            .collect();
        ReferencedDocs(docs)
    })
}

/// The files `skill` references inside its own folder: links, named paths, and bare names
/// listed under a section that names their folder.
pub fn skill_references(skill: &Skill, fs: &dyn FileSystem) -> Vec<Reference> {
    let dir = skill_dir(skill);
    let body = &skill.body;
    let links = body.links.iter().filter(|l| l.kind != LinkKind::Autolink).map(|l| (l.dest.as_str(), l.span));
    let text = body.span.text(skill.text());
    let mut found = references_in(links, text, path_mentions(text), body.span.start as usize, &dir, &dir, fs);
    let known: HashSet<PathBuf> = found.iter().map(|r| r.target.clone()).collect();
    let mut listed = mentions::listed_by_folder(skill, fs);
    listed.retain(|(_, target, _)| !known.contains(target));
    let mut added: HashSet<PathBuf> = HashSet::new();
    for (written, target, span) in listed {
        if added.insert(target.clone()) {
            found.push(Reference { written, target, span, linked: false });
        }
    }
    found.sort_by_key(|r| r.span.start);
    let skill_file = normalize_path(&skill.path);
    found.into_iter().filter(|r| r.target != skill_file).collect()
}

/// The skill's relative links and images, each with its decoded path and the target it
/// resolves to from the skill's folder (`dir`).
pub fn local_links<'a>(skill: &'a Skill, dir: &'a Path) -> impl Iterator<Item = (&'a Link, String, PathBuf)> + 'a {
    skill.body.links.iter().filter(|l| l.kind != LinkKind::Autolink).filter_map(move |link| {
        let path = local_path(&link.dest)?;
        let target = resolve(dir, &path);
        Some((link, path, target))
    })
}

/// The folder holding the skill file.
pub fn skill_dir(skill: &Skill) -> PathBuf {
    normalize_path(skill.path.parent().unwrap_or(Path::new(".")))
}

/// True for a Markdown file name.
pub fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// `path` relative to `dir`, with forward slashes, for messages.
pub fn shown(path: &Path, dir: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_mentions_match_a_whole_text_search() {
        let text =
            "See references/api.md, ./scripts/run.py and ../up/x.txt; not a/b, nor é/x.md or http://h/x.md.\nend/z.md";
        let whole: Vec<(usize, usize)> = PATH_MENTION.find_iter(text).map(|m| (m.start(), m.end())).collect();
        assert_eq!(path_mentions(text), whole);
        assert!(!whole.is_empty());
    }
    use crate::lint::MemoryFs;

    #[test]
    fn local_paths() {
        assert_eq!(local_path("references/a.md#x").as_deref(), Some("references/a.md"));
        assert_eq!(local_path("my%20file.md").as_deref(), Some("my file.md"));
        assert_eq!(local_path("${CLAUDE_SKILL_DIR}/a.md").as_deref(), Some("a.md"));
        for not_local in
            ["https://x.y/a.md", "#anchor", "/abs/a.md", "mailto:a@b", "C:\\x.md", "${CLAUDE_PLUGIN_DATA}/a.md"]
        {
            assert_eq!(local_path(not_local), None, "{not_local}");
        }
    }

    #[test]
    fn normalizes_lexically() {
        assert_eq!(normalize_path(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize_path(Path::new("a/../../c")), PathBuf::from("../c"));
    }

    #[test]
    fn finds_links_and_named_paths() {
        let text = "---\nname: s\n---\nSee [api](references/api.md) and `scripts/run.py`, not missing/x.md.\n";
        let skill = Skill::parse("skills/s/SKILL.md", text.as_bytes().to_vec());
        let fs = MemoryFs::new()
            .with_file("skills/s/SKILL.md", text)
            .with_file("skills/s/references/api.md", "# API\n")
            .with_file("skills/s/scripts/run.py", "print()\n");
        let refs = skill_references(&skill, &fs);
        let written: Vec<(&str, bool)> = refs.iter().map(|r| (r.written.as_str(), r.linked)).collect();
        assert_eq!(written, [("references/api.md", true), ("scripts/run.py", false)]);
    }

    #[test]
    fn names_listed_under_their_folder_are_references() {
        let text =
            "---\nname: s\n---\n## Files in `references/`\n\n- api.md: the API\n- gone.md\n\n## Other\n\n- errors.md\n";
        let skill = Skill::parse("skills/s/SKILL.md", text.as_bytes().to_vec());
        let fs = MemoryFs::new()
            .with_file("skills/s/SKILL.md", text)
            .with_file("skills/s/references/api.md", "# API\n")
            .with_file("skills/s/references/errors.md", "# Errors\n");
        let refs = skill_references(&skill, &fs);
        let written: Vec<&str> = refs.iter().map(|r| r.written.as_str()).collect();
        assert_eq!(written, ["references/api.md"]);
    }
}
