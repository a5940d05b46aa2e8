use std::sync::Arc;

use super::*;
use crate::date::Date;
use crate::model::{Bounds, Qualifier};

/// A claim for linking tests: `place` is read from the text.
fn claim(metric: &str, group: &str, place: &str, country: &str, day: u8) -> Claim {
    Claim {
        id: format!("c-{metric}-{group}-{place}-{day}"),
        article: 0,
        span: 0..1,
        sentence: 0..1,
        value: Bounds::exact(1),
        qualifier: Qualifier::Exact,
        metric: Arc::from(metric),
        reported_metric: Arc::from(metric),
        subject: Arc::from(group),
        group: Arc::from(group),
        place: Some(Arc::from(place)),
        country: Some(Arc::from(country)),
        place_in_text: true,
        source: None,
        hedged: false,
        date: None,
        as_of: Date::new(2025, 6, day),
        scope: Scope::Unspecified,
        since: None,
        since_anchor: None,
        update: false,
    }
}

fn with_scope(
    mut c: Claim,
    scope: Scope,
    since: Option<(u16, u8, u8)>,
    anchor: Option<&str>,
) -> Claim {
    c.scope = scope;
    c.since = since.and_then(|(y, m, d)| Date::new(i32::from(y), m, d));
    c.since_anchor = anchor.map(Arc::from);
    c
}

fn article() -> Vec<Article> {
    vec![Article {
        id: "a".into(),
        path: "a.md".into(),
        outlet: None,
        url: None,
        published: Date::new(2025, 6, 20),
        title: None,
        body: String::new(),
    }]
}

fn events(claims: &[Claim]) -> Vec<Vec<usize>> {
    let lex = Lexicon::builtin();
    link(&article(), claims, vec![None], &lex, &LinkConfig::default())
        .events
        .into_iter()
        .map(|e| e.claims)
        .collect()
}

fn rel(a: &Claim, b: &Claim) -> Option<Relation> {
    relate(&Lexicon::builtin(), a, b, &LinkConfig::default()).map(|l| l.relation)
}

#[test]
fn the_same_count_days_apart_is_one_event() {
    let c = [
        claim("killed", "people", "Iran", "Iran", 15),
        claim("killed", "people", "Iran", "Iran", 20),
    ];
    assert_eq!(rel(&c[0], &c[1]), Some(Relation::Same));
    assert_eq!(events(&c), vec![vec![0, 1]]);
}

#[test]
fn a_part_is_linked_to_its_whole_but_is_another_event() {
    let c = [
        claim("killed", "civilians", "Iran", "Iran", 15),
        claim("killed", "children", "Iran", "Iran", 15),
        claim("killed", "people", "Iran", "Iran", 20),
    ];
    assert_eq!(rel(&c[1], &c[0]), Some(Relation::PartOf));
    assert_eq!(rel(&c[2], &c[1]), Some(Relation::Contains));
    let lex = Lexicon::builtin();
    let linked = link(&article(), &c, vec![None], &lex, &LinkConfig::default());
    assert_eq!(linked.events.len(), 3);
    let people = linked.event_of[2].unwrap();
    let civilians = linked.event_of[0].unwrap();
    assert!(linked.events[people].parts.contains(&civilians));
    assert!(linked.events[civilians].part_of.contains(&people));
}

#[test]
fn other_metrics_countries_and_distant_dates_are_apart() {
    let mut late = claim("killed", "people", "Iran", "Iran", 20);
    late.as_of = Date::new(2026, 1, 27);
    let c = [
        claim("killed", "people", "Iran", "Iran", 20),
        claim("injured", "people", "Iran", "Iran", 20),
        claim("killed", "people", "Israel", "Israel", 20),
        late,
    ];
    assert_eq!(events(&c), vec![vec![0], vec![1], vec![2], vec![3]]);
}

#[test]
fn a_city_is_within_its_country_but_not_within_another_city() {
    let haifa = claim("killed", "people", "Haifa", "Israel", 15);
    let beersheba = claim("killed", "people", "Beersheba", "Israel", 15);
    let israel = claim("killed", "people", "Israel", "Israel", 16);
    assert_eq!(rel(&haifa, &israel), Some(Relation::PartOf));
    assert_eq!(rel(&israel, &beersheba), Some(Relation::Contains));
    assert_eq!(rel(&haifa, &beersheba), None);
}

#[test]
fn a_country_assumed_for_want_of_a_town_does_not_contain_the_town() {
    let haifa = claim("killed", "people", "Haifa", "Israel", 15);
    let mut israel = claim("killed", "people", "Israel", "Israel", 15);
    israel.place_in_text = false;
    assert_eq!(rel(&haifa, &israel), None);
}

#[test]
fn unrelated_groups_and_mixed_nesting_are_not_linked() {
    let soldiers = claim("killed", "soldiers", "Iran", "Iran", 15);
    let children = claim("killed", "children", "Iran", "Iran", 15);
    assert_eq!(rel(&soldiers, &children), None);
    // Children in Haifa vs people in Israel nest the same way: a part.
    let a = claim("killed", "children", "Haifa", "Israel", 15);
    let b = claim("killed", "people", "Israel", "Israel", 15);
    assert_eq!(rel(&a, &b), Some(Relation::PartOf));
    // Children in Israel vs people in Haifa: neither contains the other.
    let a = claim("killed", "children", "Israel", "Israel", 15);
    let b = claim("killed", "people", "Haifa", "Israel", 15);
    assert_eq!(rel(&a, &b), None);
}

#[test]
fn an_incident_is_part_of_a_total_never_its_equal() {
    let incident = with_scope(
        claim("killed", "people", "Israel", "Israel", 15),
        Scope::Incident,
        None,
        None,
    );
    let total = with_scope(
        claim("killed", "people", "Israel", "Israel", 15),
        Scope::Aggregate,
        Some((2025, 6, 13)),
        Some("war"),
    );
    assert_eq!(rel(&incident, &total), Some(Relation::PartOf));
    assert_eq!(events(&[incident, total]), vec![vec![0], vec![1]]);
}

#[test]
fn totals_from_different_starts_nest_or_part() {
    let since_war = with_scope(
        claim("killed", "people", "Gaza", "Palestine", 17),
        Scope::Aggregate,
        Some((2023, 10, 7)),
        Some("war"),
    );
    let since_may = with_scope(
        claim("killed", "people", "Gaza", "Palestine", 17),
        Scope::Aggregate,
        Some((2025, 5, 27)),
        None,
    );
    let since_scheme = with_scope(
        claim("killed", "people", "Gaza", "Palestine", 18),
        Scope::Aggregate,
        None,
        Some("scheme"),
    );
    assert_eq!(rel(&since_may, &since_war), Some(Relation::PartOf));
    assert_eq!(rel(&since_scheme, &since_war), None);
    assert_eq!(rel(&since_may, &since_scheme), Some(Relation::Same));
}

#[test]
fn strength_falls_with_distance_and_nesting() {
    let lex = Lexicon::builtin();
    let cfg = LinkConfig::default();
    let a = claim("killed", "people", "Iran", "Iran", 10);
    let b = claim("killed", "people", "Iran", "Iran", 10);
    let c = claim("killed", "people", "Iran", "Iran", 17);
    let d = claim("killed", "children", "Iran", "Iran", 10);
    let same_day = relate(&lex, &a, &b, &cfg).unwrap().strength;
    let week = relate(&lex, &a, &c, &cfg).unwrap().strength;
    let part = relate(&lex, &d, &a, &cfg).unwrap().strength;
    assert_eq!(same_day, 1.0);
    assert!(week < same_day && part < same_day, "{week} {part}");
}

#[test]
fn a_link_read_backwards_reverses_every_dimension() {
    let lex = Lexicon::builtin();
    let a = claim("killed", "children", "Haifa", "Israel", 15);
    let b = claim("killed", "people", "Israel", "Israel", 17);
    let l = relate(&lex, &a, &b, &LinkConfig::default()).unwrap();
    let r = relate(&lex, &b, &a, &LinkConfig::default()).unwrap();
    assert_eq!(l.reversed(), r);
    assert_eq!(l.reason(), "group part-of, place part-of, 2 days");
}
