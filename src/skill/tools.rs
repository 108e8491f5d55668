//! The `allowed-tools` value: Claude Code accepts a space-separated string, a comma-separated
//! string or a YAML list. One parser reads the string forms, for the rule that checks the
//! form and for the outline that normalises it.

use crate::yaml::Node;

/// How a tools string is written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ToolsShape {
    /// The tools, in order.
    pub tools: Vec<String>,
    /// A comma separates tools somewhere.
    pub commas: bool,
    /// Only whitespace separates two tools somewhere.
    pub spaces: bool,
    /// Parentheses do not balance.
    pub unbalanced: bool,
}

/// Splits a tools string at top-level commas and whitespace (not inside parentheses).
pub fn tools_shape(value: &str) -> ToolsShape {
    let mut shape = ToolsShape::default();
    let mut depth = 0i32;
    let mut current = String::new();
    let mut pending_space = false;
    for c in value.chars() {
        match c {
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' => {
                depth -= 1;
                current.push(c);
                if depth < 0 {
                    shape.unbalanced = true;
                    depth = 0;
                }
            }
            ',' if depth == 0 => {
                shape.commas = true;
                pending_space = false;
                if !current.is_empty() {
                    shape.tools.push(std::mem::take(&mut current));
                }
            }
            c if c.is_whitespace() && depth == 0 => {
                if !current.is_empty() {
                    shape.tools.push(std::mem::take(&mut current));
                    pending_space = true;
                }
            }
            c => {
                if pending_space && current.is_empty() {
                    shape.spaces = true;
                }
                pending_space = false;
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        shape.tools.push(current);
    }
    shape.unbalanced |= depth != 0;
    shape
}

/// The tools an `allowed-tools` value grants, in order: a string split at top-level commas
/// and whitespace, a list's items each split the same way. `None` when the value is neither
/// a string nor a list of strings.
pub fn allowed_tools(value: &Node) -> Option<Vec<String>> {
    if let Some(text) = value.as_str() {
        return Some(tools_shape(text).tools);
    }
    let items = value.as_seq()?;
    let mut tools = Vec::new();
    for item in items {
        tools.extend(tools_shape(item.as_str()?).tools);
    }
    Some(tools)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skill::Skill;

    #[test]
    fn reads_tool_strings() {
        let shape = tools_shape("Read, Grep, Bash(git add:*)");
        assert_eq!(shape.tools, ["Read", "Grep", "Bash(git add:*)"]);
        assert!(shape.commas && !shape.spaces && !shape.unbalanced);
        let shape = tools_shape("Read Grep Bash(git:*)");
        assert!(!shape.commas && shape.spaces);
        assert!(tools_shape("Read, Grep Glob").spaces);
        assert!(tools_shape("Bash(git:*").unbalanced);
    }

    #[test]
    fn every_form_gives_the_same_tools() {
        let forms = [
            "allowed-tools: Read Grep Bash(git add:*)",
            "allowed-tools: Read, Grep, Bash(git add:*)",
            "allowed-tools:\n  - Read\n  - Grep\n  - Bash(git add:*)",
            "allowed-tools: [Read, 'Grep Bash(git add:*)']",
        ];
        for form in forms {
            let skill = Skill::parse("x/SKILL.md", format!("---\n{form}\n---\n").into_bytes());
            let tools = allowed_tools(skill.frontmatter.get("allowed-tools").unwrap());
            assert_eq!(tools.unwrap(), ["Read", "Grep", "Bash(git add:*)"], "{form}");
        }
        let skill = Skill::parse("x/SKILL.md", b"---\nallowed-tools: {a: b}\n---\n".to_vec());
        assert_eq!(allowed_tools(skill.frontmatter.get("allowed-tools").unwrap()), None);
    }
}
