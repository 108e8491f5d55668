//! Decision skills as executable logic: the facts of a situation run through a spec's
//! criteria, selection tables, formulas, bands, red flags and green lights to an outcome
//! (GO, REVISIT, NO-GO) with every reason. The same spec renders the SKILL.md, so the prose
//! and what is tested cannot drift apart.
//!
//! - [`engine`]: the spec's logic, parsed once ([`Logic`]), deciding a situation;
//! - [`decision`]: what a decision holds (serialized as `evaluate`'s JSON);
//! - [`scenario`]: scenarios (the spec's test cases and `scenarios/*.yaml`) and their
//!   comparison with the expected results;
//! - [`use_case`]: reading a use-case file through the spec's `use-case` part;
//! - [`report`]: the text of `skillsmith test`; [`show`]: the text of `skillsmith evaluate`;
//!   [`memo`]: its Markdown go/no-go memo;
//! - [`statements`]: what people state, matched against word patterns with negation;
//! - [`suite`]: a skill's scenarios gathered (from a folder or a shipped skill) and run.

pub mod decision;
pub mod engine;
pub mod memo;
mod outcome;
pub mod report;
pub mod scenario;
pub mod show;
pub mod statements;
pub mod suite;
pub mod use_case;
pub mod use_case_template;

pub use decision::Decision;
pub use engine::Logic;
pub use statements::Statement;
