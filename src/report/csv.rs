//! CSV: one row per flag (per claim for `extract`, per event for
//! `events`), RFC 4180 quoting, for spreadsheets.

use std::io::{self, Write};

use super::{Scope, one_line, outlet};
use crate::Analysis;
use crate::model::{Claim, Flag};

pub(super) fn render(a: &Analysis, scope: Scope, out: &mut dyn Write) -> io::Result<()> {
    match scope {
        Scope::Check => flags(a, out),
        Scope::Extract => claims(a, out),
        Scope::Events => events(a, out),
    }
}

const FLAG_HEADER: &[&str] = &[
    "id",
    "severity",
    "rule",
    "kind",
    "status",
    "decided_by",
    "decided_at",
    "note",
    "event",
    "message",
    "why",
    "a_article",
    "a_outlet",
    "a_published",
    "a_source",
    "a_text",
    "a_sentence",
    "b_article",
    "b_outlet",
    "b_published",
    "b_source",
    "b_text",
    "b_sentence",
];

fn flags(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    row(out, FLAG_HEADER.iter().map(|s| s.to_string()))?;
    for f in &a.flags {
        row(out, flag_row(a, f))?;
    }
    Ok(())
}

fn flag_row(a: &Analysis, f: &Flag) -> Vec<String> {
    let d = a.decision(f);
    let mut cells = vec![
        f.id.clone(),
        f.severity.as_str().to_string(),
        f.rule.clone(),
        f.kind.as_str().to_string(),
        a.status(f).as_str().to_string(),
        d.map(|d| d.by.clone()).unwrap_or_default(),
        d.map(|d| d.at.clone()).unwrap_or_default(),
        d.and_then(|d| d.note.clone()).unwrap_or_default(),
        f.event.map(|e| a.events[e].id.clone()).unwrap_or_default(),
        one_line(&f.message),
        one_line(&f.why.text),
    ];
    // The first two passages: the two sides of the flag.
    for k in 0..2 {
        match f.evidence.get(k) {
            Some(e) => {
                let art = &a.articles[e.article];
                cells.extend([
                    art.id.clone(),
                    art.outlet.clone().unwrap_or_default(),
                    art.published.map(|p| p.to_string()).unwrap_or_default(),
                    e.source.as_deref().unwrap_or("").to_string(),
                    one_line(&art.body[e.span.clone()]),
                    one_line(&art.body[e.sentence.clone()]),
                ]);
            }
            None => cells.extend(std::iter::repeat_n(String::new(), 6)),
        }
    }
    cells
}

fn claims(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        [
            "id",
            "article",
            "outlet",
            "published",
            "text",
            "min",
            "max",
            "metric",
            "subject",
            "place",
            "country",
            "source",
            "hedged",
            "as_of",
            "scope",
            "start",
            "end",
            "sentence",
        ]
        .iter()
        .map(|s| s.to_string()),
    )?;
    for c in &a.claims {
        row(out, claim_row(a, c))?;
    }
    Ok(())
}

fn claim_row(a: &Analysis, c: &Claim) -> Vec<String> {
    let art = &a.articles[c.article];
    let opt = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    vec![
        c.id.clone(),
        art.id.clone(),
        outlet(a, c),
        art.published.map(|p| p.to_string()).unwrap_or_default(),
        one_line(c.text(&a.articles)),
        opt(c.value.min),
        opt(c.value.max),
        c.reported_metric.to_string(),
        c.subject.to_string(),
        c.place.as_deref().unwrap_or("").to_string(),
        c.country.as_deref().unwrap_or("").to_string(),
        c.source.as_deref().unwrap_or("").to_string(),
        c.hedged.to_string(),
        c.as_of.map(|d| d.to_string()).unwrap_or_default(),
        c.scope.as_str().to_string(),
        c.span.start.to_string(),
        c.span.end.to_string(),
        one_line(c.sentence_text(&a.articles)),
    ]
}

fn events(a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    row(
        out,
        [
            "id", "metric", "place", "subject", "scope", "claims", "sources", "outlets", "min",
            "max",
        ]
        .iter()
        .map(|s| s.to_string()),
    )?;
    for e in &a.events {
        let lo = e.claims.iter().filter_map(|&c| a.claims[c].value.min).min();
        let hi = e
            .claims
            .iter()
            .map(|&c| a.claims[c].value.max)
            .try_fold(0u64, |m, v| v.map(|v| m.max(v)));
        row(
            out,
            vec![
                e.id.clone(),
                e.metric.to_string(),
                e.place.as_deref().unwrap_or("").to_string(),
                e.subject.to_string(),
                e.scope.as_str().to_string(),
                e.claims.len().to_string(),
                e.sources
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                super::event_outlets(a, e).join("; "),
                lo.map(|n| n.to_string()).unwrap_or_default(),
                hi.map(|n| n.to_string()).unwrap_or_default(),
            ],
        )?;
    }
    Ok(())
}

/// One CSV record: fields with a comma, quote or line break are quoted,
/// quotes doubled; CRLF ends the record (RFC 4180). A field that a
/// spreadsheet would take for a formula (=, +, -, @ first) gets a leading
/// apostrophe, so that opening a report never runs one.
fn row(out: &mut dyn Write, cells: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut first = true;
    for cell in cells {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        let guarded;
        let cell = if cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err() {
            guarded = format!("'{cell}");
            guarded.as_str()
        } else {
            cell.as_str()
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.write_all(b"\"")?;
            out.write_all(cell.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(cell.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut v = Vec::new();
        row(&mut v, cells.iter().map(|s| s.to_string())).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        assert_eq!(line(&["a", "b c"]), "a,b c\r\n");
        assert_eq!(
            line(&["1,480", "say \"no\""]),
            "\"1,480\",\"say \"\"no\"\"\"\r\n"
        );
        assert_eq!(line(&["two\nlines"]), "\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_are_defused_but_numbers_are_not() {
        assert_eq!(
            line(&["=HYPERLINK(1)", "-5", "+x"]),
            "'=HYPERLINK(1),-5,'+x\r\n"
        );
    }
}
