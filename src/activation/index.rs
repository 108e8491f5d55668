//! The relevance model: BM25 over the listing entries of one pool of skills, with the words
//! an entry quotes as triggers, its "Use when ..." clause and its name weighted above the
//! rest, and a bonus when a query holds a quoted trigger phrase or the name word for word.
//! A deterministic, lexical proxy for the model's choice, not the model.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use super::terms::{Term, terms, terms_at};

/// The model's parameters. [`Model::default`] holds the values tuned on the queries of
/// `tests/activation/` (see docs/activation.md, "Will my skill trigger?").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// BM25 term-frequency saturation.
    pub k1: f64,
    /// BM25 length normalisation.
    pub b: f64,
    /// Weight of a word of the skill's name.
    pub name_weight: f64,
    /// Weight of a word inside quotes or backticks (`"bun build"`).
    pub quoted_weight: f64,
    /// Weight of a word after "Use when", "Use for", "when the user ..." in its sentence.
    pub trigger_weight: f64,
    /// Added per quoted phrase (or the name) found word for word in the query, times the
    /// summed IDF of its words.
    pub phrase_bonus: f64,
    /// Empty documents added to the pool when computing IDF, so that a unit of three skills
    /// does not make every shared word look rare, and scores compare across pool sizes.
    pub background: f64,
    /// How much a query's unmatched words count against a skill: the score is multiplied by
    /// the matched share of the query's IDF raised to this power (0 turns it off). One shared
    /// word in a long request about something else ("write a haiku") is weak evidence.
    pub coverage_exponent: f64,
    /// The score a best-ranked skill needs to be activated.
    pub threshold: f64,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            k1: 1.2,
            b: 0.5,
            name_weight: 2.0,
            quoted_weight: 2.0,
            trigger_weight: 1.5,
            phrase_bonus: 0.5,
            background: 10.0,
            coverage_exponent: 0.5,
            threshold: 3.0,
        }
    }
}

/// One skill's place in a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// The index of the document (as given to [`Index::new`]).
    pub doc: usize,
    /// Its score.
    pub score: f64,
    /// The query's words that matched it, in query order.
    pub matched: Vec<String>,
}

/// A document: weighted term frequencies, length and phrases.
#[derive(Clone, Debug, Default)]
struct Doc {
    tf: HashMap<String, f64>,
    /// The word each stem was first written as, for showing shared terms.
    words: HashMap<String, String>,
    len: f64,
    phrases: Vec<Vec<String>>,
    /// The stems found inside trigger clauses.
    trigger_stems: std::collections::BTreeSet<String>,
}

/// An index over the listing entries of one pool.
#[derive(Clone, Debug)]
pub struct Index {
    model: Model,
    docs: Vec<Arc<Doc>>,
    /// For each stem, the documents holding it with their weighted frequency, in order.
    postings: HashMap<String, Vec<(usize, f64)>>,
    avg_len: f64,
}

/// Markers that open a trigger clause, lowercase.
const TRIGGER_MARKERS: &[&str] = &[
    "use when",
    "use for",
    "use it when",
    "use this when",
    "use this skill when",
    "use this skill for",
    "used when",
    "used for",
    "should be used when",
    "when the user",
    "when a user",
    "when working",
    "triggers on",
    "trigger on",
    "trigger when",
    "triggers when",
    "invoke when",
    "activate when",
];

/// The longest quoted phrase, in characters.
const MAX_QUOTED_CHARS: usize = 120;

/// The byte ranges of the phrases `text` quotes ("...", “...”, `...`): 1 to
/// [`MAX_QUOTED_CHARS`] characters on one line, leftmost first. A quote that does not close
/// in time is read as a plain character. (A scanner: the regular expression saying the same
/// took longer to compile, once per process, than a one-file lint took to run.)
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices();
    while let Some((_, open)) = chars.next() {
        let close = match open {
            '"' => '"',
            '\u{201C}' => '\u{201D}',
            '`' => '`',
            _ => continue,
        };
        let start = chars.offset();
        let mut ahead = chars.clone();
        let mut count = 0;
        let found = loop {
            match ahead.next() {
                Some((at, c)) if c == close && count > 0 => break Some(at),
                Some((_, c)) if c != close && c != '\n' && count < MAX_QUOTED_CHARS => count += 1,
                _ => break None,
            }
        };
        if let Some(end) = found {
            out.push((start, end));
            chars = ahead;
        }
    }
    out
}

impl Index {
    /// Indexes `docs`, each a skill's name and its listed text.
    pub fn new<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>, model: Model) -> Index {
        let docs: Vec<Arc<Doc>> = docs.into_iter().map(|(name, text)| weighed(name, text, &model)).collect();
        let mut postings: HashMap<String, Vec<(usize, f64)>> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            for (stem, &tf) in &doc.tf {
                postings.entry(stem.clone()).or_default().push((index, tf));
            }
        }
        let avg_len = if docs.is_empty() { 1.0 } else { docs.iter().map(|d| d.len).sum::<f64>() / docs.len() as f64 };
        Index { model, docs, postings, avg_len: avg_len.max(1.0) }
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The model in use.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The inverse document frequency of `stem` in the pool (with the background documents).
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.docs.len() as f64 + self.model.background;
        let df = self.postings.get(stem).map_or(0, Vec::len) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The documents matching `query`, best first (ties by document order); documents that
    /// share no term with it are left out.
    pub fn rank(&self, query: &str) -> Vec<Ranked> {
        let query_terms = terms(query);
        let mut unique: Vec<&Term> = Vec::new();
        for term in &query_terms {
            if !unique.iter().any(|t| t.stem == term.stem) {
                unique.push(term);
            }
        }
        let idf: Vec<f64> = unique.iter().map(|t| self.idf(&t.stem)).collect();
        let query_idf: f64 = idf.iter().sum();
        let stems: Vec<&str> = query_terms.iter().map(|t| t.stem.as_str()).collect();
        let Model { k1, b, phrase_bonus, coverage_exponent, .. } = self.model;
        let mut scores = vec![0.0; self.docs.len()];
        let mut matched_idf = vec![0.0; self.docs.len()];
        let mut matched: Vec<Vec<String>> = vec![Vec::new(); self.docs.len()];
        for (term, idf) in unique.iter().zip(&idf) {
            for &(index, tf) in self.postings.get(&term.stem).map_or(&[][..], Vec::as_slice) {
                let len = self.docs[index].len;
                scores[index] += idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * len / self.avg_len));
                matched_idf[index] += idf;
                matched[index].push(term.word.clone());
            }
        }
        let mut out = Vec::new();
        for (index, matched) in matched.into_iter().enumerate() {
            if matched.is_empty() {
                continue;
            }
            let mut score = scores[index];
            for phrase in &self.docs[index].phrases {
                if contains_run(&stems, phrase) {
                    score += phrase_bonus * phrase.iter().map(|s| self.idf(s)).sum::<f64>();
                }
            }
            if coverage_exponent > 0.0 && query_idf > 0.0 {
                score *= (matched_idf[index] / query_idf).powf(coverage_exponent);
            }
            out.push(Ranked { doc: index, score, matched });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        out
    }

    /// The TF-IDF vector of document `doc`, by stem.
    pub fn vector(&self, doc: usize) -> BTreeMap<&str, f64> {
        self.docs[doc].tf.iter().map(|(stem, tf)| (stem.as_str(), (1.0 + tf.ln()) * self.idf(stem))).collect()
    }

    /// The stems document `doc` holds inside its trigger clauses ("Use when ...").
    pub fn trigger_stems(&self, doc: usize) -> std::collections::BTreeSet<&str> {
        self.docs[doc].trigger_stems.iter().map(String::as_str).collect()
    }

    /// The word document `doc` first wrote `stem` as.
    pub fn word(&self, doc: usize, stem: &str) -> String {
        self.docs[doc].words.get(stem).cloned().unwrap_or_else(|| stem.to_string())
    }
}

/// True when `run` occurs in `stems` as consecutive items.
fn contains_run(stems: &[&str], run: &[String]) -> bool {
    !run.is_empty() && stems.windows(run.len()).any(|w| w.iter().zip(run).all(|(a, b)| *a == b.as_str()))
}

/// An entry as weighed once: its name, its text and the model's weights that weighing uses.
#[derive(PartialEq, Eq, Hash)]
struct WeighedKey {
    name: String,
    text: String,
    weights: [u64; 3],
}

/// Entries already weighed, shared by every index the process builds: the language server
/// indexes the same install unit again on each keystroke, and weighing (tokens, stems,
/// clauses) is most of what an index costs. Emptied when it holds [`MAX_WEIGHED`].
static WEIGHED: LazyLock<Mutex<HashMap<WeighedKey, Arc<Doc>>>> = LazyLock::new(Mutex::default);

/// The most entries [`WEIGHED`] keeps.
const MAX_WEIGHED: usize = 8192;

/// [`doc_of`], from [`WEIGHED`] when this entry was weighed before under the same weights.
fn weighed(name: &str, text: &str, model: &Model) -> Arc<Doc> {
    let weights = [model.name_weight, model.quoted_weight, model.trigger_weight].map(f64::to_bits);
    let key = WeighedKey { name: name.to_string(), text: text.to_string(), weights };
    if let Some(doc) = WEIGHED.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return doc.clone();
    }
    let doc = Arc::new(doc_of(name, text, model));
    let mut cache = WEIGHED.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= MAX_WEIGHED {
        cache.clear();
    }
    cache.insert(key, doc.clone());
    doc
}

/// Weighs the words of `name` and `text`.
fn doc_of(name: &str, text: &str, model: &Model) -> Doc {
    let mut doc = Doc::default();
    let add = |term: &Term, weight: f64, doc: &mut Doc| {
        *doc.tf.entry(term.stem.clone()).or_default() += weight;
        doc.words.entry(term.stem.clone()).or_insert_with(|| term.word.clone());
        doc.len += weight;
    };
    let name_terms = terms(name);
    for term in &name_terms {
        add(term, model.name_weight, &mut doc);
    }
    if name_terms.len() >= 2 {
        doc.phrases.push(name_terms.iter().map(|t| t.stem.clone()).collect());
    }
    let lower = text.to_lowercase();
    let triggers = trigger_ranges(&lower);
    let quoted = quoted_spans(&lower);
    for &(start, end) in &quoted {
        let phrase: Vec<String> = terms(&lower[start..end]).into_iter().map(|t| t.stem).collect();
        if phrase.len() >= 2 {
            doc.phrases.push(phrase);
        }
    }
    for (offset, term) in terms_at(&lower) {
        let inside = |ranges: &[(usize, usize)]| ranges.iter().any(|&(s, e)| s <= offset && offset < e);
        let in_trigger = inside(&triggers);
        if in_trigger {
            doc.trigger_stems.insert(term.stem.clone());
        }
        let weight = if inside(&quoted) {
            model.quoted_weight
        } else if in_trigger {
            model.trigger_weight
        } else {
            1.0
        };
        add(&term, weight, &mut doc);
    }
    doc
}

/// The byte ranges of `lower` from each trigger marker to the end of its sentence.
fn trigger_ranges(lower: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for marker in TRIGGER_MARKERS {
        for (start, _) in lower.match_indices(marker) {
            let rest = &lower[start..];
            let end =
                [". ", ".\n", "\n\n"].iter().filter_map(|b| rest.find(b)).min().map_or(lower.len(), |e| start + e);
            out.push((start, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str)]) -> Index {
        Index::new(docs.iter().copied(), Model::default())
    }

    #[test]
    fn ranks_the_entry_sharing_rare_terms_first() {
        let ix = index(&[
            ("pdf-tools", "Extract text and tables from PDF files. Use when a PDF is attached."),
            ("csv-tools", "Clean and join CSV files. Use when the user has spreadsheets or CSV exports."),
        ]);
        let ranked = ix.rank("pull the tables out of this PDF");
        assert_eq!(ranked[0].doc, 0);
        assert_eq!(ranked[0].matched, ["tables", "pdf"]);
        assert_eq!(ranked.len(), 1, "csv-tools shares nothing");
        assert!(ix.rank("what is the weather today").is_empty());
    }

    #[test]
    fn quoted_triggers_and_the_name_weigh_more() {
        let plain = index(&[("a", "Handles deploy scripts."), ("b", "Handles build scripts.")]);
        let quoted = index(&[("a", "Handles \"deploy\" scripts."), ("b", "Handles build scripts.")]);
        let named = index(&[("deploy", "Handles deploy scripts."), ("b", "Handles build scripts.")]);
        let score = |ix: &Index| ix.rank("deploy")[0].score;
        assert!(score(&quoted) > score(&plain));
        assert!(score(&named) > score(&plain));
    }

    #[test]
    fn a_quoted_phrase_in_the_query_earns_a_bonus() {
        let ix = index(&[("a", "Use when the user asks about \"code splitting\" or trees."), ("b", "Other code.")]);
        let together = ix.rank("how does code splitting work")[0].score;
        let apart = ix.rank("splitting the code")[0].score;
        assert!(together > apart, "{together} vs {apart}");
    }

    #[test]
    fn trigger_clauses_end_at_the_sentence() {
        let ranges = trigger_ranges("does x. use when y happens. then z.");
        assert_eq!(ranges, vec![(8, 26)]);
    }

    proptest::proptest! {
        #[test]
        fn quoted_spans_match_the_pattern_they_replace(text in "[a\"“”`\n ]{0,300}") {
            let pattern = regex::Regex::new(r#""([^"\n]{1,120})"|“([^”\n]{1,120})”|`([^`\n]{1,120})`"#).unwrap();
            let expected: Vec<(usize, usize)> = pattern
                .captures_iter(&text)
                .filter_map(|c| c.iter().skip(1).flatten().next().map(|m| (m.start(), m.end())))
                .collect();
            proptest::prop_assert_eq!(quoted_spans(&text), expected);
        }
    }

    #[test]
    fn quoted_phrases_end_at_their_length_limit() {
        let at_limit = format!("say \"{}\" now", "é".repeat(MAX_QUOTED_CHARS));
        assert_eq!(quoted_spans(&at_limit), vec![(5, 5 + 2 * MAX_QUOTED_CHARS)]);
        // One character over: the opening quote is plain, and the closing one opens the next.
        let over = format!("\"{}\" then \"x\"", "a".repeat(MAX_QUOTED_CHARS + 1));
        let close = MAX_QUOTED_CHARS + 2;
        assert_eq!(quoted_spans(&over), vec![(close + 1, close + 7)], "` then ` is read as quoted");
        assert_eq!(quoted_spans("`a`“b c”\"\""), vec![(1, 2), (6, 9)]);
    }

    #[test]
    fn idf_is_smoothed_by_the_background() {
        let ix = index(&[("a", "alpha"), ("b", "alpha beta")]);
        assert!(ix.idf("alpha") > 0.0, "a word in every entry still counts a little");
        assert!(ix.idf("beta") > ix.idf("alpha"));
        assert!(ix.idf("gamma") > ix.idf("beta"));
    }
}
