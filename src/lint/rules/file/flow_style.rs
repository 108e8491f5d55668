use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::yaml::{Node, Style, Value};

declare_rule! {
    /// ## What it does
    /// On the `spec` target, reports flow-style collections (`[a, b]`, `{a: b}`) in the
    /// frontmatter.
    ///
    /// ## Why is this bad?
    /// Flow style is plain YAML and skillsmith, Claude Code and the API read it. The
    /// reference validator (`skills-ref`) reads YAML in a strict dialect that refuses it and
    /// marks the skill invalid. This is a warning, not an error: a deliberate difference from
    /// the reference validator, documented in docs/rules.md.
    ///
    /// **Level.** Error on `spec`: the reference validator refuses flow-style YAML outright; off elsewhere,
    /// since Claude Code and the API parse it.
    ///
    /// ## Example
    /// ```yaml
    /// allowed-tools: [Read, Grep]
    /// ```
    /// Write `allowed-tools: Read Grep`, or a block list.
    pub struct FlowStyle {
        code: "SK010",
        name: "flow-style",
        group: File,
        summary: "Flow-style YAML, which the reference validator refuses",
        levels: Levels { spec: Level::Error, claude_code: Level::Off, api: Level::Off },
        fixable: No,
        source: "skills-ref 0.1.1 (reference validator)",
    }
}

impl Rule for FlowStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        for entry in cx.skill.frontmatter.entries() {
            if let Some(flow) = first_flow(&entry.value) {
                let key = entry.key.as_str().unwrap_or("?").to_string();
                cx.report(flow.span, format!("`{key}` uses flow style, which the reference validator refuses"))
                    .help("write a block list (`- item` lines) or, for allowed-tools, a space-separated string");
            }
        }
    }
}

fn first_flow(node: &Node) -> Option<&Node> {
    if node.style == Style::Flow {
        return Some(node);
    }
    match &node.value {
        Value::Scalar(_) => None,
        Value::Seq(items) => items.iter().find_map(first_flow),
        Value::Map(entries) => entries.iter().find_map(|e| first_flow(&e.value)),
    }
}
