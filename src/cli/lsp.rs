//! `skillsmith lsp`.

use clap::Args;

/// Arguments of `skillsmith lsp` (the client talks to it over standard input and output).
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for clients that pass it (VS Code's generic clients do); stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

/// Runs the language server until the client exits.
pub fn run(_args: LspArgs) -> std::io::Result<u8> {
    Ok(crate::lsp::run_stdio())
}
