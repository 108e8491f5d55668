//! Rules about what a skill can make the agent do: invisible text, hidden instructions,
//! shell at load time, encoded payloads, bundled scripts, the tools it grants.

/// `SK805` `encoded-payload`: A long base64 or hex blob in prose, or decoded and run in a code block.
pub mod encoded_payload;
/// `SK802` `hidden-instruction`: A comment holds an instruction aimed at the model.
pub mod hidden_instruction;
/// `SK800` `hidden-unicode`: Invisible Unicode tag characters or bidirectional controls.
pub mod hidden_unicode;
/// `SK803` `load-time-command`: A command that runs when the skill loads.
pub mod load_time_command;
/// `SK804` `load-time-command-risk`: A load-time command downloads and runs code, destroys data or writes outside the project.
pub mod load_time_command_risk;
/// `SK809` `model-invocable-side-effect`: A skill that deploys, publishes or sends can be invoked by the model on its own.
pub mod model_invocable_side_effect;
/// `SK808` `unknown-tool`: allowed-tools names a tool Claude Code does not know.
pub mod unknown_tool;
/// `SK806` `unmentioned-executable`: A bundled script or binary that nothing in the skill mentions.
pub mod unmentioned_executable;
/// `SK807` `unscoped-shell`: allowed-tools grants Bash for every command.
pub mod unscoped_shell;
/// `SK801` `zero-width-character`: A zero-width character in prose.
pub mod zero_width;
