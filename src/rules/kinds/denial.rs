//! `denial`: a source denies what another article reports, about the same
//! parties.
//!
//! Works on sentences, not claims. Each sentence outside page furniture is
//! read into statements: (topic, parties, polarity, speaker). A topic is a
//! list of words ("contact", "in touch", "asked ... for talks"); a statement
//! is negative when a negation sits just before the topic words ("there had
//! been no contact"), when a denial governs them ("denied firing anything",
//! "dismissed claims of back-channel engagement") or when one follows them
//! ("..., an accusation Washington denied"), and positive otherwise.
//! Statements that commit to nothing are dropped: modals, plans and refusals
//! ("any talks would require", "rejected talks"), "claims of contact", and
//! sentences that "never confirmed or denied".
//!
//! Parties are the persons, organisations and countries the sentence names
//! (the source lexicon folds aliases: Araghchi and Araqchi are one man; a
//! ministry or army stands for its country), plus, for a denial, the denier
//! (a pronoun resolved to the person or body named in the sentences before).
//! The speaker of a report ("the Israeli military says") is not a party.
//!
//! A denial and an assertion are flagged when they share the topic, come
//! from different articles that are not copies of one another, are within
//! `window_days` by publication date, and share the topic's number of
//! parties from distinct sides (two for contact between two parties; for a
//! one-party topic such as firing, the denier must be the one who acts in
//! the other report). One flag per topic and pair of articles.

use std::cmp::Reverse;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Check, Finding, ParamError, params};
use crate::extract::attribution;
use crate::extract::text::{TokKind, Tokens};
use crate::lexicon::{Lexicon, PlaceRef, PronounKind, SourceKind, phrase_tokens};
use crate::model::{Article, Evidence, Sym, Why};
use crate::rules::{Context, Filter};

pub const VARS: &[&str] = &["topic", "parties", "denier", "days"];

/// What a statement can be about.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(inline)]
struct TopicParams {
    /// The topic's name, shown in flags ("contact").
    name: String,
    /// Words and phrases that make a sentence about the topic, matched on
    /// whole words, case-insensitively. `...` skips up to four words:
    /// "asked ... for talks" matches "asked Washington for talks".
    words: Vec<String>,
    /// When not empty, both sentences must also contain one of these
    /// phrases ("after the truce"): for topics that only conflict in a
    /// setting.
    #[serde(default)]
    context: Vec<String>,
    /// Phrases that make the topic words mean something else ("talks
    /// about", "contact details").
    #[serde(default)]
    except: Vec<String>,
    /// How many parties the denial and the report must share, from distinct
    /// sides (a person counts with their country): 2 for things between two
    /// parties (contact, talks). 1 for things one party does (firing): the
    /// denier must then be the one who acts in the report.
    #[serde(default = "two")]
    parties: usize,
}

fn two() -> usize {
    2
}

/// Parameters of `denial`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
struct Params {
    /// The topics statements are compared on.
    topics: Vec<TopicParams>,
    /// Words that negate topic words a few words after them ("no contact",
    /// "not in touch", "never met"). Contractions ending in n't always count.
    negations: Vec<String>,
    /// How many words before the topic words a negation may stand.
    negation_reach: usize,
    /// Words that deny what follows them in the sentence ("denied firing",
    /// "denying that Tehran had asked"), or what precedes them in a closing
    /// clause (", an accusation Washington denied").
    denials: Vec<String>,
    /// Words that deny only when a claim noun follows ("dismissed claims
    /// of ...", "rejected reports that ..."); otherwise they are refusals
    /// ("rejected talks"), which commit to nothing.
    dismissals: Vec<String>,
    /// Nouns naming what someone else says ("claims", "reports",
    /// "accusation").
    claim_nouns: Vec<String>,
    /// Words that make a clause commit to nothing: modals, plans,
    /// conditions, refusals ("would", "expected to", "ruled out").
    uncertain: Vec<String>,
    /// Phrases that make a whole sentence commit to nothing ("confirmed or
    /// denied", "declined to comment").
    uncommitted: Vec<String>,
    /// Phrases that set a report in an earlier time than the news ("last
    /// spring", "years ago"): such a report is not compared with a denial
    /// about now ("no contact since the protests began"), only with one
    /// that says "never".
    earlier: Vec<String>,
    /// A denial and a report further apart than this, by publication date,
    /// are not compared.
    window_days: i64,
    /// Flag each denying article against at most this many reporting
    /// articles, those published closest to it.
    per_denial: usize,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl Default for Params {
    fn default() -> Self {
        Params {
            topics: vec![
                TopicParams {
                    name: "contact".into(),
                    words: strings(&[
                        "contact",
                        "contacts",
                        "in contact",
                        "in touch",
                        "talks",
                        "back-channel",
                        "back channel",
                        "met",
                        "met with",
                        "have spoken",
                        "has spoken",
                        "had spoken",
                        "spoke by phone",
                        "spoken by phone",
                        "phone call",
                        "phone calls",
                    ]),
                    context: vec![],
                    except: strings(&[
                        "talks about",
                        "talks of",
                        "contact details",
                        "contact information",
                        "contact us",
                        "please contact",
                    ]),
                    parties: 2,
                },
                TopicParams {
                    name: "firing".into(),
                    words: strings(&["fired", "firing", "launched", "launching", "opened fire"]),
                    context: strings(&[
                        "after the ceasefire",
                        "after the truce",
                        "after a ceasefire",
                        "after a truce",
                        "since the ceasefire",
                        "since the truce",
                        "violation of the ceasefire",
                        "violated the ceasefire",
                        "violating the ceasefire",
                        "broke the ceasefire",
                        "broken the ceasefire",
                        "broke the truce",
                        "broken the truce",
                    ]),
                    except: vec![],
                    parties: 1,
                },
                TopicParams {
                    name: "request".into(),
                    words: strings(&[
                        "asked for talks",
                        "asked ... for talks",
                        "asked for negotiations",
                        "asked ... for negotiations",
                        "requested talks",
                        "requested ... talks",
                        "requested negotiations",
                        "requested a meeting",
                        "sought talks",
                        "sought negotiations",
                        "seeking talks",
                        "seeking negotiations",
                    ]),
                    context: vec![],
                    except: vec![],
                    parties: 2,
                },
                TopicParams {
                    name: "involvement".into(),
                    words: strings(&[
                        "backing",
                        "involvement",
                        "took part",
                        "green light",
                        "was involved",
                        "were involved",
                    ]),
                    context: vec![],
                    except: vec![],
                    parties: 2,
                },
            ],
            negations: strings(&["no", "not", "never", "no longer", "neither"]),
            negation_reach: 4,
            denials: strings(&[
                "denied", "denies", "deny", "denying", "denial", "denials", "refuted", "refutes",
                "refute",
            ]),
            dismissals: strings(&[
                "dismissed",
                "dismisses",
                "dismissing",
                "rejected",
                "rejects",
                "rejecting",
                "rebuffed",
            ]),
            claim_nouns: strings(&[
                "claims",
                "claim",
                "reports",
                "report",
                "allegations",
                "allegation",
                "accusations",
                "accusation",
                "suggestions",
                "suggestion",
                "assertions",
                "assertion",
                "rumours",
                "rumors",
                "account",
                "accounts",
                "speculation",
            ]),
            uncertain: strings(&[
                "would",
                "will",
                "could",
                "might",
                "should",
                "if",
                "unless",
                "whether",
                "expected to",
                "scheduled to",
                "due to",
                "plans to",
                "planned to",
                "ready to",
                "open to",
                "prepared to",
                "willing to",
                "wants to",
                "called off",
                "cancelled",
                "canceled",
                "postponed",
                "ruled out",
                "rules out",
                "rule out",
                "refused",
                "refuses",
                "declined",
                "called for",
                "calls for",
                "urged",
                "urges",
            ]),
            uncommitted: strings(&[
                "confirm or deny",
                "confirmed or denied",
                "confirms or denies",
                "confirming or denying",
                "confirm nor deny",
                "confirmed nor denied",
                "declined to comment",
                "would not comment",
                "no comment",
            ]),
            earlier: strings(&[
                "last spring",
                "last summer",
                "last autumn",
                "last fall",
                "last winter",
                "last year",
                "a year ago",
                "years ago",
                "months ago",
                "in the past",
            ]),
            window_days: 365,
            per_denial: 3,
        }
    }
}

/// Words `...` may skip in a phrase.
const GAP: usize = 4;
/// How far before the topic words a denial may govern them.
const DENIAL_REACH: usize = 15;
/// How far after a dismissal its claim noun may come ("dismissed as baseless reports").
const CLAIM_NOUN_REACH: usize = 3;
/// How far after the topic words a negated verb may come.
const AFTER_REACH: usize = 8;
/// Auxiliaries a "not" after the topic words must follow.
const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "was", "were", "is", "are", "did", "do", "does",
];
/// How many sentences a pronoun may look back for its speaker.
const SPEAKER_MEMORY: usize = 4;

/// A phrase's words, in segments split at `...`.
type Segments = Vec<Vec<Box<str>>>;

/// Phrases over normalized tokens, each with an owner (a topic index, or 0).
#[derive(Debug, Default)]
struct Phrases {
    /// First word → (owner, segments), longest first.
    by_first: FxHashMap<Box<str>, Vec<(usize, Segments)>>,
}

impl Phrases {
    fn new(items: &[String], key: &str) -> Result<Phrases, ParamError> {
        let mut p = Phrases::default();
        for item in items {
            p.add(0, item, key)?;
        }
        Ok(p)
    }

    fn add(&mut self, owner: usize, phrase: &str, key: &str) -> Result<(), ParamError> {
        let mut segs = Vec::new();
        for part in phrase.split("...") {
            let words = phrase_tokens(part);
            if words.is_empty() {
                return Err(ParamError::at(
                    key,
                    format!("`{phrase}` has an empty part: it can never match"),
                )
                .help("write words, with `...` only between words (\"asked ... for talks\")"));
            }
            segs.push(words);
        }
        let first = segs[0][0].clone();
        let list = self.by_first.entry(first).or_default();
        list.push((owner, segs));
        list.sort_by_key(|(_, s)| Reverse(s.iter().map(Vec::len).sum::<usize>()));
        Ok(())
    }

    fn seg_at(toks: &Tokens, i: usize, seg: &[Box<str>], end: usize) -> bool {
        i + seg.len() <= end
            && seg
                .iter()
                .enumerate()
                .all(|(k, w)| toks.norm(i + k) == &**w)
    }

    /// The longest phrase starting at token `i` and ending by `end`: (owner, end token).
    fn match_at(&self, toks: &Tokens, i: usize, end: usize) -> Option<(usize, usize)> {
        if i >= end {
            return None;
        }
        let list = self.by_first.get(toks.norm(i))?;
        let mut best: Option<(usize, usize)> = None;
        for (owner, segs) in list {
            if !Self::seg_at(toks, i, &segs[0], end) {
                continue;
            }
            let mut at = i + segs[0].len();
            let mut ok = true;
            for seg in &segs[1..] {
                let found = (at..=(at + GAP).min(end))
                    .take_while(|&j| j == at || toks.kind(j - 1) != Some(TokKind::Punct))
                    .find(|&j| Self::seg_at(toks, j, seg, end));
                match found {
                    Some(j) => at = j + seg.len(),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && best.is_none_or(|(_, e)| at > e) {
                best = Some((*owner, at));
            }
        }
        best
    }

    /// Is there a phrase anywhere in `range`?
    fn any_in(&self, toks: &Tokens, range: Range<usize>) -> bool {
        range
            .clone()
            .any(|i| self.match_at(toks, i, range.end).is_some())
    }
}

#[derive(Debug)]
struct Topic {
    name: String,
    parties: usize,
    context: Phrases,
    except: Phrases,
}

#[derive(Debug)]
struct Denial {
    topics: Vec<Topic>,
    /// Every topic's words, owned by the topic's index.
    words: Phrases,
    /// The first words of every topic phrase: a sentence without one of
    /// them is not tokenized, an article without one is not read.
    prefilter: aho_corasick::AhoCorasick,
    negations: Phrases,
    negation_reach: usize,
    denials: Phrases,
    dismissals: Phrases,
    claim_nouns: Phrases,
    uncertain: Phrases,
    uncommitted: Phrases,
    earlier: Phrases,
    window_days: i64,
    per_denial: usize,
}

pub fn schema() -> schemars::Schema {
    super::schema_of::<Params>()
}

pub fn build(v: &serde_json::Value, _: &Lexicon) -> Result<Box<dyn Check>, ParamError> {
    Ok(Box::new(compile(params(v)?)?))
}

/// Validates the parameters and compiles every word list once.
fn compile(p: Params) -> Result<Denial, ParamError> {
    if p.topics.is_empty() {
        return Err(
            ParamError::at("topics", "no topics: the rule can never flag")
                .help("list at least one topic with `name` and `words`"),
        );
    }
    super::non_negative("window_days", p.window_days)?;
    if p.per_denial == 0 {
        return Err(
            ParamError::at("per_denial", "`per_denial` is 0: the rule would never flag")
                .help("flag each denial against at least one report, e.g. per_denial: 3"),
        );
    }
    if !(1..=10).contains(&p.negation_reach) {
        return Err(ParamError::at(
            "negation_reach",
            format!(
                "`negation_reach` must be between 1 and 10 words, not {}",
                p.negation_reach
            ),
        ));
    }
    if p.negations.is_empty() && p.denials.is_empty() && p.dismissals.is_empty() {
        return Err(ParamError::at(
            "denials",
            "no negations, denials or dismissals: no statement can be a denial",
        ));
    }
    if !p.dismissals.is_empty() && p.claim_nouns.is_empty() {
        return Err(ParamError::at(
            "claim_nouns",
            "`dismissals` deny only before a claim noun, and `claim_nouns` is empty",
        )
        .help("list nouns such as claims, reports, allegations"));
    }
    let mut topics = Vec::new();
    let mut words = Phrases::default();
    for (t, tp) in p.topics.iter().enumerate() {
        if tp.name.trim().is_empty() {
            return Err(ParamError::at("topics", "a topic has an empty `name`"));
        }
        if p.topics[..t].iter().any(|o| o.name == tp.name) {
            return Err(ParamError::at(
                "topics",
                format!("topic `{}` is listed twice", tp.name),
            ));
        }
        if tp.words.is_empty() {
            return Err(ParamError::at(
                "topics",
                format!("topic `{}` has no words: this topic can never match", tp.name),
            )
            .help("list the words that make a sentence about the topic, e.g. words: [contact, in touch]"));
        }
        if !(1..=4).contains(&tp.parties) {
            return Err(ParamError::at(
                "topics",
                format!(
                    "topic `{}`: `parties` must be between 1 and 4, not {}",
                    tp.name, tp.parties
                ),
            )
            .help(
                "2 for things between two parties (contact), 1 for things one party does (firing)",
            ));
        }
        for w in &tp.words {
            words.add(t, w, "topics")?;
        }
        topics.push(Topic {
            name: tp.name.clone(),
            parties: tp.parties,
            context: Phrases::new(&tp.context, "topics")?,
            except: Phrases::new(&tp.except, "topics")?,
        });
    }
    let firsts: Vec<&str> = words.by_first.keys().map(|k| &**k).collect();
    let prefilter = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&firsts)
        .map_err(|e| ParamError::at("topics", format!("topic words: {e}")))?;
    Ok(Denial {
        topics,
        words,
        prefilter,
        negations: Phrases::new(&p.negations, "negations")?,
        negation_reach: p.negation_reach,
        denials: Phrases::new(&p.denials, "denials")?,
        dismissals: Phrases::new(&p.dismissals, "dismissals")?,
        claim_nouns: Phrases::new(&p.claim_nouns, "claim_nouns")?,
        uncertain: Phrases::new(&p.uncertain, "uncertain")?,
        uncommitted: Phrases::new(&p.uncommitted, "uncommitted")?,
        earlier: Phrases::new(&p.earlier, "earlier")?,
        window_days: p.window_days,
        per_denial: p.per_denial,
    })
}

/// A person, body or country a sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mention {
    tok: Range<usize>,
    /// What parties are compared by: the canonical name, or the country's
    /// name for a country, its capital, or a ministry or army of it.
    key: Sym,
    /// The side it is on: its country when it has one, else itself.
    side: Sym,
    /// The name to show.
    display: Sym,
    person: bool,
}

/// Who speaks: the denier of a denial, the source of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    /// Its party, when it is one (a named person, body or country).
    party: Option<(Sym, Sym)>,
    display: Sym,
    person: bool,
}

impl Speaker {
    fn of(m: &Mention) -> Speaker {
        Speaker {
            party: Some((m.key.clone(), m.side.clone())),
            display: m.display.clone(),
            person: m.person,
        }
    }
}

/// One sentence's stance on one topic.
#[derive(Debug, Clone)]
struct Statement {
    article: usize,
    sentence: Range<usize>,
    topic: usize,
    negative: bool,
    /// Byte range of the key words ("no contact", "in contact with Araqchi").
    span: Range<usize>,
    /// The words that make it a denial ("no", "denied"), empty for a report.
    cue: String,
    /// (key, side), sorted and unique.
    parties: Vec<(Sym, Sym)>,
    /// Keys of the parties that act (for one-party topics).
    actors: Vec<Sym>,
    speaker: Option<Speaker>,
    /// The sentence holds one of the topic's context phrases.
    context: bool,
    /// The sentence sets itself in an earlier time ("last spring").
    earlier: bool,
}

/// What a topic occurrence says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// Commits to nothing.
    Skip,
    Positive,
    /// A denial: the cue's tokens and where the denier is named.
    Negative {
        cue: Range<usize>,
        denier: DenierAt,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum DenierAt {
    /// The speaker of the sentence ("He said there had been no contact").
    Speaker,
    /// The subject of the denial at this token ("Iran's armed forces denied").
    Before(usize),
    /// Named in these tokens of a closing clause ("an accusation Washington denied").
    Within(Range<usize>),
}

/// Adverbs and auxiliaries between a denier and its verb.
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "again",
    "flatly",
    "strongly",
    "firmly",
    "categorically",
    "repeatedly",
    "quickly",
    "swiftly",
    "vehemently",
    "immediately",
    "later",
    "previously",
    "officially",
    "publicly",
    "reportedly",
    "itself",
    "themselves",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lowercase words that may stand between a country and a person or body
/// it describes ("US special envoy Steve Witkoff", "Iran's foreign minister").
const TITLE_WORDS: &[&str] = &[
    "envoy",
    "special",
    "minister",
    "foreign",
    "prime",
    "president",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "deputy",
    "adviser",
    "advisor",
    "chief",
    "commander",
    "leader",
    "supreme",
    "top",
    "official",
    "negotiator",
    "representative",
    "regional",
    "senior",
    "defence",
    "defense",
    "security",
    "national",
    "of",
    "state",
];

/// Prepositions before a place that make it where something is, not a party.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "across",
    "within",
    "outside",
    "around",
    "throughout",
];

/// Prepositions before a party that make it the target of an act.
const TARGET: &[&str] = &[
    "at", "on", "against", "into", "toward", "towards", "over", "in", "to", "with",
];

/// Words that end the reach of a denial looking forward to its topic.
const CONTRAST: &[&str] = &[
    "but", "however", "although", "though", "whereas", "yet", "despite",
];

/// Words that open a closing clause naming a denier ("..., which Tehran denied").
const RELATIVES: &[&str] = &["which", "who", "something", "a", "an", "the"];

/// Object words after a closing denial ("..., but Iran denied it").
const OBJECTS: &[&str] = &["it", "this", "that", "them", "these", "those", "any", "the"];

fn is_break(toks: &Tokens, i: usize) -> bool {
    toks.kind(i) == Some(TokKind::Punct)
        && matches!(
            toks.norm(i),
            "," | ";" | ":" | "—" | "–" | "-" | "(" | ")" | "[" | "]"
        )
}

fn is_quote(toks: &Tokens, i: usize) -> bool {
    toks.kind(i) == Some(TokKind::Punct)
        && matches!(toks.norm(i), "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»")
}

fn is_negation_token(w: &str) -> bool {
    w.ends_with("n't") || w == "cannot"
}

/// The persons, bodies and countries a sentence names.
fn mentions(toks: &Tokens, body: &str, lex: &Lexicon) -> Vec<Mention> {
    let places = &lex.places;
    let country = |c: usize| places.countries[c].name.clone();
    let mut out: Vec<Mention> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let cap = toks
            .get(k)
            .is_some_and(|t| t.capitalized && t.kind == TokKind::Word);
        if !cap {
            k += 1;
            continue;
        }
        let src = lex.sources.aliases.match_at(toks, k);
        let place = places.names.match_at(toks, k);
        let dem = places.demonyms.match_at(toks, k);
        let len = [src.map(|s| s.0), place.map(|p| p.0), dem.map(|d| d.0)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0);
        if len == 0 {
            k += 1;
            continue;
        }
        let end = k + len;
        let written: Sym = {
            let (a, b) = (
                toks.get(k).expect("in range"),
                toks.get(end - 1).expect("in range"),
            );
            body[a.start..b.end].into()
        };
        let prev = k.checked_sub(1).map(|i| toks.norm(i)).unwrap_or("");
        let found = if let Some((_, &idx)) = src.filter(|s| s.0 == len) {
            let def = &lex.sources.entries[idx];
            match (def.kind, def.country) {
                (SourceKind::Agency, _) => None,
                (SourceKind::Government | SourceKind::Military, Some(c)) => Some(Mention {
                    tok: k..end,
                    key: country(c),
                    side: country(c),
                    display: def.canonical.clone(),
                    person: false,
                }),
                (kind, c) => Some(Mention {
                    tok: k..end,
                    key: def.canonical.clone(),
                    side: c.map(country).unwrap_or_else(|| def.canonical.clone()),
                    display: def.canonical.clone(),
                    person: kind == SourceKind::Person,
                }),
            }
        } else if let Some((_, &r)) = place.filter(|p| p.0 == len) {
            let party = match r {
                PlaceRef::Country(_) => true,
                PlaceRef::Place(p) => places.places[p].capital,
            };
            (party && !LOCATIVE.contains(&prev)).then(|| {
                let c = country(places.country_of(r));
                Mention {
                    tok: k..end,
                    key: c.clone(),
                    side: c,
                    display: written.clone(),
                    person: false,
                }
            })
        } else if let Some((_, &c)) = dem {
            // "Israeli media", "an American newspaper": the press, not a party.
            let press = lex
                .sources
                .descriptors
                .match_at(toks, end)
                .is_some_and(|(_, class)| class.contains("media"));
            (!press).then(|| Mention {
                tok: k..end,
                key: country(c),
                side: country(c),
                display: written.clone(),
                person: false,
            })
        } else {
            None
        };
        out.extend(found);
        k = end;
    }
    // A country describing the person or body after it is part of that
    // name: "US envoy Steve Witkoff", "Iran's Foreign Minister Abbas Araghchi".
    let absorbed: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(i, m)| {
            m.key == m.side
                && places.find_country(&m.key).is_some()
                && out.get(i + 1).is_some_and(|n| {
                    n.key != n.side
                        && n.tok.start - m.tok.end <= 4
                        && (m.tok.end..n.tok.start).all(|j| {
                            toks.kind(j) == Some(TokKind::Word)
                                && (toks.get(j).is_some_and(|t| t.capitalized)
                                    || TITLE_WORDS.contains(&toks.norm(j)))
                        })
                })
        })
        .collect();
    out.into_iter()
        .zip(absorbed)
        .filter(|(_, a)| !a)
        .map(|(m, _)| m)
        .collect()
}

/// What earlier sentences established, for pronouns.
#[derive(Debug, Default)]
struct Memory {
    person: Option<(usize, Speaker)>,
    org: Option<(usize, Speaker)>,
}

impl Memory {
    fn resolve(&self, kind: PronounKind, sentence: usize) -> Option<Speaker> {
        let recent = |s: &Option<(usize, Speaker)>| {
            s.as_ref()
                .filter(|(at, _)| sentence - at <= SPEAKER_MEMORY)
                .map(|(_, sp)| sp.clone())
        };
        match kind {
            PronounKind::Person => recent(&self.person),
            PronounKind::Organisation => recent(&self.org),
            PronounKind::Any => recent(&self.org).or_else(|| recent(&self.person)),
        }
    }

    fn remember(&mut self, s: &Speaker, sentence: usize) {
        if s.person {
            self.person = Some((sentence, s.clone()));
        } else {
            self.org = Some((sentence, s.clone()));
        }
    }
}

impl Denial {
    /// Reads every statement of one article, given its sentences outside
    /// page furniture (as extraction split them).
    fn statements(
        &self,
        article: &Article,
        index: usize,
        sentences: &[Range<usize>],
        lex: &Lexicon,
    ) -> Vec<Statement> {
        let body = &article.body;
        let mut out = Vec::new();
        if !self.prefilter.is_match(body.as_str()) {
            return out;
        }
        let mut memory = Memory::default();
        let mut toks = Tokens::new();
        // Only sentences with topic words, and the few before them that
        // pronouns may point back to, are read closely.
        let mut needed = vec![false; sentences.len()];
        for (si, range) in sentences.iter().enumerate() {
            if !self.prefilter.is_match(&body[range.clone()]) {
                continue;
            }
            toks.tokenize(&body[range.clone()], range.start);
            if (0..toks.len()).any(|i| self.words.match_at(&toks, i, toks.len()).is_some()) {
                needed[si.saturating_sub(SPEAKER_MEMORY)..=si].fill(true);
            }
        }
        for (si, range) in sentences.iter().cloned().enumerate() {
            if !needed[si] {
                continue;
            }
            let text = &body[range.clone()];
            toks.tokenize(text, range.start);
            let ms = mentions(&toks, body, lex);
            let attrs = attribution::find(&toks, text, range.start, lex);
            // The sentence's speaker: its first attribution, else a pronoun
            // opening it ("Moreover, he stressed that ...").
            let mut speaker_toks: Vec<Range<usize>> = Vec::new();
            let mut speaker = None;
            for a in &attrs {
                let found = match (&a.source, a.pronoun) {
                    (_, Some(kind)) => memory.resolve(kind, si),
                    (Some(src), None) => Some(
                        ms.iter()
                            .find(|m| m.tok.start >= a.np.start && m.tok.end <= a.np.end)
                            .map(|m| Speaker {
                                display: if m.person || m.key != m.side {
                                    m.display.clone()
                                } else {
                                    src.name.clone()
                                },
                                ..Speaker::of(m)
                            })
                            .unwrap_or_else(|| Speaker {
                                party: None,
                                display: src.name.clone(),
                                person: src.person,
                            }),
                    ),
                    (None, None) => None,
                };
                speaker_toks.push(a.np.clone());
                // The first speaker that is a party wins over a stray one
                // ("Speaking on state television, Araghchi said").
                let is_party = |s: &Option<Speaker>| s.as_ref().is_some_and(|s| s.party.is_some());
                if speaker.is_none() || (!is_party(&speaker) && is_party(&found)) {
                    speaker = found;
                }
            }
            if speaker.is_none() {
                speaker = self.opening_pronoun(&toks, lex, &memory, si);
            }
            let skip = text
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with('?')
                || self.uncommitted.any_in(&toks, 0..toks.len());
            if !skip {
                self.read_sentence(
                    &toks,
                    body,
                    lex,
                    (index, range.clone(), si),
                    &ms,
                    &speaker_toks,
                    speaker.as_ref(),
                    &memory,
                    &mut out,
                );
            }
            // Remember who spoke, else who the sentence opens with.
            if let Some(s) = &speaker {
                memory.remember(s, si);
            } else if let Some(m) = ms.iter().find(|m| m.tok.start <= 6) {
                memory.remember(&Speaker::of(m), si);
            }
        }
        out
    }

    fn opening_pronoun(
        &self,
        toks: &Tokens,
        lex: &Lexicon,
        memory: &Memory,
        si: usize,
    ) -> Option<Speaker> {
        let mut k = 0;
        while k < toks.len()
            && (is_break(toks, k)
                || is_quote(toks, k)
                || matches!(
                    toks.norm(k),
                    "moreover" | "however" | "meanwhile" | "also" | "but" | "and" | "later"
                ))
        {
            k += 1;
        }
        let (len, &kind) = lex.language.pronouns.match_at(toks, k)?;
        // A subject: a word follows ("he stressed"), not a punctuation mark.
        (toks.kind(k + len) == Some(TokKind::Word)).then_some(())?;
        memory.resolve(kind, si)
    }

    #[allow(clippy::too_many_arguments)]
    fn read_sentence(
        &self,
        toks: &Tokens,
        body: &str,
        lex: &Lexicon,
        (article, sentence, si): (usize, Range<usize>, usize),
        ms: &[Mention],
        speaker_toks: &[Range<usize>],
        speaker: Option<&Speaker>,
        memory: &Memory,
        out: &mut Vec<Statement>,
    ) {
        let n = toks.len();
        // Topic occurrences, leftmost-longest across topics.
        let mut occurrences: Vec<(usize, Range<usize>)> = Vec::new();
        let mut i = 0;
        while i < n {
            match self.words.match_at(toks, i, n) {
                Some((t, end)) => {
                    let excluded = (i.saturating_sub(3)..=i).any(|s| {
                        self.topics[t]
                            .except
                            .match_at(toks, s, n)
                            .is_some_and(|(_, e)| e > i)
                    });
                    if !excluded {
                        occurrences.push((t, i..end));
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        if occurrences.is_empty() {
            return;
        }
        let in_speaker = |m: &Mention| {
            speaker_toks
                .iter()
                .any(|r| m.tok.start >= r.start && m.tok.end <= r.end)
        };
        for t in 0..self.topics.len() {
            let decided: Vec<(Range<usize>, Verdict)> = occurrences
                .iter()
                .filter(|(o, _)| *o == t)
                .map(|(_, r)| (r.clone(), self.classify(toks, r, lex)))
                .filter(|(_, v)| *v != Verdict::Skip)
                .collect();
            let Some((r, verdict)) = decided.first().cloned() else {
                continue;
            };
            let negative = matches!(verdict, Verdict::Negative { .. });
            // A sentence that both asserts and denies reports both sides.
            if decided
                .iter()
                .any(|(_, v)| matches!(v, Verdict::Negative { .. }) != negative)
            {
                continue;
            }
            let mut parties: Vec<(Sym, Sym)> = ms
                .iter()
                .filter(|m| !in_speaker(m))
                .map(|m| (m.key.clone(), m.side.clone()))
                .collect();
            let mut actors = self.actors(toks, &r, ms, &in_speaker);
            let (span, cue, who) = match &verdict {
                Verdict::Negative { cue, denier } => {
                    let who = match denier {
                        DenierAt::Speaker => speaker.cloned(),
                        DenierAt::Before(v) => self
                            .subject_before(toks, body, *v, ms, lex, memory, si)
                            .or_else(|| speaker.cloned()),
                        DenierAt::Within(range) => ms
                            .iter()
                            .find(|m| m.tok.start >= range.start && m.tok.end <= range.end)
                            .map(Speaker::of)
                            .or_else(|| {
                                range.clone().find_map(|j| {
                                    let (len, &kind) = lex.language.pronouns.match_at(toks, j)?;
                                    (j + len <= range.end).then(|| memory.resolve(kind, si))?
                                })
                            }),
                    };
                    if let Some(p) = who.as_ref().and_then(|w| w.party.clone()) {
                        actors.push(p.0.clone());
                        parties.push(p);
                    }
                    let cue_text = (cue.start..cue.end.min(r.start).max(cue.start + 1))
                        .filter(|&j| !is_quote(toks, j))
                        .map(|j| toks.norm(j))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let span = if cue.start < r.start {
                        cue.start..r.end
                    } else {
                        r.start..cue.end
                    };
                    (span, cue_text, who)
                }
                _ => {
                    // The words and the party right after them ("in contact with Araqchi").
                    let end = ms
                        .iter()
                        .find(|m| m.tok.start >= r.end && m.tok.start <= r.end + 1)
                        .map_or(r.end, |m| m.tok.end);
                    (r.start..end, String::new(), speaker.cloned())
                }
            };
            parties.sort();
            parties.dedup();
            actors.sort();
            actors.dedup();
            let bytes = |tr: &Range<usize>| {
                let a = toks.get(tr.start).expect("in range").start;
                let b = toks.get(tr.end - 1).expect("in range").end;
                a..b
            };
            out.push(Statement {
                article,
                sentence: sentence.clone(),
                topic: t,
                negative,
                span: bytes(&span),
                cue,
                parties,
                actors,
                speaker: who,
                context: self.topics[t].context.any_in(toks, 0..n),
                earlier: self.earlier.any_in(toks, 0..n),
            });
        }
    }

    /// The parties that act in a topic occurrence: named before it in its
    /// clause (not as a target: "fired at Israel"), or after it with "from"
    /// or "by" ("launched from Iran").
    fn actors(
        &self,
        toks: &Tokens,
        r: &Range<usize>,
        ms: &[Mention],
        in_speaker: &impl Fn(&Mention) -> bool,
    ) -> Vec<Sym> {
        let clause_start = (0..r.start)
            .rev()
            .find(|&j| is_break(toks, j))
            .map_or(0, |j| j + 1);
        let clause_end = (r.end..toks.len())
            .find(|&j| is_break(toks, j))
            .unwrap_or(toks.len());
        ms.iter()
            .filter(|m| !in_speaker(m))
            .filter(|m| {
                let prev = m
                    .tok
                    .start
                    .checked_sub(1)
                    .map(|j| toks.norm(j))
                    .unwrap_or("");
                (m.tok.start >= clause_start && m.tok.end <= r.start && !TARGET.contains(&prev))
                    || (m.tok.start >= r.end
                        && m.tok.end <= clause_end
                        && matches!(prev, "from" | "by"))
            })
            .map(|m| m.key.clone())
            .collect()
    }

    /// Who denies: the subject right before the denial at token `v`.
    #[allow(clippy::too_many_arguments)]
    fn subject_before(
        &self,
        toks: &Tokens,
        body: &str,
        v: usize,
        ms: &[Mention],
        lex: &Lexicon,
        memory: &Memory,
        si: usize,
    ) -> Option<Speaker> {
        let mut end = v;
        while end > 0 && BETWEEN.contains(&toks.norm(end - 1)) {
            end -= 1;
        }
        if end == 0 {
            return None;
        }
        if let Some((_, &kind)) = lex.language.pronouns.match_ending_at(toks, end) {
            return memory.resolve(kind, si);
        }
        let m = ms.iter().rev().find(|m| {
            m.tok.end <= end
                && end - m.tok.end <= 3
                && (m.tok.end..end).all(|j| {
                    toks.kind(j) == Some(TokKind::Word)
                        && !lex.language.clause_breaks.contains(toks.norm(j))
                        && toks.norm(j) != "that"
                })
        })?;
        let mut s = Speaker::of(m);
        if !m.person && m.key == m.side {
            // A country's body: "Iran's armed forces" → "Iranian military".
            let text_start = toks.get(0).expect("in range").start;
            let text = &body[text_start..toks.get(toks.len() - 1).expect("in range").end];
            if let (Some(src), None) =
                attribution::normalize(toks, text, text_start, m.tok.start..end, lex)
            {
                s.display = src.name;
            }
        }
        Some(s)
    }

    /// Reads one occurrence of topic words.
    fn classify(&self, toks: &Tokens, r: &Range<usize>, lex: &Lexicon) -> Verdict {
        let n = toks.len();
        let negated = |k: usize| {
            (k.saturating_sub(2)..k).any(|j| {
                is_negation_token(toks.norm(j)) || self.negations.match_at(toks, j, k).is_some()
            })
        };
        let claim_noun_within = |from: usize, to: usize| {
            (from..to.min(n)).any(|j| self.claim_nouns.match_at(toks, j, n).is_some())
        };
        // A denial after the words: ", an accusation Washington denied".
        let mut k = r.end;
        while k < n && toks.norm(k) != ";" {
            let denial = self.denials.match_at(toks, k, n);
            let dismissal = self.dismissals.match_at(toks, k, n);
            let Some((_, vend)) = denial.or(dismissal) else {
                k += 1;
                continue;
            };
            if negated(k) {
                return Verdict::Skip;
            }
            let Some(b) = (r.end..k).rev().find(|&j| is_break(toks, j)) else {
                return Verdict::Skip;
            };
            let mut s = b + 1;
            while s < k && matches!(toks.norm(s), "but" | "though" | "although" | "and" | "yet") {
                s += 1;
            }
            let opener = s < k
                && (RELATIVES.contains(&toks.norm(s)) || claim_noun_within(s, s + 1))
                && (s..k).any(|j| {
                    matches!(toks.norm(j), "which" | "who") || claim_noun_within(j, j + 1)
                });
            let closes = vend >= n
                || toks.kind(vend) == Some(TokKind::Punct)
                || (OBJECTS.contains(&toks.norm(vend))
                    && (toks.norm(vend) != "the" || claim_noun_within(vend + 1, vend + 2)));
            if k - s <= 8 && (opener || (denial.is_some() && closes)) {
                return Verdict::Negative {
                    cue: k..vend,
                    denier: DenierAt::Within(s..k),
                };
            }
            // The sentence denies something else after the words.
            return Verdict::Skip;
        }
        // A denial governing the words: "denied firing", "dismissed claims of".
        // A comma between is crossed only into a "that" clause ("denied,
        // in an interview, that he had met").
        let mut comma = false;
        let mut opens_with_that = false;
        for j in (r.start.saturating_sub(DENIAL_REACH)..r.start).rev() {
            let w = toks.norm(j);
            if matches!(w, ";" | ":") || CONTRAST.contains(&w) {
                break;
            }
            if is_break(toks, j) && !comma {
                comma = true;
                opens_with_that = toks.norm_at(j + 1) == "that";
            }
            let comma = comma && !opens_with_that;
            if let Some((_, e)) = self.denials.match_at(toks, j, r.start) {
                // Across a comma the denial may be about something else
                // ("After Tehran's denial, Witkoff met Araghchi").
                if negated(j) || comma {
                    return Verdict::Skip;
                }
                return Verdict::Negative {
                    cue: j..e,
                    denier: DenierAt::Before(j),
                };
            }
            if let Some((_, e)) = self.dismissals.match_at(toks, j, r.start) {
                if !negated(j) && !comma && claim_noun_within(e, e + CLAIM_NOUN_REACH) {
                    return Verdict::Negative {
                        cue: j..e,
                        denier: DenierAt::Before(j),
                    };
                }
                // A refusal ("rejected talks") asserts nothing.
                return Verdict::Skip;
            }
            // Another speaker's clause: "Tehran denied the report and said talks ...".
            if lex.language.reporting_verbs.contains(w)
                && j + 1 < r.start
                && self.claim_nouns.match_at(toks, j, n).is_none()
            {
                break;
            }
        }
        // Modals, plans, conditions and refusals in the words' clause.
        let clause_start = (0..r.start)
            .rev()
            .find(|&j| is_break(toks, j) || lex.language.clause_breaks.contains(toks.norm(j)))
            .map_or(0, |j| if is_break(toks, j) { j + 1 } else { j });
        let clause_end = (r.end..n)
            .find(|&j| is_break(toks, j) || lex.language.clause_breaks.contains(toks.norm(j)))
            .unwrap_or(n);
        if (clause_start..clause_end).any(|j| self.uncertain.match_at(toks, j, n).is_some()) {
            return Verdict::Skip;
        }
        // "claims of contact": someone else's claim, not an assertion.
        if r.start >= 2
            && toks.norm(r.start - 1) == "of"
            && claim_noun_within(r.start - 2, r.start - 1)
        {
            return Verdict::Skip;
        }
        // A negation just before the words: "no contact", "not in touch".
        let mut seen = 0;
        let mut j = r.start;
        while j > 0 && seen < self.negation_reach {
            j -= 1;
            if is_quote(toks, j) {
                continue;
            }
            if is_break(toks, j) {
                break;
            }
            seen += 1;
            let hit = is_negation_token(toks.norm(j))
                || self
                    .negations
                    .match_at(toks, j, r.start)
                    .is_some_and(|(_, e)| e <= r.start);
            if hit && toks.norm_at(j + 1) != "only" {
                return Verdict::Negative {
                    cue: j..r.start,
                    denier: DenierAt::Speaker,
                };
            }
        }
        // Or after them, on their verb: "contacts between them have not
        // taken place", "talks never happened".
        for j in r.end..(r.end + AFTER_REACH).min(n) {
            if is_break(toks, j) {
                break;
            }
            let w = toks.norm(j);
            let prev = toks.norm(j.saturating_sub(1));
            if is_negation_token(w)
                || w == "never"
                || (w == "not" && AUXILIARIES.contains(&prev) && j > r.end)
            {
                return Verdict::Negative {
                    cue: j..j + 1,
                    denier: DenierAt::Speaker,
                };
            }
        }
        // A negation further off in the clause ("No one from Witkoff's
        // team has met Araghchi") leaves the words neither asserted nor denied.
        let start = (0..r.start)
            .rev()
            .find(|&j| is_break(toks, j))
            .map_or(0, |j| j + 1);
        let end = (r.end..n).find(|&j| is_break(toks, j)).unwrap_or(n);
        let negation_in_clause = (start..end).any(|j| {
            is_negation_token(toks.norm(j))
                || matches!(toks.norm(j), "nobody" | "none")
                || self
                    .negations
                    .match_at(toks, j, n)
                    .is_some_and(|_| toks.norm_at(j + 1) != "only")
        });
        if negation_in_clause {
            return Verdict::Skip;
        }
        Verdict::Positive
    }

    /// The shared parties of a denial and a report, when they are enough.
    fn shared(&self, d: &Statement, a: &Statement) -> Option<Vec<Sym>> {
        let topic = &self.topics[d.topic];
        let needs_context = !topic.context.by_first.is_empty();
        if needs_context && !(d.context && a.context) {
            return None;
        }
        if topic.parties == 1 {
            let shared: Vec<Sym> = d
                .actors
                .iter()
                .filter(|k| a.actors.contains(k))
                .cloned()
                .collect();
            return (!shared.is_empty()).then_some(shared);
        }
        let shared: Vec<&(Sym, Sym)> = d
            .parties
            .iter()
            .filter(|p| a.parties.iter().any(|q| q.0 == p.0))
            .collect();
        let mut sides: Vec<&Sym> = shared.iter().map(|p| &p.1).collect();
        sides.sort();
        sides.dedup();
        (sides.len() >= topic.parties).then(|| shared.into_iter().map(|p| p.0.clone()).collect())
    }
}

/// A denial and a report that meet: (denial, report, shared parties, days apart).
type Pair = (usize, usize, Vec<Sym>, i64);

fn article_label(a: &Article) -> &str {
    a.outlet.as_deref().unwrap_or(&a.id)
}

impl Check for Denial {
    fn run(&self, ctx: &Context, filter: &Filter, out: &mut Vec<Finding>) {
        let statements: Vec<Statement> = ctx
            .articles
            .par_iter()
            .enumerate()
            .map(|(i, a)| self.statements(a, i, &ctx.sentences[i], ctx.lex))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect();
        // Reports by (topic, party), so that each denial meets only the
        // reports that name one of its parties.
        let mut reports: FxHashMap<(usize, &str), Vec<usize>> = FxHashMap::default();
        for (i, s) in statements.iter().enumerate().filter(|(_, s)| !s.negative) {
            let keys: Vec<&str> = if self.topics[s.topic].parties == 1 {
                s.actors.iter().map(|k| &**k).collect()
            } else {
                s.parties.iter().map(|p| &*p.0).collect()
            };
            for k in keys {
                let list = reports.entry((s.topic, k)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        // The best pair per (topic, denying article, reporting article).
        let mut best: FxHashMap<(usize, usize, usize), Pair> = FxHashMap::default();
        for (di, d) in statements.iter().enumerate().filter(|(_, s)| s.negative) {
            if !filter.sources.is_empty()
                && !d.speaker.as_ref().is_some_and(|s| {
                    filter
                        .sources
                        .iter()
                        .any(|f| *f == s.display || s.party.as_ref().is_some_and(|p| *f == p.0))
                })
            {
                continue;
            }
            let keys: Vec<&Sym> = if self.topics[d.topic].parties == 1 {
                d.actors.iter().collect()
            } else {
                d.parties.iter().map(|p| &p.0).collect()
            };
            let mut candidates: Vec<usize> = keys
                .iter()
                .filter_map(|k| reports.get(&(d.topic, &**k)))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for ai in candidates {
                let a = &statements[ai];
                if a.article == d.article
                    || ctx.linked.original(a.article) == ctx.linked.original(d.article)
                {
                    continue;
                }
                let days = match (
                    ctx.articles[d.article].published,
                    ctx.articles[a.article].published,
                ) {
                    (Some(x), Some(y)) => x.days_since(y).abs(),
                    (None, None) => 0,
                    _ => continue,
                };
                if days > self.window_days {
                    continue;
                }
                // "Held talks last spring" does not answer "no contact
                // since the protests began"; it does answer "never met".
                if a.earlier && !d.earlier && !d.cue.split(' ').any(|w| w == "never") {
                    continue;
                }
                let Some(shared) = self.shared(d, a) else {
                    continue;
                };
                let key = (d.topic, d.article, a.article);
                let better = best.get(&key).is_none_or(|(bd, ba, bs, _)| {
                    (Reverse(shared.len()), di, ai) < (Reverse(bs.len()), *bd, *ba)
                });
                if better {
                    best.insert(key, (di, ai, shared, days));
                }
            }
        }
        // Each denial against the few reports closest to it in time: a
        // denial carried by fifty outlets against a report carried by
        // fifty gives a few flags per denial, not 2,500.
        let mut by_denial: FxHashMap<(usize, usize), Vec<Pair>> = FxHashMap::default();
        for ((topic, d_article, _), pair) in best {
            by_denial.entry((topic, d_article)).or_default().push(pair);
        }
        let mut pairs: Vec<Pair> = Vec::new();
        for (_, mut list) in by_denial {
            list.sort_by(|x, y| {
                (
                    x.3,
                    Reverse(x.2.len()),
                    &ctx.articles[statements[x.1].article].id,
                )
                    .cmp(&(
                        y.3,
                        Reverse(y.2.len()),
                        &ctx.articles[statements[y.1].article].id,
                    ))
            });
            list.truncate(self.per_denial);
            pairs.extend(list);
        }
        pairs.sort_by(|x, y| {
            let key = |p: &Pair| {
                let (d, a) = (&statements[p.0], &statements[p.1]);
                (
                    ctx.articles[d.article].id.clone(),
                    ctx.articles[a.article].id.clone(),
                    d.topic,
                    d.sentence.start,
                    a.sentence.start,
                    d.article,
                    a.article,
                )
            };
            key(x).cmp(&key(y))
        });
        for (di, ai, shared, days) in pairs {
            out.push(self.finding(ctx, &statements[di], &statements[ai], shared, days));
        }
    }
}

impl Denial {
    fn finding(
        &self,
        ctx: &Context,
        d: &Statement,
        a: &Statement,
        shared: Vec<Sym>,
        days: i64,
    ) -> Finding {
        let topic = &self.topics[d.topic].name;
        let (da, aa) = (&ctx.articles[d.article], &ctx.articles[a.article]);
        let denier = d
            .speaker
            .as_ref()
            .map(|s| s.display.to_string())
            .unwrap_or_else(|| article_label(da).to_string());
        let parties = shared
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let date = |x: &Article| {
            x.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "undated".into())
        };
        let text = format!(
            "{denier} denies {topic} (“{}”, {} {}) that {} reports (“{}”, {}), {days} days apart; both name {parties}",
            &da.body[d.span.clone()],
            da.id,
            date(da),
            aa.id,
            &aa.body[a.span.clone()],
            date(aa),
        );
        let mut why = Why::new(text)
            .compared("topic", topic.clone())
            .compared("parties", parties.clone())
            .compared("polarity", "denies / asserts")
            .detail("cue", d.cue.clone())
            .detail("denier", denier.clone());
        why.days_apart = Some(days);
        let passage = |s: &Statement, role: &'static str| Evidence {
            article: s.article,
            sentence: s.sentence.clone(),
            span: s.span.clone(),
            claim: None,
            source: s.speaker.as_ref().map(|sp| sp.display.clone()),
            role,
        };
        Finding {
            claims: vec![],
            evidence: vec![passage(d, "denies"), passage(a, "asserts")],
            event: None,
            why,
            vars: Vec::new(),
        }
        .var("topic", topic)
        .var("parties", parties)
        .var("denier", denier)
        .var("days", days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check() -> Denial {
        compile(Params::default()).unwrap()
    }

    fn read(c: &Denial, text: &str) -> Vec<Statement> {
        let lex = Lexicon::builtin();
        let article = Article {
            id: "t".into(),
            path: "t.md".into(),
            outlet: None,
            url: None,
            published: None,
            title: None,
            body: text.into(),
        };
        let sentences = crate::extract::extract_article(&article, 0, &lex).sentences;
        c.statements(&article, 0, &sentences[0], &lex)
    }

    fn keys(s: &Statement) -> Vec<&str> {
        s.parties.iter().map(|p| &*p.0).collect()
    }

    #[test]
    fn a_negation_before_the_topic_makes_a_denial_by_the_resolved_speaker() {
        let c = check();
        let got = read(
            &c,
            "Araghchi also dismissed claims of back-channel engagement. He said there had been “no contact” with US Middle East envoy Steve Witkoff.",
        );
        let last = got.last().unwrap();
        assert!(last.negative);
        assert_eq!(c.topics[last.topic].name, "contact");
        assert_eq!(last.cue, "no");
        assert_eq!(
            last.speaker.as_ref().map(|s| &*s.display),
            Some("Abbas Araghchi")
        );
        // The US describes Witkoff; it is not a third party.
        assert_eq!(keys(last), ["Abbas Araghchi", "Steve Witkoff"]);
        // The dismissal of claims is a denial too.
        assert!(got[0].negative);
        assert_eq!(got[0].cue, "dismissed");
    }

    #[test]
    fn transliterations_fold_to_one_party() {
        let c = check();
        let got = read(
            &c,
            "His regional envoy, Steve Witkoff, has reportedly been in contact with Araqchi several times since the conflict reignited.",
        );
        assert_eq!(got.len(), 1);
        assert!(!got[0].negative);
        assert_eq!(keys(&got[0]), ["Abbas Araghchi", "Steve Witkoff"]);
    }

    #[test]
    fn denials_before_and_after_the_words() {
        let c = check();
        let got = read(
            &c,
            "Iran's armed forces denied firing anything after the ceasefire began.",
        );
        assert_eq!(got.len(), 1);
        assert!(got[0].negative && got[0].context);
        assert_eq!(got[0].actors, [Sym::from("Iran")]);
        assert_eq!(
            got[0].speaker.as_ref().map(|s| &*s.display),
            Some("Iranian military")
        );
        let got = read(
            &c,
            "Araghchi told diplomats that Israel could not have carried out the operation without American backing, an accusation Washington denied.",
        );
        assert_eq!(got.len(), 1);
        assert!(got[0].negative);
        assert_eq!(got[0].cue, "denied");
        assert_eq!(
            got[0]
                .speaker
                .as_ref()
                .and_then(|s| s.party.clone())
                .map(|p| p.0),
            Some(Sym::from("United States"))
        );
        let got = read(
            &c,
            "Iran's Foreign Minister Abbas Araghchi has said the country is open to dialogue, while denying that Tehran had asked Washington for talks.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(c.topics[got[0].topic].name, "request");
        assert!(got[0].negative);
        assert_eq!(keys(&got[0]), ["Abbas Araghchi", "Iran", "United States"]);
    }

    #[test]
    fn reports_of_firing_name_who_fired() {
        let c = check();
        let got = read(
            &c,
            "The Israeli military says two missiles were launched from Iran at around 10:25 local time, hours after the truce was meant to take hold.",
        );
        assert_eq!(got.len(), 1);
        assert!(!got[0].negative && got[0].context);
        assert_eq!(got[0].actors, [Sym::from("Iran")]);
    }

    #[test]
    fn statements_that_commit_to_nothing_are_dropped() {
        let c = check();
        for text in [
            "While Israel is widely believed to possess nuclear weapons, it has never officially confirmed or denied this.",
            "Oman has never confirmed or denied hosting talks between Iran and the United States.",
            "Araghchi rejected talks with the United States while threats continue.",
            "Any talks would require the US to drop its demands, Araghchi said.",
            "A round of Iran-US talks that Oman had been due to host was called off.",
            "Iran has not denied that Araghchi met Witkoff.",
            "Foreign Minister Abbas Araqchi still talks about diplomacy.",
            "Did Araghchi meet Witkoff in contact with Iran?",
        ] {
            assert!(read(&c, text).is_empty(), "{text}: {:?}", read(&c, text));
        }
    }

    #[test]
    fn a_denial_set_against_reports_of_calls_is_both_sides() {
        let c = check();
        let got = read(
            &c,
            "Whether the two sides are talking directly is disputed: Iranian Foreign Minister Abbas Araghchi insists he has not been in touch with US envoy Steve Witkoff, while US officials quoted by American media say the two men have spoken several times.",
        );
        assert!(
            got.iter().all(|s| c.topics[s.topic].name != "contact"),
            "{got:?}"
        );
    }

    #[test]
    fn reports_set_in_an_earlier_time_are_marked() {
        let c = check();
        let got = read(
            &c,
            "Witkoff and Araqchi held several rounds of talks last spring, mediated by Oman.",
        );
        assert!(got.iter().any(|s| !s.negative && s.earlier), "{got:?}");
        let now = read(
            &c,
            "Witkoff has been in contact with Araqchi, officials said.",
        );
        assert!(now.iter().all(|s| !s.earlier), "{now:?}");
    }

    #[test]
    fn a_sentence_that_reports_both_sides_is_no_statement() {
        let c = check();
        let got = read(
            &c,
            "Witkoff met Araghchi in Muscat, Axios reported, but Iran denied the meeting took place.",
        );
        assert!(
            got.iter()
                .all(|s| c.topics[s.topic].name != "contact" || s.negative)
        );
    }

    #[test]
    fn negations_and_denials_further_off() {
        let c = check();
        for (text, cue) in [
            (
                "Araghchi denied, in an interview on Tuesday, that he had met Witkoff.",
                "denied",
            ),
            (
                "Contacts between Araghchi and Witkoff have not taken place, Baghaei said.",
                "not",
            ),
            (
                "Witkoff met Araghchi last week, though Tehran denies it.",
                "denies",
            ),
            (
                "Tehran dismissed as baseless reports that Araghchi had met Witkoff.",
                "dismissed",
            ),
        ] {
            let got = read(&c, text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].negative, "{text}");
            assert_eq!(got[0].cue, cue, "{text}");
        }
        // Neither asserted nor denied.
        for text in [
            "No one from Witkoff's team has met Araghchi, officials said.",
            "Despite Tehran's denials, Witkoff met Araghchi in Muscat.",
            "Witkoff met Araghchi with no preconditions, a diplomat said.",
            "The ministry did not say whether Araghchi met Witkoff.",
        ] {
            assert!(read(&c, text).is_empty(), "{text}: {:?}", read(&c, text));
        }
    }

    #[test]
    fn phrases_skip_words_at_ellipses() {
        let c = check();
        let mut t = Tokens::new();
        t.tokenize("Tehran asked the United States for talks", 0);
        let (topic, end) = c.words.match_at(&t, 1, t.len()).unwrap();
        assert_eq!(c.topics[topic].name, "request");
        assert_eq!(end, t.len());
    }

    #[test]
    fn bad_params_are_located_errors() {
        let lex = Lexicon::builtin();
        let err = build(
            &serde_json::json!({"topics": [{"name": "contact", "words": []}]}),
            &lex,
        )
        .unwrap_err();
        assert_eq!(err.key.as_deref(), Some("topics"));
        assert!(err.message.contains("can never match"), "{}", err.message);
        let err = build(&serde_json::json!({"window_days": -1}), &lex).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("window_days"));
        let err = build(
            &serde_json::json!({"topics": [{"name": "x", "words": ["... talks"]}]}),
            &lex,
        )
        .unwrap_err();
        assert!(err.message.contains("empty part"), "{}", err.message);
        assert!(build(&serde_json::json!({"topicz": []}), &lex).is_err());
    }
}
