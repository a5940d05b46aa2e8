//! The values the pipeline passes between its stages: articles, claims,
//! events and flags. Renderers read these; nothing here prints.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::date::{Date, PartialDate};

/// A shared, immutable string for values that repeat across claims
/// (metrics, subjects, places, sources).
pub type Sym = Arc<str>;

/// One news article, as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Front-matter `id`, else the file stem (`<stem>:<line>` for JSONL lines without one).
    pub id: String,
    /// Where it was read from, as given on the command line (or `data/articles/...` for the bundled corpus).
    pub path: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub title: Option<String>,
    /// The text after the front matter; every span points into it.
    pub body: String,
}

/// How the wording bounds a figure ("at least 14", "nearly 700", "dozens").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Approximately,
    Nearly,
    Range,
    Vague,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Approximately => "approximately",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "at_most" => Qualifier::AtMost,
            "less_than" => Qualifier::LessThan,
            "approximately" => Qualifier::Approximately,
            "nearly" => Qualifier::Nearly,
            "range" => Qualifier::Range,
            "vague" => Qualifier::Vague,
            _ => return None,
        })
    }

    /// True for wording that leaves the top open ("at least", "more than").
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::AtLeast | Qualifier::MoreThan)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Inclusive bounds on a count; `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Bounds {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

impl Bounds {
    pub fn exact(n: u64) -> Bounds {
        Bounds {
            min: Some(n),
            max: Some(n),
        }
    }

    pub fn new(min: Option<u64>, max: Option<u64>) -> Bounds {
        Bounds { min, max }
    }

    /// The lower bound, 0 when open.
    pub fn lo(&self) -> u64 {
        self.min.unwrap_or(0)
    }

    /// The upper bound, `u64::MAX` when open.
    pub fn hi(&self) -> u64 {
        self.max.unwrap_or(u64::MAX)
    }

    /// How far apart two intervals are (0 when they overlap).
    pub fn gap(&self, other: &Bounds) -> u64 {
        if self.hi() < other.lo() {
            other.lo() - self.hi()
        } else if other.hi() < self.lo() {
            self.lo() - other.hi()
        } else {
            0
        }
    }

    pub fn is_unbounded(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

impl fmt::Display for Bounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), Some(b)) => write!(f, "{a}–{b}"),
            (Some(a), None) => write!(f, "≥{a}"),
            (None, Some(b)) => write!(f, "≤{b}"),
            (None, None) => f.write_str("?"),
        }
    }
}

/// Whether a figure counts one incident or a running total over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Scope {
    /// The text does not say.
    #[default]
    Unspecified,
    /// A total over a period: "since the war began", "so far", "in total".
    Aggregate,
    /// One incident: "in Friday's strike on Beersheba", "the blast".
    Incident,
    /// A rate per unit of time, not an observed count: "about 30 people a
    /// day", "some 120 a week". Never the same count as a toll (R10).
    Rate,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Unspecified => "unspecified",
            Scope::Aggregate => "aggregate",
            Scope::Incident => "incident",
            Scope::Rate => "rate",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The metric name date claims carry.
pub const DATE_METRIC: &str = "date";

/// A figure an article states, with what it counts, where, and who says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Content hash: stable for the same article id, sentence and figure.
    pub id: String,
    /// Index into the article list.
    pub article: usize,
    /// Byte range of the number phrase in the article body, qualifier included.
    pub span: Range<usize>,
    /// Byte range of the sentence it came from.
    pub sentence: Range<usize>,
    pub value: Bounds,
    pub qualifier: Qualifier,
    /// What is counted, finely: `killed`, `injured`, `hospitalised`,
    /// `arrested`, `detained`, ..., `other-count` or `date`. Claims with
    /// different metrics are never compared.
    pub metric: Sym,
    /// The JSON contract's metric it reports as (`hospitalised` → `injured`).
    pub reported_metric: Sym,
    /// Who or what is counted, as written ("civilians", "children"); "people" when unspecified.
    pub subject: Sym,
    /// The group the subject belongs to in the group lexicon (for part/whole linking).
    pub group: Sym,
    pub place: Option<Sym>,
    pub country: Option<Sym>,
    /// The place was read from the claim's own sentence, not assumed from
    /// the speaker or the sentences around it.
    pub place_in_text: bool,
    /// Who the article credits, aliases folded; `None` is the outlet's own statement.
    pub source: Option<Sym>,
    pub hedged: bool,
    /// For date claims: the date stated.
    pub date: Option<PartialDate>,
    /// When the figure holds: the publication date unless the text says
    /// otherwise ("as of Sunday"; "in November 2019" for a past event).
    pub as_of: Option<Date>,
    /// One incident or a total over a period.
    pub scope: Scope,
    /// Where a total's period starts, when dated ("since June 13").
    pub since: Option<Date>,
    /// Where a total's period starts, when named ("since the war began" → `war`).
    pub since_anchor: Option<Sym>,
    /// The wording marks the figure as an update ("now says", "rose to").
    pub update: bool,
}

impl Claim {
    pub fn is_date(&self) -> bool {
        &*self.metric == DATE_METRIC
    }

    /// The number phrase as written.
    pub fn text<'a>(&self, articles: &'a [Article]) -> &'a str {
        &articles[self.article].body[self.span.clone()]
    }

    /// The sentence as written, whitespace as in the body.
    pub fn sentence_text<'a>(&self, articles: &'a [Article]) -> &'a str {
        &articles[self.article].body[self.sentence.clone()]
    }
}

/// A group of claims that may count the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    /// Indices into the claim list, in claim order.
    pub claims: Vec<usize>,
    /// The finer metric its claims share ("hospitalised").
    pub metric: Sym,
    /// The JSON contract's metric ("injured").
    pub reported_metric: Sym,
    /// The broadest place its claims share (a country over its cities).
    pub place: Option<Sym>,
    /// The broadest group its claims count.
    pub subject: Sym,
    /// Incident or total, when its claims agree (or only some say).
    pub scope: Scope,
    /// Distinct sources credited, aliases folded (the outlets' own figures not counted).
    pub sources: Vec<Sym>,
    /// Indices of the articles its claims come from.
    pub articles: Vec<usize>,
    /// Articles counted once per group of near-identical copies (syndicated wire copy).
    pub independent_articles: usize,
    /// The earliest and latest `as_of` of its claims.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// Events whose counts are parts of this one (children of all people,
    /// a town of a country, an incident of a war's total).
    pub parts: Vec<usize>,
    /// Events this one is a part of.
    pub part_of: Vec<usize>,
    /// The figures each source gave, in order.
    pub series: Vec<crate::link::Series>,
}

/// How bad a flag is; `--fail-on` compares against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What sort of discrepancy a flag reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagKind {
    /// Figures that cannot both hold.
    Contradiction,
    /// The same figure credited differently, or stated as fact by one
    /// outlet and attributed by another.
    Attribution,
    /// A source denies what another reports.
    Denial,
    /// The same event dated differently.
    Date,
    /// How well a figure is sourced: one source only, no source, a hedge dropped.
    Sourcing,
    /// A user-defined pattern matched.
    Pattern,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Contradiction => "contradiction",
            FlagKind::Attribution => "attribution",
            FlagKind::Denial => "denial",
            FlagKind::Date => "date",
            FlagKind::Sourcing => "sourcing",
            FlagKind::Pattern => "pattern",
        }
    }
}

impl fmt::Display for FlagKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A passage a flag points at: a claim's figure, or a sentence that is
/// not a figure (a denial and what it denies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Index into the article list.
    pub article: usize,
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
    /// Byte range of the words that matter (the figure, the denial).
    pub span: Range<usize>,
    /// The claim, when the evidence is one.
    pub claim: Option<usize>,
    /// Who says it, aliases folded, when known.
    pub source: Option<Sym>,
    /// What the passage does in the flag ("claim", "denies", "asserts"...).
    pub role: &'static str,
}

/// One figure as a rule saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhyFigure {
    /// Index into the claim list.
    pub claim: usize,
    pub value: Bounds,
    pub as_of: Option<Date>,
    pub source: Option<Sym>,
    pub hedged: bool,
}

/// Why a flag fired, for machines and people: the fields compared, the
/// figures with their bounds and dates, the gap and the tolerance.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Why {
    /// One sentence for people.
    pub text: String,
    /// The fields compared and what they held (`metric` = `killed`,
    /// `relation` = `same`, `place` = `Iran`).
    pub compared: Vec<(&'static str, String)>,
    /// The figures compared (filled in from the flag's claims).
    pub figures: Vec<WhyFigure>,
    /// Days between the figures' as-of dates.
    pub days_apart: Option<i64>,
    /// The tolerance as a share of the larger figure.
    pub tolerance: Option<f64>,
    /// The tolerance in units of the figures.
    pub allowed: Option<u64>,
    /// How far apart the bounds are.
    pub gap: Option<u64>,
    /// Anything else the kind weighed (a pattern's captures, a denial's cue).
    pub details: Vec<(String, String)>,
}

impl Why {
    pub fn new(text: impl Into<String>) -> Why {
        Why {
            text: text.into(),
            ..Why::default()
        }
    }

    pub fn compared(mut self, field: &'static str, value: impl Into<String>) -> Why {
        self.compared.push((field, value.into()));
        self
    }

    pub fn detail(mut self, name: impl Into<String>, value: impl Into<String>) -> Why {
        self.details.push((name.into(), value.into()));
        self
    }
}

/// A discrepancy a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// Content hash of the rule id and what the flag points at (claim ids,
    /// or article ids and sentences): the same finding keeps its id across runs.
    pub id: String,
    pub rule: String,
    pub severity: Severity,
    pub kind: FlagKind,
    /// Indices into the claim list (may be empty: a denial points at sentences).
    pub claims: Vec<usize>,
    /// What the flag points at, in display order: its claims, then other passages.
    pub evidence: Vec<Evidence>,
    /// Index into the event list, when the flag is about one event.
    pub event: Option<usize>,
    pub message: String,
    /// Why it fired.
    pub why: Why,
}
