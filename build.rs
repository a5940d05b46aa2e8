//! Embeds the default rule pack: lists every `*.yaml` under `rules/` so a
//! new rule file needs no code change.

use std::fmt::Write as _;
use std::path::PathBuf;

// The same walk the library uses for `--rules DIR`.
#[path = "src/rules/walk.rs"]
mod walk;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    walk::collect_yaml(&rules, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .expect("under the package")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.to_string_lossy()
        )
        .expect("writing to a String");
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("default_rules.rs"), code).expect("writing default_rules.rs");
}
