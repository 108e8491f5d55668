use super::*;
use crate::lint::MemoryFs;

fn parse(path: &str, text: &str) -> Skill {
    Skill::parse(path, text.as_bytes().to_vec())
}

fn of(text: &str) -> Outline {
    outline_with(&parse("skills/x/SKILL.md", text), &MemoryFs::new())
}

#[test]
fn every_allowed_tools_form_gives_one_list_and_keys_come_sorted() {
    let forms = [
        "allowed-tools: Read Grep Bash(git add:*)",
        "allowed-tools: Read, Grep, Bash(git add:*)",
        "allowed-tools:\n  - Read\n  - Grep\n  - Bash(git add:*)",
    ];
    let outlines: Vec<Outline> =
        forms.iter().map(|f| of(&format!("---\nname: x\n{f}\ndescription: d\n---\n"))).collect();
    assert!(outlines.windows(2).all(|w| w[0].frontmatter == w[1].frontmatter));
    let keys: Vec<&str> = outlines[0].frontmatter.keys().map(String::as_str).collect();
    assert_eq!(keys, ["allowed-tools", "description", "name"]);
    let tools = FieldValue::List(["Read", "Grep", "Bash(git add:*)"].map(|t| FieldValue::Text(t.into())).to_vec());
    assert_eq!(outlines[0].frontmatter["allowed-tools"], tools);
}

#[test]
fn scalars_are_their_text_whatever_their_quoting() {
    let plain = of("---\nmetadata:\n  version: 1.0\n  beta: true\n  empty:\n---\n");
    let quoted = of("---\nmetadata:\n  empty: ~\n  beta: 'true'\n  version: \"1.0\"\n---\n");
    assert_eq!(plain, quoted);
    let FieldValue::Map(metadata) = &plain.frontmatter["metadata"] else { panic!("a map") };
    assert_eq!(metadata["version"], FieldValue::Text("1.0".into()));
    assert_eq!(metadata["empty"], FieldValue::Null);
}

#[test]
fn the_same_skill_gives_the_same_outline_wherever_it_lies() {
    let text = "---\nname: x\n---\n# X\n\nSee [the guide](references/guide.md) and [gone](gone.md).\n";
    let here = MemoryFs::new().with_file("skills/x/references/guide.md", "# G\n");
    let there = MemoryFs::new().with_file("/home/someone/repo/skills/x/references/guide.md", "# G\n");
    let relative = outline_with(&parse("skills/x/SKILL.md", text), &here);
    let absolute = outline_with(&parse("/home/someone/repo/skills/x/SKILL.md", text), &there);
    assert_eq!(relative, absolute);
    let json = serde_json::to_string(&absolute).unwrap();
    assert!(!json.contains("/home"), "{json}");
    let links = &absolute.sections[0].content.links;
    assert_eq!((links[0].path.as_deref(), links[0].exists), (Some("references/guide.md"), Some(true)));
    assert_eq!((links[1].path.as_deref(), links[1].exists), (Some("gone.md"), Some(false)));
}

#[test]
fn line_endings_do_not_change_the_outline() {
    let text = "---\nname: x\ndescription: |\n  two\n  lines\n---\n# X\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\nls\n```\n- a\n  - b\n";
    assert_eq!(of(text), of(&text.replace('\n', "\r\n")));
}

#[test]
fn links_outside_the_folder_and_urls() {
    let text =
        "---\nname: x\n---\n[up](../y/SKILL.md) [url](https://a.b/c.md) [abs](/etc/x.md) [anchor](#x) <https://a.b>\n";
    let fs = MemoryFs::new().with_file("skills/y/SKILL.md", "");
    let links = outline_with(&parse("skills/x/SKILL.md", text), &fs).preamble.unwrap().content.links;
    let shown: Vec<(&str, Option<&str>, Option<bool>)> =
        links.iter().map(|l| (l.dest.as_str(), l.path.as_deref(), l.exists)).collect();
    assert_eq!(
        shown,
        [
            ("../y/SKILL.md", Some("../y/SKILL.md"), Some(true)),
            ("https://a.b/c.md", None, None),
            ("/etc/x.md", None, None),
            ("#x", None, None),
            ("https://a.b", None, None),
        ]
    );
}

#[test]
fn sections_nest_with_their_line_counts_and_content() {
    let outline = of(
        "---\nname: x\n---\nIntro.\n\n# T\n\n## A\n- a\n- b\n  - c\n  - [ ] d\n\n## B\n\n### B1\n```\nx\ny\n```\n\n\n",
    );
    assert_eq!(outline.preamble.as_ref().map(|p| p.lines), Some(1));
    let title = &outline.sections[0];
    assert_eq!((title.level, title.title.as_str(), title.lines), (1, "T", 15));
    let [a, b] = &title.sections[..] else { panic!("two sections") };
    assert_eq!(a.content.lists, [List { kind: ListKind::Bullet, items: 2, tasks: 0, nested_items: 2 }]);
    assert_eq!(b.lines, 7, "trailing blank lines are not counted");
    let code = &b.sections[0].content.code_blocks[0];
    assert_eq!((code.language.as_deref(), code.lines, code.closed), (None, 2, true));
    assert_eq!(outline.code_languages.get("(none)"), Some(&1));
}

#[test]
fn long_titles_are_cut_and_kept_on_one_line() {
    let long = "word ".repeat(40);
    let outline = of(&format!("---\nname: x\n---\n## Red flags\n- {long}\n- Two\n  lines → fix\n"));
    let flags = &outline.decision.red_flags;
    assert!(flags[0].ends_with('…') && flags[0].chars().count() <= 121, "{}", flags[0]);
    assert_eq!(flags[1], "Two lines");
}

#[test]
fn unreadable_frontmatter_is_a_problem_not_a_failure() {
    let outline = of("---\nname: x\ndescription: a: b\n---\n# Body\n");
    assert_eq!(outline.problems.len(), 1);
    assert!(outline.problems[0].contains("line 3"), "{:?}", outline.problems);
    assert!(outline.frontmatter.is_empty());
    assert_eq!(outline.sections[0].title, "Body");
    assert_eq!(of("# Only a body\n").problems, ["no frontmatter: the file does not start with a `---` line"]);
}

#[test]
fn the_text_tree_has_one_fact_a_line() {
    let text =
        of("---\nname: x\ndescription: \"two\\nlines\"\n---\n# T\n| a | b |\n|---|---|\n| 1 | 2 |\n").to_string();
    assert!(text.contains("  description: two\\nlines\n"), "{text}");
    assert!(text.contains("\n  # T (4 lines)\n    table: 2 columns, 1 row: a | b\n"), "{text}");
    assert!(text.lines().all(|line| !line.ends_with(' ')), "no trailing spaces:\n{text}");
}
