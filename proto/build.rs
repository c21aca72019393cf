//! Compiles every `.proto` under `orbit/` with protox (pure Rust, no `protoc` needed), writes
//! the encoded `FileDescriptorSet` (imports and source info included, so comments survive for
//! reflection, CLI help and the GUI) to `OUT_DIR`, and generates the Rust messages and tonic
//! services from that same set. It reads nothing outside this crate's folder.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

/// Name of the encoded descriptor set in `OUT_DIR`; `src/lib.rs` includes it.
const DESCRIPTOR_SET_FILE: &str = "orbit_descriptor_set.binpb";

fn main() {
    if let Err(error) = run() {
        // protox errors carry file, line and column in their Display form.
        panic!("orbit-proto build failed: {error}");
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    let proto_dir = crate_dir.join("orbit");

    println!("cargo:rerun-if-changed={}", proto_dir.display());
    println!("cargo:rerun-if-changed=build.rs");

    let mut files = Vec::new();
    collect_protos(&proto_dir, &mut files)?;
    // Sorted, so the descriptor set and the generated code do not depend on directory order.
    files.sort();

    // The include root is the crate folder, so files are named `orbit/<area>/v1/<file>.proto`,
    // the same name they are imported by. google/protobuf/* comes with protox.
    let mut compiler = protox::Compiler::new([&crate_dir])?;
    compiler
        .include_source_info(true)
        .include_imports(true)
        .open_files(&files)?;
    // Encoded by protox itself: going through prost_types would drop custom options such as
    // `(orbit.system.v1.access)`, which the auth layer reads from this set.
    fs::write(
        out_dir.join(DESCRIPTOR_SET_FILE),
        compiler.encode_file_descriptor_set(),
    )?;
    let fds = compiler.file_descriptor_set();

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;
    Ok(())
}

/// Appends every `.proto` file under `dir`, recursively, to `files`.
fn collect_protos(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_protos(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "proto") {
            files.push(path);
        }
    }
    Ok(())
}
