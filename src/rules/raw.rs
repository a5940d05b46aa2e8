//! Rule files as written, and their validation into [`Rule`]s.

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::kinds::KINDS;
use super::{Filter, Rule, Template};
use crate::diag::Diagnostic;
use crate::lexicon::Lexicon;
use crate::model::{DATE_METRIC, Severity};

/// A rule file. Unknown fields are errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    /// The check kind: one of the registry's names.
    kind: Spanned<String>,
    /// info, warning or error.
    severity: Spanned<String>,
    /// One line: what it flags.
    summary: String,
    /// What it flags, why it matters, an example (`rules explain` prints it).
    description: String,
    /// The flag message, with placeholders such as {a.text} and {b.source}.
    message: Spanned<String>,
    /// Which claims the rule looks at.
    #[serde(default, rename = "match")]
    matches: Option<RawMatch>,
    /// The kind's parameters.
    #[serde(default)]
    params: Option<Spanned<serde_json::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatch {
    #[serde(default)]
    metrics: Vec<Spanned<String>>,
    #[serde(default)]
    hedged: Option<bool>,
}

fn at<T>(path: &str, text: &str, s: &Spanned<T>, message: String) -> Diagnostic {
    Diagnostic::new(path, message).at(
        text,
        s.referenced.line() as usize,
        s.referenced.column() as usize,
    )
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
            "a rule file has: kind, severity, summary, description, message, and optionally match and params",
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
    let message = Template::parse(&raw.message.value, kind.vars).map_err(|(_, msg)| {
        at(
            path,
            text,
            &raw.message,
            format!("bad message template: {msg}"),
        )
        .help("placeholders look like {a.text}, {b.source}, {place}")
    })?;
    let mut filter = Filter::default();
    if let Some(m) = &raw.matches {
        for metric in &m.metrics {
            let known =
                lex.metric(&metric.value).is_some() || metric.value == lex.review_metric.as_ref();
            if !known {
                let names: Vec<&str> = lex.metrics.iter().map(|m| m.name.as_ref()).collect();
                let hint = if metric.value == DATE_METRIC {
                    "date claims are not counts; this kind compares counts".to_string()
                } else {
                    format!("known metrics: {}, {}", names.join(", "), lex.review_metric)
                };
                return Err(at(
                    path,
                    text,
                    metric,
                    format!(
                        "unknown metric `{}`: this rule would never match",
                        metric.value
                    ),
                )
                .help(hint));
            }
            filter.metrics.push(Arc::from(metric.value.as_str()));
        }
        filter.hedged = m.hedged;
    }
    let params = raw
        .params
        .as_ref()
        .map(|p| p.value.clone())
        .unwrap_or(serde_json::Value::Null);
    let check = (kind.build)(&params).map_err(|msg| {
        let d = Diagnostic::new(path, format!("bad params for `{}`: {msg}", kind.name));
        match &raw.params {
            Some(p) => d.at(
                text,
                p.referenced.line() as usize,
                p.referenced.column() as usize,
            ),
            None => d,
        }
        .help(format!(
            "see `crosscheck rules explain {id}` and the kind's parameters in the README"
        ))
    })?;
    if raw.summary.trim().is_empty() || raw.description.trim().is_empty() {
        return Err(
            Diagnostic::new(path, "summary and description must not be empty")
                .help("say what the rule flags, why it matters, and give an example"),
        );
    }
    Ok(Rule {
        id: id.to_string(),
        kind: kind.name,
        severity,
        summary: raw.summary.trim().to_string(),
        description: raw.description.trim_end().to_string(),
        message,
        filter,
        check,
        origin: path.to_string(),
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
