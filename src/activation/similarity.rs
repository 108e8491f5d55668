//! Skills that compete: pairs of listing entries close enough that one request would fit
//! both (cosine similarity of their TF-IDF vectors under the relevance model's weights), and
//! bodies so alike that one is a template copy of the other (MinHash over word 5-grams).

use super::index::{Index, Model};
use super::terms::words;
use crate::text::hash::fnv1a;

/// The similarity of two listing entries from which they compete, measured on the corpus
/// (see docs/activation.md, "Will my skill trigger?").
pub const COMPETING_THRESHOLD: f64 = 0.33;

/// The estimated share of word 5-grams two bodies hold in common from which they are
/// near-identical.
pub const NEAR_IDENTICAL_THRESHOLD: f64 = 0.8;

/// Bodies shorter than this many words are not compared: short bodies look alike without
/// being copies.
pub const MIN_BODY_WORDS: usize = 80;

/// How many hashes a body signature holds.
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
    let index = Index::new(entries.iter().copied(), Model::default());
    let vectors: Vec<_> = (0..entries.len()).map(|i| index.vector(i)).collect();
    let norms: Vec<f64> = vectors.iter().map(|v| v.values().map(|w| w * w).sum::<f64>().sqrt()).collect();
    let mut out = Vec::new();
    for a in 0..entries.len() {
        for b in a + 1..entries.len() {
            if norms[a] == 0.0
                || norms[b] == 0.0
                || names(entries[a].1, entries[b].0)
                || names(entries[b].1, entries[a].0)
                || own_products(entries[a], entries[b])
            {
                continue;
            }
            let mut shared: Vec<(&str, f64)> =
                vectors[a].iter().filter_map(|(stem, wa)| vectors[b].get(stem).map(|wb| (*stem, wa * wb))).collect();
            let similarity = shared.iter().map(|(_, w)| w).sum::<f64>() / (norms[a] * norms[b]);
            if similarity < threshold {
                continue;
            }
            shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
            let shared = shared.iter().take(5).map(|(stem, _)| index.word(a, stem)).collect();
            let triggers_overlap = index.trigger_stems(a).intersection(&index.trigger_stems(b)).next().is_some();
            out.push(Competition { a, b, similarity, shared, triggers_overlap });
        }
    }
    out
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

/// A body's MinHash signature: for each of 64 hash functions, the least hash of its word
/// 5-grams. `None` when the body has fewer than [`MIN_BODY_WORDS`] words.
pub fn body_signature(body: &str) -> Option<Vec<u64>> {
    let words: Vec<String> = words(body).map(|(_, w)| w.to_lowercase()).collect();
    if words.len() < MIN_BODY_WORDS {
        return None;
    }
    let mut signature = vec![u64::MAX; SIGNATURE_LEN];
    for gram in words.windows(5) {
        let base = fnv1a(gram.join(" ").as_bytes());
        for (seed, slot) in signature.iter_mut().enumerate() {
            let h = mix(base ^ (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            *slot = (*slot).min(h);
        }
    }
    Some(signature)
}

/// The estimated share of 5-grams two signatures' bodies hold in common.
pub fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// A 64-bit finaliser (splitmix64's), turning one hash into many.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
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
}
