//! The one diagnostic type every check returns and every renderer reads.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How serious a finding is; `--fail-on` compares against it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not wrong by itself.
    Info,
    /// Probably wrong, or a matter of house style.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown only: the edit is inside a quotation or needs rewriting around it.
    DisplayOnly,
    /// Needs a person's judgement (the pack may be stale, the right word may
    /// be another one); `--fix` does not apply it.
    Unsafe,
    /// Can only be right; `--fix` applies it.
    Safe,
}

impl Applicability {
    /// The pack and report spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }

    /// Parses the pack spelling (`safe`, `unsafe`, `display-only`).
    pub fn parse(text: &str) -> Option<Applicability> {
        match text {
            "safe" => Some(Applicability::Safe),
            "unsafe" => Some(Applicability::Unsafe),
            "display-only" => Some(Applicability::DisplayOnly),
            _ => None,
        }
    }
}

/// A replacement for the finding's primary span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The text that replaces the primary span.
    pub replacement: String,
    /// Whether `--fix` may apply it.
    pub applicability: Applicability,
}

/// A secondary span: the evidence ("body says Moroccan").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the article.
    pub range: Range<usize>,
    /// What this place says.
    pub message: String,
}

/// Where a rule lives, so that an editor can open the pack at that line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct RuleRef {
    /// The pack name (shared by every rule of the pack).
    pub pack: std::sync::Arc<str>,
    /// The rule's id within the pack (shared by every finding of the rule:
    /// a pack whose typos occur often makes a finding every few words).
    pub id: std::sync::Arc<str>,
    /// The pack file (`rules/x.yaml`, or `<bundled>/…` for bundled packs).
    pub file: std::sync::Arc<str>,
    /// 1-based line of the rule in the file.
    pub line: usize,
}

impl RuleRef {
    /// The rule's id as reports print it and `disable:` in factlint.yaml
    /// names it: `pack.id` (Vale's `Style.Rule`), e.g. `typos-en.recieve`.
    pub fn qualified_id(&self) -> String {
        format!("{}.{}", self.pack, self.id)
    }

    /// Whether `qualified` names this rule (compared whole, so a pack
    /// name or an id may itself hold a dot).
    pub fn is_named(&self, qualified: &str) -> bool {
        qualified.len() == self.pack.len() + 1 + self.id.len()
            && qualified.starts_with(&*self.pack)
            && qualified[self.pack.len()..].starts_with('.')
            && qualified.ends_with(&*self.id)
    }
}

/// Everything factlint knows about one finding code, written once beside
/// its check: findings are built from it, so the code string, the default
/// severity and the documentation cannot disagree.
#[derive(Debug)]
pub struct CodeInfo {
    /// The stable code, `family/check`: never renamed or reused.
    pub code: &'static str,
    /// One line: what the check reports (`factlint explain` lists it).
    pub summary: &'static str,
    /// The severity findings get unless configured otherwise.
    pub severity: Severity,
    /// The most permissive fix the check ever offers (`None`: no fix), so
    /// that a check cannot quietly start offering safe fixes.
    pub fix: Option<Applicability>,
    /// The full documentation (`## What it checks`, `## Why it matters`,
    /// `## Example`, `## Fix safety`) that `factlint explain CODE` prints.
    pub doc: &'static str,
}

impl PartialEq for CodeInfo {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for CodeInfo {}

/// One thing an article gets wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The code the finding is reported under.
    pub info: &'static CodeInfo,
    /// How serious it is: the code's default unless configured otherwise.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The offending words, as a byte range of the article.
    pub range: Range<usize>,
    /// Evidence elsewhere in the article.
    pub labels: Vec<Label>,
    /// What to do, when there is something to say beyond the fix.
    pub help: Option<String>,
    /// The rule that fired, when a pack rule did.
    pub rule: Option<RuleRef>,
    /// A proposed replacement of `range`.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `info`'s code at its default severity, with no labels,
    /// help, rule or fix.
    pub fn new(
        info: &'static CodeInfo,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            info,
            severity: info.severity,
            message: message.into(),
            range,
            labels: Vec::new(),
            help: None,
            rule: None,
            fix: None,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.info.code
    }

    /// Reports at another severity than the code's default, where the
    /// check's options say so (a house style that differs).
    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    /// Adds an evidence label.
    pub fn with_label(mut self, range: Range<usize>, message: impl Into<String>) -> Finding {
        self.labels.push(Label {
            range,
            message: message.into(),
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Sets the rule that fired.
    pub fn with_rule(mut self, rule: RuleRef) -> Finding {
        self.rule = Some(rule);
        self
    }

    /// Sets the fix.
    pub fn with_fix(
        mut self,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Finding {
        debug_assert!(
            Some(applicability) <= self.info.fix,
            "{} offers a fix safer than its registry entry says",
            self.info.code
        );
        self.fix = Some(Fix {
            replacement: replacement.into(),
            applicability,
        });
        self
    }
}
