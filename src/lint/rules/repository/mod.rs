//! Rules across all skills of a run.

/// `SK600` `duplicate-name`: Two skills share a name.
pub mod duplicate_name;
/// `SK601` `listing-budget`: All descriptions together exceed the skill listing budget.
pub mod listing_budget;
