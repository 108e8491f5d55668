use crate::declare_rule;
use crate::lint::fields::{self, FieldType};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::yaml::{Node, ScalarKind, Value};

declare_rule! {
    /// ## What it does
    /// Checks the type of every known frontmatter key on the target: strings must not be
    /// lists or maps; Claude Code's booleans (`disable-model-invocation`, `user-invocable`,
    /// `background`) must be a form Claude Code reads as one: `true`/`false`, and since
    /// v2.1.218 `yes`/`no`, `on`/`off`, `1`/`0`, in any case, quoted or not (Claude Code
    /// reads the text, so `"true"` counts); `effort` one of low, medium, high, xhigh,
    /// max; `context` `fork`; `shell` bash or powershell; `hooks` a map; `paths`,
    /// `arguments` and the tool lists a string or a list of strings.
    ///
    /// ## Why is this bad?
    /// A value of the wrong type is ignored or misread without a word: `user-invocable: nope`
    /// is neither true nor false, so the key does nothing and the skill stays in the menu.
    ///
    /// **Level.** Error on every target: a known key of the wrong type is refused or misread, so the skill
    /// misloads.
    ///
    /// ## Example
    /// ```yaml
    /// effort: extreme
    /// disable-model-invocation: always
    /// ```
    /// Write `effort: max` and `disable-model-invocation: true`.
    pub struct FieldTypeRule {
        code: "SK114",
        name: "field-type",
        group: Frontmatter,
        summary: "A known frontmatter key has a value of the wrong type",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "Agent Skills specification; Claude Code skills documentation; Claude Code changelog v2.1.218 (boolean forms)",
    }
}

impl Rule for FieldTypeRule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let target = cx.target();
        for entry in cx.skill.frontmatter.entries() {
            let Some(key) = entry.key.as_str() else { continue };
            let Some(field) = fields::field(key).filter(|f| f.known_on(target)) else { continue };
            // name, metadata and a spec-target allowed-tools list have rules of their own.
            if key == "name" || key == "metadata" || (field.list_tolerated_on(target) && entry.value.as_seq().is_some())
            {
                continue;
            }
            if let Some((message, help)) = mismatch(key, field.type_on(target), &entry.value) {
                cx.report(entry.value.span, message).help(help);
            }
        }
    }
}

/// Why `value` does not fit `ty`, with help; `None` when it fits.
fn mismatch(key: &str, ty: FieldType, value: &Node) -> Option<(String, String)> {
    let found = value.type_name();
    let is_null = value.scalar_kind() == Some(ScalarKind::Null);
    match ty {
        FieldType::String => (value.as_str().is_none()).then(|| {
            (
                format!("`{key}` is a {found}; it must be a string"),
                "write the value on one line, quoted if it holds `: `".to_string(),
            )
        }),
        FieldType::Bool => {
            let ok = crate::skill::claude_code_bool(value).is_some();
            (!ok).then(|| {
                let shown = value.as_str().map_or(found.to_string(), |s| format!("`{s}`"));
                (
                    format!("`{key}` must be true or false, not {shown}"),
                    "write `true` or `false` (Claude Code also reads yes/no, on/off, 1/0)".to_string(),
                )
            })
        }
        FieldType::Enum(values) => {
            let text = value.as_str().filter(|_| !is_null);
            match text {
                Some(t) if values.contains(&t) => None,
                _ => {
                    let shown = text.map_or(format!("a {found}"), |t| format!("`{t}`"));
                    let hint = text.and_then(|t| crate::text::closest(t, values.iter().copied()));
                    let help = match hint {
                        Some(h) => format!("did you mean `{h}`? valid values: {}", values.join(", ")),
                        None => format!("valid values: {}", values.join(", ")),
                    };
                    Some((format!("`{key}` is {shown}; it must be one of {}", values.join(", ")), help))
                }
            }
        }
        FieldType::StringOrList => match &value.value {
            Value::Scalar(_) => None,
            Value::Seq(items) => items.iter().find(|i| i.as_str().is_none()).map(|bad| {
                (
                    format!("`{key}` holds a {} item; every item must be a string", bad.type_name()),
                    "write each item as a plain string".to_string(),
                )
            }),
            Value::Map(_) => Some((
                format!("`{key}` is a map; it must be a string or a list of strings"),
                "write a string, or a list of `- item` lines".to_string(),
            )),
        },
        FieldType::Map | FieldType::StringMap => (value.as_map().is_none() && !is_null).then(|| {
            (
                format!("`{key}` is a {found}; it must be a map"),
                format!("write `{key}:` followed by indented `key: value` lines"),
            )
        }),
    }
}
