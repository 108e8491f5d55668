//! `skillsmith lsp` driven over its real standard input and output, as an editor drives it:
//! the handshake, diagnostics for a broken skill, code actions, hover, completion, go to
//! definition, and hostile input (broken JSON-RPC, huge and malformed documents, requests
//! for files outside the workspace). The server must answer what it can, skip what it cannot,
//! and never panic.

use std::io::{BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common;

/// How long a test waits for one message before failing (generous: CI machines are slow).
const WAIT: Duration = Duration::from_secs(60);

/// A running server: its input, and the messages it wrote.
struct Client {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `skillsmith lsp` and initializes it with `root` as the workspace folder.
    fn start(root: &Path) -> Client {
        let mut client = Client::spawn();
        let uri = uri(root);
        let id = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": "w"}],
                "capabilities": {}
            }),
        );
        let reply = client.response(id);
        assert!(reply["result"]["capabilities"]["codeActionProvider"].is_object(), "{reply}");
        client.notify("initialized", json!({}));
        client
    }

    fn spawn() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_skillsmith"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let input = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(skillsmith::lsp::Frame::Message(message))) = skillsmith::lsp::read_frame(&mut reader) {
                if tx.send(serde_json::to_value(message).unwrap()).is_err() {
                    break;
                }
            }
        });
        Client { child, input, messages, next_id: 0 }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.input.write_all(bytes).unwrap();
        self.input.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}));
        self.next_id
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `wanted` accepts (others are dropped).
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(_) => {}
                Err(_) => panic!("no {what} from the server within {WAIT:?}"),
            }
        }
    }

    fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("response {id}"), |m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.request(method, params);
        self.response(id)
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let uri = uri.to_string();
        let message = self.wait_for(&format!("diagnostics for {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        let document = json!({"uri": uri, "languageId": "markdown", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
        self.diagnostics(uri)
    }

    /// Shuts the server down politely and returns its exit code and standard error.
    fn finish(mut self) -> (Option<i32>, String) {
        let id = self.request("shutdown", Value::Null);
        self.response(id);
        self.notify("exit", Value::Null);
        self.wait()
    }

    fn wait(self) -> (Option<i32>, String) {
        drop(self.input);
        let output = self.child.wait_with_output().unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

fn uri(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", path.display())
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics.iter().filter_map(|d| d["code"].as_str()).map(str::to_string).collect();
    codes.sort();
    codes
}

const BROKEN: &str = "---\nname: pdf-tables\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\nversion: 1.0\n---\n# PDF tables\n\nSee [the API](references/api.md) and references/missing.md.\n";

/// A workspace with one broken skill (`pdf-tables`) and the file its link points at.
fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = common::repo();
    let skill = common::write(tmp.path(), ".claude/skills/pdf-tables/SKILL.md", BROKEN);
    common::write(tmp.path(), ".claude/skills/pdf-tables/references/api.md", "# API\n");
    (tmp, skill)
}

#[test]
fn a_broken_skill_gets_diagnostics_actions_hover_completion_and_definition() {
    let (tmp, skill) = workspace();
    let mut client = Client::start(tmp.path());
    let doc = uri(&skill);
    let diagnostics = client.open(&doc, BROKEN);
    assert_eq!(codes(&diagnostics), ["SK115", "SK400"], "{diagnostics:?}");
    let missing = diagnostics.iter().find(|d| d["code"] == "SK400").unwrap();
    assert_eq!(missing["range"]["start"], json!({"line": 7, "character": 37}), "{missing}");

    // The SK115 finding is on line 4 (0-based 3): its fix and both suppressions are offered.
    let version = diagnostics.iter().find(|d| d["code"] == "SK115").unwrap().clone();
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": version["range"], "context": {"diagnostics": [version]}}),
    );
    let titles: Vec<&str> =
        actions["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.contains("metadata") && t.contains("SK115")), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Suppress SK115") && t.ends_with("on this line")), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Suppress SK115") && t.ends_with("in this file")), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Fix all safe fixes")), "{titles:?}");
    let suppress = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().ends_with("on this line"))
        .unwrap();
    let inserted = suppress["edit"]["changes"][&doc][0]["newText"].as_str().unwrap();
    assert!(inserted.contains("skillsmith-disable") && inserted.contains("SK115 -- <reason>"), "{inserted}");

    // Applying the fix as the editor would and sending the new text clears the finding.
    let fixed = BROKEN.replace("version: 1.0\n", "metadata:\n  version: \"1.0\"\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(codes(&client.diagnostics(&doc)), ["SK400"]);

    // Hover on a frontmatter key says what the target does with it; on a code, the rule's docs.
    let hover = client
        .call("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 3}}));
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**description**"), "{text}");

    // Completion in the frontmatter offers keys the file does not have yet.
    let with_blank = fixed.replacen("---\n", "---\nal\n", 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 3}, "contentChanges": [{"text": with_blank}]}),
    );
    client.diagnostics(&doc);
    let completion = client.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": doc}, "position": {"line": 1, "character": 2}}),
    );
    let labels: Vec<&str> =
        completion["result"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"allowed-tools") && !labels.contains(&"name"), "{labels:?}");

    // Go to definition on the link opens the referenced file.
    let definition = client.call(
        "textDocument/definition",
        json!({"textDocument": {"uri": doc}, "position": {"line": 9, "character": 20}}),
    );
    let target = definition["result"]["uri"].as_str().unwrap();
    assert!(target.ends_with("/pdf-tables/references/api.md"), "{definition}");

    let (code, stderr) = client.finish();
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn repository_rules_see_the_workspace_and_hover_shows_a_rules_documentation() {
    let (tmp, _) = workspace();
    // Two skills with one name in one install unit: a repository rule finds it in the open one.
    let other = common::skill(tmp.path(), ".claude/skills/other", "# Other\n\nBody.\n");
    let text = std::fs::read_to_string(&other).unwrap().replace("name: other", "name: pdf-tables");
    std::fs::write(&other, &text).unwrap();
    let mut client = Client::start(tmp.path());
    let doc = uri(&other);
    let diagnostics = client.open(&doc, &text);
    assert!(
        diagnostics.iter().any(|d| d["message"].as_str().unwrap().contains("pdf-tables") && d["code"] != "SK103"),
        "{diagnostics:?}"
    );
    let with_directive = format!("{text}<!-- skillsmith-disable-next-line SK400 -- x -->\n");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": with_directive}]}),
    );
    client.diagnostics(&doc);
    let line = with_directive.lines().count() - 1;
    let hover = client
        .call("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": 36}}));
    let docs = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(docs.starts_with("# SK400 link-target-missing") && docs.contains("## What it does"), "{docs}");
    assert_eq!(client.finish().0, Some(0));
}

#[test]
fn broken_json_rpc_is_skipped_and_the_server_goes_on() {
    let (tmp, skill) = workspace();
    let mut client = Client::start(tmp.path());
    // Not JSON, JSON that is not a message, an array, a message of an unknown kind.
    for body in ["{not json", "42", "[1, 2]", r#"{"jsonrpc":"2.0","what":1}"#, "\u{0}\u{1}\u{2}"] {
        client.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    let unknown = client.call("no/such/method", json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");
    let bad_params = client.call("textDocument/hover", json!({"textDocument": 7}));
    assert_eq!(bad_params["error"]["code"], json!(-32602), "{bad_params}");
    // Notifications with bad parameters are ignored; requests about unknown documents are null.
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": 5}}));
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&skill), "version": 1}, "contentChanges": [{"range": {"start": {"line": 900, "character": 900}, "end": {"line": 0, "character": 0}}, "text": "x"}]}));
    let none = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere/SKILL.md"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(none["result"], Value::Null, "{none}");
    let odd_scheme = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:1"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(odd_scheme["result"], Value::Null, "{odd_scheme}");
    // Still alive and linting.
    assert_eq!(codes(&client.open(&uri(&skill), BROKEN)), ["SK115", "SK400"]);
    // Framing that cannot be recovered ends the session without a panic.
    client.raw(b"this is not a header\r\n\r\n");
    let (code, stderr) = client.wait();
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("skipped a malformed message"), "{stderr}");
    assert!(stderr.contains("not a header line"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn huge_and_malformed_documents_and_positions_are_answered() {
    let (tmp, skill) = workspace();
    let mut client = Client::start(tmp.path());
    let doc = uri(&skill);
    // Over the size limit `lint` reads: linted as `lint` would (the part read, and said so).
    let huge = format!("{BROKEN}{}", "A line of prose that goes on and on.\n".repeat(260_000));
    let diagnostics = client.open(&doc, &huge);
    assert!(codes(&diagnostics).contains(&"SK009".to_string()), "{diagnostics:?}");
    // Unterminated frontmatter, control characters, a lone surrogate's replacement, deep YAML.
    let nasty = format!("---\nname: [[[[[[[[[[[[{}\n\u{1b}[31m\u{0}\u{fffd}\n", "[".repeat(5_000));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": nasty}]}),
    );
    let diagnostics = client.diagnostics(&doc);
    assert!(!diagnostics.is_empty());
    // Positions past the end, in the middle of a multi-byte character, and huge numbers.
    for (line, character) in [(0, 0), (3, 2), (99_999, 99_999), (4_294_967_295u64, 4_294_967_295u64)] {
        let at = json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}});
        for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition"] {
            let reply = client.call(method, at.clone());
            assert!(reply.get("error").is_none(), "{method} at {line}:{character}: {reply}");
        }
        let range = json!({"start": {"line": line, "character": character}, "end": {"line": 0, "character": 0}});
        let reply = client.call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": doc}, "range": range, "context": {"diagnostics": []}}),
        );
        assert!(reply.get("error").is_none(), "{reply}");
    }
    // A message over the size limit is skipped unread; the server goes on.
    let limit = skillsmith::lsp::MAX_MESSAGE_BYTES as usize;
    client.raw(format!("Content-Length: {}\r\n\r\n", limit + 1).as_bytes());
    let chunk = vec![b' '; 1 << 20];
    let mut left = limit + 1;
    while left > 0 {
        let n = left.min(chunk.len());
        client.raw(&chunk[..n]);
        left -= n;
    }
    assert!(client.call("no/such/method", json!({}))["error"].is_object());
    let (code, stderr) = client.finish();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("skipped a message of"), "{stderr}");
}

#[test]
fn files_outside_the_workspace_are_not_read_or_offered() {
    let (tmp, _) = workspace();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret\n").unwrap();
    let root = std::fs::canonicalize(tmp.path()).unwrap();
    let skill_dir = root.join(".claude/skills/pdf-tables");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("secret.md"), skill_dir.join("references/linked.md")).unwrap();
    let depth = skill_dir.components().count();
    let escape = format!(
        "{}{}",
        "../".repeat(depth),
        outside.path().join("secret.md").display().to_string().trim_start_matches('/')
    );
    let text = format!(
        "---\nname: pdf-tables\ndescription: Extracts tables from PDF files. Use when a PDF is attached.\n---\n# T\n\nSee [up]({escape}) and [linked](references/linked.md).\n"
    );
    let mut client = Client::start(&root);
    let doc = uri(&skill_dir.join("SKILL.md"));
    client.open(&doc, &text);
    let line = 6;
    for character in [8, text.lines().nth(line).unwrap().find("[linked]").unwrap() + 3] {
        let reply = client.call(
            "textDocument/definition",
            json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}}),
        );
        assert_eq!(reply["result"], Value::Null, "at {character}: {reply}");
    }
    // A document outside the workspace is linted alone; requests about it do not reach further.
    let stray = outside.path().join("stray/SKILL.md");
    std::fs::create_dir_all(stray.parent().unwrap()).unwrap();
    let stray_text = "---\nname: stray\ndescription: Does a thing. Use when asked.\n---\n# S\n\nSee ../secret.md and [x](../secret.md).\n";
    let diagnostics = client.open(&uri(&stray), stray_text);
    let reply = client.call(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&stray)}, "position": {"line": 6, "character": 25}}),
    );
    assert_eq!(reply["result"], Value::Null, "{reply} {diagnostics:?}");
    assert_eq!(client.finish().0, Some(0));
}

#[test]
fn exit_without_shutdown_is_exit_code_one() {
    let (tmp, _) = workspace();
    let mut client = Client::start(tmp.path());
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().0, Some(1));
    // A client that goes away before initializing.
    let client = Client::spawn();
    assert_eq!(client.wait().0, Some(1));
}

#[test]
fn specs_and_configs_get_the_librarys_errors_at_their_place() {
    let (tmp, _) = workspace();
    let mut client = Client::start(tmp.path());
    let spec = uri(&tmp.path().join("specs/pdf/skill.yaml"));
    let diagnostics = client.open(&spec, "spec-version: 1\ntemplate: minimal\nnmae: x\n");
    assert!(!diagnostics.is_empty(), "{diagnostics:?}");
    let unknown =
        diagnostics.iter().find(|d| d["message"].as_str().unwrap().contains("`nmae`")).expect("the unknown field");
    assert_eq!(unknown["range"]["start"]["line"], json!(2), "{unknown}");
    let config = uri(&tmp.path().join("skillsmith.toml"));
    let diagnostics = client.open(&config, "target = \"claude-code\"\nno-such-key = 1\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], json!(1), "{diagnostics:?}");
    let diagnostics = client.open(&config, "target = \"claude-code\"\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(client.finish().0, Some(0));
}
