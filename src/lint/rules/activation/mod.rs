//! Rules about whether an agent will know when to use the skill.

pub mod description_no_trigger;
pub mod no_activation_criteria;
