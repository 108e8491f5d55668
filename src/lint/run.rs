//! A whole lint run: discover the files, read and lint each once (in parallel), run the
//! repository rules over compact summaries, and return findings in path order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::discover::{self, Candidate, Discovered, UnitResolver};
use crate::skill::{ParseLimits, Skill};

use super::cross::SkillSummary;
use super::diagnostic::Severity;
use super::engine::{check_all, check_file};
use super::finding::{FileResult, Finding, locate};
use super::fs::{FileSystem, FsCache};
use super::registry::rules;
use super::rule::Group;
use super::rules::file::io_error::IoError;
use super::settings::Settings;
use super::suppress::Suppressions;

/// Gives each file its settings (from the nearest config, once configs exist) and the run
/// its repository-wide settings.
pub trait SettingsProvider: Sync {
    /// The settings for the file at `path`.
    fn settings_for(&self, path: &Path) -> Arc<Settings>;

    /// The settings for the repository rules, which see all files at once.
    fn run_settings(&self) -> Arc<Settings>;
}

/// The same settings for every file.
#[derive(Clone, Debug)]
pub struct Uniform(pub Arc<Settings>);

impl SettingsProvider for Uniform {
    fn settings_for(&self, _path: &Path) -> Arc<Settings> {
        self.0.clone()
    }

    fn run_settings(&self) -> Arc<Settings> {
        self.0.clone()
    }
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct LintRun {
    /// Every file linted or that failed to read, in path order, findings sorted.
    pub files: Vec<FileResult>,
    /// How many skill files were read and linted.
    pub skills: usize,
}

impl LintRun {
    /// True when some path could not be read (exit code 2).
    pub fn has_io_errors(&self) -> bool {
        self.files.iter().flat_map(|f| &f.findings).any(|f| f.rule.code == IoError::META.code)
    }

    /// Count of findings at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.files.iter().flat_map(|f| &f.findings).filter(|f| f.severity == severity).count()
    }
}

/// How to read files.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Limits on each file.
    pub limits: ParseLimits,
}

/// Lints the skills found under `paths`.
pub fn lint_paths(
    paths: &[PathBuf],
    settings: &dyn SettingsProvider,
    fs: &dyn FileSystem,
    options: RunOptions,
) -> LintRun {
    lint_discovered(discover::discover(paths), settings, fs, options)
}

/// Lints already discovered files.
pub fn lint_discovered(
    found: Discovered,
    settings: &dyn SettingsProvider,
    fs: &dyn FileSystem,
    options: RunOptions,
) -> LintRun {
    lint_discovered_with(found, settings, options, &|candidate, units| {
        lint_candidate(candidate, settings, fs, options, units)
    })
}

/// How one discovered skill file is read and linted on its own (watch mode answers from its
/// cache for the files that did not change).
pub type LintOne<'a> = dyn Fn(&Candidate, &UnitResolver) -> LintedFile + Sync + 'a;

/// [`lint_discovered`] with each skill file's single-file lint done by `lint_one`; the
/// repository rules, suppressions, manifests and packages are judged as `lint` judges them.
pub fn lint_discovered_with(
    found: Discovered,
    settings: &dyn SettingsProvider,
    options: RunOptions,
    lint_one: &LintOne<'_>,
) -> LintRun {
    let units = UnitResolver::new();
    let linted: Vec<LintedFile> = found.files.par_iter().map(|candidate| lint_one(candidate, &units)).collect();
    let mut skills = linted.iter().filter(|l| l.repository.is_some()).count();
    let run_settings = settings.run_settings();
    let context = if found.files_only && repository_rules_on(&run_settings) {
        let summaries: Vec<&SkillSummary> =
            linted.iter().filter_map(|l| l.repository.as_ref().map(|(s, _)| s)).collect();
        repository_context(&found.files, &summaries, options, &units)
    } else {
        Vec::new()
    };
    let mut files = with_repository_rules(linted, context, &run_settings);

    for problem in found.problems {
        files.push(FileResult { path: problem.path, findings: vec![io_finding(problem.message)], placement: None });
    }
    for manifest in &found.manifests {
        files.push(crate::manifest::check_manifest(manifest, &settings.settings_for(manifest)));
    }
    let packaged: Vec<(Vec<FileResult>, bool)> = found
        .packages
        .par_iter()
        .map(|package| crate::package::lint_package(package, &settings.settings_for(package), options.limits, &units))
        .collect();
    for (results, read) in packaged {
        skills += usize::from(read);
        files.extend(results);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for file in &mut files {
        file.sort();
    }
    LintRun { files, skills }
}

/// One file linted on its own: its findings so far, and (for a skill that could be read) what
/// the repository rules and the unused-suppression check still need.
#[derive(Clone, Debug)]
pub struct LintedFile {
    /// The file and its single-file findings.
    pub result: FileResult,
    /// The skill's summary and its suppressions; `None` when the file could not be read.
    pub repository: Option<(SkillSummary, Suppressions)>,
}

/// True when some repository rule is on in `run_settings`.
fn repository_rules_on(run_settings: &Settings) -> bool {
    rules()
        .iter()
        .enumerate()
        .any(|(index, rule)| rule.meta().group == Group::Repository && run_settings.level(index).severity().is_some())
}

/// Lints one modelled skill with its file's settings (no repository rule yet): the one step
/// `lint`, `lint --watch` and the language server share for each file. A command file gets
/// the command settings; a file that is not exact UTF-8 gets no fix.
pub fn lint_skill(skill: &Skill, settings: &Arc<Settings>, fs: &dyn FileSystem, units: &UnitResolver) -> LintedFile {
    let summary = SkillSummary::of(skill, units);
    let settings = if summary.placement.is_command { Arc::new(command_settings(settings)) } else { settings.clone() };
    let cached = FsCache::new(fs);
    let checked = check_file(skill, &settings, &cached);
    // A file that is not exact UTF-8 is never rewritten: its findings offer no fix.
    let exact = skill.source.is_exact();
    let mut findings: Vec<Finding> = checked
        .diagnostics
        .into_iter()
        .map(|d| locate(skill, d))
        .map(|mut finding: Finding| {
            if !exact {
                finding.fix = None;
            }
            finding
        })
        .collect();
    super::spec_origin::attach(skill, &cached, &mut findings);
    let placement = Some(summary.placement.clone());
    LintedFile {
        result: FileResult { path: skill.path.clone(), findings, placement },
        repository: Some((summary, checked.suppressions)),
    }
}

/// Finishes single-file results: runs the repository rules over their skills and `context`
/// (summaries of the repository's other skills, which get no findings here), applies each
/// file's suppressions to them and reports the suppressions that hid nothing. Files keep
/// their order; findings are not sorted.
pub fn with_repository_rules(
    linted: Vec<LintedFile>,
    context: Vec<SkillSummary>,
    run_settings: &Settings,
) -> Vec<FileResult> {
    let mut files = Vec::with_capacity(linted.len());
    let mut owners = Vec::new();
    let mut summaries = Vec::new();
    let mut suppressions: Vec<Suppressions> = Vec::new();
    for (index, file) in linted.into_iter().enumerate() {
        if let Some((summary, suppressed)) = file.repository {
            owners.push(index);
            summaries.push(summary);
            suppressions.push(suppressed);
        }
        files.push(file.result);
    }
    summaries.extend(context);
    for (index, rule) in rules().iter().enumerate() {
        if rule.meta().group == Group::Repository && run_settings.level(index).severity().is_some() {
            suppressions.iter_mut().for_each(|s| s.mark_ran(index));
        }
    }
    for (index, diagnostic) in check_all(&summaries, run_settings) {
        // Findings in the repository's other skills belong to runs that lint them.
        if index >= owners.len() {
            continue;
        }
        let summary = &summaries[index];
        let location = summary.location(diagnostic.span);
        if suppressions[index].suppresses(diagnostic.rule, location.start.line) {
            continue;
        }
        files[owners[index]].findings.push(Finding {
            rule: diagnostic.rule,
            severity: diagnostic.severity,
            message: diagnostic.message,
            help: diagnostic.help,
            location,
            fix: None,
            origin: None,
        });
    }
    for (index, suppressions) in suppressions.iter().enumerate() {
        files[owners[index]].findings.extend(suppressions.unused_findings());
    }
    files
}

/// Summaries of the other skills in the install units of the linted skills (their frontmatter
/// only), so repository rules give the same answer whether one file or all are linted. Only
/// those units' own folders are listed: the cost follows the work, not the repository.
fn repository_context(
    files: &[Candidate],
    linted: &[&SkillSummary],
    options: RunOptions,
    units: &UnitResolver,
) -> Vec<SkillSummary> {
    let mut wanted: Vec<&discover::InstallUnit> = linted.iter().map(|s| s.placement.unit.as_ref()).collect();
    wanted.sort();
    wanted.dedup();
    let mut members: Vec<PathBuf> = wanted.par_iter().flat_map_iter(|unit| unit.members(units)).collect();
    members.sort();
    members.dedup();
    let named: HashSet<PathBuf> = files.iter().map(|c| discover::unit::absolute_lexical(&c.path)).collect();
    members.retain(|path| !named.contains(path));
    if members.is_empty() {
        return Vec::new();
    }
    // Two names for one file (a symbolic link) are told apart only by the file's identity.
    let real_named: HashSet<crate::fsio::FileId> = files.iter().filter_map(|c| crate::fsio::file_id(&c.path)).collect();
    let cwd = std::env::current_dir().ok();
    // Only the frontmatter matters here: read the head of each file and skip the body.
    let head =
        ParseLimits { max_file_bytes: options.limits.yaml.max_bytes + 4096, model_body: false, ..options.limits };
    members
        .par_iter()
        .filter(|path| crate::fsio::file_id(path).is_some_and(|id| !real_named.contains(&id)))
        .map(|path| discover::candidate(path.clone()))
        .filter_map(|c| read_skill(&relative_to(&c, cwd.as_deref()), head).ok())
        .map(|skill| SkillSummary { linted: false, ..SkillSummary::of(&skill, units) })
        .collect()
}

/// The candidate with its path shown relative to the current folder `cwd` when it lies below it.
fn relative_to(candidate: &Candidate, cwd: Option<&Path>) -> Candidate {
    let mut shown = candidate.clone();
    if let Some(cwd) = cwd
        && let Ok(rel) = candidate.path.strip_prefix(cwd)
    {
        shown.path = rel.to_path_buf();
    }
    shown
}

/// Reads, models and lints one file; the text is dropped before returning, keeping what the
/// repository rules and the suppressions still need.
pub fn lint_candidate(
    candidate: &Candidate,
    settings: &dyn SettingsProvider,
    fs: &dyn FileSystem,
    options: RunOptions,
    units: &UnitResolver,
) -> LintedFile {
    let path = &candidate.path;
    match read_skill(candidate, options.limits) {
        Ok(skill) => lint_skill(&skill, &settings.settings_for(path), fs, units),
        Err(message) => {
            let placement = Some(units.place(path));
            LintedFile {
                result: FileResult { path: path.clone(), findings: vec![io_finding(message)], placement },
                repository: None,
            }
        }
    }
}

/// The settings for a command file: those of a skill without the rules about `name` and the
/// skill file's name, since Claude Code ignores `name` there and invokes the command by its
/// file name.
fn command_settings(settings: &Settings) -> Settings {
    let mut out = settings.clone();
    for (index, rule) in rules().iter().enumerate() {
        let meta = rule.meta();
        if meta.name.starts_with("name-") || meta.name == "skill-file-name" {
            out.set_level(index, super::diagnostic::Level::Off);
        }
    }
    out
}

/// Reads at most the size limit (plus what is needed to know it was passed) and models the
/// file.
pub fn read_skill(candidate: &Candidate, limits: ParseLimits) -> Result<Skill, String> {
    let path = &candidate.path;
    let cannot = |err: std::io::Error| format!("cannot read `{}`: {}", path.display(), discover::describe(&err));
    if std::fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(format!("`{}` is a folder, not a skill file", path.display()));
    }
    // Only a regular file is opened: a FIFO or a device would stall the run.
    let (file, meta) = crate::fsio::open_regular(path).map_err(cannot)?;
    let bytes = crate::fsio::read_up_to(&file, meta.len(), limits.max_file_bytes as u64 + 1).map_err(cannot)?;
    let skill = if bytes.len() > limits.max_file_bytes {
        // `stat` may under-report (a file still growing): never less than what was read.
        let size = (meta.len() as usize).max(bytes.len());
        Skill::parse_oversize(path.clone(), bytes, limits, size)
    } else {
        Skill::parse_with(path.clone(), bytes, limits)
    };
    Ok(skill.with_dir_name(candidate.dir_name.clone()))
}

/// A finding of `io-error` at line 1 with no snippet.
pub fn io_finding(message: String) -> Finding {
    let location = super::external::line_one();
    Finding { rule: &IoError::META, severity: Severity::Error, message, help: None, location, fix: None, origin: None }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Mutex;

    use super::*;
    use crate::lint::fs::MemoryFs;
    use crate::lint::settings::Selection;
    use crate::lint::target::Target;

    /// Counts what the rules ask of the file system.
    struct Counting {
        inner: MemoryFs,
        reads: Mutex<HashMap<PathBuf, usize>>,
        listings: Mutex<HashMap<(PathBuf, usize), usize>>,
    }

    impl FileSystem for Counting {
        fn exists(&self, path: &Path) -> bool {
            self.inner.exists(path)
        }
        fn is_dir(&self, path: &Path) -> bool {
            self.inner.is_dir(path)
        }
        fn read_text(&self, path: &Path, max_bytes: u64) -> Option<String> {
            *self.reads.lock().unwrap().entry(path.to_path_buf()).or_default() += 1;
            self.inner.read_text(path, max_bytes)
        }
        fn files_under(&self, dir: &Path, limit: usize) -> Vec<PathBuf> {
            *self.listings.lock().unwrap().entry((dir.to_path_buf(), limit)).or_default() += 1;
            self.inner.files_under(dir, limit)
        }
    }

    #[test]
    fn every_rule_on_reads_each_bundled_file_once() {
        let skill_text = "---\nname: pdf\ndescription: Fill PDF forms. Use when the user has a PDF form.\n---\n\
            # PDF\n\nSee [forms](references/forms.md) and [api](references/api.md).\n\n\
            Run `scripts/fill.py` to fill a form.\n";
        let fs = Counting {
            inner: MemoryFs::new()
                .with_file("s/pdf/SKILL.md", skill_text)
                .with_file("s/pdf/references/forms.md", "# Forms\n\nUse [the api](api.md) and fill.py.\n")
                .with_file("s/pdf/references/api.md", "# API\n\nCalls.\n")
                .with_file("s/pdf/references/unused.md", "# Unused\n")
                .with_file("s/pdf/scripts/fill.py", "import sys\nprint(sys.argv)\n")
                .with_file("s/pdf/scripts/helper.sh", "echo hi\n"),
            reads: Mutex::default(),
            listings: Mutex::default(),
        };
        let mut settings = Settings::new(Target::ClaudeCode);
        settings.apply(&Selection { extend_select: vec!["all".into()], ..Selection::default() }).unwrap();
        let skill = Skill::parse("s/pdf/SKILL.md", skill_text.as_bytes().to_vec());
        let linted = lint_skill(&skill, &Arc::new(settings), &fs, &UnitResolver::new());
        let codes: Vec<&str> = linted.result.findings.iter().map(|f| f.rule.code).collect();
        let reads = fs.reads.lock().unwrap();
        // The rules did look at the bundled files (so the count below means something) ...
        assert!(reads.contains_key(Path::new("s/pdf/references/forms.md")), "{reads:?}");
        assert!(reads.contains_key(Path::new("s/pdf/scripts/fill.py")), "{reads:?} {codes:?}");
        // ... and each at most once, whatever number of rules needed it.
        assert!(reads.values().all(|&n| n == 1), "{reads:?}");
        let listings = fs.listings.lock().unwrap();
        assert!(!listings.is_empty() && listings.values().all(|&n| n == 1), "each folder listed once: {listings:?}");
    }
}
