//! The protocol loop: the handshake, then each message dispatched to the library. Documents
//! are linted as they change; every open SKILL.md's diagnostics are published again when a
//! change can move a repository rule's findings.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionOptions, CodeActionParams, CodeActionProviderCapability, CompletionOptions, CompletionParams,
    CompletionResponse, DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, GotoDefinitionParams, GotoDefinitionResponse, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, Location, MarkupContent,
    MarkupKind, OneOf, PositionEncodingKind, PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    Url,
};
use serde::de::DeserializeOwned;

use crate::lint::{FileResult, LintedFile, with_repository_rules};

use super::actions::{ActionContext, code_actions};
use super::analysis::{Document, Scope};
use super::files::DocKind;
use super::position::{Encoding, LineMap};
use super::workspace::Workspace;

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`.
    Clean,
    /// `exit` without `shutdown`, or the client went away.
    Abrupt,
}

/// Serves one client over `connection` until it exits or goes away.
pub fn serve(connection: &Connection) -> Ending {
    let Some(params) = handshake(connection) else { return Ending::Abrupt };
    let mut server = Server::new(connection.sender.clone(), &params);
    for message in &connection.receiver {
        let outcome = catch_unwind(AssertUnwindSafe(|| server.handle(message.clone())));
        match outcome {
            Ok(Some(ending)) => return ending,
            Ok(None) => {}
            Err(_) => {
                eprintln!("skillsmith lsp: a message could not be handled (an internal error); the server goes on");
                if let Message::Request(request) = message {
                    server.reply_error(request.id, ErrorCode::InternalError, "internal error".into());
                }
            }
        }
    }
    Ending::Abrupt
}

/// Waits for `initialize` (answering other requests "not initialized"), answers it, and
/// waits for `initialized`. `None` when the client exits or goes away first.
fn handshake(connection: &Connection) -> Option<InitializeParams> {
    let params = loop {
        match connection.receiver.recv().ok()? {
            Message::Request(request) if request.method == "initialize" => {
                match serde_json::from_value::<InitializeParams>(request.params) {
                    Ok(params) => {
                        let result = InitializeResult {
                            capabilities: capabilities(encoding(&params)),
                            server_info: Some(ServerInfo {
                                name: "skillsmith".into(),
                                version: Some(env!("CARGO_PKG_VERSION").into()),
                            }),
                        };
                        let response = Response::new_ok(request.id, result);
                        connection.sender.send(response.into()).ok()?;
                        break params;
                    }
                    Err(err) => {
                        let message = format!("invalid initialize parameters: {err}");
                        let response = Response::new_err(request.id, ErrorCode::InvalidParams as i32, message);
                        connection.sender.send(response.into()).ok()?;
                    }
                }
            }
            Message::Request(request) => {
                let message = "the server is not initialized yet".to_string();
                let response = Response::new_err(request.id, ErrorCode::ServerNotInitialized as i32, message);
                connection.sender.send(response.into()).ok()?;
            }
            Message::Notification(notification) if notification.method == "exit" => return None,
            _ => {}
        }
    };
    loop {
        match connection.receiver.recv().ok()? {
            Message::Notification(n) if n.method == "initialized" => return Some(params),
            Message::Notification(n) if n.method == "exit" => return None,
            Message::Request(request) => {
                let message = "waiting for `initialized`".to_string();
                let response = Response::new_err(request.id, ErrorCode::ServerNotInitialized as i32, message);
                connection.sender.send(response.into()).ok()?;
            }
            _ => {}
        }
    }
}

/// UTF-8 when the client offers it, else UTF-16.
fn encoding(params: &InitializeParams) -> Encoding {
    let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

/// What the server offers.
fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "-".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                lsp_types::CodeActionKind::QUICKFIX,
                lsp_types::CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..CodeActionOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The workspace folders the client named, as absolute paths.
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut uris: Vec<&Url> = params.workspace_folders.iter().flatten().map(|f| &f.uri).collect();
    #[allow(deprecated)]
    if uris.is_empty()
        && let Some(root) = &params.root_uri
    {
        uris.push(root);
    }
    uris.into_iter().filter_map(|u| u.to_file_path().ok()).filter(|p| p.is_absolute()).collect()
}

struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    workspace: Workspace,
    docs: BTreeMap<Url, Document>,
    /// Each document's findings after the repository rules (SKILL.md only).
    findings: HashMap<Url, FileResult>,
    /// What was last published for each document.
    published: HashMap<Url, Vec<lsp_types::Diagnostic>>,
    shut_down: bool,
}

impl Server {
    fn new(sender: Sender<Message>, params: &InitializeParams) -> Server {
        Server {
            sender,
            encoding: encoding(params),
            workspace: Workspace::new(roots(params)),
            docs: BTreeMap::new(),
            findings: HashMap::new(),
            published: HashMap::new(),
            shut_down: false,
        }
    }

    /// Handles one message; `Some` when the session ends.
    fn handle(&mut self, message: Message) -> Option<Ending> {
        match message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) => return self.notification(notification),
            Message::Response(_) => {}
        }
        None
    }

    fn send(&self, message: impl Into<Message>) {
        // The client is gone when this fails; the loop ends on the closed input.
        let _ = self.sender.send(message.into());
    }

    fn reply_error(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message));
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shut_down {
            return self.reply_error(id, ErrorCode::InvalidRequest, "the server is shutting down".into());
        }
        let result = match request.method.as_str() {
            "shutdown" => {
                self.shut_down = true;
                Ok(serde_json::Value::Null)
            }
            "textDocument/hover" => params(request).map(|p| to_json(self.hover(p))),
            "textDocument/completion" => params(request).map(|p| to_json(self.completion(p))),
            "textDocument/codeAction" => params(request).map(|p| to_json(self.code_action(p))),
            "textDocument/definition" => params(request).map(|p| to_json(self.definition(p))),
            other => Err((ErrorCode::MethodNotFound, format!("unknown method `{other}`"))),
        };
        match result {
            Ok(value) => self.send(Response::new_ok(id, value)),
            Err((code, message)) => self.reply_error(id, code, message),
        }
    }

    fn notification(&mut self, notification: Notification) -> Option<Ending> {
        let method = notification.method.clone();
        let problem = match method.as_str() {
            "exit" => return Some(if self.shut_down { Ending::Clean } else { Ending::Abrupt }),
            "textDocument/didOpen" => params(notification).map(|p| self.did_open(p)),
            "textDocument/didChange" => params(notification).map(|p| self.did_change(p)),
            "textDocument/didSave" => params(notification).map(|p| self.did_save(p)),
            "textDocument/didClose" => params(notification).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => params(notification).map(|p| self.watched_files_changed(p)),
            _ => Ok(()),
        };
        if let Err((_, message)) = problem {
            eprintln!("skillsmith lsp: ignored `{method}`: {message}");
        }
        None
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let Some(path) = file_path(&document.uri) else { return };
        self.docs.insert(document.uri.clone(), Document::new(path, document.version, document.text));
        self.analyse(&document.uri);
        self.publish(Some(&document.uri));
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(&uri) else { return };
        let mut text = std::mem::take(&mut doc.text);
        for change in params.content_changes {
            text = match change.range {
                None => change.text,
                Some(range) => splice(&text, range, &change.text, encoding),
            };
        }
        doc.set_text(params.text_document.version, text);
        self.analyse(&uri);
        self.publish(Some(&uri));
    }

    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let Some(path) = file_path(&params.text_document.uri) else { return };
        self.disk_changed(&[path]);
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.docs.remove(&uri);
        self.findings.remove(&uri);
        self.send(publish(&uri, Vec::new(), None));
        self.published.remove(&uri);
        if let Some(path) = file_path(&uri) {
            // The file on disk counts again for the repository rules.
            self.disk_changed(&[path]);
        }
    }

    fn watched_files_changed(&mut self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params.changes.iter().filter_map(|c| file_path(&c.uri)).collect();
        self.disk_changed(&paths);
    }

    /// Files changed on disk: a config means every document is linted again; a skill
    /// changes what the repository rules see; a spec changes its scenarios.
    fn disk_changed(&mut self, paths: &[PathBuf]) {
        let mut everything = false;
        for path in paths {
            match super::files::kind_of(path, "") {
                DocKind::Config => {
                    self.workspace.reload_configs();
                    everything = true;
                }
                DocKind::Skill => self.workspace.refresh(path),
                DocKind::Spec => everything = true,
                _ => {}
            }
        }
        if everything {
            let uris: Vec<Url> = self.docs.keys().cloned().collect();
            for uri in &uris {
                self.analyse(uri);
            }
        }
        self.publish(None);
    }

    /// Analyses one open document.
    fn analyse(&mut self, uri: &Url) {
        let open_spec = self.open_spec_text(uri);
        let Some(doc) = self.docs.get_mut(uri) else { return };
        let settings = self.workspace.settings_for(&doc.path);
        let folder = doc.path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let fs = self.workspace.file_system(&folder);
        let scope = Scope { fs: &fs, units: self.workspace.units(), roots: self.workspace.roots() };
        doc.analyse(&settings, scope, open_spec.as_deref());
    }

    /// For a scenario: the editor's text of its skill's spec, when that is open.
    fn open_spec_text(&self, uri: &Url) -> Option<String> {
        let doc = self.docs.get(uri)?;
        if doc.kind != DocKind::Scenario {
            return None;
        }
        let spec_doc = self
            .docs
            .values()
            .find(|d| d.kind == DocKind::Spec && d.path.parent().is_some_and(|dir| doc.path.starts_with(dir)));
        spec_doc.map(|d| d.text.clone())
    }

    /// Runs the repository rules over the open skills (with the workspace's others from
    /// disk) and publishes every document whose diagnostics changed, and `edited` (the
    /// document just opened or changed: its new version always gets an answer).
    fn publish(&mut self, edited: Option<&Url>) {
        let mut inside: Vec<(Url, LintedFile)> = Vec::new();
        let mut alone: Vec<(Url, LintedFile)> = Vec::new();
        for (uri, doc) in &self.docs {
            let Some((_, linted)) = &doc.skill else { continue };
            if self.workspace.contains(&doc.path) {
                inside.push((uri.clone(), linted.clone()));
            } else {
                alone.push((uri.clone(), linted.clone()));
            }
        }
        let run_settings = self.workspace.run_settings();
        let (uris, linted): (Vec<Url>, Vec<LintedFile>) = inside.into_iter().unzip();
        let open: Vec<&crate::lint::SkillSummary> =
            linted.iter().filter_map(|l| l.repository.as_ref().map(|(s, _)| s)).collect();
        let others = self.workspace.others(&open);
        let results = with_repository_rules(linted, others, &run_settings);
        let mut all: Vec<(Url, FileResult)> = uris.into_iter().zip(results).collect();
        for (uri, linted) in alone {
            // Outside the workspace a skill is linted alone: no repository to compare with.
            let settings =
                self.docs.get(&uri).map(|d| self.workspace.settings_for(&d.path)).unwrap_or(run_settings.clone());
            all.extend(
                with_repository_rules(vec![linted], Vec::new(), &settings).into_iter().map(|r| (uri.clone(), r)),
            );
        }
        self.findings.clear();
        for (uri, mut result) in all {
            result.sort();
            self.findings.insert(uri, result);
        }
        let mut out = Vec::new();
        for (uri, doc) in &self.docs {
            let map = LineMap::new(&doc.text, &doc.lines, self.encoding);
            let diagnostics: Vec<lsp_types::Diagnostic> = match self.findings.get(uri) {
                Some(result) => result.findings.iter().map(|f| super::convert::finding(&map, f)).collect(),
                None => doc.problems.iter().map(|p| super::convert::problem(&map, p)).collect(),
            };
            if edited == Some(uri) || self.published.get(uri) != Some(&diagnostics) {
                out.push((uri.clone(), diagnostics, doc.version));
            }
        }
        for (uri, diagnostics, version) in out {
            self.send(publish(&uri, diagnostics.clone(), Some(version)));
            self.published.insert(uri, diagnostics);
        }
    }

    fn hover(&self, params: HoverParams) -> Option<Hover> {
        let position = params.text_document_position_params;
        let doc = self.docs.get(&position.text_document.uri)?;
        let (skill, _) = doc.skill.as_ref()?;
        let map = LineMap::new(&doc.text, &doc.lines, self.encoding);
        let target = self.workspace.settings_for(&doc.path).target;
        let (span, markdown) = super::assist::hover(skill, target, map.offset(position.position))?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
            range: Some(map.range(span)),
        })
    }

    fn completion(&self, params: CompletionParams) -> Option<CompletionResponse> {
        let position = params.text_document_position;
        let doc = self.docs.get(&position.text_document.uri)?;
        let (skill, _) = doc.skill.as_ref()?;
        let map = LineMap::new(&doc.text, &doc.lines, self.encoding);
        let target = self.workspace.settings_for(&doc.path).target;
        let items = super::assist::complete(skill, target, map.offset(position.position));
        (!items.is_empty()).then_some(CompletionResponse::Array(items))
    }

    fn code_action(&self, params: CodeActionParams) -> Option<Vec<lsp_types::CodeActionOrCommand>> {
        let uri = params.text_document.uri;
        let doc = self.docs.get(&uri)?;
        let (skill, _) = doc.skill.as_ref()?;
        let findings = self.findings.get(&uri).map(|r| r.findings.as_slice()).unwrap_or_default();
        let map = LineMap::new(&doc.text, &doc.lines, self.encoding);
        let settings = self.workspace.settings_for(&doc.path);
        let fs = self.workspace.file_system(doc.path.parent().unwrap_or(Path::new("/")));
        let cx = ActionContext {
            uri: &uri,
            version: doc.version,
            skill,
            findings,
            settings: &settings,
            units: self.workspace.units(),
            fs: &fs,
            map: &map,
        };
        let (from, to) = (map.offset(params.range.start), map.offset(params.range.end));
        Some(code_actions(&cx, from.min(to), from.max(to)))
    }

    fn definition(&self, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
        let position = params.text_document_position_params;
        let doc = self.docs.get(&position.text_document.uri)?;
        let (skill, _) = doc.skill.as_ref()?;
        let map = LineMap::new(&doc.text, &doc.lines, self.encoding);
        let fs = self.workspace.file_system(doc.path.parent().unwrap_or(Path::new("/")));
        let target = super::assist::definition(skill, &fs, map.offset(position.position))?;
        let uri = Url::from_file_path(target).ok()?;
        Some(GotoDefinitionResponse::Scalar(Location { uri, range: Range::default() }))
    }
}

/// A `publishDiagnostics` notification.
fn publish(uri: &Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) -> Notification {
    let params = PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version };
    Notification::new("textDocument/publishDiagnostics".into(), params)
}

/// The absolute path of a `file:` URI (other schemes are not files the server checks).
fn file_path(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    uri.to_file_path().ok().filter(|p| p.is_absolute())
}

/// The text with `range` replaced by `new_text`.
fn splice(text: &str, range: Range, new_text: &str, encoding: Encoding) -> String {
    let lines = crate::skill::LineIndex::new(text);
    let map = LineMap::new(text, &lines, encoding);
    let (a, b) = (map.offset(range.start), map.offset(range.end));
    let (a, b) = (a.min(b), a.max(b));
    format!("{}{new_text}{}", &text[..a], &text[b..])
}

/// Something that carries parameters: a request or a notification.
trait HasParams {
    fn take_params(self) -> serde_json::Value;
}

impl HasParams for Request {
    fn take_params(self) -> serde_json::Value {
        self.params
    }
}

impl HasParams for Notification {
    fn take_params(self) -> serde_json::Value {
        self.params
    }
}

/// The message's parameters, typed; an invalid-params error when they do not fit.
fn params<P: DeserializeOwned>(message: impl HasParams) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(message.take_params())
        .map_err(|err| (ErrorCode::InvalidParams, format!("invalid parameters: {err}")))
}

fn to_json(value: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
