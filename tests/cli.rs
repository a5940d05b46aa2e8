//! End-to-end tests of the `crosscheck` command: formats, bad inputs, exit
//! codes, the JSON contract and the table, as a user runs them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The command, run from the repository root, never on a terminal.
fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").expect("binary built");
    cmd.current_dir(root());
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = crosscheck().args(args).output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn json(args: &[&str]) -> (Value, Run) {
    let r = run(args);
    let v: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", r.stdout, r.stderr));
    (v, r)
}

fn claim_texts(v: &Value) -> Vec<(String, String, String)> {
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["article"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
                c["metric"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn check_without_paths_reads_the_bundled_corpus_and_prints_a_table() {
    let r = run(&["check", "--width", "100"]);
    // One flag: Araghchi's "no contact" against an earlier report of contact.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("attribution/denial"), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    insta::assert_snapshot!("check_bundled_table", r.stdout);
}

#[test]
fn the_json_contract_is_stable() {
    let r = run(&["check", "--format", "json", "data/articles"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("check_bundled_json", r.stdout);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["version"], 1);
    for key in ["articles", "claims", "events", "flags"] {
        assert!(v[key].is_array(), "missing {key}");
    }
    let claim = &v["claims"][0];
    for key in [
        "id",
        "article",
        "span",
        "sentence",
        "text",
        "value",
        "qualifier",
        "metric",
        "subject",
        "place",
        "country",
        "source",
        "hedged",
        "date",
        "as_of",
    ] {
        assert!(claim.get(key).is_some(), "claim lacks {key}");
    }
}

#[test]
fn spans_point_at_the_figure_in_the_body() {
    let (v, _) = json(&["extract", "--format", "json", "data/articles"]);
    for c in v["claims"].as_array().unwrap() {
        let article = c["article"].as_str().unwrap();
        let path = root().join("data/articles").join(format!("{article}.md"));
        let text = std::fs::read_to_string(path).unwrap();
        let body = &text[text[4..].find("\n---\n").unwrap() + 9..];
        let span = c["span"].as_array().unwrap();
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&body[a..b], c["text"].as_str().unwrap());
        assert!(body.contains(c["sentence"].as_str().unwrap()));
    }
}

#[test]
fn extract_prints_claims_without_events_or_flags() {
    let (v, r) = json(&["extract", "--format", "json"]);
    assert_eq!(r.code, 0);
    assert!(v.get("events").is_none() && v.get("flags").is_none());
    assert!(!v["claims"].as_array().unwrap().is_empty());
}

#[test]
fn every_input_format_is_read() {
    let (v, r) = json(&["extract", "--format", "json", "tests/fixtures/formats"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // Sorted by path: batch.jsonl (2 lines), page.html, plain.txt, wire.md.
    assert_eq!(
        ids,
        ["fmt-jsonl-1", "fmt-jsonl-2", "page", "plain", "fmt-md"]
    );
    let html = &v["articles"][2];
    assert_eq!(html["title"], "Strike kills 12 in Kharkiv | Example News");
    assert_eq!(html["outlet"], "Example News");
    assert_eq!(html["published"], "2025-06-19");
    assert_eq!(
        v["articles"][4]["published"], "2025-06-20",
        "RFC 3339 dates keep their day"
    );
    let claims = claim_texts(&v);
    let want = [
        ("fmt-jsonl-1", "Dozens", "injured"),
        ("fmt-jsonl-2", "30", "killed"),
        ("page", "12", "killed"),
        ("page", "45", "injured"),
        ("plain", "42", "arrested"),
        ("fmt-md", "At least 14", "killed"),
    ];
    for (a, t, m) in want {
        assert!(
            claims.iter().any(|c| c.0 == a && c.1 == t && c.2 == m),
            "missing {a} {t} {m} in {claims:?}"
        );
    }
    // Scripts, navigation and asides of the page are not read.
    assert!(
        !claims
            .iter()
            .any(|c| c.1.contains("1000000") || c.1 == "10" || c.1 == "5")
    );
}

/// Writes a folder with good articles and one bad file of each kind.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("a-good.md"),
        "---\nid: good\npublished: 2025-06-20\n---\nAt least 14 people were killed in Haifa, police said.\n",
    )
    .unwrap();
    std::fs::write(p.join("b-binary.md"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(
        p.join("c-latin1.txt"),
        b"Caf\xe9 owner said 3 people died.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("d-broken.md"),
        "---\nid: broken\ntitle: [unclosed\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("e-bad-date.md"),
        "---\nid: baddate\npublished: 20 June\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("f-lines.jsonl"),
        "{\"id\": \"line-1\", \"text\": \"Dozens were injured in Haifa.\"}\n{not json\n{\"id\": \"line-3\"}\n",
    )
    .unwrap();
    dir
}

#[test]
fn bad_files_are_reported_and_the_others_still_checked() {
    let dir = mixed_folder();
    let path = dir.path().to_str().unwrap();
    let (v, r) = json(&["check", "--format", "json", path]);
    assert_eq!(r.code, 2, "an unreadable input makes the exit code 2");
    let ids: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["good", "line-1"]);
    assert_eq!(v["claims"].as_array().unwrap().len(), 2);
    let err = &r.stderr;
    let p = |f: &str| Path::new(path).join(f).display().to_string();
    assert!(
        err.contains(&format!("{}: binary file", p("b-binary.md"))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:1:4: not valid UTF-8", p("c-latin1.txt"))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3:", p("d-broken.md"))) && err.contains("front matter"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3:", p("e-bad-date.md"))) && err.contains("not a date"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:2:", p("f-lines.jsonl"))) && err.contains("bad JSON line"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:3: JSON line has no `text`",
            p("f-lines.jsonl")
        )),
        "{err}"
    );
    assert!(
        err.contains("6 input problems; the other 2 articles were checked"),
        "{err}"
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let r = run(&["check", "no/such/folder"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no/such/folder: cannot read"),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_codes_follow_fail_on() {
    let quake = "data/examples/quake";
    assert_eq!(
        run(&["check", quake]).code,
        1,
        "warning flags fail by default"
    );
    assert_eq!(run(&["check", "--fail-on", "error", quake]).code, 0);
    assert_eq!(run(&["check", "--fail-on", "never", quake]).code, 0);
    assert_eq!(run(&["check", "--fail-on", "info", quake]).code, 1);
    assert_eq!(
        run(&["check", "--fail-on", "error", "data/articles"]).code,
        0,
        "the seed articles' only flag is a warning"
    );
    assert_eq!(
        run(&["check", "--fail-on", "sometimes"]).code,
        2,
        "a bad option is an error"
    );
}

#[test]
fn the_example_corpus_flags_contradictions_and_differing_sources() {
    let (v, _) = json(&["check", "--format", "json", "data/examples/quake"]);
    let flags = v["flags"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = flags
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert!(
        kinds.contains(&("figures/running-toll-fell", "contradiction")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("figures/part-exceeds-whole", "contradiction")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("attribution/differing-attribution", "attribution")),
        "{kinds:?}"
    );
    // A rising toll (1,200 on 10 March, 1,480 on 12 March) is an update, not a flag.
    let text_of = |id: &str| {
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for f in flags {
        let pair: Vec<String> = f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| text_of(c.as_str().unwrap()))
            .collect();
        assert_ne!(
            pair,
            ["1,200", "1,480"],
            "a rising toll was flagged: {}",
            f["why"]
        );
    }
    // The flag's claims and event exist in the output.
    for f in flags {
        assert!(
            v["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["id"] == f["event"])
        );
    }
}

#[test]
fn table_of_flags_has_a_fixed_width_snapshot() {
    let r = run(&["check", "--width", "110", "data/examples/quake"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("check_quake_table", r.stdout);
}

#[test]
fn markdown_report_shows_the_evidence() {
    let r = run(&["check", "--format", "markdown", "data/examples/quake"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("# crosscheck report"));
    assert!(r.stdout.contains("## Flags"));
    assert!(
        r.stdout.contains("> **A** (wire-quake-0310, bytes"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Why: "));
    insta::assert_snapshot!("check_quake_markdown", r.stdout);
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let r = run(&[
        "check",
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "the seed articles carry one warning");
    assert!(r.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    // Nothing but the report is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let one = run(&["check", "--format", "json", "-j", "1", "data"]);
    let two = run(&["check", "--format", "json", "-j", "2", "data"]);
    assert_eq!(one.code, two.code);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn rules_list_shows_the_default_rules() {
    let r = run(&["rules", "list", "--width", "100"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("rules_list", r.stdout);
}

#[test]
fn user_rules_add_to_and_override_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("figures")).unwrap();
    // Same id as a default rule: replaces it, now as an error.
    std::fs::write(
        dir.path().join("figures/toll-mismatch.yaml"),
        "kind: figure-mismatch\nseverity: error\nsummary: Tolls disagree\ndescription: |\n  Stricter toll rule for our desk.\nmessage: \"{a.text} vs {b.text}\"\nparams:\n  tolerance: 0.0\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let r = run(&[
        "check",
        "--rules",
        rules,
        "--fail-on",
        "error",
        "data/examples/quake",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let listed = run(&["rules", "list", "--rules", rules, "--width", "100"]);
    assert!(listed.stdout.contains("Tolls disagree"));
    assert_eq!(listed.stdout.matches("figures/toll-mismatch").count(), 1);
}

#[test]
fn a_broken_rule_file_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "kind: figure-mismatch\nseverty: warning\nsummary: s\ndescription: d\nmessage: m\n",
    )
    .unwrap();
    let r = run(&["check", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.yaml:2:1"), "{}", r.stderr);
    assert!(r.stderr.contains("severty"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn help_documents_every_flag() {
    let r = run(&["check", "--help"]);
    assert_eq!(r.code, 0);
    for flag in [
        "--format",
        "--output",
        "--rules",
        "--fail-on",
        "--lexicon",
        "--width",
        "--threads",
        "--window-days",
    ] {
        assert!(r.stdout.contains(flag), "check --help lacks {flag}");
    }
}

#[test]
fn eval_scores_against_a_gold_file() {
    let r = run(&[
        "eval",
        "--gold",
        "data/gold.yaml",
        "data/articles",
        "--min-f1",
        "0.95",
        "--min-field",
        "0.95",
        "--max-not-flag",
        "0",
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("claim detection: precision 1.000 recall 1.000 F1 1.000"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("flags on must-not-flag pairs: 0 of 3"));
    // JSON gold works too, and a threshold that is not met exits 1.
    let r = run(&[
        "eval",
        "--gold",
        "data/gold.json",
        "data/articles",
        "--min-field",
        "1.0",
        "--show",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("FAILS: mean field accuracy"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("  FIELD  "),
        "--show lists wrong fields: {}",
        r.stdout
    );
    // A gold file that does not parse is an error with its location.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("gold.yaml");
    std::fs::write(&bad, "claims:\n  - article: a\n    quote: [\n").unwrap();
    let r = run(&["eval", "--gold", bad.to_str().unwrap(), "data/articles"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("gold.yaml:"), "{}", r.stderr);
}

#[test]
fn extract_all_explains_every_number_that_is_not_a_claim() {
    let (v, r) = json(&[
        "extract",
        "--all",
        "--format",
        "json",
        "data/articles/seed-004-iran-refuses-nuclear-talks.md",
    ]);
    assert_eq!(r.code, 0);
    let items = v["claims"].as_array().unwrap();
    let reason_of = |text: &str| {
        items
            .iter()
            .find(|c| c["text"] == text)
            .map(|c| (c["claim"].clone(), c["reason"].clone()))
    };
    assert_eq!(reason_of("639").unwrap().0, true);
    assert_eq!(
        reason_of("2015").unwrap(),
        (Value::Bool(false), Value::from("year"))
    );
    assert_eq!(
        reason_of("19").unwrap(),
        (Value::Bool(false), Value::from("page furniture"))
    );
    assert_eq!(
        reason_of("millions").unwrap(),
        (Value::Bool(false), Value::from("no countable metric"))
    );
    // Without --all, only claims, and no `claim` field.
    let (v, _) = json(&[
        "extract",
        "--format",
        "json",
        "data/articles/seed-004-iran-refuses-nuclear-talks.md",
    ]);
    assert!(
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c.get("claim").is_none() && c["metric"].is_string())
    );
}

#[test]
fn a_lexicon_folder_replaces_one_file_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "---\nid: a\npublished: 2025-06-20\n---\nThe Desk Monitor said 12 people were killed in Haifa.\n",
    )
    .unwrap();
    let (v, _) = json(&["extract", "--format", "json", article.to_str().unwrap()]);
    assert_eq!(v["claims"][0]["source"], "Desk Monitor");
    // A copy of sources.yaml with one more source folds the name.
    let lexicon = dir.path().join("lexicon");
    std::fs::create_dir(&lexicon).unwrap();
    let sources = std::fs::read_to_string(root().join("data/lexicon/sources.yaml")).unwrap();
    let extra = sources.replacen(
        "\nsources:\n",
        "\nsources:\n  - canonical: DM\n    kind: organisation\n    aliases: [Desk Monitor]\n",
        1,
    );
    std::fs::write(lexicon.join("sources.yaml"), extra).unwrap();
    let (v, r) = json(&[
        "extract",
        "--format",
        "json",
        "--lexicon",
        lexicon.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(v["claims"][0]["source"], "DM");
    // A broken lexicon file is a located error.
    std::fs::write(
        lexicon.join("groups.yaml"),
        "groups:\n  - name: people\n    parent: nobody\n",
    )
    .unwrap();
    let r = run(&[
        "extract",
        "--lexicon",
        lexicon.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("groups.yaml:3:") && r.stderr.contains("unknown parent group `nobody`"),
        "{}",
        r.stderr
    );
}

#[test]
fn events_lists_counts_in_every_format() {
    let quake = "data/examples/quake";
    let r = run(&["events", quake, "--width", "120"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("events_quake_table", r.stdout);
    let r = run(&["events", quake, "-f", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("events_quake_markdown", r.stdout);
    let r = run(&["events", quake, "-f", "dot"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("graph crosscheck {"));
    insta::assert_snapshot!("events_quake_dot", r.stdout);
    let (v, r) = json(&["events", quake, "-f", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(v.get("flags").is_none(), "events runs no rules");
    let events = v["events"].as_array().expect("events");
    // The Herat toll is part of the Afghanistan toll, and the running
    // count's series marks the later, lower figure as a fall.
    let afghanistan = events
        .iter()
        .find(|e| e["metric"] == "killed" && e["place"] == "Afghanistan")
        .expect("Afghanistan toll");
    let herat = events
        .iter()
        .find(|e| e["metric"] == "killed" && e["place"] == "Herat")
        .expect("Herat toll");
    assert_eq!(afghanistan["parts"][0], herat["id"]);
    assert_eq!(herat["part_of"][0], afghanistan["id"]);
    let changes: Vec<&str> = afghanistan["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["points"].as_array().unwrap())
        .map(|p| p["change"].as_str().unwrap())
        .collect();
    assert!(changes.contains(&"fall"), "{changes:?}");
    let links = afghanistan["links"].as_array().expect("links");
    assert!(
        links
            .iter()
            .any(|l| l["relation"] == "part-of" || l["relation"] == "contains")
    );
    insta::assert_json_snapshot!("events_quake_json", v);
}

#[test]
fn dot_is_only_for_events() {
    let r = run(&["check", "-f", "dot"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("crosscheck events"), "{}", r.stderr);
}

#[test]
fn jsonl_is_one_typed_record_per_line() {
    let r = run(&["check", "--format", "jsonl", "data/examples/quake"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records[0]["type"], "header");
    assert_eq!(records[0]["version"], 1);
    let count = |t: &str| records.iter().filter(|r| r["type"] == t).count();
    assert_eq!(
        count("article"),
        records[0]["articles"].as_u64().unwrap() as usize
    );
    assert_eq!(
        count("flag"),
        records[0]["flags"].as_u64().unwrap() as usize
    );
    // The same records as the JSON object's.
    let (whole, _) = json(&["check", "--format", "json", "data/examples/quake"]);
    let mut flag = records
        .iter()
        .find(|r| r["type"] == "flag")
        .unwrap()
        .clone();
    flag.as_object_mut().unwrap().remove("type");
    assert_eq!(flag, whole["flags"][0]);
    insta::assert_snapshot!("check_quake_jsonl", r.stdout);
}

#[test]
fn csv_has_one_row_per_flag() {
    let r = run(&["check", "--format", "csv", "data/examples/quake"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let (whole, _) = json(&["check", "--format", "json", "data/examples/quake"]);
    let flags = whole["flags"].as_array().unwrap().len();
    // Records end in CRLF; quoted fields hold no line breaks here.
    assert_eq!(r.stdout.matches("\r\n").count(), flags + 1);
    assert!(r.stdout.starts_with("id,severity,rule,kind,status,"));
    insta::assert_snapshot!("check_quake_csv", r.stdout);
    let claims = run(&["extract", "--format", "csv", "data/examples/quake"]);
    assert!(
        claims
            .stdout
            .starts_with("id,article,outlet,published,text,min,max,")
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = run(&["check", "--width", "100", "data/examples/quake"]);
    assert!(!plain.stdout.contains('\x1b'));
    let coloured = run(&[
        "check",
        "--width",
        "100",
        "--color",
        "always",
        "data/examples/quake",
    ]);
    assert!(coloured.stdout.contains("\x1b["), "{}", coloured.stdout);
    // NO_COLOR wins over auto, not over an explicit --color always.
    let out = crosscheck()
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--width",
            "100",
            "--color",
            "auto",
            "data/examples/quake",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
        .current_dir(root())
        // More than a pipe's buffer holds, so the writer meets the hang-up.
        .args([
            "extract",
            "--format",
            "jsonl",
            "--all",
            "tests/corpus/iran/articles",
            "tests/corpus/civic/articles",
            "tests/corpus/conflict/articles",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then hang up, as `| head -c1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(stderr.is_empty(), "{stderr}");
    assert!(status.success(), "{status:?}");
}
