//! Rules about frontmatter fields, per target.

pub mod allowed_tools_form;
pub mod compatibility_too_long;
pub mod description_missing;
pub mod description_person;
pub mod description_too_long;
pub mod field_type;
pub mod listing_entry_too_long;
pub mod metadata_nested_value;
pub mod metadata_not_map;
pub mod name_ascii;
pub mod name_dir_mismatch;
pub mod name_invalid;
pub mod name_missing;
pub mod name_reserved_word;
pub mod name_vague;
pub mod scalar_not_string;
pub mod unknown_key;
pub mod version_top_level;
pub mod xml_in_frontmatter;

use crate::lint::Checker;
use crate::skill::Span;
use crate::yaml::ScalarKind;

/// Reports a required `key` that is missing (at the opening fence) or empty (at the key),
/// with `help` saying what to write. Nothing when the frontmatter could not be read.
pub(crate) fn report_missing_or_empty(cx: &mut Checker<'_>, key: &str, missing_help: String, empty_help: String) {
    let fm = &cx.skill.frontmatter;
    if !fm.is_usable() || fm.document.is_none() {
        return;
    }
    match fm.entry(key) {
        None => {
            let at = cx.skill.split.open.unwrap_or(Span::empty(0));
            cx.report(at, format!("the frontmatter has no `{key}`")).help(missing_help);
        }
        Some(entry) => {
            let empty = matches!(entry.value.scalar_kind(), Some(ScalarKind::Null))
                || entry.value.as_str().is_some_and(|s| s.trim().is_empty());
            if empty {
                let span = entry.key.span;
                cx.report(span, format!("`{key}` is empty")).help(empty_help);
            }
        }
    }
}
