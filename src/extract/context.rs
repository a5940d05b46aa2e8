//! Numbers that are not counts: percentages, money, ages, clock times,
//! ordinals, phone numbers, years, durations, measurements, identifiers.
//! Each gets a reason, so `extract --all` can say why it was left out.

use super::numbers::{Form, NumberPhrase};
use super::text::{TokKind, Tokens};
use crate::lexicon::Lexicon;

/// Why a number mention is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    Percent,
    Money,
    Age,
    Time,
    Ordinal,
    Phone,
    Year,
    /// A relative date ("Friday", "two days ago"): it dates other figures.
    RelativeDate,
    Duration,
    Measure,
    Identifier,
    Decimal,
    Score,
    /// In navigation, a sidebar, a teaser, a byline...
    Furniture,
    /// Nothing around it names what it counts.
    NoMetric,
    /// "one" used as a pronoun, or a lone "a dozen" with nothing counted.
    NotACount,
    /// The old value in a change ("rose from 224 to 639").
    PreviousValue,
    /// A date that says when another figure holds ("as of June 20") or
    /// bounds a period ("since 26 October").
    AsOfDate,
    /// A date after publication: a schedule, not an event.
    FutureDate,
    /// What may happen to them, not what did: "several of them were at
    /// risk of execution", "40 face execution".
    Prospective,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Percent => "percentage",
            Reason::Money => "money",
            Reason::Age => "age",
            Reason::Time => "time of day",
            Reason::Ordinal => "ordinal",
            Reason::Phone => "phone number or code",
            Reason::Year => "year",
            Reason::RelativeDate => "relative date",
            Reason::Duration => "duration or frequency",
            Reason::Measure => "measurement",
            Reason::Identifier => "identifier or name",
            Reason::Decimal => "decimal, not a count",
            Reason::Score => "score or ratio",
            Reason::Furniture => "page furniture",
            Reason::NoMetric => "no countable metric",
            Reason::NotACount => "not a count",
            Reason::PreviousValue => "earlier value of a change",
            Reason::AsOfDate => "date bounding other figures",
            Reason::FutureDate => "date after publication",
            Reason::Prospective => "at risk, not done",
        }
    }
}

fn is_year(v: u64) -> bool {
    (1900..=2100).contains(&v)
}

/// The reason a number phrase is not a count, judged from the phrase and
/// the words next to it; `None` when it may be a count.
pub fn classify(toks: &Tokens, np: &NumberPhrase, lex: &Lexicon) -> Option<Reason> {
    let l = &lex.language;
    let first_core = toks.norm(np.core_start);
    match np.form {
        Form::Clock => return Some(Reason::Time),
        Form::HyphenPair { first, second } => {
            return Some(if is_year(first) && is_year(second) {
                Reason::Year
            } else if second >= 1000 && first >= 100 {
                Reason::Phone
            } else {
                Reason::Score
            });
        }
        Form::Compound => {
            return Some(
                if first_core.contains("year-old") || first_core.contains("years-old") {
                    Reason::Age
                } else if let Some((_, rest)) = first_core.split_once('-')
                    && (l.time_units.contains(rest)
                        || l.time_units.contains(rest.trim_end_matches('s')))
                {
                    Reason::Duration
                } else if ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| first_core.trim_start_matches(|c: char| c.is_ascii_digit()) == *s)
                {
                    Reason::Ordinal
                } else {
                    Reason::Identifier
                },
            );
        }
        Form::Digits | Form::Words | Form::Vague => {}
    }
    let next = np.end;
    let prev = np.start.checked_sub(1);
    // Money: "$1.5 million", "1.5 million dollars", "€20", "US$ 5".
    if let Some(p) = prev
        && (l.currency_symbols.match_ending_at(toks, p + 1).is_some())
    {
        return Some(Reason::Money);
    }
    if l.currency_words.contains(toks.norm_at(next)) {
        return Some(Reason::Money);
    }
    if l.percent_words.match_at(toks, next).is_some() {
        return Some(Reason::Percent);
    }
    if l.age_words.match_at(toks, next).is_some()
        || prev.is_some_and(|p| l.age_prefixes.contains(toks.norm(p)))
        // "under the age of 18", "aged between 15 and 17"
        || prev.is_some_and(|p| {
            p >= 1 && toks.norm(p) == "of" && l.age_prefixes.contains(toks.norm(p - 1))
        })
    {
        return Some(Reason::Age);
    }
    // "Jane Doe, 45, said" and "Doe (45)"
    if let Some(p) = prev
        && p >= 1
        && matches!(toks.norm(p), "," | "(")
        && matches!(toks.norm_at(next), "," | ")")
        && toks
            .get(p - 1)
            .is_some_and(|t| t.capitalized && t.kind == TokKind::Word)
        && np.form == Form::Digits
        && np.value.max.is_some_and(|v| v < 120)
        && np.start == np.core_start
    {
        return Some(Reason::Age);
    }
    if l.time_words.match_at(toks, next).is_some() {
        return Some(Reason::Time);
    }
    // Phone numbers and codes: digit groups in a row, or a leading "+".
    if toks.kind(next) == Some(TokKind::Number)
        || prev.is_some_and(|p| {
            toks.norm(p) == "+" && toks.get(p).map(|t| t.end) == toks.get(np.start).map(|t| t.start)
        })
    {
        return Some(Reason::Phone);
    }
    if l.time_units.contains(toks.norm_at(next)) {
        return Some(Reason::Duration);
    }
    if l.measure_units.match_at(toks, next).is_some() {
        return Some(Reason::Measure);
    }
    if let Some(p) = prev
        && np.start == np.core_start
        && l.identifier_prefixes.match_ending_at(toks, p + 1).is_some()
        && np.form == Form::Digits
    {
        return Some(Reason::Identifier);
    }
    if np.fractional {
        return Some(Reason::Decimal);
    }
    None
}

/// Does the phrase look like a year ("2018", not "2,018" or "2018 people")?
pub fn looks_like_year(toks: &Tokens, np: &NumberPhrase) -> bool {
    np.form == Form::Digits
        && np.start == np.core_start
        && np.core_end == np.core_start + 1
        && np.point.is_some_and(is_year)
        && toks.norm(np.core_start).len() == 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers::parse_at;

    fn reason(s: &str, at: usize) -> Option<Reason> {
        let lex = Lexicon::builtin();
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        let np = parse_at(&t, at, &lex).unwrap_or_else(|| panic!("no number at {at} in {s}"));
        classify(&t, &np, &lex)
    }

    #[test]
    fn non_counts_get_reasons() {
        let cases: &[(&str, usize, Reason)] = &[
            ("prices rose 14 % in June", 2, Reason::Percent),
            ("prices rose 14 percent", 2, Reason::Percent),
            ("a $1.5 million fund", 2, Reason::Money),
            ("1.5 million dollars", 0, Reason::Money),
            ("At just 19 years old", 2, Reason::Age),
            ("a 19-year-old woman", 1, Reason::Age),
            ("aged 45", 1, Reason::Age),
            ("children under the age of 18", 5, Reason::Age),
            ("Jane Doe, 45, said", 3, Reason::Age),
            ("at 10:30 local time", 1, Reason::Time),
            ("at 10 pm", 1, Reason::Time),
            ("the 3rd time", 1, Reason::Ordinal),
            ("call 555-1234 now", 1, Reason::Phone),
            ("call +98 21 1234", 2, Reason::Phone),
            ("within two weeks", 1, Reason::Duration),
            ("several times since", 0, Reason::Duration),
            ("a 12-day war", 1, Reason::Duration),
            ("10 km away", 0, Reason::Measure),
            ("Resolution 2231 says", 1, Reason::Identifier),
            ("Channel 12 reported", 1, Reason::Identifier),
            ("a 3-1 win", 1, Reason::Score),
            ("2.5 of them", 0, Reason::Decimal),
        ];
        for (s, at, want) in cases {
            assert_eq!(reason(s, *at), Some(*want), "{s}");
        }
    }

    #[test]
    fn counts_get_no_reason() {
        for (s, at) in [
            ("at least 14 dead", 0),
            ("639 deaths", 0),
            ("dozens wounded", 0),
            ("killed 25 people", 1),
        ] {
            assert_eq!(reason(s, at), None, "{s}");
        }
    }
}
