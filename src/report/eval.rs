//! The evaluation report: what `crosscheck eval` prints.

use std::io::{self, Write};

use serde::Serialize;

use super::one_line;
use crate::Analysis;
use crate::eval::{FIELDS, Finding, Gold, Score};

fn f3(x: f64) -> String {
    format!("{x:.3}")
}

/// Writes the scores as text; with `show`, the missed, extra and wrong claims.
pub fn render_text(
    s: &Score,
    gold: &Gold,
    a: &Analysis,
    show: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "gold claims: {} ({} required, quotes not found: {})",
        s.gold_claims,
        s.required,
        s.quotes_not_found.len()
    )?;
    writeln!(
        out,
        "predicted claims in gold articles: {}",
        s.predicted_in_gold_articles
    )?;
    writeln!(
        out,
        "matched: {} required + {} optional; false positives: {}; missed: {}",
        s.matched_required, s.matched_optional, s.false_positives, s.missed
    )?;
    writeln!(
        out,
        "claim detection: precision {} recall {} F1 {}",
        f3(s.precision),
        f3(s.recall),
        f3(s.f1)
    )?;
    let fields: Vec<String> = FIELDS
        .iter()
        .zip(s.field_accuracy)
        .map(|(n, v)| format!("{n} {}", f3(v)))
        .collect();
    writeln!(
        out,
        "field accuracy on matched claims: {}",
        fields.join(", ")
    )?;
    if let Some(f) = &s.flags {
        writeln!(
            out,
            "flags: gold {}, found {}, unmatched flags {}; precision {} recall {} F1 {}",
            f.gold,
            f.found,
            f.unmatched,
            f3(f.precision),
            f3(f.recall),
            f3(f.f1)
        )?;
    }
    if let Some((wrong, of)) = s.not_flag {
        writeln!(out, "flags on must-not-flag pairs: {wrong} of {of}")?;
    }
    if show {
        for &g in &s.quotes_not_found {
            let g = &gold.claims[g];
            writeln!(
                out,
                "  NOQUOTE {}: {:?} not found in its article",
                g.article, g.quote
            )?;
        }
        for f in &s.findings {
            match f {
                Finding::Missed { gold: g } => {
                    let g = &gold.claims[*g];
                    writeln!(
                        out,
                        "  MISSED {}: {:?} in {:?}",
                        g.article,
                        g.text,
                        short(&g.quote)
                    )?;
                }
                Finding::Extra { claim } => {
                    let c = &a.claims[*claim];
                    writeln!(
                        out,
                        "  EXTRA  {}: {:?} {} in {:?}",
                        a.articles[c.article].id,
                        c.text(&a.articles),
                        c.metric,
                        short(c.sentence_text(&a.articles))
                    )?;
                }
                Finding::Wrong {
                    gold: g,
                    claim,
                    fields,
                } => {
                    let g = &gold.claims[*g];
                    let c = &a.claims[*claim];
                    writeln!(
                        out,
                        "  FIELD  {}: {:?} wrong {}: gold [{:?}, {:?}] {} / {} / {} / {} — got [{:?}, {:?}] {} / {} / {} / {}",
                        g.article,
                        g.text,
                        fields.join(", "),
                        g.value_min,
                        g.value_max,
                        g.metric,
                        g.subject.as_deref().unwrap_or("-"),
                        g.place.as_deref().unwrap_or("-"),
                        g.source.as_deref().unwrap_or("-"),
                        c.value.min,
                        c.value.max,
                        c.metric,
                        c.subject,
                        c.place.as_deref().unwrap_or("-"),
                        c.source.as_deref().unwrap_or("-"),
                    )?;
                }
            }
        }
    }
    writeln!(
        out,
        "claim F1 {}, mean field accuracy {}{}",
        f3(s.f1),
        f3(s.mean_field_accuracy),
        s.flags
            .map(|f| format!(", flag F1 {}", f3(f.f1)))
            .unwrap_or_default()
    )
}

fn short(s: &str) -> String {
    one_line(s).chars().take(90).collect()
}

#[derive(Serialize)]
struct WireScore<'a> {
    gold_claims: usize,
    required: usize,
    matched_required: usize,
    matched_optional: usize,
    false_positives: usize,
    missed: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    field_accuracy: std::collections::BTreeMap<&'a str, f64>,
    mean_field_accuracy: f64,
    flag_f1: Option<f64>,
    flags_on_must_not_flag: Option<usize>,
}

/// Writes the scores as one JSON object.
pub fn render_json(s: &Score, out: &mut dyn Write) -> io::Result<()> {
    let w = WireScore {
        gold_claims: s.gold_claims,
        required: s.required,
        matched_required: s.matched_required,
        matched_optional: s.matched_optional,
        false_positives: s.false_positives,
        missed: s.missed,
        precision: s.precision,
        recall: s.recall,
        f1: s.f1,
        field_accuracy: FIELDS.iter().copied().zip(s.field_accuracy).collect(),
        mean_field_accuracy: s.mean_field_accuracy,
        flag_f1: s.flags.map(|f| f.f1),
        flags_on_must_not_flag: s.not_flag.map(|n| n.0),
    };
    serde_json::to_writer_pretty(&mut *out, &w)?;
    writeln!(out)
}
