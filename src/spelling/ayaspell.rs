//! The Ayaspell dictionary (MPL-1.1, see `rules/spelling/licenses/`),
//! opened with its affix rules and a few stems, and grown by the stems
//! that could spell each word it is asked about (see
//! [`super::stem_groups`]). A run that asks about one unknown
//! word parses about 2,000 stems, not 170,000: a millisecond, not 40.

use std::borrow::Cow;
use std::sync::{PoisonError, RwLock};

use spellbook::Dictionary;

use super::compiled_table;
use super::stem_groups;
use super::word_map::WordMap;

/// The affix file as `build.rs` prepares it: its `IGNORE` characters
/// erased from every affix beforehand, so that parsing skips that work.
const AFF: &str = include_str!(concat!(env!("OUT_DIR"), "/ar.aff"));
/// The stems parsed with the affix rules (see [`stem_groups::Grouped`]).
const ALWAYS: &str = include_str!(concat!(env!("OUT_DIR"), "/ar-always.dic"));
/// The other stems, group after group.
static STEMS: &str = include_str!(concat!(env!("OUT_DIR"), "/ar-stems.txt"));
/// Each group's key → its number (a [`WordMap`]).
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ar-stems.table"));
/// Where each group starts in [`STEMS`], `u32` little-endian, and where the
/// last one ends.
static STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ar-stems.starts"));
/// The characters the affix file's input conversions (`ICONV`) rewrite: a
/// word with one is not spelled by the stems its own letters name.
const CONVERTED: &str = include_str!(concat!(env!("OUT_DIR"), "/ar-converted.txt"));
/// The characters Ayaspell ignores (its `IGNORE` line: tashkeel and
/// tatweel), erased from a word before the prepared dictionary is asked.
pub(super) const IGNORED: &str = include_str!(concat!(env!("OUT_DIR"), "/ar-ignore.txt"));

/// The dictionary, shared by every thread: a check may add stems to it.
pub(super) struct Ayaspell {
    keys: WordMap,
    grown: RwLock<Grown>,
}

/// The dictionary and which groups of stems it holds.
struct Grown {
    dictionary: Dictionary,
    loaded: Vec<bool>,
    /// Whether every group is loaded.
    whole: bool,
}

impl Ayaspell {
    /// The affix rules and the stems every word may need.
    pub(super) fn open() -> Ayaspell {
        let groups = STARTS.len() / 4 - 1;
        Ayaspell {
            keys: compiled_table(KEYS),
            grown: RwLock::new(Grown {
                dictionary: Dictionary::new(AFF, ALWAYS)
                    .expect("the bundled Ayaspell dictionary parses"),
                loaded: vec![false; groups],
                whole: false,
            }),
        }
    }

    /// Whether Ayaspell accepts `word`, as the whole, unprepared dictionary
    /// would answer: the ignored characters go first, as its parser would
    /// erase them, and the stems that could spell the word are added first.
    pub(super) fn check(&self, word: &str) -> bool {
        let word = &*erase_ignored(word);
        let groups = self.groups_of(word);
        // Most checks find their groups loaded, and threads check side by
        // side. A lock poisoned by a panic in another check leaves a group
        // marked unloaded at worst, and loading it again adds stems twice,
        // which changes no answer.
        {
            let grown = self.grown.read().unwrap_or_else(PoisonError::into_inner);
            if grown.holds(groups.as_deref()) {
                return grown.dictionary.check(word);
            }
        }
        let mut grown = self.grown.write().unwrap_or_else(PoisonError::into_inner);
        match &groups {
            Some(groups) => groups.iter().for_each(|&group| grown.load(group)),
            None => grown.load_all(),
        }
        grown.dictionary.check(word)
    }

    /// The groups whose stems could spell `word` (see
    /// [`stem_groups::for_each_key`]); `None` for a word the checker reads
    /// in other cases or conversions, whose letters name other groups.
    fn groups_of(&self, word: &str) -> Option<Vec<usize>> {
        if stem_groups::has_capitals(word) || word.contains(|c: char| CONVERTED.contains(c)) {
            return None;
        }
        let mut groups = Vec::new();
        stem_groups::for_each_key(word, |key| {
            if let Some(group) = self.keys.get(key.as_bytes()) {
                groups.push(group as usize);
            }
        });
        Some(groups)
    }
}

impl Grown {
    /// Whether the dictionary holds `groups` (every group, for `None`).
    fn holds(&self, groups: Option<&[usize]>) -> bool {
        self.whole || groups.is_some_and(|groups| groups.iter().all(|&g| self.loaded[g]))
    }

    fn load(&mut self, group: usize) {
        if self.loaded[group] {
            return;
        }
        let start = start_of(group);
        let end = start_of(group + 1);
        for stem in STEMS[start..end].lines() {
            self.dictionary
                .add(stem)
                .expect("build.rs groups stems the dictionary parsed");
        }
        self.loaded[group] = true;
    }

    fn load_all(&mut self) {
        if !self.whole {
            for group in 0..self.loaded.len() {
                self.load(group);
            }
            self.whole = true;
        }
    }
}

/// `word` without the characters Ayaspell ignores, as its parser would
/// erase them from the stems and affixes of the prepared files.
fn erase_ignored(word: &str) -> Cow<'_, str> {
    if word.contains(|c: char| IGNORED.contains(c)) {
        Cow::Owned(word.chars().filter(|&c| !IGNORED.contains(c)).collect())
    } else {
        Cow::Borrowed(word)
    }
}

/// The whole prepared dictionary, parsed once: what a grown one must
/// answer as, and the answers the tests of `src/spelling` compare with.
#[cfg(test)]
pub(super) fn whole_check(word: &str) -> bool {
    static WHOLE: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    WHOLE
        .get_or_init(|| Dictionary::new(AFF, tests::DIC).expect("Ayaspell parses"))
        .check(&erase_ignored(word))
}

/// Where group `group` starts in [`STEMS`].
fn start_of(group: usize) -> usize {
    let at = group * 4;
    u32::from_le_bytes(STARTS[at..at + 4].try_into().expect("four bytes")) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole prepared word list, as one parse would read it.
    pub(super) const DIC: &str = include_str!(concat!(env!("OUT_DIR"), "/ar.dic"));

    /// Every stem of the word list is in exactly one place.
    #[test]
    fn the_groups_hold_the_whole_word_list() {
        let mut grouped: Vec<&str> = ALWAYS.lines().skip(1).chain(STEMS.lines()).collect();
        let mut whole: Vec<&str> = DIC
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        grouped.sort_unstable();
        whole.sort_unstable();
        assert_eq!(grouped.len(), whole.len());
        assert!(grouped == whole, "the groups and the word list differ");
        // Few stems are parsed up front.
        assert!(ALWAYS.lines().count() < 2_000, "{}", ALWAYS.lines().count());
    }

    /// A dictionary opened afresh for each word, and grown only by that
    /// word's groups, answers as the whole dictionary: for every 40th word
    /// of the frequency list (most of which Ayaspell accepts, so that a
    /// missing stem would show), with forms that take a prefix, suffixes
    /// or two, one letter fewer, and confusion edits.
    /// `FACTLINT_AYASPELL_EVERY=1` checks every word (about ten minutes in
    /// release mode on two cores): do so when the dictionary or
    /// `stem_groups` changes.
    #[test]
    fn a_grown_dictionary_answers_as_the_whole() {
        let words = super::super::listed_words();
        let forms = |word: &str| -> Vec<String> {
            let letters: Vec<char> = word.chars().collect();
            let mut forms = vec![
                word.to_string(),
                super::super::dual_of(word),
                format!("وال{word}"),
                format!("{word}ها"),
                format!("{word}اتهم"),
                letters[..letters.len() - 1].iter().collect(),
                letters.iter().rev().collect(),
            ];
            super::super::arabic().for_each_edit(word, |edit, _| {
                forms.push(super::super::arabic_key::word_of_key(edit));
            });
            forms
        };
        let every = std::env::var("FACTLINT_AYASPELL_EVERY")
            .ok()
            .and_then(|every| every.parse().ok())
            .unwrap_or(40);
        let differing: Vec<String> = std::thread::scope(|scope| {
            let (words, forms) = (&words, &forms);
            let part = |half: usize| {
                scope.spawn(move || {
                    let mut differing = Vec::new();
                    for word in words.iter().step_by(every).skip(half).step_by(2) {
                        let grown = Ayaspell::open();
                        for form in forms(word) {
                            if grown.check(&form) != whole_check(&form) {
                                differing.push(form);
                            }
                        }
                    }
                    differing
                })
            };
            let (first, second) = (part(0), part(1));
            let mut all = first.join().expect("no panic");
            all.extend(second.join().expect("no panic"));
            all
        });
        assert!(differing.is_empty(), "{differing:?}");
    }

    /// Words the checker reads in another case or form load every group.
    #[test]
    fn a_converted_or_cased_word_loads_every_group() {
        for word in ["\u{0671}لكتاب", "\u{FEFB}عب", "Word"] {
            let grown = Ayaspell::open();
            assert_eq!(grown.check(word), whole_check(word), "{word}");
            assert!(grown.grown.read().expect("no panic").whole, "{word}");
        }
        let grown = Ayaspell::open();
        grown.check("كتاب");
        let held = grown.grown.read().expect("no panic");
        assert!(!held.whole);
        assert!(held.loaded.iter().any(|&loaded| loaded));
    }
}
