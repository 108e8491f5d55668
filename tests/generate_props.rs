//! Property: any complete spec the generator accepts, for any built-in template, renders to a
//! SKILL.md whose frontmatter reads back to the spec's (quotes, `: ` and `#` included), whose
//! body holds every title the spec gives, and which lints with no error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proptest::prelude::*;
use proptest::sample::select;

use skillsmith::Skill;
use skillsmith::generate::render::render;
use skillsmith::generate::spec::*;
use skillsmith::generate::templates::Templates;
use skillsmith::lint::rules::content::placeholder::placeholders;
use skillsmith::lint::{MemoryFs, Settings, Severity, Target, check_skill};
use skillsmith::yaml::{self, Located};

fn located<T>(value: T) -> Located<T> {
    Located::new(value)
}

/// True when `text` holds no template placeholder (`TBD`, `TODO:`, `{{ x }}`...): a spec that
/// does renders a SKILL.md the linter rightly rejects, as every scaffold does until filled.
fn filled(text: &str) -> bool {
    placeholders(text).next().is_none()
}

/// One line of prose: letters first, then anything Markdown shows as typed.
fn prose() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,.:;'\"#()?!%/+=-]{0,40}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("filled", |s| filled(s))
}

/// A heading title that reads back unchanged.
fn title() -> impl Strategy<Value = String> {
    "[A-Z][a-z0-9]{1,8}( [a-z0-9:,?'()\"-]{1,8}){0,3}"
}

/// Any text a frontmatter value may hold: quotes, `: `, `#`, backslashes, non-ASCII, new lines.
fn any_text() -> impl Strategy<Value = String> {
    "[ -~éß中\u{1F600}\n]{1,160}"
        .prop_filter("not blank", |s| !s.trim().is_empty())
        .prop_filter("filled", |s| filled(s))
}

fn frontmatter(kind: Option<&'static str>) -> impl Strategy<Value = Frontmatter> {
    let name = "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}"
        .prop_filter("no reserved word", |n: &String| !n.contains("claude") && !n.contains("anthropic"));
    let metadata = prop::collection::btree_map("[a-z]{1,8}", prop_oneof![any_text(), "[0-9.]{1,4}"], 0..3);
    (
        name,
        any_text(),
        prop::option::of(any_text()),
        prop::option::of(select(vec!["Read", "Bash(git:*) Read Grep"])),
        prop::option::of(any::<bool>()),
        prop::option::of(prose()),
        metadata,
    )
        .prop_map(move |(name, description, license, tools, invocation, hint, mut metadata)| {
            if let Some(kind) = kind {
                metadata.insert("kind".to_string(), kind.to_string());
            }
            Frontmatter {
                name: located(name),
                description: located(description),
                license,
                allowed_tools: tools.map(str::to_string),
                disable_model_invocation: invocation,
                argument_hint: hint,
                metadata,
                ..Frontmatter::default()
            }
        })
}

fn part<T: std::fmt::Debug>(items: impl Strategy<Value = Vec<T>>) -> impl Strategy<Value = Option<Located<Part<T>>>> {
    (prop::option::of(title()), prop::option::of(prose()), items).prop_map(|(title, intro, items)| {
        Some(located(Part { title, intro, items: items.into_iter().map(located).collect(), in_body: None }))
    })
}

fn prose_list(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prose(), n)
}

fn blocks() -> impl Strategy<Value = Vec<Located<Block>>> {
    let block = prop_oneof![
        prose().prop_map(Block::Text),
        prose_list(1..3).prop_map(Block::List),
        prose_list(1..3).prop_map(Block::Steps),
        prose_list(1..3).prop_map(Block::Checklist),
        (prose_list(1..3), prose()).prop_map(|(columns, cell)| {
            let row = vec![format!("{cell} | piped"); columns.len()];
            Block::Table(Table { columns, rows: vec![located(row)] })
        }),
        (prose(), prop::option::of("[a-z]{1,5}")).prop_map(|(code, lang)| Block::Code(CodeBlock { lang, code })),
    ];
    prop::collection::vec(block.prop_map(located), 1..3)
}

/// Free sections with distinct titles (prefixed so they never repeat a template heading),
/// placed after one of `slots`, with sub-sections.
fn sections(slots: &'static [Slot]) -> impl Strategy<Value = Vec<Located<Section>>> {
    let sub = (title(), blocks()).prop_map(|(t, content)| (t, content));
    prop::collection::vec((title(), select(slots), blocks(), prop::collection::vec(sub, 0..2)), 0..3).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(i, (t, after, content, subs))| {
                let sections = subs
                    .into_iter()
                    .enumerate()
                    .map(|(j, (t, content))| {
                        located(Section {
                            title: located(format!("Part {j} {t}")),
                            after: None,
                            content,
                            sections: vec![],
                        })
                    })
                    .collect();
                located(Section {
                    title: located(format!("Note {i} {t}")),
                    after: Some(located(after)),
                    content,
                    sections,
                })
            })
            .collect()
    })
}

fn examples() -> impl Strategy<Value = Option<Located<Part<Example>>>> {
    part(prop::collection::vec(
        (title(), prose(), prose_list(0..3), prose()).prop_map(|(title, situation, analysis, outcome)| Example {
            title,
            situation,
            analysis,
            outcome,
        }),
        1..3,
    ))
}

fn base(template: &str, frontmatter: Frontmatter, title: String, summary: Option<String>) -> Spec {
    Spec {
        spec_version: located(SPEC_VERSION),
        template: located(template.to_string()),
        frontmatter,
        title: located(title),
        summary,
        when_to_use: None,
        do_not_use: None,
        facts: None,
        criteria: None,
        flow: None,
        selections: None,
        trade_offs: None,
        calculations: None,
        checklists: vec![],
        use_case: None,
        steps: None,
        red_flags: None,
        green_lights: None,
        pitfalls: None,
        examples: None,
        test_cases: None,
        sections: vec![],
    }
}

fn minimal_spec() -> impl Strategy<Value = Spec> {
    (
        frontmatter(None),
        title(),
        prop::option::of(prose()),
        part(prose_list(1..3)),
        sections(&[Slot::Start, Slot::WhenToUse, Slot::End]),
    )
        .prop_map(|(front, title, summary, when, sections)| Spec {
            when_to_use: when,
            sections,
            ..base("minimal", front, title, summary)
        })
}

fn procedural_spec() -> impl Strategy<Value = Spec> {
    let steps = part(prop::collection::vec(
        (prose(), prop::option::of(prose())).prop_map(|(step, detail)| Step { step, detail }),
        1..4,
    ));
    let checklist = (title(), prose_list(1..3)).prop_map(|(title, items)| {
        let items = items
            .into_iter()
            .map(|item| located(ChecklistItem { item, min: None, max: None, unit: None, detail: None, range: None }))
            .collect();
        located(Checklist { title: format!("Check {title}"), intro: None, items })
    });
    let pitfalls = part(prop::collection::vec(
        (prose(), prop::option::of(prose()), prose()).prop_map(|(pitfall, why, instead)| Pitfall {
            pitfall,
            why,
            instead,
        }),
        1..3,
    ));
    (
        frontmatter(None),
        title(),
        part(prose_list(1..3)),
        steps,
        checklist,
        examples(),
        pitfalls,
        sections(&[Slot::Steps, Slot::Pitfalls, Slot::End]),
    )
        .prop_map(|(front, title, when, steps, checklist, examples, pitfalls, sections)| Spec {
            when_to_use: when,
            steps,
            checklists: vec![checklist],
            examples,
            pitfalls,
            sections,
            ..base("procedural", front, title, None)
        })
}

fn decision_spec() -> impl Strategy<Value = Spec> {
    let thresholds = (1u32..100, 1u32..50, 1u32..50);
    let criteria = prop::collection::vec((title(), prose(), prose(), any::<bool>()), 1..4);
    let flags =
        prop::collection::vec((prose(), prose(), prose(), prop_oneof![Just(None), Just(Some(Outcome::NoGo))]), 1..3);
    (
        frontmatter(Some("decision")),
        title(),
        (part(prose_list(1..3)), part(prose_list(1..2))),
        (thresholds, criteria),
        part(prop::collection::vec(prose().prop_map(|step| Step { step, detail: None }), 1..4)),
        flags,
        examples(),
        sections(&[Slot::Start, Slot::Criteria, Slot::Calculations, Slot::RedFlags, Slot::End]),
    )
        .prop_map(|(front, title, (when, dont), ((low, gap, high), criteria), flow, flags, examples, sections)| {
            let fact = |name: &str| Fact {
                name: located(name.to_string()),
                kind: FactType::Number,
                unit: Some("units".into()),
                options: vec![],
                question: "How many?".into(),
                min: None,
                max: None,
                default: None,
            };
            let criteria = criteria
                .into_iter()
                .enumerate()
                .map(|(i, (name, question, red_flag, checked))| Criterion {
                    name: format!("{name} {i}"),
                    question,
                    check: checked.then(|| located(format!("amount >= {low}"))),
                    red_flag,
                    if_not: "Fix it first".into(),
                    outcome: Outcome::Revisit,
                })
                .map(located)
                .collect();
            let band_row = |below: Option<f64>, up_to: Option<f64>, label: &str| BandRow {
                below,
                up_to,
                label: label.into(),
                meaning: format!("{label} it is"),
                outcome: None,
                unless: None,
                range: String::new(),
            };
            let calculations = Calculations {
                title: None,
                intro: None,
                formulas: vec![located(Formula {
                    name: located("doubled".into()),
                    title: "Doubled".into(),
                    expr: located("amount * 2".into()),
                    unit: None,
                    explain: None,
                    requires: None,
                    otherwise: None,
                    outcome: None,
                    in_body: None,
                })],
                bands: vec![located(Band {
                    name: located("size".into()),
                    title: "Size band".into(),
                    intro: None,
                    banded: located("doubled".into()),
                    unit: None,
                    rows: vec![
                        located(band_row(Some(f64::from(gap)), None, "Small")),
                        located(band_row(None, Some(f64::from(gap + high)), "Medium")),
                        located(band_row(None, None, "Large")),
                    ],
                    also: vec![],
                })],
            };
            let selection = Selection {
                name: located("pick".into()),
                title: "Pick one".into(),
                intro: None,
                columns: vec!["When".into(), "Choice".into()],
                result: located("Choice".into()),
                rows: vec![
                    located(SelectionRow {
                        when: Some(located(format!("amount < {low}"))),
                        cells: vec!["Few".into(), "A".into()],
                    }),
                    located(SelectionRow { when: None, cells: vec!["Many".into(), "B".into()] }),
                ],
                verdict: false,
                in_body: None,
            };
            let red_flags = flags
                .into_iter()
                .enumerate()
                .map(|(i, (signal, why, instead, outcome))| RedFlag {
                    id: located(format!("flag-{i}")),
                    signal,
                    phrases: vec![],
                    when: None,
                    why,
                    instead,
                    outcome,
                })
                .map(located)
                .collect();
            let test_cases = (0..3)
                .map(|i| TestCase {
                    title: format!("Case {i}"),
                    scenario: "A scenario".into(),
                    apply: vec![],
                    facts: BTreeMap::from([(
                        "amount".to_string(),
                        located(FactValue::Number(f64::from(low) + f64::from(i))),
                    )]),
                    statements: vec![],
                    expect: Some(located(Expectation { outcome: Some(ExpectedOutcome::Go), ..Expectation::default() })),
                    expected: "Proceed".into(),
                })
                .map(located)
                .collect();
            Spec {
                when_to_use: when,
                do_not_use: dont,
                facts: Some(located(Part {
                    title: None,
                    intro: None,
                    items: vec![located(fact("amount"))],
                    in_body: None,
                })),
                criteria: Some(located(Part { title: None, intro: None, items: criteria, in_body: None })),
                flow,
                selections: Some(located(Part {
                    title: None,
                    intro: None,
                    items: vec![located(selection)],
                    in_body: None,
                })),
                trade_offs: Some(located(TradeOffs {
                    title: None,
                    intro: None,
                    table: None,
                    options: vec![located(TradeOff {
                        choice: "A".into(),
                        gains: "Speed".into(),
                        costs: "Money".into(),
                    })],
                })),
                calculations: Some(located(calculations)),
                red_flags: Some(located(Part { title: None, intro: None, items: red_flags, in_body: None })),
                green_lights: Some(located(Part {
                    title: None,
                    intro: None,
                    items: vec![located(GreenLight {
                        id: located("enough".into()),
                        signal: "Enough".into(),
                        meaning: "There is enough".into(),
                        check: Some(located(format!("amount >= {low}"))),
                        phrases: vec![],
                    })],

                    in_body: None,
                })),
                examples,
                test_cases: Some(located(Part { title: None, intro: None, items: test_cases, in_body: None })),
                sections,
                ..base("decision", front, title, Some("Decides.".into()))
            }
        })
}

/// Every heading title the spec itself gives.
fn spec_titles(spec: &Spec) -> BTreeSet<String> {
    fn walk(sections: &[Located<Section>], out: &mut BTreeSet<String>) {
        for section in sections {
            out.insert(section.title.value.clone());
            walk(&section.sections, out);
        }
    }
    let mut out = BTreeSet::from([spec.title.value.clone()]);
    walk(&spec.sections, &mut out);
    for part in [&spec.when_to_use, &spec.do_not_use].into_iter().flatten() {
        out.extend(part.title.clone());
    }
    for example in spec.examples.iter().flat_map(|p| &p.items) {
        out.insert(example.title.clone());
    }
    out.extend(spec.checklists.iter().map(|c| c.title.clone()));
    out.extend(spec.selections.iter().flat_map(|p| &p.items).map(|s| s.title.clone()));
    out
}

fn check_round_trip(mut spec: Spec) -> Result<(), TestCaseError> {
    let rules = TemplateRules::builtin(&spec.template).unwrap();
    let errors = validate(&mut spec, &rules);
    prop_assert!(errors.is_empty(), "the strategy made an invalid spec: {errors:?}");
    let text = render(&spec, &Templates::builtin(), "skill.yaml", "").unwrap();
    let skill = Skill::parse(Path::new(spec.name()).join("SKILL.md"), text.clone().into_bytes());

    let yaml_text = skill.split.yaml.text(skill.text());
    let back: Frontmatter = yaml::from_str(yaml_text, "SKILL.md").unwrap();
    prop_assert_eq!(&back, &spec.frontmatter);
    prop_assert_eq!(skill.frontmatter.name().map(|n| n.value.to_string()), Some(spec.frontmatter.name.value.clone()));
    prop_assert_eq!(
        skill.frontmatter.description().map(|d| d.value.to_string()),
        Some(spec.frontmatter.description.value.clone())
    );

    let rendered: BTreeSet<String> = skill.body.sections.iter().map(|s| s.title.clone()).collect();
    for title in spec_titles(&spec) {
        prop_assert!(rendered.contains(&title), "`{title}` is not a heading of\n{text}");
    }
    let errors: Vec<String> = check_skill(&skill, &Settings::new(Target::ClaudeCode), &MemoryFs::default())
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.rule.code, d.message))
        .collect();
    prop_assert!(errors.is_empty(), "{errors:?}\n{text}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn minimal_specs_round_trip(spec in minimal_spec()) {
        check_round_trip(spec)?;
    }

    #[test]
    fn procedural_specs_round_trip(spec in procedural_spec()) {
        check_round_trip(spec)?;
    }

    #[test]
    fn decision_specs_round_trip(spec in decision_spec()) {
        check_round_trip(spec)?;
    }
}
