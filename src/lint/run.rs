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
use super::fs::{FileSystem, StatCache};
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
    let units = UnitResolver::new();
    let linted: Vec<(FileResult, Option<(SkillSummary, Suppressions)>)> =
        found.files.par_iter().map(|candidate| lint_candidate(candidate, settings, fs, options, &units)).collect();
    let skills = linted.iter().filter(|(_, s)| s.is_some()).count();
    let (mut files, summaries): (Vec<FileResult>, Vec<Option<(SkillSummary, Suppressions)>>) =
        linted.into_iter().unzip();

    let present: Vec<(usize, (SkillSummary, Suppressions))> =
        summaries.into_iter().enumerate().filter_map(|(i, s)| Some((i, s?))).collect();
    let (owners, present): (Vec<usize>, Vec<(SkillSummary, Suppressions)>) = present.into_iter().unzip();
    let (mut summaries, mut suppressions): (Vec<SkillSummary>, Vec<Suppressions>) = present.into_iter().unzip();
    let run_settings = settings.run_settings();
    let repository_rules_on = rules()
        .iter()
        .enumerate()
        .any(|(index, rule)| rule.meta().group == Group::Repository && run_settings.level(index).severity().is_some());
    if found.files_only && repository_rules_on {
        let context = repository_context(&found.files, &summaries, options, &units);
        summaries.extend(context);
    }
    for (index, rule) in rules().iter().enumerate() {
        if rule.meta().group == Group::Repository && run_settings.level(index).severity().is_some() {
            suppressions.iter_mut().for_each(|s| s.mark_ran(index));
        }
    }
    for (index, diagnostic) in check_all(&summaries, &run_settings) {
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

    for problem in found.problems {
        files.push(FileResult { path: problem.path, findings: vec![io_finding(problem.message)], placement: None });
    }
    let mut skills = skills;
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

/// Summaries of the other skills in the install units of the linted skills (their frontmatter
/// only), so repository rules give the same answer whether one file or all are linted. Only
/// those units' own folders are listed: the cost follows the work, not the repository.
fn repository_context(
    files: &[Candidate],
    linted: &[SkillSummary],
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
    // Two names for one file (a symbolic link) are told apart only by their real paths.
    let real_named: HashSet<PathBuf> = files.iter().filter_map(|c| std::fs::canonicalize(&c.path).ok()).collect();
    // Only the frontmatter matters here: read the head of each file and skip the body.
    let head =
        ParseLimits { max_file_bytes: options.limits.yaml.max_bytes + 4096, model_body: false, ..options.limits };
    members
        .par_iter()
        .filter(|path| std::fs::canonicalize(path).is_ok_and(|real| !real_named.contains(&real)))
        .map(|path| discover::candidate(path.clone()))
        .filter_map(|c| read_skill(&relative_to_cwd(&c), head).ok())
        .map(|skill| SkillSummary { linted: false, ..SkillSummary::of(&skill, units) })
        .collect()
}

/// The candidate with its path shown relative to the current folder when it lies below it.
fn relative_to_cwd(candidate: &Candidate) -> Candidate {
    let mut shown = candidate.clone();
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = candidate.path.strip_prefix(&cwd)
    {
        shown.path = rel.to_path_buf();
    }
    shown
}

/// Reads, models and lints one file; the text is dropped before returning, keeping what the
/// repository rules and the suppressions still need.
fn lint_candidate(
    candidate: &Candidate,
    settings: &dyn SettingsProvider,
    fs: &dyn FileSystem,
    options: RunOptions,
    units: &UnitResolver,
) -> (FileResult, Option<(SkillSummary, Suppressions)>) {
    let path = &candidate.path;
    let skill = match read_skill(candidate, options.limits) {
        Ok(skill) => skill,
        Err(message) => {
            let placement = Some(units.place(path));
            return (FileResult { path: path.clone(), findings: vec![io_finding(message)], placement }, None);
        }
    };
    let summary = SkillSummary::of(&skill, units);
    let mut settings = settings.settings_for(path);
    if summary.placement.is_command {
        settings = Arc::new(command_settings(&settings));
    }
    let cached = StatCache::new(fs);
    let checked = check_file(&skill, &settings, &cached);
    // A file that is not exact UTF-8 is never rewritten: its findings offer no fix.
    let exact = skill.source.is_exact();
    let mut findings: Vec<Finding> = checked
        .diagnostics
        .into_iter()
        .map(|d| locate(&skill, d))
        .map(|mut finding: Finding| {
            if !exact {
                finding.fix = None;
            }
            finding
        })
        .collect();
    super::spec_origin::attach(&skill, &cached, &mut findings);
    let placement = Some(summary.placement.clone());
    (FileResult { path: path.clone(), findings, placement }, Some((summary, checked.suppressions)))
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
