//! `skillsmith list`: the shipped skills.

use std::io::Write;

use clap::Args;

use crate::generate::shipped;

/// Arguments of `skillsmith list`.
#[derive(Debug, Args)]
pub struct ListArgs {}

/// Prints each shipped skill: name, kind, description.
pub fn run(_args: ListArgs) -> std::io::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let skills = shipped::all();
    let width = skills.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for skill in &skills {
        let kind = skill.kind().unwrap_or_else(|| "skill".to_string());
        writeln!(out, "{:width$}  {kind:<10}  {}", skill.name, skill.description())?;
    }
    writeln!(out, "\n{} shipped skill(s); install one with `skillsmith install NAME --into REPO`", skills.len())?;
    Ok(0)
}
