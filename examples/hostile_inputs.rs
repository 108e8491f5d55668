//! Writes the hostile and broken SKILL.md files skillsmith must survive (issue: hardening),
//! one skill folder each, so the same inputs feed `tests/hostile.rs` and the timing script
//! `bench/hostile.sh`.
//!
//! Run: `cargo run --release --example hostile_inputs -- DIR`

use std::path::Path;

/// A hostile input: a folder name and the bytes of its SKILL.md.
pub struct Input {
    /// The skill folder's name.
    pub name: &'static str,
    /// What the file holds.
    pub bytes: Vec<u8>,
    /// Rule codes the linter must report for it (with default settings).
    pub expect: &'static [&'static str],
}

fn frontmatter(name: &str) -> String {
    format!("---\nname: {name}\ndescription: Checks hostile input handling. Use when testing the linter.\n---\n")
}

fn with_body(name: &'static str, body: String, expect: &'static [&'static str]) -> Input {
    Input { name, bytes: (frontmatter(name) + "# Title\n\n" + &body).into_bytes(), expect }
}

/// 3,000 nested list levels: about 9 MB of indentation, past the 8 MiB file limit.
pub fn lists_3000_deep() -> String {
    (0..3000).map(|i| format!("{}- item\n", "  ".repeat(i))).collect()
}

/// Every hostile input.
pub fn inputs() -> Vec<Input> {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in frontmatter("utf-16").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let mut billion_laughs = String::from(
        "---\nname: billion-laughs\ndescription: Bomb. Use when testing.\nmetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n",
    );
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        billion_laughs.push_str(&format!("  a{i}: &a{i} [{}]\n", [prev.as_str(); 10].join(", ")));
    }
    billion_laughs.push_str("---\n");
    vec![
        Input {
            name: "not-utf8",
            bytes: [frontmatter("not-utf8").as_bytes(), b"# Title\n\nbad \xff\xfe bytes\n"].concat(),
            expect: &["SK001"],
        },
        Input {
            name: "bom",
            bytes: [b"\xEF\xBB\xBF".as_slice(), frontmatter("bom").as_bytes()].concat(),
            expect: &["SK002"],
        },
        Input { name: "utf-16", bytes: utf16, expect: &["SK001"] },
        Input { name: "crlf", bytes: frontmatter("crlf").replace('\n', "\r\n").into_bytes(), expect: &[] },
        Input { name: "lone-cr", bytes: frontmatter("lone-cr").replace('\n', "\r").into_bytes(), expect: &[] },
        Input { name: "binary", bytes: b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec(), expect: &["SK001"] },
        Input { name: "empty", bytes: Vec::new(), expect: &["SK004"] },
        Input { name: "only-fence", bytes: b"---".to_vec(), expect: &["SK005"] },
        with_body("body-30mb", "Prose line with a few words in it.\n".repeat(30_000_000 / 35), &["SK009"]),
        with_body("line-8mb", "word ".repeat(8_000_000 / 5), &[]),
        with_body("table-100k-rows", format!("| a | b |\n|---|---|\n{}", "| 1 | 2 |\n".repeat(100_000)), &[]),
        with_body("lists-3000-deep", lists_3000_deep(), &["SK009"]),
        with_body("quotes-50k-deep", format!("{} deep\n", ">".repeat(50_000)), &[]),
        with_body("emphasis-50k", format!("{}x{}\n", "*".repeat(50_000), "*".repeat(50_000)), &[]),
        with_body("links-50k-missing", (0..50_000).map(|i| format!("[l{i}](missing/{i}.md)\n")).collect(), &[]),
        Input {
            name: "unclosed-frontmatter",
            bytes: format!("---\nname: x\n{}", "line\n".repeat(100_000)).into_bytes(),
            expect: &["SK005"],
        },
        with_body("unclosed-fence", format!("```\n{}", "code\n".repeat(100_000)), &[]),
        with_body("html-100k", "<div>x</div>\n".repeat(100_000), &[]),
        // Many matches of many rules, each asked about many links and comments: the checks
        // must stay linear in the file, not the product of matches and links.
        with_body(
            "findings-20k",
            (0..20_000)
                .map(|i| format!("- [TODO {i}] see [a{i}](refs/a{i}.md), C:\\Users\\x\\f{i}.txt <!-- c --> TBD\n"))
                .collect(),
            &["SK700", "SK400"],
        ),
        // Every finding on one 1 MB line: columns must not be counted from the line's start
        // for each.
        with_body("one-line-50k-findings", (0..50_000).map(|i| format!("`c{i}` TODO: x ")).collect(), &["SK700"]),
        // A directive per finding: matching them must not pair every finding with every one.
        with_body(
            "suppressions-10k",
            (0..10_000).map(|i| format!("<!-- skillsmith-disable-next-line SK700 -->\nTODO: x{i}\n")).collect(),
            &[],
        ),
        Input { name: "billion-laughs", bytes: billion_laughs.into_bytes(), expect: &["SK009"] },
        Input {
            name: "brackets-20k",
            bytes: format!("---\nname: brackets-20k\ndescription: {}{}\n---\n", "[".repeat(20_000), "]".repeat(20_000))
                .into_bytes(),
            expect: &["SK009"],
        },
        Input {
            name: "yaml-tabs",
            bytes: b"---\nname: yaml-tabs\nmetadata:\n\tversion: '1'\n---\n".to_vec(),
            expect: &["SK006"],
        },
        Input {
            name: "key-2mb",
            bytes: format!("---\n{}: v\n---\n", "k".repeat(2_000_000)).into_bytes(),
            expect: &["SK009"],
        },
        Input {
            name: "duplicate-keys",
            bytes: b"---\nname: duplicate-keys\ndescription: One. Use when testing.\ndescription: Two.\n---\n".to_vec(),
            expect: &["SK008"],
        },
    ]
}

/// Writes every input into `dir/<name>/SKILL.md`.
pub fn write_all(dir: &Path) -> std::io::Result<()> {
    for input in inputs() {
        let folder = dir.join(input.name);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join("SKILL.md"), &input.bytes)?;
    }
    Ok(())
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).expect("usage: hostile_inputs DIR");
    write_all(Path::new(&dir))
}
