//! Throughput of extraction and of the whole check, on a synthetic corpus
//! built from the project's own articles (the bundled seed articles, the
//! example corpus and the evaluation corpora under tests/corpus), repeated
//! with their figures and dates varied so that each copy is a distinct text.
//!
//! Run: `cargo bench --bench pipeline`. Divan prints bytes per second.
//! The `*_50mb` benchmarks run on at least 50 MB of text.

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::link::LinkConfig;
use crosscheck::model::Article;
use crosscheck::rules::RuleSet;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The project's own articles.
fn base() -> Vec<Article> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut base = crosscheck::input::load(&[]).articles;
    base.extend(
        crosscheck::input::load(&[root.join("data/examples"), root.join("tests/corpus")]).articles,
    );
    base
}

/// Copies of the base articles until `bytes` of text, each with its
/// figures and publication date varied.
fn corpus(bytes: usize) -> Vec<Article> {
    let base = base();
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let a = &base[i % base.len()];
        let round = i / base.len();
        let body = a
            .body
            .replace("639", &(600 + round % 97).to_string())
            .replace("1,480", &format!("1,{:03}", round % 1000))
            .replace(" 14 ", &format!(" {} ", 10 + round % 50));
        total += body.len();
        out.push(Article {
            id: format!("{}-{i}", a.id),
            published: a.published.map(|d| d.add_days(round as i64 % 60)),
            body,
            ..a.clone()
        });
        i += 1;
    }
    out
}

fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.body.len()).sum()
}

#[divan::bench]
fn extract_1mb(bencher: divan::Bencher) {
    let lex = Lexicon::builtin();
    let articles = corpus(1 << 20);
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| crosscheck::extract::extract(divan::black_box(&articles), &lex));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn extract_50mb(bencher: divan::Bencher) {
    let lex = Lexicon::builtin();
    let articles = corpus(50 << 20);
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| crosscheck::extract::extract(divan::black_box(&articles), &lex));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn check_50mb(bencher: divan::Bencher) {
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let articles = corpus(50 << 20);
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .with_inputs(|| articles.clone())
        .bench_values(|a| Analysis::run(a, &lex, &rules, &LinkConfig::default()));
}
