//! Inline suppressions: directives in HTML comments of the body and `#` comments of the
//! frontmatter that hide findings of named rules on some lines, and the record of which
//! directives hid something (so those that hide nothing can be reported).
//!
//! ```markdown
//! <!-- skillsmith-disable-next-line SK700, vague-advice -- the template is the point -->
//! <!-- skillsmith-disable table-cell-count -->  ...  <!-- skillsmith-enable table-cell-count -->
//! <!-- skillsmith-disable-file SK405 -->
//! ```
//! and in the frontmatter `description: ... # skillsmith-disable-line SK110`.

use std::collections::HashMap;

use crate::skill::{Skill, Span};

use super::diagnostic::{Diagnostic, Severity};
use super::finding::{Finding, Location, locate_span};
use super::registry;
use super::rule::RuleMeta;
use super::rules::meta::unused_suppression::UnusedSuppression;

/// The directive words after `skillsmith-`.
pub const KINDS: &[&str] = &["disable-next-line", "disable-line", "disable", "enable", "disable-file"];

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The line after the directive.
    NextLine,
    /// The directive's own line (or the next one when the directive is alone on its line).
    Line,
    /// From here to the matching `enable` (or the end of the file).
    Disable,
    /// Ends a `disable` range.
    Enable,
    /// The whole file.
    File,
}

impl Kind {
    fn parse(word: &str) -> Option<Kind> {
        Some(match word {
            "disable-next-line" => Kind::NextLine,
            "disable-line" => Kind::Line,
            "disable" => Kind::Disable,
            "enable" => Kind::Enable,
            "disable-file" => Kind::File,
            _ => return None,
        })
    }
}

/// A directive as written: its kind, the rules it names and where.
#[derive(Clone, Debug)]
pub struct Directive {
    /// What it does.
    pub kind: Kind,
    /// `skillsmith-<kind>` as written.
    pub keyword: String,
    /// The whole comment.
    pub span: Span,
    /// Each rule named (registry index, or `None` when unknown) with its span.
    pub rules: Vec<(Option<usize>, String, Span)>,
    /// 1-based line the directive ends on.
    pub line: u32,
    /// True when nothing but the comment is on its line.
    pub alone: bool,
}

/// Something wrong with a directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Every directive of `skill`, in file order, and the problems found reading them.
pub fn directives(skill: &Skill) -> (Vec<Directive>, Vec<Problem>) {
    let text = skill.text();
    let mut comments: Vec<(Span, Span)> = Vec::new();
    for comment in skill.frontmatter.comments() {
        let whole = comment.span;
        let raw = whole.text(text);
        let inner_start = raw.find('#').map_or(0, |i| i + 1);
        comments.push((whole, Span::new(whole.start as usize + inner_start, whole.end as usize)));
    }
    for html in &skill.body.html {
        let block = html.span.text(text);
        let mut from = 0;
        while let Some(open) = block[from..].find("<!--") {
            let start = from + open;
            let Some(close) = block[start + 4..].find("-->") else { break };
            let end = start + 4 + close + 3;
            let base = html.span.start as usize;
            comments.push((Span::new(base + start, base + end), Span::new(base + start + 4, base + end - 3)));
            from = end;
        }
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (whole, inner) in comments {
        if let Some(directive) = parse_directive(skill, whole, inner, &mut problems) {
            out.push(directive);
        }
    }
    let mut open: Vec<usize> = Vec::new();
    for directive in &out {
        for &(index, ref name, span) in &directive.rules {
            let Some(index) = index else { continue };
            match directive.kind {
                Kind::Disable => open.push(index),
                Kind::Enable if open.contains(&index) => open.retain(|&o| o != index),
                Kind::Enable => problems.push(Problem {
                    span,
                    message: format!("`skillsmith-enable {name}` ends no `skillsmith-disable {name}`"),
                    help: "remove it, or add the `skillsmith-disable` it should end above it".to_string(),
                }),
                _ => {}
            }
        }
    }
    (out, problems)
}

fn parse_directive(skill: &Skill, whole: Span, inner: Span, problems: &mut Vec<Problem>) -> Option<Directive> {
    let text = skill.text();
    let raw = inner.text(text);
    let lead = raw.len() - raw.trim_start().len();
    let body = raw.trim_start();
    let rest = body.strip_prefix("skillsmith-")?;
    let word_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let word = &rest[..word_len];
    let keyword_span =
        Span::new(inner.start as usize + lead, inner.start as usize + lead + "skillsmith-".len() + word_len);
    let Some(kind) = Kind::parse(word) else {
        let hint = crate::text::closest(word, KINDS.iter().copied())
            .map_or_else(|| format!("use one of: {}", KINDS.join(", ")), |k| format!("did you mean `skillsmith-{k}`?"));
        problems.push(Problem {
            span: keyword_span,
            message: format!("unknown directive `skillsmith-{word}`"),
            help: hint,
        });
        return None;
    };
    let after = keyword_span.end as usize;
    let rules_text = &text[after..inner.end as usize];
    let rules_end = rules_text.find("--").unwrap_or(rules_text.len());
    let mut rules = Vec::new();
    let mut offset = 0;
    for token in rules_text[..rules_end].split([',', ' ', '\t', '\n', '\r']) {
        let at = rules_text[offset..].find(token).map_or(offset, |i| offset + i);
        offset = at + token.len();
        if token.is_empty() {
            continue;
        }
        let span = Span::new(after + at, after + at + token.len());
        let index = registry::find(token);
        let is_group = token.eq_ignore_ascii_case("all") || super::rule::Group::parse(token).is_some();
        if index.is_none() && is_group {
            // Config selects by group; a suppression names the rules it hides, one by one.
            problems.push(Problem {
                span,
                message: format!("`{token}` is a group of rules; a suppression names single rules"),
                help: "name each rule to hide (a code or a name); `skillsmith rules` lists them".to_string(),
            });
        } else if index.is_none() {
            let hint = registry::suggest(token).map_or_else(
                || "`skillsmith rules` lists the codes and names".to_string(),
                |s| format!("did you mean `{s}`?"),
            );
            problems.push(Problem { span, message: format!("unknown rule `{token}` in a suppression"), help: hint });
        }
        rules.push((index, token.to_string(), span));
    }
    if rules.is_empty() {
        problems.push(Problem {
            span: whole,
            message: format!("`skillsmith-{word}` names no rule"),
            help: format!("name the rules it is for: `skillsmith-{word} RULE[, RULE] -- reason`"),
        });
        return None;
    }
    let line = skill.line_col(whole.end.saturating_sub(1) as usize).line;
    let line_text = skill.line_span(line as usize).text(text);
    let alone = line_text.trim() == whole.text(text).trim()
        || (skill.split.yaml.contains(whole.start as usize) && line_text.trim_start().starts_with('#'));
    Some(Directive { kind, keyword: format!("skillsmith-{word}"), span: whole, rules, line, alone })
}

/// One rule of one directive, with the lines it covers.
#[derive(Clone, Debug)]
struct Entry {
    rule: &'static RuleMeta,
    index: usize,
    keyword: String,
    first: u32,
    last: u32,
    location: Location,
    span: Span,
    used: bool,
}

/// The suppressions of one file: what each covers and whether it hid a finding.
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    entries: Vec<Entry>,
    ran: Vec<bool>,
    unused_severity: Option<Severity>,
}

impl Suppressions {
    /// Reads the directives of `skill`; `unused_severity` is the level of
    /// `unused-suppression` for this file.
    pub fn of(skill: &Skill, unused_severity: Option<Severity>) -> Suppressions {
        let (directives, _) = directives(skill);
        let mut entries: Vec<Entry> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for directive in &directives {
            for &(index, _, span) in &directive.rules {
                let Some(index) = index else { continue };
                let (first, last) = match directive.kind {
                    Kind::NextLine => (directive.line + 1, directive.line + 1),
                    Kind::Line if directive.alone => (directive.line + 1, directive.line + 1),
                    Kind::Line => (directive.line, directive.line),
                    Kind::Disable => (directive.line, u32::MAX),
                    Kind::File => (1, u32::MAX),
                    Kind::Enable => {
                        for &entry in &open {
                            if entries[entry].index == index {
                                entries[entry].last = directive.line;
                            }
                        }
                        open.retain(|&e| entries[e].index != index);
                        continue;
                    }
                };
                if directive.kind == Kind::Disable {
                    open.push(entries.len());
                }
                entries.push(Entry {
                    rule: registry::rules()[index].meta(),
                    index,
                    keyword: directive.keyword.clone(),
                    first,
                    last,
                    location: locate_span(skill, span),
                    span,
                    used: false,
                });
            }
        }
        let ran = if entries.is_empty() { Vec::new() } else { vec![false; registry::rules().len()] };
        Suppressions { entries, ran, unused_severity }
    }

    /// True when there is no directive.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Notes that the rule at registry `index` ran on this file (so a suppression of it
    /// that hid nothing is unused, not merely idle).
    pub fn mark_ran(&mut self, index: usize) {
        if let Some(flag) = self.ran.get_mut(index) {
            *flag = true;
        }
    }

    /// True when a finding of `rule` on 1-based `line` is suppressed; records the use.
    pub fn suppresses(&mut self, rule: &'static RuleMeta, line: u32) -> bool {
        self.sweep(&[(rule.code, line)])[0]
    }

    /// Keeps the diagnostics of `skill` that no directive suppresses.
    pub fn filter(&mut self, skill: &Skill, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.entries.is_empty() {
            return diagnostics;
        }
        let found: Vec<(&'static str, u32)> =
            diagnostics.iter().map(|d| (d.rule.code, skill.line_col(d.span.start as usize).line)).collect();
        let hidden = self.sweep(&found);
        diagnostics.into_iter().zip(hidden).filter(|(_, hidden)| !hidden).map(|(d, _)| d).collect()
    }

    /// For each finding (rule code, line), whether a directive of its rule covers its line,
    /// marking every covering directive used: one sweep down the lines of each rule, not every
    /// directive for every finding.
    fn sweep(&mut self, found: &[(&'static str, u32)]) -> Vec<bool> {
        let mut hidden = vec![false; found.len()];
        let mut by_code: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
        for (index, (code, _)) in found.iter().enumerate() {
            by_code.entry(code).or_default().0.push(index);
        }
        for (index, entry) in self.entries.iter().enumerate() {
            if let Some((_, entries)) = by_code.get_mut(entry.rule.code) {
                entries.push(index);
            }
        }
        for (mut findings, mut entries) in by_code.into_values() {
            findings.sort_by_key(|&f| found[f].1);
            entries.sort_by_key(|&e| self.entries[e].first);
            let mut next = 0;
            // The last line any directive begun so far covers, and those of them not yet
            // marked used (each is marked at most once).
            let mut reach = 0;
            let mut unmarked: Vec<usize> = Vec::new();
            for finding in findings {
                let line = found[finding].1;
                while let Some(&entry) = entries.get(next).filter(|&&e| self.entries[e].first <= line) {
                    reach = reach.max(self.entries[entry].last);
                    unmarked.push(entry);
                    next += 1;
                }
                if reach < line {
                    continue;
                }
                hidden[finding] = true;
                for entry in unmarked.drain(..) {
                    if self.entries[entry].last >= line {
                        self.entries[entry].used = true;
                    }
                }
            }
        }
        hidden
    }

    /// The entries that hid nothing although their rule ran, as (span, location, message).
    fn unused(&self) -> Vec<(&Entry, String)> {
        if self.unused_severity.is_none() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|e| !e.used && self.ran.get(e.index).copied().unwrap_or(false))
            .filter(|e| e.rule.code != UnusedSuppression::META.code)
            .map(|e| {
                let lines = match (e.first, e.last) {
                    (1, u32::MAX) => "in this file".to_string(),
                    (a, b) if a == b => format!("on line {a}"),
                    (a, u32::MAX) => format!("from line {a} on"),
                    (a, b) => format!("on lines {a}-{b}"),
                };
                (e, format!("`{}` suppresses nothing: no {} ({}) finding {lines}", e.keyword, e.rule.name, e.rule.code))
            })
            .collect()
    }

    /// Unused suppressions as diagnostics (for single-file checks).
    pub fn unused_diagnostics(&self) -> Vec<Diagnostic> {
        let Some(severity) = self.unused_severity else { return Vec::new() };
        self.unused()
            .into_iter()
            .map(|(e, message)| Diagnostic {
                rule: &UnusedSuppression::META,
                severity,
                message,
                span: e.span,
                help: Some(HELP.to_string()),
                fix: None,
            })
            .collect()
    }

    /// Unused suppressions as located findings (after the text is gone).
    pub fn unused_findings(&self) -> Vec<Finding> {
        let Some(severity) = self.unused_severity else { return Vec::new() };
        self.unused()
            .into_iter()
            .map(|(e, message)| Finding {
                rule: &UnusedSuppression::META,
                severity,
                message,
                help: Some(HELP.to_string()),
                location: e.location.clone(),
                fix: None,
                origin: None,
            })
            .collect()
    }
}

const HELP: &str =
    "remove the rule from the directive (or the directive), so it cannot hide a later finding by accident";

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(text: &str) -> Skill {
        Skill::parse("s/x/SKILL.md", text.as_bytes().to_vec())
    }

    #[test]
    fn reads_directives_and_problems() {
        let s = skill(
            "---\nname: x # skillsmith-disable-line SK103\n---\n<!-- skillsmith-disable-next-line SK700, placeholdr -- why -->\n<!-- skillsmith-disabel SK700 -->\n",
        );
        let (found, problems) = directives(&s);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, Kind::Line);
        assert!(!found[0].alone);
        assert_eq!(found[1].rules.len(), 2);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].help.contains("placeholder"), "{problems:?}");
        assert!(problems[1].help.contains("skillsmith-disable"), "{problems:?}");
    }

    #[test]
    fn covers_lines_and_records_use() {
        let s = skill(
            "---\nname: x\n---\n<!-- skillsmith-disable-next-line SK700 -->\na\n<!-- skillsmith-disable SK305 -->\nb\n<!-- skillsmith-enable SK305 -->\nc\n",
        );
        let mut sup = Suppressions::of(&s, Some(Severity::Warning));
        let placeholder = registry::rules()[registry::find("SK700").unwrap()].meta();
        let cells = registry::rules()[registry::find("SK305").unwrap()].meta();
        assert!(sup.suppresses(placeholder, 5));
        assert!(!sup.suppresses(placeholder, 6));
        assert!(sup.suppresses(cells, 7));
        assert!(!sup.suppresses(cells, 9));
        sup.mark_ran(registry::find("SK700").unwrap());
        assert!(sup.unused_diagnostics().is_empty());
    }

    proptest::proptest! {
        /// The one-sweep filter hides what asking finding by finding hides, and marks the
        /// same directives used: nested, overlapping, file-wide and unclosed ranges alike.
        #[test]
        fn the_sweep_agrees_with_asking_one_by_one(
            lines in proptest::collection::vec(0..6usize, 1..30),
            findings in proptest::collection::vec((0..2usize, 1..40u32), 0..40),
        ) {
            const DIRECTIVES: [&str; 6] = [
                "<!-- skillsmith-disable-next-line SK700 -->",
                "<!-- skillsmith-disable SK700 -->",
                "<!-- skillsmith-enable SK700 -->",
                "<!-- skillsmith-disable SK305 -->",
                "<!-- skillsmith-disable-file SK305 -->",
                "text",
            ];
            let body: String = lines.iter().map(|&i| format!("{}\n", DIRECTIVES[i])).collect();
            let text = format!("---\nname: x\n---\n{body}");
            let s = skill(&text);
            let metas = ["SK700", "SK305"].map(|c| registry::rules()[registry::find(c).unwrap()].meta());
            let sup = Suppressions::of(&s, Some(Severity::Warning));
            // The definition, asked finding by finding: every directive of the rule whose lines
            // hold the finding hides it and is used.
            let mut one_by_one = sup.clone();
            let expected: Vec<bool> = findings
                .iter()
                .map(|&(r, line)| {
                    let mut hit = false;
                    for entry in &mut one_by_one.entries {
                        if entry.rule.code == metas[r].code && entry.first <= line && line <= entry.last {
                            entry.used = true;
                            hit = true;
                        }
                    }
                    hit
                })
                .collect();
            let mut swept = sup.clone();
            let queries: Vec<(&'static str, u32)> = findings.iter().map(|&(r, line)| (metas[r].code, line)).collect();
            proptest::prop_assert_eq!(swept.sweep(&queries), expected.clone());
            let used = |sup: &Suppressions| sup.entries.iter().map(|e| e.used).collect::<Vec<_>>();
            proptest::prop_assert_eq!(used(&swept), used(&one_by_one));
            let mut asked = sup.clone();
            let answers: Vec<bool> = findings.iter().map(|&(r, line)| asked.suppresses(metas[r], line)).collect();
            proptest::prop_assert_eq!(answers, expected);
            proptest::prop_assert_eq!(used(&asked), used(&one_by_one));
        }
    }
}
