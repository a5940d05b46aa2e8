//! Text handling shared by every extraction stage: tokens with byte spans,
//! lines and sentences.
//!
//! Tokens keep a lowercase, apostrophe-normalized copy of their text in one
//! buffer owned by [`Tokens`], which callers clear and reuse, so tokenizing
//! a sentence does not allocate per token.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with digits, hyphens, apostrophes ("Be'er", "U.S.-based", "F-35").
    Word,
    /// Starts with a digit ("639", "6,221", "1.5", "10-20", "19-year-old", "42k", "10:30").
    Number,
    /// One character of punctuation or a symbol.
    Punct,
    /// A URL or e-mail address, kept whole so that numbers in it are not read.
    Url,
}

/// One token: where it is in the text, and its normalized form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text given to [`Tokens::tokenize`], shifted by its `base`.
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    norm: (u32, u32),
    /// The word started with an uppercase letter.
    pub capitalized: bool,
    /// It ended in 's / ’s, which the normalized form leaves out.
    pub possessive: bool,
}

impl Token {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A reusable token buffer.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    items: Vec<Token>,
    norm: String,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '–' | '.' | ',' | ':')
}

impl Tokens {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Token> {
        self.items.get(i)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Token> {
        self.items.iter()
    }

    pub fn as_slice(&self) -> &[Token] {
        &self.items
    }

    /// The normalized text of token `i`: lowercase, ’ as ', possessive 's removed.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.items[i];
        &self.norm[t.norm.0 as usize..t.norm.1 as usize]
    }

    /// Normalized text of token `i`, or "" past the end.
    pub fn norm_at(&self, i: usize) -> &str {
        if i < self.items.len() {
            self.norm(i)
        } else {
            ""
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.items.get(i).map(|t| t.kind)
    }

    /// Replaces the contents with the tokens of `text`; spans are offset by `base`.
    pub fn tokenize(&mut self, text: &str, base: usize) {
        self.items.clear();
        self.norm.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if let Some(len) = url_len(&text[i..]) {
                self.push(text, base, i, i + len, TokKind::Url);
                i += len;
                continue;
            }
            if c.is_alphanumeric() {
                let start = i;
                let mut end = i + c.len_utf8();
                let mut segment_letters = usize::from(c.is_alphabetic());
                let mut segment_len = 1usize;
                while let Some(d) = text[end..].chars().next() {
                    if d.is_alphanumeric() {
                        end += d.len_utf8();
                        segment_len += 1;
                        if d.is_alphabetic() {
                            segment_letters += 1;
                        }
                        continue;
                    }
                    if !is_joiner(d) {
                        break;
                    }
                    let after = end + d.len_utf8();
                    let next = text[after..].chars().next();
                    let prev = text[..end].chars().next_back().unwrap_or(' ');
                    let joins = match (d, next) {
                        (_, None) => false,
                        ('.', Some(n)) => {
                            (prev.is_ascii_digit() && n.is_ascii_digit())
                                || (prev.is_alphabetic()
                                    && segment_len == 1
                                    && segment_letters == 1
                                    && n.is_alphabetic()
                                    && text[after..]
                                        .chars()
                                        .nth(1)
                                        .is_none_or(|m| !m.is_alphabetic()))
                        }
                        (',', Some(_)) => {
                            prev.is_ascii_digit()
                                && bytes.len() >= after + 3
                                && bytes[after..after + 3].iter().all(u8::is_ascii_digit)
                                && bytes.get(after + 3).is_none_or(|b| !b.is_ascii_digit())
                        }
                        (':', Some(n)) => prev.is_ascii_digit() && n.is_ascii_digit(),
                        (_, Some(n)) => n.is_alphanumeric() && prev.is_alphanumeric(),
                    };
                    if !joins {
                        // "U.S." keeps its final period: a period after a lone letter
                        // that itself follows a joined period ("U.S.-based" goes on).
                        if d == '.'
                            && segment_len == 1
                            && segment_letters == 1
                            && text[start..end].contains('.')
                        {
                            end = after;
                            let mut rest = text[end..].chars();
                            if matches!(rest.next(), Some('-'))
                                && rest.next().is_some_and(char::is_alphanumeric)
                            {
                                end += 1;
                                segment_len = 0;
                                segment_letters = 0;
                                continue;
                            }
                        }
                        break;
                    }
                    end = after;
                    segment_len = 0;
                    segment_letters = 0;
                }
                let kind = if c.is_ascii_digit() {
                    TokKind::Number
                } else {
                    TokKind::Word
                };
                self.push(text, base, start, end, kind);
                i = end;
                continue;
            }
            let end = i + c.len_utf8();
            self.push(text, base, i, end, TokKind::Punct);
            i = end;
        }
    }

    fn push(&mut self, text: &str, base: usize, start: usize, end: usize, kind: TokKind) {
        let raw = &text[start..end];
        let n0 = self.norm.len();
        if raw.is_ascii() {
            self.norm.push_str(raw);
            self.norm[n0..].make_ascii_lowercase();
        } else {
            for ch in raw.chars() {
                match ch {
                    '’' | '‘' => self.norm.push('\''),
                    '‐' | '‑' => self.norm.push('-'),
                    '–' if kind == TokKind::Number => self.norm.push('-'),
                    _ => self.norm.extend(ch.to_lowercase()),
                }
            }
        }
        let mut possessive = false;
        if kind == TokKind::Word && self.norm.len() > n0 + 2 && self.norm.ends_with("'s") {
            self.norm.truncate(self.norm.len() - 2);
            possessive = true;
        } else if kind == TokKind::Word && self.norm.len() > n0 + 2 && self.norm.ends_with("s'") {
            self.norm.truncate(self.norm.len() - 1);
            possessive = true;
        }
        let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
        self.items.push(Token {
            start: base + start,
            end: base + end,
            kind,
            norm: (n0 as u32, self.norm.len() as u32),
            capitalized,
            possessive,
        });
    }
}

/// Length of a URL or e-mail address starting at the beginning of `s`.
fn url_len(s: &str) -> Option<usize> {
    let lower_start = |p: &str| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    if !(lower_start("http://") || lower_start("https://") || lower_start("www.")) {
        return None;
    }
    let end = s
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”'))
        .unwrap_or(s.len());
    // Trailing punctuation belongs to the sentence.
    let trimmed = s[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    Some(trimmed.len().max(1))
}

/// A line of the body: its byte range, without the line break.
pub fn lines(body: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= body.len() {
            return None;
        }
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        let line = pos..end;
        pos = end + 1;
        let line_end = if body[line.clone()].ends_with('\r') {
            end - 1
        } else {
            end
        };
        Some(line.start..line_end)
    })
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "inc", "ltd", "co",
    "corp", "jr", "sr", "approx", "est", "fig", "vol", "pp", "al", "dept", "univ", "govt", "u.s",
    "u.k", "u.n", "e.g", "i.e", "cf", "ca", "gov't", "hon", "pres", "supt", "insp", "det",
];

/// Sentence starters after which "U.S." and similar initialisms end a sentence.
const STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "a",
    "an",
    "in",
    "on",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "meanwhile",
    "however",
    "there",
    "his",
    "her",
    "its",
    "their",
];

/// Splits `text` (one paragraph) into sentence ranges, trimmed. Offsets are
/// relative to `text`. A line break inside the paragraph ends a sentence when
/// the line before it ends in sentence punctuation or has none (a heading or
/// a list item).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let boundary_end = match c {
            '.' | '!' | '?' | '…' => {
                // Swallow repeated terminators and closing quotes/brackets.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(
                        d,
                        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
                    ) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if ends_sentence(text, i, c, end) {
                    Some(end)
                } else {
                    None
                }
            }
            '\n' => {
                let before = text[start..i].trim_end();
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let line = text[line_start..i].trim();
                let next = text[i + 1..].trim_start();
                let headingish = !line.is_empty()
                    && !line.ends_with(['.', '!', '?', ',', ';', ':', '—', '-', '”', '"'])
                    && next
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_uppercase() || !n.is_alphanumeric());
                if before.is_empty() || headingish || line.ends_with(['.', '!', '?', '”', '"']) {
                    Some(i)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = boundary_end {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// Does the terminator `c` at `i` (its run ending at `end`) end a sentence?
fn ends_sentence(text: &str, i: usize, c: char, end: usize) -> bool {
    let rest = &text[end..];
    let ws = rest.len() - rest.trim_start().len();
    if ws == 0 && !rest.is_empty() {
        return false; // "1.5", "U.S.-based", "example.com"
    }
    let next_word = rest.trim_start();
    let Some(first) = next_word.chars().next() else {
        return true;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            first,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '•' | '-' | '—' | '*'
        ))
    {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the period.
    let before = &text[..i];
    let word_start = before
        .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '.' || ch == '\''))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = before[word_start..].to_ascii_lowercase();
    if word.is_empty() {
        return true;
    }
    let is_initialism = word.len() <= 4 && word.contains('.');
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    if single_letter && before[word_start..].chars().all(char::is_uppercase) {
        return false; // an initial: "J. Smith"
    }
    if ABBREVIATIONS.contains(&word.as_str()) || is_initialism {
        let next: String = next_word
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        return (is_initialism || word == "u.s" || word == "u.k")
            && STARTERS.contains(&next.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut t = Tokens::new();
        t.tokenize(s, 0);
        (0..t.len()).map(|i| t.norm(i).to_string()).collect()
    }

    #[test]
    fn numbers_with_separators_decimals_and_ranges_stay_whole() {
        assert_eq!(
            toks("6,221 deaths, 1.5 million, 10-20 and 10:30"),
            [
                "6,221", "deaths", ",", "1.5", "million", ",", "10-20", "and", "10:30"
            ]
        );
        assert_eq!(
            toks("1,2 and 12,3456"),
            ["1", ",", "2", "and", "12", ",", "3456"]
        );
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_initialisms() {
        assert_eq!(
            toks("U.S.-based twenty-five Be'er Sheva, the U.S. said"),
            [
                "u.s.-based",
                "twenty-five",
                "be'er",
                "sheva",
                ",",
                "the",
                "u.s.",
                "said"
            ]
        );
    }

    #[test]
    fn possessives_are_flagged_and_dropped_from_the_norm() {
        let mut t = Tokens::new();
        t.tokenize("Iran’s missile attacks", 0);
        assert_eq!(t.norm(0), "iran");
        assert!(t.get(0).unwrap().possessive);
        assert!(t.get(0).unwrap().capitalized);
    }

    #[test]
    fn urls_are_one_token() {
        let mut t = Tokens::new();
        t.tokenize("see https://example.com/2025/06/14-killed. Then", 10);
        assert_eq!(t.kind(1), Some(TokKind::Url));
        assert_eq!(t.get(1).unwrap().start, 14);
        assert_eq!(t.norm(2), ".");
    }

    #[test]
    fn spans_are_byte_offsets_shifted_by_base() {
        let mut t = Tokens::new();
        t.tokenize("“Iran”", 100);
        assert_eq!(t.get(1).unwrap().span(), 103..107);
    }

    fn split(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn sentences_split_at_terminators_before_capitals() {
        assert_eq!(
            split(
                "Israeli media reports at least 14 dead. Meanwhile, Iran says over 220 civilians died."
            ),
            [
                "Israeli media reports at least 14 dead.",
                "Meanwhile, Iran says over 220 civilians died."
            ]
        );
    }

    #[test]
    fn abbreviations_decimals_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Gen. Jones. It cost 1.5 million."),
            ["Mr. Smith met Gen. Jones.", "It cost 1.5 million."]
        );
        assert_eq!(
            split("The U.S. Senate voted. The U.S. He left."),
            ["The U.S. Senate voted.", "The U.S.", "He left."]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            split("He said “no talks.” Then he left."),
            ["He said “no talks.”", "Then he left."]
        );
        assert_eq!(
            split("“We will go on,” a commander said."),
            ["“We will go on,” a commander said."]
        );
    }

    #[test]
    fn line_breaks_split_headings_but_join_wrapped_prose() {
        assert_eq!(
            split("A heading\nThe text goes\non here. Next."),
            ["A heading", "The text goes\non here.", "Next."]
        );
    }
}
