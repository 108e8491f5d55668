//! The tools a skill grants through `allowed-tools`, whether each is scoped, whether Claude
//! Code knows its name, and whether the skill acts on the world (deploys, publishes, sends).

use crate::skill::{Skill, allowed_tools};
use crate::text::words::{has_any, normalize};

/// Claude Code's built-in tool names [Claude Code docs, "Tools reference"], with the older
/// names skills still grant (`Task`, `MultiEdit`, `LS`, `NotebookRead`, `TodoRead`, `KillShell`,
/// `BashOutput`, `SlashCommand`).
pub const KNOWN_TOOLS: &[&str] = &[
    "Agent",
    "Artifact",
    "AskUserQuestion",
    "Bash",
    "BashOutput",
    "CronCreate",
    "CronDelete",
    "CronList",
    "Edit",
    "EnterPlanMode",
    "EnterWorktree",
    "ExitPlanMode",
    "ExitWorktree",
    "Glob",
    "Grep",
    "KillShell",
    "LS",
    "LSP",
    "ListMcpResourcesTool",
    "Monitor",
    "MultiEdit",
    "NotebookEdit",
    "NotebookRead",
    "PowerShell",
    "Read",
    "ReadMcpResourceTool",
    "Skill",
    "SlashCommand",
    "Task",
    "TaskCreate",
    "TaskGet",
    "TaskList",
    "TaskOutput",
    "TaskStop",
    "TaskUpdate",
    "TodoRead",
    "TodoWrite",
    "ToolSearch",
    "WebFetch",
    "WebSearch",
    "Write",
];

/// One granted tool.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Grant {
    /// As written (`Bash(git:*)`).
    pub pattern: String,
    /// The tool's name (`Bash`).
    pub tool: String,
    /// The scope in parentheses, if any (`git:*`).
    pub scope: Option<String>,
}

impl Grant {
    /// Reads one pattern of `allowed-tools`.
    pub fn parse(pattern: &str) -> Grant {
        let (tool, scope) = match pattern.split_once('(') {
            Some((tool, rest)) => (tool.trim(), Some(rest.strip_suffix(')').unwrap_or(rest).trim().to_string())),
            None => (pattern.trim(), None),
        };
        Grant { pattern: pattern.to_string(), tool: tool.to_string(), scope }
    }

    /// True for a shell tool granted for every command: `Bash`, `Bash(*)`, `Bash(:*)`.
    pub fn is_unscoped_shell(&self) -> bool {
        (self.tool == "Bash" || self.tool == "PowerShell")
            && self.scope.as_deref().is_none_or(|s| matches!(s.trim(), "" | "*" | ":*" | "**"))
    }

    /// True when Claude Code knows the tool: a built-in name or an MCP tool (`mcp__server__tool`).
    pub fn is_known(&self) -> bool {
        KNOWN_TOOLS.contains(&self.tool.as_str()) || self.tool.starts_with("mcp__")
    }
}

/// The tools the skill grants, in order (empty without `allowed-tools`).
pub fn grants(skill: &Skill) -> Vec<Grant> {
    skill
        .frontmatter
        .get("allowed-tools")
        .and_then(allowed_tools)
        .unwrap_or_default()
        .iter()
        .map(|p| Grant::parse(p))
        .collect()
}

/// Verbs of acting on the world, as they appear in a skill's name (`deploy-app`).
const SIDE_EFFECT_NAMES: &[&str] = &[
    "deploy",
    "deployer",
    "publish",
    "publisher",
    "send",
    "sender",
    "delete",
    "destroy",
    "tweet",
    "rollback",
    "teardown",
    "ship",
];

/// The same verbs in the third person, as a description that says what the skill itself does
/// opens with them ("Deploys the app to production"); an imperative opening ("Deploy ML models
/// with FastAPI") reads as a topic and is left out.
const SIDE_EFFECT_OPENINGS: &[&str] =
    &["deploys", "publishes", "pushes", "sends", "deletes", "destroys", "ships", "emails", "posts", "tweets"];

/// Commands with effects outside the machine, as granted in a scoped pattern or run at load.
const SIDE_EFFECT_COMMANDS: &[&str] = &[
    "git push",
    "npm publish",
    "pnpm publish",
    "yarn publish",
    "cargo publish",
    "twine upload",
    "gem push",
    "docker push",
    "kubectl apply",
    "kubectl delete",
    "helm install",
    "helm upgrade",
    "terraform apply",
    "terraform destroy",
    "gh release",
    "gh pr merge",
    "gh pr create",
    "vercel deploy",
    "fly deploy",
    "firebase deploy",
    "aws s3 rm",
    "aws s3 cp",
];

/// Why the skill acts on the world, if it does: its name, its description's opening verb, a
/// granted command, or a command it runs at load.
pub fn side_effect(skill: &Skill, load_commands: &[String]) -> Option<String> {
    if let Some(name) = skill.frontmatter.name().map(|n| n.value.trim().to_lowercase()).or(skill.dir_name.clone()) {
        let name = name.to_lowercase();
        if let Some(word) = name.split(['-', '_']).find(|part| SIDE_EFFECT_NAMES.contains(part)) {
            return Some(format!("its name says it will {word}"));
        }
    }
    if let Some(description) = skill.frontmatter.description() {
        let words = normalize(description.value);
        if let Some(verb) = SIDE_EFFECT_OPENINGS.iter().find(|v| words.split(' ').next() == Some(**v)) {
            return Some(format!("its description opens with \"{verb}\""));
        }
    }
    for grant in grants(skill) {
        if let Some(scope) = &grant.scope {
            let command = normalize(scope);
            if let Some(found) = SIDE_EFFECT_COMMANDS.iter().find(|c| command.starts_with(**c)) {
                return Some(format!("it grants `{}` (`{found}`)", grant.pattern));
            }
        }
    }
    for command in load_commands {
        let words = normalize(command);
        if let Some(found) = SIDE_EFFECT_COMMANDS.iter().find(|c| has_any(&words, &[**c])) {
            return Some(format!("it runs `{found}` when it loads"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_grants() {
        assert!(Grant::parse("Bash").is_unscoped_shell());
        assert!(Grant::parse("Bash(*)").is_unscoped_shell());
        assert!(!Grant::parse("Bash(git diff:*)").is_unscoped_shell());
        assert!(Grant::parse("mcp__github__create_issue").is_known());
        assert!(!Grant::parse("Grpe").is_known());
        assert_eq!(Grant::parse("Bash(git:*)").scope.as_deref(), Some("git:*"));
    }

    #[test]
    fn finds_side_effects() {
        let skill = |fm: &str| Skill::parse("s/x/SKILL.md", format!("---\n{fm}\n---\nbody\n").into_bytes());
        assert!(side_effect(&skill("name: deploy-app\ndescription: Ships it."), &[]).is_some());
        assert!(side_effect(&skill("name: x\ndescription: Publishes the crate."), &[]).is_some());
        assert!(side_effect(&skill("name: x\ndescription: Reads.\nallowed-tools: Bash(git push:*)"), &[]).is_some());
        assert!(side_effect(&skill("name: x\ndescription: Explains deployment strategies."), &[]).is_none());
        assert!(side_effect(&skill("name: x\ndescription: Reviews code."), &["git push origin".into()]).is_some());
        assert!(side_effect(&skill("name: pushy-reviewer\ndescription: Reviews code."), &[]).is_none());
        assert!(side_effect(&skill("name: push-notification-setup\ndescription: Implements push."), &[]).is_none());
        assert!(side_effect(&skill("name: x\ndescription: Deploy ML models with Docker."), &[]).is_none());
    }
}
