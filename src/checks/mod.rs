//! Checks: small, independent functions from an article, its mentions and
//! the rules to findings. One family per folder, one check per file, one
//! stable code per check (see [`codes`]). A check never prints.
//!
//! [`run_all`] does the analysis every check shares once per article (the
//! one-pass match, tokens, date expressions, sentences, the reference
//! date) and hands it to each enabled check through a [`Context`]; a text
//! of more than a megabyte, once per [`window`] of it.

/// Declares a family's checks: one module per check, each with a `CODE`
/// ([`crate::finding::CodeInfo`]) and a `check` function, and the
/// family's `CHECKS` for the registry. Adding a check is its file and its
/// name in this list.
macro_rules! family {
    ($($check:ident),+ $(,)?) => {
        $(pub mod $check;)+

        /// The family's checks, in registry order.
        pub static CHECKS: &[$crate::checks::codes::Check] = &[
            $($crate::checks::codes::Check { info: &$check::CODE, run: $check::check },)+
        ];
    };
}
use family;

pub mod codes;
pub mod consistency;
pub mod date;
pub mod examples;
pub mod fact;
pub mod grammar;
pub mod suppress;
pub mod typo;
pub mod window;

use std::cell::RefCell;
use std::ops::Range;

use chrono::NaiveDate;

use crate::article::{Article, LoadError, LoadOptions, ReferenceDate};
use crate::dates::parse::{DateExpr, DateParser};
use crate::dates::reference;
use crate::facts::names::FamilyNames;
use crate::facts::{Attribution, Attributor};
use crate::finding::{CodeInfo, Finding, Severity};
use crate::rules::annotate::{MarkerMention, TokenMentions};
use crate::rules::{Mention, RuleSet, Target};
use crate::text::ranges::RangeSet;
use crate::text::sentences;
use crate::text::tokens::{Token, TokenKind, tokenize_in};

/// What every check sees.
#[derive(Debug)]
pub struct Context<'a> {
    /// The article.
    pub article: &'a Article,
    /// All loaded rules.
    pub rules: &'a RuleSet,
    /// Every mention found in the one pass over the article, except the
    /// lexicon's markers: those are read per token from
    /// [`Context::annotations`] ([`Context::marker_at`]).
    pub mentions: &'a [Mention],
    /// The article's tokens.
    pub tokens: &'a [Token],
    /// The article's date expressions, in text order.
    pub dates: &'a [DateExpr],
    /// The sentence number of each token.
    pub sentences: &'a [u32],
    /// The mentions laid over the tokens.
    pub annotations: &'a TokenMentions,
    /// Who the text says is what: worked out on first use
    /// ([`Context::attributions`]), so that a run of date or typo checks
    /// alone never reads names (nor loads the Arabic dictionary that
    /// tells a name from a noun).
    attributions: std::cell::OnceCell<Vec<Attribution>>,
    /// Which words after a name are a family name: read on first use
    /// ([`Context::family_names`]) and shared by the attributions and
    /// `typo/name`.
    family_names: std::cell::OnceCell<FamilyNames<'a>>,
    /// The words the Arabic dictionary can judge: worked out on first use
    /// ([`Context::dictionary_words`]) and shared by the two spelling
    /// checks, which each cleaned every word of the article.
    dictionary_words: std::cell::OnceCell<DictionaryWords<'a>>,
    /// The reference date, when known.
    pub reference: Option<&'a ReferenceDate>,
    /// Settings (tolerances, house style).
    pub options: &'a CheckOptions,
    /// Whether the checks see the whole article; `false` for one window of
    /// an article over [`window::WINDOW_BYTES`], whose counts are of that
    /// window ([`Context::counted_in`]).
    pub whole: bool,
    missing_reference: RefCell<Vec<&'static str>>,
}

/// The words of an article the Arabic dictionary can judge (see
/// [`Context::dictionary_words`]). Only those tokens are kept, twelve bytes
/// each, a word pointing into the article or, when tashkeel had to go,
/// into one buffer of cleaned words: an English article's list is about
/// empty, and an Arabic window's is small beside its tokens.
#[derive(Debug)]
pub struct DictionaryWords<'a> {
    text: &'a str,
    /// The cleaned words that differ from what the article writes.
    cleaned: String,
    words: Vec<DictionaryWord>,
}

/// One word of [`DictionaryWords`]: its token, and its bytes in the
/// article or, when `start` has [`DictionaryWords::CLEANED`] set, in the
/// cleaned buffer.
#[derive(Debug, Clone, Copy)]
struct DictionaryWord {
    token: u32,
    start: u32,
    end: u32,
}

impl<'a> DictionaryWords<'a> {
    /// The bit of a word's `start` that places it in the cleaned buffer.
    const CLEANED: u32 = 1 << 31;

    fn new(text: &'a str, tokens: &[Token]) -> Self {
        let narrow = |offset: usize| {
            u32::try_from(offset)
                .ok()
                .filter(|&o| o < Self::CLEANED)
                .expect("an article is at most 1 GiB (--max-file-size)")
        };
        let mut cleaned = String::new();
        let mut words = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let written = &text[token.orig()];
            if !written
                .chars()
                .next()
                .is_some_and(crate::spelling::is_letter)
            {
                continue;
            }
            let (start, end) = match crate::spelling::clean(written) {
                None => continue,
                Some(std::borrow::Cow::Borrowed(_)) => {
                    (narrow(token.orig().start), narrow(token.orig().end))
                }
                Some(std::borrow::Cow::Owned(word)) => {
                    let start = narrow(cleaned.len());
                    cleaned.push_str(&word);
                    (start | Self::CLEANED, narrow(cleaned.len()))
                }
            };
            words.push(DictionaryWord {
                token: narrow(i),
                start,
                end,
            });
        }
        DictionaryWords {
            text,
            cleaned,
            words,
        }
    }

    /// Each word with its token's index, in text order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (usize, &str)> + '_ {
        self.words.iter().map(|w| {
            let word = if w.start & Self::CLEANED != 0 {
                &self.cleaned[(w.start & !Self::CLEANED) as usize..w.end as usize]
            } else {
                &self.text[w.start as usize..w.end as usize]
            };
            (w.token as usize, word)
        })
    }
}

impl<'a> Context<'a> {
    /// Where a message that counts uses says it counted them: "in this
    /// article", or for one window of a long article "in this part of the
    /// article", so that a count is never passed off as the article's.
    pub fn counted_in(&self) -> &'static str {
        if self.whole {
            "in this article"
        } else {
            "in this part of the article"
        }
    }

    /// Who the text says is what.
    pub fn attributions(&self) -> &[Attribution] {
        self.attributions.get_or_init(|| {
            Attributor::new(
                self.article,
                self.rules,
                self.tokens,
                self.annotations,
                self.family_names(),
            )
            .attribute()
        })
    }

    /// Which words after a name continue it with a family name.
    pub fn family_names(&self) -> &FamilyNames<'a> {
        self.family_names.get_or_init(|| {
            FamilyNames::new(self.article, self.rules, self.tokens, self.annotations)
        })
    }

    /// The article's words as the Arabic dictionary sees them
    /// ([`crate::spelling::clean`]), in text order: each word token that
    /// starts with an Arabic letter and is made of Arabic letters.
    pub fn dictionary_words(&self) -> &DictionaryWords<'a> {
        self.dictionary_words
            .get_or_init(|| DictionaryWords::new(&self.article.text, self.tokens))
    }

    /// Whether token `token` starts a mention of the lexicon marker `id`
    /// (`rules/lexicon/*.yaml`), clitics aside as for every mention.
    pub fn marker_at(&self, token: usize, id: &str) -> bool {
        self.annotations
            .at(token)
            .iter()
            .any(|a| matches!(a.target, Target::Marker(m) if self.rules.markers[m].id == id))
    }

    /// Where a typo list already reports a word: other spelling checks leave
    /// those words to it rather than report them twice.
    pub fn listed_typos(&self) -> RangeSet {
        RangeSet::new(
            self.mentions
                .iter()
                .filter(|m| matches!(m.target, Target::Typo(_)))
                .map(|m| m.range.clone())
                .collect(),
        )
    }

    /// The reference date; when there is none, records that `code` needed
    /// one, so that the run says so once instead of guessing.
    pub fn reference_date(&self, code: &'static CodeInfo) -> Option<NaiveDate> {
        if self.reference.is_none() {
            let mut missing = self.missing_reference.borrow_mut();
            if !missing.contains(&code.code) {
                missing.push(code.code);
            }
        }
        self.reference.map(|r| r.date)
    }

    /// The reference date and where it came from, for messages.
    pub fn reference_description(&self) -> String {
        match self.reference {
            Some(r) => format!("{} ({})", r.date, r.reason),
            None => "unknown".to_string(),
        }
    }

    /// The index of the token holding original offset `offset` (or the
    /// first token after it).
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.orig().end <= offset)
    }

    /// The sentence holding original offset `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<u32> {
        self.sentences.get(self.token_at(offset)).copied()
    }

    /// The original text of a range.
    pub fn text(&self, range: &Range<usize>) -> &str {
        &self.article.text[range.clone()]
    }

    /// "line 9" for an offset, for messages.
    pub fn describe(&self, offset: usize) -> String {
        format!("line {}", self.article.position(offset).0)
    }
}

/// Which checks run, and how.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Code prefixes to run only (`typo`, `date/hijri`); all when empty.
    pub select: Vec<String>,
    /// Code prefixes to skip.
    pub ignore: Vec<String>,
    /// Days a Hijri date may be off its Gregorian twin (moon sighting).
    pub hijri_tolerance_days: i64,
    /// Days a day counter may be off the reference date.
    pub counter_tolerance_days: i64,
    /// Read numeric English dates day first (`22/2/2023`) instead of month
    /// first (`2/22/2023`, as US wires write).
    pub english_day_first: bool,
    /// Also report a dropped hamza on alif and ى for final ي
    /// (`typo/spelling`): correct by the standard, house style elsewhere.
    pub arabic_strict_spelling: bool,
    /// The severity of a missing "then"/"former" for someone no longer in
    /// post (`fact/tenure`): house styles differ.
    pub missing_then_severity: Severity,
    /// Severity overrides by code prefix (the longest prefix wins).
    pub severity: Vec<(String, Severity)>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            select: Vec::new(),
            ignore: Vec::new(),
            hijri_tolerance_days: 1,
            counter_tolerance_days: 1,
            english_day_first: false,
            arabic_strict_spelling: false,
            missing_then_severity: Severity::Warning,
            severity: Vec::new(),
        }
    }
}

impl CheckOptions {
    /// The severity a finding of `code` gets: the override of the longest
    /// matching prefix, else `default`.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity
            .iter()
            .filter(|(prefix, _)| codes::prefix_matches(prefix, code))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(default, |(_, severity)| *severity)
    }

    /// Whether `code` is switched on: selected (or nothing selected) and
    /// not ignored. A prefix matches whole path segments (`typo` matches
    /// `typo/name`, not `typos/x`).
    pub fn enabled(&self, code: &str) -> bool {
        let matches = |prefix: &String| codes::prefix_matches(prefix, code);
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

impl CheckOptions {
    /// Whether an enabled check may read typo mentions: every family but
    /// the date checks does (the typo checks report them, the consistency
    /// checks skip their words, the fact checks read them as mentions),
    /// so `--select date` alone leaves the typo lists unbuilt.
    pub fn reads_typo_mentions(&self) -> bool {
        codes::checks().any(|check| {
            self.enabled(check.info.code) && !codes::prefix_matches("date", check.info.code)
        })
    }
}

/// Sentence numbers per token: a new sentence after sentence punctuation
/// (a full stop that closes an abbreviation does not count, see
/// [`crate::text::sentences`], nor one inside a lexicon form such as the
/// rank "Maj. Gen.") and at every section boundary.
fn sentence_numbers(
    article: &Article,
    tokens: &[Token],
    mentions: impl Iterator<Item = Range<usize>>,
) -> Vec<u32> {
    let mut dotted: Vec<Range<usize>> = mentions
        .filter(|range| article.text[range.clone()].contains('.'))
        .collect();
    dotted.sort_by_key(|r| r.start);
    let inside_dotted = |token: &Token| {
        let before = dotted.partition_point(|r| r.start < token.orig().start);
        dotted[..before]
            .iter()
            .rev()
            .take(4)
            .any(|r| token.orig().end <= r.end)
    };
    let mut numbers = Vec::with_capacity(tokens.len());
    let mut sentence = 0u32;
    let mut section = None;
    let mut after_end = false;
    for (i, token) in tokens.iter().enumerate() {
        let here = article
            .section_at(token.orig().start)
            .map(|s| s.range.start);
        if here != section || after_end {
            sentence += 1;
            section = here;
        }
        after_end = sentences::ends_sentence(tokens, i, &article.text) && !inside_dotted(token);
        numbers.push(sentence);
    }
    numbers
}

/// What checking one article found.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The findings, in source order, suppressions applied.
    pub findings: Vec<Finding>,
    /// How many findings inline suppressions removed.
    pub suppressed: usize,
}

/// Loads and checks one article so that a bug cannot end a run of many:
/// a panic while loading or checking becomes [`LoadError::Internal`] for
/// this article (the binary reports it as `factlint::internal`), and the
/// caller goes on with the next one.
pub fn check_isolated(
    path: &str,
    text: String,
    load: &LoadOptions,
    rules: &RuleSet,
    options: &CheckOptions,
) -> Result<(Article, Outcome), LoadError> {
    isolate(path, || {
        Article::load(path, text, load).map(|mut article| {
            let outcome = run(&mut article, rules, options);
            (article, outcome)
        })
    })
}

/// Runs `work`, turning a panic into [`LoadError::Internal`] for `path`
/// with the panic's message.
pub fn isolate<T>(path: &str, work: impl FnOnce() -> Result<T, LoadError>) -> Result<T, LoadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a check panicked".to_string());
        Err(LoadError::Internal {
            path: path.to_string(),
            message,
        })
    })
}

/// A test-only fault: `run` panics on an article whose path is set here,
/// so that tests can prove a panicking check is isolated. Compiled into
/// test builds of the library only.
#[cfg(test)]
pub(crate) mod fault {
    use std::cell::RefCell;

    thread_local! {
        /// The path whose check panics, on this thread.
        pub(crate) static PANIC_ON: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Panics if `path` is the one set in [`PANIC_ON`].
    pub(crate) fn trip(path: &str) {
        if PANIC_ON.with(|p| p.borrow().as_deref() == Some(path)) {
            panic!("test fault: a check panicked on {path}");
        }
    }
}

/// Runs every enabled check on one article and returns the findings in
/// source order (see [`run`]).
pub fn run_all(article: &mut Article, rules: &RuleSet, options: &CheckOptions) -> Vec<Finding> {
    run(article, rules, options).findings
}

/// Runs every enabled check on one article, applies the article's inline
/// suppressions and severity overrides, and completes the article's
/// reference date from a dateline or the text when neither front matter nor
/// `--date` gave one. A text longer than [`window::WINDOW_BYTES`] is
/// checked one window at a time, in bounded memory ([`window`]).
pub fn run(article: &mut Article, rules: &RuleSet, options: &CheckOptions) -> Outcome {
    run_in_windows(article, rules, options, window::WINDOW_BYTES)
}

/// [`run`], in windows of at most `limit` bytes.
fn run_in_windows(
    article: &mut Article,
    rules: &RuleSet,
    options: &CheckOptions,
    limit: usize,
) -> Outcome {
    #[cfg(test)]
    fault::trip(&article.path);
    let mut findings = Vec::new();
    let mut missing: Vec<&'static str> = Vec::new();
    let windows = window::windows(article, limit);
    let whole = windows.len() == 1;
    for (i, window) in windows.into_iter().enumerate() {
        let mut checked = check_window(article, rules, options, window, i == 0, whole);
        if findings.is_empty() {
            findings = checked.findings;
        } else {
            findings.append(&mut checked.findings);
        }
        for code in checked.missing_reference {
            if !missing.contains(&code) {
                missing.push(code);
            }
        }
    }
    let article = &*article;
    if !missing.is_empty() && options.enabled(codes::NO_REFERENCE_DATE.code) {
        let at = article.sections.first().map_or(0, |s| s.range.start);
        findings.push(
            Finding::new(&codes::NO_REFERENCE_DATE, at..at,
                format!(
                    "no reference date: {} could not run (no front matter date, no --date, no dateline, and no full date in the text)",
                    missing.join(", ")
                ),
            )
            .with_help("add `date:` to the front matter or pass --date YYYY-MM-DD"),
        );
    }
    if !rules.accept.is_empty() {
        findings.retain(|f| !accepted(rules, &article.text, f));
    }
    downgrade_fixes_in_quotations(&article.text, &mut findings);
    confine_to_article_text(article, &mut findings);
    // Metadata problems are about markup (a front matter value), so they
    // join after the findings about markup were dropped.
    if options.enabled(date::invalid::CODE.code) {
        findings.extend(article.problems.iter().map(|problem| {
            Finding::new(
                &date::invalid::CODE,
                problem.range.clone(),
                problem.message.clone(),
            )
            .with_help(problem.help.clone())
        }));
    }
    let suppressed = suppress::apply(article, &mut findings);
    findings.retain(|f| options.enabled(f.code()));
    if !options.severity.is_empty() {
        for finding in &mut findings {
            finding.severity = options.severity_of(finding.code(), finding.severity);
        }
    }
    findings.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code()).cmp(&(b.range.start, b.range.end, b.code()))
    });
    // A word that a house list and a bundled list both know is reported
    // once.
    // (The ranges first: they differ far more often than the codes, and
    // compare as two numbers where a code compares as text.)
    findings.dedup_by(|a, b| a.range == b.range && a.code() == b.code());
    Outcome {
        findings,
        suppressed,
    }
}

/// What the checks found in one window of an article.
struct WindowFindings {
    findings: Vec<Finding>,
    /// The codes that needed a reference date and had none.
    missing_reference: Vec<&'static str>,
}

/// Runs every enabled check over `window`, a byte range of the article's
/// text ([`window::windows`]): the one-pass match, tokens, date
/// expressions and sentences of that range, then the checks. The first
/// window completes the article's reference date from a dateline or the
/// text when neither front matter nor `--date` gave one.
fn check_window(
    article: &mut Article,
    rules: &RuleSet,
    options: &CheckOptions,
    window: Range<usize>,
    first: bool,
    whole: bool,
) -> WindowFindings {
    let normalized = &article.normalized;
    let norm = normalized.normalized_offset(window.start)..normalized.normalized_offset(window.end);
    let tokens = tokenize_in(&article.normalized, &article.text, norm.clone());
    let mut mentions = rules.find_in(article, options.reads_typo_mentions(), norm, &tokens);
    // Lexicon markers are three mentions in four and are read per token
    // from the annotations only: a large article keeps them small until
    // they are laid over the tokens, and then not at all.
    let markers = MarkerMention::take_from(&mut mentions);
    let annotations = TokenMentions::with_markers(&tokens, &mentions, &markers);
    let dates = DateParser::new(&tokens, &annotations, rules, article.language)
        .day_first_in_english(options.english_day_first)
        .parse();
    let sentences = sentence_numbers(
        article,
        &tokens,
        mentions
            .iter()
            .map(|m| m.range.clone())
            .chain(markers.iter().map(MarkerMention::range)),
    );
    drop(markers);
    if first && article.reference_date.is_none() {
        let describe = |offset: usize| format!("line {}", article.position(offset).0);
        let body_start = article
            .sections
            .iter()
            .find(|s| s.kind == crate::article::SectionKind::Body)
            .map(|s| tokens.partition_point(|t| t.orig().end <= s.range.start));
        article.reference_date = reference::dateline(&dates, body_start, describe)
            .or_else(|| reference::infer(&dates, describe));
    }
    let article = &*article;
    let context = Context {
        article,
        rules,
        mentions: &mentions,
        tokens: &tokens,
        dates: &dates,
        sentences: &sentences,
        annotations: &annotations,
        attributions: std::cell::OnceCell::new(),
        family_names: std::cell::OnceCell::new(),
        dictionary_words: std::cell::OnceCell::new(),
        reference: article.reference_date.as_ref(),
        options,
        whole,
        missing_reference: RefCell::new(Vec::new()),
    };
    // Each check's findings are moved in one block: a finding is large,
    // and an article whose pack words occur everywhere has one every few
    // words.
    let mut findings = Vec::new();
    for check in codes::checks().filter(|check| options.enabled(check.info.code)) {
        let mut found = (check.run)(&context);
        if findings.is_empty() {
            findings = found;
        } else {
            findings.append(&mut found);
        }
    }
    WindowFindings {
        findings,
        missing_reference: context.missing_reference.into_inner(),
    }
}

/// Whether a typo or spelling finding is about a word on an `accept:` list:
/// a word of its span, as written or without its Arabic proclitics.
fn accepted(rules: &RuleSet, text: &str, finding: &Finding) -> bool {
    let code = finding.code();
    if !(codes::prefix_matches("typo", code) || code == consistency::spelling::CODE.code) {
        return false;
    }
    let span = &text[finding.range.clone()];
    crate::text::words::word_spans(span).any(|(start, end)| {
        let word = &span[start..end];
        rules.accepts(word)
            || crate::text::words::proclitic_ends(word).any(|at| rules.accepts(&word[at..]))
    })
}

/// Byte ranges of direct quotations: text between “ ”, « » or a pair of
/// straight double quotes on one line. A quotation does not cross a
/// paragraph break: an opening mark left unclosed in its paragraph quotes
/// nothing, rather than turning every later fix into a display-only one.
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for (open, close) in [('“', '”'), ('«', '»')] {
        let mut from = 0;
        while let Some(start) = text[from..].find(open).map(|i| from + i) {
            let inner = start + open.len_utf8();
            let paragraph_end = text[inner..]
                .find("\n\n")
                .or_else(|| text[inner..].find("\n\r\n"))
                .map_or(text.len(), |i| inner + i);
            match text[inner..paragraph_end].find(close) {
                Some(i) => {
                    let end = inner + i;
                    spans.push(inner..end);
                    from = end + close.len_utf8();
                }
                None => from = inner,
            }
        }
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| offset + i).collect();
        for pair in quotes.chunks_exact(2) {
            spans.push(pair[0] + 1..pair[1]);
        }
        offset += line.len();
    }
    spans
}

/// A fix inside a direct quotation would change what someone said: it is
/// shown, never applied (`display-only`).
fn downgrade_fixes_in_quotations(text: &str, findings: &mut [Finding]) {
    // Most articles have no finding with a fix: their quotations, a pass
    // over the whole text, are not looked for.
    if findings.iter().all(|f| f.fix.is_none()) {
        return;
    }
    let mut quotes = quotations(text);
    quotes.sort_by_key(|q| q.start);
    // The furthest end of the quotations opened so far: a finding lies
    // inside one of those that open at or before it exactly when it ends
    // by then (a binary search per finding, however many quotations).
    let furthest_end: Vec<usize> = quotes
        .iter()
        .scan(0, |end, q| {
            *end = q.end.max(*end);
            Some(*end)
        })
        .collect();
    for finding in findings {
        let Some(fix) = &mut finding.fix else {
            continue;
        };
        let opened = quotes.partition_point(|q| q.start <= finding.range.start);
        if opened > 0 && finding.range.end <= furthest_end[opened - 1] {
            fix.applicability = crate::finding::Applicability::DisplayOnly;
        }
    }
}

/// Findings about markup (a script, a code block, a tag) are dropped, and
/// a fix that would touch markup is only shown: across an inline tag or a
/// soft hyphen (`gover<i>ment</i>`) it would delete the markup, inside an
/// attribute it would change text no reader sees. A fix on a piece of a
/// word that markup splits (`govern<!-- -->ment`) is only shown too.
fn confine_to_article_text(article: &Article, findings: &mut Vec<Finding>) {
    use crate::article::markup::{self, MarkupKind};
    let text = &article.text;
    let markup = &article.markup;
    if !markup.is_empty() {
        findings.retain(|f| {
            f.range.is_empty()
                || !markup::at(markup, f.range.start)
                    .is_some_and(|m| m.kind == MarkupKind::Hidden && f.range.end <= m.range.end)
        });
    }
    let letter_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let letter_after = |at: usize| text[at..].chars().next().is_some_and(char::is_alphanumeric);
    // Few articles have a soft hyphen: the findings of the others are not
    // searched for one.
    let soft_hyphens = text.contains('\u{AD}');
    if markup.is_empty() && !soft_hyphens {
        return;
    }
    for finding in findings {
        let Some(fix) = &mut finding.fix else {
            continue;
        };
        let range = &finding.range;
        let split = |m: &markup::Markup| {
            (m.range.end == range.start && letter_before(m.range.start))
                || (m.range.start == range.end && letter_after(m.range.end))
        };
        let touches_markup = markup::overlaps(markup, range)
            || range.start > 0 && markup::at(markup, range.start - 1).is_some_and(split)
            || markup::at(markup, range.end).is_some_and(split);
        if touches_markup || soft_hyphens && text[range.clone()].contains('\u{AD}') {
            fix.applicability = crate::finding::Applicability::DisplayOnly;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Normalized;
    use crate::text::tokens::tokenize;

    #[test]
    fn dictionary_words_are_the_cleaned_arabic_words() {
        // Plain and marked Arabic words, a word with tatweel, a one-letter
        // word, Latin, digits glued to letters, punctuation.
        let text = "قالَ الوزيرُ إنّ الاتفاق مهـــم و UN 2015م، للمنطقة.";
        let tokens = tokenize(&Normalized::new(text), text);
        let words = DictionaryWords::new(text, &tokens);
        let expected: Vec<(usize, String)> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word)
            .filter(|(_, t)| {
                text[t.orig()]
                    .chars()
                    .next()
                    .is_some_and(crate::spelling::is_letter)
            })
            .filter_map(|(i, t)| Some((i, crate::spelling::clean(&text[t.orig()])?.into_owned())))
            .collect();
        let got: Vec<(usize, String)> = words.iter().map(|(i, w)| (i, w.to_string())).collect();
        assert_eq!(got, expected);
        let shown: Vec<&str> = words.iter().map(|(_, w)| w).collect();
        assert_eq!(shown, ["قال", "الوزير", "إن", "الاتفاق", "مهم", "للمنطقة"]);
    }

    #[test]
    fn quotations_are_found() {
        let text = "قال: «هاذا خطأ» ثم “teh end” and \"the the\"\nnext \"line";
        let spans: Vec<&str> = quotations(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, vec!["teh end", "هاذا خطأ", "the the"]);
        // An unclosed mark quotes nothing past its paragraph.
        let text = "He said “teh end.\n\nA recieve here. “Quoted” too.";
        let spans: Vec<&str> = quotations(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, vec!["Quoted"]);
    }

    /// A text checked in windows finds in each window what the same text
    /// finds alone: three copies of the reference article, one window
    /// each, give each copy's findings at its place.
    #[test]
    fn each_window_finds_what_its_text_finds_alone() {
        let rules = RuleSet::bundled().expect("bundled packs are valid");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/morocco-visit.ar.txt");
        let one = format!("{}\n\n", std::fs::read_to_string(path).unwrap().trim_end());
        let options = CheckOptions::default();
        let findings = |text: &str, limit: usize| -> Vec<Finding> {
            let mut article =
                Article::from_text("t.txt", text, &crate::article::LoadOptions::default());
            run_in_windows(&mut article, &rules, &options, limit).findings
        };
        let spans = |findings: &[Finding]| -> Vec<(String, Range<usize>)> {
            findings
                .iter()
                .map(|f| (f.code().to_string(), f.range.clone()))
                .collect()
        };
        let counts = |findings: &[Finding]| -> Vec<String> {
            findings
                .iter()
                .filter(|f| f.code() == "consistency/spelling")
                .map(|f| f.message.clone())
                .collect()
        };
        let whole = findings(&one, usize::MAX);
        let alone = spans(&whole);
        assert!(alone.len() >= 5, "{alone:?}");
        let copies = one.repeat(3);
        let parts = findings(&copies, one.len());
        let windowed = spans(&parts);
        // A count of one window says so.
        assert!(!counts(&whole).is_empty());
        assert!(
            counts(&whole)
                .iter()
                .all(|m| m.ends_with("in this article"))
        );
        assert!(
            counts(&parts)
                .iter()
                .all(|m| m.ends_with("in this part of the article"))
        );
        let expected: Vec<_> = (0..3)
            .flat_map(|k| {
                let shift = k * one.len();
                alone
                    .iter()
                    .map(move |(code, r)| (code.clone(), r.start + shift..r.end + shift))
            })
            .collect();
        assert_eq!(windowed, expected);
    }
}

#[cfg(test)]
mod no_panics {
    use super::*;
    use crate::article::{Format, LoadOptions};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn rules() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| RuleSet::bundled().expect("bundled packs are valid"))
    }

    /// A check that panics on one article becomes an internal error of that
    /// article, through the same wrapper the binary uses, and the next
    /// article is still checked.
    #[test]
    fn a_panicking_check_is_an_internal_error_and_the_run_goes_on() {
        fault::PANIC_ON.with(|p| *p.borrow_mut() = Some("bad.txt".into()));
        let results: Vec<_> = ["bad.txt", "good.txt"]
            .into_iter()
            .map(|path| {
                check_isolated(
                    path,
                    "Headline\n\nThe goverment met.\n".to_string(),
                    &LoadOptions::default(),
                    rules(),
                    &CheckOptions::default(),
                )
            })
            .collect();
        fault::PANIC_ON.with(|p| *p.borrow_mut() = None);
        match &results[0] {
            Err(LoadError::Internal { path, message }) => {
                assert_eq!(path, "bad.txt");
                assert_eq!(message, "test fault: a check panicked on bad.txt");
            }
            other => panic!("expected an internal error, got {other:?}"),
        }
        let (_, outcome) = results[1].as_ref().expect("the next article is checked");
        assert!(
            outcome
                .findings
                .iter()
                .any(|f| f.code() == "typo/substitution")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(192))]
        /// Any bytes that decode as an article check without a panic in
        /// every format.
        #[test]
        fn any_bytes_check_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            if let Ok(text) = crate::article::decode("t", bytes) {
                for format in [Format::Text, Format::Markdown, Format::Html] {
                    let options = LoadOptions { format: Some(format), ..LoadOptions::default() };
                    if let Ok(mut article) = Article::load("t", text.clone(), &options) {
                        for finding in run_all(&mut article, rules(), &CheckOptions::default()) {
                            prop_assert!(text.is_char_boundary(finding.range.start));
                            prop_assert!(text.is_char_boundary(finding.range.end));
                        }
                    }
                }
            }
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any text, in any format, checks without a panic, and every span
        /// it reports lies on character boundaries.
        #[test]
        fn any_text_checks_without_panic(
            text in "[ a-zA-Z0-9ء-يًٌٍَُِّْـ٠-٩ﻷﻹأإآى،؛؟.,:\\-–()«»“”\"'/\n\u{200F}#*!\\[\\]<>]{0,120}",
            format in prop_oneof![Just(Format::Text), Just(Format::Markdown), Just(Format::Html)],
        ) {
            let options = LoadOptions { format: Some(format), ..LoadOptions::default() };
            if let Ok(mut article) = Article::load("t", text.clone(), &options) {
                for finding in run_all(&mut article, rules(), &CheckOptions::default()) {
                    prop_assert!(text.is_char_boundary(finding.range.start));
                    prop_assert!(text.is_char_boundary(finding.range.end));
                    prop_assert!(finding.range.start <= finding.range.end && finding.range.end <= text.len());
                }
            }
        }
    }
}
