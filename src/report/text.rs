//! `--format text`: rustc-shaped findings with the source lines underlined, then a summary.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::lint::{Applicability, FileResult, Finding, Severity};

use super::{Reporter, Style, Summary, display_path};

/// The text reporter.
pub struct Text {
    renderer: Renderer,
    style: Style,
}

impl Text {
    /// A text reporter, with ANSI colour or without, with a summary or without.
    pub fn new(style: Style) -> Self {
        let renderer = if style.color { Renderer::styled() } else { Renderer::plain() };
        Text { renderer, style }
    }

    /// Renders one finding as rustc would.
    pub fn render(&self, path: &str, finding: &Finding) -> String {
        let level = match finding.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let mut title = super::escape_all_controls(&finding.message);
        if let Some(fix) = &finding.fix {
            title.push_str(match fix.fix.applicability {
                Applicability::Safe => " [fixable]",
                Applicability::Unsafe => " [unsafe fix]",
            });
        }
        let snippet = &finding.location.snippet;
        let mut group: Group<'_> = if snippet.text.is_empty() {
            let origin = annotate_snippets::Origin::path(path.to_string())
                .line(finding.location.start.line as usize)
                .char_column(finding.location.start.column as usize);
            level.primary_title(title).id(finding.rule.code).element(origin)
        } else {
            // Control characters in the file are shown escaped, the underline moved with them.
            let (text, start, end) = super::escape_line(&snippet.text, snippet.start, snippet.end);
            let source = Snippet::source(text)
                .line_start(snippet.line as usize)
                .path(path.to_string())
                .annotation(AnnotationKind::Primary.span(start..end));
            level.primary_title(title).id(finding.rule.code).element(source)
        };
        // A window of a long line starts inside the line: the renderer counts the column from
        // the window's start, and the file's column is put back below.
        let window_column = text_column(&snippet.text, snippet.start);
        if let Some(origin) = &finding.origin {
            let spec = &origin.snippet;
            let (text, start, end) = super::escape_line(&spec.text, spec.start, spec.end);
            let source = Snippet::source(text)
                .line_start(spec.line as usize)
                .path(display_path(&origin.path))
                .annotation(AnnotationKind::Context.span(start..end).label(origin.field.clone()));
            group = group.element(source);
            group = group.element(Level::NOTE.message(super::escape_controls(&origin.message)));
        }
        if let Some(help) = &finding.help {
            group = group.element(Level::HELP.message(super::escape_controls(help)));
        }
        if let Some(fix) = &finding.fix {
            let how = match fix.fix.applicability {
                Applicability::Safe => "--fix",
                Applicability::Unsafe => "--fix --unsafe-fixes",
            };
            group = group.element(Level::NOTE.message(format!("fix ({how}): {}", fix.fix.message)));
        }
        group = group
            .element(Level::NOTE.no_name().message(format!("rule: {} ({})", finding.rule.name, finding.rule.code)));
        let rendered = self.renderer.render(&[group]);
        let column = finding.location.start.column as usize;
        if snippet.text.is_empty() || window_column == column {
            return rendered;
        }
        let line = finding.location.start.line;
        rendered.replacen(&format!("{path}:{line}:{window_column}"), &format!("{path}:{line}:{column}"), 1)
    }
}

impl Reporter for Text {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        let path = display_path(&file.path);
        for finding in &file.findings {
            writeln!(out, "{}\n", self.render(&path, finding))?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        write_summary(summary, self.style, out)
    }
}

/// Writes the summary line (nothing with `quiet`), bold with colour, red when there are errors.
pub(super) fn write_summary(summary: &Summary, style: Style, out: &mut dyn Write) -> io::Result<()> {
    if style.quiet {
        return Ok(());
    }
    let line = summary_line(summary);
    if style.color && summary.errors > 0 {
        writeln!(out, "\x1b[1;31m{line}\x1b[0m")
    } else if style.color {
        writeln!(out, "\x1b[1m{line}\x1b[0m")
    } else {
        writeln!(out, "{line}")
    }
}

/// The one-line summary of a run: `All checks passed: ...` or `Found ... in ... of ...`.
pub fn summary_line(summary: &Summary) -> String {
    let skills = plural(summary.skills, "skill", "skills");
    let files = plural(summary.files.max(summary.skills), "file", "files");
    let total = summary.errors + summary.warnings + summary.infos;
    if summary.files == 0 {
        return "No skills found: nothing was checked.".to_string();
    }
    if total == 0 {
        return format!("All checks passed: {skills}, no findings.");
    }
    let mut parts = Vec::new();
    for (count, one, many) in [
        (summary.errors, "error", "errors"),
        (summary.warnings, "warning", "warnings"),
        (summary.infos, "info", "infos"),
    ] {
        if count > 0 {
            parts.push(plural(count, one, many));
        }
    }
    let mut line = format!("Found {} in {} of {files}.", parts.join(", "), summary.files_with_findings);
    if summary.fixable > 0 {
        line.push_str(&format!(" {} fixable with --fix.", summary.fixable));
    }
    if summary.unsafe_fixable > 0 {
        line.push_str(&format!(" {} more with --unsafe-fixes.", summary.unsafe_fixable));
    }
    line
}

/// The 1-based column the renderer names for an underline starting at byte `start` of
/// `text` (after control characters are escaped): characters before it, plus one.
fn text_column(text: &str, start: usize) -> usize {
    let (escaped, start, _) = super::escape_line(text, start, start);
    let line_start = escaped[..start].rfind('\n').map_or(0, |at| at + 1);
    escaped[line_start..start].chars().count() + 1
}

/// `count` and the noun in the number it takes: `1 file`, `2 files`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
