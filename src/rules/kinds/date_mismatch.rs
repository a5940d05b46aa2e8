//! `date-mismatch`: the same event dated differently by two articles.
//!
//! Each date claim is read back into the event it dates: the event noun
//! the extractor chose as its subject (folded: case, articles, plurals,
//! possessives, a few synonyms such as quake → earthquake), a name that
//! identifies it ("Operation Rising Lion", "the siege of El Fasher"), the
//! actors written before the noun ("Israeli strikes", "Russia's attack"),
//! and which moment of it the date is: the day it happened, began
//! ("the protests that began on December 26") or ended.
//!
//! Two date claims are about the same event when they have the same event
//! key and moment, compatible actors, compatible places, come from
//! different articles that are not near-identical copies, and were
//! published within `window_days` of each other. They conflict when the
//! dates cannot both hold: the stated days (or months) are more than
//! `tolerance_days` apart. Partial dates that are compatible ("December
//! 2025" and "December 28") never conflict.
//!
//! It is conservative, so that every flag is worth a fact-checker's time:
//! * a date only counts when the sentence ties it to its event noun
//!   closely: no conjunction starting another clause between them, and no
//!   punctuation at all when the noun comes after the date;
//! * an event that lasts (a war, a campaign, protests, strikes) is only
//!   compared on the day it began or ended, never on a day it was going on;
//! * an unnamed incident ("the attack") must be in the same place (a city
//!   and the district it is in count as the same; a city and its country
//!   do not), other unnamed events in the same country; a named event
//!   matches wherever it is placed (`named_any_place`);
//! * words that tell events apart must not disagree: actors ("Israeli
//!   strikes" vs "Iranian strikes") and kinds ("drone attack" vs "knife
//!   attack"); "another attack", "the previous attack" are never compared;
//! * an event at night ("the overnight attack") may be dated by either of
//!   its two days, so one more day of tolerance;
//! * a date a reporting verb governs ("..., officials said on June 18")
//!   dates the statement, not the event;
//! * dates more than `max_days_apart` apart are taken to be two events
//!   (another attack in the same city), and so is a pair of dates that one
//!   article gives for two events of the same kind.
//!
//! Claims are bucketed by event key, moment and country first, and each
//! claim is compared with at most [`super::RECENT`] earlier claims of its
//! bucket, so the check is linear in the number of date claims.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Check, Finding, ParamError, params};
use crate::date::{Date, PartialDate, Weekday, days_in_month, month_from_name};
use crate::extract::text::{TokKind, Tokens};
use crate::lexicon::{Lexicon, PlaceRef};
use crate::model::{Claim, Why};
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["date_a", "date_b", "days", "what"];

/// Parameters of `date-mismatch`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// Dates this many days apart or fewer agree (0: the days must be equal).
    tolerance_days: i64,
    /// Articles published further apart than this many days are not compared.
    window_days: i64,
    /// Dates further apart than this many days are taken to be two events
    /// (another attack on the same city, the anniversary of a war), not
    /// one event dated wrongly.
    max_days_apart: i64,
    /// Compare a named event's dates wherever the articles place it (an
    /// operation may be placed in the country that launched it or the one
    /// it struck). Unnamed events always need compatible places.
    named_any_place: bool,
    /// Compare dates from `any` outlets, or only from `different` outlets.
    outlets: Outlets,
    /// Flag each date claim against at most this many others, those
    /// published closest to it: one wrong date repeated against fifty
    /// right ones gives a few flags, not fifty.
    per_claim: usize,
}

/// Which pairs of outlets to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum Outlets {
    Any,
    Different,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance_days: 0,
            window_days: 14,
            max_days_apart: 7,
            named_any_place: true,
            outlets: Outlets::Any,
            per_claim: 3,
        }
    }
}

#[derive(Debug)]
struct DateMismatch(Params);

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(v)?;
    if p.tolerance_days < 0 {
        return Err(ParamError::at(
            "tolerance_days",
            format!(
                "`tolerance_days` must be at least 0, not {}",
                p.tolerance_days
            ),
        )
        .help("0 flags dates one day apart; 1 lets dates one day apart agree"));
    }
    if p.window_days < 0 {
        return Err(ParamError::at(
            "window_days",
            format!("`window_days` must be at least 0, not {}", p.window_days),
        )
        .help("the most days between the articles' publication dates, e.g. 14"));
    }
    if p.max_days_apart <= p.tolerance_days {
        return Err(ParamError::at(
            "max_days_apart",
            format!(
                "`max_days_apart` ({}) must be greater than `tolerance_days` ({}): this rule would never flag",
                p.max_days_apart, p.tolerance_days
            ),
        )
        .help("dates more than `tolerance_days` and at most `max_days_apart` apart are flagged, e.g. 0 and 7"));
    }
    if p.per_claim == 0 {
        return Err(
            ParamError::at("per_claim", "`per_claim` is 0: this rule would never flag")
                .help("flag each date against a few others, e.g. 3"),
        );
    }
    Ok(Box::new(DateMismatch(p)))
}

/// Which moment of an event a date gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Moment {
    /// The day a one-off event happened ("the quake struck on March 28").
    Happened,
    /// The day an event began ("the protests began on December 28").
    Began,
    /// The day an event ended.
    Ended,
}

impl Moment {
    fn as_str(self) -> &'static str {
        match self {
            Moment::Happened => "happened",
            Moment::Began => "began",
            Moment::Ended => "ended",
        }
    }
}

/// The event a date claim dates, as read from its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
struct EventRef {
    /// The folded event noun, and the name when there is one:
    /// "protest", "operation rising lion", "siege of el fasher".
    key: String,
    /// It has a name that identifies it.
    named: bool,
    /// One incident ("the attack", "the quake"): needs the same place.
    incident: bool,
    moment: Moment,
    /// Who acts, from the words before the noun ("Israeli", "Russia's",
    /// "IDF"), folded to countries and sources; sorted.
    actors: Vec<String>,
    /// What kind of event, from the lowercase words before the noun
    /// ("drone", "student"), singular; sorted.
    kinds: Vec<String>,
    /// It happened at night ("overnight", "on the night of"): the day
    /// before or after may name it too.
    night: bool,
    /// The event as written, for messages ("protests", "Operation Rising Lion").
    label: String,
}

/// Event nouns the extractor knows but that name an event only with a
/// name ("the execution of ...", "the fall of ..."): without one, two of
/// them are as likely to be two events as one ("opened fire" is no fire).
const NEEDS_NAME: &[&str] = &[
    "execution",
    "hanging",
    "kidnapping",
    "abduction",
    "assassination",
    "election",
    "referendum",
    "fall",
    "capture",
    "takeover",
    "launch",
    "withdrawal",
    "evacuation",
    "fire",
];

/// Singular nouns of events that last: compared on the day they began or ended.
const LASTING: &[&str] = &[
    "war",
    "campaign",
    "offensive",
    "operation",
    "siege",
    "crackdown",
    "unrest",
    "uprising",
    "shutdown",
    "blackout",
    "ceasefire",
    "outbreak",
    "epidemic",
    "famine",
    "drought",
    "invasion",
    "incursion",
    "blockade",
    "evacuation",
];

/// Event nouns that usually carry a name right after them ("Operation Rising Lion").
const NAMED_BY: &[&str] = &[
    "operation",
    "campaign",
    "offensive",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
];

/// Synonyms folded to one key.
const SYNONYMS: &[(&str, &str)] = &[
    ("quake", "earthquake"),
    ("tremor", "earthquake"),
    ("airstrike", "strike"),
    ("air strike", "strike"),
    ("flooding", "flood"),
    ("flash flood", "flood"),
    ("demonstration", "protest"),
    ("truce", "ceasefire"),
    ("blast", "explosion"),
    ("crush", "stampede"),
    ("sinking", "shipwreck"),
    ("capsizing", "shipwreck"),
    ("mudslide", "landslide"),
];

/// Words that make a date the day an event began.
const BEGAN: &[&[&str]] = &[
    &["began"],
    &["begun"],
    &["begin"],
    &["begins"],
    &["beginning"],
    &["started"],
    &["start"],
    &["starts"],
    &["erupted"],
    &["broke", "out"],
    &["launched"],
    &["launch"],
    &["launching"],
    &["opened"],
    &["commenced"],
    &["kicked", "off"],
    &["outbreak"],
    &["onset"],
    &["first", "day"],
    &["took", "effect"],
    &["take", "effect"],
    &["takes", "effect"],
    &["went", "into", "effect"],
    &["came", "into", "effect"],
    &["came", "into", "force"],
    &["entered", "into", "force"],
    &["entered", "into", "effect"],
    &["imposed"],
];

/// Words that make a date the day an event ended.
const ENDED: &[&[&str]] = &[
    &["ended"],
    &["end"],
    &["ends"],
    &["ending"],
    &["lifted"],
    &["expired"],
    &["collapsed"],
    &["concluded"],
    &["broke", "down"],
    &["last", "day"],
    &["final", "day"],
];

/// Words before an event noun that end the words describing it.
const STOP_LEFT: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "in",
    "on", "at", "of", "for", "by", "with", "from", "since", "after", "before", "during", "to",
    "as", "when", "while", "which", "who", "where", "said", "says", "say",
];

/// Words before an event noun that mark another instance of it than the
/// one other articles date ("another attack", "the previous strike").
const OTHER_INSTANCE: &[&str] = &[
    "another",
    "other",
    "previous",
    "earlier",
    "latest",
    "last",
    "next",
    "new",
    "fresh",
    "renewed",
    "separate",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "subsequent",
    "further",
    "second-deadliest",
];

/// Words that put an event at night, across two dates.
const NIGHT: &[&str] = &[
    "overnight",
    "night",
    "nighttime",
    "night-time",
    "midnight",
    "late-night",
];

/// Lowercase words before an event noun that any event may have: they do
/// not tell two events apart.
const GENERIC: &[&str] = &[
    "nationwide",
    "mass",
    "major",
    "massive",
    "huge",
    "large",
    "largest",
    "big",
    "biggest",
    "deadly",
    "deadliest",
    "bloody",
    "violent",
    "peaceful",
    "widespread",
    "ongoing",
    "current",
    "recent",
    "initial",
    "overnight",
    "early",
    "late",
    "surprise",
    "alleged",
    "so-called",
    "devastating",
    "powerful",
    "strong",
    "heavy",
    "brutal",
    "wave",
    "series",
    "string",
    "all-out",
    "full-scale",
    "and",
    "or",
    "country",
    "city",
];

/// Words in a date that make it vaguer than the day it resolves to
/// ("the last days of December").
const VAGUE_DATE: &[&str] = &[
    "early",
    "mid",
    "late",
    "last",
    "first",
    "end",
    "beginning",
    "start",
    "around",
    "about",
    "days",
    "week",
    "weekend",
];

/// Reads the event a date claim dates from its sentence. `date` is the
/// claim's span and `subject` the extractor's subject, both relative to
/// `sentence`. `None` when the subject is not an event noun the sentence
/// ties to the date, or the date says nothing comparable (a day a lasting
/// event was going on).
fn event_ref(lex: &Lexicon, sentence: &str, date: Range<usize>, subject: &str) -> Option<EventRef> {
    let mut toks = Tokens::new();
    toks.tokenize(sentence, 0);
    let n = toks.len();
    let tok = |k: usize| toks.get(k).expect("in range");
    let d0 = (0..n).find(|&k| tok(k).start >= date.start)?;
    let d1 = (d0..n).take_while(|&k| tok(k).end <= date.end).last()? + 1;

    // Where the subject is: its occurrence nearest the date.
    let mut sub = Tokens::new();
    sub.tokenize(subject, 0);
    let words: Vec<&str> = (0..sub.len()).map(|k| sub.norm(k)).collect();
    if words.is_empty() {
        return None;
    }
    let (s0, s1) = (0..n.saturating_sub(words.len() - 1))
        .filter(|&k| (0..words.len()).all(|w| toks.norm(k + w) == words[w]))
        .map(|k| (k, k + words.len()))
        .filter(|&(a, b)| b <= d0 || a >= d1)
        .min_by_key(|&(a, b)| if b <= d0 { d0 - b } else { a - d1 })?;

    // The event noun: the first in the subject, singular or plural.
    let (h0, h1, plural) = (s0..s1).find_map(|k| {
        if let Some((len, _)) = lex.language.event_nouns.match_at(&toks, k) {
            let last = toks.norm(k + len - 1);
            let plural = last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && lex
                    .language
                    .event_nouns
                    .contains_word(&last[..last.len() - 1]);
            return Some((k, k + len, plural));
        }
        let w = toks.norm(k);
        (toks.kind(k) == Some(TokKind::Word)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && lex.language.event_nouns.contains_word(&w[..w.len() - 1]))
        .then_some((k, k + 1, true))
    })?;
    let phrase: Vec<&str> = (h0..h1).map(|k| toks.norm(k)).collect();
    let mut noun = phrase.join(" ");
    if plural {
        noun.pop();
    }
    if let Some((_, to)) = SYNONYMS.iter().find(|(from, _)| *from == noun) {
        noun = to.to_string();
    }
    // The sentence must tie the noun to the date: after the date with
    // nothing but words between ("the June 13 attack"), or before it
    // without a clause break ("the protests that began on December 26",
    // "Operation Rising Lion, in the early hours of June 13"), and with no
    // conjunction that starts another clause ("the protests began after
    // prices rose on December 3" dates the price rise).
    let capitalized = |k: usize| toks.get(k).is_some_and(|t| t.capitalized);
    let breaks = |r: Range<usize>| {
        r.clone().any(|k| {
            let w = toks.norm(k);
            // "between Israel and Iran" joins names, not clauses.
            let names =
                matches!(w, "and" | "or") && k > 0 && capitalized(k - 1) && capitalized(k + 1);
            w != "which" && !names && lex.language.clause_breaks.contains(w)
        })
    };
    if h0 >= d1 {
        let between = d1..h0;
        if between.len() > 3
            || between.clone().any(|k| toks.kind(k) != Some(TokKind::Word))
            || breaks(between)
        {
            return None;
        }
    } else {
        // "killed 28, officials said on June 18" dates the statement.
        let between = h1.min(d0)..d0;
        let reported = between
            .clone()
            .any(|k| lex.language.reporting_verbs.contains(toks.norm(k)));
        if between.len() > 12
            || reported
            || breaks(between.clone())
            || between.clone().any(|k| {
                toks.kind(k) == Some(TokKind::Punct)
                    && matches!(toks.norm(k), ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]")
            })
        {
            return None;
        }
    }

    // A name: "Operation Rising Lion", "Operation “Rising Lion”", and "of
    // <Name>" ("the siege of El Fasher", "the assassination of ...").
    let is_name_word = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
            && month_from_name(toks.norm(k)).is_none()
            && Weekday::parse(toks.norm(k)).is_none()
            && !(d0..d1).contains(&k)
    };
    let is_quote = |k: usize| matches!(toks.norm_at(k), "“" | "\"" | "‘" | "'" | "”" | "’");
    let mut name: Vec<&str> = Vec::new();
    let mut end = h1;
    {
        let mut e = h1;
        let quoted = is_quote(e);
        while is_quote(e) {
            e += 1;
        }
        let start = e;
        while e < n && is_name_word(e) && e - start < 5 {
            e += 1;
        }
        // "Operation True Promise 3": the number is part of the name.
        if e > start && toks.kind(e) == Some(TokKind::Number) {
            e += 1;
        }
        if e > start && (quoted || NAMED_BY.contains(&noun.as_str())) {
            name.extend((start..e).map(|k| toks.norm(k)));
            end = e;
            while is_quote(end) {
                end += 1;
            }
        }
    }
    if toks.norm_at(end) == "of" {
        let mut e = end + 1;
        while is_quote(e) || toks.norm_at(e) == "the" {
            e += 1;
        }
        let start = e;
        while e < n && is_name_word(e) && e - start < 5 {
            e += 1;
        }
        if e > start {
            name.push("of");
            name.extend((start..e).map(|k| toks.norm(k)));
            end = e;
        }
    }
    let named = !name.is_empty();
    if !named && NEEDS_NAME.contains(&noun.as_str()) {
        return None;
    }
    // "the launch of Operation X" is the day X began.
    let launch_of = name.first() == Some(&"of")
        && matches!(noun.as_str(), "launch" | "start" | "beginning" | "outbreak");
    let key = if launch_of {
        name[1..].join(" ")
    } else if named {
        format!("{noun} {}", name.join(" "))
    } else {
        noun.clone()
    };

    // Who acts: capitalized words before the noun, folded to countries
    // ("Israeli", "Israel's") and sources ("IDF"); and what kind of event
    // it is, from the other words there ("drone attack", "student
    // protests"). Words that mark another instance ("another attack",
    // "the previous attack") make the date useless for comparison.
    let mut actors = Vec::new();
    let mut kinds = Vec::new();
    let mut k = h0;
    while k > 0 && h0 - k < 6 {
        k -= 1;
        let t = tok(k);
        let w = toks.norm(k);
        // "the farmers' protests": the apostrophe belongs to the word before.
        if t.kind == TokKind::Punct && matches!(w, "'" | "’") {
            continue;
        }
        if t.kind != TokKind::Word || STOP_LEFT.contains(&w) || (d0..d1).contains(&k) {
            break;
        }
        if OTHER_INSTANCE.contains(&w) {
            return None;
        }
        if month_from_name(w).is_some() || Weekday::parse(w).is_some() {
            continue;
        }
        if !t.capitalized {
            // Participles and adverbs are not kinds ("Israel launched
            // strikes", "combined"); nor are words any event may have.
            if !(w.ends_with("ed")
                || w.ends_with("ing")
                || w.ends_with("ly")
                || GENERIC.contains(&w))
            {
                kinds.push(w.trim_end_matches('s').to_string());
            }
            continue;
        }
        let actor = if let Some(&c) = lex.places.demonyms.word(w) {
            Some(format!("country:{c}"))
        } else if let Some(&r) = lex.places.names.word(w) {
            // A place before the noun is where ("the Kyiv attack"), unless
            // it is possessive ("Russia's attack").
            t.possessive
                .then(|| format!("country:{}", lex.places.country_of(r)))
        } else if let Some(&s) = lex.sources.aliases.word(w) {
            Some(format!("source:{}", lex.sources.entries[s].canonical))
        } else if k > 0 {
            // Other capitalized words name the event ("the Saba Saba
            // protests"), unless they only start the sentence.
            Some(w.to_string())
        } else {
            None
        };
        actors.extend(actor);
    }
    actors.sort();
    actors.dedup();
    kinds.sort();
    kinds.dedup();

    // Which moment: the cue nearest the date, among the words from just
    // before the noun to the date.
    let from = h0.saturating_sub(4).min(d0);
    let to = if h0 >= d1 { h0 } else { d0 };
    let cue = |table: &[&[&str]]| {
        (from..to)
            .filter(|&k| !(d0..d1).contains(&k))
            .filter(|&k| {
                table.iter().any(|p| {
                    p.iter()
                        .enumerate()
                        .all(|(i, w)| k + i < n && toks.norm(k + i) == *w)
                })
            })
            .map(|k| if k < d0 { d0 - k } else { k - d1 + 1 })
            .min()
    };
    let lasting = plural || LASTING.contains(&noun.as_str()) || launch_of;
    // "the overnight attack", "on the night of June 16": it spans two days.
    let night = (h0.saturating_sub(4).min(d0)..d1.max(h1)).any(|k| NIGHT.contains(&toks.norm(k)));
    let moment = match (cue(BEGAN), cue(ENDED)) {
        (b, Some(e)) if b.is_none_or(|b| e < b) => Moment::Ended,
        (Some(_), _) => Moment::Began,
        // A named operation's date is the day it was launched.
        _ if launch_of || (named && NAMED_BY.contains(&noun.as_str())) => Moment::Began,
        _ if lasting => return None,
        _ => Moment::Happened,
    };
    let moment = match (lasting, moment) {
        (false, Moment::Ended) => return None,
        (false, _) => Moment::Happened,
        (true, m) => m,
    };
    let incident = !lasting
        && !named
        && (lex.language.incident_nouns.match_at(&toks, h0).is_some()
            || lex.language.incident_nouns.contains_word(&noun));
    let label_end = end.max(h1);
    let mut label = sentence[tok(h0).start..tok(label_end - 1).end]
        .trim_matches(['“', '”', '"', ' '])
        .to_string();
    // "Demonstrations began ...": capitalized only because it starts the sentence.
    let starts = (0..h0).all(|k| toks.kind(k) != Some(TokKind::Word));
    if starts && !named {
        label = label.to_lowercase();
    }
    Some(EventRef {
        key,
        named,
        incident,
        moment,
        actors,
        kinds,
        night,
        label,
    })
}

/// The days a partial date may be, as day numbers (inclusive).
fn interval(d: PartialDate) -> Option<(i64, i64)> {
    match (d.month, d.day) {
        (Some(_), Some(_)) => d.to_date().map(|x| (x.to_days(), x.to_days())),
        (Some(m), None) => {
            let a = Date::new(d.year, m, 1)?;
            let b = Date::new(d.year, m, days_in_month(d.year, m))?;
            Some((a.to_days(), b.to_days()))
        }
        _ => {
            let a = Date::new(d.year, 1, 1)?;
            let b = Date::new(d.year, 12, 31)?;
            Some((a.to_days(), b.to_days()))
        }
    }
}

/// Days between two intervals (0 when they overlap: compatible dates).
fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0
    }
}

/// The stated date as written may be vaguer than the day it resolved to
/// ("the last days of December"): then only its month counts.
fn stated(text: &str, d: PartialDate) -> PartialDate {
    let mut toks = Tokens::new();
    toks.tokenize(text, 0);
    let vague = (0..toks.len()).any(|k| VAGUE_DATE.contains(&toks.norm(k)));
    if vague && d.day.is_some() {
        PartialDate { day: None, ..d }
    } else {
        d
    }
}

/// A date claim ready to compare.
#[derive(Debug, Clone)]
struct Dated {
    claim: usize,
    event: EventRef,
    date: PartialDate,
    days: (i64, i64),
    published: i64,
    original: usize,
}

/// Do the claims' places allow the same event?
fn places_agree(lex: &Lexicon, a: &Claim, b: &Claim, incident: bool) -> bool {
    if incident {
        let (Some(pa), Some(pb)) = (a.place.as_deref(), b.place.as_deref()) else {
            return false;
        };
        if pa == pb {
            return true;
        }
        let (Some(&ra), Some(&rb)) = (lex.places.names.get(pa), lex.places.names.get(pb)) else {
            return false;
        };
        // A town and the district it is in, not a town and its country.
        matches!(ra, PlaceRef::Place(_)) && lex.places.contains(ra, rb)
            || matches!(rb, PlaceRef::Place(_)) && lex.places.contains(rb, ra)
    } else {
        match (a.country.as_deref(), b.country.as_deref()) {
            (Some(ca), Some(cb)) => ca == cb,
            _ => a.place.is_some() && a.place == b.place,
        }
    }
}

fn actors_agree(a: &[String], b: &[String]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

impl Check for DateMismatch {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        let p = &self.0;
        // Bucket by event key, moment and (unless the name is enough) country.
        type Bucket = (String, Moment, Option<String>);
        let mut buckets: BTreeMap<Bucket, Vec<Dated>> = BTreeMap::new();
        for (i, c) in ctx.claims.iter().enumerate() {
            if !c.is_date() || !filter.accepts(ctx.lex, c) {
                continue;
            }
            let article = &ctx.articles[c.article];
            let (Some(date), Some(published)) = (c.date, article.published) else {
                continue;
            };
            let Some(sentence) = article.body.get(c.sentence.clone()) else {
                continue;
            };
            if c.span.start < c.sentence.start || c.span.end > c.sentence.end {
                continue;
            }
            let span = c.span.start - c.sentence.start..c.span.end - c.sentence.start;
            let Some(event) = event_ref(ctx.lex, sentence, span, &c.subject) else {
                continue;
            };
            let date = stated(c.text(ctx.articles), date);
            let Some(days) = interval(date) else {
                continue;
            };
            let country = if event.named && p.named_any_place {
                None
            } else {
                match c.country.as_deref().or(c.place.as_deref()) {
                    Some(x) => Some(x.to_string()),
                    // An unnamed event without a place matches nothing.
                    None => continue,
                }
            };
            buckets
                .entry((event.key.clone(), event.moment, country))
                .or_default()
                .push(Dated {
                    claim: i,
                    event,
                    date,
                    days,
                    published: published.to_days(),
                    original: ctx.linked.original(c.article),
                });
        }
        for members in buckets.values_mut() {
            if members.len() < 2 {
                continue;
            }
            members.sort_by_key(|d| (d.published, d.claim));
            // Pairs of days one article gives to two events of this kind:
            // those are two events, not one dated twice.
            let mut per_article: BTreeMap<usize, BTreeSet<i64>> = BTreeMap::new();
            for d in members.iter().filter(|d| d.days.0 == d.days.1) {
                per_article.entry(d.original).or_default().insert(d.days.0);
            }
            let mut distinct: BTreeSet<(i64, i64)> = BTreeSet::new();
            for days in per_article.values() {
                let days: Vec<i64> = days.iter().copied().take(16).collect();
                for (x, &a) in days.iter().enumerate() {
                    for &b in &days[x + 1..] {
                        distinct.insert((a, b));
                    }
                }
            }
            // Conflicting pairs, closest in publication time first; each
            // claim takes part in at most `per_claim` flags.
            let mut pairs: Vec<(i64, usize, usize, i64)> = Vec::new();
            for j in 1..members.len() {
                let later = &members[j];
                for i in (j.saturating_sub(super::RECENT)..j).rev() {
                    let earlier = &members[i];
                    let apart = later.published - earlier.published;
                    if apart > p.window_days {
                        break;
                    }
                    if let Some(days) = self.conflict(ctx, earlier, later, &distinct) {
                        pairs.push((apart, i, j, days));
                    }
                }
            }
            pairs.sort_unstable();
            let mut used = vec![0usize; members.len()];
            for (_, i, j, days) in pairs {
                if used[i] >= p.per_claim || used[j] >= p.per_claim {
                    continue;
                }
                used[i] += 1;
                used[j] += 1;
                out.push(self.finding(ctx, &members[i], &members[j], days));
            }
        }
        out.sort_by(|a, b| a.claims.cmp(&b.claims));
    }
}

impl DateMismatch {
    /// How many days apart two date claims put the same event, when they
    /// are about the same event and cannot both hold.
    fn conflict(
        &self,
        ctx: &Context,
        a: &Dated,
        b: &Dated,
        distinct: &BTreeSet<(i64, i64)>,
    ) -> Option<i64> {
        let p = &self.0;
        let (ca, cb) = (&ctx.claims[a.claim], &ctx.claims[b.claim]);
        if ca.article == cb.article || a.original == b.original {
            return None;
        }
        let (art_a, art_b) = (&ctx.articles[ca.article], &ctx.articles[cb.article]);
        if p.outlets == Outlets::Different
            && art_a.outlet.is_some()
            && art_a.outlet.as_deref().map(str::to_lowercase)
                == art_b.outlet.as_deref().map(str::to_lowercase)
        {
            return None;
        }
        let days = gap(a.days, b.days);
        // A night spans two dates: either may be given.
        let slack = i64::from(a.event.night || b.event.night);
        if days <= p.tolerance_days + slack {
            return None;
        }
        if days > p.max_days_apart {
            return None;
        }
        let named = a.event.named && b.event.named;
        if !actors_agree(&a.event.actors, &b.event.actors)
            || !actors_agree(&a.event.kinds, &b.event.kinds)
        {
            return None;
        }
        let incident = a.event.incident || b.event.incident;
        let anywhere = named && p.named_any_place;
        if !anywhere && !places_agree(ctx.lex, ca, cb, incident) {
            return None;
        }
        let pair = (a.days.0.min(b.days.0), a.days.0.max(b.days.0));
        if a.days.0 == a.days.1 && b.days.0 == b.days.1 && distinct.contains(&pair) {
            return None;
        }
        Some(days)
    }

    fn finding(&self, ctx: &Context, a: &Dated, b: &Dated, days: i64) -> Finding {
        let p = &self.0;
        let (ca, cb) = (&ctx.claims[a.claim], &ctx.claims[b.claim]);
        let where_ = |c: &Claim| c.place.as_deref().unwrap_or("?").to_string();
        let what = match a.event.moment {
            Moment::Happened => a.event.label.clone(),
            Moment::Began => format!("start of {}", a.event.label),
            Moment::Ended => format!("end of {}", a.event.label),
        };
        let outlet = |c: &Claim| {
            let art = &ctx.articles[c.article];
            art.outlet.clone().unwrap_or_else(|| art.id.clone())
        };
        let mut why = Why::new(format!(
            "{} {} in {}: dated {} by {} and {} by {}, which cannot both hold: {} day{} apart, tolerance {}",
            a.event.label,
            a.event.moment.as_str(),
            where_(ca),
            a.date,
            outlet(ca),
            b.date,
            outlet(cb),
            days,
            if days == 1 { "" } else { "s" },
            p.tolerance_days,
        ))
        .compared(
            "subject",
            format!("{} / {}: {}", ca.subject, cb.subject, a.event.key),
        )
        .compared("moment", a.event.moment.as_str())
        .compared("date", format!("{} / {}", a.date, b.date))
        .compared("place", format!("{} / {}", where_(ca), where_(cb)));
        if !a.event.actors.is_empty() || !b.event.actors.is_empty() {
            why = why.compared(
                "actors",
                format!(
                    "{} / {}",
                    a.event.actors.join(", "),
                    b.event.actors.join(", ")
                ),
            );
        }
        why.days_apart = Some(days);
        why.gap = Some(days as u64);
        why.allowed = Some(p.tolerance_days as u64);
        Finding::new(vec![a.claim, b.claim], None, why)
            .var("date_a", a.date)
            .var("date_b", b.date)
            .var("days", days)
            .var("what", what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, date: &str, subject: &str) -> Option<EventRef> {
        let lex = Lexicon::builtin();
        let at = sentence.find(date).expect("date in sentence");
        event_ref(&lex, sentence, at..at + date.len(), subject)
    }

    #[test]
    fn subjects_fold_case_articles_plurals_and_synonyms() {
        let a = read(
            "The protests began on the twenty-eighth of December with a strike.",
            "the twenty-eighth of December",
            "protests",
        )
        .unwrap();
        let b = read(
            "Demonstrations began on 28 December 2025, when shopkeepers closed their stalls.",
            "28 December 2025",
            "Demonstrations",
        )
        .unwrap();
        assert_eq!((a.key.as_str(), a.moment), ("protest", Moment::Began));
        assert_eq!((b.key.as_str(), b.moment), ("protest", Moment::Began));
        let q = read(
            "The quake struck on March 28 near Mandalay.",
            "March 28",
            "quake",
        )
        .unwrap();
        assert_eq!(
            (q.key.as_str(), q.moment, q.incident),
            ("earthquake", Moment::Happened, true)
        );
    }

    #[test]
    fn names_identify_an_event_and_possessives_fold_to_actors() {
        let a = read(
            "Talks collapsed after Israel’s launch of “Operation Rising Lion” on June 12.",
            "June 12",
            "Operation Rising Lion",
        )
        .unwrap();
        assert_eq!(a.key, "operation rising lion");
        assert!(a.named);
        assert_eq!(a.moment, Moment::Began);
        let b = read(
            "The IDF published a summary of Operation \"Rising Lion\", which was launched on June 13, 2025.",
            "June 13, 2025",
            "Operation",
        )
        .unwrap();
        assert_eq!(b.key, "operation rising lion");
        let c = read(
            "Russia's missile attack on Kyiv on 17 June killed 28 people.",
            "17 June",
            "attack",
        )
        .unwrap();
        assert_eq!(c.key, "attack");
        assert_eq!(c.actors.len(), 1);
        let d = read("Israeli strikes began on June 13.", "June 13", "strikes").unwrap();
        let e = read("Iranian strikes began on June 13.", "June 13", "strikes").unwrap();
        assert!(!actors_agree(&d.actors, &e.actors));
        assert!(actors_agree(&d.actors, &[]));
        let knife = read(
            "The knife attack in Haifa on June 15 wounded two.",
            "June 15",
            "attack",
        );
        let rocket = read(
            "The rocket attack on Haifa on June 16 hit the port.",
            "June 16",
            "attack",
        );
        let (knife, rocket) = (knife.unwrap(), rocket.unwrap());
        assert_eq!(knife.kinds, ["knife"]);
        assert!(!actors_agree(&knife.kinds, &rocket.kinds));
        let generic = read(
            "The deadly attack on Haifa on June 16 hit the port.",
            "June 16",
            "attack",
        );
        assert!(generic.unwrap().kinds.is_empty());
        assert!(
            read(
                "The previous deadliest attack on Kyiv took place on 24 April.",
                "24 April",
                "attack"
            )
            .is_none()
        );
    }

    #[test]
    fn loose_or_ongoing_dates_are_not_compared() {
        // The noun after the date, across a clause break.
        assert!(
            read(
                "Iran said 610 people had been killed since June 13, as a ceasefire appeared to hold.",
                "June 13",
                "ceasefire"
            )
            .is_none()
        );
        // A day protests were going on, not the day they began.
        assert!(
            read(
                "Iran shut down the internet on 8 January, as the largest protests were taking place.",
                "8 January",
                "protests"
            )
            .is_none()
        );
        // "opened fire" is not a fire.
        assert!(
            read(
                "Security forces opened fire on crowds in Tehran on January 8.",
                "January 8",
                "fire"
            )
            .is_none()
        );
        // A subject that is no event noun.
        assert!(
            read(
                "At 22:31 hours on June 21 the calls began.",
                "June 21",
                "At 22:31 hours"
            )
            .is_none()
        );
        // The date of another clause.
        assert!(
            read(
                "The protests began after the government raised fuel prices on December 3.",
                "December 3",
                "protests"
            )
            .is_none()
        );
        // A ceasefire announced is not a ceasefire in effect.
        assert!(
            read(
                "A ceasefire was announced on June 23.",
                "June 23",
                "ceasefire"
            )
            .is_none()
        );
        let e = read(
            "The ceasefire took effect on June 24.",
            "June 24",
            "ceasefire",
        )
        .unwrap();
        assert_eq!(e.moment, Moment::Began);
    }

    #[test]
    fn compatible_partial_dates_never_conflict() {
        let day = |y, m, d| interval(PartialDate::day(Date::new(y, m, d).unwrap())).unwrap();
        let month = |y, m| interval(PartialDate::month(y, m)).unwrap();
        assert_eq!(gap(month(2025, 6), day(2025, 6, 13)), 0);
        assert_eq!(gap(month(2025, 12), day(2025, 12, 28)), 0);
        assert_eq!(
            gap(interval(PartialDate::year(2025)).unwrap(), day(2025, 6, 13)),
            0
        );
        assert_eq!(gap(day(2025, 6, 12), day(2025, 6, 13)), 1);
        assert_eq!(gap(day(2025, 12, 26), day(2025, 12, 28)), 2);
        // A day outside the month: from the month's last day.
        assert_eq!(gap(month(2025, 5), day(2025, 6, 13)), 13);
        assert_eq!(gap(month(2025, 12), day(2026, 1, 2)), 2);
    }

    #[test]
    fn vague_day_phrases_count_as_their_month() {
        let d = PartialDate::day(Date::new(2025, 12, 31).unwrap());
        assert_eq!(
            stated("the last days of December", d),
            PartialDate::month(2025, 12)
        );
        assert_eq!(stated("the twenty-eighth of December", d), d);
        assert_eq!(stated("December 31", d), d);
    }

    #[test]
    fn bad_params_are_located() {
        let lex = Lexicon::builtin();
        let e = build(&serde_json::json!({"tolerance_days": -1}), &lex).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("tolerance_days"));
        let e = build(
            &serde_json::json!({"max_days_apart": 1, "tolerance_days": 1}),
            &lex,
        )
        .unwrap_err();
        assert_eq!(e.key.as_deref(), Some("max_days_apart"));
        let e = build(&serde_json::json!({"per_claim": 0}), &lex).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("per_claim"));
        assert!(build(&serde_json::json!({"tolerence_days": 1}), &lex).is_err());
        assert!(build(&serde_json::Value::Null, &lex).is_ok());
    }
}
