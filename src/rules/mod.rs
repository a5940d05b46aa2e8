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

pub mod kinds;
mod raw;
mod template;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::id::IdHasher;
use crate::lexicon::Lexicon;
use crate::link::Linked;
use crate::model::{Article, Claim, Flag, FlagKind, Severity, Sym};

pub use kinds::{Check, Finding, KINDS};
pub use template::Template;

/// The default rule files, embedded: (path in the repository, contents).
pub const DEFAULT_RULES: &[(&str, &str)] = &[
    (
        "rules/attribution/differing-attribution.yaml",
        include_str!("../../rules/attribution/differing-attribution.yaml"),
    ),
    (
        "rules/figures/toll-mismatch.yaml",
        include_str!("../../rules/figures/toll-mismatch.yaml"),
    ),
];

/// Which claims a rule looks at.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these metrics (all count metrics when empty).
    pub metrics: Vec<Sym>,
    /// Only hedged (true) or only unhedged (false) claims.
    pub hedged: Option<bool>,
}

impl Filter {
    pub fn accepts(&self, c: &Claim) -> bool {
        (self.metrics.is_empty() || self.metrics.contains(&c.metric))
            && self.hedged.is_none_or(|h| h == c.hedged)
    }
}

/// A validated rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: &'static str,
    pub severity: Severity,
    pub summary: String,
    pub description: String,
    pub message: Template,
    pub filter: Filter,
    pub check: Box<dyn Check>,
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
        let mut files = Vec::new();
        if !dir.is_dir() {
            return Err(vec![
                Diagnostic::new(&dir.display().to_string(), "not a folder of rules")
                    .help("--rules takes a folder with rule files such as figures/my-rule.yaml"),
            ]);
        }
        collect_yaml(dir, &mut files);
        files.sort();
        let mut errors = Vec::new();
        let mut user: BTreeMap<String, Rule> = BTreeMap::new();
        for file in files {
            let shown = file.display().to_string();
            let rel = file.strip_prefix(dir).unwrap_or(&file);
            let id = rule_id(rel);
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
        set.rules.retain(|r| !user.contains_key(&r.id));
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

    /// Runs every rule over every event. Flags come out in a fixed order
    /// (by event, then rule id, then claims), whatever the input order of
    /// unrelated articles.
    pub fn evaluate(&self, ctx: &Context) -> Vec<Flag> {
        let mut flags = Vec::new();
        let mut findings = Vec::new();
        for (ei, event) in ctx.linked.events.iter().enumerate() {
            if event.claims.len() < 2 && event.parts.is_empty() {
                continue;
            }
            for rule in &self.rules {
                // The event's claims, then its parts' (a part is compared
                // with its whole, never with another part here).
                let members: Vec<usize> = event
                    .claims
                    .iter()
                    .chain(
                        event
                            .parts
                            .iter()
                            .flat_map(|&p| ctx.linked.events[p].claims.iter()),
                    )
                    .copied()
                    .filter(|&c| rule.filter.accepts(&ctx.claims[c]))
                    .collect();
                if members.len() < 2 {
                    continue;
                }
                findings.clear();
                rule.check.check_event(ctx, ei, &members, &mut findings);
                for f in findings.drain(..) {
                    flags.push(make_flag(ctx, rule, ei, f));
                }
            }
        }
        flags.sort_by(|a, b| (a.event, &a.rule, &a.claims).cmp(&(b.event, &b.rule, &b.claims)));
        flags.dedup_by(|a, b| a.id == b.id);
        flags
    }
}

fn collect_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(p);
        }
    }
}

fn make_flag(ctx: &Context, rule: &Rule, event: usize, f: Finding) -> Flag {
    let mut claims = f.claims;
    claims.sort_by(|&a, &b| ctx.claims[a].id.cmp(&ctx.claims[b].id));
    let mut h = IdHasher::new().field(&rule.id);
    for &c in &claims {
        h = h.field(&ctx.claims[c].id);
    }
    // Keep the claims in reading order for display: earlier as_of first.
    claims.sort_by_key(|&c| (ctx.claims[c].as_of, c));
    let message = rule.message.render(ctx, event, &claims, &f.vars);
    Flag {
        id: h.finish("f"),
        rule: rule.id.clone(),
        severity: rule.severity,
        kind: rule.check.flag_kind(),
        claims,
        event,
        message,
        why: f.why,
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
        assert_eq!(
            ids,
            ["attribution/differing-attribution", "figures/toll-mismatch"]
        );
    }

    #[test]
    fn the_embedded_list_matches_the_rules_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        collect_yaml(&root.join("rules"), &mut files);
        let mut on_disk: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = DEFAULT_RULES.iter().map(|(p, _)| *p).collect();
        assert_eq!(on_disk, embedded, "list new rule files in DEFAULT_RULES");
    }

    #[test]
    fn rule_ids_come_from_paths() {
        assert_eq!(
            rule_id(Path::new("figures/toll-mismatch.yaml")),
            "figures/toll-mismatch"
        );
    }
}
