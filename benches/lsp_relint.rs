//! One re-lint in the language server: the time from a `didChange` of an open SKILL.md to the
//! `publishDiagnostics` of that version, over an in-memory connection (the server's whole
//! path: text to model, rules, config, suppressions, repository rules, conversion). The
//! workspace is the folder above each skill's folder, so its other skills count.
//!
//! Run: `cargo bench --bench lsp_relint -- [SKILL.md or folder ...]` (default: the shipped
//! skill). Prints the median, 90th percentile and worst time per file, then over all files.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;

/// Changes timed per file.
const ROUNDS: usize = 30;

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    let args = if args.is_empty() { vec![PathBuf::from("skills/llmops-decision-framework/SKILL.md")] } else { args };
    let files: Vec<PathBuf> = skillsmith::discover::discover(&args).files.into_iter().map(|c| c.path).collect();
    if files.is_empty() {
        eprintln!("no SKILL.md under {args:?}");
        std::process::exit(2);
    }
    let mut all: Vec<Duration> = Vec::new();
    let mut bytes = 0;
    for file in &files {
        let file = std::path::absolute(file).expect("absolute path");
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        bytes += text.len();
        let times = relint_times(&file, &text);
        if files.len() <= 5 {
            let (median, p90, worst) = stats(&times);
            println!("{}: {} bytes, median {median:?}, p90 {p90:?}, worst {worst:?}", file.display(), text.len());
        }
        all.extend(times);
    }
    let (median, p90, worst) = stats(&all);
    println!(
        "lsp re-lint: {} files ({} bytes on average), {} changes: median {median:?}, p90 {p90:?}, worst {worst:?}",
        files.len(),
        bytes / files.len(),
        all.len()
    );
}

fn stats(times: &[Duration]) -> (Duration, Duration, Duration) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q) as usize];
    (at(0.5), at(0.9), at(1.0))
}

/// Opens `file` in a server whose workspace is the folder above its skill's folder, then
/// times `ROUNDS` edits.
fn relint_times(file: &Path, text: &str) -> Vec<Duration> {
    let root = file.parent().and_then(Path::parent).unwrap_or(Path::new("/"));
    let (server, client) = Connection::memory();
    let thread = std::thread::spawn(move || skillsmith::lsp::serve(&server));
    let uri = url(file);
    send_request(&client, 1, "initialize", json!({ "processId": null, "rootUri": url(root), "capabilities": {} }));
    wait_response(&client, 1);
    notify(&client, "initialized", json!({}));
    notify(
        &client,
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 0, "text": text } }),
    );
    wait_publish(&client, 0);
    let mut times = Vec::with_capacity(ROUNDS);
    for version in 1..=ROUNDS as i32 {
        // A typical keystroke: one more word at the end of the body, alternately removed.
        let changed = if version % 2 == 1 { format!("{text}\nword") } else { text.to_string() };
        let start = Instant::now();
        notify(
            &client,
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": changed }] }),
        );
        wait_publish(&client, version);
        times.push(start.elapsed());
    }
    send_request(&client, 2, "shutdown", json!(null));
    wait_response(&client, 2);
    notify(&client, "exit", json!(null));
    thread.join().expect("server thread");
    times
}

fn url(path: &Path) -> String {
    lsp_types::Url::from_file_path(path).expect("absolute path").to_string()
}

fn send_request(client: &Connection, id: i32, method: &str, params: serde_json::Value) {
    let request = Request { id: RequestId::from(id), method: method.into(), params };
    client.sender.send(Message::Request(request)).expect("server alive");
}

fn notify(client: &Connection, method: &str, params: serde_json::Value) {
    client.sender.send(Message::Notification(Notification::new(method.into(), params))).expect("server alive");
}

fn wait_response(client: &Connection, id: i32) {
    for message in &client.receiver {
        if let Message::Response(response) = message
            && response.id == RequestId::from(id)
        {
            return;
        }
    }
    panic!("the server stopped before answering request {id}");
}

fn wait_publish(client: &Connection, version: i32) {
    for message in &client.receiver {
        if let Message::Notification(n) = message
            && n.method == "textDocument/publishDiagnostics"
            && n.params["version"] == json!(version)
        {
            return;
        }
    }
    panic!("the server stopped before publishing version {version}");
}
