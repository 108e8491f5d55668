//! Configuration files: `skillsmith.toml` or `.skillsmith.toml`, found by walking up from
//! each linted file to the repository root (the nearest wins), read with every key located so
//! a mistake is reported at its line with the nearest valid name.
//!
//! ```toml
//! target = "claude-code"
//! extend-select = ["time-sensitive"]
//! ignore = ["SK405"]
//! listing-budget = 12000
//!
//! [rules.body-too-long]
//! level = "error"
//! max-lines = 300
//!
//! [[overrides]]
//! paths = ["skills/legacy/**"]
//! ignore = ["decision"]
//!
//! [kinds.runbook]
//! sections = [
//!   { title = "When to use", aliases = ["Use when"] },
//!   { title = "Steps", aliases = ["Procedure"], holds = "ordered-list" },
//! ]
//!
//! [[overrides]]
//! paths = ["runbooks/**"]
//! kind = "runbook"
//! ```

mod file;
mod keys;
mod kinds;
mod options;
mod provider;
mod reader;
mod show;
mod template;

pub use file::{ConfigError, ConfigFile, Layer, Override, Problem, parse};
pub use keys::{CONFIG_KEYS, ConfigKey, KeyId, KeyKind};
pub use kinds::parse_kinds;
pub use options::{OptionValue, RULE_OPTIONS, RuleOption};
pub use provider::{CONFIG_NAMES, ConfigProvider, Flags, Resolved};
pub use show::render_effective;
pub use template::template;
