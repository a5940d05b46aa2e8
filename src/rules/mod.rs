//! The rule engine: YAML rule files, validated into rules that look at the
//! claims of each event and raise flags.
//!
//! A rule file `rules/<family>/<name>.yaml` has the id `<family>/<name>`. It
//! names a check `kind` (one file per kind under `kinds/`, one registry
//! table), its `params`, which claims it looks at (`match`), a `severity`
//! and a `message` template. Files are read into strict raw structs, then
//! validated: unknown fields, kinds, metrics, parameters and placeholders
//! are located errors, never rules that silently match nothing.
//!
//! The default rules are embedded in the binary; `--rules DIR` adds rules
//! and replaces defaults with the same id.

pub mod examples;
pub mod kinds;
pub(crate) mod raw;
pub mod scaffold;
pub mod schema;
pub mod suppress;
mod template;
mod walk;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::id::IdHasher;
use crate::lexicon::{Lexicon, PlaceRef};
use crate::link::Linked;
use crate::model::{Article, Claim, Evidence, Flag, FlagKind, Scope, Severity, Sym, WhyFigure};

pub use examples::Example;
pub use kinds::{Check, Finding, KINDS, KindDef};
pub use template::Template;

/// The default rule files, embedded: (path in the repository, contents).
/// `build.rs` lists every `*.yaml` under `rules/`.
pub const DEFAULT_RULES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/default_rules.rs"));

/// Which claims a rule looks at (`match` in a rule file). Every list is
/// "any of"; an empty list or an absent condition accepts everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these metrics (all metrics when empty).
    pub metrics: Vec<Sym>,
    /// Only claims counting these groups or groups within them (index into
    /// the group lexicon).
    pub groups: Vec<usize>,
    /// Only claims placed in these places or places within them.
    pub places: Vec<PlaceRef>,
    /// Only claims credited to these sources (aliases folded).
    pub sources: Vec<Sym>,
    /// Only hedged (true) or only unhedged (false) claims.
    pub hedged: Option<bool>,
    /// Only claims credited to someone (true) or in the outlet's own voice (false).
    pub sourced: Option<bool>,
    /// Only incident or only total figures.
    pub scope: Option<Scope>,
}

impl Filter {
    pub fn accepts(&self, lex: &Lexicon, c: &Claim) -> bool {
        (self.metrics.is_empty() || self.metrics.contains(&c.metric))
            && self.hedged.is_none_or(|h| h == c.hedged)
            && self.sourced.is_none_or(|s| s == c.source.is_some())
            && self.scope.is_none_or(|s| s == c.scope)
            && (self.sources.is_empty()
                || c.source.as_ref().is_some_and(|s| self.sources.contains(s)))
            && (self.groups.is_empty()
                || lex
                    .group(&c.group)
                    .is_some_and(|g| self.groups.iter().any(|&w| lex.group_within(g, w))))
            && (self.places.is_empty() || {
                let here = c
                    .place
                    .as_deref()
                    .and_then(|p| lex.places.names.get(p).copied())
                    .or_else(|| {
                        c.country
                            .as_deref()
                            .and_then(|n| lex.places.find_country(n))
                            .map(PlaceRef::Country)
                    });
                here.is_some_and(|h| self.places.iter().any(|&w| lex.places.contains(w, h)))
            })
    }
}

/// A validated rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: &'static str,
    pub flag_kind: FlagKind,
    pub severity: Severity,
    pub summary: String,
    pub description: String,
    pub message: Template,
    pub filter: Filter,
    pub check: Box<dyn Check>,
    /// Short articles on which the rule must, or must not, flag.
    pub examples: Vec<Example>,
    /// The `params` as written (null when absent), for `rules explain`.
    pub params: serde_json::Value,
    /// The message template as written.
    pub message_source: String,
    /// Where it was read from ("rules/figures/toll-mismatch.yaml", or the user's file).
    pub origin: String,
}

/// The rules in force, sorted by id.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

/// Everything a check may look at.
pub struct Context<'a> {
    pub articles: &'a [Article],
    pub claims: &'a [Claim],
    pub linked: &'a Linked,
    pub lex: &'a Lexicon,
    /// Each article's sentences outside page furniture, as extraction
    /// split them (see [`crate::extract::Extraction::sentences`]).
    pub sentences: &'a [Vec<std::ops::Range<usize>>],
}

impl Context<'_> {
    /// How claim `a` relates to claim `b` within `window_days` (see
    /// [`crate::link::relate`]).
    pub fn relate(&self, a: usize, b: usize, window_days: i64) -> Option<crate::link::Link> {
        crate::link::relate(
            self.lex,
            &self.claims[a],
            &self.claims[b],
            &crate::link::LinkConfig { window_days },
        )
    }

    /// Is the claim one of the event's own (not of one of its parts)?
    pub fn in_event(&self, claim: usize, event: usize) -> bool {
        self.linked.event_of.get(claim).copied().flatten() == Some(event)
    }
}

/// The rule id of a file: its path under the rules folder, without extension.
pub fn rule_id(relative: &Path) -> String {
    let no_ext = relative.with_extension("");
    no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl RuleSet {
    /// The embedded default rules.
    pub fn builtin(lex: &Lexicon) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for (path, text) in DEFAULT_RULES {
            let rel = Path::new(path)
                .strip_prefix("rules")
                .unwrap_or(Path::new(path));
            match raw::parse_rule(path, &rule_id(rel), text, lex) {
                Ok(rule) => set.rules.push(rule),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            set.sort();
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// The defaults plus every `*.yaml`/`*.yml` under `dir`; a user rule
    /// with a default's id replaces it. All errors are returned together.
    pub fn with_dir(lex: &Lexicon, dir: &Path) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::builtin(lex)?;
        let user = RuleSet::from_dir(lex, dir)?;
        let ids: Vec<&str> = user.rules.iter().map(|r| r.id.as_str()).collect();
        set.rules.retain(|r| !ids.contains(&r.id.as_str()));
        set.rules.extend(user.rules);
        set.sort();
        Ok(set)
    }

    /// Only the rules under `dir` (a folder, or one rule file whose id is
    /// its file stem). All errors are returned together.
    pub fn from_dir(lex: &Lexicon, dir: &Path) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::default();
        let mut files = Vec::new();
        if dir.is_file() {
            files.push(dir.to_path_buf());
        } else if !dir.is_dir() {
            return Err(vec![
                Diagnostic::new(&dir.display().to_string(), "not a folder of rules")
                    .help("give a folder with rule files such as figures/my-rule.yaml"),
            ]);
        } else {
            walk::collect_yaml(dir, &mut files);
        }
        files.sort();
        let mut errors = Vec::new();
        let mut user: BTreeMap<String, Rule> = BTreeMap::new();
        for file in files {
            let shown = file.display().to_string();
            let id = if dir.is_file() {
                rule_id(Path::new(file.file_name().unwrap_or_default()))
            } else {
                rule_id(file.strip_prefix(dir).unwrap_or(&file))
            };
            match std::fs::read_to_string(&file) {
                Ok(text) => match raw::parse_rule(&shown, &id, &text, lex) {
                    Ok(rule) => {
                        user.insert(id, rule);
                    }
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(Diagnostic::new(&shown, format!("cannot read: {e}"))),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        set.rules.extend(user.into_values());
        set.sort();
        Ok(set)
    }

    fn sort(&mut self) {
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Runs every rule. Flags come out in a fixed order (by event, then
    /// rule id, then claims and passages), whatever the input order of
    /// unrelated articles or the number of threads.
    pub fn evaluate(&self, ctx: &Context) -> Vec<Flag> {
        self.evaluate_only(ctx, |_| true)
    }

    /// Runs the rules `select` accepts.
    pub fn evaluate_only(&self, ctx: &Context, select: impl Fn(&Rule) -> bool) -> Vec<Flag> {
        let mut flags = Vec::new();
        let mut findings = Vec::new();
        for rule in self.rules.iter().filter(|r| select(r)) {
            findings.clear();
            rule.check.run(ctx, &rule.filter, &mut findings);
            for f in findings.drain(..) {
                flags.push(make_flag(ctx, rule, f));
            }
        }
        flags.sort_by(|a, b| {
            (a.event.is_none(), a.event, &a.rule, &a.claims, &a.id).cmp(&(
                b.event.is_none(),
                b.event,
                &b.rule,
                &b.claims,
                &b.id,
            ))
        });
        flags.dedup_by(|a, b| a.id == b.id);
        flags
    }
}

fn make_flag(ctx: &Context, rule: &Rule, f: Finding) -> Flag {
    // The id hashes what the flag points at, in a canonical order.
    let mut keys: Vec<&str> = f
        .claims
        .iter()
        .map(|&c| ctx.claims[c].id.as_str())
        .collect();
    keys.sort_unstable();
    let mut h = IdHasher::new().field(&rule.id);
    for k in keys {
        h = h.field(k);
    }
    let mut passages: Vec<(&str, &str)> = f
        .evidence
        .iter()
        .map(|e| {
            (
                ctx.articles[e.article].id.as_str(),
                &ctx.articles[e.article].body[e.sentence.clone()],
            )
        })
        .collect();
    passages.sort_unstable();
    for (article, sentence) in passages {
        h = h.field(article).field(sentence.trim());
    }
    let id = h.finish("f");
    let message = rule
        .message
        .render(ctx, f.event, &f.claims, &f.evidence, &f.vars);
    let mut claims = f.claims;
    // Keep the claims in reading order for display: earlier as_of first.
    claims.sort_by_key(|&c| (ctx.claims[c].as_of, c));
    let mut evidence: Vec<Evidence> = claims
        .iter()
        .map(|&c| {
            let claim = &ctx.claims[c];
            Evidence {
                article: claim.article,
                sentence: claim.sentence.clone(),
                span: claim.span.clone(),
                claim: Some(c),
                source: claim.source.clone(),
                role: "claim",
            }
        })
        .collect();
    evidence.extend(f.evidence);
    let mut why = f.why;
    why.figures = claims
        .iter()
        .map(|&c| {
            let claim = &ctx.claims[c];
            WhyFigure {
                claim: c,
                value: claim.value,
                as_of: claim.as_of,
                source: claim.source.clone(),
                hedged: claim.hedged,
            }
        })
        .collect();
    Flag {
        id,
        rule: rule.id.clone(),
        severity: rule.severity,
        kind: rule.flag_kind,
        claims,
        evidence,
        event: f.event,
        message,
        why,
    }
}

/// The flag kind of a check kind, for documentation.
pub fn kind_of(check: &str) -> Option<FlagKind> {
    KINDS.iter().find(|k| k.name == check).map(|k| k.flag_kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rules_load() {
        let lex = Lexicon::builtin();
        let set = RuleSet::builtin(&lex).unwrap_or_else(|e| panic!("{}", e[0]));
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        for id in ["attribution/differing-attribution", "figures/toll-mismatch"] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
    }

    #[test]
    fn every_default_rule_example_passes() {
        let lex = Lexicon::builtin();
        let set = RuleSet::builtin(&lex).unwrap_or_else(|e| panic!("{}", e[0]));
        let results = examples::run(&set, &lex);
        let failed: Vec<String> = results
            .iter()
            .filter(|r| !r.passed)
            .map(|r| {
                format!(
                    "{}:{} {} ({})\n{}",
                    r.origin, r.line, r.rule, r.name, r.detail
                )
            })
            .collect();
        assert!(
            failed.is_empty(),
            "{} failed:\n{}",
            failed.len(),
            failed.join("\n")
        );
    }

    #[test]
    fn every_default_rule_has_examples_both_ways() {
        let lex = Lexicon::builtin();
        let set = RuleSet::builtin(&lex).unwrap_or_else(|e| panic!("{}", e[0]));
        for r in &set.rules {
            assert!(
                r.examples.iter().any(|e| e.flag) && r.examples.iter().any(|e| !e.flag),
                "{}: give at least one `expect: flag` and one `expect: no-flag` example",
                r.id
            );
        }
    }

    #[test]
    fn rule_ids_come_from_paths() {
        assert_eq!(
            rule_id(Path::new("figures/toll-mismatch.yaml")),
            "figures/toll-mismatch"
        );
    }
}
