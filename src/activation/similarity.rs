//! Skills that compete: pairs of listing entries close enough that one request would fit
//! both (cosine similarity of their TF-IDF vectors under the relevance model's weights), and
//! bodies so alike that one is a template copy of the other (MinHash over word 5-grams).

use super::index::{Index, Model};
use super::terms::words;
use crate::text::hash::fnv1a_bytes;

/// The similarity of two listing entries from which they compete, measured on the corpus
/// (see docs/activation.md, "Will my skill trigger?").
pub const COMPETING_THRESHOLD: f64 = 0.33;

/// The estimated share of word 5-grams two bodies hold in common from which they are
/// near-identical.
pub const NEAR_IDENTICAL_THRESHOLD: f64 = 0.8;

/// Bodies shorter than this many words are not compared: short bodies look alike without
/// being copies.
pub const MIN_BODY_WORDS: usize = 80;

/// How many bins a body signature holds (a power of two).
const SIGNATURE_LEN: usize = 64;

/// Two entries that compete.
#[derive(Clone, Debug, PartialEq)]
pub struct Competition {
    /// The first entry's index.
    pub a: usize,
    /// The second entry's index (greater than `a`).
    pub b: usize,
    /// Their cosine similarity, 0 to 1.
    pub similarity: f64,
    /// The terms they share that weigh most, as the first entry writes them.
    pub shared: Vec<String>,
    /// Whether both entries say when to use them ("Use when ...") and those clauses share a
    /// word: the pair then competes on the part the model matches requests against.
    pub triggers_overlap: bool,
}

/// The pairs of `entries` (name and listed text) whose similarity is at least `threshold`,
/// in index order. A pair is already told apart, and left out, when one entry names the
/// other ("for IBM hardware use qiskit"), or when each is about a product of its own
/// ([`own_products`]: `paypal-integration` and `stripe-integration`).
pub fn competing(entries: &[(&str, &str)], threshold: f64) -> Vec<Competition> {
    competing_with(entries, threshold, |_| true)
}

/// [`competing`] limited to the pairs where `focus` holds for at least one of the two entries
/// (the linted skills, against the rest of their unit as context): the cost grows with the
/// focused entries times the unit, not with the square of the unit.
///
/// Each focused entry's dot products with every other entry are summed over the postings of
/// its own terms only, so entries that share no term are never visited; the checks that a
/// pair is already told apart run only on pairs over the threshold.
pub fn competing_with(entries: &[(&str, &str)], threshold: f64, focus: impl Fn(usize) -> bool) -> Vec<Competition> {
    let index = Index::new(entries.iter().copied(), Model::default());
    let vectors: Vec<_> = (0..entries.len()).map(|i| index.vector(i)).collect();
    let norms: Vec<f64> = vectors.iter().map(|v| v.values().map(|w| w * w).sum::<f64>().sqrt()).collect();
    let focused: Vec<bool> = (0..entries.len()).map(&focus).collect();
    // For each term, the entries holding it with its weight there, in index order.
    let mut postings: std::collections::HashMap<&str, Vec<(usize, f64)>> = std::collections::HashMap::new();
    for (doc, vector) in vectors.iter().enumerate() {
        for (stem, weight) in vector {
            postings.entry(stem).or_default().push((doc, *weight));
        }
    }
    let mut out = Vec::new();
    let mut dots = vec![0.0f64; entries.len()];
    let mut touched: Vec<usize> = Vec::new();
    for a in (0..entries.len()).filter(|&a| focused[a] && norms[a] > 0.0) {
        for (stem, wa) in &vectors[a] {
            for &(b, wb) in &postings[stem] {
                // Each pair once: from its lower entry when both are focused.
                if b == a || (b < a && focused[b]) {
                    continue;
                }
                if dots[b] == 0.0 {
                    touched.push(b);
                }
                dots[b] += wa * wb;
            }
        }
        // (A sum may come back to zero and its entry be pushed twice.)
        touched.sort_unstable();
        touched.dedup();
        for b in touched.drain(..) {
            let dot = std::mem::take(&mut dots[b]);
            let (low, high) = (a.min(b), a.max(b));
            if dot / (norms[low] * norms[high]) < threshold {
                continue;
            }
            if let Some(pair) = competition(&index, &vectors, &norms, entries, (low, high), threshold) {
                out.push(pair);
            }
        }
    }
    out.sort_by_key(|pair| (pair.a, pair.b));
    out
}

/// The competition of entries `a` < `b`, measured from `a`'s side (the lower index, so the
/// figure and the shared words do not depend on which entry was focused), unless the pair is
/// under `threshold` or already told apart.
fn competition(
    index: &Index,
    vectors: &[std::collections::BTreeMap<&str, f64>],
    norms: &[f64],
    entries: &[(&str, &str)],
    (a, b): (usize, usize),
    threshold: f64,
) -> Option<Competition> {
    let mut shared: Vec<(&str, f64)> =
        vectors[a].iter().filter_map(|(stem, wa)| vectors[b].get(stem).map(|wb| (*stem, wa * wb))).collect();
    let similarity = shared.iter().map(|(_, w)| w).sum::<f64>() / (norms[a] * norms[b]);
    if similarity < threshold
        || names(entries[a].1, entries[b].0)
        || names(entries[b].1, entries[a].0)
        || own_products(entries[a], entries[b])
    {
        return None;
    }
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    let shared = shared.iter().take(5).map(|(stem, _)| index.word(a, stem)).collect();
    let triggers_overlap = index.trigger_stems(a).intersection(&index.trigger_stems(b)).next().is_some();
    Some(Competition { a, b, similarity, shared, triggers_overlap })
}

/// True when each entry's name holds a product of its own: a word its text writes with a
/// capital inside a sentence ("Integrate PayPal payments") and the other's text never says.
/// A request that names the product then goes to its skill, and one naming neither is the
/// generic case both descriptions already admit.
pub fn own_products(a: (&str, &str), b: (&str, &str)) -> bool {
    let product = |(name, text): (&str, &str), (_, other): (&str, &str)| {
        name.split(['-', '_'])
            .filter(|word| word.len() >= 3)
            .any(|word| capitalised_inside(text, word) && !names(other, word))
    };
    product(a, b) && product(b, a)
}

/// True when `text` holds `word` (case ignored, as a whole word) written with a capital and
/// not at the start of a sentence.
fn capitalised_inside(text: &str, word: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return false;
    }
    let word = word.to_lowercase();
    let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    lower.match_indices(&word).any(|(at, _)| {
        let before = text[..at].trim_end();
        !part(text[..at].chars().next_back())
            && !part(text[at + word.len()..].chars().next())
            && text[at..].starts_with(char::is_uppercase)
            && !before.is_empty()
            && !before.ends_with(['.', '!', '?', ':'])
    })
}

/// True when `text` mentions the skill `name` as a word of its own (case ignored).
pub fn names(text: &str, name: &str) -> bool {
    let (text, name) = (text.to_lowercase(), name.to_lowercase());
    if name.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    text.match_indices(&name)
        .any(|(at, _)| !word(text[..at].chars().next_back()) && !word(text[at + name.len()..].chars().next()))
}

/// A body's MinHash signature, one-permutation style: each word 5-gram is hashed once, the
/// hash's top bits pick one of 64 bins, and each bin keeps the least hash it was given
/// (`EMPTY_BIN` for a bin nothing fell in). One hash per 5-gram, not 64: this was the
/// costliest step of a whole run. `None` when the body has fewer than [`MIN_BODY_WORDS`] words.
pub fn body_signature(body: &str) -> Option<Vec<u64>> {
    // Each word as the hash of its lowercase form: no string is made per word.
    let words: Vec<u64> = words(body).map(|(_, w)| word_hash(w)).collect();
    if words.len() < MIN_BODY_WORDS {
        return None;
    }
    let mut signature = vec![EMPTY_BIN; SIGNATURE_LEN];
    for gram in words.windows(5) {
        let hash = gram.iter().fold(0x9E37_79B9_7F4A_7C15, |acc, &word| mix(acc ^ word));
        let bin = (hash >> (64 - SIGNATURE_LEN.trailing_zeros())) as usize;
        signature[bin] = signature[bin].min(hash);
    }
    Some(signature)
}

/// The FNV-1a hash of `word` in lowercase.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        fnv1a_bytes(word.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        fnv1a_bytes(word.to_lowercase().into_bytes())
    }
}

/// What a bin of a signature holds when no 5-gram fell in it.
const EMPTY_BIN: u64 = u64::MAX;

/// The estimated share of 5-grams two signatures' bodies hold in common: of the bins that
/// either body filled, the share where both kept the same least hash.
pub fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    let filled = a.iter().zip(b).filter(|(x, y)| **x != EMPTY_BIN || **y != EMPTY_BIN).count();
    let same = a.iter().zip(b).filter(|(x, y)| x == y && **x != EMPTY_BIN).count();
    same as f64 / filled.max(1) as f64
}

/// A 64-bit finaliser (splitmix64's), spreading one hash over all bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Signatures are cut into this many bands of `SIGNATURE_LEN / BANDS` bins. Two signatures
/// with fewer differing bins than there are bands agree on at least one whole band, so at
/// [`NEAR_IDENTICAL_THRESHOLD`] (at most 12 of at most 64 filled bins differ) every
/// near-identical pair shares a band: looking only at pairs that share one is exact, not an
/// estimate.
const BANDS: usize = 16;

/// The pairs `(a, b)`, `a < b`, of `signatures` (each an entry's index and its signature)
/// whose [`resemblance`] is at least `threshold` and where `focus` holds for `a` or `b`, in
/// order. Only pairs that share a band are compared.
pub fn near_identical(
    signatures: &[(usize, &[u64])],
    threshold: f64,
    focus: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, f64)> {
    assert!(threshold > 1.0 - BANDS as f64 / SIGNATURE_LEN as f64, "banding is exact only above this share");
    let width = SIGNATURE_LEN / BANDS;
    let mut buckets: std::collections::HashMap<(usize, &[u64]), Vec<usize>> = std::collections::HashMap::new();
    for &(entry, signature) in signatures {
        for band in 0..BANDS {
            if let Some(hashes) = signature.get(band * width..(band + 1) * width) {
                buckets.entry((band, hashes)).or_default().push(entry);
            }
        }
    }
    let by_entry: std::collections::HashMap<usize, &[u64]> = signatures.iter().copied().collect();
    let mut candidates = std::collections::BTreeSet::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if focus(a) || focus(b) {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let share = resemblance(by_entry[&a], by_entry[&b]);
            (share >= threshold).then_some((a, b, share))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_saying_the_same_compete_and_others_do_not() {
        let entries = [
            ("pdf-tools", "Fill PDF forms, merge and split PDF files. Use when the user has a PDF form."),
            ("pdf-forms", "Fill PDF forms and flatten fields. Use when the user must fill a PDF form."),
            ("csv-tools", "Clean and join CSV files. Use when the user has spreadsheets."),
        ];
        let found = competing(&entries, COMPETING_THRESHOLD);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].a, found[0].b), (0, 1));
        assert!(found[0].shared.contains(&"form".to_string()) || found[0].shared.contains(&"forms".to_string()));
        assert!(competing(&entries, 1.01).is_empty());
        let routed = [
            entries[0],
            (
                "pdf-forms",
                "Fill PDF forms and flatten fields. Use when the user must fill a PDF form; to merge, use pdf-tools.",
            ),
        ];
        assert!(competing(&routed, COMPETING_THRESHOLD).is_empty(), "naming the other tells them apart");
    }

    #[test]
    fn skills_about_products_of_their_own_are_told_apart() {
        let paypal = ("paypal-integration", "Integrate PayPal payments. Use when building checkout flows.");
        let stripe = ("stripe-integration", "Implement Stripe payments. Use when building checkout flows.");
        assert!(own_products(paypal, stripe));
        // `Bash` is the one's product, but the other says it too.
        let bash = ("bash-defensive-patterns", "Defensive Bash scripting. Use when writing shell scripts.");
        let bats = ("bats-testing-patterns", "Bash Automated Testing System (Bats). Use when writing shell scripts.");
        assert!(!own_products(bash, bats));
        // A capital at the start of a sentence is not a product.
        let a = ("search-web", "Search the web. Use when looking things up.");
        let b = ("lookup-docs", "Lookup docs. Use when looking things up.");
        assert!(!own_products(a, b));
    }

    #[test]
    fn trigger_clauses_that_share_words_are_marked() {
        let entries = [
            ("plans-a", "Runs written implementation plans. Use when executing an implementation plan."),
            ("plans-b", "Runs written implementation plans step by step. Use when executing a plan today."),
            ("plans-c", "Runs written implementation plans step by step, with reviews."),
        ];
        let found = competing(&entries, 0.1);
        let overlap = |a, b| found.iter().find(|c| (c.a, c.b) == (a, b)).unwrap().triggers_overlap;
        assert!(overlap(0, 1));
        assert!(!overlap(0, 2), "the third says what it does, never when");
    }

    #[test]
    fn names_are_found_as_whole_words() {
        assert!(names("For IBM hardware use Qiskit; for ML use pennylane.", "qiskit"));
        assert!(!names("use qiskit-aer for simulation", "qiskit"));
        assert!(!names("pdf-tools-extra", "pdf-tools"));
    }

    #[test]
    fn template_copies_resemble_and_different_bodies_do_not() {
        let text: String = (0..200).map(|i| format!("word{} ", i % 97)).collect();
        let copy = text.replace("word5 ", "other ");
        let other: String = (0..200).map(|i| format!("thing{i} ")).collect();
        let (a, b, c) =
            (body_signature(&text).unwrap(), body_signature(&copy).unwrap(), body_signature(&other).unwrap());
        assert!(resemblance(&a, &b) >= NEAR_IDENTICAL_THRESHOLD, "{}", resemblance(&a, &b));
        assert!(resemblance(&a, &c) < 0.2);
        assert_eq!(body_signature("too short"), None);
    }

    /// Every pair by the plain definition: all pairs compared, in order.
    fn all_pairs(entries: &[(&str, &str)], threshold: f64) -> Vec<(usize, usize, u64)> {
        let index = Index::new(entries.iter().copied(), Model::default());
        let vectors: Vec<_> = (0..entries.len()).map(|i| index.vector(i)).collect();
        let norms: Vec<f64> = vectors.iter().map(|v| v.values().map(|w| w * w).sum::<f64>().sqrt()).collect();
        let mut out = Vec::new();
        for a in 0..entries.len() {
            for b in a + 1..entries.len() {
                if norms[a] > 0.0
                    && norms[b] > 0.0
                    && let Some(pair) = competition(&index, &vectors, &norms, entries, (a, b), threshold)
                {
                    out.push((pair.a, pair.b, pair.similarity.to_bits()));
                }
            }
        }
        out
    }

    const VOCABULARY: &[&str] = &[
        "pdf", "form", "fill", "merge", "csv", "join", "clean", "deploy", "release", "test", "review", "plan",
        "Stripe", "PayPal", "use", "when", "the", "user", "has", "files",
    ];

    proptest::proptest! {
        #[test]
        fn focused_search_finds_exactly_the_pairs_all_pairs_finds(
            texts in proptest::collection::vec(proptest::collection::vec(0..VOCABULARY.len(), 1..12), 1..14),
            focus in proptest::collection::vec(proptest::bool::ANY, 14),
        ) {
            let texts: Vec<String> = texts.iter().map(|t| t.iter().map(|&w| VOCABULARY[w]).collect::<Vec<_>>().join(" ")).collect();
            let names: Vec<String> = (0..texts.len()).map(|i| format!("skill-{i}")).collect();
            let entries: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
            let expected: Vec<(usize, usize, u64)> = all_pairs(&entries, 0.2)
                .into_iter()
                .filter(|(a, b, _)| focus[*a] || focus[*b])
                .collect();
            let found: Vec<(usize, usize, u64)> = competing_with(&entries, 0.2, |i| focus[i])
                .into_iter()
                .map(|c| (c.a, c.b, c.similarity.to_bits()))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        #[test]
        fn banded_search_finds_every_near_identical_pair(
            base in proptest::collection::vec(proptest::num::u64::ANY, SIGNATURE_LEN),
            changes in proptest::collection::vec(proptest::collection::vec((0..SIGNATURE_LEN, 0u64..3), 0..20), 2..10),
            focus in proptest::collection::vec(proptest::bool::ANY, 10),
        ) {
            // Variants of one signature with up to 20 hashes changed (to one of a few values,
            // so variants also agree with each other by chance).
            let signatures: Vec<Vec<u64>> = changes
                .iter()
                .map(|edits| {
                    let mut s = base.clone();
                    for &(at, value) in edits {
                        s[at] = value;
                    }
                    s
                })
                .collect();
            let signed: Vec<(usize, &[u64])> = signatures.iter().map(Vec::as_slice).enumerate().collect();
            let mut expected = Vec::new();
            for a in 0..signatures.len() {
                for b in a + 1..signatures.len() {
                    let share = resemblance(&signatures[a], &signatures[b]);
                    if share >= NEAR_IDENTICAL_THRESHOLD && (focus[a] || focus[b]) {
                        expected.push((a, b, share));
                    }
                }
            }
            proptest::prop_assert_eq!(near_identical(&signed, NEAR_IDENTICAL_THRESHOLD, |i| focus[i]), expected);
        }
    }
}
