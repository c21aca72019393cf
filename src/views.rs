//! `orbit views rebuild PROJECT_ID/NAME`: empties a materialised view and folds the whole
//! change log into it again, run against the store directly. A running `orbit serve` is
//! safe meanwhile: both fold under compare-and-set on the view's checkpoint, so each event
//! lands once whichever process commits it.

use orbit_cdc::view::{ViewConfig, ViewEngine};
use orbit_system::store::Store;

use crate::cli::ViewsCommand;
use crate::config::Config;

/// Runs one `orbit views` command.
pub(crate) async fn run(config: Config, command: ViewsCommand) -> anyhow::Result<()> {
    let store = crate::store::open(&config).await?;
    let result = match command {
        ViewsCommand::Rebuild { view } => rebuild(&store, &view).await,
    };
    store.close().await;
    result
}

async fn rebuild(store: &Store, view: &str) -> anyhow::Result<()> {
    let (project_id, name) = view.split_once('/').ok_or_else(|| {
        anyhow::anyhow!("{view:?} is not a view; name it PROJECT_ID/NAME, e.g. 01J.../by_status")
    })?;
    let engine = ViewEngine::open(store, ViewConfig::default()).await?;
    let started = engine.rebuild(project_id, name).await?;
    println!(
        "rebuilding view {project_id}/{name} (generation {}) from the start of the {} log, \
         {} events",
        started.generation, started.spec.module, started.head_seq
    );
    let done = engine.catch_up(project_id, name).await?;
    println!(
        "done: {} rows, folded through sequence {}",
        done.rows, done.checkpoint_seq
    );
    Ok(())
}
