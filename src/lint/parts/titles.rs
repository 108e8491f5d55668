//! The words that name each part: heading phrases, paragraph openings, header words.
//! Phrases are normalised (see [`crate::text::words::normalize`]); a trailing `*` matches
//! any word starting so.

/// Heading phrases that name a "when to use" section.
#[rustfmt::skip]
pub const WHEN_TO_USE_TITLES: &[&str] = &[
    "when to use", "when to apply", "when to activate", "when to invoke", "when to trigger", "when to reach for",
    "use case*", "trigger*", "activation*", "use this skill when", "use this skill for", "when this skill applies",
    "when should", "applicability",
];

/// Paragraph openings that say when to use the skill.
#[rustfmt::skip]
pub const WHEN_TO_USE_LEADS: &[&str] = &[
    "when to use", "use this skill when", "use this skill for", "use this skill to", "use when", "use it when",
    "invoke this skill when", "invoke when", "use this when", "triggers", "trigger when",
];

/// Phrases that say when to use the skill wherever they stand in a paragraph.
#[rustfmt::skip]
pub const WHEN_TO_USE_ANYWHERE: &[&str] = &[
    "use this skill when", "use this skill before", "use this skill after", "use this skill for",
    "this skill should be used", "invoke this skill",
];

/// Heading phrases that name a do-not-use scope.
#[rustfmt::skip]
pub const SCOPE_TITLES: &[&str] = &[
    "when not to use", "do not use", "dont use", "not use", "not for", "out of scope", "non goals",
    "when to avoid", "avoid when", "not suitable", "when to skip", "anti use case*", "scope", "limitations",
];

/// Openings of a paragraph or list item that state the do-not-use scope.
#[rustfmt::skip]
pub const SCOPE_LEADS: &[&str] = &[
    "do not use", "dont use", "not for", "not suitable", "not intended", "not designed", "avoid using",
    "skip this skill", "this skill is not", "out of scope", "when not to use", "never use",
];

/// Whole titles that name a test-case section.
#[rustfmt::skip]
pub const TEST_TITLES_EXACT: &[&str] = &[
    "tests", "testing", "evaluation", "evaluations", "evals",
];

/// Words that show an example or test states its outcome.
#[rustfmt::skip]
pub const OUTCOME_WORDS: &[&str] = &[
    "outcome*", "result*", "decision", "decide*", "recommend*", "chose", "choose*", "chosen", "pick*", "verdict",
    "conclusion", "expected", "expect*", "should",
];

/// Words that show a step of a list branches on an answer.
#[rustfmt::skip]
pub const BRANCH_WORDS: &[&str] = &[
    "if", "yes", "no", "then", "otherwise", "else", "unless", "when",
];

/// Heading phrases that name a trade-offs section.
#[rustfmt::skip]
pub const TRADE_OFF_TITLES: &[&str] = &[
    "trade off*", "tradeoff*", "pros and cons", "pros cons", "costs and benefits", "benefits and costs",
    "advantages and disadvantages", "strengths and weaknesses", "gains and costs", "what you gain",
    "what you lose",
];

/// Words in a table header that name what an option gains.
#[rustfmt::skip]
pub const GAIN_WORDS: &[&str] = &[
    "pro", "pros", "gain*", "advantage*", "benefit*", "strength*", "upside*", "wins", "best for", "good for",
];

/// Words in a table header that name what an option costs.
#[rustfmt::skip]
pub const COST_WORDS: &[&str] = &[
    "con", "cons", "cost*", "disadvantage*", "drawback*", "weakness*", "downside*", "lose*", "price",
    "limitation*", "caveat*", "avoid when", "not for", "give up", "gives up", "sacrifice*", "you pay",
];

/// Heading phrases that name a red-flags section.
#[rustfmt::skip]
pub const RED_FLAG_TITLES: &[&str] = &[
    "red flag*", "anti pattern*", "antipattern*", "warning sign*", "stop sign*", "pitfall*", "mistake*", "gotcha*",
    "never do", "donts", "what not to do", "things to avoid", "wrong path", "stop and reconsider",
];

/// Heading phrases that name a green-lights section.
#[rustfmt::skip]
pub const GREEN_LIGHT_TITLES: &[&str] = &[
    "green light*", "green flag*", "proceed*", "go signal*", "good sign*", "go criteria", "signals to go",
];

/// Heading phrases that name both go and no-go conditions ("Go/no-go criteria"), which
/// "go criteria" would otherwise take for green lights.
#[rustfmt::skip]
pub const NOT_GREEN_LIGHT_TITLES: &[&str] = &[
    "no go",
];

/// Heading phrases that name an examples section.
#[rustfmt::skip]
pub const EXAMPLE_TITLES: &[&str] = &[
    "example*", "worked example*", "case stud*", "walkthrough*", "walk through", "sample*", "in practice",
];

/// Heading phrases that name a test-case section.
#[rustfmt::skip]
pub const TEST_TITLES: &[&str] = &[
    "test case*", "test scenario*", "scenario*", "testing this skill", "testing the skill", "testing your skill",
    "skill tests", "evaluation scenario*", "eval case*", "acceptance test*",
];

/// Heading phrases that name a decision-flow section.
#[rustfmt::skip]
pub const FLOW_TITLES: &[&str] = &[
    "decision tree", "decision flow", "flowchart", "flow chart", "decision process", "how to decide",
    "decision guide",
];

/// Words in a table header that name the criteria a decision rests on.
#[rustfmt::skip]
pub const CRITERIA_HEADERS: &[&str] = &[
    "criterion", "criteria",
];
