//! Extraction: from an article's text to claims.
//!
//! For each sentence outside page furniture: find number phrases and date
//! expressions, set aside what is not a count (with a reason), then read
//! what each figure counts (metric and group), where (place), who says so
//! (source, resolved through the discourse when the sentence says "It
//! said"), whether it is hedged, and when it holds (`as_of`).

pub mod attribution;
pub mod context;
pub mod dates;
pub mod furniture;
pub mod numbers;
pub mod places;
pub mod text;

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use self::attribution::{AttrKind, Attribution, SourceRef};
use self::context::Reason;
use self::dates::{DateKind, DateMention, DateValue};
use self::numbers::NumberPhrase;
use self::places::{PlaceMention, Role, Where};
use self::text::{TokKind, Tokens};
use crate::date::Date;
use crate::id::IdHasher;
use crate::lexicon::{Lexicon, PlaceRef, PronounKind};
use crate::model::{Article, Bounds, Claim, DATE_METRIC, Qualifier, Scope, Sym};

/// A number mention that is not a claim, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub article: usize,
    pub span: Range<usize>,
    pub sentence: Range<usize>,
    pub reason: Reason,
}

/// What extraction found in a set of articles.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub skipped: Vec<Skipped>,
    /// Each article's sentences outside page furniture, as byte ranges of
    /// its body (one list per article, in article order), for checks that
    /// read sentences rather than claims.
    pub sentences: Vec<Vec<Range<usize>>>,
}

/// Extracts claims from every article, in article order (articles are
/// processed in parallel; the result does not depend on the thread count).
pub fn extract(articles: &[Article], lex: &Lexicon) -> Extraction {
    extract_with(articles, lex, &|| {})
}

/// [`extract`], calling `done` (from worker threads) after each article.
pub fn extract_with(articles: &[Article], lex: &Lexicon, done: &(dyn Fn() + Sync)) -> Extraction {
    let parts: Vec<Extraction> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            let x = extract_article(a, i, lex);
            done();
            x
        })
        .collect();
    let mut out = Extraction::default();
    for p in parts {
        out.claims.extend(p.claims);
        out.skipped.extend(p.skipped);
        out.sentences.extend(p.sentences);
    }
    out
}

/// Auxiliaries and copulas: once one follows a figure, its noun phrase has ended.
const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "were", "was", "are", "is", "been", "being", "be", "will", "would",
    "may", "might", "could", "remain", "remained", "remains",
];

/// Verbs of change or state that take a toll as their complement ("the
/// number of people killed has risen to 28").
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "rises",
    "climbed",
    "climbs",
    "reached",
    "reaches",
    "stands",
    "stood",
    "increased",
    "jumped",
    "hit",
    "hits",
    "passed",
    "surpassed",
    "topped",
    "grew",
    "grown",
    "soared",
    "is",
    "was",
    "revised",
    "numbered",
    "totalled",
    "totaled",
    "reach",
];

/// Words without digits that can start or make a date expression (sorted,
/// for binary search): month and weekday names and abbreviations, and the
/// words of relative dates.
const DATE_WORDS: &[&str] = &[
    "afternoon",
    "ago",
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "centuries",
    "century",
    "christmas",
    "date",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "eighties",
    "evening",
    "fall",
    "feb",
    "february",
    "fortnight",
    "fri",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "mid-april",
    "mid-august",
    "mid-december",
    "mid-february",
    "mid-january",
    "mid-july",
    "mid-june",
    "mid-march",
    "mid-may",
    "mid-november",
    "mid-october",
    "mid-september",
    "mon",
    "monday",
    "month",
    "months",
    "morning",
    "night",
    "nineties",
    "nov",
    "november",
    "now",
    "oct",
    "october",
    "quarter",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "seventies",
    "spring",
    "summer",
    "sun",
    "sunday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "week",
    "weekend",
    "weeks",
    "winter",
    "year",
    "years",
    "yesterday",
];

/// How many sentences an unattributed figure may follow an attributed one
/// and still be credited to the same source.
/// A date this many days or more before publication puts the figures of
/// its sentence in that past period ("in November 2019").
const PAST_DAYS: i64 = 30;

/// When a sentence's figures hold, and where a total's period starts.
#[derive(Debug, Clone, Default)]
struct Timing {
    as_of: Option<Date>,
    /// The past period the sentence is about, if any.
    past: Option<Date>,
    since: Option<Date>,
    since_anchor: Option<Sym>,
}

const CARRY_SENTENCES: usize = 3;
/// How many sentences back a place mentioned earlier still applies.
const PLACE_MEMORY: usize = 6;
/// How many paragraphs back a place mentioned earlier still applies.
const PLACE_MEMORY_BLOCKS: usize = 3;

#[derive(Debug, Clone)]
struct Sentence {
    range: Range<usize>,
    block: usize,
    /// The first sentence of its paragraph.
    first: bool,
    /// A headline above the article text (a one-line paragraph without
    /// closing punctuation, before the first paragraph of prose).
    headline: bool,
}

/// A figure's place and the country it is in (`None` for "worldwide").
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placed {
    place: Where,
    country: Option<usize>,
    /// Read from the figure's sentence (not from the speaker or context).
    in_text: bool,
}

impl Placed {
    fn known(lex: &Lexicon, p: PlaceRef) -> Placed {
        Placed {
            place: Where::Known(p),
            country: Some(lex.places.country_of(p)),
            in_text: true,
        }
    }
}

/// What earlier sentences established.
#[derive(Default)]
struct Discourse {
    org: Option<SourceRef>,
    person: Option<SourceRef>,
    any: Option<SourceRef>,
    /// The last explicitly attributed figure: (sentence, block, source).
    carry: Option<(usize, usize, SourceRef)>,
    /// A past period the last sentence was about: (sentence, block, date).
    /// "The most recent precedent is November 2019. Amnesty documented 304
    /// deaths." carries it to the next sentence in the same paragraph.
    past: Option<(usize, usize, Date)>,
    /// The metric of the last figure: (sentence, block, metric), for
    /// breakdowns that follow ("Among them are 1,210 students").
    last_metric: Option<(usize, usize, usize)>,
    /// Recent "where" places: (sentence, block, place).
    places: Vec<(usize, usize, Placed)>,
    /// The country the article is most about.
    dominant: Option<usize>,
    /// The place the article is most about, when one stands out.
    dominant_place: Option<Placed>,
    /// The source of figures the article states itself, when the outlet is
    /// an organisation that speaks for itself (a press release by the IDF,
    /// a situation report by OCHA) rather than a news outlet.
    issuer: Option<SourceRef>,
}

impl Discourse {
    fn resolve(&self, kind: PronounKind) -> Option<SourceRef> {
        match kind {
            PronounKind::Organisation => self.org.clone().or_else(|| self.any.clone()),
            PronounKind::Person => self.person.clone().or_else(|| self.any.clone()),
            PronounKind::Any => self.any.clone(),
        }
    }

    fn remember(&mut self, s: &SourceRef) {
        if s.person {
            self.person = Some(s.clone());
        } else {
            self.org = Some(s.clone());
        }
        self.any = Some(s.clone());
    }

    fn recent_place(&self, sentence: usize, block: usize) -> Option<Placed> {
        self.places
            .iter()
            .rev()
            .find(|(s, b, _)| sentence - s <= PLACE_MEMORY && block - b <= PLACE_MEMORY_BLOCKS)
            .map(|(_, _, p)| Placed {
                in_text: false,
                ..p.clone()
            })
    }

    fn dominant(&self) -> Option<Placed> {
        self.dominant_place.clone().or_else(|| {
            self.dominant.map(|c| Placed {
                place: Where::Known(PlaceRef::Country(c)),
                country: Some(c),
                in_text: false,
            })
        })
    }
}

/// Splits the body into sentences outside furniture, and returns the
/// furniture line ranges too.
fn segment(body: &str, lex: &Lexicon) -> (Vec<Sentence>, Vec<Range<usize>>) {
    let lines = furniture::classify(body, lex);
    let mut sentences = Vec::new();
    let mut furniture_lines = Vec::new();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut block: Option<Range<usize>> = None;
    for line in &lines {
        let blank = body[line.range.clone()].trim().is_empty();
        if line.furniture.is_some() {
            furniture_lines.push(line.range.clone());
        }
        if blank || line.furniture.is_some() {
            blocks.extend(block.take());
            continue;
        }
        block = Some(match block {
            None => line.range.clone(),
            Some(b) => b.start..line.range.end,
        });
    }
    blocks.extend(block.take());
    let mut seen_prose = false;
    for (block_no, b) in blocks.into_iter().enumerate() {
        let text = body[b.clone()].trim();
        let headline =
            !seen_prose && !text.contains('\n') && !text.ends_with(['.', '!', '?', '"', '”']);
        seen_prose |= !headline;
        for (i, s) in text::sentences(&body[b.clone()]).into_iter().enumerate() {
            sentences.push(Sentence {
                range: b.start + s.start..b.start + s.end,
                block: block_no,
                first: i == 0,
                headline,
            });
        }
    }
    (sentences, furniture_lines)
}

/// The country an article is most about: places where things happen count
/// most, attackers not at all.
fn dominant_country(mentions: &[Vec<PlaceMention>], lex: &Lexicon) -> Option<usize> {
    let mut counts = vec![0usize; lex.places.countries.len()];
    for sentence in mentions {
        for m in sentence {
            let Some(place) = m.place.known() else {
                continue;
            };
            let w = match m.role {
                Role::Locative => 3,
                Role::Nationality => 2,
                Role::Neutral | Role::Speaker => 1,
                Role::Actor => 0,
            };
            counts[lex.places.country_of(place)] += w;
        }
    }
    let max = *counts.iter().max()?;
    (max > 0)
        .then(|| counts.iter().position(|&c| c == max))
        .flatten()
}

/// Mentions of a place below the country level that make it what the
/// article is about ("Khan Younis" named again and again).
const DOMINANT_PLACE_MIN: usize = 3;

/// The place (below the country) the article names most often where
/// things happen, if it is named at least [`DOMINANT_PLACE_MIN`] times, in
/// the dominant country or with none known.
fn dominant_place(
    mentions: &[Vec<PlaceMention>],
    lex: &Lexicon,
    country: Option<usize>,
) -> Option<Placed> {
    let mut counts: Vec<(Where, usize)> = Vec::new();
    for sentence in mentions {
        for m in sentence {
            if !matches!(m.role, Role::Locative | Role::Neutral) {
                continue;
            }
            let keep = match &m.place {
                // A capital named without a preposition is its government
                // ("talks with Tehran"), not where things happen.
                Where::Known(PlaceRef::Place(p)) if m.role == Role::Neutral => {
                    !lex.places.places[*p].capital && Some(lex.places.places[*p].country) == country
                }
                Where::Known(PlaceRef::Place(p)) => Some(lex.places.places[*p].country) == country,
                Where::Unknown(_) => m.role == Role::Locative,
                _ => false,
            };
            if !keep {
                continue;
            }
            match counts.iter_mut().find(|(w, _)| *w == m.place) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.place.clone(), 1)),
            }
        }
    }
    let (place, n) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    (n >= DOMINANT_PLACE_MIN).then(|| Placed {
        country: place.known().map(|p| lex.places.country_of(p)).or(country),
        place,
        in_text: false,
    })
}

/// The outlet as a source, when it is an organisation, a government body or
/// a military speaking for itself rather than a news outlet.
fn issuer(article: &Article, lex: &Lexicon) -> Option<SourceRef> {
    let outlet = article.outlet.as_deref()?;
    let mut t = Tokens::new();
    t.tokenize(outlet, 0);
    let (len, &idx) = lex.sources.aliases.match_at(&t, 0)?;
    if len != t.len() {
        return None;
    }
    let def = &lex.sources.entries[idx];
    use crate::lexicon::SourceKind;
    (def.kind != SourceKind::Agency).then(|| SourceRef {
        name: def.canonical.clone(),
        country: def.country,
        person: def.kind == SourceKind::Person,
        bare: false,
        military: matches!(def.kind, SourceKind::Military | SourceKind::ArmedGroup),
    })
}

/// Extracts the claims of one article.
pub fn extract_article(article: &Article, index: usize, lex: &Lexicon) -> Extraction {
    let body = &article.body;
    let (sentences, furniture_lines) = segment(body, lex);
    let mut toks = Tokens::new();
    let mut out = Extraction {
        sentences: vec![sentences.iter().map(|s| s.range.clone()).collect()],
        ..Extraction::default()
    };
    for line in &furniture_lines {
        skip_all_numbers(
            body,
            line.clone(),
            index,
            Reason::Furniture,
            lex,
            &mut toks,
            &mut out,
        );
    }
    // Each sentence is tokenized once; the tokens serve both passes.
    let tokens: Vec<Tokens> = sentences
        .iter()
        .map(|s| {
            let mut t = Tokens::new();
            t.tokenize(&body[s.range.clone()], s.range.start);
            t
        })
        .collect();
    // Places are found once per sentence; sources named in a sentence turn
    // its places into speakers later.
    let mentions: Vec<Vec<PlaceMention>> = tokens
        .iter()
        .map(|t| places::find(t, body, &vec![false; t.len()], lex))
        .collect();
    let dominant = dominant_country(&mentions, lex);
    let mut d = Discourse {
        dominant,
        dominant_place: dominant_place(&mentions, lex, dominant),
        issuer: issuer(article, lex),
        ..Discourse::default()
    };
    for (si, ((s, toks), places)) in sentences.iter().zip(&tokens).zip(&mentions).enumerate() {
        let mut ctx = SentenceCtx::new(article, index, si, s, lex, toks, &mut d);
        ctx.run(places, &mut out);
    }
    drop_headline_repeats(&sentences, &mut out);
    out.claims.sort_by_key(|c| (c.span.start, c.span.end));
    out.skipped.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// A headline figure repeated in the text ("2,000 DEAD" over "Around 2,000
/// people have died") is one claim: the sentence in the text keeps it.
fn drop_headline_repeats(sentences: &[Sentence], out: &mut Extraction) {
    let in_headline = |c: &Claim| {
        sentences
            .iter()
            .any(|s| s.headline && s.range == c.sentence)
    };
    let body_claims: Vec<Claim> = out
        .claims
        .iter()
        .filter(|c| !in_headline(c))
        .cloned()
        .collect();
    out.claims.retain(|c| {
        !in_headline(c)
            || !body_claims.iter().any(|b| {
                b.metric == c.metric
                    && if c.is_date() {
                        b.date == c.date
                    } else {
                        b.value.gap(&c.value) == 0
                    }
            })
    });
}

fn skip_all_numbers(
    body: &str,
    range: Range<usize>,
    index: usize,
    reason: Reason,
    lex: &Lexicon,
    toks: &mut Tokens,
    out: &mut Extraction,
) {
    toks.tokenize(&body[range.clone()], range.start);
    let mut i = 0;
    while i < toks.len() {
        if let Some(np) = numbers::parse_at(toks, i, lex).filter(|np| !np.weak) {
            out.skipped.push(Skipped {
                article: index,
                span: phrase_span(toks, &np),
                sentence: range.clone(),
                reason,
            });
            i = np.end;
        } else {
            i += 1;
        }
    }
}

fn phrase_span(toks: &Tokens, np: &NumberPhrase) -> Range<usize> {
    let a = toks.get(np.start).map_or(0, |t| t.start);
    let b = toks.get(np.end - 1).map_or(a, |t| t.end);
    a..b
}

/// One sentence being read.
struct SentenceCtx<'a> {
    article: &'a Article,
    index: usize,
    si: usize,
    s: &'a Sentence,
    lex: &'a Lexicon,
    toks: &'a Tokens,
    d: &'a mut Discourse,
}

/// A figure recognised as a count, before it becomes a claim.
struct Draft {
    np: NumberPhrase,
    metric: usize,
    trigger: Option<Range<usize>>,
    /// The group counted (`None`: a noun outside the group lexicon, such as
    /// "villages") and the words naming it.
    group: Option<(Option<usize>, Range<usize>)>,
}

impl<'a> SentenceCtx<'a> {
    fn new(
        article: &'a Article,
        index: usize,
        si: usize,
        s: &'a Sentence,
        lex: &'a Lexicon,
        toks: &'a Tokens,
        d: &'a mut Discourse,
    ) -> Self {
        SentenceCtx {
            article,
            index,
            si,
            s,
            lex,
            toks,
            d,
        }
    }

    fn text(&self) -> &'a str {
        &self.article.body[self.s.range.clone()]
    }

    fn run(&mut self, places: &[PlaceMention], out: &mut Extraction) {
        let lex = self.lex;
        let text = self.text();
        let base = self.s.range.start;
        let toks: &Tokens = self.toks;
        let n = toks.len();

        // Sources named here; pronouns resolved against the sources named
        // before them, in this sentence first ("HRANA says it has
        // verified ..."), then in earlier ones. Attributions come in
        // reading order.
        let mut attrs = attribution::find(toks, text, base, lex);
        let mut speaker = vec![false; n];
        for a in &mut attrs {
            for k in a.np.clone() {
                speaker[k] = true;
            }
            if a.source.is_none()
                && let Some(kind) = a.pronoun
            {
                a.source = self.d.resolve(kind);
            } else if a.pronoun.is_none()
                && let Some(src) = &a.source
            {
                self.d.remember(src);
            }
        }
        // Places inside a source's name speak ("Israeli media"); an unknown
        // name there is part of the source, not a place.
        let mentions: Vec<PlaceMention> = places
            .iter()
            .filter(|m| {
                !(matches!(m.place, Where::Unknown(_)) && m.tok.clone().any(|k| speaker[k]))
            })
            .map(|m| {
                if m.tok.clone().any(|k| speaker[k]) {
                    PlaceMention {
                        role: Role::Speaker,
                        ..m.clone()
                    }
                } else {
                    m.clone()
                }
            })
            .collect();
        let dateline = if self.s.first {
            dateline_end(toks, text, base)
        } else {
            0
        };
        let hedged_sentence = (0..n).any(|k| lex.language.hedges.match_at(toks, k).is_some());
        let review_at: Vec<usize> = (0..n)
            .filter(|&k| lex.review_markers.match_at(toks, k).is_some())
            .collect();

        // Dates: absolute ones may be claims; all of them may date figures.
        // Prefilter: most sentences have no digit and no date word.
        let may_date = (0..n).any(|k| {
            toks.kind(k) == Some(TokKind::Number) || DATE_WORDS.binary_search(&toks.norm(k)).is_ok()
        });
        let found = if may_date {
            dates::find_dates(text, self.article.published)
        } else {
            Vec::new()
        };
        let date_mentions: Vec<DateMention> = found
            .into_iter()
            .map(|m| DateMention {
                span: m.span.start + base..m.span.end + base,
                ..m
            })
            .collect();
        // When this sentence's figures hold; a past period carries to the
        // next sentence.
        let timing = self.timing(&date_mentions);
        self.d.past = timing.past.map(|d| (self.si, self.s.block, d));
        // "now says", "has risen to": the sentence's figures are updates.
        let update = (0..n).any(|k| lex.language.update_markers.match_at(toks, k).is_some());
        let mut covered = vec![None::<usize>; n];
        let dateline_stop = dateline
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .map_or(0, |t| t.end);
        for (di, m) in date_mentions.iter().enumerate() {
            // The date in a dateline ("KABUL, March 10 (Reuters) -") is when it was filed.
            if m.span.start < dateline_stop {
                continue;
            }
            if let DateKind::Year {
                year_context: false,
            } = m.kind
                && self.year_counts_something(m)
            {
                continue;
            }
            for (k, c) in covered.iter_mut().enumerate() {
                let t = toks.get(k).expect("in range");
                if t.start >= m.span.start && t.end <= m.span.end {
                    *c = Some(di);
                }
            }
        }

        // Number phrases.
        let mut phrases: Vec<NumberPhrase> = Vec::new();
        let mut i = dateline;
        while i < n {
            if covered[i].is_some() {
                i += 1;
                continue;
            }
            match numbers::parse_at(toks, i, lex) {
                Some(np) if (np.start..np.end).all(|k| covered[k].is_none()) => {
                    i = np.end;
                    phrases.push(np);
                }
                _ => i += 1,
            }
        }

        let mut drafts: Vec<Draft> = Vec::new();
        for np in &phrases {
            let span = phrase_span(toks, np);
            let skip = |reason| Skipped {
                article: self.index,
                span: span.clone(),
                sentence: self.s.range.clone(),
                reason,
            };
            if let Some(reason) = context::classify(toks, np, lex) {
                out.skipped.push(skip(reason));
                continue;
            }
            // "No one was hurt", "all but one were intercepted".
            let prev = np.start.checked_sub(1).map(|k| toks.norm(k)).unwrap_or("");
            if np.weak && (prev == "no" || prev == "but") {
                out.skipped.push(skip(Reason::NotACount));
                continue;
            }
            if self.is_previous_value(np) {
                out.skipped.push(skip(Reason::PreviousValue));
                continue;
            }
            let hit = self.find_metric(np);
            // "at (imminent) risk of execution", "face execution": the metric
            // word names what may happen, not what did.
            if let Some((_, t)) = &hit
                && (t.start.saturating_sub(3)..t.start).any(|k| {
                    matches!(
                        toks.norm(k),
                        "risk" | "face" | "faces" | "facing" | "threat" | "threatened" | "danger"
                    )
                })
            {
                out.skipped.push(skip(Reason::Prospective));
                continue;
            }
            let group = self.find_group(np, hit.as_ref().map(|h| h.1.clone()));
            let Some((metric, trigger)) = hit
                .map(|(m, t)| (m, Some(t)))
                .or_else(|| self.inherited_metric(np, drafts.last()))
                .or_else(|| self.breakdown_metric(np))
                .or_else(|| {
                    // Weapons counted with no verb of their own were fired:
                    // "hit Kyiv with hundreds of drones and dozens of missiles".
                    let (Some(g), _) = group.as_ref()? else {
                        return None;
                    };
                    let projectiles = lex.group("projectiles")?;
                    let launched = lex.metric("launched")?;
                    lex.group_within(*g, projectiles)
                        .then_some((launched, None))
                })
            else {
                out.skipped.push(skip(if np.weak {
                    Reason::NotACount
                } else {
                    Reason::NoMetric
                }));
                continue;
            };
            if np.weak && np.qualifier == Qualifier::Exact && group.is_none() && trigger.is_none() {
                out.skipped.push(skip(Reason::NotACount));
                continue;
            }
            // "At least 68 migrants have died and 74 remain missing": the second
            // figure counts the same group when it names none.
            let group = group.or_else(|| {
                let head = drafts.last()?;
                let between = head.np.end..np.start;
                let coordinated = between.clone().any(|k| toks.norm(k) == "and")
                    && !between
                        .clone()
                        .any(|k| matches!(toks.norm(k), "." | ";" | ":"))
                    && between.len() <= 8;
                let (Some(g), words) = head.group.as_ref()? else {
                    return None;
                };
                (coordinated && lex.groups[*g].name.as_ref() != "people")
                    .then(|| (Some(*g), words.clone()))
            });
            drafts.push(Draft {
                np: *np,
                metric,
                trigger,
                group,
            });
        }

        // Attribution for the figures in this sentence.
        let mut attributed_here = None;
        let mut claims = Vec::new();
        for draft in &drafts {
            let attr = self.choose_attribution(&attrs, &draft.np);
            let source = match attr {
                Some(a) => {
                    attributed_here = a.source.clone().or(attributed_here);
                    a.source.clone()
                }
                None => self.carried_source().or_else(|| self.d.issuer.clone()),
            };
            let hedged = hedged_sentence || attr.is_some_and(|a| a.hedging_verb);
            let place = self.choose_place(&mentions, draft, &phrases, source.as_ref());
            // "the government said" in a story about Myanmar: the Myanmar government.
            let source =
                source.map(
                    |src| match (src.bare, place.as_ref().and_then(|p| p.country)) {
                        (true, Some(c)) => {
                            let adjective = lex.country_adjective(c);
                            SourceRef {
                                name: Arc::from(format!(
                                    "{adjective} {}",
                                    src.name.trim_start_matches("the ")
                                )),
                                country: Some(c),
                                bare: false,
                                ..src
                            }
                        }
                        _ => src,
                    },
                );
            // "Thousands more deaths are still being investigated": a marker in
            // the figure's own clause puts it under review.
            let clause = self.clause(&draft.np);
            let scope = if self.is_rate(&draft.np) {
                Scope::Rate
            } else {
                self.scope(&clause, &timing)
            };
            let review = review_at
                .iter()
                .any(|&k| k >= clause.start && k < clause.end.max(draft.np.end + 1));
            let mut claim = self.make_claim(draft, source, hedged, place, &timing, review);
            claim.scope = scope;
            claim.update = update;
            claim.id = self.claim_id(&claim, &claims);
            claims.push(claim);
        }
        if let Some(src) = attributed_here {
            self.d.carry = Some((self.si, self.s.block, src));
        }
        if let Some(last) = drafts.last() {
            self.d.last_metric = Some((self.si, self.s.block, last.metric));
        }

        // Date claims.
        for (di, m) in date_mentions.iter().enumerate() {
            let in_use = covered.contains(&Some(di));
            if !in_use {
                continue;
            }
            match self.date_claim(m, &attrs, &mentions, !drafts.is_empty()) {
                Ok(mut c) => {
                    c.id = self.claim_id(&c, &claims);
                    claims.push(c);
                }
                Err(Some(reason)) => {
                    // Only mentions with digits or number words are "number mentions".
                    if text[m.span.start - base..m.span.end - base]
                        .chars()
                        .any(|c| c.is_ascii_digit())
                    {
                        out.skipped.push(Skipped {
                            article: self.index,
                            span: m.span.clone(),
                            sentence: self.s.range.clone(),
                            reason,
                        });
                    }
                }
                Err(None) => {}
            }
        }

        // Remember where things happen, for later sentences.
        for (i, m) in mentions.iter().enumerate() {
            if m.role == Role::Locative {
                let rest: Vec<Where> = mentions[i..]
                    .iter()
                    .filter(|m| m.role == Role::Locative)
                    .map(|m| m.place.clone())
                    .collect();
                // Only gazetteer places carry over: an unknown name ("the
                // Solomianskyi district") rarely applies beyond its sentence.
                if let Some(p) = self.placed(&places::cluster(lex, &rest))
                    && matches!(p.place, Where::Known(_))
                {
                    self.d.places.push((self.si, self.s.block, p));
                }
            }
        }
        out.claims.extend(claims);
    }

    /// A bare year followed by a count noun is a count ("2018 people").
    fn year_counts_something(&self, m: &DateMention) -> bool {
        let toks: &Tokens = self.toks;
        let Some(k) = (0..toks.len()).find(|&k| toks.get(k).is_some_and(|t| t.start >= m.span.end))
        else {
            return false;
        };
        self.lex.group_forms.match_at(toks, k).is_some()
            || self.lex.metric_after.match_at(toks, k).is_some()
            || matches!(toks.norm(k), "more" | "of")
    }

    /// "rose from 224 to 639": the 224 is an earlier value.
    fn is_previous_value(&self, np: &NumberPhrase) -> bool {
        let toks: &Tokens = self.toks;
        np.start >= 1
            && toks.norm(np.start - 1) == "from"
            && toks.norm_at(np.end) == "to"
            && toks.kind(np.end + 1) == Some(TokKind::Number)
            || (np.start >= 1
                && toks.norm(np.start - 1) == "from"
                && numbers::parse_at(toks, np.end + 1, self.lex).is_some()
                && toks.norm_at(np.end) == "to")
    }

    /// The metric a figure counts and the words that say so.
    fn find_metric(&self, np: &NumberPhrase) -> Option<(usize, Range<usize>)> {
        let lex = self.lex;
        let l = &lex.language;
        let toks: &Tokens = self.toks;
        // 1. A verb right before the figure: "killed 14", "executed 12 people convicted of ..."
        if let Some((len, &m)) = lex.metric_before.match_ending_at(toks, np.start) {
            return Some((m, np.start - len..np.start));
        }
        // 2. Words after the figure's noun phrase: "14 dead", "25 children have died",
        // "460 patients and their companions were killed".
        let mut k = np.end;
        if toks.norm_at(k) == "of" {
            k += 1;
        }
        let mut unknown = 0;
        // Still in the figure's noun phrase (no verb or auxiliary yet).
        let mut in_np = true;
        while k < toks.len() && k < np.end + 16 {
            if let Some((len, &m)) = lex.metric_after.match_at(toks, k) {
                return Some((m, k..k + len));
            }
            let w = toks.norm(k);
            match toks.kind(k) {
                Some(TokKind::Punct) => {
                    // An aside: ", including 25 children," or "(among them ...)".
                    if matches!(w, "," | "(" | "—" | "–") {
                        let aside = l
                            .part_markers
                            .match_at(toks, k + 1)
                            .map(|(len, _)| len)
                            // ", aged 67," and "(7)"
                            .or_else(|| l.age_prefixes.contains(toks.norm_at(k + 1)).then_some(1))
                            .or_else(|| {
                                (w == "(" && toks.kind(k + 1) == Some(TokKind::Number)).then_some(1)
                            })
                            // ", an adult male aged 19," after the counted noun
                            .or_else(|| {
                                (w == "," && matches!(toks.norm_at(k + 1), "a" | "an")).then_some(1)
                            });
                        if let Some(len) = aside {
                            let close = (k + 1 + len..toks.len().min(k + 16)).find(|&j| {
                                matches!(toks.norm(j), "," | ")" | "—" | "–" | ";" | ".")
                            });
                            if let Some(c) =
                                close.filter(|&c| matches!(toks.norm(c), "," | ")" | "—" | "–"))
                            {
                                k = c + 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
                Some(TokKind::Word) => {
                    // "27 campers and counselors had died": "and" inside the noun phrase.
                    if w == "and" && in_np && toks.kind(k + 1) == Some(TokKind::Word) {
                        k += 1;
                        continue;
                    }
                    if l.clause_breaks.contains(w) {
                        break;
                    }
                    if let Some((len, _)) = lex.group_forms.match_at(toks, k) {
                        k += len;
                        continue;
                    }
                    let tok = toks.get(k).expect("in range");
                    if l.right_fillers.contains(w)
                        || tok.capitalized
                        || lex.places.demonyms.match_at(toks, k).is_some()
                    {
                        if AUXILIARIES.contains(&w) {
                            in_np = false;
                        }
                        k += 1;
                        continue;
                    }
                    // A verb of another kind ends the noun phrase ("were working"),
                    // unless it is an adjective before a group ("unarmed protesters").
                    let verbish = w.ends_with("ing") || w.ends_with("ed");
                    if verbish && lex.group_forms.match_at(toks, k + 1).is_none() {
                        break;
                    }
                    unknown += 1;
                    if unknown > 2 {
                        break;
                    }
                    k += 1;
                }
                _ => break,
            }
        }
        // 2b. The predicate after an aside: "224 people, the overwhelming
        // majority of them civilians, have been martyred", "71 people, among
        // them prison staff, conscript soldiers and visitors, were killed".
        let mut j = np.end;
        while j < toks.len() && j < np.end + 30 {
            let w = toks.norm(j);
            if matches!(w, "." | ";" | ":" | "!" | "?")
                || (toks.kind(j) == Some(TokKind::Number) && j > np.end)
                || lex.language.reporting_verbs.contains(w)
                || (w != "and" && l.clause_breaks.contains(w))
            {
                break;
            }
            if AUXILIARIES.contains(&w) && j > np.end && toks.norm(j - 1) == "," {
                for t in j + 1..(j + 3).min(toks.len()) {
                    if let Some((len, &m)) = lex.metric_after.match_at(toks, t) {
                        return Some((m, t..t + len));
                    }
                }
                break;
            }
            j += 1;
        }
        // 3. Words before, past fillers: "the death toll rose to 639".
        let mut k = np.start;
        let mut steps = 0;
        let mut changed = false;
        while k > 0 && steps < 6 {
            // The earlier value of a change: "the death toll rose from 224 to 639".
            if k >= 2 && toks.kind(k - 1) == Some(TokKind::Number) && toks.norm(k - 2) == "from" {
                k -= 2;
                steps += 1;
                continue;
            }
            let Some((len, _)) = l.left_fillers.match_ending_at(toks, k) else {
                break;
            };
            changed |= (k - len..k).any(|j| CHANGE_VERBS.contains(&toks.norm(j)));
            k -= len;
            steps += 1;
            if let Some((len, &m)) = lex.metric_before.match_ending_at(toks, k) {
                return Some((m, k - len..k));
            }
        }
        // 4. The subject of "has risen to 28": "The number of people killed in
        // the attack on Kyiv has risen to 28", "The death toll from the
        // floods that struck Buner rose above 200".
        // "raising the number of people killed in Israel since Friday to 24":
        // after a bare "to", only a toll or "number of" names the metric.
        let to_only = !changed && np.start > 0 && toks.norm(np.start - 1) == "to";
        if changed || to_only {
            let mut j = k;
            while j > 0 && k - j < 30 {
                if let Some((len, &m)) = lex.metric_before.match_ending_at(toks, j) {
                    let phrase = (j - len..j)
                        .map(|x| toks.norm(x))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let tolls = phrase.contains("toll")
                        || phrase.contains("number of")
                        || (j - len..j).any(|x| toks.norm(x) == "killed")
                            && (j.saturating_sub(len + 3)..j - len)
                                .any(|x| toks.norm(x) == "number");
                    if !to_only || tolls {
                        return Some((m, j - len..j));
                    }
                }
                let prev = toks.norm(j - 1);
                if matches!(prev, ";" | "." | ":" | "!" | "?") {
                    break;
                }
                j -= 1;
            }
        }
        None
    }

    /// The metric of a figure that names none itself but shares one with the
    /// figure before it: an aside ("over 220 civilians, including 25
    /// children, have died", "142 were injured, among them 16 children") or
    /// a coordination ("launched 440 drones and 32 missiles").
    fn inherited_metric(
        &self,
        np: &NumberPhrase,
        head: Option<&Draft>,
    ) -> Option<(usize, Option<Range<usize>>)> {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        let head = head?;
        if head.np.end > np.start {
            return None;
        }
        // "at least 127 of them were civilians"
        if toks.norm_at(np.end) == "of"
            && matches!(
                toks.norm_at(np.end + 1),
                "them" | "whom" | "these" | "those"
            )
        {
            return Some((head.metric, None));
        }
        // A part marker just before the figure.
        let near = np.start.saturating_sub(3)..np.start;
        if near.clone().any(|k| {
            lex.language
                .part_markers
                .match_at(toks, k)
                .is_some_and(|(len, _)| k + len == np.start || k + len + 1 == np.start)
        }) {
            return Some((head.metric, None));
        }
        // A coordination: only group words, adjectives and "and"/"or"/","
        // between the two figures.
        let between = head.np.end..np.start;
        let joined = between
            .clone()
            .any(|k| matches!(toks.norm(k), "and" | "or"));
        let plain = between.clone().all(|k| {
            let w = toks.norm(k);
            toks.kind(k) == Some(TokKind::Word)
                && !lex.language.reporting_verbs.contains(w)
                && !lex.language.clause_breaks.contains(w)
                || matches!(w, "and" | "or" | ",")
        });
        (joined && plain && between.len() <= 5).then_some((head.metric, None))
    }

    /// The metric of a figure in a breakdown of an earlier one: "Of the
    /// verified deaths, 6,102 were protesters", "Among them are at least
    /// 1,210 students", "It says these include 97 children", "A further 214
    /// were members of the security forces", "has put the figure at 3,117".
    fn breakdown_metric(&self, np: &NumberPhrase) -> Option<(usize, Option<Range<usize>>)> {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        // "Of the verified deaths, ..." names the metric itself.
        if toks.norm_at(0) == "of" {
            let comma = (1..np.start).find(|&k| toks.norm(k) == ",")?;
            for k in 1..comma {
                if let Some((len, &m)) = lex.metric_after.match_at(toks, k) {
                    return Some((m, Some(k..k + len)));
                }
            }
        }
        let (si, block, metric) = self.d.last_metric?;
        if self.si - si > 3 || self.s.block - block > 1 {
            return None;
        }
        let before: Vec<&str> = (0..np.start).map(|k| toks.norm(k)).collect();
        let opens = |words: &[&str]| before.len() >= words.len() && before[..words.len()] == *words;
        let starts_breakdown = opens(&["among", "them"])
            || opens(&["among", "these"])
            || opens(&["among", "those"])
            || opens(&["of", "these"])
            || opens(&["of", "them"])
            || opens(&["a", "further"])
            || opens(&["another"])
            || before.windows(2).any(|w| {
                matches!(
                    w,
                    ["these", "include"]
                        | ["they", "include"]
                        | ["this", "includes"]
                        | ["those", "include"]
                )
            });
        let names_figure = (np.start.saturating_sub(4)..np.start).any(|k| {
            matches!(
                toks.norm(k),
                "figure" | "number" | "tally" | "count" | "estimate" | "total"
            )
        });
        (starts_breakdown || names_figure).then_some((metric, None))
    }

    /// The group a figure counts ("civilians", "25 children") and its words.
    fn find_group(
        &self,
        np: &NumberPhrase,
        trigger: Option<Range<usize>>,
    ) -> Option<(Option<usize>, Range<usize>)> {
        let lex = self.lex;
        let l = &lex.language;
        let toks: &Tokens = self.toks;
        let mut k = np.end;
        if toks.norm_at(k) == "of" {
            k += 1;
        }
        let limit = match &trigger {
            Some(t) if t.start >= np.end => t.start,
            _ => (k + 4).min(toks.len()),
        };
        let first = k;
        while k < limit {
            if let Some((len, &g)) = lex.group_forms.match_at(toks, k) {
                return Some((Some(g), k..k + len));
            }
            if lex.places.people.match_at(toks, k).is_some() {
                return Some((lex.group("people"), k..k + 1));
            }
            // A plural noun right after the figure that no group names: "12 villages".
            let w = toks.norm(k);
            if k == first
                && toks.kind(k) == Some(TokKind::Word)
                && !toks.get(k).is_some_and(|t| t.capitalized)
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !l.right_fillers.contains(w)
                && !l.clause_breaks.contains(w)
                && !l.time_units.contains(w)
                && !matches!(
                    w,
                    "others" | "times" | "years" | "months" | "weeks" | "days"
                )
                && lex.metric_after.match_at(toks, k).is_none()
                && lex.metric_before.match_at(toks, k).is_none()
            {
                return Some((None, k..k + 1));
            }
            if toks.kind(k) != Some(TokKind::Word)
                || lex.language.clause_breaks.contains(toks.norm(k))
            {
                break;
            }
            k += 1;
        }
        None
    }

    fn choose_attribution<'b>(
        &self,
        attrs: &'b [Attribution],
        np: &NumberPhrase,
    ) -> Option<&'b Attribution> {
        let usable = |a: &&Attribution| a.source.is_some();
        attrs
            .iter()
            .filter(usable)
            .filter(|a| a.kind == AttrKind::Preposition)
            .min_by_key(|a| a.at.abs_diff(np.start))
            .or_else(|| {
                attrs
                    .iter()
                    .filter(usable)
                    .filter(|a| a.kind == AttrKind::SpeakerFirst && a.at < np.start)
                    .max_by_key(|a| a.at)
            })
            .or_else(|| {
                attrs
                    .iter()
                    .filter(usable)
                    .filter(|a| a.at >= np.end)
                    .min_by_key(|a| a.at)
            })
            .or_else(|| attrs.iter().find(usable))
    }

    fn carried_source(&self) -> Option<SourceRef> {
        let (si, block, src) = self.d.carry.as_ref()?;
        (self.si - si <= CARRY_SENTENCES && self.s.block - block <= 1).then(|| src.clone())
    }

    /// A place chosen from a cluster of nested mentions, with its country:
    /// an unknown name takes the country of a known place beside it ("in
    /// Eastbrook, Ohio"), else the country of the places just named, else
    /// the article's.
    fn placed(&self, cluster: &[Where]) -> Option<Placed> {
        let lex = self.lex;
        let first = cluster.first()?.clone();
        let country = match &first {
            Where::Known(p) => Some(lex.places.country_of(*p)),
            Where::World => None,
            Where::Unknown(_) => cluster
                .iter()
                .find_map(Where::known)
                .map(|p| lex.places.country_of(p))
                .or_else(|| {
                    self.d
                        .recent_place(self.si, self.s.block)
                        .and_then(|p| p.country)
                })
                .or(self.d.dominant),
        };
        Some(Placed {
            place: first,
            country,
            in_text: true,
        })
    }

    /// Where a figure is about: a place the sentence puts it in, the
    /// nationality of its group, the speaker's country, a place named in
    /// the sentences just before, or the country the article is about.
    fn choose_place(
        &self,
        mentions: &[PlaceMention],
        draft: &Draft,
        phrases: &[NumberPhrase],
        source: Option<&SourceRef>,
    ) -> Option<Placed> {
        let lex = self.lex;
        let np = &draft.np;
        let next_phrase = phrases
            .iter()
            .map(|p| p.start)
            .filter(|&s| s > np.end)
            .min()
            .unwrap_or(usize::MAX);
        let locative = |m: &&PlaceMention| m.role == Role::Locative;
        let clause = self.clause(np);
        let pick = |list: Vec<Where>| self.placed(&places::cluster(lex, &list));
        // Places after the figure in its clause, up to the next figure, then before it.
        let after: Vec<Where> = mentions
            .iter()
            .filter(locative)
            .filter(|m| m.tok.start >= np.end && m.tok.start < next_phrase.min(clause.end))
            .map(|m| m.place.clone())
            .collect();
        if let Some(p) = pick(after) {
            return Some(p);
        }
        // "1,480 were killed and about 2,100 injured across Herat province":
        // a place after coordinated figures applies to each.
        if next_phrase < clause.end && (np.end..next_phrase).any(|k| self.toks.norm(k) == "and") {
            let shared: Vec<Where> = mentions
                .iter()
                .filter(locative)
                .filter(|m| m.tok.start >= next_phrase && m.tok.start < clause.end)
                .map(|m| m.place.clone())
                .collect();
            if let Some(p) = pick(shared) {
                return Some(p);
            }
        }
        let before: Vec<Where> = mentions
            .iter()
            .rev()
            .filter(locative)
            .filter(|m| m.tok.end <= np.start && m.tok.start >= clause.start)
            .map(|m| m.place.clone())
            .collect();
        if let Some(p) = pick(before) {
            return Some(p);
        }
        // "25 Palestinian children", "14 Israelis".
        let np_end = draft.group.as_ref().map_or(np.end + 2, |g| g.1.end);
        if let Some(p) = mentions
            .iter()
            .find(|m| {
                m.role == Role::Nationality && m.tok.start >= np.start && m.tok.start < np_end
            })
            .and_then(|m| m.place.known())
        {
            return Some(Placed::known(lex, p));
        }
        // A place elsewhere in the sentence, nearest after the figure: "59 people
        // were killed ... when troops opened fire east of Khan Younis".
        let elsewhere: Vec<Where> = mentions
            .iter()
            .filter(locative)
            .filter(|m| m.tok.start >= np.end)
            .map(|m| m.place.clone())
            .collect();
        if let Some(p) = pick(elsewhere) {
            return Some(p);
        }
        // ... or before it, beyond its clause: "killed in Israel since Iran
        // began firing on Friday night to 24".
        let earlier: Vec<Where> = mentions
            .iter()
            .rev()
            .filter(locative)
            .filter(|m| m.tok.end <= np.start)
            .map(|m| m.place.clone())
            .collect();
        if let Some(p) = pick(earlier) {
            return Some(p);
        }
        // "Saudi Arabia executed at least 345 people": the state that executes
        // or arrests does so at home.
        if lex.metrics[draft.metric].actor_is_place
            && let Some(p) = mentions
                .iter()
                .rev()
                .find(|m| {
                    m.tok.end <= np.start && m.tok.start >= clause.start && m.role != Role::Speaker
                })
                .and_then(|m| m.place.known())
        {
            return Some(Placed::known(lex, p));
        }
        // A speaker's country is where its figures are, unless it is a military
        // counting its enemy's losses ("the IDF eliminated 11 scientists").
        if let Some(c) = source.filter(|s| !s.military).and_then(|s| s.country) {
            // A place just named in the speaker's own country is more specific.
            let recent = self
                .d
                .recent_place(self.si, self.s.block)
                .filter(|p| p.country == Some(c));
            return Some(recent.unwrap_or(Placed {
                in_text: false,
                ..Placed::known(lex, PlaceRef::Country(c))
            }));
        }
        if let Some(p) = mentions
            .iter()
            .find(|m| m.role == Role::Nationality)
            .and_then(|m| m.place.known())
        {
            return Some(Placed::known(lex, p));
        }
        // A figure for a whole war or country ("the war has killed at least
        // 40,000", "nationwide", "in total") is about a country, not the city
        // just named: a country in the sentence, else the country of the
        // places around it.
        let toks: &Tokens = self.toks;
        let aggregate =
            (0..toks.len()).any(|k| lex.language.aggregate_markers.match_at(toks, k).is_some());
        let fallback = self
            .d
            .recent_place(self.si, self.s.block)
            .or_else(|| self.d.dominant());
        // A territory (the Gaza Strip, the West Bank) stands for its country here.
        let territory = fallback.as_ref().is_some_and(|p| match p.place {
            Where::Known(PlaceRef::Place(i)) => lex.places.places[i].territory,
            _ => false,
        });
        if aggregate && !territory {
            if let Some(c) = mentions.iter().find_map(|m| match m.place {
                Where::Known(PlaceRef::Country(c)) if m.role == Role::Locative => Some(c),
                _ => None,
            }) {
                return Some(Placed::known(lex, PlaceRef::Country(c)));
            }
            return fallback
                .and_then(|p| p.country)
                .or(self.d.dominant)
                .map(|c| Placed {
                    in_text: false,
                    ..Placed::known(lex, PlaceRef::Country(c))
                });
        }
        fallback
    }

    /// The tokens of the clause around a figure: up to punctuation or a
    /// subordinating word, keeping "in Beersheba, Israel" and a fronted
    /// "In Gaza, ..." together.
    fn clause(&self, np: &NumberPhrase) -> Range<usize> {
        const SUBORDINATORS: &[&str] = &[
            "as", "while", "when", "after", "before", "because", "although", "though", "whereas",
            "which", "where", "adding", "saying", "since", "until", "amid", "despite",
        ];
        let toks: &Tokens = self.toks;
        let lex = self.lex;
        let hard = |k: usize| {
            matches!(
                toks.norm(k),
                ";" | ":" | "." | "—" | "–" | "(" | ")" | "!" | "?"
            )
        };
        let mut start = np.start;
        while start > 0 {
            let k = start - 1;
            if hard(k) || SUBORDINATORS.contains(&toks.norm(k)) {
                break;
            }
            if toks.norm(k) == "," {
                // A fronted place: "In Gaza, 14 people ..." (one comma from the start).
                let fronted = lex.language.place_prepositions.contains(toks.norm(0))
                    && !(1..k).any(|j| toks.norm(j) == ",");
                if !fronted {
                    break;
                }
            }
            start -= 1;
        }
        let mut end = np.end;
        while end < toks.len() {
            if hard(end) || SUBORDINATORS.contains(&toks.norm(end)) {
                break;
            }
            if toks.norm(end) == "," {
                let place_follows = lex.places.names.match_at(toks, end + 1).is_some();
                let aside = lex.language.part_markers.match_at(toks, end + 1).is_some();
                if !(place_follows || aside) {
                    break;
                }
            }
            end += 1;
        }
        start..end
    }

    /// When the figures of this sentence hold, and the period a total
    /// counts from.
    ///
    /// * "as of Sunday", "by June 20": the figure holds on that date;
    /// * "since June 13", "since the war began on June 13", "protests that
    ///   erupted on 28 December": the counted period starts then;
    /// * a date well before publication ("in November 2019", "the 12-day war
    ///   in June" in a January article) puts the figure in that past period;
    /// * otherwise the figure holds on the publication date.
    fn timing(&self, date_mentions: &[DateMention]) -> Timing {
        let lex = self.lex;
        let published = self.article.published;
        let toks: &Tokens = self.toks;
        let mut explicit = None;
        let mut past: Option<Date> = None;
        let mut since = None;
        for m in date_mentions {
            let Some(value) = m.value else { continue };
            let Some(first) =
                (0..toks.len()).find(|&k| toks.get(k).is_some_and(|t| t.start >= m.span.start))
            else {
                continue;
            };
            let before = |n: usize| first.checked_sub(n).map(|k| toks.norm(k)).unwrap_or("");
            let as_of_phrase = matches!(
                (before(2), before(1)),
                ("as", "of") | ("as", "at") | ("up", "to")
            ) || matches!(before(1), "by" | "until" | "through" | "till");
            if as_of_phrase {
                if let Some(d) = value.latest()
                    && published.is_none_or(|p| d <= p)
                    && explicit.is_none()
                {
                    explicit = Some(d);
                }
                continue;
            }
            // A start: "since" within a few words, no comma between, or a
            // start verb just before ("began on", "erupted in").
            let window = first.saturating_sub(6)..first;
            let since_word = window
                .clone()
                .rev()
                .take_while(|&k| toks.norm(k) != ",")
                .any(|k| toks.norm(k) == "since" && !self.superlative_since(k));
            let start_verb = (first.saturating_sub(3)..first)
                .any(|k| lex.language.start_verbs.match_at(toks, k).is_some());
            if since_word || start_verb {
                if since.is_none() {
                    since = value.earliest();
                }
                continue;
            }
            let background = (first.saturating_sub(3)..first).any(|k| {
                lex.language
                    .background_date_verbs
                    .match_at(toks, k)
                    .is_some()
            });
            if background {
                continue;
            }
            // A year-less date after publication ("the war in June" in a
            // January article) is last year's.
            let latest = value.latest().map(|d| match (m.kind, published) {
                (
                    DateKind::Absolute {
                        year_written: false,
                    },
                    Some(p),
                ) if d.days_since(p) > 7 => Date::new(d.year - 1, d.month, d.day)
                    .or_else(|| Date::new(d.year - 1, d.month, 28))
                    .unwrap_or(d),
                _ => d,
            });
            // A period that ended before publication ("last year", "in
            // December" in a January article) holds its figures, however
            // recently it ended; a single day does only when long past.
            // "last week's floods" names the event, not the figure's time.
            let possessive = self
                .article
                .body
                .get(m.span.end..)
                .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"));
            // Nor does a period in a clause about the event ("... killed,
            // when two dams collapsed last weekend").
            let event_clause = (1..=4).any(|n| {
                matches!(
                    before(n),
                    "when" | "after" | "before" | "while" | "as" | "where" | "which" | "who"
                )
            });
            let period_ended = value.earliest() != value.latest() && !possessive && !event_clause;
            if let (Some(d), Some(p)) = (latest, published)
                && (p.days_since(d) > PAST_DAYS || (period_ended && p.days_since(d) > 0))
            {
                past = Some(past.map_or(d, |q: Date| q.max(d)));
            }
        }
        // No date here: a sentence in the simple past right after one about
        // a past period stays in it; the present tense comes back to now.
        let carried = if explicit.is_none()
            && past.is_none()
            && since.is_none()
            && date_mentions.is_empty()
        {
            let present = (0..toks.len()).any(|k| {
                matches!(
                    toks.norm(k),
                    "has" | "have" | "says" | "say" | "now" | "is" | "are" | "currently" | "still"
                )
            });
            self.d
                .past
                .as_ref()
                .filter(|(si, block, _)| *si + 1 == self.si && *block == self.s.block && !present)
                .map(|(_, _, d)| *d)
        } else {
            None
        };
        Timing {
            as_of: explicit.or(past).or(carried).or(published),
            since,
            since_anchor: self.since_anchor(),
            past: past.or(carried),
        }
    }

    /// The named start of a counted period: "since the war began" → `war`,
    /// "since the start of the conflict" → `conflict`, "since the aid scheme
    /// began" → `scheme`. A dated start ("since June 13") has no name here.
    fn since_anchor(&self) -> Option<Sym> {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        let k = (0..toks.len()).find(|&k| toks.norm(k) == "since" && !self.superlative_since(k))?;
        let mut last_word = None;
        let mut event = None;
        let mut ended_by_verb = false;
        let mut j = k + 1;
        while j < toks.len() && j <= k + 7 {
            if lex.language.start_verbs.match_at(toks, j).is_some() {
                ended_by_verb = true;
                break;
            }
            let t = toks.get(j).expect("in range");
            if t.kind != TokKind::Word {
                break;
            }
            let w = toks.norm(j);
            if lex.language.event_nouns.match_at(toks, j).is_some() {
                event = Some(j);
            }
            if !lex.language.since_skip.contains(w) {
                last_word = Some(j);
            }
            j += 1;
        }
        // "since Moscow launched its full-scale invasion": the event comes
        // after the verb; a name before it is an actor, not a period.
        if ended_by_verb && event.is_none() {
            event = (j + 1..(j + 5).min(toks.len()))
                .take_while(|&e| toks.kind(e) == Some(TokKind::Word))
                .find(|&e| lex.language.event_nouns.match_at(toks, e).is_some());
            if last_word.is_some_and(|w| toks.get(w).is_some_and(|t| t.capitalized)) {
                last_word = None;
            }
        }
        let pick = event.or(if ended_by_verb { last_word } else { None })?;
        let w = toks.norm(pick);
        w.chars().all(char::is_alphabetic).then(|| Arc::from(w))
    }

    /// "the deadliest attack since 2022", "the highest total since 2015":
    /// "since" after a superlative compares, it does not start a period.
    fn superlative_since(&self, k: usize) -> bool {
        let toks: &Tokens = self.toks;
        (k.saturating_sub(8)..k)
            .rev()
            .take_while(|&j| toks.norm(j) != ",")
            .any(|j| {
                let w = toks.norm(j);
                matches!(w, "worst" | "most" | "best" | "least" | "first" | "only")
                    || (w.len() > 5
                        && w.ends_with("est")
                        && !matches!(
                            w,
                            "arrest"
                                | "protest"
                                | "interest"
                                | "request"
                                | "harvest"
                                | "forest"
                                | "contest"
                        ))
            })
    }

    /// One incident or a total: an incident noun with a determiner ("in
    /// Friday's strike", "the blast") in the figure's clause makes it an
    /// incident; a start or an aggregate marker ("since", "so far", "in
    /// total") makes it a total; otherwise an incident anywhere in the
    /// sentence.
    /// A rate: the figure, up to three words naming who is counted, then
    /// "a", "per", "each" or "every" and a unit of time ("about 30 people a
    /// day", "14 a week"); not "24 hours a day" (the figure counts time
    /// units, see the lexicon's `time_units`).
    fn is_rate(&self, np: &NumberPhrase) -> bool {
        // The units a casualty rate is given per.
        const UNITS: &[&str] = &["day", "week", "month", "night", "hour", "year"];
        let toks: &Tokens = self.toks;
        for k in np.end..np.end + 4 {
            match toks.get(k) {
                Some(t) if t.kind == TokKind::Word => {}
                _ => return false,
            }
            let w = toks.norm(k);
            if matches!(w, "a" | "per" | "each" | "every") {
                return toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Word)
                    && UNITS.contains(&toks.norm(k + 1));
            }
            if self.lex.language.time_units.contains(w) {
                return false;
            }
        }
        false
    }

    fn scope(&self, clause: &Range<usize>, timing: &Timing) -> Scope {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        let incident_in = |r: Range<usize>| {
            r.clone().any(|k| {
                lex.language.incident_nouns.match_at(toks, k).is_some()
                    && (k.saturating_sub(3)..k)
                        .rev()
                        .take_while(|&j| j >= r.start)
                        .any(|j| {
                            let t = toks.get(j).expect("in range");
                            t.possessive || lex.language.incident_determiners.contains(toks.norm(j))
                        })
                    && !(k.saturating_sub(3)..k).any(|j| toks.norm(j) == ",")
            })
        };
        if incident_in(clause.clone()) {
            return Scope::Incident;
        }
        let aggregate = timing.since.is_some()
            || timing.since_anchor.is_some()
            || (0..toks.len()).any(|k| toks.norm(k) == "since" && !self.superlative_since(k))
            || (0..toks.len()).any(|k| lex.language.aggregate_markers.match_at(toks, k).is_some());
        if aggregate {
            Scope::Aggregate
        } else if incident_in(0..toks.len()) {
            Scope::Incident
        } else {
            Scope::Unspecified
        }
    }

    fn make_claim(
        &self,
        draft: &Draft,
        source: Option<SourceRef>,
        hedged: bool,
        place: Option<Placed>,
        timing: &Timing,
        review: bool,
    ) -> Claim {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        let body = &self.article.body;
        let metric_def = &lex.metrics[draft.metric];
        let (group, subject): (Sym, Sym) = match &draft.group {
            Some((g, r)) => {
                let a = toks.get(r.start).expect("in range").start;
                let b = toks.get(r.end - 1).expect("in range").end;
                let written = &body[a..b];
                let capital = toks.get(r.start).is_some_and(|t| t.capitalized)
                    && lex.places.people.match_at(toks, r.start).is_some();
                let subject = if capital {
                    written.to_string()
                } else {
                    written.to_lowercase()
                };
                let subject: Sym = Arc::from(subject.replace(['’'], "'").as_str());
                let group = match g {
                    Some(g) => lex.groups[*g].name.clone(),
                    None => subject.clone(),
                };
                // Words that only mean "people" ("persons", "individuals",
                // "others") print as the group; "Palestinians" stays.
                let generic = matches!(
                    &*subject,
                    "persons"
                        | "person"
                        | "individuals"
                        | "individual"
                        | "others"
                        | "souls"
                        | "lives"
                        | "human beings"
                );
                let subject = if generic { group.clone() } else { subject };
                (group, subject)
            }
            None => {
                let g = lex.groups[metric_def.default_group].name.clone();
                (g.clone(), g)
            }
        };
        let (metric, subject) = if review {
            let noun = draft
                .trigger
                .as_ref()
                .filter(|t| t.start >= draft.np.end)
                .map(|t| toks.norm(t.end - 1).to_string())
                .unwrap_or_else(|| subject.to_string());
            (
                lex.review_metric.clone(),
                Arc::from(format!("{noun} {}", lex.review_label).as_str()),
            )
        } else {
            (metric_def.name.clone(), subject)
        };
        let (place_name, country) = place_names(lex, place.as_ref());
        let place_in_text = place.as_ref().is_some_and(|p| p.in_text);
        Claim {
            id: String::new(),
            article: self.index,
            span: phrase_span(toks, &draft.np),
            sentence: self.s.range.clone(),
            value: draft.np.value,
            qualifier: draft.np.qualifier,
            reported_metric: lex.metric_family(&metric),
            metric,
            subject,
            group,
            place: place_name,
            country,
            place_in_text,
            source: source.map(|s| s.name),
            hedged,
            date: None,
            as_of: timing.as_of,
            scope: Scope::Unspecified,
            since: timing.since,
            since_anchor: timing.since_anchor.clone(),
            update: false,
        }
    }

    /// A date the article states, as a claim; `Err(reason)` when it is
    /// not one (relative dates, dates of other figures).
    fn date_claim(
        &self,
        m: &DateMention,
        attrs: &[Attribution],
        mentions: &[PlaceMention],
        has_counts: bool,
    ) -> Result<Claim, Option<Reason>> {
        let lex = self.lex;
        let toks: &Tokens = self.toks;
        let value = match m.kind {
            DateKind::Relative => return Err(Some(Reason::RelativeDate)),
            // A bare year is background ("the 2015 deal", "in 2018"), not a
            // dated claim a fact-checker tracks; `extract --all` lists it.
            DateKind::Year { .. } => return Err(Some(Reason::Year)),
            DateKind::Absolute { .. } => m.value.ok_or(None)?,
        };
        let Some(first) =
            (0..toks.len()).find(|&k| toks.get(k).is_some_and(|t| t.start >= m.span.start))
        else {
            return Err(None);
        };
        let last = (first..toks.len())
            .take_while(|&k| toks.get(k).is_some_and(|t| t.end <= m.span.end))
            .last()
            .unwrap_or(first);
        let before = |n: usize| first.checked_sub(n).map(|k| toks.norm(k)).unwrap_or("");
        // A date that bounds other figures ("as of 29 October", "since 26
        // October", "from 26 October to 4 November") is not an event's date.
        let bound = matches!(
            (before(2), before(1)),
            ("as", "of") | ("as", "at") | ("up", "to")
        ) || matches!(
            before(1),
            "by" | "until" | "till" | "through" | "from" | "between" | "before" | "after"
        );
        if bound || (has_counts && before(1) == "on" && before(2) == "as") {
            return Err(Some(Reason::AsOfDate));
        }
        let date = match value {
            DateValue::Point(p) => p,
            DateValue::Range(..) => return Err(Some(Reason::AsOfDate)),
        };
        // "In February", "in March": a month without a year is background.
        if date.day.is_none() && !matches!(m.kind, DateKind::Absolute { year_written: true }) {
            return Err(Some(Reason::Year));
        }
        // A date after publication is a schedule, not an event.
        if let (Some(d), Some(p)) = (value.earliest(), self.article.published)
            && d > p
        {
            return Err(Some(Reason::FutureDate));
        }
        // A timestamp or dateline: a date at the start of a paragraph, then a
        // time and a dash ("July 7, 4:10 p.m. CT — ...", "Aden, 4 August 2025 – ...").
        if self.s.first && first < 8 {
            let dash = (last + 1..toks.len().min(last + 8))
                .find(|&k| matches!(toks.norm(k), "—" | "–" | "-"));
            if let Some(d) = dash
                && (last + 1..d).all(|k| {
                    let w = toks.norm(k);
                    toks.kind(k) == Some(TokKind::Number)
                        || matches!(toks.kind(k), Some(TokKind::Punct))
                        || lex.language.time_words.match_at(toks, k).is_some()
                        || w.len() <= 3
                })
            {
                return Err(Some(Reason::Furniture));
            }
        }
        // What happened then: the noun phrase the year modifies ("the 2015
        // Iran nuclear deal"), else the words before "in/on <date>".
        let mut subject_toks = last + 1..last + 1;
        while subject_toks.end < toks.len()
            && toks.kind(subject_toks.end) == Some(TokKind::Word)
            && !matches!(
                toks.norm(subject_toks.end),
                "which"
                    | "that"
                    | "and"
                    | "when"
                    | "was"
                    | "is"
                    | "were"
                    | "in"
                    | "on"
                    | "by"
                    | "to"
                    | "with"
                    | "after"
                    | "for"
                    | "of"
            )
            && subject_toks.len() < 5
        {
            subject_toks.end += 1;
        }
        // A year is a modifier when no preposition governs it and a noun follows.
        let governed = matches!(
            before(1),
            "in" | "on"
                | "since"
                | "by"
                | "until"
                | "from"
                | "of"
                | "at"
                | "during"
                | "before"
                | "after"
                | "through"
                | "till"
                | "to"
                | "between"
                | "and"
        );
        let modifier = !governed && matches!(m.kind, DateKind::Absolute { .. });
        // The event nearest the date names what happened: "the magnitude 7.7
        // earthquake struck ... on March 28", "Operation Rising Lion on June 12".
        let event = (0..toks.len())
            .filter(|&k| k < first || k > last)
            .filter(|&k| lex.language.event_nouns.match_at(toks, k).is_some())
            .min_by_key(|&k| if k < first { first - k } else { k - last });
        if let Some(k) = event {
            let (len, _) = lex.language.event_nouns.match_at(toks, k).expect("matched");
            let mut end = k + len;
            // A name after the noun: "Operation Rising Lion".
            while end < toks.len()
                && toks
                    .get(end)
                    .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
                && end - k < 5
            {
                end += 1;
            }
            // "launch of Operation Rising Lion"
            if toks.norm_at(end) == "of" {
                let mut e = end + 1;
                while matches!(toks.norm_at(e), "“" | "\"" | "the") {
                    e += 1;
                }
                let name_start = e;
                while e < toks.len()
                    && toks
                        .get(e)
                        .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
                    && e - name_start < 5
                {
                    e += 1;
                }
                if e > name_start {
                    end = e;
                }
            }
            subject_toks = k..end;
        } else if !modifier || subject_toks.is_empty() {
            let skip_prep = matches!(
                before(1),
                "in" | "on" | "since" | "by" | "until" | "from" | "of" | "at" | "during"
            );
            let end = if skip_prep { first - 1 } else { first };
            let mut start = end;
            let mut words = 0;
            while start > 0 && words < 6 {
                let k = start - 1;
                let w = toks.norm(k);
                if toks.kind(k) == Some(TokKind::Punct) {
                    if matches!(w, "“" | "”" | "\"" | "'" | "‘" | "’") {
                        start -= 1;
                        continue;
                    }
                    break;
                }
                if lex.language.clause_breaks.contains(w)
                    || matches!(
                        w,
                        "following" | "was" | "were" | "is" | "are" | "had" | "has" | "have"
                    )
                {
                    break;
                }
                start -= 1;
                words += 1;
            }
            while start < end && toks.kind(start) == Some(TokKind::Punct) {
                start += 1;
            }
            subject_toks = start..end;
        }
        let subject: Sym = if subject_toks.is_empty() {
            Arc::from("event")
        } else {
            let a = toks.get(subject_toks.start).expect("in range").start;
            let b = toks.get(subject_toks.end - 1).expect("in range").end;
            let s = self.article.body[a..b].trim_matches(['“', '”', '"', ' ']);
            Arc::from(s)
        };
        // Place: one named in the subject, else where the sentence puts things, else the article's country.
        // "the 2015 Iran nuclear deal" is about Iran; "Israel's launch of ..." is
        // Israel acting, not the place.
        let in_subject = mentions
            .iter()
            .find(|pm| {
                pm.tok.start >= subject_toks.start
                    && pm.tok.end <= subject_toks.end
                    && pm.role != Role::Actor
                    && !toks.get(pm.tok.end - 1).is_some_and(|t| t.possessive)
            })
            .map(|pm| pm.place.clone());
        let locative = mentions
            .iter()
            .find(|pm| pm.role == Role::Locative)
            .or_else(|| mentions.iter().find(|pm| pm.role == Role::Neutral))
            .map(|pm| pm.place.clone());
        let place = in_subject
            .or(locative)
            .and_then(|w| self.placed(&[w]))
            .or_else(|| self.d.dominant());
        let source = attrs.iter().find_map(|a| a.source.clone());
        let span = toks.get(first).expect("in range").start..toks.get(last).expect("in range").end;
        let (place_name, country) = place_names(lex, place.as_ref());
        let place_in_text = place.as_ref().is_some_and(|p| p.in_text);
        Ok(Claim {
            id: String::new(),
            article: self.index,
            span,
            sentence: self.s.range.clone(),
            value: Bounds::default(),
            qualifier: Qualifier::Exact,
            metric: Arc::from(DATE_METRIC),
            reported_metric: Arc::from(DATE_METRIC),
            subject,
            group: Arc::from("event"),
            place: place_name,
            country,
            place_in_text,
            source: source.map(|s| s.name),
            hedged: false,
            date: Some(date),
            as_of: self.article.published,
            scope: Scope::Unspecified,
            since: None,
            since_anchor: None,
            update: false,
        })
    }

    /// A content hash: article id, sentence, figure text, metric, and the
    /// figure's rank among identical ones in the sentence.
    fn claim_id(&self, claim: &Claim, earlier: &[Claim]) -> String {
        let body = &self.article.body;
        let text = &body[claim.span.clone()];
        let sentence: String = body[claim.sentence.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let rank = earlier
            .iter()
            .filter(|c| &body[c.span.clone()] == text && c.metric == claim.metric)
            .count();
        IdHasher::new()
            .field(&self.article.id)
            .field(sentence)
            .field(text)
            .field(&*claim.metric)
            .field(rank.to_string())
            .finish("c")
    }
}

/// The end of a wire-copy dateline at the start of a paragraph, as a token
/// index ("KABUL, March 10 (Reuters) -", "GAZA CITY (AP) —"), or 0.
fn dateline_end(toks: &Tokens, text: &str, base: usize) -> usize {
    let upper = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let s = &text[t.start - base..t.end - base];
            t.kind == TokKind::Word
                && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(char::is_lowercase)
        })
    };
    let mut k = 0;
    while upper(k) {
        k += 1;
    }
    if k == 0 {
        return 0;
    }
    for j in k..toks.len().min(k + 14) {
        if matches!(toks.norm(j), "-" | "—" | "–") {
            let has_agency_or_date =
                (k..j).any(|x| toks.norm(x) == "(" || toks.kind(x) == Some(TokKind::Number));
            return if has_agency_or_date || j == k {
                j + 1
            } else {
                0
            };
        }
        if matches!(toks.norm(j), "." | ";") {
            return 0;
        }
    }
    0
}

/// The names a claim shows for a place: the place and its country.
fn place_names(lex: &Lexicon, place: Option<&Placed>) -> (Option<Sym>, Option<Sym>) {
    let Some(p) = place else { return (None, None) };
    let name = match &p.place {
        Where::Known(r) => lex.places.name_of(*r).clone(),
        Where::Unknown(n) => n.clone(),
        Where::World => Arc::from("worldwide"),
    };
    (
        Some(name),
        p.country.map(|c| lex.places.countries[c].name.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_words_are_sorted_for_binary_search() {
        assert!(DATE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_rise_from_one_figure_to_another_claims_the_new_figure() {
        let loaded = crate::input::load_str(
            "a.md",
            "---\nid: a\npublished: 2025-06-20\n---\nThe death toll rose from 224 to 639 on Sunday, HRANA said.\n",
        );
        let out = extract(&loaded.articles, &Lexicon::builtin());
        let got: Vec<(Bounds, &str)> = out.claims.iter().map(|c| (c.value, &*c.metric)).collect();
        assert_eq!(got, [(Bounds::exact(639), "killed")]);
    }

    #[test]
    fn who_may_be_executed_is_not_a_count_of_executions() {
        let loaded = crate::input::load_str(
            "a.md",
            "---\nid: a\npublished: 2025-04-15\n---\nSeveral of them were at imminent risk of execution. Another 40 prisoners face execution. Iran executed at least 975 people in 2024.\n",
        );
        let out = extract(&loaded.articles, &Lexicon::builtin());
        let got: Vec<&str> = out
            .claims
            .iter()
            .map(|c| c.text(&loaded.articles))
            .collect();
        assert_eq!(got, ["at least 975"]);
        assert_eq!(
            out.skipped
                .iter()
                .filter(|m| m.reason == context::Reason::Prospective)
                .count(),
            2
        );
    }

    #[test]
    fn a_period_that_ended_holds_its_figures_but_a_named_event_does_not() {
        let loaded = crate::input::load_str(
            "a.md",
            "---\nid: a\npublished: 2025-07-09\n---\nThe death toll from last week's flash floods in Texas has risen to 84, officials say. Iran executed at least 975 people last year, Amnesty said. The U.N. said on Saturday that 11,300 people had been killed in Derna when two dams collapsed last weekend.\n",
        );
        let out = extract(&loaded.articles, &Lexicon::builtin());
        let got: Vec<String> = out
            .claims
            .iter()
            .map(|c| format!("{} {}", c.text(&loaded.articles), c.as_of.unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                "84 2025-07-09",
                "at least 975 2024-12-31",
                "11,300 2025-07-09"
            ]
        );
    }
}
