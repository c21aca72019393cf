//! `orbit views …`, run against the store directly: `rebuild PROJECT_ID/NAME` empties a
//! materialised view and folds the whole change log into it again; `status [PROJECT_ID/NAME]`
//! shows how each view stands (folding or stalled at a change event that cannot be read);
//! `skip PROJECT_ID/NAME --seq N` moves a stalled view past exactly that event once an
//! operator has inspected it. A running `orbit serve` is safe meanwhile: every change of a
//! view's checkpoint is a compare-and-set, so each event lands once (or, skipped, never)
//! whichever process commits it, and a stalled runner sees a skip within its poll.

use orbit_cdc::view::{ViewEngine, ViewInfo};
use orbit_i18n::tr;
use orbit_system::store::Store;

use crate::cli::ViewsCommand;
use crate::config::Config;

/// Runs one `orbit views` command.
pub(crate) async fn run(config: Config, command: ViewsCommand) -> anyhow::Result<()> {
    let store = crate::store::open(&config).await?;
    let result = match command {
        ViewsCommand::Rebuild { view } => rebuild(&store, &view).await,
        ViewsCommand::Skip { view, seq } => skip(&store, &view, seq).await,
        ViewsCommand::Status { view } => status(&store, view.as_deref()).await,
    };
    store.close().await;
    result
}

/// `PROJECT_ID/NAME` split in two.
fn view_name(view: &str) -> anyhow::Result<(&str, &str)> {
    view.split_once('/').ok_or_else(|| {
        anyhow::anyhow!("{view:?} is not a view; name it PROJECT_ID/NAME, e.g. 01J.../by_status")
    })
}

async fn skip(store: &Store, view: &str, seq: u64) -> anyhow::Result<()> {
    let (project_id, name) = view_name(view)?;
    let engine = ViewEngine::open(store, crate::cdc::view_config()).await?;
    let info = engine.skip(project_id, name, seq).await?;
    println!(
        "skipped change event {seq} of the {} log for view {project_id}/{name}; it folds on \
         from there (skipped so far: {})",
        info.spec.module,
        seqs(&info.skipped_seqs)
    );
    Ok(())
}

async fn status(store: &Store, view: Option<&str>) -> anyhow::Result<()> {
    let engine = ViewEngine::open(store, crate::cdc::view_config()).await?;
    let infos = match view {
        Some(view) => {
            let (project_id, name) = view_name(view)?;
            vec![engine.get(project_id, name).await?]
        }
        None => engine.list_all().await?,
    };
    if infos.is_empty() {
        println!("{}", tr!("views-none"));
    }
    for info in &infos {
        println!("{}", status_line(info));
    }
    Ok(())
}

/// One view's status, one line: name, state, checkpoint, head, rows, then the stall and
/// skipped events if any.
fn status_line(info: &ViewInfo) -> String {
    let state = if info.stalled.is_some() {
        "stalled"
    } else {
        "folding"
    };
    let mut line = format!(
        "{}/{}\t{state}\tcheckpoint {}\thead {}\trows {}",
        info.project_id, info.spec.name, info.checkpoint_seq, info.head_seq, info.rows
    );
    if let Some(stall) = &info.stalled {
        line.push_str(&format!("\tstalled at {}: {stall}", stall.seq));
    }
    if !info.skipped_seqs.is_empty() {
        line.push_str(&format!("\tskipped {}", seqs(&info.skipped_seqs)));
    }
    line
}

fn seqs(seqs: &[u64]) -> String {
    if seqs.is_empty() {
        return "none".into();
    }
    seqs.iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

async fn rebuild(store: &Store, view: &str) -> anyhow::Result<()> {
    let (project_id, name) = view_name(view)?;
    let engine = ViewEngine::open(store, crate::cdc::view_config()).await?;
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
