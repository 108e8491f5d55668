use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};

declare_rule! {
    /// ## What it does
    /// On the claude-code target, checks that `model` is a model Claude Code can run: an
    /// alias (`default`, `inherit`, `sonnet`, `opus`, `haiku`, `best`, `opusplan`, with an
    /// optional `[1m]`), a well-formed Claude model id (`claude-sonnet-4-5`,
    /// `claude-opus-4-1-20250805`), a Bedrock or Vertex id holding one
    /// (`us.anthropic.claude-...`, `claude-opus-4-1@20250805`) or a Bedrock ARN. Another
    /// vendor's model (`gpt-4`, `gemini-pro`) and typos (`sonet`) are reported, with "did you
    /// mean" for an alias.
    ///
    /// ## Why is this bad?
    /// A warning: the skill loads, but the key names something Claude Code cannot use, so
    /// the skill runs on another model than the author meant, or the request fails when it
    /// runs. Claude Code's model configuration documents the aliases and full model names.
    ///
    /// **Level.** Warning (claude-code only): Claude Code still loads the skill, but an unknown model name serves the agent worse or falls back silently; the other targets do not read `model`.
    ///
    /// ## Example
    /// `model: gpt-4`: write `model: sonnet`, or remove the key to use the session's model.
    pub struct ModelUnknown {
        code: "SK130",
        name: "model-unknown",
        group: Frontmatter,
        summary: "model is not a Claude Code alias or a well-formed Claude model id",
        levels: Levels { spec: Level::Off, claude_code: Level::Warning, api: Level::Off },
        fixable: No,
        source: "Claude Code documentation (model configuration: aliases and model names)",
    }
}

/// Aliases Claude Code accepts for `model` [Claude Code docs, "Model configuration"].
pub const MODEL_ALIASES: &[&str] = &["default", "inherit", "sonnet", "opus", "haiku", "best", "opusplan"];

/// True when `value` is a model Claude Code can run.
pub fn is_known_model(value: &str) -> bool {
    let value = value.trim();
    let base = value.strip_suffix("[1m]").unwrap_or(value);
    if MODEL_ALIASES.contains(&base) {
        return true;
    }
    if value.starts_with("arn:aws:bedrock:") {
        return true;
    }
    // `us.anthropic.claude-...`, `anthropic.claude-...-v1:0`, `claude-...@20250805`.
    let id = base.rsplit_once("anthropic.").map_or(base, |(_, id)| id);
    let id = id.split_once('@').map_or(id, |(id, _)| id);
    let id = id.split_once(':').map_or(id, |(id, _)| id);
    let Some(rest) = id.strip_prefix("claude-") else { return false };
    !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && rest.bytes().any(|b| b.is_ascii_digit())
        && !rest.ends_with('-')
}

impl Rule for ModelUnknown {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(model) = cx.skill.frontmatter.str_field("model") else { return };
        if is_known_model(model.value) {
            return;
        }
        let hint = crate::text::closest(model.value.trim(), MODEL_ALIASES.iter().copied());
        let help = match hint {
            Some(h) => format!("did you mean `{h}`?"),
            None => "use an alias (sonnet, opus, haiku, inherit) or a Claude model id such as `claude-sonnet-4-5`"
                .to_string(),
        };
        cx.report(model.span, format!("`model: {}` is not a model Claude Code can run", model.value.trim())).help(help);
    }
}

#[cfg(test)]
mod tests {
    use super::is_known_model;

    #[test]
    fn knows_aliases_and_ids() {
        for ok in [
            "sonnet",
            "opus[1m]",
            "inherit",
            "claude-sonnet-4-5",
            "claude-opus-4-1-20250805",
            "claude-3-5-haiku-20241022",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "claude-opus-4-1@20250805",
            "arn:aws:bedrock:us-east-1:123:inference-profile/x",
        ] {
            assert!(is_known_model(ok), "{ok}");
        }
        for bad in ["gpt-4", "sonet", "claude", "claude-", "Claude-Sonnet-4", "gemini-1.5-pro"] {
            assert!(!is_known_model(bad), "{bad}");
        }
    }
}
