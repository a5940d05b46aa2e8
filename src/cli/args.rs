//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crosscheck::model::Severity;

/// Cross-check numeric claims across news articles.
///
/// crosscheck reads news articles, extracts the figures they report (death
/// tolls, injuries, arrests, executions, displacements, dates) with what
/// they count, where, and who says so; links figures about the same count
/// across articles; and runs rules that flag contradictions and figures
/// credited to different sources, each with its evidence.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims, link them into events, run the rules and report flags.
    ///
    /// Exit code 0 when no flag is at or above --fail-on, 1 when one is,
    /// 2 when an input, rule or option could not be used (the other
    /// articles are still checked).
    Check(Box<CheckArgs>),
    /// Extract claims only (no linking, no rules).
    Extract(Box<ExtractArgs>),
    /// Link claims into events and list them: each count with its figures
    /// by source over time, outlets, dates, and the events it is part of.
    ///
    /// `--format dot` prints the claim graph for Graphviz
    /// (`crosscheck events -f dot | dot -Tsvg > events.svg`); `--format
    /// json` adds each event's links (relation, reason, strength).
    Events(Box<EventsArgs>),
    /// Review flags: list the open ones, accept or dismiss them, reopen them.
    ///
    /// Decisions (who, when, note) are kept in a decisions file
    /// (crosscheck-decisions.yaml in the current folder, or --decisions
    /// FILE), written atomically. Flags keep their ids across runs, so a
    /// decision follows its flag; a decision whose flag no longer fires is
    /// reported as stale. Every report format shows each flag's decision.
    Review(Box<ReviewArgs>),
    /// Show one flag in full: its evidence, its trace and its decision.
    Explain(Box<ExplainArgs>),
    /// List, explain, test, validate and write rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Score extraction (and flags) against a gold annotation.
    ///
    /// Prints precision, recall and F1 of claim detection, the accuracy of
    /// each field on matched claims (bounds, metric, place, source,
    /// subject), and, when the gold lists pairs, flag F1 and flags on
    /// must-not-flag pairs. Exit code 1 when a --min/--max threshold is not met.
    Eval(Box<EvalArgs>),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold annotation (YAML, or JSON when the name ends in .json).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub common: CommonArgs,

    /// Add the rule files under DIR (as `check --rules DIR`), for flag scores.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// List missed claims, extra claims and wrong fields.
    #[arg(long)]
    pub show: bool,

    /// Fail (exit 1) when claim F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,

    /// Fail when the mean field accuracy is below this.
    #[arg(long, value_name = "X")]
    pub min_field: Option<f64>,

    /// Fail when flag F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_flag_f1: Option<f64>,

    /// Fail when more than N flags fall on must-not-flag pairs.
    #[arg(long, value_name = "N")]
    pub max_not_flag: Option<usize>,
}

/// Options shared by commands that read articles.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Articles to read: files or folders (walked recursively, sorted, hidden
    /// entries skipped). Formats: .md/.txt with optional YAML front matter
    /// (id, outlet, url, published, title), .jsonl (one article per line:
    /// id, text, ...), .html. Without paths, the bundled sample corpus
    /// (data/articles) is read.
    pub paths: Vec<PathBuf>,

    /// Output format: table (for terminals), markdown, json (one object),
    /// jsonl (one typed record per line), csv (one row per flag; per claim
    /// for `extract`), html (one self-contained page), dot (the event
    /// graph, `events` only).
    #[arg(long, short = 'f', default_value = "table", value_parser = ["table", "json", "jsonl", "ndjson", "csv", "markdown", "md", "html", "dot"])]
    pub format: String,

    /// Write the report to FILE instead of standard output (written to a
    /// temporary file first, then renamed into place).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Use lexicon files (numbers.yaml, metrics.yaml, groups.yaml, places.yaml,
    /// sources.yaml, language.yaml, furniture.yaml) from DIR instead of the
    /// built-in ones; files missing from DIR keep their defaults.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Table width in columns (default: the terminal's width, or 120 when
    /// the output is not a terminal).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,

    /// Number of threads for extraction (default: one per core). Output is
    /// the same whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Colour in tables and `explain`: auto (on a terminal, unless NO_COLOR
    /// is set), always or never.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How flags are computed: the options `check`, `review` and `explain` share,
/// so that all three see the same flags with the same ids.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Add the rule files (*.yaml) under DIR to the built-in rules; a file
    /// whose id (path under DIR without extension) matches a built-in rule
    /// replaces it.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Link claims whose as-of dates are at most this many days apart.
    #[arg(long, default_value_t = 14, value_name = "DAYS")]
    pub window_days: i64,

    /// Set aside the flags listed in FILE (by flag id, or by rule and
    /// article, each with a reason). Default: crosscheck-suppressions.yaml
    /// in the current folder, when there is one.
    #[arg(long, value_name = "FILE")]
    pub suppressions: Option<PathBuf>,

    /// Report only flags that are not in the baseline FILE (written by
    /// --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// The reviewers' decisions file (default: crosscheck-decisions.yaml in
    /// the current folder).
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub run: RunArgs,

    /// Exit with code 1 when a flag that is not dismissed has this severity
    /// or higher.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,

    /// Leave dismissed flags out of the report (the summary counts them).
    #[arg(long)]
    pub hide_dismissed: bool,

    /// Write the flags of this run to FILE as a baseline (after suppressions).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub action: Option<ReviewAction>,

    #[command(flatten)]
    pub list: ReviewListArgs,
}

#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// List the flags still open (the default): id, severity, rule, figures, why.
    List(ReviewListArgs),
    /// Accept a flag: a real discrepancy, confirmed.
    Accept(ReviewDecideArgs),
    /// Dismiss a flag, with a note saying why (--note is required).
    Dismiss(ReviewDecideArgs),
    /// Reopen an accepted or dismissed flag.
    Reopen(ReviewDecideArgs),
}

#[derive(Debug, Args)]
pub struct ReviewListArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub run: RunArgs,

    /// List every flag with its decision, not only the open ones.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ReviewDecideArgs {
    /// The flag id (as in reports), or a unique prefix of it.
    pub id: String,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub run: RunArgs,

    /// Why: required to dismiss, optional otherwise.
    #[arg(long, short = 'm')]
    pub note: Option<String>,

    /// Who decides (default: $CROSSCHECK_REVIEWER, else $USER).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The flag id (as in reports), or a unique prefix of it.
    pub id: String,

    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Link claims whose as-of dates are at most this many days apart.
    #[arg(long, default_value_t = 14, value_name = "DAYS")]
    pub window_days: i64,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// List every number mention, not only claims: mentions that are not
    /// claims come with `"claim": false` and a `"reason"` (a percentage, a
    /// year, page furniture, no countable metric...).
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules: id, kind, severity and summary.
    List(RulesListArgs),
    /// Print a rule's description, parameters, match and examples.
    Explain(RulesExplainArgs),
    /// Run the rules' examples: each must flag, or must not, as it says.
    ///
    /// Without DIR, the built-in rules; with DIR, the rule files under it.
    /// Exit code 1 when an example fails (with what was expected, what the
    /// rule raised, and the claims extracted), 2 when a rule file is invalid.
    Test(RulesDirArgs),
    /// Check rule files without running them: every problem is reported
    /// with its file, line and column. Exit code 2 when one is invalid.
    Validate(RulesDirArgs),
    /// Write a commented rule file to start from (rules/NAME.yaml, where
    /// NAME is family/name).
    New(RulesNewArgs),
    /// Print the JSON Schema of rule files (docs/rule.schema.json).
    Schema,
    /// List the check kinds rules can use.
    Kinds,
}

#[derive(Debug, Args)]
pub struct RulesListArgs {
    /// Also load the rule files under DIR (as `check --rules DIR` does).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Table width in columns.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
pub struct RulesExplainArgs {
    /// The rule id, such as figures/toll-mismatch.
    pub id: String,

    /// Also load the rule files under DIR.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesDirArgs {
    /// A folder of rule files, or one rule file (default: the built-in rules).
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesNewArgs {
    /// The rule id: family/name (letters, digits and dashes).
    pub name: String,

    /// The folder to write under.
    #[arg(long, value_name = "DIR", default_value = "rules")]
    pub dir: PathBuf,

    /// The check kind the template uses.
    #[arg(long, default_value = "figure-mismatch")]
    pub kind: String,
}

/// The lowest severity that makes `check` exit with code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
    /// Never exit with 1 because of flags.
    Never,
}

impl FailOn {
    pub fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}
