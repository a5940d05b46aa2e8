//! Scoring extraction (and flags) against a gold annotation, the way the
//! project's evaluation does: claims match when they are in the same
//! article and their spans overlap; fields are compared leniently (aliases,
//! demonyms and synonyms folded); flags match gold pairs by their claims.
//!
//! Gold files are YAML or JSON:
//!
//! ```yaml
//! claims:
//!   - article: <article id>
//!     quote: "<the sentence or clause, verbatim>"
//!     text: "<the number phrase, verbatim>"
//!     value_min: 14
//!     value_max: null
//!     metric: killed
//!     subject: people
//!     place: Israel
//!     source: Israeli media      # or 'unattributed'
//!     date: 2025-06-12           # for metric: date
//!     optional: true             # may be extracted, not required
//! flags:     [{a: {article, text}, b: {article, text}, kind, why}]
//! not_flag:  [{a: {article, text}, b: {article, text}, why}]
//! ```

use std::collections::BTreeSet;
use std::ops::Range;

use serde::Deserialize;

use crate::Analysis;
use crate::lexicon::Lexicon;
use crate::model::Article;

/// One gold claim.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub article: String,
    pub quote: String,
    pub text: String,
    #[serde(default)]
    pub value_min: Option<f64>,
    #[serde(default)]
    pub value_max: Option<f64>,
    pub metric: String,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub date: Option<serde_json::Value>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// One side of a gold pair.
#[derive(Debug, Clone, Deserialize)]
pub struct PairSide {
    pub article: String,
    pub text: String,
}

/// A pair of claims that must (flags) or must not (not_flag) be flagged.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPair {
    pub a: PairSide,
    pub b: PairSide,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub why: Option<String>,
}

/// A gold annotation file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub claims: Vec<GoldClaim>,
    #[serde(default)]
    pub flags: Vec<GoldPair>,
    #[serde(default)]
    pub not_flag: Vec<GoldPair>,
}

/// A problem reading a gold file.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
}

impl Gold {
    /// Reads a gold file: JSON when the name ends in `.json`, YAML otherwise.
    pub fn parse(path: &str, text: &str) -> Result<Gold, GoldError> {
        if path.ends_with(".json") {
            serde_json::from_str(text).map_err(|e| GoldError::Parse {
                path: format!("{path}:{}:{}", e.line(), e.column()),
                message: e.to_string(),
            })
        } else {
            serde_saphyr::from_str(text).map_err(|e| {
                let d = crate::diag::Diagnostic::from_yaml(path, text, &e);
                GoldError::Parse {
                    path: match (d.line, d.column) {
                        (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
                        _ => path.to_string(),
                    },
                    message: d.message,
                }
            })
        }
    }
}

/// The fields compared on matched claims.
pub const FIELDS: [&str; 5] = ["bounds", "metric", "place", "source", "subject"];

/// A gold claim that was not found, a claim that matches no gold, or a
/// matched claim with wrong fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    Missed {
        gold: usize,
    },
    Extra {
        claim: usize,
    },
    Wrong {
        gold: usize,
        claim: usize,
        fields: Vec<&'static str>,
    },
}

/// Scores and the details behind them.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub gold_claims: usize,
    pub required: usize,
    pub quotes_not_found: Vec<usize>,
    pub predicted_in_gold_articles: usize,
    pub matched_required: usize,
    pub matched_optional: usize,
    pub false_positives: usize,
    pub missed: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of matched claims with each field right, in [`FIELDS`] order.
    pub field_accuracy: [f64; 5],
    pub mean_field_accuracy: f64,
    /// Flags: (gold pairs, found, unmatched flags), precision, recall, F1.
    pub flags: Option<FlagScore>,
    /// Flags on must-not-flag pairs, of how many pairs.
    pub not_flag: Option<(usize, usize)>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FlagScore {
    pub gold: usize,
    pub found: usize,
    pub unmatched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn squash(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte span of `text` within `quote` within `body`.
fn gold_span(body: &str, quote: &str, text: &str) -> Option<Range<usize>> {
    let start = match body.find(quote) {
        Some(i) => i,
        None => {
            // Tolerate whitespace and typographic-quote differences: find the
            // quote's opening words.
            if !squash(body).contains(&squash(quote)) {
                return None;
            }
            let head: String = quote.chars().take(25).collect();
            body.find(&head)?
        }
    };
    let k = body[start..].find(text)? + start;
    (k <= start + quote.len() + 5).then_some(k..k + text.len())
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Words that say nothing about which place, source or group is meant.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "s",
    "said",
    "says",
    "according",
    "to",
    "u",
    "based",
    "officials",
    "official",
    "media",
    "reports",
    "report",
    "ministry",
    "government",
    "agency",
    "authorities",
    "sources",
    "source",
    "state",
    "news",
];

/// Lowercase content words, with demonyms folded, and source aliases too
/// when `aliases` is set.
fn words(lex: &Lexicon, s: Option<&str>, aliases: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(s) = s else { return out };
    let mut t = crate::extract::text::Tokens::new();
    t.tokenize(s, 0);
    // A source alias folds to its canonical name's words.
    let mut canon = String::new();
    let mut k = 0;
    while k < t.len() {
        if let Some((len, &idx)) = lex.sources.aliases.match_at(&t, k).filter(|_| aliases) {
            canon.push(' ');
            canon.push_str(&lex.sources.entries[idx].canonical);
            k += len;
        } else {
            canon.push(' ');
            canon.push_str(t.norm(k));
            k += 1;
        }
    }
    for w in canon.split(|c: char| !c.is_alphanumeric()) {
        let w = w.to_lowercase();
        if w.is_empty() || STOP.contains(&w.as_str()) {
            continue;
        }
        let mut one = crate::extract::text::Tokens::new();
        one.tokenize(&w, 0);
        if let Some((_, &c)) = lex
            .places
            .demonyms
            .match_at(&one, 0)
            .or(lex.places.people.match_at(&one, 0))
        {
            for cw in lex.places.countries[c].name.split_whitespace() {
                out.insert(cw.to_lowercase());
            }
        } else {
            out.insert(w);
        }
    }
    out
}

/// Lenient equality: the gold and predicted values share a content word;
/// an empty gold (or one of `empty` words) matches an empty prediction.
fn lenient(lex: &Lexicon, gold: Option<&str>, pred: Option<&str>, empty: &[&str]) -> bool {
    let is_empty = |set: &BTreeSet<String>| set.iter().all(|w| empty.contains(&w.as_str()));
    // Words as written, or with aliases folded ("HRANA" and "Human Rights
    // Activists News Agency"): either agreeing is enough.
    [false, true].into_iter().any(|aliases| {
        let g = words(lex, gold, aliases);
        let p = words(lex, pred, aliases);
        if is_empty(&g) {
            return is_empty(&p);
        }
        g.intersection(&p).next().is_some()
    })
}

/// Metric synonyms the scorer folds (dead → killed, detained → arrested).
fn metric_family(m: &str) -> &str {
    match m {
        "killed" | "dead" | "deaths" | "death" | "died" | "fatalities" => "killed",
        "injured" | "wounded" | "injuries" | "hurt" => "injured",
        "arrested" | "detained" | "arrests" | "detentions" => "arrested",
        "executed" | "executions" => "executed",
        "launched" | "fired" => "launched",
        "destroyed" | "damaged" => "destroyed",
        "other-count" | "other" | "count" => "other-count",
        other => other,
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores `analysis` against `gold`.
pub fn score(analysis: &Analysis, gold: &Gold, lex: &Lexicon) -> Score {
    let articles: &[Article] = &analysis.articles;
    let article_idx = |id: &str| articles.iter().position(|a| a.id == id);
    let mut s = Score {
        gold_claims: gold.claims.len(),
        ..Score::default()
    };
    // Gold spans.
    let spans: Vec<Option<(usize, Range<usize>)>> = gold
        .claims
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let found = article_idx(&g.article)
                .and_then(|a| Some((a, gold_span(&articles[a].body, &g.quote, &g.text)?)));
            if found.is_none() {
                s.quotes_not_found.push(gi);
            }
            found
        })
        .collect();
    let gold_articles: BTreeSet<usize> = gold
        .claims
        .iter()
        .filter_map(|g| article_idx(&g.article))
        .collect();
    s.required = gold
        .claims
        .iter()
        .zip(&spans)
        .filter(|(g, sp)| !g.optional && sp.is_some())
        .count();
    // Greedy matching in gold order.
    let mut used = vec![false; analysis.claims.len()];
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for (gi, sp) in spans.iter().enumerate() {
        let Some((a, span)) = sp else { continue };
        if let Some(ci) = (0..analysis.claims.len()).find(|&ci| {
            !used[ci]
                && analysis.claims[ci].article == *a
                && overlap(&analysis.claims[ci].span, span)
        }) {
            used[ci] = true;
            matches.push((gi, ci));
        }
    }
    s.matched_required = matches
        .iter()
        .filter(|(g, _)| !gold.claims[*g].optional)
        .count();
    s.matched_optional = matches.len() - s.matched_required;
    s.predicted_in_gold_articles = analysis
        .claims
        .iter()
        .filter(|c| gold_articles.contains(&c.article))
        .count();
    for (ci, c) in analysis.claims.iter().enumerate() {
        if !used[ci] && gold_articles.contains(&c.article) {
            s.false_positives += 1;
            s.findings.push(Finding::Extra { claim: ci });
        }
    }
    for (gi, g) in gold.claims.iter().enumerate() {
        if !g.optional && spans[gi].is_some() && !matches.iter().any(|(m, _)| *m == gi) {
            s.findings.push(Finding::Missed { gold: gi });
        }
    }
    s.missed = s.required - s.matched_required;
    s.precision = pct(s.matched_required, s.matched_required + s.false_positives);
    s.recall = pct(s.matched_required, s.required);
    s.f1 = f1(s.precision, s.recall);
    // Fields.
    let mut right = [0usize; 5];
    for &(gi, ci) in &matches {
        let g = &gold.claims[gi];
        let c = &analysis.claims[ci];
        let bounds = if g.metric == "date" {
            let want = g
                .date
                .as_ref()
                .map(|d| d.to_string().trim_matches('"').to_string())
                .unwrap_or_default();
            !want.is_empty() && c.date.is_some_and(|d| d.to_string().starts_with(&want))
        } else {
            let lo = c.value.min.map(|v| v as f64);
            let hi = c.value.max.map(|v| v as f64);
            let lo_ok = lo == g.value_min
                || (lo.unwrap_or(0.0) == 0.0 && g.value_min.unwrap_or(0.0) == 0.0);
            lo_ok && hi == g.value_max
        };
        let checks = [
            bounds,
            metric_family(&c.reported_metric) == metric_family(&g.metric)
                || metric_family(&c.metric) == metric_family(&g.metric),
            lenient(lex, g.place.as_deref(), c.place.as_deref(), &[])
                || lenient(lex, g.place.as_deref(), c.country.as_deref(), &[]),
            lenient(
                lex,
                g.source.as_deref(),
                c.source.as_deref(),
                &["unattributed", "none", "unknown"],
            ),
            lenient(
                lex,
                g.subject.as_deref(),
                Some(&c.subject),
                &["people", "persons", "person"],
            ),
        ];
        let mut wrong = Vec::new();
        for (k, ok) in checks.iter().enumerate() {
            if *ok {
                right[k] += 1;
            } else {
                wrong.push(FIELDS[k]);
            }
        }
        if !wrong.is_empty() {
            s.findings.push(Finding::Wrong {
                gold: gi,
                claim: ci,
                fields: wrong,
            });
        }
    }
    let n = matches.len().max(1);
    for (acc, r) in s.field_accuracy.iter_mut().zip(right) {
        *acc = r as f64 / n as f64;
    }
    s.mean_field_accuracy = s.field_accuracy.iter().sum::<f64>() / 5.0;
    // Flags.
    if !gold.flags.is_empty() || !gold.not_flag.is_empty() {
        let key_of = |ci: usize| -> Option<(String, String)> {
            matches.iter().find(|(_, c)| *c == ci).map(|(g, _)| {
                let g = &gold.claims[*g];
                (g.article.clone(), g.text.clone())
            })
        };
        let pair = |p: &GoldPair| -> BTreeSet<(String, String)> {
            [
                (p.a.article.clone(), p.a.text.clone()),
                (p.b.article.clone(), p.b.text.clone()),
            ]
            .into()
        };
        let gold_pairs: Vec<BTreeSet<(String, String)>> = gold.flags.iter().map(pair).collect();
        let not_pairs: Vec<BTreeSet<(String, String)>> = gold.not_flag.iter().map(pair).collect();
        let mut hit: BTreeSet<usize> = BTreeSet::new();
        let (mut unmatched, mut wrongly) = (0, 0);
        for f in &analysis.flags {
            let keys: Vec<(String, String)> = f.claims.iter().filter_map(|&c| key_of(c)).collect();
            let covers =
                |p: &BTreeSet<(String, String)>| p.iter().all(|k| keys.contains(k)) && p.len() == 2;
            let good: Vec<usize> = (0..gold_pairs.len())
                .filter(|&i| covers(&gold_pairs[i]))
                .collect();
            if good.is_empty() {
                unmatched += 1;
                if not_pairs.iter().any(covers) {
                    wrongly += 1;
                }
            } else {
                hit.extend(good);
            }
        }
        if !gold_pairs.is_empty() {
            let p = pct(hit.len(), hit.len() + unmatched);
            let r = pct(hit.len(), gold_pairs.len());
            s.flags = Some(FlagScore {
                gold: gold_pairs.len(),
                found: hit.len(),
                unmatched,
                precision: p,
                recall: r,
                f1: f1(p, r),
            });
        }
        s.not_flag = Some((wrongly, not_pairs.len()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_spans_are_found_inside_their_quote() {
        let body = "Intro. Israeli media reports at least 14 dead and dozens wounded. More.";
        assert_eq!(
            gold_span(
                body,
                "Israeli media reports at least 14 dead",
                "at least 14"
            ),
            Some(29..40)
        );
        assert_eq!(gold_span(body, "no such quote", "14"), None);
    }

    #[test]
    fn lenient_fields_fold_aliases_and_demonyms() {
        let lex = Lexicon::builtin();
        assert!(lenient(
            &lex,
            Some("HRANA"),
            Some("Human Rights Activists News Agency"),
            &[]
        ));
        assert!(lenient(&lex, Some("Iranian officials"), Some("Iran"), &[]));
        assert!(lenient(
            &lex,
            Some("Israeli reports"),
            Some("Israeli media"),
            &[]
        ));
        assert!(!lenient(&lex, Some("Kyiv"), Some("Ukraine"), &[]));
        let empty = ["unattributed", "none", "unknown"];
        assert!(lenient(&lex, Some("unattributed"), None, &empty));
        assert!(!lenient(&lex, Some("unattributed"), Some("police"), &empty));
    }
}
