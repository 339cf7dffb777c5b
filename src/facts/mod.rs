//! Who is said to be what: the attribution patterns of the lexicon packs
//! (`rules/lexicon/attribution.yaml`) matched over an article's tokens,
//! each match attaching a nationality, a rank, a title or an age to a
//! person. The `fact` and `consistency` checks compare these attributions
//! with the packs and with each other.
//!
//! A person is an entity of a pack when its name is there; otherwise an
//! unknown name, read only where a pattern gives it context (after a rank
//! or a counterpart in Arabic; capitalised words in English), and known by
//! its first two words, so that «تومر بار» and «تومر بار يلتقي» are one man.

use std::ops::Range;

use crate::article::{Article, Language, SectionKind};
use crate::rules::annotate::TokenMentions;
use crate::rules::{AttributionPattern, DemonymForm, ElementKind, RuleSet, Target};
use crate::text::tokens::{Token, TokenKind};

/// Who an attribution is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    /// An entity of a pack (`entities[i]`).
    Entity(usize),
    /// An unknown name, by the normalised form of its first two words.
    Name(String),
}

/// A person as the text names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Who it is.
    pub who: Who,
    /// Where the name is written.
    pub range: Range<usize>,
}

/// What is attached to the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A nationality (`countries[country]`), written as a demonym or, when
    /// `form` is `None`, as the country's name.
    Nationality {
        /// Index of the country.
        country: usize,
        /// The demonym form, or `None` for a country name.
        form: Option<DemonymForm>,
    },
    /// A rank (`ranks[i]`).
    Rank(usize),
    /// A post: every `(entity, role)` of the packs with this title.
    Title {
        /// The roles the words can name.
        roles: Vec<(usize, usize)>,
        /// A "then" marker (`آنذاك`, "then-") with the title.
        then: Option<Range<usize>>,
        /// A "former" marker (`السابق`, "former") with the title.
        former: Option<Range<usize>>,
    },
    /// An age in years.
    Age(u32),
}

impl Value {
    /// The kind of value, for grouping ("rank", "nationality" …).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Nationality { .. } => "nationality",
            Value::Rank(_) => "rank",
            Value::Title { .. } => "title",
            Value::Age(_) => "age",
        }
    }
}

/// One fact the text attaches to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The person.
    pub person: Person,
    /// What is attached.
    pub value: Value,
    /// The words that state the value (the span to underline), with the
    /// counterpart word before a nationality («نظيره الإمارات»).
    pub range: Range<usize>,
    /// The value's own words («الإمارات»).
    pub value_range: Range<usize>,
    /// The tokens of the whole match.
    pub tokens: Range<usize>,
    /// The section the value is written in.
    pub section: Option<SectionKind>,
    /// The pattern that matched (`rules.attributions[i]`).
    pub pattern: usize,
}

/// What one element captured.
#[derive(Debug, Clone)]
enum Capture {
    /// A pack entity.
    Entity(usize),
    /// An unknown name: its key is built only for a full match.
    Name,
    Nationality {
        country: usize,
        form: Option<DemonymForm>,
    },
    Rank(usize),
    Title(Vec<(usize, usize)>),
    Number(u32),
    Marker(String),
    Sep,
}

/// What a pattern match captured: each element's tokens and capture.
type Captures = Vec<(Range<usize>, Capture)>;

/// Reads attributions over an article's tokens.
pub struct Attributor<'a> {
    article: &'a Article,
    rules: &'a RuleSet,
    tokens: &'a [Token],
    annotations: &'a TokenMentions,
    /// Tokens inside a longer rank, nationality, title or name that starts
    /// earlier: "Gen." in "Brig. Gen." names no rank of its own.
    shadowed: Vec<bool>,
}

impl<'a> Attributor<'a> {
    /// Prepares the patterns for one article.
    pub fn new(
        article: &'a Article,
        rules: &'a RuleSet,
        tokens: &'a [Token],
        annotations: &'a TokenMentions,
    ) -> Self {
        let mut shadowed = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            for a in annotations.at(i) {
                let long = matches!(
                    a.target,
                    Target::Rank(_)
                        | Target::Demonym { .. }
                        | Target::CountryName(_)
                        | Target::RoleTitle { .. }
                        | Target::EntityName(_)
                );
                if long {
                    for slot in shadowed.iter_mut().take(a.end).skip(i + 1) {
                        *slot = true;
                    }
                }
            }
        }
        Attributor {
            article,
            rules,
            tokens,
            annotations,
            shadowed,
        }
    }

    /// Every attribution in the article, in text order. Two patterns that
    /// read the same value at the same words attach it once.
    pub fn attribute(&self) -> Vec<Attribution> {
        let mut found = Vec::new();
        for (index, pattern) in self.rules.attributions.iter().enumerate() {
            if pattern.language != self.article.language {
                continue;
            }
            let starts_with_mention = self.starts_with_mention(pattern);
            for start in 0..self.tokens.len() {
                // Most words start no mention: skip them before matching.
                if starts_with_mention && self.annotations.at(start).is_empty() {
                    continue;
                }
                if let Some((end, captures)) = self.match_at(pattern, 0, start) {
                    found.extend(self.attributions(index, &(start..end), &captures));
                }
            }
        }
        found.sort_by_key(|a: &Attribution| (a.range.start, a.range.end, a.pattern));
        found.dedup_by(|b, a| {
            a.range == b.range && a.value == b.value && a.person.who == b.person.who
        });
        found
    }

    /// Whether every match of `pattern` starts at a mention: its leading
    /// elements are mentions (markers, ranks, titles, nationalities), or a
    /// person in Arabic, where a name without context must be a pack's.
    fn starts_with_mention(&self, pattern: &AttributionPattern) -> bool {
        for element in &pattern.elements {
            let mention = match element.kind {
                ElementKind::Marker(_)
                | ElementKind::Rank
                | ElementKind::Title
                | ElementKind::Nationality => true,
                ElementKind::Person => self.article.language == Language::Ar,
                ElementKind::Number | ElementKind::Sep => false,
            };
            if !mention {
                return false;
            }
            if !element.optional {
                return true;
            }
        }
        false
    }

    /// Turns one match into attributions.
    fn attributions(
        &self,
        pattern: usize,
        tokens: &Range<usize>,
        captures: &[(Range<usize>, Capture)],
    ) -> Vec<Attribution> {
        let Some((person_tokens, who)) = captures.iter().find_map(|(r, c)| match c {
            Capture::Entity(e) => Some((r.clone(), Who::Entity(*e))),
            Capture::Name => Some((r.clone(), Who::Name(self.name_key(r)))),
            _ => None,
        }) else {
            return Vec::new();
        };
        let person = Person {
            who,
            range: self.span(&person_tokens),
        };
        let marker_range = |id: &str| {
            captures.iter().find_map(|(r, c)| match c {
                Capture::Marker(m) if m == id => Some(self.span(r)),
                _ => None,
            })
        };
        let mut out = Vec::new();
        for (i, (range, capture)) in captures.iter().enumerate() {
            let value = match capture {
                Capture::Nationality { country, form } => Value::Nationality {
                    country: *country,
                    form: *form,
                },
                Capture::Rank(r) => Value::Rank(*r),
                Capture::Title(roles) => Value::Title {
                    roles: roles.clone(),
                    then: marker_range("then"),
                    former: marker_range("former"),
                },
                Capture::Number(n) => Value::Age(*n),
                _ => continue,
            };
            // A nationality is underlined with the counterpart word before
            // it: «نظيره الإمارات».
            let value_range = self.span(range);
            let mut span = value_range.clone();
            if matches!(value, Value::Nationality { .. })
                && let Some((before, Capture::Marker(m))) = i.checked_sub(1).map(|j| &captures[j])
                && m == "counterpart"
            {
                span.start = self.span(before).start;
            }
            out.push(Attribution {
                person: person.clone(),
                section: self.article.section_at(span.start).map(|s| s.kind),
                range: span,
                value_range,
                value,
                tokens: tokens.clone(),
                pattern,
            });
        }
        out
    }

    fn span(&self, tokens: &Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].orig.start..self.tokens[tokens.end - 1].orig.end
    }

    /// Matches `pattern.elements[element..]` from token `at`; returns the
    /// end token and the captures (greedy: an optional element is tried
    /// before it is skipped).
    fn match_at(
        &self,
        pattern: &AttributionPattern,
        element: usize,
        at: usize,
    ) -> Option<(usize, Captures)> {
        let Some(current) = pattern.elements.get(element) else {
            return Some((at, Vec::new()));
        };
        for (end, capture) in self.element_at(&current.kind, at, element == 0) {
            if let Some((last, mut rest)) = self.match_at(pattern, element + 1, end) {
                rest.insert(0, (at..end, capture));
                return Some((last, rest));
            }
        }
        if current.optional {
            return self.match_at(pattern, element + 1, at);
        }
        None
    }

    /// The ways one element can match at token `at`, longest first.
    fn element_at(&self, kind: &ElementKind, at: usize, first: bool) -> Vec<(usize, Capture)> {
        let Some(token) = self.tokens.get(at) else {
            return Vec::new();
        };
        let annotations = self.annotations.at(at);
        if self.shadowed[at]
            && !matches!(
                kind,
                ElementKind::Sep | ElementKind::Number | ElementKind::Marker(_)
            )
        {
            return Vec::new();
        }
        let mut options: Vec<(usize, Capture)> = match kind {
            ElementKind::Marker(id) => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Marker(m) if self.rules.markers[m].id == *id => {
                        Some((a.end, Capture::Marker(id.clone())))
                    }
                    _ => None,
                })
                .collect(),
            ElementKind::Rank => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Rank(r) => Some((a.end, Capture::Rank(r))),
                    _ => None,
                })
                .collect(),
            ElementKind::Nationality => annotations
                .iter()
                .filter_map(|a| match a.target {
                    Target::Demonym { country, form } => Some((
                        a.end,
                        Capture::Nationality {
                            country,
                            form: Some(form),
                        },
                    )),
                    Target::CountryName(country) => Some((
                        a.end,
                        Capture::Nationality {
                            country,
                            form: None,
                        },
                    )),
                    _ => None,
                })
                .collect(),
            ElementKind::Title => {
                let mut by_end: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
                for a in annotations {
                    if let Target::RoleTitle { entity, role } = a.target {
                        match by_end.iter_mut().find(|(end, _)| *end == a.end) {
                            Some((_, roles)) => roles.push((entity, role)),
                            None => by_end.push((a.end, vec![(entity, role)])),
                        }
                    }
                }
                by_end
                    .into_iter()
                    .map(|(end, roles)| (end, Capture::Title(roles)))
                    .collect()
            }
            ElementKind::Number => match token.kind {
                TokenKind::Number(Some(n)) => vec![(at + 1, Capture::Number(n))],
                _ => Vec::new(),
            },
            ElementKind::Sep => {
                if matches!(
                    token.kind,
                    TokenKind::Punct(',' | '،' | ':' | '-' | '–' | '—')
                ) {
                    vec![(at + 1, Capture::Sep)]
                } else {
                    Vec::new()
                }
            }
            ElementKind::Person => self.person_at(at, first),
        };
        options.sort_by_key(|o| std::cmp::Reverse(o.0));
        options
    }

    /// A person at token `at`: a pack entity, else an unknown name where the
    /// pattern gives context (`first` is false) or, in English, two or more
    /// capitalised words.
    fn person_at(&self, at: usize, first: bool) -> Vec<(usize, Capture)> {
        let entities: Vec<(usize, Capture)> = self
            .annotations
            .at(at)
            .iter()
            .filter_map(|a| match a.target {
                Target::EntityName(e) => Some((a.end, Capture::Entity(e))),
                _ => None,
            })
            .collect();
        if !entities.is_empty() {
            return entities;
        }
        let end = match self.article.language {
            Language::Ar if !first => self.arabic_name_end(at),
            Language::Ar => None,
            Language::En => self
                .english_name_end(at)
                .filter(|&end| !first || end - at >= 2),
        };
        let Some(end) = end else { return Vec::new() };
        vec![(end, Capture::Name)]
    }

    /// An unknown name's key: its first two words, normalised (a
    /// hyphenated word is one word).
    fn name_key(&self, tokens: &Range<usize>) -> String {
        let text = &self.article.normalized.text
            [self.tokens[tokens.start].norm.start..self.tokens[tokens.end - 1].norm.end];
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether token `i` starts a mention that is not a name (a rank, a
    /// title, a country, a marker, a date word).
    fn starts_other_mention(&self, i: usize) -> bool {
        self.annotations.at(i).iter().any(|a| {
            !matches!(
                a.target,
                Target::EntityName(_) | Target::Typo(_) | Target::Verb { .. }
            )
        })
    }

    /// One to three Arabic words, stopping at punctuation, a number, a
    /// `name-stop` word or another mention. A nisba after the first word is
    /// part of the name (`ناصر الكندي`, `محمد المصري`), not a nationality.
    fn arabic_name_end(&self, at: usize) -> Option<usize> {
        let mut end = at;
        while end < self.tokens.len() && end - at < 3 {
            let token = &self.tokens[end];
            let nisba = end > at
                && self
                    .annotations
                    .at(end)
                    .iter()
                    .all(|a| matches!(a.target, Target::Demonym { .. }));
            if token.kind != TokenKind::Word || (self.starts_other_mention(end) && !nisba) {
                break;
            }
            end += 1;
        }
        (end > at).then_some(end)
    }

    /// One to three capitalised English words; a hyphen or apostrophe
    /// written without spaces joins parts of one word (`Al-Kindi`,
    /// `O'Neill`).
    fn english_name_end(&self, at: usize) -> Option<usize> {
        let capitalised = |i: usize| {
            let token = &self.tokens[i];
            token.kind == TokenKind::Word
                && self.article.text[token.orig.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !self.starts_other_mention(i)
        };
        let mut end = at;
        let mut words = 0;
        while end < self.tokens.len() && words < 3 && capitalised(end) {
            end += 1;
            words += 1;
            // `Al-Kindi`: a joiner glued to both neighbours continues the word.
            while end + 1 < self.tokens.len()
                && matches!(
                    self.tokens[end].kind,
                    TokenKind::Punct('-' | '\'' | '\u{2019}')
                )
                && self.tokens[end - 1].orig.end == self.tokens[end].orig.start
                && self.tokens[end].orig.end == self.tokens[end + 1].orig.start
                && self.tokens[end + 1].kind == TokenKind::Word
            {
                end += 2;
            }
        }
        (end > at).then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LoadOptions;
    use crate::text::tokens::tokenize;

    fn attributions(text: &str) -> Vec<(String, String, String)> {
        let rules = RuleSet::load(&crate::rules::RuleSources {
            no_defaults: false,
            paths: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/examples")],
        })
        .rules;
        let article = Article::from_text("t.txt", text, &LoadOptions::default());
        let mentions = rules.find(&article);
        let tokens = tokenize(&article.normalized, &article.text);
        let annotations = TokenMentions::new(&tokens, &mentions);
        Attributor::new(&article, &rules, &tokens, &annotations)
            .attribute()
            .into_iter()
            .map(|a| {
                let who = match &a.person.who {
                    Who::Entity(e) => rules.entities[*e].id.clone(),
                    Who::Name(n) => n.clone(),
                };
                (
                    who,
                    a.value.kind().to_string(),
                    article.text[a.range].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn counterpart_nationality_and_rank() {
        let found = attributions(
            "قائد سلاح الجو يلتقي نظيره الإمارات، اللواء العابد العلوي بوحامد في القاعدة.",
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "nationality".into(),
                "نظيره الإمارات".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "rank".into(),
                "اللواء".into()
            )),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_names_are_keyed_by_two_words() {
        let found = attributions("وقال الجنرال سعيد حمدان المري إن التعاون مستمر.");
        assert_eq!(
            found,
            vec![("سعيد حمدان".into(), "rank".into(), "الجنرال".into())]
        );
    }

    #[test]
    fn titles_with_then() {
        let found =
            attributions("في نوفمبر 2021، وقّع وزير الدفاع آنذاك بيني غانتس على مذكرة تفاهم.");
        assert_eq!(
            found,
            vec![("benny-gantz".into(), "title".into(), "وزير الدفاع".into())]
        );
    }

    #[test]
    fn english_patterns() {
        let found = attributions(
            "Bar met his Moroccan counterpart, Gen. Abed Alaoui Bouhamed, at the base.",
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "nationality".into(),
                "Moroccan".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "mohammed-lahbib-bouhamed".into(),
                "rank".into(),
                "Gen.".into()
            )),
            "{found:?}"
        );
    }
}
