//! `crosscheck events`: the event graph as a table, Markdown, or Graphviz dot.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::table::new_table;
use super::{RenderOptions, Scope, event_outlets, figure, one_line, summary};
use crate::Analysis;
use crate::link::{Change, Relation, Series};
use crate::model::Event;

/// "killed · civilians · Iran · total".
fn count_label(e: &Event) -> String {
    let mut s = format!(
        "{} · {} · {}",
        e.metric,
        e.subject,
        e.place.as_deref().unwrap_or("place unknown")
    );
    let scope = scope_label(e);
    if !scope.is_empty() {
        s.push_str(" · ");
        s.push_str(scope);
    }
    s
}

/// An event's scope as reports name it: "total", "incident", "rate", or
/// nothing when the text does not say.
pub(super) fn scope_label(e: &Event) -> &'static str {
    match e.scope {
        crate::model::Scope::Aggregate => "total",
        crate::model::Scope::Incident => "incident",
        crate::model::Scope::Rate => "rate",
        crate::model::Scope::Unspecified => "",
    }
}

/// Who gave a series: the source, or the outlet for its own figures.
pub(super) fn series_who(s: &Series) -> String {
    s.source
        .as_deref()
        .map(str::to_string)
        .or_else(|| s.outlet.as_ref().map(|o| format!("{o} (own figure)")))
        .unwrap_or_default()
}

/// One source's series: "HRANA: 585 (2025-06-18) → 639 (2025-06-19, rise)".
fn series_line(a: &Analysis, s: &Series) -> String {
    let who = series_who(s);
    let points: Vec<String> = s
        .points
        .iter()
        .map(|p| {
            let date = p
                .as_of
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            let c = &a.claims[p.claim];
            match p.change {
                Change::First => format!("{} ({date})", figure(a, c)),
                ch => format!("{} ({date}, {})", figure(a, c), ch.as_str()),
            }
        })
        .collect();
    format!("{who}: {}", points.join(" → "))
}

fn dates(e: &Event) -> String {
    match (e.first, e.last) {
        (Some(f), Some(l)) if f == l => f.to_string(),
        (Some(f), Some(l)) => format!("{f} – {l}"),
        _ => "undated".into(),
    }
}

fn related(a: &Analysis, e: &Event) -> String {
    let mut v = Vec::new();
    for &p in &e.parts {
        v.push(format!("has part {}", a.events[p].id));
    }
    for &w in &e.part_of {
        v.push(format!("part of {}", a.events[w].id));
    }
    v.join("\n")
}

fn copies_note(e: &Event) -> String {
    let n = e.articles.len();
    if e.independent_articles < n {
        format!("\n{} articles, {} independent", n, e.independent_articles)
    } else {
        String::new()
    }
}

pub(super) fn table(a: &Analysis, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "crosscheck: {}", summary(a, Scope::Events))?;
    if a.events.is_empty() {
        return writeln!(out, "\nNo events: no count claims were found.");
    }
    let mut t = new_table(opts);
    t.set_header(vec![
        "Event",
        "Count",
        "Figures by source, in order",
        "Outlets",
        "Dates",
        "Linked",
    ]);
    for e in &a.events {
        let series: Vec<String> = e.series.iter().map(|s| series_line(a, s)).collect();
        t.add_row(vec![
            e.id.clone(),
            count_label(e),
            series.join("\n"),
            format!("{}{}", event_outlets(a, e).join("\n"), copies_note(e)),
            dates(e),
            related(a, e),
        ]);
    }
    writeln!(out, "\n{t}")
}

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

pub(super) fn markdown(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# crosscheck events\n\n{}\n",
        summary(a, Scope::Events)
    )?;
    for e in &a.events {
        writeln!(out, "## `{}`: {}\n", e.id, cell(&count_label(e)))?;
        writeln!(
            out,
            "- Dates: {}\n- Outlets: {}\n- Articles: {} ({} independent)\n- Sources: {}",
            dates(e),
            cell(&event_outlets(a, e).join(", ")),
            e.articles.len(),
            e.independent_articles,
            if e.sources.is_empty() {
                "none named".to_string()
            } else {
                cell(&e.sources.join(", "))
            }
        )?;
        for &p in &e.parts {
            writeln!(out, "- Has part: `{}`", a.events[p].id)?;
        }
        for &w in &e.part_of {
            writeln!(out, "- Part of: `{}`", a.events[w].id)?;
        }
        writeln!(out, "\n| Source | Figure | As of | Change | Sentence |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for s in &e.series {
            let who = series_who(s);
            for p in &s.points {
                let c = &a.claims[p.claim];
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&who),
                    cell(&figure(a, c)),
                    p.as_of.map(|d| d.to_string()).unwrap_or_default(),
                    p.change.as_str(),
                    cell(c.sentence_text(&a.articles))
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A double-quoted dot string.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for ch in s.chars() {
        match ch {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The claim graph in Graphviz dot: one cluster per event, claims as
/// boxes, links as edges labelled with their reason and strength (parts
/// dashed). Render with `dot -Tsvg`.
pub(super) fn dot(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(s, "graph crosscheck {{");
    let _ = writeln!(
        s,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];"
    );
    for (i, e) in a.events.iter().enumerate() {
        let _ = writeln!(s, "  subgraph {} {{", quote(&format!("cluster_{i}")));
        let _ = writeln!(
            s,
            "    label={};",
            quote(&format!("{}\n{} ({})", e.id, count_label(e), dates(e)))
        );
        for &c in &e.claims {
            let cl = &a.claims[c];
            let art = &a.articles[cl.article];
            let label = format!(
                "{}\n{}\n{}, {}",
                figure(a, cl),
                cl.source.as_deref().unwrap_or("unattributed"),
                art.outlet.as_deref().unwrap_or(&art.id),
                cl.as_of
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into())
            );
            let _ = writeln!(s, "    {} [label={}];", quote(&cl.id), quote(&label));
        }
        let _ = writeln!(s, "  }}");
    }
    for (from, to, l) in a.linked.graph.links() {
        let style = if l.relation == Relation::Same {
            "solid"
        } else {
            "dashed"
        };
        let _ = writeln!(
            s,
            "  {} -- {} [label={}, style={style}, penwidth={:.1}];",
            quote(&a.claims[from].id),
            quote(&a.claims[to].id),
            quote(&format!("{} ({:.2})", l.reason(), l.strength)),
            0.5 + 2.5 * l.strength
        );
    }
    let _ = writeln!(s, "}}");
    out.write_all(s.as_bytes())
}
