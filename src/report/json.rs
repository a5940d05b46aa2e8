//! The JSON contract, version 1. Wire structs are private to this file so
//! that internal types can change without changing the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{Mention, RenderOptions, Scope, mentions};
use crate::Analysis;

/// Bump when a field changes meaning or is removed; adding fields is not a break.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Wire<'a> {
    version: u32,
    articles: Vec<WireArticle<'a>>,
    claims: Vec<WireMention<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Vec<WireEvent<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flags: Option<Vec<WireFlag<'a>>>,
}

#[derive(Serialize)]
struct WireArticle<'a> {
    id: &'a str,
    path: &'a str,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct WireValue {
    min: Option<u64>,
    max: Option<u64>,
}

/// A claim, or with `--all` a number mention that is not one.
#[derive(Serialize)]
#[serde(untagged)]
enum WireMention<'a> {
    Claim(WireClaim<'a>),
    Other(WireOther<'a>),
}

/// A number mention that is not a claim (`extract --all`).
#[derive(Serialize)]
struct WireOther<'a> {
    id: String,
    article: &'a str,
    span: [usize; 2],
    sentence: &'a str,
    text: &'a str,
    claim: bool,
    reason: &'static str,
}

#[derive(Serialize)]
struct WireClaim<'a> {
    id: &'a str,
    article: &'a str,
    span: [usize; 2],
    sentence: &'a str,
    text: &'a str,
    value: WireValue,
    qualifier: &'static str,
    metric: &'a str,
    /// The finer metric ("hospitalised" where `metric` is "injured").
    indicator: &'a str,
    subject: &'a str,
    place: Option<&'a str>,
    country: Option<&'a str>,
    source: Option<&'a str>,
    hedged: bool,
    date: Option<String>,
    as_of: Option<String>,
    /// Only with `--all`: true.
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<bool>,
}

#[derive(Serialize)]
struct WireEvent<'a> {
    id: &'a str,
    claims: Vec<&'a str>,
    metric: &'a str,
    indicator: &'a str,
    place: Option<&'a str>,
    subject: &'a str,
}

#[derive(Serialize)]
struct WireFlag<'a> {
    id: &'a str,
    rule: &'a str,
    severity: &'static str,
    kind: &'static str,
    claims: Vec<&'a str>,
    event: &'a str,
    message: &'a str,
    why: &'a str,
}

pub(super) fn render(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let articles = a
        .articles
        .iter()
        .map(|x| WireArticle {
            id: &x.id,
            path: &x.path,
            outlet: x.outlet.as_deref(),
            url: x.url.as_deref(),
            published: x.published.map(|d| d.to_string()),
            title: x.title.as_deref(),
        })
        .collect();
    let all = opts.all && scope == Scope::Extract;
    let claims = mentions(a, all)
        .into_iter()
        .map(|m| match m {
            Mention::Claim(c) => WireMention::Claim(WireClaim {
                id: &c.id,
                article: &a.articles[c.article].id,
                span: [c.span.start, c.span.end],
                sentence: c.sentence_text(&a.articles),
                text: c.text(&a.articles),
                value: WireValue {
                    min: c.value.min,
                    max: c.value.max,
                },
                qualifier: c.qualifier.as_str(),
                metric: &c.reported_metric,
                indicator: &c.metric,
                subject: &c.subject,
                place: c.place.as_deref(),
                country: c.country.as_deref(),
                source: c.source.as_deref(),
                hedged: c.hedged,
                date: c.date.map(|d| d.to_string()),
                as_of: c.as_of.map(|d| d.to_string()),
                claim: all.then_some(true),
            }),
            Mention::Skipped(m) => {
                let article = &a.articles[m.article];
                WireMention::Other(WireOther {
                    id: crate::id::IdHasher::new()
                        .field(&article.id)
                        .field(m.span.start.to_string())
                        .field(&article.body[m.span.clone()])
                        .finish("m"),
                    article: &article.id,
                    span: [m.span.start, m.span.end],
                    sentence: &article.body[m.sentence.clone()],
                    text: &article.body[m.span.clone()],
                    claim: false,
                    reason: m.reason.as_str(),
                })
            }
        })
        .collect();
    let (events, flags) = match scope {
        Scope::Extract => (None, None),
        Scope::Check => (
            Some(
                a.events
                    .iter()
                    .map(|e| WireEvent {
                        id: &e.id,
                        claims: e.claims.iter().map(|&c| a.claims[c].id.as_str()).collect(),
                        metric: &e.reported_metric,
                        indicator: &e.metric,
                        place: e.place.as_deref(),
                        subject: &e.subject,
                    })
                    .collect(),
            ),
            Some(
                a.flags
                    .iter()
                    .map(|f| WireFlag {
                        id: &f.id,
                        rule: &f.rule,
                        severity: f.severity.as_str(),
                        kind: f.kind.as_str(),
                        claims: f.claims.iter().map(|&c| a.claims[c].id.as_str()).collect(),
                        event: &a.events[f.event].id,
                        message: &f.message,
                        why: &f.why,
                    })
                    .collect(),
            ),
        ),
    };
    let wire = Wire {
        version: VERSION,
        articles,
        claims,
        events,
        flags,
    };
    serde_json::to_writer_pretty(&mut *out, &wire)?;
    writeln!(out)
}
