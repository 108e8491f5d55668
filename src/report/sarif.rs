//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::lint::{FileResult, Severity, rules};

use super::json::write_indented;
use super::{Reporter, Summary, display_path};

/// Writes one SARIF log, streaming the results.
#[derive(Default)]
pub struct Sarif {
    /// Results written so far.
    written: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Reporter for Sarif {
    fn file(&mut self, file: &FileResult, out: &mut dyn Write) -> io::Result<()> {
        for finding in &file.findings {
            let l = &finding.location;
            let index = rules().iter().position(|r| r.meta().code == finding.rule.code);
            let mut text = finding.message.clone();
            if let Some(help) = &finding.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = json!({
                "ruleId": finding.rule.code,
                "ruleIndex": index,
                "level": level(finding.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": display_path(&file.path) },
                        "region": {
                            "startLine": l.start.line,
                            "startColumn": l.start.column,
                            "endLine": l.end.line,
                            "endColumn": l.end.column,
                        }
                    }
                }],
            });
            if let Some(origin) = &finding.origin {
                result["relatedLocations"] = json!([{
                    "id": 0,
                    "physicalLocation": {
                        "artifactLocation": { "uri": display_path(&origin.path) },
                        "region": {
                            "startLine": origin.start.line,
                            "startColumn": origin.start.column,
                            "endLine": origin.end.line,
                            "endColumn": origin.end.column,
                        }
                    },
                    "message": { "text": origin.message },
                }]);
            }
            if let Some(placement) = &file.placement {
                let unit = &placement.unit;
                result["properties"] = json!({
                    "invocation": placement.invocation,
                    "unit": { "kind": unit.kind.as_str(), "root": unit.shown_root(), "namespace": unit.namespace },
                });
            }
            if let Some(fix) = &finding.fix {
                let replacements: Vec<Value> = fix
                    .located
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": { "startLine": e.start.line, "startColumn": e.start.column, "endLine": e.end.line, "endColumn": e.end.column },
                            "insertedContent": { "text": e.content },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": fix.fix.message },
                    "artifactChanges": [{ "artifactLocation": { "uri": display_path(&file.path) }, "replacements": replacements }],
                }]);
            }
            if self.written == 0 {
                write_header(out)?;
            } else {
                out.write_all(b",")?;
            }
            out.write_all(b"\n        ")?;
            write_indented(out, &result, "        ")?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.written == 0 {
            write_header(out)?;
        }
        out.write_all(b"\n      ]\n    }\n  ]\n}\n")
    }
}

/// Everything before the first result: the tool and its rules, then `"results": [`.
fn write_header(out: &mut dyn Write) -> io::Result<()> {
    let driver_rules: Vec<Value> = rules()
            .iter()
            .map(|rule| {
                let meta = rule.meta();
                json!({
                    "id": meta.code,
                    "name": meta.name,
                    "shortDescription": { "text": meta.summary },
                    "fullDescription": { "text": meta.documentation() },
                    "help": { "text": meta.documentation(), "markdown": meta.documentation() },
                    "defaultConfiguration": { "level": match meta.levels.claude_code.severity() { Some(s) => level(s), None => "none" } },
                    "properties": { "group": meta.group.as_str(), "source": meta.source },
                })
            })
            .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "skillsmith",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": ["RESULTS"],
        }],
    });
    let text = serde_json::to_string_pretty(&log)?;
    let cut = text.find("\"RESULTS\"").expect("placeholder written above");
    let open = text[..cut].trim_end();
    out.write_all(open.as_bytes())
}
