//! Linking: which claims count the same thing, and which count a part of
//! another's count.
//!
//! Two claims are related ([`relate`]) only when they have the same metric
//! (`killed` is never linked with `injured`, `detained` never with
//! `arrested`), the same country, `as_of` dates within the window, and
//! each of these dimensions is the same or nests one way:
//!
//! * **group**: the same group, or a part and its whole (children within
//!   civilians within people; `groups.yaml`);
//! * **place**: the same place, or a place read from the text within the
//!   country another claim names (Beersheba within Israel);
//! * **period**: an incident ("in Friday's strike on Beersheba") is part of
//!   a total ("since the war began", "so far"), never its equal; totals
//!   from different starts ("since May 27" and "since October 7, 2023") are
//!   a sub-period and its whole; totals from differently named starts
//!   ("since the war began", "since the aid scheme began") are unrelated.
//!
//! When every dimension is the same, the claims count the same thing
//! ([`Relation::Same`]); when the others are the same and some nest one way,
//! one is a part of the other. Mixed directions (a narrower group in a
//! wider place) relate nothing.
//!
//! An **event** is a connected group of claims under `Same` links: one
//! count, reported by one or more sources over time. Part links join
//! events into a hierarchy ([`Event::parts`]), so that parts are linked to
//! their whole without being compared as equals. Each event carries a time
//! series per source (see [`series`]).
//!
//! Complexity: claims are blocked by (metric, country) and sorted by date,
//! O(n log n). Within a block each claim is related only to the latest
//! claim of each "lane" (a distinct group, place, scope and start) whose
//! latest claim is still inside the window; lanes that fall out of the
//! window are dropped (each lane enters and leaves the active set once per
//! stretch of activity, O(log L) each). That is O(n·(W + log n)) for W
//! active lanes per window: bounded by how many distinct counts one
//! country's news reports within the window, not by n. Events are the
//! components of a union-find over the links, O(n·α(n)).

pub mod dupes;
mod graph;
pub mod series;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::unionfind::UnionFind;

pub use self::graph::ClaimGraph;
pub use self::series::{Change, Point, Series};
use crate::date::Date;
use crate::id::IdHasher;
use crate::lexicon::Lexicon;
use crate::model::{Article, Claim, Event, Scope, Sym};

/// Settings for linking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkConfig {
    /// Claims whose `as_of` dates are further apart than this are not linked
    /// directly (a running count reported every few days still chains).
    pub window_days: i64,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig { window_days: 14 }
    }
}

/// How one claim's count relates to another's, in one dimension or overall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// The same.
    Same,
    /// The first is part of the second (children of people, Haifa of
    /// Israel, an incident of a war's total).
    PartOf,
    /// The first contains the second.
    Contains,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::PartOf => "part-of",
            Relation::Contains => "contains",
        }
    }

    /// The relation read the other way.
    pub fn reversed(self) -> Relation {
        match self {
            Relation::Same => Relation::Same,
            Relation::PartOf => Relation::Contains,
            Relation::Contains => Relation::PartOf,
        }
    }

    /// Combines dimensions: all the same, or nesting one way only.
    fn and(self, other: Relation) -> Option<Relation> {
        match (self, other) {
            (Relation::Same, r) | (r, Relation::Same) => Some(r),
            (a, b) if a == b => Some(a),
            _ => None,
        }
    }
}

/// Why two claims are linked, read from the first to the second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Overall: the same count, or a part of the other's.
    pub relation: Relation,
    pub group: Relation,
    pub place: Relation,
    /// Incident within a total, or a sub-period of a longer total.
    pub period: Relation,
    /// `as_of` of the second claim minus the first's, in days (0 when
    /// either is undated).
    pub days_apart: i64,
    /// How sure the link is, in (0, 1]: lower for parts, for dates further
    /// apart, for places assumed rather than read, for a period the text
    /// leaves unsaid.
    pub strength: f32,
}

impl Link {
    /// The same link read from the second claim to the first.
    pub fn reversed(self) -> Link {
        Link {
            relation: self.relation.reversed(),
            group: self.group.reversed(),
            place: self.place.reversed(),
            period: self.period.reversed(),
            days_apart: -self.days_apart,
            strength: self.strength,
        }
    }

    /// A short reason: "same", "group part-of, 2 days", ...
    pub fn reason(&self) -> String {
        let mut parts = Vec::new();
        for (name, r) in [
            ("group", self.group),
            ("place", self.place),
            ("period", self.period),
        ] {
            if r != Relation::Same {
                parts.push(format!("{name} {}", r.as_str()));
            }
        }
        if parts.is_empty() {
            parts.push("same count".into());
        }
        if self.days_apart != 0 {
            parts.push(format!("{} days", self.days_apart));
        }
        parts.join(", ")
    }
}

/// Is `g` related to `h` as the same group or a part/whole?
pub fn group_relation(lex: &Lexicon, g: &str, h: &str) -> Option<Relation> {
    if g == h {
        return Some(Relation::Same);
    }
    let (gi, hi) = (lex.group(g)?, lex.group(h)?);
    if lex.group_within(gi, hi) {
        Some(Relation::PartOf)
    } else if lex.group_within(hi, gi) {
        Some(Relation::Contains)
    } else {
        None
    }
}

/// The same place, or a place within the country the other claim is
/// about. A place and its country nest only when both were read from the
/// text: a figure placed in a country for want of a town is not the
/// country's whole count.
fn place_relation(a: &Claim, b: &Claim) -> Option<Relation> {
    if a.place == b.place {
        return Some(Relation::Same);
    }
    if a.country != b.country || a.country.is_none() || !a.place_in_text || !b.place_in_text {
        return None;
    }
    match (a.place == a.country, b.place == b.country) {
        (false, true) => Some(Relation::PartOf),
        (true, false) => Some(Relation::Contains),
        _ => None,
    }
}

/// Incident within a total; a total from a later start within one from an
/// earlier start; totals from differently named starts are unrelated.
fn period_relation(a: &Claim, b: &Claim) -> Option<Relation> {
    match (a.scope, b.scope) {
        // A rate is never a toll (R10); two rates may be the same rate.
        (Scope::Rate, Scope::Rate) => Some(Relation::Same),
        (Scope::Rate, _) | (_, Scope::Rate) => None,
        (Scope::Incident, Scope::Aggregate) => Some(Relation::PartOf),
        (Scope::Aggregate, Scope::Incident) => Some(Relation::Contains),
        (Scope::Aggregate, Scope::Aggregate) => match (a.since, b.since) {
            (Some(x), Some(y)) => {
                let d = y.days_since(x);
                if d.abs() <= 1 {
                    Some(Relation::Same)
                } else if d < 0 {
                    // b started earlier: a's period lies within b's.
                    Some(Relation::PartOf)
                } else {
                    Some(Relation::Contains)
                }
            }
            _ => match (&a.since_anchor, &b.since_anchor) {
                (Some(x), Some(y)) if x != y => None,
                _ => Some(Relation::Same),
            },
        },
        _ => Some(Relation::Same),
    }
}

fn days_between(a: Option<Date>, b: Option<Date>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(y.days_since(x)),
        (None, None) => Some(0),
        _ => None,
    }
}

/// How claim `a` relates to claim `b`, or `None` when they count different
/// things (see the module documentation). The one place that decides
/// linking: the graph is built from it and the rules ask it.
pub fn relate(lex: &Lexicon, a: &Claim, b: &Claim, cfg: &LinkConfig) -> Option<Link> {
    if a.is_date() || b.is_date() || a.metric != b.metric || a.country != b.country {
        return None;
    }
    let days = days_between(a.as_of, b.as_of)?;
    if days.abs() > cfg.window_days {
        return None;
    }
    let group = group_relation(lex, &a.group, &b.group)?;
    let place = place_relation(a, b)?;
    let period = period_relation(a, b)?;
    let relation = group.and(place)?.and(period)?;
    let mut strength = 1.0f32;
    if relation != Relation::Same {
        strength *= 0.6;
    }
    strength *= 1.0 - 0.5 * (days.abs() as f32 / cfg.window_days.max(1) as f32);
    if !a.place_in_text || !b.place_in_text {
        strength *= 0.8;
    }
    if (a.scope == Scope::Unspecified) != (b.scope == Scope::Unspecified) {
        strength *= 0.9;
    }
    Some(Link {
        relation,
        group,
        place,
        period,
        days_apart: days,
        strength: (strength * 100.0).round() / 100.0,
    })
}

/// The claim graph, its events, and which articles are copies of others.
#[derive(Debug, Clone, Default)]
pub struct Linked {
    pub graph: ClaimGraph,
    pub events: Vec<Event>,
    /// The event of each claim (date claims have none).
    pub event_of: Vec<Option<usize>>,
    /// For each article, the first article it is a near-identical copy of
    /// (syndicated wire copy), if any.
    pub duplicate_of: Vec<Option<usize>>,
    pub config: LinkConfig,
}

impl Linked {
    /// Is the article an original (not a near-identical copy of an earlier one)?
    pub fn is_original(&self, article: usize) -> bool {
        self.duplicate_of.get(article).is_none_or(Option::is_none)
    }

    /// The first article of the article's copy group (itself when original).
    pub fn original(&self, article: usize) -> usize {
        self.duplicate_of
            .get(article)
            .copied()
            .flatten()
            .unwrap_or(article)
    }
}

/// The lane of a claim within its block: claims in one lane have the same
/// group, place and period and are always related when close in time.
type LaneKey = (Sym, Option<Sym>, Scope, Option<Date>, Option<Sym>);

/// Builds the claim graph and its events. `duplicate_of` comes from
/// [`dupes::near_duplicates`] (or all `None`).
pub fn link(
    articles: &[Article],
    claims: &[Claim],
    duplicate_of: Vec<Option<usize>>,
    lex: &Lexicon,
    cfg: &LinkConfig,
) -> Linked {
    let mut graph = ClaimGraph::with_claims(claims.len());
    // Blocks: (metric, country) → claim indices.
    let mut blocks: BTreeMap<(Sym, Option<Sym>), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.is_date() {
            continue;
        }
        graph.add_claim(i);
        blocks
            .entry((c.metric.clone(), c.country.clone()))
            .or_default()
            .push(i);
    }
    let mut same = UnionFind::<usize>::new(claims.len());
    let mut part_links: Vec<(usize, usize)> = Vec::new();
    for members in blocks.values_mut() {
        members.sort_by_key(|&i| (claims[i].as_of, i));
        // Lanes: key → lane number; the active lanes (latest claim inside the
        // window) by number → latest claim, and by date for expiry.
        let mut lane_of: BTreeMap<LaneKey, usize> = BTreeMap::new();
        let mut active: BTreeMap<usize, usize> = BTreeMap::new();
        let mut by_date: BTreeSet<(Option<Date>, usize)> = BTreeSet::new();
        for &i in members.iter() {
            let c = &claims[i];
            // Lanes whose latest claim fell out of the window are dropped, so
            // each claim is compared with the lanes active in its window only.
            // Undated claims sort first and relate only to each other.
            if let Some(now) = c.as_of {
                while let Some(&(d, lane)) = by_date.first() {
                    if d.is_some_and(|d| now.days_since(d) <= cfg.window_days) {
                        break;
                    }
                    by_date.pop_first();
                    active.remove(&lane);
                }
            }
            for &j in active.values() {
                let Some(l) = relate(lex, &claims[j], c, cfg) else {
                    continue;
                };
                graph.add_link(j, i, l);
                match l.relation {
                    Relation::Same => {
                        same.union(i, j);
                    }
                    Relation::PartOf => part_links.push((j, i)),
                    Relation::Contains => part_links.push((i, j)),
                }
            }
            let key = (
                c.group.clone(),
                c.place.clone(),
                c.scope,
                c.since,
                c.since_anchor.clone(),
            );
            let next = lane_of.len();
            let lane = *lane_of.entry(key).or_insert(next);
            if let Some(old) = active.insert(lane, i) {
                by_date.remove(&(claims[old].as_of, lane));
            }
            by_date.insert((c.as_of, lane));
        }
    }
    // Events: components under `Same` links, in claim order.
    let mut event_of = vec![None; claims.len()];
    let mut by_root: BTreeMap<usize, usize> = BTreeMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if c.is_date() {
            continue;
        }
        let root = same.find(i);
        let e = *by_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[e].push(i);
        event_of[i] = Some(e);
    }
    let mut parts: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); members.len()];
    let mut wholes: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); members.len()];
    for (part, whole) in part_links {
        if let (Some(p), Some(w)) = (event_of[part], event_of[whole])
            && p != w
        {
            parts[w].insert(p);
            wholes[p].insert(w);
        }
    }
    let events = members
        .into_iter()
        .enumerate()
        .map(|(e, m)| {
            make_event(
                articles,
                claims,
                lex,
                m,
                parts[e].iter().copied().collect(),
                wholes[e].iter().copied().collect(),
                &duplicate_of,
            )
        })
        .collect();
    Linked {
        graph,
        events,
        event_of,
        duplicate_of,
        config: *cfg,
    }
}

/// An event's summary: its metric, the broadest place and group, its
/// sources, articles and time series.
fn make_event(
    articles: &[Article],
    claims: &[Claim],
    lex: &Lexicon,
    members: Vec<usize>,
    parts: Vec<usize>,
    part_of: Vec<usize>,
    duplicate_of: &[Option<usize>],
) -> Event {
    let first = &claims[members[0]];
    let mut place = first.place.clone();
    let mut subject = first.group.clone();
    let mut scope = first.scope;
    for &m in &members[1..] {
        let c = &claims[m];
        if c.place != place {
            place = c.country.clone();
        }
        match group_relation(lex, &subject, &c.group) {
            Some(Relation::PartOf) => subject = c.group.clone(),
            Some(_) => {}
            None => subject = lex.groups[lex.group("people").unwrap_or(0)].name.clone(),
        }
        if c.scope != scope {
            scope = match (scope, c.scope) {
                (Scope::Unspecified, s) | (s, Scope::Unspecified) => s,
                _ => Scope::Unspecified,
            };
        }
    }
    let sources: BTreeSet<Sym> = members
        .iter()
        .filter_map(|&m| claims[m].source.clone())
        .collect();
    let article_set: BTreeSet<usize> = members.iter().map(|&m| claims[m].article).collect();
    let independent: BTreeSet<usize> = article_set
        .iter()
        .map(|&a| duplicate_of.get(a).copied().flatten().unwrap_or(a))
        .collect();
    let dates: Vec<Date> = members.iter().filter_map(|&m| claims[m].as_of).collect();
    let id = IdHasher::new()
        .field(&*first.metric)
        .field(first.country.as_deref().unwrap_or(""))
        .field(&first.id)
        .finish("e");
    let series = series::build(articles, claims, lex, &members);
    Event {
        id,
        claims: members,
        metric: first.metric.clone(),
        reported_metric: first.reported_metric.clone(),
        place,
        subject,
        scope,
        sources: sources.into_iter().collect(),
        articles: article_set.into_iter().collect(),
        independent_articles: independent.len(),
        first: dates.iter().min().copied(),
        last: dates.iter().max().copied(),
        parts,
        part_of,
        series,
    }
}

#[cfg(test)]
mod tests;
