//! Runs the data-driven rule cases in `tests/cases/rules.yaml` against the
//! whole default pack at once: each case must raise exactly the flags it
//! lists, from any rule, and nothing else (each rule's own examples, run
//! with the rule alone, are in its file).

use serde::Deserialize;

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    articles: Vec<CaseArticle>,
    flags: Vec<Expected>,
}

#[derive(Deserialize)]
struct CaseArticle {
    id: String,
    published: String,
    text: String,
}

#[derive(Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expected {
    rule: String,
    a: String,
    /// The second passage, for flags that cite two.
    #[serde(default)]
    b: Option<String>,
}

#[test]
fn default_rules_flag_exactly_the_expected_pairs() {
    let text = include_str!("cases/rules.yaml");
    let cases: Cases = serde_saphyr::from_str(text).expect("tests/cases/rules.yaml parses");
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let mut failures = Vec::new();
    for case in &cases.cases {
        let mut articles = Vec::new();
        for a in &case.articles {
            let src = format!(
                "---\nid: {}\npublished: {}\n---\n{}\n",
                a.id, a.published, a.text
            );
            let loaded = crosscheck::input::load_str(&format!("{}.md", a.id), &src);
            assert!(
                loaded.errors.is_empty(),
                "{}: {:?}",
                case.name,
                loaded.errors
            );
            articles.extend(loaded.articles);
        }
        let analysis = Analysis::run(articles, &lex, &rules, &Default::default());
        let mut got: Vec<Expected> = analysis
            .flags
            .iter()
            .map(|f| {
                let text = |k: usize| {
                    f.evidence
                        .get(k)
                        .map(|e| analysis.articles[e.article].body[e.span.clone()].to_string())
                };
                Expected {
                    rule: f.rule.clone(),
                    a: text(0).unwrap_or_default(),
                    b: text(1),
                }
            })
            .collect();
        let mut want = case.flags.clone();
        got.sort();
        want.sort();
        if got != want {
            let claims: Vec<String> = analysis
                .claims
                .iter()
                .map(|c| {
                    format!(
                        "{} {} {} {:?}",
                        c.text(&analysis.articles),
                        c.metric,
                        c.subject,
                        c.place
                    )
                })
                .collect();
            failures.push(format!(
                "{}:\n  want {want:?}\n  got  {got:?}\n  claims {claims:?}",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
