//! `differing-attribution`: the same count credited to different sources.
//!
//! Two claims in different articles about the same group in the same place,
//! close in time, with the same figure (identical bounds, or lower bounds
//! within the tolerance when it is above 0), credited to different
//! originating sources: one outlet says the health ministry gave the
//! figure, another that a monitor did. An article that sets two sources'
//! figures side by side is reporting them, not misattributing one. One
//! flag per pair of sources in an event.
//!
//! With `attributed_vs_fact: true` it compares differently: one outlet
//! states the figure in its own voice while another article credits it to
//! a source (the first has dropped the attribution).

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Check, Finding, ParamError, for_each_event, params};
use crate::lexicon::Lexicon;
use crate::link::Relation;
use crate::model::{Claim, Why};
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["days"];

/// Parameters of `differing-attribution`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Compare a figure an outlet states in its own voice with the same
    /// figure another article credits to a source (instead of comparing
    /// two credited sources).
    attributed_vs_fact: bool,
    /// Claims further apart than this are not compared.
    window_days: i64,
    /// Figures are the same when their lower bounds differ by at most this
    /// share (0: identical bounds).
    tolerance: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            attributed_vs_fact: false,
            window_days: 3,
            tolerance: 0.0,
        }
    }
}

#[derive(Debug)]
struct DifferingAttribution(Params);

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    if !(0.0..1.0).contains(&p.tolerance) {
        return Err(ParamError::at(
            "tolerance",
            format!(
                "`tolerance` must be at least 0 and below 1, not {}",
                p.tolerance
            ),
        ));
    }
    super::non_negative("window_days", p.window_days)?;
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
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        for_each_event(ctx, filter, |event, members| {
            self.check_event(ctx, event, members, out)
        });
    }
}

/// The source a claim is credited to, or the outlet's own voice.
fn voice<'a>(ctx: &'a Context, c: &'a Claim) -> &'a str {
    match c.source.as_deref() {
        Some(s) => s,
        None => {
            let art = &ctx.articles[c.article];
            art.outlet.as_deref().unwrap_or(&art.id)
        }
    }
}

impl DifferingAttribution {
    fn check_event(&self, ctx: &Context, event: usize, members: &[usize], out: &mut Vec<Finding>) {
        let p = &self.0;
        let mut seen: BTreeSet<(&str, &str, &str, Option<&str>)> = BTreeSet::new();
        let mut sorted = members.to_vec();
        sorted.sort_by_key(|&i| (ctx.claims[i].as_of, i));
        for (jpos, &j) in sorted.iter().enumerate() {
            let b = &ctx.claims[j];
            if !p.attributed_vs_fact && b.source.is_none() {
                continue;
            }
            let sb = voice(ctx, b);
            for &i in sorted[jpos.saturating_sub(super::RECENT)..jpos]
                .iter()
                .rev()
            {
                let a = &ctx.claims[i];
                if p.attributed_vs_fact {
                    // Exactly one of the two is in the outlet's own voice,
                    // and that outlet is not itself the credited source.
                    if a.source.is_some() == b.source.is_some() || a.hedged || b.hedged {
                        continue;
                    }
                } else if a.source.is_none() {
                    continue;
                }
                let sa = voice(ctx, a);
                if sa == sb
                    || a.article == b.article
                    || ctx.linked.original(a.article) == ctx.linked.original(b.article)
                    || a.group != b.group
                    || a.place != b.place
                {
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
                let text = if p.attributed_vs_fact {
                    let (fact, cited) = if a.source.is_none() { (a, b) } else { (b, a) };
                    format!(
                        "{} {} in {}: {} stated as fact by {} ({}), credited to {} by {} ({}), {} days apart",
                        b.metric,
                        b.group,
                        b.place.as_deref().unwrap_or("?"),
                        fact.value,
                        voice(ctx, fact),
                        ctx.articles[fact.article].id,
                        voice(ctx, cited),
                        ctx.articles[cited.article]
                            .outlet
                            .as_deref()
                            .unwrap_or(&ctx.articles[cited.article].id),
                        ctx.articles[cited.article].id,
                        days
                    )
                } else {
                    format!(
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
                    )
                };
                let mut why = Why::new(text)
                    .compared("metric", b.metric.to_string())
                    .compared("group", b.group.to_string())
                    .compared("place", b.place.as_deref().unwrap_or("?"))
                    .compared("value", "same")
                    .compared("source", format!("{sa} / {sb}"));
                why.days_apart = Some(days);
                why.tolerance = Some(p.tolerance);
                out.push(Finding::new(vec![i, j], Some(event), why).var("days", days));
            }
        }
    }
}
