use crate::declare_rule;
use crate::lint::rule::{Levels, Rule, RuleMeta};
use crate::lint::{Checker, Level};
use crate::skill::{FrontmatterError, Span};
use crate::yaml::YamlErrorKind;

declare_rule! {
    /// ## What it does
    /// Reports that one of skillsmith's limits on hostile or broken input was reached, so
    /// part of the file was not read: a file over the size limit (its body is not linted),
    /// or frontmatter YAML over the size, nesting or alias-expansion limits (it is not read).
    ///
    /// ## Why is this bad?
    /// No real skill comes near these limits; a file that does is generated, corrupt or
    /// made to hurt. The limits keep one file from stalling a whole run, and this finding
    /// makes sure nothing is skipped silently.
    ///
    /// **Level.** Error on every target: part of the file was not read, so nothing can be said about what
    /// loads.
    ///
    /// ## Example
    /// A frontmatter whose aliases expand a few lines into millions of nodes ("billion
    /// laughs") stops at 100,000 nodes with this error.
    pub struct LimitReached {
        code: "SK009",
        name: "limit-reached",
        group: File,
        summary: "A size, nesting or expansion limit was reached; part of the file was not read",
        levels: Levels::all(Level::Error),
        fixable: No,
        source: "skillsmith",
    }
}

impl Rule for LimitReached {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if let Some(size) = cx.skill.oversize {
            cx.report(Span::empty(0), format!("the file is {size} bytes, over the limit; its body was not linted"))
                .help("a SKILL.md should stay under 500 lines; move long material into reference files");
        }
        if let Some(FrontmatterError::Yaml(err)) = &cx.skill.frontmatter.error
            && err.kind == YamlErrorKind::Limit
        {
            let message = err.message.clone();
            cx.report(Span::empty(err.offset), message);
        }
    }
}
