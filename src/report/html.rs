//! The report for people outside a terminal (`--format html`): one
//! self-contained page (inline CSS, no script, nothing fetched) that shows
//! each article as it reads, with the flagged words marked in place.
//!
//! Terminals that reorder right-to-left text move the words away from the
//! underline; here the text stays in logical order inside elements that
//! carry `dir` and `lang`, and the browser does the bidi. Each section of
//! the article (headline, caption, body…) is a labelled group; each
//! paragraph gets its own direction from its script. Each finding is a
//! `<mark>` with an accessible name (severity, code and the words), a
//! description (message, evidence, help, fix) shown on hover and focus,
//! an underline style per severity and a number, so colour is never the
//! only signal; a list beside the text links to every mark.
//!
//! `serve` renders the same article view with [`article_view`] and the
//! same [`STYLE`].

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{FileReport, Summary};
use crate::article::{Article, Section, SectionKind};
use crate::finding::Finding;
use crate::language::Language;

/// The page's style sheet, shared with the page `factlint serve` shows.
pub const STYLE: &str = r#"
:root { color-scheme: light; --error: #b00020; --warning: #8a5a00; --info: #245a9e; }
* { box-sizing: border-box; }
body { font: 16px/1.6 system-ui, "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header.page, main { max-width: 78rem; margin: 0 auto; padding: 0.5rem 1rem; }
a { color: #0b4fa8; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 0.5rem; background: #fff; padding: 0.25rem 0.5rem; z-index: 10; }
.file { background: #fff; border: 1px solid #ddd; border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem 1rem; }
.file > h2 { font-size: 1.1rem; margin: 0.25rem 0; word-break: break-all; }
.meta { color: #555; font-size: 0.9rem; margin: 0 0 0.5rem; }
.error-file { color: var(--error); font-weight: 600; }
.layout { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; }
.text { flex: 3 1 28rem; min-width: 0; }
.findings { flex: 2 1 18rem; min-width: 0; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
.findings h3, .part > h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: #555; margin: 0.75rem 0 0.25rem; }
.part { border-inline-start: 3px solid #e3e3e3; padding-inline-start: 0.75rem; margin: 0.5rem 0; }
.part-headline p { font-size: 1.35rem; font-weight: 700; }
.part-caption p, .part-credit p { font-style: italic; color: #333; }
.part p { margin: 0.25rem 0; white-space: pre-wrap; }
mark { background: #fff3c4; color: inherit; position: relative; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 0.25em; text-decoration-skip-ink: none; }
mark.sev-error { background: #ffe1e1; text-decoration-style: solid; text-decoration-color: var(--error); }
mark.sev-warning { background: #fff0c9; text-decoration-style: dashed; text-decoration-color: var(--warning); }
mark.sev-info { background: #e3eeff; text-decoration-style: dotted; text-decoration-color: var(--info); }
mark[data-n]::after { content: attr(data-n); font-size: 0.7em; vertical-align: super; font-weight: 700; padding: 0 0.1em; unicode-bidi: isolate; }
mark.empty::before { content: "\2038"; }
mark:focus, mark:target { outline: 3px solid #0b4fa8; outline-offset: 1px; }
.tip { display: none; }
mark:hover > .tip, mark:focus > .tip, mark:target > .tip { display: block; position: absolute; z-index: 5; inset-block-start: 100%; inset-inline-start: 0; width: 24rem; max-width: 80vw; background: #fff; color: #1b1b1b; border: 1px solid #888; border-radius: 4px; padding: 0.5rem; font-size: 0.85rem; font-weight: 400; font-style: normal; line-height: 1.4; text-align: start; white-space: normal; box-shadow: 0 2px 8px rgba(0,0,0,0.2); }
.details .d { display: block; margin: 0.2rem 0; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; }
.sev-error .sev, .sev.sev-error { color: var(--error); }
.sev-warning .sev, .sev.sev-warning { color: var(--warning); }
.sev-info .sev, .sev.sev-info { color: var(--info); }
.findings ol { padding-inline-start: 1.5rem; margin: 0; }
.findings li { margin: 0 0 0.75rem; }
code { font-size: 0.9em; }
q { quotes: "\00AB" "\00BB"; }
.legend { font-size: 0.85rem; color: #444; }
.legend mark::after { content: none; }
"#;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `dir` of a language's text.
fn dir(language: Language) -> &'static str {
    match language {
        Language::Ar => "rtl",
        Language::En => "ltr",
    }
}

/// A paragraph's language: its script when it has letters, else the
/// article's (a line of digits reads in the article's direction). Tags
/// (`<time datetime=…>` in an HTML article) are not words and are skipped.
fn block_language(text: &str, article: Language) -> Language {
    let mut words = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    if words.chars().any(char::is_alphabetic) {
        Language::detect(&words)
    } else {
        article
    }
}

/// The text of a range, if it lies on character boundaries of the article.
fn slice<'a>(article: &'a Article, range: &Range<usize>) -> &'a str {
    article.text.get(range.clone()).unwrap_or("")
}

/// The details of a finding (message, evidence, help, fix, rule), shared
/// by the tooltip and the side list. Spans shown as blocks, not `<p>`: the
/// tooltip sits inside a paragraph, where a `<p>` would end it.
fn details(out: &mut String, article: &Article, finding: &Finding) {
    let _ = write!(
        out,
        r#"<span class="d message">{}</span>"#,
        escape(&finding.message)
    );
    for label in &finding.labels {
        let (line, _) = article.position(label.range.start);
        let section = article
            .section_at(label.range.start)
            .map_or("text", |s| s.kind.as_str());
        let words = slice(article, &label.range);
        let lang = block_language(words, article.language);
        let _ = write!(
            out,
            r#"<span class="d evidence">Evidence, {section} line {line}: <q lang="{}" dir="{}">{}</q> {}</span>"#,
            lang.code(),
            dir(lang),
            escape(words),
            escape(&label.message)
        );
    }
    if let Some(help) = &finding.help {
        let _ = write!(out, r#"<span class="d help">Help: {}</span>"#, escape(help));
    }
    if let Some(fix) = &finding.fix {
        let lang = block_language(&fix.replacement, article.language);
        let _ = write!(
            out,
            r#"<span class="d fix">Fix ({}): replace with <q lang="{}" dir="{}">{}</q></span>"#,
            fix.applicability.as_str(),
            lang.code(),
            dir(lang),
            escape(&fix.replacement)
        );
    }
    if let Some(rule) = &finding.rule {
        let _ = write!(
            out,
            r#"<span class="d rule">Rule <code>{}</code> of pack <code>{}</code> ({}:{})</span>"#,
            escape(&rule.id),
            escape(&rule.pack),
            escape(&rule.file),
            rule.line
        );
    }
}

/// One finding placed in the text: its number and the part of its range
/// inside the paragraph being written.
#[derive(Clone, Copy)]
struct Placed<'a> {
    n: usize,
    finding: &'a Finding,
    start: usize,
    end: usize,
}

/// Writes one paragraph with its marks. Overlapping findings nest; where
/// one only partly overlaps another it is split, and every part carries
/// `data-finding`, so the parts read in order give the finding's words.
fn paragraph(
    out: &mut String,
    article: &Article,
    range: Range<usize>,
    findings: &[(usize, &Finding)],
    longest: usize,
    prefix: &str,
    opened: &mut [bool],
) {
    let text = slice(article, &range);
    let lang = block_language(text, article.language);
    let _ = write!(out, r#"<p lang="{}" dir="{}">"#, lang.code(), dir(lang));
    // `findings` are in text order: only those starting at most the
    // longest finding's length before the paragraph can reach into it.
    let from = findings.partition_point(|(_, f)| f.range.start + longest < range.start);
    let to = findings.partition_point(|(_, f)| f.range.start <= range.end);
    let placed: Vec<Placed> = findings[from..to.max(from)]
        .iter()
        .filter(|(_, f)| {
            let r = &f.range;
            (r.start < range.end && r.end > range.start)
                || (r.is_empty() && range.contains(&r.start))
        })
        .map(|&(n, f)| Placed {
            n,
            finding: f,
            start: f.range.start.max(range.start),
            end: f.range.end.min(range.end),
        })
        .collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for p in &placed {
        cuts.push(p.start);
        cuts.push(p.end);
    }
    cuts.retain(|&c| article.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut stack: Vec<Placed> = Vec::new();
    // The marks open at each cut, kept as the cuts advance: a paragraph
    // with thousands of findings (a one-line article) costs the marks
    // around each cut, not every mark of the paragraph.
    let mut by_start = placed;
    by_start.sort_by_key(|p| (p.start, p.n));
    let mut admitted = 0;
    let mut open: Vec<Placed> = Vec::new();
    for (i, &at) in cuts.iter().enumerate() {
        let first_new = admitted;
        while by_start.get(admitted).is_some_and(|p| p.start <= at) {
            open.push(by_start[admitted]);
            admitted += 1;
        }
        open.retain(|p| at < p.end);
        let mut wanted = open.clone();
        wanted.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end), p.n));
        let keep = stack
            .iter()
            .zip(&wanted)
            .take_while(|(a, b)| a.n == b.n)
            .count();
        while stack.len() > keep {
            stack.pop();
            out.push_str("</mark>");
        }
        for p in by_start[first_new..admitted]
            .iter()
            .filter(|p| p.start == at && p.end == at)
        {
            open_mark(out, article, p, prefix, opened, true);
            out.push_str("</mark>");
        }
        for p in &wanted[keep..] {
            open_mark(out, article, p, prefix, opened, false);
            stack.push(*p);
        }
        if let Some(&next) = cuts.get(i + 1) {
            out.push_str(&escape(slice(article, &(at..next))));
        }
    }
    for _ in stack.drain(..) {
        out.push_str("</mark>");
    }
    out.push_str("</p>");
}

/// Opens the mark of a finding: the first part carries the id, the
/// accessible name, the number and the tooltip; later parts only say
/// which finding they belong to.
fn open_mark(
    out: &mut String,
    article: &Article,
    p: &Placed,
    prefix: &str,
    opened: &mut [bool],
    empty: bool,
) {
    let id = format!("{prefix}-f{}", p.n);
    let severity = p.finding.severity.as_str();
    let empty_class = if empty { " empty" } else { "" };
    if opened[p.n - 1] {
        let _ = write!(
            out,
            r#"<mark class="sev-{severity} part{empty_class}" data-finding="{id}">"#
        );
        return;
    }
    opened[p.n - 1] = true;
    let words = slice(article, &p.finding.range);
    let name = format!(
        "{severity} {}, {}: {}",
        p.n,
        p.finding.code(),
        if words.is_empty() { "(here)" } else { words }
    );
    let _ = write!(
        out,
        r#"<mark id="{id}" class="sev-{severity}{empty_class}" data-finding="{id}" data-code="{}" data-n="{}" tabindex="0" aria-label="{}" aria-describedby="{id}-tip"><span class="tip details" role="tooltip" id="{id}-tip" lang="en" dir="ltr"><span class="sev">{severity}</span> <code>{}</code>"#,
        escape(p.finding.code()),
        p.n,
        escape(&name),
        escape(p.finding.code()),
    );
    details(out, article, p.finding);
    out.push_str("</span>");
}

/// The paragraphs of a section: its lines separated by blank lines.
fn paragraphs(article: &Article, section: &Section) -> Vec<Range<usize>> {
    let text = slice(article, &section.range);
    let mut ranges = Vec::new();
    let mut at = 0;
    for chunk in text.split("\n\n") {
        let start = section.range.start + at;
        at += chunk.len() + 2;
        let lead = chunk.len() - chunk.trim_start().len();
        let trimmed = chunk.trim();
        if !trimmed.is_empty() {
            ranges.push(start + lead..start + lead + trimmed.len());
        }
    }
    ranges
}

/// The heading of a run of sections.
fn kind_label(kind: SectionKind) -> &'static str {
    kind.as_str()
}

/// Where a finding sits, for the side list.
fn location(article: &Article, finding: &Finding) -> String {
    let (line, column) = article.position(finding.range.start);
    match article.section_at(finding.range.start) {
        Some(section) => format!("{}, line {line}, column {column}", section.kind),
        None => format!("line {line}, column {column} (outside the text shown)"),
    }
}

/// The view of one article: its text with the marks and the list of
/// findings beside it. `prefix` makes the ids unique on a page with
/// several articles.
pub fn article_view(report: &FileReport, prefix: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<section class="file" aria-labelledby="{prefix}-title"><h2 id="{prefix}-title">{}</h2>"#,
        escape(&report.path)
    );
    let checked = match &report.outcome {
        Ok(checked) => checked,
        Err(err) => {
            let _ = write!(
                out,
                r#"<p class="error-file" role="alert">Could not be checked: {}</p></section>"#,
                escape(&err.to_string())
            );
            return out;
        }
    };
    let article = &checked.article;
    let date = match &article.reference_date {
        Some(d) => format!("reference date {} ({})", d.date, escape(&d.reason)),
        None => "no reference date".to_string(),
    };
    let count = checked.findings.len();
    let _ = write!(
        out,
        r#"<p class="meta">{}, {}, {} section{}, {date}; {count} finding{}</p>"#,
        article.language.code(),
        article.format.label(),
        article.sections.len(),
        if article.sections.len() == 1 { "" } else { "s" },
        if count == 1 { "" } else { "s" },
    );
    let numbered: Vec<(usize, &Finding)> = checked
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| (i + 1, f))
        .collect();
    // In text order, for each paragraph to find its own by binary search.
    let mut in_text_order = numbered.clone();
    in_text_order.sort_by_key(|&(n, f)| (f.range.start, n));
    let longest = numbered
        .iter()
        .map(|(_, f)| f.range.len())
        .max()
        .unwrap_or(0);
    let mut opened = vec![false; numbered.len()];
    let _ = write!(
        out,
        r#"<div class="layout"><article class="text" lang="{}" dir="{}" aria-label="Article text">"#,
        article.language.code(),
        dir(article.language)
    );
    let mut group = 0;
    let mut previous: Option<SectionKind> = None;
    for section in &article.sections {
        if previous != Some(section.kind) {
            if previous.is_some() {
                out.push_str("</section>");
            }
            group += 1;
            let kind = kind_label(section.kind);
            let _ = write!(
                out,
                r#"<section class="part part-{kind}" aria-labelledby="{prefix}-s{group}"><h3 id="{prefix}-s{group}" lang="en" dir="ltr">{kind}</h3>"#
            );
            previous = Some(section.kind);
        }
        for range in paragraphs(article, section) {
            paragraph(
                &mut out,
                article,
                range,
                &in_text_order,
                longest,
                prefix,
                &mut opened,
            );
        }
    }
    if previous.is_some() {
        out.push_str("</section>");
    } else {
        out.push_str(r#"<p lang="en" dir="ltr">(no text)</p>"#);
    }
    out.push_str("</article>");
    let _ = write!(
        out,
        r#"<nav class="findings" aria-labelledby="{prefix}-list" lang="en" dir="ltr"><h3 id="{prefix}-list">Findings ({count})</h3>"#
    );
    if numbered.is_empty() {
        out.push_str("<p>No findings.</p>");
    } else {
        out.push_str("<ol>");
        for (n, finding) in &numbered {
            let severity = finding.severity.as_str();
            let words = slice(article, &finding.range);
            let lang = block_language(words, article.language);
            let target = if opened[n - 1] {
                format!(r##"<a href="#{prefix}-f{n}">"##)
            } else {
                "<a>".to_string()
            };
            let _ = write!(
                out,
                r#"<li class="details sev-{severity}" id="{prefix}-l{n}">{target}<span class="sev">{severity}</span> <code>{}</code></a> <q lang="{}" dir="{}">{}</q> <span class="where">({})</span>"#,
                escape(finding.code()),
                lang.code(),
                dir(lang),
                escape(words),
                escape(&location(article, finding)),
            );
            details(&mut out, article, finding);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
    out.push_str("</nav></div></section>");
    out
}

/// The legend that explains the marks without relying on colour.
pub const LEGEND: &str = r#"<p class="legend">Marks: <mark class="sev-error">error</mark> solid underline, <mark class="sev-warning">warning</mark> dashed, <mark class="sev-info">info</mark> dotted; the small number leads to the list of findings. Tab moves from mark to mark; hover or focus shows the details.</p>"#;

/// Wraps a body in a complete page with the style sheet.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    )
}

/// The id prefix a streamed article view carries until the writer knows
/// the article's number (the views are rendered on worker threads).
pub const PREFIX_PLACEHOLDER: &str = "\u{1}article\u{1}";

/// One file's article view for the streaming writer, its ids still to be
/// numbered with [`number`].
pub fn render_file(report: &FileReport) -> String {
    article_view(report, PREFIX_PLACEHOLDER)
}

/// Gives a streamed view its article number (`a1`, `a2`, …).
pub fn number(view: &str, n: usize) -> String {
    view.replace(PREFIX_PLACEHOLDER, &format!("a{n}"))
}

/// An article in the page's list: its path and number of findings.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The path (or record id).
    pub path: String,
    /// How many findings it has.
    pub findings: usize,
}

/// The whole page around the numbered article views.
pub fn document(summary: &Summary, entries: &[Entry], views: &str) -> String {
    let mut body = String::new();
    body.push_str(r##"<a class="skip" href="#main">Skip to the articles</a>"##);
    let _ = write!(
        body,
        r#"<header class="page"><h1>factlint report</h1><p>{}</p>{LEGEND}"#,
        escape(&summary.line())
    );
    if entries.len() > 1 {
        body.push_str(r#"<nav aria-label="Articles"><ol>"#);
        for (i, entry) in entries.iter().enumerate() {
            let _ = write!(
                body,
                r##"<li><a href="#a{}-title">{}</a> ({})</li>"##,
                i + 1,
                escape(&entry.path),
                entry.findings
            );
        }
        body.push_str("</ol></nav>");
    }
    body.push_str(r#"</header><main id="main">"#);
    body.push_str(views);
    body.push_str("</main>");
    page("factlint report", &body)
}

/// Writes the page for a whole run.
pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let entries: Vec<Entry> = reports
        .iter()
        .map(|report| Entry {
            path: report.path.clone(),
            findings: report.outcome.as_ref().map_or(0, |c| c.findings.len()),
        })
        .collect();
    let mut views = String::new();
    for (i, report) in reports.iter().enumerate() {
        views.push_str(&article_view(report, &format!("a{}", i + 1)));
        views.push('\n');
    }
    out.write_all(document(&Summary::of(reports), &entries, &views).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;
    use crate::checks::typo::substitution;
    use crate::engine::Checked;

    fn report(text: &str, findings: Vec<Finding>) -> FileReport {
        let article = Article::from_text("a.txt", text, &LoadOptions::default());
        FileReport {
            path: "a<b>.txt".into(),
            file: "a<b>.txt".into(),
            record: None,
            outcome: Ok(Checked {
                article,
                findings,
                suppressed: 0,
                baselined: 0,
                outside_changes: 0,
            }),
        }
    }

    #[test]
    fn escapes_everything() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let text = "<script>alert(1)</script> teh end\n";
        let start = text.find("teh").unwrap();
        let finding = Finding::new(&substitution::CODE, start..start + 3, "say <b>the</b>");
        let html = article_view(&report(text, vec![finding]), "a1");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("a&lt;b&gt;.txt"));
    }

    #[test]
    fn overlapping_findings_nest_or_split() {
        let text = "one two three four\n";
        let a = Finding::new(&substitution::CODE, 4..13, "a");
        let b = Finding::new(&substitution::CODE, 8..18, "b");
        let html = article_view(&report(text, vec![a, b]), "a1");
        // b starts inside a and ends after it: its first part is nested in
        // a, its second part follows a.
        let text_only = html
            .split("<p lang=")
            .nth(1)
            .unwrap()
            .split("</p>")
            .next()
            .unwrap()
            .to_string();
        let stripped = strip_tips(&text_only);
        assert!(
            stripped.contains(r#"<mark class="sev-error part" data-finding="a1-f2"> four</mark>"#),
            "{stripped}"
        );
    }

    fn strip_tips(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(at) = rest.find(r#"<span class="tip"#) {
            out.push_str(&rest[..at]);
            let mut depth = 0;
            let mut i = at;
            loop {
                let next_open = rest[i + 1..].find("<span").map(|p| p + i + 1);
                let next_close = rest[i..].find("</span>").map(|p| p + i).unwrap();
                match next_open {
                    Some(o) if o < next_close => {
                        depth += 1;
                        i = o;
                    }
                    _ => {
                        if depth == 0 {
                            rest = &rest[next_close + 7..];
                            break;
                        }
                        depth -= 1;
                        i = next_close + 1;
                    }
                }
            }
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn snapshot_of_a_small_article() {
        let text = "زار الوزير المغرب يوم الاثنين\n\nThe minister said teh talks went well.\n";
        let start = text.find("teh").unwrap();
        let finding = Finding::new(
            &substitution::CODE,
            start..start + 3,
            "«teh» should be «the»",
        )
        .with_fix("the", crate::finding::Applicability::Safe);
        insta::assert_snapshot!(
            article_view(&report(text, vec![finding]), "a1").replace('>', ">\n")
        );
    }

    #[test]
    fn no_paragraph_inside_a_paragraph() {
        let text = "The minister said teh talks went well.\n";
        let start = text.find("teh").unwrap();
        let finding = Finding::new(&substitution::CODE, start..start + 3, "m")
            .with_label(0..3, "evidence")
            .with_help("help");
        let html = article_view(&report(text, vec![finding]), "a1");
        let paragraph = html.split(r#"<p lang="en""#).nth(1).unwrap();
        let paragraph = &paragraph[..paragraph.find("</p>").unwrap()];
        assert!(!paragraph.contains("<p"), "{paragraph}");
        assert!(paragraph.contains(r#"aria-label="error 1, typo/substitution: teh""#));
    }

    #[test]
    fn arabic_paragraphs_are_right_to_left() {
        let text = "زار الوزير المغرب\n\nThe minister visited Morocco\n";
        let html = article_view(&report(text, vec![]), "a1");
        assert!(
            html.contains(r#"<p lang="ar" dir="rtl">زار الوزير المغرب</p>"#),
            "{html}"
        );
        assert!(html.contains(r#"<p lang="en" dir="ltr">The minister visited Morocco</p>"#));
    }
}
