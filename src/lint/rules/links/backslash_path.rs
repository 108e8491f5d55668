use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::{LinkKind, Span, SpanIndex};

declare_rule! {
    /// ## What it does
    /// Reports relative file paths written with Windows backslashes, in link destinations
    /// and in prose or inline code (`references\api.md`, `scripts\run.py`). Code blocks are
    /// not checked (a PowerShell example may need them); drive paths such as `C:\...` are
    /// `absolute-path`'s. Paths only Windows reads are left alone, so the fix never rewrites
    /// one: under an environment variable (`%LOCALAPPDATA%\App\config.json`,
    /// `$env:APPDATA\x.json`) or naming a Windows-only file (`.\setup.ps1`, `bin\tool.exe`).
    ///
    /// ## Why is this bad?
    /// Agents run skills on Unix-like systems where `\` is not a separator: the path names a
    /// file that does not exist. Forward slashes work everywhere, Windows included.
    ///
    /// **Level.** Warning: the skill loads, but the path fails on every system but Windows.
    ///
    /// ## Example
    /// `[forms](reference\forms.md)`: write `[forms](reference/forms.md)`.
    pub struct BackslashPath {
        code: "SK403",
        name: "backslash-path",
        group: Links,
        summary: "A file path written with Windows backslashes",
        levels: Levels::all(Level::Warning),
        fixable: Safe,
        source: "Anthropic skill authoring best practices",
    }
}

static BACKSLASH_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?:\.{1,2}\\|\b[A-Za-z0-9][A-Za-z0-9_.-]*\\)(?:[A-Za-z0-9][A-Za-z0-9_.-]*\\)*[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9]{0,7}\b")
        .expect("valid pattern")
});

/// Extensions of files that exist only on Windows, whose paths are written with backslashes.
const WINDOWS_EXTENSIONS: &[&str] = &["exe", "bat", "cmd", "ps1", "psm1", "dll", "msi", "reg", "lnk", "vbs"];

/// True for a path that only Windows reads, which the fix must never rewrite: under an
/// environment variable (`%LOCALAPPDATA%\App\x.json`, `$env:APPDATA\x`) or naming a
/// Windows-only file (`.\scripts\setup.ps1`, `bin\tool.exe`).
fn windows_only(before: &str, path: &str) -> bool {
    let under_variable = before.ends_with('%') || before.trim_end_matches('\\').ends_with(['%', '}']) || {
        let word = before.rsplit(|c: char| c.is_whitespace() || c == '`').next().unwrap_or("");
        word.to_ascii_lowercase().starts_with("$env:")
    };
    let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    under_variable || WINDOWS_EXTENSIONS.contains(&extension.as_str())
}

impl Rule for BackslashPath {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let body = &cx.skill.body;
        let mut found: Vec<Span> = Vec::new();
        let whole = body.span;
        if !whole.text(text).contains('\\') {
            return;
        }
        for m in BACKSLASH_PATH.find_iter(whole.text(text)) {
            let span = Span::new(m.start() + whole.start as usize, m.end() + whole.start as usize);
            let before = &text[..span.start as usize];
            let drive = before.ends_with(':') || before.ends_with(":\\");
            if !drive && !windows_only(before, span.text(text)) && !body.in_code_block(span) && !body.in_comment(span) {
                found.push(span);
            }
        }
        let in_text = SpanIndex::new(found.iter().copied());
        for link in body.links.iter().filter(|l| l.kind != LinkKind::Autolink && l.dest.contains('\\')) {
            let raw = link.span.text(text);
            let Some(at) = raw.rfind(link.dest.as_str()) else { continue };
            let span = Span::new(link.span.start as usize + at, link.span.start as usize + at + link.dest.len());
            if !link.dest.contains("://") && !in_text.holds(span) {
                found.push(span);
            }
        }
        found.sort();
        for span in found {
            let path = span.text(text);
            let fixed = path.replace('\\', "/");
            cx.report(span, format!("`{path}` uses backslashes"))
                .help(format!("write `{fixed}`: forward slashes work on every system"))
                .fix(Fix::safe(format!("write `{fixed}`"), vec![Edit { span, replacement: fixed.clone() }]));
        }
    }
}
