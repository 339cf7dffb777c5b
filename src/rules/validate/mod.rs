//! Validation of a parsed pack, one file per group of sections: the
//! lexicon, the newsroom's facts, typos and rule tests. Each section's
//! validator turns its serde mirror into the model type and records every
//! mistake located at its file, line and column.

mod facts;
mod lexicon;
mod typos;

pub(super) use typos::deferred_row;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::finding::RuleRef;
use crate::language::Language;
use crate::partial_date::{DateError, PartialDate};
use crate::rules::error::{PackError, PackErrorKind};
use crate::rules::model::*;
use crate::rules::raw::{Located, RawLocalized};
use crate::rules::regex_policy::check_regex;

/// Validates the sections of one pack, collecting every mistake with its
/// place rather than stopping at the first.
pub(super) struct Validator<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a Arc<str>,
    pub(super) errors: Vec<PackError>,
    pub(super) pack_name: Arc<str>,
    pub(super) file_name: Arc<str>,
}

impl Validator<'_> {
    pub(super) fn span(&self, located: &Located) -> (usize, usize) {
        let span = located.referenced.span();
        let offset = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        (offset, len.max(1))
    }

    pub(super) fn error(
        &mut self,
        kind: PackErrorKind,
        at: &Located,
        message: impl Into<String>,
    ) -> &mut PackError {
        let (offset, len) = self.span(at);
        self.errors.push(PackError::at(
            kind, self.file, self.text, offset, len, message,
        ));
        self.errors.last_mut().expect("just pushed")
    }

    pub(super) fn line(&self, at: &Located) -> usize {
        at.referenced.line() as usize
    }

    pub(super) fn rule_ref(&self, id: &str, at: &Located) -> RuleRef {
        RuleRef {
            pack: Arc::clone(&self.pack_name),
            id: id.into(),
            file: Arc::clone(&self.file_name),
            line: self.line(at),
        }
    }

    /// Checks an id is non-empty and unique among `seen`.
    pub(super) fn id(
        &mut self,
        at: &Located,
        what: &str,
        seen: &mut HashMap<String, Located>,
    ) -> String {
        let id = at.value.trim().to_string();
        if id.is_empty() {
            self.error(PackErrorKind::InvalidValue, at, format!("empty {what} id"));
        } else if let Some(first) = seen.get(&id) {
            let (first_offset, first_len) = self.span(first);
            let message = format!("duplicate {what} id `{id}`");
            let e = self.error(PackErrorKind::DuplicateId, at, message);
            e.label = "defined again here".into();
            e.related.push((
                miette::SourceSpan::new(first_offset.into(), first_len),
                "first defined here".into(),
            ));
            e.help = Some(format!("give each {what} its own id"));
        } else {
            seen.insert(id.clone(), at.clone());
        }
        id
    }

    pub(super) fn localized(&mut self, raw: RawLocalized) -> Localized {
        let clean = |list: Vec<Located>, v: &mut Self| {
            list.into_iter()
                .filter_map(|s| {
                    let t = s.value.trim().to_string();
                    if t.is_empty() {
                        v.error(PackErrorKind::InvalidValue, &s, "empty string")
                            .help = Some("remove the entry".into());
                        None
                    } else {
                        Some(t)
                    }
                })
                .collect()
        };
        Localized {
            ar: clean(raw.ar, self),
            en: clean(raw.en, self),
        }
    }

    pub(super) fn strings(&mut self, list: Vec<Located>) -> Vec<String> {
        self.localized(RawLocalized {
            ar: list,
            en: Vec::new(),
        })
        .ar
    }

    pub(super) fn date(&mut self, at: &Located) -> Option<PartialDate> {
        match PartialDate::parse(&at.value) {
            Ok(date) => Some(date),
            Err(DateError::Impossible) => {
                let message = format!("`{}` is not a date that exists", at.value.trim());
                self.error(PackErrorKind::InvalidDate, at, message).help =
                    Some("check the day and month".into());
                None
            }
            Err(DateError::Format) => {
                let message = format!("`{}` is not a date", at.value.trim());
                self.error(PackErrorKind::InvalidDate, at, message).help =
                    Some("write dates as YYYY-MM-DD, YYYY-MM or YYYY".into());
                None
            }
        }
    }

    pub(super) fn full_date(&mut self, at: &Located) -> Option<NaiveDate> {
        let date = self.date(at)?;
        if date.to_date().is_none() {
            let message = format!("`{}` must be a full date", at.value.trim());
            self.error(PackErrorKind::InvalidDate, at, message).help =
                Some("write YYYY-MM-DD".into());
        }
        date.to_date()
    }

    pub(super) fn country_code(&mut self, at: &Located) -> String {
        let code = at.value.trim().to_string();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            let message = format!("`{code}` is not an ISO 3166-1 alpha-2 code");
            self.error(PackErrorKind::InvalidValue, at, message).help =
                Some("use two capital letters, e.g. MA for Morocco".into());
        }
        code
    }

    pub(super) fn language(&mut self, at: &Located) -> Option<Language> {
        let language = Language::from_code(&at.value);
        if language.is_none() {
            let message = format!("unknown language `{}`", at.value.trim());
            self.error(PackErrorKind::InvalidValue, at, message).help =
                Some("use `ar` or `en`".into());
        }
        language
    }

    pub(super) fn regex(&mut self, at: &Located) {
        if let Err(problem) = check_regex(&at.value) {
            self.error(PackErrorKind::InvalidRegex, at, problem.message)
                .help = Some(problem.help);
        }
    }
}
