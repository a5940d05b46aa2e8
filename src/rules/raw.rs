//! Rule files as written, and their validation into [`Rule`]s.

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::examples::{Example, ExampleArticle};
use super::kinds::{KINDS, KindDef};
use super::{Filter, Rule, Template};
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::lexicon::Lexicon;
use crate::model::{DATE_METRIC, Scope, Severity};

/// A rule file. Unknown fields are errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    /// The check kind: one of the registry's names.
    kind: Spanned<String>,
    /// info, warning or error.
    severity: Spanned<String>,
    /// One line: what it flags.
    summary: Spanned<String>,
    /// What it flags, why it matters, an example (`rules explain` prints it).
    description: Spanned<String>,
    /// The flag message, with placeholders such as {a.text} and {b.source}.
    message: Spanned<String>,
    /// Which claims the rule looks at.
    #[serde(default, rename = "match")]
    matches: Option<RawMatch>,
    /// The kind's parameters.
    #[serde(default)]
    params: Option<Spanned<serde_json::Value>>,
    /// Short articles the rule must, or must not, flag.
    #[serde(default)]
    examples: Vec<Spanned<RawExample>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatch {
    #[serde(default)]
    metrics: Vec<Spanned<String>>,
    #[serde(default)]
    groups: Vec<Spanned<String>>,
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    hedged: Option<bool>,
    #[serde(default)]
    sourced: Option<bool>,
    #[serde(default)]
    scope: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    /// What the example shows.
    name: String,
    /// `flag` (the rule must flag) or `no-flag` (it must not).
    expect: Spanned<String>,
    /// For `flag`: figures (as written) the rule's flags must cite.
    #[serde(default)]
    figures: Vec<String>,
    articles: Vec<Spanned<RawExampleArticle>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExampleArticle {
    #[serde(default)]
    id: Option<String>,
    published: Spanned<String>,
    #[serde(default)]
    outlet: Option<String>,
    text: String,
}

fn at<T>(path: &str, text: &str, s: &Spanned<T>, message: String) -> Diagnostic {
    Diagnostic::new(path, message).at(
        text,
        s.referenced.line() as usize,
        s.referenced.column() as usize,
    )
}

/// The line and column of `key:` inside the block that starts at `line`
/// (1-based), for errors about one parameter.
fn key_location(text: &str, line: usize, key: &str) -> Option<(usize, usize)> {
    let pattern = format!("{key}:");
    for (i, l) in text.lines().enumerate().skip(line.saturating_sub(1)) {
        let trimmed = l.trim_start().trim_start_matches("- ");
        if trimmed.starts_with(&pattern) {
            let col = l.len() - trimmed.len() + 1;
            return Some((i + 1, col));
        }
    }
    None
}

/// Where the `n`th item (0-based) of a block list under the key at
/// (`line`, `col`) starts: the `n`th line below it that opens with "- " and
/// is indented further than the key. `None` for a flow list (`[a, b]`).
fn item_location(text: &str, (line, col): (usize, usize), n: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for (i, l) in text.lines().enumerate().skip(line) {
        let indent = l.len() - l.trim_start().len();
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent < col {
            return None;
        }
        if l.trim_start().starts_with("- ") && indent >= col {
            if seen == n {
                return Some((i + 1, indent + 3));
            }
            seen += 1;
        }
    }
    None
}

/// Parses and validates one rule file.
pub(super) fn parse_rule(
    path: &str,
    id: &str,
    text: &str,
    lex: &Lexicon,
) -> Result<Rule, Diagnostic> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 100_000,
            max_depth: 32,
            max_aliases: 100,
        },
    };
    let raw: RawRule = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        Diagnostic::from_yaml(path, text, &e).help(
            "a rule file has: kind, severity, summary, description, message, and optionally match, params and examples (`crosscheck rules new NAME` writes a commented template)",
        )
    })?;
    let kind_names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    let kind = KINDS
        .iter()
        .find(|k| k.name == raw.kind.value)
        .ok_or_else(|| {
            at(
                path,
                text,
                &raw.kind,
                format!("unknown rule kind `{}`", raw.kind.value),
            )
            .help(format!("valid kinds: {}", kind_names.join(", ")))
        })?;
    let severity = Severity::parse(&raw.severity.value).ok_or_else(|| {
        at(
            path,
            text,
            &raw.severity,
            format!("unknown severity `{}`", raw.severity.value),
        )
        .help("severity is one of: info, warning, error")
    })?;
    for (field, value) in [("summary", &raw.summary), ("description", &raw.description)] {
        if value.value.trim().is_empty() {
            return Err(
                at(path, text, value, format!("`{field}` must not be empty"))
                    .help("say what the rule flags, why it matters, and give an example"),
            );
        }
    }
    let filter = parse_match(path, text, raw.matches.as_ref(), kind, lex)?;
    let params = raw
        .params
        .as_ref()
        .map(|p| p.value.clone())
        .unwrap_or(serde_json::Value::Null);
    let check = (kind.build)(&params, lex).map_err(|e| {
        let d = Diagnostic::new(path, format!("bad params for `{}`: {}", kind.name, e.message));
        let located = match &raw.params {
            Some(p) => {
                let line = p.referenced.line() as usize;
                let key = e.key.as_deref().and_then(|k| key_location(text, line, k));
                let item = key.zip(e.item).and_then(|(at, n)| item_location(text, at, n));
                match item.or(key) {
                    Some((l, c)) => d.at(text, l, c),
                    None => d.at(text, line, p.referenced.column() as usize),
                }
            }
            None => d,
        };
        located.help(e.help.unwrap_or_else(|| {
            format!(
                "see the parameters of `{}` in `crosscheck rules explain {id}` and docs/rule.schema.json",
                kind.name
            )
        }))
    })?;
    let dynamic = check.vars();
    let vars: Vec<&str> = kind
        .vars
        .iter()
        .copied()
        .chain(dynamic.iter().map(String::as_str))
        .collect();
    let message = Template::parse(&raw.message.value, &vars).map_err(|(offset, msg)| {
        // Point at the placeholder when the message sits on one line.
        let line = raw.message.referenced.line() as usize;
        let col = raw.message.referenced.column() as usize;
        let bad = &raw.message.value[offset..];
        let bad = &bad[..bad.find('}').map_or(bad.len(), |e| e + 1)];
        let located = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.find(bad).map(|b| l[..b].chars().count() + 1))
            .unwrap_or(col);
        Diagnostic::new(path, format!("bad message template: {msg}"))
            .at(text, line, located)
            .help("placeholders look like {a.text}, {b.source}, {place}")
    })?;
    let mut examples = Vec::new();
    for ex in &raw.examples {
        examples.push(parse_example(path, text, ex)?);
    }
    Ok(Rule {
        id: id.to_string(),
        kind: kind.name,
        flag_kind: kind.flag_kind,
        severity,
        summary: raw.summary.value.trim().to_string(),
        description: raw.description.value.trim_end().to_string(),
        message,
        filter,
        check,
        examples,
        params,
        message_source: raw.message.value.clone(),
        origin: path.to_string(),
    })
}

fn parse_match(
    path: &str,
    text: &str,
    m: Option<&RawMatch>,
    kind: &KindDef,
    lex: &Lexicon,
) -> Result<Filter, Diagnostic> {
    let mut filter = Filter::default();
    let Some(m) = m else {
        return Ok(filter);
    };
    for metric in &m.metrics {
        let known =
            lex.metric(&metric.value).is_some() || metric.value == lex.review_metric.as_ref();
        let is_date = metric.value == DATE_METRIC;
        if !known && !is_date {
            let names: Vec<&str> = lex.metrics.iter().map(|m| m.name.as_ref()).collect();
            return Err(at(
                path,
                text,
                metric,
                format!(
                    "unknown metric `{}`: this rule would never match",
                    metric.value
                ),
            )
            .help(format!(
                "known metrics: {}, {}, {DATE_METRIC}",
                names.join(", "),
                lex.review_metric
            )));
        }
        if is_date && kind.counts {
            return Err(at(
                path,
                text,
                metric,
                format!(
                    "`{}` compares counts, and `{DATE_METRIC}` claims are not counts: this rule would never match",
                    kind.name
                ),
            )
            .help("use kind `date-mismatch` for dates, or list count metrics such as killed"));
        }
        filter.metrics.push(Arc::from(metric.value.as_str()));
    }
    for g in &m.groups {
        let Some(i) = lex.group(&g.value) else {
            let names: Vec<&str> = lex.groups.iter().map(|g| g.name.as_ref()).collect();
            return Err(at(
                path,
                text,
                g,
                format!("unknown group `{}`: this rule would never match", g.value),
            )
            .help(format!("known groups: {}", names.join(", "))));
        };
        filter.groups.push(i);
    }
    for p in &m.places {
        let Some(r) = lex.places.names.get(&p.value).copied() else {
            return Err(at(
                path,
                text,
                p,
                format!("unknown place `{}`: this rule would never match", p.value),
            )
            .help("places are countries or places in data/lexicon/places.yaml (add new ones there, or with --lexicon)"));
        };
        filter.places.push(r);
    }
    for s in &m.sources {
        // Aliases fold to the canonical name claims carry; other names
        // (composed ones such as "Iranian officials") are kept as written.
        let name = match lex.sources.aliases.get(&s.value) {
            Some(&i) => lex.sources.entries[i].canonical.clone(),
            None => Arc::from(s.value.as_str()),
        };
        filter.sources.push(name);
    }
    if m.sourced == Some(false) && !m.sources.is_empty() {
        let s = &m.sources[0];
        return Err(at(
            path,
            text,
            s,
            "`sources` with `sourced: false` can never match: an unsourced claim has no source"
                .to_string(),
        )
        .help("drop `sourced: false`, or the `sources` list"));
    }
    if let Some(scope) = &m.scope {
        filter.scope = Some(match scope.value.as_str() {
            "incident" => Scope::Incident,
            "aggregate" | "total" => Scope::Aggregate,
            "rate" => Scope::Rate,
            "unspecified" => Scope::Unspecified,
            other => {
                return Err(at(path, text, scope, format!("unknown scope `{other}`"))
                    .help("scope is one of: incident, aggregate, rate, unspecified"));
            }
        });
    }
    filter.hedged = m.hedged;
    filter.sourced = m.sourced;
    Ok(filter)
}

fn parse_example(path: &str, text: &str, ex: &Spanned<RawExample>) -> Result<Example, Diagnostic> {
    let e = &ex.value;
    let flag = match e.expect.value.as_str() {
        "flag" => true,
        "no-flag" => false,
        other => {
            return Err(at(
                path,
                text,
                &e.expect,
                format!("unknown expectation `{other}`"),
            )
            .help("`expect` is `flag` (the rule must flag) or `no-flag` (it must not)"));
        }
    };
    if !flag && !e.figures.is_empty() {
        return Err(at(
            path,
            text,
            &e.expect,
            "`figures` lists what a flag cites, but this example expects no flag".to_string(),
        )
        .help("drop `figures`, or expect `flag`"));
    }
    if e.articles.is_empty() {
        return Err(at(
            path,
            text,
            ex,
            format!("example `{}` has no articles", e.name),
        )
        .help("give at least one article with `published` and `text`"));
    }
    let mut articles = Vec::new();
    for (k, a) in e.articles.iter().enumerate() {
        let Some(date) = Date::parse_iso(a.value.published.value.trim()) else {
            return Err(at(
                path,
                text,
                &a.value.published,
                format!(
                    "`published` must be a date such as 2025-06-20, not `{}`",
                    a.value.published.value
                ),
            )
            .help("the publication date anchors relative dates and as-of times"));
        };
        articles.push(ExampleArticle {
            id: a
                .value
                .id
                .clone()
                .unwrap_or_else(|| format!("{}", (b'a' + k as u8) as char)),
            published: date,
            outlet: a.value.outlet.clone(),
            text: a.value.text.clone(),
        });
    }
    Ok(Example {
        name: e.name.clone(),
        flag,
        figures: e.figures.clone(),
        articles,
        line: ex.referenced.line() as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        let lex = Lexicon::builtin();
        parse_rule("r.yaml", "x/r", text, &lex)
            .unwrap_err()
            .to_string()
    }

    const OK: &str = "kind: figure-mismatch\nseverity: warning\nsummary: s\ndescription: d\nmessage: \"{a.text} vs {b.text}\"\n";

    #[test]
    fn a_minimal_rule_loads() {
        let lex = Lexicon::builtin();
        let r = parse_rule("r.yaml", "x/r", OK, &lex).unwrap();
        assert_eq!(r.kind, "figure-mismatch");
        assert_eq!(r.severity, Severity::Warning);
    }

    #[test]
    fn mistakes_are_located() {
        let e = err(&OK.replace("severity: warning", "severty: warning"));
        assert!(e.contains("r.yaml:2"), "{e}");
        let e = err(&OK.replace("figure-mismatch", "figure-mismatches"));
        assert!(
            e.contains("unknown rule kind")
                && e.contains("r.yaml:1:7")
                && e.contains("valid kinds"),
            "{e}"
        );
        let e = err(&format!("{OK}match:\n  metrics: [killed, kiled]\n"));
        assert!(
            e.contains("unknown metric `kiled`") && e.contains("r.yaml:7"),
            "{e}"
        );
        let e = err(&format!("{OK}params:\n  tolerence: 0.1\n"));
        assert!(e.contains("bad params") && e.contains("tolerence"), "{e}");
        let e = err(&OK.replace("{b.text}", "{b.txt}"));
        assert!(e.contains("unknown placeholder"), "{e}");
    }
}
