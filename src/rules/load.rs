//! From YAML text to a validated [`Pack`], collecting every mistake with
//! its file, line and column.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::error::{PackError, PackErrorKind};
use super::model::*;
use super::raw::{Located, RawLocalized, RawPack};
use crate::article::Language;
use crate::dates::{DateError, PartialDate};
use crate::finding::{Applicability, RuleRef};
use crate::text::normalize::normalize_regex_source;

/// Parses and validates one pack file. All mistakes are returned, not just
/// the first, so that one run of `factlint rules validate` shows them all.
pub fn parse_pack(file: &str, text: Arc<str>, bundled: bool) -> Result<Pack, Vec<PackError>> {
    let dir = std::path::Path::new(file)
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let read = move |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map(|text| (path.display().to_string(), text))
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    parse_pack_with(file, text, bundled, &read)
}

/// Reads a file that a pack names (a CSV typo list), relative to the pack:
/// returns the name to report it under and its text.
pub type SiblingReader<'a> = dyn Fn(&str) -> Result<(String, String), String> + 'a;

/// Like [`parse_pack`], with the way to read files the pack names (bundled
/// packs read them from the binary).
pub fn parse_pack_with(
    file: &str,
    text: Arc<str>,
    bundled: bool,
    read_sibling: &SiblingReader<'_>,
) -> Result<Pack, Vec<PackError>> {
    let raw: RawPack =
        serde_saphyr::from_str(&text).map_err(|err| vec![yaml_error(file, &text, &err)])?;
    let mut v = Validator {
        file,
        text: &text,
        errors: Vec::new(),
        pack_name: Arc::from(""),
        file_name: Arc::from(file),
    };
    let name = match &raw.pack {
        Some(name) if name.value.trim().is_empty() => {
            v.error(PackErrorKind::InvalidValue, name, "the pack name is empty");
            String::new()
        }
        Some(name) => name.value.trim().to_string(),
        None => std::path::Path::new(file)
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned()),
    };
    v.pack_name = Arc::from(name.as_str());
    let mut info = PackInfo {
        name,
        file: file.to_string(),
        description: raw.description,
        source: raw.source,
        license: raw.license,
        bundled,
        counts: Vec::new(),
    };
    let lexicon = raw.lexicon.unwrap_or_default();
    let countries = v.countries(lexicon.countries);
    let ranks = v.ranks(lexicon.ranks);
    let months = v.months(lexicon.months, "month");
    let hijri_months = v.months(lexicon.hijri_months, "Hijri month");
    let weekdays = v.weekdays(lexicon.weekdays);
    let markers = v.markers(lexicon.markers);
    let attributions = v.attributions(lexicon.attributions);
    let verbs = v.verbs(lexicon.verbs);
    let entities = v.entities(raw.entities);
    let events = v.events(raw.events);
    let counters = v.counters(raw.counters);
    let mut typos = v.typos(raw.typos);
    for list in raw.typo_lists {
        typos.extend(v.typo_list(list, read_sibling));
    }
    let examples = v.examples(raw.examples);
    let mut accept = crate::spelling::accept::Accept::default();
    for entry in &raw.accept {
        if let Err(message) = accept.add(&entry.value) {
            v.error(PackErrorKind::InvalidRegex, entry, message);
        }
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    info.counts = vec![
        ("countries", countries.len()),
        ("ranks", ranks.len()),
        ("months", months.len()),
        ("Hijri months", hijri_months.len()),
        ("weekdays", weekdays.len()),
        ("markers", markers.len()),
        ("attribution patterns", attributions.len()),
        ("verb pairs", verbs.len()),
        ("entities", entities.len()),
        ("events", events.len()),
        ("counters", counters.len()),
        ("typos", typos.len()),
        ("examples", examples.len()),
    ];
    Ok(Pack {
        info,
        countries,
        ranks,
        months,
        hijri_months,
        weekdays,
        markers,
        attributions,
        verbs,
        entities,
        events,
        counters,
        typos,
        examples,
        accept,
    })
}

/// The message of a serde-saphyr error without its own location prefix
/// and snippet ("error: line 2 column 1: unknown field …" becomes "unknown
/// field …"): factlint reports the location itself.
pub fn yaml_message(err: &serde_saphyr::Error) -> String {
    let rendered = err.to_string();
    let first = rendered.lines().next().unwrap_or(&rendered);
    let first = first.trim_start_matches("error: ");
    first
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .map_or(first, |(_, m)| m)
        .to_string()
}

/// Turns a serde-saphyr error into a located pack error with help.
pub fn yaml_error(file: &str, text: &Arc<str>, err: &serde_saphyr::Error) -> PackError {
    let (offset, len) = err
        .location()
        .and_then(|l| {
            Some((
                l.span().byte_offset()? as usize,
                l.span().byte_len().unwrap_or(1) as usize,
            ))
        })
        .unwrap_or((0, 0));
    let message = yaml_message(err);
    let (kind, help) = if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = expected_list(&message);
        let help = match nearest(unknown, &expected) {
            Some(best) => format!(
                "did you mean `{best}`? valid keys here: {}",
                expected.join(", ")
            ),
            None => format!("valid keys here: {}", expected.join(", ")),
        };
        (PackErrorKind::UnknownKey, Some(help))
    } else if let Some(rest) = message.strip_prefix("unknown variant `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = expected_list(&message);
        let help = match nearest(unknown, &expected) {
            Some(best) => format!(
                "did you mean `{best}`? allowed values: {}",
                expected.join(", ")
            ),
            None => format!("allowed values: {}", expected.join(", ")),
        };
        (PackErrorKind::InvalidValue, Some(help))
    } else if message.contains("expected") || message.contains("invalid type") {
        (
            PackErrorKind::WrongType,
            Some("see the rule-pack reference in the README for each key's type".to_string()),
        )
    } else if message.contains("missing field") {
        (PackErrorKind::WrongType, None)
    } else {
        (PackErrorKind::Syntax, None)
    };
    let mut error = PackError::at(kind, file, text, offset, len, message);
    if let Some(help) = help {
        error = error.with_help(help);
    }
    error
}

/// The names listed after "expected one of" (or "expected") in a serde message.
fn expected_list(message: &str) -> Vec<String> {
    let Some((_, list)) = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
    else {
        return Vec::new();
    };
    list.split([',', ' '])
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty() && *s != "or")
        .map(String::from)
        .collect()
}

/// The candidate closest to `word`, if it is close enough to be a typo.
pub fn nearest<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|&(d, c)| d <= (c.chars().count() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c.as_str())
}

/// Whether a regex source uses a word-boundary assertion, which factlint
/// forbids: Unicode `\b` drops the regex engine off its fast path on Arabic
/// text, and factlint checks word boundaries itself after each match.
pub fn check_regex(source: &str) -> Result<(), (String, String)> {
    let normalized = normalize_regex_source(source);
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&normalized)
        .map_err(|e| {
            (
                format!(
                    "invalid regex: {}",
                    e.to_string().lines().last().unwrap_or_default().trim()
                ),
                "regexes use the syntax of the Rust regex crate".to_string(),
            )
        })?;
    if hir.properties().look_set().contains_word() {
        return Err((
            "regex uses a word-boundary assertion (`\\b` or `\\B`)".to_string(),
            "remove it: factlint already requires every match to start and end on a word boundary (Arabic clitics allowed)".to_string(),
        ));
    }
    regex_automata::meta::Regex::new(&normalized).map_err(|e| {
        (
            format!("invalid regex: {e}"),
            "regexes use the syntax of the Rust regex crate".to_string(),
        )
    })?;
    Ok(())
}

struct Validator<'a> {
    file: &'a str,
    text: &'a Arc<str>,
    errors: Vec<PackError>,
    pack_name: Arc<str>,
    file_name: Arc<str>,
}

impl Validator<'_> {
    fn span(&self, located: &Located) -> (usize, usize) {
        let span = located.referenced.span();
        let offset = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        (offset, len.max(1))
    }

    fn error(
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

    fn line(&self, at: &Located) -> usize {
        at.referenced.line() as usize
    }

    fn rule_ref(&self, id: &str, at: &Located) -> RuleRef {
        RuleRef {
            pack: Arc::clone(&self.pack_name),
            id: id.to_string(),
            file: Arc::clone(&self.file_name),
            line: self.line(at),
        }
    }

    /// Checks an id is non-empty and unique among `seen`.
    fn id(&mut self, at: &Located, what: &str, seen: &mut HashMap<String, Located>) -> String {
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

    fn localized(&mut self, raw: RawLocalized) -> Localized {
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

    fn strings(&mut self, list: Vec<Located>) -> Vec<String> {
        self.localized(RawLocalized {
            ar: list,
            en: Vec::new(),
        })
        .ar
    }

    fn date(&mut self, at: &Located) -> Option<PartialDate> {
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

    fn full_date(&mut self, at: &Located) -> Option<NaiveDate> {
        let date = self.date(at)?;
        if date.to_date().is_none() {
            let message = format!("`{}` must be a full date", at.value.trim());
            self.error(PackErrorKind::InvalidDate, at, message).help =
                Some("write YYYY-MM-DD".into());
        }
        date.to_date()
    }

    fn country_code(&mut self, at: &Located) -> String {
        let code = at.value.trim().to_string();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            let message = format!("`{code}` is not an ISO 3166-1 alpha-2 code");
            self.error(PackErrorKind::InvalidValue, at, message).help =
                Some("use two capital letters, e.g. MA for Morocco".into());
        }
        code
    }

    fn language(&mut self, at: &Located) -> Option<Language> {
        let language = Language::from_code(&at.value);
        if language.is_none() {
            let message = format!("unknown language `{}`", at.value.trim());
            self.error(PackErrorKind::InvalidValue, at, message).help =
                Some("use `ar` or `en`".into());
        }
        language
    }

    fn regex(&mut self, at: &Located) {
        if let Err((message, help)) = check_regex(&at.value) {
            self.error(PackErrorKind::InvalidRegex, at, message).help = Some(help);
        }
    }

    fn countries(&mut self, raw: Vec<super::raw::RawCountry>) -> Vec<Country> {
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

    fn ranks(&mut self, raw: Vec<super::raw::RawRank>) -> Vec<Rank> {
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

    fn entities(&mut self, raw: Vec<super::raw::RawEntity>) -> Vec<Entity> {
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

    fn events(&mut self, raw: Vec<super::raw::RawEvent>) -> Vec<Event> {
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

    fn counters(&mut self, raw: Vec<super::raw::RawCounter>) -> Vec<Counter> {
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

    fn months(&mut self, raw: Vec<super::raw::RawMonth>, what: &str) -> Vec<CalendarName> {
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
                        id: format!("{what} {number}"),
                        file: Arc::clone(&self.file_name),
                        line,
                    },
                })
            })
            .collect()
    }

    fn weekdays(&mut self, raw: Vec<super::raw::RawWeekday>) -> Vec<CalendarName> {
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

    fn markers(&mut self, raw: Vec<super::raw::RawMarker>) -> Vec<Marker> {
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

    fn attributions(&mut self, raw: Vec<super::raw::RawAttribution>) -> Vec<AttributionPattern> {
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

    fn verbs(&mut self, raw: Vec<super::raw::RawVerb>) -> Vec<VerbPair> {
        raw.into_iter()
            .map(|v| VerbPair {
                origin: self.rule_ref(v.masculine.value.trim(), &v.masculine),
                masculine: v.masculine.value.trim().to_string(),
                feminine: v.feminine.value.trim().to_string(),
            })
            .collect()
    }

    /// Reads a CSV typo list named by the pack.
    fn typo_list(&mut self, list: super::raw::RawTypoList, read: &SiblingReader<'_>) -> Vec<Typo> {
        let language = self.language(&list.lang).unwrap_or(Language::En);
        let applicability = list.fix.as_ref().map_or(Applicability::Safe, |fix| {
            Applicability::parse(fix.value.trim()).unwrap_or_else(|| {
                let message = format!("unknown fix applicability `{}`", fix.value.trim());
                self.error(PackErrorKind::InvalidValue, fix, message).help =
                    Some("use `safe`, `unsafe` or `display-only`".into());
                Applicability::Unsafe
            })
        });
        let (name, csv) = match read(list.file.value.trim()) {
            Ok(found) => found,
            Err(message) => {
                self.error(PackErrorKind::Io, &list.file, message).help =
                    Some("`file` is relative to the pack file".into());
                return Vec::new();
            }
        };
        let csv: Arc<str> = Arc::from(csv);
        let rows = csv.bytes().filter(|&b| b == b'\n').count();
        let mut typos = Vec::with_capacity(rows);
        let mut offset = 0;
        let csv_name: Arc<str> = Arc::from(name.as_str());
        let mut seen: rustc_hash::FxHashMap<&str, usize> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(rows, Default::default());
        for (index, line) in csv.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            let row = line.trim_end_matches(['\n', '\r']);
            if index == 0 {
                if row != "typo,correction" {
                    self.errors.push(
                        PackError::at(
                            PackErrorKind::Syntax,
                            &name,
                            &csv,
                            0,
                            row.len(),
                            "the first line must be `typo,correction`",
                        )
                        .with_help("typo lists are CSV with a `typo,correction` header"),
                    );
                    return Vec::new();
                }
                continue;
            }
            if row.trim().is_empty() {
                continue;
            }
            let mut fields = row.split(',').map(str::trim);
            let typo = fields.next().unwrap_or_default();
            let corrections: Vec<String> =
                fields.filter(|f| !f.is_empty()).map(String::from).collect();
            if typo.is_empty() || corrections.is_empty() {
                self.errors.push(
                    PackError::at(
                        PackErrorKind::Syntax,
                        &name,
                        &csv,
                        start,
                        row.len(),
                        "a row needs a typo and at least one correction",
                    )
                    .with_help("write `typo,correction[,correction…]`"),
                );
                continue;
            }
            if let Some(first) = seen.insert(typo, index + 1) {
                self.errors.push(
                    PackError::at(
                        PackErrorKind::DuplicateId,
                        &name,
                        &csv,
                        start,
                        typo.len(),
                        format!("`{typo}` is listed twice"),
                    )
                    .with_help(format!("merge it with line {first}")),
                );
                continue;
            }
            typos.push(Typo {
                find: typo.to_string(),
                replace: corrections[0].clone(),
                alternatives: corrections[1..].to_vec(),
                language,
                regex: false,
                message: list.message.clone(),
                applicability,
                origin: RuleRef {
                    pack: Arc::clone(&self.pack_name),
                    id: typo.to_string(),
                    file: Arc::clone(&csv_name),
                    line: index + 1,
                },
            });
        }
        typos
    }

    fn typos(&mut self, raw: Vec<super::raw::RawTypo>) -> Vec<Typo> {
        let mut seen = HashMap::new();
        raw.into_iter()
            .map(|t| {
                let id_at = t.id.as_ref().unwrap_or(&t.find);
                let id = if t.id.is_some() {
                    self.id(id_at, "typo", &mut seen)
                } else {
                    t.find.value.trim().to_string()
                };
                if t.regex {
                    self.regex(&t.find);
                } else if t.find.value.trim().is_empty() {
                    self.error(PackErrorKind::InvalidValue, &t.find, "empty `find`");
                }
                let language = match &t.lang {
                    Some(lang) => self.language(lang).unwrap_or(Language::En),
                    None => Language::detect(&t.find.value),
                };
                let applicability = match &t.fix {
                    None => Applicability::Safe,
                    Some(fix) => Applicability::parse(fix.value.trim()).unwrap_or_else(|| {
                        let message = format!("unknown fix applicability `{}`", fix.value.trim());
                        self.error(PackErrorKind::InvalidValue, fix, message).help =
                            Some("use `safe`, `unsafe` or `display-only`".into());
                        Applicability::Unsafe
                    }),
                };
                Typo {
                    origin: self.rule_ref(&id, &t.find),
                    find: t.find.value.trim().to_string(),
                    replace: t.replace,
                    alternatives: Vec::new(),
                    language,
                    regex: t.regex,
                    message: t.message,
                    applicability,
                }
            })
            .collect()
    }

    fn examples(&mut self, raw: Vec<super::raw::RawExample>) -> Vec<Example> {
        raw.into_iter()
            .map(|e| {
                let codes = |list: Vec<Located>, v: &mut Self| {
                    list.into_iter()
                        .map(|c| {
                            let code = c.value.trim().to_string();
                            if !code.contains('/') {
                                let message = format!("`{code}` is not a finding code");
                                v.error(PackErrorKind::InvalidValue, &c, message).help = Some(
                                    "codes look like `family/check`; `factlint explain` lists them"
                                        .into(),
                                );
                            }
                            code
                        })
                        .collect()
                };
                Example {
                    origin: self.rule_ref("example", &e.text),
                    language: e.lang.as_ref().and_then(|l| self.language(l)),
                    expect: codes(e.expect, self),
                    expect_not: codes(e.expect_not, self),
                    text: e.text.value,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(yaml: &str) -> Vec<PackError> {
        parse_pack("t.yaml", Arc::from(yaml), false).expect_err("pack should be rejected")
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let e = &errors("pack: t\nentites: []\n")[0];
        assert_eq!(e.kind, PackErrorKind::UnknownKey);
        assert_eq!((e.line, e.column), (2, 1));
        assert!(
            e.help
                .as_deref()
                .unwrap()
                .contains("did you mean `entities`"),
            "{:?}",
            e.help
        );
    }

    #[test]
    fn impossible_date_is_located() {
        let e = &errors("events:\n  - id: x\n    names: { en: [X] }\n    date: 2023-02-30\n")[0];
        assert_eq!(e.kind, PackErrorKind::InvalidDate);
        assert_eq!((e.line, e.column), (4, 11));
    }

    #[test]
    fn word_boundaries_are_rejected_with_help() {
        let e = &errors("typos:\n  - { find: '\\bteh\\b', regex: true, replace: the }\n")[0];
        assert_eq!(e.kind, PackErrorKind::InvalidRegex);
        assert!(e.help.as_deref().unwrap().contains("word boundary"));
    }

    #[test]
    fn duplicate_ids_point_at_both() {
        let e = &errors(
            "events:\n  - { id: a, names: { en: [A] }, date: 2020 }\n  - { id: a, names: { en: [B] }, date: 2021 }\n",
        )[0];
        assert_eq!(e.kind, PackErrorKind::DuplicateId);
        assert_eq!(e.line, 3);
        assert_eq!(e.related.len(), 1);
    }

    #[test]
    fn all_mistakes_are_collected() {
        let errs = errors(
            "events:\n  - { id: a, names: { en: [A] }, date: 2020-13 }\ntypos:\n  - { find: '(', regex: true, replace: x }\n",
        );
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn valid_pack_loads() {
        let pack = parse_pack(
            "t.yaml",
            Arc::from("pack: demo\ntypos:\n  - { find: سلاح الجوي, replace: سلاح الجو }\n"),
            false,
        )
        .unwrap();
        assert_eq!(pack.info.name, "demo");
        assert_eq!(pack.typos[0].language, Language::Ar);
        assert_eq!(pack.typos[0].origin.line, 3);
    }
}
