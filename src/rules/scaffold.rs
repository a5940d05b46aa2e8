//! `crosscheck rules new`: a commented rule file to start from.

use std::fmt::Write as _;

use super::KindDef;
use crate::lexicon::Lexicon;

/// The schema file `rules new` keeps at the top of a rules folder, for editors.
pub const SCHEMA_FILE: &str = "rule.schema.json";

/// A rule file for `kind` with every field explained, its parameters at
/// their defaults, and examples to fill in. It loads as it is.
pub fn new_rule(kind: &KindDef, id: &str, lex: &Lexicon) -> String {
    let mut s = String::new();
    let depth = id.matches('/').count();
    let _ = writeln!(
        s,
        "# yaml-language-server: $schema={}{SCHEMA_FILE}",
        "../".repeat(depth)
    );
    let _ = writeln!(
        s,
        "# Rule `{id}`: its id is its path under the rules folder."
    );
    let _ = writeln!(
        s,
        "# Check it with `crosscheck rules validate`, run its examples with"
    );
    let _ = writeln!(
        s,
        "# `crosscheck rules test`, use it with `crosscheck check --rules DIR`."
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "# The check: {} ({}).", kind.name, kind.summary);
    let _ = writeln!(s, "# `crosscheck rules kinds` lists the kinds.");
    let _ = writeln!(s, "kind: {}", kind.name);
    let _ = writeln!(
        s,
        "# info, warning or error; `check --fail-on` compares against it."
    );
    let _ = writeln!(s, "severity: warning");
    let _ = writeln!(s, "# One line: what the rule flags.");
    let _ = writeln!(s, "summary: TODO say in one line what this rule flags");
    let _ = writeln!(
        s,
        "# What it flags, why it matters, an example (`rules explain` prints it)."
    );
    let _ = writeln!(s, "description: |");
    let _ = writeln!(s, "  TODO what it flags.");
    let _ = writeln!(s);
    let _ = writeln!(s, "  Why it matters: TODO.");
    let _ = writeln!(s);
    let _ = writeln!(s, "  Example: TODO.");
    let _ = writeln!(
        s,
        "# The flag message. {{a.FIELD}} and {{b.FIELD}} are the first and second claim"
    );
    let _ = writeln!(
        s,
        "# (text, value, qualifier, metric, subject, place, country, source, outlet,"
    );
    let _ = writeln!(
        s,
        "# article, as_of, sentence); also {{metric}}, {{place}}, {{subject}}, {{event}}"
    );
    if !kind.vars.is_empty() {
        let vars: Vec<String> = kind.vars.iter().map(|v| format!("{{{v}}}")).collect();
        let _ = writeln!(s, "# and this kind's {}.", vars.join(", "));
    }
    let message = if kind.name == "pattern" {
        // One claim, and the sample regex's captures.
        "{a.text} {a.metric} per {unit} ({a.source}, {a.outlet}) is a rate, not a count"
    } else {
        "{a.text} ({a.source}, {a.outlet}) vs {b.text} ({b.source}, {b.outlet})"
    };
    let _ = writeln!(s, "message: \"{message}\"");
    let _ = writeln!(
        s,
        "# Which claims the rule looks at; drop a line to accept any."
    );
    let _ = writeln!(s, "match:");
    if kind.counts {
        let _ = writeln!(s, "  # Metrics: {}.", metric_names(lex));
        let _ = writeln!(s, "  metrics: [killed]");
    } else if kind.name == "date-mismatch" {
        let _ = writeln!(s, "  metrics: [date]");
    }
    let _ = writeln!(
        s,
        "  # groups: [civilians]      # a group and the groups within it"
    );
    let _ = writeln!(
        s,
        "  # places: [Gaza Strip]     # a country or place and the places within it"
    );
    let _ = writeln!(
        s,
        "  # sources: [UN OCHA]       # credited sources, aliases folded"
    );
    let _ = writeln!(
        s,
        "  # hedged: false            # only hedged (true) or unhedged (false) figures"
    );
    let _ = writeln!(
        s,
        "  # sourced: true            # only credited (true) or unattributed (false) figures"
    );
    let _ = writeln!(
        s,
        "  # scope: incident          # incident, aggregate, rate or unspecified"
    );
    let schema = (kind.schema)().to_value();
    match schema["properties"].as_object() {
        Some(props) if !props.is_empty() => {
            let _ = writeln!(s, "# The kind's parameters, at their defaults.");
            let _ = writeln!(s, "params:");
            for (name, p) in props {
                if let Some(doc) = p["description"].as_str() {
                    for line in doc.lines() {
                        let _ = writeln!(s, "  # {}", line.trim());
                    }
                }
                let value = starter(kind.name, name)
                    .map(str::to_string)
                    .or_else(|| {
                        p.get("default")
                            .map(|d| serde_json::to_string(d).unwrap_or_default())
                    })
                    .unwrap_or_else(|| "\"TODO\"".into());
                let _ = writeln!(s, "  {name}: {value}");
            }
        }
        _ => {}
    }
    let _ = writeln!(
        s,
        "# Short articles the rule must flag (expect: flag) or must not"
    );
    let _ = writeln!(
        s,
        "# (expect: no-flag). `crosscheck rules test` runs them; write one of each."
    );
    let _ = writeln!(s, "examples: []");
    let _ = writeln!(
        s,
        "#  - name: two outlets give tolls for the same day that cannot both hold"
    );
    let _ = writeln!(s, "#    expect: flag");
    let _ = writeln!(
        s,
        "#    figures: [\"639\", \"900\"]   # optional: the figures the flag cites"
    );
    let _ = writeln!(s, "#    articles:");
    let _ = writeln!(
        s,
        "#      - {{ published: 2025-06-20, outlet: Wire, text: \"Israeli strikes have killed 639 people in Iran, according to HRANA.\" }}"
    );
    let _ = writeln!(
        s,
        "#      - {{ published: 2025-06-20, outlet: Daily, text: \"Iran's health ministry said 900 people have been killed in Iran.\" }}"
    );
    let _ = writeln!(s, "#  - name: a toll that rose over five days is an update");
    let _ = writeln!(s, "#    expect: no-flag");
    let _ = writeln!(s, "#    articles:");
    let _ = writeln!(
        s,
        "#      - {{ published: 2025-06-15, text: \"At least 224 people have been killed in Iran, the health ministry said.\" }}"
    );
    let _ = writeln!(
        s,
        "#      - {{ published: 2025-06-20, text: \"The health ministry said 639 people have been killed in Iran.\" }}"
    );
    s
}

/// A working value for a parameter that has no useful default, so that
/// the template loads and shows the parameter in use.
fn starter(kind: &str, param: &str) -> Option<&'static str> {
    match (kind, param) {
        ("pattern", "regex") => {
            Some(r"'(?P<n>\d[\d,]*)\s+(?:people\s+)?(?:a|per)\s+(?P<unit>day|week|month)'")
        }
        ("pattern", "where") => Some(r#"["unit in [day, week]"]"#),
        _ => None,
    }
}

fn metric_names(lex: &Lexicon) -> String {
    lex.metrics
        .iter()
        .map(|m| m.name.as_ref())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{KINDS, raw};

    #[test]
    fn every_kind_template_loads() {
        let lex = Lexicon::builtin();
        for k in KINDS {
            let text = new_rule(k, "family/new-rule", &lex);
            if let Err(e) = raw::parse_rule("new.yaml", "family/new-rule", &text, &lex) {
                panic!("{}: {e}\n{text}", k.name);
            }
        }
    }
}
