//! Runs the whole default rule pack on each article set under
//! `tests/rule-corpus/` (a small news situation told by several outlets,
//! written for the project in the styles of real outlets) and checks the
//! flags against the set's `expected.yaml`:
//!
//! * every flag listed under `flags` is raised (same rule, same evidence
//!   texts, in either order);
//! * no other flag of the rules listed under `rules` is raised;
//! * no flag of any rule cites both texts of a `not_flags` pair.
//!
//! A set marked `pending: true` (its rule is still being written) is run
//! and reported, but does not fail the test. All failures are collected
//! and printed with the flags raised and the claims extracted.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::model::Flag;
use crosscheck::rules::RuleSet;

/// Articles shorter or longer than this (in words) are out of the corpus's
/// style: a wire story, a bulletin item or a release, not a headline or a
/// long read.
const WORDS: std::ops::RangeInclusive<usize> = 120..=350;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The rules this set is about: no flag of theirs may be raised beyond `flags`.
    rules: Vec<String>,
    #[serde(default)]
    flags: Vec<ExpectedFlag>,
    #[serde(default)]
    not_flags: Vec<NotFlag>,
    /// The set's rule is still being written: report, do not fail.
    #[serde(default)]
    pending: bool,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedFlag {
    rule: String,
    /// The first passage the flag cites (a figure as written, a denial).
    a: String,
    /// The second passage, for flags that cite two.
    #[serde(default)]
    b: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct NotFlag {
    a: String,
    b: String,
    why: String,
}

/// A raised flag as the harness compares it.
struct Raised<'a> {
    flag: &'a Flag,
    /// The evidence texts, in the flag's order.
    texts: Vec<&'a str>,
    /// The article each evidence text is from.
    articles: Vec<&'a str>,
    /// The sentence each evidence text is in.
    sentences: Vec<&'a str>,
}

impl Raised<'_> {
    /// Does the flag cite exactly `a` and `b` (or only `a`), in either order?
    fn cites_exactly(&self, a: &str, b: Option<&str>) -> bool {
        match (b, self.texts.as_slice()) {
            (Some(b), [x, y, ..]) => (*x == a && *y == b) || (*x == b && *y == a),
            (None, [x]) => *x == a,
            _ => false,
        }
    }

    /// Does the flag cite both texts anywhere in its evidence (twice when
    /// they are the same text)?
    fn cites_both(&self, a: &str, b: &str) -> bool {
        self.texts.iter().enumerate().any(|(i, x)| {
            *x == a
                && self
                    .texts
                    .iter()
                    .enumerate()
                    .any(|(j, y)| j != i && *y == b)
        })
    }

    /// One line: the rule and the passages, with their articles.
    fn short(&self) -> String {
        let passages: Vec<String> = self
            .texts
            .iter()
            .zip(&self.articles)
            .map(|(t, a)| format!("{t:?} ({a})"))
            .collect();
        format!("{}: {}", self.flag.rule, passages.join(" / "))
    }

    /// The line, the message, why it fired and the sentences cited.
    fn long(&self) -> String {
        let mut out = format!(
            "{}\n          message: {}\n          why: {}",
            self.short(),
            self.flag.message,
            self.flag.why.text
        );
        for s in &self.sentences {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = write!(out, "\n          in: {s}");
        }
        out
    }
}

fn describe_expected(f: &ExpectedFlag) -> String {
    match &f.b {
        Some(b) => format!("{{ rule: {}, a: {:?}, b: {b:?} }}", f.rule, f.a),
        None => format!("{{ rule: {}, a: {:?} }}", f.rule, f.a),
    }
}

/// The outcome of one set.
struct Outcome {
    name: String,
    pending: bool,
    /// One line: articles, claims, flags.
    summary: String,
    problems: Vec<String>,
    /// Flags raised, claims extracted: printed when there are problems.
    details: String,
}

fn set_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn run_set(dir: &Path, lex: &Lexicon, rules: &RuleSet) -> Outcome {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    let expected_path = dir.join("expected.yaml");
    let expected: Expected = match std::fs::read_to_string(&expected_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_saphyr::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(e) => e,
        Err(e) => {
            return Outcome {
                name,
                pending: false,
                summary: String::new(),
                problems: vec![format!("{}: {e}", expected_path.display())],
                details: String::new(),
            };
        }
    };

    let loaded = crosscheck::input::load(&[dir.to_path_buf()]);
    for e in &loaded.errors {
        problems.push(format!("input error: {e}"));
    }
    if loaded.articles.len() < 2 {
        problems.push(format!(
            "a set tells its situation in at least 2 articles; found {}",
            loaded.articles.len()
        ));
    }
    for a in &loaded.articles {
        let words = a.body.split_whitespace().count();
        if !WORDS.contains(&words) {
            problems.push(format!(
                "article {} has {words} words (a set's articles have {}–{})",
                a.id,
                WORDS.start(),
                WORDS.end()
            ));
        }
    }
    for id in &expected.rules {
        if rules.get(id).is_none() {
            problems.push(format!("rule {id} is not in the default pack"));
        }
    }
    for f in &expected.flags {
        if !expected.rules.contains(&f.rule) {
            // Allowed, but it must be a rule of the pack.
            if rules.get(&f.rule).is_none() {
                problems.push(format!("rule {} is not in the default pack", f.rule));
            }
        }
    }
    // A quoted text that is in no article is a typo in expected.yaml.
    let quoted = expected
        .flags
        .iter()
        .flat_map(|f| std::iter::once(&f.a).chain(f.b.as_ref()))
        .chain(expected.not_flags.iter().flat_map(|n| [&n.a, &n.b]));
    for text in quoted {
        if !loaded
            .articles
            .iter()
            .any(|a| a.body.contains(text.as_str()))
        {
            problems.push(format!("{text:?} is in no article of the set"));
        }
    }

    let analysis = Analysis::run(loaded.articles, lex, rules, &Default::default());
    let raised: Vec<Raised> = analysis
        .flags
        .iter()
        .map(|flag| Raised {
            flag,
            texts: flag
                .evidence
                .iter()
                .map(|e| &analysis.articles[e.article].body[e.span.clone()])
                .collect(),
            articles: flag
                .evidence
                .iter()
                .map(|e| analysis.articles[e.article].id.as_str())
                .collect(),
            sentences: flag
                .evidence
                .iter()
                .map(|e| &analysis.articles[e.article].body[e.sentence.clone()])
                .collect(),
        })
        .collect();

    // 1. Every expected flag is raised.
    for f in &expected.flags {
        let found = raised
            .iter()
            .any(|r| r.flag.rule == f.rule && r.cites_exactly(&f.a, f.b.as_deref()));
        if !found {
            problems.push(format!("missing flag {}", describe_expected(f)));
        }
    }
    // 2. No other flag of the set's rules.
    for (i, r) in raised.iter().enumerate() {
        if !expected.rules.contains(&r.flag.rule) {
            continue;
        }
        let listed = expected
            .flags
            .iter()
            .any(|f| f.rule == r.flag.rule && r.cites_exactly(&f.a, f.b.as_deref()));
        if !listed {
            problems.push(format!("unexpected flag #{}: {}", i + 1, r.short()));
        }
    }
    // 3. No flag of any rule on a must-not-flag pair.
    for n in &expected.not_flags {
        for (i, r) in raised.iter().enumerate() {
            if r.cites_both(&n.a, &n.b) {
                problems.push(format!(
                    "flag #{} on a must-not-flag pair {:?} / {:?} ({}): {}",
                    i + 1,
                    n.a,
                    n.b,
                    n.why,
                    r.short()
                ));
            }
        }
    }

    let mut details = String::new();
    let _ = writeln!(details, "    expected:");
    for f in &expected.flags {
        let _ = writeln!(details, "      {}", describe_expected(f));
    }
    let _ = writeln!(details, "    flags raised ({}):", raised.len());
    for (i, r) in raised.iter().enumerate() {
        let _ = writeln!(details, "      #{} {}", i + 1, r.long());
    }
    let _ = writeln!(details, "    claims extracted ({}):", analysis.claims.len());
    for c in &analysis.claims {
        let article = &analysis.articles[c.article];
        let what = match &c.date {
            Some(d) if c.is_date() => format!("date {d}"),
            _ => format!("{} {} {}", c.value, c.metric, c.subject),
        };
        let _ = writeln!(
            details,
            "      {}: {:?} = {what}, place {}, source {}{}, as of {}",
            article.id,
            c.text(&analysis.articles),
            c.place.as_deref().unwrap_or("-"),
            c.source.as_deref().unwrap_or("(none)"),
            if c.hedged { ", hedged" } else { "" },
            c.as_of.map_or("-".to_string(), |d| d.to_string()),
        );
    }
    let summary = format!(
        "{} articles, {} claims, {} flags, {} of them from the set's rules ({})",
        analysis.articles.len(),
        analysis.claims.len(),
        raised.len(),
        raised
            .iter()
            .filter(|r| expected.rules.contains(&r.flag.rule))
            .count(),
        expected.rules.join(", ")
    );
    Outcome {
        name,
        pending: expected.pending,
        summary,
        problems,
        details,
    }
}

#[test]
fn every_set_raises_exactly_its_expected_flags() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule-corpus");
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).expect("the default rule pack loads");
    let dirs = set_dirs(&root);
    assert!(!dirs.is_empty(), "no sets under {}", root.display());

    let mut failed = Vec::new();
    for dir in &dirs {
        let o = run_set(dir, &lex, &rules);
        let status = match (o.problems.is_empty(), o.pending) {
            (true, false) => "ok",
            (true, true) => "pending, passes",
            (false, false) => "FAILED",
            (false, true) => "pending, fails (not counted)",
        };
        println!("{}: {status}: {}", o.name, o.summary);
        if !o.problems.is_empty() {
            let mut report = String::new();
            for p in &o.problems {
                let _ = writeln!(report, "  - {p}");
            }
            report.push_str(&o.details);
            println!("{report}");
            if !o.pending {
                failed.push(format!("{} ({} problems)", o.name, o.problems.len()));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} rule-corpus set(s) failed, reported above: {}",
        failed.len(),
        failed.join(", ")
    );
}
