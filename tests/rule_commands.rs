//! `crosscheck rules explain|test|validate|new|schema`, suppressions and
//! baselines, as a user runs them.

use assert_cmd::Command;
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Run {
    run_in(root(), args)
}

const QUAKE: &str = "data/examples/quake";

fn flags(args: &[&str]) -> (Vec<Value>, Value, Run) {
    let r = run(args);
    let v: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", r.stdout, r.stderr));
    (v["flags"].as_array().unwrap().clone(), v, r)
}

#[test]
fn rules_test_passes_for_the_default_pack() {
    let r = run(&["rules", "test"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let last = r.stdout.lines().last().unwrap();
    assert!(last.ends_with(" 0 failed"), "{last}");
    assert!(!r.stdout.contains("rules without examples"), "{}", r.stdout);
}

#[test]
fn rules_test_shows_a_failing_example_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    std::fs::write(
        dir.path().join("desk/strict.yaml"),
        r#"kind: figure-mismatch
severity: error
summary: Any difference in a toll
description: A strict desk rule.
message: "{a.text} vs {b.text}"
params:
  tolerance: 0.0
  checks: [same-time]
examples:
  - name: a five per cent difference is flagged
    expect: flag
    figures: ["1,000", "1,030"]
    articles:
      - { published: 2025-06-15, text: "The ministry said 1,000 people were killed in Gaza." }
      - { published: 2025-06-15, text: "Officials said 1,030 people were killed in Gaza." }
  - name: this example is wrong on purpose
    expect: no-flag
    articles:
      - { published: 2025-06-15, text: "The ministry said 1,000 people were killed in Gaza." }
      - { published: 2025-06-15, text: "Officials said 1,030 people were killed in Gaza." }
"#,
    )
    .unwrap();
    let r = run(&["rules", "test", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let shown = r.stdout.replace(dir.path().to_str().unwrap(), "DIR");
    insta::assert_snapshot!("rules_test_failure", shown);
}

#[test]
fn rules_explain_prints_description_parameters_and_examples() {
    let r = run(&["rules", "explain", "figures/running-toll-fell"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("rules_explain", r.stdout);
    let r = run(&["rules", "explain", "figures/no-such-rule"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no rule `figures/no-such-rule`"),
        "{}",
        r.stderr
    );
}

#[test]
fn rules_validate_accepts_the_default_pack() {
    let r = run(&["rules", "validate", "rules"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(" rules valid ("), "{}", r.stdout);
}

#[test]
fn rules_new_writes_a_template_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let r = run(&["rules", "new", "desk/my-rule", "--dir", d]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(dir.path().join("desk/my-rule.yaml")).unwrap();
    assert!(text.contains("kind: figure-mismatch"));
    assert!(text.starts_with("# yaml-language-server: $schema="));
    let r = run(&["rules", "validate", d]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Never overwrites.
    let r = run(&["rules", "new", "desk/my-rule", "--dir", d]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not overwriting"), "{}", r.stderr);
    // Bad names and kinds are errors.
    assert_eq!(run(&["rules", "new", "NoFamily", "--dir", d]).code, 2);
    assert_eq!(
        run(&["rules", "new", "desk/x", "--kind", "nope", "--dir", d]).code,
        2
    );
}

#[test]
fn rules_schema_is_the_committed_one() {
    let r = run(&["rules", "schema"]);
    assert_eq!(r.code, 0);
    let committed = std::fs::read_to_string(root().join("docs/rule.schema.json")).unwrap();
    assert_eq!(r.stdout, committed);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["properties"]["kind"]["enum"].as_array().unwrap().len(), 8);
}

#[test]
fn flags_carry_a_machine_readable_trace_and_evidence() {
    let (flags, v, _) = flags(&["check", "-f", "json", QUAKE]);
    let fell = flags
        .iter()
        .find(|f| f["rule"] == "figures/running-toll-fell")
        .expect("the quake toll falls from 1,200 to 1,100");
    let t = &fell["trace"];
    assert_eq!(t["compared"]["metric"], "killed");
    assert_eq!(t["compared"]["relation"], "same");
    assert_eq!(t["days_apart"], 5);
    assert_eq!(t["tolerance"], 0.05);
    assert_eq!(t["gap"], 100);
    let figures = t["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0]["min"], 1200);
    assert_eq!(figures[0]["as_of"], "2025-03-10");
    assert_eq!(figures[1]["min"], 1100);
    let ev = fell["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0]["text"], "1,200");
    assert!(ev[0]["sentence"].as_str().unwrap().contains("1,200"));
    // Offsets point into the article body.
    let claim = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == ev[0]["claim"])
        .unwrap();
    assert_eq!(claim["span"][0], ev[0]["start"]);
}

#[test]
fn flag_ids_are_stable_when_articles_are_added() {
    let (before, _, _) = flags(&["check", "-f", "json", QUAKE]);
    let (after, _, _) = flags(&["check", "-f", "json", QUAKE, "data/articles"]);
    let ids = |f: &[Value]| -> Vec<String> {
        let mut v: Vec<String> = f.iter().map(|f| f["id"].as_str().unwrap().into()).collect();
        v.sort();
        v
    };
    let after_ids = ids(&after);
    for id in ids(&before) {
        assert!(after_ids.contains(&id), "{id} changed");
    }
}

#[test]
fn suppressions_set_flags_aside_with_their_reason() {
    let (all, _, r) = flags(&["check", "-f", "json", QUAKE]);
    assert_eq!(r.code, 1);
    let dir = tempfile::tempdir().unwrap();
    let fell = all
        .iter()
        .find(|f| f["rule"] == "figures/running-toll-fell")
        .unwrap();
    let file = dir.path().join("suppressions.yaml");
    std::fs::write(
        &file,
        format!(
            "suppressions:\n  - flag: {}\n    reason: the ministry revised its count; checked with the desk\n  - rule: figures/part-exceeds-whole\n    article: tabloid-quake-0310\n    reason: local officials count a wider area\n",
            fell["id"].as_str().unwrap()
        ),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (left, v, r) = flags(&["check", "-f", "json", "--suppressions", f, QUAKE]);
    let rules: Vec<&str> = left.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(!rules.contains(&"figures/running-toll-fell"), "{rules:?}");
    assert!(!rules.contains(&"figures/part-exceeds-whole"), "{rules:?}");
    assert_eq!(left.len() + 2, all.len());
    let set_aside = v["suppressed"].as_array().unwrap();
    assert_eq!(set_aside.len(), 2);
    assert!(set_aside.iter().all(|s| s["by"] == "suppression"));
    assert!(
        set_aside
            .iter()
            .any(|s| s["reason"] == "the ministry revised its count; checked with the desk")
    );
    // No warning or error flags are left: exit 0 at the default --fail-on.
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn a_bad_or_stale_suppression_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.yaml");
    std::fs::write(
        &file,
        "suppressions:\n  - rule: figures/toll-mismatch\n    reason: fine\n  - rule: figures/no-such-rule\n    reason: typo\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let r = run(&["check", "--suppressions", f, QUAKE]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown rule `figures/no-such-rule`") && r.stderr.contains("s.yaml:4:"),
        "{}",
        r.stderr
    );
    std::fs::write(
        &file,
        "suppressions:\n  - rule: figures/toll-mismatch\n    article: nowhere\n    reason: an old article\n",
    )
    .unwrap();
    let r = run(&["check", "--suppressions", f, QUAKE]);
    assert!(
        r.stderr.contains("matched no flag (stale?)"),
        "{}",
        r.stderr
    );
    std::fs::write(&file, "suppressions:\n  - flag: f-1\n").unwrap();
    let r = run(&["check", "--suppressions", f, QUAKE]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("needs a `reason`"), "{}", r.stderr);
}

#[test]
fn a_baseline_reports_only_new_flags() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("baseline.json");
    let b = base.to_str().unwrap();
    // The baseline of the quake corpus alone...
    let r = run(&["check", "--write-baseline", b, QUAKE]);
    assert_eq!(r.code, 1);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    let n = written["flags"].as_array().unwrap().len();
    assert!(n > 0);
    // ...hides all of its flags on the next run,
    let (left, v, r) = flags(&["check", "-f", "json", "--baseline", b, QUAKE]);
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(v["suppressed"].as_array().unwrap().len(), n);
    assert_eq!(r.code, 0);
    // and a rewritten baseline keeps them.
    let r = run(&["check", "--baseline", b, "--write-baseline", b, QUAKE]);
    assert_eq!(r.code, 0);
    let again: Value = serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(again["flags"].as_array().unwrap().len(), n);
    // A file that is not a baseline is a located error.
    std::fs::write(&base, "{\"version\": 1, \"flags\": [{\"id\": 3}]}").unwrap();
    let r = run(&["check", "--baseline", b, QUAKE]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("baseline.json:1:"), "{}", r.stderr);
}

#[test]
fn the_default_suppressions_file_is_read_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("crosscheck-suppressions.yaml"),
        "suppressions:\n  - rule: figures/running-toll-fell\n    reason: revised count\n",
    )
    .unwrap();
    let quake = root().join(QUAKE);
    let r = run_in(
        dir.path(),
        &["check", "-f", "json", quake.to_str().unwrap()],
    );
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["flags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "figures/running-toll-fell")
    );
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
}
