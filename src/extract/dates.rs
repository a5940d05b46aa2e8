//! Recognizer of English date expressions in news text.
//!
//! [`find_dates`] scans a text for calendar dates ("June 12, 2025", "12 June",
//! "the 12th of June", "2025-06-12", "mid-June", "June 13-20", "Q1 2019"), bare
//! years ("in 2018", "2013-2015", "the 1990s") and dates relative to the
//! article's publication date ("last Friday", "two days ago", "earlier this
//! month"), and resolves each one against that reference date with the *past*
//! reading news needs. Matches are non-overlapping; where candidates overlap the
//! longest wins (the leftmost among equally long ones). Every pattern is
//! compiled once; spans are byte ranges on char boundaries of the input.
//!
//! # Spans
//!
//! A span covers the date expression itself: modifiers that change the value
//! are inside ("last Friday", "early June", "mid-June", "Friday morning",
//! "over the weekend", "between June 13 and June 20", "from 2013 to 2015"),
//! while prepositions that only qualify it are outside ("in 2018" → `2018`,
//! "on Friday" → `Friday`, "since June" → `June`, "before 2019" → `2019`): the
//! caller reads those as qualifiers. A possessive is outside too ("Friday's
//! strike" → `Friday`).
//!
//! # Resolution rules (`reference` = the article's publication date)
//!
//! * **Month and day without a year**: the year among reference year −1, +0,
//!   +1 that puts the date closest to the reference ("December 30" in an
//!   article of 2026-01-03 → 2025-12-30; "June 25" in one of 2025-06-20 →
//!   2025-06-25). A written weekday ("Tue, May 9") restricts the choice to the
//!   years where the date falls on that weekday, when there is one. After
//!   "since" the most recent date on or before the reference is taken. Without
//!   a reference the value is `None`; February 29 only resolves to leap years
//!   and impossible dates ("June 31", "2015-02-30") are not reported.
//! * **Month alone**: "June 2025", "June of 1992", "Dec. 2018" are
//!   month-precision points. Without a year ("in June", "early June",
//!   "mid-June") the month is only recognized after a cue (in, since, by, until,
//!   till, from, during, before, after, through, throughout, of, early, late,
//!   mid, last, this, next) or as the second member of "June and July"; a bare
//!   capitalized "June" elsewhere may be a name. The year is the one whose month
//!   is closest to the reference (the most recent one after "since"). "last
//!   June" is the latest June before the reference's month, "next June" the
//!   first one after it, "this June" the one in the reference year.
//!   early/mid/late and "the beginning/middle/end of June" keep month
//!   precision (a claim dated "mid-June" must not pretend to a day); the
//!   modifier is inside the span. "late last month", "early next week", "the
//!   end of this month" and "the end of the month/week" (the current one)
//!   are the whole month or week.
//! * **May, March, Mar** and the weekday abbreviations (**Sat, Sun, Wed**, …)
//!   count only when capitalized in the text, and May/March only next to a day
//!   or year or after a cue, so "he may go" and "the march on the capital" are
//!   not dates. "May" right after a capitalized name ("Theresa May 2019") is not
//!   a month.
//! * **Weekdays**: "Friday", "on Friday", "Friday morning", "early Friday",
//!   "Friday's" → the most recent such day on or before the reference (an
//!   article published on a Friday saying "Friday" means that day). "this
//!   past Friday", "past Friday" → strictly before the reference; "this coming
//!   Friday", "coming/upcoming Friday" → strictly after. "last Friday",
//!   "previous Friday" → the Friday of the previous ISO week, "next Friday" →
//!   the Friday of the next ISO week: a bare weekday already covers the past
//!   seven days, so an explicit last/next names the neighbouring week (in an
//!   article of Thursday, "last Wednesday" is eight days back and "next
//!   Friday" eight days ahead; on a Monday, "last Friday" is three days back).
//!   "this Friday" → the Friday of the reference's ISO week; "Tuesday of
//!   last/next week", "next week Wednesday", "last week on Tuesday",
//!   "previous week - Monday" → that day of the previous/next ISO week.
//!   "Good Friday", "Black Friday" and the ordinal "the last Friday of …" are
//!   not matched.
//! * **Day words**: "yesterday" and "last night" = ref−1; "today", "tonight",
//!   "this morning/afternoon/evening" = ref; "tomorrow" = ref+1; "the day before
//!   yesterday" = ref−2; "the day after tomorrow" = ref+2; "the previous day",
//!   "the day before" = ref−1 (best effort: news often means the day before
//!   another event; "the day before the vote" is not matched at all).
//! * **Ago**: "N days ago" = ref−N; "N weeks ago" = ref−7N (day precision);
//!   "N months ago" = the same day N months earlier (clamped to the month's
//!   length), "N years/decades ago" likewise, "a fortnight ago" = ref−14;
//!   compounds add up ("2 weeks and 2 days ago", "1 year, 2 months ago"). N is
//!   digits or words; "a"/"an" is 1 and "a couple (of)" is 2. "N … from now"
//!   and "in N …'s time" ("in three weeks' time") are the same forward.
//!   Imprecise forms ("a few days ago", "several days ago", "days ago", "some
//!   weeks ago") are the range ref−9 units ..= ref−2 units. "N days
//!   after/before/from ‹single day›" counts from that day ("3 days after June
//!   12", "two weeks from tomorrow"). Not recognized: a bare "in 3 days" (as
//!   often a duration: "prices doubled in three weeks"), a bare "1 year 2
//!   months" (a duration), "3 days later", "4 days before" (anchored to an
//!   event). "to date", "till date" = ref ("the largest protest to date"; not
//!   "up to date" nor "to date the bones"); "year to date", "YTD" = January 1
//!   ..= ref.
//! * **Calendar periods**: "last week" = Monday..Sunday of the previous ISO
//!   week; "this week", "earlier this week", "earlier in the week" = Monday of
//!   the reference's week ..= ref; "later this week" = ref ..= Sunday; "next
//!   week" = the next ISO week. "last month" = the whole previous calendar
//!   month; "this month", "earlier this month" = first of the month ..= ref;
//!   "later this month" = ref ..= month end; "next month" = the next month.
//!   "last year" = the previous year (a year point); "this year", "earlier this
//!   year" = January 1 ..= ref; "later this year" = ref ..= December 31; "next
//!   year" = the next year. Quarters and decades follow the month rules on
//!   calendar quarters and decades ("last quarter" = the previous calendar
//!   quarter, "last decade" = 2010-2019 in 2025). "current" is "this", "this calendar year" is "this year"; "the
//!   week after next" = the ISO week after the next one.
//! * **Windows**: "the past week", "the last 3 months", "past two years" = ref
//!   − span ..= ref (also "past week" without "the", compounds such as "the
//!   last 3 months and 2 weeks", and the order "the 5 past years"); "the next
//!   3 days", "the coming weeks", "the next couple weeks", "the 2 upcoming
//!   months" = ref+1 ..= ref + span; "few"/"several"/plural without a number
//!   count as 9 units. Quarters are whole calendar quarters ("the last two
//!   quarters", "the next quarter", "the past quarter").
//!   "the last week of July" and "the next day"/"the following week" (relative
//!   to an event) are not matched.
//! * **Weekends** (Saturday..Sunday): "last weekend" = the previous ISO week's;
//!   "this weekend" = the reference week's; "next weekend" = the next week's;
//!   "over/during/at/on the weekend", "this past weekend" = the most recent one
//!   (the current one when the reference is a Saturday or Sunday).
//! * **Years**: a four-digit number 1900-2100 standing alone → a year point,
//!   reported as [`DateKind::Year`] with `year_context` true after a cue (in,
//!   since, by, until, till, through, throughout, from, before, after, during,
//!   pre-, post-, of, year, circa, a season, between … and); "the 2015 deal"
//!   and "2018 people" have `year_context` false. "early 2014", "mid-2014",
//!   "late 2019", "the beginning/middle/end of 2020" → the first, middle or
//!   last third of the year (January-April, May-August, September-December),
//!   still a `Year` with `year_context` true; "late last year", "the end of
//!   the year" (the current one) are Relative thirds. "the calendar year 2008"
//!   is 2008. Decades: "the 1990s", "the nineties", "the nineteen-eighties",
//!   "the '80s" ("'00s" and "'10s" are this century's; "in their forties" is
//!   an age); centuries: "the 19th century" = 1800-1899 (not the adjective
//!   "19th-century" nor "20th Century Fox"). Seasons are northern-hemisphere meteorological ones
//!   (spring March-May, summer June-August, autumn/fall September-November,
//!   winter December-February, belonging to the year it ends in): "summer
//!   2014", "the winter of 2014" (Dec 2013-Feb 2014) are `Year`s; "last
//!   summer" (the latest one ended before the reference), "this summer" (the
//!   one under way, else the reference year's; "this winter" the coming one),
//!   "next spring" are Relative; a bare "summer" is not a date, nor "this
//!   fall in oil prices".
//!   "2013-2015", "2014-15", "between 2013 and 2015", "from 2013 to 2015",
//!   "from 2007 to the end of 2008" → the range Jan 1 2013 ..= Dec 31 2015;
//!   "the 1990s" → 1990-01-01 ..= 1999-12-31 (all with `year_context` true).
//! * **Quarters and halves**: "Q1 2019", "2019-Q1", "H2 2024", "the first
//!   quarter of 2024", "the second half of last year", "next year's first
//!   quarter" → the months they cover
//!   (Absolute with a written year, Relative with "this/last/next year"); "in
//!   Q3" takes the closest year; "the first quarter" without a year (as in a
//!   game) is not matched.
//! * **Numeric dates**: ISO "2025-06-12" and "2025/06/12" (a trailing
//!   "T10:00…" time is part of the span, its date part is the value);
//!   "23/08/2020", "08-23-2020", "23.08.2020" only when unambiguous (one field
//!   above 12, or both fields equal); two-part "22/04" only when unambiguous
//!   and after a cue (on, since, from, until, by, before, after, to, between,
//!   and). A year and a month: "2015-12", "2015-3" (but "2014-15" is a span
//!   of years), and "2015/12", "12-2015", "03/2020" after a date cue or
//!   standing alone ("Law 3/2020", "Model 12-2015" are numbers). Month names with dashes or
//!   slashes: "2019-aug-01", "2019/Aug/1", "Sep-23-2020", "Oct/2"; compact
//!   "20170302" (a valid date of 1900-2099 standing alone, as in file names);
//!   a capitalized month glued to its day, "Dec31, 1994"; "October, 1st" (a
//!   comma only before a day with an ordinal suffix: "In October, 12 people"
//!   is a count). Everything else stays a number: "10:30", "3/4", "24/7",
//!   "1.5", "6,221", "555-1234", "COVID-19", "F-35", "10-20", "2,018", "$2018".
//! * **Ranges**: "June 12-13", "June 12 to 15", "12-13 June", "between 13 and
//!   20 June", "June 12 - July 3, 2025", "between June 13 and June 20", "from
//!   June 13 to June 20", "from March to May", "Jan-Feb 2017", "from April
//!   until the end of June" → an inclusive range of days; month- or
//!   year-precision ends become their first/last day ("the end of June" is
//!   the whole month, "the end of 2008" its last third, but "from 2007 to the
//!   start of 2008" ends on January 1, 2008). A year written on
//!   one end only applies to both (the start moves back a year if it would
//!   otherwise come after the end); without any year the start is resolved as
//!   a single date and the end follows it. After "from"/"between", an end may
//!   be relative or another kind of period: "between Jan 2019 and today",
//!   "from 2010 until now", "from March to date" (the start is then the
//!   latest one on or before the reference), "from next Monday to Friday",
//!   "between now and November 15" (a bare weekday or a year-less date at
//!   the end is the first one from the start on), "between the end of 2007
//!   and the end of 2008", "from 2017-Q1 to 2018-Q1", "from this May to Oct
//!   2020".
//! * **Parts of months and years**: "the last week of July", "the first
//!   week of 2015", "the first 2 weeks of 2021", "the last four months of
//!   2021", "the first ten days of last year", "the 15th day of next month",
//!   "the third month of 2021". Weeks are Monday..Sunday and belong to the
//!   month or year that holds their Thursday, so the weeks of a year are its
//!   ISO weeks ("the first week of 2015" = 2014-12-29..2015-01-04) and "the
//!   last week of July 2016" is July 25-31. Absolute when the month or year
//!   is written, Relative for "this month", "last year", ….
//! * **Weeks of a day**: "the week of April 10" → the Monday..Sunday week
//!   holding that day; "the week beginning/starting/commencing February 4",
//!   "w/c Feb 4" → the seven days from it.
//! * **Day of the month alone**: "on the 18th", "since the 4th," (after on,
//!   since, by, until, till, from, before, after, and only before punctuation:
//!   "the 18th century", "on the 18th floor" are not dates), "the 21st this
//!   month", "Mon 13th", "Tuesday the eleventh", "Monday 21!" → the closest
//!   such day to the reference (in its month for "this month"), on the
//!   weekday when one is written, like a month and day without a year. A
//!   bare number after a weekday must end the clause ("on Monday 21 people
//!   died" is a count). A weekday before a numeric date is kept with it
//!   ("Friday 2018-7-6").
//! * **Not dates**, by choice: holiday names ("Christmas", "Easter 2018",
//!   "Labor Day weekend": they depend on a country and a calendar); week
//!   numbers ("week 31"); fiscal and school years; business days; years and
//!   days spelled out in words ("nineteen ninety six"); two-digit years
//!   ("April of 87"); dates relative to an event or to the context ("3 weeks
//!   later", "the following week", "the same week", "that weekend"); a bare
//!   season ("summer"); impossible dates ("February 30").
//!
//! `tests/conformance_dates.rs` measures these rules against other projects'
//! date suites; `tests/conformance/dates-skip.txt` lists, by category, the
//! cases set aside because of the choices above.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::date::{Date, PartialDate, Weekday, days_in_month, month_from_name};

/// One date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the whole expression in the input text ("last Friday", "June 12, 2025", "two days ago").
    pub span: Range<usize>,
    pub kind: DateKind,
    /// What it resolves to. For Absolute: Some whenever the year is written or a reference was given
    /// (year inferred from the reference when missing). For Year: always Some. For Relative: Some only
    /// when a reference date was given.
    pub value: Option<DateValue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar date with at least a month: "June 12", "12 June 2025", "June 12, 2025", "Jun. 12th",
    /// "the 12th of June", "2025-06-12", "June 2025", "mid-June", "early June" (month precision),
    /// "June 13-20" (range).
    Absolute { year_written: bool },
    /// A four-digit year 1900-2100 on its own ("in 2018", "the 2015 deal", "since 2014", "2018").
    /// Reported separately because the caller decides from context whether a bare "2018" is a year
    /// or a count ("2018 people"). `year_context` is true when an unmistakable year cue precedes it
    /// (see the module documentation); "the"/"a" + year + noun is not a cue. Spans of years
    /// built on written years are `Year`s too, always with `year_context` true: "2013-2015",
    /// "the 1990s", "the nineties", "the 19th century", "mid-2019", "the end of 2020",
    /// "summer 2014".
    Year { year_context: bool },
    /// Relative to the reference date: weekdays, yesterday/today/tonight, "N days ago",
    /// "last week", "earlier this month", "over the weekend", ...
    Relative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// A single day, month or year.
    Point(PartialDate),
    /// An inclusive range of days ("last week" = Monday..Sunday of the previous ISO week;
    /// "June 13-20"; "between June 13 and June 20"; month-precision endpoints become
    /// first day..last day).
    Range(Date, Date),
}

impl DateValue {
    /// The last day it covers (month → its last day, year → Dec 31, Range → end).
    pub fn latest(&self) -> Option<Date> {
        match *self {
            DateValue::Point(p) => last_day_of(p),
            DateValue::Range(_, end) => Some(end),
        }
    }

    /// The first day it covers.
    pub fn earliest(&self) -> Option<Date> {
        match *self {
            DateValue::Point(p) => first_day_of(p),
            DateValue::Range(start, _) => Some(start),
        }
    }
}

// ---------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------

fn first_day_of(p: PartialDate) -> Option<Date> {
    match (p.month, p.day) {
        (Some(m), Some(d)) => Date::new(p.year, m, d),
        (Some(m), None) => Date::new(p.year, m, 1),
        (None, _) => Date::new(p.year, 1, 1),
    }
}

fn last_day_of(p: PartialDate) -> Option<Date> {
    match (p.month, p.day) {
        (Some(m), Some(d)) => Date::new(p.year, m, d),
        (Some(m), None) => Date::new(p.year, m, days_in_month(p.year, m)),
        (None, _) => Date::new(p.year, 12, 31),
    }
}

/// `d` moved by `months` calendar months, the day clamped to the target month.
fn add_months(d: Date, months: i64) -> Date {
    let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    let year = total.div_euclid(12) as i32;
    let month = (total.rem_euclid(12) + 1) as u8;
    Date {
        year,
        month,
        day: d.day.min(days_in_month(year, month)),
    }
}

fn month_first(year: i32, month: u8) -> Date {
    Date {
        year,
        month,
        day: 1,
    }
}

fn month_last(year: i32, month: u8) -> Date {
    Date {
        year,
        month,
        day: days_in_month(year, month),
    }
}

/// Monday of the ISO week of `d`.
fn week_monday(d: Date) -> Date {
    d.add_days(-i64::from(d.weekday().index()))
}

/// Distance in days from `r` to the interval `a..=b` (0 inside).
fn distance(r: Date, a: Date, b: Date) -> i64 {
    if r < a {
        a.days_since(r)
    } else if r > b {
        r.days_since(b)
    } else {
        0
    }
}

fn range(a: Date, b: Date) -> Option<DateValue> {
    (a <= b).then_some(DateValue::Range(a, b))
}

// ---------------------------------------------------------------------------
// Number and ordinal words
// ---------------------------------------------------------------------------

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// A count written in digits or words ("3", "twenty-one", "a", "a couple of").
/// `Some(None)` for the imprecise quantifiers (a few, several, some, many).
fn parse_count(s: &str) -> Option<Option<i64>> {
    let s = s.to_ascii_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    match joined.as_str() {
        "a" | "an" => return Some(Some(1)),
        "a couple of" | "couple of" | "a couple" | "couple" => return Some(Some(2)),
        "a few" | "few" | "several" | "some" | "many" => return Some(None),
        _ => {}
    }
    if let Ok(n) = joined.parse::<i64>() {
        return Some(Some(n));
    }
    let small = |w: &str| SMALL.iter().position(|x| *x == w).map(|i| i as i64);
    let tens = |w: &str| {
        TENS.iter()
            .position(|x| !x.is_empty() && *x == w)
            .map(|i| i as i64 * 10)
    };
    match words.as_slice() {
        [w] => small(w).or_else(|| tens(w)).map(Some),
        [t, u] => Some(Some(tens(t)? + small(u).filter(|&v| (1..10).contains(&v))?)),
        _ => None,
    }
}

/// Day of month written as an ordinal word ("first", "twenty-third", "thirtieth").
fn parse_ordinal_word(s: &str) -> Option<u8> {
    let s = s.to_ascii_lowercase();
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let ord = |w: &str| ORDINALS.iter().position(|x| !x.is_empty() && *x == w);
    match words.as_slice() {
        [w] => match *w {
            "twentieth" => Some(20),
            "thirtieth" => Some(30),
            _ => ord(w).map(|i| i as u8),
        },
        ["twenty", u] => ord(u).filter(|&i| i < 10).map(|i| 20 + i as u8),
        ["thirty", "first"] => Some(31),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Internal representation of candidates
// ---------------------------------------------------------------------------

/// A calendar date as written: month always, day and year when present. Month 0 stands
/// for a whole (written) year when a year is a range end ("from 2007 to the end of 2008").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parts {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
    weekday: Option<Weekday>,
}

impl Parts {
    fn new(year: Option<i32>, month: u8, day: Option<u8>) -> Parts {
        Parts {
            year,
            month,
            day,
            weekday: None,
        }
    }

    /// The written or given year, when the day exists in it.
    fn in_year(self, year: i32) -> Option<PartialDate> {
        if self.month == 0 {
            return Some(PartialDate::year(year));
        }
        match self.day {
            Some(d) => Date::new(year, self.month, d).map(PartialDate::day),
            None => Some(PartialDate::month(year, self.month)),
        }
    }

    /// Position within its year, for ordering a range's ends; a whole year sorts first as
    /// a start and last as an end.
    fn order_key(self, as_end: bool) -> (u8, u8) {
        match (self.month, as_end) {
            (0, true) => (13, 0),
            _ => (self.month, self.day.unwrap_or(0)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Last,
    This,
    Next,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WeekdayMode {
    /// "Friday": the most recent one on or before the reference.
    OnOrBefore,
    /// "last Friday": strictly before.
    Before,
    /// "next Friday": strictly after.
    After,
    /// "this Friday", "Friday of this week": in the reference's ISO week.
    ThisWeek,
    /// "Tuesday of last week".
    LastWeek,
    /// "Tuesday of next week".
    NextWeek,
}

/// A length of time as calendar months plus days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    months: i64,
    days: i64,
}

impl Span {
    fn of_unit(unit: &str) -> Span {
        match unit.to_ascii_lowercase().as_str() {
            "week" => Span { months: 0, days: 7 },
            "fortnight" => Span {
                months: 0,
                days: 14,
            },
            "quarter" => Span { months: 3, days: 0 },
            "month" => Span { months: 1, days: 0 },
            "year" => Span {
                months: 12,
                days: 0,
            },
            "decade" => Span {
                months: 120,
                days: 0,
            },
            _ => Span { months: 0, days: 1 },
        }
    }

    fn times(self, n: i64) -> Span {
        Span {
            months: self.months.saturating_mul(n),
            days: self.days.saturating_mul(n),
        }
    }

    /// `d` moved by `sign` (±1) times this span, months first.
    fn apply(self, d: Date, sign: i64) -> Date {
        add_months(d, sign * self.months).add_days(sign * self.days)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    /// ref moved by a span: "3 days ago" (sign −1), "2 years from now" (+1), "yesterday".
    Shift {
        span: Span,
        sign: i64,
    },
    /// "a few days ago": ref − 9 units ..= ref − 2 units (mirrored for "from now").
    Imprecise {
        unit: Span,
        sign: i64,
    },
    /// "the past 3 months": ref − span ..= ref.
    Rolling(Span),
    /// "the next 3 days": ref + 1 day ..= ref + span.
    Ahead(Span),
    /// Whole calendar quarters before (negative) or after (positive) the current one:
    /// "the last 2 quarters", "the next quarter".
    Quarters(i64),
    Weekday(Weekday, WeekdayMode),
    /// last/this/next week; `This` is Monday ..= ref.
    Week(Step),
    /// The whole calendar week this many weeks from the reference's ("the week after next").
    WeekOffset(i64),
    /// "later this week": ref ..= Sunday.
    WeekRest,
    Month(Step),
    MonthRest,
    Year(Step),
    YearRest,
    /// Calendar quarters; `This` is the quarter's start ..= ref.
    Quarter(Step),
    /// Calendar decades (2020-2029); `This` is the decade's start ..= ref.
    Decade(Step),
    /// `None`: the most recent weekend ("over the weekend").
    Weekend(Option<Step>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Res {
    Fixed(DateValue),
    /// A written date, the year possibly to infer; `past` picks the most recent occurrence.
    Abs {
        parts: Parts,
        past: bool,
    },
    AbsRange(Parts, Parts),
    /// "last June", "this June", "next June".
    MonthRel(u8, Step),
    /// A run of whole months in one year: quarters and halves ("Q1 2019", "the first
    /// half of last year").
    Months {
        first: u8,
        last: u8,
        year: YearSpec,
    },
    Rel(Rel),
    /// A range with at least one relative end: "between Jan 2019 and today".
    Between(Box<Res>, Box<Res>),
    /// "3 days after January 12", "two weeks from tomorrow": a single day moved by a span.
    Offset {
        base: Box<Res>,
        span: Span,
        sign: i64,
    },
    /// The whole calendar week, month or year a candidate names: "the end of this month".
    Whole(Box<Res>),
    /// A part of a whole month or year: "the last week of July", "the first 2 weeks of 2021".
    PartOf {
        period: Box<Res>,
        part: Part,
    },
    /// A third of a year (0: January-April, 1: May-August, 2: September-December):
    /// "early 2019", "mid-2019", "the end of 2020", "late last year". `start_of`: written
    /// "the start/beginning of", which ends a range on the year's first day ("from 2007 to
    /// the start of 2008").
    YearThird {
        year: Box<Res>,
        third: u8,
        start_of: bool,
    },
    /// The week of a day: Monday ..= Sunday around it ("the week of April 10"), or the
    /// seven days from it ("the week beginning February 4").
    WeekOf {
        day: Box<Res>,
        from_day: bool,
    },
    /// A northern-hemisphere meteorological season (0 spring: March-May, 1 summer, 2
    /// autumn, 3 winter: December-February): of a written year (a winter belongs to the
    /// year it ends in), or last/this/next.
    Season {
        season: u8,
        year: Option<i32>,
        step: Step,
    },
    /// A day of the month without its month ("on the 18th", "Mon 13th"): the closest such
    /// day to the reference, on the given weekday; in the reference's month when
    /// `this_month`.
    DayOfMonth {
        day: u8,
        weekday: Option<Weekday>,
        this_month: bool,
    },
}

/// The unit of a part of a period: "the first *week* of July".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartUnit {
    Day,
    Week,
    Month,
}

/// "the first week", "the last 3 months", "the 15th day": `count` units starting at the
/// `index`-th one (1-based), counted from the end when `from_end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Part {
    unit: PartUnit,
    from_end: bool,
    index: u32,
    count: u32,
}

/// What a whole period is made of, for taking parts of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PeriodUnit {
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearSpec {
    Written(i32),
    /// Reference year plus this offset ("this year", "last year").
    Relative(i32),
    /// The year whose occurrence is closest to the reference.
    Infer,
}

#[derive(Clone, Debug)]
struct Cand {
    span: Range<usize>,
    kind: DateKind,
    res: Res,
}

// ---------------------------------------------------------------------------
// Patterns (compiled once)
// ---------------------------------------------------------------------------

/// Full month names, or abbreviations with an optional period ("Sept.", but not the
/// sentence period after "November.").
const MONTH: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b\.?)";
const WDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)\b\.?";
const WDFULL: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const ORDW: &str = r"(?:(?:twenty|thirty)[-\s]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|eleventh|twelfth|tenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)";
const NUM: &str = r"(?:\d{1,5}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+couple(?:\s+of)?|couple(?:\s+of)?|a\s+few|few|several|some|many|an|a)";
const CONN: &str = r"(?:-|–|—|~|to|through|thru|until|till|and)";
const UNIT: &str = r"(?:day|week|fortnight|month|quarter|year|decade)";
/// Optional year after a month and day: "June 12, 2025", "June 12 2025", "12 June of 2025".
const YTAIL: &str = r"(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<y>\d{4})\b)?";

fn build(pattern: &str) -> Regex {
    let p = pattern
        .replace("<MONTH>", MONTH)
        .replace("<WDAY>", WDAY)
        .replace("<WDFULL>", WDFULL)
        .replace("<ORDW>", ORDW)
        .replace("<NUM>", NUM)
        .replace("<CONN>", CONN)
        .replace("<UNIT>", UNIT)
        .replace("<YTAIL>", YTAIL)
        // ASCII word boundaries and digits keep the fast DFA engines usable on non-ASCII
        // text (Unicode \b makes them bail out); a UTF-8 sequence never contains an ASCII
        // word byte, so no boundary can fall inside a character.
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]");
    Regex::new(&p).expect("date pattern compiles")
}

/// "June 12", "Friday, June 12, 2025", "Jun. 12th", "June the first".
static RE_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<wd><WDAY>),?\s+)?(?P<m><MONTH>)(?P<comma>\s*,)?\s*(?:the\s+)?(?P<day>(?P<d>[0-3]?\d)(?P<sfx>st|nd|rd|th)?\b|(?P<dw><ORDW>)\b)<YTAIL>",
    )
});
/// "12 June", "the 12th of June 2025", "Friday 13 June", "05-Aug-2016", "fourth of July".
static RE_DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<wd><WDAY>),?\s+)?(?P<the>the\s+)?(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw><ORDW>))(?P<of>\s+of)?(?:\s+|\s*-\s*|/)(?P<m><MONTH>)(?:(?:\s*,\s*|\s+|-|/)(?:of\s+|in\s+)?(?P<y>\d{4})\b)?",
    )
});
/// "June 2025", "June of 1992", "Dec-2018", "mid-June 2025".
static RE_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<mod>early|late|mid)(?:\s*-\s*|\s+))?(?P<m><MONTH>)(?:\s*,\s*|\s+of\s+|\s+in\s+|\s+|-|/)(?P<y>\d{4})\b",
    )
});
/// "June" with an optional modifier: "mid-June", "early June", "last June".
static RE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)\b(?:(?P<mod>early|late|mid|last|next|this)(?:\s*-\s*|\s+))?(?P<m><MONTH>)")
});
/// "from March to May", "between August and October", "Jan-Feb 2017".
static RE_MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<pre>from|between)\s+)?(?P<m1><MONTH>)\s*(?P<c><CONN>)\s*(?P<m2><MONTH>)(?:(?:\s*,\s*|\s+)(?:in\s+)?(?P<y>\d{4})\b)?",
    )
});
/// "June 12-13", "between June 12 and 15", "June 13 to 20, 2025".
static RE_MONTH_DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<pre>from|between)\s+)?(?:(?P<wd><WDAY>),?\s+)?(?P<m><MONTH>)\s*(?:the\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw1><ORDW>))\s*(?P<c><CONN>)\s*(?:the\s+)?(?P<day2>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw2><ORDW>))\b<YTAIL>",
    )
});
/// "12-13 June", "between 3 and 12 of Sept", "from 9 to 12 June 2020".
static RE_DAY_RANGE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<pre>from|between)\s+)?(?:the\s+)?(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw1><ORDW>))\s*(?P<c><CONN>)\s*(?:the\s+)?(?:(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?|(?P<dw2><ORDW>))(?:\s+of)?\s+(?P<m><MONTH>)<YTAIL>",
    )
});
/// "2013-2015", "2014-15", "between 2013 and 2015", "from 2013 to 2015".
static RE_YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<pre>from|between)\s+)?(?P<y1>\d{4})\s*(?P<c><CONN>)\s*(?P<y2>\d{4}|\d{2})\b",
    )
});
/// "2025-06-12", "2025/06/12", "2025-06-12T10:00:00Z".
static RE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<y>\d{4})(?P<s1>[-/.])(?P<mo>\d{1,2})(?P<s2>[-/.])(?P<d>\d{1,2})(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?",
    )
});
/// "23/08/2020", "08-23-2020", "23.08.2020".
static RE_NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    build(r"\b(?P<a>\d{1,2})(?P<s1>[-/.])(?P<b>\d{1,2})(?P<s2>[-/.])(?P<y>\d{4})\b")
});
/// "2015-12", "2015-3", "2015/12": a year and a month.
static RE_YEAR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| build(r"\b(?P<y>\d{4})[-/](?P<m>\d{1,2})\b"));
/// "12-2015", "03/2020": a month and a year.
static RE_MONTH_YEAR_NUM: LazyLock<Regex> =
    LazyLock::new(|| build(r"\b(?P<m>\d{1,2})[-/](?P<y>\d{4})\b"));
/// "2019-aug-01", "2019/Aug/1", "Sep-23-2020", "Oct/2".
static RE_MIXED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<y1>\d{4})(?P<s1>[-/])(?P<m1><MONTH>)(?P<s2>[-/])(?P<d1>[0-3]?\d)|(?P<m2><MONTH>)(?P<s3>[-/])(?P<d2>[0-3]?\d)(?:(?P<s4>[-/])(?P<y2>\d{4}))?)\b",
    )
});
/// "20170302": a compact year, month and day.
static RE_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    build(r"\b(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\b")
});
/// "Dec31, 1994": a capitalized month glued to its day.
static RE_GLUED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<m>january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b<YTAIL>",
    )
});
/// "22/04", "11/20" (only unambiguous ones after a cue).
static RE_NUMERIC_DM: LazyLock<Regex> =
    LazyLock::new(|| build(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})\b"));
static RE_YEAR: LazyLock<Regex> = LazyLock::new(|| build(r"\b(?P<y>\d{4})\b"));
/// "1990s", "1990's".
static RE_DECADE: LazyLock<Regex> = LazyLock::new(|| build(r"\b(?P<y>\d{3}0)(?:'|’)?s\b"));
static RE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<early>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<mod>last|next|this\s+coming|this\s+past|this\s+upcoming|this|past|previous|coming|upcoming)\s+)?(?P<wd><WDFULL>)\b(?:\s+(?:morning|afternoon|evening|night))?(?:\s+of\s+(?P<wk>last|next|this)\s+week\b)?",
    )
});
/// "next week Wednesday", "last week on Tuesday", "previous week - Monday".
static RE_WEEK_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<wk>last|this|next|previous|current)\s+week(?:\s*[-–—,]\s*|\s+on\s+|\s+)(?P<wd><WDAY>)",
    )
});
static RE_DAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)\b(?:\s+(?:morning|afternoon|evening|night))?",
    )
});
static RE_PREVIOUS_DAY: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\bthe\s+(?:(?:previous|prior)\s+day|day\s+before)\b"));
/// "3 days ago", "two weeks and two days ago", "a year from now".
static RE_AGO: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<body><NUM>\s+<UNIT>s?(?:(?:\s*,\s*|\s+and\s+|\s+)<NUM>\s+<UNIT>s?)*)\s+(?P<dir>ago|from\s+now)\b",
    )
});
static RE_AGO_PART: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?P<n><NUM>)\s+(?P<u><UNIT>)"));
/// "days ago", "years ago".
static RE_BARE_AGO: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)\b(?P<u><UNIT>)s\s+ago\b"));
static RE_CALENDAR: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<mod>earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|last|this|next|previous|current)\s+(?P<u>week|month|quarter|(?:calendar\s+)?year|decade|weekend)\b",
    )
});
static RE_WEEKEND: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:(?:over|during|at|on)\s+the|this\s+past)\s+weekend\b"));
/// "the past week", "the last 3 months", "past two years".
static RE_ROLLING: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<the>the|this)\s+)?(?P<m>past|last|previous)\s+(?:(?P<n><NUM>)\s+)?(?P<u><UNIT>)s?\b",
    )
});
/// ", 2 weeks and 3 days" continuing a window ("the last 3 months and 2 weeks").
static RE_SPAN_MORE: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)^(?:(?:\s*,\s*|\s+and\s+)(?:<NUM>)\s+<UNIT>s?\b)+"));
/// "the 5 past years", "the 2 upcoming months", "the 3 next weeks".
static RE_WINDOW_REVERSED: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\bthe\s+(?P<n><NUM>)\s+(?P<m>past|previous|last|next|upcoming|coming)\s+(?P<u><UNIT>)s\b",
    )
});
/// "to date", "till date", "year to date", "YTD".
static RE_TO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<ytd>(?:the\s+)?year[-\s]+to[-\s]+date|(?-i:YTD))|(?:to|till|until)[-\s]+date)\b",
    )
});
/// "last summer", "this winter", "summer 2014", "the fall of 2019".
static RE_SEASON: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<mod>last|this|next|past|coming)\s+)?(?P<s>spring|summer|autumn|fall|winter)\b(?:(?:\s+of)?\s+(?P<y>\d{4})\b)?",
    )
});
/// "the nineties", "the nineteen-eighties", "the '90s".
static RE_DECADE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?:\b(?P<the>the)\s+(?:nineteen[-\s]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|(?:'|’)(?P<d>\d)0s\b)",
    )
});
/// "the 19th century", "the twenty-first century".
static RE_CENTURY: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w><ORDW>))\s+century\b"));
/// "the calendar year " right before a year.
static RE_CALENDAR_YEAR_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:the\s+)?calendar\s+year\s+$"));
/// "the week after next".
static RE_WEEK_AFTER_NEXT: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?:the\s+)?week\s+after\s+next\b"));
/// "in three weeks' time", "in a fortnight's time".
static RE_IN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\bin\s+(?P<body><NUM>\s+<UNIT>s?(?:(?:\s*,\s*|\s+and\s+|\s+)<NUM>\s+<UNIT>s?)*)(?:'s?|’s?)?\s+time\b",
    )
});
/// "the next 3 days", "over the coming weeks", "the next few days".
static RE_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<the>the)\s+)?(?P<mod>next|coming|following|upcoming)\s+(?:(?P<n><NUM>)\s+)?(?P<u><UNIT>)(?P<pl>s)?\b",
    )
});
/// "Q1 2019", "2019-Q1", "H2 2019", "Q3".
static RE_QUARTER_CODE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<q1>q[1-4]|h[12])(?:\s+of\s+|-|/|\s)?(?P<y1>\d{4})|(?P<y2>\d{4})(?:-|/|\s)?(?P<q2>q[1-4]|h[12])|(?P<q3>(?-i:Q[1-4])))\b",
    )
});
/// "the first quarter of 2019", "the second half of last year", "fourth quarter 2024".
static RE_QUARTER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<rel2>this|last|next)\s+year(?:'|’)s\s+|the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)(?:\s+of\s+(?:(?P<y>\d{4})\b|(?P<rel>this|last|next|the)\s+year\b)|(?:\s*,\s*|\s+)(?P<y2>\d{4})\b)?",
    )
});
/// "3 days after ", "two weeks from " right before an anchor date.
static RE_OFFSET_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<body><NUM>\s+<UNIT>s?(?:(?:\s*,\s*|\s+and\s+|\s+)<NUM>\s+<UNIT>s?)*)\s+(?P<dir>before|after|from)\s+$",
    )
});
/// "the first week of ", "the last 3 months of ", "the 15th day of " right before a month
/// or a year.
static RE_PART_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:the\s+)?(?P<ord>last|final|<ORDW>|[0-3]?\d(?:st|nd|rd|th))\s+(?:(?P<n><NUM>)\s+)?(?P<u>day|week|month)s?\s+of\s+$",
    )
});
/// "mid-", "early ", "the end of " right before a year (or a month, for the last form).
static RE_THIRD_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:(?P<m1>early|mid|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?P<m2>end|beginning|start|middle)\s+of\s+(?:the\s+year\s+)?)$",
    )
});
/// "the end of the year", "the beginning of the month", "end of the week".
static RE_END_OF_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?:the\s+)?(?P<m>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?P<u>year|month|week)\b",
    )
});
/// "the week of ", "the week beginning ", "w/c " right before a day.
static RE_WEEK_OF_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)(?:\b(?:the\s+)?week\s+(?P<k>of|beginning|starting|commencing)(?:\s+on)?|\bw/c)\s+$",
    )
});
/// A weekday right before a written date: "Friday 2018-07-06".
static RE_WEEKDAY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?P<wd><WDAY>)\s*,?\s*$"));
/// "Mon 13th", "Tuesday the eleventh", "Monday 21!".
static RE_WEEKDAY_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)\b(?P<wd><WDAY>),?\s+(?P<the>the\s+)?(?:(?P<d>[0-3]?\d)(?P<sfx>st|nd|rd|th)?|(?P<dw><ORDW>))\b",
    )
});
/// "on the 18th", "the 21st this month".
static RE_THE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build(r"(?i)\bthe\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?P<this>\s+(?:of\s+)?this\s+month\b)?")
});
/// "… until now", "… to date", "… till the present" after the start of a range.
static RE_UNTIL_NOW: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^\s*(?P<c><CONN>)\s*(?:now|date|the\s+present(?:\s+day)?|present\s+day|current\s+date)\b",
    )
});
/// What may separate the two ends of a range; "the end of" etc. only approximate the end.
static RE_GAP: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)^\s*(?P<c><CONN>)\s*$"));
static RE_RANGE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?P<pre>between|from)\s+$"));
/// "between now and ", "from now until " right before the end of a range.
static RE_NOW_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| build(r"(?i)\b(?P<pre>between|from)\s+(?:now|today)\s+(?P<c><CONN>)\s+$"));

// ---------------------------------------------------------------------------
// Text context helpers (all offsets are char boundaries of the original text)
// ---------------------------------------------------------------------------

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn ends_with_ci(haystack: &str, suffix: &str) -> bool {
    haystack.len() >= suffix.len()
        && haystack.is_char_boundary(haystack.len() - suffix.len())
        && haystack[haystack.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The byte offset just after the character starting at `i`.
fn next_boundary(text: &str, i: usize) -> usize {
    i + text[i..].chars().next().map_or(1, char::len_utf8)
}

/// The largest char boundary not above `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The word (letters and apostrophes) ending right before `pos`, skipping whitespace,
/// with its start offset. `None` when something else (punctuation, digits) comes first.
fn word_before(text: &str, pos: usize) -> Option<(&str, usize)> {
    let end = text[..pos].trim_end().len();
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '\'' || c == '’')
        .last()
        .map(|(i, _)| i)?;
    Some((&text[start..end], start))
}

/// The word right after `pos`, skipping whitespace.
fn word_after(text: &str, pos: usize) -> &str {
    let rest = text[pos..].trim_start();
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// Lower-cased word before `pos`, or "".
fn cue_before(text: &str, pos: usize) -> String {
    word_before(text, pos).map_or_else(String::new, |(w, _)| w.to_lowercase())
}

/// A number starting at `start` is not glued to another number or code on its left:
/// rejects "555-1234", "F-35", "1,2018", "$2018", "v2018" (but allows "mid-2014").
fn number_left_ok(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let trimmed = before.trim_end();
    if trimmed.len() < before.len() && trimmed.ends_with(['$', '€', '£', '¥']) {
        return false;
    }
    let mut it = before.chars().rev();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('$' | '€' | '£' | '#' | '+' | '№') => false,
        Some('-' | '–' | '/') => {
            if ["mid-", "pre-", "post-"]
                .iter()
                .any(|p| ends_with_ci(before, p))
            {
                return true;
            }
            !it.next().is_some_and(char::is_alphanumeric)
        }
        Some('.' | ',' | ':') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// Looser left check for shapes that cannot be codes ("report-2018-09-23"): only
/// rejects digits glued on the left ("12025-06-12", "1-2025-06-12").
fn digits_left_ok(text: &str, start: usize) -> bool {
    let mut it = text[..start].chars().rev();
    match it.next() {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        Some('-' | '–' | '/' | '.' | ',' | ':') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// A number ending at `end` is not glued to another number on its right:
/// rejects "2018-19" fragments, "2018.5", "6,221", "10:30", "2018%", "12th-century".
fn number_right_ok(text: &str, end: usize) -> bool {
    let mut it = text[end..].chars();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('%') => false,
        Some('-' | '–' | '/' | '.' | ',' | ':') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "of",
    "year",
    "circa",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "between",
];
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "before",
    "after",
    "during",
    "of",
    "early",
    "late",
    "mid",
];
/// Slashed day/month pairs ("22/04") count only after these.
const NUMERIC_CUES: &[&str] = &[
    "on", "since", "from", "until", "till", "by", "before", "after", "to", "between", "and",
];
/// Capitalized words that may stand before "May 12" without making "May" a surname.
const NOT_NAMES: &[&str] = &[
    "in", "on", "the", "a", "an", "and", "or", "by", "since", "until", "till", "from", "to",
    "between", "of", "at", "for", "after", "before", "during", "through", "last", "next", "this",
    "early", "late", "mid", "that", "when", "as", "around", "about", "dated",
];

/// Month number of a matched month name, or `None` when the capitalization rule rejects
/// it: "May", "March" and "Mar" only when capitalized, and "May" not after a
/// capitalized name ("Theresa May").
fn month_token(text: &str, m: regex::Match) -> Option<u8> {
    let s = m.as_str();
    let month = month_from_name(s)?;
    let bare = s.trim_end_matches('.').to_ascii_lowercase();
    if matches!(bare.as_str(), "may" | "march" | "mar") {
        if !starts_upper(s) {
            return None;
        }
        if bare == "may"
            && let Some((w, _)) = word_before(text, m.start())
        {
            let titlecase = starts_upper(w) && w.chars().any(char::is_lowercase);
            let known = NOT_NAMES.contains(&w.to_lowercase().as_str())
                || Weekday::parse(w).is_some()
                || month_from_name(w).is_some();
            if titlecase && !known {
                return None;
            }
        }
    }
    Some(month)
}

/// A weekday name; abbreviations ("Sat", "Wed", "Sun") only when capitalized.
fn weekday_token(s: &str) -> Option<Weekday> {
    let day = Weekday::parse(s)?;
    let bare = s.trim_end_matches('.');
    if bare.len() < 6 && !starts_upper(bare) {
        return None;
    }
    Some(day)
}

/// A year written next to a month (any four digits 1000-2999).
fn written_year(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y))
}

/// A standalone or numeric year (1900-2100).
fn plain_year(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y))
}

/// Day of month from a digit group or an ordinal word.
fn day_of(c: &Captures, digits: &str, word: &str) -> Option<u8> {
    if let Some(d) = c.name(digits) {
        return d
            .as_str()
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d));
    }
    c.name(word).and_then(|w| parse_ordinal_word(w.as_str()))
}

/// Calls `f` with every match of `re`, including matches that start inside an earlier
/// one (so that a rejected long match does not hide a shorter valid one); nothing when
/// `possible` is false (a cheap test showed the pattern cannot match).
fn each_match<'t>(possible: bool, re: &Regex, text: &'t str, mut f: impl FnMut(&Captures<'t>)) {
    if !possible {
        return;
    }
    let mut pos = 0;
    while pos < text.len() {
        let Some(c) = re.captures_at(text, pos) else {
            break;
        };
        let Some(m) = c.get(0) else { break };
        f(&c);
        pos = next_boundary(text, m.start());
    }
}

// ---------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------

struct Scanner<'t> {
    text: &'t str,
    cands: Vec<Cand>,
    /// `text` in ASCII lower case (same byte offsets), for [`Scanner::any`].
    lower: String,
    /// Whether the text holds a month stem, a weekday stem, a digit: cheap necessary
    /// conditions that let most patterns skip most sentences.
    month: bool,
    weekday: bool,
    digit: bool,
}

fn lower_words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn absolute(year_written: bool) -> DateKind {
    DateKind::Absolute { year_written }
}

/// A day that exists in some year for this month (February 29 included).
fn day_fits(month: u8, day: u8) -> bool {
    day >= 1 && day <= days_in_month(2000, month)
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Scanner<'t> {
        let lower = text.to_ascii_lowercase();
        let has = |stems: &[&str]| stems.iter().any(|n| lower.contains(n));
        Scanner {
            text,
            cands: Vec::new(),
            month: has(&[
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]),
            weekday: has(&["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
            digit: text.bytes().any(|b| b.is_ascii_digit()),
            lower,
        }
    }

    /// Whether the text holds one of `needles` (lower-case ASCII): a necessary condition
    /// for a pattern, checked before running it over the whole text.
    fn any(&self, needles: &[&str]) -> bool {
        needles.iter().any(|n| self.lower.contains(n))
    }

    fn push(&mut self, span: Range<usize>, kind: DateKind, res: Res) {
        self.cands.push(Cand { span, kind, res });
    }

    /// "since" before a year-less date asks for its most recent occurrence.
    fn since_before(&self, pos: usize) -> bool {
        cue_before(self.text, pos) == "since"
    }

    /// A year written at the end of a match, when it is valid and not glued to more digits.
    fn year_tail(&self, c: &Captures) -> Option<(i32, usize)> {
        let y = c.name("y")?;
        let year = written_year(y.as_str())?;
        number_right_ok(self.text, y.end()).then_some((year, y.end()))
    }

    /// "June 12", "Friday, June 12, 2025", "Jun. 12th", "June the first".
    fn month_day(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_MONTH_DAY, text, |c| {
            let (Some(whole), Some(m), Some(day_m)) = (c.get(0), c.name("m"), c.name("day")) else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let Some(day) = day_of(c, "d", "dw") else {
                return;
            };
            if !day_fits(month, day) {
                return;
            }
            if c.name("comma").is_some() && c.name("sfx").is_none() {
                // "October, 1st", but not "In October, 12 people" nor "In May, first …".
                return;
            }
            let (start, weekday) = match c.name("wd") {
                Some(w) => match weekday_token(w.as_str()) {
                    Some(wd) => (whole.start(), Some(wd)),
                    None => (m.start(), None),
                },
                None => (whole.start(), None),
            };
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, day_m.end()),
            };
            if year.is_none() {
                let after = &text[day_m.end()..];
                if c.name("d").is_some() && !number_right_ok(text, day_m.end()) {
                    return;
                }
                if c.name("dw").is_some() && after.starts_with('-') {
                    return;
                }
            }
            if let Some(y) = year
                && Date::new(y, month, day).is_none()
            {
                return;
            }
            let parts = Parts {
                year,
                month,
                day: Some(day),
                weekday,
            };
            let past = self.since_before(start);
            self.push(
                start..end,
                absolute(year.is_some()),
                Res::Abs { parts, past },
            );
        });
    }

    /// "12 June", "the 12th of June 2025", "Friday 13 June", "05-Aug-2016", "fourth of July".
    fn day_month(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_DAY_MONTH, text, |c| {
            let (Some(whole), Some(m)) = (c.get(0), c.name("m")) else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let Some(day) = day_of(c, "d", "dw") else {
                return;
            };
            if !day_fits(month, day) || (c.name("dw").is_some() && c.name("of").is_none()) {
                return;
            }
            let day_start = c
                .name("d")
                .or_else(|| c.name("dw"))
                .map_or(whole.start(), |d| d.start());
            let own_start = c.name("the").map_or(day_start, |t| t.start());
            let (start, weekday) = match c.name("wd") {
                Some(w) => match weekday_token(w.as_str()) {
                    Some(wd) => (whole.start(), Some(wd)),
                    None => (own_start, None),
                },
                None => (own_start, None),
            };
            if start == day_start && !number_left_ok(text, start) {
                return;
            }
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, m.end()),
            };
            if let Some(y) = year
                && Date::new(y, month, day).is_none()
            {
                return;
            }
            let parts = Parts {
                year,
                month,
                day: Some(day),
                weekday,
            };
            let past = self.since_before(start);
            self.push(
                start..end,
                absolute(year.is_some()),
                Res::Abs { parts, past },
            );
        });
    }

    /// "June 2025", "June of 1992", "Dec-2018", "mid-June 2025".
    fn month_year(&mut self) {
        let text = self.text;
        each_match(self.month && self.digit, &RE_MONTH_YEAR, text, |c| {
            let (Some(whole), Some(m)) = (c.get(0), c.name("m")) else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let Some((year, end)) = self.year_tail(c) else {
                return;
            };
            let parts = Parts::new(Some(year), month, None);
            self.push(
                whole.start()..end,
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
    }

    /// "in June", "mid-June", "early June", "last June", "June and July".
    fn month_alone(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_MONTH, text, |c| {
            let (Some(whole), Some(m)) = (c.get(0), c.name("m")) else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let modifier = c.name("mod").map(|x| x.as_str().to_ascii_lowercase());
            let step = match modifier.as_deref() {
                Some("last") => Some(Step::Last),
                Some("next") => Some(Step::Next),
                Some("this") => Some(Step::This),
                _ => None,
            };
            if let Some(step) = step {
                self.push(whole.range(), absolute(false), Res::MonthRel(month, step));
                return;
            }
            if modifier.is_none() {
                let cue = cue_before(text, m.start());
                let listed = matches!(cue.as_str(), "and" | "or")
                    && word_before(text, m.start())
                        .and_then(|(_, s)| word_before(text, s))
                        .is_some_and(|(w, _)| month_from_name(w).is_some());
                if !MONTH_CUES.contains(&cue.as_str()) && !listed {
                    return;
                }
            }
            let parts = Parts::new(None, month, None);
            let past = self.since_before(whole.start());
            self.push(whole.range(), absolute(false), Res::Abs { parts, past });
        });
    }

    /// "from March to May", "between August and October", "Jan-Feb 2017".
    fn month_range(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_MONTH_RANGE, text, |c| {
            let (Some(whole), Some(m1), Some(m2), Some(conn)) =
                (c.get(0), c.name("m1"), c.name("m2"), c.name("c"))
            else {
                return;
            };
            let (Some(a), Some(b)) = (month_token(text, m1), month_token(text, m2)) else {
                return;
            };
            let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase());
            if !connector_fits(pre.as_deref(), conn.as_str()) {
                return;
            }
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, m2.end()),
            };
            if pre.is_none() && year.is_none() {
                let cue = cue_before(text, m1.start());
                if !MONTH_CUES.contains(&cue.as_str()) {
                    return;
                }
            }
            let start = if pre.is_some() {
                whole.start()
            } else {
                m1.start()
            };
            let res = Res::AbsRange(Parts::new(None, a, None), Parts::new(year, b, None));
            self.push(start..end, absolute(year.is_some()), res);
        });
    }

    /// "June 12-13", "between June 12 and 15", "June 13 to 20, 2025".
    fn month_day_range(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_MONTH_DAY_RANGE, text, |c| {
            let (Some(whole), Some(m), Some(conn), Some(day2)) =
                (c.get(0), c.name("m"), c.name("c"), c.name("day2"))
            else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            if c.name("wd")
                .is_some_and(|w| weekday_token(w.as_str()).is_none())
            {
                return;
            }
            let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase());
            let (Some(d1), Some(d2)) = (day_of(c, "d1", "dw1"), day_of(c, "d2", "dw2")) else {
                return;
            };
            if !connector_fits(pre.as_deref(), conn.as_str()) || d1 >= d2 || !day_fits(month, d2) {
                return;
            }
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, day2.end()),
            };
            if year.is_none() && c.name("d2").is_some() && !number_right_ok(text, day2.end()) {
                return;
            }
            let a = Parts::new(year, month, Some(d1));
            let b = Parts::new(year, month, Some(d2));
            if year.is_some_and(|y| Date::new(y, month, d2).is_none()) {
                return;
            }
            self.push(
                whole.start()..end,
                absolute(year.is_some()),
                Res::AbsRange(a, b),
            );
        });
    }

    /// "12-13 June", "between 3 and 12 of Sept", "from 9 to 12 June 2020".
    fn day_range_month(&mut self) {
        let text = self.text;
        each_match(self.month, &RE_DAY_RANGE_MONTH, text, |c| {
            let (Some(whole), Some(m), Some(conn)) = (c.get(0), c.name("m"), c.name("c")) else {
                return;
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase());
            let (Some(d1), Some(d2)) = (day_of(c, "d1", "dw1"), day_of(c, "d2", "dw2")) else {
                return;
            };
            if !connector_fits(pre.as_deref(), conn.as_str()) || d1 >= d2 || !day_fits(month, d2) {
                return;
            }
            if !number_left_ok(text, whole.start()) {
                return;
            }
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, m.end()),
            };
            if year.is_some_and(|y| Date::new(y, month, d2).is_none()) {
                return;
            }
            let a = Parts::new(year, month, Some(d1));
            let b = Parts::new(year, month, Some(d2));
            self.push(
                whole.start()..end,
                absolute(year.is_some()),
                Res::AbsRange(a, b),
            );
        });
    }
}

/// The length written in "2 weeks and 3 days": `Ok(total)`, or `Err(unit)` when a count
/// is imprecise ("a few days"); `None` when a count is not a number.
fn parse_span(body: &str) -> Option<Result<Span, Span>> {
    let mut total = Span { months: 0, days: 0 };
    let mut imprecise = None;
    for part in RE_AGO_PART.captures_iter(body) {
        let (n, u) = (part.name("n")?, part.name("u")?);
        let unit = Span::of_unit(u.as_str());
        match parse_count(n.as_str())? {
            Some(k) => {
                let add = unit.times(k);
                total.months = total.months.saturating_add(add.months);
                total.days = total.days.saturating_add(add.days);
            }
            None => {
                imprecise.get_or_insert(unit);
            }
        }
    }
    if total.months.abs() > 120_000 || total.days.abs() > 3_650_000 {
        return None;
    }
    Some(imprecise.map_or(Ok(total), Err))
}

/// One end of a range found by `combine_ranges`.
#[derive(Clone, Debug)]
enum End {
    Written(Parts),
    Relative(Rel),
    /// Any other candidate with a fixed extent: "the end of 2008", "Q1 2017".
    Other(Res, DateKind),
}

impl End {
    /// `past`: a written date without a year is the latest one on or before the reference
    /// ("from March to date").
    fn to_res(&self, past: bool) -> Res {
        match self {
            End::Written(parts) => Res::Abs {
                parts: *parts,
                past,
            },
            End::Relative(rel) => Res::Rel(*rel),
            End::Other(res, _) => res.clone(),
        }
    }

    fn kind(&self) -> DateKind {
        match self {
            End::Written(p) if p.month == 0 => DateKind::Year { year_context: true },
            End::Written(p) => absolute(p.year.is_some()),
            End::Relative(_) => DateKind::Relative,
            End::Other(_, kind) => *kind,
        }
    }
}

/// The kind of a range from its ends: relative when one is, a year range when both are
/// years, else absolute (with a written year when one has it).
fn range_kind(a: DateKind, b: DateKind) -> DateKind {
    match (a, b) {
        (DateKind::Relative, _) | (_, DateKind::Relative) => DateKind::Relative,
        (DateKind::Year { .. }, DateKind::Year { .. }) => DateKind::Year { year_context: true },
        _ => {
            let written = |k| {
                matches!(
                    k,
                    DateKind::Absolute { year_written: true } | DateKind::Year { .. }
                )
            };
            absolute(written(a) || written(b))
        }
    }
}

/// "and" only goes with "between"; "from … and" is not a range.
fn connector_fits(pre: Option<&str>, conn: &str) -> bool {
    let and = conn.eq_ignore_ascii_case("and");
    match pre {
        Some("between") => true,
        Some(_) => !and,
        None => !and,
    }
}

impl<'t> Scanner<'t> {
    /// "2013-2015", "2014-15", "between 2013 and 2015", "from 2013 to 2015".
    fn year_range(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_YEAR_RANGE, text, |c| {
            let (Some(whole), Some(y1m), Some(y2m), Some(conn)) =
                (c.get(0), c.name("y1"), c.name("y2"), c.name("c"))
            else {
                return;
            };
            let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase());
            if !connector_fits(pre.as_deref(), conn.as_str()) {
                return;
            }
            let Some(y1) = plain_year(y1m.as_str()) else {
                return;
            };
            let y2 = if y2m.len() == 2 {
                // "2014-15": a dash right between the digits, a short span.
                let tight = conn.start() == y1m.end() && conn.end() == y2m.start();
                if !matches!(conn.as_str(), "-" | "–") || !tight {
                    return;
                }
                let Ok(yy) = y2m.as_str().parse::<i32>() else {
                    return;
                };
                let mut full = y1 - y1 % 100 + yy;
                if full <= y1 {
                    full += 100;
                }
                if full - y1 > 9 {
                    return;
                }
                full
            } else {
                match plain_year(y2m.as_str()) {
                    Some(y) => y,
                    None => return,
                }
            };
            if y2 <= y1 || !number_left_ok(text, y1m.start()) || !number_right_ok(text, y2m.end()) {
                return;
            }
            let (Some(a), Some(b)) = (Date::new(y1, 1, 1), Date::new(y2, 12, 31)) else {
                return;
            };
            let kind = DateKind::Year { year_context: true };
            self.push(whole.range(), kind, Res::Fixed(DateValue::Range(a, b)));
        });
    }

    /// "2025-06-12", "2025/06/12", "2025-06-12T10:00:00Z".
    fn iso(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_ISO, text, |c| {
            let (Some(whole), Some(y), Some(mo), Some(d), Some(s1), Some(s2)) = (
                c.get(0),
                c.name("y"),
                c.name("mo"),
                c.name("d"),
                c.name("s1"),
                c.name("s2"),
            ) else {
                return;
            };
            if s1.as_str() != s2.as_str()
                || !digits_left_ok(text, whole.start())
                || !number_right_ok(text, whole.end())
            {
                return;
            }
            let (Some(year), Ok(month), Ok(day)) = (
                plain_year(y.as_str()),
                mo.as_str().parse::<u8>(),
                d.as_str().parse::<u8>(),
            ) else {
                return;
            };
            if Date::new(year, month, day).is_none() {
                return;
            }
            let parts = Parts::new(Some(year), month, Some(day));
            self.push(
                whole.range(),
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
    }

    /// Day and month in digits, read only when unambiguous: one field above 12 or both equal.
    fn numeric_day_month(a: &str, b: &str) -> Option<(u8, u8)> {
        let (a, b) = (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?);
        if a == 0 || b == 0 {
            return None;
        }
        match (a > 12, b > 12) {
            (false, false) if a == b => Some((a, a)),
            (true, false) => Some((b, a)),
            (false, true) => Some((a, b)),
            _ => None,
        }
    }

    /// "23/08/2020", "08-23-2020", "23.08.2020".
    fn numeric_dmy(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_NUMERIC_DMY, text, |c| {
            let (Some(whole), Some(a), Some(b), Some(y), Some(s1), Some(s2)) = (
                c.get(0),
                c.name("a"),
                c.name("b"),
                c.name("y"),
                c.name("s1"),
                c.name("s2"),
            ) else {
                return;
            };
            if s1.as_str() != s2.as_str()
                || !number_left_ok(text, whole.start())
                || !number_right_ok(text, whole.end())
            {
                return;
            }
            let (Some((month, day)), Some(year)) = (
                Self::numeric_day_month(a.as_str(), b.as_str()),
                plain_year(y.as_str()),
            ) else {
                return;
            };
            if Date::new(year, month, day).is_none() {
                return;
            }
            let parts = Parts::new(Some(year), month, Some(day));
            self.push(
                whole.range(),
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
    }

    /// "2015-12", "12-2015", "2019-aug-01", "Sep-23-2020", "Oct/2", "20170302", "Dec31".
    fn numeric_mixed(&mut self) {
        let text = self.text;
        let month_num = |m: &str| m.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
        // "12-2015", "03/2020" only after a date cue or on their own ("Law 3/2020",
        // "Model 12-2015" are numbers); "2015/12" likewise, while "2015-12" reads as a date.
        let cued = |start: usize| {
            let cue = cue_before(text, start);
            cue.is_empty()
                || NUMERIC_CUES.contains(&cue.as_str())
                || MONTH_CUES.contains(&cue.as_str())
                || cue == "dated"
        };
        each_match(self.digit, &RE_YEAR_MONTH, text, |c| {
            let (Some(whole), Some(y), Some(m)) = (c.get(0), c.name("y"), c.name("m")) else {
                return;
            };
            let (Some(year), Some(month)) = (plain_year(y.as_str()), month_num(m.as_str())) else {
                return;
            };
            if !number_left_ok(text, whole.start()) || !number_right_ok(text, whole.end()) {
                return;
            }
            if whole.as_str().contains('/') && !cued(whole.start()) {
                return;
            }
            if m.len() == 2 && whole.as_str().contains('-') {
                // "2014-15" is a span of years, matched elsewhere; "2015-12" cannot be one.
                let mut end = year - year % 100 + i32::from(month);
                if end <= year {
                    end += 100;
                }
                if end - year <= 9 {
                    return;
                }
            }
            let parts = Parts::new(Some(year), month, None);
            self.push(
                whole.range(),
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
        each_match(self.digit, &RE_MONTH_YEAR_NUM, text, |c| {
            let (Some(whole), Some(y), Some(m)) = (c.get(0), c.name("y"), c.name("m")) else {
                return;
            };
            if !cued(whole.start()) {
                return;
            }
            let (Some(year), Some(month)) = (plain_year(y.as_str()), month_num(m.as_str())) else {
                return;
            };
            if !number_left_ok(text, whole.start()) || !number_right_ok(text, whole.end()) {
                return;
            }
            let parts = Parts::new(Some(year), month, None);
            self.push(
                whole.range(),
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
        each_match(self.digit && self.month, &RE_MIXED, text, |c| {
            let Some(whole) = c.get(0) else { return };
            let (m, d, y) = match (c.name("m1"), c.name("m2")) {
                (Some(m), _) => {
                    if c.name("s1").map(|s| s.as_str()) != c.name("s2").map(|s| s.as_str()) {
                        return;
                    }
                    (m, c.name("d1"), c.name("y1"))
                }
                (_, Some(m)) => {
                    if c.name("s4")
                        .is_some_and(|s4| c.name("s3").map(|s| s.as_str()) != Some(s4.as_str()))
                    {
                        return;
                    }
                    (m, c.name("d2"), c.name("y2"))
                }
                _ => return,
            };
            let Some(month) = month_token(text, m) else {
                return;
            };
            let Some(day) = d.and_then(|d| d.as_str().parse::<u8>().ok()) else {
                return;
            };
            let year = match y {
                Some(y) => match plain_year(y.as_str()) {
                    Some(y) => Some(y),
                    None => return,
                },
                None => None,
            };
            if !digits_left_ok(text, whole.start()) || !number_right_ok(text, whole.end()) {
                return;
            }
            if !day_fits(month, day) || year.is_some_and(|y| Date::new(y, month, day).is_none()) {
                return;
            }
            let parts = Parts::new(year, month, Some(day));
            let past = self.since_before(whole.start());
            self.push(
                whole.range(),
                absolute(year.is_some()),
                Res::Abs { parts, past },
            );
        });
        each_match(self.digit, &RE_COMPACT, text, |c| {
            let (Some(whole), Some(y), Some(m), Some(d)) =
                (c.get(0), c.name("y"), c.name("m"), c.name("d"))
            else {
                return;
            };
            let (Ok(year), Ok(month), Ok(day)) = (
                y.as_str().parse::<i32>(),
                m.as_str().parse::<u8>(),
                d.as_str().parse::<u8>(),
            ) else {
                return;
            };
            if Date::new(year, month, day).is_none() || !number_right_ok(text, whole.end()) {
                return;
            }
            let parts = Parts::new(Some(year), month, Some(day));
            self.push(
                whole.range(),
                absolute(true),
                Res::Abs { parts, past: false },
            );
        });
        each_match(self.digit && self.month, &RE_GLUED, text, |c| {
            let (Some(whole), Some(m), Some(d)) = (c.get(0), c.name("m"), c.name("d")) else {
                return;
            };
            if !starts_upper(m.as_str()) {
                return;
            }
            let (Some(month), Ok(day)) = (month_token(text, m), d.as_str().parse::<u8>()) else {
                return;
            };
            if !day_fits(month, day) {
                return;
            }
            let (year, end) = match self.year_tail(c) {
                Some((y, end)) => (Some(y), end),
                None => (None, whole.end()),
            };
            if year.is_some_and(|y| Date::new(y, month, day).is_none())
                || (year.is_none() && !number_right_ok(text, end))
            {
                return;
            }
            let parts = Parts::new(year, month, Some(day));
            let past = self.since_before(whole.start());
            self.push(
                whole.start()..end,
                absolute(year.is_some()),
                Res::Abs { parts, past },
            );
        });
    }

    /// "on 22/04", "from 11/20": two-part slashed dates after a cue, when unambiguous.
    fn numeric_dm(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_NUMERIC_DM, text, |c| {
            let (Some(whole), Some(a), Some(b)) = (c.get(0), c.name("a"), c.name("b")) else {
                return;
            };
            if (a.as_str(), b.as_str()) == ("24", "7")
                || !number_left_ok(text, whole.start())
                || !number_right_ok(text, whole.end())
            {
                return;
            }
            let cue = cue_before(text, whole.start());
            if !NUMERIC_CUES.contains(&cue.as_str()) {
                return;
            }
            let Some((month, day)) = Self::numeric_day_month(a.as_str(), b.as_str()) else {
                return;
            };
            if !day_fits(month, day) {
                return;
            }
            let parts = Parts::new(None, month, Some(day));
            let past = cue == "since";
            self.push(whole.range(), absolute(false), Res::Abs { parts, past });
        });
    }

    /// Standalone years 1900-2100, with or without a year cue before them.
    fn years(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_YEAR, text, |c| {
            let Some(y) = c.name("y") else { return };
            let Some(year) = plain_year(y.as_str()) else {
                return;
            };
            if !number_left_ok(text, y.start()) || !number_right_ok(text, y.end()) {
                return;
            }
            let before = &text[..y.start()];
            let dashed = before.trim_end();
            if dashed.ends_with(['-', '–'])
                && dashed[..dashed.len() - 1]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit())
            {
                // "32 - 2015", "138 - 2010": arithmetic, scores or codes.
                return;
            }
            let after = text[y.end()..].trim_start();
            if let Some(rest) = after.strip_prefix(['-', '–'])
                && rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
            {
                // "2015 - 32"; real year ranges are matched as a whole elsewhere.
                return;
            }
            let cue = cue_before(text, y.start());
            let year_context = ["mid-", "pre-", "post-"]
                .iter()
                .any(|p| ends_with_ci(before, p))
                || YEAR_CUES.contains(&cue.as_str())
                || (cue == "and" && {
                    let from = floor_boundary(text, y.start().saturating_sub(60));
                    text[from..y.start()].to_lowercase().contains("between")
                });
            let kind = DateKind::Year { year_context };
            self.push(
                y.range(),
                kind,
                Res::Fixed(DateValue::Point(PartialDate::year(year))),
            );
        });
    }

    /// "1990s", "the 1990's".
    fn decades(&mut self) {
        let text = self.text;
        each_match(self.digit, &RE_DECADE, text, |c| {
            let (Some(whole), Some(y)) = (c.get(0), c.name("y")) else {
                return;
            };
            let Some(year) = plain_year(y.as_str()).filter(|&y| y <= 2090) else {
                return;
            };
            if !number_left_ok(text, whole.start()) {
                return;
            }
            let (Some(a), Some(b)) = (Date::new(year, 1, 1), Date::new(year + 9, 12, 31)) else {
                return;
            };
            let kind = DateKind::Year { year_context: true };
            self.push(whole.range(), kind, Res::Fixed(DateValue::Range(a, b)));
        });
    }

    fn relative(&mut self, span: Range<usize>, rel: Rel) {
        self.push(span, DateKind::Relative, Res::Rel(rel));
    }

    /// "Friday", "last Friday", "next Friday", "this Friday", "early Friday", "Friday night".
    fn weekdays(&mut self) {
        let text = self.text;
        each_match(self.weekday, &RE_WEEKDAY, text, |c| {
            let (Some(whole), Some(wd)) = (c.get(0), c.name("wd")) else {
                return;
            };
            let Some(day) = Weekday::parse(wd.as_str()) else {
                return;
            };
            let modifier = c.name("mod").map(|m| lower_words(m.as_str()));
            let week = c.name("wk").map(|w| w.as_str().to_ascii_lowercase());
            let mode = match (week.as_deref(), modifier.as_deref()) {
                (Some("last"), None) => WeekdayMode::LastWeek,
                (Some("next"), None) => WeekdayMode::NextWeek,
                (Some(_), None) => WeekdayMode::ThisWeek,
                (Some(_), Some(_)) => return,
                (None, None) => WeekdayMode::OnOrBefore,
                // A bare weekday already covers the past seven days, so "last" and
                // "next" name the previous and next calendar weeks.
                (None, Some("last" | "previous")) => WeekdayMode::LastWeek,
                (None, Some("next")) => WeekdayMode::NextWeek,
                (None, Some("past" | "this past")) => WeekdayMode::Before,
                (None, Some("this")) => WeekdayMode::ThisWeek,
                (None, Some(_)) => WeekdayMode::After,
            };
            let cue = cue_before(text, whole.start());
            if modifier.is_some() && c.name("early").is_none() && cue == "the" {
                // "the last Friday of the month", "the next Friday": ordinal sense.
                return;
            }
            if c.name("early").is_none()
                && modifier.is_none()
                && matches!(
                    cue.as_str(),
                    "good"
                        | "black"
                        | "cyber"
                        | "last"
                        | "next"
                        | "first"
                        | "second"
                        | "third"
                        | "fourth"
                        | "final"
                        | "previous"
                        | "past"
                        | "coming"
                        | "upcoming"
                )
            {
                // Holidays, and the remains of a rejected "the last Friday of …".
                return;
            }
            self.relative(whole.range(), Rel::Weekday(day, mode));
        });
        each_match(
            self.weekday && self.any(&["week"]),
            &RE_WEEK_WEEKDAY,
            text,
            |c| {
                let (Some(whole), Some(wk), Some(wd)) = (c.get(0), c.name("wk"), c.name("wd"))
                else {
                    return;
                };
                let Some(day) = weekday_token(wd.as_str()) else {
                    return;
                };
                let week = wk.as_str().to_ascii_lowercase();
                if week != "this" && week != "current" && cue_before(text, whole.start()) == "the" {
                    // "the last week Monday …" is not a day of a week.
                    return;
                }
                let mode = match week.as_str() {
                    "last" | "previous" => WeekdayMode::LastWeek,
                    "next" => WeekdayMode::NextWeek,
                    _ => WeekdayMode::ThisWeek,
                };
                self.relative(whole.range(), Rel::Weekday(day, mode));
            },
        );
    }

    /// yesterday, today, tonight, tomorrow, last night, this morning, the day before yesterday.
    fn day_words(&mut self) {
        let text = self.text;
        each_match(
            self.any(&[
                "yesterday",
                "today",
                "tonight",
                "tomorrow",
                "night",
                "morning",
                "afternoon",
                "evening",
            ]),
            &RE_DAY_WORD,
            text,
            |c| {
                let (Some(whole), Some(w)) = (c.get(0), c.name("w")) else {
                    return;
                };
                let word = lower_words(w.as_str());
                let days: i64 = match word.as_str() {
                    "the day before yesterday" => -2,
                    "the day after tomorrow" | "day after tomorrow" => 2,
                    "yesterday" | "last night" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                if word == "today"
                    && c.name("mod").is_none()
                    && cue_before(text, whole.start()) == "usa"
                {
                    return;
                }
                let rel = Rel::Shift {
                    span: Span {
                        months: 0,
                        days: days.abs(),
                    },
                    sign: days.signum(),
                };
                self.relative(whole.range(), rel);
            },
        );
        each_match(self.any(&["day"]), &RE_PREVIOUS_DAY, text, |c| {
            let Some(whole) = c.get(0) else { return };
            if whole.as_str().to_ascii_lowercase().ends_with("before") {
                let next = word_after(text, whole.end());
                let blocked = [
                    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                    "that", "these", "those", "he", "she", "they", "we", "it", "i", "you",
                ];
                if !next.is_empty()
                    && (blocked.contains(&next.to_lowercase().as_str())
                        || starts_upper(next)
                        || next.starts_with(|ch: char| ch.is_ascii_digit()))
                {
                    return;
                }
            }
            let rel = Rel::Shift {
                span: Span { months: 0, days: 1 },
                sign: -1,
            };
            self.relative(whole.range(), rel);
        });
    }

    /// "3 days ago", "two weeks and two days ago", "a few days ago", "days ago", "a year from now".
    fn ago(&mut self) {
        let text = self.text;
        each_match(self.any(&["ago", "now"]), &RE_AGO, text, |c| {
            let (Some(whole), Some(body), Some(dir)) = (c.get(0), c.name("body"), c.name("dir"))
            else {
                return;
            };
            if !number_left_ok(text, whole.start())
                || matches!(
                    cue_before(text, whole.start()).as_str(),
                    "last" | "past" | "previous" | "next" | "coming"
                )
            {
                // "the last 3 months and 2 days ago": a window, then a day.
                return;
            }
            let sign = if dir.as_str().eq_ignore_ascii_case("ago") {
                -1
            } else {
                1
            };
            let rel = match parse_span(body.as_str()) {
                Some(Ok(span)) => Rel::Shift { span, sign },
                Some(Err(unit)) => Rel::Imprecise { unit, sign },
                None => return,
            };
            self.relative(whole.range(), rel);
        });
        each_match(self.any(&["ago"]), &RE_BARE_AGO, text, |c| {
            let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
                return;
            };
            let unit = Span::of_unit(u.as_str());
            self.relative(whole.range(), Rel::Imprecise { unit, sign: -1 });
        });
    }

    /// last/this/next week|month|year|weekend, earlier/later this …, over the weekend.
    fn calendar(&mut self) {
        let text = self.text;
        each_match(
            self.any(&["week", "month", "quarter", "year", "decade"]),
            &RE_CALENDAR,
            text,
            |c| {
                let (Some(whole), Some(m), Some(u)) = (c.get(0), c.name("mod"), c.name("u")) else {
                    return;
                };
                let modifier = lower_words(m.as_str());
                // "this calendar year" is this year.
                let unit = lower_words(u.as_str()).replace("calendar ", "");
                if word_after(text, whole.end()).eq_ignore_ascii_case("of") {
                    return;
                }
                let ordinal = matches!(modifier.as_str(), "last" | "next" | "previous");
                if ordinal && cue_before(text, whole.start()) == "the" {
                    return;
                }
                let rest = modifier.starts_with("later");
                let step = match modifier.as_str() {
                    "last" | "previous" => Step::Last,
                    "next" => Step::Next,
                    _ => Step::This,
                };
                let rel = match (unit.as_str(), rest) {
                    ("quarter" | "decade", true) => return,
                    ("quarter", false) => Rel::Quarter(step),
                    ("decade", false) => Rel::Decade(step),
                    ("weekend", _) => Rel::Weekend(Some(step)),
                    ("week", true) => Rel::WeekRest,
                    ("week", false) => Rel::Week(step),
                    ("month", true) => Rel::MonthRest,
                    ("month", false) => Rel::Month(step),
                    (_, true) => Rel::YearRest,
                    (_, false) => Rel::Year(step),
                };
                self.relative(whole.range(), rel);
            },
        );
        each_match(self.any(&["weekend"]), &RE_WEEKEND, text, |c| {
            if let Some(whole) = c.get(0) {
                self.relative(whole.range(), Rel::Weekend(None));
            }
        });
        each_match(
            self.any(&["past", "last", "previous"]),
            &RE_ROLLING,
            text,
            |c| {
                let (Some(whole), Some(u)) = (c.get(0), c.name("u")) else {
                    return;
                };
                let n = c.name("n");
                let unit = Span::of_unit(u.as_str());
                // "last week" is the calendar week; "past week" and "the last week" are windows.
                let past = c
                    .name("m")
                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("past"));
                if (c.name("the").is_none() && n.is_none() && !past)
                    || (n.is_none() && unit.days == 1)
                    || word_after(text, whole.end()).eq_ignore_ascii_case("of")
                {
                    return;
                }
                let count = match n.map(|n| parse_count(n.as_str())) {
                    None => 1,
                    Some(Some(Some(k))) => k,
                    Some(Some(None)) => 9,
                    Some(None) => return,
                };
                if !(1..=10_000).contains(&count) {
                    return;
                }
                if u.as_str().eq_ignore_ascii_case("quarter") {
                    self.relative(whole.range(), Rel::Quarters(-count));
                    return;
                }
                let mut span = unit.times(count);
                let mut end = whole.end();
                // "the last 3 months and 2 weeks", unless the whole is a point ("… ago").
                if let Some(more) = RE_SPAN_MORE.find(&text[end..])
                    && let Some(Ok(extra)) = parse_span(more.as_str())
                    && !matches!(
                        word_after(text, end + more.end())
                            .to_ascii_lowercase()
                            .as_str(),
                        "ago" | "from" | "before" | "after" | "later"
                    )
                {
                    span.months += extra.months;
                    span.days += extra.days;
                    end += more.end();
                }
                self.relative(whole.start()..end, Rel::Rolling(span));
            },
        );
        each_match(self.any(&["the"]), &RE_WINDOW_REVERSED, text, |c| {
            let (Some(whole), Some(n), Some(m), Some(u)) =
                (c.get(0), c.name("n"), c.name("m"), c.name("u"))
            else {
                return;
            };
            let Some(Some(count)) = parse_count(n.as_str()) else {
                return;
            };
            if !(1..=10_000).contains(&count) || !number_left_ok(text, n.start()) {
                return;
            }
            let back = matches!(
                m.as_str().to_ascii_lowercase().as_str(),
                "past" | "previous" | "last"
            );
            let quarter = u.as_str().eq_ignore_ascii_case("quarter");
            let rel = match (back, quarter) {
                (true, true) => Rel::Quarters(-count),
                (false, true) => Rel::Quarters(count),
                (true, false) => Rel::Rolling(Span::of_unit(u.as_str()).times(count)),
                (false, false) => Rel::Ahead(Span::of_unit(u.as_str()).times(count)),
            };
            self.relative(whole.range(), rel);
        });
        each_match(self.any(&["date", "ytd"]), &RE_TO_DATE, text, |c| {
            let Some(whole) = c.get(0) else { return };
            let ytd = c.name("ytd").is_some();
            if !ytd {
                // "up to date", "up-to-date", "unable to date the bones", "equals to date 1".
                let before = text[..whole.start()].trim_end_matches(['-', ' ']);
                let next = word_after(text, whole.end()).to_ascii_lowercase();
                if ends_with_ci(before, "up")
                    || next.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        next.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "it"
                            | "them"
                            | "that"
                            | "these"
                            | "those"
                            | "from"
                    )
                {
                    return;
                }
            }
            let rel = if ytd {
                Rel::Year(Step::This)
            } else {
                Rel::Shift {
                    span: Span { months: 0, days: 0 },
                    sign: 0,
                }
            };
            self.relative(whole.range(), rel);
        });
        each_match(self.any(&["next"]), &RE_WEEK_AFTER_NEXT, text, |c| {
            if let Some(whole) = c.get(0) {
                self.relative(whole.range(), Rel::WeekOffset(2));
            }
        });
        each_match(self.any(&["time"]), &RE_IN_TIME, text, |c| {
            let (Some(whole), Some(body)) = (c.get(0), c.name("body")) else {
                return;
            };
            if let Some(Ok(span)) = parse_span(body.as_str()) {
                self.relative(whole.range(), Rel::Shift { span, sign: 1 });
            }
        });
    }
}

impl<'t> Scanner<'t> {
    /// Joins two dates into a range: "June 12 - July 3, 2025", "between June 13 and June
    /// 20", "from 02/02/2020 to 03/03/2020", "from 2007 to the end of 2008", and, after
    /// "from"/"between" only, ends that are relative: "between Jan 2019 and today", "from
    /// next Monday to Friday", "from 2010 until now".
    fn combine_ranges(&mut self) {
        let text = self.text;
        let mut atoms: Vec<(Range<usize>, End)> = self
            .cands
            .iter()
            .filter_map(|c| {
                let end = match &c.res {
                    Res::Abs { parts, .. } => End::Written(*parts),
                    Res::Fixed(DateValue::Point(p)) if p.month.is_none() => {
                        End::Written(Parts::new(Some(p.year), 0, None))
                    }
                    Res::Rel(rel @ (Rel::Shift { .. } | Rel::Weekday(..))) => End::Relative(*rel),
                    Res::YearThird { .. }
                    | Res::MonthRel(..)
                    | Res::Season { .. }
                    | Res::PartOf { .. }
                    | Res::DayOfMonth { .. }
                    | Res::Months {
                        year: YearSpec::Written(_),
                        ..
                    } => End::Other(c.res.clone(), c.kind),
                    _ => return None,
                };
                Some((c.span.clone(), end))
            })
            .collect();
        atoms.sort_by_key(|(span, _)| span.start);
        let mut found = Vec::new();
        for (i, (sa, a)) in atoms.iter().enumerate() {
            let window = floor_boundary(text, sa.start.saturating_sub(40));
            let prefix = RE_RANGE_PREFIX.captures(&text[window..sa.start]);
            let pre = prefix
                .as_ref()
                .and_then(|p| p.name("pre"))
                .map(|p| (p.as_str().to_ascii_lowercase(), window + p.start()));
            let pre_word = pre.as_ref().map(|(p, _)| p.as_str());
            let start = pre.as_ref().map_or(sa.start, |(_, s)| *s);
            // "from 2010 until now"
            if let Some(now) = RE_UNTIL_NOW.captures(&text[sa.end..])
                && let (Some(whole), Some(conn)) = (now.get(0), now.name("c"))
                && pre.is_some()
                && connector_fits(pre_word, conn.as_str())
            {
                let now_end = End::Relative(Rel::Shift {
                    span: Span { months: 0, days: 0 },
                    sign: 0,
                });
                found.push(Cand {
                    span: start..sa.end + whole.end(),
                    kind: DateKind::Relative,
                    res: Res::Between(Box::new(a.to_res(true)), Box::new(now_end.to_res(false))),
                });
            }
            // "between now and November 15th", "from now until June"
            if let Some(now) = RE_NOW_PREFIX.captures(&text[window..sa.start])
                && let (Some(whole), Some(p), Some(conn)) =
                    (now.get(0), now.name("pre"), now.name("c"))
                && connector_fits(Some(&p.as_str().to_ascii_lowercase()), conn.as_str())
            {
                let now_start = Res::Rel(Rel::Shift {
                    span: Span { months: 0, days: 0 },
                    sign: 0,
                });
                found.push(Cand {
                    span: window + whole.start()..sa.end,
                    kind: DateKind::Relative,
                    res: Res::Between(Box::new(now_start), Box::new(a.to_res(false))),
                });
            }
            for (sb, b) in &atoms[i + 1..] {
                if sb.start < sa.end {
                    continue;
                }
                if sb.start > sa.end + 40 {
                    break;
                }
                let Some(gap) = RE_GAP.captures(&text[sa.end..sb.start]) else {
                    continue;
                };
                let Some(conn) = gap.name("c") else { continue };
                if !connector_fits(pre_word, conn.as_str()) {
                    continue;
                }
                let (res, kind) = match (a, b) {
                    (End::Written(a), End::Written(b)) => {
                        if let (Some(ya), Some(yb)) = (a.year, b.year)
                            && (ya, a.order_key(false)) > (yb, b.order_key(true))
                        {
                            continue;
                        }
                        let written = a.year.is_some() || b.year.is_some();
                        let kind = if a.month == 0 && b.month == 0 {
                            DateKind::Year { year_context: true }
                        } else {
                            absolute(written)
                        };
                        (Res::AbsRange(*a, *b), kind)
                    }
                    _ if pre.is_none() => continue,
                    _ => (
                        Res::Between(Box::new(a.to_res(false)), Box::new(b.to_res(false))),
                        range_kind(a.kind(), b.kind()),
                    ),
                };
                found.push(Cand {
                    span: start..sb.end,
                    kind,
                    res,
                });
            }
        }
        self.cands.extend(found);
    }

    /// "3 days after January 12", "two weeks from tomorrow", "2 weeks before May 13 1999":
    /// a span counted from an explicit single day (never from an event: "two days after
    /// the vote" has no date to anchor on).
    fn offsets(&mut self) {
        let text = self.text;
        let mut found = Vec::new();
        for c in &self.cands {
            let single = match &c.res {
                Res::Abs { parts, .. } => parts.day.is_some() && parts.month != 0,
                Res::Rel(Rel::Shift { .. } | Rel::Weekday(..)) => true,
                _ => false,
            };
            if !single {
                continue;
            }
            let window = floor_boundary(text, c.span.start.saturating_sub(80));
            let Some(pre) = RE_OFFSET_PREFIX.captures(&text[window..c.span.start]) else {
                continue;
            };
            let (Some(whole), Some(body), Some(dir)) =
                (pre.get(0), pre.name("body"), pre.name("dir"))
            else {
                continue;
            };
            let start = window + whole.start();
            if !number_left_ok(text, start) {
                continue;
            }
            let Some(Ok(span)) = parse_span(body.as_str()) else {
                continue;
            };
            let sign = if dir.as_str().eq_ignore_ascii_case("before") {
                -1
            } else {
                1
            };
            found.push(Cand {
                span: start..c.span.end,
                kind: c.kind,
                res: Res::Offset {
                    base: Box::new(c.res.clone()),
                    span,
                    sign,
                },
            });
        }
        self.cands.extend(found);
    }
}

impl<'t> Scanner<'t> {
    /// "Mon 13th", "Tuesday the eleventh", "Monday 21!", "on the 18th", "the 21st this
    /// month": a day of the month whose month is left to the reference.
    fn days_of_month(&mut self) {
        let text = self.text;
        each_match(self.weekday, &RE_WEEKDAY_DAY, text, |c| {
            let (Some(whole), Some(wd)) = (c.get(0), c.name("wd")) else {
                return;
            };
            let Some(weekday) = weekday_token(wd.as_str()) else {
                return;
            };
            let Some(day) = day_of(c, "d", "dw") else {
                return;
            };
            if month_from_name(word_after(text, whole.end())).is_some() {
                // "Friday 13 June" is a full date, matched elsewhere.
                return;
            }
            let digits = c.name("d").is_some();
            if digits && !number_right_ok(text, whole.end()) {
                return;
            }
            let the = c.name("the").is_some();
            if !digits && !the {
                // "On Tuesday, first responders …"
                return;
            }
            let next = text[whole.end()..].trim_start();
            if digits && !the && c.name("sfx").is_none() && next.starts_with(char::is_alphanumeric)
            {
                // "on Monday 21 people died": a count, not a day.
                return;
            }
            let res = Res::DayOfMonth {
                day,
                weekday: Some(weekday),
                this_month: false,
            };
            self.push(whole.range(), absolute(false), res);
        });
        each_match(self.digit && self.any(&["the"]), &RE_THE_DAY, text, |c| {
            let (Some(whole), Some(d)) = (c.get(0), c.name("d")) else {
                return;
            };
            let Some(day) = d
                .as_str()
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
            else {
                return;
            };
            let this_month = c.name("this").is_some();
            if !this_month {
                // "on the 18th." but not "on the 18th floor" nor "of the 20th century".
                let next = text[whole.end()..].trim_start();
                if !(next.is_empty() || next.starts_with(['.', ',', ';', ':', '!', '?', ')'])) {
                    return;
                }
                let cue = cue_before(text, whole.start());
                let week_of = cue == "of"
                    && word_before(text, whole.start())
                        .and_then(|(_, s)| word_before(text, s))
                        .is_some_and(|(w, _)| w.eq_ignore_ascii_case("week"));
                if !week_of
                    && !matches!(
                        cue.as_str(),
                        "on" | "since" | "by" | "until" | "till" | "from" | "before" | "after"
                    )
                {
                    return;
                }
            }
            let res = Res::DayOfMonth {
                day,
                weekday: None,
                this_month,
            };
            self.push(whole.range(), absolute(false), res);
        });
    }

    /// Seasons ("last summer", "summer 2014"), decades in words ("the nineties", "the
    /// '90s") and centuries ("the 19th century").
    fn seasons_and_eras(&mut self) {
        let text = self.text;
        each_match(
            self.any(&["spring", "summer", "autumn", "fall", "winter"]),
            &RE_SEASON,
            text,
            |c| {
                let (Some(whole), Some(season)) = (c.get(0), c.name("s")) else {
                    return;
                };
                let season = match season.as_str().to_ascii_lowercase().as_str() {
                    "spring" => 0,
                    "summer" => 1,
                    "autumn" | "fall" => 2,
                    _ => 3,
                };
                let step = match c.name("mod").map(|m| m.as_str().to_ascii_lowercase()) {
                    Some(m) if m == "last" || m == "past" => Some(Step::Last),
                    Some(m) if m == "this" => Some(Step::This),
                    Some(_) => Some(Step::Next),
                    None => None,
                };
                let year = match c.name("y") {
                    Some(y) if number_right_ok(text, y.end()) => plain_year(y.as_str()),
                    _ => None,
                };
                let possessive = matches!(
                    cue_before(text, whole.start()).as_str(),
                    "his" | "her" | "their" | "its" | "my" | "your" | "our"
                );
                if season == 2
                    && year.is_none()
                    && matches!(
                        word_after(text, whole.end()).to_ascii_lowercase().as_str(),
                        "in" | "of" | "from" | "to" | "by" | "since"
                    )
                {
                    // "this fall in oil prices" is a drop.
                    return;
                }
                let (span, kind, year, step) = match (year, step) {
                    // "last summer 2014": the year decides.
                    (Some(y), _) => {
                        let start = c.name("s").map_or(whole.start(), |s| s.start());
                        let kind = DateKind::Year { year_context: true };
                        (start..whole.end(), kind, Some(y), Step::This)
                    }
                    (None, Some(step)) if !possessive => {
                        let end = c.name("s").map_or(whole.end(), |s| s.end());
                        (whole.start()..end, DateKind::Relative, None, step)
                    }
                    _ => return,
                };
                self.push(span, kind, Res::Season { season, year, step });
            },
        );
        each_match(self.any(&["ties", "0s"]), &RE_DECADE_WORD, text, |c| {
            let Some(whole) = c.get(0) else { return };
            let decade = if let Some(w) = c.name("w") {
                let possessive = matches!(
                    cue_before(text, whole.start()).as_str(),
                    "his" | "her" | "their" | "its" | "my" | "your" | "our"
                );
                if possessive {
                    return;
                }
                let tens = TENS.iter().position(|t| {
                    !t.is_empty()
                        && w.as_str()
                            .to_ascii_lowercase()
                            .starts_with(&t[..t.len() - 1])
                });
                let Some(tens) = tens else { return };
                1900 + 10 * tens as i32
            } else {
                let Some(d) = c.name("d").and_then(|d| d.as_str().parse::<i32>().ok()) else {
                    return;
                };
                if text[..whole.start()].ends_with(char::is_alphanumeric) {
                    return;
                }
                // "'90s" → the 1990s, "'00s", "'10s" → this century's.
                if d <= 1 { 2000 + 10 * d } else { 1900 + 10 * d }
            };
            // "the nineties": the span leaves out "the", like "the 1990s".
            let start = c.name("the").map_or(whole.start(), |t| {
                let rest = &text[t.end()..whole.end()];
                t.end() + (rest.len() - rest.trim_start().len())
            });
            let (Some(a), Some(b)) = (Date::new(decade, 1, 1), Date::new(decade + 9, 12, 31))
            else {
                return;
            };
            let kind = DateKind::Year { year_context: true };
            self.push(start..whole.end(), kind, Res::Fixed(DateValue::Range(a, b)));
        });
        each_match(self.any(&["century"]), &RE_CENTURY, text, |c| {
            let Some(whole) = c.get(0) else { return };
            let n = match (c.name("n"), c.name("w")) {
                (Some(n), _) => n.as_str().parse::<i32>().ok(),
                (_, Some(w)) => parse_ordinal_word(w.as_str()).map(i32::from),
                _ => None,
            };
            let Some(n) = n.filter(|n| (1..=22).contains(n)) else {
                return;
            };
            if !number_left_ok(text, whole.start()) {
                return;
            }
            // "20th Century Fox", "Twenty-First Century Fox": names.
            let century = &text[whole.end() - "century".len()..whole.end()];
            let next = text[whole.end()..].trim_start_matches([' ', '-', '–']);
            if next.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("fox"))
                || (starts_upper(century) && cue_before(text, whole.start()) != "the")
            {
                return;
            }
            let first = (n - 1) * 100;
            let (Some(a), Some(b)) = (Date::new(first, 1, 1), Date::new(first + 99, 12, 31)) else {
                return;
            };
            let kind = DateKind::Year { year_context: true };
            self.push(whole.range(), kind, Res::Fixed(DateValue::Range(a, b)));
        });
    }

    /// "the end of the year", "the beginning of the month", "end of the week": the current
    /// one.
    fn end_of_unit(&mut self) {
        let text = self.text;
        each_match(
            self.any(&["end", "beginning", "start", "middle"]),
            &RE_END_OF_UNIT,
            text,
            |c| {
                let (Some(whole), Some(m), Some(u)) = (c.get(0), c.name("m"), c.name("u")) else {
                    return;
                };
                if text[whole.end()..].starts_with(['-', '–']) {
                    // "the end of the year-long war"
                    return;
                }
                let res = match u.as_str().to_ascii_lowercase().as_str() {
                    "year" => Res::YearThird {
                        year: Box::new(Res::Rel(Rel::Year(Step::This))),
                        third: third_of(m.as_str()),
                        start_of: starts_unit(m.as_str()),
                    },
                    "month" => Res::Whole(Box::new(Res::Rel(Rel::Month(Step::This)))),
                    _ => Res::Whole(Box::new(Res::Rel(Rel::Week(Step::This)))),
                };
                self.push(whole.range(), DateKind::Relative, res);
            },
        );
    }

    /// Parts and weeks of the candidates found so far: "the last week of July", "the
    /// first 2 weeks of 2021", "mid-2019", "the end of June", "late last year", "the week
    /// of April 10", and a weekday before a numeric date ("Friday 2018-7-6").
    fn anchored(&mut self) {
        let text = self.text;
        let mut found = Vec::new();
        for c in &self.cands {
            let window = floor_boundary(text, c.span.start.saturating_sub(60));
            let before = &text[window..c.span.start];
            let period = match &c.res {
                Res::Abs { parts, .. } if parts.day.is_none() && parts.month != 0 => {
                    Some(PeriodUnit::Month)
                }
                Res::MonthRel(..) | Res::Rel(Rel::Month(_)) => Some(PeriodUnit::Month),
                Res::Fixed(DateValue::Point(p)) if p.month.is_none() => Some(PeriodUnit::Year),
                Res::Rel(Rel::Year(_)) => Some(PeriodUnit::Year),
                Res::Rel(Rel::Week(_)) => Some(PeriodUnit::Week),
                _ => None,
            };
            // A part of a written year has a written year; relative stays relative.
            let part_kind = match c.kind {
                DateKind::Year { .. } => absolute(true),
                k => k,
            };
            if let Some(unit) = period
                && let Some(p) = RE_PART_PREFIX.captures(before)
                && let (Some(whole), Some(ord), Some(u)) = (p.get(0), p.name("ord"), p.name("u"))
                && let Some(part) = parse_part(ord.as_str(), p.name("n"), u.as_str())
                && part_fits(part, unit)
            {
                found.push(Cand {
                    span: window + whole.start()..c.span.end,
                    kind: part_kind,
                    res: Res::PartOf {
                        period: Box::new(c.res.clone()),
                        part,
                    },
                });
            }
            if let Some(unit) = period
                && let Some(p) = RE_THIRD_PREFIX.captures(before)
                && let Some(whole) = p.get(0)
            {
                let word = p
                    .name("m1")
                    .or_else(|| p.name("m2"))
                    .map_or("", |m| m.as_str());
                let span = window + whole.start()..c.span.end;
                let res = match (unit, &c.res) {
                    (PeriodUnit::Year, _) => Some(Res::YearThird {
                        year: Box::new(c.res.clone()),
                        third: third_of(word),
                        start_of: p.name("m2").is_some() && starts_unit(word),
                    }),
                    // "the end of June", "early June": the month, at month precision.
                    (_, Res::Abs { .. } | Res::MonthRel(..)) => Some(c.res.clone()),
                    // "late last month", "early next week", "the end of this month".
                    _ => Some(Res::Whole(Box::new(c.res.clone()))),
                };
                if let Some(res) = res {
                    let kind = match c.kind {
                        DateKind::Year { .. } => DateKind::Year { year_context: true },
                        k => k,
                    };
                    found.push(Cand { span, kind, res });
                }
            }
            if period == Some(PeriodUnit::Year)
                && matches!(c.kind, DateKind::Year { .. })
                && let Some(p) = RE_CALENDAR_YEAR_PREFIX.captures(before)
                && let Some(whole) = p.get(0)
            {
                found.push(Cand {
                    span: window + whole.start()..c.span.end,
                    kind: DateKind::Year { year_context: true },
                    res: c.res.clone(),
                });
            }
            let single_day = match &c.res {
                Res::Abs { parts, .. } => parts.day.is_some() && parts.month != 0,
                Res::DayOfMonth { .. } => true,
                _ => false,
            };
            if single_day
                && let Some(p) = RE_WEEK_OF_PREFIX.captures(before)
                && let Some(whole) = p.get(0)
            {
                let from_day = !p
                    .name("k")
                    .is_some_and(|k| k.as_str().eq_ignore_ascii_case("of"));
                found.push(Cand {
                    span: window + whole.start()..c.span.end,
                    kind: c.kind,
                    res: Res::WeekOf {
                        day: Box::new(c.res.clone()),
                        from_day,
                    },
                });
            }
            if let Res::Abs { parts, past } = &c.res
                && parts.day.is_some()
                && parts.weekday.is_none()
                && let Some(p) = RE_WEEKDAY_PREFIX.captures(before)
                && let (Some(whole), Some(wd)) = (p.get(0), p.name("wd"))
                && let Some(weekday) = weekday_token(wd.as_str())
            {
                found.push(Cand {
                    span: window + whole.start()..c.span.end,
                    kind: c.kind,
                    res: Res::Abs {
                        parts: Parts {
                            weekday: Some(weekday),
                            ..*parts
                        },
                        past: *past,
                    },
                });
            }
        }
        self.cands.extend(found);
    }
}

/// "start", "beginning": the edge of a unit rather than its first part.
fn starts_unit(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "start" | "beginning")
}

/// 0, 1 or 2 for the first, middle or last third of a year.
fn third_of(word: &str) -> u8 {
    match word.to_ascii_lowercase().as_str() {
        "early" | "beginning" | "start" => 0,
        "mid" | "middle" => 1,
        _ => 2,
    }
}

/// "first" + "2" + "weeks", "last" + "months", "15th" + "day".
fn parse_part(ord: &str, n: Option<regex::Match>, unit: &str) -> Option<Part> {
    let ord = ord.to_ascii_lowercase();
    let (from_end, index) = match ord.as_str() {
        "last" | "final" => (true, 1),
        _ => {
            let digits = ord.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let index = if digits.is_empty() {
                u32::from(parse_ordinal_word(&ord)?)
            } else {
                digits.parse::<u32>().ok()?
            };
            (false, index)
        }
    };
    let count = match n.map(|n| parse_count(n.as_str())) {
        None => 1,
        // "the first 2 weeks", "the last four months"; not "the second 3 weeks".
        Some(Some(Some(k))) if (1..=366).contains(&k) && index == 1 => k as u32,
        _ => return None,
    };
    let unit = match unit.to_ascii_lowercase().as_str() {
        "day" => PartUnit::Day,
        "week" => PartUnit::Week,
        _ => PartUnit::Month,
    };
    (index >= 1).then_some(Part {
        unit,
        from_end,
        index,
        count,
    })
}

/// Days of anything, weeks of months and years, months of years.
fn part_fits(part: Part, unit: PeriodUnit) -> bool {
    match part.unit {
        PartUnit::Day => true,
        PartUnit::Week => unit != PeriodUnit::Week,
        PartUnit::Month => unit == PeriodUnit::Year,
    }
}

impl<'t> Scanner<'t> {
    /// Quarters and halves ("Q1 2019", "the first half of last year") and forward windows
    /// ("the next 3 days", "in the coming weeks").
    fn periods(&mut self) {
        let text = self.text;
        let months_of = |code: &str| -> Option<(u8, u8)> {
            let n = code.get(1..)?.parse::<u8>().ok()?;
            match code.get(..1)?.to_ascii_lowercase().as_str() {
                "q" => Some((n * 3 - 2, n * 3)),
                _ => Some((n * 6 - 5, n * 6)),
            }
        };
        each_match(self.digit, &RE_QUARTER_CODE, text, |c| {
            let Some(whole) = c.get(0) else { return };
            if !number_left_ok(text, whole.start()) || !number_right_ok(text, whole.end()) {
                return;
            }
            let (code, year) = match (c.name("q1"), c.name("q2"), c.name("q3")) {
                (Some(q), _, _) => (q, c.name("y1")),
                (_, Some(q), _) => (q, c.name("y2")),
                (_, _, Some(q)) => (q, None),
                _ => return,
            };
            let Some((first, last)) = months_of(code.as_str()) else {
                return;
            };
            let year = match year {
                Some(y) => match plain_year(y.as_str()) {
                    Some(y) => YearSpec::Written(y),
                    None => return,
                },
                None => {
                    let cue = cue_before(text, whole.start());
                    if !MONTH_CUES.contains(&cue.as_str()) && cue != "for" {
                        return;
                    }
                    YearSpec::Infer
                }
            };
            let kind = absolute(matches!(year, YearSpec::Written(_)));
            self.push(whole.range(), kind, Res::Months { first, last, year });
        });
        each_match(
            self.any(&["quarter", "half"]),
            &RE_QUARTER_WORDS,
            text,
            |c| {
                let (Some(whole), Some(ord), Some(kind)) =
                    (c.get(0), c.name("ord"), c.name("kind"))
                else {
                    return;
                };
                let half = kind.as_str().eq_ignore_ascii_case("half");
                let n: u8 = match ord.as_str().to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    "fourth" | "4th" => 4,
                    _ if half => 2,
                    _ => 4,
                };
                if half && n > 2 {
                    return;
                }
                let (first, last) = if half {
                    (n * 6 - 5, n * 6)
                } else {
                    (n * 3 - 2, n * 3)
                };
                let written = c.name("y").or_else(|| c.name("y2"));
                if c.name("rel2").is_some() && (written.is_some() || c.name("rel").is_some()) {
                    return;
                }
                let (year, kind) = if let Some(y) = written {
                    match written_year(y.as_str()) {
                        Some(y) if number_right_ok(text, whole.end()) => {
                            (YearSpec::Written(y), absolute(true))
                        }
                        _ => return,
                    }
                } else if let Some(rel) = c.name("rel").or_else(|| c.name("rel2")) {
                    let offset = match rel.as_str().to_ascii_lowercase().as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    (YearSpec::Relative(offset), DateKind::Relative)
                } else {
                    // "the first quarter" alone is as often a game's quarter as a date.
                    return;
                };
                self.push(whole.range(), kind, Res::Months { first, last, year });
            },
        );
        each_match(
            self.any(&["next", "coming", "following", "upcoming"]),
            &RE_AHEAD,
            text,
            |c| {
                let (Some(whole), Some(m), Some(u)) = (c.get(0), c.name("mod"), c.name("u")) else {
                    return;
                };
                let unit = Span::of_unit(u.as_str());
                let modifier = m.as_str().to_ascii_lowercase();
                if word_after(text, whole.end()).eq_ignore_ascii_case("of") {
                    return;
                }
                let count = match c.name("n").map(|n| parse_count(n.as_str())) {
                    Some(Some(Some(k))) => k,
                    Some(Some(None)) => 9,
                    Some(None) => return,
                    None => {
                        // "the next week" is a window; "next week" is the calendar week and
                        // "the following day" depends on another event.
                        if c.name("the").is_none() || modifier == "following" || unit.days == 1 {
                            return;
                        }
                        if c.name("pl").is_some() { 9 } else { 1 }
                    }
                };
                if !(1..=10_000).contains(&count) {
                    return;
                }
                if u.as_str().eq_ignore_ascii_case("quarter") {
                    self.relative(whole.range(), Rel::Quarters(count));
                    return;
                }
                self.relative(whole.range(), Rel::Ahead(unit.times(count)));
            },
        );
    }
}

/// Keeps the longest mentions that do not overlap, in text order.
fn select(mut cands: Vec<DateMention>) -> Vec<DateMention> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
    });
    // Accepted spans never overlap, so the one starting last before `c` ends is the only
    // one that can overlap it.
    let mut taken: std::collections::BTreeMap<usize, DateMention> =
        std::collections::BTreeMap::new();
    for c in cands {
        let clash = taken
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, t)| t.span.end > c.span.start);
        if !clash {
            taken.insert(c.span.start, c);
        }
    }
    taken.into_values().collect()
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

/// A written date with its year inferred from the reference when missing.
fn resolve_parts(p: Parts, past: bool, reference: Option<Date>) -> Option<PartialDate> {
    if let Some(y) = p.year {
        return p.in_year(y);
    }
    let r = reference?;
    // February 29 may need to look further than a year away for a leap year.
    let years = |span: i32| {
        (r.year - span..=r.year + span)
            .filter_map(|y| p.in_year(y))
            .collect::<Vec<PartialDate>>()
    };
    let mut candidates = years(1);
    if candidates.is_empty() {
        candidates = years(4);
    }
    let on_weekday: Vec<PartialDate> = match p.weekday {
        Some(wd) if p.day.is_some() => candidates
            .iter()
            .copied()
            .filter(|c| c.to_date().is_some_and(|d| d.weekday() == wd))
            .collect(),
        _ => Vec::new(),
    };
    let pool = if on_weekday.is_empty() {
        candidates
    } else {
        on_weekday
    };
    if past
        && let Some(latest) = pool
            .iter()
            .copied()
            .filter(|c| first_day_of(*c).is_some_and(|d| d <= r))
            .max()
    {
        return Some(latest);
    }
    pool.into_iter().min_by_key(|c| {
        let (a, b) = (first_day_of(*c), last_day_of(*c));
        match (a, b) {
            (Some(a), Some(b)) => distance(r, a, b),
            _ => i64::MAX,
        }
    })
}

fn resolve_range(a: Parts, b: Parts, reference: Option<Date>) -> Option<DateValue> {
    let (ka, kb) = (a.order_key(false), b.order_key(true));
    let (ya, yb) = match (a.year, b.year) {
        (Some(x), Some(y)) => (x, y),
        (None, Some(y)) => (if ka > kb { y - 1 } else { y }, y),
        (Some(x), None) => (x, if kb < ka { x + 1 } else { x }),
        (None, None) => {
            let x = resolve_parts(a, false, reference)?.year;
            (x, if kb < ka { x + 1 } else { x })
        }
    };
    let start = first_day_of(a.in_year(ya)?)?;
    let end = last_day_of(b.in_year(yb)?)?;
    range(start, end)
}

fn rel_value(rel: Rel, r: Date) -> Option<DateValue> {
    let day = |d: Date| Some(DateValue::Point(PartialDate::day(d)));
    let monday = week_monday(r);
    match rel {
        Rel::Shift { span, sign } => day(span.apply(r, sign)),
        Rel::Imprecise { unit, sign } => {
            let far = unit.times(9).apply(r, sign);
            let near = unit.times(2).apply(r, sign);
            range(far.min(near), far.max(near))
        }
        Rel::Rolling(span) => range(span.apply(r, -1), r),
        Rel::Ahead(span) => range(r.add_days(1), span.apply(r, 1)),
        Rel::Quarters(n) => {
            let current = month_first(r.year, (r.month - 1) / 3 * 3 + 1);
            if n < 0 {
                range(add_months(current, 3 * n), current.add_days(-1))
            } else {
                range(
                    add_months(current, 3),
                    add_months(current, 3 * (n + 1)).add_days(-1),
                )
            }
        }
        Rel::Quarter(step) => {
            let first = month_first(r.year, (r.month - 1) / 3 * 3 + 1);
            let shift = match step {
                Step::Last => -3,
                Step::This => 0,
                Step::Next => 3,
            };
            let q = add_months(first, shift);
            let end = add_months(q, 2);
            match step {
                Step::This => range(q, r),
                _ => range(q, month_last(end.year, end.month)),
            }
        }
        Rel::Decade(step) => {
            let start = r.year - r.year.rem_euclid(10);
            let first = match step {
                Step::Last => start - 10,
                Step::This => start,
                Step::Next => start + 10,
            };
            match step {
                Step::This => range(month_first(first, 1), r),
                _ => range(month_first(first, 1), month_last(first + 9, 12)),
            }
        }
        Rel::Weekday(wd, mode) => day(match mode {
            WeekdayMode::OnOrBefore => r.previous_or_same(wd),
            WeekdayMode::Before => r.add_days(-1).previous_or_same(wd),
            WeekdayMode::After => {
                let ahead = (i64::from(wd.index()) - i64::from(r.weekday().index())).rem_euclid(7);
                r.add_days(if ahead == 0 { 7 } else { ahead })
            }
            WeekdayMode::ThisWeek => monday.add_days(i64::from(wd.index())),
            WeekdayMode::LastWeek => monday.add_days(i64::from(wd.index()) - 7),
            WeekdayMode::NextWeek => monday.add_days(i64::from(wd.index()) + 7),
        }),
        Rel::WeekOffset(k) => range(monday.add_days(7 * k), monday.add_days(7 * k + 6)),
        Rel::Week(Step::Last) => range(monday.add_days(-7), monday.add_days(-1)),
        Rel::Week(Step::This) => range(monday, r),
        Rel::Week(Step::Next) => range(monday.add_days(7), monday.add_days(13)),
        Rel::WeekRest => range(r, monday.add_days(6)),
        Rel::Month(step) => {
            let first = month_first(r.year, r.month);
            match step {
                Step::This => range(first, r),
                Step::Last | Step::Next => {
                    let m = add_months(first, if step == Step::Last { -1 } else { 1 });
                    range(m, month_last(m.year, m.month))
                }
            }
        }
        Rel::MonthRest => range(r, month_last(r.year, r.month)),
        Rel::Year(Step::Last) => Some(DateValue::Point(PartialDate::year(r.year - 1))),
        Rel::Year(Step::This) => range(month_first(r.year, 1), r),
        Rel::Year(Step::Next) => Some(DateValue::Point(PartialDate::year(r.year + 1))),
        Rel::YearRest => range(r, month_last(r.year, 12)),
        Rel::Weekend(step) => {
            let saturday = match step {
                Some(Step::Last) => monday.add_days(-2),
                Some(Step::This) => monday.add_days(5),
                Some(Step::Next) => monday.add_days(12),
                None if r.weekday().index() >= 5 => monday.add_days(5),
                None => monday.add_days(-2),
            };
            range(saturday, saturday.add_days(1))
        }
    }
}

fn step_offset(step: Step) -> i64 {
    match step {
        Step::Last => -1,
        Step::This => 0,
        Step::Next => 1,
    }
}

/// The whole calendar week, month or year a candidate names ("July", "2021", "this
/// month", "last year"), for taking parts of it.
fn whole_period(res: &Res, reference: Option<Date>) -> Option<(Date, Date, PeriodUnit)> {
    let month = |first: Date| {
        Some((
            first,
            month_last(first.year, first.month),
            PeriodUnit::Month,
        ))
    };
    match res {
        Res::Abs { parts, past } if parts.day.is_none() && parts.month != 0 => {
            let p = resolve_parts(*parts, *past, reference)?;
            Some((first_day_of(p)?, last_day_of(p)?, PeriodUnit::Month))
        }
        Res::MonthRel(..) => {
            let first = resolve(res.clone(), reference)?.earliest()?;
            month(first)
        }
        Res::Fixed(DateValue::Point(p)) if p.month.is_none() => Some((
            month_first(p.year, 1),
            month_last(p.year, 12),
            PeriodUnit::Year,
        )),
        Res::Rel(Rel::Month(step)) => {
            let r = reference?;
            month(add_months(month_first(r.year, r.month), step_offset(*step)))
        }
        Res::Rel(Rel::Year(step)) => {
            let y = reference?.year + step_offset(*step) as i32;
            Some((month_first(y, 1), month_last(y, 12), PeriodUnit::Year))
        }
        Res::Rel(Rel::Week(step)) => {
            let monday = week_monday(reference?).add_days(7 * step_offset(*step));
            Some((monday, monday.add_days(6), PeriodUnit::Week))
        }
        _ => None,
    }
}

/// The Monday of the week holding the first (or, `last`, the last) Thursday of `a..=b`:
/// weeks belong to the month or year that holds most of their days, as ISO weeks do.
fn thursday_week(a: Date, b: Date, last: bool) -> Date {
    let thursday = if last {
        b.previous_or_same(Weekday::Thursday)
    } else {
        let ahead = (3 - i64::from(a.weekday().index())).rem_euclid(7);
        a.add_days(ahead)
    };
    thursday.add_days(-3)
}

/// `part` of the period `a..=b`: days counted from its first or last day, months of a
/// year, and weeks as ISO weeks (Monday..Sunday, each in the month or year that holds
/// its Thursday).
fn part_of(a: Date, b: Date, unit: PeriodUnit, part: Part) -> Option<DateValue> {
    let (i, n) = (i64::from(part.index) - 1, i64::from(part.count));
    match part.unit {
        PartUnit::Day => {
            if i + n > b.days_since(a) + 1 {
                return None;
            }
            if part.from_end {
                range(b.add_days(-i - n + 1), b.add_days(-i))
            } else {
                range(a.add_days(i), a.add_days(i + n - 1))
            }
        }
        PartUnit::Month => {
            if unit != PeriodUnit::Year || i + n > 12 {
                return None;
            }
            let first = if part.from_end { 12 - i - n + 1 } else { i + 1 } as u8;
            let last = first + n as u8 - 1;
            range(month_first(a.year, first), month_last(a.year, last))
        }
        PartUnit::Week => {
            if unit == PeriodUnit::Week {
                return None;
            }
            let (first, last) = (thursday_week(a, b, false), thursday_week(a, b, true));
            if i + n > last.days_since(first) / 7 + 1 {
                return None;
            }
            let start = if part.from_end {
                last.add_days(-7 * (i + n - 1))
            } else {
                first.add_days(7 * i)
            };
            range(start, start.add_days(7 * n - 1))
        }
    }
}

/// The day `day` of the month closest to `r` (of `r`'s month when `this_month`), on
/// `weekday` when given; ties go to the earlier one.
fn day_of_month(day: u8, weekday: Option<Weekday>, this_month: bool, r: Date) -> Option<Date> {
    let base = month_first(r.year, r.month);
    let months = if this_month { 0..=0 } else { -14..=14 };
    months
        .filter_map(|k| {
            let m = add_months(base, k);
            Date::new(m.year, m.month, day)
        })
        .filter(|d| weekday.is_none_or(|w| d.weekday() == w))
        .min_by_key(|d| (d.days_since(r).abs(), *d > r))
}

fn resolve(res: Res, reference: Option<Date>) -> Option<DateValue> {
    match res {
        Res::Whole(inner) => {
            let (a, b, _) = whole_period(&inner, reference)?;
            range(a, b)
        }
        Res::PartOf { period, part } => {
            let (a, b, unit) = whole_period(&period, reference)?;
            // A single day or month keeps its precision.
            match part_of(a, b, unit, part)? {
                DateValue::Range(x, y) if x == y => Some(DateValue::Point(PartialDate::day(x))),
                DateValue::Range(x, _) if part.unit == PartUnit::Month && part.count == 1 => {
                    Some(DateValue::Point(PartialDate::month(x.year, x.month)))
                }
                v => Some(v),
            }
        }
        Res::YearThird { year, third, .. } => {
            let (a, _, unit) = whole_period(&year, reference)?;
            if unit != PeriodUnit::Year {
                return None;
            }
            let first = third * 4 + 1;
            range(month_first(a.year, first), month_last(a.year, first + 3))
        }
        Res::WeekOf { day, from_day } => {
            let d = match resolve(*day, reference)? {
                DateValue::Point(p) => p.to_date()?,
                DateValue::Range(..) => return None,
            };
            let start = if from_day { d } else { week_monday(d) };
            range(start, start.add_days(6))
        }
        Res::Season { season, year, step } => {
            let bounds = |y: i32| -> (Date, Date) {
                match season {
                    3 => (month_first(y - 1, 12), month_last(y, 2)),
                    s => {
                        let first = 3 + 3 * s;
                        (month_first(y, first), month_last(y, first + 2))
                    }
                }
            };
            let (a, b) = match year {
                Some(y) => bounds(y),
                None => {
                    let r = reference?;
                    let around: Vec<(Date, Date)> = (r.year - 1..=r.year + 2).map(bounds).collect();
                    match step {
                        Step::Last => around.into_iter().rev().find(|&(_, b)| b < r)?,
                        Step::Next => around.into_iter().find(|&(a, _)| a > r)?,
                        // The one under way, else this year's (the coming winter).
                        Step::This => around
                            .iter()
                            .copied()
                            .find(|&(a, b)| a <= r && r <= b)
                            .or_else(|| {
                                let y = if season == 3 { r.year + 1 } else { r.year };
                                Some(bounds(y))
                            })?,
                    }
                }
            };
            range(a, b)
        }
        Res::DayOfMonth {
            day,
            weekday,
            this_month,
        } => day_of_month(day, weekday, this_month, reference?)
            .map(|d| DateValue::Point(PartialDate::day(d))),
        Res::Between(a, b) => {
            let start = resolve(*a, reference)?.earliest()?;
            let end = match *b {
                // "from 2007 to the start of 2008": up to the day 2008 starts.
                Res::YearThird {
                    start_of: true,
                    year,
                    ..
                } => whole_period(&year, reference)?.0,
                // "from next Monday to Friday": the first such day from the start on.
                Res::Rel(Rel::Weekday(wd, WeekdayMode::OnOrBefore)) => {
                    let ahead =
                        (i64::from(wd.index()) - i64::from(start.weekday().index())).rem_euclid(7);
                    start.add_days(ahead)
                }
                // "between now and November 15": the first one from the start on.
                Res::Abs { parts, .. } if parts.year.is_none() => (start.year..=start.year + 1)
                    .filter_map(|y| parts.in_year(y).and_then(last_day_of))
                    .find(|&d| d >= start)?,
                other => resolve(other, reference)?.latest()?,
            };
            range(start, end)
        }
        Res::Offset { base, span, sign } => {
            let day = match resolve(*base, reference)? {
                DateValue::Point(p) => p.to_date()?,
                DateValue::Range(..) => return None,
            };
            Some(DateValue::Point(PartialDate::day(span.apply(day, sign))))
        }
        Res::Fixed(v) => Some(v),
        Res::Abs { parts, past } => resolve_parts(parts, past, reference).map(DateValue::Point),
        Res::AbsRange(a, b) => resolve_range(a, b, reference),
        Res::MonthRel(month, step) => {
            let r = reference?;
            let year = match step {
                Step::This => r.year,
                Step::Last if month < r.month => r.year,
                Step::Last => r.year - 1,
                Step::Next if month > r.month => r.year,
                Step::Next => r.year + 1,
            };
            Some(DateValue::Point(PartialDate::month(year, month)))
        }
        Res::Rel(rel) => rel_value(rel, reference?),
        Res::Months { first, last, year } => {
            let (a, b) = (Parts::new(None, first, None), Parts::new(None, last, None));
            let y = match year {
                YearSpec::Written(y) => y,
                YearSpec::Relative(k) => reference?.year + k,
                YearSpec::Infer => return resolve_range(a, b, reference),
            };
            resolve_range(
                Parts { year: Some(y), ..a },
                Parts { year: Some(y), ..b },
                None,
            )
        }
    }
}

/// Every date expression in `text`, left to right, non-overlapping (longest match wins),
/// resolved against `reference` (the article's publication date) with the past reading
/// news needs. See the module documentation for the rules.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let mut s = Scanner::new(text);
    s.month_day();
    s.day_month();
    s.month_year();
    s.month_alone();
    s.month_range();
    s.month_day_range();
    s.day_range_month();
    s.year_range();
    s.iso();
    s.numeric_dmy();
    s.numeric_dm();
    s.numeric_mixed();
    s.years();
    s.decades();
    s.weekdays();
    s.day_words();
    s.ago();
    s.calendar();
    s.periods();
    s.days_of_month();
    s.seasons_and_eras();
    s.end_of_unit();
    s.anchored();
    s.combine_ranges();
    s.offsets();
    // Resolve before choosing, so that a candidate that cannot keep the promise of its
    // kind (a range whose end comes before its start) gives way to its parts.
    let resolved = s
        .cands
        .into_iter()
        .map(|c| DateMention {
            span: c.span,
            kind: c.kind,
            value: resolve(c.res, reference),
        })
        .filter(|m| {
            let promised = match m.kind {
                DateKind::Absolute { year_written } => year_written || reference.is_some(),
                DateKind::Year { .. } => true,
                DateKind::Relative => reference.is_some(),
            };
            m.value.is_some() || !promised
        })
        .collect();
    select(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Friday 2025-06-20, the reference of most rows.
    const FRI: &str = "2025-06-20";

    fn d(s: &str) -> Date {
        Date::parse_iso(s).expect("test date")
    }

    /// Compact rendering: "2025-06-12" (day), "2025-06" (month), "2025" (year),
    /// "2025-06-13..2025-06-20" (range), "-" (unresolved).
    fn show(v: Option<DateValue>) -> String {
        match v {
            None => "-".to_string(),
            Some(DateValue::Point(p)) => p.to_string(),
            Some(DateValue::Range(a, b)) => format!("{a}..{b}"),
        }
    }

    fn show_kind(k: DateKind) -> &'static str {
        match k {
            DateKind::Absolute {
                year_written: false,
            } => "abs",
            DateKind::Absolute { year_written: true } => "abs+y",
            DateKind::Year {
                year_context: false,
            } => "year",
            DateKind::Year { year_context: true } => "year+cue",
            DateKind::Relative => "rel",
        }
    }

    /// Every mention of `text` as (matched text, kind, value).
    fn run(text: &str, reference: &str) -> Vec<(String, &'static str, String)> {
        let r = (!reference.is_empty()).then(|| d(reference));
        find_dates(text, r)
            .into_iter()
            .map(|m| {
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                (
                    text[m.span.clone()].to_string(),
                    show_kind(m.kind),
                    show(m.value),
                )
            })
            .collect()
    }

    /// (input, reference ("" = none), expected matched text, kind, value): the single
    /// mention expected in the input.
    #[rustfmt::skip]
    const SINGLE: &[(&str, &str, &str, &str, &str)] = &[
        // Month and day, year inferred: the closest of ref.year-1..=ref.year+1.
        ("June 12", FRI, "June 12", "abs", "2025-06-12"),
        ("June 25", FRI, "June 25", "abs", "2025-06-25"),
        ("December 30", "2026-01-03", "December 30", "abs", "2025-12-30"),
        ("January 2", "2025-12-28", "January 2", "abs", "2026-01-02"),
        ("Sept. 11", FRI, "Sept. 11", "abs", "2025-09-11"),
        ("Sept 11", FRI, "Sept 11", "abs", "2025-09-11"),
        ("Jun. 12th", FRI, "Jun. 12th", "abs", "2025-06-12"),
        ("june 12", FRI, "june 12", "abs", "2025-06-12"),
        ("JUNE 12", FRI, "JUNE 12", "abs", "2025-06-12"),
        ("June the 1st", FRI, "June the 1st", "abs", "2025-06-01"),
        ("June first", FRI, "June first", "abs", "2025-06-01"),
        ("June 12", "", "June 12", "abs", "-"),
        ("Feb 29", "2017-03-22", "Feb 29", "abs", "2016-02-29"),
        ("Feb 29", "2026-01-10", "Feb 29", "abs", "2024-02-29"),
        ("Tue, May 9", "2018-01-07", "Tue, May 9", "abs", "2017-05-09"),
        ("since June 25", FRI, "June 25", "abs", "2024-06-25"),
        // Day first.
        ("12 June", FRI, "12 June", "abs", "2025-06-12"),
        ("12 June 2025", "", "12 June 2025", "abs+y", "2025-06-12"),
        ("the 12th of June", FRI, "the 12th of June", "abs", "2025-06-12"),
        ("12th of June, 2024", "", "12th of June, 2024", "abs+y", "2024-06-12"),
        ("the fourth of July", FRI, "the fourth of July", "abs", "2025-07-04"),
        ("Friday 13 June 2025", "", "Friday 13 June 2025", "abs+y", "2025-06-13"),
        ("05-Aug-2016", "", "05-Aug-2016", "abs+y", "2016-08-05"),
        // Month, day and year.
        ("June 12, 2025", "", "June 12, 2025", "abs+y", "2025-06-12"),
        ("June 12 2025", "", "June 12 2025", "abs+y", "2025-06-12"),
        ("Dec. 31 , 1994", "", "Dec. 31 , 1994", "abs+y", "1994-12-31"),
        ("Friday, June 13, 2025", "", "Friday, June 13, 2025", "abs+y", "2025-06-13"),
        ("July 4, 1776", "", "July 4, 1776", "abs+y", "1776-07-04"),
        // Month precision.
        ("June 2025", "", "June 2025", "abs+y", "2025-06"),
        ("June of 1992", "", "June of 1992", "abs+y", "1992-06"),
        ("in Dec. 2018", "", "Dec. 2018", "abs+y", "2018-12"),
        ("in June", FRI, "June", "abs", "2025-06"),
        ("in June", "", "June", "abs", "-"),
        ("since March", FRI, "March", "abs", "2025-03"),
        ("by December", FRI, "December", "abs", "2025-12"),
        ("since December", FRI, "December", "abs", "2024-12"),
        ("mid-June", FRI, "mid-June", "abs", "2025-06"),
        ("mid June", FRI, "mid June", "abs", "2025-06"),
        ("early June", FRI, "early June", "abs", "2025-06"),
        ("late May", FRI, "late May", "abs", "2025-05"),
        ("in early March", FRI, "early March", "abs", "2025-03"),
        ("mid-June 2024", "", "mid-June 2024", "abs+y", "2024-06"),
        ("last June", FRI, "last June", "abs", "2024-06"),
        ("last March", FRI, "last March", "abs", "2025-03"),
        ("next June", FRI, "next June", "abs", "2026-06"),
        ("this September", FRI, "this September", "abs", "2025-09"),
        ("the end of June", FRI, "the end of June", "abs", "2025-06"),
        ("late last month", FRI, "late last month", "rel", "2025-05-01..2025-05-31"),
        ("the end of this month", FRI, "the end of this month", "rel", "2025-06-01..2025-06-30"),
        ("early next week", FRI, "early next week", "rel", "2025-06-23..2025-06-29"),
        ("by the end of the month", FRI, "the end of the month", "rel", "2025-06-01..2025-06-30"),
        // Parts of months and years; weeks are Monday..Sunday, each in the month or year
        // that holds its Thursday (ISO weeks for years).
        ("the last week of July", "2016-11-07", "the last week of July", "abs", "2016-07-25..2016-07-31"),
        ("the second week of March 2020", "", "the second week of March 2020", "abs+y", "2020-03-09..2020-03-15"),
        ("3rd week of Jan 2018", "", "3rd week of Jan 2018", "abs+y", "2018-01-15..2018-01-21"),
        ("the first week of 2015", "", "the first week of 2015", "abs+y", "2014-12-29..2015-01-04"),
        ("the last week of 2019", "", "the last week of 2019", "abs+y", "2019-12-23..2019-12-29"),
        ("the first 2 weeks of 2021", "", "the first 2 weeks of 2021", "abs+y", "2021-01-04..2021-01-17"),
        ("the last week of this month", FRI, "the last week of this month", "rel", "2025-06-23..2025-06-29"),
        ("the last four months of 2021", "", "the last four months of 2021", "abs+y", "2021-09-01..2021-12-31"),
        ("the third month of 2021", "", "the third month of 2021", "abs+y", "2021-03"),
        ("the first ten days of last year", FRI, "the first ten days of last year", "rel", "2024-01-01..2024-01-10"),
        ("the 15th day of next month", FRI, "the 15th day of next month", "rel", "2025-07-15"),
        ("the first day of June 2020", "", "the first day of June 2020", "abs+y", "2020-06-01"),
        // Weeks of a day.
        ("the week of April 10th", "2017-03-01", "the week of April 10th", "abs", "2017-04-10..2017-04-16"),
        ("the week of June 12, 2025", "", "the week of June 12, 2025", "abs+y", "2025-06-09..2025-06-15"),
        ("the week beginning February 4", "2019-01-20", "the week beginning February 4", "abs", "2019-02-04..2019-02-10"),
        ("w/c Feb 4", "2019-01-20", "w/c Feb 4", "abs", "2019-02-04..2019-02-10"),
        // A day of the month without its month: the closest one (on the weekday given).
        ("Mon 13th", "2022-05-01", "Mon 13th", "abs", "2022-06-13"),
        ("Wed 13th", "2022-05-01", "Wed 13th", "abs", "2022-04-13"),
        ("Tuesday the eleventh", "2019-06-10", "Tuesday the eleventh", "abs", "2019-06-11"),
        ("on Monday 21!", "2019-01-25", "Monday 21", "abs", "2019-01-21"),
        ("Friday the 13th", FRI, "Friday the 13th", "abs", "2025-06-13"),
        ("on the 18th.", "2018-08-07", "the 18th", "abs", "2018-08-18"),
        ("since the 4th,", "2018-08-07", "the 4th", "abs", "2018-08-04"),
        ("the 21st this month", "2018-08-08", "the 21st this month", "abs", "2018-08-21"),
        ("Friday 2018-7-6", "", "Friday 2018-7-6", "abs+y", "2018-07-06"),
        // Ranges of days and months.
        ("June 13-20", FRI, "June 13-20", "abs", "2025-06-13..2025-06-20"),
        ("June 12–13", FRI, "June 12–13", "abs", "2025-06-12..2025-06-13"),
        ("June 12 to 15", FRI, "June 12 to 15", "abs", "2025-06-12..2025-06-15"),
        ("June 13-20, 2024", "", "June 13-20, 2024", "abs+y", "2024-06-13..2024-06-20"),
        ("12-13 June", FRI, "12-13 June", "abs", "2025-06-12..2025-06-13"),
        ("between 13 and 20 June", FRI, "between 13 and 20 June", "abs", "2025-06-13..2025-06-20"),
        ("from 9 to 12 June 2020", "", "from 9 to 12 June 2020", "abs+y", "2020-06-09..2020-06-12"),
        ("between June 13 and June 20", FRI, "between June 13 and June 20", "abs", "2025-06-13..2025-06-20"),
        ("from June 13 to June 20", FRI, "from June 13 to June 20", "abs", "2025-06-13..2025-06-20"),
        ("June 12 - July 3, 2025", "", "June 12 - July 3, 2025", "abs+y", "2025-06-12..2025-07-03"),
        ("Nov 18-Dec 19, 2015", "", "Nov 18-Dec 19, 2015", "abs+y", "2015-11-18..2015-12-19"),
        ("Dec 28 - Jan 3", "2026-01-05", "Dec 28 - Jan 3", "abs", "2025-12-28..2026-01-03"),
        ("from March to May", FRI, "from March to May", "abs", "2025-03-01..2025-05-31"),
        ("between August and October 2024", "", "between August and October 2024", "abs+y", "2024-08-01..2024-10-31"),
        ("Nov-Feb 2017", "", "Nov-Feb 2017", "abs+y", "2016-11-01..2017-02-28"),
        ("from 02/02/2020 to 03/03/2020", "", "from 02/02/2020 to 03/03/2020", "abs+y", "2020-02-02..2020-03-03"),
        // Numeric dates.
        ("2025-06-12", "", "2025-06-12", "abs+y", "2025-06-12"),
        ("2025-06-12T10:00", "", "2025-06-12T10:00", "abs+y", "2025-06-12"),
        ("2025-06-12T10:00:00+02:00", "", "2025-06-12T10:00:00+02:00", "abs+y", "2025-06-12"),
        ("2025/06/12", "", "2025/06/12", "abs+y", "2025-06-12"),
        ("23/08/2020", "", "23/08/2020", "abs+y", "2020-08-23"),
        ("08/23/2020", "", "08/23/2020", "abs+y", "2020-08-23"),
        ("23.08.2020", "", "23.08.2020", "abs+y", "2020-08-23"),
        ("12/12/2020", "", "12/12/2020", "abs+y", "2020-12-12"),
        ("on 22/04", FRI, "22/04", "abs", "2025-04-22"),
        ("report-2018-09-23-page", "", "2018-09-23", "abs+y", "2018-09-23"),
        ("2015-12", "", "2015-12", "abs+y", "2015-12"),
        ("2015-3", "", "2015-3", "abs+y", "2015-03"),
        ("in 2015/12", "", "2015/12", "abs+y", "2015-12"),
        ("12-2015", "", "12-2015", "abs+y", "2015-12"),
        ("since 03/2020", "", "03/2020", "abs+y", "2020-03"),
        ("2019-aug-01", "", "2019-aug-01", "abs+y", "2019-08-01"),
        ("2019/Aug/1", "", "2019/Aug/1", "abs+y", "2019-08-01"),
        ("Sep-23-2020", "", "Sep-23-2020", "abs+y", "2020-09-23"),
        ("Oct/2", FRI, "Oct/2", "abs", "2025-10-02"),
        ("report-20170302.html", "", "20170302", "abs+y", "2017-03-02"),
        ("Dec31, 1994", "", "Dec31, 1994", "abs+y", "1994-12-31"),
        ("October, 1st", FRI, "October, 1st", "abs", "2025-10-01"),
        // Years.
        ("in 2018", "", "2018", "year+cue", "2018"),
        ("since 2014", "", "2014", "year+cue", "2014"),
        ("the 2015 deal", "", "2015", "year", "2015"),
        ("a 2015 deal", "", "2015", "year", "2015"),
        ("2018 people", "", "2018", "year", "2018"),
        ("2018", "", "2018", "year", "2018"),
        ("the summer of 2014", "", "summer of 2014", "year+cue", "2014-06-01..2014-08-31"),
        ("winter 2014", "", "winter 2014", "year+cue", "2013-12-01..2014-02-28"),
        ("last summer", FRI, "last summer", "rel", "2024-06-01..2024-08-31"),
        ("last summer", "2025-10-01", "last summer", "rel", "2025-06-01..2025-08-31"),
        ("this summer", FRI, "this summer", "rel", "2025-06-01..2025-08-31"),
        ("this winter", "2025-10-01", "this winter", "rel", "2025-12-01..2026-02-28"),
        ("next spring", FRI, "next spring", "rel", "2026-03-01..2026-05-31"),
        ("This fall, the plant opens", FRI, "This fall", "rel", "2025-09-01..2025-11-30"),
        ("the nineties", "", "nineties", "year+cue", "1990-01-01..1999-12-31"),
        ("in the '80s", "", "'80s", "year+cue", "1980-01-01..1989-12-31"),
        ("the 19th century", "", "19th century", "year+cue", "1800-01-01..1899-12-31"),
        ("in the 21st Century", "", "21st Century", "year+cue", "2000-01-01..2099-12-31"),
        ("the twenty-first century", "", "twenty-first century", "year+cue", "2000-01-01..2099-12-31"),
        ("the calendar year 2008", "", "the calendar year 2008", "year+cue", "2008"),
        ("this calendar year", FRI, "this calendar year", "rel", "2025-01-01..2025-06-20"),
        // Thirds of a year: January-April, May-August, September-December.
        ("in early 2014", "", "early 2014", "year+cue", "2014-01-01..2014-04-30"),
        ("mid-2014", "", "mid-2014", "year+cue", "2014-05-01..2014-08-31"),
        ("mid 1989", "", "mid 1989", "year+cue", "1989-05-01..1989-08-31"),
        ("late 2019", "", "late 2019", "year+cue", "2019-09-01..2019-12-31"),
        ("by the end of 2020", "", "the end of 2020", "year+cue", "2020-09-01..2020-12-31"),
        ("at the beginning of 2000", "", "the beginning of 2000", "year+cue", "2000-01-01..2000-04-30"),
        ("late last year", FRI, "late last year", "rel", "2024-09-01..2024-12-31"),
        ("by the end of the year", FRI, "the end of the year", "rel", "2025-09-01..2025-12-31"),
        ("between the end of 2007 and the end of 2008", "", "between the end of 2007 and the end of 2008", "year+cue", "2007-09-01..2008-12-31"),
        ("pre-2008 levels", "", "2008", "year+cue", "2008"),
        ("by 2030", "", "2030", "year+cue", "2030"),
        ("until 2021", "", "2021", "year+cue", "2021"),
        ("during 1999", "", "1999", "year+cue", "1999"),
        ("2013-2015", "", "2013-2015", "year+cue", "2013-01-01..2015-12-31"),
        ("2013–2015", "", "2013–2015", "year+cue", "2013-01-01..2015-12-31"),
        ("the 2014-15 season", "", "2014-15", "year+cue", "2014-01-01..2015-12-31"),
        ("between 2013 and 2015", "", "between 2013 and 2015", "year+cue", "2013-01-01..2015-12-31"),
        ("from 2013 to 2015", "", "from 2013 to 2015", "year+cue", "2013-01-01..2015-12-31"),
        ("the 1990s", "", "1990s", "year+cue", "1990-01-01..1999-12-31"),
        // Weekdays (2025-06-20 is a Friday).
        ("Friday", FRI, "Friday", "rel", "2025-06-20"),
        ("on Friday", FRI, "Friday", "rel", "2025-06-20"),
        ("friday", FRI, "friday", "rel", "2025-06-20"),
        ("Thursday", FRI, "Thursday", "rel", "2025-06-19"),
        ("Saturday", FRI, "Saturday", "rel", "2025-06-14"),
        ("Friday", "", "Friday", "rel", "-"),
        ("Friday's strike", FRI, "Friday", "rel", "2025-06-20"),
        ("Friday afternoon", FRI, "Friday afternoon", "rel", "2025-06-20"),
        ("early Friday", FRI, "early Friday", "rel", "2025-06-20"),
        ("late on Monday night", FRI, "late on Monday night", "rel", "2025-06-16"),
        ("last Friday", FRI, "last Friday", "rel", "2025-06-13"),
        ("last Monday", FRI, "last Monday", "rel", "2025-06-09"),
        ("last Thursday", FRI, "last Thursday", "rel", "2025-06-12"),
        ("previous Monday", FRI, "previous Monday", "rel", "2025-06-09"),
        ("last Saturday", "2025-06-16", "last Saturday", "rel", "2025-06-14"),
        ("past Wednesday", FRI, "past Wednesday", "rel", "2025-06-18"),
        ("this past Friday", FRI, "this past Friday", "rel", "2025-06-13"),
        ("next Friday", FRI, "next Friday", "rel", "2025-06-27"),
        ("next Monday", FRI, "next Monday", "rel", "2025-06-23"),
        ("this coming Friday", FRI, "this coming Friday", "rel", "2025-06-27"),
        ("this Friday", FRI, "this Friday", "rel", "2025-06-20"),
        ("this Sunday", FRI, "this Sunday", "rel", "2025-06-22"),
        ("this Monday", FRI, "this Monday", "rel", "2025-06-16"),
        ("next Saturday", FRI, "next Saturday", "rel", "2025-06-28"),
        ("this coming Saturday", FRI, "this coming Saturday", "rel", "2025-06-21"),
        ("upcoming Saturday", FRI, "upcoming Saturday", "rel", "2025-06-21"),
        ("next week Wednesday", FRI, "next week Wednesday", "rel", "2025-06-25"),
        ("next week on Tuesday", FRI, "next week on Tuesday", "rel", "2025-06-24"),
        ("last week on Tuesday", FRI, "last week on Tuesday", "rel", "2025-06-10"),
        ("previous week - Monday", FRI, "previous week - Monday", "rel", "2025-06-09"),
        ("this week Monday", FRI, "this week Monday", "rel", "2025-06-16"),
        ("next week Mon", FRI, "next week Mon", "rel", "2025-06-23"),
        // Day words.
        ("yesterday", FRI, "yesterday", "rel", "2025-06-19"),
        ("Yesterday afternoon", FRI, "Yesterday afternoon", "rel", "2025-06-19"),
        ("today", FRI, "today", "rel", "2025-06-20"),
        ("tonight", FRI, "tonight", "rel", "2025-06-20"),
        ("earlier today", FRI, "earlier today", "rel", "2025-06-20"),
        ("this morning", FRI, "this morning", "rel", "2025-06-20"),
        ("this evening", FRI, "this evening", "rel", "2025-06-20"),
        ("last night", FRI, "last night", "rel", "2025-06-19"),
        ("tomorrow", FRI, "tomorrow", "rel", "2025-06-21"),
        ("the day before yesterday", FRI, "the day before yesterday", "rel", "2025-06-18"),
        ("the previous day", FRI, "the previous day", "rel", "2025-06-19"),
        ("he had left the day before.", FRI, "the day before", "rel", "2025-06-19"),
        ("yesterday", "", "yesterday", "rel", "-"),
        // Ago.
        ("two days ago", FRI, "two days ago", "rel", "2025-06-18"),
        ("2 days ago", FRI, "2 days ago", "rel", "2025-06-18"),
        ("twenty-one days ago", FRI, "twenty-one days ago", "rel", "2025-05-30"),
        ("3 weeks ago", FRI, "3 weeks ago", "rel", "2025-05-30"),
        ("a week ago", FRI, "a week ago", "rel", "2025-06-13"),
        ("six months ago", FRI, "six months ago", "rel", "2024-12-20"),
        ("one month ago", "2025-03-31", "one month ago", "rel", "2025-02-28"),
        ("two years ago", FRI, "two years ago", "rel", "2023-06-20"),
        ("a decade ago", FRI, "a decade ago", "rel", "2015-06-20"),
        ("2 weeks and 2 days ago", FRI, "2 weeks and 2 days ago", "rel", "2025-06-04"),
        ("a couple of days ago", FRI, "a couple of days ago", "rel", "2025-06-18"),
        ("a few days ago", FRI, "a few days ago", "rel", "2025-06-11..2025-06-18"),
        ("several days ago", FRI, "several days ago", "rel", "2025-06-11..2025-06-18"),
        ("days ago", FRI, "days ago", "rel", "2025-06-11..2025-06-18"),
        ("two years from now", FRI, "two years from now", "rel", "2027-06-20"),
        // Calendar periods.
        ("last week", FRI, "last week", "rel", "2025-06-09..2025-06-15"),
        ("this week", FRI, "this week", "rel", "2025-06-16..2025-06-20"),
        ("earlier this week", FRI, "earlier this week", "rel", "2025-06-16..2025-06-20"),
        ("later this week", FRI, "later this week", "rel", "2025-06-20..2025-06-22"),
        ("next week", FRI, "next week", "rel", "2025-06-23..2025-06-29"),
        ("last month", FRI, "last month", "rel", "2025-05-01..2025-05-31"),
        ("last month", "2025-01-15", "last month", "rel", "2024-12-01..2024-12-31"),
        ("this month", FRI, "this month", "rel", "2025-06-01..2025-06-20"),
        ("earlier this month", FRI, "earlier this month", "rel", "2025-06-01..2025-06-20"),
        ("next month", FRI, "next month", "rel", "2025-07-01..2025-07-31"),
        ("last year", FRI, "last year", "rel", "2024"),
        ("last year's election", FRI, "last year", "rel", "2024"),
        ("this year", FRI, "this year", "rel", "2025-01-01..2025-06-20"),
        ("earlier this year", FRI, "earlier this year", "rel", "2025-01-01..2025-06-20"),
        ("later this year", FRI, "later this year", "rel", "2025-06-20..2025-12-31"),
        ("next year", FRI, "next year", "rel", "2026"),
        ("the past week", FRI, "the past week", "rel", "2025-06-13..2025-06-20"),
        ("in the last 3 months", FRI, "the last 3 months", "rel", "2025-03-20..2025-06-20"),
        ("over the past two years", FRI, "the past two years", "rel", "2023-06-20..2025-06-20"),
        // Weekends.
        ("over the weekend", FRI, "over the weekend", "rel", "2025-06-14..2025-06-15"),
        ("over the weekend", "2025-06-22", "over the weekend", "rel", "2025-06-21..2025-06-22"),
        ("last weekend", FRI, "last weekend", "rel", "2025-06-14..2025-06-15"),
        ("last weekend", "2025-06-22", "last weekend", "rel", "2025-06-14..2025-06-15"),
        ("this weekend", FRI, "this weekend", "rel", "2025-06-21..2025-06-22"),
        ("next weekend", FRI, "next weekend", "rel", "2025-06-28..2025-06-29"),
        // Quarters, halves and decades.
        ("Q1 2019", "", "Q1 2019", "abs+y", "2019-01-01..2019-03-31"),
        ("2019-Q2", "", "2019-Q2", "abs+y", "2019-04-01..2019-06-30"),
        ("H2 2024", "", "H2 2024", "abs+y", "2024-07-01..2024-12-31"),
        ("in Q3", FRI, "Q3", "abs", "2025-07-01..2025-09-30"),
        ("the first quarter of 2024", "", "the first quarter of 2024", "abs+y", "2024-01-01..2024-03-31"),
        ("fourth quarter 2023", "", "fourth quarter 2023", "abs+y", "2023-10-01..2023-12-31"),
        ("the second half of last year", FRI, "the second half of last year", "rel", "2024-07-01..2024-12-31"),
        ("last quarter", FRI, "last quarter", "rel", "2025-01-01..2025-03-31"),
        ("this quarter", FRI, "this quarter", "rel", "2025-04-01..2025-06-20"),
        ("next quarter", FRI, "next quarter", "rel", "2025-07-01..2025-09-30"),
        ("the last two quarters", FRI, "the last two quarters", "rel", "2024-10-01..2025-03-31"),
        ("last decade", FRI, "last decade", "rel", "2010-01-01..2019-12-31"),
        ("the past decade", FRI, "the past decade", "rel", "2015-06-20..2025-06-20"),
        ("past year", FRI, "past year", "rel", "2024-06-20..2025-06-20"),
        ("the past quarter", FRI, "the past quarter", "rel", "2025-01-01..2025-03-31"),
        ("the last 3 months and 2 weeks", FRI, "the last 3 months and 2 weeks", "rel", "2025-03-06..2025-06-20"),
        ("the 5 past years", FRI, "the 5 past years", "rel", "2020-06-20..2025-06-20"),
        ("the 2 upcoming months", FRI, "the 2 upcoming months", "rel", "2025-06-21..2025-08-20"),
        ("over the next couple weeks", FRI, "the next couple weeks", "rel", "2025-06-21..2025-07-04"),
        ("the week after next", FRI, "the week after next", "rel", "2025-06-30..2025-07-06"),
        ("the current quarter", FRI, "current quarter", "rel", "2025-04-01..2025-06-20"),
        ("next year's first quarter", FRI, "next year's first quarter", "rel", "2026-01-01..2026-03-31"),
        ("killed 300 people to date,", FRI, "to date", "rel", "2025-06-20"),
        ("till date", FRI, "till date", "rel", "2025-06-20"),
        ("down 20% year to date", FRI, "year to date", "rel", "2025-01-01..2025-06-20"),
        ("in three weeks' time", FRI, "in three weeks' time", "rel", "2025-07-11"),
        ("in a fortnight’s time", FRI, "in a fortnight’s time", "rel", "2025-07-04"),
        // Forward windows.
        ("the next 3 days", FRI, "the next 3 days", "rel", "2025-06-21..2025-06-23"),
        ("in the next few days", FRI, "the next few days", "rel", "2025-06-21..2025-06-29"),
        ("the coming week", FRI, "the coming week", "rel", "2025-06-21..2025-06-27"),
        // Spans counted from an explicit day.
        ("a fortnight ago", FRI, "a fortnight ago", "rel", "2025-06-06"),
        ("3 days after June 12", FRI, "3 days after June 12", "abs", "2025-06-15"),
        ("two weeks before May 13, 1999", "", "two weeks before May 13, 1999", "abs+y", "1999-04-29"),
        ("two weeks from tomorrow", FRI, "two weeks from tomorrow", "rel", "2025-07-05"),
        // Weekday of a given week.
        ("on Tuesday of last week", FRI, "Tuesday of last week", "rel", "2025-06-10"),
        ("Monday of next week", FRI, "Monday of next week", "rel", "2025-06-23"),
        // Ranges with a relative or whole-year end.
        ("between Jan 2019 and today", FRI, "between Jan 2019 and today", "rel", "2019-01-01..2025-06-20"),
        ("from 2010 until now", FRI, "from 2010 until now", "rel", "2010-01-01..2025-06-20"),
        ("from next Monday to Friday", FRI, "from next Monday to Friday", "rel", "2025-06-23..2025-06-27"),
        ("from this May to Oct 2020", "2018-10-24", "from this May to Oct 2020", "abs+y", "2018-05-01..2020-10-31"),
        ("from 2017-Q1 to 2018-Q1", "", "from 2017-Q1 to 2018-Q1", "abs+y", "2017-01-01..2018-03-31"),
        ("from Q1 of 2017 - Q3 of 2018", "", "from Q1 of 2017 - Q3 of 2018", "abs+y", "2017-01-01..2018-09-30"),
        ("between now and November 15th", "2019-04-23", "between now and November 15th", "rel", "2019-04-23..2019-11-15"),
        ("from March to date", "2016-11-07", "from March to date", "rel", "2016-03-01..2016-11-07"),
        ("between Monday and Wednesday", FRI, "between Monday and Wednesday", "rel", "2025-06-16..2025-06-18"),
        ("from 2007 to the end of 2008", "", "from 2007 to the end of 2008", "year+cue", "2007-01-01..2008-12-31"),
        ("from 2007 to the start of 2008", "", "from 2007 to the start of 2008", "year+cue", "2007-01-01..2008-01-01"),
        ("from 2007 to early 2008", "", "from 2007 to early 2008", "year+cue", "2007-01-01..2008-04-30"),
        ("from April until the end of June", FRI, "from April until the end of June", "abs", "2025-04-01..2025-06-30"),
        ("in 2014 through May 2018", "", "2014 through May 2018", "abs+y", "2014-01-01..2018-05-31"),
        ("april ninth through seventeenth", FRI, "april ninth through seventeenth", "abs", "2025-04-09..2025-04-17"),
        ("on 28 June in 2020", "", "28 June in 2020", "abs+y", "2020-06-28"),
        ("from April to June in 2017", "", "from April to June in 2017", "abs+y", "2017-04-01..2017-06-30"),
        // May and March only when capitalized and in a date position.
        ("In May 2018", "", "May 2018", "abs+y", "2018-05"),
        ("on May 5", FRI, "May 5", "abs", "2025-05-05"),
        ("in May", FRI, "May", "abs", "2025-05"),
        ("the March 12 attack", FRI, "March 12", "abs", "2025-03-12"),
        ("5 March", FRI, "5 March", "abs", "2025-03-05"),
    ];

    #[test]
    fn each_rule_yields_the_expected_mention_and_value() {
        let mut failures = Vec::new();
        for &(input, reference, text, kind, value) in SINGLE {
            let got = run(input, reference);
            let want = vec![(text.to_string(), kind, value.to_string())];
            if got != want {
                failures.push(format!(
                    "{input:?} @ {reference:?}: got {got:?}, want {want:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// Texts in which nothing may be recognized.
    const NO_DATES: &[&str] = &[
        "at least 14 people died",
        "6,221 deaths",
        "he may go",
        "He may go",
        "May I ask what this is for?",
        "This may or may not be right.",
        "the march on the capital",
        "10:30 am",
        "F-35 jets",
        "COVID-19",
        "a 3-1 win",
        "42,324 people",
        "call 555-1234",
        "call 555-2012",
        "Tel: +86 138-2010-2015",
        "The ssn is 123-12-1234",
        "The code of this object is 133-03-03-2020",
        "1.5 million",
        "2,018 troops",
        "3/4 of the votes",
        "open 24/7",
        "scores of 10-20",
        "up 2018%",
        "$2018 in cash",
        "Chapter 12, page 3",
        "Mortgages were at 6.45 percent",
        "There are two to four people in the room",
        "Twenty-six people die in accident at Techiman",
        "June Carter sang",
        "the August assembly",
        "a 1:1 meeting",
        "I waited for news, day after day",
        "the day before the election",
        "USA Today reported",
        "Fridays are quiet",
        "15-1 odds",
        "$ 12 million",
        "2015-32",
        "Is this a valid date? 2015 - 32",
        "the first half of the game",
        "in the first quarter, the Lakers led",
        "Q3 results",
        "the next day",
        "the following week",
        "two days after the vote",
        "in three days",
        "they march on the palace",
        "a 12-day trip",
        "on the 18th floor",
        "around the 21st.",
        "the first week of the trial",
        "the end of the year-long war",
        "the last Friday of the month",
        "order 20171399",
        "kept it up-to-date",
        "keep up to date",
        "unable to date the bones",
        "in their forties",
        "his last fall",
        "in three weeks",
        "a 21st-century problem",
        "20th Century Fox",
        "sued 20th century - fox",
        "this fall in oil prices",
        "Law 3/2020 was passed",
        "Model 12-2015 was recalled",
        "code 120170302",
    ];

    #[test]
    fn values_are_present_exactly_when_the_contract_promises() {
        for &(input, _, _, _, _) in SINGLE {
            for reference in [None, Some(d(FRI)), Some(d("2026-01-10"))] {
                for m in find_dates(input, reference) {
                    let promised = match m.kind {
                        DateKind::Absolute { year_written } => year_written || reference.is_some(),
                        DateKind::Year { .. } => true,
                        DateKind::Relative => reference.is_some(),
                    };
                    assert_eq!(
                        m.value.is_some(),
                        promised,
                        "{input:?} @ {reference:?}: {m:?}"
                    );
                    if let Some(v) = m.value {
                        assert!(v.earliest() <= v.latest(), "{input:?}: {v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_names_and_verbs_are_not_dates() {
        for text in NO_DATES {
            let got = run(text, FRI);
            assert!(got.is_empty(), "{text:?} gave {got:?}");
        }
    }

    #[test]
    fn ordinal_last_and_anaphoric_day_before_are_not_relative_dates() {
        assert!(
            run("the last week of July", FRI)
                .iter()
                .all(|(t, _, _)| t != "last week")
        );
        assert!(run("the last Friday of the month", FRI).is_empty());
        assert!(run("in the last year of his term", FRI).is_empty());
        assert!(run("the day before the election", FRI).is_empty());
        assert!(run("the day before he died", FRI).is_empty());
    }

    #[test]
    fn a_count_after_a_weekday_is_not_its_day() {
        assert_eq!(
            run("on Monday 21 people died", FRI),
            vec![("Monday".to_string(), "rel", "2025-06-16".to_string())]
        );
        assert_eq!(
            run("On Tuesday, first responders arrived", FRI),
            vec![("Tuesday".to_string(), "rel", "2025-06-17".to_string())]
        );
    }

    #[test]
    fn a_window_then_a_day_ago_are_two_mentions() {
        let got = run("for the last 3 months and 2 days ago they found it", FRI);
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["the last 3 months", "2 days ago"]);
    }

    #[test]
    fn a_count_after_a_month_and_comma_is_not_its_day() {
        assert_eq!(
            run("In October, 12 people died", FRI),
            vec![("October".to_string(), "abs", "2025-10".to_string())]
        );
    }

    #[test]
    fn holidays_named_after_weekdays_are_skipped() {
        assert!(run("the Good Friday agreement", FRI).is_empty());
        assert!(run("Black Friday sales", FRI).is_empty());
    }

    #[test]
    fn may_as_a_surname_is_not_a_month() {
        assert_eq!(
            run("Theresa May 2019 resignation", FRI),
            vec![("2019".to_string(), "year", "2019".to_string())]
        );
    }

    #[test]
    fn several_mentions_come_out_left_to_right_without_overlap() {
        let text = "Police said on Friday that 12 people were arrested on June 12, 2025, two days \
                    after the protests of June 10 and that 2018 people had been detained since 2014.";
        let got = run(text, FRI);
        let want = vec![
            ("Friday".to_string(), "rel", "2025-06-20".to_string()),
            (
                "June 12, 2025".to_string(),
                "abs+y",
                "2025-06-12".to_string(),
            ),
            ("June 10".to_string(), "abs", "2025-06-10".to_string()),
            ("2018".to_string(), "year", "2018".to_string()),
            ("2014".to_string(), "year+cue", "2014".to_string()),
        ];
        assert_eq!(got, want);
        let mentions = find_dates(text, Some(d(FRI)));
        for pair in mentions.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }

    #[test]
    fn longest_match_wins_over_its_parts() {
        assert_eq!(run("Friday, June 13, 2025", FRI).len(), 1);
        assert_eq!(run("between June 13 and June 20", FRI).len(), 1);
        assert_eq!(run("from 2013 to 2015", FRI).len(), 1);
        assert_eq!(run("last Friday", FRI).len(), 1);
        assert_eq!(run("two weeks and two days ago", FRI).len(), 1);
    }

    #[test]
    fn months_joined_by_and_are_both_recognized() {
        assert_eq!(
            run("in June and July", FRI),
            vec![
                ("June".to_string(), "abs", "2025-06".to_string()),
                ("July".to_string(), "abs", "2025-07".to_string()),
            ]
        );
    }

    #[test]
    fn year_between_and_is_a_cue_for_the_second_year() {
        // A year range cannot be formed backwards, so both years stand alone.
        let got = run("between 2015 and 2013", FRI);
        assert_eq!(
            got,
            vec![
                ("2015".to_string(), "year+cue", "2015".to_string()),
                ("2013".to_string(), "year+cue", "2013".to_string()),
            ]
        );
    }

    #[test]
    fn ambiguous_slashed_dates_are_skipped() {
        assert!(run("on 03/04/2020", FRI).is_empty());
        assert!(run("on 3/4", FRI).is_empty());
        assert!(run("9/11", FRI).is_empty());
        // Unambiguous two-part dates need a cue.
        assert!(run("22/04", FRI).is_empty());
    }

    #[test]
    fn invalid_calendar_dates_are_not_reported() {
        assert!(
            run("February 30, 2019", FRI)
                .iter()
                .all(|(_, k, _)| *k != "abs+y")
        );
        assert!(run("2015-02-30", FRI).is_empty());
        assert!(run("June 31", FRI).is_empty());
    }

    #[test]
    fn byte_offsets_are_char_boundaries_in_multibyte_text() {
        let text = "«Le 12 juin» — l’armée a dit “June 12” à Café Zürich; مرحبا 2019 é \
                    الجمعة last Friday… 2025-06-12 ✓ in mid‑June 三 2 days ago";
        let got = run(text, FRI);
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec!["June 12", "2019", "last Friday", "2025-06-12", "2 days ago"]
        );
        // Every suffix of the text must scan without panicking or splitting a character.
        for (i, _) in text.char_indices() {
            for m in find_dates(&text[i..], Some(d(FRI))) {
                assert!(text[i..].is_char_boundary(m.span.start));
                assert!(text[i..].is_char_boundary(m.span.end));
            }
        }
    }

    #[test]
    fn earliest_and_latest_follow_the_precision() {
        let day = DateValue::Point(PartialDate::day(d("2024-02-29")));
        assert_eq!(day.earliest(), Some(d("2024-02-29")));
        assert_eq!(day.latest(), Some(d("2024-02-29")));
        let month = DateValue::Point(PartialDate::month(2024, 2));
        assert_eq!(month.earliest(), Some(d("2024-02-01")));
        assert_eq!(month.latest(), Some(d("2024-02-29")));
        let year = DateValue::Point(PartialDate::year(2018));
        assert_eq!(year.earliest(), Some(d("2018-01-01")));
        assert_eq!(year.latest(), Some(d("2018-12-31")));
        let range = DateValue::Range(d("2025-06-13"), d("2025-06-20"));
        assert_eq!(range.earliest(), Some(d("2025-06-13")));
        assert_eq!(range.latest(), Some(d("2025-06-20")));
        let bad = DateValue::Point(PartialDate {
            year: 2025,
            month: Some(13),
            day: None,
        });
        assert_eq!(bad.latest(), None);
    }

    #[test]
    fn word_numbers_and_ordinals_parse() {
        assert_eq!(parse_count("twenty-one"), Some(Some(21)));
        assert_eq!(parse_count("forty five"), Some(Some(45)));
        assert_eq!(parse_count("an"), Some(Some(1)));
        assert_eq!(parse_count("a couple of"), Some(Some(2)));
        assert_eq!(parse_count("several"), Some(None));
        assert_eq!(parse_count("twenty-zero"), None);
        assert_eq!(parse_ordinal_word("twenty-third"), Some(23));
        assert_eq!(parse_ordinal_word("thirty first"), Some(31));
        assert_eq!(parse_ordinal_word("twelfth"), Some(12));
        assert_eq!(parse_ordinal_word("thirty-second"), None);
    }

    #[test]
    fn months_ago_clamp_to_the_end_of_shorter_months() {
        assert_eq!(add_months(d("2024-03-31"), -1), d("2024-02-29"));
        assert_eq!(add_months(d("2025-01-31"), 1), d("2025-02-28"));
        assert_eq!(add_months(d("2025-01-15"), -13), d("2023-12-15"));
    }

    #[test]
    fn no_reference_leaves_relative_and_yearless_values_unresolved() {
        let got = run(
            "last Friday; June 12; in June; two days ago; June 12, 2025; 2018",
            "",
        );
        let values: Vec<&str> = got.iter().map(|(_, _, v)| v.as_str()).collect();
        assert_eq!(values, vec!["-", "-", "-", "-", "2025-06-12", "2018"]);
    }
}
