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
    // A list where an object belongs (or the reverse) is said as such: serde would read a
    // list as an object's fields in order and speak of "struct EvalsFile with 2 elements".
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let at = text.len() - start.len();
    let found = match start.chars().next() {
        Some('[') if expected.starts_with('{') => Some("a list"),
        Some('{') if !expected.starts_with('{') => Some("an object"),
        _ => None,
    };
    if let Some(found) = found {
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(ShapeError { line, column, message: format!("found {found} where the file holds {expected}") });
    }
    serde_json::from_str(text).map_err(|err| {
        let full = err.to_string();
        let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
        let message = if err.is_data() { plain(message, expected) } else { message.to_string() };
        ShapeError { line: err.line(), column: err.column(), message }
    })
}

/// The JSON parser's message in the file's terms: no Rust type names ("expected struct
/// EvalsFile with 2 elements", "a sequence") reach the user.
fn plain(message: &str, expected: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let wanted = match wanted {
            "a boolean" => "true or false",
            "a string" => "text",
            "a sequence" => "a list",
            "u64" | "usize" | "u32" => "a whole number",
            _ if wanted.starts_with("struct ") || wanted == "a map" => "an object",
            _ => return format!("found {} where the file holds {expected}", json_words(found)),
        };
        return format!("found {}, expected {wanted}", json_words(found));
    }
    if message.starts_with("invalid length") {
        return format!("found a list where the file holds {expected}");
    }
    if message.contains("expected struct ")
        || message.contains("expected a sequence")
        || message.contains("expected a map")
    {
        return format!("the file holds {expected}");
    }
    message.to_string()
}

/// serde's names of JSON values, as JSON calls them.
fn json_words(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let word = match kind {
        "map" => "an object",
        "sequence" => "a list",
        "string" => "the text",
        "integer" | "floating" => "the number",
        "boolean" => "the value",
        "null" => "null",
        "unit" => "null",
        _ => return found.to_string(),
    };
    let value = value.trim_start_matches("point ").trim_matches('`');
    if value.is_empty() || kind == "null" { word.to_string() } else { format!("{word} {value}") }
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
    fn shape_errors_speak_of_json_not_of_rust_types() {
        let list_for_object = parse_evals("[{\"prompt\": \"x\"}]").unwrap_err();
        assert_eq!(
            list_for_object.message,
            "found a list where the file holds {\"skill_name\": text, \"evals\": [{\"id\", \"prompt\", ...}]}"
        );
        let object_for_list = parse_eval_queries("{\"query\": \"x\"}").unwrap_err();
        assert!(
            object_for_list.message.starts_with("found an object where the file holds a list"),
            "{}",
            object_for_list.message
        );
        let number_for_text = parse_eval_queries("[{\"query\": 5, \"should_trigger\": true}]").unwrap_err();
        assert_eq!(number_for_text.message, "found the number 5, expected text");
        for err in [list_for_object, object_for_list, number_for_text] {
            assert!(!err.message.contains("struct") && !err.message.contains("sequence"), "{}", err.message);
        }
    }

    #[test]
    fn eval_queries_parse_and_errors_are_located() {
        let ok = parse_eval_queries(r#"[{"query": "fill this form", "should_trigger": true}]"#).unwrap();
        assert_eq!(ok, vec![EvalQuery { query: "fill this form".into(), should_trigger: true }]);
        let err = parse_eval_queries("[\n  {\"query\": \"x\", \"should_trigger\": \"yes\"}\n]").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.message, "found the text \"yes\", expected true or false");
        let err = parse_eval_queries("[\n  {\"query\": \"x\"}\n]").unwrap_err();
        assert_eq!(err.to_string(), "line 2 column 16: missing field `should_trigger`");
        let err = parse_eval_queries("{\"query\": \"x\"}").unwrap_err();
        assert!(err.message.contains("found an object where the file holds a list of"), "{}", err.message);
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
