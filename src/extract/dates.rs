//! Interim date recognizer (month-day, years, weekdays); replaced by the full grammar.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::{Date, PartialDate, Weekday, month_from_name};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Range<usize>,
    pub kind: DateKind,
    pub value: Option<DateValue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Absolute { year_written: bool },
    Year { year_context: bool },
    Relative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Point(PartialDate),
    Range(Date, Date),
}

impl DateValue {
    pub fn latest(&self) -> Option<Date> {
        match self {
            DateValue::Point(p) => match (p.month, p.day) {
                (Some(m), Some(d)) => Date::new(p.year, m, d),
                (Some(m), None) => Date::new(p.year, m, crate::date::days_in_month(p.year, m)),
                _ => Date::new(p.year, 12, 31),
            },
            DateValue::Range(_, b) => Some(*b),
        }
    }
}

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)
        \b(?P<md>(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<d1>\d{1,2})(?:,?\s+(?P<y1>\d{4}))?)\b
      | \b(?P<dm>(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<y2>\d{4}))?)\b
      | \b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
      | (?:^|[^\d,.])(?P<y>(?:19|20)\d{2})\b(?:[^\d,.]|$)
    ").expect("valid")
});

fn closest(reference: Option<Date>, m: u8, d: u8) -> Option<Date> {
    let r = reference?;
    [r.year - 1, r.year, r.year + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d))
        .min_by_key(|c| c.days_since(r).abs())
}

pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in RE.captures_iter(text) {
        if let Some(mm) = c.name("md").or(c.name("dm")) {
            let month = month_from_name(c.name("m1").or(c.name("m2")).map_or("", |m| m.as_str()))
                .unwrap_or(1);
            let day: u8 = c
                .name("d1")
                .or(c.name("d2"))
                .and_then(|d| d.as_str().parse().ok())
                .unwrap_or(1);
            let year: Option<i32> = c
                .name("y1")
                .or(c.name("y2"))
                .and_then(|y| y.as_str().parse().ok());
            let date = match year {
                Some(y) => Date::new(y, month, day),
                None => closest(reference, month, day),
            };
            out.push(DateMention {
                span: mm.range(),
                kind: DateKind::Absolute {
                    year_written: year.is_some(),
                },
                value: date.map(|d| DateValue::Point(PartialDate::day(d))),
            });
        } else if let Some(w) = c.name("wd") {
            let day = Weekday::parse(w.as_str()).unwrap_or(Weekday::Monday);
            out.push(DateMention {
                span: w.range(),
                kind: DateKind::Relative,
                value: reference
                    .map(|r| DateValue::Point(PartialDate::day(r.previous_or_same(day)))),
            });
        } else if let Some(y) = c.name("y") {
            let before = text[..y.start()].trim_end();
            let ctx = [
                "in", "since", "by", "until", "from", "before", "after", "during", "of",
            ]
            .iter()
            .any(|p| before.to_ascii_lowercase().ends_with(p));
            out.push(DateMention {
                span: y.range(),
                kind: DateKind::Year { year_context: ctx },
                value: Some(DateValue::Point(PartialDate::year(
                    y.as_str().parse().unwrap_or(2000),
                ))),
            });
        }
    }
    out
}
