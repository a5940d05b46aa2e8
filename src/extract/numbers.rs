//! Number phrases: a figure in digits or words, a vague quantity or a range,
//! with the qualifiers around it, turned into inclusive bounds.
//!
//! The grammar is small and driven by `numbers.yaml`:
//!
//! ```text
//! phrase  := qualifier? core post-qualifier?
//!          | "between" core "and" core | "from" core "to" core
//! core    := digits scale?              ("639", "6,221", "1.5 million", "42k")
//!          | words                      ("two hundred and twenty", "half a million")
//!          | number? multiple           ("two dozen", "a dozen", "half a dozen")
//!          | vague-multiplier scale     ("several hundred", "a few thousand")
//!          | vague                      ("dozens", "tens of thousands", "scores of")
//!          | core ("to" | "-" | "or") core   (ranges: "10 to 20", "10-20", "two or three")
//! ```

use std::ops::Range;

use super::context::{self, Reason};
use super::text::{TokKind, Tokens};
use crate::lexicon::Lexicon;
use crate::model::{Bounds, Qualifier};

/// How the figure is written, as far as the context classifier cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Digits,
    Words,
    Vague,
    /// A token such as "10-20" whose parts are not a rising range ("3-1", "555-1234").
    HyphenPair {
        first: u64,
        second: u64,
    },
    /// Digits glued to words: "19-year-old", "12-day".
    Compound,
    /// A clock time "10:30".
    Clock,
}

/// Bounds on the real line. An open end is `-inf` or `inf` (and not inclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub lo_inclusive: bool,
    pub hi: f64,
    pub hi_inclusive: bool,
}

impl Interval {
    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            lo_inclusive: true,
            hi,
            hi_inclusive: true,
        }
    }

    /// `(lo, inf)` or `[lo, inf)`.
    pub fn above(lo: f64, inclusive: bool) -> Interval {
        Interval {
            lo,
            lo_inclusive: inclusive,
            hi: f64::INFINITY,
            hi_inclusive: false,
        }
    }

    /// `(-inf, hi)` or `(-inf, hi]`.
    pub fn below(hi: f64, inclusive: bool) -> Interval {
        Interval {
            lo: f64::NEG_INFINITY,
            lo_inclusive: false,
            hi,
            hi_inclusive: inclusive,
        }
    }
}

/// A number phrase found at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberPhrase {
    /// Token range of the whole phrase, qualifiers included.
    pub start: usize,
    pub end: usize,
    /// Token range of the figure itself.
    pub core_start: usize,
    pub core_end: usize,
    pub value: Bounds,
    pub qualifier: Qualifier,
    pub form: Form,
    /// Digits with a fractional part and no scale ("1.5"): not a count.
    pub fractional: bool,
    /// A lone "one", or "a dozen"-like phrases that need a countable noun
    /// next to them to be a figure.
    pub weak: bool,
    /// The exact value for single figures (used by ranges and years).
    pub point: Option<u64>,
    /// The figure as written when it is one number ("more than 20" → 20,
    /// "two thirds" → 0.667); `None` for ranges and vague quantities.
    pub figure: Option<f64>,
    /// The bounds the wording implies on the real line, before they are
    /// rounded to counts: "more than 20" → (20, inf), "nearly 700" → [630, 700).
    pub interval: Interval,
}

/// A figure before qualifiers: inclusive bounds, and whether it was vague.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Core {
    end: usize,
    lo: f64,
    hi: f64,
    vague: bool,
    form: Form,
    weak: bool,
}

impl Core {
    fn exact(end: usize, v: f64, form: Form) -> Core {
        Core {
            end,
            lo: v,
            hi: v,
            vague: false,
            form,
            weak: false,
        }
    }

    fn is_integer(&self) -> bool {
        self.lo.fract() == 0.0 && self.hi.fract() == 0.0
    }
}

fn to_count(v: f64) -> u64 {
    if v <= 0.0 {
        0
    } else if v >= u64::MAX as f64 {
        u64::MAX
    } else {
        v.round() as u64
    }
}

/// Parses "6,221", "1.5", "42k", "1.5m".
fn parse_digits(norm: &str, lex: &Lexicon) -> Option<(f64, bool)> {
    let digits_end = norm
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(norm.len());
    let (num, suffix) = norm.split_at(digits_end);
    let clean: String = num.chars().filter(|c| *c != ',').collect();
    let v: f64 = clean.parse().ok()?;
    if suffix.is_empty() {
        return Some((v, false));
    }
    let scale = lex.numbers.scale_suffixes.get(suffix)?;
    Some((v * *scale as f64, true))
}

/// The figure at token `j`, without qualifiers.
fn parse_core(toks: &Tokens, j: usize, lex: &Lexicon) -> Option<Core> {
    let n = &lex.numbers;
    let tok = toks.get(j)?;
    let norm = toks.norm(j);
    if tok.kind == TokKind::Number {
        if norm.contains(':') {
            return Some(Core::exact(j + 1, 0.0, Form::Clock));
        }
        // "10-20", "3-1", "19-year-old", "12-day"
        if let Some((a, b)) = norm.split_once('-') {
            let a_val = parse_digits(a, lex).map(|(v, _)| v);
            let b_val = parse_digits(b, lex).map(|(v, _)| v);
            // "555-1234" is a phone number, not a range.
            let phone_like = a.len() == 3 && b.len() == 4 && !b.ends_with('0');
            return match (a_val, b_val) {
                (Some(a), Some(b)) if a < b && !phone_like => Some(Core {
                    hi: b,
                    ..Core::exact(j + 1, a, Form::Digits)
                }),
                (Some(a), Some(b)) => Some(Core::exact(
                    j + 1,
                    a,
                    Form::HyphenPair {
                        first: to_count(a),
                        second: to_count(b),
                    },
                )),
                (Some(a), None) => {
                    // "50-plus" is a qualifier; anything else glued is a compound.
                    if b == "plus" {
                        Some(Core::exact(j + 1, a, Form::Digits))
                    } else {
                        Some(Core::exact(j + 1, a, Form::Compound))
                    }
                }
                _ => None,
            };
        }
        let Some((v, suffixed)) = parse_digits(norm, lex) else {
            // Digits glued to letters ("3rd", "5G", "25th"): not a count.
            let lead: String = norm.chars().take_while(char::is_ascii_digit).collect();
            let v: f64 = lead.parse().ok()?;
            return Some(Core::exact(j + 1, v, Form::Compound));
        };
        let mut core = Core::exact(j + 1, v, Form::Digits);
        if !suffixed {
            // "1.5 million", "20 thousand", "2 dozen"
            if let Some(scale) = n.scales.get(toks.norm_at(j + 1)) {
                core = Core::exact(j + 2, v * *scale as f64, Form::Digits);
            } else if let Some(m) = n.multiples.get(toks.norm_at(j + 1)) {
                core = Core::exact(j + 2, v * *m as f64, Form::Digits);
            } else if let Some(scale) = n.scale_suffixes.get(toks.norm_at(j + 1))
                && toks.kind(j + 1) == Some(TokKind::Word)
                && norm.contains('.')
            {
                // "1.5 bn", "2.3 mln" (only after decimals, so "5 m" stays metres)
                core = Core::exact(j + 2, v * *scale as f64, Form::Digits);
            }
        }
        return Some(core);
    }
    if tok.kind != TokKind::Word {
        return None;
    }
    // "several hundred", "a few thousand", "several dozen"
    if let Some((len, vm)) = n.vague_multipliers.match_at(toks, j) {
        let next = toks.norm_at(j + len);
        let scale = n.scales.get(next).or_else(|| n.multiples.get(next));
        if let Some(&scale) = scale {
            let mut end = j + len + 1;
            // "several hundred thousand"
            let mut s = scale as f64;
            if let Some(&big) = n.scales.get(toks.norm_at(end))
                && big > scale
            {
                s *= big as f64;
                end += 1;
            }
            return Some(Core {
                end,
                lo: vm.min as f64 * s,
                hi: vm.max as f64 * s,
                vague: true,
                form: Form::Vague,
                weak: false,
            });
        }
    }
    if let Some((len, v)) = n.vague.match_at(toks, j) {
        let followed_by_of = toks.norm_at(j + len) == "of";
        if !v.needs_of || followed_by_of {
            return Some(Core {
                end: j + len,
                lo: v.min as f64,
                hi: v.max as f64,
                vague: true,
                form: Form::Vague,
                weak: false,
            });
        }
    }
    parse_words(toks, j, lex)
}

/// Cardinal words: "twenty-five", "two hundred and twenty", "a dozen",
/// "half a million", "three million".
fn parse_words(toks: &Tokens, j: usize, lex: &Lexicon) -> Option<Core> {
    let n = &lex.numbers;
    let word_value = |w: &str| -> Option<f64> {
        if let Some(v) = n.units.get(w).or_else(|| n.tens.get(w)) {
            return Some(*v as f64);
        }
        // "twenty-five"
        let (a, b) = w.split_once('-')?;
        let t = n.tens.get(a)?;
        let u = n.units.get(b).filter(|u| **u < 10)?;
        Some((t + u) as f64)
    };
    let first = toks.norm(j);
    // "half a million", "a quarter of a million"
    if let Some(frac) = n.fractions.get(first) {
        let mut k = j + 1;
        if toks.norm_at(k) == "of" {
            k += 1;
        }
        if matches!(toks.norm_at(k), "a" | "an") {
            let w = toks.norm_at(k + 1);
            if let Some(scale) = n.scales.get(w).or_else(|| n.multiples.get(w)) {
                return Some(Core::exact(k + 2, frac * *scale as f64, Form::Words));
            }
        }
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut k = j;
    let mut any = false;
    let mut last_was_small = false; // a unit or ten with no scale after it yet
    let mut only_one = true;
    loop {
        let w = toks.norm_at(k);
        if toks.kind(k) != Some(TokKind::Word) {
            break;
        }
        if (w == "a" || w == "an") && !any {
            let next = toks.norm_at(k + 1);
            if n.scales.contains_key(next) || n.multiples.contains_key(next) {
                current = 1.0;
                any = true;
                only_one = false;
                last_was_small = true;
                k += 1;
                continue;
            }
            break;
        }
        if let Some(v) = word_value(w) {
            if last_was_small {
                // "twenty five" is fine; "two three" is not a number.
                let prev_is_ten = current >= 20.0 && current % 10.0 == 0.0 && current < 100.0;
                if !(prev_is_ten && v < 10.0) && current % 100.0 != 0.0 {
                    break;
                }
            }
            if w != "one" {
                only_one = false;
            }
            current += v;
            any = true;
            last_was_small = true;
            k += 1;
            continue;
        }
        if w == "hundred" && any {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
            only_one = false;
            last_was_small = false;
            k += 1;
            continue;
        }
        if let Some(scale) = n.scales.get(w).filter(|s| **s >= 1000)
            && any
        {
            total += if current == 0.0 { 1.0 } else { current } * *scale as f64;
            current = 0.0;
            only_one = false;
            last_was_small = false;
            k += 1;
            continue;
        }
        if let Some(m) = n.multiples.get(w)
            && any
        {
            current = if current == 0.0 { 1.0 } else { current } * *m as f64;
            only_one = false;
            k += 1;
            break;
        }
        if w == "and" && any && k + 1 < toks.len() && word_value(toks.norm(k + 1)).is_some() {
            // "two hundred and twenty", not "two and three"
            if total + current >= 100.0 {
                k += 1;
                last_was_small = false;
                continue;
            }
        }
        break;
    }
    if !any || k == j {
        return None;
    }
    let mut core = Core::exact(k, total + current, Form::Words);
    core.weak = only_one;
    Some(core)
}

impl NumberPhrase {
    fn from_core(
        start: usize,
        core_start: usize,
        core: Core,
        qualifier: Qualifier,
        lex: &Lexicon,
    ) -> Self {
        let (lo, hi) = (core.lo, core.hi);
        let exact_n = to_count(lo);
        let low = lex.numbers.approx_low;
        let high = lex.numbers.approx_high;
        let value = match qualifier {
            Qualifier::Exact => Bounds::new(Some(to_count(lo)), Some(to_count(hi))),
            Qualifier::Vague | Qualifier::Range => {
                Bounds::new(Some(to_count(lo)), Some(to_count(hi)))
            }
            Qualifier::AtLeast => Bounds::new(Some(to_count(lo)), None),
            Qualifier::MoreThan => Bounds::new(Some(to_count(lo) + 1), None),
            Qualifier::AtMost => Bounds::new(None, Some(to_count(hi))),
            Qualifier::LessThan => Bounds::new(None, Some(to_count(hi).saturating_sub(1))),
            Qualifier::Approximately => {
                if core.vague || lo != hi {
                    Bounds::new(Some(to_count(lo)), Some(to_count(hi)))
                } else {
                    Bounds::new(
                        Some(((lo * low) - 1e-9).ceil().max(0.0) as u64),
                        Some(((lo * high) + 1e-9).floor() as u64),
                    )
                }
            }
            Qualifier::Nearly => {
                if core.vague || lo != hi {
                    Bounds::new(Some(to_count(lo)), Some(to_count(hi)))
                } else {
                    Bounds::new(
                        Some(((lo * low) - 1e-9).ceil().max(0.0) as u64),
                        Some(exact_n.saturating_sub(1)),
                    )
                }
            }
        };
        let point_like = !core.vague && lo == hi;
        let interval = match qualifier {
            Qualifier::Exact | Qualifier::Vague | Qualifier::Range => Interval::closed(lo, hi),
            Qualifier::AtLeast => Interval::above(lo, true),
            Qualifier::MoreThan => Interval::above(lo, false),
            Qualifier::AtMost => Interval::below(hi, true),
            Qualifier::LessThan => Interval::below(hi, false),
            Qualifier::Approximately if point_like => {
                let (a, b) = (lo * low, lo * high);
                Interval::closed(a.min(b), a.max(b))
            }
            Qualifier::Nearly if point_like => Interval {
                lo: (lo * low).min(lo),
                lo_inclusive: true,
                hi: lo,
                hi_inclusive: false,
            },
            Qualifier::Approximately | Qualifier::Nearly => Interval::closed(lo, hi),
        };
        NumberPhrase {
            start,
            end: core.end,
            core_start,
            core_end: core.end,
            value,
            qualifier,
            form: core.form,
            fractional: !core.is_integer(),
            weak: core.weak,
            point: (lo == hi && lo.fract() == 0.0).then(|| to_count(lo)),
            figure: point_like.then_some(lo),
            interval,
        }
    }
}

/// The number phrase starting at token `i`, if any. Qualifiers before the
/// figure are part of the phrase, so callers should try the earliest token.
pub fn parse_at(toks: &Tokens, i: usize, lex: &Lexicon) -> Option<NumberPhrase> {
    // "between 10 and 20", "from 10 to 20"
    let w = toks.norm_at(i);
    if (w == "between" || w == "from")
        && let Some(a) = parse_core(toks, i + 1, lex)
    {
        let joiner = if w == "between" { "and" } else { "to" };
        if toks.norm_at(a.end) == joiner
            && let Some(b) = parse_core(toks, a.end + 1, lex)
            && a.hi < b.lo
            && matches!(a.form, Form::Digits | Form::Words | Form::Vague)
            && matches!(b.form, Form::Digits | Form::Words | Form::Vague)
        {
            let core = Core {
                end: b.end,
                lo: a.lo,
                hi: b.hi,
                vague: false,
                form: Form::Digits,
                weak: false,
            };
            return Some(NumberPhrase::from_core(
                i,
                i + 1,
                core,
                Qualifier::Range,
                lex,
            ));
        }
    }
    // A qualifier before the figure.
    let (qualifier, core_start) = match lex.qualifiers_before.match_at(toks, i) {
        Some((len, q)) if parse_core(toks, i + len, lex).is_some() => (*q, i + len),
        _ => (Qualifier::Exact, i),
    };
    let mut core = parse_core(toks, core_start, lex)?;
    if !matches!(core.form, Form::Digits | Form::Words | Form::Vague) {
        return Some(NumberPhrase::from_core(
            i,
            core_start,
            core,
            Qualifier::Exact,
            lex,
        ));
    }
    let mut qualifier = qualifier;
    if core.lo != core.hi && !core.vague {
        qualifier = Qualifier::Range; // "10-20"
    }
    // "10 to 20", "10 - 20", "two or three"
    let joiner = toks.norm_at(core.end);
    if qualifier == Qualifier::Exact
        && !core.vague
        && matches!(joiner, "to" | "-" | "–" | "or")
        && let Some(b) = parse_core(toks, core.end + 1, lex)
        && matches!(b.form, Form::Digits | Form::Words)
        && !b.vague
        && b.lo > core.hi
        && (joiner != "or" || b.form == core.form)
        && !(joiner == "to" && is_change_verb(toks, i))
    {
        core = Core {
            end: b.end,
            hi: b.hi,
            ..core
        };
        qualifier = Qualifier::Range;
    }
    if core.vague && qualifier == Qualifier::Exact {
        qualifier = Qualifier::Vague;
    }
    let mut phrase = NumberPhrase::from_core(i, core_start, core, qualifier, lex);
    // "14 or more", "50-plus", "50+"
    if matches!(qualifier, Qualifier::Exact | Qualifier::Vague) {
        if toks.norm(core.end - 1).ends_with("-plus") {
            phrase = NumberPhrase::from_core(i, core_start, core, Qualifier::AtLeast, lex);
        } else if let Some((len, q)) = lex.qualifiers_after.match_at(toks, core.end) {
            phrase = NumberPhrase::from_core(i, core_start, core, *q, lex);
            phrase.end = core.end + len;
        }
    }
    Some(phrase)
}

/// A number recognised in running text by [`find_numbers`].
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte span of the whole mention: qualifiers ("more than") and a
    /// percent sign or word included.
    pub span: Range<usize>,
    /// Byte span of the figure alone ("20" in "more than 20 percent").
    pub core: Range<usize>,
    /// The figure as written when it is one number ("more than 20" → 20,
    /// "two thirds" → 0.667, "1.5m" → 1,500,000); `None` for ranges and
    /// vague quantities.
    pub value: Option<f64>,
    /// What the wording says about the quantity: `[20, 20]` for "20",
    /// `(20, inf)` for "more than 20", `[10, 20]` for "10 to 20",
    /// `(-inf, 700]` for "up to 700", `[24, 99]` for "dozens".
    pub interval: Interval,
    /// How the wording qualifies the figure (the claims' qualifiers).
    pub qualifier: Qualifier,
    /// A percentage ("20%", "20 percent", "twenty per cent").
    pub percent: bool,
    /// A vague quantity ("dozens", "several hundred"), which other
    /// recognisers do not count as a number.
    pub vague: bool,
    /// Why the number is not a count of something, as far as the words
    /// next to it tell (a percentage, money, an age, a time of day, a
    /// year...); `None` for a plain number.
    pub reason: Option<Reason>,
}

impl NumberMention {
    /// A range ("10 to 20") or a bound ("more than 20", "up to 700").
    pub fn is_range(&self) -> bool {
        matches!(
            self.qualifier,
            Qualifier::Range
                | Qualifier::AtLeast
                | Qualifier::MoreThan
                | Qualifier::AtMost
                | Qualifier::LessThan
        )
    }
}

/// Finds the numbers in `text`: cardinals in digits or words, fractions,
/// ranges, bounds and percentages, each with its byte span and its value as
/// bounds on the real line.
///
/// This is the claims extractor's grammar ([`parse_at`]) read without the
/// assumption that every figure counts something: decimals and fractions
/// keep their value, and words that are not numbers in running text are
/// left out ("the one you mentioned", ordinals, clock times, scores and
/// year spans such as "2013-14").
///
/// ```
/// use crosscheck::extract::numbers::find_numbers;
/// use crosscheck::lexicon::Lexicon;
///
/// let lex = Lexicon::builtin();
/// let found = find_numbers("More than 20 people, or 1.5 percent, died.", &lex);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].value, Some(20.0));
/// assert_eq!((found[0].interval.lo, found[0].interval.lo_inclusive), (20.0, false));
/// assert!(found[1].percent);
/// assert_eq!(found[1].value, Some(1.5));
/// ```
pub fn find_numbers(text: &str, lex: &Lexicon) -> Vec<NumberMention> {
    let mut toks = Tokens::new();
    toks.tokenize(text, 0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(np) = parse_at(&toks, i, lex) else {
            i += 1;
            continue;
        };
        i = np.end;
        if let Some(m) = mention(&toks, &np, lex) {
            out.push(m);
        }
    }
    out
}

/// The mention for a parsed phrase, or `None` when the phrase is not a
/// number in running text.
fn mention(toks: &Tokens, np: &NumberPhrase, lex: &Lexicon) -> Option<NumberMention> {
    let byte_start = |k: usize| toks.get(k).map_or(0, |t| t.start);
    let byte_end = |k: usize| toks.get(k).map_or(0, |t| t.end);
    let mut core = byte_start(np.core_start)..byte_end(np.core_end - 1);
    let mut span = byte_start(np.start)..byte_end(np.end - 1);
    match np.form {
        Form::Digits | Form::Words | Form::Vague => {}
        // Clock times, scores, phone numbers, year spans: not quantities.
        Form::Clock | Form::HyphenPair { .. } => return None,
        // "19-year-old", "12-day": the digits before the hyphen; "4th",
        // "5G", "10pm": not numbers.
        Form::Compound => {
            let text = toks.norm(np.core_start);
            let digits = text.find('-')?;
            core = core.start..core.start + digits;
            span = core.clone();
        }
    }
    let reason = context::classify(toks, np, lex);
    let mut percent = false;
    if np.form != Form::Compound
        && let Some((len, _)) = lex.language.percent_words.match_at(toks, np.end)
    {
        percent = true;
        span.end = byte_end(np.end + len - 1);
    }
    Some(NumberMention {
        span,
        core,
        value: np.figure,
        interval: np.interval,
        qualifier: np.qualifier,
        percent,
        vague: np.form == Form::Vague,
        reason,
    })
}

/// Is the phrase at `i` the start of a change ("rose from 224 to 639"),
/// where "to" does not make a range?
fn is_change_verb(toks: &Tokens, i: usize) -> bool {
    const CHANGE: &[&str] = &[
        "rose",
        "risen",
        "rising",
        "increased",
        "climbed",
        "jumped",
        "grew",
        "fell",
        "dropped",
        "declined",
        "up",
        "down",
        "revised",
        "raised",
        "lowered",
        "soared",
    ];
    let prev = if i >= 1 { toks.norm(i - 1) } else { "" };
    let prev2 = if i >= 2 { toks.norm(i - 2) } else { "" };
    (prev == "from" && CHANGE.contains(&prev2)) || CHANGE.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<(Bounds, Qualifier, String)> {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        let p = parse_at(&t, 0, &lex)?;
        let text = s[t.get(p.start).unwrap().start..t.get(p.end - 1).unwrap().end].to_string();
        Some((p.value, p.qualifier, text))
    }

    fn b(min: Option<u64>, max: Option<u64>) -> Bounds {
        Bounds::new(min, max)
    }

    #[test]
    fn bounds_follow_the_conventions_table() {
        use Qualifier::*;
        type Case = (
            &'static str,
            Option<u64>,
            Option<u64>,
            Qualifier,
            &'static str,
        );
        let cases: &[Case] = &[
            ("639 deaths", Some(639), Some(639), Exact, "639"),
            ("6,221 deaths", Some(6221), Some(6221), Exact, "6,221"),
            (
                "1.5 million people",
                Some(1_500_000),
                Some(1_500_000),
                Exact,
                "1.5 million",
            ),
            ("42k people", Some(42_000), Some(42_000), Exact, "42k"),
            ("two dozen", Some(24), Some(24), Exact, "two dozen"),
            ("a dozen", Some(12), Some(12), Exact, "a dozen"),
            ("half a dozen", Some(6), Some(6), Exact, "half a dozen"),
            (
                "half a million",
                Some(500_000),
                Some(500_000),
                Exact,
                "half a million",
            ),
            ("twenty-five", Some(25), Some(25), Exact, "twenty-five"),
            (
                "two hundred and twenty people",
                Some(220),
                Some(220),
                Exact,
                "two hundred and twenty",
            ),
            (
                "three thousand",
                Some(3000),
                Some(3000),
                Exact,
                "three thousand",
            ),
            ("at least 14", Some(14), None, AtLeast, "at least 14"),
            ("14 or more", Some(14), None, AtLeast, "14 or more"),
            (
                "no fewer than 14",
                Some(14),
                None,
                AtLeast,
                "no fewer than 14",
            ),
            ("more than 14", Some(15), None, MoreThan, "more than 14"),
            ("over 220 civilians", Some(221), None, MoreThan, "over 220"),
            ("upwards of 50", Some(51), None, MoreThan, "upwards of 50"),
            ("up to 50", None, Some(50), AtMost, "up to 50"),
            ("as many as 50", None, Some(50), AtMost, "as many as 50"),
            ("fewer than 50", None, Some(49), LessThan, "fewer than 50"),
            ("under 50", None, Some(49), LessThan, "under 50"),
            ("nearly 700", Some(630), Some(699), Nearly, "nearly 700"),
            ("almost 220", Some(198), Some(219), Nearly, "almost 220"),
            (
                "about 220",
                Some(198),
                Some(242),
                Approximately,
                "about 220",
            ),
            ("some 30", Some(27), Some(33), Approximately, "some 30"),
            (
                "an estimated 1,000",
                Some(900),
                Some(1100),
                Approximately,
                "an estimated 1,000",
            ),
            (
                "between 10 and 20",
                Some(10),
                Some(20),
                Range,
                "between 10 and 20",
            ),
            ("10 to 20 people", Some(10), Some(20), Range, "10 to 20"),
            ("10-20 people", Some(10), Some(20), Range, "10-20"),
            ("two or three", Some(2), Some(3), Range, "two or three"),
            ("dozens wounded", Some(24), Some(99), Vague, "dozens"),
            ("scores of people", Some(40), Some(99), Vague, "scores"),
            ("hundreds", Some(200), Some(999), Vague, "hundreds"),
            ("Thousands more", Some(2000), Some(9999), Vague, "Thousands"),
            (
                "tens of thousands",
                Some(20_000),
                Some(99_999),
                Vague,
                "tens of thousands",
            ),
            (
                "hundreds of thousands",
                Some(200_000),
                Some(999_999),
                Vague,
                "hundreds of thousands",
            ),
            ("several people", Some(3), Some(9), Vague, "several"),
            ("a few people", Some(2), Some(5), Vague, "a few"),
            (
                "several hundred",
                Some(300),
                Some(900),
                Vague,
                "several hundred",
            ),
            (
                "at least two dozen",
                Some(24),
                None,
                AtLeast,
                "at least two dozen",
            ),
            (
                "more than a dozen",
                Some(13),
                None,
                MoreThan,
                "more than a dozen",
            ),
            (
                "at least dozens",
                Some(24),
                None,
                AtLeast,
                "at least dozens",
            ),
            ("50-plus", Some(50), None, AtLeast, "50-plus"),
        ];
        for (input, min, max, q, text) in cases {
            let got = parse(input).unwrap_or_else(|| panic!("no number in {input:?}"));
            assert_eq!(got, (b(*min, *max), *q, text.to_string()), "{input}");
        }
    }

    #[test]
    fn non_numbers_are_not_parsed() {
        for s in ["scores a goal", "a man", "many", "the one", "and", "tens"] {
            let p = parse(s);
            assert!(p.is_none() || s == "the one", "{s}: {p:?}");
        }
    }

    #[test]
    fn a_rise_from_one_figure_to_another_is_not_a_range() {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize("rose from 224 to 639", 0);
        let p = parse_at(&t, 2, &lex).unwrap();
        assert_eq!(p.value, Bounds::exact(224));
    }

    #[test]
    fn lone_one_is_weak() {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize("one thing", 0);
        assert!(parse_at(&t, 0, &lex).unwrap().weak);
        t.tokenize("one hundred", 0);
        assert!(!parse_at(&t, 0, &lex).unwrap().weak);
    }

    #[test]
    fn hyphen_pairs_that_do_not_rise_are_kept_apart() {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize("a 3-1 win", 0);
        let p = parse_at(&t, 1, &lex).unwrap();
        assert_eq!(
            p.form,
            Form::HyphenPair {
                first: 3,
                second: 1
            }
        );
        t.tokenize("a 19-year-old", 0);
        assert_eq!(parse_at(&t, 1, &lex).unwrap().form, Form::Compound);
    }

    /// (text, span, value, interval as (lo, lo inclusive, hi, hi inclusive), percent)
    type MentionCase = (
        &'static str,
        &'static str,
        Option<f64>,
        (f64, bool, f64, bool),
        bool,
    );

    #[test]
    fn find_numbers_gives_spans_values_and_real_bounds() {
        const INF: f64 = f64::INFINITY;
        let cases: &[MentionCase] = &[
            (
                "639 deaths",
                "639",
                Some(639.0),
                (639.0, true, 639.0, true),
                false,
            ),
            (
                "about 1.5",
                "about 1.5",
                Some(1.5),
                (1.35, true, 1.65, true),
                false,
            ),
            (
                "more than 20",
                "more than 20",
                Some(20.0),
                (20.0, false, INF, false),
                false,
            ),
            (
                "at least 14",
                "at least 14",
                Some(14.0),
                (14.0, true, INF, false),
                false,
            ),
            (
                "up to 700",
                "up to 700",
                Some(700.0),
                (-INF, false, 700.0, true),
                false,
            ),
            (
                "under 170",
                "under 170",
                Some(170.0),
                (-INF, false, 170.0, false),
                false,
            ),
            (
                "nearly 700",
                "nearly 700",
                Some(700.0),
                (630.0, true, 700.0, false),
                false,
            ),
            (
                "10 to 20 people",
                "10 to 20",
                None,
                (10.0, true, 20.0, true),
                false,
            ),
            ("dozens", "dozens", None, (24.0, true, 99.0, true), false),
            (
                "rose 14 % in June",
                "14 %",
                Some(14.0),
                (14.0, true, 14.0, true),
                true,
            ),
            (
                "1.5m people",
                "1.5m",
                Some(1.5e6),
                (1.5e6, true, 1.5e6, true),
                false,
            ),
            (
                "a 12-day war",
                "12",
                Some(12.0),
                (12.0, true, 12.0, true),
                false,
            ),
        ];
        let lex = Lexicon::builtin();
        for (text, span, value, (lo, loi, hi, hii), percent) in cases {
            let found = find_numbers(text, &lex);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let m = &found[0];
            assert_eq!(&text[m.span.clone()], *span, "{text}");
            assert_eq!(m.value, *value, "{text}");
            let iv = m.interval;
            assert!((iv.lo - lo).abs() < 1e-9 || iv.lo == *lo, "{text}: {iv:?}");
            assert!((iv.hi - hi).abs() < 1e-9 || iv.hi == *hi, "{text}: {iv:?}");
            assert_eq!((iv.lo_inclusive, iv.hi_inclusive), (*loi, *hii), "{text}");
            assert_eq!(m.percent, *percent, "{text}");
        }
    }

    #[test]
    fn find_numbers_leaves_out_what_is_not_a_quantity() {
        let lex = Lexicon::builtin();
        for text in [
            "the May 4th",
            "at 10:30",
            "a 3-1 win",
            "in 2013-14",
            "a man",
            "5G",
        ] {
            let found = find_numbers(text, &lex);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
