//! `skillsmith outline`: each skill's outline as a text tree, JSON or YAML.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::config::{ConfigProvider, Flags};
use crate::lint::{RealFs, SettingsProvider};
use crate::outline::{Outline, outline_in};

use super::{EXIT_USAGE, usage_error};

/// Arguments of `skillsmith outline`.
#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// SKILL.md files, skill folders, or folders to search (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format: a text tree, or a JSON or YAML mapping from each file's path to its
    /// outline.
    #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
    pub format: OutlineFormat,
}

/// How outlines are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutlineFormat {
    /// A compact tree, one fact a line, each skill under a `==> PATH <==` line.
    #[default]
    Text,
    /// A JSON object: path -> outline.
    Json,
    /// A YAML mapping: path -> outline.
    Yaml,
}

/// Runs `skillsmith outline`; returns the exit code (2 when a path could not be read).
pub fn run(args: OutlineArgs) -> std::io::Result<u8> {
    let (skills, failed) = super::read_skills(&args.paths);
    // Each skill's config gives the kinds it may have and the kind it assigns; a config that
    // cannot be read leaves the built-in kinds (`lint` reports the config's mistakes).
    let units = crate::discover::UnitResolver::new();
    let configs = ConfigProvider::new(Flags::default(), None).map_err(usage_error)?;
    let outlines: Vec<(String, Outline)> = skills
        .into_iter()
        .map(|(shown, skill)| {
            let settings = configs.settings_for(&skill.path);
            let placement = units.place(&skill.path);
            (shown, outline_in(&skill, &RealFs, &settings.kinds, settings.assigned_kind.as_ref()).placed(&placement))
        })
        .collect();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        OutlineFormat::Text => {
            for (index, (path, outline)) in outlines.iter().enumerate() {
                if index > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "==> {path} <==")?;
                write!(out, "{outline}")?;
            }
        }
        OutlineFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &ByPath(&outlines))?;
            writeln!(out)?;
        }
        OutlineFormat::Yaml => {
            let text = crate::yaml::to_string(&ByPath(&outlines)).map_err(usage_error)?;
            write!(out, "{text}")?;
        }
    }
    out.flush()?;
    Ok(if failed { EXIT_USAGE } else { 0 })
}

/// Outlines serialized as a mapping from path to outline, in the order given.
struct ByPath<'a>(&'a [(String, Outline)]);

impl Serialize for ByPath<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (path, outline) in self.0 {
            map.serialize_entry(path, outline)?;
        }
        map.end()
    }
}
