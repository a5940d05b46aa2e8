//! Calendar dates without time zones: publication dates, `as_of` dates and
//! the dates that claims state.
//!
//! Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), so
//! adding days, weekdays and comparisons are exact and allocation free.

use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday up to 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(i: u8) -> Weekday {
        match i % 7 {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// Parses an English weekday name or its common abbreviation, any case.
    pub fn parse(s: &str) -> Option<Weekday> {
        let s = s.trim_end_matches('.').to_ascii_lowercase();
        let day = match s.as_str() {
            "monday" | "mon" => Weekday::Monday,
            "tuesday" | "tue" | "tues" => Weekday::Tuesday,
            "wednesday" | "wed" => Weekday::Wednesday,
            "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
            "friday" | "fri" => Weekday::Friday,
            "saturday" | "sat" => Weekday::Saturday,
            "sunday" | "sun" => Weekday::Sunday,
            _ => return None,
        };
        Some(day)
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Month number (1-12) of an English month name or abbreviation, any case.
pub fn month_from_name(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    let m = match s.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

impl Date {
    /// A valid date, or `None` (month 13, February 30, ...).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp
    /// (`2025-06-20T14:03:00Z`, `2025-06-20 14:03:00+02:00`).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(0..4)? as i32;
        let month = digits(5..7)? as u8;
        let day = digits(8..10)? as u8;
        if b.len() > 10 && !valid_rfc3339_time(&s[11..]) {
            return None;
        }
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// `self - other` in days.
    pub fn days_since(self, other: Date) -> i64 {
        self.to_days() - other.to_days()
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index((self.to_days() + 3).rem_euclid(7) as u8)
    }

    /// The most recent `weekday` on or before this date.
    pub fn previous_or_same(self, weekday: Weekday) -> Date {
        let back = (i64::from(self.weekday().index()) - i64::from(weekday.index())).rem_euclid(7);
        self.add_days(-back)
    }
}

fn valid_rfc3339_time(t: &str) -> bool {
    // HH:MM[:SS[.frac]][Z|±HH:MM]; lenient on what follows the minutes.
    let b = t.as_bytes();
    b.len() >= 5
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
        && t[5..]
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'z' | b'+' | b'-'))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date known to the year, the month or the day: what "2018", "June 2025"
/// and "June 12" (with the year inferred) resolve to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(date: Date) -> PartialDate {
        PartialDate {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        }
    }

    /// The full date, when the day is known.
    pub fn to_date(self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11_017);
    }

    #[test]
    fn weekdays_match_the_calendar() {
        // 2025-06-20 was a Friday; 2026-01-27 a Tuesday.
        assert_eq!(Date::new(2025, 6, 20).unwrap().weekday(), Weekday::Friday);
        assert_eq!(Date::new(2026, 1, 27).unwrap().weekday(), Weekday::Tuesday);
    }

    #[test]
    fn previous_or_same_weekday_reads_friday_on_a_friday_as_that_day() {
        let friday = Date::new(2025, 6, 20).unwrap();
        assert_eq!(friday.previous_or_same(Weekday::Friday), friday);
        assert_eq!(
            friday.previous_or_same(Weekday::Sunday),
            Date::new(2025, 6, 15).unwrap()
        );
    }

    #[test]
    fn iso_and_rfc3339_dates_parse() {
        let d = Date::new(2025, 6, 20).unwrap();
        assert_eq!(Date::parse_iso("2025-06-20"), Some(d));
        assert_eq!(Date::parse_iso("2025-06-20T14:03:00Z"), Some(d));
        assert_eq!(Date::parse_iso("2025-06-20T14:03:00+02:00"), Some(d));
        assert_eq!(Date::parse_iso("2025-06-31"), None);
        assert_eq!(Date::parse_iso("20 June 2025"), None);
        assert_eq!(Date::parse_iso("2025-06-20garbage"), None);
    }

    #[test]
    fn partial_dates_print_to_their_precision() {
        assert_eq!(PartialDate::year(2018).to_string(), "2018");
        assert_eq!(PartialDate::month(2025, 6).to_string(), "2025-06");
        assert_eq!(
            PartialDate::day(Date::new(2025, 6, 12).unwrap()).to_string(),
            "2025-06-12"
        );
    }
}
