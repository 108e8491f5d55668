//! Rules about plugins, marketplaces, command files and names (SK620-SK649).

/// `SK630` `command-shadowed`: A command file is hidden by a skill of the same name.
pub mod command_shadowed;
/// `SK632` `confusable-name`: Two skills' names are one name to Claude Code.
pub mod confusable_name;
/// `SK623` `duplicate-plugin`: A marketplace lists one plugin twice.
pub mod duplicate_plugin;
/// `SK621` `manifest-field`: A manifest lacks a required field or has one of the wrong type.
pub mod manifest_field;
/// `SK620` `manifest-json`: A plugin or marketplace manifest is not valid JSON.
pub mod manifest_json;
/// `SK622` `manifest-path-missing`: A path a manifest names does not exist or leaves its folder.
pub mod manifest_path_missing;
/// `SK624` `plugin-without-skills`: A plugin's skills folder holds no skill.
pub mod plugin_without_skills;
/// `SK631` `reserved-folder-name`: A skill folder uses the reserved name `synced`.
pub mod reserved_folder_name;
