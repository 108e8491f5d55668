use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;
use crate::text::words::{has_any, normalize};

use crate::lint::references::{MAX_FILES, MAX_REFERENCE_BYTES, referenced_docs, skill_dir};

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
    /// **Level.** Info: true but harmless; an unread file costs nothing but space.
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
        let span = anchor(cx);
        for (index, file) in files.iter().enumerate() {
            if names[index].is_empty() || names[index].starts_with('.') || mentioned[index] {
                continue;
            }
            let shown = format!("references/{}", file.to_string_lossy().replace('\\', "/"));
            cx.report(span, format!("`{shown}` is not referenced from SKILL.md or another reference file"))
                .help(format!("link `{shown}` where the agent needs it, or delete it"));
        }
    }
}

/// Which of `names` SKILL.md or another file under `references` mentions. Texts are searched
/// only while some name is still unmentioned, and only for those names; the Markdown files the
/// other link rules already read are searched before any file is read.
fn mentioned_names(
    cx: &Checker<'_>,
    references: &std::path::Path,
    files: &[std::path::PathBuf],
    names: &[String],
) -> Vec<bool> {
    let mut search = NameSearch::new(names);
    search.mark(cx.text().as_bytes(), None);
    if search.remaining() == 0 {
        return search.mentioned;
    }
    let docs = referenced_docs(cx);
    let mut searched = vec![false; files.len()];
    for doc in &docs.0 {
        let Ok(rel) = doc.reference.target.strip_prefix(references) else { continue };
        let own = files.binary_search_by(|f| f.as_path().cmp(rel)).ok();
        if let Some(index) = own {
            searched[index] = true;
        }
        if search.mark(doc.text.as_bytes(), own) == 0 {
            return search.mentioned;
        }
    }
    // Only files that can hold text.
    for (index, file) in files.iter().enumerate() {
        if searched[index] || is_binary_name(file) {
            continue;
        }
        if let Some(text) = cx.fs.read_text(&references.join(file), MAX_REFERENCE_BYTES)
            && search.mark(text.as_bytes(), Some(index)) == 0
        {
            break;
        }
    }
    search.mentioned
}

/// Finds which of a set of names occur in texts, searching only for names not yet found.
struct NameSearch<'a> {
    names: &'a [String],
    mentioned: Vec<bool>,
    /// An automaton over the names unmentioned when it was built, with their indices; built
    /// when many names are left, rebuilt when half of them have been found.
    automaton: Option<(aho_corasick::AhoCorasick, Vec<usize>)>,
}

/// Up to this many names, each is looked for on its own (a vectorised substring search); more
/// are looked for at once with an automaton, so the cost stays linear in the text.
const FEW_NAMES: usize = 16;

impl<'a> NameSearch<'a> {
    fn new(names: &'a [String]) -> Self {
        NameSearch { names, mentioned: names.iter().map(String::is_empty).collect(), automaton: None }
    }

    fn remaining(&self) -> usize {
        self.mentioned.iter().filter(|m| !**m).count()
    }

    /// Marks the names `text` mentions, except the name of the file it is (`own`); returns how
    /// many are still unmentioned.
    fn mark(&mut self, text: &[u8], own: Option<usize>) -> usize {
        let remaining = self.remaining();
        if remaining <= FEW_NAMES {
            for (index, name) in self.names.iter().enumerate() {
                if !self.mentioned[index] && Some(index) != own && memchr::memmem::find(text, name.as_bytes()).is_some()
                {
                    self.mentioned[index] = true;
                }
            }
            return self.remaining();
        }
        if self.automaton.as_ref().is_none_or(|(_, built)| remaining * 2 <= built.len()) {
            let unmentioned: Vec<usize> = (0..self.names.len()).filter(|&i| !self.mentioned[i]).collect();
            // A contiguous NFA builds far faster than a DFA and searches about as fast here.
            let built = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(unmentioned.iter().map(|&i| &self.names[i]));
            let Ok(automaton) = built else {
                // Too large to build: count every name as mentioned rather than report wrongly.
                self.mentioned.iter_mut().for_each(|m| *m = true);
                return 0;
            };
            self.automaton = Some((automaton, unmentioned));
        }
        let (automaton, built) = self.automaton.as_ref().expect("just built");
        for found in automaton.find_overlapping_iter(text) {
            let index = built[found.pattern().as_usize()];
            if Some(index) != own {
                self.mentioned[index] = true;
            }
        }
        self.remaining()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `NameSearch` must find: every name that occurs in a text other than its own file's.
    fn naive(names: &[String], texts: &[(&str, Option<usize>)]) -> Vec<bool> {
        (0..names.len())
            .map(|i| names[i].is_empty() || texts.iter().any(|(t, own)| *own != Some(i) && t.contains(&names[i])))
            .collect()
    }

    #[test]
    fn many_and_few_names_are_found_alike() {
        for count in [3, FEW_NAMES, FEW_NAMES + 1, 40, 100] {
            let names: Vec<String> = (0..count).map(|i| format!("part-{i}.md")).collect();
            // Mentions of every third name, a name that is a suffix of another, and a file
            // naming only itself.
            let first: String = (0..count).step_by(3).map(|i| format!("see {} ", names[i])).collect();
            let second = format!("x{} and {}", names[count - 1], names[1]);
            let own = format!("{} is me", names[2]);
            let texts = [(first.as_str(), None), (second.as_str(), Some(0)), (own.as_str(), Some(2))];
            let mut search = NameSearch::new(&names);
            for (text, own) in texts {
                search.mark(text.as_bytes(), own);
            }
            let expected = naive(&names, &texts);
            assert_eq!(search.mentioned, expected, "{count} names");
            assert!(count < FEW_NAMES || expected.contains(&false), "the test leaves names unmentioned");
        }
    }
}
