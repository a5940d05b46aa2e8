//! Runs the data-driven linking cases in `tests/cases/linking.yaml`: small
//! corpora and, for pairs of figures, how the event graph must relate them
//! (the same count, a part of the other's, or unrelated), how the second
//! figure changes its source's time series, which articles are copies of
//! others, and how many flags the default rules raise.

use serde::Deserialize;

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::link::Change;
use crosscheck::model::FlagKind;
use crosscheck::rules::RuleSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    articles: Vec<CaseArticle>,
    #[serde(default)]
    pairs: Vec<Pair>,
    /// Groups of article ids that are near-identical copies (first is the original).
    #[serde(default)]
    duplicates: Option<Vec<Vec<String>>>,
    /// How many flags the default rules raise.
    #[serde(default)]
    flags: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseArticle {
    id: String,
    published: String,
    #[serde(default)]
    outlet: Option<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    a: Figure,
    b: Figure,
    /// `same`, `part-of` (a is part of b), `contains`, or `none`.
    relation: String,
    /// How b changes the series of its source (`rise`, `fall`, `same`, `conflict`).
    #[serde(default)]
    change: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Figure {
    article: String,
    text: String,
}

fn find(analysis: &Analysis, f: &Figure) -> Result<usize, String> {
    let hits: Vec<usize> = (0..analysis.claims.len())
        .filter(|&i| {
            let c = &analysis.claims[i];
            analysis.articles[c.article].id == f.article && c.text(&analysis.articles) == f.text
        })
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "no claim {:?} in article {}; claims there: {:?}",
            f.text,
            f.article,
            analysis
                .claims
                .iter()
                .filter(|c| analysis.articles[c.article].id == f.article)
                .map(|c| format!("{} ({})", c.text(&analysis.articles), c.metric))
                .collect::<Vec<_>>()
        )),
        _ => Err(format!("{:?} is ambiguous in {}", f.text, f.article)),
    }
}

fn relation(analysis: &Analysis, a: usize, b: usize) -> &'static str {
    let (Some(ea), Some(eb)) = (analysis.linked.event_of[a], analysis.linked.event_of[b]) else {
        return "none";
    };
    if ea == eb {
        "same"
    } else if analysis.events[eb].parts.contains(&ea) {
        "part-of"
    } else if analysis.events[ea].parts.contains(&eb) {
        "contains"
    } else {
        "none"
    }
}

fn change(analysis: &Analysis, b: usize) -> Option<Change> {
    let e = analysis.linked.event_of[b]?;
    analysis.events[e]
        .series
        .iter()
        .flat_map(|s| &s.points)
        .find(|p| p.claim == b)
        .map(|p| p.change)
}

fn run(case: &Case, lex: &Lexicon, rules: &RuleSet) -> Result<(), String> {
    let mut articles = Vec::new();
    for a in &case.articles {
        let outlet = a
            .outlet
            .as_ref()
            .map(|o| format!("outlet: {o}\n"))
            .unwrap_or_default();
        let src = format!(
            "---\nid: {}\npublished: {}\n{outlet}---\n{}\n",
            a.id, a.published, a.text
        );
        let loaded = crosscheck::input::load_str(&format!("{}.md", a.id), &src);
        if !loaded.errors.is_empty() {
            return Err(format!("{:?}", loaded.errors));
        }
        articles.extend(loaded.articles);
    }
    let analysis = Analysis::run(articles, lex, rules, &Default::default());
    let mut problems = Vec::new();
    for p in &case.pairs {
        let (a, b) = (find(&analysis, &p.a)?, find(&analysis, &p.b)?);
        let got = relation(&analysis, a, b);
        if got != p.relation {
            let why = crosscheck::link::relate(
                lex,
                &analysis.claims[a],
                &analysis.claims[b],
                &Default::default(),
            )
            .map(|l| l.reason());
            problems.push(format!(
                "{:?} → {:?}: want {}, got {got} (direct link: {why:?})",
                p.a.text, p.b.text, p.relation
            ));
        }
        if let Some(want) = &p.change {
            let got = change(&analysis, b).map(Change::as_str);
            if got != Some(want.as_str()) {
                problems.push(format!("{:?}: want change {want}, got {got:?}", p.b.text));
            }
        }
    }
    if let Some(groups) = &case.duplicates {
        let id = |i: usize| analysis.articles[i].id.clone();
        let mut got: Vec<Vec<String>> = Vec::new();
        for (i, d) in analysis.linked.duplicate_of.iter().enumerate() {
            if let Some(first) = d {
                match got.iter_mut().find(|g| g[0] == id(*first)) {
                    Some(g) => g.push(id(i)),
                    None => got.push(vec![id(*first), id(i)]),
                }
            }
        }
        if &got != groups {
            problems.push(format!("duplicates: want {groups:?}, got {got:?}"));
        }
    }
    // Linking decides which figures are compared; the sourcing and
    // attribution rules have their own cases (tests/cases/rules.yaml).
    let contradictions: Vec<_> = analysis
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::Contradiction)
        .collect();
    if let Some(n) = case.flags
        && contradictions.len() != n
    {
        problems.push(format!(
            "want {n} contradiction flags, got {}: {:?}",
            contradictions.len(),
            contradictions.iter().map(|f| &f.why).collect::<Vec<_>>()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

#[test]
fn linking_decisions_hold() {
    let text = include_str!("cases/linking.yaml");
    let cases: Cases = serde_saphyr::from_str(text).expect("tests/cases/linking.yaml parses");
    assert!(!cases.cases.is_empty());
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let failures: Vec<String> = cases
        .cases
        .iter()
        .filter_map(|c| {
            run(c, &lex, &rules)
                .err()
                .map(|e| format!("{}:\n  {e}", c.name))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} linking cases failed:\n{}",
        failures.len(),
        cases.cases.len(),
        failures.join("\n")
    );
}
