use std::sync::LazyLock;

use regex::Regex;

use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::Span;

declare_rule! {
    /// ## What it does
    /// Reports absolute paths into a person's home folder: `/Users/<name>/...`,
    /// `/home/<name>/...`, `C:\Users\<name>\...`. Looks at prose, inline code and links; in
    /// code blocks only at `/Users/...` and `C:\Users\...` (a `/home/node` in a Dockerfile is
    /// a container's folder, not the author's). Names that are obviously placeholders (`user`,
    /// `username`, `you`, `myname`, `me`, `name`, `example`) and users of containers and CI
    /// (`vscode`, `node`, `runner`, `root`, `jovyan`, ...) are skipped, and so are system paths
    /// the same on every machine (`C:\Windows\...`, `C:\Program Files\...`,
    /// `%LOCALAPPDATA%\...`).
    ///
    /// ## Why is this bad?
    /// The path exists on the author's machine only. Everyone else's agent looks there and
    /// finds nothing; refer to files relative to the skill folder (or with
    /// `${CLAUDE_SKILL_DIR}` on Claude Code).
    ///
    /// **Level.** Warning: the skill loads, but the path exists only on its author's machine.
    ///
    /// ## Example
    /// `python /Users/ana/skills/pdf/scripts/fill.py`: write `python scripts/fill.py`.
    pub struct AbsolutePath {
        code: "SK404",
        name: "absolute-path",
        group: Links,
        summary: "An absolute path from an author's machine (/Users/..., /home/..., C:\\...)",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Anthropic skill authoring best practices",
    }
}

static HOME_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s`'(\[=:])(/(?:Users|home)/([A-Za-z0-9._-]+)/[^\s`'\])]*|[A-Za-z]:\\(?i:Users)\\([^\\\s`'\])]+)(?:\\[^\\\s`'\])]+)*\\?)")
        .expect("valid pattern")
});

/// Folder names that stand for "your name" rather than someone's real one.
const PLACEHOLDER_NAMES: &[&str] = &[
    "user",
    "username",
    "you",
    "your-name",
    "yourname",
    "your_name",
    "myname",
    "my-name",
    "me",
    "name",
    "example",
    "USER",
    "someone",
    // Users of containers, CI runners and images, the same on every machine.
    "vscode",
    "node",
    "runner",
    "root",
    "ubuntu",
    "codespace",
    "jovyan",
    "app",
    "coder",
    "gitpod",
    "dev",
    "Public",
    "Default",
    "All Users",
];

impl Rule for AbsolutePath {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let body = cx.skill.body.span;
        let text = body.text(cx.text());
        // A cheap look for what every match holds, before the pattern runs over the body.
        if !(text.contains("/Users/")
            || text.contains("/home/")
            || text.contains(":\\Users\\")
            || text.contains(":\\users\\"))
        {
            return;
        }
        let mut found = Vec::new();
        for caps in HOME_PATH.captures_iter(text) {
            let path = caps.get(1).expect("group 1");
            let trimmed = path.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let span =
                Span::new(path.start() + body.start as usize, path.start() + trimmed.len() + body.start as usize);
            if caps.get(2).or(caps.get(3)).is_some_and(|name| PLACEHOLDER_NAMES.contains(&name.as_str())) {
                continue;
            }
            let in_block = cx.skill.body.in_code_block(span);
            let home_on_desktop = path.as_str().starts_with("/Users/") || path.as_str()[1..].starts_with(":\\Users\\");
            if in_block && !home_on_desktop {
                continue;
            }
            if cx.skill.body.in_comment(span) {
                continue;
            }
            found.push((span, trimmed.to_string()));
        }
        for (span, path) in found {
            cx.report(span, format!("`{path}` is an absolute path from one machine"))
                .help("refer to the file relative to the skill folder (on Claude Code, `${CLAUDE_SKILL_DIR}/...`)");
        }
    }
}
