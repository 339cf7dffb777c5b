//! A newsroom's own packs, parsed once: the validated [`Pack`] a pack file
//! makes is kept on disk and read back while neither the file nor the
//! build changes.
//!
//! The bundled packs are compiled at development time (see
//! [`super::precompiled`]); a pack given with `--rules` or by the
//! configuration is only known at run time. Parsing YAML is most of what
//! such a pack costs: a 10,000-typo pack took about 430 M instructions to
//! parse and validate, five times a whole one-article run, where reading
//! its validated data back as JSON takes a small part of that. The command
//! line passes its cache folder (`.factlint_cache/`, `--cache-dir`,
//! `FACTLINT_CACHE_DIR`; `--no-cache` turns the cache off) in
//! [`super::RuleSources::pack_cache`].
//!
//! An entry is `packs/<path>-<key>.json` in the cache folder, where
//! `<path>` is a hash of the pack's file name and `<key>` a hash of the
//! build (see [`crate::cache_dir::build_identity`]), the file name and the
//! pack's text. It holds the files the pack read beside it (CSV typo lists)
//! with a hash of each, checked on every read, and the pack. Only a pack
//! that loaded without error is stored, so a broken pack is parsed, and
//! reported, on every run. An entry that cannot be read or does not parse
//! is ignored and the pack parsed again: a damaged cache costs time, never
//! a wrong answer. Writing an entry replaces the older entries of the same
//! file name, so the folder holds one per pack file (and build).

use std::cell::RefCell;
use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

use super::error::PackError;
use super::load::{parse_pack_with, read_beside};
use super::model::Pack;

/// The entries' folder under the cache folder; bump when the entry layout
/// changes.
const FOLDER: &str = "packs-v1";

/// A stored pack: the files it read beside it, and its data.
#[derive(Serialize, Deserialize)]
struct Entry<P> {
    siblings: Vec<Sibling>,
    pack: P,
}

/// A file a pack read beside it, as the pack names it, and a hash of its
/// text then.
#[derive(Serialize, Deserialize)]
struct Sibling {
    name: String,
    hash: String,
}

/// The pack that the YAML `text` of the file `file` makes, read from the
/// cache under `cache` when an entry for exactly this text, file name and
/// build is there and the files it read are unchanged; otherwise parsed,
/// and stored when it is valid.
pub fn parse_cached(cache: &Path, file: &str, text: Arc<str>) -> Result<Pack, Vec<PackError>> {
    let entry_path = entry_path(cache, file, &text);
    if let Some(pack) = read_entry(&entry_path, file) {
        return Ok(pack);
    }
    let siblings = RefCell::new(Vec::new());
    let read = |name: &str| {
        let found = read_beside(file, name)?;
        siblings.borrow_mut().push(Sibling {
            name: name.to_string(),
            hash: hash(found.1.as_bytes()),
        });
        Ok(found)
    };
    let pack = parse_pack_with(file, text, false, &read)?;
    write_entry(
        cache,
        &entry_path,
        &Entry {
            siblings: siblings.into_inner(),
            pack: &pack,
        },
    );
    Ok(pack)
}

/// Where the entry for pack file `file` with YAML `text` lives.
fn entry_path(cache: &Path, file: &str, text: &str) -> PathBuf {
    let mut key = SipHasher13::new();
    for part in [crate::cache_dir::build_identity().as_str(), file, text] {
        key.write_usize(part.len());
        key.write(part.as_bytes());
    }
    cache.join(FOLDER).join(format!(
        "{}-{:032x}.json",
        name_tag(file),
        key.finish128().as_u128()
    ))
}

/// The part of an entry's name that depends on the pack's file name
/// alone, shared by all of that file's entries.
fn name_tag(file: &str) -> String {
    let mut tag = SipHasher13::new();
    tag.write(file.as_bytes());
    format!("{:016x}", tag.finish())
}

/// A hash of a file's text, long enough that a changed file never matches.
fn hash(bytes: &[u8]) -> String {
    let mut hasher = SipHasher13::new();
    hasher.write(bytes);
    format!("{}-{:032x}", bytes.len(), hasher.finish128().as_u128())
}

/// The stored pack at `path`, if there is one, it reads back, and every
/// file it read beside `file` still has the text it had.
fn read_entry(path: &Path, file: &str) -> Option<Pack> {
    // Read as text and parsed from it: the bytes are checked as UTF-8 once,
    // where `from_slice` checks every string again (a fifth of the read).
    let text = std::fs::read_to_string(path).ok()?;
    let entry: Entry<Pack> = serde_json::from_str(&text).ok()?;
    for sibling in &entry.siblings {
        let (_, text) = read_beside(file, &sibling.name).ok()?;
        if hash(text.as_bytes()) != sibling.hash {
            return None;
        }
    }
    let mut pack = entry.pack;
    pack.info.counts = pack.data.counts();
    Some(pack)
}

/// Stores an entry at `path` (written to a temporary file and moved in
/// place, so that a reader never sees half an entry) and removes the other
/// entries of the same pack file. The cache is an optimisation: a folder
/// that cannot be written leaves the run as it was.
fn write_entry(cache: &Path, path: &Path, entry: &Entry<&Pack>) {
    let Some(folder) = path.parent() else { return };
    if crate::cache_dir::prepare(cache).is_err() || std::fs::create_dir_all(folder).is_err() {
        return;
    }
    let Ok(mut temporary) = tempfile::NamedTempFile::new_in(folder) else {
        return;
    };
    if serde_json::to_writer(std::io::BufWriter::new(&mut temporary), entry).is_err()
        || temporary.flush().is_err()
        || temporary.persist(path).is_err()
    {
        return;
    }
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Some((tag, _)) = name.split_once('-') else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for other in entries.flatten() {
        let other_name = other.file_name();
        let other_name = other_name.to_string_lossy();
        if other_name != name
            && other_name.ends_with(".json")
            && other_name.split_once('-').is_some_and(|(t, _)| t == tag)
        {
            let _ = std::fs::remove_file(other.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = "pack: house\n\
typos:\n  - { id: gov, find: goverment, replace: government }\n\
typo_lists:\n  - { file: list.csv, lang: en }\n\
accept:\n  - Wich\n  - ال[دذ]وسري\n";

    /// A pack folder with the pack and its CSV list, and a cache folder.
    fn setup() -> (tempfile::TempDir, String, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("house.yaml");
        std::fs::write(&file, PACK).unwrap();
        std::fs::write(
            dir.path().join("list.csv"),
            "typo,correction\nrecieve,receive\n",
        )
        .unwrap();
        let cache = dir.path().join("cache");
        (dir, file.display().to_string(), cache)
    }

    fn json(pack: &Pack) -> String {
        serde_json::to_string(pack).unwrap()
    }

    fn entries(cache: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(cache.join(FOLDER))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn a_cached_pack_is_the_parsed_pack() {
        let (_dir, file, cache) = setup();
        let fresh = super::super::load::parse_pack(&file, Arc::from(PACK), false).unwrap();
        let first = parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        assert_eq!(entries(&cache).len(), 1);
        let entry = cache.join(FOLDER).join(&entries(&cache)[0]);
        let stored = std::fs::read_to_string(&entry).unwrap();
        assert!(stored.contains("recieve"), "the CSV list is stored");
        let second = parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        for pack in [&first, &second] {
            assert_eq!(json(pack), json(&fresh));
            assert_eq!(pack.info.counts, fresh.info.counts);
            assert!(pack.data.accept.accepts("wich"));
            assert!(pack.data.accept.accepts("الذوسري"));
        }
        // The second read came from the entry: a stored pack marked as
        // such is read back as stored.
        let marked = stored.replace("\"house\"", "\"from-the-cache\"");
        std::fs::write(&entry, marked).unwrap();
        let third = parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        assert_eq!(third.info.name, "from-the-cache");
    }

    #[test]
    fn a_changed_list_or_pack_is_parsed_again() {
        let (dir, file, cache) = setup();
        parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        std::fs::write(
            dir.path().join("list.csv"),
            "typo,correction\nrecieve,receive\nteh,the\n",
        )
        .unwrap();
        let pack = parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        assert!(pack.data.typos.iter().any(|t| t.find == "teh"));
        let changed = PACK.replace("goverment", "govermint");
        let pack = parse_cached(&cache, &file, Arc::from(changed.as_str())).unwrap();
        assert!(pack.data.typos.iter().any(|t| t.find == "govermint"));
        assert_eq!(entries(&cache).len(), 1, "the older entry goes");
    }

    #[test]
    fn a_damaged_entry_is_parsed_again_and_a_broken_pack_never_stored() {
        let (_dir, file, cache) = setup();
        parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        let entry = cache.join(FOLDER).join(&entries(&cache)[0]);
        std::fs::write(&entry, "{\"siblings\":[],\"pa").unwrap();
        let pack = parse_cached(&cache, &file, Arc::from(PACK)).unwrap();
        assert_eq!(pack.info.name, "house");
        assert!(std::fs::read_to_string(&entry).unwrap().ends_with('}'));
        let broken = "typos:\n  - { find: a b, replace: }\n";
        let (_dir2, file2, cache2) = setup();
        assert!(parse_cached(&cache2, &file2, Arc::from(broken)).is_err());
        assert!(entries(&cache2).is_empty());
        assert!(parse_cached(&cache2, &file2, Arc::from(broken)).is_err());
    }
}
