//! Check kinds: one file per kind, one registry table. Adding a kind means
//! adding its file and one line to [`KINDS`].

mod differing_attribution;
mod figure_mismatch;

use std::fmt::Debug;

use super::Context;
use crate::model::FlagKind;

/// How many of the most recent earlier figures of an event each figure is
/// compared with. Events are sorted by date, so this keeps every check
/// linear in the size of an event (O(n·RECENT)) while still comparing a
/// figure with everything reported about the same count in the days before.
pub const RECENT: usize = 64;

/// One discrepancy a check found: the claims, a trace of why, and values
/// for the rule's message template (`{gap}`, `{tolerance}`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub claims: Vec<usize>,
    pub why: String,
    pub vars: Vec<(&'static str, String)>,
}

/// A check kind's behaviour, configured from a rule's `params`.
pub trait Check: Debug + Send + Sync {
    /// The kind of flags it raises.
    fn flag_kind(&self) -> FlagKind;

    /// Looks at the claims `members` (already filtered by the rule's
    /// `match`) of event `event`, and pushes findings.
    fn check_event(&self, ctx: &Context, event: usize, members: &[usize], out: &mut Vec<Finding>);
}

/// A check kind in the registry.
pub struct KindDef {
    pub name: &'static str,
    pub flag_kind: FlagKind,
    /// What it flags, one line (for `rules list` and errors).
    pub summary: &'static str,
    /// Template variables its findings provide, beyond the claims' fields.
    pub vars: &'static [&'static str],
    /// Builds the check from the rule's `params` (a JSON value; `null` when absent).
    pub build: fn(&serde_json::Value) -> Result<Box<dyn Check>, String>,
}

/// The registry of check kinds.
pub const KINDS: &[KindDef] = &[
    KindDef {
        name: "figure-mismatch",
        flag_kind: FlagKind::Contradiction,
        summary: "bounds for the same count that cannot both hold, beyond a tolerance",
        vars: figure_mismatch::VARS,
        build: figure_mismatch::build,
    },
    KindDef {
        name: "differing-attribution",
        flag_kind: FlagKind::Attribution,
        summary: "the same count credited to different sources",
        vars: differing_attribution::VARS,
        build: differing_attribution::build,
    },
];

/// Reads a kind's params struct from the rule's `params`, rejecting unknown keys.
pub(crate) fn params<T: serde::de::DeserializeOwned + Default>(
    v: &serde_json::Value,
) -> Result<T, String> {
    if v.is_null() {
        return Ok(T::default());
    }
    serde_json::from_value(v.clone()).map_err(|e| e.to_string())
}
