//! `factlint server` driven over stdio as an editor drives it: initialize,
//! open the reference article, receive its diagnostics with ranges in
//! UTF-16 units (computed here independently, from the JSON report's byte
//! offsets), apply a code action, add a word to `accept:`, shut down.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use common::*;

/// How long to wait for one message (a debug build loads the packs slowly).
const WAIT: Duration = Duration::from_secs(120);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint server starts");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).expect("a whole message");
                let value: Value = serde_json::from_slice(&body).expect("JSON");
                if send.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("server reads");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result (other messages meanwhile
    /// are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.incoming.recv_timeout(WAIT).expect("a response");
            if message["id"] == json!(id) && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{message}");
                return message["result"].clone();
            }
        }
    }

    /// Waits for the diagnostics of `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let message = self.incoming.recv_timeout(WAIT).expect("diagnostics");
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == json!(version)
            {
                return message["params"]["diagnostics"]
                    .as_array()
                    .expect("a list")
                    .clone();
            }
        }
    }

    fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "{status}");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A 0-based line and UTF-16 column, counted here without the library.
fn utf16_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..offset].encode_utf16().count();
    json!({"line": line, "character": character})
}

/// The byte offset of a 0-based line and UTF-16 column.
fn utf16_offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let mut units = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut offset = start;
    for c in text[start..].chars() {
        if units == 0 || c == '\n' {
            break;
        }
        units -= c.len_utf16();
        offset += c.len_utf8();
    }
    offset
}

/// Applies text edits (in UTF-16 positions) to a text, last first.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                utf16_offset(text, &e["range"]["start"]),
                utf16_offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

/// A folder with the reference article and a configuration that adds the
/// example packs and has an empty `accept:` list.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("fixtures/morocco-visit.ar.txt"),
        dir.path().join("morocco-visit.ar.txt"),
    )
    .expect("copy");
    let config = format!(
        "rules: ['{}']\naccept: []\n",
        root().join("rules/examples").display()
    );
    std::fs::write(dir.path().join("factlint.yaml"), config).expect("write config");
    dir
}

fn initialize(client: &mut Client, dir: &Path, capabilities: Value) -> Value {
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(dir),
            "capabilities": capabilities,
        }),
    );
    client.notify("initialized", json!({}));
    result
}

#[test]
fn diagnostics_code_actions_and_accept_over_stdio() {
    let dir = workspace();
    let article = dir.path().join("morocco-visit.ar.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    // What the command line reports, as byte offsets.
    let report = factlint_in(
        dir.path(),
        &["check", "morocco-visit.ar.txt", "--format", "json"],
        None,
    );
    let report: Value = serde_json::from_slice(&report.stdout).expect("JSON report");
    let findings = report["files"][0]["findings"].as_array().unwrap().clone();
    assert!(findings.len() >= 5, "{findings:?}");
    let expected: Vec<(String, Value)> = findings
        .iter()
        .map(|f| {
            let (start, end) = (
                f["span"]["start"].as_u64().unwrap() as usize,
                f["span"]["end"].as_u64().unwrap() as usize,
            );
            (
                f["code"].as_str().unwrap().to_string(),
                json!({"start": utf16_position(&text, start), "end": utf16_position(&text, end)}),
            )
        })
        .collect();

    let mut client = Client::start(dir.path());
    let init = initialize(&mut client, dir.path(), json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let article_uri = uri(&article);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article_uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&article_uri, 1);
    let got: Vec<(String, Value)> = diagnostics
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone()))
        .collect();
    assert_eq!(got, expected);
    // The Arabic spans are where UTF-16 differs from bytes: «سلاح الجوي».
    let typo = findings
        .iter()
        .position(|f| f["code"] == "typo/substitution")
        .expect("the reference article's typo");
    let start = findings[typo]["span"]["start"].as_u64().unwrap() as usize;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(
        diagnostics[typo]["range"]["start"]["character"],
        json!(text[line_start..start].chars().count())
    );
    assert_ne!(
        diagnostics[typo]["range"]["start"]["character"],
        json!(start - line_start)
    );
    assert_eq!(
        &text[utf16_offset(&text, &diagnostics[typo]["range"]["start"])
            ..utf16_offset(&text, &diagnostics[typo]["range"]["end"])],
        "سلاح الجوي"
    );

    // The safe fix, as a preferred quick fix; applying it removes the finding.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": article_uri},
            "range": diagnostics[typo]["range"],
            "context": {"diagnostics": [diagnostics[typo]]},
        }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("a preferred fix in {actions}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["title"], "Replace with «سلاح الجو»");
    let edits = fix["edit"]["changes"][&article_uri].as_array().unwrap();
    let fixed = apply(&text, edits);
    assert!(fixed.contains("قائد سلاح الجو الإسرائيلي"));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": article_uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = client.diagnostics(&article_uri, 2);
    assert_eq!(after.len(), diagnostics.len() - 1);
    assert!(after.iter().all(|d| d["code"] != "typo/substitution"));
    // Unsafe fixes are offered, and say so.
    let unsafe_at = findings
        .iter()
        .position(|f| f["fix"]["applicability"] == "unsafe")
        .expect("an unsafe fix");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": article_uri},
            "range": diagnostics[unsafe_at]["range"],
            "context": {"diagnostics": []},
        }),
    );
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["title"].as_str().unwrap().contains("unsafe") && a["isPreferred"] == false),
        "{actions}"
    );

    // A one-word typo can be added to the configuration's accept: list.
    let note = dir.path().join("note.md");
    let note_uri = uri(&note);
    let note_text = "# Note\n\nThe ministry recieved the report.\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": note_uri, "languageId": "markdown", "version": 1, "text": note_text}}),
    );
    let note_diagnostics = client.diagnostics(&note_uri, 1);
    assert_eq!(note_diagnostics.len(), 1, "{note_diagnostics:?}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": note_uri},
            "range": note_diagnostics[0]["range"],
            "context": {"diagnostics": note_diagnostics},
        }),
    );
    let accept = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("accept:"))
        .unwrap_or_else(|| panic!("an accept action in {actions}"));
    let config_path = dir.path().join("factlint.yaml");
    let config = std::fs::read_to_string(&config_path).unwrap();
    let edits = accept["edit"]["changes"][uri(&config_path)]
        .as_array()
        .unwrap();
    let config = apply(&config, edits);
    assert!(config.ends_with("accept: ['recieved']\n"), "{config}");
    std::fs::write(&config_path, config).unwrap();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": note_uri, "version": 2}, "contentChanges": [{"text": note_text}]}),
    );
    assert_eq!(client.diagnostics(&note_uri, 2), Vec::<Value>::new());

    client.shutdown();
}

#[test]
fn utf8_positions_when_the_editor_asks_for_them() {
    let dir = workspace();
    let article = dir.path().join("morocco-visit.ar.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    let mut client = Client::start(dir.path());
    let init = initialize(
        &mut client,
        dir.path(),
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let article_uri = uri(&article);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article_uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&article_uri, 1);
    let typo = diagnostics
        .iter()
        .find(|d| d["code"] == "typo/substitution")
        .expect("the typo");
    let start = text.find("سلاح الجوي").unwrap();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(
        typo["range"]["start"]["character"],
        json!(start - line_start)
    );
    client.shutdown();
}

/// `messages: ar` in factlint.yaml writes the diagnostics in Arabic, as
/// the command line's report: the code's Arabic headline first, the
/// finding's own message as the detail.
#[test]
fn diagnostics_speak_the_configured_language() {
    let dir = workspace();
    let config = dir.path().join("factlint.yaml");
    let mut settings = std::fs::read_to_string(&config).expect("config");
    settings.push_str("messages: ar\n");
    std::fs::write(&config, settings).expect("write config");
    let article = dir.path().join("morocco-visit.ar.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    let mut client = Client::start(dir.path());
    initialize(&mut client, dir.path(), json!({}));
    let article_uri = uri(&article);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": article_uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics(&article_uri, 1);
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        let message = d["message"].as_str().expect("a message");
        let headline = message.lines().next().unwrap_or_default();
        assert!(
            headline
                .chars()
                .any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
            "an Arabic headline: {message}"
        );
        assert!(message.contains("التفاصيل (بالإنجليزية)"), "{message}");
    }
}
