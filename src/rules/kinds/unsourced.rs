//! `unsourced`: a figure no one is credited with.
//!
//! A toll stated in an outlet's own voice, with no ministry, agency,
//! monitor or witness named in its sentence or resolved from the sentences
//! around it, cannot be traced (the watchboard audit found 6,438 deaths
//! that "had no source"). A publisher that is itself a known source (a
//! ministry's statement, a monitor's report) speaks for itself and is not
//! flagged; neither is a figure the same article credits elsewhere (the
//! lead states it, a later paragraph says who gave it), nor one whose
//! sentence credits someone the extractor could not name ("a county
//! official said").

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Check, Finding, ParamError, params};
use crate::lexicon::Lexicon;
use crate::model::Why;
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &[];

/// Parameters of `unsourced`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Only figures whose lower bound is at least this.
    min_value: u64,
    /// Skip a figure when the same article credits the same count (the
    /// same event) to a source elsewhere.
    credited_elsewhere_counts: bool,
    /// Only figures about the last this many days before publication
    /// (background history, "a quake in 1930 killed 500", is left alone).
    recent_days: i64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_value: 1,
            credited_elsewhere_counts: true,
            recent_days: 365,
        }
    }
}

#[derive(Debug)]
struct Unsourced(Params);

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    super::non_negative("recent_days", p.recent_days)?;
    Ok(Box::new(Unsourced(p)))
}

/// Is the publisher itself a source: a known one (a ministry, a monitor),
/// or an institution that is not a news outlet ("Eastbrook Police
/// Department press release")?
fn publisher_is_source(ctx: &Context, article: usize) -> bool {
    let Some(outlet) = ctx.articles[article].outlet.as_deref() else {
        return false;
    };
    if ctx.lex.sources.aliases.get(outlet).is_some() {
        return true;
    }
    words(outlet).any(|w| {
        ctx.lex
            .sources
            .descriptors
            .word(&w)
            .is_some_and(|class| !class.contains("media"))
    })
}

/// The words of `s`, lowercased (borrowed when already lowercase).
fn words(s: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Does the sentence credit someone, even where the extractor could not
/// tell whom ("a county official said", "according to official figures")?
/// Then the figure is not unsourced; at worst its source was not resolved.
fn sentence_credits(ctx: &Context, sentence: &str) -> bool {
    let lang = &ctx.lex.language;
    let mut prev = Cow::Borrowed("");
    for w in words(sentence) {
        if lang.reporting_verbs.contains(&*w) || w == "citing" || (prev == "according" && w == "to")
        {
            return true;
        }
        prev = w;
    }
    false
}

impl Check for Unsourced {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        let p = &self.0;
        for (i, c) in ctx.claims.iter().enumerate() {
            if c.is_date()
                || c.source.is_some()
                || c.value.lo() < p.min_value
                || !filter.accepts(ctx.lex, c)
                || publisher_is_source(ctx, c.article)
                || sentence_credits(ctx, c.sentence_text(ctx.articles))
            {
                continue;
            }
            let old = match (ctx.articles[c.article].published, c.as_of) {
                (Some(p), Some(a)) => p.days_since(a) > self.0.recent_days,
                _ => false,
            };
            if old {
                continue;
            }
            let event = ctx.linked.event_of.get(i).copied().flatten();
            if p.credited_elsewhere_counts
                && let Some(e) = event
                && ctx.linked.events[e]
                    .claims
                    .iter()
                    .any(|&o| ctx.claims[o].article == c.article && ctx.claims[o].source.is_some())
            {
                continue;
            }
            let art = &ctx.articles[c.article];
            let text = format!(
                "{} {} in {}: {} is stated by {} with no source credited in the article",
                c.metric,
                c.group,
                c.place.as_deref().unwrap_or("?"),
                c.value,
                art.outlet.as_deref().unwrap_or(&art.id),
            );
            let why = Why::new(text)
                .compared("source", "none")
                .compared("metric", c.metric.to_string())
                .detail("min_value", p.min_value.to_string());
            out.push(Finding::new(vec![i], event, why));
        }
    }
}
