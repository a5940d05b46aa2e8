//! Check kinds: one file per kind, one registry table. Adding a kind means
//! adding its file and one entry to [`KINDS`].

mod date_mismatch;
mod denial;
mod differing_attribution;
mod figure_mismatch;
mod hedged_as_fact;
mod pattern;
mod single_source;
mod unsourced;

use std::fmt::Debug;

use super::{Context, Filter};
use crate::lexicon::Lexicon;
use crate::model::{Evidence, FlagKind, Why};

/// How many of the most recent earlier figures of an event each figure is
/// compared with. Events are sorted by date, so this keeps every pairwise
/// check linear in the size of an event (O(n·RECENT)) while still comparing
/// a figure with everything reported about the same count in the days before.
pub const RECENT: usize = 64;

/// One discrepancy a check found: the claims (and other passages), the
/// event, a trace of why, and values for the rule's message template.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Indices into the claim list, in the order the message's `a`, `b` use.
    pub claims: Vec<usize>,
    /// Passages that are not claims (a denial's sentence), after the claims.
    pub evidence: Vec<Evidence>,
    /// The event the finding is about, when there is one.
    pub event: Option<usize>,
    pub why: Why,
    /// Values for the message template's `{name}` placeholders.
    pub vars: Vec<(String, String)>,
}

impl Finding {
    pub fn new(claims: Vec<usize>, event: Option<usize>, why: Why) -> Finding {
        Finding {
            claims,
            evidence: Vec::new(),
            event,
            why,
            vars: Vec::new(),
        }
    }

    pub fn var(mut self, name: &str, value: impl ToString) -> Finding {
        self.vars.push((name.to_string(), value.to_string()));
        self
    }
}

/// A check kind's behaviour, configured from a rule's `params`.
pub trait Check: Debug + Send + Sync {
    /// Looks at the corpus (claims passing the rule's `match`, events,
    /// sentences) and pushes findings.
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>);

    /// Template placeholders this configured check provides beyond the
    /// kind's fixed ones (a pattern's capture names).
    fn vars(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A parameter problem: the message, and the parameter it is about (so
/// the error can point at its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    pub key: Option<String>,
    /// The item of the list under `key` at fault (0-based), when one is.
    pub item: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl ParamError {
    pub fn new(message: impl Into<String>) -> ParamError {
        ParamError {
            key: None,
            item: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn at(key: &str, message: impl Into<String>) -> ParamError {
        ParamError {
            key: Some(key.to_string()),
            item: None,
            message: message.into(),
            help: None,
        }
    }

    /// Points the error at the `n`th item (0-based) of the list under its key.
    pub fn item(mut self, n: usize) -> ParamError {
        self.item = Some(n);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> ParamError {
        self.help = Some(help.into());
        self
    }
}

impl From<String> for ParamError {
    fn from(message: String) -> ParamError {
        ParamError::new(message)
    }
}

/// Builds a check from a rule's `params`.
pub type BuildFn = fn(&serde_json::Value, &Lexicon) -> Result<Box<dyn Check>, ParamError>;

/// A check kind in the registry.
pub struct KindDef {
    pub name: &'static str,
    pub flag_kind: FlagKind,
    /// What it flags, one line (for `rules list` and errors).
    pub summary: &'static str,
    /// Template variables its findings provide, beyond the claims' fields.
    pub vars: &'static [&'static str],
    /// Does it compare claims, so that `match.metrics` must name count metrics?
    pub counts: bool,
    /// Builds the check from the rule's `params` (a JSON value; `null` when absent).
    pub build: BuildFn,
    /// The JSON Schema of its `params`.
    pub schema: fn() -> schemars::Schema,
}

/// The registry of check kinds.
pub const KINDS: &[KindDef] = &[
    KindDef {
        name: "figure-mismatch",
        flag_kind: FlagKind::Contradiction,
        summary: "bounds for the same count that cannot both hold, beyond a tolerance",
        vars: figure_mismatch::VARS,
        counts: true,
        build: figure_mismatch::build,
        schema: figure_mismatch::schema,
    },
    KindDef {
        name: "differing-attribution",
        flag_kind: FlagKind::Attribution,
        summary: "the same count credited to different sources, or stated as fact where another outlet attributes it",
        vars: differing_attribution::VARS,
        counts: true,
        build: differing_attribution::build,
        schema: differing_attribution::schema,
    },
    KindDef {
        name: "denial",
        flag_kind: FlagKind::Denial,
        summary: "a source denies what another article reports, about the same parties",
        vars: denial::VARS,
        counts: false,
        build: denial::build,
        schema: denial::schema,
    },
    KindDef {
        name: "date-mismatch",
        flag_kind: FlagKind::Date,
        summary: "the same event dated differently",
        vars: date_mismatch::VARS,
        counts: false,
        build: date_mismatch::build,
        schema: date_mismatch::schema,
    },
    KindDef {
        name: "single-source",
        flag_kind: FlagKind::Sourcing,
        summary: "a figure several outlets carry that traces back to one independent source",
        vars: single_source::VARS,
        counts: true,
        build: single_source::build,
        schema: single_source::schema,
    },
    KindDef {
        name: "hedged-as-fact",
        flag_kind: FlagKind::Sourcing,
        summary: "a figure one article hedges that another repeats as fact",
        vars: hedged_as_fact::VARS,
        counts: true,
        build: hedged_as_fact::build,
        schema: hedged_as_fact::schema,
    },
    KindDef {
        name: "unsourced",
        flag_kind: FlagKind::Sourcing,
        summary: "a figure no one is credited with",
        vars: unsourced::VARS,
        counts: true,
        build: unsourced::build,
        schema: unsourced::schema,
    },
    KindDef {
        name: "pattern",
        flag_kind: FlagKind::Pattern,
        summary: "a regular expression over claim sentences, with conditions on its captures",
        vars: pattern::VARS,
        counts: true,
        build: pattern::build,
        schema: pattern::schema,
    },
];

/// Reads a kind's params struct from the rule's `params`, rejecting unknown keys.
pub(crate) fn params<T: serde::de::DeserializeOwned + Default>(
    v: &serde_json::Value,
) -> Result<T, ParamError> {
    if v.is_null() {
        return Ok(T::default());
    }
    serde_json::from_value(v.clone()).map_err(|e| {
        let msg = e.to_string();
        // serde names the field in backticks: "unknown field `tolerence`".
        let key = msg
            .split('`')
            .nth(1)
            .filter(|_| msg.starts_with("unknown field") || msg.contains("invalid type"))
            .map(str::to_string)
            .or_else(|| failing_key::<T>(v));
        ParamError {
            key,
            item: None,
            message: msg,
            help: None,
        }
    })
}

/// The first parameter whose value `T` rejects ("invalid type: string,
/// expected a sequence" names no field): parameters structs take every
/// field as optional, so the first prefix of the map that fails to read
/// ends at the culprit.
fn failing_key<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Option<String> {
    let map = v.as_object()?;
    let mut prefix = serde_json::Map::new();
    for (k, value) in map {
        prefix.insert(k.clone(), value.clone());
        if serde_json::from_value::<T>(serde_json::Value::Object(prefix.clone())).is_err() {
            return Some(k.clone());
        }
    }
    None
}

/// A count of days a parameter gives, which cannot be negative.
pub(crate) fn non_negative(key: &str, days: i64) -> Result<(), ParamError> {
    if days < 0 {
        return Err(ParamError::at(
            key,
            format!("`{key}` must be at least 0, not {days}"),
        ));
    }
    Ok(())
}

/// Calls `f` for each event with at least two claims passing `filter`:
/// the event's own claims, then its parts' (a part is compared with its
/// whole, never with another part here).
pub fn for_each_event(ctx: &Context, filter: &Filter, mut f: impl FnMut(usize, &[usize])) {
    let mut members = Vec::new();
    for (ei, event) in ctx.linked.events.iter().enumerate() {
        if event.claims.len() < 2 && event.parts.is_empty() {
            continue;
        }
        members.clear();
        members.extend(
            event
                .claims
                .iter()
                .chain(
                    event
                        .parts
                        .iter()
                        .flat_map(|&p| ctx.linked.events[p].claims.iter()),
                )
                .copied()
                .filter(|&c| filter.accepts(ctx.lex, &ctx.claims[c])),
        );
        if members.len() >= 2 {
            f(ei, &members);
        }
    }
}

/// The schema of a params struct, for the rule-file JSON Schema.
pub(crate) fn schema_of<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
}
