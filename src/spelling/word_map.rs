//! A hash table from words to small numbers, written by `build.rs` and read
//! in place from the binary: the word frequency lists and the Arabic
//! confusion shapes. Shared with `build.rs`, which writes the tables with
//! [`write()`].
//!
//! Every word of an article is looked up in a frequency list, most of them
//! more than once, and almost all of them are found. A finite-state map
//! (the `fst` crate, which these lists were before) keeps a list small,
//! but a lookup decodes one node per byte of the key: about 1,700
//! instructions for an Arabic word, 5% of a whole Arabic run. Here a
//! lookup hashes the key once and compares it with the few entries of its
//! bucket.
//!
//! Layout, all numbers little-endian:
//! - `u32`: the number of buckets, a power of two;
//! - one `u32` per bucket and one more: where each bucket's entries start
//!   in the entry bytes (the last is their length);
//! - the entries, bucket by bucket: the key's length (one byte), the key,
//!   and its value (`u32`).

/// The hash that places a key in its bucket. It is written here rather than
/// taken from a hashing crate so that the table `build.rs` writes and the
/// binary that reads it agree whatever the platform or a crate's version:
/// a multiply-rotate over the key's eight-byte words (the scheme of
/// `rustc-hash`), whose top bits pick the bucket.
pub fn hash(key: &[u8]) -> u64 {
    const SEED: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (key.len() as u64).wrapping_mul(SEED);
    let mut words = key.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(SEED).rotate_left(26);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(last))
            .wrapping_mul(SEED)
            .rotate_left(26);
    }
    h.wrapping_mul(SEED)
}

/// The table of `entries` (distinct keys of at most 255 bytes), in the
/// layout of the module documentation, with two to four entries per bucket,
/// which usually share a cache line. Measured on the Arabic corpus, a
/// lookup's time is reading its entries from memory: eight per bucket
/// cost no more time and one or two no less, while the bucket offsets
/// grow the table (every page a lookup touches counts in a run's memory).
#[allow(dead_code)] // `build.rs` writes; the binary only reads.
pub fn write(entries: &[(Vec<u8>, u32)]) -> Vec<u8> {
    let buckets = (entries.len() / 4).next_power_of_two().max(1);
    let bits = buckets.trailing_zeros();
    let mut by_bucket: Vec<Vec<&(Vec<u8>, u32)>> = vec![Vec::new(); buckets];
    for entry in entries {
        by_bucket[bucket_of(hash(&entry.0), bits)].push(entry);
    }
    let mut offsets = Vec::with_capacity(buckets + 1);
    let mut bytes = Vec::new();
    for bucket in &by_bucket {
        offsets.push(u32::try_from(bytes.len()).expect("entries under 4 GiB"));
        for (key, value) in bucket {
            bytes.push(u8::try_from(key.len()).expect("a key of at most 255 bytes"));
            bytes.extend_from_slice(key);
            bytes.extend_from_slice(&value.to_le_bytes());
        }
    }
    offsets.push(u32::try_from(bytes.len()).expect("entries under 4 GiB"));
    let mut table = Vec::with_capacity(4 + offsets.len() * 4 + bytes.len());
    table.extend_from_slice(&(buckets as u32).to_le_bytes());
    for offset in offsets {
        table.extend_from_slice(&offset.to_le_bytes());
    }
    table.extend_from_slice(&bytes);
    table
}

/// The bucket of a hash in a table of `2^bits` buckets: the hash's top bits,
/// the best mixed ones of a multiplicative hash.
fn bucket_of(hash: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (hash >> (64 - bits)) as usize
    }
}

/// A table [`write()`] wrote, read in place.
#[derive(Clone, Copy)]
#[allow(dead_code)] // `build.rs` writes; the binary only reads.
pub struct WordMap {
    bits: u32,
    offsets: &'static [u8],
    entries: &'static [u8],
}

#[allow(dead_code)] // `build.rs` writes; the binary only reads.
impl WordMap {
    /// Reads the table in `bytes`; `None` when their header does not fit
    /// them. Nothing else is read: the table is the binary's own, and a
    /// start-up must not page it all in. (A damaged entry would make a
    /// lookup panic on a bounds check, never read past the bytes.)
    pub fn new(bytes: &'static [u8]) -> Option<WordMap> {
        let buckets = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        if !buckets.is_power_of_two() {
            return None;
        }
        let offsets = bytes.get(4..4 + (buckets + 1) * 4)?;
        let entries = &bytes[4 + (buckets + 1) * 4..];
        let map = WordMap {
            bits: buckets.trailing_zeros(),
            offsets,
            entries,
        };
        (map.offset(buckets) == entries.len()).then_some(map)
    }

    /// Where bucket `bucket`'s entries start.
    fn offset(&self, bucket: usize) -> usize {
        let at = bucket * 4;
        u32::from_le_bytes(self.offsets[at..at + 4].try_into().expect("four bytes")) as usize
    }

    /// The value of `key`, if the table holds it.
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        let bucket = bucket_of(hash(key), self.bits);
        let (mut at, end) = (self.offset(bucket), self.offset(bucket + 1));
        while at < end {
            let len = usize::from(self.entries[at]);
            let found = &self.entries[at + 1..at + 1 + len];
            let value_at = at + 1 + len;
            if found == key {
                let value = &self.entries[value_at..value_at + 4];
                return Some(u32::from_le_bytes(value.try_into().expect("four bytes")));
            }
            at = value_at + 4;
        }
        None
    }

    /// Whether the table holds `key`.
    pub fn contains(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }

    /// How many entries the table holds, counted by reading them all (for
    /// tests and debugging output).
    pub fn len(&self) -> usize {
        let mut at = 0;
        let mut len = 0;
        while at < self.entries.len() {
            at += 1 + usize::from(self.entries[at]) + 4;
            len += 1;
        }
        len
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(entries: &[(&str, u32)]) -> WordMap {
        let entries: Vec<(Vec<u8>, u32)> = entries
            .iter()
            .map(|(k, v)| (k.as_bytes().to_vec(), *v))
            .collect();
        WordMap::new(Box::leak(write(&entries).into_boxed_slice())).expect("a valid table")
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        let words: Vec<(String, u32)> = (0..5000).map(|i| (format!("w{i}"), i * 7)).collect();
        let entries: Vec<(&str, u32)> = words.iter().map(|(w, v)| (w.as_str(), *v)).collect();
        let map = table(&entries);
        assert_eq!(map.len(), 5000);
        for (word, value) in &entries {
            assert_eq!(map.get(word.as_bytes()), Some(*value), "{word}");
        }
        for missing in ["", "w", "w5000", "w12345678901234567890", "x1"] {
            assert_eq!(map.get(missing.as_bytes()), None, "{missing}");
        }
    }

    #[test]
    fn empty_keys_long_keys_and_an_empty_table() {
        let long = "ب".repeat(100);
        let map = table(&[("", 1), (&long, 2)]);
        assert_eq!(map.get(b""), Some(1));
        assert_eq!(map.get(long.as_bytes()), Some(2));
        assert!(!map.contains(&long.as_bytes()[..198]));
        let empty = table(&[]);
        assert!(empty.is_empty());
        assert_eq!(empty.get(b"a"), None);
    }

    #[test]
    fn rejects_bytes_that_are_not_a_table() {
        assert!(WordMap::new(b"").is_none());
        assert!(WordMap::new(&[3, 0, 0, 0]).is_none());
        // One bucket, its offsets cut short.
        assert!(WordMap::new(&[1, 0, 0, 0, 0, 0, 0, 0]).is_none());
        // One bucket whose entries end past the bytes.
        assert!(WordMap::new(&[1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 5, b'a']).is_none());
    }

    /// The hash depends on every byte and on the length, and is the same
    /// number on every platform (a table written on one machine is read on
    /// another).
    #[test]
    fn the_hash_is_fixed() {
        assert_ne!(hash(b"ab"), hash(b"ba"));
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b"12345678"), hash(b"12345679"));
        assert_eq!(hash(b""), 0);
        // Worked out from the definition outside Rust (two words, the
        // second padded with zeros).
        assert_eq!(hash(b"abcdefghij"), 0xf5f8_bb05_b35e_301a);
    }
}
