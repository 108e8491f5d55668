//! Everything YAML: the rest of the crate never names a YAML crate, so the engine can be
//! swapped here alone.
//!
//! [`parse`] reads a YAML document into a [`Node`] tree in which every key and value keeps its
//! byte span in the file, with duplicate keys, flow collections and comments noted, and with
//! hard limits on nesting, node count (alias expansion included) and size. [`from_str`] and
//! [`to_string`] read and write typed values through serde (skill specs, generated
//! frontmatter). [`to_json`] gives a node as JSON, for checking it against a JSON Schema.

mod json;
mod serde;
mod tree;

pub use json::to_json;

pub use self::serde::{Located, MAX_TYPED_BYTES, YamlDeError, YamlSerError, from_str, to_string};
pub use tree::{
    Comment, Document, Duplicate, Entry, Limits, Node, ScalarKind, Style, Value, YamlError, YamlErrorKind, parse,
};
