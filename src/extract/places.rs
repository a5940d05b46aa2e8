//! Places in a sentence and the part each plays: where something happened
//! ("in Israel", "Israeli cities"), who did it ("Israeli air raids",
//! "Iran's missile attacks"), whose people are counted ("Palestinian
//! civilians"), or who speaks ("Israeli media").

use std::ops::Range;

use std::sync::Arc;

use super::text::{TokKind, Tokens};
use crate::lexicon::{Lexicon, PlaceRef};
use crate::model::Sym;

/// A place as the extractor knows it: one from the gazetteer, or a name the
/// text uses as a place that the gazetteer lacks ("in Eastbrook", "in Kerr
/// County", "in the Solomianskyi district").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Where {
    Known(PlaceRef),
    Unknown(Sym),
    /// "worldwide", "globally": no country.
    World,
}

impl Where {
    pub fn known(&self) -> Option<PlaceRef> {
        match self {
            Where::Known(p) => Some(*p),
            _ => None,
        }
    }
}

/// The part a place mention plays in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Where: "in Israel", "across Iran", "Israeli cities", "the city of Beersheba".
    Locative,
    /// Who acts: "Israeli air raids", "Iran's missile attacks".
    Actor,
    /// Whose people: "Palestinian civilians", "Israelis".
    Nationality,
    /// Part of a source's name: "Israeli media", "Iran says".
    Speaker,
    /// Mentioned, role unclear.
    Neutral,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    pub tok: Range<usize>,
    pub place: Where,
    pub role: Role,
}

/// Words that make the place after them where someone spoke.
const VENUE_WORDS: &[&str] = &[
    "reporters",
    "journalists",
    "conference",
    "briefing",
    "speaking",
    "told",
    "said",
    "says",
    "interview",
    "summit",
];

fn capitalized(toks: &Tokens, k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
}

/// Finds the places in a sentence. `body` is the text the tokens' spans
/// point into; `speaker_tokens` marks tokens that name a source (from
/// attribution), which makes their places speakers.
pub fn find(
    toks: &Tokens,
    body: &str,
    speaker_tokens: &[bool],
    lex: &Lexicon,
) -> Vec<PlaceMention> {
    let l = &lex.language;
    let p = &lex.places;
    let mut out: Vec<PlaceMention> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if let Some((len, _)) = l.world_places.match_at(toks, k) {
            out.push(PlaceMention {
                tok: k..k + len,
                place: Where::World,
                role: Role::Locative,
            });
            k += len;
            continue;
        }
        if !capitalized(toks, k) {
            k += 1;
            continue;
        }
        let speaker = speaker_tokens.get(k).copied().unwrap_or(false);
        // Place or country names.
        if let Some((len, &place)) = p.names.match_at(toks, k) {
            let end = k + len;
            let last = toks.get(end - 1).expect("in range");
            let prev = k.checked_sub(1).map(|i| toks.norm(i)).unwrap_or("");
            let prev2 = k.checked_sub(2).map(|i| toks.norm(i)).unwrap_or("");
            let next = toks.norm_at(end);
            // "in Russia's combined missile and drone attack": a possessive
            // before anything but a place, a location noun or a toll names who
            // acts, whatever preposition comes first.
            let possessive_of_thing = last.possessive
                && !l.location_nouns.contains(next)
                && p.names.match_at(toks, end).is_none()
                && lex.metric_before.match_at(toks, end).is_none()
                && lex.metric_after.match_at(toks, end).is_none();
            let acts =
                (end..(end + 4).min(toks.len())).any(|j| l.actor_nouns.match_at(toks, j).is_some());
            // A label sentence naming only a place: "Texas." in a bulletin, or a
            // dateline-like "KHARKIV" heading.
            let label = k == 0 && (end..toks.len()).all(|j| toks.kind(j) == Some(TokKind::Punct));
            // "told reporters in Kabul", "speaking at a briefing in Geneva":
            // where a source spoke, not where the figure happened.
            let venue = (prev == "in" || prev == "at" || prev == "from")
                && (k.saturating_sub(4)..k - 1).any(|j| VENUE_WORDS.contains(&toks.norm(j)));
            let role = if speaker || venue {
                Role::Speaker
            } else if label {
                Role::Locative
            } else if possessive_of_thing {
                if acts { Role::Actor } else { Role::Neutral }
            } else if l.place_prepositions.contains(prev)
                || (prev == "the" && l.place_prepositions.contains(prev2))
                // "east of Khan Younis", "north of Kyiv"
                || (prev == "of" && COMPASS.contains(&prev2))
                // "in western Afghanistan", "across southern Lebanon"
                || (REGIONAL.contains(&prev)
                    && (l.place_prepositions.contains(prev2)
                        || (prev2 == "the" && k >= 3 && l.place_prepositions.contains(toks.norm(k - 3)))))
                // "displaced from El Fasher", "fled from Tehran"
                || (prev == "from" && DEPARTURES.contains(&prev2))
                // "the Khan Younis death toll"
                || (!last.possessive
                    && (lex.metric_before.match_at(toks, end).is_some_and(|(len, _)| len > 1 || next == "toll")))
                || l.attack_verbs.contains(prev)
                || (prev == "the" && l.attack_verbs.contains(prev2))
                || (prev == "of" && l.location_nouns.contains(prev2))
                || (last.possessive && l.location_nouns.contains(next))
                || (last.possessive
                    && (lex.metric_before.match_at(toks, end).is_some()
                        || lex.metric_after.match_at(toks, end).is_some()))
                || (prev == ","
                    && out.last().is_some_and(|m: &PlaceMention| {
                        m.role == Role::Locative && m.tok.end + 1 == k
                    }))
            {
                Role::Locative
            } else if last.possessive && l.actor_nouns.match_at(toks, end).is_some() {
                Role::Actor
            } else if last.possessive
                && out
                    .last()
                    .is_some_and(|m: &PlaceMention| m.role == Role::Locative && m.tok.end == k)
            {
                Role::Locative
            } else {
                Role::Neutral
            };
            // "in Tehran's Evin prison": the inner place is where.
            let role = if role == Role::Neutral
                && k > 0
                && toks.get(k - 1).is_some_and(|t| t.possessive)
                && out
                    .last()
                    .is_some_and(|m: &PlaceMention| m.role == Role::Locative && m.tok.end == k)
            {
                Role::Locative
            } else {
                role
            };
            out.push(PlaceMention {
                tok: k..end,
                place: Where::Known(place),
                role,
            });
            k = end;
            continue;
        }
        // Demonyms: "Israeli cities", "Israeli air raids", "Palestinian civilians".
        if let Some((len, &country)) = p.demonyms.match_at(toks, k) {
            let end = k + len;
            // Skip adjectives between the demonym and its noun ("Israeli border towns").
            let mut n = end;
            while n < toks.len()
                && n < end + 2
                && toks.kind(n) == Some(TokKind::Word)
                && !l.location_nouns.contains(toks.norm(n))
                && l.actor_nouns.match_at(toks, n).is_none()
                && lex.group_forms.match_at(toks, n).is_none()
                && lex.sources.descriptors.match_at(toks, n).is_none()
            {
                n += 1;
            }
            let role = if speaker {
                Role::Speaker
            } else if l.location_nouns.contains(toks.norm_at(n)) {
                Role::Locative
            } else if l.actor_nouns.match_at(toks, n).is_some() {
                Role::Actor
            } else if lex.group_forms.match_at(toks, n).is_some() {
                Role::Nationality
            } else if lex.sources.descriptors.match_at(toks, n).is_some() {
                Role::Speaker
            } else {
                Role::Neutral
            };
            // "the Ukrainian capital" is Kyiv.
            let capital = (toks.norm_at(n) == "capital")
                .then(|| lex.places.countries[country].capital)
                .flatten();
            if let (Role::Locative, Some(cap)) = (role, capital) {
                out.push(PlaceMention {
                    tok: k..n + 1,
                    place: Where::Known(PlaceRef::Place(cap)),
                    role,
                });
                k = n + 1;
                continue;
            }
            out.push(PlaceMention {
                tok: k..end,
                place: Where::Known(PlaceRef::Country(country)),
                role,
            });
            k = end;
            continue;
        }
        // People nouns: "Palestinians", "Israelis".
        if let Some((len, &country)) = p.people.match_at(toks, k) {
            out.push(PlaceMention {
                tok: k..k + len,
                place: Where::Known(PlaceRef::Country(country)),
                role: if speaker {
                    Role::Speaker
                } else {
                    Role::Nationality
                },
            });
            k += len;
            continue;
        }
        // A place the gazetteer lacks: capitalized words after "in", "at",
        // "near" ("in Eastbrook", "at Camp Mystic", "in Buner district").
        if let Some(end) = unknown_place(toks, k, speaker, lex) {
            let a = toks.get(k).map_or(0, |t| t.start);
            let b = toks.get(end - 1).map_or(a, |t| t.end);
            out.push(PlaceMention {
                tok: k..end,
                place: Where::Unknown(Arc::from(body[a..b].trim_end_matches(['’', '\'']))),
                role: Role::Locative,
            });
            k = end;
            continue;
        }
        k += 1;
    }
    out
}

/// Directions before "of" that make a place locative: "east of Khan Younis".
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "outskirts",
    "centre",
    "center",
];

/// Adjectives between a preposition and a place: "in western Afghanistan".
const REGIONAL: &[&str] = &[
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "north-western",
    "north-eastern",
    "south-western",
    "south-eastern",
    "occupied",
    "rural",
    "coastal",
    "neighbouring",
    "neighboring",
    "greater",
];

/// Words before "from" that make a place where people left: "displaced from El Fasher".
const DEPARTURES: &[&str] = &[
    "displaced",
    "fled",
    "fleeing",
    "flee",
    "evacuated",
    "escaped",
    "escaping",
    "uprooted",
    "expelled",
];

/// Nouns that end a place name: "Kerr County", "Buner district".
const PLACE_HEADS: &[&str] = &[
    "county",
    "district",
    "province",
    "region",
    "governorate",
    "oblast",
    "state",
    "city",
    "town",
    "village",
    "camp",
    "prison",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "island",
    "islands",
    "valley",
    "river",
    "port",
    "hospital",
    "square",
    "street",
    "bridge",
];

/// The end of an unknown place name starting at `k`, if one starts there.
fn unknown_place(toks: &Tokens, k: usize, speaker: bool, lex: &Lexicon) -> Option<usize> {
    let l = &lex.language;
    let prev = toks.norm(k.checked_sub(1)?);
    let prev = if prev == "the" {
        toks.norm(k.checked_sub(2)?)
    } else {
        prev
    };
    if speaker
        || !matches!(
            prev,
            "in" | "at" | "near" | "outside" | "across" | "inside" | "around"
        )
    {
        return None;
    }
    let first = toks.norm(k);
    if l.not_places.contains(first)
        || crate::date::month_from_name(first).is_some()
        || crate::date::Weekday::parse(first).is_some()
        || lex.sources.aliases.match_at(toks, k).is_some()
        || lex.group_forms.match_at(toks, k).is_some()
        || lex.places.demonyms.match_at(toks, k).is_some()
    {
        return None;
    }
    let mut end = k;
    while end < toks.len() && end - k < 4 && capitalized(toks, end) {
        let possessive = toks.get(end).is_some_and(|t| t.possessive);
        end += 1;
        if possessive {
            break;
        }
    }
    if end < toks.len()
        && PLACE_HEADS.contains(&toks.norm(end))
        && !toks.get(end - 1).is_some_and(|t| t.possessive)
    {
        end += 1;
    }
    (end > k).then_some(end)
}

/// Does `outer` contain `inner` (or equal it)? An unknown place is within
/// any country; nothing is known to be within it.
fn contains(lex: &Lexicon, outer: &Where, inner: &Where) -> bool {
    match (outer, inner) {
        (Where::Known(o), Where::Known(i)) => lex.places.contains(*o, *i),
        (Where::Known(PlaceRef::Country(_)), Where::Unknown(_)) => true,
        (a, b) => a == b,
    }
}

/// The first run of places that nest in each other ("Beersheba, Israel",
/// "Eastbrook, Ohio"), most specific first.
pub fn cluster(lex: &Lexicon, places: &[Where]) -> Vec<Where> {
    let mut out: Vec<Where> = Vec::new();
    for p in places {
        let nests = |f: &Where| {
            contains(lex, f, p)
                || contains(lex, p, f)
                || matches!(
                    (f, p),
                    (Where::Unknown(_), Where::Known(_)) | (Where::Known(_), Where::Unknown(_))
                )
        };
        match out.first() {
            None => out.push(p.clone()),
            Some(f) if nests(f) => out.push(p.clone()),
            _ => break,
        }
    }
    // Most specific first: unknown names, then places, then countries.
    out.sort_by_key(|w| match w {
        Where::Unknown(_) => 0,
        Where::Known(PlaceRef::Place(_)) => 1,
        Where::Known(PlaceRef::Country(_)) => 2,
        Where::World => 3,
    });
    // Among known places, the innermost first ("Evin prison" within "Tehran").
    if let [Where::Known(a), Where::Known(b), ..] = out.as_slice()
        && lex.places.contains(*a, *b)
        && a != b
    {
        out.swap(0, 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<(String, Role)> {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        find(&t, s, &vec![false; t.len()], &lex)
            .into_iter()
            .map(|m| {
                let name = match &m.place {
                    Where::Known(p) => lex.places.name_of(*p).to_string(),
                    Where::Unknown(n) => n.to_string(),
                    Where::World => "worldwide".to_string(),
                };
                (name, m.role)
            })
            .collect()
    }

    #[test]
    fn prepositions_and_location_nouns_make_places_locative() {
        assert_eq!(
            roles("killed 24 civilians in Israel"),
            [("Israel".into(), Role::Locative)]
        );
        assert_eq!(
            roles("missiles aimed at Israeli cities"),
            [("Israel".into(), Role::Locative)]
        );
        assert_eq!(
            roles("in the southern Israeli city of Beersheba"),
            [
                ("Israel".into(), Role::Locative),
                ("Beersheba".into(), Role::Locative)
            ]
        );
    }

    #[test]
    fn where_a_source_spoke_is_not_where_it_happened() {
        assert_eq!(
            roles("a spokesman told reporters in Kabul"),
            [("Kabul".into(), Role::Speaker)]
        );
        assert_eq!(
            roles("speaking at a briefing in Geneva"),
            [("Geneva".into(), Role::Speaker)]
        );
        assert_eq!(
            roles("12 people were killed in Kabul"),
            [("Kabul".into(), Role::Locative)]
        );
    }

    #[test]
    fn attackers_are_not_places() {
        assert_eq!(
            roles("died in relentless Israeli air raids"),
            [("Israel".into(), Role::Actor)]
        );
        assert_eq!(
            roles("Iran’s missile attacks have killed"),
            [("Iran".into(), Role::Actor)]
        );
    }

    #[test]
    fn groups_with_a_demonym_carry_a_nationality() {
        assert_eq!(
            roles("25 Palestinian children"),
            [("Palestine".into(), Role::Nationality)]
        );
        assert_eq!(
            roles("14 Israelis died"),
            [("Israel".into(), Role::Nationality)]
        );
    }

    #[test]
    fn places_the_gazetteer_lacks_are_read_after_prepositions() {
        assert_eq!(
            roles("a shooting in Eastbrook on Saturday"),
            [("Eastbrook".into(), Role::Locative)]
        );
        assert_eq!(
            roles("bodies recovered in Kerr County"),
            [("Kerr County".into(), Role::Locative)]
        );
        assert_eq!(
            roles("floods in Buner district"),
            [("Buner district".into(), Role::Locative)]
        );
        assert!(roles("said in English on Monday").is_empty());
        assert!(roles("killed in January").is_empty());
    }

    #[test]
    fn worldwide_figures_have_no_country() {
        assert_eq!(
            roles("1,518 executions worldwide"),
            [("worldwide".into(), Role::Locative)]
        );
    }

    #[test]
    fn attack_verbs_put_their_object_in_place() {
        assert_eq!(
            roles("Russia hit Kyiv with drones"),
            [
                ("Russia".into(), Role::Neutral),
                ("Kyiv".into(), Role::Locative)
            ]
        );
        assert_eq!(
            roles("attacks on the Ukrainian capital"),
            [("Kyiv".into(), Role::Locative)]
        );
    }

    #[test]
    fn the_inner_place_of_a_possessive_is_locative() {
        let got = roles("held in Tehran's Evin prison");
        assert_eq!(got[0], ("Tehran".into(), Role::Locative));
        assert_eq!(got[1], ("Evin prison".into(), Role::Locative));
    }
}
