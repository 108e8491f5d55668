//! Rules about what the text says: template leftovers, secrets, dates that go stale.

pub mod placeholder;
pub mod secret;
pub mod time_sensitive;
