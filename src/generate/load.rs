//! Reading a spec: the YAML into typed values (unknown fields and wrong types located by the
//! YAML reader), the version first, then the template's rules and every semantic check.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::yaml::{self, Located, YamlDeError};

use super::spec::{SPEC_VERSION, Spec, SpecError, validate_source};
use super::templates::Templates;

/// The spec's file name inside a skill folder.
pub const SPEC_FILE: &str = "skill.yaml";

/// Why a spec could not be used.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read.
    Read {
        /// The spec's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The YAML does not fit the spec format.
    Yaml(YamlDeError),
    /// The spec is well-formed but wrong: every problem found.
    Invalid {
        /// The spec's name as shown (its path).
        source_name: String,
        /// The problems, in file order.
        errors: Vec<SpecError>,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            LoadError::Yaml(err) => write!(f, "{}", err.rendered),
            LoadError::Invalid { source_name, errors } => {
                for (index, error) in errors.iter().enumerate() {
                    if index > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{source_name}:{error}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn one(source_name: &str, line: usize, column: usize, message: String, help: Option<String>) -> LoadError {
        LoadError::Invalid {
            source_name: source_name.to_string(),
            errors: vec![SpecError { line, column, message, help }],
        }
    }
}

/// The spec of `path`: the path itself for a file, `path/skill.yaml` for a folder.
pub fn spec_path(path: &Path) -> PathBuf {
    if path.is_dir() { path.join(SPEC_FILE) } else { path.to_path_buf() }
}

/// Reads, parses and validates the spec at `path` (a file or a skill folder).
pub fn load_spec(path: &Path, templates: &Templates) -> Result<Spec, LoadError> {
    load_spec_text(path, templates).map(|(spec, _)| spec)
}

/// [`load_spec`], also returning the text the spec was read from (the stamp keeps its digest).
pub fn load_spec_text(path: &Path, templates: &Templates) -> Result<(Spec, String), LoadError> {
    let path = spec_path(path);
    let text = crate::fsio::read_text_bounded(&path, crate::fsio::MAX_INPUT_BYTES)
        .map_err(|source| LoadError::Read { path: path.clone(), source })?;
    let spec = parse_spec(&text, &path.display().to_string(), templates)?;
    Ok((spec, text))
}

/// Only the version, read leniently so that a newer spec's unknown fields do not hide it.
#[derive(Deserialize)]
struct VersionOnly {
    #[serde(rename = "spec-version", default)]
    spec_version: Option<Located<u32>>,
}

/// Parses and validates a spec's text; `source_name` names it in errors.
pub fn parse_spec(text: &str, source_name: &str, templates: &Templates) -> Result<Spec, LoadError> {
    let version: VersionOnly = yaml::from_str(text, source_name).map_err(LoadError::Yaml)?;
    match version.spec_version {
        None => {
            let help = Some(format!("start the file with `spec-version: {SPEC_VERSION}`"));
            return Err(LoadError::one(source_name, 1, 1, "the spec has no `spec-version`".to_string(), help));
        }
        Some(v) if *v != SPEC_VERSION => {
            let help = Some(format!("this skillsmith reads spec-version {SPEC_VERSION}; upgrade skillsmith"));
            return Err(LoadError::one(
                source_name,
                v.line,
                v.column,
                format!("unsupported spec-version {}", *v),
                help,
            ));
        }
        Some(_) => {}
    }
    let mut spec: Spec = yaml::from_str(text, source_name).map_err(|err| all_unknown_fields(err, text, source_name))?;
    let Some(rules) = templates.rules(&spec.template) else {
        let help = Some(format!("the templates are: {}", templates.names().join(", ")));
        let message = format!("unknown template `{}`", spec.template.value);
        return Err(LoadError::one(source_name, spec.template.line, spec.template.column, message, help));
    };
    let errors = validate_source(&mut spec, &rules, Some(text));
    if errors.is_empty() { Ok(spec) } else { Err(LoadError::Invalid { source_name: source_name.to_string(), errors }) }
}

/// serde stops at the first unknown field: report every one, each with "did you mean".
fn all_unknown_fields(err: YamlDeError, text: &str, source_name: &str) -> LoadError {
    if !err.message.starts_with("unknown field") {
        return LoadError::Yaml(err);
    }
    let found = super::unknown_fields::unknown_fields::<Spec>(text);
    if found.is_empty() {
        return LoadError::Yaml(err);
    }
    let errors = found
        .iter()
        .map(|f| SpecError { line: f.line, column: f.column, message: f.message(), help: Some(f.help()) })
        .collect();
    LoadError::Invalid { source_name: source_name.to_string(), errors }
}
