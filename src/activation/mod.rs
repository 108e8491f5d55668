//! Activation, offline: which skill a request would wake, which skills compete for the same
//! requests, and what Claude Code's skill listing really holds.
//!
//! - [`listing`]: the listing per install unit (entries cut at 1,536 characters, skills with
//!   `disable-model-invocation` left out, the budget and what overflows it);
//! - [`terms`] and [`index`]: the lexical relevance model (stemmed, stop words out, BM25 with
//!   trigger phrases weighted), a deterministic proxy for the model's choice;
//! - [`queries`]: where queries come from and the shapes of the eval files;
//! - [`evaluate`]: running queries, recall and precision per skill, confusions;
//! - [`similarity`]: pairs of skills whose entries compete, and near-identical bodies;
//! - [`load`]: from paths on disk to listings and queries.

pub mod evaluate;
pub mod index;
pub mod listing;
pub mod load;
pub mod queries;
pub mod report;
pub mod similarity;
pub mod terms;

pub use evaluate::{Activation, Outcome};
pub use index::Model;
pub use listing::{Fit, Listing, ListingEntry};
