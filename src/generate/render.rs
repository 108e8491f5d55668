//! A spec rendered to the bytes of its SKILL.md: the frontmatter written by the YAML
//! serializer, the body by the spec's template, both normalised so the output is the same on
//! every run and platform (LF line endings, no trailing spaces, single blank lines between
//! blocks, one trailing newline), then stamped.

use std::fmt;

use crate::yaml::{self, YamlSerError};

use super::spec::Spec;
use super::stamp;
use super::templates::{TemplateError, Templates};

/// Why a spec could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The template failed.
    Template(TemplateError),
    /// The frontmatter could not be serialized.
    Yaml(YamlSerError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(err) => err.fmt(f),
            RenderError::Yaml(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders `spec` (already validated) with `templates`; `spec_file` is the spec's file name,
/// named in the stamp, and `spec_text` the text it was read from, whose digest the stamp keeps.
pub fn render(spec: &Spec, templates: &Templates, spec_file: &str, spec_text: &str) -> Result<String, RenderError> {
    let frontmatter = yaml::to_string(&spec.frontmatter).map_err(RenderError::Yaml)?;
    let body = normalize_markdown(&templates.render_body(spec).map_err(RenderError::Template)?);
    let unstamped = format!("---\n{frontmatter}---\n\n{body}");
    Ok(stamp::insert(&unstamped, spec_file, spec_text))
}

/// Normalises Markdown text: LF line endings; outside fenced code, trailing whitespace
/// removed and runs of blank lines collapsed to one; no leading blank lines; exactly one
/// trailing newline.
pub fn normalize_markdown(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<(char, usize)> = None;
    let mut previous_blank = true;
    for line in text.split('\n') {
        if let Some((mark, length)) = fence {
            out.push_str(line);
            out.push('\n');
            if closes_fence(line, mark, length) {
                fence = None;
            }
            previous_blank = false;
            continue;
        }
        let line = line.trim_end();
        if line.is_empty() {
            if !previous_blank {
                out.push('\n');
            }
            previous_blank = true;
            continue;
        }
        fence = opens_fence(line);
        out.push_str(line);
        out.push('\n');
        previous_blank = false;
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let mark = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.chars().take_while(|c| *c == mark).count();
    (length >= 3).then_some((mark, length))
}

fn closes_fence(line: &str, mark: char, length: usize) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= length && trimmed.chars().all(|c| c == mark)
}

#[cfg(test)]
mod tests {
    use super::normalize_markdown;

    #[test]
    fn collapses_blank_lines_and_trailing_space_outside_code() {
        let text = "\n\n# T  \r\n\n\n\ntext\n```sh\na  \n\n\nb\n```\n\n\n";
        assert_eq!(normalize_markdown(text), "# T\n\ntext\n```sh\na  \n\n\nb\n```\n");
    }

    #[test]
    fn always_ends_with_one_newline() {
        assert_eq!(normalize_markdown("a"), "a\n");
        assert_eq!(normalize_markdown("a\n\n\n"), "a\n");
    }
}
