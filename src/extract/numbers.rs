//! Number phrases: a figure in digits or words, a vague quantity or a range,
//! with the qualifiers around it, turned into inclusive bounds.
//!
//! The grammar is small and driven by `numbers.yaml`:
//!
//! ```text
//! phrase   := single (bound-joiner single)?       ("more than 10 and fewer than 40")
//! single   := qualifier? core echo? post-qualifier?
//!           | "between" core "and" core | "from" core "to" core
//! core     := sign? cardinal                     (signs only outside claims: "minus 5")
//!           | digits                             ("639", "6,221", "42k", "1.5m", "1/2")
//!           | vague-multiplier scale             ("several hundred", "a few thousand")
//!           | vague                              ("dozens", "tens of thousands", "scores of")
//!           | core range-joiner core             ("10 to 20", "10-20", "20 through 100")
//! cardinal := words and digits with scale words  ("two hundred and twenty-five",
//!             "4 thousand 3 hundred and 21", "1.5 million", "three dozens")
//!           | fractions                          ("two thirds", "a half", "one and a half",
//!             "half a million", "two million and a half", "a quarter of a million")
//! echo     := "(" the same figure ")"            ("forty-five (45)")
//! ```
//!
//! [`parse_at`] reads counts for the claims extractor; [`find_numbers`]
//! reads any number in running text with the same grammar.

use std::ops::Range;

use super::context::{self, Reason};
use super::text::{TokKind, Tokens};
use crate::lexicon::{Denominator, Lexicon};
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

/// Which numbers the grammar reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Counts, for claims: no signs.
    Counts,
    /// Any number in running text ([`find_numbers`]): also signs ("minus
    /// 5", "-5"), decimals written without a leading zero (".5") and
    /// spelled-out numbers with commas ("three million, two hundred").
    Numbers,
}

/// The figure at token `j`, without qualifiers.
fn parse_core(toks: &Tokens, j: usize, lex: &Lexicon, mode: Mode) -> Option<Core> {
    if mode == Mode::Numbers && is_negative_sign(toks, j, lex) {
        let c = parse_unsigned(toks, j + 1, lex, mode)?;
        if c.vague || !matches!(c.form, Form::Digits | Form::Words) {
            return None;
        }
        return Some(Core {
            lo: -c.hi,
            hi: -c.lo,
            weak: false,
            ..c
        });
    }
    parse_unsigned(toks, j, lex, mode)
}

/// "minus", "negative", or a "-" written against the digits that follow
/// it and apart from any word or number before it ("-5", not "10-5").
fn is_negative_sign(toks: &Tokens, j: usize, lex: &Lexicon) -> bool {
    let Some(tok) = toks.get(j) else {
        return false;
    };
    if !lex.numbers.negative_words.contains(toks.norm(j)) {
        return false;
    }
    if tok.kind == TokKind::Word {
        return true;
    }
    let glued_to_next = toks
        .get(j + 1)
        .is_some_and(|n| n.kind == TokKind::Number && n.start == tok.end);
    let glued_to_prev = j > 0
        && toks.get(j - 1).is_some_and(|p| {
            p.end == tok.start && matches!(p.kind, TokKind::Number | TokKind::Word)
        });
    glued_to_next && !glued_to_prev
}

/// Are tokens `a` and `a + 1` written with nothing between them?
fn glued(toks: &Tokens, a: usize) -> bool {
    match (toks.get(a), toks.get(a + 1)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    }
}

fn parse_unsigned(toks: &Tokens, j: usize, lex: &Lexicon, mode: Mode) -> Option<Core> {
    let n = &lex.numbers;
    let tok = toks.get(j)?;
    let norm = toks.norm(j);
    if tok.kind == TokKind::Punct {
        // ".08": a decimal without its leading zero.
        let digits = toks.norm_at(j + 1);
        let after_word = j > 0
            && glued(toks, j - 1)
            && matches!(toks.kind(j - 1), Some(TokKind::Number | TokKind::Word));
        if mode == Mode::Numbers
            && norm == "."
            && glued(toks, j)
            && !after_word
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            let v: f64 = format!("0.{digits}").parse().ok()?;
            return Some(Core::exact(j + 2, v, Form::Digits));
        }
        return None;
    }
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
        if let Some(core) = parse_slash(toks, j, lex) {
            return Some(core);
        }
        let Some((v, suffixed)) = parse_digits(norm, lex) else {
            // Digits glued to letters ("3rd", "5G", "25th"): not a count.
            let lead: String = norm.chars().take_while(char::is_ascii_digit).collect();
            let v: f64 = lead.parse().ok()?;
            return Some(Core::exact(j + 1, v, Form::Compound));
        };
        if suffixed {
            return Some(Core::exact(j + 1, v, Form::Digits)); // "42k"
        }
        // "1.5 million", "20 thousand", "2 dozen", "4 thousand 3 hundred and 21"
        let next = toks.norm_at(j + 1);
        if scale_of(lex, next, true).is_some() || multiple_of(lex, next, true).is_some() {
            let start = Card {
                small: v,
                has_small: true,
                ..Card::default()
            };
            return parse_cardinal(toks, j, j + 1, start, Form::Digits, lex, mode);
        }
        if let Some(scale) = n.scale_suffixes.get(next)
            && toks.kind(j + 1) == Some(TokKind::Word)
            && norm.contains('.')
        {
            // "1.5 bn", "2.3 mln" (only after decimals, so "5 m" stays metres)
            return Some(Core::exact(j + 2, v * *scale as f64, Form::Digits));
        }
        return Some(Core::exact(j + 1, v, Form::Digits));
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
    parse_words(toks, j, lex, mode)
}

/// "1/2", "3/4": a fraction in digits, when its denominator is one the
/// lexicon has a fraction word for. Other digit pairs with a slash ("9/11",
/// "24/7", "1/0", "6/15/2025") are not quantities.
fn parse_slash(toks: &Tokens, j: usize, lex: &Lexicon) -> Option<Core> {
    if toks.norm_at(j + 1) != "/"
        || toks.kind(j + 2) != Some(TokKind::Number)
        || !glued(toks, j)
        || !glued(toks, j + 1)
    {
        return None;
    }
    let int = |s: &str| -> Option<u64> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b) = (int(toks.norm(j))?, int(toks.norm(j + 2))?);
    let pair = Core::exact(
        j + 3,
        a as f64,
        Form::HyphenPair {
            first: a,
            second: b,
        },
    );
    let slash_before = j > 0 && toks.norm(j - 1) == "/" && glued(toks, j - 1);
    let slash_after = toks.norm_at(j + 3) == "/" && glued(toks, j + 2);
    let known = lex
        .numbers
        .denominators
        .values()
        .any(|d| d.value == b as f64);
    if slash_before || slash_after || !known || a >= b {
        return Some(pair);
    }
    Some(Core::exact(j + 3, a as f64 / b as f64, Form::Digits))
}

/// A scale word ("thousand", "million"); its plural too ("millions") when a
/// number comes before it.
fn scale_of(lex: &Lexicon, w: &str, after_number: bool) -> Option<f64> {
    let n = &lex.numbers;
    if let Some(s) = n.scales.get(w) {
        return Some(*s as f64);
    }
    let stem = w.strip_suffix('s').filter(|_| after_number)?;
    n.scales.get(stem).map(|s| *s as f64)
}

/// A counting noun ("dozen"); its plural too ("dozens") after a number.
fn multiple_of(lex: &Lexicon, w: &str, after_number: bool) -> Option<f64> {
    let n = &lex.numbers;
    if let Some(m) = n.multiples.get(w) {
        return Some(*m as f64);
    }
    let stem = w.strip_suffix('s').filter(|_| after_number)?;
    n.multiples.get(stem).map(|m| *m as f64)
}

/// The value of a cardinal word: "seven", "twenty", "twenty-five".
fn word_value(lex: &Lexicon, w: &str) -> Option<f64> {
    let n = &lex.numbers;
    if let Some(v) = n.units.get(w).or_else(|| n.tens.get(w)) {
        return Some(*v as f64);
    }
    let (a, b) = w.split_once('-')?;
    let t = n.tens.get(a)?;
    let u = n.units.get(b).filter(|u| (1..10).contains(*u))?;
    Some((t + u) as f64)
}

fn is_ten(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

/// A fraction starting at token `k`: "a half", "one third", "two thirds",
/// "five - eighths", "one-eighth", "three halves". Returns its value and
/// end. The numerator agrees with the denominator ("one third", "two
/// thirds"); "a third" or "one fifth" before a noun is an ordinal ("a
/// third time").
fn parse_fraction(toks: &Tokens, k: usize, lex: &Lexicon) -> Option<(f64, usize)> {
    let n = &lex.numbers;
    let w = toks.norm_at(k);
    let (num, den_at, den_word) = if let Some((a, b)) = w.split_once('-')
        && n.denominators.contains_key(b)
    {
        (word_value(lex, a)?, k + 1, b) // "one-eighth", "two-thirds"
    } else {
        let num = if matches!(w, "a" | "an") {
            1.0
        } else {
            word_value(lex, w)?
        };
        let mut d = k + 1;
        if toks.norm_at(d) == "-" {
            d += 1; // "one - fourth"
        }
        (num, d + 1, toks.norm_at(d))
    };
    let den = n.denominators.get(den_word)?;
    if num < 1.0 || num.fract() != 0.0 || (num > 1.0) != den.plural {
        return None;
    }
    if !fraction_in_context(toks, k, den_at, den) {
        return None;
    }
    if den.ordinal && !den.plural {
        let next = toks.norm_at(den_at);
        let noun_follows = toks.kind(den_at) == Some(TokKind::Word)
            && !matches!(next, "of" | "and" | "or")
            && !n.and_words.contains(next)
            && scale_of(lex, next, false).is_none();
        if noun_follows {
            return None;
        }
    }
    Some((num / den.value, den_at))
}

/// Is the fraction word spanning tokens `start..end` a fraction here, not
/// another word ("the first half", "the past two quarters", "half past")?
fn fraction_in_context(toks: &Tokens, start: usize, end: usize, den: &Denominator) -> bool {
    let before = start.checked_sub(1).map_or("", |p| toks.norm(p));
    !den.not_after.contains(before) && !den.not_before.contains(toks.norm_at(end))
}

/// A cardinal being read: `total` holds the finished groups ("three
/// million"), `hundreds` and `small` the group being read ("two hundred",
/// "forty-five").
#[derive(Debug, Clone, Copy, Default)]
struct Card {
    total: f64,
    hundreds: f64,
    small: f64,
    has_small: bool,
    /// The last scale of a thousand or more, 0 before one.
    last_scale: f64,
    /// The last thing read was a scale word or "hundred".
    after_scale: bool,
    /// `small` was read after "and" ("two hundred and five").
    small_after_and: bool,
}

impl Card {
    fn value(&self) -> f64 {
        self.total + self.hundreds + self.small
    }
}

/// Cardinal words and digits with scale words, from token `k` with the
/// state `card` (`start` is the phrase's first token):
///
/// ```text
/// cardinal := group (scale group?)* ("and" fraction)?
/// group    := small | small "hundred" ("and"? small)? | small multiple
/// small    := "twenty-five" | "twenty five" | "fifty - two" | digits | fraction
/// ```
///
/// "and" joins parts of one number only after a hundred or more ("two
/// hundred and five", not "two and three"), except before a fraction
/// ("one and a half"). Reading stops at the last complete number, so "3
/// hundred and 2 hundred" is 300 and then 200.
fn parse_cardinal(
    toks: &Tokens,
    start: usize,
    mut k: usize,
    mut card: Card,
    form: Form,
    lex: &Lexicon,
    mode: Mode,
) -> Option<Core> {
    let n = &lex.numbers;
    let mut best = (card.has_small || card.total > 0.0).then_some((k, card.value()));
    // The number before the last "and", in case what follows it is a new number.
    let mut before_and: Option<(usize, f64)> = None;
    let finish = |best: Option<(usize, f64)>| {
        best.map(|(end, v)| {
            let weak = end == start + 1
                && (toks.norm(start) == "one" || scale_of(lex, toks.norm(start), false).is_some());
            Core {
                weak,
                ..Core::exact(end, v, form)
            }
        })
    };
    let conflict = |card: &Card, best, before_and| {
        if card.small_after_and {
            before_and
        } else {
            best
        }
    };
    loop {
        let w = toks.norm_at(k);
        let kind = toks.kind(k);
        let any = card.has_small || card.hundreds > 0.0 || card.total > 0.0;
        // A fraction: "two thirds", "one - fourth".
        if !any && let Some((f, end)) = parse_fraction(toks, k, lex) {
            card.small = f;
            card.has_small = true;
            k = end;
            best = Some((k, card.value()));
            // "two thirds of a million"
            let mut s = k;
            if toks.norm_at(s) == "of" && matches!(toks.norm_at(s + 1), "a" | "an") {
                s += 2;
            }
            let w = toks.norm_at(s);
            if let Some(m) = scale_of(lex, w, false).or_else(|| multiple_of(lex, w, false)) {
                best = Some((s + 1, f * m));
            }
            return finish(best);
        }
        if kind == Some(TokKind::Word)
            && let Some(v) = word_value(lex, w)
        {
            if card.has_small {
                // "twenty five" is one number; "two three" is not.
                if !(is_ten(card.small) && v < 10.0 && v > 0.0) {
                    break;
                }
                card.small += v;
            } else {
                card.small = v;
                card.has_small = true;
            }
            card.after_scale = false;
            k += 1;
            best = Some((k, card.value()));
            continue;
        }
        // Digits after a scale in a number that started with digits:
        // "4 thousand 3 hundred and 21".
        if kind == Some(TokKind::Number)
            && form == Form::Digits
            && card.after_scale
            && !card.has_small
            && w.bytes().all(|b| b.is_ascii_digit())
        {
            let v: f64 = w.parse().ok()?;
            let next = toks.norm_at(k + 1);
            let smaller_scale = next == "hundred"
                || scale_of(lex, next, false).is_some_and(|s| s < card.last_scale);
            if !(card.small_after_and || smaller_scale) || v >= 1000.0 {
                break;
            }
            card.small = v;
            card.has_small = true;
            card.after_scale = false;
            k += 1;
            best = Some((k, card.value()));
            continue;
        }
        // "fifty - two"
        if w == "-"
            && is_ten(card.small)
            && toks.kind(k + 1) == Some(TokKind::Word)
            && let Some(u) =
                word_value(lex, toks.norm_at(k + 1)).filter(|u| (1.0..10.0).contains(u))
        {
            card.small += u;
            k += 2;
            best = Some((k, card.value()));
            continue;
        }
        // "a hundred", "a million", "a dozen"
        if matches!(w, "a" | "an") && !any {
            let next = toks.norm_at(k + 1);
            if next == "hundred"
                || scale_of(lex, next, false).is_some()
                || multiple_of(lex, next, false).is_some()
            {
                card.small = 1.0;
                card.has_small = true;
                k += 1;
                continue;
            }
            break;
        }
        if w == "hundred" || (w == "hundreds" && card.has_small) {
            if card.hundreds > 0.0 {
                best = conflict(&card, best, before_and);
                break;
            }
            if !card.has_small && any {
                break;
            }
            card.hundreds = if card.has_small { card.small } else { 1.0 } * 100.0;
            card.small = 0.0;
            card.has_small = false;
            card.small_after_and = false;
            card.after_scale = true;
            k += 1;
            best = Some((k, card.value()));
            continue;
        }
        if let Some(s) = scale_of(lex, w, any).filter(|s| *s >= 1000.0) {
            let group = card.hundreds + card.small;
            if card.has_small || card.hundreds > 0.0 {
                if card.last_scale > 0.0 && s >= card.last_scale {
                    best = conflict(&card, best, before_and);
                    break;
                }
                card.total += group * s;
            } else if card.total > 0.0 && card.after_scale && s > card.last_scale {
                card.total *= s; // "three thousand millions"
            } else if !any {
                card.total = s; // "million": a bare scale
            } else {
                break;
            }
            card.hundreds = 0.0;
            card.small = 0.0;
            card.has_small = false;
            card.small_after_and = false;
            card.last_scale = s;
            card.after_scale = true;
            k += 1;
            best = Some((k, card.value()));
            continue;
        }
        if let Some(m) = multiple_of(lex, w, any).filter(|_| any) {
            if card.has_small && card.hundreds > 0.0 {
                card.small *= m; // "three hundred and two dozens"
            } else {
                card.small = (card.hundreds + card.small) * m;
                card.hundreds = 0.0;
                card.has_small = true;
            }
            best = Some((k + 1, card.value()));
            break;
        }
        if n.and_words.contains(w) && any {
            // "one and a half", "two million and a half", "five and a half million"
            if let Some((f, end)) = parse_fraction(toks, k + 1, lex) {
                let whole_group = card.has_small || card.hundreds > 0.0;
                let scale_next = scale_of(lex, toks.norm_at(end), false).is_some();
                if !whole_group && card.last_scale > 0.0 && !scale_next {
                    card.total += f * card.last_scale;
                } else {
                    card.small += f;
                    card.has_small = true;
                }
                card.after_scale = false;
                k = end;
                best = Some((k, card.value()));
                if scale_next {
                    continue;
                }
                break;
            }
            // "two hundred and five", "4 thousand 3 hundred and 21", not "and 0"
            let next = toks.norm_at(k + 1);
            let word_next = toks.kind(k + 1) == Some(TokKind::Word)
                && word_value(lex, next).is_some_and(|v| v > 0.0);
            let digits_next = form == Form::Digits
                && toks.kind(k + 1) == Some(TokKind::Number)
                && next.bytes().all(|b| b.is_ascii_digit())
                && next.parse::<f64>().is_ok_and(|v| v > 0.0);
            if card.value() >= 100.0 && !card.has_small && (word_next || digits_next) {
                before_and = best;
                card.small_after_and = true;
                card.after_scale = true;
                k += 1;
                continue;
            }
            break;
        }
        // "three million, two hundred": a comma between groups.
        if mode == Mode::Numbers
            && w == ","
            && card.after_scale
            && card.last_scale >= 1000.0
            && toks.kind(k + 1) == Some(TokKind::Word)
            && word_value(lex, toks.norm_at(k + 1)).is_some()
        {
            let after = toks.norm_at(k + 2);
            if after == "hundred"
                || scale_of(lex, after, false).is_some_and(|s| s < card.last_scale)
            {
                k += 1;
                continue;
            }
        }
        break;
    }
    finish(best)
}

/// Cardinal words: "twenty-five", "two hundred and twenty", "a dozen",
/// "half a million", "two thirds", "one and a half".
fn parse_words(toks: &Tokens, j: usize, lex: &Lexicon, mode: Mode) -> Option<Core> {
    let n = &lex.numbers;
    let first = toks.norm(j);
    // Most words start no number ("twenty-five" and "one-eighth" by their head).
    let head = first.split_once('-').map_or(first, |(a, _)| a);
    if !n.cardinal_starts.contains(head) {
        return None;
    }
    // "half a million", "half million", "quarter of a million", "half a dozen"
    // ("a quarter of a million" is a fraction of a scale, below)
    if let Some(&frac) = n.fractions.get(first) {
        let mut s = j + 1;
        if toks.norm_at(s) == "of" {
            s += 1;
        }
        if matches!(toks.norm_at(s), "a" | "an") {
            s += 1;
        }
        let w = toks.norm_at(s);
        if let Some(m) = scale_of(lex, w, false).or_else(|| multiple_of(lex, w, false)) {
            return Some(Core::exact(s + 1, frac * m, Form::Words));
        }
    }
    // "half" alone ("more than half")
    if let Some(d) = n.denominators.get(first)
        && d.alone
        && !d.plural
        && fraction_in_context(toks, j, j + 1, d)
    {
        return Some(Core::exact(j + 1, 1.0 / d.value, Form::Words));
    }
    parse_cardinal(toks, j, j, Card::default(), Form::Words, lex, mode)
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
/// Figures are read as counts: signs are not read ("minus 5" is 5).
pub fn parse_at(toks: &Tokens, i: usize, lex: &Lexicon) -> Option<NumberPhrase> {
    parse_phrase(toks, i, lex, Mode::Counts)
}

fn parse_phrase(toks: &Tokens, i: usize, lex: &Lexicon, mode: Mode) -> Option<NumberPhrase> {
    let first = parse_single(toks, i, lex, mode)?;
    Some(join_bounds(toks, &first, lex, mode).unwrap_or(first))
}

fn is_bound(q: Qualifier) -> bool {
    matches!(
        q,
        Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::AtMost | Qualifier::LessThan
    )
}

/// A lower and an upper bound joined into one range: "more than 10 and
/// fewer than 40" is [11, 39]; "at most 100, at least 20" is [20, 100].
fn join_bounds(toks: &Tokens, a: &NumberPhrase, lex: &Lexicon, mode: Mode) -> Option<NumberPhrase> {
    if !is_bound(a.qualifier) {
        return None;
    }
    let mut k = a.end;
    while k < a.end + 2 && lex.numbers.bound_joiners.contains(toks.norm_at(k)) {
        k += 1;
    }
    if k == a.end {
        return None;
    }
    let b = parse_single(toks, k, lex, mode)?;
    if !is_bound(b.qualifier) || a.qualifier.is_lower_bound() == b.qualifier.is_lower_bound() {
        return None;
    }
    let (lower, upper) = if a.qualifier.is_lower_bound() {
        (a, &b)
    } else {
        (&b, a)
    };
    let counts = !a.fractional && !b.fractional;
    if lower.interval.lo >= upper.interval.hi || (counts && lower.value.lo() > upper.value.hi()) {
        return None; // "more than 40 and less than 10": two bounds
    }
    Some(NumberPhrase {
        start: a.start,
        end: b.end,
        core_start: a.core_start,
        core_end: b.core_end,
        value: Bounds::new(lower.value.min, upper.value.max),
        qualifier: Qualifier::Range,
        form: a.form,
        fractional: a.fractional || b.fractional,
        weak: false,
        point: None,
        figure: None,
        interval: Interval {
            lo: lower.interval.lo,
            lo_inclusive: lower.interval.lo_inclusive,
            hi: upper.interval.hi,
            hi_inclusive: upper.interval.hi_inclusive,
        },
    })
}

/// Does a figure start at `k` (or after "than"/"to" there)? Words after a
/// figure qualify it only when no other figure follows them: "5000 or
/// less" is a bound, "5000 or less than 6000" is two figures.
fn figure_follows(toks: &Tokens, k: usize, lex: &Lexicon, mode: Mode) -> bool {
    parse_core(toks, k, lex, mode).is_some()
        || (matches!(toks.norm_at(k), "than" | "to")
            && parse_core(toks, k + 1, lex, mode).is_some())
}

/// "forty-five (45)": the same figure repeated in brackets is one figure.
fn with_echo(toks: &Tokens, core: Core, lex: &Lexicon, mode: Mode) -> Core {
    if core.vague || core.lo != core.hi || toks.norm_at(core.end) != "(" {
        return core;
    }
    match parse_core(toks, core.end + 1, lex, mode) {
        Some(b)
            if matches!(b.form, Form::Digits | Form::Words)
                && !b.vague
                && b.lo == core.lo
                && b.hi == core.hi
                && toks.norm_at(b.end) == ")" =>
        {
            Core {
                end: b.end + 1,
                ..core
            }
        }
        _ => core,
    }
}

/// One phrase: a figure or a range with the qualifiers around it.
fn parse_single(toks: &Tokens, i: usize, lex: &Lexicon, mode: Mode) -> Option<NumberPhrase> {
    // "between 10 and 20", "from 10 to 20", but not "rose from 224 to 639"
    let w = toks.norm_at(i);
    if (w == "between" || (w == "from" && !is_change_verb(toks, i + 1)))
        && let Some(a) = parse_core(toks, i + 1, lex, mode)
    {
        let joiner = if w == "between" { "and" } else { "to" };
        if toks.norm_at(a.end) == joiner
            && let Some(b) = parse_core(toks, a.end + 1, lex, mode)
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
        Some((len, q)) if parse_core(toks, i + len, lex, mode).is_some() => (*q, i + len),
        _ => (Qualifier::Exact, i),
    };
    let mut core = parse_core(toks, core_start, lex, mode)?;
    if !matches!(core.form, Form::Digits | Form::Words | Form::Vague) {
        return Some(NumberPhrase::from_core(
            i,
            core_start,
            core,
            Qualifier::Exact,
            lex,
        ));
    }
    core = with_echo(toks, core, lex, mode);
    let mut qualifier = qualifier;
    if core.lo != core.hi && !core.vague {
        qualifier = Qualifier::Range; // "10-20"
    }
    // "10 to 20", "10 - 20", "20 through 100", "two or three"
    let joiner = toks.norm_at(core.end);
    if qualifier == Qualifier::Exact
        && !core.vague
        && lex.numbers.range_joiners.contains(joiner)
        && let Some(b) = parse_core(toks, core.end + 1, lex, mode)
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
    match qualifier {
        // "14 or more", "50-plus", "50+", "five hundred or less"; "about 500
        // or more" is at least 500.
        Qualifier::Exact | Qualifier::Vague | Qualifier::Approximately => {
            if toks.norm(core.end - 1).ends_with("-plus") {
                phrase = NumberPhrase::from_core(i, core_start, core, Qualifier::AtLeast, lex);
            } else if let Some((len, q)) = lex.qualifiers_after.match_at(toks, core.end)
                && !figure_follows(toks, core.end + len, lex, mode)
            {
                phrase = NumberPhrase::from_core(i, core_start, core, *q, lex);
                phrase.end = core.end + len;
            }
        }
        // "less than 5000 or equal"
        Qualifier::MoreThan | Qualifier::LessThan => {
            if let Some((len, _)) = lex.numbers.or_equal.match_at(toks, core.end)
                && !figure_follows(toks, core.end + len, lex, mode)
            {
                let q = if qualifier == Qualifier::MoreThan {
                    Qualifier::AtLeast
                } else {
                    Qualifier::AtMost
                };
                phrase = NumberPhrase::from_core(i, core_start, core, q, lex);
                phrase.end = core.end + len;
            }
        }
        _ => {}
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
        let Some(np) = parse_phrase(&toks, i, lex, Mode::Numbers) else {
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
            if !text[..digits].bytes().all(|b| b.is_ascii_digit()) {
                return None; // "3rd-largest"
            }
            core = core.start..core.start + digits;
            span = core.clone();
        }
    }
    // "the one you mentioned", "which one": a pronoun.
    if np.weak
        && np.start == np.core_start
        && toks.norm(np.core_start) == "one"
        && np
            .start
            .checked_sub(1)
            .is_some_and(|p| lex.numbers.one_pronoun_after.contains(toks.norm(p)))
    {
        return None;
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
        assert_eq!(parse_at(&t, 1, &lex), None);
        let p = parse_at(&t, 2, &lex).unwrap();
        assert_eq!(p.value, Bounds::exact(224));
        t.tokenize("from 224 to 639", 0);
        assert_eq!(parse_at(&t, 0, &lex).unwrap().qualifier, Qualifier::Range);
    }

    #[test]
    fn claims_read_comparisons_joined_bounds_and_spelled_out_counts() {
        use Qualifier::*;
        type Case = (
            &'static str,
            Option<u64>,
            Option<u64>,
            Qualifier,
            &'static str,
        );
        let cases: &[Case] = &[
            // Comparisons, as numbers.yaml words them.
            ("exactly 20 people", Some(20), Some(20), Exact, "exactly 20"),
            ("equal to 20", Some(20), Some(20), Exact, "equal to 20"),
            (
                "greater than 100",
                Some(101),
                None,
                MoreThan,
                "greater than 100",
            ),
            (
                "exceeded 1,000 by Friday",
                Some(1001),
                None,
                MoreThan,
                "exceeded 1,000",
            ),
            (
                "less than or equal to 30",
                None,
                Some(30),
                AtMost,
                "less than or equal to 30",
            ),
            (
                "equal to or more than 30",
                Some(30),
                None,
                AtLeast,
                "equal to or more than 30",
            ),
            ("30 or fewer", None, Some(30), AtMost, "30 or fewer"),
            ("65 and over", Some(65), None, AtLeast, "65 and over"),
            (
                "less than 5000 or equal",
                None,
                Some(5000),
                AtMost,
                "less than 5000 or equal",
            ),
            (">700", Some(701), None, MoreThan, ">700"),
            // A qualifier after the figure, not before another figure.
            (
                "5000 or less than 6000",
                Some(5000),
                Some(5000),
                Exact,
                "5000",
            ),
            ("50 and more than 100", Some(50), Some(50), Exact, "50"),
            (
                "about 500 or more",
                Some(500),
                None,
                AtLeast,
                "about 500 or more",
            ),
            // Two bounds joined into a range, when they make one.
            (
                "more than 10 and fewer than 40 people",
                Some(11),
                Some(39),
                Range,
                "more than 10 and fewer than 40",
            ),
            (
                "at most 100 and at least 20",
                Some(20),
                Some(100),
                Range,
                "at most 100 and at least 20",
            ),
            (
                "more than 40 and less than 10",
                Some(41),
                None,
                MoreThan,
                "more than 40",
            ),
            (
                "20 through 100",
                Some(20),
                Some(100),
                Range,
                "20 through 100",
            ),
            // Spelled-out and mixed counts.
            (
                "two hundred and thirty one people",
                Some(231),
                Some(231),
                Exact,
                "two hundred and thirty one",
            ),
            (
                "Forty-five (45) people",
                Some(45),
                Some(45),
                Exact,
                "Forty-five (45)",
            ),
            (
                "one and a half million",
                Some(1_500_000),
                Some(1_500_000),
                Exact,
                "one and a half million",
            ),
            (
                "a quarter of a million",
                Some(250_000),
                Some(250_000),
                Exact,
                "a quarter of a million",
            ),
            (
                "half million",
                Some(500_000),
                Some(500_000),
                Exact,
                "half million",
            ),
            (
                "3 hundred and 21",
                Some(321),
                Some(321),
                Exact,
                "3 hundred and 21",
            ),
            ("three dozens", Some(36), Some(36), Exact, "three dozens"),
            // Counts have no sign.
            ("minus 5", Some(5), Some(5), Exact, "5"),
        ];
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        for (input, min, max, q, text) in cases {
            t.tokenize(input, 0);
            let p = (0..t.len())
                .find_map(|i| parse_at(&t, i, &lex))
                .unwrap_or_else(|| panic!("no number in {input:?}"));
            let span = &input[t.get(p.start).unwrap().start..t.get(p.end - 1).unwrap().end];
            assert_eq!(
                (p.value, p.qualifier, span),
                (b(*min, *max), *q, *text),
                "{input}"
            );
        }
    }

    /// Values found by `find_numbers`, in order.
    fn values(text: &str) -> Vec<Option<f64>> {
        find_numbers(text, &Lexicon::builtin())
            .iter()
            .map(|m| m.value.map(|v| (v * 1e9).round() / 1e9))
            .collect()
    }

    #[test]
    fn numbers_in_words_digits_and_fractions() {
        let cases: &[(&str, f64)] = &[
            ("two hundred and twenty-five", 225.0),
            ("Three hundred and thirty one", 331.0),
            ("twenty-one thousand eleven", 21_011.0),
            ("seven hundred twenty-one thousand and twelve", 721_012.0),
            ("nineteen hundred", 1900.0),
            ("two quadrillion", 2e15),
            ("fifty - two", 52.0),
            ("nil", 0.0),
            ("naught", 0.0),
            ("1,000,000", 1e6),
            ("1.5m", 1.5e6),
            ("1,674.5 million", 1_674_500_000.0),
            ("2.12 hundred", 212.0),
            ("a hundred", 100.0),
            ("a million and one", 1_000_001.0),
            ("million", 1e6),
            ("4 thousand 3 hundred and 21", 4321.0),
            ("three billions", 3e9),
            ("three thousand millions", 3e9),
            ("3 dozens", 36.0),
            ("two hundred dozens", 2400.0),
            ("three hundred and two dozens", 324.0),
            ("half a million", 5e5),
            ("half million", 5e5),
            ("a quarter of a million", 2.5e5),
            ("two thirds of a million", 666_666.666_666_667),
            ("three quarters billion", 7.5e8),
            ("half", 0.5),
            ("a half", 0.5),
            ("two thirds", 0.666_666_667),
            ("one-eighth", 0.125),
            ("five - eighths", 0.625),
            ("three halves", 1.5),
            ("a fifth", 0.2),
            ("one and a half", 1.5),
            ("three and one fourth", 3.25),
            ("forty two and a third", 42.333_333_333),
            ("two and a half million", 2.5e6),
            ("one million and a half", 1.5e6),
            ("3 million and a quarter", 3.25e6),
            ("five billion and three quarters", 5.75e9),
            ("one billion and a half million", 1_000_500_000.0),
            ("1/2", 0.5),
            ("forty-five (45)", 45.0),
            ("45 (forty five)", 45.0),
            ("three million, two hundred & forty", 3_000_240.0),
            ("minus 5", -5.0),
            ("-1.5", -1.5),
            ("negative one", -1.0),
            (".08", 0.08),
        ];
        let lex = Lexicon::builtin();
        for (text, want) in cases {
            let found = find_numbers(text, &lex);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].span, 0..text.len(), "{text}");
            let got = found[0].value.unwrap_or(f64::NAN);
            assert!(
                (got - want).abs() <= 1e-9 * want.abs().max(1.0),
                "{text}: {got}"
            );
        }
    }

    #[test]
    fn numbers_next_to_each_other_stay_apart() {
        let cases: &[(&str, &[f64])] = &[
            ("3 hundred and 2 hundred", &[300.0, 200.0]),
            ("4 thousand 3 hundred and 0", &[4300.0, 0.0]),
            ("4000 3 hundred and 21", &[4000.0, 321.0]),
            ("3 hundred and negative one", &[300.0, -1.0]),
            ("twenty five and thirty six", &[25.0, 36.0]),
            ("one, two and three", &[1.0, 2.0, 3.0]),
            ("one two and three", &[1.0, 2.0, 3.0]),
            ("45 and 50 cases", &[45.0, 50.0]),
            ("In 2019, 1 million 5 people", &[2019.0, 1e6, 5.0]),
            ("one million, two million", &[1e6, 2e6]),
            ("the past two quarters", &[2.0]),
            ("version two and a previous version", &[2.0]),
            ("He won 10 - 5", &[10.0, 5.0]),
        ];
        for (text, want) in cases {
            let want: Vec<Option<f64>> = want.iter().map(|v| Some(*v)).collect();
            assert_eq!(values(text), want, "{text}");
        }
    }

    #[test]
    fn words_that_are_not_numbers_here() {
        for text in [
            "the one you mentioned",
            "Which one do you prefer?",
            "no one was hurt",
            "a third time",
            "the first half of the year",
            "half past noon",
            "a quarter past noon",
            "a man and a woman",
            "the number 1/0",
            "the 9/11 attacks",
            "open 24/7",
            "last semester",
        ] {
            assert_eq!(values(text), vec![], "{text}");
        }
    }

    #[test]
    fn lone_one_is_weak() {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize("one thing", 0);
        assert!(parse_at(&t, 0, &lex).unwrap().weak);
        t.tokenize("one hundred", 0);
        assert!(!parse_at(&t, 0, &lex).unwrap().weak);
        t.tokenize("million", 0);
        assert!(parse_at(&t, 0, &lex).unwrap().weak);
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
            (
                "thirty percentage",
                "thirty percentage",
                Some(30.0),
                (30.0, true, 30.0, true),
                true,
            ),
            (
                "one hundred percents",
                "one hundred percents",
                Some(100.0),
                (100.0, true, 100.0, true),
                true,
            ),
            (
                "minus five per cent",
                "minus five per cent",
                Some(-5.0),
                (-5.0, true, -5.0, true),
                true,
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
