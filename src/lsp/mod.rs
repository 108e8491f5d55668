//! `skillsmith lsp`: a language server over standard input and output. A thin protocol shell
//! over the library `lint` uses: the same rules, configs and suppressions give the
//! diagnostics; the rules' fixes and inserted suppressions are the code actions; the rules'
//! documentation and the frontmatter catalogue give hover and completion; the link rules'
//! resolution gives "go to definition". Nothing outside the workspace folders is read.

mod actions;
mod analysis;
mod assist;
mod convert;
mod files;
mod position;
mod server;
mod transport;
mod workspace;

pub use actions::REASON_PLACEHOLDER;
pub use analysis::{Document, model};
pub use files::{DocKind, FileProblem, kind_of};
pub use position::{Encoding, LineMap};
pub use server::{Ending, serve};
pub use transport::{Frame, IoThreads, MAX_MESSAGE_BYTES, read_frame, stdio};
pub use workspace::{ScopedFs, Workspace};

/// Serves one client over standard input and output; returns the process's exit code (0
/// after `shutdown` and `exit`, 1 when the client exits or goes away without `shutdown`).
pub fn run_stdio() -> u8 {
    let (connection, threads) = stdio();
    let ending = serve(&connection);
    drop(connection);
    if let Err(err) = threads.join() {
        eprintln!("skillsmith lsp: {err}");
    }
    match ending {
        Ending::Clean => 0,
        Ending::Abrupt => 1,
    }
}
