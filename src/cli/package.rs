//! `skillsmith package SKILL_DIR [-o FILE]`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::package::{self, PackageError};
use crate::report::{self, Text};

use super::EXIT_USAGE;

/// Arguments of `skillsmith package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The skill folder (holding SKILL.md).
    pub skill_dir: PathBuf,
    /// Where to write the package (default: `<skill name>.skill` in the current folder).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `skillsmith package`: 0 when written, 1 when the skill has errors on the api target or
/// is too large, 2 when it cannot be read or written.
pub fn run(args: PackageArgs) -> std::io::Result<u8> {
    let built = match package::build(&args.skill_dir) {
        Ok(built) => built,
        Err(PackageError::Refused(run)) => {
            let mut out = std::io::stdout().lock();
            report::report(&run, &mut Text::new(report::Style::default()), &mut out)?;
            eprintln!("skillsmith: {}", PackageError::Refused(run));
            return Ok(1);
        }
        Err(err @ PackageError::TooLarge(_)) => {
            eprintln!("skillsmith: {err}");
            return Ok(1);
        }
        Err(err) => {
            eprintln!("skillsmith: {err}");
            return Ok(EXIT_USAGE);
        }
    };
    let output = args.output.unwrap_or_else(|| PathBuf::from(format!("{}.skill", built.folder)));
    if let Err(err) = package::write_package(&built, &output) {
        eprintln!("skillsmith: {err}");
        return Ok(EXIT_USAGE);
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "packaged `{}` into {} ({} files, {} bytes)",
        built.folder,
        report::display_path(&output),
        built.entries.len(),
        built.bytes.len()
    )?;
    for left in &built.left_out {
        writeln!(out, "  left out {left}")?;
    }
    Ok(0)
}
