//! Repository hygiene that a reviewer would otherwise have to remember: every Rust file
//! opens with a `//!` doc saying what it owns, no file names a path of a particular machine,
//! and the architecture's invariants that a text search can check hold (dependency
//! direction between crates and modules; where tonic, SQL and anyhow may appear).

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

/// The Rust files under `dir` (relative to the repository root) that contain any of
/// `needles`, as paths relative to the root.
fn files_mentioning(dir: &str, needles: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    files_with_extension(&repo_root().join(dir), ".rs", &mut files);
    files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            needles.iter().any(|needle| text.contains(needle))
        })
        .map(|path| {
            path.strip_prefix(repo_root())
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect()
}

/// ARCHITECTURE.md's invariants that a text search can hold: which crate may name which,
/// where tonic, SQL and anyhow may appear.
#[test]
fn the_architecture_invariants_hold() {
    let anyhow = ["anyhow::", "anyhow!", "use anyhow"];
    for library in [
        "proto/src",
        "system/src",
        "cdc/src",
        "module/src",
        "modules",
    ] {
        let found = files_mentioning(library, &anyhow);
        assert!(found.is_empty(), "anyhow outside the binary: {found:#?}");
    }
    // Only server/ knows tonic; store, identity, crypto and records are transport-free.
    for transport_free in [
        "system/src/store",
        "system/src/identity",
        "system/src/crypto",
        "system/src/records",
    ] {
        let found = files_mentioning(transport_free, &["tonic::", "use tonic"]);
        assert!(
            found.is_empty(),
            "tonic in a transport-free part: {found:#?}"
        );
    }
    // store/mod.rs never writes SQL: the engine adapters do.
    let handle = std::fs::read_to_string(repo_root().join("system/src/store/mod.rs")).unwrap();
    for sql in ["SELECT ", "INSERT ", "UPDATE orbit", "DELETE FROM"] {
        assert!(!handle.contains(sql), "store/mod.rs writes SQL ({sql})");
    }
    // Dependency direction: system never imports cdc, the module framework or a module;
    // cdc never imports the framework or a module; the framework never names a module; a
    // module never imports another module.
    let module_crates: Vec<String> = std::fs::read_dir(repo_root().join("modules"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().replace('-', "_"))
                .collect()
        })
        .unwrap_or_default();
    let uses = |krate: &str| vec![format!("{krate}::"), format!("use {krate}")];
    let mut forbidden: Vec<(String, Vec<String>)> = vec![
        ("system/src".into(), uses("orbit_cdc")),
        ("system/src".into(), uses("orbit_module")),
        ("cdc/src".into(), uses("orbit_module")),
    ];
    for module in &module_crates {
        let krate = format!("orbit_{module}");
        forbidden.push(("system/src".into(), uses(&krate)));
        forbidden.push(("cdc/src".into(), uses(&krate)));
        forbidden.push(("module/src".into(), uses(&krate)));
        for other in module_crates.iter().filter(|other| *other != module) {
            forbidden.push((format!("modules/{other}"), uses(&krate)));
        }
    }
    for (dir, needles) in forbidden {
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        let found = files_mentioning(&dir, &needles);
        assert!(
            found.is_empty(),
            "{dir} must not use {needles:?}: {found:#?}"
        );
    }
}
