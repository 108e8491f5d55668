//! JSON with the byte span of every value and key, for locating manifest findings. Parsed
//! only after serde_json accepted the text (so syntax errors come from serde_json, with its
//! line and column), and bounded by serde_json's own nesting limit.

use crate::skill::Span;

/// One JSON value and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value's bytes in the text.
    pub span: Span,
    /// What it is.
    pub value: Value,
}

/// A JSON value whose members carry spans.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An object: each key with its span, and its value, in written order.
    Object(Vec<(String, Span, Node)>),
    /// An array.
    Array(Vec<Node>),
    /// A string, unescaped.
    String(String),
    /// A number, `true`, `false` or `null`, as written.
    Other(String),
}

impl Node {
    /// The member `key` of an object (the first, if written twice): its key's span and value.
    pub fn member(&self, key: &str) -> Option<(Span, &Node)> {
        match &self.value {
            Value::Object(members) => members.iter().find(|(k, _, _)| k == key).map(|(_, span, node)| (*span, node)),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The kind in words, for messages: `an object`, `a string`...
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Object(_) => "an object",
            Value::Array(_) => "an array",
            Value::String(_) => "a string",
            Value::Other(text) if text == "null" => "null",
            Value::Other(text) if text == "true" || text == "false" => "a boolean",
            Value::Other(_) => "a number",
        }
    }
}

/// Parses `text` (which serde_json accepted) into nodes with spans; `None` if it is not JSON
/// after all.
pub fn parse(text: &str) -> Option<Node> {
    let mut parser = Parser { bytes: text.as_bytes(), text, at: 0, depth: 0 };
    let node = parser.value()?;
    parser.skip_space();
    (parser.at == text.len()).then_some(node)
}

/// Nesting deeper than this is refused (serde_json refuses past 128).
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| b" \t\r\n".contains(b)) {
            self.at += 1;
        }
    }

    fn span(&self, start: usize) -> Span {
        Span { start: start as u32, end: self.at as u32 }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_space();
        let start = self.at;
        let value = match *self.bytes.get(self.at)? {
            b'{' => self.nested(|p| p.object())?,
            b'[' => self.nested(|p| p.array())?,
            b'"' => Value::String(self.string()?),
            _ => {
                while self.bytes.get(self.at).is_some_and(|b| !b" \t\r\n,]}".contains(b)) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
                Value::Other(self.text[start..self.at].to_string())
            }
        };
        Some(Node { span: self.span(start), value })
    }

    fn nested(&mut self, inner: impl FnOnce(&mut Self) -> Option<Value>) -> Option<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = inner(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Option<Value> {
        self.at += 1;
        let mut members = Vec::new();
        loop {
            self.skip_space();
            match *self.bytes.get(self.at)? {
                b'}' => {
                    self.at += 1;
                    return Some(Value::Object(members));
                }
                b',' => self.at += 1,
                b'"' => {
                    let start = self.at;
                    let key = self.string()?;
                    let key_span = self.span(start);
                    self.skip_space();
                    if self.bytes.get(self.at) != Some(&b':') {
                        return None;
                    }
                    self.at += 1;
                    members.push((key, key_span, self.value()?));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self) -> Option<Value> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match *self.bytes.get(self.at)? {
                b']' => {
                    self.at += 1;
                    return Some(Value::Array(items));
                }
                b',' => self.at += 1,
                _ => items.push(self.value()?),
            }
        }
    }

    /// A string starting at the opening quote, unescaped by serde_json.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.at += 1;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        serde_json::from_str(self.text.get(start..self.at)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_keys_and_values() {
        let text = r#"{ "name": "a\"b", "list": [1, {"x": null}] }"#;
        let root = parse(text).unwrap();
        let (key, name) = root.member("name").unwrap();
        assert_eq!(&text[key.start as usize..key.end as usize], "\"name\"");
        assert_eq!(name.as_str(), Some("a\"b"));
        let (_, list) = root.member("list").unwrap();
        assert_eq!(list.kind(), "an array");
        assert_eq!(&text[list.span.start as usize..list.span.end as usize], r#"[1, {"x": null}]"#);
        assert!(parse("{\"a\": }").is_none());
        assert!(parse(&"[".repeat(200)).is_none());
    }
}
