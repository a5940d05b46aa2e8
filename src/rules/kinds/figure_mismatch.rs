//! `figure-mismatch`: two figures for the same count that cannot both hold.
//!
//! Two claims are compared when they count the same group in the same place
//! (a part is compared with its whole only to catch a part larger than the
//! whole). Their bounds conflict when the intervals are further apart than
//! the tolerance. Time matters: figures within `same_time_days` of each
//! other must agree; for a running count (a death toll) a later figure may
//! be higher, which is an update, but not lower. Lower-bound language ("at
//! least 14") leaves the top open, so "at least 14" and "at least 24" never
//! conflict.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Check, Finding, ParamError, for_each_event, params};
use crate::lexicon::Lexicon;
use crate::link::Relation;
use crate::model::{Claim, Why};
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["gap", "tolerance", "days"];

/// Parameters of `figure-mismatch`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Allowed gap, as a share of the larger figure (0.05 = 5%).
    tolerance: f64,
    /// Figures this many days apart or fewer are "at the same time".
    same_time_days: i64,
    /// Figures further apart than this are not compared.
    window_days: i64,
    /// Treat metrics marked `running_count` in the lexicon as running tolls.
    running_counts: bool,
    /// Which comparisons to make: `same-time` (figures for the same count
    /// at about the same time must agree), `fall` (a running toll must not
    /// fall later), `parts` (a part must not exceed its whole).
    checks: Vec<Comparison>,
    /// Compare figures from `any` sources, only from the `same` source, or
    /// only from `different` sources.
    sources: Sources,
    /// Compare figures within one article too (`any`), or only figures from
    /// `different` articles (near-identical copies count as one article).
    /// An article that gives two figures usually says how they relate: an
    /// earlier count, a breakdown, or two sides of a dispute.
    articles: Articles,
}

/// Which pairs of articles to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum Articles {
    Any,
    Different,
}

/// One comparison `figure-mismatch` can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum Comparison {
    SameTime,
    Fall,
    Parts,
}

/// Which pairs of sources to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum Sources {
    Any,
    Same,
    Different,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance: 0.05,
            same_time_days: 1,
            window_days: 14,
            running_counts: true,
            checks: vec![Comparison::SameTime, Comparison::Fall, Comparison::Parts],
            sources: Sources::Any,
            articles: Articles::Any,
        }
    }
}

#[derive(Debug)]
struct FigureMismatch(Params);

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
        )
        .help("the tolerance is a share of the larger figure: 0.05 is 5%"));
    }
    if p.checks.is_empty() {
        return Err(
            ParamError::at("checks", "`checks` is empty: this rule would never flag")
                .help("list one or more of: same-time, fall, parts"),
        );
    }
    if p.checks == [Comparison::Fall] && !p.running_counts {
        return Err(ParamError::at(
            "checks",
            "`checks: [fall]` with `running_counts: false` can never flag: only running counts fall",
        ));
    }
    if p.same_time_days < 0 || p.window_days < p.same_time_days {
        return Err(ParamError::at(
            "same_time_days",
            "`same_time_days` must be at least 0 and at most `window_days`",
        ));
    }
    Ok(Box::new(FigureMismatch(p)))
}

fn allowed(tolerance: f64, a: &Claim, b: &Claim) -> u64 {
    let big = a.value.lo().max(b.value.lo());
    (tolerance * big as f64).floor() as u64
}

fn date(c: &Claim) -> String {
    c.as_of
        .map_or_else(|| "an unknown date".into(), |d| d.to_string())
}

impl Check for FigureMismatch {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        for_each_event(ctx, filter, |event, members| {
            self.check_event(ctx, event, members, out)
        });
    }
}

impl FigureMismatch {
    fn check_event(&self, ctx: &Context, event: usize, members: &[usize], out: &mut Vec<Finding>) {
        // The most recent conflict wins, then the largest gap; checked
        // before the trace is written, so losing candidates cost nothing.
        fn better(best: &Option<(i64, u64, Finding)>, days: i64, gap: u64) -> bool {
            best.as_ref()
                .is_none_or(|(d, g, _)| days < *d || (days == *d && gap > *g))
        }
        let p = &self.0;
        let mut sorted = members.to_vec();
        sorted.sort_by_key(|&i| (ctx.claims[i].as_of, i));
        for (jpos, &j) in sorted.iter().enumerate() {
            let later = &ctx.claims[j];
            let running = p.running_counts
                && ctx
                    .lex
                    .metric(&later.metric)
                    .is_some_and(|m| ctx.lex.metrics[m].running_count);
            // One flag per figure: against the most recent earlier figure it
            // conflicts with (the largest gap among equally recent ones).
            let mut best: Option<(i64, u64, Finding)> = None;
            for &i in sorted[jpos.saturating_sub(super::RECENT)..jpos]
                .iter()
                .rev()
            {
                let earlier = &ctx.claims[i];
                // Parts are compared with their whole, not with each other.
                if !ctx.in_event(i, event) && !ctx.in_event(j, event) {
                    continue;
                }
                if p.articles == Articles::Different
                    && ctx.linked.original(earlier.article) == ctx.linked.original(later.article)
                {
                    continue;
                }
                let same_source = earlier.source.is_some() && earlier.source == later.source;
                match p.sources {
                    Sources::Same if !same_source => continue,
                    Sources::Different if same_source => continue,
                    _ => {}
                }
                let Some(link) = ctx.relate(i, j, p.window_days) else {
                    continue;
                };
                let days = link.days_apart;
                let rel = link.relation;
                let tol = allowed(p.tolerance, earlier, later);
                let why;
                let gap;
                match rel {
                    Relation::Same => {
                        // Same day, or a count that does not only grow: the
                        // figures must agree. A running toll may rise the next day.
                        // The same day, a figure the wording marks as an
                        // update ("now says", "has risen to") may be higher.
                        let rising = running
                            && (days > 0 || later.update)
                            && later.value.lo() >= earlier.value.lo();
                        let rising_before = running
                            && days == 0
                            && earlier.update
                            && earlier.value.lo() >= later.value.lo();
                        if rising_before {
                            continue;
                        }
                        if (days <= p.same_time_days && !rising) || !running {
                            if !p.checks.contains(&Comparison::SameTime) {
                                continue;
                            }
                            gap = earlier.value.gap(&later.value);
                            if gap <= tol || !better(&best, days, gap) {
                                continue;
                            }
                            why = format!(
                                "{} {} in {}: {} on {} vs {} on {} cannot both hold: {} apart, tolerance {} ({}%)",
                                later.metric,
                                later.group,
                                later.place.as_deref().unwrap_or("?"),
                                earlier.value,
                                date(earlier),
                                later.value,
                                date(later),
                                gap,
                                tol,
                                p.tolerance * 100.0,
                            );
                        } else {
                            // A running toll may rise, not fall.
                            if !p.checks.contains(&Comparison::Fall)
                                || later.value.hi() >= earlier.value.lo()
                            {
                                continue;
                            }
                            gap = earlier.value.lo() - later.value.hi();
                            if gap <= tol || !better(&best, days, gap) {
                                continue;
                            }
                            why = format!(
                                "running count {} {} in {} fell from {} on {} to {} on {}: down {}, tolerance {} ({}%)",
                                later.metric,
                                later.group,
                                later.place.as_deref().unwrap_or("?"),
                                earlier.value,
                                date(earlier),
                                later.value,
                                date(later),
                                gap,
                                tol,
                                p.tolerance * 100.0,
                            );
                        }
                    }
                    // A part cannot exceed its whole at the same time, nor a running
                    // whole reported later (it can only have grown).
                    Relation::PartOf | Relation::Contains
                        if p.checks.contains(&Comparison::Parts)
                            && (days <= p.same_time_days
                                || (running && rel == Relation::PartOf)) =>
                    {
                        let (part, whole) = if rel == Relation::PartOf {
                            (earlier, later)
                        } else {
                            (later, earlier)
                        };
                        if part.value.lo() <= whole.value.hi() {
                            continue;
                        }
                        gap = part.value.lo() - whole.value.hi();
                        if gap <= tol || !better(&best, days, gap) {
                            continue;
                        }
                        why = format!(
                            "part exceeds its whole: {} {} in {} {} on {} > {} in {} {} on {}: by {}, tolerance {}",
                            part.metric,
                            part.group,
                            part.place.as_deref().unwrap_or("?"),
                            part.value,
                            date(part),
                            whole.group,
                            whole.place.as_deref().unwrap_or("?"),
                            whole.value,
                            date(whole),
                            gap,
                            tol
                        );
                    }
                    _ => continue,
                }
                let mut why = Why::new(why)
                    .compared("metric", later.metric.to_string())
                    .compared("relation", rel.as_str())
                    .compared(
                        "group",
                        format!(
                            "{} / {}: {}",
                            earlier.group,
                            later.group,
                            link.group.as_str()
                        ),
                    )
                    .compared(
                        "place",
                        format!(
                            "{} / {}: {}",
                            earlier.place.as_deref().unwrap_or("?"),
                            later.place.as_deref().unwrap_or("?"),
                            link.place.as_str()
                        ),
                    )
                    .compared("period", link.period.as_str());
                why.days_apart = Some(days);
                why.tolerance = Some(p.tolerance);
                why.allowed = Some(tol);
                why.gap = Some(gap);
                let finding = Finding::new(vec![i, j], Some(event), why)
                    .var("gap", gap)
                    .var("tolerance", tol)
                    .var("days", days);
                best = Some((days, gap, finding));
            }
            out.extend(best.map(|(_, _, f)| f));
        }
    }
}
