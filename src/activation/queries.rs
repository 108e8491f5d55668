//! Where queries come from, and the shapes of the files that hold them: a skill's
//! `evals/eval_queries.json` (`[{"query", "should_trigger"}]`, the Agent Skills guide's
//! format), its `evals/evals.json` (skill-creator's output-quality evals), and a repository's
//! queries file (`[{"query", "skill": NAME or null}]`). Shape errors carry the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Where a skill keeps its trigger queries, relative to its folder.
pub const EVAL_QUERIES: &str = "evals/eval_queries.json";

/// Where a skill keeps its output-quality evals, relative to its folder.
pub const EVALS: &str = "evals/evals.json";

/// A query of `evals/eval_queries.json`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct EvalQuery {
    /// What the user says.
    pub query: String,
    /// Whether the skill owning the file should be activated.
    pub should_trigger: bool,
}

/// A query of a repository's queries file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileQuery {
    /// What the user says.
    pub query: String,
    /// The skill that should be activated, by name; `null` for none.
    #[serde(default)]
    pub skill: Option<String>,
}

/// `evals/evals.json`: skill-creator's output-quality evals.
#[derive(Clone, Debug, Deserialize)]
pub struct EvalsFile {
    /// The skill's name.
    #[serde(default)]
    pub skill_name: Option<String>,
    /// The cases.
    pub evals: Vec<EvalCase>,
}

/// One case of `evals/evals.json`.
#[derive(Clone, Debug, Deserialize)]
pub struct EvalCase {
    /// Its number.
    #[serde(default)]
    pub id: Option<u64>,
    /// What the user asks.
    pub prompt: String,
    /// What a good answer looks like.
    #[serde(default)]
    pub expected_output: Option<String>,
    /// Input files, relative to the skill's folder.
    #[serde(default)]
    pub files: Option<Vec<String>>,
    /// Checks a grader applies to the output.
    #[serde(default)]
    pub expectations: Option<Vec<String>>,
}

/// A shape error in a JSON file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// 1-based line (0 when the file is empty).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, without the position.
    pub message: String,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} column {}: {}", self.line, self.column, self.message)
    }
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, expected: &str) -> Result<T, ShapeError> {
    serde_json::from_str(text).map_err(|err| {
        let full = err.to_string();
        let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
        let message = if err.is_data() && message.starts_with("invalid type") {
            format!("{message} (the file holds {expected})")
        } else {
            message
        };
        ShapeError { line: err.line(), column: err.column(), message }
    })
}

/// The 1-based line and column of the `index`-th occurrence of `key` in `text` (1, 1 when
/// there are fewer): where the `index`-th item's field is, in a file of flat items.
fn nth_key(text: &str, key: &str, index: usize) -> (usize, usize) {
    text.match_indices(key).nth(index).map_or((1, 1), |(at, _)| {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    })
}

/// Parses `evals/eval_queries.json`.
pub fn parse_eval_queries(text: &str) -> Result<Vec<EvalQuery>, ShapeError> {
    let queries: Vec<EvalQuery> = parse(text, "a list of {\"query\": text, \"should_trigger\": true or false}")?;
    if let Some(index) = queries.iter().position(|q| q.query.trim().is_empty()) {
        let (line, column) = nth_key(text, "\"query\"", index);
        return Err(ShapeError { line, column, message: format!("query {} is empty", index + 1) });
    }
    Ok(queries)
}

/// Parses `evals/evals.json`.
pub fn parse_evals(text: &str) -> Result<EvalsFile, ShapeError> {
    let evals: EvalsFile = parse(text, "{\"skill_name\": text, \"evals\": [{\"id\", \"prompt\", ...}]}")?;
    if let Some(index) = evals.evals.iter().position(|e| e.prompt.trim().is_empty()) {
        let (line, column) = nth_key(text, "\"prompt\"", index);
        return Err(ShapeError { line, column, message: format!("eval {} has an empty prompt", index + 1) });
    }
    Ok(evals)
}

/// Parses a repository's queries file.
pub fn parse_queries_file(text: &str) -> Result<Vec<FileQuery>, ShapeError> {
    parse(text, "a list of {\"query\": text, \"skill\": name or null}")
}

/// What a query expects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// This skill is activated.
    Skill(String),
    /// No skill is activated.
    Nothing,
    /// This skill is not activated (a `should_trigger: false` query of its eval file).
    Not(String),
    /// Nothing stated (a `--query`).
    Unstated,
}

/// Where a query came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A skill's `evals/eval_queries.json`; it runs against that skill's install unit.
    EvalFile(PathBuf),
    /// A `--queries` file; it runs against every skill given.
    QueriesFile(PathBuf),
    /// A `--query` flag; it runs against every skill given.
    Flag,
}

/// One query to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// What the user says.
    pub text: String,
    /// What should happen.
    pub expect: Expectation,
    /// Where it came from.
    pub source: Source,
    /// The listing (by index) it runs against: its skill's, for an eval file; `None` for all
    /// the skills given.
    pub pool: Option<usize>,
}

/// The queries of a skill's eval file, for the skill named `skill` of listing `pool`.
pub fn from_eval_file(path: &Path, skill: &str, pool: usize, queries: Vec<EvalQuery>) -> Vec<Query> {
    queries
        .into_iter()
        .map(|q| Query {
            text: q.query,
            expect: if q.should_trigger {
                Expectation::Skill(skill.to_string())
            } else {
                Expectation::Not(skill.to_string())
            },
            source: Source::EvalFile(path.to_path_buf()),
            pool: Some(pool),
        })
        .collect()
}

/// The queries of a repository's queries file.
pub fn from_queries_file(path: &Path, queries: Vec<FileQuery>) -> Vec<Query> {
    queries
        .into_iter()
        .map(|q| Query {
            text: q.query,
            expect: q.skill.map_or(Expectation::Nothing, Expectation::Skill),
            source: Source::QueriesFile(path.to_path_buf()),
            pool: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_queries_parse_and_errors_are_located() {
        let ok = parse_eval_queries(r#"[{"query": "fill this form", "should_trigger": true}]"#).unwrap();
        assert_eq!(ok, vec![EvalQuery { query: "fill this form".into(), should_trigger: true }]);
        let err = parse_eval_queries("[\n  {\"query\": \"x\", \"should_trigger\": \"yes\"}\n]").unwrap_err();
        assert_eq!((err.line, err.message.starts_with("invalid type: string \"yes\", expected a boolean")), (2, true));
        let err = parse_eval_queries("[\n  {\"query\": \"x\"}\n]").unwrap_err();
        assert_eq!(err.to_string(), "line 2 column 16: missing field `should_trigger`");
        let err = parse_eval_queries("{\"query\": \"x\"}").unwrap_err();
        assert!(err.message.contains("(the file holds a list of"), "{}", err.message);
        let empty = parse_eval_queries(
            "[\n{\"query\": \"a\", \"should_trigger\": true},\n {\"query\": \" \", \"should_trigger\": true}]",
        );
        assert_eq!(empty.unwrap_err().to_string(), "line 3 column 3: query 2 is empty");
    }

    #[test]
    fn queries_files_take_a_name_or_null() {
        let got = parse_queries_file(r#"[{"query": "a", "skill": "pdf"}, {"query": "b", "skill": null}]"#).unwrap();
        let queries = from_queries_file(Path::new("q.json"), got);
        assert_eq!(queries[0].expect, Expectation::Skill("pdf".into()));
        assert_eq!(queries[1].expect, Expectation::Nothing);
        let typo = parse_queries_file(r#"[{"query": "a", "skil": "pdf"}]"#).unwrap_err();
        assert!(typo.message.starts_with("unknown field `skil`"), "{}", typo.message);
    }

    #[test]
    fn evals_files_need_prompts() {
        assert!(parse_evals(r#"{"skill_name": "x", "evals": [{"id": 1, "prompt": "do it"}]}"#).is_ok());
        let err = parse_evals(r#"{"skill_name": "x", "evals": [{"id": 1}]}"#).unwrap_err();
        assert!(err.message.contains("missing field `prompt`"), "{}", err.message);
    }
}
