//! Throughput of the pipeline stages on a synthetic corpus built from the
//! bundled articles and the example corpus (repeated with varied figures so
//! that claims do not all collapse into one event).
//!
//! Run: `cargo bench --bench pipeline`. Divan prints bytes per second for
//! the extraction benchmarks.

use crosscheck::Analysis;
use crosscheck::lexicon::Lexicon;
use crosscheck::link::LinkConfig;
use crosscheck::model::Article;
use crosscheck::rules::RuleSet;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// `n` articles: the sample and example articles with their figures and
/// dates varied, so each copy is a distinct text.
fn corpus(n: usize) -> Vec<Article> {
    let mut base = crosscheck::input::load(&[]).articles;
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    base.extend(crosscheck::input::load(&[examples]).articles);
    (0..n)
        .map(|i| {
            let a = &base[i % base.len()];
            let body = a
                .body
                .replace("639", &(600 + i % 97).to_string())
                .replace("1,480", &format!("1,{:03}", i % 1000));
            Article {
                id: format!("{}-{i}", a.id),
                published: a
                    .published
                    .map(|d| d.add_days((i / base.len()) as i64 % 60)),
                body,
                ..a.clone()
            }
        })
        .collect()
}

fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.body.len()).sum()
}

#[divan::bench(args = [100, 1000])]
fn extract(bencher: divan::Bencher, n: usize) {
    let lex = Lexicon::builtin();
    let articles = corpus(n);
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .bench(|| crosscheck::extract::extract(divan::black_box(&articles), &lex));
}

#[divan::bench(args = [1000])]
fn check_end_to_end(bencher: divan::Bencher, n: usize) {
    let lex = Lexicon::builtin();
    let rules = RuleSet::builtin(&lex).unwrap();
    let articles = corpus(n);
    bencher
        .counter(BytesCount::new(bytes(&articles)))
        .with_inputs(|| articles.clone())
        .bench_values(|a| Analysis::run(a, &lex, &rules, &LinkConfig::default()));
}
