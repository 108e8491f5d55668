//! The templates that lay a spec out as Markdown: built into the binary from `templates/`,
//! each replaceable by a file of the same name in a `--templates DIR`.
//!
//! A spec's `template: NAME` is the file `NAME.md.j2`. Templates are minijinja (Jinja2) with
//! `trim_blocks` and `lstrip_blocks`; their context is the spec with snake_case field names,
//! and these filters: `cell` (a table cell: `|` escaped, one line), `inline` (one line),
//! `quantity` (`100000` as `100K`), `code` (an inline code span), `quote` (in double
//! quotes), `fence` (a code fence longer than any backtick run in the code), `fact_value`
//! (`yes`/`no`, `1,500`, `0.002`, `"text"`).

use std::path::{Path, PathBuf};

use crate::text::one_line;
use minijinja::syntax::SyntaxConfig;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::quantity::{format_figure, format_quantity};
use super::spec::{Spec, TemplateRules};

/// File extension of body templates.
pub const TEMPLATE_SUFFIX: &str = ".md.j2";

/// The built-in templates: file name and text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("decision.md.j2", include_str!("../../templates/decision.md.j2")),
    ("procedural.md.j2", include_str!("../../templates/procedural.md.j2")),
    ("minimal.md.j2", include_str!("../../templates/minimal.md.j2")),
    ("macros.md.j2", include_str!("../../templates/macros.md.j2")),
    ("kind.md.j2", include_str!("../../templates/kind.md.j2")),
];

/// The template `skillsmith new --kind` lays a skill of a kind out with.
pub const KIND_TEMPLATE: &str = "kind";

/// The spec scaffolds `skillsmith new` starts from, by template name.
pub const SCAFFOLDS: &[(&str, &str)] = &[
    ("decision", include_str!("../../templates/scaffold/decision.yaml")),
    ("procedural", include_str!("../../templates/scaffold/procedural.yaml")),
    ("minimal", include_str!("../../templates/scaffold/minimal.yaml")),
];

/// A template could not be found, read or rendered.
#[derive(Debug)]
pub struct TemplateError {
    /// The template's name (`decision`).
    pub template: String,
    /// What went wrong, with the template file and line when known.
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template `{}`: {}", self.template, self.message)
    }
}

impl std::error::Error for TemplateError {}

/// The set of templates in use: the built-in ones, with overrides from a folder.
pub struct Templates {
    env: Environment<'static>,
    dir: Option<PathBuf>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Templates {
        Templates { env: environment(None), dir: None }
    }

    /// The built-in templates, each replaced by `DIR/NAME.md.j2` where that file exists;
    /// `DIR` may add templates of new names. Fails when `dir` is not a folder.
    pub fn with_dir(dir: &Path) -> Result<Templates, TemplateError> {
        if !dir.is_dir() {
            return Err(TemplateError {
                template: dir.display().to_string(),
                message: "the templates folder does not exist or is not a folder".to_string(),
            });
        }
        Ok(Templates { env: environment(Some(dir.to_path_buf())), dir: Some(dir.to_path_buf()) })
    }

    /// Built-in, or with overrides when `dir` is given.
    pub fn new(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        dir.map_or_else(|| Ok(Templates::builtin()), Templates::with_dir)
    }

    /// The rules of the template `name`: a built-in one's, or, for a template found only in
    /// the folder, rules that allow every part and require none.
    pub fn rules(&self, name: &str) -> Option<TemplateRules> {
        TemplateRules::builtin(name).or_else(|| {
            let dir = self.dir.as_ref()?;
            let path = dir.join(format!("{name}{TEMPLATE_SUFFIX}"));
            (is_plain_name(name) && path.is_file()).then_some(TemplateRules::CUSTOM)
        })
    }

    /// The names of the templates a spec can use.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = super::spec::BUILTIN_TEMPLATES.iter().map(|t| t.name.to_string()).collect();
        if let Some(dir) = &self.dir
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().into_owned();
                if let Some(name) = file.strip_suffix(TEMPLATE_SUFFIX)
                    && name != "macros"
                    && !names.iter().any(|n| n == name)
                {
                    names.push(name.to_string());
                }
            }
        }
        names.sort();
        names
    }

    /// Renders the body of a new skill of a kind with [`KIND_TEMPLATE`] (before
    /// normalisation); `context` is described in `templates/kind.md.j2`.
    pub fn render_kind(&self, context: &impl serde::Serialize) -> Result<String, TemplateError> {
        let error = |message: String| TemplateError { template: KIND_TEMPLATE.to_string(), message };
        let template =
            self.env.get_template(&format!("{KIND_TEMPLATE}{TEMPLATE_SUFFIX}")).map_err(|e| error(describe(&e)))?;
        template.render(minijinja::value::Serde(context)).map_err(|e| error(describe(&e)))
    }

    /// Renders the body of `spec` with its template (before normalisation).
    pub fn render_body(&self, spec: &Spec) -> Result<String, TemplateError> {
        let name = spec.template.as_str();
        let error = |message: String| TemplateError { template: name.to_string(), message };
        let template = self.env.get_template(&format!("{name}{TEMPLATE_SUFFIX}")).map_err(|e| error(describe(&e)))?;
        template.render(minijinja::value::Serde(spec)).map_err(|e| error(describe(&e)))
    }
}

/// A template name is a plain file name stem: no folders, no dots.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A minijinja error with its file, line and causes.
fn describe(error: &minijinja::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    message
}

fn environment(dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .expect("the default delimiters are valid");
    env.set_syntax(syntax);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_loader(move |name| {
        if let Some(dir) = &dir
            && is_plain_name(name.trim_end_matches(TEMPLATE_SUFFIX))
        {
            let path = dir.join(name);
            match crate::fsio::read_text_bounded(&path, crate::fsio::MAX_INPUT_BYTES) {
                Ok(text) => return Ok(Some(text)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => {
                    return Err(minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot read {}: {err}", path.display()),
                    ));
                }
            }
        }
        Ok(BUILTIN.iter().find(|(file, _)| *file == name).map(|(_, text)| text.to_string()))
    });
    env.add_filter("cell", |text: String| table_cell(&text));
    env.add_filter("inline", |text: String| one_line(&text));
    env.add_filter("quantity", format_quantity);
    env.add_filter("code", |text: String| code_span(&text));
    env.add_filter("quote", |text: String| quoted(&text));
    env.add_filter("fence", |code: String| code_fence(&code));
    env.add_filter("fact_value", fact_value);
    env
}

/// A fact's value as prose: `yes`/`no`, `1,500`, `"text"`.
fn fact_value(value: minijinja::Value) -> String {
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::Bool => if value.is_true() { "yes" } else { "no" }.to_string(),
        ValueKind::Number => f64::try_from(value.clone()).map_or_else(|_| value.to_string(), fact_number),
        _ => quoted(&value.to_string()),
    }
}

/// A fact's number as prose (`1,500`, `100K`), with every decimal it has beyond two kept
/// (`0.002`).
fn fact_number(value: f64) -> String {
    if (value * 100.0).fract() == 0.0 { format_quantity(value) } else { format_figure(value) }
}

/// Text in double quotes, on one line (unless it is quoted already).
pub fn quoted(text: &str) -> String {
    let text = one_line(text);
    if text.starts_with('"') && text.ends_with('"') && text.len() > 1 { text } else { format!("\"{text}\"") }
}

/// A code fence longer than any run of backticks in `code` (at least three).
pub fn code_fence(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// Text as a table cell: one line, `|` escaped.
pub fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// Text as an inline code span, with enough backticks around it.
pub fn code_span(text: &str) -> String {
    let text = one_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if longest > 0 { format!("{fence} {text} {fence}") } else { format!("{fence}{text}{fence}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_code_spans_stay_markdown_safe() {
        assert_eq!(table_cell("a | b\nc"), "a \\| b c");
        assert_eq!(code_span("x >= 1"), "`x >= 1`");
        assert_eq!(code_span("a `b`"), "`` a `b` ``");
    }

    #[test]
    fn every_builtin_template_compiles() {
        let templates = Templates::builtin();
        for (name, _) in BUILTIN {
            templates.env.get_template(name).unwrap_or_else(|e| panic!("{name}: {}", describe(&e)));
        }
    }
}
