use crate::declare_rule;
use crate::lint::fields::{self, keys_on};
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level, Target};

declare_rule! {
    /// ## What it does
    /// Reports a top-level frontmatter key the target does not know, with the closest known
    /// key when it looks like a typo. `version` has its own rule (`version-top-level`).
    ///
    /// ## Why is this bad?
    /// Claude.ai uploads and the Skills API reject any key outside the specification's six;
    /// the reference validator does too. Claude Code ignores keys it does not know, so a
    /// typo such as `desciption` silently drops the description. An error on `spec` and
    /// `api`, a warning on `claude-code`.
    ///
    /// ## Example
    /// ```yaml
    /// name: pdf
    /// descripton: Reads PDFs.
    /// ```
    /// ```text
    /// warning[SK100]: unknown frontmatter key `descripton`
    ///   = help: did you mean `description`?
    /// ```
    pub struct UnknownKey {
        code: "SK100",
        name: "unknown-key",
        group: Frontmatter,
        summary: "A frontmatter key the target does not know",
        levels: Levels { spec: Level::Error, claude_code: Level::Warning, api: Level::Error },
        fixable: No,
        source: "Agent Skills specification; Claude Code skills documentation",
    }
}

impl Rule for UnknownKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let target = cx.target();
        for entry in cx.skill.frontmatter.entries() {
            let Some(key) = entry.key.as_str() else { continue };
            if key == "version" || fields::field(key).is_some_and(|f| f.known_on(target)) {
                continue;
            }
            let message = format!("unknown frontmatter key `{key}` for the {} target", target.as_str());
            let help = if fields::field(key).is_some() {
                format!(
                    "`{key}` is a Claude Code key; the specification and the API allow only name, description, license, compatibility, metadata and allowed-tools: move it under `metadata` or lint with --target claude-code"
                )
            } else if let Some(close) = crate::text::closest(key, keys_on(target)) {
                format!("did you mean `{close}`?")
            } else if target == Target::ClaudeCode {
                format!("Claude Code ignores `{key}`; put custom data under `metadata`")
            } else {
                format!(
                    "the {} target allows only {}; put custom data under `metadata`",
                    target.as_str(),
                    keys_on(target).collect::<Vec<_>>().join(", ")
                )
            };
            cx.report(entry.key.span, message).help(help);
        }
    }
}
