//! What counts as saying "what to do": imperative verbs, directive words, and the
//! separators between a signal and its remedy. Used by `red-flag-without-alternative`.

use crate::text::words::{has_any, normalize};

/// Verbs that open an instruction.
#[rustfmt::skip]
pub const ACTIONS: &[&str] = &[
    "use", "switch", "prefer", "stop", "fix", "add", "choose", "pick", "move", "go", "start", "ask", "reconsider",
    "revisit", "measure", "run", "check", "build", "split", "drop", "keep", "avoid", "replace", "write", "plan",
    "escalate", "test", "verify", "consider", "try", "fall", "return", "pause", "wait", "benchmark", "profile",
    "remove", "reduce", "increase", "collect", "set", "make", "treat", "rethink", "push", "do", "dont", "never",
    "always", "ensure", "be", "remember", "include", "cite", "show", "limit", "call", "wrap", "create", "update",
    "define", "declare", "pass", "follow", "read", "load", "look", "watch", "spend", "accumulate", "align",
    "cache", "shard", "index", "denormalize", "normalize", "redesign", "simplify", "defer", "document", "clarify",
    "confirm", "get", "talk", "scope", "address", "improve", "invest", "budget", "estimate", "calculate", "delete",
    "rewrite", "refactor", "isolate", "log", "monitor", "validate", "review", "commit", "revert", "restart",
    "apply", "enable", "disable", "specify", "provide", "give", "put", "store", "save", "convert", "handle",
    "catch", "raise", "retry", "batch", "stream", "separate", "merge", "copy", "explain", "state", "correct",
    "export", "enforce", "centralize", "centralise", "pin", "lock", "release", "close", "free", "mark", "quote",
    "escape", "sanitize", "encrypt", "rotate", "hash", "compare", "count", "sort", "filter", "analyze", "analyse",
    "suppress", "ignore", "fuse", "combine", "group", "reuse", "share", "tune", "lower", "bump", "upgrade",
    "downgrade", "install", "configure", "register", "report", "flag", "warn", "notify", "alert", "prioritize",
    "prioritise", "focus", "break", "decompose", "narrow", "widen", "expand", "shrink", "trim", "cut", "guard",
    "protect", "secure", "authenticate", "authorize", "throttle", "paginate", "preload", "prefetch", "memoize",
    "parallelize", "serialize", "deserialize", "encode", "decode", "sample", "resample", "scale", "standardize",
    "transform", "impute", "clean", "deduplicate", "inspect", "visualize", "plot", "label", "name", "rename",
    "annotate", "describe", "summarize", "justify", "reference", "link", "attach", "detach", "mount", "unmount",
    "open", "seed", "fetch", "query", "join", "insert", "select", "prune", "archive", "backup", "restore",
    "migrate", "deploy", "roll", "ship", "publish", "tag", "version", "freeze", "unfreeze", "sign", "audit",
    "trace", "debug", "reproduce", "bisect", "simulate", "mock", "stub", "fake", "assert", "expect", "require",
    "regenerate", "proofread", "request", "seek", "obtain", "consult", "account", "factor", "allow", "reserve",
    "leave", "aim", "target", "redo", "rerun", "recompute", "recheck", "retest", "reread", "prepare",
];

/// Words that make a clause a directive wherever they stand.
#[rustfmt::skip]
pub const DIRECTIVES: &[&str] = &[
    "do not", "dont", "never", "always", "must", "mustnt", "should", "shouldnt", "make sure", "instead",
    "rather than",
];

/// Leads that introduce what to do.
#[rustfmt::skip]
pub const ACTION_LEADS: &[&str] = &[
    "solution", "fix", "instead", "do", "alternative", "better", "remedy", "action", "mitigation", "cure",
];

/// Table column headings that hold what to do.
#[rustfmt::skip]
pub const ACTION_COLUMNS: &[&str] = &[
    "instead", "do", "action*", "fix", "alternative*", "response", "what to do", "remedy", "mitigation*", "then",
    "recommendation*", "better", "use", "reality", "solution*",
];

/// Separators between a signal and what to do about it.
#[rustfmt::skip]
pub const SEPARATORS: &[&str] = &[
    " — ", " – ", " -- ", " - ", ": ", "**:", ":** ", "— ", "**. ", ".** ", ". ", " (",
];

/// True when normalised `clause` opens with an instruction or holds a directive word.
pub fn is_instruction(clause: &str) -> bool {
    let first = clause.split(' ').find(|w| !w.ends_with("ly")).unwrap_or("");
    ACTIONS.contains(&first) || ACTION_LEADS.contains(&first) || has_any(clause, DIRECTIVES)
}

/// True when the item `text` (a list item, or a table row's cells joined) says what to do:
/// an arrow, "instead"/"rather than", an item that is itself an instruction ("Use ...",
/// "Ensure ..."), or a second part after a separator that is one.
pub fn names_alternative(text: &str) -> bool {
    if ["→", "->", "=>", "⇒", "✅", "✔"].iter().any(|a| text.contains(a)) {
        return true;
    }
    let stripped = text.trim_start_matches(|c: char| {
        c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c.is_ascii_digit() || c.is_whitespace()
    });
    let words = normalize(stripped);
    let first = words.split(' ').next().unwrap_or("");
    if has_any(&words, &["instead", "rather than"]) || ACTIONS.contains(&first) || ACTION_LEADS.contains(&first) {
        return true;
    }
    SEPARATORS.iter().any(|sep| {
        stripped.split_once(sep).is_some_and(|(_, rest)| {
            rest.split(['.', ';', '!', ',', '—', '(']).any(|clause| is_instruction(&normalize(clause)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::names_alternative;

    #[test]
    fn recognises_alternatives() {
        assert!(names_alternative("- \"Requirements change\" → Use prompt engineering"));
        assert!(names_alternative("- **Know everything** — Use RAG for knowledge retrieval."));
        assert!(names_alternative("- Shared mutable state; use message passing instead"));
        assert!(!names_alternative("- \"We need 100% accuracy\""));
        assert!(!names_alternative("- **Rushed projects** — they fail."));
        assert!(names_alternative("- Ensure the dataset is large enough"));
        assert!(names_alternative("2. **Shadowing** -- If you loop, do NOT reuse the name."));
        assert!(!names_alternative("- **Phantom dependencies**: using deps not in package.json"));
        assert!(names_alternative("3. **Missing hydrogens:** Use `AddHs()` first"));
        assert!(names_alternative("- **Tight coupling**: the API shouldn't mirror the schema"));
        assert!(names_alternative("- **Stale data**: Memory is volatile, analyze promptly"));
        assert!(names_alternative("2. **Missing indices:** Many operations need them—create them first"));
    }
}
