//! Phrase tables: multi-word lexicon entries matched against tokens.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::text::Tokens;

/// A phrase's words and its value.
type Entry<T> = (Box<[Box<str>]>, T);
/// Entries keyed by their first (or last) word, longest first.
type Index<T> = HashMap<Box<str>, Vec<Entry<T>>>;

/// Maps phrases (sequences of normalized tokens) to values, and finds the
/// longest phrase starting or ending at a token.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: Index<T>,
    by_last: Index<T>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: HashMap::default(),
            by_last: HashMap::default(),
        }
    }
}

/// Normalized tokens of a lexicon phrase, tokenized like article text.
pub fn phrase_tokens(phrase: &str) -> Vec<Box<str>> {
    let mut t = Tokens::new();
    t.tokenize(phrase, 0);
    (0..t.len()).map(|i| t.norm(i).into()).collect()
}

impl<T: Clone> PhraseTable<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `phrase`; a phrase added again replaces the earlier value.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Box<[Box<str>]> = phrase_tokens(phrase).into();
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        for (key, map) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let list = map.entry(key).or_default();
            if let Some(slot) = list.iter_mut().find(|(w, _)| *w == words) {
                slot.1 = value.clone();
            } else {
                list.push((words.clone(), value.clone()));
                // Longest first, so the first hit is the longest match.
                list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
        }
    }

    /// The longest phrase occupying tokens `i..i+len`.
    pub fn match_at(&self, toks: &Tokens, i: usize) -> Option<(usize, &T)> {
        if i >= toks.len() {
            return None;
        }
        let list = self.by_first.get(toks.norm(i))?;
        list.iter()
            .find(|(words, _)| {
                i + words.len() <= toks.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| toks.norm(i + k) == &**w)
            })
            .map(|(words, v)| (words.len(), v))
    }

    /// The longest phrase occupying tokens `end-len..end`.
    pub fn match_ending_at(&self, toks: &Tokens, end: usize) -> Option<(usize, &T)> {
        if end == 0 || end > toks.len() {
            return None;
        }
        let list = self.by_last.get(toks.norm(end - 1))?;
        list.iter()
            .find(|(words, _)| {
                words.len() <= end
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| toks.norm(end - words.len() + k) == &**w)
            })
            .map(|(words, v)| (words.len(), v))
    }

    /// The value of a one-word phrase.
    pub fn word(&self, w: &str) -> Option<&T> {
        self.by_first
            .get(w)?
            .iter()
            .find(|(words, _)| words.len() == 1)
            .map(|(_, v)| v)
    }

    pub fn contains_word(&self, w: &str) -> bool {
        self.word(w).is_some()
    }

    /// The value of an exact phrase (normalized).
    pub fn get(&self, phrase: &str) -> Option<&T> {
        let words = phrase_tokens(phrase);
        let first = words.first()?;
        self.by_first
            .get(first)?
            .iter()
            .find(|(w, _)| **w == *words)
            .map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_phrase_wins_in_both_directions() {
        let mut t = PhraseTable::new();
        t.insert("toll", 1);
        t.insert("death toll", 2);
        t.insert("at least", 3);
        let mut toks = Tokens::new();
        toks.tokenize("the death toll rose to at least 14", 0);
        assert_eq!(t.match_ending_at(&toks, 3), Some((2, &2)));
        assert_eq!(t.match_at(&toks, 2), Some((1, &1)));
        assert_eq!(t.match_at(&toks, 5), Some((2, &3)));
        assert_eq!(t.match_at(&toks, 0), None);
    }

    #[test]
    fn re_inserting_a_phrase_replaces_its_value() {
        let mut t = PhraseTable::new();
        t.insert("Dozens", 1);
        t.insert("dozens", 2);
        assert_eq!(t.word("dozens"), Some(&2));
        assert_eq!(t.get("DOZENS"), Some(&2));
    }
}
