//! The Arabic spelling engine: a Hunspell dictionary (Ayaspell) and a word
//! frequency list (wordfreq), both bundled as separate data files under
//! `rules/spelling/` with their own licences.
//!
//! A pack of wrong → right pairs knows only the words someone listed; a
//! dictionary knows which words exist and a frequency list how common each
//! is, so that a non-word one confusion edit away from a common word can be
//! flagged without anyone listing it. Ayaspell's answers for every word of
//! the frequency list are compiled into the frequency map
//! (`rules/spelling/ar-ayaspell.txt`, see [`AYASPELL_FLAGS`]), so the
//! dictionary itself is opened only when an article holds a word the list
//! has never seen *and* that word could be reported: most articles never
//! open it. Even then it parses its affix rules and only the stems that
//! could spell the words asked about (`ayaspell`, `stem_groups`): about a
//! millisecond, where the whole word list took 40.
//!
//! The rules (measured on real articles first by a prototype, then here):
//! - [`Arabic::judge`] R1: the dictionary rejects the word and one or two
//!   confusion edits (alif/hamza forms, ض/ظ, final ه/ة and ى/ي) give an
//!   accepted word that is common (zipf ≥ 3) and ten times more frequent;
//!   R2: article + pronoun ending (`الأمانه`) where the ة form is common;
//!   R5 (strict only): a dropped hamza on alif, or ى written for final ي.
//! - [`Arabic::slip_of`] R3: a word the dictionary rejects, used once, one
//!   adjacent swap, deletion or insertion away from a word used twice.

pub mod accept;
mod arabic_key;
mod ayaspell;
pub mod english;
mod stem_groups;
mod word_map;

use std::borrow::Cow;
use std::sync::OnceLock;

use ayaspell::Ayaspell;
use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};
use word_map::WordMap;

/// Word frequencies from wordfreq (CC BY-SA 4.0): `ZIPF100\tword word …`,
/// as `build.rs` compiles them into a hash table (word → zipf × 100, with
/// Ayaspell's answers for the word as the [`REJECTED`], [`DUAL`] and
/// [`DEFINITE`] bits above it; see [`word_map`]).
static FREQ_MAP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ar-freq.table"));
/// The confusion shapes of the listed words Ayaspell accepts with a zipf
/// value of at least [`COMMON`], as `build.rs` compiles them.
static COMMON_SHAPES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ar-common-shapes.table"));

/// Ayaspell's answers for the words of the frequency list, one word per line
/// with its flags (see [`AYASPELL_FLAGS`]), written by
/// `FACTLINT_UPDATE_SPELLING=1 cargo test --release --lib ayaspell_answers`
/// and checked against the dictionary by that test.
#[cfg(test)]
const AYASPELL_ANSWERS: &str = include_str!("../../rules/spelling/ar-ayaspell.txt");

/// The flags of `ar-ayaspell.txt`, in the bit `build.rs` gives each in the
/// map's values: `x` Ayaspell rejects the word, `d` it accepts the word's
/// dual ([`dual_of`]), `a` it accepts the word with the article «ال», `h`
/// it accepts a house-style edit of the (rejected) word that the list has
/// not seen ([`UNSEEN_HOUSE_STYLE`]).
pub const AYASPELL_FLAGS: [(char, u64); 4] = [
    ('x', REJECTED),
    ('d', DUAL),
    ('a', DEFINITE),
    ('h', UNSEEN_HOUSE_STYLE),
];
/// Map value bit: Ayaspell rejects the word.
pub const REJECTED: u64 = 1 << 16;
/// Map value bit: Ayaspell accepts the word's dual.
pub const DUAL: u64 = 1 << 17;
/// Map value bit: Ayaspell accepts the word with the article.
pub const DEFINITE: u64 = 1 << 18;
/// Map value bit: the word is rejected, and Ayaspell accepts one of its
/// house-style edits that the frequency list has not seen, which makes the
/// word house style rather than a misspelling ([`Arabic::judge`]). Without
/// it, a listed misspelling with such an edit would parse the dictionary to
/// ask: a third of the Arabic articles that parsed it did so for this.
pub const UNSEEN_HOUSE_STYLE: u64 = 1 << 19;

/// Strict verdicts by word (looked up by `&str`, so that a hit allocates
/// nothing). Every Arabic word of an article is looked up: the word is
/// kept in its slot ([`CompactString`]) and a verdict, which few words
/// have, boxed, so that a lookup reads one slot of 32 bytes. With the words
/// boxed, comparing the key behind its pointer was a third of the lookup's
/// time.
type VerdictCache = FxHashMap<CompactString, Option<Box<Verdict>>>;

/// How many words a per-thread cache holds before it starts again.
const CACHE_WORDS: usize = 200_000;

/// The smallest zipf a correction must have (a common word).
const COMMON: u16 = arabic_key::COMMON;
/// How much more frequent a correction must be, in zipf hundredths (10×).
const GAP: u16 = 100;
/// R2b: a pronoun form at or above this zipf (×100) is common enough to be
/// meant (`وزيره`, "his minister").
const RARE_PRONOUN: u16 = 290;
/// R2b: the ة form must be at least this common.
const RARE_PRONOUN_FIX: u16 = 320;
/// R2b: how much more frequent the ة form must be than the pronoun form, in
/// zipf hundredths (about 30×), for the pronoun form to be reported with no
/// help from its context ([`Arabic::pronoun_far_rarer`]). A noun or verb
/// with the pronoun «ه» is a real word, usually ten to thirty times rarer
/// than its ة twin (`مهاجمه`, "its striker", beside `مهاجمة`): measured on
/// the Arabic corpus, every such meant pronoun form was within 1.5 of its
/// twin, while eight in twelve ة/ه slips (`بمنطقه`, `علاجيه`) were further
/// apart.
const RARE_PRONOUN_GAP: u16 = 150;
/// How much more frequent the usual form of an article-local slip must be
/// than the slip, in zipf hundredths (about 30×), unless the slip is unknown.
const SLIP_GAP: u16 = 150;

/// The frequency list with Ayaspell's answers for its words; the
/// dictionary itself is opened on first need (`ayaspell`).
pub struct Arabic {
    zipf: WordMap,
    /// The confusion shapes of the common accepted words (see
    /// [`arabic_key::confusion_shape`]).
    common_shapes: WordMap,
}

impl std::fmt::Debug for Arabic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Arabic")
            .field("words", &self.zipf.len())
            .finish()
    }
}

/// The Arabic speller, opened on first use and shared by every thread.
pub fn arabic() -> &'static Arabic {
    static ARABIC: OnceLock<Arabic> = OnceLock::new();
    ARABIC.get_or_init(|| Arabic {
        zipf: compiled_table(FREQ_MAP),
        common_shapes: compiled_table(COMMON_SHAPES),
    })
}

/// The Ayaspell dictionary, opened the first time a word outside the
/// frequency list needs it, and shared by every thread.
fn ayaspell() -> &'static Ayaspell {
    static AYASPELL: OnceLock<Ayaspell> = OnceLock::new();
    AYASPELL.get_or_init(Ayaspell::open)
}

/// Whether Ayaspell accepts `word`, as the whole, unprepared dictionary
/// would answer.
fn ayaspell_check(word: &str) -> bool {
    ayaspell().check(word)
}

/// The dual of a singular noun as Ayaspell's affix rules write it
/// (`قطاع` → `قطاعان`, `زيارة` → `زيارتان`, `مستشفى` → `مستشفيان`).
pub fn dual_of(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('ة') {
        format!("{stem}تان")
    } else if let Some(stem) = word.strip_suffix('ى') {
        format!("{stem}يان")
    } else {
        format!("{word}ان")
    }
}

/// Why a word was flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// R1: a non-word one or two confusion edits from a common word.
    NonWord,
    /// R2: the article with a pronoun ending (`الأمانه` for `الأمانة`).
    ArticlePronoun,
    /// R5: a dropped hamza on alif or ى for final ي (strict setting only).
    HouseStyle,
    /// R2b: a rare noun + pronoun ending «ه» (`سياحيه`) whose ة form is
    /// common and ten times more frequent: accepted, but likely a
    /// misspelt ة. `typo/spelling` reports it alone only when the ة form is
    /// thirty times more frequent ([`Arabic::pronoun_far_rarer`]), else when
    /// an indefinite word in ة follows; R2c ([`Arabic::ta_marbuta_form`])
    /// gives this kind to a common pronoun form in that context. The fix is
    /// never safe.
    RarePronoun,
}

/// A flagged word and its corrections, the most likely first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Which rule fired.
    pub kind: Kind,
    /// Every correction that passed the thresholds, best first.
    pub candidates: Vec<String>,
}

/// One confusion edit: which letters may stand for which.
fn alternatives(c: char, at_end: bool) -> &'static [char] {
    match c {
        'ا' => &['أ', 'إ', 'آ'],
        'أ' => &['ا', 'إ', 'آ', 'ء', 'ؤ', 'ئ'],
        'إ' => &['ا', 'أ', 'آ', 'ء', 'ؤ', 'ئ'],
        'آ' => &['ا', 'أ', 'إ'],
        'ء' => &['ؤ', 'ئ', 'أ', 'إ'],
        'ؤ' => &['ء', 'ئ', 'أ', 'إ'],
        'ئ' => &['ء', 'ؤ', 'أ', 'إ'],
        'ض' => &['ظ'],
        'ظ' => &['ض'],
        'ه' if at_end => &['ة'],
        'ة' if at_end => &['ه'],
        'ى' => &['ي'],
        'ي' if at_end => &['ى'],
        _ => &[],
    }
}

/// Whether an edit of `from` is an alif/hamza edit (the only kind that may
/// be paired with a second edit).
fn is_hamza_edit(from: char) -> bool {
    matches!(from, 'ا' | 'أ' | 'إ' | 'آ' | 'ء' | 'ؤ' | 'ئ')
}

/// Whether `c` is a letter of an Arabic word for the speller.
pub fn is_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// The word as the dictionary sees it: tashkeel and tatweel removed. `None`
/// when anything else than Arabic letters remains (digits, joiners, Latin)
/// or fewer than two letters.
///
/// Borrowed when there is nothing to remove, as for almost every word of
/// real copy: the checks clean every word of an article.
pub fn clean(word: &str) -> Option<Cow<'_, str>> {
    // Every letter and mark is two bytes, read without decoding: lead
    // byte D8 holds U+0600..U+063F, D9 holds U+0640..U+067F.
    let bytes = word.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    for pair in bytes.chunks_exact(2) {
        match (pair[0], pair[1]) {
            // U+0621..U+063F, U+0641..U+064A: letters.
            (0xD8, 0xA1..=0xBF) | (0xD9, 0x81..=0x8A) => {}
            // U+0640 (tatweel), U+064B..U+0652 (tashkeel), U+0670.
            (0xD9, 0x80 | 0x8B..=0x92 | 0xB0) => return clean_marked(word),
            _ => return None,
        }
    }
    (bytes.len() >= 4).then_some(Cow::Borrowed(word))
}

/// [`clean`] for a word with tashkeel or tatweel to remove.
fn clean_marked(word: &str) -> Option<Cow<'_, str>> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
            c if is_letter(c) => out.push(c),
            _ => return None,
        }
    }
    (out.chars().nth(1).is_some()).then_some(Cow::Owned(out))
}

/// A table that `build.rs` compiled into the binary, read in place:
/// nothing is parsed or allocated at start-up.
pub(crate) fn compiled_table(bytes: &'static [u8]) -> WordMap {
    WordMap::new(bytes).expect("build.rs writes a valid table")
}

/// The zipf value (×100) of a word in a frequency map keyed by its UTF-8
/// (the English one); 0 when absent.
pub(crate) fn frequency(map: &WordMap, word: &str) -> u16 {
    map.get(word.as_bytes())
        .map_or(0, |value| frequency_of(value.into()))
}

/// Parses a bundled frequency list (`ZIPF100\tword word …` lines, `#`
/// comments; built by the scripts under `scripts/`): each word's zipf
/// frequency times 100, the first listing of a word winning. The tests
/// check the compiled maps against it.
#[cfg(test)]
pub(crate) fn parse_frequencies(
    list: &'static str,
    capacity: usize,
) -> FxHashMap<&'static str, u16> {
    let mut zipf = FxHashMap::default();
    zipf.reserve(capacity);
    for line in list.lines().filter(|l| !l.starts_with('#')) {
        let Some((value, words)) = line.split_once('\t') else {
            continue;
        };
        let Ok(value) = value.parse::<u16>() else {
            continue;
        };
        for word in words.split(' ') {
            zipf.entry(word).or_insert(value);
        }
    }
    zipf
}

/// Every word of the Arabic frequency list, sorted: the words the tests of
/// the speller ask about.
#[cfg(test)]
pub(crate) fn listed_words() -> Vec<&'static str> {
    let listed = parse_frequencies(include_str!("../../rules/spelling/ar-freq.txt"), 370_000);
    let mut words: Vec<&str> = listed.into_keys().collect();
    words.sort_unstable();
    words
}

/// Whether one edit (written letter, correction, at the last letter) only
/// restores what many newsrooms drop by house style: a hamza on alif, or ي
/// for a final ى.
fn is_house_style(edit: (char, char, bool)) -> bool {
    matches!(edit, ('ا', 'أ' | 'إ' | 'آ', _) | ('ى', 'ي', true))
}

/// Whether `correction` differs from `written` only by house-style edits
/// (see [`is_house_style`]), letter for letter.
fn only_house_style(written: &str, correction: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), correction.chars().collect());
    a.len() == b.len()
        && (0..a.len())
            .filter(|&i| a[i] != b[i])
            .all(|i| is_house_style((a[i], b[i], i + 1 == a.len())))
}

/// A correction candidate: the word, and the edit when it took only one.
struct Candidate {
    word: String,
    edit: Option<(char, char, bool)>,
}

/// What [`Arabic::corrections`] found.
struct Corrections {
    /// Accepted corrections: single edits by frequency, then double edits.
    accepted: Vec<Candidate>,
    /// House-style single edits the frequency list has not seen, not yet
    /// checked by the dictionary (rare: zipf 0).
    unseen_house_style: Vec<String>,
}

/// The zipf (×100) part of a frequency map value.
fn frequency_of(value: u64) -> u16 {
    (value & 0xFFFF) as u16
}

impl Arabic {
    /// Ayaspell's answer for a word of the frequency list, from the
    /// compiled map: `None` for a word the list has not seen.
    fn listed_flags(&self, word: &str) -> Option<u64> {
        let mut key = [0; arabic_key::MAX_LETTERS];
        self.zipf
            .get(arabic_key::arabic_key(word, &mut key)?)
            .map(u64::from)
    }

    /// Whether the dictionary accepts the whole word (clitics included:
    /// Ayaspell knows them, and stripping them first hides misspellings).
    /// A word of the frequency list is answered from the map; any other is
    /// checked by Ayaspell, and its answer kept per thread: the checks ask
    /// about the same words of running text again and again, and one
    /// Ayaspell check walks many affix rules.
    pub fn ok(&self, word: &str) -> bool {
        if let Some(flags) = self.listed_flags(word) {
            return flags & REJECTED == 0;
        }
        thread_local! {
            static ACCEPTED: std::cell::RefCell<FxHashMap<CompactString, bool>> =
                std::cell::RefCell::new(FxHashMap::default());
        }
        ACCEPTED.with(|cache| {
            if let Some(&known) = cache.borrow().get(word) {
                return known;
            }
            let accepted = ayaspell_check(word);
            let mut cache = cache.borrow_mut();
            if cache.len() >= CACHE_WORDS {
                cache.clear();
            }
            cache.insert(CompactString::from(word), accepted);
            accepted
        })
    }

    /// Whether the word is one real text uses (it is in the frequency
    /// list) and the dictionary rejects: most often a proper name
    /// («التويجري», «الشمري»). Answered from the compiled map alone; a word
    /// outside the list is not judged.
    pub fn used_but_unknown(&self, word: &str) -> bool {
        self.listed_flags(word)
            .is_some_and(|flags| flags & REJECTED != 0)
    }

    /// Whether the dictionary's affix rules give the word a dual (`قطاع` →
    /// `قطاعان`, `زيارة` → `زيارتان`). Ayaspell lists a singular noun, and
    /// most verbal nouns, with the dual suffixes; a broken plural (`رؤوس`,
    /// `قادة`) or a collective has none, so a noun without a dual is not
    /// one countable thing.
    pub fn takes_dual(&self, word: &str) -> bool {
        match self.listed_flags(word) {
            Some(flags) => flags & DUAL != 0,
            None => self.ok(&dual_of(word)),
        }
    }

    /// Whether the dictionary accepts the word with the article «ال» (a
    /// noun or adjective reading; a verb takes none).
    pub fn takes_article(&self, word: &str) -> bool {
        match self.listed_flags(word) {
            Some(flags) => flags & DEFINITE != 0,
            None => self.ok(&format!("ال{word}")),
        }
    }

    /// The word's zipf value times 100; 0 for a word not in the list (rare).
    pub fn zipf(&self, word: &str) -> u16 {
        self.listed_flags(word).map_or(0, frequency_of)
    }

    /// Every distinct word one confusion edit away, then two (the second
    /// edit on another letter, and one of the two an alif/hamza edit), each
    /// once, in a fixed order, with the edit when it took only one. Each
    /// edit is given as its key in the frequency map (see
    /// [`arabic_key::word_of_key`] for its spelling): a rejected word has
    /// dozens of edits, almost all of them looked up and dropped. A word
    /// without a key has no listed edit, and none is given.
    fn for_each_edit(&self, word: &str, mut visit: impl FnMut(&[u8], Option<(char, char, bool)>)) {
        let mut letters = [0; arabic_key::MAX_LETTERS];
        let Some(letters) = arabic_key::arabic_key(word, &mut letters) else {
            return;
        };
        let n = letters.len();
        // The alif of the article is never written with a hamza (`ألسياحه`
        // reads as a question).
        // (`الى`, `الا` are إلى, إلا: the article needs a stem of two
        // letters or more.)
        let article = word
            .strip_prefix(['و', 'ف', 'ب', 'ك'])
            .unwrap_or(word)
            .strip_prefix("ال")
            .is_some_and(|stem| stem.chars().nth(1).is_some())
            .then(|| usize::from(!word.starts_with("ال")));
        let letter = |i: usize| arabic_key::letter_of(letters[i]);
        let mut buffer = [0; arabic_key::MAX_LETTERS];
        buffer[..n].copy_from_slice(letters);
        // Every edit changes the letters it touches, so no two edits (a
        // letter replaced, or two) spell the same word.
        for i in 0..n {
            if article == Some(i) {
                continue;
            }
            for &a in alternatives(letter(i), i + 1 == n) {
                buffer[i] = arabic_key::key_of(a);
                visit(&buffer[..n], Some((letter(i), a, i + 1 == n)));
                for j in i + 1..n {
                    if article == Some(j)
                        || (!is_hamza_edit(letter(i)) && !is_hamza_edit(letter(j)))
                    {
                        continue;
                    }
                    for &b in alternatives(letter(j), j + 1 == n) {
                        buffer[j] = arabic_key::key_of(b);
                        visit(&buffer[..n], None);
                    }
                    buffer[j] = letters[j];
                }
            }
            buffer[i] = letters[i];
        }
    }

    /// Whether some confusion edit of the word is a common accepted word.
    /// Every verdict of [`Arabic::judge`] needs one (a correction, or the ة
    /// form of R2), and every common word is in the frequency list, so a
    /// word without one is answered without the dictionary.
    fn has_common_edit(&self, word: &str) -> bool {
        self.may_have_common_edit(word) && self.finds_common_edit(word)
    }

    /// Whether a common accepted word has the word's confusion shape, which
    /// every edit of the word has: one lookup dismisses most unlisted words.
    fn may_have_common_edit(&self, word: &str) -> bool {
        let mut buffer = [0; arabic_key::MAX_LETTERS];
        let Some(letters) = arabic_key::arabic_key(word, &mut buffer).map(<[u8]>::len) else {
            return true;
        };
        let shape = &mut buffer[..letters];
        arabic_key::confusion_shape(shape);
        self.common_shapes.contains(shape)
    }

    /// [`Arabic::has_common_edit`] by spelling out and looking up each edit.
    fn finds_common_edit(&self, word: &str) -> bool {
        let mut found = false;
        self.for_each_edit(word, |edit, _| {
            found = found
                || self.zipf.get(edit).is_some_and(|flags| {
                    let flags = u64::from(flags);
                    flags & REJECTED == 0 && frequency_of(flags) >= COMMON
                });
        });
        found
    }

    /// Accepted words one confusion edit away, then two (see
    /// [`Arabic::for_each_edit`]), each group by frequency. Only words
    /// [`Arabic::judge`] can use are kept: house-style edits at any
    /// frequency, any other edit only when it is common. A house-style edit
    /// the frequency list has not seen is set aside unchecked: it can only
    /// silence a verdict, so the dictionary is asked only when there is one.
    fn corrections(&self, word: &str) -> Corrections {
        let mut singles = Vec::new();
        let mut doubles = Vec::new();
        let mut unseen_house_style = Vec::new();
        self.for_each_edit(word, |edit, single| {
            let flags = self.zipf.get(edit).map(u64::from);
            let usable = flags.is_some_and(|f| frequency_of(f) >= COMMON)
                || single.is_some_and(is_house_style);
            if !usable {
                return;
            }
            match flags {
                Some(flags) if flags & REJECTED == 0 => {
                    let candidate = Candidate {
                        word: arabic_key::word_of_key(edit),
                        edit: single,
                    };
                    if single.is_some() {
                        singles.push(candidate);
                    } else {
                        doubles.push(candidate);
                    }
                }
                Some(_) => {}
                None => unseen_house_style.push(arabic_key::word_of_key(edit)),
            }
        });
        let by_zipf = |c: &Candidate| std::cmp::Reverse(self.zipf(&c.word));
        singles.sort_by_key(by_zipf);
        doubles.sort_by_key(by_zipf);
        singles.extend(doubles);
        Corrections {
            accepted: singles,
            unseen_house_style,
        }
    }

    /// [`Arabic::judge`] through a per-thread cache: running text repeats
    /// its words, and a rejected word costs dozens of dictionary lookups.
    /// The cache keeps the strict verdict, from which the lenient one
    /// follows, so that checks asking with either setting share it.
    pub fn judge_cached(&self, word: &str, strict: bool) -> Option<Verdict> {
        thread_local! {
            static CACHE: std::cell::RefCell<VerdictCache> =
                std::cell::RefCell::new(Default::default());
        }
        let verdict = CACHE.with(|cache| {
            if let Some(found) = cache.borrow().get(word) {
                return found.as_deref().cloned();
            }
            let verdict = self.judge_strict(word);
            let mut cache = cache.borrow_mut();
            if cache.len() >= CACHE_WORDS {
                cache.clear();
            }
            cache.insert(CompactString::from(word), verdict.clone().map(Box::new));
            verdict
        });
        verdict.filter(|v| strict || v.kind != Kind::HouseStyle)
    }

    /// Judges one cleaned word (see [`clean`]): `Some` when it is a likely
    /// misspelling. `strict` also flags a dropped hamza on alif (`اسرائيل`)
    /// and ى for final ي (`فى`), which many newsrooms write by house style.
    pub fn judge(&self, word: &str, strict: bool) -> Option<Verdict> {
        self.judge_strict(word)
            .filter(|v| strict || v.kind != Kind::HouseStyle)
    }

    /// [`Arabic::judge`] with `strict` on: a house-style verdict is the only
    /// one that strictness adds.
    fn judge_strict(&self, word: &str) -> Option<Verdict> {
        // One lookup in the compiled map gives a listed word's frequency
        // and Ayaspell's answer; every word of an article is judged.
        let listed = self.listed_flags(word);
        let own = listed.map_or(0, frequency_of);
        // A word the frequency list has not seen costs a dictionary check
        // (and the dictionary's loading): only when a verdict is possible.
        let accepted = match listed {
            Some(flags) => flags & REJECTED == 0,
            None if !self.has_common_edit(word) => return None,
            None => self.ok(word),
        };
        if !accepted {
            let corrections = self.corrections(word);
            let house_style = corrections
                .accepted
                .iter()
                .find(|c| c.edit.is_some_and(is_house_style));
            if let Some(found) = house_style {
                let z = self.zipf(&found.word);
                // House style is often the more frequent form: no gap.
                return (z >= COMMON).then(|| Verdict {
                    kind: Kind::HouseStyle,
                    candidates: vec![found.word.clone()],
                });
            }
            let verdict = self.rejected_verdict(word, own, corrections.accepted)?;
            // An accepted house-style edit, however rare, means the word is
            // house style, not a misspelling (it would have come first).
            // For a listed word the map knows whether there is one.
            let unseen_house_style = match listed {
                Some(flags) => flags & UNSEEN_HOUSE_STYLE != 0,
                None => self.accepts_unseen_house_style(&corrections.unseen_house_style),
            };
            if unseen_house_style {
                return None;
            }
            return Some(verdict);
        }
        // R2: an article and a pronoun ending cannot go together.
        let stem = word
            .strip_prefix(['و', 'ف', 'ب', 'ك'])
            .filter(|rest| rest.starts_with("ال") || rest.starts_with("لل"))
            .unwrap_or(word);
        if (stem.starts_with("ال") || stem.starts_with("لل"))
            && word.ends_with('ه')
            && word.chars().count() >= 5
        {
            let mut fixed = word.to_string();
            fixed.pop();
            fixed.push('ة');
            let z = self.zipf(&fixed);
            if z >= COMMON && z >= own + GAP && self.ok(&fixed) {
                return Some(Verdict {
                    kind: Kind::ArticlePronoun,
                    candidates: vec![fixed],
                });
            }
        } else if word.ends_with('ه') && own < RARE_PRONOUN && word.chars().nth(4).is_some() {
            let mut fixed = word.to_string();
            fixed.pop();
            fixed.push('ة');
            let z = self.zipf(&fixed);
            if z >= RARE_PRONOUN_FIX && z >= own + GAP && self.ok(&fixed) {
                return Some(Verdict {
                    kind: Kind::RarePronoun,
                    candidates: vec![fixed],
                });
            }
        }
        None
    }

    /// Whether the dictionary accepts one of the house-style edits that the
    /// frequency list has not seen (see [`Arabic::corrections`]).
    fn accepts_unseen_house_style(&self, unseen: &[String]) -> bool {
        unseen.iter().any(|edit| self.ok(edit))
    }

    /// The verdict on a rejected word with no accepted single house-style
    /// edit: two edits that both only restore house style (`اهالى` for
    /// `أهالي`: a dropped hamza and ى for final ي) are house style too;
    /// otherwise the common corrections clearly more frequent than the word.
    fn rejected_verdict(
        &self,
        word: &str,
        own: u16,
        corrections: Vec<Candidate>,
    ) -> Option<Verdict> {
        let house_style_pair = corrections
            .iter()
            .find(|c| c.edit.is_none() && only_house_style(word, &c.word));
        if let Some(found) = house_style_pair
            && self.zipf(&found.word) >= COMMON
        {
            return Some(Verdict {
                kind: Kind::HouseStyle,
                candidates: vec![found.word.clone()],
            });
        }
        let candidates: Vec<String> = corrections
            .into_iter()
            .filter(|c| {
                let z = self.zipf(&c.word);
                z >= COMMON && z >= own + GAP
            })
            .map(|c| c.word)
            .collect();
        (!candidates.is_empty()).then_some(Verdict {
            kind: Kind::NonWord,
            candidates,
        })
    }

    /// R2b: whether the ة form `fixed` is so much more frequent than the
    /// pronoun form `written` (about 30×) that the pronoun form is a likely
    /// slip wherever it stands; a closer pair needs the context to agree.
    pub fn pronoun_far_rarer(&self, written: &str, fixed: &str) -> bool {
        self.zipf(fixed) >= self.zipf(written) + RARE_PRONOUN_GAP
    }

    /// R2c: the ة form of an accepted word ending in the pronoun «ه», when
    /// that form is common and ten times more frequent, whatever the
    /// pronoun form's own frequency (`قصيده` for `قصيدة`). Only for a word
    /// whose context already calls for ة (see `typo/spelling`): alone, a
    /// common pronoun form is meant (`وزيره`, "his minister").
    pub fn ta_marbuta_form(&self, word: &str) -> Option<String> {
        let stem = word.strip_suffix('ه')?;
        // Four letters or more before the pronoun.
        stem.chars().nth(3)?;
        let fixed = format!("{stem}ة");
        let z = self.zipf(&fixed);
        // The frequencies first: they decide most words without the
        // dictionary.
        (z >= RARE_PRONOUN_FIX && z >= self.zipf(word) + GAP && self.ok(word) && self.ok(&fixed))
            .then_some(fixed)
    }

    /// R3/R4: for a word used once in an article that the dictionary
    /// rejects, or accepts but the frequency list does not know, the word
    /// of `frequent` (used at least twice in the article) that one adjacent
    /// swap, deletion or insertion turns into it, at the third letter or
    /// later and after any proclitics, not at the last letter for a
    /// deletion or insertion. The usual form must be clearly more frequent
    /// (or the slip unknown to the frequency list); for an accepted slip,
    /// it must be accepted and common.
    pub fn slip_of<'a>(&self, word: &str, usual: &UsualForms<'a>) -> Option<&'a str> {
        // Five letters or more.
        word.chars().nth(4)?;
        // Almost no word of an article has a usual form one edit away:
        // a few hash lookups dismiss it before the frequency map is read,
        // and before its proclitics are counted (edits from the third
        // letter on include every edit after them).
        if !usual.may_pair(word, 2) {
            return None;
        }
        let first = proclitic_letters(word).max(2);
        if first > 2 && !usual.may_pair(word, first) {
            return None;
        }
        // Where each letter starts, and the word's end: candidates are
        // spliced from the word's own bytes.
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(at, _)| at)
            .chain([word.len()])
            .collect();
        let frequent = &usual.words;
        // One lookup answers both questions for a word of the list, as
        // almost every word of an article is: how frequent, and accepted?
        let listed = self.listed_flags(word);
        let own = listed.map_or(0, frequency_of);
        // R4: a form the dictionary's affix rules accept but that no text
        // of the frequency list attests (`ملوين` beside `مليون`) is a slip
        // of a common accepted word; an attested word is never paired.
        let rejected_fit = |found: &str| own == 0 || self.zipf(found) >= own + SLIP_GAP;
        let accepted_fit = |found: &str| self.zipf(found) >= COMMON && self.ok(found);
        if let Some(flags) = listed.filter(|_| own > 0) {
            return if flags & REJECTED == 0 {
                None
            } else {
                slip_search(word, &bounds, first, frequent, rejected_fit)
            };
        }
        // A word the frequency list has not seen: any form of `frequent`
        // fits a rejected one, so the dictionary is asked only when there
        // is such a form.
        let found = slip_search(word, &bounds, first, frequent, rejected_fit)?;
        if self.ok(word) {
            slip_search(word, &bounds, first, frequent, accepted_fit)
        } else {
            Some(found)
        }
    }
}

/// The first word of `frequent` that one adjacent swap, deletion or
/// insertion at letter `first` or later turns the slip `word` into (a
/// deletion or insertion not at the last letter), and that `fits`.
/// `bounds` holds where each letter starts, then the word's length.
fn slip_search<'a>(
    word: &str,
    bounds: &[usize],
    first: usize,
    frequent: &FxHashSet<&'a str>,
    fits: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let n = bounds.len() - 1;
    let letter = |i: usize| &word[bounds[i]..bounds[i + 1]];
    // Every candidate is spliced into one buffer from slices of the word: a
    // word not in the frequency list makes a few hundred of them.
    let mut candidate = String::with_capacity(word.len() + 4);
    let mut accept = |parts: &[&str]| -> Option<&'a str> {
        let found = *frequent.get(splice(&mut candidate, parts))?;
        fits(found).then_some(found)
    };
    // The usual form with two adjacent letters swapped.
    for i in first..n - 1 {
        if letter(i) == letter(i + 1) {
            continue;
        }
        let parts = [
            &word[..bounds[i]],
            letter(i + 1),
            letter(i),
            &word[bounds[i + 2]..],
        ];
        if let Some(found) = accept(&parts) {
            return Some(found);
        }
    }
    // A letter inserted in the slip: the usual form lacks it.
    for i in first..n - 1 {
        if let Some(found) = accept(&[&word[..bounds[i]], &word[bounds[i + 1]..]]) {
            return Some(found);
        }
    }
    // A letter deleted in the slip: the usual form has one more.
    let mut utf8 = [0; 4];
    for i in first..n {
        for c in ALPHABET {
            let c: &str = c.encode_utf8(&mut utf8);
            if let Some(found) = accept(&[&word[..bounds[i]], c, &word[bounds[i]..]]) {
                return Some(found);
            }
        }
    }
    None
}

/// The words an article uses at least twice, which [`Arabic::slip_of`]
/// pairs a slip with, and a signature of each of their forms with one
/// letter dropped. Any word one adjacent swap, deletion or insertion from
/// one of them shares such a form with it (a swap of `ab` and `ba` drops
/// the same `b`), so a word none of whose own forms is signed is no slip,
/// and the frequency map and the few hundred candidate edits are left
/// alone: that is almost every word of an article.
#[derive(Debug, Default)]
pub struct UsualForms<'a> {
    words: FxHashSet<&'a str>,
    /// Signatures ([`SIGNATURE_BASE`]) of each word and of each word with
    /// one letter dropped.
    near: FxHashSet<u64>,
    /// One bit for each signature of `near` ([`UsualForms::filter_bit`]),
    /// sixteen bits a signature: a word is asked about one signature a
    /// letter, and most of those questions end at an unset bit here, in a
    /// table small enough for the cache, before `near` is probed.
    filter: Vec<u64>,
    /// How far a mixed signature shifts right to give its bit's index.
    filter_shift: u32,
}

impl<'a> UsualForms<'a> {
    /// The usual forms of an article: the words it uses at least twice.
    pub fn new(words: impl IntoIterator<Item = &'a str>) -> Self {
        // Both sets are sized before they are filled: growing them was a
        // third of their cost.
        let given = words.into_iter();
        let most = given.size_hint().1.unwrap_or(0);
        let mut words = FxHashSet::with_capacity_and_hasher(most, Default::default());
        words.extend(given);
        let signatures: usize = words.iter().map(|w| w.chars().count() + 1).sum();
        let bits = (16 * signatures).next_power_of_two().max(64);
        let mut forms = UsualForms {
            near: FxHashSet::with_capacity_and_hasher(signatures, Default::default()),
            filter: vec![0; bits / 64],
            filter_shift: 64 - bits.trailing_zeros(),
            words: FxHashSet::default(),
        };
        for word in &words {
            form_signatures(word, 0, &mut |signature| {
                forms.sign(signature);
                false
            });
        }
        forms.words = words;
        forms
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Records a signature.
    fn sign(&mut self, signature: u64) {
        let bit = self.filter_bit(signature);
        self.filter[bit / 64] |= 1 << (bit % 64);
        self.near.insert(signature);
    }

    /// Whether a signature is recorded.
    fn signed(&self, signature: u64) -> bool {
        let bit = self.filter_bit(signature);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.near.contains(&signature)
    }

    /// The filter bit of a signature: its top bits once mixed by a
    /// multiplication (a polynomial hash's low bits are its weakest).
    fn filter_bit(&self, signature: u64) -> usize {
        (signature.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> self.filter_shift) as usize
    }

    /// Whether a usual form may be one edit at letter `first` or later
    /// from `word`: never false when one is, rarely true when none is.
    fn may_pair(&self, word: &str, first: usize) -> bool {
        form_signatures(word, first, &mut |signature| self.signed(signature))
    }
}

/// The base of a form's 64-bit signature, as [`UsualForms`] signs its
/// forms: the form's bytes (each plus one) are the digits of a number in
/// this base, modulo 2^64. Two different forms rarely share a signature,
/// and a shared one only costs a search. Being a polynomial hash, the
/// signature of a form with one letter dropped follows from signatures of
/// its parts ([`form_signatures`]) without writing that form out. The base
/// is odd, with its bits spread.
const SIGNATURE_BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// The inverse of [`SIGNATURE_BASE`] modulo 2^64 (an odd number has one),
/// by Newton's iteration: each step doubles the bits that are right.
const SIGNATURE_BASE_INVERSE: u64 = {
    let mut inverse = SIGNATURE_BASE;
    let mut step = 0;
    while step < 5 {
        inverse = inverse.wrapping_mul(2u64.wrapping_sub(SIGNATURE_BASE.wrapping_mul(inverse)));
        step += 1;
    }
    inverse
};
const _: () = assert!(SIGNATURE_BASE.wrapping_mul(SIGNATURE_BASE_INVERSE) == 1);

/// The inverse of [`SIGNATURE_BASE`] to the power of the length of a
/// UTF-8 character (0 to 4 bytes).
const INVERSE_LETTER_POWERS: [u64; 5] = {
    let mut powers = [1u64; 5];
    let mut len = 1;
    while len < 5 {
        powers[len] = powers[len - 1].wrapping_mul(SIGNATURE_BASE_INVERSE);
        len += 1;
    }
    powers
};

/// Calls `visit` with the signature of `form` ([`SIGNATURE_BASE`]), then with that of `form`
/// with one letter dropped, for each letter from letter `first` on, until
/// `visit` returns true; returns whether it did. Each takes a few
/// multiplications, with signature(a + b) = signature(a) × BASE^len(b) +
/// signature(b), where the power for the part after a letter is
/// BASE^len(form) × BASE^-end.
fn form_signatures(form: &str, first: usize, visit: &mut impl FnMut(u64) -> bool) -> bool {
    let bytes = form.as_bytes();
    let (mut whole, mut power_of_whole) = (0u64, 1u64);
    for &byte in bytes {
        whole = whole
            .wrapping_mul(SIGNATURE_BASE)
            .wrapping_add(u64::from(byte) + 1);
        power_of_whole = power_of_whole.wrapping_mul(SIGNATURE_BASE);
    }
    if visit(whole) {
        return true;
    }
    // The signature of the form before the current letter, and BASE^-start.
    let (mut before, mut inverse_power) = (0u64, 1u64);
    let (mut start, mut letter) = (0, 0);
    while start < bytes.len() {
        let end = start + crate::text::normalize::char_width(bytes[start]).min(bytes.len() - start);
        let mut through = before;
        for &byte in &bytes[start..end] {
            through = through
                .wrapping_mul(SIGNATURE_BASE)
                .wrapping_add(u64::from(byte) + 1);
        }
        let inverse_through = inverse_power.wrapping_mul(INVERSE_LETTER_POWERS[end - start]);
        if letter >= first {
            let shift = power_of_whole.wrapping_mul(inverse_through);
            let after = whole.wrapping_sub(through.wrapping_mul(shift));
            if visit(before.wrapping_mul(shift).wrapping_add(after)) {
                return true;
            }
        }
        (before, inverse_power) = (through, inverse_through);
        (start, letter) = (end, letter + 1);
    }
    false
}

/// `parts` written one after the other into `buffer`.
fn splice<'b>(buffer: &'b mut String, parts: &[&str]) -> &'b str {
    buffer.clear();
    for part in parts {
        buffer.push_str(part);
    }
    buffer
}

/// The letters a deleted letter may have been.
const ALPHABET: &[char] = &[
    'ء', 'آ', 'أ', 'ؤ', 'إ', 'ئ', 'ا', 'ب', 'ة', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س',
    'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ى', 'ي',
];

/// How many letters of the word's start are proclitics (`وال` → 3).
fn proclitic_letters(word: &str) -> usize {
    crate::text::words::proclitic_ends(word)
        .max()
        .map_or(0, |end| word[..end].chars().count())
}

#[cfg(test)]
mod tests {
    use super::ayaspell::IGNORED;
    use super::*;
    use spellbook::Dictionary;

    /// The compiled map holds exactly the text list (every word, its first
    /// listed value).
    #[test]
    fn compiled_map_is_the_text_list() {
        let text = include_str!("../../rules/spelling/ar-freq.txt");
        let listed = parse_frequencies(text, 370_000);
        let arabic = arabic();
        assert_eq!(arabic.zipf.len(), listed.len());
        for (word, value) in listed {
            assert!(word.chars().count() <= arabic_key::MAX_LETTERS, "{word}");
            assert_eq!(arabic.zipf(word), value, "{word}");
        }
    }

    /// Each confusion edit keeps a word's confusion shape, wherever the
    /// letter stands, so the shape filter can only pass a word it must.
    #[test]
    fn confusion_edits_keep_the_shape() {
        let shape = |c: char| {
            let mut key = [0; arabic_key::MAX_LETTERS];
            let mut shape = arabic_key::arabic_key(&c.to_string(), &mut key)
                .expect("an Arabic letter has a key")
                .to_vec();
            arabic_key::confusion_shape(&mut shape);
            shape
        };
        for c in '\u{0621}'..='\u{064A}' {
            for at_end in [false, true] {
                for &a in alternatives(c, at_end) {
                    assert_eq!(shape(c), shape(a), "{c} → {a}");
                }
            }
        }
    }

    /// No two edits spell the same word (each is given once, with no set
    /// to weed out repeats), and none is the word itself: on every 7th
    /// listed word and its form with a final ه.
    #[test]
    fn edits_are_distinct() {
        let arabic = arabic();
        let words = listed_words();
        let mut edits = 0;
        for word in words.iter().step_by(7) {
            for form in [word.to_string(), format!("{word}ه")] {
                let mut seen = FxHashSet::default();
                arabic.for_each_edit(&form, |edit, _| {
                    let spelled = arabic_key::word_of_key(edit);
                    assert_ne!(spelled, form);
                    assert!(seen.insert(spelled), "{form}: an edit twice");
                });
                edits += seen.len();
            }
        }
        assert!(edits > 100_000, "{edits}");
    }

    /// The shape filter lets through every word that has a common edit:
    /// listed words and forms one letter from them, most of them unlisted.
    #[test]
    fn shape_filter_passes_every_word_with_a_common_edit() {
        let arabic = arabic();
        let words = listed_words();
        let (mut with_edit, mut dismissed) = (0, 0);
        for word in words.iter().step_by(7) {
            let letters: Vec<char> = word.chars().collect();
            let forms = [
                word.to_string(),
                format!("{word}ه"),
                format!("ا{word}"),
                letters[1..].iter().collect(),
                letters[..letters.len() - 1].iter().collect(),
            ];
            for form in &forms {
                let found = arabic.finds_common_edit(form);
                let passes = arabic.may_have_common_edit(form);
                assert!(passes || !found, "{form}: a common edit, filtered out");
                with_edit += usize::from(found);
                dismissed += usize::from(!passes);
            }
        }
        // Both sides are exercised.
        assert!(
            with_edit > 10_000 && dismissed > 10_000,
            "{with_edit} {dismissed}"
        );
    }

    /// The dictionary `build.rs` prepares answers as Ayaspell's own files do:
    /// for listed words and forms one edit from them, with and without the
    /// ignored marks, and for words it rejects. Every 8th listed word, with
    /// 13 forms of each (about 610,000 checks per dictionary): every 16th
    /// missed an affix rule without a condition whose mark was left in.
    #[test]
    fn prepared_dictionary_answers_as_ayaspell() {
        let original = Dictionary::new(
            include_str!("../../rules/spelling/ar.aff"),
            include_str!("../../rules/spelling/ar.dic"),
        )
        .expect("Ayaspell parses");
        let words = listed_words();
        let forms = |word: &str| -> Vec<String> {
            let letters: Vec<char> = word.chars().collect();
            let mut forms = vec![
                word.to_string(),
                dual_of(word),
                format!("ال{word}"),
                format!("{word}ه"),
                letters[..letters.len() - 1].iter().collect(),
            ];
            // Each ignored mark after the first letter, and tatweel inside.
            for mark in IGNORED.chars() {
                let mut marked: String = letters[..1].iter().collect();
                marked.push(mark);
                marked.extend(&letters[1..]);
                forms.push(marked);
            }
            forms
        };
        let differing: Vec<String> = std::thread::scope(|scope| {
            let (words, forms, original) = (&words, &forms, &original);
            let part = |offset: usize| {
                scope.spawn(move || {
                    words
                        .iter()
                        .skip(offset)
                        .step_by(16)
                        .flat_map(|w| forms(w))
                        .filter(|form| original.check(form) != ayaspell::whole_check(form))
                        .collect::<Vec<_>>()
                })
            };
            let (first, second) = (part(0), part(8));
            let mut all = first.join().expect("no panic");
            all.extend(second.join().expect("no panic"));
            all
        });
        assert!(IGNORED.contains('\u{0651}'), "the shadda is ignored");
        assert!(differing.is_empty(), "{differing:?}");
    }

    /// `rules/spelling/ar-ayaspell.txt` holds exactly Ayaspell's answers
    /// for every word of the frequency list, and the compiled map carries
    /// them; `FACTLINT_UPDATE_SPELLING=1` rewrites the file (then rebuild).
    #[test]
    fn ayaspell_answers_are_current() {
        let words = listed_words();
        let flags_of = |word: &str| -> String {
            let rejected = !ayaspell::whole_check(word);
            let answers = [
                rejected,
                ayaspell::whole_check(&dual_of(word)),
                ayaspell::whole_check(&format!("ال{word}")),
                rejected
                    && arabic()
                        .accepts_unseen_house_style(&arabic().corrections(word).unseen_house_style),
            ];
            AYASPELL_FLAGS
                .iter()
                .zip(answers)
                .filter(|(_, yes)| *yes)
                .map(|((flag, _), _)| *flag)
                .collect()
        };
        // A million dictionary checks: split over two threads.
        let half = words.len() / 2;
        let flags: Vec<String> = std::thread::scope(|scope| {
            let first = scope.spawn(|| {
                words[..half]
                    .iter()
                    .map(|w| flags_of(w))
                    .collect::<Vec<_>>()
            });
            let mut second: Vec<String> = words[half..].iter().map(|w| flags_of(w)).collect();
            let mut all = first.join().expect("no panic");
            all.append(&mut second);
            all
        });
        let mut current = String::from(AYASPELL_HEADER);
        for (word, flags) in words.iter().zip(&flags) {
            if !flags.is_empty() {
                current.push_str(&format!("{word}\t{flags}\n"));
            }
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/spelling/ar-ayaspell.txt"
        );
        if std::env::var_os("FACTLINT_UPDATE_SPELLING").is_some() {
            std::fs::write(path, &current).expect("the answers file is writable");
            return;
        }
        assert!(
            current == AYASPELL_ANSWERS,
            "{path} is out of date with ar.aff/ar.dic/ar-freq.txt: run \
             FACTLINT_UPDATE_SPELLING=1 cargo test --release --lib ayaspell_answers and commit it"
        );
        for (word, flags) in words.iter().zip(&flags) {
            let bits = arabic()
                .listed_flags(word)
                .expect("every listed word is in the map")
                & !0xFFFF;
            let expected = AYASPELL_FLAGS
                .iter()
                .filter(|(flag, _)| flags.contains(*flag))
                .fold(0, |bits, (_, bit)| bits | bit);
            assert_eq!(bits, expected, "{word}");
        }
    }

    /// The header of `ar-ayaspell.txt`.
    const AYASPELL_HEADER: &str = "\
# Ayaspell's answers for the words of ar-freq.txt, compiled into factlint's
# frequency map so that most runs never parse the dictionary.
# Derived from ar.aff/ar.dic (Ayaspell, MPL-1.1) and ar-freq.txt (wordfreq,
# CC BY-SA 4.0): see README.md in this folder. Generated by
# FACTLINT_UPDATE_SPELLING=1 cargo test --release --lib ayaspell_answers
# and checked by that test.
# Format: word<TAB>flags; x = Ayaspell rejects the word, d = it accepts the
# word's dual, a = it accepts the word with the article, h = it accepts a
# house-style edit of the rejected word that ar-freq.txt does not list. A
# listed word with no line has none of them.
";

    fn judge(word: &str) -> Option<Verdict> {
        arabic().judge(word, false)
    }

    #[test]
    fn common_misspellings_are_flagged() {
        for (wrong, right) in [
            ("السياحه", "السياحة"),
            ("الجمهوريه", "الجمهورية"),
            ("وتظمن", "وتضمن"),
            ("إظافة", "إضافة"),
            ("تخفيظات", "تخفيضات"),
            ("الإرهابيه", "الإرهابية"),
        ] {
            let verdict = judge(wrong).unwrap_or_else(|| panic!("{wrong} not flagged"));
            assert_eq!(verdict.candidates[0], right, "{wrong}");
        }
    }

    #[test]
    fn article_and_pronoun_is_flagged() {
        let verdict = judge("الأمانه").expect("flagged");
        assert_eq!(verdict.kind, Kind::ArticlePronoun);
        assert_eq!(verdict.candidates, vec!["الأمانة".to_string()]);
    }

    #[test]
    fn correct_words_and_names_are_silent() {
        for word in [
            "السياحة",
            "الجمهورية",
            "وتضمن",
            "إضافة",
            "الأمانة",
            "الدوسري",
            "رايس",
            "تويتر",
        ] {
            assert_eq!(judge(word), None, "{word}");
        }
    }

    #[test]
    fn house_style_only_when_strict() {
        for word in ["اسرائيل", "الى"] {
            assert_eq!(judge(word), None, "{word}");
            let verdict = arabic().judge(word, true).expect("strict flags it");
            assert_eq!(verdict.kind, Kind::HouseStyle);
        }
    }

    #[test]
    fn slips_of_a_frequent_word() {
        let frequent = UsualForms::new(["المنطقة", "الجامعة", "السودان"]);
        let speller = arabic();
        assert_eq!(speller.slip_of("النمطقة", &frequent), Some("المنطقة"));
        assert_eq!(speller.slip_of("الجامةع", &frequent), Some("الجامعة"));
        assert_eq!(speller.slip_of("السوادن", &frequent), Some("السودان"));
        // An attested valid word is never paired with another.
        assert_eq!(speller.slip_of("المنطقية", &frequent), None);
        // Accepted by the affix rules but unattested: a slip.
        let frequent = UsualForms::new(["مليون"]);
        assert_eq!(speller.slip_of("ملوين", &frequent), Some("مليون"));
    }

    proptest::proptest! {
        /// The signatures never hide a pair: whenever the full search finds
        /// a usual form one edit from a word, the signatures let it through.
        /// Words of a four-letter alphabet repeat letters, as `اللّه` does,
        /// and edits land anywhere after the first two letters.
        #[test]
        fn signatures_let_every_pair_through(
            word in "[ابةو]{5,9}",
            others in proptest::collection::vec("[ابةو]{4,10}", 0..6),
            edit in 0usize..3,
            at in 2usize..8,
            letter in "[ابةو]",
        ) {
            let letters: Vec<&str> = word.split("").filter(|l| !l.is_empty()).collect();
            let at = at.min(letters.len() - 2);
            let mut edited: Vec<&str> = letters.clone();
            match edit {
                0 => edited.swap(at, at + 1),
                1 => { edited.remove(at); }
                _ => edited.insert(at, &letter),
            }
            let edited = edited.concat();
            let usual = UsualForms::new(others.iter().map(String::as_str).chain([edited.as_str()]));
            let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
            for first in 2..bounds.len() - 1 {
                if slip_search(&word, &bounds, first, &usual.words, |_| true).is_some() {
                    proptest::prop_assert!(usual.may_pair(&word, first), "{word} {first}");
                }
            }
        }
    }

    /// A form's signature, written out.
    fn signature(form: &str) -> u64 {
        form.bytes().fold(0, |hash, byte| {
            hash.wrapping_mul(SIGNATURE_BASE)
                .wrapping_add(u64::from(byte) + 1)
        })
    }

    /// The signatures are the form's and, for each letter, the signature
    /// of the form written without it.
    #[test]
    fn form_signatures_sign_the_form_and_its_shorter_forms() {
        for word in ["المنطقة", "wordé", "استراتيجياتهم"] {
            let mut signed = Vec::new();
            form_signatures(word, 1, &mut |s| {
                signed.push(s);
                false
            });
            assert_eq!(signed.remove(0), signature(word));
            let written: Vec<u64> = word
                .char_indices()
                .skip(1)
                .map(|(at, c)| signature(&[&word[..at], &word[at + c.len_utf8()..]].concat()))
                .collect();
            assert_eq!(signed, written, "{word}");
        }
    }

    /// `clean` reads bytes: it answers as the character rule would, for
    /// every character of the Arabic blocks and a few others, alone and
    /// after letters.
    #[test]
    fn clean_reads_bytes_as_the_character_rule() {
        fn by_characters(word: &str) -> Option<String> {
            let mut out = String::new();
            for c in word.chars() {
                match c {
                    '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
                    c if is_letter(c) => out.push(c),
                    _ => return None,
                }
            }
            (out.chars().count() >= 2).then_some(out)
        }
        let others = ['a', '1', ' ', '\u{200C}', 'é', '€'];
        let characters = ('\u{0600}'..='\u{06FF}').chain(others);
        for c in characters {
            for word in [
                format!("{c}"),
                format!("با{c}"),
                format!("{c}{c}"),
                format!("ب{c}ت"),
            ] {
                assert_eq!(
                    clean(&word).map(Cow::into_owned),
                    by_characters(&word),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn clean_strips_marks_and_refuses_other_characters() {
        assert_eq!(clean("الْعَرَبِيَّة").as_deref(), Some("العربية"));
        assert_eq!(clean("وهؤ\u{200C}لاء"), None);
        assert_eq!(clean("ب"), None);
    }
}
