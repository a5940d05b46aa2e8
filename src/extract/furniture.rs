//! Page furniture: navigation, "Related Posts" lists, teasers of other
//! stories, subscribe and comment boxes, bylines and publication dates.
//! Lines found here yield no claims.

use std::ops::Range;

use super::text::lines;
use crate::date::month_from_name;
use crate::lexicon::Lexicon;

/// Why a line is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FurnitureKind {
    /// A marker line ("Advertisement", "Leave a Reply").
    Marker,
    /// A header that opens a list of other stories, and that list.
    Section,
    /// A teaser of another story ("…" then "Continue reading").
    Teaser,
    /// A byline, dateline or a line that is only a date.
    Byline,
    /// One of several headline-like lines in a row: a list of links.
    HeadlineList,
}

/// One line of the body and whether it is furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub furniture: Option<FurnitureKind>,
}

/// Lines shorter than this may be marker lines; longer ones are prose.
const MARKER_LINE_MAX: usize = 160;
/// A paragraph at least this long that ends a sentence is article prose,
/// which ends a furniture section.
const PROSE_MIN: usize = 200;

fn clean(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['•', '·', '*', '-', '–', '—', '|', '>', '#', '▪', '►', '»'])
        .trim()
}

fn starts_with_phrase(lower: &str, phrase: &str) -> bool {
    lower.starts_with(phrase)
        && (phrase.ends_with(|c: char| !c.is_alphanumeric())
            || lower[phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

fn is_section_header(lower: &str, lex: &Lexicon) -> bool {
    let l = lower.trim_end_matches([':', '.', '›', '»', '>']).trim();
    // "Related Posts (3)", "More from World"
    let l = l.split(" (").next().unwrap_or(l);
    // "Trending on Channel9Eastbrook.com", "Most read in World"
    let short = l.split_whitespace().count() <= 6;
    let with_site = short
        && [" on ", " in ", " at ", " from "].iter().any(|sep| {
            l.split_once(sep)
                .is_some_and(|(head, _)| lex.furniture.section_headers.contains(head.trim()))
        });
    with_site
        || lex.furniture.section_headers.contains(l)
        || (l.starts_with("more from ") && l.split_whitespace().count() <= 5)
        || (l.starts_with("more in ") && l.split_whitespace().count() <= 4)
}

fn is_marker(lower: &str, lex: &Lexicon) -> bool {
    lower.len() <= MARKER_LINE_MAX
        && lex
            .furniture
            .line_starts
            .iter()
            .any(|m| starts_with_phrase(lower, m))
}

fn ends_like_teaser(lower: &str, lex: &Lexicon) -> bool {
    lex.furniture
        .teaser_endings
        .iter()
        .any(|e| lower.ends_with(e.as_str()))
}

/// A paragraph of article prose: long, ending a sentence, not a teaser.
fn is_prose(line: &str, lower: &str, lex: &Lexicon) -> bool {
    let t = line.trim_end();
    t.len() >= PROSE_MIN
        && t.ends_with(['.', '!', '?', '"', '”', '’', ')'])
        && !ends_like_teaser(lower, lex)
}

/// A short line without closing punctuation whose words are mostly
/// capitalized: a headline.
fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    if t.ends_with(['.', '!', '?', ':', ',', ';']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 3 || words.len() > 22 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps * 2 >= words.len()
}

/// A byline ("By Jane Doe"), or a line that is only a date and time
/// ("June 20, 2025 10:30 GMT", "Updated: 20/06/2025").
fn is_byline_or_dateline(line: &str, lower: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= 8
        && lex
            .furniture
            .byline_starts
            .iter()
            .any(|b| lower.starts_with(b.as_str()))
        && words
            .iter()
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "and" | "in" | "for" | "of")
            })
    {
        return true;
    }
    // "By Newsroom Editor • April 18, 2025 • 10:30 • 3 min read", "By TOI
    // Staff | 16 June 2025, 2:48 pm": a byline with a date after a separator.
    if lower.contains(" min read") || lower.contains("minute read") {
        return true;
    }
    if words.len() <= 16
        && lex
            .furniture
            .byline_starts
            .iter()
            .any(|b| lower.starts_with(b.as_str()))
        && line.contains(['|', '•', '·'])
        && line.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    // A date-only line: month names, weekdays, digits, times and a few glue words.
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let mut has_date = false;
    for w in &words {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if w.is_empty() {
            continue;
        }
        if month_from_name(&w).is_some() {
            has_date = true;
            continue;
        }
        if crate::date::Weekday::parse(&w).is_some() {
            continue;
        }
        if w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-'))
        {
            if w.contains('/') || w.len() == 4 || w.contains('-') {
                has_date = true;
            }
            continue;
        }
        if w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .chars()
            .all(|c| c.is_ascii_digit())
            && matches!(
                w.trim_start_matches(|c: char| c.is_ascii_digit()),
                "st" | "nd" | "rd" | "th" | "am" | "pm"
            )
        {
            continue;
        }
        if matches!(
            w.as_str(),
            "published"
                | "updated"
                | "posted"
                | "last"
                | "on"
                | "at"
                | "am"
                | "pm"
                | "gmt"
                | "utc"
                | "est"
                | "edt"
                | "bst"
                | "cet"
                | "ist"
                | "hours"
                | "hour"
                | "minutes"
                | "ago"
                | "mins"
                | "min"
                | "read"
                | "of"
                | "the"
                | "first"
                | "modified"
                | "update"
        ) {
            continue;
        }
        return false;
    }
    has_date
}

/// Classifies every line of `body`.
pub fn classify(body: &str, lex: &Lexicon) -> Vec<Line> {
    let mut out: Vec<Line> = lines(body)
        .map(|range| Line {
            range,
            furniture: None,
        })
        .collect();
    let mut in_section = false;
    let non_blank: Vec<usize> = (0..out.len())
        .filter(|&i| !body[out[i].range.clone()].trim().is_empty())
        .collect();
    for (pos, &i) in non_blank.iter().enumerate() {
        let raw = &body[out[i].range.clone()];
        let line = clean(raw);
        let lower = line.to_lowercase();
        if is_section_header(&lower, lex) {
            out[i].furniture = Some(FurnitureKind::Section);
            in_section = true;
            continue;
        }
        if in_section {
            if is_prose(line, &lower, lex) {
                in_section = false;
            } else {
                out[i].furniture = Some(FurnitureKind::Section);
                continue;
            }
        }
        if is_marker(&lower, lex) {
            out[i].furniture = Some(FurnitureKind::Marker);
            continue;
        }
        if is_byline_or_dateline(line, &lower, lex) {
            out[i].furniture = Some(FurnitureKind::Byline);
            continue;
        }
        // A teaser: ends with an ellipsis and the next line invites a click.
        if ends_like_teaser(&lower, lex)
            && let Some(&next) = non_blank.get(pos + 1)
        {
            let next_lower = clean(&body[out[next].range.clone()]).to_lowercase();
            if is_marker(&next_lower, lex) {
                out[i].furniture = Some(FurnitureKind::Teaser);
                continue;
            }
        }
    }
    // Runs of three or more headline-like lines are lists of links.
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Line>| {
        if run.len() >= 3 {
            for &j in run.iter() {
                out[j].furniture.get_or_insert(FurnitureKind::HeadlineList);
            }
        }
        run.clear();
    };
    for &i in &non_blank {
        let line = clean(&body[out[i].range.clone()]);
        if out[i].furniture.is_none() && is_headline_like(line) {
            run.push(i);
        } else if out[i].furniture.is_none() {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(body: &str) -> Vec<(String, Option<FurnitureKind>)> {
        let lex = Lexicon::builtin();
        classify(body, &lex)
            .into_iter()
            .filter(|l| !body[l.range.clone()].trim().is_empty())
            .map(|l| (clean(&body[l.range.clone()]).to_string(), l.furniture))
            .collect()
    }

    #[test]
    fn related_posts_and_their_teasers_are_furniture() {
        let body = "Israeli strikes have resulted in 639 deaths in Iran.\n\n  • Related Posts\n\n    U.S. Senate Endures Marathon Vote\n\n    At just 19 years old, she fled the war…\n\n    Continue reading\n\n    World News\n\n    Dubai Set to Launch Air Taxi Service by 2026\n";
        let got = furniture(body);
        assert_eq!(got[0].1, None);
        assert!(got[1..].iter().all(|(_, f)| f.is_some()), "{got:?}");
    }

    #[test]
    fn comment_and_subscribe_boxes_are_furniture() {
        let body = "The toll rose.\n\nAdd a Comment\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nKeep Up to Date with the Most Important News\n\nBy pressing the Subscribe button, you confirm that you have read and are agreeing to our Privacy Policy and Terms of Use\nAdvertisement";
        let got = furniture(body);
        assert_eq!(got[0].1, None);
        assert!(got[1..].iter().all(|(_, f)| f.is_some()), "{got:?}");
    }

    #[test]
    fn datelines_and_bylines_are_furniture_but_prose_is_not() {
        let body = "By Jane Doe and John Roe\nJune 20, 2025 10:30 GMT\nUpdated: 20/06/2025\nBy Friday, at least 14 people had died in the strikes on Haifa, officials said.";
        let got = furniture(body);
        assert_eq!(got[0].1, Some(FurnitureKind::Byline));
        assert_eq!(got[1].1, Some(FurnitureKind::Byline));
        assert_eq!(got[2].1, Some(FurnitureKind::Marker));
        assert_eq!(got[3].1, None);
    }

    #[test]
    fn a_section_ends_at_a_paragraph_of_prose() {
        let body = "Read More\n\nOne Headline Here Today\n\nThe article resumes here with a long paragraph of prose that carries on for well over two hundred characters, so that it is clearly text of the article and not a teaser: at least 14 people were killed, officials said.";
        let got = furniture(body);
        assert_eq!(got[2].1, None, "{got:?}");
    }

    #[test]
    fn two_headlines_at_the_top_are_kept() {
        let body = "Iran Refuses Ceasefire with Israel Amid Escalation\n\nIran refuses ceasefire\n\nIran refuses ceasefire as Israeli airstrikes devastate Tehran.";
        assert!(furniture(body).iter().all(|(_, f)| f.is_none()));
    }
}
