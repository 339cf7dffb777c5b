//! `factlint serve` under load: 200 requests at once, mixing valid
//! articles, oversized bodies, bodies that are not UTF-8, malformed JSON
//! and JSON of the wrong shape. Each answer must carry the right status and
//! body, and the server must still answer afterwards.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::chromium;
use common::root;

/// The server, stopped when the test ends.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `factlint serve` on a free port and reads the port it printed.
fn start(extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["serve", "--port", "0", "--no-config"])
        .args(extra)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlint serve starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr is piped")).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("the server prints its address")
            .expect("stderr reads");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            let address = rest.split('/').next().unwrap();
            break address.parse().expect("an address");
        }
    };
    // Keep draining stderr so that the server never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    Server { child, address }
}

/// One HTTP/1.1 request; returns the status and the body.
fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    kind: &str,
    body: &[u8],
) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // A server that refuses an oversized body may close before reading
    // it all; its answer is still there to read.
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("an HTTP answer: {}", String::from_utf8_lossy(&answer)));
    let status_line = String::from_utf8_lossy(&answer[..split]).to_string();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    (status, answer[split + 4..].to_vec())
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("JSON ({e}): {}", String::from_utf8_lossy(body)))
}

fn error_code(body: &[u8]) -> String {
    json(body)["error"]["code"]
        .as_str()
        .expect("an error code")
        .to_string()
}

/// The kinds of request sent at once.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Arabic,
    English,
    Oversized,
    NotUtf8,
    Malformed,
    WrongShape,
    BadField,
}

const KINDS: [Kind; 7] = [
    Kind::Arabic,
    Kind::English,
    Kind::Oversized,
    Kind::NotUtf8,
    Kind::Malformed,
    Kind::WrongShape,
    Kind::BadField,
];

fn body(kind: Kind, arabic: &str) -> Vec<u8> {
    match kind {
        Kind::Arabic => serde_json::to_vec(&serde_json::json!({ "text": arabic })).unwrap(),
        Kind::English => serde_json::to_vec(&serde_json::json!({
            "text": "The ministers began tehir talks on Monday, March 5, 2024, in Rabat.\n",
            "lang": "en",
            "date": "2024-03-06",
        }))
        .unwrap(),
        Kind::Oversized => {
            serde_json::to_vec(&serde_json::json!({ "text": "a ".repeat(40 * 1024) })).unwrap()
        }
        Kind::NotUtf8 => b"{\"text\": \"\xff\xfe bad \xc3\x28\"}".to_vec(),
        Kind::Malformed => br#"{"text": "unterminated"#.to_vec(),
        Kind::WrongShape => br#"{"body": "no text field"}"#.to_vec(),
        Kind::BadField => br#"{"text": "hello", "date": "24/02/2023"}"#.to_vec(),
    }
}

fn check_answer(kind: Kind, status: u16, body: &[u8]) {
    match kind {
        Kind::Arabic | Kind::English => {
            assert_eq!(status, 200, "{kind:?}: {}", String::from_utf8_lossy(body));
            let report = json(body);
            assert_eq!(report["version"], 2, "the JSON contract version");
            let file = &report["files"][0];
            let language = if matches!(kind, Kind::Arabic) {
                "ar"
            } else {
                "en"
            };
            assert_eq!(file["language"], language);
            assert!(
                !file["findings"].as_array().unwrap().is_empty(),
                "{kind:?} has findings"
            );
        }
        Kind::Oversized => {
            assert_eq!(status, 413);
            assert_eq!(error_code(body), "body_too_large");
        }
        Kind::NotUtf8 => {
            assert_eq!(status, 400);
            assert_eq!(error_code(body), "invalid_utf8");
        }
        Kind::Malformed => {
            assert_eq!(status, 400);
            assert_eq!(error_code(body), "invalid_json");
        }
        Kind::WrongShape => {
            assert_eq!(status, 422);
            assert_eq!(error_code(body), "invalid_request");
        }
        Kind::BadField => {
            assert_eq!(status, 422);
            assert_eq!(error_code(body), "invalid_field");
        }
    }
    let message = if status == 200 {
        None
    } else {
        json(body)["error"]["message"].as_str().map(str::to_string)
    };
    assert!(
        status == 200 || message.is_some_and(|m| !m.is_empty()),
        "{kind:?}: an error says why"
    );
}

#[test]
fn two_hundred_requests_at_once() {
    let server = start(&[
        "--max-body",
        "64K",
        "--max-concurrent",
        "2",
        "--timeout",
        "120",
    ]);
    let address = server.address;
    let arabic = std::fs::read_to_string(root().join("fixtures/morocco-visit.ar.txt")).unwrap();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(200));
    let threads: Vec<_> = (0..200)
        .map(|i| {
            let kind = KINDS[i % KINDS.len()];
            let body = body(kind, &arabic);
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let (status, answer) =
                    request(address, "POST", "/check", "application/json", &body);
                check_answer(kind, status, &answer);
                kind
            })
        })
        .collect();
    let mut answered = 0;
    for thread in threads {
        thread.join().expect("every request got the right answer");
        answered += 1;
    }
    assert_eq!(answered, 200);

    // Still there, and still right.
    let (status, answer) = request(
        address,
        "POST",
        "/check",
        "application/json",
        &body(Kind::Arabic, &arabic),
    );
    check_answer(Kind::Arabic, status, &answer);
    let (status, page) = request(address, "GET", "/", "text/plain", b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("<form method=\"post\" action=\"/\""));
    let (status, answer) = request(address, "GET", "/nowhere", "text/plain", b"");
    assert_eq!(status, 404);
    assert_eq!(error_code(&answer), "not_found");
    let (status, answer) = request(address, "GET", "/check", "text/plain", b"");
    assert_eq!(status, 405);
    assert_eq!(error_code(&answer), "method_not_allowed");
}

/// Encodes a form field value.
fn form_value(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[test]
fn the_page_shows_a_pasted_article_marked() {
    let server = start(&["--rules", "rules/examples"]);
    for (fixture, lang, screenshot) in [
        ("fixtures/morocco-visit.ar.txt", "ar", "serve-page-ar.png"),
        (
            "fixtures/fact-naval-talks.en.txt",
            "auto",
            "serve-page-en.png",
        ),
    ] {
        let text = std::fs::read_to_string(root().join(fixture)).unwrap();
        let form = format!("text={}&lang={lang}&date=&format=text", form_value(&text));
        let (status, page) = request(
            server.address,
            "POST",
            "/",
            "application/x-www-form-urlencoded",
            form.as_bytes(),
        );
        let page = String::from_utf8(page).expect("the page is UTF-8");
        assert_eq!(status, 200, "{page}");
        assert!(
            page.contains("<mark id=\"a1-f1\""),
            "the findings are marked"
        );
        assert!(!page.contains("<script"), "the page works without a script");
        if chromium::update_screenshots()
            && let Some(chromium) = chromium::require()
        {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("page.html");
            std::fs::write(&file, &page).unwrap();
            let png = root().join("tests/screenshots").join(screenshot);
            chromium::screenshot(&chromium, &file, &png, 1280, 1500);
        }
    }
    // A form that is not one gets a 4xx page, not a crash.
    let (status, _) = request(server.address, "POST", "/", "application/json", b"{}");
    assert!((400..500).contains(&status), "{status}");
}
