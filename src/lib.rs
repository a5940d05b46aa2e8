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
pub mod rules;

use lexicon::Lexicon;
use link::LinkConfig;
use model::{Article, Claim, Event, Flag};
use rules::RuleSet;

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

    /// Extracts, links and runs the rules `select` accepts.
    pub fn run_selected(
        articles: Vec<Article>,
        lex: &Lexicon,
        rules: &RuleSet,
        link: &LinkConfig,
        select: impl Fn(&rules::Rule) -> bool,
    ) -> Analysis {
        let extraction = extract::extract(&articles, lex);
        let claims = extraction.claims;
        let skipped = extraction.skipped;
        let bodies: Vec<&str> = articles.iter().map(|a| a.body.as_str()).collect();
        let duplicates = link::dupes::near_duplicates(&bodies, &Default::default());
        let mut linked = link::link(&articles, &claims, duplicates, lex, link);
        let flags = rules.evaluate_only(
            &rules::Context {
                articles: &articles,
                claims: &claims,
                linked: &linked,
                lex,
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
            linked,
            skipped,
        }
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
            linked: link::Linked::default(),
            skipped: extraction.skipped,
        }
    }
}
