//! `crosscheck rules ...`: list, explain, test, validate, new, schema, kinds.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context as _, Result, bail};

use crosscheck::lexicon::Lexicon;
use crosscheck::rules::{KINDS, RuleSet, examples, schema};

use super::args::{RulesCommand, RulesDirArgs, RulesExplainArgs, RulesNewArgs};
use super::{EXIT_ERROR, EXIT_FLAGS, rule_set, write_atomically};

pub(super) fn run(cmd: RulesCommand) -> Result<u8> {
    let lex = Lexicon::builtin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let code = match cmd {
        RulesCommand::List(args) => {
            let rules = match rule_set(&lex, args.rules.as_deref()) {
                Ok(r) => r,
                Err(code) => return Ok(code),
            };
            let mut t = table(args.width);
            t.set_header(vec!["Rule", "Kind", "Severity", "Examples", "Summary"]);
            for r in &rules.rules {
                t.add_row(vec![
                    r.id.clone(),
                    r.kind.to_string(),
                    r.severity.to_string(),
                    r.examples.len().to_string(),
                    r.summary.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
            0
        }
        RulesCommand::Explain(args) => explain(&lex, &args, &mut out)?,
        RulesCommand::Test(args) => test(&lex, &args, &mut out)?,
        RulesCommand::Validate(args) => {
            let rules = match load(&lex, &args) {
                Ok(r) => r,
                Err(code) => return Ok(code),
            };
            let n = rules.rules.len();
            let ex: usize = rules.rules.iter().map(|r| r.examples.len()).sum();
            writeln!(
                out,
                "{n} rule{} valid ({ex} example{})",
                if n == 1 { "" } else { "s" },
                if ex == 1 { "" } else { "s" }
            )?;
            0
        }
        RulesCommand::New(args) => new(&lex, &args, &mut out)?,
        RulesCommand::Schema => {
            out.write_all(schema::rule_schema_text(&lex).as_bytes())?;
            0
        }
        RulesCommand::Kinds => {
            let mut t = table(None);
            t.set_header(vec!["Kind", "Flags", "Summary", "Message placeholders"]);
            for k in KINDS {
                t.add_row(vec![
                    k.name.to_string(),
                    k.flag_kind.to_string(),
                    k.summary.to_string(),
                    k.vars
                        .iter()
                        .map(|v| format!("{{{v}}}"))
                        .collect::<Vec<_>>()
                        .join(" "),
                ]);
            }
            writeln!(out, "{t}")?;
            0
        }
    };
    out.flush()?;
    Ok(code)
}

fn table(width: Option<u16>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL.with_rounded_corners());
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    if let Some(w) = width.or_else(|| (!io::stdout().is_terminal()).then_some(100)) {
        t.force_no_tty();
        t.set_width(w);
    }
    t
}

/// The built-in rules, or only the rules under the given folder or file.
fn load(lex: &Lexicon, args: &RulesDirArgs) -> std::result::Result<RuleSet, u8> {
    match &args.dir {
        None => rule_set(lex, None),
        Some(dir) => {
            RuleSet::from_dir(lex, dir).map_err(|errors| super::report_rule_errors(&errors))
        }
    }
}

fn explain(lex: &Lexicon, args: &RulesExplainArgs, out: &mut dyn Write) -> Result<u8> {
    let rules = match rule_set(lex, args.rules.as_deref()) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let Some(r) = rules.get(&args.id) else {
        let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
        bail!("no rule `{}`; the rules are: {}", args.id, ids.join(", "));
    };
    let kind = KINDS.iter().find(|k| k.name == r.kind).expect("validated");
    writeln!(out, "{}  ({}, {})", r.id, r.severity, r.origin)?;
    writeln!(out, "{}\n", r.summary)?;
    writeln!(out, "{}\n", r.description)?;
    writeln!(out, "Kind: {} ({})", r.kind, kind.summary)?;
    let f = &r.filter;
    let mut matches = Vec::new();
    if !f.metrics.is_empty() {
        let m: Vec<&str> = f.metrics.iter().map(|m| &**m).collect();
        matches.push(format!("metrics {}", m.join(", ")));
    }
    if !f.groups.is_empty() {
        let g: Vec<&str> = f.groups.iter().map(|&g| &*lex.groups[g].name).collect();
        matches.push(format!("groups {}", g.join(", ")));
    }
    if !f.places.is_empty() {
        let p: Vec<&str> = f.places.iter().map(|&p| &**lex.places.name_of(p)).collect();
        matches.push(format!("places {}", p.join(", ")));
    }
    if !f.sources.is_empty() {
        let s: Vec<&str> = f.sources.iter().map(|s| &**s).collect();
        matches.push(format!("sources {}", s.join(", ")));
    }
    if let Some(h) = f.hedged {
        matches.push(format!("hedged {h}"));
    }
    if let Some(s) = f.sourced {
        matches.push(format!("sourced {s}"));
    }
    if let Some(s) = f.scope {
        matches.push(format!("scope {s}"));
    }
    writeln!(
        out,
        "Matches: {}",
        if matches.is_empty() {
            "every claim".to_string()
        } else {
            matches.join("; ")
        }
    )?;
    // Every parameter with its value (as written, else the default) and what it does.
    let schema = (kind.schema)().to_value();
    if let Some(props) = schema["properties"].as_object() {
        writeln!(out, "Parameters:")?;
        for (name, p) in props {
            let value = r
                .params
                .get(name)
                .map(|v| format!("{v}"))
                .or_else(|| p.get("default").map(|d| format!("{d} (default)")))
                .unwrap_or_else(|| "unset".into());
            let doc = p["description"].as_str().unwrap_or("").replace('\n', " ");
            writeln!(out, "  {name}: {value}\n      {doc}")?;
        }
    }
    writeln!(out, "Message: {}", r.message_source)?;
    if !r.examples.is_empty() {
        writeln!(out, "Examples:")?;
        for e in &r.examples {
            writeln!(
                out,
                "  {} {}",
                if e.flag { "flags:     " } else { "no flag:   " },
                e.name
            )?;
        }
    }
    Ok(0)
}

fn test(lex: &Lexicon, args: &RulesDirArgs, out: &mut dyn Write) -> Result<u8> {
    let rules = match load(lex, args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let results = examples::run(&rules, lex);
    let mut failed = 0;
    for r in &results {
        let status = if r.passed { "ok  " } else { "FAIL" };
        writeln!(
            out,
            "{status} {} — {} ({}:{})",
            r.rule, r.name, r.origin, r.line
        )?;
        if !r.passed {
            failed += 1;
            for line in r.detail.lines() {
                writeln!(out, "       {line}")?;
            }
        }
    }
    let without: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.examples.is_empty())
        .map(|r| r.id.as_str())
        .collect();
    if !without.is_empty() {
        writeln!(out, "rules without examples: {}", without.join(", "))?;
    }
    writeln!(
        out,
        "{} example{} in {} rule{}: {} passed, {failed} failed",
        results.len(),
        if results.len() == 1 { "" } else { "s" },
        rules.rules.len(),
        if rules.rules.len() == 1 { "" } else { "s" },
        results.len() - failed
    )?;
    Ok(if failed > 0 { EXIT_FLAGS } else { 0 })
}

fn new(lex: &Lexicon, args: &RulesNewArgs, out: &mut dyn Write) -> Result<u8> {
    let valid = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let parts: Vec<&str> = args.name.split('/').collect();
    if parts.len() != 2 || !parts.iter().all(|p| valid(p)) {
        bail!(
            "a rule name is family/name in lowercase letters, digits and dashes (figures/my-rule), not `{}`",
            args.name
        );
    }
    let Some(kind) = KINDS.iter().find(|k| k.name == args.kind) else {
        let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        bail!(
            "unknown kind `{}`; the kinds are: {}",
            args.kind,
            names.join(", ")
        );
    };
    let path = args.dir.join(format!("{}.yaml", args.name));
    if path.exists() {
        let _ = writeln!(
            io::stderr(),
            "error: {} exists; not overwriting it",
            path.display()
        );
        return Ok(EXIT_ERROR);
    }
    let text = crosscheck::rules::scaffold::new_rule(kind, &args.name, lex);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    write_atomically(&path, |w| w.write_all(text.as_bytes()))
        .with_context(|| format!("writing {}", path.display()))?;
    // The schema the template's first line points editors at.
    let schema_path = args.dir.join(crosscheck::rules::scaffold::SCHEMA_FILE);
    if !schema_path.exists() {
        let schema = schema::rule_schema_text(lex);
        write_atomically(&schema_path, |w| w.write_all(schema.as_bytes()))
            .with_context(|| format!("writing {}", schema_path.display()))?;
    }
    writeln!(
        out,
        "wrote {}; edit it, then run `crosscheck rules test {}`",
        path.display(),
        args.dir.display()
    )?;
    Ok(0)
}
