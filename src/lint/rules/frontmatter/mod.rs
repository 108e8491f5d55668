//! Rules about frontmatter fields, per target.

pub mod allowed_tools_form;
pub mod compatibility_too_long;
pub mod description_missing;
pub mod description_person;
pub mod description_too_long;
pub mod field_type;
pub mod listing_entry_too_long;
pub mod metadata_nested_value;
pub mod metadata_not_map;
pub mod name_ascii;
pub mod name_dir_mismatch;
pub mod name_invalid;
pub mod name_missing;
pub mod name_reserved_word;
pub mod name_vague;
pub mod scalar_not_string;
pub mod unknown_key;
pub mod version_top_level;
pub mod xml_in_frontmatter;
