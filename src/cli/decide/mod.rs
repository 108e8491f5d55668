//! The decision commands: `test` runs a decision skill's scenarios, `evaluate` runs a use
//! case through a decision skill.

mod evaluate;
mod test;

pub use evaluate::EvaluateArgs;
pub use test::TestArgs;

pub use evaluate::run as evaluate;
pub use test::run as test;
