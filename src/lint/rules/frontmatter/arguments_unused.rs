use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{Skill, Span};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, checks that declared arguments and their use agree:
    /// `argument-hint` or `arguments` with no `$ARGUMENTS`, `$ARGUMENTS[N]`, `$N` or
    /// `$name` in the body; a name declared in `arguments` that the body never uses as
    /// `$name`; and the reverse, a body using `$ARGUMENTS` with neither `argument-hint` nor
    /// `arguments`. An escaped `\$ARGUMENTS` is literal text and does not count.
    ///
    /// ## Why is this bad?
    /// A warning: the skill runs, but worse. Without a placeholder Claude Code appends what
    /// the user typed at the end of the skill as `ARGUMENTS: ...`, away from where the steps
    /// need it; a declared name never used is a value the user types for nothing; a body
    /// that expects arguments with no hint leaves the person at the slash command guessing
    /// what to pass.
    ///
    /// **Level.** Warning (claude-code only): the skill loads, but arguments the user types never reach the body (or the body waits for arguments nobody is told to give).
    ///
    /// ## Example
    /// `argument-hint: [issue-number]` over a body that never says `$ARGUMENTS`: write
    /// "Fix issue $ARGUMENTS" where the number belongs.
    pub struct ArgumentsUnused {
        code: "SK134",
        name: "arguments-unused",
        group: Frontmatter,
        summary: "argument-hint or arguments without $ARGUMENTS in the body, or the reverse",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code skills documentation (pass arguments to skills: string substitutions)",
    }
}

/// `$ARGUMENTS`, `$ARGUMENTS[N]`, `$N` and `$name`, not escaped.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\\])\$(ARGUMENTS(?:\[[0-9]+\])?|[0-9]+|[A-Za-z_][A-Za-z0-9_-]*)").expect("valid pattern")
});

/// The names of `arguments`: a list, or a string of names separated by spaces or commas.
fn declared_names(skill: &Skill) -> Vec<String> {
    let Some(node) = skill.frontmatter.get("arguments") else { return Vec::new() };
    let raw: Vec<String> = match (node.as_str(), node.as_seq()) {
        (Some(text), _) => text.split([' ', ',']).map(str::to_string).collect(),
        (None, Some(items)) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    };
    raw.into_iter().map(|n| n.trim().trim_start_matches('$').to_string()).filter(|n| !n.is_empty()).collect()
}

impl Rule for ArgumentsUnused {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let fm = &cx.skill.frontmatter;
        let body = cx.skill.body.span.text(cx.text());
        let used: Vec<String> = PLACEHOLDER.captures_iter(body).map(|c| c[2].to_string()).collect();
        let names = declared_names(cx.skill);
        let uses_arguments = used.iter().any(|u| u.starts_with("ARGUMENTS"));
        let uses_position = used.iter().any(|u| u.bytes().all(|b| b.is_ascii_digit()));
        let uses_name = |n: &str| used.iter().any(|u| u == n);
        let hint = fm.entry("argument-hint");
        let arguments = fm.entry("arguments");
        let declared = hint.or(arguments);
        match declared {
            Some(entry) if !uses_arguments && !uses_position && !names.iter().any(|n| uses_name(n)) => {
                let key = entry.key.as_str().unwrap_or("argument-hint");
                cx.report(entry.key.span, format!("`{key}` is set but the body never uses `$ARGUMENTS`"))
                    .help("put `$ARGUMENTS` (or `$1`, `$name`) where the value belongs; otherwise Claude Code appends it at the end");
            }
            Some(_) => {
                if let Some(entry) = arguments {
                    for name in names.iter().filter(|n| !uses_name(n) && !uses_arguments) {
                        cx.report(
                            entry.value.span,
                            format!("the argument `{name}` is declared but `${name}` is never used"),
                        )
                        .help(format!("write `${name}` where its value belongs, or drop it from `arguments`"));
                    }
                }
            }
            None if uses_arguments => {
                let at = body.find("$ARGUMENTS").map_or(0, |i| i + cx.skill.body.span.start as usize);
                cx.report(
                    Span::new(at, at + "$ARGUMENTS".len()),
                    "the body uses `$ARGUMENTS` but no `argument-hint` says what to pass",
                )
                .help("add `argument-hint: [what to pass]` so the slash command shows it");
            }
            None => {}
        }
    }
}
