//! The integration tests, as one test binary: each file beside this one is a module of it,
//! so the library and its dependencies are linked into one executable instead of one per
//! file (`autotests = false` in Cargo.toml). Run one file's tests with
//! `cargo test --test suite <module>::`, e.g. `cargo test --test suite cli::`.

mod common;
/// The hostile inputs `examples/hostile_inputs.rs` writes, shared by `hostile` and `outline`.
#[path = "../examples/hostile_inputs.rs"]
#[allow(dead_code)]
mod hostile_inputs;

mod action;
mod activation;
mod cli;
mod cli_audit;
mod cli_baseline;
mod cli_config;
mod cli_decide;
mod cli_generate;
mod cli_kinds;
mod cli_output;
mod cli_suppress;
mod corpus;
mod decide;
mod decide_mutation;
mod decision;
mod editors;
mod expr_props;
mod fixes;
mod generate;
mod generate_props;
mod generate_safety;
mod hostile;
mod hostile_generate;
mod hostile_io;
mod judged;
mod lsp;
mod lsp_neovim;
mod manifest;
mod order_independence;
mod outline;
mod package;
mod pre_commit;
mod properties;
mod readme_sections;
mod reference_validator;
mod rules;
mod schema_validator;
mod snapshot_recipe;
mod spec_aware;
mod watch;
mod wheel;
