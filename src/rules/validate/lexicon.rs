//! The lexicon sections: countries, ranks, calendar names, markers,
//! attribution patterns and verb pairs.

use std::collections::HashMap;
use std::sync::Arc;

use crate::finding::RuleRef;
use crate::rules::error::PackErrorKind;
use crate::rules::model::*;
use crate::rules::raw::{Located, RawLocalized};

use super::Validator;

impl Validator<'_> {
    pub(in crate::rules) fn countries(
        &mut self,
        raw: Vec<crate::rules::raw::RawCountry>,
    ) -> Vec<Country> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|c| {
                let code = self.country_code(&c.code);
                self.id(&c.code, "country", &mut seen);
                let origin = self.rule_ref(&code, &c.code);
                Country {
                    code,
                    names: self.localized(c.names),
                    gender: c.gender,
                    demonyms_ar_masculine: self.strings(c.demonyms.ar.masculine),
                    demonyms_ar_feminine: self.strings(c.demonyms.ar.feminine),
                    demonyms_ar_plural: self.strings(c.demonyms.ar.plural),
                    demonyms_en: self.strings(c.demonyms.en),
                    origin,
                }
            })
            .collect()
    }

    pub(in crate::rules) fn ranks(&mut self, raw: Vec<crate::rules::raw::RawRank>) -> Vec<Rank> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|r| {
                let id = self.id(&r.id, "rank", &mut seen);
                Rank {
                    origin: self.rule_ref(&id, &r.id),
                    id,
                    names: self.localized(r.names),
                }
            })
            .collect()
    }

    pub(in crate::rules) fn months(
        &mut self,
        raw: Vec<crate::rules::raw::RawMonth>,
        what: &str,
    ) -> Vec<CalendarName> {
        let mut seen = std::collections::HashSet::new();
        raw.into_iter()
            .filter_map(|m| {
                let number = m.month.value;
                let line = m.month.referenced.line() as usize;
                let at = Located {
                    value: number.to_string(),
                    referenced: m.month.referenced,
                    defined: m.month.defined,
                };
                if !(1..=12).contains(&number) {
                    self.error(
                        PackErrorKind::InvalidValue,
                        &at,
                        format!("{what} {number} is not 1–12"),
                    );
                    return None;
                }
                if !seen.insert(number) {
                    self.error(
                        PackErrorKind::DuplicateId,
                        &at,
                        format!("{what} {number} is listed twice"),
                    );
                    return None;
                }
                Some(CalendarName {
                    number,
                    names: self.localized(RawLocalized { ar: m.ar, en: m.en }),
                    origin: RuleRef {
                        pack: Arc::clone(&self.pack_name),
                        id: format!("{}-{number}", what.to_lowercase().replace(' ', "-")).into(),
                        file: Arc::clone(&self.file_name),
                        line,
                    },
                })
            })
            .collect()
    }

    pub(in crate::rules) fn weekdays(
        &mut self,
        raw: Vec<crate::rules::raw::RawWeekday>,
    ) -> Vec<CalendarName> {
        const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
        let mut seen = HashMap::new();
        raw.into_iter()
            .filter_map(|w| {
                let Some(number) = DAYS.iter().position(|d| *d == w.weekday.value.trim()) else {
                    let message = format!("unknown weekday `{}`", w.weekday.value.trim());
                    self.error(PackErrorKind::InvalidValue, &w.weekday, message)
                        .help = Some("use sun, mon, tue, wed, thu, fri or sat".into());
                    return None;
                };
                self.id(&w.weekday, "weekday", &mut seen);
                Some(CalendarName {
                    number: number as u32,
                    origin: self.rule_ref(DAYS[number], &w.weekday),
                    names: self.localized(RawLocalized { ar: w.ar, en: w.en }),
                })
            })
            .collect()
    }

    pub(in crate::rules) fn markers(
        &mut self,
        raw: Vec<crate::rules::raw::RawMarker>,
    ) -> Vec<Marker> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|m| {
                let id = self.id(&m.id, "marker", &mut seen);
                Marker {
                    origin: self.rule_ref(&id, &m.id),
                    id,
                    names: self.localized(RawLocalized { ar: m.ar, en: m.en }),
                }
            })
            .collect()
    }

    pub(in crate::rules) fn attributions(
        &mut self,
        raw: Vec<crate::rules::raw::RawAttribution>,
    ) -> Vec<AttributionPattern> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .filter_map(|a| {
                let id = self.id(&a.id, "attribution", &mut seen);
                let language = self.language(&a.lang)?;
                let mut elements = Vec::new();
                for element in &a.pattern {
                    let text = element.value.trim();
                    let (name, optional) = match text.strip_suffix('?') {
                        Some(name) => (name, true),
                        None => (text, false),
                    };
                    let kind = match name {
                        "person" => ElementKind::Person,
                        "nationality" => ElementKind::Nationality,
                        "rank" => ElementKind::Rank,
                        "title" => ElementKind::Title,
                        "number" => ElementKind::Number,
                        "sep" => ElementKind::Sep,
                        _ => match name.strip_prefix("marker:") {
                            Some(id) if !id.is_empty() => ElementKind::Marker(id.to_string()),
                            _ => {
                                let message = format!("unknown pattern element `{name}`");
                                self.error(PackErrorKind::InvalidValue, element, message).help = Some(
                                    "use person, nationality, rank, title, number, sep or marker:ID, with ? for optional".into(),
                                );
                                continue;
                            }
                        },
                    };
                    elements.push(Element { kind, optional });
                }
                if !elements.iter().any(|e| e.kind == ElementKind::Person && !e.optional) {
                    self.error(PackErrorKind::InvalidValue, &a.id, "an attribution pattern needs a `person`")
                        .help = Some("the pattern attaches what it finds to the person it names".into());
                }
                Some(AttributionPattern {
                    origin: self.rule_ref(&id, &a.id),
                    id,
                    language,
                    elements,
                })
            })
            .collect()
    }

    pub(in crate::rules) fn verbs(
        &mut self,
        raw: Vec<crate::rules::raw::RawVerb>,
    ) -> Vec<VerbPair> {
        raw.into_iter()
            .map(|v| VerbPair {
                origin: self.rule_ref(v.masculine.value.trim(), &v.masculine),
                masculine: v.masculine.value.trim().to_string(),
                feminine: v.feminine.value.trim().to_string(),
            })
            .collect()
    }
}
