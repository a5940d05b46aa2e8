//! Renderers: one format per file, each writing to a `&mut dyn Write`.

mod csv;
pub mod eval;
mod events;
pub mod explain;
mod html;
mod json;
mod markdown;
mod table;

use std::io::{self, Write};

use crate::Analysis;
use crate::model::{Claim, Flag};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
    /// One typed JSON record per line, for streaming.
    Jsonl,
    /// One row per flag (per claim for `extract`), for spreadsheets.
    Csv,
    /// One self-contained page: summary, a sortable and filterable flag
    /// table with each flag's evidence, and the events' time series.
    Html,
    /// Graphviz: the event graph (`events` only).
    Dot,
}

impl Format {
    pub const NAMES: &'static [&'static str] =
        &["table", "json", "jsonl", "csv", "markdown", "html", "dot"];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "table" => Some(Format::Table),
            "json" => Some(Format::Json),
            "markdown" | "md" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "html" => Some(Format::Html),
            "dot" => Some(Format::Dot),
            _ => None,
        }
    }
}

/// What is being reported: a full check, or claims only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Articles, claims, events and flags.
    Check,
    /// Articles and claims.
    Extract,
    /// Articles, claims and events with their links (no rules).
    Events,
}

/// Rendering options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// Table width in columns; `None` lets the table fit the terminal.
    pub width: Option<u16>,
    /// With claims, list every number mention that is not a claim and why
    /// (`extract --all`).
    pub all: bool,
    /// ANSI colours in tables (severities, decisions).
    pub color: bool,
}

/// Renders `analysis` in `format` to `out`.
pub fn render(
    analysis: &Analysis,
    scope: Scope,
    format: Format,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (format, scope) {
        (Format::Json, _) => json::render(analysis, scope, opts, out),
        (Format::Jsonl, _) => json::render_lines(analysis, scope, opts, out),
        (Format::Csv, _) => csv::render(analysis, scope, out),
        (Format::Html, _) => html::render(analysis, scope, opts, out),
        (Format::Dot, Scope::Events) => events::dot(analysis, out),
        (Format::Dot, _) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--format dot renders the event graph: use it with `crosscheck events`",
        )),
        (Format::Table, Scope::Events) => events::table(analysis, opts, out),
        (Format::Markdown, Scope::Events) => events::markdown(analysis, out),
        (Format::Table, _) => table::render(analysis, scope, opts, out),
        (Format::Markdown, _) => markdown::render(analysis, scope, opts, out),
    }
}

/// "at least 14 (≥14)": the wording and the bounds.
pub(crate) fn figure(analysis: &Analysis, c: &Claim) -> String {
    let text = one_line(c.text(&analysis.articles));
    let bounds = c.value.to_string();
    if c.is_date() {
        return format!(
            "{text} ({})",
            c.date.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    if text.replace(',', "") == bounds {
        text
    } else {
        format!("{text} ({bounds})")
    }
}

/// Collapses whitespace (sentences may span wrapped lines).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outlet of a claim's article, or its id.
pub(crate) fn outlet(analysis: &Analysis, c: &Claim) -> String {
    let a = &analysis.articles[c.article];
    a.outlet.clone().unwrap_or_else(|| a.id.clone())
}

/// The outlets an event's figures were published in (article ids where an
/// article names none), sorted, each once.
pub(crate) fn event_outlets<'a>(analysis: &'a Analysis, e: &crate::model::Event) -> Vec<&'a str> {
    let mut v: Vec<&str> = e
        .articles
        .iter()
        .map(|&i| {
            let x = &analysis.articles[i];
            x.outlet.as_deref().unwrap_or(&x.id)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Flags sorted for display: most severe first, then in their stable order.
pub(crate) fn flags_for_display(analysis: &Analysis) -> Vec<&Flag> {
    let mut v: Vec<&Flag> = analysis.flags.iter().collect();
    v.sort_by_key(|f| std::cmp::Reverse(f.severity));
    v
}

/// A flag's id as tables show it: short enough for a column, long enough
/// to be a unique prefix (`review` and `explain` take prefixes).
pub(crate) fn short_id(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

/// "dismissed by ana, 2026-12-07: two counts" or "open".
pub(crate) fn decision_line(analysis: &Analysis, f: &Flag) -> String {
    analysis
        .decision(f)
        .map_or_else(|| "open".to_string(), decision_text)
}

/// "dismissed by ana, 2026-12-07: two counts".
pub(crate) fn decision_text(d: &crate::review::Decision) -> String {
    let day = d.at.get(..10).unwrap_or(&d.at);
    let mut s = format!("{} by {}, {day}", d.status, d.by);
    if let Some(n) = &d.note {
        s.push_str(": ");
        s.push_str(&one_line(n));
    }
    s
}

/// "3 articles, 11 claims, 6 events, 0 flags".
pub(crate) fn summary(analysis: &Analysis, scope: Scope) -> String {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let mut parts = vec![
        n(analysis.articles.len(), "article", "articles"),
        n(analysis.claims.len(), "claim", "claims"),
    ];
    match scope {
        Scope::Check => {
            parts.push(n(analysis.events.len(), "event", "events"));
            parts.push(n(analysis.flags.len(), "flag", "flags"));
            let decided = |s: crate::review::Status| {
                analysis
                    .flags
                    .iter()
                    .filter(|f| analysis.status(f) == s)
                    .count()
            };
            for status in [
                crate::review::Status::Accepted,
                crate::review::Status::Dismissed,
            ] {
                let k = decided(status);
                if k > 0 {
                    parts.push(format!("{k} {status}"));
                }
            }
            if analysis.hidden_dismissed > 0 {
                parts.push(format!("{} dismissed hidden", analysis.hidden_dismissed));
            }
            if !analysis.suppressed.is_empty() {
                parts.push(format!("{} set aside", analysis.suppressed.len()));
            }
            let stale = analysis.stale_decisions().len();
            if stale > 0 {
                parts.push(n(stale, "stale decision", "stale decisions"));
            }
        }
        Scope::Events => {
            parts.push(n(analysis.events.len(), "event", "events"));
            parts.push(n(analysis.linked.graph.link_count(), "link", "links"));
            let copies = analysis.linked.duplicate_of.iter().flatten().count();
            if copies > 0 {
                parts.push(n(copies, "near-identical copy", "near-identical copies"));
            }
        }
        Scope::Extract => {}
    }
    parts.join(", ")
}

/// A row of `extract --all`: a claim or a mention that is not one.
pub(crate) enum Mention<'a> {
    Claim(&'a Claim),
    Skipped(&'a crate::extract::Skipped),
}

/// Claims and, with `all`, the other number mentions, in reading order.
pub(crate) fn mentions(analysis: &Analysis, all: bool) -> Vec<Mention<'_>> {
    let mut v: Vec<Mention> = analysis.claims.iter().map(Mention::Claim).collect();
    if all {
        v.extend(analysis.skipped.iter().map(Mention::Skipped));
        v.sort_by_key(|m| match m {
            Mention::Claim(c) => (c.article, c.span.start, c.span.end),
            Mention::Skipped(s) => (s.article, s.span.start, s.span.end),
        });
    }
    v
}
