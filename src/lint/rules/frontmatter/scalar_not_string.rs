use crate::declare_rule;
use crate::lint::fields::{self, FieldType};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level, Target};
use crate::yaml::{Node, ScalarKind};

use crate::lint::rules::file::yaml_syntax::quote;

declare_rule! {
    /// ## What it does
    /// Reports a value that YAML reads as a number or a boolean where a string is expected:
    /// `name: 123`, `license: 2.0`, `version: 1.0` under `metadata`.
    ///
    /// ## Why is this bad?
    /// YAML turns `1.10` into the number 1.1: the text you wrote is lost on the way. The
    /// reference validator takes such values as text, Claude Code as numbers. The safe fix
    /// quotes the value exactly as written.
    ///
    /// **Level.** Warning for a key Claude Code reads (the value may reach it as another type); on
    /// `claude-code` a value under `metadata` is info, since Claude Code ignores `metadata`.
    ///
    /// ## Example
    /// ```yaml
    /// metadata:
    ///   version: 1.10
    /// ```
    /// Write `version: '1.10'`.
    pub struct ScalarNotString {
        code: "SK116",
        name: "scalar-not-string",
        group: Frontmatter,
        summary: "A number or boolean where a string is expected (quote it)",
        levels: Levels::all(Level::Warning),
        fixable: Safe,
        source: "Agent Skills specification",
    }
}

impl Rule for ScalarNotString {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let target = cx.target();
        let mut found: Vec<(String, &Node)> = Vec::new();
        for entry in cx.skill.frontmatter.entries() {
            let Some(key) = entry.key.as_str() else { continue };
            let Some(field) = fields::field(key).filter(|f| f.known_on(target)) else { continue };
            match field.type_on(target) {
                FieldType::String | FieldType::Enum(_) | FieldType::StringOrList => {
                    found.push((key.to_string(), &entry.value))
                }
                FieldType::StringMap => {
                    for inner in entry.value.as_map().unwrap_or(&[]) {
                        let inner_key = inner.key.as_str().unwrap_or("?");
                        found.push((format!("{key}.{inner_key}"), &inner.value));
                    }
                }
                FieldType::Bool | FieldType::Map => {}
            }
        }
        for (key, node) in found {
            let kind = match node.scalar_kind() {
                Some(ScalarKind::Int | ScalarKind::Float) => "a number",
                Some(ScalarKind::Bool(_)) => "a boolean",
                _ => continue,
            };
            let written = node.span.text(cx.text()).to_string();
            let ignored = target == Target::ClaudeCode && key.starts_with("metadata.");
            let diagnostic = cx.report(node.span, format!("YAML reads `{key}: {written}` as {kind}, not text"));
            if ignored {
                diagnostic.milder();
            }
            diagnostic.help(format!("quote it: `{}`", quote(&written))).fix(Fix::safe(
                format!("quote `{written}`"),
                vec![Edit { span: node.span, replacement: quote(&written) }],
            ));
        }
    }
}
