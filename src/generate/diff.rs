//! Unified diffs of a file's current text against the text that would replace it.

use similar::TextDiff;

/// A unified diff (3 lines of context) from `old` to `new`, headed with the two labels;
/// empty when the texts are equal.
pub fn unified_diff(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let mut out = diff.unified_diff().context_radius(3).header(old_label, new_label).to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
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
}
