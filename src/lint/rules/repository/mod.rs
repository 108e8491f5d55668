//! Rules across all skills of a run.

pub mod duplicate_name;
pub mod listing_budget;
