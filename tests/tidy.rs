//! Repository hygiene that a reviewer would otherwise have to remember: every Rust file
//! opens with a `//!` doc saying what it owns, and no file names a path of a particular
//! machine.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_with_extension(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !matches!(
                name.as_ref(),
                "target" | "node_modules" | ".git" | "orbit-data"
            ) && !name.starts_with('.')
            {
                files_with_extension(&path, extension, out);
            }
        } else if name.ends_with(extension) {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let mut files = Vec::new();
    files_with_extension(&repo_root(), ".rs", &mut files);
    assert!(files.len() > 10, "found the sources");
    let missing: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| {
            path.strip_prefix(repo_root())
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "these files need a `//!` doc at the top saying what they own: {missing:#?}"
    );
}

#[test]
fn no_machine_specific_paths() {
    let mut files = Vec::new();
    for extension in [".rs", ".toml", ".md", ".proto", ".sql", ".sh"] {
        files_with_extension(&repo_root(), extension, &mut files);
    }
    let forbidden = ["/home/", "/work/main", "/Users/"];
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| !path.ends_with("tests/tidy.rs"))
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            forbidden.iter().any(|needle| text.contains(needle))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "machine-specific paths in: {offenders:#?}"
    );
}
