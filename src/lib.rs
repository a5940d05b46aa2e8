//! crosscheck: cross-check numeric claims across news articles.
//!
//! The pipeline has one module per stage:
//!
//! * [`input`]: read articles (Markdown/text with front matter, JSONL, HTML);
//! * [`extract`]: find claims: figures with their bounds, metric, group,
//!   place, source, hedging and dates;
//! * [`link`]: join claims that may count the same thing into events;
//! * [`rules`]: run YAML rules over events and raise flags;
//! * [`report`]: render results as a table, JSON or Markdown.
//!
//! The library never prints: renderers write to a `&mut dyn Write`.
//!
//! ```
//! use crosscheck::{Analysis, lexicon::Lexicon, rules::RuleSet};
//!
//! let loaded = crosscheck::input::load_str(
//!     "a.md",
//!     "---\nid: a\npublished: 2025-06-20\n---\nAt least 14 people were killed in Haifa, police said.\n",
//! );
//! let lex = Lexicon::builtin();
//! let rules = RuleSet::builtin(&lex).unwrap();
//! let analysis = Analysis::run(loaded.articles, &lex, &rules, &Default::default());
//! assert_eq!(analysis.claims.len(), 1);
//! assert_eq!(&*analysis.claims[0].metric, "killed");
//! assert_eq!(analysis.claims[0].value.min, Some(14));
//! ```

pub mod date;
pub mod diag;
pub mod eval;
pub mod extract;
pub mod id;
pub mod input;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod report;
pub mod review;
pub mod rules;

use lexicon::Lexicon;
use link::LinkConfig;
use model::{Article, Claim, Event, Flag};
use rules::RuleSet;

/// Progress of a long run, reported by [`Analysis::run_with_progress`]; the
/// command line draws a bar on a terminal with it. The library itself never
/// prints.
pub trait Progress: Sync {
    /// A stage begins: its name and how many steps it has (0: not counted).
    fn stage(&self, name: &'static str, steps: usize);
    /// One step of the current stage is done (called from worker threads).
    fn step(&self);
}

/// The result of checking a set of articles.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    /// Events: groups of claims that may count the same thing.
    pub events: Vec<Event>,
    pub flags: Vec<Flag>,
    /// Flags set aside by a suppressions file or a baseline.
    pub suppressed: Vec<rules::suppress::Suppressed>,
    /// Reviewers' decisions (`crosscheck review`), by flag id; renderers
    /// show each flag's decision and list the stale ones.
    pub decisions: review::Decisions,
    /// Dismissed flags left out of `flags` (`--hide-dismissed`).
    pub hidden_dismissed: usize,
    /// Their ids, so that their decisions are not taken for stale ones.
    pub hidden_flag_ids: Vec<String>,
    /// The claim graph: how claims are linked, and which articles are
    /// copies (its events are moved to `events`).
    pub linked: link::Linked,
    /// Number mentions that are not claims, each with the reason.
    pub skipped: Vec<extract::Skipped>,
}

impl Analysis {
    /// Extracts, links and runs the rules.
    pub fn run(
        articles: Vec<Article>,
        lex: &Lexicon,
        rules: &RuleSet,
        link: &LinkConfig,
    ) -> Analysis {
        Analysis::run_selected(articles, lex, rules, link, |_| true)
    }

    /// [`Analysis::run`], reporting each stage to `progress`.
    pub fn run_with_progress(
        articles: Vec<Article>,
        lex: &Lexicon,
        rules: &RuleSet,
        link: &LinkConfig,
        progress: &dyn Progress,
    ) -> Analysis {
        Analysis::run_observed(articles, lex, rules, link, |_| true, Some(progress))
    }

    /// Extracts, links and runs the rules `select` accepts.
    pub fn run_selected(
        articles: Vec<Article>,
        lex: &Lexicon,
        rules: &RuleSet,
        link: &LinkConfig,
        select: impl Fn(&rules::Rule) -> bool,
    ) -> Analysis {
        Analysis::run_observed(articles, lex, rules, link, select, None)
    }

    fn run_observed(
        articles: Vec<Article>,
        lex: &Lexicon,
        rules: &RuleSet,
        link: &LinkConfig,
        select: impl Fn(&rules::Rule) -> bool,
        progress: Option<&dyn Progress>,
    ) -> Analysis {
        if let Some(p) = progress {
            p.stage("extracting", articles.len());
        }
        let extraction = match progress {
            Some(p) => extract::extract_with(&articles, lex, &|| p.step()),
            None => extract::extract(&articles, lex),
        };
        if let Some(p) = progress {
            p.stage("linking", 0);
        }
        let claims = extraction.claims;
        let skipped = extraction.skipped;
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let duplicates = link::dupes::near_duplicates(&bodies, &Default::default());
        let mut linked = link::link(&articles, &claims, duplicates, lex, link);
        if let Some(p) = progress {
            p.stage("checking", 0);
        }
        let flags = rules.evaluate_only(
            &rules::Context {
                articles: &articles,
                claims: &claims,
                linked: &linked,
                lex,
                sentences: &extraction.sentences,
            },
            select,
        );
        // The events move to `Analysis::events`; the graph stays in `linked`.
        let events = std::mem::take(&mut linked.events);
        Analysis {
            articles,
            claims,
            events,
            flags,
            suppressed: Vec::new(),
            decisions: review::Decisions::default(),
            hidden_dismissed: 0,
            hidden_flag_ids: Vec::new(),
            linked,
            skipped,
        }
    }

    /// The decision on a flag, if a reviewer made one.
    pub fn decision(&self, flag: &Flag) -> Option<&review::Decision> {
        self.decisions.get(&flag.id)
    }

    /// Where a flag stands: open unless a reviewer accepted or dismissed it.
    pub fn status(&self, flag: &Flag) -> review::Status {
        self.decisions.status(&flag.id)
    }

    /// Decisions whose flag no longer fires.
    pub fn stale_decisions(&self) -> Vec<&review::Decision> {
        self.decisions.stale(&self.flags, &self.hidden_flag_ids)
    }

    /// Takes the flags whose review status `hide` accepts out of `flags`,
    /// keeping their ids so that their decisions are not taken for stale
    /// ones; returns how many left.
    pub fn hide_flags(&mut self, hide: impl Fn(review::Status) -> bool) -> usize {
        let (hidden, keep): (Vec<Flag>, Vec<Flag>) = std::mem::take(&mut self.flags)
            .into_iter()
            .partition(|f| hide(self.decisions.status(&f.id)));
        self.flags = keep;
        let n = hidden.len();
        self.hidden_flag_ids
            .extend(hidden.into_iter().map(|f| f.id));
        n
    }

    /// Leaves dismissed flags out of `flags` (`--hide-dismissed`); the
    /// summary counts them.
    pub fn hide_dismissed(&mut self) {
        self.hidden_dismissed += self.hide_flags(|s| s == review::Status::Dismissed);
    }

    /// Extraction only: no events, no flags.
    pub fn extract_only(articles: Vec<Article>, lex: &Lexicon) -> Analysis {
        let extraction = extract::extract(&articles, lex);
        Analysis {
            articles,
            claims: extraction.claims,
            events: Vec::new(),
            flags: Vec::new(),
            suppressed: Vec::new(),
            decisions: review::Decisions::default(),
            hidden_dismissed: 0,
            hidden_flag_ids: Vec::new(),
            linked: link::Linked::default(),
            skipped: extraction.skipped,
        }
    }
}
