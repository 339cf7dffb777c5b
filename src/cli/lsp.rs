//! `factlint server`: a language server over standard input and output,
//! so that an editor shows findings as the copy editor types.
//!
//! The protocol's plumbing is lsp-server and lsp-types (as rust-analyzer
//! uses); checking is the library's [`Engine`]. Documents are checked on a
//! worker thread, newest version only, so a long article never holds up
//! the editor's other requests; the main thread answers code actions from
//! the last results. Positions are converted in the negotiated encoding by
//! [`factlint::text::position`].

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, Location, LogMessageParams, MessageType,
    NumberOrString, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use factlint::article::{Format, LoadOptions};
use factlint::checks::CheckOptions;
use factlint::config::{CONFIG_NAMES, Config};
use factlint::engine::Engine;
use factlint::finding::{Applicability, Finding, Severity};
use factlint::messages::Catalogue;
use factlint::report::human;
use factlint::rules::{RuleSet, RuleSources};
use factlint::text::LineIndex;
use factlint::text::position::{self, Position, PositionEncoding};

/// Articles larger than this are not checked as the editor types: the
/// command line (with `--max-file-size`) is the place for them.
const MAX_LIVE_SIZE: usize = 4 << 20;

/// Runs the server until the editor says `exit`.
pub(crate) fn run() -> io::Result<u8> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(io::Error::other)?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let encoding = negotiate(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::new(encoding.as_str())),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "factlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(io::Error::other)?;
    let root = workspace_root(&params);
    let results: Results = Arc::default();
    let (jobs, queue) = std::sync::mpsc::channel();
    let worker = {
        let sender = connection.sender.clone();
        let results = Arc::clone(&results);
        let root = root.clone();
        std::thread::spawn(move || {
            Worker {
                sender,
                encoding,
                root,
                engines: HashMap::new(),
                results,
            }
            .run(queue)
        })
    };
    let mut server = Server {
        connection: &connection,
        encoding,
        jobs,
        results,
        open: HashMap::new(),
    };
    server.main_loop()?;
    // The writer thread ends when every sender is gone: the worker's (it
    // ends when the job queue closes) and the connection's.
    drop(server);
    let _ = worker.join();
    drop(connection);
    io_threads.join()?;
    Ok(0)
}

/// The client's preferred encoding among those it offers (they are listed
/// most preferred first); UTF-16 when it offers none.
fn negotiate(params: &InitializeParams) -> PositionEncoding {
    params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .and_then(|kinds| {
            kinds
                .iter()
                .find_map(|kind| PositionEncoding::parse(kind.as_str()))
        })
        .unwrap_or_default()
}

/// The first workspace folder, or the deprecated root URI.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    let root = params.root_uri.as_ref();
    params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| &folder.uri)
        .or(root)
        .and_then(file_path)
}

/// The file a `file:` URI names.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    Some(PathBuf::from(decoded.as_ref()))
}

/// A `file:` URI for a path.
fn file_uri(path: &Path) -> Option<Uri> {
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    let text = path.to_str()?;
    let encoded = percent_encoding::utf8_percent_encode(text, PATH).to_string();
    format!("file://{encoded}").parse().ok()
}

/// The article format of a document: its language id, else its name.
fn format_of(language_id: &str, path: &str) -> Option<Format> {
    match language_id {
        "markdown" => Some(Format::Markdown),
        "html" => Some(Format::Html),
        "plaintext" | "text" => Some(Format::Text),
        _ if path.ends_with(".txt") => Some(Format::Text),
        _ => None,
    }
}

/// A request to the worker.
enum Job {
    /// Check this text of a document.
    Check {
        uri: Uri,
        version: i32,
        format: Format,
        text: String,
    },
    /// The document was closed: forget it and clear its diagnostics.
    Close(Uri),
}

/// The last check of a document, for code actions.
struct DocResult {
    version: i32,
    text: String,
    index: LineIndex,
    findings: Vec<Finding>,
    /// The configuration file the document was checked with.
    config: Option<PathBuf>,
    /// The language its diagnostics are written in.
    messages: &'static Catalogue,
}

type Results = Arc<Mutex<HashMap<Uri, DocResult>>>;

/// The main thread: reads the editor's messages and answers requests.
struct Server<'a> {
    connection: &'a Connection,
    encoding: PositionEncoding,
    jobs: std::sync::mpsc::Sender<Job>,
    results: Results,
    /// Open documents' formats.
    open: HashMap<Uri, Format>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> io::Result<()> {
        for message in &self.connection.receiver {
            match message {
                Message::Request(request) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(io::Error::other)?
                    {
                        return Ok(());
                    }
                    self.request(request);
                }
                Message::Notification(notification) => self.notification(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The client has gone when this fails; the loop ends on its own.
        let _ = self.connection.sender.send(message);
    }

    fn request(&self, request: Request) {
        let response = if request.method == CodeActionRequest::METHOD {
            match serde_json::from_value::<CodeActionParams>(request.params) {
                Ok(params) => {
                    Response::new_ok(request.id, self.code_actions(&params).unwrap_or_default())
                }
                Err(err) => Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::InvalidParams as i32,
                    err.to_string(),
                ),
            }
        } else {
            Response::new_err(
                request.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("factlint does not answer {}", request.method),
            )
        };
        self.send(Message::Response(response));
    }

    fn notification(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) else {
                    return;
                };
                let doc = p.text_document;
                let Some(format) = format_of(&doc.language_id, doc.uri.as_str()) else {
                    return;
                };
                self.open.insert(doc.uri.clone(), format);
                self.check(doc.uri, doc.version, doc.text);
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) else {
                    return;
                };
                // Full synchronisation: the last change is the whole text.
                if let Some(change) = p.content_changes.into_iter().last() {
                    self.check(p.text_document.uri, p.text_document.version, change.text);
                }
            }
            DidSaveTextDocument::METHOD => {
                // A saved factlint.yaml may change every document's
                // findings: the worker reloads it when its time changes.
                let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(params) else {
                    return;
                };
                if is_config(&p.text_document.uri) {
                    self.recheck_all();
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) else {
                    return;
                };
                if self.open.remove(&p.text_document.uri).is_some() {
                    let _ = self.jobs.send(Job::Close(p.text_document.uri));
                }
            }
            _ => {}
        }
    }

    fn check(&self, uri: Uri, version: i32, text: String) {
        let Some(&format) = self.open.get(&uri) else {
            return;
        };
        let _ = self.jobs.send(Job::Check {
            uri,
            version,
            format,
            text,
        });
    }

    fn recheck_all(&self) {
        let again: Vec<(Uri, i32, String)> = {
            let results = self.results.lock().unwrap_or_else(|e| e.into_inner());
            results
                .iter()
                .map(|(uri, r)| (uri.clone(), r.version, r.text.clone()))
                .collect()
        };
        for (uri, version, text) in again {
            self.check(uri, version, text);
        }
    }

    /// Quick fixes for the findings under the requested range: the
    /// finding's fix (safe ones preferred, unsafe ones saying so), and for
    /// a typo or spelling finding, adding the word to `accept:`.
    fn code_actions(&self, params: &CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        let uri = &params.text_document.uri;
        let results = self.results.lock().unwrap_or_else(|e| e.into_inner());
        let doc = results.get(uri)?;
        let encoding = self.encoding;
        let to_offset = |p: lsp_types::Position| {
            position::offset(
                &doc.text,
                &doc.index,
                Position {
                    line: p.line as usize,
                    column: p.character as usize,
                },
                encoding,
            )
        };
        let (start, end) = (to_offset(params.range.start), to_offset(params.range.end));
        let mut actions = Vec::new();
        for finding in &doc.findings {
            let range = &finding.range;
            let touches = range.start <= end && start <= range.end;
            if !touches {
                continue;
            }
            let diagnostic =
                diagnostic(uri, &doc.text, &doc.index, finding, encoding, doc.messages);
            if let Some(fix) = &finding.fix
                && fix.applicability != Applicability::DisplayOnly
            {
                let safe = fix.applicability == Applicability::Safe;
                let title = if safe {
                    format!("Replace with «{}»", fix.replacement)
                } else {
                    format!(
                        "Replace with «{}» (unsafe fix: check the result)",
                        fix.replacement
                    )
                };
                let edit = TextEdit {
                    range: lsp_range(&doc.text, &doc.index, range, encoding),
                    new_text: fix.replacement.clone(),
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
            if let Some(action) = accept_action(doc, finding, diagnostic, encoding) {
                actions.push(action);
            }
        }
        Some(actions)
    }
}

/// Whether a URI names a configuration file.
fn is_config(uri: &Uri) -> bool {
    let text = uri.as_str();
    CONFIG_NAMES
        .iter()
        .any(|name| text.ends_with(&format!("/{name}")))
}

/// The action that adds a typo's word to the configuration's `accept:`
/// list, when the document was checked with a configuration file.
fn accept_action(
    doc: &DocResult,
    finding: &Finding,
    diagnostic: Diagnostic,
    encoding: PositionEncoding,
) -> Option<CodeActionOrCommand> {
    let code = finding.code();
    if !(code.starts_with("typo/") || code == "consistency/spelling") {
        return None;
    }
    let config = doc.config.as_ref()?;
    let word = doc.text.get(finding.range.clone())?.trim();
    // One word of letters (and inner marks): anything else would be read
    // as a pattern.
    if word.is_empty()
        || !word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '\u{64B}'..='\u{65F}'))
    {
        return None;
    }
    let text = std::fs::read_to_string(config).ok()?;
    let (at, insert) = accept_insertion(&text, word);
    let index = LineIndex::new(&text);
    let edit = TextEdit {
        range: lsp_range(&text, &index, &(at..at), encoding),
        new_text: insert,
    };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!(
            "Add «{word}» to accept: in {}",
            config.file_name()?.to_string_lossy()
        ),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(file_uri(config)?, vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(false),
        ..CodeAction::default()
    }))
}

/// Where and what to insert into a configuration file to add `word` to its
/// `accept:` list: into a one-line `[…]` list, after the last item of a
/// block list, or a new `accept:` line at the end.
fn accept_insertion(text: &str, word: &str) -> (usize, String) {
    let quoted = format!("'{}'", word.replace('\'', "''"));
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix("accept:") else {
            continue;
        };
        let value = rest.split(" #").next().unwrap_or("").trim();
        if value.starts_with('[')
            && let Some(close) = line.rfind(']')
        {
            let inner = value.trim_start_matches('[').trim_end_matches(']').trim();
            let sep = if inner.is_empty() { "" } else { ", " };
            return (start + close, format!("{sep}{quoted}"));
        }
        if value.is_empty() {
            // A block list: after its last `- item` line.
            let mut end = offset;
            let mut indent = "  ".to_string();
            for next in &lines[i + 1..] {
                let trimmed = next.trim_start();
                if trimmed.starts_with("- ")
                    || trimmed.starts_with('#')
                    || trimmed.trim().is_empty()
                {
                    if trimmed.starts_with("- ") {
                        indent = next[..next.len() - trimmed.len()].to_string();
                        end += next.len();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let newline = if text[..end].ends_with('\n') {
                ""
            } else {
                "\n"
            };
            return (end, format!("{newline}{indent}- {quoted}\n"));
        }
    }
    let newline = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    (text.len(), format!("{newline}accept: [{quoted}]\n"))
}

/// A byte range as a protocol range.
fn lsp_range(
    text: &str,
    index: &LineIndex,
    range: &std::ops::Range<usize>,
    encoding: PositionEncoding,
) -> lsp_types::Range {
    let at = |offset| {
        let p = position::position(text, index, offset, encoding);
        lsp_types::Position::new(p.line as u32, p.column as u32)
    };
    lsp_types::Range::new(at(range.start), at(range.end))
}

/// A finding as a protocol diagnostic, in the language of the
/// configuration's `messages:`, with its evidence as related information
/// and its help (and fix) after the message.
fn diagnostic(
    uri: &Uri,
    text: &str,
    index: &LineIndex,
    finding: &Finding,
    encoding: PositionEncoding,
    messages: &Catalogue,
) -> Diagnostic {
    let mut message = human::headline(finding, messages);
    for line in finding
        .help
        .iter()
        .cloned()
        .chain(human::detail(finding, messages))
    {
        message.push('\n');
        message.push_str(&line);
    }
    let related: Vec<DiagnosticRelatedInformation> = finding
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lsp_range(text, index, &label.range, encoding)),
            message: label.message.clone(),
        })
        .collect();
    Diagnostic {
        range: lsp_range(text, index, &finding.range, encoding),
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.code().to_string())),
        source: Some("factlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// An engine for one configuration (or none), and the configuration file's
/// modification time it was built from.
struct CachedEngine {
    engine: Engine,
    modified: Option<SystemTime>,
}

/// The worker thread: checks documents and publishes their diagnostics.
struct Worker {
    sender: crossbeam_channel::Sender<Message>,
    encoding: PositionEncoding,
    root: Option<PathBuf>,
    engines: HashMap<Option<PathBuf>, CachedEngine>,
    results: Results,
}

impl Worker {
    fn run(mut self, queue: std::sync::mpsc::Receiver<Job>) {
        while let Ok(first) = queue.recv() {
            // Only the newest text of each document is worth checking.
            let mut pending: Vec<Job> = vec![first];
            pending.extend(queue.try_iter());
            let mut latest: Vec<Job> = Vec::new();
            for job in pending {
                let uri = match &job {
                    Job::Check { uri, .. } | Job::Close(uri) => uri.clone(),
                };
                latest.retain(
                    |j| !matches!(j, Job::Check { uri: u, .. } | Job::Close(u) if *u == uri),
                );
                latest.push(job);
            }
            for job in latest {
                match job {
                    Job::Check {
                        uri,
                        version,
                        format,
                        text,
                    } => self.check(uri, version, format, text),
                    Job::Close(uri) => {
                        self.lock().remove(&uri);
                        self.publish(uri, None, Vec::new());
                    }
                }
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uri, DocResult>> {
        self.results.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn log(&self, message: String) {
        let params = LogMessageParams {
            typ: MessageType::WARNING,
            message,
        };
        let _ = self.sender.send(Message::Notification(Notification::new(
            LogMessage::METHOD.into(),
            params,
        )));
    }

    fn publish(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<Diagnostic>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        let _ = self.sender.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.into(),
            params,
        )));
    }

    fn check(&mut self, uri: Uri, version: i32, format: Format, text: String) {
        let path = file_path(&uri);
        let name = path
            .as_ref()
            .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        let index = LineIndex::new(&text);
        if text.len() > MAX_LIVE_SIZE {
            self.log(format!(
                "factlint: {name} is larger than {} MB and is not checked as you type; run `factlint check` on it",
                MAX_LIVE_SIZE >> 20
            ));
            self.publish(uri, Some(version), Vec::new());
            return;
        }
        let config_path = path
            .as_deref()
            .and_then(Path::parent)
            .and_then(factlint::config::discover)
            .or_else(|| self.root.as_deref().and_then(factlint::config::discover));
        let engine = self.engine(config_path.clone());
        let (mut load, check) = engine.options_for(Path::new(&name));
        let messages = engine
            .config()
            .and_then(Config::catalogue)
            .unwrap_or_else(factlint::messages::english);
        load.format = Some(format);
        let findings = match engine.check_with(&name, text.clone(), &load, &check) {
            Ok(checked) => checked.findings,
            Err(err) => {
                self.log(format!("factlint: {err}"));
                Vec::new()
            }
        };
        let diagnostics = findings
            .iter()
            .map(|f| diagnostic(&uri, &text, &index, f, self.encoding, messages))
            .collect();
        self.lock().insert(
            uri.clone(),
            DocResult {
                version,
                text,
                index,
                findings,
                config: config_path,
                messages,
            },
        );
        self.publish(uri, Some(version), diagnostics);
    }

    /// The engine for a configuration file, reloaded when the file changed.
    fn engine(&mut self, config_path: Option<PathBuf>) -> &Engine {
        let modified = config_path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| m.modified().ok());
        let stale = self
            .engines
            .get(&config_path)
            .is_none_or(|cached| cached.modified != modified);
        if stale {
            let engine = self.build_engine(config_path.as_deref());
            self.engines
                .insert(config_path.clone(), CachedEngine { engine, modified });
        }
        &self.engines[&config_path].engine
    }

    /// Loads the rules and options as `factlint check` does for a
    /// configuration; mistakes go to the editor's log.
    fn build_engine(&self, config_path: Option<&Path>) -> Engine {
        let config: Option<Config> =
            config_path.and_then(|path| match factlint::config::load(path) {
                Ok(config) => Some(config),
                Err(errors) => {
                    for error in errors {
                        self.log(format!("factlint: {}: {error}", path.display()));
                    }
                    None
                }
            });
        match Engine::start(config.clone(), factlint::engine::Request::default()) {
            Ok(started) => {
                for error in &started.pack_errors {
                    self.log(format!("factlint: rule pack: {error}"));
                }
                for error in &started.config_errors {
                    self.log(format!("factlint: {error}"));
                }
                started.engine
            }
            Err(message) => {
                // Cannot happen for a configuration that loaded (its
                // `accept:` entries are validated then); check with the
                // bundled rules rather than not at all.
                self.log(format!("factlint: {message}"));
                let bundled = RuleSet::load(&RuleSources::default()).rules;
                Engine::new(
                    bundled,
                    None,
                    LoadOptions::default(),
                    CheckOptions::default(),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_into_an_inline_list() {
        let text = "select: [typo]\naccept: [Wich]\n";
        let (at, insert) = accept_insertion(text, "الدوسري");
        let mut out = text.to_string();
        out.insert_str(at, &insert);
        assert_eq!(out, "select: [typo]\naccept: [Wich, 'الدوسري']\n");
        let (at, insert) = accept_insertion("accept: []\n", "x");
        let mut out = "accept: []\n".to_string();
        out.insert_str(at, &insert);
        assert_eq!(out, "accept: ['x']\n");
    }

    #[test]
    fn words_go_after_a_block_list() {
        let text = "accept:\n  - Wich\n  - Foo\nfail_on: warning\n";
        let (at, insert) = accept_insertion(text, "Bar");
        let mut out = text.to_string();
        out.insert_str(at, &insert);
        assert_eq!(
            out,
            "accept:\n  - Wich\n  - Foo\n  - 'Bar'\nfail_on: warning\n"
        );
    }

    #[test]
    fn a_missing_list_is_added() {
        let text = "fail_on: warning";
        let (at, insert) = accept_insertion(text, "Bar");
        let mut out = text.to_string();
        out.insert_str(at, &insert);
        assert_eq!(out, "fail_on: warning\naccept: ['Bar']\n");
    }

    #[test]
    fn file_uris_round_trip() {
        let path = PathBuf::from("/tmp/a folder/مقال.md");
        let uri = file_uri(&path).unwrap();
        assert_eq!(file_path(&uri), Some(path));
    }
}
