//! What the eval-file rules share: reading a file of the skill's `evals/` folder through the
//! rule's file system window, and where to report.

use crate::lint::Checker;
use crate::skill::Span;

use crate::lint::references::skill_dir;

/// Eval files larger than this are not read.
const MAX_EVAL_BYTES: u64 = 1 << 20;

/// The text of `relative` (a path under the skill's folder), if it exists and is readable.
pub fn read(cx: &Checker<'_>, relative: &str) -> Option<String> {
    let path = skill_dir(cx.skill).join(relative);
    if !cx.fs.exists(&path) {
        return None;
    }
    Some(cx.fs.read_text(&path, MAX_EVAL_BYTES).unwrap_or_default())
}

/// Where eval findings go in SKILL.md: the `description` key, else line 1.
pub fn anchor(cx: &Checker<'_>) -> Span {
    cx.skill.frontmatter.description().map_or_else(|| cx.skill.line_span(1), |d| d.key_span)
}
