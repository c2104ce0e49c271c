//! Test helpers: read a fixture folder into a `SourceTree`, as xtask does for real content.

use std::fs;
use std::path::{Path, PathBuf};

use content::SourceTree;

/// `tests/fixtures/<relative>`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// Reads a fixture folder; messages name files relative to it.
pub fn load(dir: &Path) -> SourceTree {
    let mut tree = SourceTree::new("");
    add(&mut tree, dir, "");
    tree
}

fn add(tree: &mut SourceTree, dir: &Path, prefix: &str) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable entry"))
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let relative = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = entry.path();
        if path.is_dir() {
            add(tree, &path, &relative);
        } else if name == "expected.txt" {
            // The fixture's expected messages, not content.
        } else if name.ends_with(".toml") || name.ends_with(".md") {
            tree.add_file(relative, fs::read_to_string(&path).expect("UTF-8 text"));
        } else {
            tree.add_asset(relative);
        }
    }
}
