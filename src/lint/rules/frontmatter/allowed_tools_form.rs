use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Edit, Fix, Level, Target};
use crate::skill::{Span, tools_shape};

declare_rule! {
    /// ## What it does
    /// Checks the form of `allowed-tools`. Claude Code accepts a space-separated string, a
    /// comma-separated string or a YAML list; the specification wants a space-separated
    /// string. Reports, on every target, a string that mixes commas and spaces between tools,
    /// unbalanced parentheses (`Bash(git:*`), or an empty value; on `spec` and `api`, also a
    /// list or commas (the unsafe fix turns a list into the spec's string).
    ///
    /// ## Why is this bad?
    /// A malformed pattern silently grants nothing (or more than meant): `Bash(git:*` is
    /// not the `Bash(git:*)` you wrote.
    ///
    /// **Level.** Warning: the skill loads, but a malformed tool list may grant other tools than meant.
    ///
    /// ## Example
    /// ```yaml
    /// allowed-tools: Read, Grep Bash(git:*
    /// ```
    /// Write `allowed-tools: Read Grep Bash(git:*)`.
    pub struct AllowedToolsForm {
        code: "SK113",
        name: "allowed-tools-form",
        group: Frontmatter,
        summary: "allowed-tools is malformed, mixed, or not the spec's string",
        levels: Levels::all(Level::Warning),
        fixable: Unsafe,
        source: "Agent Skills specification; Claude Code skills documentation",
    }
}

impl Rule for AllowedToolsForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(entry) = cx.skill.frontmatter.entry("allowed-tools") else { return };
        let strict = cx.target() != Target::ClaudeCode;
        if let Some(items) = entry.value.as_seq() {
            if !strict {
                return;
            }
            let tools: Option<Vec<&str>> = items.iter().map(|i| i.as_str()).collect();
            let diagnostic = cx.report(
                entry.value.span,
                "`allowed-tools` is a list; the specification wants a space-separated string",
            );
            diagnostic.help("write the tools on one line, separated by spaces, such as `allowed-tools: Read Grep`");
            if let Some(tools) = tools.filter(|t| t.iter().all(|s| !s.contains(char::is_whitespace)))
                && !tools.is_empty()
            {
                let span = Span::new(entry.key.span.end as usize, entry.value.span.end as usize);
                let joined = tools.join(" ");
                diagnostic.fix(Fix::unsafe_(
                    format!("write `allowed-tools: {joined}`"),
                    vec![Edit { span, replacement: format!(": {joined}") }],
                ));
            }
            return;
        }
        let Some(value) = entry.value.as_str() else { return };
        let shape = tools_shape(value);
        let span = entry.value.span;
        if shape.tools.is_empty() {
            cx.report(span, "`allowed-tools` is empty")
                .help("list the tools, or remove the key to allow none beyond the defaults");
        } else if shape.unbalanced {
            cx.report(span, "`allowed-tools` has unbalanced parentheses")
                .help("close every pattern, such as `Bash(git:*)`");
        } else if shape.commas && shape.spaces {
            cx.report(span, "`allowed-tools` mixes commas and spaces between tools")
                .help(format!("separate every tool the same way, such as `{}`", shape.tools.join(" ")));
        } else if shape.commas && strict {
            cx.report(span, "`allowed-tools` is comma-separated; the specification wants spaces")
                .help(format!("write `allowed-tools: {}`", shape.tools.join(" ")));
        }
    }
}
