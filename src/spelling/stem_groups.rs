//! Ayaspell's stems in groups, so that a check parses only the stems that
//! could spell the word it asks about. Shared with `build.rs`, which sorts
//! the word list into groups with [`group`]; `src/spelling/ayaspell.rs`
//! reads them.
//!
//! Parsing the whole word list (170,000 stems) costs about 40 ms, most of
//! a run that needs the dictionary at all: one unknown word with a likely
//! misspelling in an article of 2 KB, or about one Arabic article in five.
//! The affix rules alone parse in under a millisecond.
//!
//! A stem spells a word by losing a few letters at its start (a prefix
//! rule's strip) and at its end (a suffix rule's strip, then a second
//! suffix's strip, which may reach past what the first suffix added), and
//! gaining affixes around what is left. What is left, the stem's *core*,
//! stands in the word letter for letter. [`group`] works out the most a
//! stem can lose at either end from the rules its flags allow, and files
//! the stem under the first [`KEY_LETTERS`] letters of its core. A word's
//! spelling stems are then all in the groups named by its runs of one to
//! [`KEY_LETTERS`] letters ([`for_each_key`]). A stem whose core may be
//! empty, or that the grouping cannot reason about (an escaped or cased
//! stem, flags of a kind it does not read), is parsed with the affix rules
//! before any word is asked about.
//!
//! Adding more real stems never changes an answer of a dictionary without
//! forbidden forms, so a dictionary grown group by group answers as the
//! whole one; a test in `src/spelling/ayaspell.rs` checks it word by word.

use std::collections::{BTreeMap, HashMap};

/// How many letters of a stem's core name its group: three gives about
/// 10,000 groups of 15 stems, and a word of ten letters loads about a
/// thousand stems.
pub const KEY_LETTERS: usize = 3;

/// Calls `visit` with every run of one to [`KEY_LETTERS`] letters of
/// `word`: the groups that hold every stem able to spell it.
#[allow(dead_code)] // The binary reads; `build.rs` only writes.
pub fn for_each_key(word: &str, mut visit: impl FnMut(&str)) {
    for (start, _) in word.char_indices() {
        let ends = word[start..]
            .char_indices()
            .skip(1)
            .map(|(at, _)| start + at)
            .chain([word.len()])
            .take(KEY_LETTERS);
        for end in ends {
            visit(&word[start..end]);
        }
    }
}

/// Whether `text` has a capital (a letter with another lower case): the
/// checker enters such a stem under its title case too, and asks about
/// such a word in other cases, whose letters name other groups.
pub fn has_capitals(text: &str) -> bool {
    text.chars().any(|c| c.to_lowercase().ne([c]))
}

/// The word list sorted into groups.
#[allow(dead_code)] // `build.rs` writes; the binary only reads.
pub struct Grouped {
    /// A word list of the stems parsed before any word is asked about: a
    /// count line, then one stem per line.
    pub always: String,
    /// The other stems, one per line, group after group.
    pub stems: String,
    /// Each group's key (its core's first letters) and its number.
    pub keys: Vec<(Vec<u8>, u32)>,
    /// Where each group starts in [`Grouped::stems`], and one more offset:
    /// where the last one ends.
    pub starts: Vec<u32>,
}

/// Sorts the stems of the word list `dic` into groups by the cores that
/// the affix rules of `aff` leave of them (see the module documentation).
#[allow(dead_code)] // `build.rs` writes; the binary only reads.
pub fn group(aff: &str, dic: &str) -> Grouped {
    let affixes = Affixes::read(aff);
    let mut always = Vec::new();
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    // The first line is the stem count.
    for line in dic.lines().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match affixes.core(line) {
            Some(core) if !core.is_empty() => {
                let key: String = core.chars().take(KEY_LETTERS).collect();
                groups.entry(key).or_default().push(line);
            }
            _ => always.push(line),
        }
    }
    let mut grouped = Grouped {
        always: format!("{}\n", always.len()),
        stems: String::new(),
        keys: Vec::with_capacity(groups.len()),
        starts: Vec::with_capacity(groups.len() + 1),
    };
    for line in always {
        grouped.always.push_str(line);
        grouped.always.push('\n');
    }
    for (number, (key, lines)) in groups.into_iter().enumerate() {
        grouped.keys.push((
            key.into_bytes(),
            u32::try_from(number).expect("fewer than 2^32 groups"),
        ));
        grouped.starts.push(offset(&grouped.stems));
        for line in lines {
            grouped.stems.push_str(line);
            grouped.stems.push('\n');
        }
    }
    grouped.starts.push(offset(&grouped.stems));
    grouped
}

/// The length of `text` as a `u32` offset.
fn offset(text: &str) -> u32 {
    u32::try_from(text.len()).expect("a word list under 4 GiB")
}

/// How the affix file writes a flag.
#[derive(Clone, Copy, PartialEq)]
enum FlagType {
    /// One character per flag (the default, and `FLAG UTF-8`).
    Char,
    /// Two characters per flag (`FLAG long`).
    Long,
    /// `FLAG num` or a type this module does not read: every stem with
    /// flags is parsed up front.
    Unread,
}

/// One affix rule: the letters it strips from the stem, the letters it
/// adds, and the flags of the affixes allowed to follow it.
struct Rule {
    strip: String,
    add: String,
    continuation: Vec<String>,
}

/// What the grouping needs of an affix file: its rules by flag, and how far
/// prefixes reach into a stem.
struct Affixes {
    flag_type: FlagType,
    /// The `AF` flag sets, in order: a flag field that is a number `n` is
    /// the `n`th of them.
    aliases: Vec<String>,
    prefixes: HashMap<String, Vec<Rule>>,
    suffixes: HashMap<String, Vec<Rule>>,
    /// The most letters prefixes strip from a stem's start: the longest
    /// strip, twice with `COMPLEXPREFIXES` (two prefixes).
    prefix_reach: usize,
}

impl Affixes {
    fn read(aff: &str) -> Affixes {
        let mut affixes = Affixes {
            flag_type: FlagType::Char,
            aliases: Vec::new(),
            prefixes: HashMap::new(),
            suffixes: HashMap::new(),
            prefix_reach: 0,
        };
        let mut complex_prefixes = false;
        for line in aff.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["FLAG", kind, ..] => {
                    affixes.flag_type = match *kind {
                        "long" => FlagType::Long,
                        "UTF-8" => FlagType::Char,
                        _ => FlagType::Unread,
                    }
                }
                ["COMPLEXPREFIXES", ..] => complex_prefixes = true,
                // `AF count`, then `AF flags [# comment]`.
                ["AF", flags, ..]
                    if flags.parse::<u32>().is_err() || !affixes.aliases.is_empty() =>
                {
                    affixes.aliases.push((*flags).to_string());
                }
                // A table's header: `PFX|SFX flag Y|N count`.
                ["PFX" | "SFX", _, "Y" | "N", count] if count.parse::<u32>().is_ok() => {}
                // A rule: `PFX|SFX flag strip add[/flags] [condition …]`.
                [kind @ ("PFX" | "SFX"), flag, strip, add, ..] => {
                    let (add, continuation) = add.split_once('/').unwrap_or((add, ""));
                    let rule = Rule {
                        strip: if *strip == "0" { "" } else { strip }.to_string(),
                        add: if add == "0" { "" } else { add }.to_string(),
                        continuation: affixes.flags(continuation).unwrap_or_default(),
                    };
                    let table = if *kind == "PFX" {
                        &mut affixes.prefixes
                    } else {
                        &mut affixes.suffixes
                    };
                    table.entry((*flag).to_string()).or_default().push(rule);
                }
                _ => {}
            }
        }
        let longest = affixes
            .prefixes
            .values()
            .flatten()
            .map(|rule| rule.strip.chars().count())
            .max()
            .unwrap_or(0);
        affixes.prefix_reach = if complex_prefixes {
            2 * longest
        } else {
            longest
        };
        affixes
    }

    /// The flags of a flag field (an alias number or the flags
    /// themselves); `None` for a flag type this module does not read.
    fn flags(&self, field: &str) -> Option<Vec<String>> {
        let field = match field.parse::<usize>() {
            Ok(n) if n >= 1 && n <= self.aliases.len() => self.aliases[n - 1].as_str(),
            _ => field,
        };
        let chars: Vec<char> = field.chars().collect();
        match self.flag_type {
            FlagType::Char => Some(chars.iter().map(char::to_string).collect()),
            FlagType::Long if chars.len().is_multiple_of(2) => {
                Some(chars.chunks(2).map(|pair| pair.iter().collect()).collect())
            }
            FlagType::Long | FlagType::Unread => None,
        }
    }

    /// The core of the stem on a word list line (`stem[/flags]`): the
    /// letters no affix combination its flags allow can strip. `None` for
    /// a line the grouping cannot reason about.
    fn core<'l>(&self, line: &'l str) -> Option<&'l str> {
        // `/` at the start, an escape or a space (a morphological field)
        // are read by the checker's own rules.
        if line.starts_with('/') || line.contains(['\\', ' ', '\t']) || has_capitals(line) {
            return None;
        }
        let (stem, field) = line.split_once('/').unwrap_or((line, ""));
        let flags = self.flags(field)?;
        if flags.is_empty() {
            return Some(stem);
        }
        // Prefixes may allow suffixes, and a suffix allowed by a prefix may
        // be the outer one of two.
        let by_prefix: Vec<&String> = flags
            .iter()
            .filter_map(|flag| self.prefixes.get(flag))
            .flatten()
            .flat_map(|rule| &rule.continuation)
            .collect();
        let rules_of = |flags: &mut dyn Iterator<Item = &String>| -> Vec<&Rule> {
            flags
                .filter_map(|flag| self.suffixes.get(flag))
                .flatten()
                .collect()
        };
        let mut end_reach = 0;
        for inner in rules_of(&mut flags.iter().chain(by_prefix.iter().copied())) {
            let Some(kept) = stem.strip_suffix(inner.strip.as_str()) else {
                continue;
            };
            let stripped = inner.strip.chars().count();
            end_reach = end_reach.max(stripped);
            let middle = format!("{kept}{}", inner.add);
            let added = inner.add.chars().count();
            for outer in rules_of(&mut inner.continuation.iter().chain(by_prefix.iter().copied())) {
                if middle.ends_with(outer.strip.as_str()) {
                    let into_stem = outer.strip.chars().count().saturating_sub(added);
                    end_reach = end_reach.max(stripped + into_stem);
                }
            }
        }
        let letters = stem.chars().count();
        if self.prefix_reach + end_reach >= letters {
            return Some("");
        }
        let start = stem
            .char_indices()
            .nth(self.prefix_reach)
            .map_or(stem.len(), |(at, _)| at);
        let end = stem
            .char_indices()
            .nth(letters - end_reach)
            .map_or(stem.len(), |(at, _)| at);
        Some(&stem[start..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "\
FLAG long
AF 2
AF AaBb # 1
AF Cc # 2
PFX Aa Y 1
PFX Aa x y .
SFX Bb Y 2
SFX Bb 0 s/Cc .
SFX Bb e ing .
SFX Cc Y 1
SFX Cc ss 0 .
";

    fn cores(dic: &str) -> Vec<Option<String>> {
        let affixes = Affixes::read(AFF);
        dic.lines()
            .map(|line| affixes.core(line).map(str::to_string))
            .collect()
    }

    #[test]
    fn a_core_is_what_no_allowed_affix_strips() {
        assert_eq!(
            cores("walk\nwalk/1\nmake/1\nboss/1\nmess/2\nSmith/1\nae/1"),
            [
                // No flags: the stem itself.
                Some("walk"),
                // A prefix strips one letter; `s` strips none, and `ss`
                // is not at the end of `walks`.
                Some("alk"),
                // `ing` strips the `e`.
                Some("ak"),
                // `s`, then `ss`, which reaches one letter into the stem.
                Some("os"),
                // The flags of a suffix alone: `ss` strips two.
                Some("e"),
                // A cased stem is parsed up front.
                None,
                // Nothing is sure to be left.
                Some(""),
            ]
            .map(|c| c.map(str::to_string))
        );
    }

    #[test]
    fn every_stem_is_in_one_place() {
        let dic = "7\nwalk\nwalk/1\nmake/1\nboss/1\nae/1\nSmith/1\nwalking\n";
        let grouped = group(AFF, dic);
        assert_eq!(grouped.always, "2\nae/1\nSmith/1\n");
        let keys: Vec<&[u8]> = grouped.keys.iter().map(|(k, _)| k.as_slice()).collect();
        assert_eq!(keys, [b"ak" as &[u8], b"alk", b"os", b"wal"]);
        assert_eq!(grouped.starts.len(), grouped.keys.len() + 1);
        let group_of =
            |n: usize| &grouped.stems[grouped.starts[n] as usize..grouped.starts[n + 1] as usize];
        assert_eq!(group_of(0), "make/1\n");
        assert_eq!(group_of(3), "walk\nwalking\n");
    }

    #[test]
    fn a_word_names_the_groups_of_its_runs_of_letters() {
        let mut keys = Vec::new();
        for_each_key("قطاع", |key| keys.push(key.to_string()));
        assert_eq!(keys, ["ق", "قط", "قطا", "ط", "طا", "طاع", "ا", "اع", "ع"]);
    }
}
