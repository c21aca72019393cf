//! Where a database lives: one engine (a SQLite file, or a PostgreSQL schema) with its own
//! group committer, SQLite checkpointer and point reader. The *main* home holds the key ring,
//! the placement of every database and the system's databases; each module database lives in
//! a home of its own (`<data dir>/<name>.db`, or schema `orbit_<name>`), created on first
//! use, so that its data can later move with the module.
//!
//! This file decides names and paths and starts or stops committers; it never writes SQL and
//! never sees a key.

use std::path::Path;
use std::sync::Arc;

use crate::store::StoreError;
use crate::store::backend::Backend;
use crate::store::config::StoreLocation;
use crate::store::heads::Heads;
use crate::store::hlc::Hlc;
use crate::store::writer::Writer;
use crate::store::{postgres, sqlite};

/// Longest identifier PostgreSQL keeps (longer ones are silently truncated).
const PG_MAX_IDENTIFIER: usize = 63;

/// One engine and the group committer that writes to it.
pub(crate) struct Home {
    pub(crate) backend: Arc<dyn Backend>,
    writer: std::sync::Mutex<Option<Writer>>,
    task: tokio::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Home {
    /// Starts the group committer of `backend`.
    pub(crate) fn start(
        backend: Arc<dyn Backend>,
        clock: Arc<Hlc>,
        heads: Arc<Heads>,
        max_group: usize,
    ) -> Arc<Home> {
        let (writer, task) = Writer::spawn(backend.clone(), clock, heads, max_group);
        Arc::new(Home {
            backend,
            writer: std::sync::Mutex::new(Some(writer)),
            task: tokio::sync::Mutex::new(Some(task)),
        })
    }

    /// The committer's queue; [`StoreError::Closed`] once closed.
    pub(crate) fn writer(&self) -> Result<Writer, StoreError> {
        self.writer
            .lock()
            .expect("writer lock")
            .clone()
            .ok_or(StoreError::Closed)
    }

    /// Waits for queued writes to commit, stops the committer and closes the engine.
    pub(crate) async fn close(&self) {
        let writer = self.writer.lock().expect("writer lock").take();
        drop(writer);
        if let Some(task) = self.task.lock().await.take() {
            if let Err(error) = task.await {
                tracing::error!(location = self.backend.location(), %error, "group committer ended abnormally");
            }
        }
        self.backend.close().await;
    }
}

/// Opens the engine at `location`, creating a SQLite file (and its directory) if missing.
pub(crate) async fn open_backend(
    location: &StoreLocation,
    full_sync: bool,
) -> Result<Arc<dyn Backend>, StoreError> {
    Ok(match location {
        StoreLocation::Sqlite { path } => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                create_private_dir(parent)?;
            }
            Arc::new(sqlite::SqliteBackend::open(path, full_sync).await?)
        }
        StoreLocation::Postgres { url, schema } => {
            Arc::new(postgres::PgBackend::open(url, schema.as_deref()).await?)
        }
    })
}

/// Where module database `name` lives apart from the main store at `main`, as recorded in
/// the main store: on SQLite the file name `<name>.db` beside the main file, on PostgreSQL
/// the schema `orbit_<name>` (or `<schema>_<name>` when the main store has its own schema,
/// so stores sharing one PostgreSQL database never share a module's schema). `-` and `.` in
/// a name become `_` in a schema name.
pub(crate) fn apart_location(main: &StoreLocation, name: &str) -> Result<String, StoreError> {
    match main {
        StoreLocation::Sqlite { path } => {
            let file = format!("{name}.db");
            if path.file_name().is_some_and(|main| main == file.as_str()) {
                return Err(StoreError::invalid(
                    "database name",
                    format!(
                        "{name:?}: its own file would be the main store's file {}",
                        path.display()
                    ),
                ));
            }
            Ok(file)
        }
        StoreLocation::Postgres { schema, .. } => {
            let base: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let schema = match schema {
                Some(main) => format!("{main}_{base}"),
                None => format!("orbit_{base}"),
            };
            if schema.len() > PG_MAX_IDENTIFIER {
                return Err(StoreError::invalid(
                    "database name",
                    format!(
                        "{name:?}: its schema {schema} is longer than PostgreSQL's {PG_MAX_IDENTIFIER} characters"
                    ),
                ));
            }
            Ok(schema)
        }
    }
}

/// The engine location of a database recorded to live at `location` (see
/// [`apart_location`]), beside the main store at `main`.
pub(crate) fn resolve(main: &StoreLocation, location: &str) -> StoreLocation {
    match main {
        StoreLocation::Sqlite { path } => StoreLocation::Sqlite {
            path: path
                .parent()
                .unwrap_or_else(|| Path::new(""))
                .join(location),
        },
        StoreLocation::Postgres { url, .. } => StoreLocation::Postgres {
            url: url.clone(),
            schema: Some(location.to_owned()),
        },
    }
}

/// What to print for `location`: the file's path, or the schema's name.
pub(crate) fn describe(location: &StoreLocation) -> String {
    match location {
        StoreLocation::Sqlite { path } => path.display().to_string(),
        StoreLocation::Postgres { url, schema } => format!(
            "schema {} of {}",
            schema.as_deref().unwrap_or("(default)"),
            postgres::redact_url(url)
        ),
    }
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::Corrupt {
        path: dir.display().to_string(),
        reason: format!("cannot create the data directory: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_locations() {
        let sqlite = StoreLocation::Sqlite {
            path: "/data/orbit.db".into(),
        };
        assert_eq!(apart_location(&sqlite, "chat").unwrap(), "chat.db");
        let err = apart_location(&sqlite, "orbit").unwrap_err();
        assert!(err.to_string().contains("orbit.db"), "{err}");
        assert!(
            matches!(resolve(&sqlite, "chat.db"), StoreLocation::Sqlite { path } if path == Path::new("/data/chat.db"))
        );
        let pg = |schema: Option<&str>| StoreLocation::Postgres {
            url: "postgres://u:secret@h/db".into(),
            schema: schema.map(str::to_owned),
        };
        assert_eq!(apart_location(&pg(None), "chat").unwrap(), "orbit_chat");
        assert_eq!(
            apart_location(&pg(Some("t1")), "my-mod.v2").unwrap(),
            "t1_my_mod_v2"
        );
        let err = apart_location(&pg(None), &"x".repeat(60)).unwrap_err();
        assert!(err.to_string().contains("63"), "{err}");
        assert!(!describe(&resolve(&pg(None), "orbit_chat")).contains("secret"));
    }
}
