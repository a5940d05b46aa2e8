//! Linking: which claims may count the same thing.
//!
//! Nodes of the graph are claims; an edge joins two claims with the same
//! metric in the same country, compatible groups (the same group, or a part
//! and its whole: children within civilians within people), compatible
//! places (the same place, or a city and its country) and `as_of` dates
//! within a window. An event is a connected group of claims.
//!
//! Complexity: claims are blocked by (metric, country), sorted by date, and
//! within a block each claim is compared only with the latest claim of each
//! "lane" (a distinct group and place) still inside the window. That is
//! O(n log n + n·L) for n claims and L lanes per block, with L bounded by the
//! distinct groups and places of one country, not by n.

use std::collections::BTreeMap;

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;

use crate::id::IdHasher;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Event, Sym};

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

/// How two linked claims' groups relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRelation {
    Same,
    /// The first claim's group is part of the second's.
    PartOf,
    /// The first claim's group contains the second's.
    Contains,
}

/// Why two claims are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub group: GroupRelation,
    /// Both claims name the same place (not a city and its country).
    pub same_place: bool,
    /// `as_of` of the later claim minus the earlier one, in days.
    pub days_apart: i64,
}

/// The claim graph and the events it defines.
#[derive(Debug, Clone)]
pub struct Linked {
    pub graph: UnGraph<usize, Link>,
    pub events: Vec<Event>,
    /// The event of each claim (date claims have none).
    pub event_of: Vec<Option<usize>>,
}

/// Is `g` related to `h` as the same group or a part/whole?
pub fn group_relation(lex: &Lexicon, g: &str, h: &str) -> Option<GroupRelation> {
    if g == h {
        return Some(GroupRelation::Same);
    }
    let (gi, hi) = (lex.group(g)?, lex.group(h)?);
    if lex.group_within(gi, hi) {
        Some(GroupRelation::PartOf)
    } else if lex.group_within(hi, gi) {
        Some(GroupRelation::Contains)
    } else {
        None
    }
}

/// Can two places (with a shared country) hold the same count: the same
/// place, or one of them is the country itself?
fn places_compatible(a: &Claim, b: &Claim) -> Option<bool> {
    match (&a.place, &b.place) {
        (Some(p), Some(q)) if p == q => Some(true),
        (None, None) => Some(true),
        (Some(p), Some(q)) => {
            let a_country = a.country.as_ref() == Some(p);
            let b_country = b.country.as_ref() == Some(q);
            (a_country || b_country).then_some(false)
        }
        _ => Some(false),
    }
}

/// Builds the claim graph and its events.
pub fn link(claims: &[Claim], lex: &Lexicon, cfg: &LinkConfig) -> Linked {
    let mut graph: UnGraph<usize, Link> = UnGraph::with_capacity(claims.len(), claims.len());
    let mut node: Vec<Option<NodeIndex>> = vec![None; claims.len()];
    // Blocks: (metric, country) → claim indices.
    let mut blocks: BTreeMap<(Sym, Option<Sym>), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.is_date() {
            continue;
        }
        node[i] = Some(graph.add_node(i));
        blocks
            .entry((c.metric.clone(), c.country.clone()))
            .or_default()
            .push(i);
    }
    for members in blocks.values_mut() {
        members.sort_by_key(|&i| (claims[i].as_of, i));
        // Lanes: (group, place) → latest claim in it.
        let mut lanes: BTreeMap<(Sym, Option<Sym>), usize> = BTreeMap::new();
        for &i in members.iter() {
            let c = &claims[i];
            for &j in lanes.values() {
                let o = &claims[j];
                let days = match (o.as_of, c.as_of) {
                    (Some(a), Some(b)) => b.days_since(a),
                    (None, None) => 0,
                    _ => continue,
                };
                if days.abs() > cfg.window_days {
                    continue;
                }
                let Some(group) = group_relation(lex, &o.group, &c.group) else {
                    continue;
                };
                let Some(same_place) = places_compatible(o, c) else {
                    continue;
                };
                if let (Some(a), Some(b)) = (node[j], node[i]) {
                    graph.add_edge(
                        a,
                        b,
                        Link {
                            group,
                            same_place,
                            days_apart: days,
                        },
                    );
                }
            }
            lanes.insert((c.group.clone(), c.place.clone()), i);
        }
    }
    // Events: connected components, in claim order.
    let mut uf = UnionFind::<usize>::new(graph.node_count());
    for e in graph.edge_indices() {
        if let Some((a, b)) = graph.edge_endpoints(e) {
            uf.union(a.index(), b.index());
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (i, n) in node.iter().enumerate() {
        if let Some(n) = n {
            let root = uf.find(n.index());
            let list = by_root.entry(root).or_default();
            if list.is_empty() {
                order.push(root);
            }
            list.push(i);
        }
    }
    let mut events = Vec::with_capacity(order.len());
    let mut event_of = vec![None; claims.len()];
    for root in order {
        let members = by_root.remove(&root).unwrap_or_default();
        for &m in &members {
            event_of[m] = Some(events.len());
        }
        events.push(make_event(claims, lex, members));
    }
    Linked {
        graph,
        events,
        event_of,
    }
}

/// An event's summary: its metric, the broadest place and group.
fn make_event(claims: &[Claim], lex: &Lexicon, members: Vec<usize>) -> Event {
    let first = &claims[members[0]];
    let mut place = first.place.clone();
    let mut subject = first.group.clone();
    for &m in &members[1..] {
        let c = &claims[m];
        if c.place != place {
            place = c.country.clone();
        }
        match group_relation(lex, &subject, &c.group) {
            Some(GroupRelation::PartOf) => subject = c.group.clone(),
            Some(_) => {}
            None => subject = lex.groups[lex.group("people").unwrap_or(0)].name.clone(),
        }
    }
    let id = IdHasher::new()
        .field(&*first.metric)
        .field(first.country.as_deref().unwrap_or(""))
        .field(&first.id)
        .finish("e");
    Event {
        id,
        claims: members,
        metric: first.metric.clone(),
        reported_metric: first.reported_metric.clone(),
        place,
        subject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::model::{Bounds, Qualifier};
    use std::sync::Arc;

    fn claim(
        id: &str,
        metric: &str,
        group: &str,
        place: Option<&str>,
        country: &str,
        as_of: (i32, u8, u8),
    ) -> Claim {
        Claim {
            id: id.into(),
            article: 0,
            span: 0..1,
            sentence: 0..1,
            value: Bounds::exact(1),
            qualifier: Qualifier::Exact,
            metric: Arc::from(metric),
            reported_metric: Arc::from(metric),
            subject: Arc::from(group),
            group: Arc::from(group),
            place: place.map(Arc::from),
            country: Some(Arc::from(country)),
            place_in_text: true,
            source: None,
            hedged: false,
            date: None,
            as_of: Date::new(as_of.0, as_of.1, as_of.2),
        }
    }

    fn events(claims: &[Claim]) -> Vec<Vec<usize>> {
        let lex = Lexicon::builtin();
        link(claims, &lex, &LinkConfig::default())
            .events
            .into_iter()
            .map(|e| e.claims)
            .collect()
    }

    #[test]
    fn a_part_and_its_whole_days_apart_are_one_event() {
        let c = [
            claim(
                "a",
                "killed",
                "civilians",
                Some("Iran"),
                "Iran",
                (2025, 6, 15),
            ),
            claim(
                "b",
                "killed",
                "children",
                Some("Iran"),
                "Iran",
                (2025, 6, 15),
            ),
            claim("c", "killed", "people", Some("Iran"), "Iran", (2025, 6, 20)),
        ];
        assert_eq!(events(&c), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn other_metrics_countries_and_distant_dates_are_apart() {
        let c = [
            claim("a", "killed", "people", Some("Iran"), "Iran", (2025, 6, 20)),
            claim(
                "b",
                "injured",
                "people",
                Some("Iran"),
                "Iran",
                (2025, 6, 20),
            ),
            claim(
                "c",
                "killed",
                "people",
                Some("Israel"),
                "Israel",
                (2025, 6, 20),
            ),
            claim("d", "killed", "people", Some("Iran"), "Iran", (2026, 1, 27)),
        ];
        assert_eq!(events(&c), vec![vec![0], vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn a_city_links_to_its_country_but_not_to_another_city() {
        let c = [
            claim(
                "a",
                "killed",
                "people",
                Some("Haifa"),
                "Israel",
                (2025, 6, 15),
            ),
            claim(
                "b",
                "killed",
                "people",
                Some("Beersheba"),
                "Israel",
                (2025, 6, 15),
            ),
            claim(
                "c",
                "killed",
                "people",
                Some("Israel"),
                "Israel",
                (2025, 6, 16),
            ),
        ];
        assert_eq!(events(&c), vec![vec![0, 1, 2]]);
        let c2 = [c[0].clone(), c[1].clone()];
        assert_eq!(events(&c2), vec![vec![0], vec![1]]);
    }

    #[test]
    fn unrelated_groups_are_not_linked() {
        let c = [
            claim(
                "a",
                "killed",
                "soldiers",
                Some("Iran"),
                "Iran",
                (2025, 6, 15),
            ),
            claim(
                "b",
                "killed",
                "children",
                Some("Iran"),
                "Iran",
                (2025, 6, 15),
            ),
        ];
        assert_eq!(events(&c), vec![vec![0], vec![1]]);
    }
}
