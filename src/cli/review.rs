//! `crosscheck review` and `crosscheck explain`.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context as _, Result};

use crosscheck::Analysis;
use crosscheck::diag::Diagnostic;
use crosscheck::model::Flag;
use crosscheck::report::{self, Scope};
use crosscheck::review::{Decision, Decisions, Status, timestamp};

use super::args::{ExplainArgs, ReviewAction, ReviewArgs, ReviewDecideArgs, ReviewListArgs};
use super::{Checked, EXIT_ERROR, analyse, use_color, write_atomically, write_report};

/// Reads the decisions file; a missing file holds no decisions.
pub(crate) fn load_decisions(path: &Path) -> std::result::Result<Decisions, Diagnostic> {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Decisions::parse(&shown, &text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Decisions::default()),
        Err(e) => Err(Diagnostic::new(&shown, format!("cannot read: {e}"))),
    }
}

pub(crate) fn run(args: ReviewArgs) -> Result<u8> {
    match args.action {
        None => list(args.list),
        Some(ReviewAction::List(a)) => list(a),
        Some(ReviewAction::Accept(a)) => decide(a, Status::Accepted),
        Some(ReviewAction::Dismiss(a)) => decide(a, Status::Dismissed),
        Some(ReviewAction::Reopen(a)) => decide(a, Status::Open),
    }
}

/// The open flags (all of them with --all), in the chosen format.
fn list(args: ReviewListArgs) -> Result<u8> {
    let Checked {
        mut analysis,
        input_failed,
        ..
    } = match analyse(&args.common, &args.run)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    if !args.all {
        analysis.hide_flags(|s| s != Status::Open);
    }
    write_report(&analysis, Scope::Check, &args.common, false)?;
    if args.common.format == "table" && args.common.output.is_none() && !analysis.flags.is_empty() {
        writeln!(
            io::stdout(),
            "\nDecide with `crosscheck review accept ID` or `crosscheck review dismiss ID --note \"why\"`; `crosscheck explain ID` shows a flag in full (ids may be shortened)."
        )?;
    }
    Ok(if input_failed { EXIT_ERROR } else { 0 })
}

fn decide(args: ReviewDecideArgs, status: Status) -> Result<u8> {
    if status == Status::Dismissed && args.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
        writeln!(
            io::stderr(),
            "error: a dismissal needs a note: --note \"why this is not a discrepancy\""
        )?;
        return Ok(EXIT_ERROR);
    }
    let Checked {
        analysis,
        decisions_path,
        ..
    } = match analyse(&args.common, &args.run)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let Some(flag) = find(&analysis, &args.id) else {
        return Ok(EXIT_ERROR);
    };
    let mut decisions = analysis.decisions.clone();
    let by = args
        .by
        .clone()
        .or_else(|| std::env::var("CROSSCHECK_REVIEWER").ok())
        .or_else(|| std::env::var("USER").ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "unknown".into());
    decisions.set(Decision {
        flag: flag.id.clone(),
        status,
        by,
        at: now(),
        note: args.note.clone().filter(|n| !n.trim().is_empty()),
        rule: flag.rule.clone(),
        message: flag.message.clone(),
    });
    let text = decisions.to_yaml();
    write_atomically(&decisions_path, |w| w.write_all(text.as_bytes()))
        .with_context(|| format!("writing {}", decisions_path.display()))?;
    let verb = match status {
        Status::Open => "reopened",
        Status::Accepted => "accepted",
        Status::Dismissed => "dismissed",
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{verb} {} ({})", flag.id, flag.rule)?;
    writeln!(out, "  {}", report::one_line(&flag.message))?;
    writeln!(out, "decisions: {}", decisions_path.display())?;
    Ok(0)
}

pub(crate) fn explain(args: ExplainArgs) -> Result<u8> {
    let Checked { analysis, .. } = match analyse(&args.common, &args.run)? {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let Some(flag) = find(&analysis, &args.id) else {
        return Ok(EXIT_ERROR);
    };
    let color = use_color(args.common.color, io::stdout().is_terminal());
    let mut out = io::BufWriter::new(io::stdout().lock());
    report::explain::render(&analysis, flag, color, &mut out)?;
    out.flush()?;
    Ok(0)
}

/// The flag with this id, or the only one it is a prefix of; `None` after
/// saying on stderr why there is none.
fn find<'a>(a: &'a Analysis, id: &str) -> Option<&'a Flag> {
    let found = lookup(a, id);
    if let Err(msg) = &found {
        let _ = writeln!(io::stderr(), "error: {msg}");
    }
    found.ok()
}

fn lookup<'a>(a: &'a Analysis, id: &str) -> std::result::Result<&'a Flag, String> {
    let id = id.trim();
    if let Some(f) = a.flags.iter().find(|f| f.id == id) {
        return Ok(f);
    }
    let matches: Vec<&Flag> = a.flags.iter().filter(|f| f.id.starts_with(id)).collect();
    match matches.as_slice() {
        [one] if !id.is_empty() => Ok(one),
        [] => {
            if a.suppressed.iter().any(|s| s.flag.id.starts_with(id)) {
                Err(format!(
                    "flag {id} is set aside by a suppressions file or the baseline"
                ))
            } else {
                Err(format!(
                    "no flag {id} in these articles; `crosscheck review` lists the flags of the same articles and rules"
                ))
            }
        }
        many => Err(format!(
            "{id} is the start of {} flag ids ({}); give more of it",
            many.len(),
            many.iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Now, as an RFC 3339 UTC timestamp; CROSSCHECK_NOW (a timestamp) stands
/// in for the clock, for reproducible tests and replays.
fn now() -> String {
    if let Ok(t) = std::env::var("CROSSCHECK_NOW")
        && !t.trim().is_empty()
    {
        return t.trim().to_string();
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    timestamp(secs)
}
