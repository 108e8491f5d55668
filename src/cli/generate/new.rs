//! `skillsmith new`: scaffold a skill folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::config::{ConfigProvider, Flags};
use crate::decide::suite::open;
use crate::decide::use_case_template::empty_use_case;
use crate::generate::scaffold::{ScaffoldError, scaffold, scaffold_kind};
use crate::generate::templates::Templates;
use crate::generate::write::{apply, plan_within};

use super::{shown, templates};
use crate::cli::usage_error;

/// The templates `new` can scaffold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScaffoldTemplate {
    /// Criteria, flow, selection tables, red flags, green lights, test cases.
    Decision,
    /// Steps, checklists, examples, pitfalls.
    Procedural,
    /// A title, a summary and free sections.
    Minimal,
    /// Not a skill: an empty use-case file for the decision skill named by `--skill`, to
    /// fill in and pass to `skillsmith evaluate`.
    UseCase,
}

/// Arguments of `skillsmith new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The skill's name: lowercase letters, digits and hyphens (also its folder's name).
    pub name: String,
    /// The template to start from.
    #[arg(long, value_enum, default_value_t = ScaffoldTemplate::Minimal)]
    pub template: ScaffoldTemplate,
    /// Instead of a template's spec: a SKILL.md of this kind (built in, or declared in the
    /// `skillsmith.toml` that applies to the new folder) with exactly its required sections.
    #[arg(long, value_name = "KIND", conflicts_with_all = ["template", "skill"])]
    pub kind: Option<String>,
    /// The description (default: a [TODO: ...] placeholder).
    #[arg(long)]
    pub description: Option<String>,
    /// The folder to create the skill in (default `.claude/skills`; for a use case, the
    /// current folder).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// With `--template use-case`: the decision skill (folder, spec or shipped name) whose
    /// use-case format to write.
    #[arg(long, value_name = "SKILL")]
    pub skill: Option<String>,
    /// A folder of templates overriding the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Runs `skillsmith new`; returns the exit code.
pub fn run(args: NewArgs) -> std::io::Result<u8> {
    let templates = templates(args.templates.as_deref())?;
    if let Some(kind) = &args.kind {
        return new_of_kind(&args, kind, &templates);
    }
    let template = match args.template {
        ScaffoldTemplate::Decision => "decision",
        ScaffoldTemplate::Procedural => "procedural",
        ScaffoldTemplate::Minimal => "minimal",
        ScaffoldTemplate::UseCase => return new_use_case(&args, &templates),
    };
    if args.skill.is_some() {
        return Err(usage_error("`--skill` goes with `--template use-case` only"));
    }
    let files = match scaffold(&args.name, template, args.description.as_deref(), &templates) {
        Ok(files) => files,
        Err(ScaffoldError::BadName(message)) => return Err(usage_error(message)),
        Err(err) => return Err(usage_error(err)),
    };
    let folder = skill_folder(&args);
    write_new(&folder, files)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "next: replace every [TODO: ...] in {}, then run `skillsmith render {}` and `skillsmith lint {}`",
        shown(&folder.join("skill.yaml")).display(),
        shown(&folder).display(),
        shown(&folder).display()
    )?;
    Ok(0)
}

/// The folder of the new skill.
fn skill_folder(args: &NewArgs) -> PathBuf {
    args.dir.clone().unwrap_or_else(|| PathBuf::from(".claude/skills")).join(&args.name)
}

/// Writes `files` (relative to `folder`, which must not exist) and says what was created.
fn write_new(folder: &std::path::Path, files: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    if std::fs::symlink_metadata(folder).is_ok() {
        return Err(usage_error(ScaffoldError::Exists(folder.to_path_buf())));
    }
    // Inside the current folder, never through a symbolic link leading out of it.
    let files = files.into_iter().map(|(relative, bytes)| (folder.join(relative), bytes)).collect();
    let planned = plan_within(Path::new("."), files).map_err(usage_error)?;
    apply(&planned).map_err(usage_error)?;
    let mut out = std::io::stdout().lock();
    for file in &planned {
        writeln!(out, "created {}", shown(&file.path).display())?;
    }
    Ok(())
}

/// Writes the SKILL.md of a new skill of `kind`, looked up among the kinds of the config
/// that applies to the new folder.
fn new_of_kind(args: &NewArgs, kind: &str, templates: &Templates) -> std::io::Result<u8> {
    let folder = skill_folder(args);
    let configs = ConfigProvider::new(Flags::default(), None).map_err(usage_error)?;
    let resolved =
        configs.resolve(&folder.join("SKILL.md")).map_err(|err| usage_error(format!("error in config:\n{err}")))?;
    let kinds = &resolved.settings.kinds;
    let Some(definition) = kinds.get(kind) else {
        let names = kinds.names();
        let hint = crate::text::closest(kind, names.iter().copied())
            .map_or_else(|| format!("known kinds: {}", names.join(", ")), |s| format!("did you mean `{s}`?"));
        return Err(usage_error(format!("unknown kind `{kind}`; {hint}")));
    };
    let files = match scaffold_kind(&args.name, definition, args.description.as_deref(), templates) {
        Ok(files) => files,
        Err(err) => return Err(usage_error(err)),
    };
    write_new(&folder, files)?;
    writeln!(
        std::io::stdout().lock(),
        "next: write each section and replace every [TODO: ...] in {}, then run `skillsmith lint {}`",
        shown(&folder.join("SKILL.md")).display(),
        shown(&folder).display()
    )?;
    Ok(0)
}

/// Writes `DIR/NAME.yaml` (`NAME` as given when it already ends in `.yaml`): the empty use
/// case of the decision skill `--skill`.
fn new_use_case(args: &NewArgs, templates: &Templates) -> std::io::Result<u8> {
    let Some(skill) = &args.skill else {
        return Err(usage_error("`--template use-case` needs `--skill SKILL`: a decision skill's folder or name"));
    };
    let source = open(skill).map_err(usage_error)?;
    let spec = source.spec(templates).map_err(usage_error)?;
    let file_name = if args.name.ends_with(".yaml") || args.name.ends_with(".yml") {
        args.name.clone()
    } else {
        format!("{}.yaml", args.name)
    };
    if file_name.contains(['/', '\\']) || file_name.starts_with('.') {
        return Err(usage_error(format!("`{}` must be a file name; use --dir for the folder", args.name)));
    }
    let path = args.dir.clone().unwrap_or_default().join(&file_name);
    let shown_path = shown(&path);
    let text = empty_use_case(&spec, skill, &shown_path.display().to_string()).ok_or_else(|| {
        usage_error(format!(
            "the skill `{}` has no `use-case` part in its spec: it does not read use cases",
            spec.name()
        ))
    })?;
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(usage_error(format!("{} already exists; choose another name", shown_path.display())));
    }
    let planned = plan_within(Path::new("."), vec![(path.clone(), text.into_bytes())]).map_err(usage_error)?;
    apply(&planned).map_err(usage_error)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "created {}", shown_path.display())?;
    writeln!(
        out,
        "next: fill in every field, then run `skillsmith evaluate {skill} --use-case {}`",
        shown_path.display()
    )?;
    Ok(0)
}
