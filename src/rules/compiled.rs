//! The bundled CSV typo lists as `build.rs` compiled them: each row's place
//! in the CSV text and a finite-state map from each typo, lower-cased, to
//! its row, read in place from the binary.
//!
//! The English list has 88,000 rows. Scanning them at start-up to find the
//! rows, then hashing every typo into the ASCII typo table, took most of a
//! one-article English run (and megabytes); with the compiled list, loading
//! copies a row index and a lookup walks the map. The rows and their
//! `Target::Typo` indices are the ones the run-time reader would give
//! (`rules::load::defer`), and a test below checks that they are.

/// One compiled list: see the module documentation.
#[derive(Debug)]
pub struct CompiledTypoList {
    /// The list's path in the repository (as in `BUNDLED_FILES`).
    pub path: &'static str,
    /// Each row's byte offset and line number, `u32` little-endian pairs.
    rows: &'static [u8],
    /// The finite-state map, typo (lower-cased) → row.
    keys: &'static [u8],
    /// A Bloom filter of the map's keys, `u64` little-endian words.
    filter: &'static [u8],
    /// The longest typo, in bytes.
    pub longest: usize,
}

include!(concat!(env!("OUT_DIR"), "/typo_lists.rs"));

impl CompiledTypoList {
    /// The compiled form of the bundled list reported as `name` (see
    /// [`super::bundled::display_name`]), when `build.rs` could compile it
    /// and `text` is that list's text.
    pub fn of(name: &str, text: &str) -> Option<&'static CompiledTypoList> {
        let compiled = COMPILED_TYPO_LISTS
            .iter()
            .find(|c| super::bundled::display_name(c.path) == name)?;
        let path = compiled.path;
        let bundled = super::bundled::BUNDLED_FILES
            .iter()
            .find(|(p, _)| *p == path)?
            .1;
        (text == bundled).then_some(compiled)
    }

    /// Each row's `(byte offset, line number)`.
    pub fn rows(&self) -> Vec<(u32, u32)> {
        self.rows
            .chunks_exact(8)
            .map(|pair| {
                let word = |at: usize| {
                    u32::from_le_bytes(pair[at..at + 4].try_into().expect("four bytes"))
                };
                (word(0), word(4))
            })
            .collect()
    }

    /// The map from typo to row.
    pub fn keys(&self) -> fst::Map<&'static [u8]> {
        fst::Map::new(self.keys).expect("build.rs writes a valid map")
    }

    /// A filter that answers "not a key" for almost every word that is not
    /// one, in a hash and a few bit tests: nearly every word of an article
    /// is looked up, and a walk of the map costs several times that. A key
    /// is never turned away (the test below checks each one).
    pub fn filter(&self) -> fastbloom::BloomFilter {
        let words = self
            .filter
            .chunks_exact(8)
            .map(|word| u64::from_le_bytes(word.try_into().expect("eight bytes")))
            .collect();
        fastbloom::BloomFilter::from_vec(words)
            .seed(&FILTER_SEED)
            .hashes(FILTER_HASHES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every compiled list has the rows the run-time reader finds, and its
    /// map sends each row's typo, normalised as the typo table would, to
    /// that row.
    #[test]
    fn compiled_lists_match_their_rows() {
        assert!(!COMPILED_TYPO_LISTS.is_empty(), "the English list compiles");
        for compiled in COMPILED_TYPO_LISTS {
            let text = super::super::bundled::BUNDLED_FILES
                .iter()
                .find(|(p, _)| *p == compiled.path)
                .expect("a bundled file")
                .1;
            let name = super::super::bundled::display_name(compiled.path);
            assert!(CompiledTypoList::of(&name, text).is_some());
            assert!(CompiledTypoList::of(&name, "typo,correction\n").is_none());
            assert!(CompiledTypoList::of(compiled.path, text).is_none());
            let rows = compiled.rows();
            let keys = compiled.keys();
            assert_eq!(rows.len(), keys.len());
            let lines: Vec<&str> = text.lines().collect();
            let mut offset = 0;
            let mut expected = Vec::new();
            for (number, line) in text.split_inclusive('\n').enumerate() {
                if number > 0 {
                    expected.push((offset as u32, number as u32 + 1));
                }
                offset += line.len();
            }
            assert_eq!(rows, expected);
            let mut longest = 0;
            for (row, &(_, line)) in rows.iter().enumerate() {
                let typo = lines[line as usize - 1].split(',').next().unwrap().trim();
                let key = crate::text::normalize_pattern(typo);
                assert_eq!(keys.get(&key), Some(row as u64), "{typo}");
                assert_eq!(super::super::RuleSet::typo_table_of(typo), Some(0));
                longest = longest.max(key.len());
            }
            assert_eq!(compiled.longest, longest);
        }
    }

    /// A compiled list's filter lets every key through and turns away
    /// nearly every English word that is not a key (the words of the
    /// English frequency list, as the typo table looks them up).
    #[test]
    fn filters_pass_every_key_and_few_other_words() {
        let english = include_str!("../../rules/spelling/en-freq.txt");
        for compiled in COMPILED_TYPO_LISTS {
            let filter = compiled.filter();
            let keys = compiled.keys();
            let mut stream = keys.stream();
            use fst::Streamer;
            while let Some((key, _)) = stream.next() {
                let key = std::str::from_utf8(key).expect("UTF-8 keys");
                assert!(filter.contains(key), "{key}");
            }
            let (mut others, mut passed) = (0, 0);
            for word in crate::spelling::parse_frequencies(english, 40_000)
                .into_keys()
                .map(crate::text::normalize_pattern)
                .filter(|w| keys.get(w).is_none())
            {
                others += 1;
                passed += usize::from(filter.contains(word.as_str()));
            }
            assert!(others > 10_000, "{others} words tried");
            assert!(passed * 100 <= others, "{passed} of {others} passed");
        }
    }
}
