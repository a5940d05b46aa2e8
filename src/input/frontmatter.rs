//! YAML front matter: a block between two `---` lines at the top of a
//! Markdown or text file. Offsets of claims are into the text after it.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;

use super::InputError;
use crate::date::Date;

/// Front-matter keys the tool reads; other keys are kept out of the way
/// (seed articles carry notes such as `published_note`).
#[derive(Debug, Default, Deserialize)]
struct Raw {
    id: Option<Spanned<Scalar>>,
    outlet: Option<Scalar>,
    url: Option<Scalar>,
    published: Option<Spanned<Scalar>>,
    title: Option<Scalar>,
}

/// Article metadata from the front matter.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Meta {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub title: Option<String>,
}

/// Any YAML scalar read as text: `id: 123` and `published: 2025-06-20` are
/// fine without quotes.
#[derive(Debug, Default, Clone, PartialEq)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, number or date")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.trim().to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

fn non_empty(s: Option<Scalar>) -> Option<String> {
    s.map(|s| s.0).filter(|s| !s.is_empty())
}

/// Is `line` a front-matter delimiter (`---`, or `...` to close)?
fn is_delimiter(line: &str, closing: bool) -> bool {
    let line = line.trim_end();
    line == "---" || (closing && line == "...")
}

/// Splits a file into its front matter and body. A file without front
/// matter is all body.
pub(super) fn split<'a>(path: &str, text: &'a str) -> Result<(Meta, &'a str), InputError> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if !is_delimiter(&text[..first_end], false) {
        return Ok((Meta::default(), text));
    }
    // Find the closing delimiter line.
    let mut pos = first_end;
    let mut yaml_end = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if is_delimiter(&text[pos..end], true) {
            yaml_end = Some((pos, end));
            break;
        }
        pos = end;
    }
    let Some((yaml_stop, body_start)) = yaml_end else {
        return Err(InputError::new(path, "front matter is not closed")
            .at(1, Some(1))
            .help("end the front matter with a line of three dashes (---)"));
    };
    let yaml = &text[first_end..yaml_stop];
    let meta = parse(path, yaml)?;
    Ok((meta, &text[body_start..]))
}

fn parse(path: &str, yaml: &str) -> Result<Meta, InputError> {
    if yaml.trim().is_empty() {
        return Ok(Meta::default());
    }
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 10_000,
            max_depth: 16,
        },
    };
    let raw: Raw = serde_saphyr::from_str_with_options(yaml, options).map_err(|e| {
        // The YAML starts on line 2 of the file.
        let (line, column) = e
            .location()
            .map(|l| (l.line() as usize + 1, Some(l.column() as usize)))
            .unwrap_or((1, None));
        InputError::new(path, format!("front matter: {}", first_line(&e.without_snippet().to_string())))
            .at(line, column)
            .help("front matter is YAML: `key: value` lines such as `id: ...`, `outlet: ...`, `published: 2025-06-20`")
    })?;
    let published = match raw.published {
        None => None,
        Some(p) if p.value.0.is_empty() => None,
        Some(p) => Some(Date::parse_iso(&p.value.0).ok_or_else(|| {
            InputError::new(
                path,
                format!("front matter: `published: {}` is not a date", p.value.0),
            )
            .at(
                p.referenced.line() as usize + 1,
                Some(p.referenced.column() as usize),
            )
            .help("write the publication date as YYYY-MM-DD or RFC 3339 (2025-06-20T14:03:00Z)")
        })?),
    };
    Ok(Meta {
        id: non_empty(raw.id.map(|s| s.value)),
        outlet: non_empty(raw.outlet),
        url: non_empty(raw.url),
        published,
        title: non_empty(raw.title),
    })
}

/// serde-saphyr messages may end with their own location; keep the first line.
fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_the_body_starts_after_it() {
        let text = "---\nid: seed-1\noutlet: Example\npublished: 2025-06-15\nnote: ignored\n---\nBody text.\n";
        let (meta, body) = split("a.md", text).unwrap();
        assert_eq!(meta.id.as_deref(), Some("seed-1"));
        assert_eq!(meta.outlet.as_deref(), Some("Example"));
        assert_eq!(meta.published, Date::new(2025, 6, 15));
        assert_eq!(body, "Body text.\n");
    }

    #[test]
    fn files_without_front_matter_are_all_body() {
        let (meta, body) = split("a.txt", "Just text.\n---\nmore").unwrap();
        assert_eq!(meta, Meta::default());
        assert_eq!(body, "Just text.\n---\nmore");
    }

    #[test]
    fn rfc3339_published_and_numeric_ids_are_accepted() {
        let (meta, _) = split(
            "a.md",
            "---\nid: 42\npublished: 2025-06-20T14:03:00Z\n---\n",
        )
        .unwrap();
        assert_eq!(meta.id.as_deref(), Some("42"));
        assert_eq!(meta.published, Date::new(2025, 6, 20));
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error_at_line_one() {
        let err = split("a.md", "---\nid: x\nno end\n").unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("not closed"));
    }

    #[test]
    fn broken_yaml_is_located_in_file_lines() {
        let err = split("a.md", "---\nid: x\ntitle: [unclosed\n---\nbody").unwrap_err();
        assert!(err.line.unwrap() >= 3, "{err}");
        assert!(err.message.starts_with("front matter:"), "{err}");
    }

    #[test]
    fn a_bad_published_date_points_at_its_value() {
        let err = split("a.md", "---\nid: x\npublished: June 20\n---\nbody").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("not a date"), "{err}");
    }

    #[test]
    fn crlf_files_work() {
        let (meta, body) = split("a.md", "---\r\nid: x\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(meta.id.as_deref(), Some("x"));
        assert_eq!(body, "Body\r\n");
    }
}
