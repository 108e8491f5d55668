//! Rules about the linter's own directives.

pub mod invalid_suppression;
pub mod unused_suppression;
