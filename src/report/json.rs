//! `--format json` and `--format json-lines`.

use std::io::{self, Write};

use serde::Serialize;

use crate::lint::{Applicability, FileResult, Finding, LocatedFix};

use super::{Reporter, Summary, display_path};

/// One finding as the JSON formats write it. The field names are a stable interface.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    /// File path, forward slashes.
    pub path: String,
    /// 1-based start line.
    pub line: u32,
    /// 1-based start column (characters).
    pub column: u32,
    /// 1-based end line.
    pub end_line: u32,
    /// 1-based end column (characters, exclusive).
    pub end_column: u32,
    /// Rule code, such as `SK103`.
    pub code: &'static str,
    /// Rule name, such as `name-dir-mismatch`.
    pub name: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// How to fix it, or null.
    pub help: Option<&'a str>,
    /// The fix, or null.
    pub fix: Option<JsonFix<'a>>,
    /// How the skill is invoked (`/deploy`, `/docs:pdf`, `/apps/web:deploy`); null for files
    /// that are not skills (manifests, packages).
    pub invocation: Option<&'a str>,
    /// The install unit the skill loads in; null for files that are not skills.
    pub unit: Option<JsonUnit<'a>>,
    /// For a SKILL.md rendered from a spec: the spec field that wrote the text (edit it
    /// there); null otherwise.
    pub spec: Option<JsonSpecOrigin<'a>>,
}

/// The spec place of a finding in a rendered SKILL.md, as the JSON formats write it.
#[derive(Serialize)]
pub struct JsonSpecOrigin<'a> {
    /// The spec file, forward slashes.
    pub path: String,
    /// 1-based start line in the spec.
    pub line: u32,
    /// 1-based start column (characters).
    pub column: u32,
    /// 1-based end line.
    pub end_line: u32,
    /// 1-based end column (characters, exclusive).
    pub end_column: u32,
    /// The field's path in the spec (`red-flags.items[2].why`), `template` for template text.
    pub field: &'a str,
    /// What to do.
    pub message: &'a str,
}

/// An install unit as the JSON formats write it.
#[derive(Serialize)]
pub struct JsonUnit<'a> {
    /// `project`, `personal`, `plugin` or `collection`.
    pub kind: &'static str,
    /// The folder that identifies it, forward slashes.
    pub root: String,
    /// The plugin's name, for plugins.
    pub namespace: Option<&'a str>,
}

impl<'a> JsonUnit<'a> {
    /// The JSON view of `unit`.
    pub fn new(unit: &'a crate::discover::InstallUnit) -> Self {
        JsonUnit { kind: unit.kind.as_str(), root: unit.shown_root(), namespace: unit.namespace.as_deref() }
    }
}

/// A fix as the JSON formats write it.
#[derive(Serialize)]
pub struct JsonFix<'a> {
    /// What it does.
    pub message: &'a str,
    /// `safe` or `unsafe`.
    pub applicability: Applicability,
    /// Replacements, each from (line, column) to (end_line, end_column), 1-based.
    pub edits: Vec<JsonEdit<'a>>,
    /// The file's new name, when the fix renames it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rename_to: Option<&'a str>,
}

/// One replacement of a fix.
#[derive(Serialize)]
pub struct JsonEdit<'a> {
    /// 1-based start line.
    pub line: u32,
    /// 1-based start column.
    pub column: u32,
    /// 1-based end line.
    pub end_line: u32,
    /// 1-based end column (exclusive).
    pub end_column: u32,
    /// The new text.
    pub content: &'a str,
}

impl<'a> JsonFix<'a> {
    fn new(fix: &'a LocatedFix) -> Self {
        JsonFix {
            message: &fix.fix.message,
            applicability: fix.fix.applicability,
            edits: fix
                .located
                .iter()
                .map(|e| JsonEdit {
                    line: e.start.line,
                    column: e.start.column,
                    end_line: e.end.line,
                    end_column: e.end.column,
                    content: &e.content,
                })
                .collect(),
            rename_to: fix.fix.rename_to.as_deref(),
        }
    }
}

impl<'a> JsonFinding<'a> {
    /// The JSON view of `finding` in `file`.
    pub fn new(file: &'a FileResult, finding: &'a Finding) -> Self {
        let location = &finding.location;
        let placement = file.placement.as_ref();
        JsonFinding {
            invocation: placement.map(|p| p.invocation.as_str()),
            unit: placement.map(|p| JsonUnit::new(&p.unit)),
            path: display_path(&file.path),
            line: location.start.line,
            column: location.start.column,
            end_line: location.end.line,
            end_column: location.end.column,
            code: finding.rule.code,
            name: finding.rule.name,
            severity: finding.severity.as_str(),
            message: &finding.message,
            help: finding.help.as_deref(),
            fix: finding.fix.as_ref().map(JsonFix::new),
            spec: finding.origin.as_ref().map(|o| JsonSpecOrigin {
                path: display_path(&o.path),
                line: o.start.line,
                column: o.start.column,
                end_line: o.end.line,
                end_column: o.end.column,
                field: &o.field,
                message: &o.message,
            }),
        }
    }
}

/// Writes one JSON document, streaming the findings as they come so memory stays flat.
#[derive(Default)]
pub struct Json {
    /// Findings written so far.
    written: usize,
}

/// Writes `value` pretty-printed, every line after the first indented by `indent`: serialised
/// straight into `out`, with no text built in between.
pub(crate) fn write_indented(out: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    serde_json::to_writer_pretty(Indented { out, indent: indent.as_bytes() }, value)?;
    Ok(())
}

/// A writer that puts `indent` after every new line it passes on.
struct Indented<'a> {
    out: &'a mut dyn Write,
    indent: &'a [u8],
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while let Some(newline) = memchr::memchr(b'\n', buf) {
            self.out.write_all(&buf[..=newline])?;
            self.out.write_all(self.indent)?;
            buf = &buf[newline + 1..];
        }
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Reporter for Json {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for finding in &file.findings {
            out.write_all(if self.written == 0 {
                b"{\n  \"version\": 1,\n  \"diagnostics\": [\n    "
            } else {
                b",\n    "
            })?;
            write_indented(out, &JsonFinding::new(file, finding), "    ")?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.written == 0 {
            out.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": [")?;
        } else {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n  \"summary\": ")?;
        write_indented(out, summary, "  ")?;
        out.write_all(b"\n}\n")
    }
}

/// Writes one JSON object per finding, one per line, as they come.
pub struct JsonLines;

impl Reporter for JsonLines {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for finding in &file.findings {
            serde_json::to_writer(&mut *out, &JsonFinding::new(file, finding))?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
