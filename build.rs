//! Rebuilds `orbit` when the GUI bundle changes: `src/gui.rs` embeds `gui/dist`, and a new
//! build of the GUI brings files with new (hashed) names that the embedding cannot know to
//! watch by itself.

fn main() {
    println!("cargo:rerun-if-changed=gui/dist");
    println!("cargo:rerun-if-changed=build.rs");
}
