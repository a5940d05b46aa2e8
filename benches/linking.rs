//! Throughput of linking (`crosscheck::link::link`) on synthetic claims at
//! 10k, 100k and 1M claims, to see how its time grows with their number
//! (near-linear growth is about 10× per step).
//!
//! The claims are generated, not extracted: articles of about ten claims
//! each, published over `n / 100` days (the same density at every size),
//! about one country each; metrics and
//! groups from the builtin lexicon (skewed towards `killed` and `people`,
//! as in reporting); 150 countries with 20 towns each; incidents, totals
//! (some since one of a few start dates per country, some since a named
//! start) and unspecified scopes; 200 sources. Repeated strings share one
//! `Arc<str>`, as the extractor's are. The generator is deterministic.
//!
//! Run: `cargo bench --bench linking`. Divan prints claims per second.

use crosscheck::date::Date;
use crosscheck::lexicon::Lexicon;
use crosscheck::link::LinkConfig;
use crosscheck::model::{Article, Bounds, Claim, Qualifier, Scope, Sym};
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

const CLAIMS_PER_ARTICLE: usize = 10;
const COUNTRIES: usize = 150;
const TOWNS_PER_COUNTRY: usize = 20;
const SOURCES: usize = 200;
const OUTLETS: usize = 60;
/// Claims per day: the corpus spans `n / CLAIMS_PER_DAY` days, so its
/// density (figures per country per window) is the same at every size and
/// the benchmark measures how linking scales, not how a denser news day
/// produces more links.
const CLAIMS_PER_DAY: usize = 100;

/// xorshift64*: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// In `0..n`, low indices more often (the first of 150 about 12 times
    /// as often as the middle one).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * n as f64) as usize).min(n - 1)
    }

    /// True with probability `p` percent.
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// The shared strings claims are drawn from.
struct Pools {
    /// (metric, reported metric), most reported first.
    metrics: Vec<(Sym, Sym)>,
    /// Groups of people, the most common first.
    groups: Vec<Sym>,
    countries: Vec<Sym>,
    /// `TOWNS_PER_COUNTRY` towns per country.
    towns: Vec<Vec<Sym>>,
    /// A few dated starts per country ("since October 7, 2023").
    starts: Vec<Vec<Date>>,
    anchors: Vec<Sym>,
    sources: Vec<Sym>,
    outlets: Vec<String>,
}

impl Pools {
    fn new(lex: &Lexicon) -> Pools {
        let metrics = [
            "killed",
            "injured",
            "arrested",
            "detained",
            "displaced",
            "hospitalised",
            "missing",
            "kidnapped",
            "executed",
            "sentenced",
            "sentenced-to-death",
        ]
        .iter()
        .map(|name| {
            let m = &lex.metrics[lex.metric(name).expect("metric in the lexicon")];
            (m.name.clone(), m.family.clone())
        })
        .collect();
        let groups = [
            "people",
            "civilians",
            "children",
            "women",
            "soldiers",
            "protesters",
            "journalists",
            "medics",
            "aid workers",
            "security forces",
            "combatants",
            "prisoners",
            "migrants",
            "students",
            "workers",
            "hostages",
        ]
        .iter()
        .map(|name| {
            lex.groups[lex.group(name).expect("group in the lexicon")]
                .name
                .clone()
        })
        .collect();
        // Real country and town names where the lexicon has them.
        let places = &lex.places;
        let mut countries = Vec::new();
        let mut towns = Vec::new();
        let mut starts = Vec::new();
        let base = Date::new(2022, 1, 1).unwrap();
        for k in 0..COUNTRIES {
            let country: Sym = match places.countries.get(k) {
                Some(c) => c.name.clone(),
                None => format!("Country {k}").into(),
            };
            let mut t: Vec<Sym> = places
                .places
                .iter()
                .filter(|p| p.country == k && k < places.countries.len())
                .take(TOWNS_PER_COUNTRY)
                .map(|p| p.name.clone())
                .collect();
            while t.len() < TOWNS_PER_COUNTRY {
                t.push(format!("{country} town {}", t.len()).into());
            }
            countries.push(country);
            towns.push(t);
            starts.push(
                (0..3)
                    .map(|s| base.add_days((k as i64 * 37 + s * 250) % 1000))
                    .collect(),
            );
        }
        Pools {
            metrics,
            groups,
            countries,
            towns,
            starts,
            anchors: ["war", "protests", "ceasefire", "offensive"]
                .iter()
                .map(|&a| a.into())
                .collect(),
            sources: (0..SOURCES).map(|k| format!("Source {k}").into()).collect(),
            outlets: (0..OUTLETS).map(|k| format!("Outlet {k}")).collect(),
        }
    }
}

/// `n` claims in `n / 10` articles, and which articles are wire copies of
/// earlier ones.
fn corpus(n: usize, lex: &Lexicon) -> (Vec<Article>, Vec<Claim>, Vec<Option<usize>>) {
    let pools = Pools::new(lex);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Date::new(2023, 1, 1).unwrap();
    let n_articles = n.div_ceil(CLAIMS_PER_ARTICLE);
    let mut articles = Vec::with_capacity(n_articles);
    let mut duplicate_of = Vec::with_capacity(n_articles);
    let mut claims = Vec::with_capacity(n);
    for a in 0..n_articles {
        let days = (n / CLAIMS_PER_DAY).max(30);
        let published = start.add_days(rng.below(days) as i64);
        articles.push(Article {
            id: format!("article-{a}"),
            path: format!("synthetic/article-{a}.md"),
            outlet: Some(pools.outlets[rng.skewed(OUTLETS)].clone()),
            url: None,
            published: Some(published),
            title: None,
            body: String::new(),
        });
        duplicate_of.push((a > 0 && rng.percent(5)).then(|| rng.below(a)));
        // Most of an article's figures are about one country.
        let home = rng.skewed(COUNTRIES);
        let per_article = CLAIMS_PER_ARTICLE.min(n - claims.len());
        for _ in 0..per_article {
            let (metric, reported_metric) = pools.metrics[rng.skewed(pools.metrics.len())].clone();
            let group = pools.groups[rng.skewed(pools.groups.len())].clone();
            let k = if rng.percent(3) {
                None
            } else if rng.percent(90) {
                Some(home)
            } else {
                Some(rng.below(COUNTRIES))
            };
            let country = k.map(|k| pools.countries[k].clone());
            let place = k.map(|k| {
                if rng.percent(50) {
                    pools.countries[k].clone()
                } else {
                    pools.towns[k][rng.skewed(TOWNS_PER_COUNTRY)].clone()
                }
            });
            let scope = match rng.below(100) {
                0..60 => Scope::Unspecified,
                60..85 => Scope::Aggregate,
                _ => Scope::Incident,
            };
            let (since, since_anchor) = match (scope, rng.below(10)) {
                (Scope::Aggregate, 0..3) => (k.map(|k| pools.starts[k][rng.below(3)]), None),
                (Scope::Aggregate, 3..5) => (
                    None,
                    Some(pools.anchors[rng.below(pools.anchors.len())].clone()),
                ),
                _ => (None, None),
            };
            let figure = 1 + (10f64.powf(rng.below(4000) as f64 / 1000.0)) as u64;
            let (value, qualifier) = match rng.below(100) {
                0..60 => (Bounds::exact(figure), Qualifier::Exact),
                60..85 => (Bounds::new(Some(figure), None), Qualifier::AtLeast),
                _ => (
                    Bounds::new(Some(figure), Some(figure + figure / 5 + 1)),
                    Qualifier::Range,
                ),
            };
            let id = claims.len();
            claims.push(Claim {
                id: format!("c{id:08x}"),
                article: a,
                span: 0..0,
                sentence: 0..0,
                value,
                qualifier,
                metric,
                reported_metric,
                subject: group.clone(),
                group,
                place,
                country,
                place_in_text: rng.percent(85),
                source: (!rng.percent(20)).then(|| pools.sources[rng.skewed(SOURCES)].clone()),
                hedged: rng.percent(5),
                date: None,
                as_of: Some(published),
                scope,
                since,
                since_anchor,
                update: rng.percent(5),
            });
        }
    }
    (articles, claims, duplicate_of)
}

/// Ten samples each, except that sampling stops once 30 s are spent (about
/// three samples at 1M claims).
#[divan::bench(
    args = [10_000, 100_000, 1_000_000],
    sample_count = 10,
    sample_size = 1,
    max_time = 30
)]
fn link(bencher: divan::Bencher, n: usize) {
    let lex = Lexicon::builtin();
    let cfg = LinkConfig::default();
    let (articles, claims, duplicate_of) = corpus(n, &lex);
    bencher
        .counter(ItemsCount::new(claims.len()))
        .with_inputs(|| duplicate_of.clone())
        .bench_local_values(|dupes| {
            crosscheck::link::link(
                divan::black_box(&articles),
                divan::black_box(&claims),
                dupes,
                &lex,
                &cfg,
            )
        });
}
