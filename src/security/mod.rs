//! What a skill can make the agent do, read from its text: invisible characters, instructions
//! hidden in comments, shell run at load time, encoded payloads, the tools it grants, the
//! scripts it bundles. Pure functions over text and the model; the `security` rules report
//! what they find and `skillsmith audit` sums it up per skill.

pub mod bundled;
pub mod comments;
pub mod invisible;
pub mod payload;
pub mod shell;
pub mod tools;
