//! Checks the current `.proto` files against the committed baseline
//! (`baseline/orbit.binpb`) and fails listing every breaking change. With
//! `UPDATE_PROTO_BASELINE=1` it rewrites the baseline instead; see README.md for when to.

use std::{env, fs, path::PathBuf};

use orbit_proto::compat::breaking_changes;
use prost::Message as _;
use prost_types::FileDescriptorSet;

fn baseline_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("baseline/orbit.binpb")
}

/// The current set without source info: comments and spans do not affect compatibility, so
/// editing a comment leaves the committed baseline unchanged.
fn current() -> FileDescriptorSet {
    let mut set = orbit_proto::file_descriptor_set();
    for file in &mut set.file {
        file.source_code_info = None;
    }
    set
}

#[test]
fn protos_have_no_breaking_change_against_the_baseline() {
    let path = baseline_path();
    let current = current();

    if env::var_os("UPDATE_PROTO_BASELINE").is_some_and(|v| v == "1") {
        fs::write(&path, current.encode_to_vec())
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        eprintln!("rewrote {}", path.display());
        return;
    }

    let bytes = fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read baseline {}: {e}; create it with \
             `UPDATE_PROTO_BASELINE=1 cargo test -p orbit-proto --test baseline`",
            path.display()
        )
    });
    let baseline = FileDescriptorSet::decode(bytes.as_slice()).unwrap_or_else(|e| {
        panic!(
            "baseline {} is not a FileDescriptorSet: {e}",
            path.display()
        )
    });

    let changes = breaking_changes(&baseline, &current);
    assert!(
        changes.is_empty(),
        "{} breaking change(s) against {}:\n  {}\n\
         Keep the old element (add a new field, message or RPC instead), or, if breaking is \
         intended, update the baseline: see proto/README.md",
        changes.len(),
        path.display(),
        changes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n  "),
    );
}
