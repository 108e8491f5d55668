use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports a file that mixes line endings (`\n`, `\r\n`, a lone `\r`), at the first line
    /// whose ending differs from the file's most common one.
    ///
    /// ## Why is this bad?
    /// Mixed endings come from copy-pasting between systems; they make diffs noisy, and a
    /// lone `\r` is read as a line break by some tools and not by others. The safe fix
    /// rewrites every ending to the most common one.
    ///
    /// **Level.** Info: true but harmless; every target reads mixed line endings as the same text, only
    /// diffs suffer.
    ///
    /// ## Example
    /// A file written on Linux with a section pasted from a Windows editor.
    pub struct MixedLineEndings {
        code: "SK012",
        name: "mixed-line-endings",
        group: File,
        summary: "The file mixes line endings",
        levels: Levels::all(Level::Info),
        fixable: Safe,
        source: "skillsmith",
    }
}

/// Every line break of `text`: (start, length, kind) with kind 0 = `\n`, 1 = `\r\n`, 2 = `\r`.
fn line_breaks(text: &str) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    let mut i = 0;
    while let Some(pos) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        let at = i + pos;
        let brk = if bytes[at] == b'\n' {
            (at, 1, 0)
        } else if bytes.get(at + 1) == Some(&b'\n') {
            (at, 2, 1)
        } else {
            (at, 1, 2)
        };
        breaks.push(brk);
        i = at + brk.1;
    }
    breaks
}

impl Rule for MixedLineEndings {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let breaks = line_breaks(cx.text());
        let mut counts = [0usize; 3];
        for &(_, _, kind) in &breaks {
            counts[kind] += 1;
        }
        if counts.iter().filter(|&&c| c > 0).count() < 2 {
            return;
        }
        let majority = (0..3).max_by_key(|&k| (counts[k], 3 - k)).unwrap_or(0);
        let replacement = ["\n", "\r\n", "\r"][majority];
        let names = ["LF", "CRLF", "CR"];
        let edits: Vec<Edit> = breaks
            .iter()
            .filter(|b| b.2 != majority)
            .map(|&(at, len, _)| Edit { span: Span::new(at, at + len), replacement: replacement.into() })
            .collect();
        let first = edits[0].span.start as usize;
        let line = cx.skill.line_col(first).line as usize;
        let found: Vec<String> =
            (0..3).filter(|&k| counts[k] > 0).map(|k| format!("{} {}", counts[k], names[k])).collect();
        cx.report(
            cx.skill.line_span(line),
            format!("the file mixes line endings ({}); this line's differs", found.join(", ")),
        )
        .help(format!("use {} everywhere", names[majority]))
        .fix(Fix::safe(format!("convert every line ending to {}", names[majority]), edits));
    }
}
