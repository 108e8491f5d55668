//! Rules about the body's structure and size.

/// `SK301` `body-too-long`: The body is over 500 lines or about 5,000 tokens.
pub mod body_too_long;
/// `SK303` `duplicate-heading`: Two sibling headings have the same text.
pub mod duplicate_heading;
/// `SK300` `empty-body`: The body after the frontmatter is empty.
pub mod empty_body;
/// `SK302` `heading-level-jump`: A heading skips a level (## followed by ####).
pub mod heading_level_jump;
/// `SK305` `table-cell-count`: A table row has a different number of cells than its header.
pub mod table_cell_count;
/// `SK306` `table-empty-row`: A table row has only empty cells (a template leftover).
pub mod table_empty_row;
/// `SK307` `table-no-data`: A table has a header but no data rows (a template leftover).
pub mod table_no_data;
/// `SK308` `unbalanced-tag`: An XML-style tag in the body is never closed, or closes nothing.
pub mod unbalanced_tag;
/// `SK304` `unclosed-code-fence`: A fenced code block is never closed.
pub mod unclosed_code_fence;
