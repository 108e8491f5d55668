//! Rules about reading the file: encoding, file name, fences and YAML.

/// `SK008` `duplicate-key`: A frontmatter key is written twice.
pub mod duplicate_key;
/// `SK010` `flow-style`: Flow-style YAML, which the reference validator refuses.
pub mod flow_style;
/// `SK004` `frontmatter-missing`: The file does not start with a `---` frontmatter.
pub mod frontmatter_missing;
/// `SK007` `frontmatter-not-mapping`: The frontmatter is not a mapping of keys to values.
pub mod frontmatter_not_mapping;
/// `SK005` `frontmatter-unclosed`: The frontmatter has no closing `---` line.
pub mod frontmatter_unclosed;
/// `SK001` `invalid-encoding`: The file is not UTF-8 text.
pub mod invalid_encoding;
/// `SK000` `io-error`: A path could not be read.
pub mod io_error;
/// `SK009` `limit-reached`: A size, nesting or expansion limit was reached; part of the file was not read.
pub mod limit_reached;
/// `SK011` `missing-final-newline`: The file does not end with a line break.
pub mod missing_final_newline;
/// `SK012` `mixed-line-endings`: The file mixes line endings.
pub mod mixed_line_endings;
/// `SK003` `skill-file-name`: The skill file is not named exactly SKILL.md.
pub mod skill_file_name;
/// `SK260` `spec-not-rendered`: The spec this SKILL.md was rendered from changed since; SKILL.md is stale.
pub mod spec_not_rendered;
/// `SK013` `special-file`: A FIFO, device or socket where the skill's files are.
pub mod special_file;
/// `SK002` `utf8-bom`: The file starts with a byte-order mark.
pub mod utf8_bom;
/// `SK006` `yaml-syntax`: The frontmatter is not valid YAML.
pub mod yaml_syntax;
