//! Places in a sentence and the part each plays: where something happened
//! ("in Israel", "Israeli cities"), who did it ("Israeli air raids",
//! "Iran's missile attacks"), whose people are counted ("Palestinian
//! civilians"), or who speaks ("Israeli media").

use std::ops::Range;

use super::text::{TokKind, Tokens};
use crate::lexicon::{Lexicon, PlaceRef};

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
    pub place: PlaceRef,
    pub role: Role,
}

fn capitalized(toks: &Tokens, k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
}

/// Finds the places in a sentence. `speaker_tokens` marks tokens that name
/// a source (from attribution), which makes their places speakers.
pub fn find(toks: &Tokens, speaker_tokens: &[bool], lex: &Lexicon) -> Vec<PlaceMention> {
    let l = &lex.language;
    let p = &lex.places;
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
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
            let role = if speaker {
                Role::Speaker
            } else if l.place_prepositions.contains(prev)
                || (prev == "the" && l.place_prepositions.contains(prev2))
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
                place,
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
            out.push(PlaceMention {
                tok: k..end,
                place: PlaceRef::Country(country),
                role,
            });
            k = end;
            continue;
        }
        // People nouns: "Palestinians", "Israelis".
        if let Some((len, &country)) = p.people.match_at(toks, k) {
            out.push(PlaceMention {
                tok: k..k + len,
                place: PlaceRef::Country(country),
                role: if speaker {
                    Role::Speaker
                } else {
                    Role::Nationality
                },
            });
            k += len;
            continue;
        }
        k += 1;
    }
    out
}

/// The most specific of several places where one contains the others
/// ("in Beersheba, Israel" → Beersheba).
pub fn most_specific(
    lex: &Lexicon,
    places: impl IntoIterator<Item = PlaceRef>,
) -> Option<PlaceRef> {
    let mut best: Option<PlaceRef> = None;
    for p in places {
        best = match best {
            None => Some(p),
            Some(b) if lex.places.contains(b, p) => Some(p),
            keep => keep,
        };
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<(String, Role)> {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        find(&t, &vec![false; t.len()], &lex)
            .into_iter()
            .map(|m| (lex.places.name_of(m.place).to_string(), m.role))
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
    fn the_inner_place_of_a_possessive_is_locative() {
        let got = roles("held in Tehran's Evin prison");
        assert_eq!(got[0], ("Tehran".into(), Role::Locative));
        assert_eq!(got[1], ("Evin prison".into(), Role::Locative));
    }
}
