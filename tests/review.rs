//! Review as a user does it: check, decide on flags, re-run, and find the
//! decisions still attached; decisions files are never half-written.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// The command, run in `dir` (where the default decisions file lives),
/// with a fixed clock and reviewer.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .current_dir(dir)
        .env("CROSSCHECK_NOW", "2026-12-07T20:30:00Z")
        .env("CROSSCHECK_REVIEWER", "ana")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

/// A working folder with a copy of the quake example corpus in `articles/`.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for e in std::fs::read_dir(root().join("data/examples/quake")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), articles.join(e.file_name())).unwrap();
    }
    dir
}

fn flags(dir: &Path) -> Vec<Value> {
    let r = run_in(
        dir,
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "articles",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    v["flags"].as_array().unwrap().clone()
}

fn flag<'a>(flags: &'a [Value], id: &str) -> &'a Value {
    flags
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("flag {id} not found"))
}

#[test]
fn a_dismissal_survives_a_new_article_and_every_format_shows_it() {
    let dir = corpus();
    let d = dir.path();
    let before = flags(d);
    assert!(before.len() >= 3, "the quake corpus raises flags");
    assert!(before.iter().all(|f| f["status"] == "open"));
    let id = before[0]["id"].as_str().unwrap().to_string();
    let accepted = before[1]["id"].as_str().unwrap().to_string();

    // Dismiss by a prefix of the id, with a note.
    let r = run_in(
        d,
        &[
            "review",
            "dismiss",
            &id[..10],
            "articles",
            "--note",
            "province vs district: not the same count",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("dismissed {id}")),
        "{}",
        r.stdout
    );
    let r = run_in(d, &["review", "accept", &accepted, "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    // One more article: a later report of the same quake.
    std::fs::write(
        d.join("articles/06-late-wire.md"),
        "---\nid: wire-quake-0320\noutlet: Example Wire\npublished: 2025-03-20\n---\n\
         HERAT, March 20 (Example Wire) - Aid agencies said on Thursday that 40,000 people \
         were still living in tents in Herat province ten days after the earthquake.\n",
    )
    .unwrap();
    let after = flags(d);
    let f = flag(&after, &id);
    assert_eq!(f["status"], "dismissed");
    assert_eq!(f["decision"]["by"], "ana");
    assert_eq!(f["decision"]["at"], "2026-12-07T20:30:00Z");
    assert_eq!(
        f["decision"]["note"],
        "province vs district: not the same count"
    );
    assert_eq!(flag(&after, &accepted)["status"], "accepted");

    // Every format shows the decision.
    for (format, want) in [
        ("table", "dismissed"),
        (
            "markdown",
            "Decision: dismissed by ana, 2026-12-07: province vs district",
        ),
        (
            "csv",
            "dismissed,ana,2026-12-07T20:30:00Z,province vs district",
        ),
        ("jsonl", "\"status\":\"dismissed\""),
        ("html", "dismissed"),
    ] {
        let r = run_in(d, &["check", "-f", format, "--width", "100", "articles"]);
        assert!(r.stdout.contains(want), "{format}: {}", r.stdout);
    }

    // Hidden when asked; counted in the summary.
    let r = run_in(
        d,
        &["check", "--hide-dismissed", "--width", "100", "articles"],
    );
    assert!(!r.stdout.contains(&id[..10]), "{}", r.stdout);
    assert!(r.stdout.contains("1 dismissed hidden"), "{}", r.stdout);

    // `review` lists open flags only.
    let r = run_in(d, &["review", "--width", "100", "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains(&id[..10]));
    assert!(!r.stdout.contains(&accepted[..10]));

    // Reopen: open again, and the file says who reopened it.
    let r = run_in(d, &["review", "reopen", &id, "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(flag(&flags(d), &id)["status"], "open");
}

#[test]
fn a_decision_whose_flag_stops_firing_is_stale() {
    let dir = corpus();
    let d = dir.path();
    let id = flags(d)[0]["id"].as_str().unwrap().to_string();
    let r = run_in(d, &["review", "accept", &id, "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Remove every article: no flag fires any more.
    for e in std::fs::read_dir(d.join("articles")).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().unwrap() != "01-wire-2025-03-10.md" {
            std::fs::remove_file(p).unwrap();
        }
    }
    let r = run_in(d, &["check", "--format", "json", "articles"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["stale_decisions"][0]["id"], id.as_str());
    assert_eq!(v["stale_decisions"][0]["status"], "accepted");
    let r = run_in(d, &["check", "--width", "100", "articles"]);
    assert!(r.stdout.contains("Stale decisions"), "{}", r.stdout);
    assert!(r.stdout.contains("1 stale decision"), "{}", r.stdout);
}

#[test]
fn dismissed_flags_do_not_fail_the_run() {
    let dir = corpus();
    let d = dir.path();
    let all = flags(d);
    for f in &all {
        let r = run_in(
            d,
            &[
                "review",
                "dismiss",
                f["id"].as_str().unwrap(),
                "articles",
                "-m",
                "checked by hand",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let r = run_in(d, &["check", "--fail-on", "info", "articles"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn review_mistakes_are_clear_errors() {
    let dir = corpus();
    let d = dir.path();
    let id = flags(d)[0]["id"].as_str().unwrap().to_string();
    let r = run_in(d, &["review", "dismiss", &id, "articles"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("needs a note"), "{}", r.stderr);
    let r = run_in(d, &["review", "accept", "f-00000000", "articles"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no flag f-00000000"), "{}", r.stderr);
    let r = run_in(d, &["review", "accept", "f-", "articles"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("give more of it"), "{}", r.stderr);
    assert!(!d.join("crosscheck-decisions.yaml").exists());

    // A broken decisions file is a located error, and is left as it was.
    let broken = "version: 1\ndecisions:\n  - flag: f-1\n    status: maybe\n    by: a\n    at: t\n";
    std::fs::write(d.join("crosscheck-decisions.yaml"), broken).unwrap();
    let r = run_in(d, &["review", "accept", &id, "articles"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("crosscheck-decisions.yaml:4:13"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("unknown status `maybe`"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("crosscheck-decisions.yaml")).unwrap(),
        broken
    );
}

#[test]
fn explain_shows_the_flag_its_evidence_and_its_trace() {
    let dir = corpus();
    let d = dir.path();
    let id = flags(d)[0]["id"].as_str().unwrap().to_string();
    let r = run_in(
        d,
        &[
            "review",
            "dismiss",
            &id,
            "articles",
            "-m",
            "two different counts",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(d, &["explain", &id[..8], "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = r.stdout.replace(d.to_str().unwrap(), "[dir]");
    insta::assert_snapshot!("explain_plain", out);
    // Colour only when asked (or on a terminal without NO_COLOR).
    assert!(!out.contains('\x1b'));
    let r = run_in(d, &["explain", &id, "articles", "--color", "always"]);
    assert!(r.stdout.contains("\x1b[1;33m"), "{}", r.stdout);
}

/// The decisions file is written to a temporary file and renamed into
/// place: killed at any moment, the process leaves the old file or the new
/// one, never a truncated one, and no temporary file behind once it ends.
#[test]
fn a_killed_review_never_leaves_a_half_written_decisions_file() {
    let dir = corpus();
    let d = dir.path();
    let ids: Vec<String> = flags(d)
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    let started = std::time::Instant::now();
    let r = run_in(d, &["review", "accept", &ids[0], "articles"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Kill times spread over a whole run, the write at its end included.
    let whole = started.elapsed();
    let rounds = 16u32;
    let path = d.join("crosscheck-decisions.yaml");
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let mut changed = 0;
    for round in 0..rounds {
        let before = std::fs::read_to_string(&path).unwrap();
        let mut child = std::process::Command::new(&bin)
            .current_dir(d)
            .env("CROSSCHECK_NOW", format!("2026-12-07T20:{round:02}:00Z"))
            .args([
                "review",
                "dismiss",
                &ids[(round as usize) % ids.len()],
                "articles",
                "-m",
                &format!("round {round}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * (round + 4) / (rounds + 2));
        let _ = child.kill();
        let _ = child.wait();
        let after = std::fs::read_to_string(&path).unwrap();
        let parsed = crosscheck::review::Decisions::parse("d.yaml", &after);
        assert!(parsed.is_ok(), "round {round}: {after}");
        assert!(
            after == before || after.contains(&format!("round {round}")),
            "round {round}: neither the old file nor the new one:\n{after}"
        );
        changed += usize::from(after != before);
    }
    // Some runs were killed before writing, and some finished.
    assert!(changed < rounds as usize, "no run was killed in time");
    // Let a last run finish: nothing but the decisions file and the articles remain.
    let r = run_in(d, &["review", "accept", &ids[0], "articles"]);
    assert_eq!(r.code, 0);
    let mut names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains("crosscheck-tmp"))
        .collect();
    names.sort();
    assert_eq!(names, ["articles", "crosscheck-decisions.yaml"]);
}
