//! Who is said to be what: the attribution patterns of the lexicon packs
//! (`rules/lexicon/attribution.yaml`) matched over an article's tokens,
//! each match attaching a nationality, a rank, a title or an age to a
//! person. The `fact` and `consistency` checks compare these attributions
//! with the packs and with each other.
//!
//! A person is an entity of a pack when its name is there; otherwise an
//! unknown name, read only where a pattern gives it context (after a rank
//! or a counterpart in Arabic; capitalised words in English), and known by
//! its first two words, so that «تومر بار» and «تومر بار يلتقي» are one man.

pub mod names;

use std::ops::Range;

use crate::article::{Article, Language, SectionKind};
use crate::rules::annotate::{Annotation, TokenMentions};
use crate::rules::{AttributionPattern, DemonymForm, ElementKind, RuleSet, Target};
use crate::text::normalize_pattern;
use crate::text::tokens::{Token, TokenKind};

/// The id prefix of the lexicon's offices (`rules/lexicon/offices.yaml`).
pub const OFFICE_PREFIX: &str = "office:";

/// The punctuation an attribution pattern's separator element matches.
const SEPARATORS: [char; 6] = [',', '،', ':', '-', '–', '—'];

/// One bit per kind of element that may start an attribution at a token
/// ([`Attributor::start_bits`]); markers share the high bits by a hash of
/// their id, so that two markers may share a bit but a marker never lacks
/// its own.
mod start_bits {
    pub const ENTITY: u64 = 1;
    pub const RANK: u64 = 1 << 1;
    pub const NATIONALITY: u64 = 1 << 2;
    pub const TITLE: u64 = 1 << 3;
    pub const NUMBER: u64 = 1 << 4;
    pub const SEP: u64 = 1 << 5;
    pub const CAPITAL: u64 = 1 << 6;
    pub const WORD: u64 = 1 << 7;
    /// The bits below this one are the kinds above.
    const FIRST_MARKER: u32 = 8;

    /// The bit of the marker `id`.
    pub fn marker(id: &str) -> u64 {
        use std::hash::BuildHasher;
        let slot = rustc_hash::FxBuildHasher.hash_one(id) % u64::from(64 - FIRST_MARKER);
        1 << (u64::from(FIRST_MARKER) + slot)
    }
}

/// The marker of the words that make an office another one («نائب»,
/// "deputy").
pub const OFFICE_MODIFIER: &str = "office-modifier";

/// Normalised words that link the parts of an Arabic name (alef forms are
/// unified, so «آل» is «ال» and «ابن» has a bare alef).
pub const NAME_LINKS: &[&str] = &["بن", "بنت", "ابن", "ابنه", "ابنة", "ال"];

/// First parts of compound given names written spaced («عبد العزيز», «أبو
/// بكر»): the word after them belongs to the same part.
const COMPOUND_HEADS: &[&str] = &["عبد", "ابو", "ابي"];

/// The office of the lexicon a pack title names, by its longest leading
/// office form: "Secretary of State" and «وزير الخارجية السعودي» both name
/// `office:foreign-minister`. A title that begins with a modifier («نائب
/// وزير الخارجية») names none.
pub fn office_of_title(rules: &RuleSet, title: &str) -> Option<usize> {
    let title = crate::text::normalize_pattern(title);
    let mut best: Option<(usize, usize)> = None;
    for (i, marker) in rules.markers.iter().enumerate() {
        if !marker.id.starts_with(OFFICE_PREFIX) {
            continue;
        }
        for (_, form) in marker.names.iter() {
            let form = crate::text::normalize_pattern(form);
            let bare = form.strip_prefix("ال").unwrap_or(&form);
            let leads = |t: &str, f: &str| {
                t == f || t.strip_prefix(f).is_some_and(|rest| rest.starts_with(' '))
            };
            let stripped = title.strip_prefix("ال").unwrap_or(&title);
            if (leads(&title, &form) || leads(stripped, bare) || leads(&title, bare))
                && best.is_none_or(|(len, _)| form.len() > len)
            {
                best = Some((form.len(), i));
            }
        }
    }
    best.map(|(_, i)| i)
}

/// Gives every reading of one title the "then"/"former" words any of them
/// found: an English match that starts at the title ("Chief of Staff Donald
/// Regan") misses the "former" before it that the match starting at
/// "former" has, and the two are one claim. `found` is sorted by range.
fn share_markers(found: &mut [Attribution]) {
    let mut start = 0;
    while start < found.len() {
        let range = found[start].range.clone();
        let end = start
            + found[start..]
                .iter()
                .take_while(|a| a.range == range)
                .count();
        for i in start..end {
            let Value::Title { then, former, .. } = &found[i].value else {
                continue;
            };
            let (then, former) = (then.clone(), former.clone());
            if then.is_none() && former.is_none() {
                continue;
            }
            let who = found[i].person.who.clone();
            for other in &mut found[start..end] {
                if other.person.who != who {
                    continue;
                }
                if let Value::Title {
                    then: t, former: f, ..
                } = &mut other.value
                {
                    if t.is_none() {
                        *t = then.clone();
                    }
                    if f.is_none() {
                        *f = former.clone();
                    }
                }
            }
        }
        start = end;
    }
}

/// Who an attribution is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// An entity of a pack (`entities[i]`).
    Entity(usize),
    /// An unknown name, by the normalised form of its first two words.
    Name(String),
}

/// The people named in full with one surname, by where each full name is
/// written, so that a later short mention finds in logarithmic time
/// whether exactly one other person of that surname came before it (a
/// long article names the same people thousands of times).
#[derive(Debug, Default)]
struct EarlierNames {
    /// (start, who), sorted by start once [`EarlierNames::index`] ran.
    names: Vec<(usize, Who)>,
    /// For each prefix length `n` of `names`, up to three distinct people
    /// among its first `n` names, in order of first appearance.
    distinct: Vec<Vec<usize>>,
}

impl EarlierNames {
    fn push(&mut self, start: usize, who: Who) {
        self.names.push((start, who));
    }

    /// Sorts by position and records the distinct people of each prefix
    /// (at most three: one may be the person asking, two others already
    /// make the mention ambiguous).
    fn index(&mut self) {
        self.names.sort_by_key(|(start, _)| *start);
        let mut seen: Vec<usize> = Vec::new();
        self.distinct = Vec::with_capacity(self.names.len() + 1);
        self.distinct.push(seen.clone());
        for i in 0..self.names.len() {
            if seen.len() < 3 && !seen.iter().any(|&j| self.names[j].1 == self.names[i].1) {
                seen.push(i);
                self.distinct.push(seen.clone());
            } else {
                let last = self.distinct.last().cloned().unwrap_or_default();
                self.distinct.push(last);
            }
        }
    }

    /// The one person other than `asking` named in full before `before`,
    /// if there is exactly one.
    fn only_other(&self, before: usize, asking: &Who) -> Option<&Who> {
        let n = self.names.partition_point(|(start, _)| *start < before);
        let mut others = self.distinct[n]
            .iter()
            .map(|&i| &self.names[i].1)
            .filter(|who| *who != asking);
        let who = others.next()?;
        others.next().is_none().then_some(who)
    }
}

/// A person as the text names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Who it is.
    pub who: Who,
    /// Where the name is written.
    pub range: Range<usize>,
}

/// What is attached to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A nationality (`countries[country]`), written as a demonym or, when
    /// `form` is `None`, as the country's name.
    Nationality {
        /// Index of the country.
        country: usize,
        /// The demonym form, or `None` for a country name.
        form: Option<DemonymForm>,
    },
    /// A rank (`ranks[i]`).
    Rank(usize),
    /// A post: every `(entity, role)` of the packs with this title, and
    /// the office of the bundled lexicon the words name.
    Title {
        /// The roles the words can name.
        roles: Vec<(usize, usize)>,
        /// The office (`markers[i]`, an `office:` marker), when the words
        /// are one of the lexicon's.
        office: Option<usize>,
        /// A "then" marker (`آنذاك`, "then-") with the title.
        then: Option<Range<usize>>,
        /// A "former" marker (`السابق`, "former") with the title.
        former: Option<Range<usize>>,
    },
    /// An age in years.
    Age(u32),
}

impl Value {
    /// The kind of value, for grouping ("rank", "nationality" …).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Nationality { .. } => "nationality",
            Value::Rank(_) => "rank",
            Value::Title { .. } => "title",
            Value::Age(_) => "age",
        }
    }
}

/// One fact the text attaches to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The person.
    pub person: Person,
    /// What is attached.
    pub value: Value,
    /// The words that state the value (the span to underline), with the
    /// counterpart word before a nationality («نظيره الإمارات»).
    pub range: Range<usize>,
    /// The value's own words («الإمارات»).
    pub value_range: Range<usize>,
    /// The tokens of the whole match.
    pub tokens: Range<usize>,
    /// The section the value is written in.
    pub section: Option<SectionKind>,
    /// The pattern that matched (`rules.attributions[i]`).
    pub pattern: usize,
}

/// One way an element reads at a token: the token it ends before, and
/// what it captured.
type Reading = (usize, Capture);

/// What one element captured.
#[derive(Debug, Clone)]
enum Capture {
    /// A pack entity.
    Entity(usize),
    /// An unknown name: its key is built only for a full match.
    Name,
    Nationality {
        country: usize,
        form: Option<DemonymForm>,
    },
    Rank(usize),
    Title(Vec<(usize, usize)>, Option<usize>),
    Number(u32),
    /// A lexicon marker, by index.
    Marker(usize),
    Sep,
}

/// What a pattern match captured: each element's tokens and capture.
type Captures = Vec<(Range<usize>, Capture)>;

/// Whether token `i` is a hyphen written flush between two words
/// ("Vice-President"), joining them into one compound.
fn hyphen_joins(tokens: &[Token], i: usize) -> bool {
    let (Some(before), Some(hyphen), Some(after)) = (
        i.checked_sub(1).and_then(|b| tokens.get(b)),
        tokens.get(i),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    let word = |t: &Token| t.kind == TokenKind::Word;
    hyphen.is_punct('-')
        && word(before)
        && word(after)
        && before.orig().end == hyphen.orig().start
        && hyphen.orig().end == after.orig().start
}

/// Reads attributions over an article's tokens.
pub struct Attributor<'a> {
    article: &'a Article,
    rules: &'a RuleSet,
    tokens: &'a [Token],
    annotations: &'a TokenMentions,
    /// Tokens inside a longer rank, nationality, title or name that starts
    /// earlier: "Gen." in "Brig. Gen." names no rank of its own.
    shadowed: Vec<bool>,
    /// Tokens right after an office modifier («نائب», "deputy"): an office
    /// there is another office, so no title starts at them.
    modified: Vec<bool>,
    /// Which words after a name are a family name that makes it another
    /// person's.
    family_names: &'a names::FamilyNames<'a>,
    /// The persons found at each token as a pattern's first element, once
    /// asked (the table is made on the first question).
    leading_persons: std::cell::RefCell<Vec<Option<Vec<Reading>>>>,
}

impl<'a> Attributor<'a> {
    /// Prepares the patterns for one article; `family_names` is read from
    /// the same article ([`names::FamilyNames::new`]), shared with the
    /// checks that also ask it.
    pub fn new(
        article: &'a Article,
        rules: &'a RuleSet,
        tokens: &'a [Token],
        annotations: &'a TokenMentions,
        family_names: &'a names::FamilyNames<'a>,
    ) -> Self {
        let mut shadowed = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            for a in annotations.at(i) {
                let long = matches!(
                    a.target,
                    Target::Rank(_)
                        | Target::Demonym { .. }
                        | Target::CountryName(_)
                        | Target::RoleTitle { .. }
                        | Target::EntityName(_)
                );
                if long {
                    for slot in shadowed.iter_mut().take(a.end()).skip(i + 1) {
                        *slot = true;
                    }
                }
            }
        }
        let mut modified = vec![false; tokens.len() + 1];
        for i in 0..tokens.len() {
            for a in annotations.at(i) {
                if let Target::Marker(m) = a.target
                    && rules.markers[m].id == OFFICE_MODIFIER
                {
                    modified[a.end()] = true;
                    // Joined by a hyphen ("Vice-President", "Deputy-Governor"):
                    // the office after the hyphen is the modified one too.
                    if hyphen_joins(tokens, a.end()) {
                        modified[a.end() + 1] = true;
                    }
                }
            }
        }
        // "OPEC President", "IMF Managing Director": an organisation's
        // acronym before an English title makes it that organisation's
        // post, not the head of state's. (In an all-capital headline every
        // word looks like one, so only a title not itself in capitals.)
        if article.language == Language::En {
            // Two letters or more, all ASCII capitals (so as many bytes as
            // letters): tested first, as few words are.
            let acronym = |i: usize| {
                let token = &tokens[i];
                let word = &article.text[token.orig()];
                token.kind == TokenKind::Word
                    && word.len() >= 2
                    && word.bytes().all(|b| b.is_ascii_uppercase())
                    && !annotations.at(i).iter().any(|a| {
                        matches!(a.target, Target::Demonym { .. } | Target::CountryName(_))
                    })
            };
            for i in 1..tokens.len() {
                if !acronym(i - 1) {
                    continue;
                }
                let word = &article.text[tokens[i].orig()];
                // Next to each other, across at most a wrapped line: not a
                // headline's last word before the body's first.
                let gap = &article.text[tokens[i - 1].orig().end..tokens[i].orig().start];
                let adjacent = !gap.is_empty()
                    && gap.chars().all(char::is_whitespace)
                    && gap.matches('\n').count() <= 1;
                if adjacent && word.chars().any(|c| c.is_lowercase()) {
                    modified[i] = true;
                }
            }
            let is_country = |a: &&Annotation| {
                matches!(a.target, Target::Demonym { .. } | Target::CountryName(_))
            };
            let country = |i: usize| annotations.at(i).iter().any(|a| is_country(&a));
            for i in 0..tokens.len() {
                // "Acting Turkish Prime Minister", "Deputy U.S. Trade
                // Representative": a modifier before the nationality
                // modifies the title after it.
                if modified[i] {
                    for a in annotations.at(i).iter().filter(is_country) {
                        modified[a.end()] = true;
                    }
                }
                // "the party's president", "the bank's governor": a
                // possessive that is not a country makes the title that
                // organisation's post ("Brazil's President" stays the
                // head of state's).
                if i >= 3
                    && matches!(tokens[i - 1].kind, TokenKind::Word)
                    && article.text[tokens[i - 1].orig()].eq_ignore_ascii_case("s")
                    && matches!(tokens[i - 2].kind, TokenKind::Punct('\'' | '’'))
                    && tokens[i - 2].orig().start == tokens[i - 3].orig().end
                    && !country(i - 3)
                {
                    modified[i] = true;
                }
            }
        }
        Attributor {
            article,
            rules,
            tokens,
            annotations,
            shadowed,
            modified,
            family_names,
            leading_persons: std::cell::RefCell::default(),
        }
    }

    /// Every attribution in the article, in text order. Two patterns that
    /// read the same value at the same words attach it once.
    pub fn attribute(&self) -> Vec<Attribution> {
        // Each marker's bits, worked out at its first use (0 until then:
        // a marker always has its own bit).
        let mut marker_bits = vec![0; self.rules.markers.len()];
        // What may start a match at each token: a pattern is tried only
        // where one of its leading elements may match.
        let starts: Vec<u64> = (0..self.tokens.len())
            .map(|at| self.start_bits(at, &mut marker_bits))
            .collect();
        self.attribute_from(&starts)
    }

    /// [`Attributor::attribute`], trying each pattern only at the tokens
    /// whose `starts` bits meet its leading elements'.
    fn attribute_from(&self, starts: &[u64]) -> Vec<Attribution> {
        let mut found = Vec::new();
        // Most tokens are plain words: a pattern that cannot start at one
        // walks only the others.
        let not_plain: Vec<(usize, u64)> = starts
            .iter()
            .enumerate()
            .filter(|&(_, &bits)| bits & !start_bits::WORD != 0)
            .map(|(at, &bits)| (at, bits))
            .collect();
        for (index, pattern) in self.rules.attributions.iter().enumerate() {
            if pattern.language != self.article.language {
                continue;
            }
            let starts_with_mention = self.starts_with_mention(pattern);
            let starts_with_person = pattern
                .elements
                .first()
                .is_some_and(|e| e.kind == ElementKind::Person && !e.optional);
            let leading = self.leading_bits(pattern);
            let mut try_at = |start: usize| {
                // Most words start no mention: skip them before matching.
                if starts_with_mention && self.annotations.at(start).is_empty() {
                    return;
                }
                // Nor a name: a person is a known name (a mention) or a
                // capitalised word ([`Attributor::person_at`]).
                if starts_with_person
                    && self.annotations.at(start).is_empty()
                    && !self.capitalised_word(start)
                {
                    return;
                }
                let Some((end, captures)) = self.match_at(pattern, 0, start) else {
                    return;
                };
                let person_first = pattern
                    .elements
                    .first()
                    .is_some_and(|e| e.kind == ElementKind::Person);
                if person_first && !self.ends_item(end, &captures) {
                    return;
                }
                if !person_first && !self.one_item(&captures) {
                    return;
                }
                found.extend(self.attributions(index, &(start..end), &captures));
            };
            if leading & start_bits::WORD == 0 {
                for &(start, bits) in &not_plain {
                    if bits & leading != 0 {
                        try_at(start);
                    }
                }
            } else {
                for (start, &bits) in starts.iter().enumerate() {
                    if bits & leading != 0 {
                        try_at(start);
                    }
                }
            }
        }
        found.sort_by_key(|a: &Attribution| (a.range.start, a.range.end, a.pattern));
        share_markers(&mut found);
        found.dedup_by(|b, a| {
            a.range == b.range && a.value == b.value && a.person.who == b.person.who
        });
        self.link_later_mentions(&mut found);
        found
    }

    /// The normalised words of the name over `range` (bytes of the
    /// original text).
    /// Tokens are in text order, so the search starts at the first token
    /// at or after `range` and stops past its end: the cost is the name's
    /// length, not the article's.
    fn words_in(&self, range: &Range<usize>) -> Vec<&str> {
        let first = self
            .tokens
            .partition_point(|t| t.orig().start < range.start);
        self.tokens[first..]
            .iter()
            .take_while(|t| t.orig().start <= range.end)
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word && t.orig().end <= range.end)
            .map(|(i, _)| self.word(first + i))
            .collect()
    }

    /// The words of a full name a later mention may use alone: in English
    /// its last word; in Arabic, where the name reader may run on over a
    /// word after the name, every word after the first, except a father's
    /// name after «بن» («محمد بن سلمان» is not «سلمان»). A name of one
    /// word has none.
    fn surnames_of<'w>(&self, words: &[&'w str]) -> Vec<&'w str> {
        if words.iter().filter(|w| !NAME_LINKS.contains(w)).count() < 2 {
            return Vec::new();
        }
        let after_link =
            |i: usize| i > 0 && ["بن", "بنت", "ابن", "ابنه", "ابنة"].contains(&words[i - 1]);
        match self.article.language {
            Language::En => words.last().copied().into_iter().collect(),
            Language::Ar => (1..words.len())
                .filter(|&i| !NAME_LINKS.contains(&words[i]) && !after_link(i))
                .map(|i| words[i])
                .collect(),
        }
    }

    /// Later mentions by surname alone, or by rank and surname («اللواء
    /// بوحامد», "Gen. Bouhamed"), are the person named in full earlier in
    /// the article, when exactly one earlier full name ends with that
    /// surname: rank and nationality then compare across both, and a pack
    /// person's facts hold for the short mention too. With two earlier
    /// people of that surname the mention stays unlinked.
    fn link_later_mentions(&self, found: &mut [Attribution]) {
        // Full names in text order: pack names wherever written, unknown
        // names where an attribution reads them.
        let mut full: Vec<(usize, Who, String)> = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            for a in self.annotations.at(i) {
                if let Target::EntityName(e) = a.target {
                    let words: Vec<&str> = (i..a.end()).map(|t| self.word(t)).collect();
                    for surname in self.surnames_of(&words) {
                        full.push((token.orig().start, Who::Entity(e), surname.to_string()));
                    }
                }
            }
        }
        for attribution in found.iter() {
            if let Who::Name(_) = attribution.person.who {
                for surname in self.surnames_of(&self.words_in(&attribution.person.range)) {
                    full.push((
                        attribution.person.range.start,
                        attribution.person.who.clone(),
                        surname.to_string(),
                    ));
                }
            }
        }
        let mut by_surname: std::collections::HashMap<String, EarlierNames> =
            std::collections::HashMap::new();
        for (start, who, surname) in full {
            by_surname.entry(surname).or_default().push(start, who);
        }
        for names in by_surname.values_mut() {
            names.index();
        }
        for attribution in found.iter_mut() {
            let Who::Name(_) = attribution.person.who else {
                continue;
            };
            let words = self.words_in(&attribution.person.range);
            let Some(&first) = words.first() else {
                continue;
            };
            // One word, or in Arabic a family name («العلوي») with words
            // the name reader ran on over: a given name never starts with
            // the article.
            let short = words.len() == 1
                || (self.article.language == Language::Ar
                    && first.starts_with("ال")
                    && !words.iter().skip(1).any(|w| NAME_LINKS.contains(w)));
            if !short {
                continue;
            }
            if let Some(who) = by_surname.get(first).and_then(|earlier| {
                earlier.only_other(attribution.person.range.start, &attribution.person.who)
            }) {
                attribution.person.who = who.clone();
            }
        }
    }

    /// What may start a match at token `at`, as [`start_bits`] bits: each
    /// kind of mention there, a marker's own bit, a number, a separator, a
    /// capitalised word, a word.
    ///
    /// `marker_bits` keeps each marker's bits once worked out, by marker
    /// index (0 until then).
    fn start_bits(&self, at: usize, marker_bits: &mut [u64]) -> u64 {
        let token = &self.tokens[at];
        let mut bits = match token.kind {
            TokenKind::Number(Some(_)) => start_bits::NUMBER,
            TokenKind::Punct(c) if SEPARATORS.contains(&c) => start_bits::SEP,
            TokenKind::Word => start_bits::WORD,
            _ => 0,
        };
        // Only an English pattern reads a capitalised word as a name.
        if self.article.language == Language::En && self.capitalised_word(at) {
            bits |= start_bits::CAPITAL;
        }
        for a in self.annotations.at(at) {
            bits |= match a.target {
                Target::EntityName(_) => start_bits::ENTITY,
                Target::Rank(_) => start_bits::RANK,
                Target::Demonym { .. } | Target::CountryName(_) => start_bits::NATIONALITY,
                Target::RoleTitle { .. } => start_bits::TITLE,
                Target::Marker(m) => {
                    if marker_bits[m] == 0 {
                        let id = &self.rules.markers[m].id;
                        let title = if id.starts_with(OFFICE_PREFIX) {
                            start_bits::TITLE
                        } else {
                            0
                        };
                        marker_bits[m] = title | start_bits::marker(id);
                    }
                    marker_bits[m]
                }
                _ => 0,
            };
        }
        bits
    }

    /// The [`start_bits`] of any token where `pattern` may start: those of
    /// its elements up to the first one it needs (all bits when it needs
    /// none).
    fn leading_bits(&self, pattern: &AttributionPattern) -> u64 {
        let mut bits = 0;
        for (i, element) in pattern.elements.iter().enumerate() {
            bits |= match &element.kind {
                ElementKind::Rank => start_bits::RANK,
                ElementKind::Nationality => start_bits::NATIONALITY,
                ElementKind::Title => start_bits::TITLE,
                ElementKind::Marker(id) => start_bits::marker(id),
                ElementKind::Number => start_bits::NUMBER,
                ElementKind::Sep => start_bits::SEP,
                // A pack's name, an unknown English name (capitalised), or
                // after a leading element an unknown Arabic name (any word;
                // see [`Attributor::person_at`]).
                ElementKind::Person => match self.article.language {
                    Language::En => start_bits::ENTITY | start_bits::CAPITAL,
                    Language::Ar if i > 0 => start_bits::ENTITY | start_bits::WORD,
                    Language::Ar => start_bits::ENTITY,
                },
            };
            if !element.optional {
                return bits;
            }
        }
        u64::MAX
    }

    /// Whether every match of `pattern` starts at a mention: its leading
    /// elements are mentions (markers, ranks, titles, nationalities), or a
    /// person in Arabic, where a name without context must be a pack's.
    fn starts_with_mention(&self, pattern: &AttributionPattern) -> bool {
        for element in &pattern.elements {
            let mention = match element.kind {
                ElementKind::Marker(_)
                | ElementKind::Rank
                | ElementKind::Title
                | ElementKind::Nationality => true,
                ElementKind::Person => self.article.language == Language::Ar,
                ElementKind::Number | ElementKind::Sep => false,
            };
            if !mention {
                return false;
            }
            if !element.optional {
                return true;
            }
        }
        false
    }

    /// Turns one match into attributions.
    fn attributions(
        &self,
        pattern: usize,
        tokens: &Range<usize>,
        captures: &[(Range<usize>, Capture)],
    ) -> Vec<Attribution> {
        let Some((person_tokens, who)) = captures.iter().find_map(|(r, c)| match c {
            Capture::Entity(e) => Some((r.clone(), Who::Entity(*e))),
            Capture::Name => Some((r.clone(), Who::Name(self.name_key(r)))),
            _ => None,
        }) else {
            return Vec::new();
        };
        let person = Person {
            who,
            range: self.span(&person_tokens),
        };
        let marker_range = |id: &str| {
            captures.iter().find_map(|(r, c)| match c {
                Capture::Marker(m) if self.rules.markers[*m].id == id => Some(self.span(r)),
                _ => None,
            })
        };
        let mut out = Vec::new();
        for (i, (range, capture)) in captures.iter().enumerate() {
            let value = match capture {
                Capture::Nationality { country, form } => Value::Nationality {
                    country: *country,
                    form: *form,
                },
                Capture::Rank(r) => Value::Rank(*r),
                Capture::Title(roles, office) => Value::Title {
                    roles: roles.clone(),
                    office: *office,
                    then: marker_range("then"),
                    former: marker_range("former"),
                },
                Capture::Number(n) => Value::Age(*n),
                _ => continue,
            };
            // A nationality is underlined with the counterpart word before
            // it: «نظيره الإمارات».
            let value_range = self.span(range);
            let mut span = value_range.clone();
            if matches!(value, Value::Nationality { .. })
                && let Some((before, Capture::Marker(m))) = i.checked_sub(1).map(|j| &captures[j])
                && self.rules.markers[*m].id == "counterpart"
            {
                span.start = self.span(before).start;
            }
            out.push(Attribution {
                person: person.clone(),
                section: self.article.section_at(span.start).map(|s| s.kind),
                range: span,
                value_range,
                value,
                tokens: tokens.clone(),
                pattern,
            });
        }
        out
    }

    fn span(&self, tokens: &Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].orig().start..self.tokens[tokens.end - 1].orig().end
    }

    /// Matches `pattern.elements[element..]` from token `at`; returns the
    /// end token and the captures (greedy: an optional element is tried
    /// before it is skipped).
    fn match_at(
        &self,
        pattern: &AttributionPattern,
        element: usize,
        at: usize,
    ) -> Option<(usize, Captures)> {
        let Some(current) = pattern.elements.get(element) else {
            return Some((at, Vec::new()));
        };
        for (end, capture) in self.element_at(&current.kind, at, element == 0) {
            if let Some((last, mut rest)) = self.match_at(pattern, element + 1, end) {
                rest.insert(0, (at..end, capture));
                return Some((last, rest));
            }
        }
        if current.optional {
            return self.match_at(pattern, element + 1, at);
        }
        None
    }

    /// The ways one element can match at token `at`, longest first.
    fn element_at(&self, kind: &ElementKind, at: usize, first: bool) -> Vec<(usize, Capture)> {
        let Some(token) = self.tokens.get(at) else {
            return Vec::new();
        };
        let annotations = self.annotations.at(at);
        if self.shadowed[at]
            && !matches!(
                kind,
                ElementKind::Sep | ElementKind::Number | ElementKind::Marker(_)
            )
        {
            return Vec::new();
        }
        let mut options: Vec<(usize, Capture)> = match kind {
            // The marker is matched first: reading a form as written
            // costs a normalisation of every form of the marker.
            ElementKind::Marker(id) => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Marker(m)
                        if self.rules.markers[m].id == *id && self.reads_as_written(a) =>
                    {
                        Some((a.end(), Capture::Marker(m)))
                    }
                    _ => None,
                })
                .collect(),
            ElementKind::Rank => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Rank(r) => Some((a.end(), Capture::Rank(r))),
                    _ => None,
                })
                .collect(),
            ElementKind::Nationality => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Demonym { country, form } => Some((
                        a.end(),
                        Capture::Nationality {
                            country,
                            form: Some(form),
                        },
                    )),
                    Target::CountryName(country) => Some((
                        a.end(),
                        Capture::Nationality {
                            country,
                            form: None,
                        },
                    )),
                    _ => None,
                })
                .collect(),
            ElementKind::Title if self.modified[at] => Vec::new(),
            ElementKind::Title => {
                type Slot = (usize, Vec<(usize, usize)>, Option<usize>);
                let mut by_end: Vec<Slot> = Vec::new();
                for a in annotations {
                    let (role, office) = match a.target {
                        Target::RoleTitle { entity, role } => {
                            (Some((entity as usize, role as usize)), None)
                        }
                        Target::Marker(m)
                            if self.rules.markers[m].id.starts_with(OFFICE_PREFIX) =>
                        {
                            (None, Some(m))
                        }
                        _ => continue,
                    };
                    let slot = match by_end.iter().position(|(end, ..)| *end == a.end()) {
                        Some(slot) => slot,
                        None => {
                            by_end.push((a.end(), Vec::new(), None));
                            by_end.len() - 1
                        }
                    };
                    by_end[slot].1.extend(role);
                    if office.is_some() {
                        by_end[slot].2 = office;
                    }
                }
                by_end
                    .into_iter()
                    .map(|(end, roles, office)| (end, Capture::Title(roles, office)))
                    .collect()
            }
            ElementKind::Number => match token.kind {
                TokenKind::Number(Some(n)) => vec![(at + 1, Capture::Number(n))],
                _ => Vec::new(),
            },
            ElementKind::Sep => {
                if matches!(token.kind, TokenKind::Punct(c) if SEPARATORS.contains(&c)) {
                    vec![(at + 1, Capture::Sep)]
                } else {
                    Vec::new()
                }
            }
            ElementKind::Person if first => {
                // Several patterns start with a person: each asks at every
                // capitalised word, and the answer is the same.
                let mut leading = self.leading_persons.borrow_mut();
                if leading.is_empty() {
                    leading.resize(self.tokens.len(), None);
                }
                leading[at]
                    .get_or_insert_with(|| self.person_at(at, true))
                    .clone()
            }
            ElementKind::Person => self.person_at(at, false),
        };
        // «السورية» is both the feminine adjective and a spelling of the
        // country's name: the adjective is the reading after a title or a
        // counterpart.
        let demonym_ends: Vec<usize> = options
            .iter()
            .filter(|(_, c)| matches!(c, Capture::Nationality { form: Some(_), .. }))
            .map(|(end, _)| *end)
            .collect();
        options.retain(|(end, c)| {
            !matches!(c, Capture::Nationality { form: None, .. }) || !demonym_ends.contains(end)
        });
        options.sort_by_key(|o| std::cmp::Reverse(o.0));
        options
    }

    /// Whether annotation `a` reads as written. Full normalisation makes
    /// the alif maqsura a ya, so the preposition «على» and the given name
    /// «علي» are one word to the matcher; a word written with a final ya
    /// keeps its identity and is not a marker whose forms end in alif
    /// maqsura: «وزير الخارجية علي الصالح» names Ali, and «على» still
    /// ends a name.
    fn reads_as_written(&self, a: &Annotation) -> bool {
        let Target::Marker(m) = a.target else {
            return true;
        };
        let Some(last) = self.tokens.get(a.end().wrapping_sub(1)) else {
            return true;
        };
        let original = &self.article.text[a.start()..last.orig().end];
        if !crate::text::light_form(original).ends_with('ي') {
            return true;
        }
        // The forms the words match once normalised; a form written with a
        // final ya (or none at all) keeps the reading.
        let matched = normalize_pattern(original);
        let mut same = self.rules.markers[m]
            .names
            .iter()
            .filter(|(_, f)| normalize_pattern(f) == matched)
            .peekable();
        same.peek().is_none() || same.any(|(_, f)| !crate::text::light_form(f).ends_with('ى'))
    }

    /// The normalised text of token `i`.
    fn word(&self, i: usize) -> &str {
        &self.article.normalized.text[self.tokens[i].norm()]
    }

    /// Whether token `i` links two parts of an Arabic name: «بن», «بنت»,
    /// «ابن», or «آل» before a family name.
    fn is_name_link(&self, i: usize) -> bool {
        self.article.language == Language::Ar
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && NAME_LINKS.contains(&self.word(i))
    }

    /// The end of a name's nasab chain: «محمد بن سلمان» continues over «بن
    /// عبدالعزيز آل سعود» (and «بن عبد العزيز», written spaced).
    fn nasab_end(&self, mut end: usize) -> usize {
        while self.is_name_link(end)
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            end += 2;
            if COMPOUND_HEADS.contains(&self.word(end - 1))
                && self
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                end += 1;
            }
        }
        end
    }

    /// Whether the Arabic name over tokens `at..end` is a nasab chain that
    /// a family name continues («السفير أحمد بن عبدالعزيز التويجري»): the
    /// chain is then part of another person's name, not the pack's
    /// «أحمد بن عبدالعزيز». A name without «بن» is left alone: a pack may
    /// list a short form of a longer name the copy writes in full. So is a
    /// chain that ends with its family («… آل سعود المؤرخة»: the word
    /// after it belongs to the sentence).
    fn family_name_after_nasab(&self, at: usize, end: usize) -> bool {
        self.article.language == Language::Ar
            && (at..end)
                .rev()
                .find(|&i| self.is_name_link(i))
                .is_some_and(|i| self.word(i) != "ال")
            && self.family_names.follows(end)
    }

    /// Whether the mention over `range` carries a conjunction clitic
    /// («وولي العهد», «والأمير»): it starts a new item of a list.
    fn has_conjunction(&self, range: &Range<usize>) -> bool {
        let token = &self.tokens[range.start];
        self.annotations.at(range.start).iter().any(|a| {
            a.end() == range.end
                && a.start() > token.orig().start
                && self.article.text[token.orig().start..a.start()].starts_with(['و', 'ف'])
        })
    }

    /// Whether the words over `range` carry a proclitic other than the
    /// article («بالسفير», «لرئيس»): a title after a preposition is not in
    /// apposition to the name before it.
    fn has_preposition(&self, range: &Range<usize>) -> bool {
        let token = &self.tokens[range.start];
        self.annotations
            .at(range.start)
            .iter()
            .filter(|a| a.end() == range.end)
            .map(|a| &self.article.text[token.orig().start..a.start().max(token.orig().start)])
            .min_by_key(|clitic| clitic.len())
            .is_some_and(|clitic| !clitic.is_empty() && clitic != "ال")
    }

    /// Whether a match that starts with its title keeps to one item: an
    /// honorific, a rank or a name after the title with «و» («الرئيس المصري
    /// والأمير X») is the next item of a list, not the title's holder.
    fn one_item(&self, captures: &[(Range<usize>, Capture)]) -> bool {
        let Some(first) = captures
            .iter()
            .position(|(_, c)| matches!(c, Capture::Title(..) | Capture::Nationality { .. }))
        else {
            return true;
        };
        !captures[first + 1..].iter().any(|(range, c)| {
            matches!(
                c,
                Capture::Marker(_) | Capture::Rank(_) | Capture::Entity(_)
            ) && self.has_conjunction(range)
        })
    }

    /// Whether a match that starts with its person ends the item: the title
    /// after a name binds forward when another name follows it («X، وزير
    /// الخارجية Y» is Y's title), and a title with a conjunction («X،
    /// وولي العهد Y») starts a new item of a list.
    fn ends_item(&self, end: usize, captures: &[(Range<usize>, Capture)]) -> bool {
        let states = |c: &Capture| matches!(c, Capture::Title(..) | Capture::Nationality { .. });
        if !captures.iter().any(|(_, c)| states(c)) {
            return true;
        }
        for (range, capture) in captures {
            if !matches!(capture, Capture::Title(..) | Capture::Nationality { .. }) {
                continue;
            }
            if self.has_conjunction(range) || self.has_preposition(range) {
                return false;
            }
        }
        let Some(next) = self.tokens.get(end) else {
            return true;
        };
        if next.kind != TokenKind::Word {
            return true;
        }
        let annotations = self.annotations.at(end);
        let names_someone = annotations.iter().any(|a| match a.target {
            Target::EntityName(_) | Target::Rank(_) => true,
            Target::Marker(m) => {
                self.rules.markers[m].id == "honorific" && self.reads_as_written(a)
            }
            _ => false,
        });
        if names_someone {
            return false;
        }
        match self.article.language {
            // A capitalised word after the title is the next person's name.
            Language::En => !self.article.text[next.orig()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
            // A word no lexicon knows may be a name: only a mention (a
            // marker, a verb, a date word, another title) ends the item.
            Language::Ar => annotations.iter().any(|a| {
                !matches!(a.target, Target::Typo(_) | Target::EntityName(_))
                    && self.reads_as_written(a)
            }),
        }
    }

    /// A person at token `at`: a pack entity, else an unknown name where the
    /// pattern gives context (`first` is false) or, in English, two or more
    /// capitalised words.
    fn person_at(&self, at: usize, first: bool) -> Vec<(usize, Capture)> {
        // «سلطان» in «بندر بن سلطان» is part of someone else's name.
        if at > 0 && self.is_name_link(at - 1) {
            return Vec::new();
        }
        let entities: Vec<(usize, Capture)> = self
            .annotations
            .at(at)
            .iter()
            .filter_map(|a| match a.target {
                Target::EntityName(e) => Some((self.nasab_end(a.end()), Capture::Entity(e))),
                _ => None,
            })
            .filter(|&(end, _)| !self.family_name_after_nasab(at, end))
            .collect();
        if !entities.is_empty() {
            return entities;
        }
        let end = match self.article.language {
            Language::Ar if !first => self.arabic_name_end(at).map(|end| self.nasab_end(end)),
            Language::Ar => None,
            Language::En => self
                .english_name_end(at)
                .filter(|&end| !first || end - at >= 2),
        };
        let Some(end) = end else { return Vec::new() };
        vec![(end, Capture::Name)]
    }

    /// An unknown name's key: its first two words, normalised (a
    /// hyphenated word is one word).
    fn name_key(&self, tokens: &Range<usize>) -> String {
        let text = &self.article.normalized.text
            [self.tokens[tokens.start].norm().start..self.tokens[tokens.end - 1].norm().end];
        // «محمد بن نايف» and «محمد بن سلمان» are two people: a link word
        // does not count as one of the two.
        let mut words = Vec::new();
        let mut counted = 0;
        for word in text.split_whitespace() {
            if counted == 2 {
                break;
            }
            words.push(word);
            if !NAME_LINKS.contains(&word) {
                counted += 1;
            }
        }
        words.join(" ")
    }

    /// Whether token `i` is a word that starts with a capital letter, as
    /// every word of an unknown English name does.
    fn capitalised_word(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        if token.kind != TokenKind::Word {
            return false;
        }
        // Most words start with an ASCII byte: read without decoding.
        match self.article.text.as_bytes().get(token.orig().start) {
            Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => self.article.text[token.orig()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// Whether token `i` starts a mention that is not a name (a rank, a
    /// title, a country, a marker, a date word).
    fn starts_other_mention(&self, i: usize) -> bool {
        self.annotations.at(i).iter().any(|a| {
            !matches!(
                a.target,
                Target::EntityName(_) | Target::Typo(_) | Target::Verb { .. }
            ) && self.reads_as_written(a)
        })
    }

    /// Whether Arabic token `i` is a preposition glued to a common noun
    /// ([`names::preposition_and_noun`]).
    fn preposition_and_noun(&self, i: usize) -> bool {
        names::preposition_and_noun(&self.article.text[self.tokens[i].orig()])
    }

    /// One to three Arabic words, stopping at punctuation, a number, a
    /// `name-stop` word or another mention. A nisba after the first word is
    /// part of the name (`ناصر الكندي`, `محمد المصري`), not a nationality.
    fn arabic_name_end(&self, at: usize) -> Option<usize> {
        if self.preposition_and_noun(at) {
            return None;
        }
        let mut end = at;
        while end < self.tokens.len() && end - at < 3 {
            let token = &self.tokens[end];
            let nisba = end > at
                && self
                    .annotations
                    .at(end)
                    .iter()
                    .all(|a| matches!(a.target, Target::Demonym { .. }));
            if token.kind != TokenKind::Word || (self.starts_other_mention(end) && !nisba) {
                break;
            }
            end += 1;
        }
        (end > at).then_some(end)
    }

    /// One to three capitalised English words; a hyphen or apostrophe
    /// written without spaces joins parts of one word (`Al-Kindi`,
    /// `O'Neill`).
    fn english_name_end(&self, at: usize) -> Option<usize> {
        let capitalised = |i: usize| self.capitalised_word(i) && !self.starts_other_mention(i);
        let mut end = at;
        let mut words = 0;
        while end < self.tokens.len() && words < 3 && capitalised(end) {
            end += 1;
            words += 1;
            // `Al-Kindi`: a joiner glued to both neighbours continues the word.
            while end + 1 < self.tokens.len()
                && matches!(
                    self.tokens[end].kind,
                    TokenKind::Punct('-' | '\'' | '\u{2019}')
                )
                && self.tokens[end - 1].orig().end == self.tokens[end].orig().start
                && self.tokens[end].orig().end == self.tokens[end + 1].orig().start
                && self.tokens[end + 1].kind == TokenKind::Word
            {
                end += 2;
            }
        }
        (end > at).then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;
    use crate::text::tokens::tokenize;

    fn attributions(text: &str) -> Vec<(String, String, String)> {
        let rules = RuleSet::load(&crate::rules::RuleSources {
            no_defaults: false,
            paths: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/examples")],
            ..Default::default()
        })
        .rules;
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        let mentions = rules.find(&article);
        let tokens = tokenize(&article.normalized, &article.text);
        let annotations = TokenMentions::new(&tokens, &mentions);
        let family_names = names::FamilyNames::new(&article, &rules, &tokens, &annotations);
        Attributor::new(&article, &rules, &tokens, &annotations, &family_names)
            .attribute()
            .into_iter()
            .map(|a| {
                let who = match &a.person.who {
                    Who::Entity(e) => rules.entities[*e].id.clone(),
                    Who::Name(n) => n.clone(),
                };
                (
                    who,
                    a.value.kind().to_string(),
                    article.text[a.range].to_string(),
                )
            })
            .collect()
    }

    /// Trying each pattern only where its leading elements may match
    /// finds what trying it at every token finds, on every fixture article
    /// with the bundled and example packs.
    #[test]
    fn start_bits_skip_no_attribution() {
        let rules = RuleSet::load(&crate::rules::RuleSources {
            no_defaults: false,
            paths: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/examples")],
            ..Default::default()
        })
        .rules;
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut articles: Vec<Article> = std::fs::read_dir(fixtures)
            .expect("fixtures")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| !path.to_string_lossy().ends_with(".expect.yaml"))
            .map(|path| {
                let text = std::fs::read_to_string(&path).expect("a fixture reads");
                Article::load(&path.to_string_lossy(), text, &LoadOptions::default())
                    .expect("a fixture loads")
            })
            .collect();
        // Unknown English names before their title and age, which no
        // fixture has.
        articles.push(Article::from_text(
            "names.en.txt",
            "Maria Alvarez, the former defence minister, said talks would resume. \
             Ahmed Saleh, 54, was released.",
            &LoadOptions::default(),
        ));
        let mut checked = 0;
        for article in &articles {
            let path = &article.path;
            let mentions = rules.find(article);
            let tokens = tokenize(&article.normalized, &article.text);
            let annotations = TokenMentions::new(&tokens, &mentions);
            let family_names = names::FamilyNames::new(article, &rules, &tokens, &annotations);
            let attributor = Attributor::new(article, &rules, &tokens, &annotations, &family_names);
            let filtered = attributor.attribute();
            assert_eq!(
                filtered,
                attributor.attribute_from(&vec![u64::MAX; tokens.len()]),
                "{path}"
            );
            checked += usize::from(!filtered.is_empty());
        }
        assert!(checked >= 10, "{checked} fixtures with attributions");
    }

    #[test]
    fn counterpart_nationality_and_rank() {
        let found = attributions(
            "قائد سلاح الجو يلتقي نظيره الإمارات، اللواء العابد العلوي بوحامد في القاعدة.",
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "nationality".into(),
                "نظيره الإمارات".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "rank".into(),
                "اللواء".into()
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_hyphenated_modifier_makes_another_office() {
        // The titles attached, as written: never "President" alone after
        // "Vice-" (the whole "Vice-President" may be an office of its own).
        let titles = |text: &str| -> Vec<String> {
            attributions(text)
                .into_iter()
                .filter(|(_, kind, _)| kind == "title")
                .map(|(_, _, title)| title)
                .collect()
        };
        assert_eq!(
            titles("President Omar Haddad opened the session."),
            vec!["President".to_string()]
        );
        for text in [
            "Vice-President Omar Haddad opened the session.",
            "Vice President Omar Haddad opened the session.",
        ] {
            let found = titles(text);
            assert!(!found.contains(&"President".to_string()), "{found:?}");
        }
    }

    #[test]
    fn unknown_names_are_keyed_by_two_words() {
        let found = attributions("وقال الجنرال سعيد حمدان المري إن التعاون مستمر.");
        assert_eq!(
            found,
            vec![("سعيد حمدان".into(), "rank".into(), "الجنرال".into())]
        );
    }

    #[test]
    fn titles_with_then() {
        let found =
            attributions("في نوفمبر 2021، وقّع وزير الدفاع آنذاك بيني غانتس على مذكرة تفاهم.");
        assert_eq!(
            found,
            vec![("benny-gantz".into(), "title".into(), "وزير الدفاع".into())]
        );
    }

    #[test]
    fn title_nationality_name_and_lexicon_offices() {
        let found = attributions("وقال وزير الخارجية القطري رامي السعدي إن المحادثات مثمرة.");
        assert!(
            found.contains(&("rami-saadi".into(), "nationality".into(), "القطري".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("rami-saadi".into(), "title".into(), "وزير الخارجية".into())),
            "{found:?}"
        );
    }

    #[test]
    fn ali_is_a_name_and_ala_a_preposition() {
        let found = attributions("وقال وزير الخارجية الأردني علي الصالح إن الحوار مستمر.");
        assert!(
            found.contains(&("علي الصالح".into(), "nationality".into(), "الأردني".into())),
            "{found:?}"
        );
        let found = attributions("وأثنى وزير الخارجية السوداني على الاتفاق.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_modifier_makes_another_office() {
        let found = attributions("وقال نائب رئيس الوزراء خالد منصور إن الاتفاق جاهز.");
        assert!(
            !found.iter().any(|(_, _, text)| text == "رئيس الوزراء"),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_in_a_list_binds_forward() {
        let found = attributions("وحضر اللقاء الأمير ماجد بن فهد، ووزير الخارجية رامي السعدي.");
        assert!(
            !found
                .iter()
                .any(|(who, kind, _)| who == "majid-bin-fahd" && kind == "title"),
            "{found:?}"
        );
        let found = attributions(
            "The dinner was attended by Majid bin Fahd, Foreign Minister Rami Saadi and others.",
        );
        assert!(
            !found
                .iter()
                .any(|(who, kind, _)| who == "majid-bin-fahd" && kind == "title"),
            "{found:?}"
        );
    }

    #[test]
    fn a_family_name_after_a_nasab_makes_another_person() {
        let found = attributions("وقال السفير ماجد بن فهد البغدادي إن الزيارة ناجحة.");
        assert!(
            !found.iter().any(|(who, ..)| who == "majid-bin-fahd"),
            "{found:?}"
        );
        let found = attributions("وقال السفير ماجد بن فهد إن الزيارة ناجحة.");
        assert!(
            found.contains(&("majid-bin-fahd".into(), "title".into(), "السفير".into())),
            "{found:?}"
        );
        // A family name that is also a dictionary word is known as one
        // where the article puts it after a title.
        let found = attributions("وقال السفير ماجد بن فهد خياط إن الزيارة ناجحة.");
        assert!(
            found.contains(&("majid-bin-fahd".into(), "title".into(), "السفير".into())),
            "{found:?}"
        );
        let found = attributions(
            "وقال السفير ماجد بن فهد خياط إن الزيارة ناجحة. وأشار السفير خياط إلى الاتفاق.",
        );
        assert!(
            !found.iter().any(|(who, ..)| who == "majid-bin-fahd"),
            "{found:?}"
        );
        // A preposition and its noun after a title are the sentence's.
        let found = attributions(
            "وينيب ولي العهد ماجد بن فهد بإدارة شؤون البلاد. وينيب ولي العهد بإدارة شؤون البلاد.",
        );
        assert!(
            found.contains(&("majid-bin-fahd".into(), "title".into(), "ولي العهد".into())),
            "{found:?}"
        );
        // A chain that ends with its family: the next word is the sentence's.
        let found = attributions("رسالة ولي العهد ماجد بن فهد آل منصور المؤرخة في مايو.");
        assert!(
            found.contains(&("majid-bin-fahd".into(), "title".into(), "ولي العهد".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_inside_another_nasab_is_someone_else() {
        let found = attributions("وحضر الأمير بدر بن ماجد بن فهد وزير الخارجية السابق الحفل.");
        assert!(
            !found.iter().any(|(who, ..)| who == "majid-bin-fahd"),
            "{found:?}"
        );
        let found = attributions("وصل الأمير ماجد بن فهد بن سالم آل منصور ولي العهد، إلى مسقط.");
        assert!(
            found.contains(&("majid-bin-fahd".into(), "title".into(), "ولي العهد".into())),
            "{found:?}"
        );
    }

    #[test]
    fn english_patterns() {
        let found = attributions(
            "Bar met his Moroccan counterpart, Gen. Abed Alaoui Bouhamed, at the base.",
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "nationality".into(),
                "Moroccan".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "rank".into(),
                "Gen.".into()
            )),
            "{found:?}"
        );
    }
}
