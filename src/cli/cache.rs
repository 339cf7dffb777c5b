//! The result cache: a second run over an unchanged tree reads each file's
//! rendered output back instead of checking it again, as ruff and cspell
//! do.
//!
//! An entry is keyed on everything the output depends on: the file's path
//! (reports name it, and configuration globs match it) and content, and a
//! fingerprint of the run: factlint's version and the binary itself (size
//! and modification time, so that a rebuild with other bundled packs or
//! other checks never reads old entries), the content of every pack file
//! given with `--rules` or by the configuration, the configuration file,
//! and every option that changes the output. A change to any of them
//! changes the key, so a stale result is never served; old entries are
//! simply no longer read (delete the folder to reclaim the space).
//!
//! Entries live under `.factlint_cache/` in the configuration's folder (or
//! the current folder when there is none), or under `--cache-dir` or
//! `FACTLINT_CACHE_DIR`; the folder holds a `.gitignore` and a
//! `CACHEDIR.TAG` so that it is never committed or backed up. Only files
//! that were checked are cached: not standard input, JSONL records, files
//! that could not be read, or runs with `--fix`. Entries are written only
//! when every pack loaded, so a hit never hides a broken pack.
//!
//! All the entries of one fingerprint are one file, `v2/<fingerprint>`,
//! read whole when the run starts. A run writes the entries it makes to a
//! new file as it goes, adds the stored entries it used when it ends, and
//! puts that file in place of the old one ([`Cache::finish`]): entries of
//! deleted or changed files go, and a run that stops early leaves the old
//! file as it was. A run that used every stored entry and made none (a
//! second run over an unchanged tree) leaves the file alone: rewriting it
//! was more than a third of such a run's wall time over 2,000 articles.
//! A file per entry, as before, cost a run over an unchanged tree of
//! 20,000 articles five system calls per article, most of its time, and
//! 4 KB of disk per entry.
//!
//! The file: [`MAGIC`], then per entry its key (16 bytes, little-endian),
//! two lengths (4 bytes each), the JSON of its [`Rendered`] output without
//! the text, and the text as it is: the text is most of an entry, and as a
//! JSON string its own JSON would be escaped throughout. A file cut short
//! (a disk that filled) is read up to its last whole entry.

use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use siphasher::sip128::{Hasher128, SipHasher13};

use factlint::report::Rendered;

/// Bump when the file format changes.
const LAYOUT: &str = "v2";

/// The first bytes of a cache file.
const MAGIC: &[u8; 8] = b"factlc3\n";

/// An open cache for one run.
pub(crate) struct Cache {
    /// Where this fingerprint's entries are kept.
    path: PathBuf,
    run: u128,
    /// The entries the last run with this fingerprint kept, as read.
    stored: Vec<u8>,
    /// Each stored entry's key and where its two parts lie in `stored`.
    index: Index,
    /// The folder of the cache files, where a new one is made.
    folder: PathBuf,
    /// This run's new entries, written as they come.
    next: Mutex<Next>,
    /// The keys of the stored entries this run used: they are in memory,
    /// and go into the new file when the run ends.
    used: Mutex<Vec<u128>>,
}

/// The file of a run's entries.
enum Next {
    /// None made yet: the run has made no entry.
    NotMade,
    /// Being written.
    Open(BufWriter<tempfile::NamedTempFile>),
    /// A write failed: the old file stays.
    Failed,
}

/// Entry keys and where each one's JSON and text lie.
type Index = HashMap<u128, Stored, rustc_hash::FxBuildHasher>;

/// Where an entry's parts lie in a cache file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stored {
    json: (usize, usize),
    text: (usize, usize),
}

/// Builds the run's fingerprint from labelled parts.
#[derive(Default)]
pub(crate) struct Fingerprint(SipHasher13);

impl Fingerprint {
    /// Adds a labelled value.
    pub(crate) fn add(&mut self, label: &str, value: &[u8]) {
        self.0.write(label.as_bytes());
        self.0.write_u64(value.len() as u64);
        self.0.write(value);
    }

    /// Adds a file or every file under a folder (in sorted order); a path
    /// that cannot be read adds its error, so that it still counts.
    pub(crate) fn add_path(&mut self, path: &Path) {
        let mut files = Vec::new();
        if path.is_dir() {
            for entry in ignore::WalkBuilder::new(path)
                .standard_filters(false)
                .build()
                .flatten()
            {
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    files.push(entry.into_path());
                }
            }
            files.sort();
        } else {
            files.push(path.to_path_buf());
        }
        for file in files {
            self.add("path", file.display().to_string().as_bytes());
            match std::fs::read(&file) {
                Ok(bytes) => self.add("content", &bytes),
                Err(err) => self.add("error", err.to_string().as_bytes()),
            }
        }
    }
}

impl Cache {
    /// Opens (creating) the cache folder for a run and reads the entries of
    /// its fingerprint; `None` when the folder cannot be created, and the
    /// run goes on uncached.
    pub(crate) fn open(dir: PathBuf, mut fingerprint: Fingerprint) -> Option<Cache> {
        fingerprint.add("build", factlint::cache_dir::build_identity().as_bytes());
        factlint::cache_dir::prepare(&dir).ok()?;
        let folder = dir.join(LAYOUT);
        std::fs::create_dir_all(&folder).ok()?;
        // The layout before this one, a file per entry, is never read
        // again: it goes, rather than hold 4 KB of disk per entry forever.
        let _ = std::fs::remove_dir_all(dir.join("v1"));
        remove_abandoned(&folder);
        let run = fingerprint.0.finish128().as_u128();
        let path = folder.join(format!("{run:032x}"));
        let stored = std::fs::read(&path).unwrap_or_default();
        let index = read_index(&stored);
        Some(Cache {
            path,
            run,
            stored,
            index,
            folder,
            next: Mutex::new(Next::NotMade),
            used: Mutex::default(),
        })
    }

    /// The key of a file's entry: its name and its bytes as read.
    pub(crate) fn key(&self, path: &str, bytes: &[u8]) -> u128 {
        let mut hasher = Fingerprint::default();
        hasher.add("run", &self.run.to_le_bytes());
        hasher.add("path", path.as_bytes());
        hasher.add("bytes", bytes);
        hasher.0.finish128().as_u128()
    }

    /// The stored output of a file, if any; it is kept for the next run.
    pub(crate) fn get(&self, key: u128) -> Option<Rendered> {
        let stored = *self.index.get(&key)?;
        let json = &self.stored[stored.json.0..stored.json.1];
        let text = &self.stored[stored.text.0..stored.text.1];
        let mut rendered: Rendered = serde_json::from_slice(json).ok()?;
        rendered.text = std::str::from_utf8(text).ok()?.to_string();
        self.used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(key);
        Some(rendered)
    }

    /// Stores a file's output for the next run.
    pub(crate) fn put(&self, key: u128, rendered: &Rendered) {
        // Every field but the text, which goes as it is.
        let without_text = Rendered {
            path: rendered.path.clone(),
            text: String::new(),
            error: rendered.error.clone(),
            summary: rendered.summary,
            codes: rendered.codes.clone(),
        };
        if let Ok(json) = serde_json::to_vec(&without_text) {
            self.keep(key, &json, rendered.text.as_bytes());
        }
    }

    /// Writes one new entry to this run's file, made at the first one.
    fn keep(&self, key: u128, json: &[u8], text: &[u8]) {
        let Some(head) = entry_head(key, json, text) else {
            return;
        };
        let mut next = self
            .next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(*next, Next::NotMade) {
            *next = made(&self.folder);
        }
        if let Next::Open(file) = &mut *next
            && write_entry(file, &head, json, text).is_err()
        {
            // A half-written entry would be read as garbage: drop the file.
            *next = Next::Failed;
        }
    }

    /// Puts this run's entries, the new ones and the stored ones it used,
    /// in place of the old ones (atomically; a failure only costs misses
    /// next time). A run that used every stored entry and made none leaves
    /// the file as it is.
    pub(crate) fn finish(self) {
        let mut used = self
            .used
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        used.sort_unstable();
        used.dedup();
        let mut next = self
            .next
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(next, Next::NotMade) {
            if used.len() == self.index.len() {
                return;
            }
            next = made(&self.folder);
        }
        let Next::Open(mut file) = next else { return };
        for key in used {
            let Stored { json, text } = self.index[&key];
            let (json, text) = (&self.stored[json.0..json.1], &self.stored[text.0..text.1]);
            let written = entry_head(key, json, text)
                .is_some_and(|head| write_entry(&mut file, &head, json, text).is_ok());
            if !written {
                return;
            }
        }
        if let Ok(file) = file.into_inner() {
            let _ = file.persist(&self.path);
        }
    }
}

/// A new file for a run's entries, its magic written.
fn made(folder: &Path) -> Next {
    tempfile::NamedTempFile::new_in(folder)
        .ok()
        .map(BufWriter::new)
        .and_then(|mut file| file.write_all(MAGIC).is_ok().then_some(file))
        .map_or(Next::Failed, Next::Open)
}

/// The bytes before an entry's parts: its key and the lengths of its two
/// parts; `None` when a part is 4 GiB or more (such an entry is not kept).
fn entry_head(key: u128, json: &[u8], text: &[u8]) -> Option<[u8; HEAD]> {
    let json_len = u32::try_from(json.len()).ok()?;
    let text_len = u32::try_from(text.len()).ok()?;
    let mut head = [0; HEAD];
    head[..16].copy_from_slice(&key.to_le_bytes());
    head[16..20].copy_from_slice(&json_len.to_le_bytes());
    head[20..].copy_from_slice(&text_len.to_le_bytes());
    Some(head)
}

/// Writes one entry: its head ([`entry_head`]) and its two parts.
fn write_entry(
    file: &mut impl Write,
    head: &[u8; HEAD],
    json: &[u8],
    text: &[u8],
) -> std::io::Result<()> {
    file.write_all(head)?;
    file.write_all(json)?;
    file.write_all(text)
}

/// How old a run's unfinished file must be to count as abandoned: no run
/// over a tree takes this long.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Removes the unfinished files of runs that were killed before they could
/// put theirs in place (a run that fails otherwise removes its own).
fn remove_abandoned(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let unfinished = entry.file_name().to_string_lossy().starts_with(".tmp");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > ABANDONED));
        if unfinished && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Where each entry of a cache file lies. A file that does not start with
/// [`MAGIC`] holds none; one cut short holds its whole entries.
fn read_index(stored: &[u8]) -> Index {
    let mut index = Index::default();
    if !stored.starts_with(MAGIC) {
        return index;
    }
    let mut at = MAGIC.len();
    let number = |at: usize| u32::from_le_bytes(stored[at..at + 4].try_into().expect("4 bytes"));
    while stored.len() - at >= HEAD {
        let key = u128::from_le_bytes(stored[at..at + 16].try_into().expect("16 bytes"));
        let json = number(at + 16) as usize;
        let text = number(at + 20) as usize;
        let start = at + HEAD;
        if stored.len() - start < json + text {
            break;
        }
        index.insert(
            key,
            Stored {
                json: (start, start + json),
                text: (start + json, start + json + text),
            },
        );
        at = start + json + text;
    }
    index
}

/// The bytes before an entry's JSON: its key and two lengths.
const HEAD: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: u128, json: &[u8], text: &[u8]) -> Vec<u8> {
        let mut bytes = key.to_le_bytes().to_vec();
        bytes.extend((json.len() as u32).to_le_bytes());
        bytes.extend((text.len() as u32).to_le_bytes());
        bytes.extend(json);
        bytes.extend(text);
        bytes
    }

    #[test]
    fn an_index_finds_every_whole_entry() {
        let mut file = MAGIC.to_vec();
        file.extend(entry(7, b"{}", b""));
        file.extend(entry(9, b"[1,2]", b"text"));
        let index = read_index(&file);
        assert_eq!(index.len(), 2);
        let Stored { json, text } = index[&9];
        assert_eq!(&file[json.0..json.1], b"[1,2]");
        assert_eq!(&file[text.0..text.1], b"text");
        // Cut inside the last entry: the first is still read.
        let cut = read_index(&file[..file.len() - 2]);
        assert_eq!(cut.len(), 1);
        assert!(cut.contains_key(&7));
        // Not a cache file.
        assert!(read_index(b"{\"text\": 1}").is_empty());
        assert!(read_index(b"").is_empty());
    }

    /// A second run over an unchanged tree (every stored entry used, none
    /// made) neither rewrites the file nor leaves a new one behind.
    #[test]
    fn an_unchanged_run_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let open = || Cache::open(dir.path().to_path_buf(), Fingerprint::default()).unwrap();
        let rendered = Rendered {
            path: "a.txt".into(),
            text: "A".into(),
            ..Default::default()
        };
        let first = open();
        let key = first.key("a.txt", b"one");
        first.put(key, &rendered);
        let path = first.path.clone();
        first.finish();
        let long_ago = std::time::SystemTime::now() - 2 * ABANDONED;
        let set_long_ago = || {
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap()
        };
        set_long_ago();
        let second = open();
        assert_eq!(second.get(key).unwrap().text, "A");
        second.finish();
        let modified = || std::fs::metadata(&path).unwrap().modified().unwrap();
        assert_eq!(modified(), long_ago);
        let files = std::fs::read_dir(dir.path().join(LAYOUT)).unwrap().count();
        assert_eq!(files, 1);
        // A run that makes an entry rewrites the file, with the entry it
        // used.
        let third = open();
        assert_eq!(third.get(key).unwrap().text, "A");
        third.put(third.key("b.txt", b"two"), &rendered);
        third.finish();
        assert_ne!(modified(), long_ago);
        let fourth = open();
        assert!(fourth.get(key).is_some());
        assert!(fourth.get(fourth.key("b.txt", b"two")).is_some());
        fourth.finish();
        // So does a run that leaves a stored entry unused: it goes.
        set_long_ago();
        let fifth = open();
        assert!(fifth.get(key).is_some());
        fifth.finish();
        assert_ne!(modified(), long_ago);
        let sixth = open();
        assert!(sixth.get(key).is_some());
        assert!(sixth.get(sixth.key("b.txt", b"two")).is_none());
    }

    #[test]
    fn a_run_keeps_what_it_used_and_made() {
        let dir = tempfile::tempdir().unwrap();
        let rendered = |text: &str| Rendered {
            path: "a.txt".into(),
            text: text.into(),
            error: Some("an \"error\"".into()),
            ..Default::default()
        };
        let open = || Cache::open(dir.path().to_path_buf(), Fingerprint::default()).unwrap();
        // An entry of the layout before goes.
        let old_entry = dir.path().join("v1/ab/cdef");
        std::fs::create_dir_all(old_entry.parent().unwrap()).unwrap();
        std::fs::write(&old_entry, "{}").unwrap();
        let first = open();
        assert!(!dir.path().join("v1").exists());
        let (a, b) = (first.key("a.txt", b"one"), first.key("b.txt", b"two"));
        assert!(first.get(a).is_none());
        first.put(a, &rendered("A"));
        first.put(b, &rendered("B"));
        // Not in place before the run ends.
        assert!(open().get(a).is_none());
        first.finish();
        let second = open();
        let hit = second.get(a).unwrap();
        assert_eq!((hit.path.as_str(), hit.text.as_str()), ("a.txt", "A"));
        assert_eq!(hit.error.as_deref(), Some("an \"error\""));
        second.finish();
        // The second run used only `a`: `b` is gone.
        let third = open();
        assert_eq!(third.get(a).unwrap().text, "A");
        assert!(third.get(b).is_none());
        // A run that ends without finishing leaves the file as it was.
        drop(third);
        assert!(open().get(a).is_some());
        // A killed run's file goes once it is old; a running one's stays.
        let folder = dir.path().join(LAYOUT);
        let (killed, running) = (folder.join(".tmpKILLED"), folder.join(".tmpRUNNING"));
        std::fs::write(&killed, MAGIC).unwrap();
        std::fs::write(&running, MAGIC).unwrap();
        let long_ago = std::time::SystemTime::now() - 2 * ABANDONED;
        std::fs::File::options()
            .write(true)
            .open(&killed)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        drop(open());
        assert!(!killed.exists());
        assert!(running.exists());
    }
}
