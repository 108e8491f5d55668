//! Rules about reading the file: encoding, file name, fences and YAML.

pub mod duplicate_key;
pub mod flow_style;
pub mod frontmatter_missing;
pub mod frontmatter_not_mapping;
pub mod frontmatter_unclosed;
pub mod invalid_encoding;
pub mod io_error;
pub mod limit_reached;
pub mod missing_final_newline;
pub mod mixed_line_endings;
pub mod skill_file_name;
pub mod utf8_bom;
pub mod yaml_syntax;
