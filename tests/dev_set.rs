//! The development set (the seed articles in `data/articles` and their gold
//! claims in `data/gold.yaml`, the project's own material) scored with
//! `crosscheck::eval`, as `crosscheck eval` does: claim F1 and mean field
//! accuracy at least 0.95, and no flag on a must-not-flag pair.

use crosscheck::Analysis;
use crosscheck::eval::{Finding, Gold, score};
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;

#[test]
fn the_seed_articles_meet_the_dev_set_targets() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = crosscheck::input::load(&[root.join("data/articles")]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let analysis = Analysis::run(loaded.articles, &lex, &rules, &Default::default());
    let gold = Gold::parse("data/gold.yaml", include_str!("../data/gold.yaml")).unwrap();
    let s = score(&analysis, &gold, &lex);
    let details: Vec<String> = s
        .findings
        .iter()
        .map(|f| match f {
            Finding::Missed { gold: g } => format!("missed {:?}", gold.claims[*g].text),
            Finding::Extra { claim } => format!(
                "extra {:?}",
                analysis.claims[*claim].text(&analysis.articles)
            ),
            Finding::Wrong {
                gold: g, fields, ..
            } => format!("{:?} wrong {fields:?}", gold.claims[*g].text),
        })
        .collect();
    assert!(s.quotes_not_found.is_empty());
    assert!(s.f1 >= 0.95, "claim F1 {:.3}: {details:?}", s.f1);
    assert!(
        s.mean_field_accuracy >= 0.95,
        "field accuracy {:.3}: {details:?}",
        s.mean_field_accuracy
    );
    assert_eq!(
        s.not_flag.map(|n| n.0),
        Some(0),
        "a must-not-flag pair was flagged"
    );
}
