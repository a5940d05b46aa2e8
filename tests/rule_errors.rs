//! Every malformed rule file under `tests/rules-broken/` must give a located
//! error (`path:line:column`, the line, a caret and a help line) and exit
//! code 2. The errors are pinned by snapshots: a new broken file costs no
//! code, only its snapshot (`INSTA_UPDATE=always cargo test --test rule_errors`).

use assert_cmd::Command;

#[test]
fn every_broken_rule_file_gives_a_located_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/rules-broken"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "keep at least 15 broken rule files");
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let rel = format!("tests/rules-broken/{name}.yaml");
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .current_dir(root)
            .args(["rules", "validate", &rel])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: exit code");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!("--> {rel}:")),
            "{name}: the error is not located:\n{stderr}"
        );
        assert!(
            stderr.contains("= help:"),
            "{name}: no help line:\n{stderr}"
        );
        insta::assert_snapshot!(format!("broken_{name}"), stderr);
    }
}

#[test]
fn the_same_files_fail_check_too() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("figures")).unwrap();
    std::fs::copy(
        root.join("tests/rules-broken/unknown-metric.yaml"),
        dir.path().join("figures/bad.yaml"),
    )
    .unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(root)
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg("data/articles")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown metric `kiled`"), "{stderr}");
    assert!(stderr.contains("figures/bad.yaml:7:"), "{stderr}");
    assert!(out.stdout.is_empty(), "no report from a bad rule set");
}
