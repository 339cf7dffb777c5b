//! `--fix`: exactly the safe fixes, nothing else, atomically, converging.

mod common;

use common::*;

/// A copy of the reference article in a temporary folder.
fn copy_of_reference() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("morocco-visit.ar.txt");
    std::fs::copy(root().join("fixtures/morocco-visit.ar.txt"), &path).unwrap();
    (dir, path)
}

fn fix(path: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let rules = root().join("rules/examples");
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--fix",
        "--color",
        "never",
    ];
    args.extend_from_slice(extra);
    factlint(&args)
}

#[test]
fn fix_makes_exactly_the_safe_replacements() {
    let (_dir, path) = copy_of_reference();
    let original = std::fs::read_to_string(&path).unwrap();
    let output = fix(&path, &[]);
    assert!(code(&output) < 2, "{}", stderr(&output));
    let fixed = std::fs::read_to_string(&path).unwrap();
    // Items 4 and 6 of the reference article, and no other byte.
    let expected =
        original
            .replacen("سلاح الجوي", "سلاح الجو", 1)
            .replacen("وكانت المغرب", "وكان المغرب", 1);
    assert_eq!(fixed, expected);
    let out = stdout(&output);
    assert_eq!(out.matches("fixed ").count(), 2, "{out}");
    // The unsafe fixes (the nationality, the adjective, and item 5: the
    // built-in «بعد»/«بعض» rule, whose context is a guess) were shown, not
    // made.
    assert!(stderr(&output).contains("unsafe fix(es) not applied"));
    assert!(fixed.contains("نظيره الإمارات"));
    assert!(fixed.contains("بعد قطاعات"));
}

#[test]
fn a_second_fix_finds_nothing_more_to_fix() {
    let (_dir, path) = copy_of_reference();
    fix(&path, &[]);
    let once = std::fs::read(&path).unwrap();
    let output = fix(&path, &[]);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        once,
        "the second run changed the file"
    );
    assert!(!stdout(&output).contains("fixed "), "{}", stdout(&output));
}

#[test]
fn diff_prints_and_writes_nothing() {
    let (_dir, path) = copy_of_reference();
    let before = std::fs::read(&path).unwrap();
    let output = fix(&path, &["--diff"]);
    assert_eq!(code(&output), 1, "fixes available");
    let diff = stdout(&output);
    assert!(diff.contains("-اختتم قائد سلاح الجوي"), "{diff}");
    assert!(diff.contains("+اختتم قائد سلاح الجو "), "{diff}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn unsafe_fixes_need_opting_in() {
    let (_dir, path) = copy_of_reference();
    fix(&path, &["--unsafe-fixes"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("نظيره المغربي"),
        "the nationality was fixed from the pack"
    );
}

#[test]
fn fixes_inside_quotations_are_only_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quote.txt");
    std::fs::write(
        &path,
        "Headline\n\nHe said: \"the goverment will act\", and the goverment did.\n",
    )
    .unwrap();
    let output = factlint(&["check", path.to_str().unwrap(), "--fix", "--color", "never"]);
    assert!(code(&output) < 2, "{}", stderr(&output));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "Headline\n\nHe said: \"the goverment will act\", and the government did.\n"
    );
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let output = factlint_in(
        &root(),
        &["check", "-", "--fix"],
        Some(b"The goverment met.\n"),
    );
    assert_eq!(stdout(&output), "The government met.\n");
}

/// A fix never lowers a capital: the typo lists are lower case, the text
/// is not.
#[test]
fn fixes_keep_the_case_of_the_words_they_replace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wire.txt");
    std::fs::write(
        &path,
        "Trade talks\n\nBritian said the GURANTEE holds. Athough talks slowed, both sides recieve aid.\n",
    )
    .unwrap();
    let output = factlint_in(
        dir.path(),
        &["check", "wire.txt", "--fix", "--no-config"],
        None,
    );
    assert!(code(&output) < 2, "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Trade talks\n\nBritain said the GUARANTEE holds. Although talks slowed, both sides receive aid.\n"
    );
}

/// Fixes `name` holding `text` in a fresh folder; returns the file's bytes
/// afterwards and the JSON report of a check run on the original.
fn fix_markup(name: &str, text: &str) -> (String, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let report = json(&factlint_in(
        dir.path(),
        &["check", name, "--no-config", "--format", "json"],
        None,
    ));
    let output = factlint_in(dir.path(), &["check", name, "--fix", "--no-config"], None);
    assert!(code(&output) < 2, "{}", stderr(&output));
    (std::fs::read_to_string(&path).unwrap(), report)
}

/// The fixes of a JSON report, as (text, replacement, applicability).
fn fixes<'a>(text: &'a str, report: &serde_json::Value) -> Vec<(&'a str, String, String)> {
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["fix"].is_null())
        .map(|f| {
            let (start, end) = (
                f["span"]["start"].as_u64().unwrap() as usize,
                f["span"]["end"].as_u64().unwrap() as usize,
            );
            (
                &text[start..end],
                f["fix"]["replacement"].as_str().unwrap().to_string(),
                f["fix"]["applicability"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// HTML: script, style, comments, attributes and code are not article
/// text; a word split by an inline tag or a soft hyphen is read whole and
/// its fix only shown; prose is fixed.
#[test]
fn html_fixes_touch_only_article_text() {
    let page = "<html><head><title>The goverment</title><style>.goverment { color: red }</style>\
<script>var goverment = 'recieve';</script></head><body>\n\
<h1>The goverment acts</h1>\n\
<!-- the goverment draft -->\n\
<p class=\"goverment\" title=\"recieve\">They recieve the gover<i>ment</i> plan and the gover&shy;ment plan.</p>\n\
<p>Run <code>goverment --recieve</code> now.</p>\n\
<figure><img src=\"a.jpg\" alt=\"The goverment building\"></figure>\n\
</body></html>\n";
    let (fixed, report) = fix_markup("page.html", page);
    assert_eq!(
        fixed,
        page.replacen("<h1>The goverment acts", "<h1>The government acts", 1)
            .replacen("They recieve", "They receive", 1)
    );
    assert_eq!(
        fixes(page, &report),
        vec![
            ("goverment", "government".into(), "safe".into()),
            ("recieve", "receive".into(), "safe".into()),
            ("gover<i>ment", "government".into(), "display-only".into()),
            ("gover&shy;ment", "government".into(), "display-only".into()),
            ("goverment", "government".into(), "display-only".into()),
        ]
    );
}

/// Markdown: code fences, inline code, HTML comments, link addresses and
/// front matter keys are not article text; emphasis inside a word and a
/// soft hyphen join it.
#[test]
fn markdown_fixes_touch_only_article_text() {
    let text = "---\ntitle: The goverment plan\ngoverment: recieve\n---\n\n\
They recieve the [report](https://example.com/goverment-recieve) today.\n\n\
The gover*ment* plan and the govern\u{AD}ment plan and the gover\u{AD}ment plan.\n\n\
<!-- goverment draft -->\n\n\
Run `goverment --recieve` first.\n\n\
```\ngoverment recieve\n```\n";
    let (fixed, report) = fix_markup("a.md", text);
    assert_eq!(
        fixed,
        text.replacen("title: The goverment", "title: The government", 1)
            .replacen("They recieve", "They receive", 1)
    );
    assert_eq!(
        fixes(text, &report),
        vec![
            ("goverment", "government".into(), "safe".into()),
            ("recieve", "receive".into(), "safe".into()),
            ("gover*ment", "government".into(), "display-only".into()),
            (
                "gover\u{AD}ment",
                "government".into(),
                "display-only".into()
            ),
        ]
    );
}

/// The bundled English list holds no row whose correction is itself wrong
/// (scripts/build_typos_en.py drops them; scripts/check_typos.py checks every
/// correction against a word list), so "guage" never becomes "gage" and
/// "governmet" never "governments", while a sound row still fixes.
#[test]
fn wrong_corrections_of_the_typo_list_are_never_applied() {
    let output = factlint_in(
        &root(),
        &["check", "-", "--fix", "--no-config"],
        Some(b"Nobody could guage how the governmet and the goverment differ.\n"),
    );
    assert_eq!(
        stdout(&output),
        "Nobody could guage how the governmet and the government differ.\n"
    );
}

/// Markdown HTML blocks: the text between their tags is article text, read
/// and fixed as any paragraph; their scripts, attributes and code are not.
#[test]
fn markdown_html_blocks_keep_their_prose() {
    let text = "# Budget\n\n\
<div class=\"goverment\">\nThey recieve the plan.\n</div>\n\n\
<script>\nvar goverment = 'recieve';\n</script>\n\n\
<pre>goverment recieve</pre>\n\n\
The plan is due.\n";
    let (fixed, report) = fix_markup("a.md", text);
    assert_eq!(fixed, text.replacen("They recieve", "They receive", 1));
    assert_eq!(
        fixes(text, &report),
        vec![("recieve", "receive".into(), "safe".into())]
    );
}
