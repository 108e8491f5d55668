//! The required sections of the skill's kind (see [`crate::kinds`]): one missing, or present
//! but failing a constraint. They run on skills whose kind (their `metadata.kind`, else the
//! one their config assigns) is defined; sections the decision rules recognise
//! (`checked-by` in the shipped definition) are left to those rules.

/// `SK520` `missing-required-section`: The skill's kind requires a section the skill does not have.
pub mod missing_required_section;
/// `SK521` `section-lacks-content`: A required section does not hold what its kind asks for.
pub mod section_lacks_content;
/// `SK523` `section-out-of-order`: A required section comes after the section its kind puts it before.
pub mod section_out_of_order;
/// `SK522` `section-too-few-items`: A required section holds fewer entries than its kind asks for.
pub mod section_too_few_items;

use crate::kinds::{Located, SkillKind, kind_of, locate};
use crate::lint::Checker;

/// The skill's kind and, when it is defined, each of its required sections located; only
/// the sections the `sections` rules check (not those handed to the decision rules).
fn required<'a>(cx: &Checker<'a>) -> Option<(SkillKind<'a>, Vec<Located<'a>>)> {
    let kind = kind_of(cx.skill, cx.settings)?;
    let definition = kind.definition?;
    let located = locate(cx.skill, definition).into_iter().filter(|l| l.required.checked_by.is_none()).collect();
    Some((kind, located))
}

/// `"Steps"` (with `, counted as "Procedure"` when an alias matched), for messages.
fn shown(cx: &Checker<'_>, located: &Located<'_>) -> String {
    let title = &located.required.title;
    match located.at.map(|i| cx.skill.body.sections[i].title.trim()) {
        Some(heading) if heading != title => format!("\"{title}\" section (headed \"{heading}\")"),
        _ => format!("\"{title}\" section"),
    }
}
