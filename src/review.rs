//! Review decisions: a reviewer accepts or dismisses a flag, with a note,
//! and the decision follows the flag's id across runs.
//!
//! Decisions live in a YAML file (`crosscheck-decisions.yaml` by default).
//! This module reads and writes its text; the command line writes the file
//! atomically (a temporary file in the same folder, synced, then renamed),
//! so a decision is never lost or half-written.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::Diagnostic;
use crate::model::Flag;

/// The decisions file's name when none is given.
pub const DEFAULT_FILE: &str = "crosscheck-decisions.yaml";

/// Where a flag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Not decided, or reopened.
    Open,
    /// A real discrepancy: the reviewer confirms it.
    Accepted,
    /// Not a discrepancy (or not one worth reporting), with a note saying why.
    Dismissed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Accepted => "accepted",
            Status::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "open" => Some(Status::Open),
            "accepted" => Some(Status::Accepted),
            "dismissed" => Some(Status::Dismissed),
            _ => None,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reviewer's decision on one flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The flag's id.
    pub flag: String,
    pub status: Status,
    /// Who decided.
    pub by: String,
    /// When, as an RFC 3339 UTC timestamp ("2026-12-07T20:15:00Z").
    pub at: String,
    /// Why (required to dismiss).
    pub note: Option<String>,
    /// The flag's rule and message when decided, so that a stale decision
    /// still says what it was about.
    pub rule: String,
    pub message: String,
}

/// A decisions file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    /// By flag id.
    entries: BTreeMap<String, Decision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    version: Spanned<u32>,
    #[serde(default)]
    decisions: Vec<Spanned<RawDecision>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    flag: String,
    status: Spanned<String>,
    by: String,
    at: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    message: String,
}

impl Decisions {
    /// Parses a decisions file. Every problem is located at its line.
    pub fn parse(path: &str, text: &str) -> Result<Decisions, Diagnostic> {
        if text.trim().is_empty() {
            return Ok(Decisions::default());
        }
        let raw: RawFile = serde_saphyr::from_str(text).map_err(|e| {
            Diagnostic::from_yaml(path, text, &e).help(
                "a decisions file has `version: 1` and `decisions:`, a list of entries with flag, status, by, at and note; `crosscheck review` writes it",
            )
        })?;
        if raw.version.value != 1 {
            return Err(Diagnostic::new(
                path,
                format!("unknown decisions file version {}", raw.version.value),
            )
            .at(
                text,
                raw.version.referenced.line() as usize,
                raw.version.referenced.column() as usize,
            )
            .help("this crosscheck reads version 1"));
        }
        let mut entries = BTreeMap::new();
        for d in raw.decisions {
            let (line, col) = (d.referenced.line() as usize, d.referenced.column() as usize);
            let v = d.value;
            let Some(status) = Status::parse(&v.status.value) else {
                return Err(
                    Diagnostic::new(path, format!("unknown status `{}`", v.status.value))
                        .at(
                            text,
                            v.status.referenced.line() as usize,
                            v.status.referenced.column() as usize,
                        )
                        .help("status is one of: open, accepted, dismissed"),
                );
            };
            if status == Status::Dismissed && v.note.as_deref().is_none_or(|n| n.trim().is_empty())
            {
                return Err(Diagnostic::new(path, "a dismissal needs a `note`")
                    .at(text, line, col)
                    .help("say why the flag is dismissed, so the next reviewer knows"));
            }
            if entries.contains_key(&v.flag) {
                return Err(
                    Diagnostic::new(path, format!("flag `{}` is decided twice", v.flag))
                        .at(text, line, col)
                        .help("keep one entry per flag"),
                );
            }
            entries.insert(
                v.flag.clone(),
                Decision {
                    flag: v.flag,
                    status,
                    by: v.by,
                    at: v.at,
                    note: v.note,
                    rule: v.rule,
                    message: v.message,
                },
            );
        }
        Ok(Decisions { entries })
    }

    /// The file's text: entries sorted by flag id, so the same decisions
    /// give the same bytes (and small diffs under version control).
    pub fn to_yaml(&self) -> String {
        let mut s = String::new();
        s.push_str("# crosscheck review decisions: written by `crosscheck review`.\n");
        s.push_str("# Each flag id keeps its decision across runs.\n");
        s.push_str("version: 1\n");
        if self.entries.is_empty() {
            s.push_str("decisions: []\n");
            return s;
        }
        s.push_str("decisions:\n");
        for d in self.entries.values() {
            let _ = writeln!(s, "  - flag: {}", quote(&d.flag));
            let _ = writeln!(s, "    status: {}", d.status);
            let _ = writeln!(s, "    by: {}", quote(&d.by));
            let _ = writeln!(s, "    at: {}", quote(&d.at));
            if let Some(n) = &d.note {
                let _ = writeln!(s, "    note: {}", quote(n));
            }
            let _ = writeln!(s, "    rule: {}", quote(&d.rule));
            let _ = writeln!(s, "    message: {}", quote(&d.message));
        }
        s
    }

    pub fn get(&self, flag: &str) -> Option<&Decision> {
        self.entries.get(flag)
    }

    /// Records a decision, replacing any earlier one on the same flag.
    pub fn set(&mut self, d: Decision) {
        self.entries.insert(d.flag.clone(), d);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Decision> {
        self.entries.values()
    }

    /// The decision on `flag` if it still stands (an open one does not).
    pub fn status(&self, flag: &str) -> Status {
        self.get(flag).map_or(Status::Open, |d| d.status)
    }

    /// Decisions whose flag no longer fires: not among `flags`, nor among
    /// `hidden` (ids of flags that fire but are not shown).
    pub fn stale<'a>(&'a self, flags: &[Flag], hidden: &[String]) -> Vec<&'a Decision> {
        let firing: std::collections::HashSet<&str> = flags
            .iter()
            .map(|f| f.id.as_str())
            .chain(hidden.iter().map(String::as_str))
            .collect();
        self.entries
            .values()
            .filter(|d| !firing.contains(d.flag.as_str()))
            .collect()
    }
}

/// A YAML double-quoted scalar.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Seconds since the Unix epoch as an RFC 3339 UTC timestamp.
pub fn timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let d = crate::date::Date::from_days(days);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.year,
        d.month,
        d.day,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(flag: &str, status: Status, note: Option<&str>) -> Decision {
        Decision {
            flag: flag.into(),
            status,
            by: "ana".into(),
            at: "2026-12-07T20:15:00Z".into(),
            note: note.map(str::to_string),
            rule: "figures/toll-mismatch".into(),
            message: "639 vs \"900\"\nin Iran".into(),
        }
    }

    #[test]
    fn decisions_round_trip_through_their_text() {
        let mut d = Decisions::default();
        d.set(decision(
            "f-2",
            Status::Dismissed,
            Some("two counts: city and province"),
        ));
        d.set(decision("f-1", Status::Accepted, None));
        let text = d.to_yaml();
        let back = Decisions::parse("d.yaml", &text).unwrap();
        assert_eq!(back, d);
        // Sorted by id: the same decisions give the same bytes.
        assert!(text.find("f-1").unwrap() < text.find("f-2").unwrap());
        assert_eq!(back.status("f-2"), Status::Dismissed);
        assert_eq!(back.status("f-3"), Status::Open);
    }

    #[test]
    fn bad_files_are_located_errors() {
        let cases = [
            (
                "version: 1\ndecisions:\n  - flag: f-1\n    status: maybe\n    by: a\n    at: t\n",
                4,
                "unknown status",
            ),
            (
                "version: 1\ndecisions:\n  - flag: f-1\n    status: dismissed\n    by: a\n    at: t\n",
                3,
                "needs a `note`",
            ),
            ("version: 2\ndecisions: []\n", 1, "version 2"),
            (
                "version: 1\ndecisions:\n  - flag: f-1\n    status: accepted\n    by: a\n    at: t\n  - flag: f-1\n    status: accepted\n    by: a\n    at: t\n",
                7,
                "decided twice",
            ),
            (
                "version: 1\ndecisions:\n  - flag: f-1\n    stauts: accepted\n",
                4,
                "unknown field",
            ),
        ];
        for (text, line, want) in cases {
            let e = Decisions::parse("d.yaml", text).unwrap_err();
            assert!(e.message.contains(want), "{want}: {}", e.message);
            assert_eq!(e.line, Some(line), "{want}: {e:?}");
        }
    }

    #[test]
    fn timestamps_are_utc() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_796_674_500), "2026-12-07T20:15:00Z");
    }
}
