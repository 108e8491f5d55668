//! The reference validator's checks (FACTS section 1), one test each, on the `spec` target;
//! and its known defect, which skillsmith does not share.

use std::sync::Arc;

use skillsmith::Skill;
use skillsmith::lint::{MemoryFs, Settings, Severity, Target, check_skill};

/// Lints `frontmatter` (between fences) in folder `dir` on the spec target; returns the
/// names of the rules that found errors, and of those that warned.
fn spec(dir: &str, frontmatter: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let text = format!("---\n{frontmatter}---\n# Body\n");
    let skill = Skill::parse(format!("skills/{dir}/SKILL.md"), text.into_bytes());
    let settings = Arc::new(Settings::new(Target::Spec));
    let found = check_skill(&skill, &settings, &MemoryFs::new());
    let of = |s: Severity| found.iter().filter(|d| d.severity == s).map(|d| d.rule.name).collect();
    (of(Severity::Error), of(Severity::Warning))
}

const OK: &str = "description: Reads PDFs. Use when a PDF is attached.\n";

#[test]
fn a_valid_skill_passes() {
    assert_eq!(spec("pdf", &format!("name: pdf\n{OK}")).0, Vec::<&str>::new());
}

#[test]
fn unknown_keys_are_errors() {
    assert_eq!(spec("pdf", &format!("name: pdf\n{OK}author: me\n")).0, ["unknown-key"]);
}

#[test]
fn name_is_required_and_not_empty() {
    assert_eq!(spec("pdf", OK).0, ["name-missing"]);
    assert_eq!(spec("pdf", &format!("name: ''\n{OK}")).0, ["name-missing"]);
}

#[test]
fn name_is_at_most_64_characters_after_trim_and_nfkc() {
    let long = "a".repeat(65);
    assert!(spec(&long, &format!("name: {long}\n{OK}")).0.contains(&"name-invalid"));
    let exact = "a".repeat(64);
    assert_eq!(spec(&exact, &format!("name: '  {exact}  '\n{OK}")).0, Vec::<&str>::new());
}

#[test]
fn name_is_lowercase_with_single_inner_hyphens() {
    for name in ["PDF", "-pdf", "pdf-", "pdf--forms"] {
        assert!(spec(name, &format!("name: '{name}'\n{OK}")).0.contains(&"name-invalid"), "{name}");
    }
}

#[test]
fn unicode_letters_and_digits_pass() {
    for name in ["数据处理", "обработка-pdf", "pdf2"] {
        assert_eq!(spec(name, &format!("name: {name}\n{OK}")).0, Vec::<&str>::new(), "{name}");
    }
}

#[test]
fn name_equals_the_nfkc_normalised_folder() {
    assert_eq!(spec("pdf", &format!("name: pdf-tools\n{OK}")).0, ["name-dir-mismatch"]);
    assert_eq!(spec("pdf", &format!("name: ｐｄｆ\n{OK}")).0, Vec::<&str>::new());
}

#[test]
fn description_is_required_not_empty_and_at_most_1024() {
    assert_eq!(spec("pdf", "name: pdf\n").0, ["description-missing"]);
    assert_eq!(spec("pdf", "name: pdf\ndescription: '   '\n").0, ["description-missing"]);
    let long = format!("Use when {}", "x".repeat(1020));
    assert_eq!(spec("pdf", &format!("name: pdf\ndescription: {long}\n")).0, ["description-too-long"]);
}

#[test]
fn compatibility_is_at_most_500() {
    let (errors, _) = spec("pdf", &format!("name: pdf\n{OK}compatibility: {}\n", "c".repeat(501)));
    assert_eq!(errors, ["compatibility-too-long"]);
}

#[test]
fn every_scalar_is_text_with_a_warning_to_quote() {
    let (errors, warnings) = spec("123", &format!("name: 123\n{OK}"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(warnings, ["scalar-not-string"]);
}

#[test]
fn flow_style_is_an_error_on_spec_as_the_reference_validator_refuses_it() {
    let (errors, _) = spec("pdf", &format!("name: pdf\n{OK}metadata: {{owner: docs}}\n"));
    assert_eq!(errors, ["flow-style"]);
}

#[test]
fn duplicate_keys_are_errors() {
    assert_eq!(spec("pdf", &format!("name: pdf\n{OK}name: pdf\n")).0, ["duplicate-key"]);
}

#[test]
fn lowercase_skill_md_is_an_error_here_though_the_reference_accepts_it() {
    let skill = Skill::parse("skills/pdf/skill.md", format!("---\nname: pdf\n{OK}---\n").into_bytes());
    let found = check_skill(&skill, &Settings::new(Target::Spec), &MemoryFs::new());
    let errors: Vec<_> = found.iter().filter(|d| d.severity == Severity::Error).map(|d| d.rule.name).collect();
    assert_eq!(errors, ["skill-file-name"]);
}

#[test]
fn the_frontmatter_ends_only_at_a_whole_line_unlike_the_reference() {
    let skill = Skill::parse(
        "skills/pdf/SKILL.md",
        b"---\nname: pdf\ndescription: Reads a --- b. Use when asked.\n---\n".to_vec(),
    );
    assert_eq!(skill.frontmatter.description().unwrap().value, "Reads a --- b. Use when asked.");
}
