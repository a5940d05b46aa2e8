//! Scores the extractor on every evaluation corpus under `tests/corpus/`
//! and checks it keeps the floor recorded beside the gold (`floor.yaml`).
//! These corpora measure generalization: they are not the dev set.

use serde::Deserialize;

use crosscheck::Analysis;
use crosscheck::eval::{Gold, score};
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Floor {
    min_f1: f64,
    min_field: f64,
    #[serde(default)]
    max_not_flag: Option<usize>,
    /// Flag F1 against the gold's pairs (the default rules).
    #[serde(default)]
    min_flag_f1: Option<f64>,
}

#[test]
fn every_corpus_keeps_its_floor() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    let mut failures = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let loaded = crosscheck::input::load(&[dir.join("articles")]);
        assert!(loaded.errors.is_empty(), "{name}: {:?}", loaded.errors);
        let gold_text = std::fs::read_to_string(dir.join("gold.yaml")).unwrap();
        let gold = Gold::parse("gold.yaml", &gold_text).unwrap();
        let floor: Floor =
            serde_saphyr::from_str(&std::fs::read_to_string(dir.join("floor.yaml")).unwrap())
                .unwrap();
        let analysis = Analysis::run(loaded.articles, &lex, &rules, &Default::default());
        let s = score(&analysis, &gold, &lex);
        println!(
            "{name}: claim F1 {:.3}, mean field accuracy {:.3}, flag F1 {}, flags on must-not-flag pairs {:?}",
            s.f1,
            s.mean_field_accuracy,
            s.flags.map_or("-".into(), |f| format!("{:.3}", f.f1)),
            s.not_flag
        );
        assert!(
            s.quotes_not_found.is_empty(),
            "{name}: gold quotes not found {:?}",
            s.quotes_not_found
        );
        if s.f1 < floor.min_f1 {
            failures.push(format!("{name}: claim F1 {:.3} < {}", s.f1, floor.min_f1));
        }
        if s.mean_field_accuracy < floor.min_field {
            failures.push(format!(
                "{name}: field accuracy {:.3} < {}",
                s.mean_field_accuracy, floor.min_field
            ));
        }
        if let Some(min) = floor.min_flag_f1 {
            let f = s.flags.map_or(0.0, |f| f.f1);
            if f < min {
                failures.push(format!("{name}: flag F1 {f:.3} < {min}"));
            }
        }
        if let (Some(max), Some((n, _))) = (floor.max_not_flag, s.not_flag)
            && n > max
        {
            failures.push(format!("{name}: {n} flags on must-not-flag pairs > {max}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
