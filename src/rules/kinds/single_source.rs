//! `single-source`: a figure several articles carry that traces back to one
//! independent source.
//!
//! Casualty counters want two independent reports before a figure counts
//! (Iraq Body Count: "two media reports were needed"; Airwars grades a
//! single-source claim "weak"; the OHCHR standard asks for two independent
//! sources). Outlets repeating one ministry, or a wire story syndicated
//! under several mastheads, are one source however many articles carry it.
//!
//! For each event (its own claims, not its parts'), the originating
//! sources are counted: a credited source by its folded name; a figure in
//! an outlet's own voice as that article's original (a near-identical copy
//! folds into the article it copies). The event is flagged when at least
//! `min_articles` articles carry it and the sources number fewer than
//! `min_sources`. The flag cites the earliest figure; the trace lists the
//! others.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Check, Finding, ParamError, params};
use crate::lexicon::Lexicon;
use crate::model::Why;
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["articles", "independent", "sources", "source"];

/// Parameters of `single-source`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Only events carried by at least this many articles (copies included).
    /// 1 flags every figure with fewer than `min_sources` sources.
    min_articles: usize,
    /// Independent sources a figure needs not to be flagged.
    min_sources: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_articles: 2,
            min_sources: 2,
        }
    }
}

#[derive(Debug)]
struct SingleSource(Params);

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    if p.min_articles == 0 {
        return Err(ParamError::at(
            "min_articles",
            "`min_articles` must be at least 1",
        ));
    }
    if p.min_sources < 2 {
        return Err(ParamError::at(
            "min_sources",
            format!(
                "`min_sources: {}` can never flag: every figure has at least one source",
                p.min_sources
            ),
        )
        .help("2 asks for two independent sources, as IBC and Airwars do"));
    }
    Ok(Box::new(SingleSource(p)))
}

impl Check for SingleSource {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        let p = &self.0;
        for (ei, event) in ctx.linked.events.iter().enumerate() {
            let members: Vec<usize> = event
                .claims
                .iter()
                .copied()
                .filter(|&c| filter.accepts(ctx.lex, &ctx.claims[c]))
                .collect();
            if members.is_empty() {
                continue;
            }
            let articles: BTreeSet<usize> =
                members.iter().map(|&c| ctx.claims[c].article).collect();
            if articles.len() < p.min_articles {
                continue;
            }
            let independent: BTreeSet<usize> =
                articles.iter().map(|&a| ctx.linked.original(a)).collect();
            let sources: BTreeSet<String> = members
                .iter()
                .map(|&c| {
                    let claim = &ctx.claims[c];
                    match &claim.source {
                        Some(s) => s.to_string(),
                        None => {
                            let art = &ctx.articles[ctx.linked.original(claim.article)];
                            art.outlet.clone().unwrap_or_else(|| art.id.clone())
                        }
                    }
                })
                .collect();
            if sources.len() >= p.min_sources {
                continue;
            }
            let first = *members
                .iter()
                .min_by_key(|&&c| (ctx.claims[c].as_of, c))
                .expect("not empty");
            let c = &ctx.claims[first];
            let names: Vec<&str> = sources.iter().map(String::as_str).collect();
            let ids: Vec<&str> = articles
                .iter()
                .map(|&a| ctx.articles[a].id.as_str())
                .collect();
            let text = format!(
                "{} {} in {}: {} figure{} in {} article{} ({} independent) all trace to {}",
                c.metric,
                c.group,
                c.place.as_deref().unwrap_or("?"),
                members.len(),
                if members.len() == 1 { "" } else { "s" },
                articles.len(),
                if articles.len() == 1 { "" } else { "s" },
                independent.len(),
                names.join(", "),
            );
            let why = Why::new(text)
                .compared("metric", c.metric.to_string())
                .compared("group", c.group.to_string())
                .compared("place", c.place.as_deref().unwrap_or("?"))
                .compared("sources", names.join(", "))
                .detail("articles", ids.join(", "))
                .detail("independent_articles", independent.len().to_string())
                .detail("min_sources", p.min_sources.to_string());
            out.push(
                Finding::new(vec![first], Some(ei), why)
                    .var("articles", articles.len())
                    .var("independent", independent.len())
                    .var("sources", sources.len())
                    .var("source", names.join(", ")),
            );
        }
    }
}
