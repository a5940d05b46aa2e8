//! Who a figure is credited to: "according to X", "X said", "..., X said.",
//! "X's figures show", and pronouns or "the group" pointing back to a
//! source named earlier. Names are folded through the alias table.

use std::ops::Range;
use std::sync::Arc;

use super::text::{TokKind, Tokens};
use crate::lexicon::{Lexicon, PlaceRef, PronounKind, SourceKind};
use crate::model::Sym;

/// A normalized source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub name: Sym,
    /// The country it speaks for or reports on, when known.
    pub country: Option<usize>,
    pub person: bool,
    /// A bare description ("the government", "police", "the military
    /// government") whose country the claim's place tells.
    pub bare: bool,
    /// An army or armed group: its figures are often its enemy's losses.
    pub military: bool,
}

/// How the attribution is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// "according to X", "figures from X"
    Preposition,
    /// "X said ...", "X reports ..."
    SpeakerFirst,
    /// "..., said X" / "..., X said." after the figure
    SpeakerLast,
}

/// One attribution in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Token of the verb or preposition.
    pub at: usize,
    /// Tokens naming the source.
    pub np: Range<usize>,
    pub kind: AttrKind,
    /// The source, or `None` when the words are a pronoun to resolve.
    pub source: Option<SourceRef>,
    pub pronoun: Option<PronounKind>,
    /// "claimed", "alleged": the verb itself hedges.
    pub hedging_verb: bool,
}

/// Verbs that can also be nouns ("media reports", "the claims"): they only
/// introduce a source when something follows them.
const NOUN_LIKE: &[&str] = &[
    "reports",
    "report",
    "claims",
    "claim",
    "estimates",
    "estimate",
    "counts",
    "shows",
    "show",
    "records",
    "documents",
    "updates",
    "notes",
    "states",
    "state",
    "cites",
    "put",
    "puts",
    "tell",
    "say",
];

/// Head nouns of organisations, which may follow lowercase words naming
/// what they do ("disaster management ministry").
const ORG_HEADS: &[&str] = &[
    "ministry",
    "agency",
    "authority",
    "office",
    "department",
    "service",
    "council",
    "committee",
    "group",
    "organisation",
    "organization",
    "network",
    "monitor",
    "observatory",
    "commission",
    "directorate",
    "unit",
    "centre",
    "center",
    "administration",
    "society",
    "body",
    "team",
];

/// Adverbs and auxiliaries between a speaker and its verb ("HRANA also said").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "further",
    "previously",
    "separately",
    "earlier",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "had",
    "then",
    "again",
    "already",
    "now",
    "reportedly",
    "initially",
    "subsequently",
    "officially",
    "publicly",
    "first",
    "on",
    "itself",
    "themselves",
];

/// Verbs that credit a figure only with a figure noun as their object:
/// "HRANA gave a higher toll", "the agency raised its estimate".
const FIGURE_VERBS: &[&str] = &[
    "gave", "gives", "give", "issued", "issues", "raised", "raises", "revised", "revises",
    "lowered", "lowers", "offered", "offers", "provided", "provides",
];
const FIGURE_NOUNS: &[&str] = &[
    "toll",
    "tolls",
    "figure",
    "figures",
    "number",
    "numbers",
    "count",
    "tally",
    "estimate",
    "estimates",
    "total",
    "statistics",
];

fn gives_a_figure(toks: &Tokens, k: usize) -> bool {
    FIGURE_VERBS.contains(&toks.norm(k))
        && (k + 1..(k + 6).min(toks.len()))
            .take_while(|&j| !is_break(toks, j))
            .any(|j| FIGURE_NOUNS.contains(&toks.norm(j)))
}

/// Weekdays and times of day that date a statement, not a source:
/// "the ministry on Thursday said", "officials late last night said".
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const PERIODS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "morning",
    "evening",
    "afternoon",
    "day",
];

/// Walks back over a time phrase ending before token `k`: "on Thursday",
/// "last week", "on Friday night", "late on Sunday", "this morning".
fn skip_time_phrase(toks: &Tokens, k: usize) -> usize {
    let w = |j: usize| toks.norm(j);
    let mut j = k;
    // "... night", "... morning"
    if j >= 2 && PERIODS.contains(&w(j - 1)) && WEEKDAYS.contains(&w(j - 2)) {
        j -= 1;
    }
    let on_day = WEEKDAYS.contains(&w(j.saturating_sub(1))) && j >= 2 && w(j - 2) == "on";
    let this_period = j >= 2
        && (PERIODS.contains(&w(j - 1)) || WEEKDAYS.contains(&w(j - 1)))
        && matches!(w(j - 2), "last" | "this" | "that" | "late" | "early");
    if on_day || this_period {
        j -= 2;
    } else if j >= 1 && matches!(w(j - 1), "yesterday" | "today" | "tonight") {
        j -= 1;
    } else {
        return k;
    }
    if j >= 1 && matches!(w(j - 1), "late" | "early" | "earlier" | "later") {
        j -= 1;
    }
    j
}

fn is_break(toks: &Tokens, k: usize) -> bool {
    let t = toks.norm(k);
    matches!(toks.kind(k), Some(TokKind::Punct)) && !matches!(t, "-" | "'" | "’" | "&")
}

/// Is token `k` part of a source noun phrase?
fn np_word(toks: &Tokens, k: usize, lex: &Lexicon) -> bool {
    let Some(tok) = toks.get(k) else { return false };
    if tok.kind != TokKind::Word {
        return false;
    }
    let w = toks.norm(k);
    tok.capitalized
        || lex.sources.descriptors.match_at(toks, k).is_some()
        || lex
            .sources
            .descriptors
            .match_ending_at(toks, k + 1)
            .is_some()
        || lex.language.source_strip.match_at(toks, k).is_some()
        || lex.language.pronouns.match_at(toks, k).is_some()
        || lex.language.pronouns.match_ending_at(toks, k + 1).is_some()
        || lex.sources.aliases.match_ending_at(toks, k + 1).is_some()
        || matches!(
            w,
            "of" | "for"
                | "and"
                | "rights"
                | "group"
                | "groups"
                | "agency"
                | "news"
                | "human"
                | "monitor"
                | "monitors"
                | "organisation"
                | "organization"
                | "office"
                | "ministry"
                | "council"
                | "committee"
                | "network"
                | "watchdog"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "unit"
                | "department"
                | "service"
                | "services"
                | "centre"
                | "center"
                | "team"
                | "observatory"
                | "statement"
        )
}

/// The noun phrase ending just before token `end` (walking back).
fn np_before(toks: &Tokens, end: usize, lex: &Lexicon) -> Range<usize> {
    let mut k = skip_time_phrase(toks, end);
    // Skip adverbs: "the ministry later said".
    while k > 0
        && BETWEEN.contains(&toks.norm(k - 1))
        && !toks.get(k - 1).is_some_and(|t| t.capitalized)
    {
        k -= 1;
    }
    // "Tymur Tkachenko, head of the city administration, told Reuters": the
    // speaker is the name before the appositive.
    if k > 0 && toks.norm(k - 1) == "," {
        let open = (k.saturating_sub(14)..k - 1)
            .rev()
            .find(|&j| toks.norm(j) == ",");
        if let Some(open) = open {
            let inner = np_before_plain(toks, open, lex);
            if !inner.is_empty() && toks.get(inner.start).is_some_and(|t| t.capitalized) {
                return inner;
            }
        }
    }
    np_before_plain(toks, k, lex)
}

/// The noun phrase ending just before token `k`, without appositives.
fn np_before_plain(toks: &Tokens, k: usize, lex: &Lexicon) -> Range<usize> {
    // "the Kenya National Commission on Human Rights (KNCHR) said": the
    // acronym in brackets is part of the name.
    let mut k = k;
    if k >= 3
        && toks.norm(k - 1) == ")"
        && let Some(open) = (k.saturating_sub(5)..k - 1)
            .rev()
            .find(|&j| toks.norm(j) == "(")
    {
        k = open;
    }
    let stop = k;
    let mut start = k;
    let capital = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
    };
    while start > 0 && !is_break(toks, start - 1) {
        let j = start - 1;
        // Small words inside a name: "Commission on Human Rights", "Doctors Without Borders".
        let connector = matches!(
            toks.norm(j),
            "on" | "in" | "de" | "du" | "al" | "el" | "the"
        ) && j > 0
            && capital(j - 1)
            && capital(j + 1);
        if !(connector || np_word(toks, j, lex)) {
            break;
        }
        start -= 1;
        if stop - start >= 12 {
            break;
        }
    }
    // "Local elders in Beshonai claimed": a place alone is the end of the
    // phrase, whose head comes before the preposition.
    if start < stop
        && start >= 2
        && matches!(toks.norm(start - 1), "in" | "from" | "of" | "at")
        && lex
            .places
            .names
            .match_at(toks, start)
            .is_some_and(|(len, _)| start + len == stop)
        || start < stop
            && start >= 2
            && matches!(toks.norm(start - 1), "in" | "from" | "of" | "at")
            && (start..stop).all(|j| toks.get(j).is_some_and(|t| t.capitalized))
            && toks
                .get(start - 2)
                .is_some_and(|t| t.kind == TokKind::Word && !t.capitalized)
            && !lex.language.right_fillers.contains(toks.norm(start - 2))
    {
        let mut head = start - 1;
        let mut n = 0;
        while head > 0
            && n < 3
            && toks.kind(head - 1) == Some(TokKind::Word)
            && !lex.language.clause_breaks.contains(toks.norm(head - 1))
            && !lex.language.reporting_verbs.contains(toks.norm(head - 1))
            && !lex.language.right_fillers.contains(toks.norm(head - 1))
        {
            head -= 1;
            n += 1;
        }
        if n > 0 {
            start = head;
        }
    }
    // "... told local TV he had counted": a pronoun ends the phrase and is all of it.
    if let Some(last) = (start..stop).rev().find(|&j| {
        lex.language
            .pronouns
            .match_at(toks, j)
            .is_some_and(|(len, _)| j + len == stop)
    }) {
        return last..stop;
    }
    // "the disaster management ministry": lowercase words naming what an
    // organisation does, before its head noun.
    if start < stop && ORG_HEADS.contains(&toks.norm(start)) {
        let mut extra = 0;
        while start > 0
            && extra < 3
            && toks.kind(start - 1) == Some(TokKind::Word)
            && !toks.get(start - 1).is_some_and(|t| t.possessive)
            && !lex.language.right_fillers.contains(toks.norm(start - 1))
            && !lex.language.clause_breaks.contains(toks.norm(start - 1))
            && !lex.language.reporting_verbs.contains(toks.norm(start - 1))
            && !matches!(
                toks.norm(start - 1),
                "the" | "a" | "an" | "country" | "said"
            )
        {
            start -= 1;
            extra += 1;
        }
    }
    // "of"/"and"/"for" cannot begin a name.
    while start < stop && matches!(toks.norm(start), "of" | "and" | "for") {
        start += 1;
    }
    // "a government statement put the toll at": the statement's author.
    if stop - start > 1 && toks.norm(stop - 1) == "statement" {
        return start..stop - 1;
    }
    start..stop
}

/// The noun phrase starting at token `start` (walking forward).
fn np_after(toks: &Tokens, start: usize, lex: &Lexicon) -> Range<usize> {
    let mut end = start;
    while end < toks.len() && !is_break(toks, end) && np_word(toks, end, lex) && end - start < 10 {
        // Stop before a verb that starts the next clause.
        if end > start
            && lex.language.reporting_verbs.contains(toks.norm(end))
            && !toks.get(end).is_some_and(|t| t.capitalized)
            && lex.sources.descriptors.match_at(toks, end).is_none()
        {
            break;
        }
        end += 1;
    }
    while end > start && matches!(toks.norm(end - 1), "of" | "and" | "for") {
        end -= 1;
    }
    start..end
}

/// Finds the attributions in one sentence's tokens.
pub fn find(toks: &Tokens, text: &str, base: usize, lex: &Lexicon) -> Vec<Attribution> {
    let l = &lex.language;
    let mut out = Vec::new();
    let mut covered = vec![false; toks.len()];
    // "according to X"
    let mut k = 0;
    while k < toks.len() {
        if let Some((len, _)) = l.source_prepositions.match_at(toks, k) {
            let np = np_after(toks, k + len, lex);
            if !np.is_empty() {
                for c in covered.iter_mut().take(np.end).skip(k) {
                    *c = true;
                }
                out.push(resolve(
                    toks,
                    text,
                    base,
                    k,
                    np.clone(),
                    AttrKind::Preposition,
                    false,
                    lex,
                ));
                k = np.end;
                continue;
            }
        }
        k += 1;
    }
    // "X said", "..., X said.", "said X"
    for (k, &is_covered) in covered.iter().enumerate() {
        if is_covered || toks.kind(k) != Some(TokKind::Word) {
            continue;
        }
        let w = toks.norm(k);
        if !(l.reporting_verbs.contains(w) || gives_a_figure(toks, k))
            || toks.get(k).is_some_and(|t| t.capitalized && k > 0)
        {
            continue;
        }
        let next_is_break = k + 1 >= toks.len() || is_break(toks, k + 1);
        if NOUN_LIKE.contains(&w) && next_is_break {
            continue;
        }
        // A noun-like verb right after a determiner is a noun ("the reports").
        if NOUN_LIKE.contains(&w)
            && k > 0
            && matches!(
                toks.norm(k - 1),
                "the" | "a" | "these" | "those" | "such" | "some" | "its" | "their" | "his" | "her"
            )
        {
            continue;
        }
        let hedging = matches!(w, "claimed" | "claims" | "claim" | "alleged" | "alleges");
        let before = np_before(toks, k, lex);
        let kind_of = |np: &Range<usize>| {
            // After the figure when the verb closes the sentence.
            let rest_is_short = toks.len() - k <= 6 || next_is_break;
            if rest_is_short && np.start > 0 {
                AttrKind::SpeakerLast
            } else {
                AttrKind::SpeakerFirst
            }
        };
        if !before.is_empty() {
            let kind = kind_of(&before);
            out.push(resolve(toks, text, base, k, before, kind, hedging, lex));
            continue;
        }
        // Inverted: "“...,” said Ahmed, a doctor."
        if matches!(w, "said" | "says" | "added" | "wrote" | "noted" | "told")
            && k > 0
            && matches!(toks.norm(k - 1), "," | "”" | "\"" | "'")
        {
            let after = np_after(toks, k + 1, lex);
            if !after.is_empty() && w != "told" {
                out.push(resolve(
                    toks,
                    text,
                    base,
                    k,
                    after,
                    AttrKind::SpeakerLast,
                    hedging,
                    lex,
                ));
            }
        }
    }
    out.sort_by_key(|a| a.at);
    out
}

#[allow(clippy::too_many_arguments)]
fn resolve(
    toks: &Tokens,
    text: &str,
    base: usize,
    at: usize,
    np: Range<usize>,
    kind: AttrKind,
    hedging_verb: bool,
    lex: &Lexicon,
) -> Attribution {
    let (source, pronoun) = normalize(toks, text, base, np.clone(), lex);
    Attribution {
        at,
        np,
        kind,
        source,
        pronoun,
        hedging_verb,
    }
}

/// Folds a source noun phrase: aliases, "<Demonym> <descriptor>",
/// countries and capitals as speakers, pronouns.
pub fn normalize(
    toks: &Tokens,
    text: &str,
    base: usize,
    np: Range<usize>,
    lex: &Lexicon,
) -> (Option<SourceRef>, Option<PronounKind>) {
    let l = &lex.language;
    let mut start = np.start;
    // Leading words that are not part of the name ("But witnesses said").
    while start < np.end
        && matches!(
            toks.norm(start),
            "but" | "and" | "yet" | "so" | "or" | "then" | "now"
        )
    {
        start += 1;
    }
    while start < np.end {
        match l.source_strip.match_at(toks, start) {
            Some((len, _)) if start + len <= np.end => start += len,
            _ => break,
        }
    }
    let np = start..np.end;
    if np.is_empty() {
        return (None, None);
    }
    // A pronoun or "the group" standing alone.
    for s in [np.start, np.start.saturating_sub(1)] {
        if let Some((len, kind)) = l.pronouns.match_at(toks, s)
            && s + len == np.end
            && s + 1 >= np.start
        {
            return (None, Some(*kind));
        }
    }
    // The longest alias inside the phrase.
    let mut best: Option<(usize, usize)> = None;
    for s in np.clone() {
        if let Some((len, &idx)) = lex.sources.aliases.match_at(toks, s)
            && s + len <= np.end
            && best.is_none_or(|(bl, _)| len > bl)
        {
            best = Some((len, idx));
        }
    }
    if let Some((_, idx)) = best {
        let def = &lex.sources.entries[idx];
        return (
            Some(SourceRef {
                name: def.canonical.clone(),
                country: def.country,
                person: def.kind == SourceKind::Person,
                bare: false,
                military: matches!(def.kind, SourceKind::Military | SourceKind::ArmedGroup),
            }),
            None,
        );
    }
    // A country: a demonym, a possessive or plain country name, or a capital.
    let mut country = None;
    let mut rest = np.start;
    if let Some((len, &c)) = lex.places.demonyms.match_at(toks, np.start) {
        country = Some(c);
        rest = np.start + len;
    } else if let Some((len, &r)) = lex.places.names.match_at(toks, np.start)
        && np.start + len <= np.end
    {
        let is_capital = match r {
            PlaceRef::Country(_) => true,
            PlaceRef::Place(p) => lex.places.places[p].capital,
        };
        if is_capital {
            country = Some(lex.places.country_of(r));
            rest = np.start + len;
        }
    }
    if let Some(c) = country {
        // The demonym as written ("Burmese authorities"), else the country's adjective.
        let demonym: Sym = match lex.places.demonyms.match_at(toks, np.start) {
            Some(_) => {
                let t = toks.get(np.start).expect("in range");
                Arc::from(&text[t.start - base..t.end - base])
            }
            None => lex.country_adjective(c),
        };
        let class = if rest >= np.end {
            Some(Arc::<str>::from("officials"))
        } else {
            lex.sources
                .descriptors
                .match_at(toks, rest)
                .filter(|(len, _)| rest + len == np.end)
                .map(|(_, c)| c.clone())
        };
        if let Some(class) = class {
            return (
                Some(SourceRef {
                    name: Arc::from(format!("{demonym} {class}")),
                    country: Some(c),
                    person: false,
                    bare: false,
                    military: &*class == "military",
                }),
                None,
            );
        }
    }
    // Otherwise the words as written, without leading articles.
    let (Some(first), Some(last)) = (toks.get(np.start), toks.get(np.end - 1)) else {
        return (None, None);
    };
    let written = text[first.start - base..last.end - base].trim();
    if written.is_empty() {
        return (None, None);
    }
    let person = np.len() <= 3
        && (np.start..np.end).all(|k| toks.get(k).is_some_and(|t| t.capitalized))
        && lex
            .sources
            .descriptors
            .match_ending_at(toks, np.end)
            .is_none();
    // Lowercase words with a descriptor among them: "the government", "police".
    let bare = country.is_none()
        && (np.start..np.end).all(|k| toks.get(k).is_some_and(|t| !t.capitalized))
        && (np.start..np.end).any(|k| lex.sources.descriptors.match_at(toks, k).is_some());
    (
        Some(SourceRef {
            name: Arc::from(written),
            country,
            person,
            bare,
            military: false,
        }),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(s: &str) -> Vec<(Option<String>, Option<PronounKind>, AttrKind)> {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        find(&t, s, 0, &lex)
            .into_iter()
            .map(|a| (a.source.map(|s| s.name.to_string()), a.pronoun, a.kind))
            .collect()
    }

    fn first(s: &str) -> Option<String> {
        sources(s).into_iter().next().and_then(|(n, _, _)| n)
    }

    #[test]
    fn according_to_names_the_source_with_aliases_folded() {
        assert_eq!(
            first(
                "According to the U.S.-based Human Rights Activists News Agency, Israeli strikes have resulted in 639 deaths in Iran."
            ),
            Some("HRANA".into())
        );
        assert_eq!(
            first(
                "Iran’s missile attacks have also killed at least two dozen civilians in Israel, according to Israeli reports."
            ),
            Some("Israeli media".into())
        );
    }

    #[test]
    fn speakers_before_the_verb_are_found_and_countries_fold_to_officials() {
        assert_eq!(
            first("Israeli media reports at least 14 dead and dozens wounded."),
            Some("Israeli media".into())
        );
        assert_eq!(
            first("Meanwhile, Iran says over 220 civilians have died."),
            Some("Iranian officials".into())
        );
        assert_eq!(
            first("Tehran said 12 people were executed."),
            Some("Iranian officials".into())
        );
    }

    #[test]
    fn citing_names_the_source_after_it_or_the_speaker_before_it() {
        // "citing X": X is the source.
        assert_eq!(
            first("Reuters said 40 people were killed, citing the health ministry."),
            Some("Reuters".into())
        );
        assert!(
            sources("Reuters said 40 people were killed, citing the health ministry.")
                .iter()
                .any(|(n, _, _)| n.as_deref().is_some_and(|n| n.contains("health ministry")))
        );
        // "X were citing N deaths": X is the source.
        assert_eq!(
            first("By the next morning, United Nations officials were citing 1,002 deaths."),
            Some("United Nations".into())
        );
    }

    #[test]
    fn pronouns_are_left_for_the_discourse_to_resolve() {
        assert_eq!(
            sources("It said 6,221 deaths linked to protests have been verified."),
            vec![(
                None,
                Some(PronounKind::Organisation),
                AttrKind::SpeakerFirst
            )]
        );
    }

    #[test]
    fn a_closing_attribution_is_speaker_last() {
        let got = sources("At least 14 people were killed, the health ministry said.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, AttrKind::SpeakerLast);
    }

    #[test]
    fn nouns_that_look_like_verbs_are_not_attributions() {
        assert!(sources("Contrary to some media reports, Iran has not asked Qatar.").is_empty());
    }

    #[test]
    fn a_time_phrase_between_source_and_verb_is_not_part_of_the_source() {
        assert_eq!(
            first("The Health Ministry on Thursday said 300 people were killed."),
            Some("Health Ministry".into())
        );
        assert_eq!(
            first("The Health Ministry late on Friday night said 300 people were killed."),
            Some("Health Ministry".into())
        );
    }

    #[test]
    fn giving_a_toll_credits_it_but_giving_aid_does_not() {
        assert_eq!(first("HRANA gave a higher toll."), Some("HRANA".into()));
        assert!(sources("Qatar gave 300 tents to the displaced.").is_empty());
    }

    #[test]
    fn a_statement_is_credited_to_its_author() {
        assert_eq!(
            sources("A Reuters statement put the number of dead at 224.")[0]
                .0
                .as_deref(),
            Some("Reuters")
        );
    }

    #[test]
    fn transliterations_fold_to_one_person() {
        assert_eq!(
            first("Araqchi said talks were off."),
            first("Araghchi said talks were off.")
        );
    }
}
