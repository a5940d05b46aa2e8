//! The JSON contract, version 1. Wire structs are private to this file so
//! that internal types can change without changing the contract.

use std::io::{self, Write};

use serde::Serialize;

use super::{Mention, RenderOptions, Scope, mentions};
use crate::Analysis;
use crate::link::Relation;
use crate::model::{Event, Flag};
use std::collections::BTreeMap;

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
    /// Flags set aside by a suppressions file or a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Vec<WireSuppressed<'a>>>,
    /// Reviewers' decisions whose flag no longer fires.
    #[serde(skip_serializing_if = "Option::is_none")]
    stale_decisions: Option<Vec<WireStale<'a>>>,
}

#[derive(Serialize)]
struct WireDecision<'a> {
    by: &'a str,
    at: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct WireStale<'a> {
    id: &'a str,
    rule: &'a str,
    status: &'static str,
    by: &'a str,
    at: &'a str,
    note: Option<&'a str>,
    message: &'a str,
}

#[derive(Serialize)]
struct WireArticle<'a> {
    id: &'a str,
    path: &'a str,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    title: Option<&'a str>,
    /// The id of the article this one is a near-identical copy of (syndicated copy).
    duplicate_of: Option<&'a str>,
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
    Claim(Box<WireClaim<'a>>),
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
    /// `incident`, `aggregate` or `unspecified`.
    scope: &'static str,
    /// Where a total's period starts: a date ("2025-06-13") or a named event ("war").
    since: Option<String>,
    /// The wording marks the figure as an update ("now says", "rose to").
    update: bool,
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
    scope: &'static str,
    sources: Vec<&'a str>,
    outlets: Vec<&'a str>,
    articles: Vec<&'a str>,
    /// Articles counted once per group of near-identical copies.
    independent_articles: usize,
    first: Option<String>,
    last: Option<String>,
    /// Events whose counts are parts of this one.
    parts: Vec<&'a str>,
    part_of: Vec<&'a str>,
    series: Vec<WireSeries<'a>>,
    /// Only with `events`: the links into this event's claims.
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<Vec<WireLink<'a>>>,
}

#[derive(Serialize)]
struct WireSeries<'a> {
    source: Option<&'a str>,
    outlet: Option<&'a str>,
    points: Vec<WirePoint<'a>>,
}

#[derive(Serialize)]
struct WirePoint<'a> {
    claim: &'a str,
    as_of: Option<String>,
    value: WireValue,
    change: &'static str,
}

#[derive(Serialize)]
struct WireLink<'a> {
    from: &'a str,
    to: &'a str,
    relation: &'static str,
    group: &'static str,
    place: &'static str,
    period: &'static str,
    days_apart: i64,
    strength: f32,
    reason: String,
}

#[derive(Serialize)]
struct WireFlag<'a> {
    id: &'a str,
    rule: &'a str,
    severity: &'static str,
    kind: &'static str,
    claims: Vec<&'a str>,
    event: Option<&'a str>,
    message: &'a str,
    /// One sentence for people.
    why: &'a str,
    /// The same, for machines.
    trace: WireTrace<'a>,
    evidence: Vec<WireEvidence<'a>>,
    /// open, accepted or dismissed (`crosscheck review`).
    status: &'static str,
    /// Who decided, when and why; null while open and never decided.
    decision: Option<WireDecision<'a>>,
}

#[derive(Serialize)]
struct WireTrace<'a> {
    compared: BTreeMap<&'static str, &'a str>,
    figures: Vec<WireTraceFigure<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_apart: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    allowed: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gap: Option<u64>,
    details: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct WireTraceFigure<'a> {
    claim: &'a str,
    min: Option<u64>,
    max: Option<u64>,
    as_of: Option<String>,
    source: Option<&'a str>,
    hedged: bool,
}

#[derive(Serialize)]
struct WireEvidence<'a> {
    article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a str>,
    role: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct WireSuppressed<'a> {
    id: &'a str,
    rule: &'a str,
    by: &'static str,
    reason: &'a str,
}

fn wire_flag<'a>(a: &'a Analysis, f: &'a Flag) -> WireFlag<'a> {
    WireFlag {
        id: &f.id,
        rule: &f.rule,
        severity: f.severity.as_str(),
        kind: f.kind.as_str(),
        claims: f.claims.iter().map(|&c| a.claims[c].id.as_str()).collect(),
        event: f.event.map(|e| a.events[e].id.as_str()),
        message: &f.message,
        why: &f.why.text,
        trace: WireTrace {
            compared: f
                .why
                .compared
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect(),
            figures: f
                .why
                .figures
                .iter()
                .map(|w| WireTraceFigure {
                    claim: &a.claims[w.claim].id,
                    min: w.value.min,
                    max: w.value.max,
                    as_of: w.as_of.map(|d| d.to_string()),
                    source: w.source.as_deref(),
                    hedged: w.hedged,
                })
                .collect(),
            days_apart: f.why.days_apart,
            tolerance: f.why.tolerance,
            allowed: f.why.allowed,
            gap: f.why.gap,
            details: f
                .why
                .details
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
        },
        evidence: f
            .evidence
            .iter()
            .map(|e| {
                let body = &a.articles[e.article].body;
                WireEvidence {
                    article: &a.articles[e.article].id,
                    claim: e.claim.map(|c| a.claims[c].id.as_str()),
                    role: e.role,
                    text: &body[e.span.clone()],
                    start: e.span.start,
                    end: e.span.end,
                    sentence: body[e.sentence.clone()].trim(),
                    source: e.source.as_deref(),
                }
            })
            .collect(),
        status: a.status(f).as_str(),
        decision: a.decision(f).map(|d| WireDecision {
            by: &d.by,
            at: &d.at,
            note: d.note.as_deref(),
        }),
    }
}

/// The whole report as one JSON object.
pub(super) fn render(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &wire(a, scope, opts))?;
    writeln!(out)
}

/// A record of the JSON Lines format: the record's type, then its fields.
#[derive(Serialize)]
struct Typed<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

#[derive(Serialize)]
struct Header {
    version: u32,
    articles: usize,
    claims: usize,
    events: Option<usize>,
    flags: Option<usize>,
}

/// The same records, one per line, each with its `type`: a `header`, then
/// articles, claims, events, flags, suppressed flags and stale decisions.
pub(super) fn render_lines(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let w = wire(a, scope, opts);
    fn line<T: Serialize>(out: &mut dyn Write, kind: &'static str, record: &T) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &Typed { kind, record })?;
        writeln!(out)
    }
    let header = Header {
        version: w.version,
        articles: w.articles.len(),
        claims: w.claims.len(),
        events: w.events.as_ref().map(Vec::len),
        flags: w.flags.as_ref().map(Vec::len),
    };
    line(out, "header", &header)?;
    for r in &w.articles {
        line(out, "article", r)?;
    }
    for r in &w.claims {
        let kind = match r {
            WireMention::Claim(_) => "claim",
            WireMention::Other(_) => "mention",
        };
        line(out, kind, r)?;
    }
    for r in w.events.iter().flatten() {
        line(out, "event", r)?;
    }
    for r in w.flags.iter().flatten() {
        line(out, "flag", r)?;
    }
    for r in w.suppressed.iter().flatten() {
        line(out, "suppressed", r)?;
    }
    for r in w.stale_decisions.iter().flatten() {
        line(out, "stale_decision", r)?;
    }
    Ok(())
}

fn wire<'a>(a: &'a Analysis, scope: Scope, opts: &RenderOptions) -> Wire<'a> {
    let articles = a
        .articles
        .iter()
        .enumerate()
        .map(|(i, x)| WireArticle {
            id: &x.id,
            path: &x.path,
            outlet: x.outlet.as_deref(),
            url: x.url.as_deref(),
            published: x.published.map(|d| d.to_string()),
            title: x.title.as_deref(),
            duplicate_of: a
                .linked
                .duplicate_of
                .get(i)
                .copied()
                .flatten()
                .map(|d| a.articles[d].id.as_str()),
        })
        .collect();
    let all = opts.all && scope == Scope::Extract;
    let claims = mentions(a, all)
        .into_iter()
        .map(|m| match m {
            Mention::Claim(c) => WireMention::Claim(Box::new(WireClaim {
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
                scope: c.scope.as_str(),
                since: c
                    .since
                    .map(|d| d.to_string())
                    .or_else(|| c.since_anchor.as_deref().map(str::to_string)),
                update: c.update,
                claim: all.then_some(true),
            })),
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
    let events = match scope {
        Scope::Extract => None,
        Scope::Check => Some(a.events.iter().map(|e| wire_event(a, e, None)).collect()),
        Scope::Events => Some(
            a.events
                .iter()
                .zip(links_by_event(a))
                .map(|(e, l)| wire_event(a, e, Some(l)))
                .collect(),
        ),
    };
    let flags = match scope {
        Scope::Extract | Scope::Events => None,
        Scope::Check => Some(a.flags.iter().map(|f| wire_flag(a, f)).collect()),
    };
    let suppressed = match scope {
        Scope::Check if !a.suppressed.is_empty() => Some(
            a.suppressed
                .iter()
                .map(|s| WireSuppressed {
                    id: &s.flag.id,
                    rule: &s.flag.rule,
                    by: s.by,
                    reason: &s.reason,
                })
                .collect(),
        ),
        _ => None,
    };
    let stale = a.stale_decisions();
    let stale_decisions = (scope == Scope::Check && !stale.is_empty()).then(|| {
        stale
            .into_iter()
            .map(|d| WireStale {
                id: &d.flag,
                rule: &d.rule,
                status: d.status.as_str(),
                by: &d.by,
                at: &d.at,
                note: d.note.as_deref(),
                message: &d.message,
            })
            .collect()
    });
    Wire {
        version: VERSION,
        articles,
        claims,
        events,
        flags,
        suppressed,
        stale_decisions,
    }
}

/// The links of the graph by event: each once, under the event that holds
/// both claims, or under the whole when it links a part to it.
fn links_by_event(a: &Analysis) -> Vec<Vec<WireLink<'_>>> {
    let mut by: Vec<Vec<WireLink>> = (0..a.events.len()).map(|_| Vec::new()).collect();
    for (from, to, l) in a.linked.graph.links() {
        let whole = if l.relation == Relation::Contains {
            from
        } else {
            to
        };
        if let Some(e) = a.linked.event_of[whole] {
            by[e].push(WireLink {
                from: a.claims[from].id.as_str(),
                to: a.claims[to].id.as_str(),
                relation: l.relation.as_str(),
                group: l.group.as_str(),
                place: l.place.as_str(),
                period: l.period.as_str(),
                days_apart: l.days_apart,
                strength: l.strength,
                reason: l.reason(),
            });
        }
    }
    by
}

fn wire_event<'a>(
    a: &'a Analysis,
    e: &'a Event,
    links: Option<Vec<WireLink<'a>>>,
) -> WireEvent<'a> {
    let claim_id = |c: usize| a.claims[c].id.as_str();
    WireEvent {
        id: &e.id,
        claims: e.claims.iter().map(|&c| claim_id(c)).collect(),
        metric: &e.reported_metric,
        indicator: &e.metric,
        place: e.place.as_deref(),
        subject: &e.subject,
        scope: e.scope.as_str(),
        sources: e.sources.iter().map(|s| &**s).collect(),
        outlets: super::event_outlets(a, e),
        articles: e
            .articles
            .iter()
            .map(|&i| a.articles[i].id.as_str())
            .collect(),
        independent_articles: e.independent_articles,
        first: e.first.map(|d| d.to_string()),
        last: e.last.map(|d| d.to_string()),
        parts: e.parts.iter().map(|&p| a.events[p].id.as_str()).collect(),
        part_of: e.part_of.iter().map(|&p| a.events[p].id.as_str()).collect(),
        series: e
            .series
            .iter()
            .map(|s| WireSeries {
                source: s.source.as_deref(),
                outlet: s.outlet.as_deref(),
                points: s
                    .points
                    .iter()
                    .map(|p| WirePoint {
                        claim: claim_id(p.claim),
                        as_of: p.as_of.map(|d| d.to_string()),
                        value: WireValue {
                            min: a.claims[p.claim].value.min,
                            max: a.claims[p.claim].value.max,
                        },
                        change: p.change.as_str(),
                    })
                    .collect(),
            })
            .collect(),
        links,
    }
}
