//! Markdown report: a summary, each flag with its evidence, and the events.

use std::io::{self, Write};

use super::{
    Mention, RenderOptions, Scope, decision_line, decision_text, figure, flags_for_display,
    mentions, one_line, outlet, summary,
};
use crate::Analysis;

/// Escapes the characters that break a Markdown table cell.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

pub(super) fn render(
    a: &Analysis,
    scope: Scope,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "# crosscheck report\n")?;
    writeln!(out, "{}.\n", summary(a, scope))?;
    if scope == Scope::Check {
        writeln!(out, "## Flags\n")?;
        if a.flags.is_empty() {
            writeln!(out, "No flags.\n")?;
        }
        for (i, f) in flags_for_display(a).into_iter().enumerate() {
            writeln!(
                out,
                "### {}. {} `{}` ({})\n",
                i + 1,
                f.severity,
                f.rule,
                f.kind
            )?;
            writeln!(out, "{}\n", one_line(&f.message))?;
            writeln!(
                out,
                "| | Figure | Metric | Group | Place | Source | Outlet | As of |"
            )?;
            writeln!(out, "|---|---|---|---|---|---|---|---|")?;
            for (k, &ci) in f.claims.iter().enumerate() {
                let c = &a.claims[ci];
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    (b'A' + k as u8) as char,
                    cell(&figure(a, c)),
                    c.metric,
                    cell(&c.subject),
                    cell(c.place.as_deref().unwrap_or("")),
                    cell(c.source.as_deref().unwrap_or("unattributed")),
                    cell(&outlet(a, c)),
                    c.as_of.map(|d| d.to_string()).unwrap_or_default()
                )?;
            }
            writeln!(out)?;
            for (k, e) in f.evidence.iter().enumerate() {
                let art = &a.articles[e.article];
                let who = match e.claim {
                    Some(_) => String::new(),
                    None => format!(
                        ", {} ({})",
                        e.role,
                        e.source.as_deref().unwrap_or("unattributed")
                    ),
                };
                writeln!(
                    out,
                    "> **{}** ({}, bytes {}–{}{}): {}\n",
                    (b'A' + k as u8) as char,
                    art.id,
                    e.span.start,
                    e.span.end,
                    who,
                    one_line(&art.body[e.sentence.clone()])
                )?;
            }
            writeln!(out, "Why: {}\n", one_line(&f.why.text))?;
            writeln!(out, "Decision: {}\n", decision_line(a, f))?;
            writeln!(out, "Flag id: `{}`\n", f.id)?;
        }
        let stale = a.stale_decisions();
        if !stale.is_empty() {
            writeln!(out, "## Stale decisions\n")?;
            writeln!(out, "Their flags no longer fire.\n")?;
            writeln!(out, "| Flag | Rule | Decision | Message |")?;
            writeln!(out, "|---|---|---|---|")?;
            for d in stale {
                writeln!(
                    out,
                    "| `{}` | `{}` | {} | {} |",
                    d.flag,
                    d.rule,
                    cell(&decision_text(d)),
                    cell(&d.message)
                )?;
            }
            writeln!(out)?;
        }
        writeln!(out, "## Events\n")?;
        writeln!(out, "| Event | Metric | Place | Group | Claims |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for e in &a.events {
            let claims: Vec<String> = e
                .claims
                .iter()
                .map(|&c| {
                    let c = &a.claims[c];
                    format!(
                        "{} ({}, {})",
                        figure(a, c),
                        c.source.as_deref().unwrap_or("unattributed"),
                        outlet(a, c)
                    )
                })
                .collect();
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                e.id,
                e.metric,
                cell(e.place.as_deref().unwrap_or("")),
                cell(&e.subject),
                cell(&claims.join("; "))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Claims\n")?;
    writeln!(
        out,
        "| Article | Figure | Metric | Group | Place | Source | As of | Sentence |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    for m in mentions(a, opts.all && scope == Scope::Extract) {
        match m {
            Mention::Claim(c) => writeln!(
                out,
                "| {} | {} | {} | {} | {} | {}{} | {} | {} |",
                cell(&a.articles[c.article].id),
                cell(&figure(a, c)),
                c.metric,
                cell(&c.subject),
                cell(c.place.as_deref().unwrap_or("")),
                cell(c.source.as_deref().unwrap_or("")),
                if c.hedged { " (hedged)" } else { "" },
                c.as_of.map(|d| d.to_string()).unwrap_or_default(),
                cell(c.sentence_text(&a.articles))
            )?,
            Mention::Skipped(m) => {
                let art = &a.articles[m.article];
                writeln!(
                    out,
                    "| {} | {} | not a claim: {} | | | | | {} |",
                    cell(&art.id),
                    cell(&art.body[m.span.clone()]),
                    m.reason.as_str(),
                    cell(&art.body[m.sentence.clone()])
                )?
            }
        }
    }
    Ok(())
}
