//! Command-line interface: argument parsing, running, printing, exit codes.
//!
//! Exit codes: 0 = no flag at or above `--fail-on`, 1 = such flags, 2 = an
//! error (a bad input file, rule or option). A broken pipe is not an error.

mod args;
mod review;
mod rules;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Parser;

use crosscheck::Analysis;
use crosscheck::input;
use crosscheck::lexicon::Lexicon;
use crosscheck::link::LinkConfig;
use crosscheck::report::{self, Format, RenderOptions, Scope};
use crosscheck::rules::RuleSet;

use args::{Cli, ColorChoice, Command, CommonArgs, EvalArgs, FailOn, RunArgs};

/// Exit code when flags at or above `--fail-on` were found.
const EXIT_FLAGS: u8 = 1;
/// Exit code for errors.
pub(crate) const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => {
            let Checked {
                mut analysis,
                input_failed,
                ..
            } = match analyse(&args.common, &args.run)? {
                Ok(c) => c,
                Err(code) => return Ok(code),
            };
            if let Some(path) = &args.write_baseline {
                // Every flag not suppressed, including those the old baseline hid.
                let mut all = analysis.flags.clone();
                all.extend(
                    analysis
                        .suppressed
                        .iter()
                        .filter(|s| s.by == "baseline")
                        .map(|s| s.flag.clone()),
                );
                let text = crosscheck::rules::suppress::Baseline::of(&all).to_json();
                write_atomically(path, |w| w.write_all(text.as_bytes()))
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            if args.hide_dismissed {
                analysis.hide_dismissed();
            }
            write_report(&analysis, Scope::Check, &args.common, false)?;
            // A dismissed flag has been judged: it no longer fails the run.
            let flagged = match args.fail_on {
                FailOn::Never => false,
                level => analysis.flags.iter().any(|f| {
                    Some(f.severity) >= level.severity()
                        && analysis.status(f) != crosscheck::review::Status::Dismissed
                }),
            };
            Ok(if input_failed {
                EXIT_ERROR
            } else if flagged {
                EXIT_FLAGS
            } else {
                0
            })
        }
        Command::Extract(args) => {
            let lex = lexicon(&args.common)?;
            threads(&args.common)?;
            let (articles, input_failed) = read_articles(&args.common);
            let analysis = Analysis::extract_only(articles, &lex);
            write_report(&analysis, Scope::Extract, &args.common, args.all)?;
            Ok(if input_failed { EXIT_ERROR } else { 0 })
        }
        Command::Events(args) => {
            let lex = lexicon(&args.common)?;
            threads(&args.common)?;
            let (articles, input_failed) = read_articles(&args.common);
            let cfg = LinkConfig {
                window_days: args.window_days,
            };
            let analysis = Analysis::run(articles, &lex, &RuleSet::default(), &cfg);
            write_report(&analysis, Scope::Events, &args.common, false)?;
            Ok(if input_failed { EXIT_ERROR } else { 0 })
        }
        Command::Eval(args) => eval(*args),
        Command::Review(args) => review::run(*args),
        Command::Explain(args) => review::explain(*args),
        Command::Rules(cmd) => rules::run(cmd),
    }
}

fn eval(args: EvalArgs) -> Result<u8> {
    let gold_path = args.gold.display().to_string();
    let text =
        std::fs::read_to_string(&args.gold).with_context(|| format!("reading {gold_path}"))?;
    let gold = crosscheck::eval::Gold::parse(&gold_path, &text)?;
    let lex = lexicon(&args.common)?;
    let rules = match rule_set(&lex, args.rules.as_deref()) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    threads(&args.common)?;
    let (articles, input_failed) = read_articles(&args.common);
    let analysis = Analysis::run(articles, &lex, &rules, &LinkConfig::default());
    let score = crosscheck::eval::score(&analysis, &gold, &lex);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if common_format(&args.common) == Format::Json {
        report::eval::render_json(&score, &mut out)?;
    } else {
        report::eval::render_text(&score, &gold, &analysis, args.show, &mut out)?;
    }
    let mut failed = Vec::new();
    if let Some(min) = args.min_f1.filter(|m| score.f1 < *m) {
        failed.push(format!("F1 {:.3} < {min}", score.f1));
    }
    if let Some(min) = args.min_field.filter(|m| score.mean_field_accuracy < *m) {
        failed.push(format!(
            "mean field accuracy {:.3} < {min}",
            score.mean_field_accuracy
        ));
    }
    if let Some(min) = args.min_flag_f1 {
        let f = score.flags.map_or(0.0, |f| f.f1);
        if f < min {
            failed.push(format!("flag F1 {f:.3} < {min}"));
        }
    }
    if let Some(max) = args.max_not_flag {
        let n = score.not_flag.map_or(0, |n| n.0);
        if n > max {
            failed.push(format!("{n} flags on must-not-flag pairs > {max}"));
        }
    }
    if !failed.is_empty() {
        writeln!(out, "FAILS: {}", failed.join("; "))?;
    }
    out.flush()?;
    Ok(if input_failed {
        EXIT_ERROR
    } else if failed.is_empty() {
        0
    } else {
        EXIT_FLAGS
    })
}

fn common_format(common: &CommonArgs) -> Format {
    Format::parse(common.format.as_str()).expect("clap checked the value")
}

fn lexicon(common: &CommonArgs) -> Result<std::sync::Arc<Lexicon>> {
    match &common.lexicon {
        None => Ok(Lexicon::builtin()),
        Some(dir) => Ok(std::sync::Arc::new(Lexicon::load_dir(dir)?)),
    }
}

/// The rules, or the exit code after printing every rule error.
fn rule_set(lex: &Lexicon, dir: Option<&Path>) -> std::result::Result<RuleSet, u8> {
    let loaded = match dir {
        None => RuleSet::builtin(lex),
        Some(d) => RuleSet::with_dir(lex, d),
    };
    loaded.map_err(|errors| report_rule_errors(&errors))
}

/// Prints every rule error on stderr; returns the error exit code.
fn report_rule_errors(errors: &[crosscheck::diag::Diagnostic]) -> u8 {
    let mut err = io::stderr().lock();
    for e in errors {
        let _ = writeln!(err, "error: {e}\n");
    }
    let _ = writeln!(
        err,
        "error: {} rule file{} could not be loaded",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    );
    EXIT_ERROR
}

/// The default suppressions file, read when present in the current folder.
const SUPPRESSIONS_FILE: &str = "crosscheck-suppressions.yaml";

/// A check's outcome, as `check`, `review` and `explain` compute it.
pub(crate) struct Checked {
    pub analysis: Analysis,
    pub input_failed: bool,
    /// Where the decisions file is (it may not exist yet).
    pub decisions_path: std::path::PathBuf,
}

/// Reads the articles, runs the rules, applies suppressions, the baseline
/// and the decisions file. `Err(code)` after a located error was printed.
pub(crate) fn analyse(
    common: &CommonArgs,
    run: &RunArgs,
) -> Result<std::result::Result<Checked, u8>> {
    let lex = lexicon(common)?;
    let rules = match rule_set(&lex, run.rules.as_deref()) {
        Ok(r) => r,
        Err(code) => return Ok(Err(code)),
    };
    threads(common)?;
    let (articles, input_failed) = read_articles(common);
    let cfg = LinkConfig {
        window_days: run.window_days,
    };
    let mut analysis = match Bar::new(articles.len()) {
        Some(bar) => {
            let a = Analysis::run_with_progress(articles, &lex, &rules, &cfg, &bar);
            bar.0.finish_and_clear();
            a
        }
        None => Analysis::run(articles, &lex, &rules, &cfg),
    };
    if let Err(code) = set_aside(&mut analysis, &rules, run) {
        return Ok(Err(code));
    }
    let decisions_path = run
        .decisions
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from(crosscheck::review::DEFAULT_FILE));
    match review::load_decisions(&decisions_path) {
        Ok(d) => analysis.decisions = d,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            return Ok(Err(EXIT_ERROR));
        }
    }
    Ok(Ok(Checked {
        analysis,
        input_failed,
        decisions_path,
    }))
}

/// Applies the suppressions file and the baseline; on a bad file, prints
/// the located error and returns the error exit code.
fn set_aside(
    analysis: &mut Analysis,
    rules: &RuleSet,
    args: &RunArgs,
) -> std::result::Result<(), u8> {
    let fail = |e: crosscheck::diag::Diagnostic| {
        let _ = writeln!(io::stderr(), "error: {e}");
        EXIT_ERROR
    };
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| {
            crosscheck::diag::Diagnostic::new(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )
        })
    };
    let path = match &args.suppressions {
        Some(p) => Some(p.clone()),
        None => Some(std::path::PathBuf::from(SUPPRESSIONS_FILE)).filter(|p| p.is_file()),
    };
    if let Some(path) = path {
        let shown = path.display().to_string();
        let text = read(&path).map_err(fail)?;
        let sup =
            crosscheck::rules::suppress::Suppressions::parse(&shown, &text, rules).map_err(fail)?;
        let (set_aside, stale) = sup.apply(&mut analysis.flags, &analysis.articles);
        let mut err = io::stderr().lock();
        for s in stale {
            let what = match (&s.flag, &s.rule) {
                (Some(f), _) => format!("flag {f}"),
                (None, Some(r)) => match &s.article {
                    Some(a) => format!("rule {r} in {a}"),
                    None => format!("rule {r}"),
                },
                _ => String::new(),
            };
            let _ = writeln!(
                err,
                "warning: {shown}:{}: the suppression of {what} matched no flag (stale?)",
                s.line
            );
        }
        analysis.suppressed.extend(set_aside);
    }
    if let Some(path) = &args.baseline {
        let shown = path.display().to_string();
        let text = read(path).map_err(fail)?;
        let base = crosscheck::rules::suppress::Baseline::parse(&shown, &text).map_err(fail)?;
        let set_aside = base.apply(&mut analysis.flags);
        analysis.suppressed.extend(set_aside);
    }
    Ok(())
}

fn threads(common: &CommonArgs) -> Result<()> {
    if let Some(n) = common.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("setting the number of threads")?;
    }
    Ok(())
}

/// Reads the articles; reports unreadable ones on stderr and says whether any failed.
fn read_articles(common: &CommonArgs) -> (Vec<crosscheck::model::Article>, bool) {
    let loaded = input::load(&common.paths);
    let mut err = io::stderr().lock();
    for e in &loaded.errors {
        let _ = writeln!(err, "error: {e}");
    }
    if !loaded.errors.is_empty() {
        let _ = writeln!(
            err,
            "error: {} input problem{}; the other {} article{} were checked",
            loaded.errors.len(),
            if loaded.errors.len() == 1 { "" } else { "s" },
            loaded.articles.len(),
            if loaded.articles.len() == 1 { "" } else { "s" },
        );
    }
    let failed = !loaded.errors.is_empty();
    (loaded.articles, failed)
}

pub(crate) fn write_report(
    analysis: &Analysis,
    scope: Scope,
    common: &CommonArgs,
    all: bool,
) -> Result<()> {
    let format = Format::parse(common.format.as_str()).expect("clap checked the value");
    let to_terminal = common.output.is_none() && io::stdout().is_terminal();
    let opts = RenderOptions {
        // A fixed width off a terminal keeps output the same everywhere.
        width: common.width.or(if to_terminal { None } else { Some(120) }),
        all,
        color: use_color(common.color, to_terminal),
    };
    match &common.output {
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            report::render(analysis, scope, format, &opts, &mut out)?;
            out.flush()?;
        }
        Some(path) => write_atomically(path, |w| report::render(analysis, scope, format, &opts, w))
            .with_context(|| format!("writing {}", path.display()))?,
    }
    Ok(())
}

/// A progress bar on stderr, for long runs on a terminal only: never in
/// pipes, files or tests.
struct Bar(indicatif::ProgressBar);

impl Bar {
    /// Runs of fewer articles finish before a bar would help.
    const MIN_ARTICLES: usize = 200;

    fn new(articles: usize) -> Option<Bar> {
        if articles < Self::MIN_ARTICLES || !io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(articles as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        Some(Bar(bar))
    }
}

impl crosscheck::Progress for Bar {
    fn stage(&self, name: &'static str, steps: usize) {
        let style = if steps > 0 {
            self.0.set_length(steps as u64);
            self.0.set_position(0);
            indicatif::ProgressStyle::with_template(
                "{msg:>10} [{bar:40}] {pos}/{len} articles ({per_sec}, {eta} left)",
            )
        } else {
            indicatif::ProgressStyle::with_template("{msg:>10} {spinner} {elapsed}")
        };
        if let Ok(s) = style {
            self.0.set_style(s.progress_chars("=> "));
        }
        self.0.set_message(name);
        if steps == 0 {
            self.0
                .enable_steady_tick(std::time::Duration::from_millis(120));
        }
    }

    fn step(&self) {
        self.0.inc(1);
    }
}

/// Whether to colour: `always`, `never`, or (auto) on a terminal unless
/// NO_COLOR is set to a non-empty value (https://no-color.org).
pub(crate) fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Writes to a temporary file beside `path`, then renames it into place, so
/// a reader never sees a half-written report.
pub(crate) fn write_atomically(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.crosscheck-tmp-{}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut w = io::BufWriter::new(file);
        f(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
