//! Finding rule files in a folder. Shared with `build.rs`, which embeds
//! the default pack, so it uses only the standard library.

use std::path::{Path, PathBuf};

/// Appends every `*.yaml` / `*.yml` file under `dir` (recursively, hidden
/// entries skipped) to `out`, unsorted.
pub fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(p);
        }
    }
}
