use crate::declare_rule;
use crate::lint::outline::Outline;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::text::words::{has_any, normalize};

declare_rule! {
    /// ## What it does
    /// Reports an item of a decision skill's red-flags section that names a signal but not
    /// what to do instead. An item says what to do when it has an arrow (`→`, `->`, `=>`),
    /// the words "instead" or "rather than", when it is itself an instruction ("Use ...",
    /// "Ensure ..."), or when a part after ` — `, ` – `, ` - `, `: ` or a full stop is one
    /// (opens with a verb such as "use", "switch", "stop", or says "do not", "never",
    /// "always", "must"). In a table, a row says it when a column headed "Instead", "Do",
    /// "Action", "Fix", "Alternative" or similar is filled in, or when a cell after the
    /// first is an instruction. An item followed by a "Solution: ..." or "Fix: ..." item, and
    /// a list right under a "**Fix:**" paragraph, count as answered.
    ///
    /// ## Why is this bad?
    /// A red flag without a way out stops the agent without telling it where to go. "We
    /// need 100% accuracy" is a warning; "We need 100% accuracy → add a validation layer"
    /// is guidance.
    ///
    /// ## Example
    /// `- Requirements change weekly` becomes `- Requirements change weekly → use prompt
    /// engineering until they settle`.
    pub struct RedFlagWithoutAlternative {
        code: "SK506",
        name: "red-flag-without-alternative",
        group: Decision,
        summary: "A red flag names the signal but not what to do instead",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "LLMOps decision skill lesson (red flags)",
    }
}

/// Verbs that open an instruction.
const ACTIONS: &[&str] = &[
    "use",
    "switch",
    "prefer",
    "stop",
    "fix",
    "add",
    "choose",
    "pick",
    "move",
    "go",
    "start",
    "ask",
    "reconsider",
    "revisit",
    "measure",
    "run",
    "check",
    "build",
    "split",
    "drop",
    "keep",
    "avoid",
    "replace",
    "write",
    "plan",
    "escalate",
    "test",
    "verify",
    "consider",
    "try",
    "fall",
    "return",
    "pause",
    "wait",
    "benchmark",
    "profile",
    "remove",
    "reduce",
    "increase",
    "collect",
    "set",
    "make",
    "treat",
    "rethink",
    "push",
    "do",
    "dont",
    "never",
    "always",
    "ensure",
    "be",
    "remember",
    "include",
    "cite",
    "show",
    "limit",
    "call",
    "wrap",
    "create",
    "update",
    "define",
    "declare",
    "pass",
    "follow",
    "read",
    "load",
    "look",
    "watch",
    "spend",
    "accumulate",
    "align",
    "cache",
    "shard",
    "index",
    "denormalize",
    "normalize",
    "redesign",
    "simplify",
    "defer",
    "document",
    "clarify",
    "confirm",
    "get",
    "talk",
    "scope",
    "address",
    "improve",
    "invest",
    "budget",
    "estimate",
    "calculate",
    "delete",
    "rewrite",
    "refactor",
    "isolate",
    "log",
    "monitor",
    "validate",
    "review",
    "commit",
    "revert",
    "restart",
    "apply",
    "enable",
    "disable",
    "specify",
    "provide",
    "give",
    "put",
    "store",
    "save",
    "convert",
    "handle",
    "catch",
    "raise",
    "retry",
    "batch",
    "stream",
    "separate",
    "merge",
    "copy",
    "explain",
    "state",
    "correct",
    "export",
    "enforce",
    "centralize",
    "centralise",
    "pin",
    "lock",
    "release",
    "close",
    "free",
    "mark",
    "quote",
    "escape",
    "sanitize",
    "encrypt",
    "rotate",
    "hash",
    "compare",
    "count",
    "sort",
    "filter",
    "analyze",
    "analyse",
    "suppress",
    "ignore",
    "fuse",
    "combine",
    "group",
    "reuse",
    "share",
    "tune",
    "lower",
    "bump",
    "upgrade",
    "downgrade",
    "install",
    "configure",
    "register",
    "report",
    "flag",
    "warn",
    "notify",
    "alert",
    "prioritize",
    "prioritise",
    "focus",
    "break",
    "decompose",
    "narrow",
    "widen",
    "expand",
    "shrink",
    "trim",
    "cut",
    "guard",
    "protect",
    "secure",
    "authenticate",
    "authorize",
    "throttle",
    "paginate",
    "preload",
    "prefetch",
    "memoize",
    "parallelize",
    "serialize",
    "deserialize",
    "encode",
    "decode",
    "sample",
    "resample",
    "scale",
    "standardize",
    "transform",
    "impute",
    "clean",
    "deduplicate",
    "inspect",
    "visualize",
    "plot",
    "label",
    "name",
    "rename",
    "annotate",
    "describe",
    "summarize",
    "justify",
    "reference",
    "link",
    "attach",
    "detach",
    "mount",
    "unmount",
    "open",
    "seed",
    "fetch",
    "query",
    "join",
    "insert",
    "select",
    "prune",
    "archive",
    "backup",
    "restore",
    "migrate",
    "deploy",
    "roll",
    "ship",
    "publish",
    "tag",
    "version",
    "freeze",
    "unfreeze",
    "sign",
    "audit",
    "trace",
    "debug",
    "reproduce",
    "bisect",
    "simulate",
    "mock",
    "stub",
    "fake",
    "assert",
    "expect",
    "require",
    "regenerate",
    "proofread",
    "request",
    "seek",
    "obtain",
    "consult",
    "account",
    "factor",
    "allow",
    "reserve",
    "leave",
    "aim",
    "target",
    "redo",
    "rerun",
    "recompute",
    "recheck",
    "retest",
    "reread",
    "prepare",
];
/// Words that make a clause a directive wherever they stand.
const DIRECTIVES: &[&str] = &[
    "do not",
    "dont",
    "never",
    "always",
    "must",
    "mustnt",
    "should",
    "shouldnt",
    "make sure",
    "instead",
    "rather than",
];
/// Leads that introduce what to do.
const ACTION_LEADS: &[&str] =
    &["solution", "fix", "instead", "do", "alternative", "better", "remedy", "action", "mitigation", "cure"];
/// Table column headings that hold what to do.
const ACTION_COLUMNS: &[&str] = &[
    "instead",
    "do",
    "action*",
    "fix",
    "alternative*",
    "response",
    "what to do",
    "remedy",
    "mitigation*",
    "then",
    "recommendation*",
    "better",
    "use",
    "reality",
    "solution*",
];
/// Separators between a signal and what to do about it.
const SEPARATORS: &[&str] = &[" — ", " – ", " -- ", " - ", ": ", "**:", ":** ", "— ", "**. ", ".** ", ". ", " ("];

/// True when normalised `clause` opens with an instruction or holds a directive word.
fn is_instruction(clause: &str) -> bool {
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

impl Rule for RedFlagWithoutAlternative {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let outline = Outline::new(cx.skill);
        let text = cx.text();
        let mut lacking = Vec::new();
        for section in outline.red_flag_sections() {
            let subtree = cx.skill.body.subtree(section);
            let within = |s: Option<usize>| s.is_some_and(|s| subtree.contains(&s));
            for list in cx
                .skill
                .body
                .lists
                .iter()
                .filter(|l| l.depth == 0 && within(l.section) && !under_action_lead(cx, l.span))
            {
                for (at, item) in list.items.iter().enumerate().filter(|(_, i)| i.task.is_none()) {
                    let next_is_remedy = list.items.get(at + 1).is_some_and(|next| {
                        ACTION_LEADS.contains(&normalize(&next.text).split(' ').next().unwrap_or(""))
                    });
                    if !next_is_remedy && !names_alternative(item.span.text(text)) {
                        lacking.push(item.span);
                    }
                }
            }
            for table in cx.skill.body.tables.iter().filter(|t| within(t.section)) {
                let action_columns: Vec<usize> = (0..table.header.cells.len())
                    .filter(|&i| i > 0 && has_any(&normalize(&table.header.cells[i].text), ACTION_COLUMNS))
                    .collect();
                for row in &table.rows {
                    let filled = action_columns.iter().any(|&i| row.cells.get(i).is_some_and(|c| !c.text.is_empty()));
                    let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
                    if !filled && !names_alternative(&cells.join(" — ")) {
                        lacking.push(row.span);
                    }
                }
            }
        }
        for span in lacking {
            let first_line = cx.line_at(span.start as usize);
            cx.report(first_line, "this red flag does not say what to do instead")
                .help("write it as `signal → what to do instead`");
        }
    }
}

/// True when the paragraph right above the list at `span` opens with "Fix:", "Solution:" or
/// the like: the list is the remedy, not a list of signals.
fn under_action_lead(cx: &Checker<'_>, span: crate::skill::Span) -> bool {
    let above = cx.skill.body.paragraphs.iter().rev().find(|p| p.span.end <= span.start);
    above.is_some_and(|p| {
        let gap = &cx.text()[p.span.end as usize..span.start as usize];
        let opening = normalize(p.lead.as_deref().unwrap_or(&p.text));
        gap.matches('\n').count() <= 2 && ACTION_LEADS.contains(&opening.split(' ').next().unwrap_or(""))
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
