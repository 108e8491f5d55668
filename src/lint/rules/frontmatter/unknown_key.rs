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
    /// typo such as `desciption` silently drops the description; a custom key such as `type`
    /// is simply ignored there (move it under `metadata`).
    ///
    /// **Level.** Error on `spec` and `api`, which refuse the key. On `claude-code` a warning when the key
    /// is a near typo or a known alias of a real key (the value is silently lost), else info: Claude
    /// Code ignores the key and nothing is lost.
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
            let alias = (target == Target::ClaudeCode).then(|| alias_of(key)).flatten().map(str::to_string);
            let close = alias.or_else(|| crate::text::closest(key, keys_on(target)));
            let help = if fields::field(key).is_some() {
                format!(
                    "`{key}` is a Claude Code key; the specification and the API allow only name, description, license, compatibility, metadata and allowed-tools: move it under `metadata` or lint with --target claude-code"
                )
            } else if let Some(close) = &close {
                format!("did you mean `{close}`?")
            } else if target == Target::ClaudeCode {
                format!("`metadata` is the place for custom data such as `{key}`; every target accepts it there")
            } else {
                format!(
                    "the {} target allows only {}; put custom data under `metadata`",
                    target.as_str(),
                    keys_on(target).collect::<Vec<_>>().join(", ")
                )
            };
            let ignored = target == Target::ClaudeCode && close.is_none();
            let message =
                if ignored { format!("Claude Code ignores `{key}`; move it under `metadata`") } else { message };
            let diagnostic = cx.report(entry.key.span, message);
            diagnostic.help(help);
            if ignored {
                diagnostic.milder();
            }
        }
    }
}

/// Keys people write for a Claude Code key under another name: `tools` for `allowed-tools`,
/// and any key that differs from a real one only in `_` against `-`.
fn alias_of(key: &str) -> Option<&'static str> {
    const ALIASES: &[(&str, &str)] = &[("tools", "allowed-tools"), ("allowed_tool", "allowed-tools")];
    if let Some((_, real)) = ALIASES.iter().find(|(alias, _)| alias.eq_ignore_ascii_case(key)) {
        return Some(real);
    }
    let folded = |k: &str| k.to_ascii_lowercase().replace('_', "-");
    keys_on(Target::ClaudeCode).find(|real| folded(real) == folded(key))
}
