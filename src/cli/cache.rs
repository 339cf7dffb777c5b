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

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use siphasher::sip128::{Hasher128, SipHasher13};

use factlint::report::Rendered;

/// Bump when the entry format changes.
const LAYOUT: &str = "v1";

/// An open cache for one run.
pub(crate) struct Cache {
    dir: PathBuf,
    run: u128,
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
    /// Opens (creating) the cache folder for a run; `None` when it cannot
    /// be created, and the run goes on uncached.
    pub(crate) fn open(dir: PathBuf, mut fingerprint: Fingerprint) -> Option<Cache> {
        fingerprint.add("version", env!("CARGO_PKG_VERSION").as_bytes());
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
            .unwrap_or_default();
        fingerprint.add("binary", exe.as_bytes());
        std::fs::create_dir_all(dir.join(LAYOUT)).ok()?;
        let _ = std::fs::write(dir.join(".gitignore"), "# Made by factlint.\n*\n");
        let _ = std::fs::write(
            dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# factlint's result cache; see `factlint check --help`.\n",
        );
        Some(Cache {
            dir,
            run: fingerprint.0.finish128().as_u128(),
        })
    }

    /// The key of a file's entry.
    pub(crate) fn key(&self, path: &str, text: &str) -> u128 {
        let mut hasher = Fingerprint::default();
        hasher.add("run", &self.run.to_le_bytes());
        hasher.add("path", path.as_bytes());
        hasher.add("text", text.as_bytes());
        hasher.0.finish128().as_u128()
    }

    fn entry(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir.join(LAYOUT).join(&hex[..2]).join(&hex[2..])
    }

    /// The stored output of a file, if any.
    pub(crate) fn get(&self, key: u128) -> Option<Rendered> {
        let bytes = std::fs::read(self.entry(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores a file's output (atomically; failures only cost a miss next
    /// time).
    pub(crate) fn put(&self, key: u128, rendered: &Rendered) {
        let path = self.entry(key);
        let Some(folder) = path.parent() else { return };
        if std::fs::create_dir_all(folder).is_err() {
            return;
        }
        let Ok(bytes) = serde_json::to_vec(rendered) else {
            return;
        };
        if let Ok(mut file) = tempfile::NamedTempFile::new_in(folder) {
            use std::io::Write;
            if file.write_all(&bytes).is_ok() {
                let _ = file.persist(&path);
            }
        }
    }
}
