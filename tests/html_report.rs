//! `--format html` in a real browser: the report of the reference article
//! opened in headless Chromium. Each mark's text must be the finding's
//! words, and the Arabic paragraphs must be laid out right to left.
//!
//! A probe script is appended to a copy of the report (the report itself
//! has no script); it writes what the browser computed into the DOM, which
//! `--dump-dom` returns. `FACTLINT_SCREENSHOTS=1` also rewrites the
//! screenshots under `tests/screenshots/`.

mod common;

use std::path::Path;

use common::chromium;
use common::*;

/// Collects, in the browser, each finding's marked text (its parts in
/// document order, tooltips left out), the computed direction and the
/// language of every paragraph, which side each paragraph's first letter
/// sits on, and whether focusing a mark shows its details.
const PROBE: &str = r#"<script>
(function () {
  var out = { marks: {}, labels: {}, paragraphs: [], tip: null };
  document.querySelectorAll('mark[data-finding]').forEach(function (m) {
    var copy = m.cloneNode(true);
    copy.querySelectorAll('.tip').forEach(function (t) { t.remove(); });
    var id = m.getAttribute('data-finding');
    out.marks[id] = (out.marks[id] || '') + copy.textContent;
    if (m.id) { out.labels[id] = m.getAttribute('aria-label'); }
  });
  document.querySelectorAll('article.text p').forEach(function (p) {
    var box = p.getBoundingClientRect();
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return n.parentElement.closest('.tip') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var first = walker.nextNode();
    var side = null;
    if (first && first.length > 0) {
      var r = document.createRange();
      r.setStart(first, 0); r.setEnd(first, 1);
      var c = r.getBoundingClientRect();
      side = (box.right - c.right) < (c.left - box.left) ? 'right' : 'left';
    }
    out.paragraphs.push({ lang: p.lang, dir: getComputedStyle(p).direction, first: side });
  });
  // `:focus` matches only while the page itself has the focus, which a
  // busy machine gives headless Chromium some time after the load; wait
  // for it (virtual time, see `dump_dom`) before focusing the mark.
  var tries = 0;
  function finish() {
    if (!document.hasFocus() && tries++ < 200) { setTimeout(finish, 10); return; }
    var mark = document.querySelector('mark[tabindex]');
    if (mark) {
      mark.focus();
      var tip = document.getElementById(mark.getAttribute('aria-describedby'));
      out.tip = { page_focused: document.hasFocus(), focused: document.activeElement === mark, display: getComputedStyle(tip).display };
    }
    var pre = document.createElement('pre');
    pre.id = 'probe';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  finish();
})();
</script>"#;

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Runs the probe over the HTML report and returns what it found.
fn probe(chromium: &Path, html: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("report.html");
    let probed = html.replacen("</body>", &format!("{PROBE}</body>"), 1);
    std::fs::write(&file, probed).expect("the report is written");
    let dom = chromium::dump_dom(chromium, &file);
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + 16;
    let end = start + dom[start..].find("</pre>").expect("the probe closed");
    serde_json::from_str(&unescape(&dom[start..end])).expect("the probe wrote JSON")
}

/// The HTML and JSON reports of one article.
fn reports(args: &[&str]) -> (String, serde_json::Value) {
    let mut html_args = args.to_vec();
    html_args.extend(["--format", "html"]);
    let html = factlint(&html_args);
    assert!(code(&html) < 2, "{}", stderr(&html));
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    (stdout(&html), json(&factlint(&json_args)))
}

fn check_article(chromium: &Path, args: &[&str], language: &str, screenshot: &str) {
    let (html, report) = reports(args);
    let path = root().join(args[1]);
    let text = std::fs::read_to_string(&path).expect("the article reads");
    let findings = report["files"][0]["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "the article has findings to show");
    let seen = probe(chromium, &html);
    let marks = seen["marks"].as_object().expect("marks");
    assert_eq!(marks.len(), findings.len(), "every finding is marked once");
    for (i, finding) in findings.iter().enumerate() {
        let id = format!("a1-f{}", i + 1);
        let start = finding["span"]["start"].as_u64().unwrap() as usize;
        let end = finding["span"]["end"].as_u64().unwrap() as usize;
        let words = &text[start..end];
        assert_eq!(
            marks[&id].as_str(),
            Some(words),
            "{id} ({}) marks its words",
            finding["code"]
        );
        let label = seen["labels"][&id].as_str().expect("an accessible name");
        assert!(
            label.contains(finding["code"].as_str().unwrap()) && label.contains(words),
            "{id}'s accessible name says the code and the words: {label}"
        );
    }
    let paragraphs = seen["paragraphs"].as_array().expect("paragraphs");
    let in_language: Vec<_> = paragraphs
        .iter()
        .filter(|p| p["lang"] == language)
        .collect();
    assert!(
        in_language.len() * 2 > paragraphs.len(),
        "most paragraphs are {language}: {paragraphs:?}"
    );
    let (dir, side) = if language == "ar" {
        ("rtl", "right")
    } else {
        ("ltr", "left")
    };
    for p in &in_language {
        assert_eq!(p["dir"], dir, "{p}");
        assert_eq!(p["first"], side, "the first letter sits on the {side}: {p}");
    }
    assert_eq!(seen["tip"]["page_focused"], true, "the page has the focus");
    assert_eq!(seen["tip"]["focused"], true, "a mark takes the focus");
    assert_eq!(
        seen["tip"]["display"], "block",
        "focus shows the mark's details"
    );
    if chromium::update_screenshots() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("report.html");
        std::fs::write(&file, &html).expect("the report is written");
        let png = root().join("tests/screenshots").join(screenshot);
        std::fs::create_dir_all(png.parent().unwrap()).unwrap();
        chromium::screenshot(chromium, &file, &png, 1280, 1400);
    }
}

#[test]
fn reference_article_in_a_browser() {
    let Some(chromium) = chromium::require() else {
        return;
    };
    check_article(
        &chromium,
        &[
            "check",
            "fixtures/morocco-visit.ar.txt",
            "--rules",
            "rules/examples",
        ],
        "ar",
        "html-report-ar.png",
    );
}

#[test]
fn english_article_in_a_browser() {
    let Some(chromium) = chromium::require() else {
        return;
    };
    check_article(
        &chromium,
        &[
            "check",
            "fixtures/fact-naval-talks.en.txt",
            "--rules",
            "rules/examples",
        ],
        "en",
        "html-report-en.png",
    );
}

#[test]
fn many_articles_in_one_page() {
    let output = factlint(&[
        "check",
        "fixtures/morocco-visit.ar.txt",
        "fixtures/fact-naval-talks.en.txt",
        "missing.txt",
        "--format",
        "html",
    ]);
    let html = stdout(&output);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(r#"id="a1-title""#) && html.contains(r#"id="a2-title""#));
    assert!(
        html.contains("Could not be checked"),
        "the missing file is reported"
    );
    // Self-contained: no script, nothing fetched.
    for forbidden in ["<script", "src=", "<link", "http://", "https://", "@import"] {
        assert!(!html.contains(forbidden), "the report contains {forbidden}");
    }
}
