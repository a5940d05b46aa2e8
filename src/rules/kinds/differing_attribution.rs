//! `differing-attribution`: the same count credited to different sources.
//!
//! Two claims in different articles about the same group in the same place,
//! close in time, with the same figure (identical bounds, or lower bounds
//! within the tolerance when it is above 0), credited to different
//! originating sources: one outlet says the health ministry gave the
//! figure, another that a monitor did. An article that sets two sources'
//! figures side by side is reporting them, not misattributing one. One
//! flag per pair of sources in an event.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::{Check, Finding, params};
use crate::link::Relation;
use crate::model::{Claim, FlagKind};
use crate::rules::Context;

pub const VARS: &[&str] = &["days"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Claims further apart than this are not compared.
    window_days: i64,
    /// Figures are the same when their lower bounds differ by at most this
    /// share (0: identical bounds).
    tolerance: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            window_days: 3,
            tolerance: 0.0,
        }
    }
}

#[derive(Debug)]
struct DifferingAttribution(Params);

pub fn build(v: &serde_json::Value) -> Result<Box<dyn Check>, String> {
    let p: Params = params(v)?;
    if !(0.0..1.0).contains(&p.tolerance) {
        return Err(format!(
            "`tolerance` must be at least 0 and below 1, not {}",
            p.tolerance
        ));
    }
    if p.window_days < 0 {
        return Err("`window_days` must be at least 0".into());
    }
    Ok(Box::new(DifferingAttribution(p)))
}

fn agree(tolerance: f64, a: &Claim, b: &Claim) -> bool {
    if tolerance == 0.0 {
        return a.value == b.value;
    }
    if a.value.gap(&b.value) > 0 {
        return false;
    }
    let (x, y) = (a.value.lo(), b.value.lo());
    x.abs_diff(y) as f64 <= tolerance * x.max(y) as f64
}

impl Check for DifferingAttribution {
    fn flag_kind(&self) -> FlagKind {
        FlagKind::Attribution
    }

    fn check_event(&self, ctx: &Context, event: usize, members: &[usize], out: &mut Vec<Finding>) {
        let p = &self.0;
        let mut seen: BTreeSet<(&str, &str, &str, Option<&str>)> = BTreeSet::new();
        let mut sorted = members.to_vec();
        sorted.sort_by_key(|&i| (ctx.claims[i].as_of, i));
        for (jpos, &j) in sorted.iter().enumerate() {
            let b = &ctx.claims[j];
            let Some(sb) = b.source.as_deref() else {
                continue;
            };
            for &i in sorted[jpos.saturating_sub(super::RECENT)..jpos]
                .iter()
                .rev()
            {
                let a = &ctx.claims[i];
                let Some(sa) = a.source.as_deref() else {
                    continue;
                };
                if sa == sb || a.article == b.article || a.group != b.group || a.place != b.place {
                    continue;
                }
                // The same count (not a part of it), one of this event's own.
                let same = ctx
                    .relate(i, j, p.window_days)
                    .is_some_and(|l| l.relation == Relation::Same);
                if !same || !ctx.in_event(j, event) {
                    continue;
                }
                let days = match (a.as_of, b.as_of) {
                    (Some(x), Some(y)) => y.days_since(x),
                    (None, None) => 0,
                    _ => continue,
                };
                if days > p.window_days || !agree(p.tolerance, a, b) {
                    continue;
                }
                let (s1, s2) = if sa < sb { (sa, sb) } else { (sb, sa) };
                if !seen.insert((s1, s2, &a.group, a.place.as_deref())) {
                    continue;
                }
                let why = format!(
                    "{} {} in {}: {} from {} ({}) and {} from {} ({}), {} days apart",
                    b.metric,
                    b.group,
                    b.place.as_deref().unwrap_or("?"),
                    a.value,
                    sa,
                    ctx.articles[a.article].id,
                    b.value,
                    sb,
                    ctx.articles[b.article].id,
                    days
                );
                out.push(Finding {
                    claims: vec![i, j],
                    why,
                    vars: vec![("days", days.to_string())],
                });
            }
        }
    }
}
