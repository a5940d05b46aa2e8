//! Suppressions and baselines: flags a reviewer has looked at and set aside.
//!
//! A suppressions file lists flags by id, or a rule (optionally in one
//! article), each with the reason:
//!
//! ```yaml
//! suppressions:
//!   - flag: f-3be0c2a41d9e7f10
//!     reason: the two tolls are for different days; checked by hand
//!   - rule: sourcing/unsourced
//!     article: 05-police-release
//!     reason: a police press release speaks for the police
//! ```
//!
//! A baseline file (`check --write-baseline FILE`) records the flags of a
//! run; `check --baseline FILE` then reports only flags that are new. Flag
//! ids hash the rule and the claims' content, so they survive re-runs and
//! added articles.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::RuleSet;
use crate::diag::Diagnostic;
use crate::model::{Article, Flag};

/// Why a flag is not reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppressed {
    pub flag: Flag,
    /// "suppression" or "baseline".
    pub by: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub flag: Option<String>,
    pub rule: Option<String>,
    pub article: Option<String>,
    pub reason: String,
    pub line: usize,
}

/// A suppressions file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    pub path: String,
    pub entries: Vec<Suppression>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    suppressions: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    flag: Option<String>,
    #[serde(default)]
    rule: Option<Spanned<String>>,
    #[serde(default)]
    article: Option<String>,
    #[serde(default)]
    reason: Option<String>,
}

impl Suppressions {
    /// Parses a suppressions file; rule ids must name rules in force.
    pub fn parse(path: &str, text: &str, rules: &RuleSet) -> Result<Suppressions, Diagnostic> {
        let raw: RawFile = serde_saphyr::from_str(text).map_err(|e| {
            Diagnostic::from_yaml(path, text, &e).help(
                "a suppressions file has `suppressions:`, a list of entries with `flag: ID` or `rule: ID` (and optionally `article: ID`), each with a `reason`",
            )
        })?;
        let mut entries = Vec::new();
        for e in &raw.suppressions {
            let line = e.referenced.line() as usize;
            let col = e.referenced.column() as usize;
            let v = &e.value;
            let here = |msg: &str| Diagnostic::new(path, msg.to_string()).at(text, line, col);
            if v.flag.is_some() == v.rule.is_some() {
                return Err(here("a suppression names either a `flag` or a `rule`")
                    .help("`flag: f-...` sets one flag aside; `rule: family/name` (with `article:`) a rule's flags"));
            }
            if v.article.is_some() && v.rule.is_none() {
                return Err(here("`article` narrows a `rule` suppression")
                    .help("a flag id already names one flag; drop `article`"));
            }
            if v.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                return Err(here("a suppression needs a `reason`")
                    .help("say why the flag is set aside, so the next reviewer knows"));
            }
            if let Some(r) = &v.rule
                && rules.get(&r.value).is_none()
            {
                return Err(Diagnostic::new(
                    path,
                    format!(
                        "unknown rule `{}`: this suppression would never apply",
                        r.value
                    ),
                )
                .at(
                    text,
                    r.referenced.line() as usize,
                    r.referenced.column() as usize,
                )
                .help("`crosscheck rules list` shows the rule ids"));
            }
            entries.push(Suppression {
                flag: v.flag.clone(),
                rule: v.rule.as_ref().map(|r| r.value.clone()),
                article: v.article.clone(),
                reason: v.reason.clone().unwrap_or_default().trim().to_string(),
                line,
            });
        }
        Ok(Suppressions {
            path: path.to_string(),
            entries,
        })
    }

    fn find(&self, flag: &Flag, articles: &[Article]) -> Option<usize> {
        self.entries.iter().position(|s| match (&s.flag, &s.rule) {
            (Some(id), _) => *id == flag.id,
            (None, Some(rule)) => {
                *rule == flag.rule
                    && s.article
                        .as_ref()
                        .is_none_or(|a| flag.evidence.iter().any(|e| articles[e.article].id == *a))
            }
            _ => false,
        })
    }

    /// Moves suppressed flags out of `flags`; returns them, and the entries
    /// that matched no flag (stale: worth a look).
    pub fn apply(
        &self,
        flags: &mut Vec<Flag>,
        articles: &[Article],
    ) -> (Vec<Suppressed>, Vec<&Suppression>) {
        let mut used = vec![false; self.entries.len()];
        let mut out = Vec::new();
        flags.retain(|f| match self.find(f, articles) {
            Some(i) => {
                used[i] = true;
                out.push(Suppressed {
                    flag: f.clone(),
                    by: "suppression",
                    reason: self.entries[i].reason.clone(),
                });
                false
            }
            None => true,
        });
        let stale = self
            .entries
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e)
            .collect();
        (out, stale)
    }
}

/// A baseline: the flags of an earlier run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub flags: Vec<BaselineFlag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFlag {
    pub id: String,
    pub rule: String,
    /// For people reading the file; not compared.
    pub message: String,
}

impl Baseline {
    pub fn of(flags: &[Flag]) -> Baseline {
        let mut flags: Vec<BaselineFlag> = flags
            .iter()
            .map(|f| BaselineFlag {
                id: f.id.clone(),
                rule: f.rule.clone(),
                message: f.message.clone(),
            })
            .collect();
        flags.sort_by(|a, b| (&a.rule, &a.id).cmp(&(&b.rule, &b.id)));
        Baseline { version: 1, flags }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("serializable");
        s.push('\n');
        s
    }

    pub fn parse(path: &str, text: &str) -> Result<Baseline, Diagnostic> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            Diagnostic::new(path, format!("not a baseline file: {e}"))
                .at(text, e.line(), e.column())
                .help("write one with `crosscheck check --write-baseline FILE`")
        })?;
        if b.version != 1 {
            return Err(Diagnostic::new(
                path,
                format!("baseline version {} is not supported", b.version),
            )
            .help("this crosscheck reads version 1; write a new baseline"));
        }
        Ok(b)
    }

    /// Moves flags already in the baseline out of `flags`.
    pub fn apply(&self, flags: &mut Vec<Flag>) -> Vec<Suppressed> {
        let known: std::collections::HashSet<&str> =
            self.flags.iter().map(|f| f.id.as_str()).collect();
        let mut out = Vec::new();
        flags.retain(|f| {
            if known.contains(f.id.as_str()) {
                out.push(Suppressed {
                    flag: f.clone(),
                    by: "baseline",
                    reason: "in the baseline".into(),
                });
                false
            } else {
                true
            }
        });
        out
    }
}
