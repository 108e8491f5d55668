//! skillsmith: generate, lint and test Claude skills.
//!
//! Data flows one way: bytes become a [`Skill`] (every piece located in the file), rules turn
//! a skill into diagnostics, and a reporter prints them. Rules never print and see the file
//! system only through the context they are given; reporters never judge.

#![warn(missing_docs)]

pub mod activation;
pub mod audit;
pub mod cli;
pub mod config;
pub mod decide;
pub mod discover;
pub mod expr;
pub mod fix;
pub mod fsio;
pub mod generate;
pub mod kinds;
pub mod lint;
pub mod lsp;
pub mod manifest;
pub mod outline;
pub mod package;
pub mod report;
pub mod schema;
pub mod security;
pub mod skill;
pub mod text;
pub mod watch;
pub mod yaml;

pub use outline::{Outline, outline, outline_with};
pub use skill::Skill;
