//! The databases whose change feeds clients may follow and views may fold: the compiled-in
//! modules that serve records, and user modules while they exist (added and removed at run
//! time). Cheap to clone; clones share the list.

use std::sync::{Arc, RwLock};

/// The databases feeds and views may read.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    names: Arc<RwLock<Vec<String>>>,
}

impl Sources {
    pub fn new(names: impl IntoIterator<Item = impl Into<String>>) -> Sources {
        Sources {
            names: Arc::new(RwLock::new(names.into_iter().map(Into::into).collect())),
        }
    }

    /// Whether `name` is one.
    pub fn contains(&self, name: &str) -> bool {
        self.names
            .read()
            .expect("sources")
            .iter()
            .any(|n| n == name)
    }

    /// Adds `name` (a user module's database).
    pub fn add(&self, name: &str) {
        let mut names = self.names.write().expect("sources");
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }

    /// Removes `name`.
    pub fn remove(&self, name: &str) {
        self.names.write().expect("sources").retain(|n| n != name);
    }

    /// The names, comma-separated, for messages.
    pub fn listed(&self) -> String {
        self.names.read().expect("sources").join(", ")
    }
}
