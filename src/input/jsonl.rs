//! JSONL input: one article per line, `{"id": ..., "text": ..., ...}`.

use serde::Deserialize;

use super::{InputError, Loaded};
use crate::date::Date;
use crate::model::Article;

#[derive(Debug, Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    title: Option<String>,
}

/// Reads every line; a bad line is reported with its line number and the
/// other lines are still read. Blank lines are skipped.
pub(super) fn read(path: &str, text: &str, stem: &str, loaded: &mut Loaded) {
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = match serde_json::from_str(line) {
            Ok(l) => l,
            Err(e) => {
                loaded.errors.push(
                    InputError::new(path, format!("bad JSON line: {e}"))
                        .at(lineno, Some(e.column()))
                        .help("each line must be one JSON object such as {\"id\": \"a1\", \"text\": \"...\"}"),
                );
                continue;
            }
        };
        let Some(body) = parsed.text else {
            loaded.errors.push(
                InputError::new(path, "JSON line has no `text`")
                    .at(lineno, None)
                    .help("put the article body in a string field named `text`"),
            );
            continue;
        };
        let id = match parsed.id {
            None | Some(serde_json::Value::Null) => format!("{stem}:{lineno}"),
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => {
                loaded.errors.push(
                    InputError::new(
                        path,
                        format!("`id` must be a string or number, not {other}"),
                    )
                    .at(lineno, None),
                );
                continue;
            }
        };
        let published = match parsed.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => match Date::parse_iso(p) {
                Some(d) => Some(d),
                None => {
                    loaded.errors.push(
                        InputError::new(path, format!("`published: {p}` is not a date"))
                            .at(lineno, None)
                            .help("write the publication date as YYYY-MM-DD or RFC 3339"),
                    );
                    continue;
                }
            },
        };
        loaded.articles.push(Article {
            id,
            path: path.to_string(),
            outlet: parsed.outlet.filter(|s| !s.is_empty()),
            url: parsed.url.filter(|s| !s.is_empty()),
            published,
            title: parsed.title.filter(|s| !s.is_empty()),
            body,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Loaded {
        let mut loaded = Loaded::default();
        read("x.jsonl", text, "x", &mut loaded);
        loaded
    }

    #[test]
    fn good_lines_are_read_and_bad_lines_reported_with_their_number() {
        let loaded = read_str(
            "{\"id\": \"a\", \"text\": \"one\", \"published\": \"2025-06-20\"}\n{broken\n\n{\"text\": \"three\"}\n",
        );
        assert_eq!(loaded.articles.len(), 2);
        assert_eq!(loaded.articles[0].published, Date::new(2025, 6, 20));
        assert_eq!(loaded.articles[1].id, "x:4");
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!(loaded.errors[0].line, Some(2));
    }

    #[test]
    fn a_line_without_text_is_an_error() {
        let loaded = read_str("{\"id\": \"a\"}\n");
        assert!(loaded.articles.is_empty());
        assert!(loaded.errors[0].message.contains("no `text`"));
    }
}
