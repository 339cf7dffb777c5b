//! Snapshot tests of the human report: the source line, the underline under
//! the right Arabic word, the labels, the fix and the rule's file:line.
//! Colour off and a fixed width keep the snapshots stable.

mod common;

use common::*;

fn human(args: &[&str]) -> String {
    let mut all = vec!["check", "--color", "never"];
    all.extend_from_slice(args);
    stdout(&factlint(&all))
}

#[test]
fn arabic_typo_is_underlined_in_place() {
    let report = human(&[
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--select",
        "typo/substitution",
    ]);
    insta::assert_snapshot!(report);
    // The underline starts under the first letter of «سلاح الجوي»: in the
    // source line, 11 characters precede it («اختتم قائد »).
    let lines: Vec<&str> = report.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.contains("اختتم قائد سلاح الجوي"))
        .unwrap();
    let gutter = lines[source].find('│').unwrap() + '│'.len_utf8() + 1;
    let prefix_chars = lines[source][gutter..]
        .find("سلاح الجوي")
        .map(|b| lines[source][gutter..][..b].chars().count())
        .unwrap();
    let underline = lines[source + 1];
    let underline_start = underline.chars().position(|c| c == '─').unwrap();
    let gutter_chars = lines[source][..gutter].chars().count();
    assert_eq!(underline_start - gutter_chars, prefix_chars);
    assert_eq!(
        underline.chars().filter(|&c| c == '─' || c == '┬').count(),
        "سلاح الجوي".chars().count()
    );
}

#[test]
fn header_column_counts_characters() {
    let report = human(&[
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--select",
        "typo/confusable",
    ]);
    assert!(
        report.contains("[fixtures/morocco-visit.ar.txt:26:21]"),
        "{report}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn contradicted_nationality_shows_the_evidence() {
    let report = human(&[
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--select",
        "fact/nationality",
    ]);
    // The caption span, the pack's fact in English with both scripts, and
    // the article's own evidence as labels.
    assert!(
        report.contains("«نظيره الإمارات» makes «العابد العلوي بوحامد» Emirati (إماراتي)"),
        "{report}"
    );
    assert!(report.contains("but the pack says Moroccan"), "{report}");
    assert!(report.contains("headline names Morocco here"), "{report}");
    assert!(report.contains("caption: fact/nationality"), "{report}");
    insta::assert_snapshot!(report);
}

/// Paragraphs are one line in most articles: the report shows a window of
/// each line around the words it points at, so nothing wraps and a
/// one-line page is not printed whole for every finding.
#[test]
fn long_lines_are_windowed_to_the_report_width() {
    let report = human(&["fixtures/morocco-visit.ar.txt", "--rules", "rules/examples"]);
    // Source lines and the header fit; a label's text may still run past
    // the last underline.
    let longest = report
        .lines()
        .filter(|l| !l.trim_start().starts_with('·'))
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(longest <= 100, "a report line of {longest} characters");
    assert!(report.contains("…"), "no line was cut");
    let dir = tempfile::tempdir().unwrap();
    let words: String = (0..20_000).map(|i| format!("w{i} ")).collect();
    let page = format!("<p>{words}the the end.</p>");
    std::fs::write(dir.path().join("page.html"), &page).unwrap();
    let output = factlint_in(
        dir.path(),
        &["check", "page.html", "--color", "never", "--no-config"],
        None,
    );
    let text = stdout(&output);
    // The finding covers the space and the second «the».
    let column = page.find("the the").unwrap() + 4;
    assert!(text.contains(&format!("page.html:1:{column}]")), "{text}");
    assert!(
        text.len() < 4_000,
        "the report printed {} bytes",
        text.len()
    );
}

/// The human report of one file `name` holding `text`, checked with the
/// bundled packs alone and no colour.
fn report_of_one_file(name: &str, text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    factlint_in(
        dir.path(),
        &[
            "check",
            name,
            "--color",
            "never",
            "--no-config",
            "--no-cache",
        ],
        None,
    )
}

/// A label tens of thousands of characters along its finding's line (a
/// whole article on one line, as CMS exports often are) is shown at the
/// cut: the report neither panics nor prints a line of that length.
#[test]
fn a_label_far_along_one_line_is_shown_at_the_cut() {
    let filler: String = (0..12_000).map(|i| format!("نص{i} ")).collect();
    let text = format!(
        "وصل قائد سلاح الجو أمس. ثم تحدث قائد سلاح الجو اليوم. وقال قائد سلاح الجو كلمة. {filler}وأعلن قائد سلاح الجوي النتائج.\n"
    );
    let output = report_of_one_file("far.txt", &text);
    let report = stdout(&output);
    // A warning: the run passes.
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let column = text[..text.find("سلاح الجوي").unwrap()].chars().count() + 1;
    assert!(report.contains(&format!("far.txt:1:{column}]")), "{report}");
    assert!(report.contains("spelled this way 3 times"), "{report}");
    let longest = report.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 100, "a report line of {longest} characters");
}

#[test]
fn a_word_after_a_run_of_tabs_is_underlined_in_view() {
    let output = report_of_one_file("tabs.txt", &format!("{}recieve it\n", "\t".repeat(500)));
    let report = stdout(&output);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(report.contains("tabs.txt:1:501]"), "{report}");
    // The source line shows the word, and the underline is under it.
    let source = report
        .lines()
        .find(|l| l.contains("recieve it"))
        .unwrap_or_else(|| panic!("the word is not shown: {report}"));
    let underline = report.lines().find(|l| l.contains('┬')).unwrap();
    let word_at = source[..source.find("recieve").unwrap()].chars().count();
    let mark_at = underline
        .chars()
        .position(|c| c == '─' || c == '┬')
        .unwrap();
    assert_eq!(word_at, mark_at, "{report}");
}

/// The report of `args` with `COLUMNS` and colour variables set.
fn report_with_env(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"));
    command
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("COLUMNS");
    for (name, value) in env {
        command.env(name, value);
    }
    stdout(&command.output().expect("factlint runs"))
}

#[test]
fn no_line_is_wider_than_an_80_column_terminal() {
    for messages in ["en", "ar"] {
        let report = report_with_env(
            &[
                "check",
                "fixtures/morocco-visit.ar.txt",
                "--rules",
                "rules/examples",
                "--color",
                "never",
                "--messages",
                messages,
            ],
            &[("COLUMNS", "80")],
        );
        assert!(report.lines().count() > 50, "{report}");
        for line in report.lines() {
            let width = unicode_width::UnicodeWidthStr::width(line);
            assert!(width <= 80, "{width} columns ({messages}): {line}");
        }
        // The cut paragraph keeps its underline under its words.
        assert!(report.contains("…"), "{report}");
    }
}

#[test]
fn no_color_and_force_color_decide_auto() {
    let args = [
        "check",
        "fixtures/morocco-visit.ar.txt",
        "--select",
        "typo/substitution",
        "--rules",
        "rules/examples",
    ];
    // Standard output is a pipe here: no colour unless forced.
    assert!(!report_with_env(&args, &[]).contains('\u{1b}'));
    assert!(report_with_env(&args, &[("FORCE_COLOR", "1")]).contains('\u{1b}'));
    assert!(!report_with_env(&args, &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
    assert!(!report_with_env(&args, &[("FORCE_COLOR", "0")]).contains('\u{1b}'));
}

#[test]
fn arabic_messages_come_from_the_catalogue() {
    let report = human(&[
        "fixtures/morocco-visit.ar.txt",
        "--rules",
        "rules/examples",
        "--select",
        "typo/substitution",
        "--messages",
        "ar",
    ]);
    assert!(report.contains("خطأ إملائي معروف، مع تصحيحه"), "{report}");
    assert!(
        report.contains("الإصلاح: ضع «سلاح الجو» مكانها (إصلاح آمن يطبّقه ‎--fix)"),
        "{report}"
    );
    assert!(
        report.contains("فُحص ملف واحد: خطأ واحد، لا تحذيرات، لا ملاحظات"),
        "{report}"
    );
}
