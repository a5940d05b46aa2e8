//! `pattern`: a user's regular expression over claim sentences, with
//! conditions on its named captures and on the claim.
//!
//! For each claim the rule's `match` accepts, the regex runs over the
//! claim's sentence; the first match that overlaps the claim's figure
//! (unless `on_figure: false`) and satisfies every `where` condition raises
//! one finding, whose message may use the captures as `{name}`. The regex
//! and the conditions are compiled once, when the rule is loaded, and
//! every mistake that would make the rule silently match nothing is an
//! error there (see [`conditions`] for the condition language).

mod conditions;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Check, Finding, ParamError, params};
use crate::lexicon::Lexicon;
use crate::model::{DATE_METRIC, Why};
use crate::rules::{Context, Filter};
use conditions::{Condition, Env, Op};

pub const VARS: &[&str] = &[];

/// Parameters of `pattern`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// The regular expression (Rust `regex` syntax), run over the sentence
    /// of each claim the rule's `match` accepts; case-insensitive unless it
    /// says otherwise with `(?-i)`. Named captures such as
    /// `(?P<n>\d[\d,]*)` can be tested in `where` and shown in the message
    /// as `{n}`. Required.
    regex: String,
    /// Conditions that must all hold: `NAME OP VALUE` with NAME a capture
    /// or a field (claim.value, claim.max, claim.metric, claim.subject,
    /// claim.group, claim.place, claim.country, claim.source, claim.hedged,
    /// claim.qualifier, claim.scope, article.outlet, article.id) and OP one
    /// of ==, !=, <, <=, >, >=, ~ (regex), !~, in, not in (with a list
    /// [a, b]); or `exists NAME` / `missing NAME` for optional captures.
    /// Text compares case-insensitively; numbers as numbers ("1,200").
    #[serde(rename = "where")]
    conditions: Vec<String>,
    /// Only count a match that overlaps the claim's figure, so that in a
    /// sentence with two figures each claim gets its own match.
    on_figure: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            regex: String::new(),
            conditions: Vec::new(),
            on_figure: true,
        }
    }
}

#[derive(Debug)]
struct Pattern {
    re: regex::Regex,
    /// Named captures in the regex's order: name and group index.
    captures: Vec<(String, usize)>,
    conditions: Vec<Condition>,
    on_figure: bool,
}

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, lex: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    if p.regex.trim().is_empty() {
        return Err(ParamError::at("regex", "`pattern` needs a `regex`").help(
            "give the regular expression to run over each claim's sentence, such as '(?P<n>\\d[\\d,]*)\\s+(?:people\\s+)?a\\s+(?P<unit>day|week)'",
        ));
    }
    let re = regex::RegexBuilder::new(&p.regex)
        .case_insensitive(true)
        .build()
        .map_err(|e| {
            ParamError::at(
                "regex",
                format!("invalid `regex`: {}", conditions::regex_error(&p.regex, &e)),
            )
            .help(conditions::REGEX_HELP)
        })?;
    let captures: Vec<(String, usize)> = re
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (n.to_string(), i)))
        .collect();
    let names: Vec<conditions::CaptureName> =
        captures.iter().map(|(n, i)| (n.as_str(), *i)).collect();
    let conds = p
        .conditions
        .iter()
        .enumerate()
        .map(|(i, c)| conditions::parse(c, &names, lex).map_err(|e| e.item(i)))
        .collect::<Result<Vec<_>, _>>()?;
    if let Err(clash) = conditions::check_satisfiable(&conds) {
        let list: Vec<String> = clash.iter().map(|c| format!("`{}`", c.source)).collect();
        return Err(ParamError::at(
            "where",
            format!(
                "these conditions can never all hold, so this rule would never match: {}",
                list.join(", ")
            ),
        )
        .help("every condition under `where` must hold at once: drop or loosen one of them"));
    }
    Ok(Box::new(Pattern {
        re,
        captures,
        conditions: conds,
        on_figure: p.on_figure,
    }))
}

impl Pattern {
    /// The trace sentence: what matched, and each condition with the value
    /// it saw.
    fn explain(&self, env: &Env, matched: &str, figure: &str) -> String {
        let mut text = format!("the regex matched \"{matched}\" in the sentence of \"{figure}\"");
        if self.conditions.is_empty() {
            return text;
        }
        let parts: Vec<String> = self
            .conditions
            .iter()
            .map(|c| match (c.op, env.get(&c.subject)) {
                (Op::Exists | Op::Missing, _) | (_, None) => c.source.clone(),
                (_, Some(v)) => format!("{} = {v}, so {}", c.subject.name(), c.source),
            })
            .collect();
        text.push_str(" and ");
        text.push_str(&parts.join("; "));
        text
    }
}

impl Check for Pattern {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        // One buffer of capture positions for the whole run.
        let mut locs = self.re.capture_locations();
        let dates = filter.metrics.iter().any(|m| &**m == DATE_METRIC);
        for (i, c) in ctx.claims.iter().enumerate() {
            if (c.is_date() && !dates) || !filter.accepts(ctx.lex, c) {
                continue;
            }
            let article = &ctx.articles[c.article];
            let Some(hay) = article.body.get(c.sentence.clone()) else {
                continue;
            };
            // The figure's bytes, relative to the sentence.
            let fig = c.span.start.saturating_sub(c.sentence.start)
                ..c.span.end.saturating_sub(c.sentence.start);
            let mut pos = 0;
            while pos <= hay.len() {
                let Some(m) = self.re.captures_read_at(&mut locs, hay, pos) else {
                    break;
                };
                if self.on_figure && m.start() >= fig.end {
                    // Later matches start further right still.
                    break;
                }
                let on = !self.on_figure || (m.start() < fig.end && fig.start < m.end());
                let env = Env {
                    claim: c,
                    article,
                    hay,
                    locs: &locs,
                };
                if on && self.conditions.iter().all(|k| k.holds(&env)) {
                    out.push(self.finding(ctx, i, &env, m.as_str()));
                    break;
                }
                pos = if m.end() > m.start() {
                    m.end()
                } else {
                    // An empty match: step over one character.
                    hay[m.end()..]
                        .chars()
                        .next()
                        .map_or(hay.len() + 1, |ch| m.end() + ch.len_utf8())
                };
            }
        }
    }

    fn vars(&self) -> Vec<String> {
        self.captures.iter().map(|(n, _)| n.clone()).collect()
    }
}

impl Pattern {
    fn finding(&self, ctx: &Context, claim: usize, env: &Env, matched: &str) -> Finding {
        let c = &ctx.claims[claim];
        let mut why = Why::new(self.explain(env, matched, c.text(ctx.articles)))
            .compared("metric", c.metric.to_string())
            .detail("match", matched);
        let mut vars = Vec::with_capacity(self.captures.len());
        for (name, idx) in &self.captures {
            let value = env.locs.get(*idx).map(|(a, b)| &env.hay[a..b]);
            if let Some(v) = value {
                why = why.detail(name.as_str(), v);
            }
            vars.push((name.clone(), value.unwrap_or("").to_string()));
        }
        if !self.conditions.is_empty() {
            let all: Vec<&str> = self.conditions.iter().map(|k| k.source.as_str()).collect();
            why = why.detail("where", all.join("; "));
        }
        let event = ctx.linked.event_of.get(claim).copied().flatten();
        let mut f = Finding::new(vec![claim], event, why);
        f.vars = vars;
        f
    }
}

#[cfg(test)]
mod tests {
    use super::conditions::{Env, parse, parse_number};
    use super::*;
    use serde_json::json;

    fn lex() -> std::sync::Arc<Lexicon> {
        Lexicon::builtin()
    }

    const RE: &str = r"(?P<rate>about|some|roughly)?\s*(?P<n>\d[\d,]*)\s+(?:people\s+)?(?:a|per|each)\s+(?P<unit>day|week|hour)";

    fn build_err(v: serde_json::Value) -> ParamError {
        build(&v, &lex()).unwrap_err()
    }

    fn caps() -> Vec<(&'static str, usize)> {
        vec![("rate", 1), ("n", 2), ("unit", 3)]
    }

    #[test]
    fn numbers_take_thousands_separators() {
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("12 500"), Some(12500.0));
        assert_eq!(parse_number("1,234,567"), Some(1234567.0));
        assert_eq!(parse_number("2.5"), Some(2.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("30"), Some(30.0));
        assert_eq!(parse_number("1,20"), None);
        assert_eq!(parse_number("day"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn conditions_parse() {
        let lex = lex();
        for (src, op) in [
            ("n >= 10", Op::Ge),
            ("n>10", Op::Gt),
            ("n < 1,000", Op::Lt),
            ("n <= 5", Op::Le),
            ("n == 12", Op::Eq),
            ("unit != hour", Op::Ne),
            ("unit ~ ^d", Op::Match),
            ("unit !~ 'h.*r'", Op::NotMatch),
            ("unit in [day, week]", Op::In),
            ("unit in[day]", Op::In),
            ("unit not in [hour]", Op::NotIn),
            ("exists rate", Op::Exists),
            ("missing rate", Op::Missing),
            ("claim.metric == killed", Op::Eq),
            ("claim.hedged == true", Op::Eq),
            ("article.outlet in [Reuters, \"AP, wire\"]", Op::In),
            ("exists claim.source", Op::Exists),
        ] {
            let c = parse(src, &caps(), &lex).unwrap_or_else(|e| panic!("{src}: {e:?}"));
            assert_eq!(c.op, op, "{src}");
            assert_eq!(c.source, src.trim());
        }
        let c = parse("claim.value > 3", &caps(), &lex).unwrap();
        assert_eq!(
            c.subject,
            conditions::Subject::Field(conditions::Field::Value)
        );
        let c = parse("n > 3", &caps(), &lex).unwrap();
        assert_eq!(c.subject, conditions::Subject::Capture(2, "n".into()));
    }

    /// Evaluates `cond` on the claim of `text` (the first one extracted)
    /// after running `RE` over its sentence.
    fn holds(cond: &str, sentence: &str) -> bool {
        let lex = lex();
        let articles = crate::input::load_str(
            "a.md",
            &format!("---\nid: a\npublished: 2025-06-20\noutlet: Reuters\n---\n{sentence}\n"),
        )
        .articles;
        let analysis = crate::Analysis::run_selected(
            articles,
            &lex,
            &crate::rules::RuleSet::default(),
            &Default::default(),
            |_| false,
        );
        let claim = &analysis.claims[0];
        let article = &analysis.articles[claim.article];
        let hay = &article.body[claim.sentence.clone()];
        let re = regex::RegexBuilder::new(RE)
            .case_insensitive(true)
            .build()
            .unwrap();
        let mut locs = re.capture_locations();
        re.captures_read(&mut locs, hay).expect("the regex matches");
        let c = parse(cond, &caps(), &lex).unwrap();
        c.holds(&Env {
            claim,
            article,
            hay,
            locs: &locs,
        })
    }

    #[test]
    fn each_operator_evaluates() {
        let s = "About 1,200 people a day are being killed in Gaza, the agency said.";
        for (cond, want) in [
            ("n == 1200", true),
            ("n == 1,200", true),
            ("n != 1200", false),
            ("n > 1000", true),
            ("n >= 1200", true),
            ("n < 1200", false),
            ("n <= 1200", true),
            ("unit == DAY", true),
            ("unit ~ ^da", true),
            ("unit !~ ^da", false),
            ("unit in [day, week]", true),
            ("unit not in [day, week]", false),
            ("exists rate", true),
            ("missing rate", false),
            ("rate == about", true),
            ("claim.metric == killed", true),
            ("claim.metric in [injured, arrested]", false),
            ("claim.value >= 1000", true),
            ("claim.max > 1200", true),
            ("claim.qualifier == approximately", true),
            ("claim.hedged == false", true),
            ("claim.place == 'Gaza Strip'", true),
            ("claim.subject == people", true),
            ("article.outlet == reuters", true),
            ("article.id == a", true),
            ("exists claim.source", false),
            ("claim.source != UN", true),
            ("claim.source == UN", false),
        ] {
            assert_eq!(holds(cond, s), want, "{cond}");
        }
        // An optional capture that did not take part.
        let s = "Ten people a week were killed in Gaza in May, the ministry said.";
        let s2 = "12 people a week were killed in Gaza in May, the ministry said.";
        assert!(!holds("exists rate", s2), "{s}");
        assert!(holds("missing rate", s2));
        assert!(holds("rate != about", s2));
        assert!(!holds("rate == about", s2));
        assert!(holds("rate not in [some]", s2));
    }

    #[test]
    fn an_invalid_regex_shows_the_regex_error() {
        let e = build_err(json!({ "regex": "(?P<n\\d+)" }));
        assert_eq!(e.key.as_deref(), Some("regex"));
        assert!(e.message.starts_with("invalid `regex`:"), "{e:?}");
        assert_eq!(
            e.message,
            "invalid `regex`: invalid capture group character (at character 6: `\\`)"
        );
        let e = build_err(json!({ "regex": "(a|b" }));
        assert!(
            e.message.starts_with("invalid `regex`: unclosed group"),
            "{e:?}"
        );
        assert!(e.help.unwrap().contains("docs.rs/regex"));
    }

    #[test]
    fn a_regex_is_required() {
        for v in [json!(null), json!({}), json!({ "regex": " " })] {
            let e = build_err(v);
            assert_eq!(e.message, "`pattern` needs a `regex`");
            assert_eq!(e.key.as_deref(), Some("regex"));
        }
    }

    #[test]
    fn conditions_on_captures_need_named_captures() {
        let e = build_err(json!({ "regex": r"\d+ a day", "where": ["n >= 10"] }));
        assert_eq!(e.key.as_deref(), Some("where"));
        assert!(
            e.message.contains("the regex has no named captures"),
            "{e:?}"
        );
        // Claim fields need no captures.
        assert!(
            build(
                &json!({ "regex": r"\d+ a day", "where": ["claim.value >= 10"] }),
                &lex()
            )
            .is_ok()
        );
    }

    #[test]
    fn an_unknown_capture_lists_the_ones_there_are() {
        let e = build_err(json!({ "regex": RE, "where": ["cnt > 3"] }));
        assert_eq!(
            e.message,
            "condition uses `cnt` but the regex has no capture named `cnt`; it has n, unit, rate"
        );
    }

    #[test]
    fn unknown_fields_and_operators_are_errors() {
        let e = build_err(json!({ "regex": RE, "where": ["claim.vlaue > 3"] }));
        assert!(
            e.message.contains("unknown claim field `claim.vlaue`"),
            "{e:?}"
        );
        assert!(e.help.unwrap().contains("did you mean `claim.value`"));
        let e = build_err(json!({ "regex": RE, "where": ["story.id == x"] }));
        assert!(e.message.contains("unknown field `story.id`"), "{e:?}");
        for bad in ["n = 10", "n => 10", "n contains 1", "n <> 3", "n"] {
            let e = build_err(json!({ "regex": RE, "where": [bad] }));
            assert!(
                e.message.contains("unknown operator") || e.message.contains("no operator"),
                "{bad}: {e:?}"
            );
            assert!(e.help.unwrap().contains("not in"), "{bad}");
        }
        let e = build_err(json!({ "regex": RE, "where": ["n = 10"] }));
        assert_eq!(e.message, "unknown operator `=` in `n = 10`");
    }

    #[test]
    fn numeric_comparisons_need_numbers() {
        let e = build_err(json!({ "regex": RE, "where": ["n > ten"] }));
        assert_eq!(
            e.message,
            "`n > ten` compares `n` with `ten`, which is not a number"
        );
        let e = build_err(json!({ "regex": RE, "where": ["claim.value == many"] }));
        assert!(e.message.contains("which is not a number"), "{e:?}");
        let e = build_err(json!({ "regex": RE, "where": ["claim.metric < 3"] }));
        assert!(e.message.contains("is not a number"), "{e:?}");
    }

    #[test]
    fn values_are_checked_against_what_fields_hold() {
        for (cond, says) in [
            ("claim.metric == kiled", "unknown metric `kiled`"),
            (
                "claim.group in [civilians, aliens]",
                "unknown group `aliens`",
            ),
            ("claim.scope == total", "is never `total`"),
            ("claim.hedged == yes", "is never `yes`"),
            ("exists claim.metric", "every claim has `claim.metric`"),
            ("unit in day", "takes a list"),
            ("unit in []", "the list is empty"),
            ("unit ~ (day", "invalid regex"),
            ("n >=", "no value"),
        ] {
            let e = build_err(json!({ "regex": RE, "where": [cond] }));
            assert!(e.message.contains(says), "{cond}: {e:?}");
        }
    }

    #[test]
    fn conditions_that_can_never_all_hold_are_errors() {
        for set in [
            vec!["n > 10", "n < 5"],
            vec!["n >= 10", "n < 10"],
            vec!["n == 3", "n != 3"],
            vec!["claim.metric == killed", "claim.metric == injured"],
            vec!["unit in [day, week]", "unit not in [week, day]"],
            vec!["unit in [day, week]", "unit ~ hour"],
            vec!["unit ~ ^d", "unit !~ ^d"],
            vec!["exists rate", "missing rate"],
            vec!["missing rate", "rate == about"],
            vec!["n == lots", "n > 3"],
            vec!["claim.hedged != true", "claim.hedged != false"],
            vec!["claim.value >= 10", "claim.value <= 5"],
        ] {
            let e = build_err(json!({ "regex": RE, "where": set }));
            assert!(
                e.message.starts_with(
                    "these conditions can never all hold, so this rule would never match"
                ),
                "{set:?}: {e:?}"
            );
            assert_eq!(e.key.as_deref(), Some("where"));
        }
        // These can.
        for set in [
            vec!["n >= 10", "n <= 10"],
            vec!["n > 10", "claim.value < 5"],
            vec!["unit in [day, week]", "unit != day"],
            vec!["missing rate", "rate != about"],
            vec!["claim.metric == killed", "claim.metric != injured"],
        ] {
            assert!(
                build(&json!({ "regex": RE, "where": set }), &lex()).is_ok(),
                "{set:?}"
            );
        }
    }

    #[test]
    fn captures_are_message_placeholders() {
        let check = build(&json!({ "regex": RE }), &lex()).unwrap();
        assert_eq!(check.vars(), vec!["rate", "n", "unit"]);
    }

    #[test]
    fn the_schema_documents_every_parameter() {
        let s = schema().to_value();
        for p in ["regex", "where", "on_figure"] {
            assert!(s["properties"][p]["description"].is_string(), "{p}: {s}");
        }
        assert_eq!(s["properties"]["on_figure"]["default"], json!(true));
    }

    /// Runs a pattern rule over `text` and returns each flag's figure and message.
    fn flags(params: serde_json::Value, message: &str, text: &str) -> Vec<(String, String)> {
        let lex = lex();
        let rule = format!(
            "kind: pattern\nseverity: info\nsummary: s\ndescription: d\nmessage: {message:?}\nparams: {params}\n"
        );
        let rule = crate::rules::raw::parse_rule("r.yaml", "x/r", &rule, &lex).unwrap();
        let set = crate::rules::RuleSet { rules: vec![rule] };
        let articles = crate::input::load_str(
            "a.md",
            &format!("---\nid: a\npublished: 2025-06-20\noutlet: Wire\n---\n{text}\n"),
        )
        .articles;
        let analysis =
            crate::Analysis::run_selected(articles, &lex, &set, &Default::default(), |_| true);
        analysis
            .flags
            .iter()
            .map(|f| {
                let c = &analysis.claims[f.claims[0]];
                (c.text(&analysis.articles).to_string(), f.message.clone())
            })
            .collect()
    }

    #[test]
    fn the_match_must_overlap_the_figure() {
        let text = "Three people were killed and 14 a day were injured in Sudan, the UN said.";
        let p = json!({ "regex": RE });
        assert_eq!(
            flags(p.clone(), "{n} per {unit}", text),
            vec![("14".to_string(), "14 per day".to_string())]
        );
        // Without `on_figure`, every claim of the sentence matches.
        let p = json!({ "regex": RE, "on_figure": false });
        assert_eq!(flags(p, "{n}", text).len(), 2);
    }

    #[test]
    fn findings_carry_captures_and_conditions() {
        let text = "About 30 people a day are being killed in Gaza, the agency said.";
        let p = json!({ "regex": RE, "where": ["n >= 10", "unit in [day, week]"] });
        assert_eq!(
            flags(p, "{rate}|{n}|{unit}", text),
            vec![("About 30".to_string(), "About|30|day".to_string())]
        );
        let p = json!({ "regex": RE, "where": ["n >= 100"] });
        assert!(flags(p, "{n}", text).is_empty());
        let p = json!({ "regex": RE, "where": ["claim.metric == injured"] });
        assert!(flags(p, "{n}", text).is_empty());
    }
}
