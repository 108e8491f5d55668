use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;
use crate::text::words::{has_any, normalize};

use super::local::{MAX_FILES, MAX_REFERENCE_BYTES, skill_dir};

declare_rule! {
    /// ## What it does
    /// Reports files under the skill's `references/` folder whose name appears nowhere in
    /// SKILL.md nor in any other file of `references/` (by link or by path). Reported at
    /// the body's "References" section if there is one, else at the title.
    ///
    /// ## Why is this bad?
    /// The agent learns about reference files only from what it reads. A file nothing
    /// points to is never read: dead weight in the skill, or a link that was forgotten.
    ///
    /// ## Example
    /// `references/errors.md` that SKILL.md never mentions: add "For error codes, read
    /// [references/errors.md](references/errors.md)." where it helps, or delete the file.
    pub struct UnreferencedFile {
        code: "SK406",
        name: "unreferenced-file",
        group: Links,
        summary: "A file in references/ is not referenced from SKILL.md or another reference",
        levels: Levels::all(Level::Info),
        fixable: No,
        source: "Anthropic skill authoring best practices (progressive disclosure)",
    }
}

impl Rule for UnreferencedFile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let references = skill_dir(cx.skill).join("references");
        if !cx.fs.is_dir(&references) {
            return;
        }
        let files = cx.fs.files_under(&references, MAX_FILES);
        let names: Vec<String> =
            files.iter().map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()).collect();
        let mentioned = mentioned_names(cx, &references, &files, &names);
        for (index, file) in files.iter().enumerate() {
            if names[index].is_empty() || names[index].starts_with('.') || mentioned[index] {
                continue;
            }
            let shown = format!("references/{}", file.to_string_lossy().replace('\\', "/"));
            let span = anchor(cx);
            cx.report(span, format!("`{shown}` is not referenced from SKILL.md or another reference file"))
                .help(format!("link `{shown}` where the agent needs it, or delete it"));
        }
    }
}

/// Which of `names` SKILL.md or another file under `references` mentions: one pass of an
/// Aho-Corasick automaton over each text, so many files cost linear time, not a product.
fn mentioned_names(
    cx: &Checker<'_>,
    references: &std::path::Path,
    files: &[std::path::PathBuf],
    names: &[String],
) -> Vec<bool> {
    let mut mentioned: Vec<bool> = names.iter().map(|n| n.is_empty()).collect();
    let mut remaining = mentioned.iter().filter(|m| !**m).count();
    // A small set of names searched in a few texts: a contiguous NFA builds far faster than a
    // DFA and searches about as fast here.
    let built = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(names.iter().filter(|n| !n.is_empty()));
    let Ok(automaton) = built else {
        return vec![true; names.len()];
    };
    let pattern_to_file: Vec<usize> = (0..names.len()).filter(|&i| !names[i].is_empty()).collect();
    let mut mark = |text: &str, own: Option<usize>| {
        for found in automaton.find_overlapping_iter(text) {
            let file = pattern_to_file[found.pattern().as_usize()];
            if Some(file) != own && !mentioned[file] {
                mentioned[file] = true;
                remaining -= 1;
            }
        }
        remaining
    };
    if mark(cx.text(), None) == 0 {
        return mentioned;
    }
    // Only while some name is still unmentioned, and only files that can hold text.
    for (index, file) in files.iter().enumerate() {
        if is_binary_name(file) {
            continue;
        }
        if let Some(text) = cx.fs.read_text(&references.join(file), MAX_REFERENCE_BYTES)
            && mark(&text, Some(index)) == 0
        {
            break;
        }
    }
    mentioned
}

/// True for file names whose extension says they hold no text to search.
fn is_binary_name(path: &std::path::Path) -> bool {
    const BINARY: &[&str] = &[
        "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "tiff", "pdf", "zip", "gz", "tgz", "bz2", "xz", "7z", "tar",
        "jar", "whl", "so", "dylib", "dll", "exe", "bin", "woff", "woff2", "ttf", "otf", "mp3", "mp4", "wav", "mov",
        "avi", "pyc", "class", "o", "a", "db", "sqlite", "parquet", "npy", "npz", "pkl", "h5",
    ];
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| BINARY.iter().any(|b| e.eq_ignore_ascii_case(b)))
}

fn anchor(cx: &Checker<'_>) -> Span {
    let sections = &cx.skill.body.sections;
    let titled =
        sections.iter().find(|s| has_any(&normalize(&s.title), &["reference*", "resource*", "further reading"]));
    match titled.or_else(|| sections.first()) {
        Some(section) => section.heading,
        None => cx.line_at(cx.skill.body.span.start as usize),
    }
}
