use crate::activation::similarity::{COMPETING_THRESHOLD, competing_with};
use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{CrossChecker, Level};

use super::by_unit;

declare_rule! {
    /// ## What it does
    /// Compares the listing entries (description plus `when_to_use`, as Claude Code lists
    /// them) of the skills of one install unit and reports each pair so alike that one
    /// request fits both: the cosine similarity of their weighted term vectors (the model of
    /// `skillsmith activation`: stemmed words, stop words out, quoted triggers, the "Use
    /// when" clause and the name weighted up, words every skill says weighted down) is at
    /// least 0.33, a threshold measured on 516 real skills. Names both, with the terms they
    /// share. A pair is already told apart, and not reported, when one entry names the other
    /// ("for IBM hardware use qiskit"), or when each skill's name holds a product its entry
    /// writes with a capital and the other's never says (`paypal-integration` beside
    /// `stripe-integration`: a request names the vendor). Skills with
    /// `disable-model-invocation: true` are not listed, so not compared.
    ///
    /// ## Why is this bad?
    /// The model picks one skill per request from the listing. Two entries that say the
    /// same thing split the requests between them unpredictably, or one always wins and the
    /// other never triggers; nothing fails, it just serves worse, so this is a warning.
    ///
    /// **Level.** Warning: both skills load, but the model may wake the wrong one, which serves the agent worse.
    /// Info when the two do not both say when to use them ("Use when ...") with words in
    /// common: alike in what they do, but the clause the model matches requests against does
    /// not overlap (a grant-writing skill beside a catalogue of venue templates that also
    /// lists grant formats).
    ///
    /// ## Example
    /// `pdf-tools`: "Fill PDF forms, merge and split PDFs" beside `pdf-forms`: "Fill PDF
    /// forms and flatten fields": say in `pdf-tools` that form filling is `pdf-forms`'s job,
    /// or what each does that the other does not.
    pub struct CompetingSkills {
        code: "SK602",
        name: "competing-skills",
        group: Repository,
        summary: "Two skills' listing entries compete for the same requests",
        levels: Levels::all(Level::Warning),
        fixable: No,
        source: "Claude Code skills documentation (skill selection from the listing)",
    }
}

impl Rule for CompetingSkills {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_all(&self, cx: &mut CrossChecker<'_>) {
        for members in by_unit(cx.skills) {
            let listed: Vec<usize> = members.into_iter().filter(|&i| !cx.skills[i].entry.left_out).collect();
            let entries: Vec<(&str, &str)> =
                listed.iter().map(|&i| (cx.skills[i].entry.name.as_str(), cx.skills[i].entry.listed_text())).collect();
            let mut found = Vec::new();
            for pair in competing_with(&entries, COMPETING_THRESHOLD, |i| cx.skills[listed[i]].linted) {
                for (me, other) in [(listed[pair.a], listed[pair.b]), (listed[pair.b], listed[pair.a])] {
                    found.push((me, other, pair.similarity, pair.shared.clone(), pair.triggers_overlap));
                }
            }
            found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            for (me, other, similarity, shared, triggers_overlap) in found {
                let (mine, theirs) = (&cx.skills[me], &cx.skills[other]);
                let mut message = format!(
                    "`{}` competes with `{}` ({}:{}) for the same requests (similarity {similarity:.2}; both say {})",
                    mine.entry.name,
                    theirs.entry.name,
                    theirs.path.display(),
                    theirs.name_line,
                    shared.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", ")
                );
                if !triggers_overlap {
                    message.push_str("; what they do overlaps, not when to use them");
                }
                let help = format!(
                    "say what `{}` does that `{}` does not (and which one a shared request belongs to), in the description",
                    mine.entry.name, theirs.entry.name
                );
                let span = mine.description_span;
                let finding = cx.report(me, span, message).help(help);
                if !triggers_overlap {
                    finding.milder();
                }
            }
        }
    }
}
