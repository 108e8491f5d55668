use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::security::payload::payloads;
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Warns about long encoded blobs: base64 runs of 160 characters or more (mixing upper
    /// case, lower case and digits) or hex runs of 200 or more, in prose, or in a code block
    /// that decodes and runs something (`base64 -d | sh`, `eval`, `exec(b64decode(...))`).
    /// `data:` URIs and blobs in code blocks that only store or print data pass.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads, but nobody can review what they cannot read. A payload
    /// decoded and executed at the model's hands is code the reviewer never saw; one in
    /// prose is text the model can decode and follow.
    ///
    /// **Level.** Warning: the skill loads, but hides content a reviewer cannot read.
    ///
    /// ## Example
    /// `echo aW1wb3J0IG9z... | base64 -d | python3`: ship the script as a readable file in
    /// `scripts/` instead.
    pub struct EncodedPayload {
        code: "SK805",
        name: "encoded-payload",
        group: Security,
        summary: "A long base64 or hex blob in prose, or decoded and run in a code block",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "skillsmith (security review); OWASP LLM01 (prompt injection)",
    }
}

impl Rule for EncodedPayload {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for payload in payloads(cx.skill) {
            let line = cx.line_at(payload.span.start as usize);
            let span = Span::new(payload.span.start as usize, payload.span.end.min(line.end) as usize);
            let chars = payload.span.len();
            let message = if payload.executed {
                format!("a {chars}-character {} blob is decoded and run", payload.encoding)
            } else {
                format!("a {chars}-character {} blob in prose", payload.encoding)
            };
            cx.report(span, message).help("ship what it encodes as a readable file, so it can be reviewed");
        }
    }
}
