//! Expanding command-line paths into the files to read.

use std::path::{Path, PathBuf};

use super::{InputError, format_of};

/// Adds `path` (a file) or the readable files under it (a folder, walked
/// recursively, hidden entries skipped) to `out`, in sorted order.
pub(super) fn collect(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(InputError::new(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    if meta.is_dir() {
        walk_dir(path, out, errors);
    } else {
        // A file named explicitly is read whatever its name; the loader
        // reports an unsupported type.
        out.push(path.to_path_buf());
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::new(
                &dir.display().to_string(),
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !is_hidden(p))
        .collect();
    paths.sort();
    for p in paths {
        // symlink_metadata: do not follow links to folders (no cycles).
        let Ok(meta) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            walk_dir(&p, out, errors);
        } else if format_of(&p).is_some() && (meta.is_file() || p.is_file()) {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_sorted_and_hidden_or_foreign_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::create_dir(root.join(".git")).unwrap();
        for f in [
            "b.md",
            "a.txt",
            "sub/c.jsonl",
            ".hidden.md",
            ".git/x.md",
            "notes.pdf",
            "d.html",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let mut out = Vec::new();
        let mut errors = Vec::new();
        collect(root, &mut out, &mut errors);
        let names: Vec<String> = out
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b.md", "d.html", "sub/c.jsonl"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        collect(Path::new("/no/such/place"), &mut out, &mut errors);
        assert!(out.is_empty());
        assert!(errors[0].message.starts_with("cannot read"));
    }
}
