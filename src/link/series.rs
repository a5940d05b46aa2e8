//! Time series: the figures each source gave for one event, in order.
//!
//! A running count (a death toll, an arrest tally: `running_count` in
//! `metrics.yaml`) only grows. In each source's series, a later figure
//! that is higher is an update (`rise`); one whose bounds overlap the
//! previous is `same`; a later figure that is lower (`fall`), or an
//! incompatible figure on the same day that the wording does not mark as
//! an update (`conflict`), is what rules look at. For other counts any
//! incompatible figure is a `conflict`.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::lexicon::Lexicon;
use crate::model::{Article, Claim, Sym};

/// How a figure compares with the one before it in its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The first figure of the series.
    First,
    /// Compatible with the one before.
    Same,
    /// Higher: an update of a running count.
    Rise,
    /// Lower than a running count was before.
    Fall,
    /// Incompatible with the one before, and not an update.
    Conflict,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::First => "first",
            Change::Same => "same",
            Change::Rise => "rise",
            Change::Fall => "fall",
            Change::Conflict => "conflict",
        }
    }
}

/// One figure in a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub claim: usize,
    pub as_of: Option<Date>,
    pub change: Change,
}

/// The figures one source gave for an event; for figures an outlet gives
/// on its own (no source), one series per outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub source: Option<Sym>,
    /// Set when `source` is `None`: the outlet (or article id) speaking.
    pub outlet: Option<String>,
    pub points: Vec<Point>,
}

/// How `later` compares with `earlier` in one source's series.
pub fn change(lex: &Lexicon, earlier: &Claim, later: &Claim) -> Change {
    let running = lex
        .metric(&later.metric)
        .is_some_and(|m| lex.metrics[m].running_count);
    let same_day = match (earlier.as_of, later.as_of) {
        (Some(a), Some(b)) => b.days_since(a) == 0,
        _ => true,
    };
    let gap = earlier.value.gap(&later.value);
    let (a, b) = (earlier.value, later.value);
    if !running {
        return if gap == 0 {
            Change::Same
        } else {
            Change::Conflict
        };
    }
    if gap == 0 {
        // Overlapping: a higher floor is still news ("at least 224" → "639").
        return if b.lo() > a.lo() {
            Change::Rise
        } else {
            Change::Same
        };
    }
    if b.lo() > a.hi() {
        if same_day && !later.update {
            Change::Conflict
        } else {
            Change::Rise
        }
    } else if same_day && !earlier.update {
        Change::Conflict
    } else {
        Change::Fall
    }
}

/// The series of an event's claims, one per source, sorted by source.
pub fn build(
    articles: &[Article],
    claims: &[Claim],
    lex: &Lexicon,
    members: &[usize],
) -> Vec<Series> {
    let mut by_key: BTreeMap<(Option<Sym>, Option<String>), Vec<usize>> = BTreeMap::new();
    for &m in members {
        let c = &claims[m];
        let outlet = c.source.is_none().then(|| {
            let a = &articles[c.article];
            a.outlet.clone().unwrap_or_else(|| a.id.clone())
        });
        by_key
            .entry((c.source.clone(), outlet))
            .or_default()
            .push(m);
    }
    by_key
        .into_iter()
        .map(|((source, outlet), mut ms)| {
            ms.sort_by_key(|&m| {
                let c = &claims[m];
                (c.as_of, articles[c.article].published, c.article, m)
            });
            let mut points: Vec<Point> = Vec::with_capacity(ms.len());
            for (k, &m) in ms.iter().enumerate() {
                let change = match k {
                    0 => Change::First,
                    _ => change(lex, &claims[ms[k - 1]], &claims[m]),
                };
                points.push(Point {
                    claim: m,
                    as_of: claims[m].as_of,
                    change,
                });
            }
            Series {
                source,
                outlet,
                points,
            }
        })
        .collect()
}
