//! Reading an article's bytes, with errors that say where a file went wrong.

use std::io::Read;
use std::path::Path;

use miette::Diagnostic;
use thiserror::Error;

/// Why one article could not be checked. The run goes on with the others
/// and exits with status 2.
#[derive(Debug, Error, Diagnostic)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{path}: cannot read: {source}")]
    #[diagnostic(code(factlint::io))]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}:{column}: not valid UTF-8 (byte offset {offset})")]
    #[diagnostic(
        code(factlint::encoding),
        help("factlint reads UTF-8 only; convert the file, e.g. `iconv -f WINDOWS-1256 -t UTF-8`")
    )]
    NotUtf8 {
        /// The path as given.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based character column of that byte.
        column: usize,
    },
    /// The file holds binary data (a NUL byte), not an article.
    #[error("{path}: binary file (NUL byte at offset {offset}), not an article")]
    #[diagnostic(
        code(factlint::binary),
        help("pass articles only, or list the file in .gitignore or .ignore")
    )]
    Binary {
        /// The path as given.
        path: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file is larger than the size limit: an article is a few
    /// hundred kilobytes, and a runaway input (a log, `/dev/zero`) must not
    /// exhaust memory.
    #[error("{path}: larger than the {limit}-byte limit; not checked")]
    #[diagnostic(
        code(factlint::too_large),
        help("raise the limit with --max-file-size, or leave the file out")
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Checking the article hit an internal error (a bug in factlint); the
    /// other files are still checked.
    #[error("{path}: internal error while checking: {message}")]
    #[diagnostic(
        code(factlint::internal),
        help("this is a bug in factlint: please report it with the article")
    )]
    Internal {
        /// The path as given.
        path: String,
        /// What the failing check said.
        message: String,
    },
    /// The article's metadata (front matter, HTML) is malformed.
    #[error("{path}:{line}:{column}: {message}")]
    #[diagnostic(code(factlint::article))]
    Malformed {
        /// The path as given.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based character column.
        column: usize,
        /// What is wrong.
        message: String,
        /// What to do about it.
        #[help]
        help: Option<String>,
    },
}

/// Reads an article from `path`, or from standard input when `path` is
/// `-`, and checks that it is UTF-8 text.
///
/// At most `limit` bytes are read: a larger input (or an endless one, such
/// as a device) is refused with [`LoadError::TooLarge`] rather than read
/// into memory.
pub fn read_article_source(path: &str, limit: u64) -> Result<String, LoadError> {
    read_article(Path::new(path), path, limit)
}

/// [`read_article_source`] for a file whose name may not be UTF-8: `file`
/// is opened (standard input when `name` is `-`), and `name`, its lossy
/// display, is what errors say.
pub fn read_article(file: &Path, name: &str, limit: u64) -> Result<String, LoadError> {
    decode(name, read_article_bytes(file, name, limit)?)
}

/// How much of a file the first read asks for: more than most articles.
const FIRST_READ: usize = 16 * 1024;

/// [`read_article`] before [`decode`]: the bytes as read, so that a caller
/// can look an unchanged file's result up (the result cache) without
/// checking that they are text.
pub fn read_article_bytes(file: &Path, name: &str, limit: u64) -> Result<Vec<u8>, LoadError> {
    let path = name;
    let io_error = |source| LoadError::Io {
        path: path.to_string(),
        source,
    };
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        let mut opened = std::fs::File::open(file).map_err(io_error)?;
        // Most articles fit a first read of a few kilobytes, which asks
        // the system nothing else; a longer one gets a buffer sized to the
        // file (one grown by doubling would hold up to twice the article
        // for the whole check).
        bytes.reserve_exact(FIRST_READ);
        let first = FIRST_READ.min(usize::try_from(limit).unwrap_or(usize::MAX));
        (&mut opened)
            .take(first as u64)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if bytes.len() == first {
            let size = opened.metadata().map_or(0, |m| m.len()).min(limit);
            let rest = usize::try_from(size).unwrap_or(0).saturating_sub(first);
            bytes.reserve_exact(rest.saturating_add(1));
            opened
                .take(limit.saturating_add(1) - first as u64)
                .read_to_end(&mut bytes)
                .map_err(io_error)?;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: path.to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// Checks that `bytes` are UTF-8 text and not binary data.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(LoadError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    // Validated with SIMD and copied out, several times faster on Arabic
    // text than `String::from_utf8`, which reads every non-ASCII
    // character one at a time (its own check still runs on a file that
    // fails, for the place of the first bad byte).
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let valid = &err.as_bytes()[..offset];
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        LoadError::NotUtf8 {
            path: path.to_string(),
            offset,
            line,
            column,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Valid text comes back as it was read, whatever its script.
    #[test]
    fn valid_utf8_is_kept_whole() {
        for text in ["", "ab\n", "سطر\nab — «قال» 2015م", "emoji 🙂 and ß"] {
            assert_eq!(
                decode("x.txt", text.as_bytes().to_vec()).ok().as_deref(),
                Some(text)
            );
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let mut bytes = "سطر\nab".as_bytes().to_vec();
        bytes.push(0xE3);
        match decode("x.txt", bytes) {
            Err(LoadError::NotUtf8 { line, column, .. }) => assert_eq!((line, column), (2, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn nul_means_binary() {
        assert!(matches!(
            decode("x.bin", b"PK\x03\x04\x00".to_vec()),
            Err(LoadError::Binary { offset: 4, .. })
        ));
    }
}
