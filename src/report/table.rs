//! Terminal tables (comfy-table).

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL;
use comfy_table::{Cell, Color, ContentArrangement, Table};

use super::{
    Mention, RenderOptions, Scope, decision_line, decision_text, figure, flags_for_display,
    mentions, one_line, outlet, short_id, summary,
};
use crate::Analysis;
use crate::model::Severity;
use crate::model::{Claim, Evidence};
use crate::review::Status;

pub(super) fn new_table(opts: &RenderOptions) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL.with_rounded_corners());
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = opts.width {
        t.force_no_tty();
        t.set_width(w);
    }
    if opts.color {
        t.enforce_styling();
    }
    t
}

/// A claim as a table cell: figure and what it counts, where, who says so,
/// and in which outlet when.
fn claim_cell(a: &Analysis, c: &Claim) -> String {
    let mut s = format!("{} {} ({})", figure(a, c), c.metric, c.subject);
    if c.hedged {
        s.push_str(", hedged");
    }
    s.push_str(&format!(
        "\n{}",
        c.place.as_deref().unwrap_or("place unknown")
    ));
    s.push_str(&format!(
        "\n{}",
        c.source.as_deref().unwrap_or("unattributed")
    ));
    s.push_str(&format!(
        "\n{}, {}",
        outlet(a, c),
        c.as_of
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into())
    ));
    s
}

/// A passage that is not a claim: the words, the source, the outlet and date.
fn passage_cell(a: &Analysis, e: &Evidence) -> String {
    let art = &a.articles[e.article];
    format!(
        "{}: \"{}\"\n{}\n{}, {}",
        e.role,
        one_line(&art.body[e.span.clone()]),
        e.source.as_deref().unwrap_or("unattributed"),
        art.outlet.as_deref().unwrap_or(&art.id),
        art.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into())
    )
}

pub(super) fn render(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "crosscheck: {}", summary(a, scope))?;
    match scope {
        Scope::Extract => {
            if a.claims.is_empty() {
                return writeln!(out, "\nNo claims found.");
            }
            let mut t = new_table(opts);
            t.set_header(vec![
                "Article", "Figure", "Metric", "Subject", "Place", "Source", "As of",
            ]);
            for m in mentions(a, opts.all) {
                match m {
                    Mention::Claim(c) => t.add_row(vec![
                        a.articles[c.article].id.clone(),
                        figure(a, c),
                        c.metric.to_string(),
                        c.subject.to_string(),
                        c.place.as_deref().unwrap_or("").to_string(),
                        format!(
                            "{}{}",
                            c.source.as_deref().unwrap_or(""),
                            if c.hedged { " (hedged)" } else { "" }
                        ),
                        c.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    ]),
                    Mention::Skipped(m) => {
                        let art = &a.articles[m.article];
                        t.add_row(vec![
                            art.id.clone(),
                            art.body[m.span.clone()].to_string(),
                            format!("not a claim: {}", m.reason.as_str()),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                        ])
                    }
                };
            }
            writeln!(out, "\n{t}")
        }
        Scope::Check | Scope::Events => {
            if a.flags.is_empty() {
                writeln!(
                    out,
                    "\nNo flags: no figures contradict each other and no count is credited to differing sources."
                )?;
            } else {
                let mut t = new_table(opts);
                t.set_header(vec![
                    "Flag", "Severity", "Rule", "Figure A", "Figure B", "Why",
                ]);
                for f in flags_for_display(a) {
                    let cell = |k: usize| {
                        f.evidence
                            .get(k)
                            .map(|e| match e.claim {
                                Some(c) => claim_cell(a, &a.claims[c]),
                                None => passage_cell(a, e),
                            })
                            .unwrap_or_default()
                    };
                    let status = a.status(f);
                    let mut severity = Cell::new(f.severity.to_string());
                    let mut flag = Cell::new(format!("{}\n{}", short_id(&f.id), status));
                    if opts.color {
                        severity = severity.fg(match f.severity {
                            Severity::Error => Color::Red,
                            Severity::Warning => Color::Yellow,
                            Severity::Info => Color::Blue,
                        });
                        flag = flag.fg(match status {
                            Status::Open => Color::Reset,
                            Status::Accepted => Color::Green,
                            Status::Dismissed => Color::DarkGrey,
                        });
                    }
                    let mut why = f.why.text.clone();
                    if a.decision(f).is_some() {
                        why.push_str("\n— ");
                        why.push_str(&decision_line(a, f));
                    }
                    t.add_row(vec![
                        flag,
                        severity,
                        Cell::new(&f.rule),
                        Cell::new(cell(0)),
                        Cell::new(cell(1)),
                        Cell::new(why),
                    ]);
                }
                writeln!(out, "\nFlags\n{t}")?;
            }
            let stale = a.stale_decisions();
            if scope == Scope::Check && !stale.is_empty() {
                let mut t = new_table(opts);
                t.set_header(vec!["Flag", "Rule", "Decision", "Message"]);
                for d in stale {
                    t.add_row(vec![
                        d.flag.clone(),
                        d.rule.clone(),
                        decision_text(d),
                        one_line(&d.message),
                    ]);
                }
                writeln!(out, "\nStale decisions: their flags no longer fire\n{t}")?;
            }
            // Events that hold several claims or parts: what was compared.
            let multi: Vec<_> = a
                .events
                .iter()
                .filter(|e| e.claims.len() > 1 || !e.parts.is_empty())
                .collect();
            if !multi.is_empty() {
                let mut t = new_table(opts);
                t.set_header(vec![
                    "Event",
                    "Metric",
                    "Place",
                    "Group",
                    "Figures (source, outlet, as of)",
                    "Parts",
                ]);
                for e in &multi {
                    let figures: Vec<String> = e
                        .claims
                        .iter()
                        .map(|&c| {
                            let c = &a.claims[c];
                            format!(
                                "{} {} — {}, {}, {}",
                                figure(a, c),
                                c.subject,
                                c.source.as_deref().unwrap_or("unattributed"),
                                outlet(a, c),
                                c.as_of
                                    .map(|d| d.to_string())
                                    .unwrap_or_else(|| "undated".into())
                            )
                        })
                        .collect();
                    t.add_row(vec![
                        e.id.clone(),
                        e.metric.to_string(),
                        e.place.as_deref().unwrap_or("").to_string(),
                        e.subject.to_string(),
                        figures.join("\n"),
                        e.parts
                            .iter()
                            .map(|&p| {
                                let p = &a.events[p];
                                format!(
                                    "{} {} in {}",
                                    p.id,
                                    p.subject,
                                    p.place.as_deref().unwrap_or("?")
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ]);
                }
                writeln!(out, "\nEvents with several claims or parts\n{t}")?;
            }
            let single = a.events.len() - multi.len();
            if single > 0 {
                writeln!(
                    out,
                    "\n{single} more event{} with a single claim (see `crosscheck events`).",
                    if single == 1 { "" } else { "s" }
                )?;
            }
            Ok(())
        }
    }
}
