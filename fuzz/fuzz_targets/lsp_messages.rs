//! The language server's message handling on arbitrary input: the bytes are read as framed
//! JSON-RPC (`Content-Length` headers; a first byte of `{` makes them one message body
//! instead), each message read is handed to a server over an in-memory connection after a
//! real handshake, and the session ends with `shutdown` and `exit`. Neither the framing nor
//! any handler may panic (libFuzzer's panic hook aborts, so the server's own recovery from a
//! panic does not hide one), and the session must end cleanly.
#![no_main]

use std::io::Cursor;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use skillsmith::lsp::{Ending, Frame, read_frame, serve};

/// A workspace with one skill, so documents the input opens under it see a repository.
fn workspace() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let skill = dir.path().join(".claude/skills/pdf/SKILL.md");
        std::fs::create_dir_all(skill.parent().expect("a folder")).expect("skill folder");
        std::fs::write(&skill, "---\nname: pdf\ndescription: Reads PDFs. Use when a PDF is attached.\n---\n# PDF\n")
            .expect("skill file");
        dir
    })
    .path()
}

/// The messages in `data`.
fn messages(data: &[u8]) -> Vec<Message> {
    if data.first() == Some(&b'{') {
        return serde_json::from_slice::<Message>(data).into_iter().collect();
    }
    let mut input = Cursor::new(data);
    let mut out = Vec::new();
    while let Ok(Some(frame)) = read_frame(&mut input) {
        if let Frame::Message(message) = frame {
            out.push(message);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let messages = messages(data);
    let (server, client) = Connection::memory();
    let session = std::thread::spawn(move || serve(&server));
    let root = format!("file://{}", workspace().display());
    let initialize = serde_json::json!({
        "processId": null,
        "rootUri": root,
        "workspaceFolders": [{"uri": root, "name": "w"}],
        "capabilities": {}
    });
    let send = |message: Message| client.sender.send(message).expect("the server is listening");
    send(Request::new(RequestId::from(-1), "initialize".into(), initialize).into());
    send(Notification::new("initialized".into(), serde_json::json!({})).into());
    let mut ended_early = false;
    for message in messages {
        if matches!(&message, Message::Notification(n) if n.method == "exit") {
            ended_early = true;
        }
        if client.sender.send(message).is_err() {
            break;
        }
    }
    let _ = client.sender.send(Request::new(RequestId::from(-2), "shutdown".into(), serde_json::Value::Null).into());
    let _ = client.sender.send(Notification::new("exit".into(), serde_json::Value::Null).into());
    let ending = session.join().expect("the server thread does not panic");
    if !ended_early {
        assert_eq!(ending, Ending::Clean);
    }
});
