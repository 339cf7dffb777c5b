//! The newsroom's facts: entities, events and counters.

use std::collections::HashMap;

use crate::language::Language;
use crate::rules::error::PackErrorKind;
use crate::rules::model::*;

use super::Validator;

impl Validator<'_> {
    pub(in crate::rules) fn entities(
        &mut self,
        raw: Vec<crate::rules::raw::RawEntity>,
    ) -> Vec<Entity> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|e| {
                let id = self.id(&e.id, "entity", &mut seen);
                let nationality = e.nationality.as_ref().map(|n| self.country_code(n));
                let roles = e
                    .roles
                    .into_iter()
                    .map(|r| {
                        let from = r.from.as_ref().and_then(|d| self.date(d));
                        let to = r.to.as_ref().and_then(|d| self.date(d));
                        if let (Some(f), Some(t), Some(at)) = (from, to, r.to.as_ref())
                            && t.last_day() < f.first_day()
                        {
                            let message = format!("the post ends ({t}) before it starts ({f})");
                            self.error(PackErrorKind::InvalidDate, at, message);
                        }
                        Role {
                            title: self.localized(r.title),
                            from,
                            to,
                        }
                    })
                    .collect();
                Entity {
                    origin: self.rule_ref(&id, &e.id),
                    id,
                    names: self.localized(e.names),
                    nationality,
                    rank: e.rank.map(|r| self.localized(r)),
                    roles,
                    born: e.born.as_ref().and_then(|d| self.date(d)),
                }
            })
            .collect()
    }

    pub(in crate::rules) fn events(&mut self, raw: Vec<crate::rules::raw::RawEvent>) -> Vec<Event> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .filter_map(|e| {
                let id = self.id(&e.id, "event", &mut seen);
                let date = self.date(&e.date)?;
                Some(Event {
                    origin: self.rule_ref(&id, &e.id),
                    id,
                    names: self.localized(e.names),
                    date,
                })
            })
            .collect()
    }

    pub(in crate::rules) fn counters(
        &mut self,
        raw: Vec<crate::rules::raw::RawCounter>,
    ) -> Vec<Counter> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .filter_map(|c| {
                let id = self.id(&c.id, "counter", &mut seen);
                let mut patterns = Vec::new();
                for (language, pattern) in
                    [(Language::Ar, &c.pattern.ar), (Language::En, &c.pattern.en)]
                {
                    let Some(pattern) = pattern else { continue };
                    self.regex(pattern);
                    if !pattern.value.contains("(?<day>") && !pattern.value.contains("(?P<day>") {
                        self.error(
                            PackErrorKind::InvalidRegex,
                            pattern,
                            "counter pattern has no `day` group",
                        )
                        .help = Some("capture the number with `(?<day>\\d+)`".into());
                    }
                    patterns.push((language, pattern.value.clone()));
                }
                let day_one = self.full_date(&c.day_one)?;
                Some(Counter {
                    origin: self.rule_ref(&id, &c.id),
                    id,
                    patterns,
                    day_one,
                })
            })
            .collect()
    }
}
