//! Message templates: `"{a.text} ({a.source}) vs {b.text} ({b.source})"`.
//! Placeholders are checked when the rule is loaded; `{{` and `}}` are
//! literal braces.

use super::Context;
use crate::model::Evidence;

/// Fields of a claim a template can show, as `{a.<field>}` / `{b.<field>}`.
pub const CLAIM_FIELDS: &[&str] = &[
    "text",
    "value",
    "qualifier",
    "metric",
    "subject",
    "place",
    "country",
    "source",
    "outlet",
    "article",
    "as_of",
    "sentence",
];
/// Fields of the event, as `{<field>}`.
pub const EVENT_FIELDS: &[&str] = &["metric", "place", "subject", "event"];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Claim(usize, &'static str),
    Event(&'static str),
    Var(String),
}

/// A parsed message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    /// Parses `src`; `vars` are the extra names the rule's kind provides.
    /// On error returns the byte offset of the bad placeholder and a message.
    pub fn parse(src: &str, vars: &[&str]) -> Result<Template, (usize, String)> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = src.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let Some(close) = src[i..].find('}') else {
                        return Err((i, "unclosed `{` (write `{{` for a literal brace)".into()));
                    };
                    let name = &src[i + 1..i + close];
                    if name.contains('{') {
                        return Err((i, "unclosed `{` (write `{{` for a literal brace)".into()));
                    }
                    let piece = resolve(name, vars).ok_or_else(|| {
                        (
                            i,
                            format!(
                                "unknown placeholder `{{{name}}}`; use {{a.FIELD}} or {{b.FIELD}} with FIELD one of {}, or one of {}",
                                CLAIM_FIELDS.join(", "),
                                EVENT_FIELDS.iter().chain(vars.iter()).copied().collect::<Vec<_>>().join(", ")
                            ),
                        )
                    })?;
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(piece);
                    while chars.peek().is_some_and(|p| p.0 < i + close + 1) {
                        chars.next();
                    }
                }
                '}' => return Err((i, "unmatched `}` (write `}}` for a literal brace)".into())),
                _ => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template { pieces })
    }

    /// Renders the template for a finding on `claims` (a first, b second),
    /// then the passages in `evidence` (a denial's sentences).
    pub fn render(
        &self,
        ctx: &Context,
        event: Option<usize>,
        claims: &[usize],
        evidence: &[Evidence],
        vars: &[(String, String)],
    ) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Claim(k, field) => {
                    if let Some(&c) = claims.get(*k) {
                        out.push_str(&claim_field(ctx, c, field));
                    } else if let Some(e) = evidence.get(*k - claims.len().min(*k)) {
                        out.push_str(&evidence_field(ctx, e, field));
                    }
                }
                Piece::Event(field) => match event.map(|e| &ctx.linked.events[e]) {
                    Some(e) => match *field {
                        "metric" => out.push_str(&e.metric),
                        "place" => out.push_str(e.place.as_deref().unwrap_or("unknown place")),
                        "subject" => out.push_str(&e.subject),
                        _ => out.push_str(&e.id),
                    },
                    // Without an event, the first claim's field.
                    None => {
                        if let Some(&c) = claims.first() {
                            let f = if *field == "event" { "text" } else { field };
                            out.push_str(&claim_field(ctx, c, f));
                        }
                    }
                },
                Piece::Var(name) => {
                    if let Some((_, v)) = vars.iter().find(|(n, _)| n == name) {
                        out.push_str(v);
                    }
                }
            }
        }
        out
    }
}

fn resolve(name: &str, vars: &[&str]) -> Option<Piece> {
    let name = name.trim();
    if let Some((who, field)) = name.split_once('.') {
        let k = match who {
            "a" => 0,
            "b" => 1,
            _ => return None,
        };
        return CLAIM_FIELDS
            .iter()
            .find(|f| **f == field)
            .map(|f| Piece::Claim(k, f));
    }
    if let Some(f) = EVENT_FIELDS.iter().find(|f| **f == name) {
        return Some(Piece::Event(f));
    }
    vars.iter()
        .find(|v| **v == name)
        .map(|v| Piece::Var(v.to_string()))
}

/// One field of a passage that is not a claim.
fn evidence_field(ctx: &Context, e: &Evidence, field: &str) -> String {
    let article = &ctx.articles[e.article];
    match field {
        "text" => article.body[e.span.clone()].to_string(),
        "sentence" => article.body[e.sentence.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "source" => e.source.as_deref().unwrap_or("unattributed").to_string(),
        "outlet" => article.outlet.clone().unwrap_or_else(|| article.id.clone()),
        "article" => article.id.clone(),
        "as_of" => article
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into()),
        _ => String::new(),
    }
}

/// One field of a claim, as text.
pub fn claim_field(ctx: &Context, c: usize, field: &str) -> String {
    let claim = &ctx.claims[c];
    let article = &ctx.articles[claim.article];
    match field {
        "text" => claim.text(ctx.articles).to_string(),
        "value" => claim.value.to_string(),
        "qualifier" => claim.qualifier.to_string(),
        "metric" => claim.metric.to_string(),
        "subject" => claim.subject.to_string(),
        "place" => claim
            .place
            .as_deref()
            .unwrap_or("unknown place")
            .to_string(),
        "country" => claim
            .country
            .as_deref()
            .unwrap_or("unknown country")
            .to_string(),
        "source" => claim
            .source
            .as_deref()
            .unwrap_or("unattributed")
            .to_string(),
        "outlet" => article.outlet.clone().unwrap_or_else(|| article.id.clone()),
        "article" => article.id.clone(),
        "as_of" => claim
            .as_of
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into()),
        "sentence" => claim
            .sentence_text(ctx.articles)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_checked_when_parsed() {
        assert!(Template::parse("{a.text} vs {b.source} in {place}, gap {gap}", &["gap"]).is_ok());
        let err = Template::parse("see {a.txt}", &[]).unwrap_err();
        assert_eq!(err.0, 4);
        assert!(err.1.contains("unknown placeholder `{a.txt}`"));
        assert!(Template::parse("open {a.text", &[]).is_err());
        assert!(Template::parse("a }", &[]).is_err());
        assert_eq!(
            Template::parse("{{literal}}", &[]).unwrap(),
            Template {
                pieces: vec![Piece::Text("{literal}".into())]
            }
        );
    }
}
