//! The bundled sample corpus: the project's three seed articles, embedded so
//! that `crosscheck check` works from any folder.

/// Where the sample corpus lives in the repository; shown as the articles' path.
pub const SAMPLE_CORPUS_DIR: &str = "data/articles";

const FILES: &[(&str, &str)] = &[
    (
        "data/articles/seed-000-iran-refuses-ceasefire.md",
        include_str!("../../data/articles/seed-000-iran-refuses-ceasefire.md"),
    ),
    (
        "data/articles/seed-003-iran-rejects-us-talks.md",
        include_str!("../../data/articles/seed-003-iran-rejects-us-talks.md"),
    ),
    (
        "data/articles/seed-004-iran-refuses-nuclear-talks.md",
        include_str!("../../data/articles/seed-004-iran-refuses-nuclear-talks.md"),
    ),
];

/// (path, contents) of each sample article, sorted by path.
pub(super) fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_list_matches_the_folder() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| format!("data/articles/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = super::files().map(|(p, _)| p).collect();
        assert_eq!(
            on_disk, embedded,
            "add new sample articles to src/input/sample.rs"
        );
    }
}
