//! Rules about whether an agent will know when to use the skill.

/// `SK200` `description-no-trigger`: The description does not say when to use the skill (only the body does).
pub mod description_no_trigger;
/// `SK250` `eval-queries-invalid`: evals/eval_queries.json does not have the documented shape.
pub mod eval_queries_invalid;
/// `SK251` `evals-invalid`: evals/evals.json does not have the documented shape.
pub mod evals_invalid;
/// `SK252` `few-trigger-queries`: evals/eval_queries.json has fewer than about 20 queries, or none that should not trigger.
pub mod few_trigger_queries;
/// `SK201` `no-activation-criteria`: Neither the description nor the body says when to use the skill.
pub mod no_activation_criteria;
/// `SK202` `user-invoked-without-key`: The description says the skill is user-invoked, but the model may still invoke it.
pub mod user_invoked_without_key;

mod eval_files;
