//! `crosscheck explain FLAG_ID`: one flag in full, for a terminal.

use std::io::{self, Write};

use super::{decision_line, figure, one_line};
use crate::Analysis;
use crate::model::Flag;

const BOLD_YELLOW: &str = "\x1b[1;33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Writes `flag` with its evidence (each sentence with the figure or
/// passage marked), its trace and its decision. With `color`, marks are
/// ANSI bold; without, the passage is set in «guillemets».
pub fn render(a: &Analysis, flag: &Flag, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let head = |s: &str| {
        if color {
            format!("{BOLD}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    writeln!(out, "{} {}", head("Flag"), flag.id)?;
    writeln!(
        out,
        "Rule:     {} ({}, {})",
        flag.rule, flag.severity, flag.kind
    )?;
    writeln!(out, "Decision: {}", decision_line(a, flag))?;
    if let Some(e) = flag.event {
        let e = &a.events[e];
        writeln!(
            out,
            "Event:    {} ({} {} in {})",
            e.id,
            e.metric,
            e.subject,
            e.place.as_deref().unwrap_or("?")
        )?;
    }
    writeln!(out, "Message:  {}", one_line(&flag.message))?;
    writeln!(out, "Why:      {}", one_line(&flag.why.text))?;
    writeln!(out)?;
    writeln!(out, "{}", head("Evidence"))?;
    for (k, e) in flag.evidence.iter().enumerate() {
        let art = &a.articles[e.article];
        let label = (b'A' + k as u8) as char;
        let what = match e.claim {
            Some(c) => figure(a, &a.claims[c]),
            None => format!("{}: \"{}\"", e.role, one_line(&art.body[e.span.clone()])),
        };
        writeln!(out, "  {label}  {what}")?;
        writeln!(
            out,
            "     {} — {}, {} — source: {}",
            art.id,
            art.outlet.as_deref().unwrap_or("outlet unknown"),
            art.published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            e.source.as_deref().unwrap_or("unattributed")
        )?;
        let (s, span) = (&e.sentence, &e.span);
        let (open, close) = if color {
            (BOLD_YELLOW, RESET)
        } else {
            ("«", "»")
        };
        let marked = if s.start <= span.start && span.end <= s.end {
            format!(
                "{}{open}{}{close}{}",
                &art.body[s.start..span.start],
                &art.body[span.clone()],
                &art.body[span.end..s.end]
            )
        } else {
            art.body[s.clone()].to_string()
        };
        writeln!(out, "     \"{}\"", one_line(&marked))?;
        writeln!(
            out,
            "     bytes {}–{} of {}",
            span.start, span.end, art.path
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", head("Trace"))?;
    let why = &flag.why;
    for (k, v) in &why.compared {
        writeln!(out, "  compared {k}: {v}")?;
    }
    for w in &why.figures {
        let c = &a.claims[w.claim];
        writeln!(
            out,
            "  figure {}: {} as of {}, {}{}",
            c.id,
            w.value,
            w.as_of
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            w.source.as_deref().unwrap_or("unattributed"),
            if w.hedged { ", hedged" } else { "" }
        )?;
    }
    if let Some(d) = why.days_apart {
        writeln!(out, "  days apart: {d}")?;
    }
    if let Some(t) = why.tolerance {
        writeln!(
            out,
            "  tolerance: {}%{}",
            t * 100.0,
            why.allowed
                .map(|n| format!(" (allows {n})"))
                .unwrap_or_default()
        )?;
    }
    if let Some(g) = why.gap {
        writeln!(out, "  gap: {g}")?;
    }
    for (k, v) in &why.details {
        writeln!(out, "  {k}: {v}")?;
    }
    Ok(())
}
