//! Code actions for a SKILL.md: each finding's fix (safe or unsafe), "suppress on this line"
//! and "suppress in this file" with a reason placeholder, and "fix all safe fixes". A
//! suppression is offered only where the edited file, linted again, is known to hide the
//! finding and to gain no other one.

use std::collections::HashMap;
use std::sync::Arc;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChangeOperation, DocumentChanges,
    OptionalVersionedTextDocumentIdentifier, RenameFile, ResourceOp, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use crate::discover::UnitResolver;
use crate::fix::fix_skill;
use crate::lint::suppress::Suppressions;
use crate::lint::{Applicability, FileSystem, Finding, Settings, lint_skill};
use crate::skill::{Skill, Span};

use super::analysis::model;
use super::position::LineMap;

/// What a reason placeholder in an inserted suppression says: the author replaces it.
pub const REASON_PLACEHOLDER: &str = "<reason>";

/// The document the actions are for.
pub struct ActionContext<'a> {
    /// Its URI.
    pub uri: &'a Url,
    /// Its version.
    pub version: i32,
    /// Its model.
    pub skill: &'a Skill,
    /// Its findings (repository rules included).
    pub findings: &'a [Finding],
    /// Its settings.
    pub settings: &'a Arc<Settings>,
    /// Places skills in install units.
    pub units: &'a UnitResolver,
    /// The file system rules see.
    pub fs: &'a dyn FileSystem,
    /// Position conversion.
    pub map: &'a LineMap<'a>,
}

/// The actions for the findings touching bytes `from..=to`, then "fix all".
pub fn code_actions(cx: &ActionContext<'_>, from: usize, to: usize) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let wanted_line = cx.skill.line_col(from).line;
    let touching = cx.findings.iter().filter(|f| {
        let span = f.location.span;
        (span.start as usize <= to && span.end as usize >= from) || f.location.start.line == wanted_line
    });
    for finding in touching {
        let diagnostic = super::convert::finding(cx.map, finding);
        if let Some(fix) = &finding.fix {
            let unsafe_ = fix.fix.applicability == Applicability::Unsafe;
            let edits: Vec<(Span, String)> = fix.fix.edits.iter().map(|e| (e.span, e.replacement.clone())).collect();
            let rename = fix.fix.rename_to.as_deref();
            out.push(action(
                format!("{} ({}{})", fix.fix.message, finding.rule.code, if unsafe_ { ", unsafe" } else { "" }),
                CodeActionKind::QUICKFIX,
                edit(cx, &edits, rename),
                Some(diagnostic.clone()),
                !unsafe_,
            ));
        }
        if let Some(edits) = suppress_line(cx, finding) {
            let title = format!("Suppress {} {} on this line", finding.rule.code, finding.rule.name);
            out.push(action(title, CodeActionKind::QUICKFIX, edit(cx, &edits, None), Some(diagnostic.clone()), false));
        }
        if let Some(edits) = suppress_file(cx, finding) {
            let title = format!("Suppress {} {} in this file", finding.rule.code, finding.rule.name);
            out.push(action(title, CodeActionKind::QUICKFIX, edit(cx, &edits, None), Some(diagnostic), false));
        }
    }
    if cx.findings.iter().any(|f| f.fix.as_ref().is_some_and(|x| x.fix.applicability == Applicability::Safe)) {
        let outcome = fix_skill(cx.skill.clone(), cx.settings, cx.fs, false);
        if outcome.original != outcome.fixed {
            let whole = Span::new(0, cx.skill.text().len());
            let title = format!("Fix all safe fixes (skillsmith, {})", outcome.applied);
            out.push(action(
                title,
                CodeActionKind::SOURCE_FIX_ALL,
                edit(cx, &[(whole, outcome.fixed)], None),
                None,
                false,
            ));
        }
    }
    out
}

fn action(
    title: String,
    kind: CodeActionKind,
    edit: WorkspaceEdit,
    diagnostic: Option<lsp_types::Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// A workspace edit of the document: `edits` (byte spans of its text), then an optional
/// rename of the file in its folder.
fn edit(cx: &ActionContext<'_>, edits: &[(Span, String)], rename: Option<&str>) -> WorkspaceEdit {
    let text_edits: Vec<TextEdit> =
        edits.iter().map(|(span, text)| TextEdit { range: cx.map.range(*span), new_text: text.clone() }).collect();
    let renamed = rename.and_then(|name| {
        let path = cx.uri.to_file_path().ok()?.with_file_name(name);
        Url::from_file_path(path).ok()
    });
    match renamed {
        None => {
            WorkspaceEdit { changes: Some(HashMap::from([(cx.uri.clone(), text_edits)])), ..WorkspaceEdit::default() }
        }
        Some(new_uri) => {
            let mut operations = Vec::new();
            if !text_edits.is_empty() {
                operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: cx.uri.clone(),
                        version: Some(cx.version),
                    },
                    edits: text_edits.into_iter().map(lsp_types::OneOf::Left).collect(),
                }));
            }
            operations.push(DocumentChangeOperation::Op(ResourceOp::Rename(RenameFile {
                old_uri: cx.uri.clone(),
                new_uri,
                options: None,
                annotation_id: None,
            })));
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(operations)),
                ..WorkspaceEdit::default()
            }
        }
    }
}

/// The first way to suppress `finding` on its line that works: in the frontmatter a `#`
/// comment at the line's end or on its own line above; in the body an HTML comment above or
/// at the line's end.
fn suppress_line(cx: &ActionContext<'_>, finding: &Finding) -> Option<Vec<(Span, String)>> {
    let skill = cx.skill;
    let text = skill.text();
    let code = finding.rule.code;
    let line = finding.location.start.line as usize;
    let span = skill.line_span(line);
    let line_text = span.text(text);
    let indent = &line_text[..line_text.len() - line_text.trim_start().len()];
    let start = Span::empty(span.start as usize);
    let end = Span::empty(span.end as usize);
    let candidates: Vec<(Span, String, u32)> = if skill.split.yaml.contains(span.start as usize) {
        vec![
            (end, format!("  # skillsmith-disable-line {code} -- {REASON_PLACEHOLDER}"), 0),
            (start, format!("{indent}# skillsmith-disable-next-line {code} -- {REASON_PLACEHOLDER}\n"), 1),
        ]
    } else {
        vec![
            (start, format!("{indent}<!-- skillsmith-disable-next-line {code} -- {REASON_PLACEHOLDER} -->\n"), 1),
            (end, format!(" <!-- skillsmith-disable-line {code} -- {REASON_PLACEHOLDER} -->"), 0),
        ]
    };
    candidates
        .into_iter()
        .find(|(at, insert, shift)| works(cx, finding, *at, insert, line as u32 + shift))
        .map(|(at, insert, _)| vec![(at, insert)])
}

/// A directive for the whole file: a `#` comment just inside the frontmatter, else an HTML
/// comment at the top of the body.
fn suppress_file(cx: &ActionContext<'_>, finding: &Finding) -> Option<Vec<(Span, String)>> {
    let skill = cx.skill;
    let code = finding.rule.code;
    let mut candidates = Vec::new();
    if let Some(open) = skill.split.open {
        let after_open = skill.line_span(skill.line_col(open.start as usize).line as usize + 1).start as usize;
        candidates
            .push((Span::empty(after_open), format!("# skillsmith-disable-file {code} -- {REASON_PLACEHOLDER}\n")));
    }
    let body_start = match skill.split.close {
        Some(close) => skill.line_span(skill.line_col(close.start as usize).line as usize + 1).start as usize,
        None => 0,
    };
    candidates
        .push((Span::empty(body_start), format!("<!-- skillsmith-disable-file {code} -- {REASON_PLACEHOLDER} -->\n")));
    candidates.into_iter().find(|(at, insert)| works(cx, finding, *at, insert, 1)).map(|c| vec![c])
}

/// True when inserting `insert` at `at` makes a directive that hides `finding` (now on
/// `new_line`) and adds no finding of another rule.
fn works(cx: &ActionContext<'_>, finding: &Finding, at: Span, insert: &str, new_line: u32) -> bool {
    let text = cx.skill.text();
    let at = at.start as usize;
    if at > text.len() || !text.is_char_boundary(at) {
        return false;
    }
    let new_text = format!("{}{insert}{}", &text[..at], &text[at..]);
    let edited = model(&cx.skill.path, &new_text).with_dir_name(cx.skill.dir_name.clone());
    let mut suppressions = Suppressions::of(&edited, None);
    if !suppressions.suppresses(finding.rule, new_line) {
        return false;
    }
    let before = codes(&lint_skill(cx.skill, cx.settings, cx.fs, cx.units).result.findings, finding);
    let after = codes(&lint_skill(&edited, cx.settings, cx.fs, cx.units).result.findings, finding);
    after.iter().all(|(code, count)| before.get(code).is_some_and(|was| count <= was))
}

/// How many findings of each rule, leaving out `finding`'s rule and unused suppressions.
fn codes(findings: &[Finding], finding: &Finding) -> HashMap<&'static str, usize> {
    let unused = crate::lint::rules::meta::unused_suppression::UnusedSuppression::META.code;
    let mut out = HashMap::new();
    for f in findings.iter().filter(|f| f.rule.code != finding.rule.code && f.rule.code != unused) {
        *out.entry(f.rule.code).or_insert(0) += 1;
    }
    out
}
