//! Rules about frontmatter fields, per target.

/// `SK131` `agent-without-fork`: agent is set without context: fork, or names no possible agent.
pub mod agent_without_fork;
/// `SK113` `allowed-tools-form`: allowed-tools is malformed, mixed, or not the spec's string.
pub mod allowed_tools_form;
/// `SK134` `arguments-unused`: argument-hint or arguments without $ARGUMENTS in the body, or the reverse.
pub mod arguments_unused;
/// `SK111` `compatibility-too-long`: compatibility is over 500 characters.
pub mod compatibility_too_long;
/// `SK107` `description-missing`: The frontmatter has no description, or an empty one.
pub mod description_missing;
/// `SK110` `description-person`: The description is in the first or second person.
pub mod description_person;
/// `SK108` `description-too-long`: The description is over 1,024 characters.
pub mod description_too_long;
/// `SK114` `field-type`: A known frontmatter key has a value of the wrong type.
pub mod field_type;
/// `SK135` `hooks-shape`: hooks has an unknown event or a shape Claude Code does not read.
pub mod hooks_shape;
/// `SK109` `listing-entry-too-long`: description + when_to_use is over 1,536 characters (cut in Claude Code's listing).
pub mod listing_entry_too_long;
/// `SK118` `metadata-nested-value`: A metadata value is a list or map, not a string.
pub mod metadata_nested_value;
/// `SK112` `metadata-not-map`: metadata is not a map.
pub mod metadata_not_map;
/// `SK130` `model-unknown`: model is not a Claude Code alias or a well-formed Claude model id.
pub mod model_unknown;
/// `SK104` `name-not-ascii`: The name holds non-ASCII characters (rejected by the API).
pub mod name_ascii;
/// `SK103` `name-dir-mismatch`: The name differs from the skill's folder name.
pub mod name_dir_mismatch;
/// `SK102` `name-invalid`: The name breaks the specification's naming rules.
pub mod name_invalid;
/// `SK101` `name-missing`: The frontmatter has no name.
pub mod name_missing;
/// `SK105` `name-reserved-word`: The name contains a reserved word (anthropic, claude).
pub mod name_reserved_word;
/// `SK106` `name-vague`: The name is vague (helper, utils, tools, data, ...).
pub mod name_vague;
/// `SK132` `never-invocable`: disable-model-invocation: true with user-invocable: false: nobody can invoke it.
pub mod never_invocable;
/// `SK116` `scalar-not-string`: A number or boolean where a string is expected (quote it).
pub mod scalar_not_string;
/// `SK100` `unknown-key`: A frontmatter key the target does not know.
pub mod unknown_key;
/// `SK115` `version-top-level`: A top-level version key (it belongs under metadata).
pub mod version_top_level;
/// `SK117` `xml-in-frontmatter`: Angle brackets or XML tags in name or description (rejected by the API).
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
