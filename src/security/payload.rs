//! Encoded payloads: long base64 or hex runs that a reader cannot read, in prose or in a code
//! block that decodes and runs them.

use std::sync::LazyLock;

use regex::Regex;

use crate::skill::{Skill, Span};

/// Shortest base64 run reported (about 120 bytes once decoded).
pub const MIN_BASE64: usize = 160;
/// Shortest hex run reported (100 bytes once decoded).
pub const MIN_HEX: usize = 200;

static BASE64: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[A-Za-z0-9+/]{{{MIN_BASE64},}}={{0,2}}|[A-Za-z0-9_-]{{{MIN_BASE64},}}"))
        .expect("valid pattern")
});
static HEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(?-u:\b)[0-9a-f]{{{MIN_HEX},}}(?-u:\b)")).expect("valid pattern"));
/// Code that decodes something and runs it.
static DECODE_AND_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?is)(?:base64\s+(?:-d|--decode|-D)|b64decode|atob\s*\(|fromhex|xxd\s+-r|frombase64string|unhexlify|decode\(\s*['\x22](?:base64|hex))",
        r".*(?:\|\s*(?:sudo\s+)?(?:(?:ba|z)?sh|python[0-9.]*|node|perl|ruby)(?-u:\b)|(?-u:\b)eval(?-u:\b)|(?-u:\b)exec(?-u:\b)|(?-u:\b)subprocess(?-u:\b)|(?-u:\b)os\.system(?-u:\b)|invoke-expression|(?-u:\b)iex(?-u:\b)|(?-u:\b)Function\s*\()",
    ))
    .expect("valid pattern")
});

/// An encoded blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payload {
    /// Where the blob is.
    pub span: Span,
    /// `base64` or `hex`.
    pub encoding: &'static str,
    /// True when it sits in a code block that decodes and runs it.
    pub executed: bool,
}

/// True when a run looks like encoded data rather than a word, a path or a hash: it mixes
/// upper case, lower case and digits.
fn mixed(run: &str) -> bool {
    run.bytes().any(|b| b.is_ascii_uppercase())
        && run.bytes().any(|b| b.is_ascii_lowercase())
        && run.bytes().any(|b| b.is_ascii_digit())
}

/// Every encoded blob worth reporting: in prose (outside code blocks and `data:` URIs), or in a
/// code block that also decodes and runs something.
pub fn payloads(skill: &Skill) -> Vec<Payload> {
    let text = skill.text();
    let body = skill.body.span;
    let base = body.start as usize;
    let mut out = Vec::new();
    let candidates = BASE64
        .find_iter(&text[body.range()])
        .filter(|m| mixed(m.as_str()))
        .map(|m| (m, "base64"))
        .chain(HEX.find_iter(&text[body.range()]).map(|m| (m, "hex")));
    for (m, encoding) in candidates {
        let span = Span::new(base + m.start(), base + m.end());
        let before = &text[..span.start as usize];
        if before.ends_with("base64,") && before.rfind("data:").is_some_and(|d| span.start as usize - d < 80) {
            continue;
        }
        let block = skill.body.code_blocks.iter().find(|b| b.span.start <= span.start && span.end <= b.span.end);
        match block {
            Some(block) if DECODE_AND_RUN.is_match(block.span.text(text)) => {
                out.push(Payload { span, encoding, executed: true })
            }
            Some(_) => {}
            None => out.push(Payload { span, encoding, executed: false }),
        }
    }
    out.sort_by_key(|p| p.span.start);
    out.dedup_by_key(|p| p.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob() -> String {
        "aGVsbG8gd29ybGQgVGhpcyBpcyBhIHRlc3Q0NTY3ODk".repeat(5)
    }

    #[test]
    fn reports_prose_blobs_and_executed_blocks_only() {
        let b = blob();
        let prose = format!("---\nname: x\n---\nPaste {b} here.\n");
        assert_eq!(payloads(&Skill::parse("x/SKILL.md", prose.into_bytes())).len(), 1);
        let run = format!("---\nname: x\n---\n```sh\necho {b} | base64 -d | sh\n```\n");
        assert!(payloads(&Skill::parse("x/SKILL.md", run.into_bytes()))[0].executed);
        let data = format!("---\nname: x\n---\n```sh\necho {b} > fixture.txt\n```\n![x](data:image/png;base64,{b})\n");
        assert!(payloads(&Skill::parse("x/SKILL.md", data.into_bytes())).is_empty());
    }
}
