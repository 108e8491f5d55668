//! Rules about the linter's own directives.

/// `SK901` `invalid-suppression`: A suppression directive names an unknown rule or directive, or no rule.
pub mod invalid_suppression;
/// `SK900` `unused-suppression`: A suppression directive hides no finding.
pub mod unused_suppression;
