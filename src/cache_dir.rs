//! What factlint's two on-disk caches share: the folder they live in and
//! the identity of the build that wrote an entry.
//!
//! The result cache (the command line's `cache` module) keeps each file's
//! rendered output; the pack cache ([`crate::rules::pack_cache`]) keeps a
//! newsroom's own packs parsed and validated. Both live under one folder
//! (`.factlint_cache/` by default, `--cache-dir`, `FACTLINT_CACHE_DIR`), and
//! neither may serve an entry made by another build: the data a build
//! writes is only known to read back the same in that build.

use std::path::Path;

/// The running build as a cache key part: factlint's version and the
/// binary's size and modification time, so that a rebuild (other bundled
/// packs, other checks, another layout of the cached data) never reads old
/// entries.
pub fn build_identity() -> String {
    let binary = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default();
    format!("{} {binary}", env!("CARGO_PKG_VERSION"))
}

/// Creates the cache folder `dir` with a `.gitignore` and a `CACHEDIR.TAG`,
/// so that it is never committed or backed up.
pub fn prepare(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in [
        (".gitignore", "# Made by factlint.\n*\n"),
        (
            "CACHEDIR.TAG",
            "Signature: 8a477f597d28d172789f06886806bc55\n# factlint's cache of results and parsed packs; see `factlint check --help`.\n",
        ),
    ] {
        let path = dir.join(name);
        if !path.exists() {
            let _ = std::fs::write(path, text);
        }
    }
    Ok(())
}
