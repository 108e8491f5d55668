//! Rules about what the text says: template leftovers, secrets, dates that go stale.

/// `SK703` `dollar-argument`: `$` and a digit, which Claude Code replaces with an argument.
pub mod dollar_argument;
/// `SK700` `placeholder`: A template placeholder was left in (`[TODO]`, `[Insert ...]`, `{{ ... }}`, `<your-...>`).
pub mod placeholder;
/// `SK701` `secret`: A string shaped like an API key, token or private key.
pub mod secret;
/// `SK702` `time-sensitive`: A statement that goes stale with time (\.
pub mod time_sensitive;
