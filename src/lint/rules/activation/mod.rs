//! Rules about whether an agent will know when to use the skill.

/// `SK200` `description-no-trigger`: The description does not say when to use the skill (only the body does).
pub mod description_no_trigger;
/// `SK201` `no-activation-criteria`: Neither the description nor the body says when to use the skill.
pub mod no_activation_criteria;
/// `SK202` `user-invoked-without-key`: The description says the skill is user-invoked, but the model may still invoke it.
pub mod user_invoked_without_key;
