//! Reading articles: Markdown and text files with optional YAML front matter,
//! JSONL (one article per line) and HTML pages.
//!
//! A file that cannot be read never stops the others: [`load`] returns every
//! article it could read and, beside them, one located [`InputError`] per
//! problem. The caller reports the errors and still checks the articles.

mod frontmatter;
pub mod html;
mod jsonl;
mod sample;
mod walk;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::model::Article;

pub use sample::SAMPLE_CORPUS_DIR;

/// A problem with one input file (or one line of it), located as precisely
/// as the format allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    pub path: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// 1-based column (in characters), where the problem has one.
    pub column: Option<usize>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl InputError {
    pub(crate) fn new(path: &str, message: impl Into<String>) -> Self {
        InputError {
            path: path.to_string(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Articles read, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<InputError>,
}

/// File extensions read when walking a folder, and what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Markdown or plain text with optional front matter.
    Text,
    Jsonl,
    Html,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" | "txt" | "text" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

const SUPPORTED: &str = "supported: .md, .markdown, .txt, .text (optional YAML front matter), .jsonl, .ndjson, .html, .htm";

/// Reads every article under `paths` (files or folders; folders are walked
/// recursively in sorted order, hidden entries skipped). With no paths, reads
/// the bundled sample corpus.
pub fn load(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    if paths.is_empty() {
        for (path, text) in sample::files() {
            read_text_file(path, text, Format::Text, &mut loaded);
        }
        dedupe_ids(&mut loaded);
        return loaded;
    }
    let mut files = Vec::new();
    for path in paths {
        walk::collect(path, &mut files, &mut loaded.errors);
    }
    for file in files {
        let shown = file.display().to_string();
        let Some(format) = format_of(&file) else {
            loaded
                .errors
                .push(InputError::new(&shown, "unsupported file type").help(SUPPORTED.to_string()));
            continue;
        };
        match std::fs::read(&file) {
            Ok(bytes) => match decode(&shown, &bytes) {
                Ok(text) => read_text_file(&shown, text, format, &mut loaded),
                Err(e) => loaded.errors.push(e),
            },
            Err(e) => loaded
                .errors
                .push(InputError::new(&shown, format!("cannot read: {e}"))),
        }
    }
    dedupe_ids(&mut loaded);
    loaded
}

/// Reads articles from text already in memory (used by tests and by rule
/// examples). `path` decides the format by its extension.
pub fn load_str(path: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let format = format_of(Path::new(path)).unwrap_or(Format::Text);
    read_text_file(path, text, format, &mut loaded);
    dedupe_ids(&mut loaded);
    loaded
}

/// Checks the bytes are text: no NUL bytes, valid UTF-8 (a BOM is dropped).
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(InputError::new(path, "binary file, not text")
            .help("crosscheck reads UTF-8 text: Markdown, plain text, JSONL or HTML"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // Safe: the prefix up to valid_up_to() is valid UTF-8.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        InputError::new(path, "not valid UTF-8 text")
            .at(line, Some(column))
            .help("convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`")
    })
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path)
        .to_string()
}

fn read_text_file(path: &str, text: &str, format: Format, loaded: &mut Loaded) {
    match format {
        Format::Text => match frontmatter::split(path, text) {
            Ok((meta, body)) => loaded.articles.push(Article {
                id: meta.id.unwrap_or_else(|| stem(path)),
                path: path.to_string(),
                outlet: meta.outlet,
                url: meta.url,
                published: meta.published,
                title: meta.title,
                body: body.to_string(),
            }),
            Err(e) => loaded.errors.push(e),
        },
        Format::Jsonl => jsonl::read(path, text, &stem(path), loaded),
        Format::Html => {
            let doc = html::html_to_text(text);
            let published = doc.meta.published.as_deref().and_then(Date::parse_iso);
            loaded.articles.push(Article {
                id: stem(path),
                path: path.to_string(),
                outlet: doc.meta.site_name,
                url: doc.meta.url,
                published,
                title: doc.title,
                body: doc.text,
            });
        }
    }
}

/// Two articles with one id would make claim references ambiguous: the
/// second is reported and left out.
fn dedupe_ids(loaded: &mut Loaded) {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut kept = Vec::with_capacity(loaded.articles.len());
    for article in std::mem::take(&mut loaded.articles) {
        if let Some(first) = seen.get(&article.id) {
            loaded.errors.push(
                InputError::new(
                    &article.path,
                    format!(
                        "duplicate article id `{}` (first read from {first})",
                        article.id
                    ),
                )
                .help("give each article a unique `id` in its front matter or JSON line"),
            );
            continue;
        }
        seen.insert(article.id.clone(), article.path.clone());
        kept.push(article);
    }
    loaded.articles = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("a.md", b"ok\nab\xffcd").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(3)));
        assert!(err.to_string().starts_with("a.md:2:3: not valid UTF-8"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode("a.txt", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(err.message.contains("binary"));
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode("a.md", b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn duplicate_ids_keep_the_first_and_report_the_second() {
        let mut loaded = load_str("a.md", "---\nid: x\n---\nfirst");
        let second = load_str("b.md", "---\nid: x\n---\nsecond");
        loaded.articles.extend(second.articles);
        dedupe_ids(&mut loaded);
        assert_eq!(loaded.articles.len(), 1);
        assert_eq!(loaded.articles[0].body, "first");
        assert!(
            loaded.errors[0]
                .message
                .contains("duplicate article id `x`")
        );
    }

    #[test]
    fn the_bundled_corpus_loads_without_errors() {
        let loaded = load(&[]);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(loaded.articles.len(), 3);
        assert!(loaded.articles[0].path.starts_with(SAMPLE_CORPUS_DIR));
    }
}
