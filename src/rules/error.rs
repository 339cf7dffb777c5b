//! Rule-pack errors that point at the file, line and column at fault.

use crate::diagnostic::{Domain, SourceError};

pub use crate::diagnostic::ErrorKind as PackErrorKind;

/// The rule-pack domain: codes `factlint::pack::*`.
#[derive(Debug, Clone)]
pub struct Packs;

impl Domain for Packs {
    const PREFIX: &'static str = "factlint::pack";
}

/// One mistake in one pack file.
pub type PackError = SourceError<Packs>;
