//! One pass over the normalised text finds every mention of every rule.
//!
//! All literals of all loaded packs (names, demonyms, country names, ranks,
//! titles, typos) go into one hash table looked up from each place a word
//! may start (the typo lists into word tables of their own); all regexes
//! (counters, confusables) into one multi-pattern regex that says which
//! pattern matched where (`regex_automata::meta::Regex::new_many`).
//! Adding rules adds patterns, never passes. Hits are then kept only when
//! they are whole words, Arabic clitics allowed (see
//! [`crate::text::words`]).

use std::ops::Range;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::model::DemonymForm;
use crate::article::Article;
use crate::language::Language;
use crate::text::normalize::{light_form, light_form_is, normalize_regex_source};
use crate::text::tokens::{self, Token};
use crate::text::{normalize_pattern, words};

/// What a mention is a mention of. Indexes point into the [`super::RuleSet`]
/// vectors of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A country name (`countries[i]`).
    CountryName(usize),
    /// A nationality adjective of `countries[country]`.
    Demonym {
        /// Index of the country.
        country: usize,
        /// Which form was used.
        form: DemonymForm,
    },
    /// A rank form (`ranks[i]`).
    Rank(usize),
    /// A name of `entities[i]`.
    EntityName(usize),
    /// A title of `entities[entity].roles[role]`. The two indices are
    /// `u32` so that a target, which every mention and annotation of a
    /// large article carries, stays two words long.
    RoleTitle {
        /// Index of the entity.
        entity: u32,
        /// Index of the role.
        role: u32,
    },
    /// A name of `events[i]`.
    EventName(usize),
    /// A known misspelling (`typos[i]`).
    Typo(usize),
    /// A counter banner (`counters[i]`).
    Counter(usize),
    /// A Gregorian month name (`months[i]`).
    Month(usize),
    /// A Hijri month name (`hijri_months[i]`).
    HijriMonth(usize),
    /// A weekday name (`weekdays[i]`).
    Weekday(usize),
    /// An attribution or date marker word (`markers[i]`).
    Marker(usize),
    /// A form of `verbs[index]`.
    Verb {
        /// Index of the verb pair.
        index: usize,
        /// Whether the feminine form was used.
        feminine: bool,
    },
}

// Every mention and annotation carries one: kept two words long.
const _: () = assert!(std::mem::size_of::<Target>() == 16);

/// One place in an article where a rule's pattern occurs as a whole word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// What was found.
    pub target: Target,
    /// The language of the pattern that matched.
    pub language: Language,
    /// The matched words in the original text, without clitics.
    pub range: Range<usize>,
    /// The whole word in the original text, clitics included.
    pub word: Range<usize>,
    /// For regex patterns: the capture groups. Boxed, because most
    /// mentions are literals and a large article holds one mention every
    /// few words.
    pub captures: Option<Box<Captures>>,
}

/// The capture groups of a regex mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captures {
    /// Each group's range in the original text (index 0 is the whole
    /// match), by group index.
    pub groups: Vec<Option<Range<usize>>>,
    /// Named groups that matched, with their ranges.
    pub named: Vec<(String, Range<usize>)>,
}

impl Mention {
    /// The original range of the named capture group `name`.
    pub fn group(&self, name: &str) -> Option<Range<usize>> {
        self.captures
            .as_ref()?
            .named
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.clone())
    }

    /// The original range of capture group `index` (0: the whole match).
    pub fn group_at(&self, index: usize) -> Option<Range<usize>> {
        self.captures.as_ref()?.groups.get(index).cloned().flatten()
    }
}

#[derive(Debug, Clone)]
struct LiteralTarget {
    target: Target,
    language: Language,
    /// The pattern starts with the article and this literal is its
    /// contracted form after `ل` (`المغرب` → `لمغرب` in `للمغرب`).
    contracted: bool,
    /// For exact rules (typos): the light form the original must have,
    /// because full normalisation erases the difference the rule is about.
    exact: Option<ExactForm>,
}

/// The light form an exact rule's words must have.
#[derive(Debug, Clone)]
struct ExactForm {
    form: String,
    /// Whether the form is its own light form, as it is unless a letter's
    /// lower case brings a mark: then words written as the form itself (most
    /// occurrences) are known to match without a character-by-character
    /// comparison.
    fixed: bool,
}

impl ExactForm {
    fn new(form: String) -> Self {
        let fixed = light_form_is(&form, &form);
        ExactForm { form, fixed }
    }

    /// Whether `text`, as written in the article, has this light form.
    fn is_light_form_of(&self, text: &str) -> bool {
        (self.fixed && text == self.form) || light_form_is(text, &self.form)
    }
}

#[derive(Debug, Clone)]
struct RegexTarget {
    target: Target,
    language: Language,
}

/// Collects patterns, then compiles them into one [`Matcher`].
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    /// Each distinct literal and its index in `literal_targets`.
    literal_index: rustc_hash::FxHashMap<String, usize>,
    literal_targets: Vec<Vec<LiteralTarget>>,
    regexes: Vec<String>,
    regex_targets: Vec<RegexTarget>,
}

/// Whether a typo literal can be looked up by word in a [`WordTable`]
/// instead of going into the matcher's own literals: it holds no
/// whitespace (a lookup stops there) and no full stop (a dotted mention
/// also marks an abbreviation for sentence splitting, which must not
/// depend on whether the typo table was built).
pub fn fits_word_table(literal: &str) -> bool {
    !literal.chars().any(|c| c.is_whitespace() || c == '.')
}

/// The literals of the typo lists (about 95,000 bundled English entries)
/// in a hash table keyed by the normalised form, looked up at each place a
/// word may start, apart from the matcher's own literals: it is built only
/// when an article needs it (see [`super::RuleSet::find_for`]), and the
/// bundled lists are compiled into the binary by `build.rs` and read in
/// place.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    index: rustc_hash::FxHashMap<Box<str>, u32>,
    targets: Vec<Vec<LiteralTarget>>,
    /// Bundled lists compiled by `build.rs`, looked up in place.
    compiled: Vec<CompiledPart>,
    /// The longest key, in bytes: a lookup never reaches further.
    longest: usize,
    /// The bytes a key may start with, one bit each: a word that starts
    /// with another byte (an Arabic word, for the table of English typos)
    /// is not looked up at all.
    first_bytes: [u64; 4],
}

/// A compiled typo list in a [`WordTable`]: its map (typo → row), the
/// `Target::Typo` index of its first row, and its language.
#[derive(Debug, Clone)]
struct CompiledPart {
    keys: fst::Map<&'static [u8]>,
    filter: fastbloom::BloomFilter,
    first: usize,
    language: Language,
}

impl WordTable {
    /// An empty table with room for about `literals` keys.
    pub fn with_capacity(literals: usize) -> Self {
        WordTable {
            index: rustc_hash::FxHashMap::with_capacity_and_hasher(literals, Default::default()),
            targets: Vec::with_capacity(literals),
            compiled: Vec::new(),
            longest: 0,
            first_bytes: [0; 4],
        }
    }

    /// Notes that a key may start with `byte`.
    fn may_start_with(&mut self, byte: u8) {
        self.first_bytes[usize::from(byte >> 6)] |= 1 << (byte & 63);
    }

    /// Whether some key may start with `byte`.
    fn starts_with_byte(&self, byte: u8) -> bool {
        self.first_bytes[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    /// Adds a compiled bundled list whose rows are the typos
    /// `Target::Typo(first)` onwards: each row as [`WordTable::literal`]
    /// would add it (an ASCII typo: its lower-cased form, no contracted or
    /// exact form), without hashing a row.
    pub fn compiled_list(
        &mut self,
        list: &'static super::compiled::CompiledTypoList,
        first: usize,
        language: Language,
    ) {
        self.longest = self.longest.max(list.longest);
        // Only a key that starts with an ASCII letter is looked up in a
        // compiled list (see `WordTable::hits`).
        for byte in (b'a'..=b'z').chain(b'A'..=b'Z') {
            self.may_start_with(byte);
        }
        self.compiled.push(CompiledPart {
            keys: list.keys(),
            filter: list.filter(),
            first,
            language,
        });
    }

    /// Adds a typo literal (see [`MatcherBuilder::literal`] for the
    /// contracted Arabic form and exact rules).
    pub fn literal(&mut self, pattern: &str, language: Language, target: Target, exact: bool) {
        self.normalized_literal(pattern, normalize_pattern(pattern), language, target, exact);
    }

    /// Like [`WordTable::literal`], with the pattern already normalised.
    pub fn normalized_literal(
        &mut self,
        pattern: &str,
        normalized: String,
        language: Language,
        target: Target,
        exact: bool,
    ) {
        for (literal, target) in literal_forms(pattern, normalized, language, target, exact) {
            let next = self.targets.len() as u32;
            self.longest = self.longest.max(literal.len());
            if let Some(&byte) = literal.as_bytes().first() {
                self.may_start_with(byte);
            }
            let id = *self.index.entry(literal.into_boxed_str()).or_insert(next);
            if id == next {
                self.targets.push(Vec::with_capacity(1));
            }
            self.targets[id as usize].push(target);
        }
    }

    /// Whether the table holds nothing.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.compiled.is_empty()
    }

    /// How many literals the table holds (a literal of two lists counted
    /// twice when one of them is compiled).
    pub fn len(&self) -> usize {
        self.targets.len()
            + self
                .compiled
                .iter()
                .map(|part| part.keys.len())
                .sum::<usize>()
    }

    /// Calls `hit` with the targets of one key, from the hashed literals
    /// and from each compiled list.
    fn hits(&self, key: &str, end: usize, hit: &mut impl FnMut(usize, &[LiteralTarget])) {
        if let Some(&id) = self.index.get(key) {
            hit(end, &self.targets[id as usize]);
        }
        // A compiled list's keys are ASCII words (`build.rs` leaves any
        // other list to the hashed literals): an Arabic word is not looked
        // up in them.
        if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return;
        }
        for part in &self.compiled {
            if !part.filter.contains(key) {
                continue;
            }
            if let Some(row) = part.keys.get(key) {
                let target = LiteralTarget {
                    target: Target::Typo(part.first + row as usize),
                    language: part.language,
                    contracted: false,
                    exact: None,
                };
                hit(end, std::slice::from_ref(&target));
            }
        }
    }

    /// Calls `hit(end, targets)` for every key that starts at `start` and
    /// ends before a character that is not part of a word (the same ends
    /// the matcher's own literals keep for a typo). `word_end` is where the
    /// run of word characters from `start` ends: no key ends inside it.
    fn lookup(
        &self,
        text: &str,
        start: usize,
        word_end: usize,
        hit: &mut impl FnMut(usize, &[LiteralTarget]),
    ) {
        if !text
            .as_bytes()
            .get(start)
            .is_some_and(|&byte| self.starts_with_byte(byte))
        {
            return;
        }
        self.lookup_every_end(text, start, word_end, hit);
    }

    /// [`WordTable::lookup`] without the first-byte test.
    fn lookup_every_end(
        &self,
        text: &str,
        start: usize,
        word_end: usize,
        hit: &mut impl FnMut(usize, &[LiteralTarget]),
    ) {
        let limit = (start + self.longest).min(text.len());
        // The first end a key can have is the word's: the characters
        // before it are not read (a key may go on past it, over spaces and
        // punctuation, into the next words).
        if word_end > limit {
            return;
        }
        for (i, c) in text[word_end..].char_indices() {
            let end = word_end + i;
            if end > limit {
                return;
            }
            if end > start && !words::is_word_char(c) {
                self.hits(&text[start..end], end, hit);
            }
            if c.is_whitespace() {
                return;
            }
        }
        if text.len() <= limit && text.len() > start {
            self.hits(&text[start..], text.len(), hit);
        }
    }
}

/// The normalised forms a literal is looked for under, with what each
/// stands for: the literal itself and, for an Arabic literal that carries
/// the article, its contracted form after `ل`.
fn literal_forms(
    pattern: &str,
    normalized: String,
    language: Language,
    target: Target,
    exact: bool,
) -> Vec<(String, LiteralTarget)> {
    if normalized.is_empty() {
        return Vec::new();
    }
    // Exact rules compare the light form of what matched with their
    // own: full normalisation may have merged letters (hamza, alef
    // maqsura…) in the text or in the pattern. An ASCII pattern has only
    // case to fold, which both forms fold alike.
    let exact = (exact && !pattern.is_ascii()).then(|| light_form(pattern.trim()));
    let mut forms = Vec::with_capacity(1);
    if let Some(rest) = normalized.strip_prefix("ال")
        && !rest.is_empty()
    {
        forms.push((
            format!("ل{rest}"),
            LiteralTarget {
                target,
                language,
                contracted: true,
                exact: exact.as_ref().map(|e| {
                    ExactForm::new(format!("ل{}", e.trim_start_matches(['ا', 'أ', 'إ', 'آ'])))
                }),
            },
        ));
    }
    forms.push((
        normalized,
        LiteralTarget {
            target,
            language,
            contracted: false,
            exact: exact.map(ExactForm::new),
        },
    ));
    forms
}

impl MatcherBuilder {
    /// A builder with room for about `literals` literals.
    pub fn with_capacity(literals: usize) -> Self {
        MatcherBuilder {
            literal_index: rustc_hash::FxHashMap::with_capacity_and_hasher(
                literals,
                Default::default(),
            ),
            literal_targets: Vec::with_capacity(literals),
            ..MatcherBuilder::default()
        }
    }

    /// Adds a literal. Arabic literals that carry the article also match
    /// their contracted form after `ل`.
    pub fn literal(&mut self, pattern: &str, language: Language, target: Target, exact: bool) {
        let normalized = normalize_pattern(pattern);
        for (literal, target) in literal_forms(pattern, normalized, language, target, exact) {
            self.push_literal(literal, target);
        }
    }

    fn push_literal(&mut self, literal: String, target: LiteralTarget) {
        let next = self.literal_targets.len();
        let id = *self.literal_index.entry(literal).or_insert(next);
        if id == next {
            self.literal_targets.push(Vec::with_capacity(1));
        }
        self.literal_targets[id].push(target);
    }

    /// Adds a regex (already validated by the pack loader).
    pub fn regex(&mut self, source: &str, language: Language, target: Target) {
        self.regexes.push(normalize_regex_source(source));
        self.regex_targets.push(RegexTarget { target, language });
    }

    /// Compiles everything into one literal index and one multi-regex.
    pub fn build(self) -> Result<Matcher, CompileError> {
        // The literals in index order, borrowed from the map's keys.
        let mut literals = vec![""; self.literal_targets.len()];
        for (literal, &id) in &self.literal_index {
            literals[id] = literal.as_str();
        }
        let literals = LiteralIndex::build(&literals)?;
        let regex = if self.regexes.is_empty() {
            None
        } else {
            Some(
                Regex::builder()
                    .syntax(syntax::Config::new().case_insensitive(true))
                    .build_many(&self.regexes)
                    .map_err(|e| CompileError::Regexes(e.to_string()))?,
            )
        };
        Ok(Matcher {
            literals,
            literal_targets: self.literal_targets,
            regex,
            regex_targets: self.regex_targets,
        })
    }
}

/// Why the loaded packs' patterns could not be compiled together, though
/// each pack validated on its own: there are too many literals, or the
/// combined regex is too large.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
pub enum CompileError {
    /// The literals of all packs do not fit one index.
    #[error("cannot build the literal index: {0}")]
    #[diagnostic(
        code(factlint::rules::literals),
        help("load fewer packs, or move long lists into CSV typo lists")
    )]
    Literals(String),
    /// The regexes of all packs do not fit one multi-pattern regex.
    #[error("cannot build the multi-pattern regex: {0}")]
    #[diagnostic(
        code(factlint::rules::regexes),
        help("simplify the packs' regexes, or turn fixed alternatives into literals")
    )]
    Regexes(String),
}

/// The literals, looked up by the text that follows a start. A literal
/// found at a start must end where [`may_end_at`] allows (before a
/// character that is not part of a word, before a year glued to a word, or
/// after a hyphen): the matcher keeps no other. So the text from the start
/// to each such place in turn is looked up in one hash table, which holds
/// every literal and every part of one that ends at such a place inside it
/// (`سلاح` of `سلاح الجو`, `f` and `f-` of `f-16`). The first place whose
/// text is not there ends the search: no literal goes on from it. Most
/// words of an article start no literal, and cost one lookup of the word.
///
/// An Aho-Corasick automaton (aho-corasick's contiguous NFA), walked byte
/// by byte from the same starts, did this before: a walk went on for as
/// long as some literal shared the word's first letters (most Arabic words
/// begin like a name or a demonym with the article), about seven steps of
/// sixty instructions each, and was an eighth of an Arabic run.
#[derive(Debug, Clone, Default)]
struct LiteralIndex {
    keys: rustc_hash::FxHashMap<Box<str>, Key>,
    /// The longest literal, in bytes: a search never reads further.
    longest: usize,
}

/// What a key of the [`LiteralIndex`] is: a literal, the start of a longer
/// one, or both.
#[derive(Debug, Clone, Copy)]
struct Key {
    /// The literal's index, [`Key::NONE`] when the key is only a start.
    literal: u32,
    /// Whether a longer literal begins with the key.
    goes_on: bool,
}

impl Key {
    const NONE: u32 = u32::MAX;
}

/// Whether a literal that starts before byte `end` of `text` may end
/// there: `end` is the end of the text, the character at `end` is not part
/// of a word, the character at `end` is an ASCII digit glued to a
/// character that is not one (`يوليو2015`: only a month takes it, see
/// [`Matcher::find_in`]), or the byte before `end` is a hyphen ("then-",
/// which ends a literal glued to its word). These are exactly the ends the
/// matcher keeps.
fn may_end_at(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let before = bytes[end - 1];
    if before == b'-' {
        return true;
    }
    let Some(&next) = bytes.get(end) else {
        return true;
    };
    if next.is_ascii() {
        return !(next.is_ascii_alphanumeric() || next == b'_')
            || (next.is_ascii_digit() && !before.is_ascii_digit());
    }
    // Arabic letters, tatweel and tashkeel, read from their bytes: the
    // characters most often found here.
    if words::arabic_letter_at(bytes, end) {
        return false;
    }
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !words::is_word_char(c))
}

impl LiteralIndex {
    fn build(literals: &[&str]) -> Result<LiteralIndex, CompileError> {
        let mut index = LiteralIndex {
            keys: rustc_hash::FxHashMap::with_capacity_and_hasher(
                literals.len() * 2,
                Default::default(),
            ),
            longest: 0,
        };
        for (id, literal) in literals.iter().enumerate() {
            let id = u32::try_from(id)
                .ok()
                .filter(|&id| id != Key::NONE)
                .ok_or_else(|| CompileError::Literals("more than 4 billion literals".into()))?;
            index.longest = index.longest.max(literal.len());
            for (end, _) in literal.char_indices().skip(1) {
                if may_end_at(literal, end) {
                    index.key(&literal[..end]).goes_on = true;
                }
            }
            index.key(literal).literal = id;
        }
        Ok(index)
    }

    /// The entry of `key`, made when missing.
    fn key(&mut self, key: &str) -> &mut Key {
        self.keys.entry(key.into()).or_insert(Key {
            literal: Key::NONE,
            goes_on: false,
        })
    }

    fn memory_usage(&self) -> usize {
        self.keys.capacity() * (std::mem::size_of::<(Box<str>, Key)>() + 1)
            + self.keys.keys().map(|key| key.len()).sum::<usize>()
    }

    /// Calls `hit(end, literal)` for every literal that starts exactly at
    /// `start` and ends where [`may_end_at`] allows, in order of its end.
    /// `word_end` is where the run of word characters from `start` ends
    /// (see [`tokens::matcher_words`]): inside it, only a digit glued to a
    /// letter can end a literal, and the bytes are read for digits alone,
    /// when the run has any (`digits`).
    fn hits(
        &self,
        text: &str,
        start: usize,
        word_end: usize,
        digits: bool,
        hit: &mut impl FnMut(usize, usize),
    ) {
        let bytes = text.as_bytes();
        let limit = (start + self.longest).min(text.len());
        let mut end = if digits { start + 1 } else { word_end };
        while end <= limit {
            let candidate = if end < word_end {
                // Inside the word (every byte a word character's): only
                // a digit after a byte that is not one, `may_end_at`'s
                // glued year.
                bytes[end].is_ascii_digit() && !bytes[end - 1].is_ascii_digit()
            } else {
                !bytes.get(end).is_some_and(|&b| (0x80..0xC0).contains(&b)) && may_end_at(text, end)
            };
            if candidate {
                let Some(key) = self.keys.get(&text[start..end]) else {
                    return;
                };
                if key.literal != Key::NONE {
                    hit(end, key.literal as usize);
                }
                if !key.goes_on {
                    return;
                }
            }
            end += 1;
        }
    }
}

/// Sorts mentions by position, then end, then target, stably. The word
/// walk finds them in order of their start (a word's starts, then the next
/// word's), so only the few that share a start need sorting: a whole sort
/// of a long article's mentions, which are large, moved each of them many
/// times (with a 10k-rule pack, as long as the walk itself). Mentions out of
/// order by start (a regex's, found after the walk) take the whole sort.
fn sort_mentions(mentions: &mut [Mention]) {
    if mentions.is_sorted_by_key(|m| m.range.start) {
        for same_start in mentions.chunk_by_mut(|a, b| a.range.start == b.range.start) {
            if same_start.len() > 1 {
                same_start.sort_by_key(|m| (m.range.end, m.target));
            }
        }
    } else {
        mentions.sort_by_key(|m| (m.range.start, m.range.end, m.target));
    }
}

/// The compiled patterns of every loaded pack.
#[derive(Debug, Clone)]
pub struct Matcher {
    literals: LiteralIndex,
    literal_targets: Vec<Vec<LiteralTarget>>,
    regex: Option<Regex>,
    regex_targets: Vec<RegexTarget>,
}

impl Matcher {
    /// Bytes of memory the literal index uses, about.
    pub fn literal_memory(&self) -> usize {
        self.literals.memory_usage()
    }

    /// How many distinct literals and regexes the matcher holds.
    pub fn pattern_counts(&self) -> (usize, usize) {
        (self.literal_targets.len(), self.regex_targets.len())
    }

    /// Finds every mention in the article, in order of position. Mentions
    /// outside every section (HTML markup, front matter) are dropped.
    pub fn find(&self, article: &Article) -> Vec<Mention> {
        self.find_with(article, &[])
    }

    /// Like [`Matcher::find`], also looking up each word in `tables` (the
    /// typo lists, kept out of the matcher's own literals).
    pub fn find_with(&self, article: &Article, tables: &[&WordTable]) -> Vec<Mention> {
        let tokens = tokens::tokenize(&article.normalized, &article.text);
        self.find_in(article, tables, 0..article.normalized.text.len(), &tokens)
    }

    /// Like [`Matcher::find_with`], over the words that start in `window`
    /// (a range of the normalised text that starts between words), whose
    /// `tokens` the caller has made: a long article is matched one window
    /// at a time ([`crate::checks::window::windows`]), and the checks read
    /// the same tokens.
    pub fn find_in(
        &self,
        article: &Article,
        tables: &[&WordTable],
        window: Range<usize>,
        tokens: &[Token],
    ) -> Vec<Mention> {
        let normalized = &article.normalized;
        let text = normalized.text.as_str();
        // About one mention for every five tokens in real copy: room for
        // that much, rather than growing from empty (the slack goes below).
        let mut mentions = Vec::with_capacity(tokens.len() / 4);
        // Mentions come in text order: their original ranges are mapped
        // from the piece of the offset map the last one started in.
        let mut cursor = 0;
        let mut push = |start: usize,
                        end: usize,
                        prefix_start: usize,
                        targets: &[LiteralTarget]| {
            // A month name may have its year glued to it (`يوليو2015`), and
            // a literal that ends in a hyphen its word ("then-senator",
            // "ex-minister"); every other literal ends a word.
            let next = text[end..].chars().next();
            let glued_prefix = text[..end].ends_with('-');
            let glued_year = next.is_some_and(|c| c.is_ascii_digit())
                && text[..end]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_ascii_digit());
            if next.is_some_and(words::is_word_char) && !glued_year && !glued_prefix {
                return;
            }
            let prefix = &text[prefix_start..start];
            if !prefix.is_empty() && !words::arabic_proclitics_allowed(prefix, &text[start..end]) {
                return;
            }
            // Most mentions have no proclitic: their word is their range.
            let word_range =
                normalized.original_range_from(&article.text, prefix_start..end, &mut cursor);
            let range = if prefix_start == start {
                word_range.clone()
            } else {
                normalized.original_range_from(&article.text, start..end, &mut cursor)
            };
            for target in targets {
                if glued_year && !matches!(target.target, Target::Month(_) | Target::HijriMonth(_))
                {
                    continue;
                }
                if target.contracted && !(prefix == "ل" || prefix == "ول" || prefix == "فل") {
                    continue;
                }
                if let Some(exact) = &target.exact
                    && !exact.is_light_form_of(&article.text[range.clone()])
                {
                    continue;
                }
                mentions.push(Mention {
                    target: target.target,
                    language: target.language,
                    range: range.clone(),
                    word: word_range.clone(),
                    captures: None,
                });
            }
        };
        let mut at = |start: usize, prefix_start: usize, word_end: usize, digits: bool| {
            self.literals
                .hits(text, start, word_end, digits, &mut |end, pattern| {
                    push(start, end, prefix_start, &self.literal_targets[pattern])
                });
            for table in tables {
                table.lookup(text, start, word_end, &mut |end, targets| {
                    push(start, end, prefix_start, targets)
                });
            }
        };
        for word in tokens::matcher_words(tokens) {
            let (word_start, word_end) = (word.range.start, word.range.end);
            let digits = word.has_number;
            at(word_start, word_start, word_end, digits);
            // Letters glued to a number (`2015م`, `1436هـ`) start a word too.
            if let Some(start) = word.after_number {
                at(start, start, word_end, digits);
            }
            for start in words::proclitic_ends(&text[word_start..word_end]) {
                at(word_start + start, word_start, word_end, digits);
            }
        }
        if let Some(regex) = &self.regex {
            let input = regex_automata::Input::new(text).range(window);
            for caps in regex.captures_iter(input) {
                let Some(pattern) = caps.pattern() else {
                    continue;
                };
                let Some(whole) = caps.get_match() else {
                    continue;
                };
                let Some(word) = words::whole_word(text, whole.start(), whole.end()) else {
                    continue;
                };
                let target = &self.regex_targets[pattern.as_usize()];
                let groups: Vec<Option<Range<usize>>> = (0..caps.group_len())
                    .map(|g| {
                        caps.get_group(g)
                            .map(|s| normalized.original_range(&article.text, s.range()))
                    })
                    .collect();
                let named = regex
                    .group_info()
                    .pattern_names(pattern)
                    .zip(&groups)
                    .filter_map(|(name, range)| Some((name?.to_string(), range.clone()?)))
                    .collect();
                mentions.push(Mention {
                    target: target.target,
                    language: target.language,
                    range: normalized.original_range(&article.text, whole.range()),
                    word: normalized.original_range(&article.text, word.word_start..whole.end()),
                    captures: Some(Box::new(Captures { groups, named })),
                });
            }
        }
        sort_mentions(&mut mentions);
        // Sorted by start, mentions meet the sections in order: one cursor
        // finds each one's section, where a search each cost as much as
        // the sort.
        let sections = &article.sections;
        let mut section = 0;
        mentions.retain(|m| {
            while sections
                .get(section)
                .is_some_and(|s| s.range.end <= m.range.start)
            {
                section += 1;
            }
            sections
                .get(section)
                .is_some_and(|s| s.range.start <= m.range.start)
        });
        mentions.dedup();
        // Mentions live through every check of the article; the slack of
        // the vector's growth goes.
        mentions.shrink_to_fit();
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for words written as the form itself answers as
        /// the comparison does, for forms that are their own light form
        /// and forms that are not (a capital whose lower case brings a
        /// mark).
        #[test]
        fn an_exact_form_answers_as_the_light_comparison(
            text in "[ a-zA-Zء-يًٌَُّأإآىةİ]{0,12}",
            other in "[a-zء-يًأإآىةİ]{0,12}",
        ) {
            for form in [light_form(&text), light_form(&other), other.clone(), text.clone()] {
                let exact = ExactForm::new(form.clone());
                for written in [&text, &other, &form] {
                    prop_assert_eq!(exact.is_light_form_of(written), light_form_is(written, &form));
                }
            }
        }
    }

    /// `sort_mentions` orders mentions as one stable sort of the whole
    /// list would, whether they come in order of their start (as the word
    /// walk finds them) or not (a regex's, found after it).
    #[test]
    fn mentions_sort_as_a_whole_stable_sort_would() {
        let mention = |start: usize, end: usize, target: usize, word: usize| Mention {
            target: Target::Typo(target),
            language: Language::Ar,
            range: start..end,
            word: word..end,
            captures: None,
        };
        let in_walk_order = vec![
            mention(0, 4, 2, 0),
            mention(0, 2, 1, 0),
            mention(0, 4, 1, 0),
            mention(0, 4, 2, 0),
            mention(3, 9, 0, 3),
            mention(5, 7, 3, 5),
            mention(5, 6, 3, 4),
            mention(5, 6, 3, 5),
            mention(5, 6, 0, 5),
        ];
        let mut regex_after = in_walk_order.clone();
        regex_after.extend([mention(1, 3, 0, 1), mention(5, 6, 3, 2)]);
        for mentions in [in_walk_order, regex_after, Vec::new()] {
            let mut expected = mentions.clone();
            expected.sort_by_key(|m| (m.range.start, m.range.end, m.target));
            let mut sorted = mentions;
            sort_mentions(&mut sorted);
            assert_eq!(sorted, expected);
        }
    }

    fn found(patterns: &[&str], text: &str) -> Vec<(usize, String)> {
        let mut builder = MatcherBuilder::default();
        for (i, p) in patterns.iter().enumerate() {
            builder.literal(p, Language::Ar, Target::Typo(i), false);
        }
        let matcher = builder.build().unwrap();
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        matcher
            .find(&article)
            .into_iter()
            .map(|m| match m.target {
                Target::Typo(i) => (i, article.text[m.range].to_string()),
                _ => unreachable!(),
            })
            .collect()
    }

    /// The first-byte test hides no key: from every start of mixed text,
    /// a table of Arabic, English, digit-led and punctuation-led keys and
    /// a compiled list finds what it finds without the test.
    #[test]
    fn first_byte_test_hides_no_key() {
        let mut table = WordTable::with_capacity(8);
        for (i, literal) in ["teh", "الامارات", "1st", "'til", "ميلادي", "x"]
            .into_iter()
            .enumerate()
        {
            let language = if literal.is_ascii() {
                Language::En
            } else {
                Language::Ar
            };
            table.literal(literal, language, Target::Typo(i), false);
        }
        let list = super::super::compiled::COMPILED_TYPO_LISTS
            .first()
            .expect("a bundled list is compiled");
        table.compiled_list(list, 100, Language::En);
        let text =
            "teh 1st recieve الامارات 'til وللامارات x 2015م ميلادي, teh's acheive (teh) «الامارات»";
        let hits = |filtered: bool| {
            let mut found = Vec::new();
            for (start, _) in text.char_indices() {
                let mut hit = |end: usize, targets: &[LiteralTarget]| {
                    found.extend(targets.iter().map(|t| (start, end, t.target)));
                };
                let word_end = text[start..]
                    .char_indices()
                    .find(|&(_, c)| !words::is_word_char(c))
                    .map_or(text.len(), |(i, _)| start + i);
                if filtered {
                    table.lookup(text, start, word_end, &mut hit);
                } else {
                    // Every end read, from the start.
                    table.lookup_every_end(text, start, start, &mut hit);
                }
            }
            found
        };
        let found = hits(true);
        assert!(found.len() >= 8, "{found:?}");
        assert_eq!(found, hits(false));
    }

    /// The index finds, from every start inside a word, exactly the
    /// literals that a search of the text for each literal in turn finds
    /// there with an end the matcher keeps: multi-word literals, literals
    /// that end in a hyphen or a dot, months glued to a year, literals that
    /// begin others, Arabic and Latin.
    #[test]
    fn literal_index_finds_what_a_search_for_each_literal_finds() {
        let literals = [
            "سلاح الجو",
            "سلاح",
            "سلاح الجو الاسرائيلي",
            "يوليو",
            "الجو",
            "then-",
            "then",
            "f-16",
            "f",
            "u.s.",
            "u.s",
            "vice president",
            "vice-president",
            "a b, c",
            "2015",
            "2015م",
        ];
        let index = LiteralIndex::build(&literals).expect("builds");
        let text = "قال سلاح الجو الاسرائيلي وسلاح الجوي في يوليو2015 و2015م then-senator \
                    then f-16s f-16 u.s. u.s, vice-president vice president a b, c a b,c \
                    F f- سلاح  الجو الجو";
        let text = crate::text::normalize_pattern(text);
        let mut checked = 0;
        for (word_start, word_end) in words::word_spans(&text) {
            for (offset, _) in text[word_start..word_end].char_indices() {
                let start = word_start + offset;
                let mut found = Vec::new();
                let digits = text[word_start..word_end]
                    .bytes()
                    .any(|b| b.is_ascii_digit());
                index.hits(&text, start, word_end, digits, &mut |end, literal| {
                    found.push((end, literal))
                });
                let mut expected: Vec<(usize, usize)> = literals
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| text[start..].starts_with(*l))
                    .map(|(i, l)| (start + l.len(), i))
                    .filter(|&(end, _)| may_end_at(&text, end))
                    .collect();
                expected.sort();
                assert_eq!(found, expected, "from {:?}", &text[start..]);
                checked += found.len();
            }
        }
        assert!(checked >= 20, "{checked} hits");
    }

    #[test]
    fn a_literal_that_ends_another_is_not_a_hit_inside_it() {
        // `وافق` is a suffix of `الموافق`: it must not be reported there.
        assert_eq!(
            found(&["الموافق", "وافق"], "الموافق"),
            vec![(0, "الموافق".to_string())]
        );
        assert_eq!(
            found(&["الموافق", "وافق"], "وافق"),
            vec![(1, "وافق".to_string())]
        );
    }

    #[test]
    fn clitics_and_contracted_articles() {
        assert_eq!(
            found(&["المغرب"], "زيارة للمغرب"),
            vec![(0, "لمغرب".to_string())]
        );
        assert_eq!(
            found(&["المغرب"], "والمغرب"),
            vec![(0, "المغرب".to_string())]
        );
        assert_eq!(
            found(&["مغربي"], "الجمهور المغربي"),
            vec![(0, "مغربي".to_string())]
        );
        assert!(found(&["المغرب"], "المغربية").is_empty());
        assert!(found(&["مان"], "عمان").is_empty());
    }

    #[test]
    fn exact_literals_keep_their_letters() {
        let mut builder = MatcherBuilder::default();
        builder.literal("هولاء", Language::Ar, Target::Typo(0), true);
        let matcher = builder.build().unwrap();
        for (text, hits) in [("قال هؤلاء", 0), ("قال هولاء", 1), ("قال وهولاء", 1)]
        {
            let article = Article::from_text("t.txt", text, &LoadOptions::default());
            assert_eq!(matcher.find(&article).len(), hits, "{text}");
        }
    }

    #[test]
    fn only_month_names_take_a_glued_year() {
        let mut builder = MatcherBuilder::default();
        builder.literal("يوليو", Language::Ar, Target::Month(0), false);
        builder.literal("عام", Language::Ar, Target::Typo(0), false);
        let matcher = builder.build().unwrap();
        let article =
            Article::from_text("t.txt", "في 31 يوليو2015 عام2015", &LoadOptions::default());
        let targets: Vec<Target> = matcher.find(&article).iter().map(|m| m.target).collect();
        assert_eq!(targets, vec![Target::Month(0)]);
    }

    #[test]
    fn multi_word_literals_span_spaces() {
        assert_eq!(
            found(&["سلاح الجو"], "قائد سلاح الجو الإسرائيلي"),
            vec![(0, "سلاح الجو".to_string())]
        );
        assert!(found(&["سلاح الجو"], "قائد سلاح الجوي").is_empty());
    }
}
