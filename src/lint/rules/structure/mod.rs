//! Rules about the body's structure and size.

pub mod body_too_long;
pub mod duplicate_heading;
pub mod empty_body;
pub mod heading_level_jump;
pub mod table_cell_count;
pub mod table_empty_row;
pub mod table_no_data;
pub mod unclosed_code_fence;
