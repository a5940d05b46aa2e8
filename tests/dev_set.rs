//! The development set (the seed articles in `data/articles` and their gold
//! claims in `data/gold.json`, the project's own material): every required
//! claim is found with its bounds and metric, nothing else is extracted,
//! and no must-not-flag pair is flagged. Matching follows the evaluation
//! scorer: same article, overlapping spans.

use serde_json::Value;

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;

const GOLD: &str = include_str!("../data/gold.json");

fn analysis() -> Analysis {
    let loaded = crosscheck::input::load(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles"
    ))]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    Analysis::run(loaded.articles, &lex, &rules, &Default::default())
}

/// Byte span of the gold `text` inside its `quote` inside the article body.
fn gold_span(a: &Analysis, g: &Value) -> Option<(usize, std::ops::Range<usize>)> {
    let idx = a
        .articles
        .iter()
        .position(|x| x.id == g["article"].as_str().unwrap())?;
    let body = &a.articles[idx].body;
    let q = body.find(g["quote"].as_str().unwrap())?;
    let t = body[q..].find(g["text"].as_str().unwrap())? + q;
    Some((idx, t..t + g["text"].as_str().unwrap().len()))
}

fn matching(a: &Analysis, g: &Value) -> Option<usize> {
    let (article, span) = gold_span(a, g)?;
    a.claims
        .iter()
        .position(|c| c.article == article && c.span.start < span.end && span.start < c.span.end)
}

#[test]
fn every_required_gold_claim_is_found_with_its_bounds_and_metric() {
    let a = analysis();
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    for g in gold["claims"].as_array().unwrap() {
        let Some(i) = matching(&a, g) else {
            assert!(g["optional"].as_bool().unwrap_or(false), "missed {g}");
            continue;
        };
        let c = &a.claims[i];
        assert_eq!(
            &*c.metric,
            g["metric"].as_str().unwrap(),
            "metric of {}",
            g["text"]
        );
        if g["metric"] == "date" {
            let want = g["date"].to_string().trim_matches('"').to_string();
            assert!(
                c.date.unwrap().to_string().starts_with(&want),
                "date of {}",
                g["text"]
            );
        } else if g["optional"].as_bool() != Some(true) {
            assert_eq!(c.value.min, g["value_min"].as_u64(), "min of {}", g["text"]);
            assert_eq!(c.value.max, g["value_max"].as_u64(), "max of {}", g["text"]);
        }
    }
}

#[test]
fn nothing_outside_the_gold_is_extracted() {
    let a = analysis();
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let matched: Vec<usize> = gold["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| matching(&a, g))
        .collect();
    let extra: Vec<String> = a
        .claims
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched.contains(i))
        .map(|(_, c)| format!("{}: {:?}", a.articles[c.article].id, c.text(&a.articles)))
        .collect();
    assert!(extra.is_empty(), "extracted beyond the gold: {extra:?}");
}

#[test]
fn must_not_flag_pairs_are_not_flagged() {
    let a = analysis();
    let gold: Value = serde_json::from_str(GOLD).unwrap();
    let find = |side: &Value| -> usize {
        a.claims
            .iter()
            .position(|c| {
                a.articles[c.article].id == side["article"].as_str().unwrap()
                    && c.text(&a.articles) == side["text"].as_str().unwrap()
            })
            .unwrap_or_else(|| panic!("no claim {side}"))
    };
    for pair in gold["not_flag"].as_array().unwrap() {
        let (x, y) = (find(&pair["a"]), find(&pair["b"]));
        for f in &a.flags {
            assert!(
                !(f.claims.contains(&x) && f.claims.contains(&y)),
                "flagged {pair}: {}",
                f.why
            );
        }
    }
}
