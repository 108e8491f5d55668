//! The generator's round trip: any description and licence text, written into a spec's
//! frontmatter by the YAML serializer and rendered, reads back unchanged through the linter's
//! own parser, and the rendered file has no YAML error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillsmith::Skill;
use skillsmith::generate::load::parse_spec;
use skillsmith::generate::render::render;
use skillsmith::generate::templates::Templates;

const SPEC: &str = include_str!("../../tests/fixtures/generate/minimal/writing-commit-messages/skill.yaml");

fuzz_target!(|input: (String, String)| {
    let (description, license) = input;
    if description.trim().is_empty() || description.contains('\0') || license.contains('\0') {
        return;
    }
    let templates = Templates::builtin();
    let Ok(mut spec) = parse_spec(SPEC, "writing-commit-messages/skill.yaml", &templates) else { panic!("the fixture spec loads") };
    spec.frontmatter.description = skillsmith::yaml::Located::new(description.clone());
    spec.frontmatter.license = (!license.is_empty()).then(|| license.clone());
    let Ok(text) = render(&spec, &templates, "skill.yaml", SPEC) else { return };
    let skill = Skill::parse("writing-commit-messages/SKILL.md", text.into_bytes());
    assert!(skill.frontmatter.is_usable(), "rendered frontmatter unreadable: {:?}", skill.frontmatter.error);
    assert_eq!(skill.frontmatter.description().map(|d| d.value), Some(description.as_str()));
    if !license.is_empty() {
        assert_eq!(skill.frontmatter.str_field("license").map(|d| d.value), Some(license.as_str()));
    }
});
