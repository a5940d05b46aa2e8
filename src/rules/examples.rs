//! Rule examples: short articles a rule must, or must not, flag. `rules
//! test` and `cargo test` run them, so a rule that stops matching fails
//! loudly instead of silently matching nothing.

use rayon::prelude::*;

use super::RuleSet;
use crate::Analysis;
use crate::date::Date;
use crate::lexicon::Lexicon;

/// One example of a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub name: String,
    /// Must the rule flag (true) or not (false)?
    pub flag: bool,
    /// Figures, as written, that the rule's flags must cite (all of them).
    pub figures: Vec<String>,
    pub articles: Vec<ExampleArticle>,
    /// Line of the example in the rule file.
    pub line: usize,
}

/// A short article of an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleArticle {
    pub id: String,
    pub published: Date,
    pub outlet: Option<String>,
    pub text: String,
}

/// What running one example gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub rule: String,
    /// The rule file, and the example's line in it.
    pub origin: String,
    pub line: usize,
    pub name: String,
    pub expected_flag: bool,
    pub passed: bool,
    /// On failure: what was expected, what the rule raised, and the claims
    /// extracted, so the author sees why.
    pub detail: String,
}

impl Example {
    /// The example's articles as the reader would load them.
    pub fn load(&self) -> Vec<crate::model::Article> {
        let mut out = Vec::new();
        for a in &self.articles {
            let mut src = format!("---\nid: {}\npublished: {}\n", a.id, a.published);
            if let Some(o) = &a.outlet {
                src.push_str(&format!("outlet: {o:?}\n"));
            }
            src.push_str("---\n");
            src.push_str(&a.text);
            src.push('\n');
            let loaded = crate::input::load_str(&format!("{}.md", a.id), &src);
            out.extend(loaded.articles);
        }
        out
    }
}

/// Runs every example of every rule in `set` (each example with its rule
/// alone), in parallel; results in rule then file order.
pub fn run(set: &RuleSet, lex: &Lexicon) -> Vec<ExampleResult> {
    let jobs: Vec<(usize, usize)> = set
        .rules
        .iter()
        .enumerate()
        .flat_map(|(r, rule)| (0..rule.examples.len()).map(move |e| (r, e)))
        .collect();
    jobs.par_iter()
        .map(|&(r, e)| run_one(set, r, e, lex))
        .collect()
}

fn run_one(set: &RuleSet, r: usize, e: usize, lex: &Lexicon) -> ExampleResult {
    let rule = &set.rules[r];
    let ex = &rule.examples[e];
    let analysis = Analysis::run_selected(ex.load(), lex, set, &Default::default(), |x| {
        x.id == rule.id
    });
    let cited: Vec<Vec<&str>> = analysis
        .flags
        .iter()
        .map(|f| {
            f.evidence
                .iter()
                .map(|ev| &analysis.articles[ev.article].body[ev.span.clone()])
                .collect()
        })
        .collect();
    let passed = if ex.flag {
        !analysis.flags.is_empty()
            && ex
                .figures
                .iter()
                .all(|fig| cited.iter().flatten().any(|c| c == fig))
    } else {
        analysis.flags.is_empty()
    };
    let mut detail = String::new();
    if !passed {
        if ex.flag {
            detail.push_str("expected: a flag");
            if !ex.figures.is_empty() {
                detail.push_str(&format!(" citing {}", quoted(&ex.figures)));
            }
            detail.push('\n');
        } else {
            detail.push_str("expected: no flag\n");
        }
        if analysis.flags.is_empty() {
            detail.push_str("got: no flag\n");
        }
        for (f, c) in analysis.flags.iter().zip(&cited) {
            let c: Vec<String> = c.iter().map(|s| s.to_string()).collect();
            detail.push_str(&format!(
                "got: {} flag citing {}\n  message: {}\n  why: {}\n",
                f.severity,
                quoted(&c),
                f.message,
                f.why.text
            ));
        }
        detail.push_str("claims extracted:\n");
        if analysis.claims.is_empty() {
            detail.push_str("  (none)\n");
        }
        for c in &analysis.claims {
            detail.push_str(&format!(
                "  {}: {:?} {} {} in {} ({}, as of {}){}\n",
                analysis.articles[c.article].id,
                c.text(&analysis.articles),
                c.metric,
                c.subject,
                c.place.as_deref().unwrap_or("?"),
                c.source.as_deref().unwrap_or("unattributed"),
                c.as_of.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                if c.hedged { ", hedged" } else { "" }
            ));
        }
    }
    ExampleResult {
        rule: rule.id.clone(),
        origin: rule.origin.clone(),
        line: ex.line,
        name: ex.name.clone(),
        expected_flag: ex.flag,
        passed,
        detail,
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}
