//! `hedged-as-fact`: a figure one article hedges ("reportedly", "could not
//! be independently verified") that another repeats as fact.
//!
//! HRANA keeps cases "under review" apart from verified deaths; IHR leaves
//! out executions it could not confirm. When one outlet carries a figure
//! with a hedge and another, on the same day or later, states the same
//! figure for the same count without it (in its own voice, or credited to
//! the same source), the hedge was dropped on the way.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Check, Finding, ParamError, for_each_event, params};
use crate::lexicon::Lexicon;
use crate::link::Relation;
use crate::model::Why;
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["days"];

/// Parameters of `hedged-as-fact`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// The unhedged figure comes at most this many days after the hedged one.
    window_days: i64,
}

impl Default for Params {
    fn default() -> Self {
        Params { window_days: 7 }
    }
}

#[derive(Debug)]
struct HedgedAsFact(Params);

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    super::non_negative("window_days", p.window_days)?;
    Ok(Box::new(HedgedAsFact(p)))
}

impl Check for HedgedAsFact {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        let p = &self.0;
        for_each_event(ctx, filter, |event, members| {
            let mut sorted = members.to_vec();
            sorted.sort_by_key(|&i| (ctx.claims[i].as_of, i));
            // One flag per unhedged figure: the earliest hedged one it repeats.
            for (jpos, &j) in sorted.iter().enumerate() {
                let fact = &ctx.claims[j];
                if fact.hedged || !ctx.in_event(j, event) {
                    continue;
                }
                let hedged = sorted[jpos.saturating_sub(super::RECENT)..jpos]
                    .iter()
                    .copied()
                    .chain(
                        sorted[jpos + 1..]
                            .iter()
                            .copied()
                            .take_while(|&k| ctx.claims[k].as_of == fact.as_of),
                    )
                    .find(|&i| {
                        let h = &ctx.claims[i];
                        h.hedged
                            && h.value == fact.value
                            && ctx.linked.original(h.article) != ctx.linked.original(fact.article)
                            && (fact.source.is_none() || fact.source == h.source)
                            && ctx
                                .relate(i, j, p.window_days)
                                .is_some_and(|l| l.relation == Relation::Same)
                    });
                let Some(i) = hedged else {
                    continue;
                };
                let h = &ctx.claims[i];
                let days = match (h.as_of, fact.as_of) {
                    (Some(x), Some(y)) => y.days_since(x),
                    _ => 0,
                };
                if days < 0 || days > p.window_days {
                    continue;
                }
                let outlet = |a: usize| {
                    let art = &ctx.articles[a];
                    art.outlet.clone().unwrap_or_else(|| art.id.clone())
                };
                let text = format!(
                    "{} {} in {}: {} is hedged by {} ({}) and stated as fact by {} ({}){}, {} days later",
                    fact.metric,
                    fact.group,
                    fact.place.as_deref().unwrap_or("?"),
                    fact.value,
                    outlet(h.article),
                    ctx.articles[h.article].id,
                    outlet(fact.article),
                    ctx.articles[fact.article].id,
                    match &fact.source {
                        Some(s) => format!(", credited to {s}"),
                        None => String::new(),
                    },
                    days
                );
                let mut why = Why::new(text)
                    .compared("metric", fact.metric.to_string())
                    .compared("value", "same")
                    .compared("hedged", "yes / no");
                why.days_apart = Some(days);
                out.push(Finding::new(vec![i, j], Some(event), why).var("days", days));
            }
        });
    }
}
