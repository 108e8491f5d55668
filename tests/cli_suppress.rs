//! Inline suppressions through the command line: every directive form, codes and names,
//! unused and invalid directives, and repository rules suppressed in the frontmatter.

use crate::common;

use common::{findings, repo, write};

#[test]
fn directives_hide_findings_and_unused_ones_are_reported() {
    let repo = repo();
    let root = repo.path();
    let text = "---\n\
name: pdf\n\
description: Extracts tables from PDF files. Use when a PDF is attached.\n\
---\n\
# PDF\n\
\n\
<!-- skillsmith-disable-next-line SK700 -- the user fills this in -->\n\
- Owner: [Insert your name]\n\
- Reviewer: [Insert a name]\n\
\n\
<!-- skillsmith-disable placeholder, table-cell-count -->\n\
| a | b |\n\
|---|---|\n\
| 1 |\n\
TODO: inside the range\n\
<!-- skillsmith-enable placeholder, table-cell-count -->\n\
\n\
TODO: after the range\n\
\n\
<!-- skillsmith-disable-next-line vague-advice, SK700 -->\n\
Nothing to hide here.\n\
<!-- skillsmith-disable-next-line SK7O0 -->\n";
    write(root, "skills/pdf/SKILL.md", text);
    let found: Vec<(u32, String)> = findings(root, &[]).into_iter().map(|(_, line, code)| (line, code)).collect();
    assert_eq!(
        found,
        [
            (9, "SK700".to_string()),  // the next line after the directive is hidden, this one is not
            (18, "SK700".to_string()), // after the range
            (20, "SK900".to_string()), // SK700 matched nothing on line 21 (vague-advice did not run: not a decision skill)
            (22, "SK901".to_string()), // unknown rule, with a suggestion
        ]
    );
}

#[test]
fn file_and_frontmatter_directives_cover_repository_rules_too() {
    let repo = repo();
    let root = repo.path();
    // duplicate-name reports each skill sharing the name, so both carry the directive.
    let first = "---\nname: pdf # skillsmith-disable-line SK600 -- the original\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\n---\n# PDF\n";
    let second = "---\nname: pdf # skillsmith-disable-line duplicate-name -- the fork keeps the name\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\n---\n# PDF\n\nTODO: one\n<!-- skillsmith-disable-file SK700 -->\n";
    // Two folders named `pdf` in one plugin, grouped by category: one install unit.
    write(root, "plugins/docs/skills/a/pdf/SKILL.md", first);
    write(root, "plugins/docs/skills/b/pdf/SKILL.md", second);
    assert_eq!(findings(root, &[]), [], "the duplicate name and the placeholder are suppressed");
    write(root, "plugins/docs/skills/b/pdf/SKILL.md", &second.replace("name: pdf #", "name: pdf-fork #"));
    let found = findings(root, &["--ignore", "name-dir-mismatch"]);
    assert_eq!(
        found,
        [
            ("plugins/docs/skills/a/pdf/SKILL.md".to_string(), 2, "SK900".to_string()),
            ("plugins/docs/skills/b/pdf/SKILL.md".to_string(), 2, "SK900".to_string())
        ],
        "once the names differ, both are unused"
    );
    let quiet = findings(root, &["--ignore", "duplicate-name,name-dir-mismatch"]);
    assert_eq!(quiet, [], "a suppression of a rule that did not run is not unused");
}
