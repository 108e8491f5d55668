//! Unified diffs of a file's current text against the text that would replace it, bounded:
//! past a size or a deadline, a plain "differs" with line counts instead of minutes of work.

use std::time::Duration;

use similar::TextDiff;

/// The most bytes (old and new together) that are diffed line by line; larger files are
/// said to differ, with their line counts.
pub const MAX_DIFF_BYTES: usize = 4 << 20;

/// How long one diff may search for the smallest edit before it settles for a larger one
/// (still a correct diff, with more lines changed).
pub const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// A unified diff (3 lines of context) from `old` to `new`, headed with the two labels;
/// empty when the texts are equal.
pub fn unified_diff(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    if old == new {
        return String::new();
    }
    let mut out = bounded_diff(old, new, old_label, new_label);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The unified diff from `old` to `new`, computed within [`DIFF_DEADLINE`]; when the texts
/// are larger than [`MAX_DIFF_BYTES`], only the headers and a line saying how many lines
/// each has.
pub fn bounded_diff(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    if old.len() + new.len() > MAX_DIFF_BYTES {
        let lines = |text: &str| crate::report::plural(text.lines().count(), "line", "lines");
        return format!(
            "--- {old_label}\n+++ {new_label}\n(the files differ: {} before, {} after; too large to show line by line)\n",
            lines(old),
            lines(new)
        );
    }
    let diff = TextDiff::configure().timeout(DIFF_DEADLINE).diff_lines(old, new);
    diff.unified_diff().context_radius(3).header(old_label, new_label).to_string()
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn shows_changed_lines_with_headers() {
        let diff = unified_diff("a\nb\nc\n", "a\nB\nc\n", "SKILL.md (on disk)", "SKILL.md (rendered)");
        assert_eq!(diff, "--- SKILL.md (on disk)\n+++ SKILL.md (rendered)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
        assert!(unified_diff("x", "x", "a", "b").is_empty());
    }

    #[test]
    fn huge_texts_are_said_to_differ_with_line_counts() {
        let old = "a\n".repeat(super::MAX_DIFF_BYTES / 2);
        let new = "b\n".repeat(10);
        let diff = unified_diff(&old, &new, "old", "new");
        assert_eq!(
            diff,
            format!(
                "--- old\n+++ new\n(the files differ: {} lines before, 10 lines after; too large to show line by line)\n",
                super::MAX_DIFF_BYTES / 2
            )
        );
    }
}
