//! [`ViewEngine`]: the views of one server. Persists group-by declarations, starts one
//! runner task per view (declared or registered by a module) and stops them, and serves the
//! reads, rebuilds and drops the gRPC service and the CLI ask for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use orbit_proto::orbit::cdc::v1 as pb;
use orbit_system::store::{ChangeEvent, Database, EventScope, Expect, Store, Transaction};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use super::declaration::{GroupBySpec, check_name};
use super::error::ViewError;
use super::group_by::GroupByView;
use super::layout::{
    CKPT_KEYSPACE, Checkpoint, DECL_KEYSPACE, Declared, ROW_KEYSPACE, Stall, VIEWS_DATABASE,
    generation_prefix, load_checkpoint, view_key,
};
use super::row::{Row, StoredRow};
use super::runner::{Runner, Step, Tuning, collect_step, commit_checked};
use super::{View, ViewId};
use crate::codec::{Codecs, DatabaseCodec, ValueCodec};

/// Largest page of [`ViewEngine::query`].
const MAX_PAGE: u32 = 1000;
/// Page size when a query asks for 0.
const DEFAULT_PAGE: u32 = 100;
/// Largest project id accepted.
const MAX_ID: usize = 64;
/// Times `create` retries when a collector moves the checkpoint of a dropped namesake.
const CREATE_ATTEMPTS: u32 = 20;

/// Tuning of the engine; the defaults suit a server.
#[derive(Debug, Clone)]
pub struct ViewConfig {
    /// Source events read (and folded into one transaction) per page.
    pub page: u32,
    /// How often an idle runner looks at its source without a local commit signal.
    pub poll: Duration,
    /// Keys deleted per transaction when a rebuild or drop clears old data.
    pub collect_batch: u32,
    /// The databases a declared view may fold: those that serve records (never `views`,
    /// `system` or `relay`: a view folding its own database feeds on itself forever).
    pub sources: crate::sources::Sources,
    /// How the sources' values read as records.
    pub codecs: Codecs,
}

impl Default for ViewConfig {
    fn default() -> Self {
        ViewConfig {
            page: 256,
            poll: Duration::from_secs(1),
            collect_batch: 500,
            sources: crate::sources::Sources::new([super::declaration::DEFAULT_MODULE]),
            codecs: Codecs::new([(
                super::declaration::DEFAULT_MODULE.to_owned(),
                DatabaseCodec::uniform(ValueCodec::RecordEnvelope),
            )]),
        }
    }
}

/// A declared view and how far it has folded.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewInfo {
    pub org_id: String,
    pub project_id: String,
    pub spec: GroupBySpec,
    /// The last source sequence number folded into the rows.
    pub checkpoint_seq: u64,
    /// The source's newest sequence number when asked.
    pub head_seq: u64,
    /// Live rows (groups).
    pub rows: u64,
    /// Incremented by every rebuild.
    pub generation: u64,
    /// Set while folding is stopped at a source event that cannot be read.
    pub stalled: Option<ViewStall>,
    /// Source events an operator skipped in this generation, in order.
    pub skipped_seqs: Vec<u64>,
}

/// Where a view stopped folding: a source event that cannot be read. Names only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewStall {
    /// The event's sequence number; the view's checkpoint is the one before it.
    pub seq: u64,
    pub database: String,
    pub keyspace: String,
    pub key: String,
    pub reason: String,
}

impl From<Stall> for ViewStall {
    fn from(stall: Stall) -> ViewStall {
        ViewStall {
            seq: stall.seq,
            database: stall.database,
            keyspace: stall.keyspace,
            key: stall.key,
            reason: stall.reason,
        }
    }
}

impl std::fmt::Display for ViewStall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "change event {} of database {} (keyspace {}, key {}) cannot be read: {}",
            self.seq, self.database, self.keyspace, self.key, self.reason
        )
    }
}

/// One page of [`ViewEngine::query`].
#[derive(Debug, Clone, PartialEq)]
pub struct RowPage {
    pub rows: Vec<Row>,
    /// Pass back for the next page; `None` at the end.
    pub next_page_token: Option<String>,
    /// The checkpoint the rows reflect (read before them; rows may be slightly newer).
    pub checkpoint_seq: u64,
}

/// The views of one server. Cheap to clone.
#[derive(Clone)]
pub struct ViewEngine {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for ViewEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewEngine").finish_non_exhaustive()
    }
}

struct Inner {
    store: Store,
    views: Database,
    tuning: Tuning,
    sources: crate::sources::Sources,
    codecs: Codecs,
    stop: watch::Sender<bool>,
    running: Mutex<HashMap<ViewId, Running>>,
    collectors: Mutex<Vec<JoinHandle<()>>>,
}

struct Running {
    view: Arc<dyn View>,
    nudge: Arc<Notify>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl ViewEngine {
    /// Opens the `views` database of `store`; nothing runs until [`ViewEngine::start`].
    pub async fn open(store: &Store, config: ViewConfig) -> Result<ViewEngine, ViewError> {
        let views = store.database(VIEWS_DATABASE).await?;
        Ok(ViewEngine {
            inner: Arc::new(Inner {
                store: store.clone(),
                views,
                tuning: Tuning {
                    page: config.page.max(1),
                    poll: config.poll,
                    collect_batch: config.collect_batch.max(1),
                },
                sources: config.sources,
                codecs: config.codecs,
                stop: watch::channel(false).0,
                running: Mutex::new(HashMap::new()),
                collectors: Mutex::new(Vec::new()),
            }),
        })
    }

    /// How the sources' values read (the codecs the engine was opened with).
    pub fn codecs(&self) -> &Codecs {
        &self.inner.codecs
    }

    /// The `views` database (watchers follow its feed).
    pub fn views_database(&self) -> &Database {
        &self.inner.views
    }

    /// Starts a runner for every declared view, and finishes deleting dropped ones.
    pub async fn start(&self) -> Result<(), ViewError> {
        let mut started = 0;
        for record in self.inner.views.scan_all(DECL_KEYSPACE, b"").await? {
            let declared = Declared::decode(&String::from_utf8_lossy(&record.key), &record.value)?;
            if !self.inner.sources.contains(&declared.spec.module) {
                // Declared before sources were checked: folding it could feed on an internal
                // database (its own, even). It stays listed, so that it can be dropped.
                tracing::error!(
                    view = %declared.id(),
                    source = %declared.spec.module,
                    "view not started: its source database is not one views may fold; drop it"
                );
                continue;
            }
            let view = GroupByView::new(
                declared.org_id,
                declared.project_id,
                declared.spec,
                self.inner.codecs.clone(),
            );
            self.spawn(Arc::new(view)).await?;
            started += 1;
        }
        for record in self.inner.views.scan_all(CKPT_KEYSPACE, b"").await? {
            let key = String::from_utf8_lossy(&record.key).into_owned();
            let Some((project_id, name)) = key.split_once('/') else {
                continue;
            };
            let id = ViewId::new(project_id, name);
            if let Some(checkpoint) = load_checkpoint(&self.inner.views, &id).await? {
                if checkpoint.value.dropped {
                    self.spawn_collector(id);
                }
            }
        }
        tracing::info!(views = started, "views started");
        Ok(())
    }

    /// Registers a compiled module's view and starts folding it (from the beginning the
    /// first time, from its checkpoint afterwards).
    pub async fn register(&self, view: Arc<dyn View>) -> Result<(), ViewError> {
        let id = view.id().clone();
        check_id(&id)?;
        if load_checkpoint(&self.inner.views, &id).await?.is_none() {
            let txn = Transaction::new().put_if(
                CKPT_KEYSPACE,
                view_key(&id),
                Checkpoint::fresh(1, Vec::new()).encode(),
                Expect::Absent,
            );
            // Lost a race with another process registering it: its checkpoint is as good.
            match commit_checked(&self.inner.views, &id, txn).await {
                Ok(()) | Err(ViewError::CheckpointMoved { .. }) => {}
                Err(error) => return Err(error),
            }
        }
        self.spawn(view).await
    }

    /// Declares a group-by view of `project_id`; its runner starts folding at once.
    pub async fn create(
        &self,
        org_id: &str,
        project_id: &str,
        declaration: &pb::ViewDeclaration,
    ) -> Result<ViewInfo, ViewError> {
        check_project(project_id)?;
        let spec = GroupBySpec::from_proto(declaration)?;
        self.check_source(&spec.module)?;
        let declared = Declared::new(org_id.to_owned(), project_id.to_owned(), spec);
        let id = declared.id();
        let view = Arc::new(GroupByView::new(
            declared.org_id.clone(),
            declared.project_id.clone(),
            declared.spec.clone(),
            self.inner.codecs.clone(),
        ));
        // A dropped view of the same name may still be collecting (and moving its
        // checkpoint meanwhile): start after its data, retrying when the collector wins.
        let mut attempt = 0;
        loop {
            attempt += 1;
            let previous = load_checkpoint(&self.inner.views, &id).await?;
            let (checkpoint, expect) = match &previous {
                // A live checkpoint: a declared view, or a module's registered view.
                Some(old) if !old.value.dropped => {
                    return Err(ViewError::AlreadyExists {
                        project_id: id.project_id,
                        name: id.name,
                    });
                }
                Some(old) => {
                    let mut stale = old.value.stale.clone();
                    stale.push(old.value.generation);
                    (
                        Checkpoint::fresh(old.value.generation + 1, stale),
                        old.expect(),
                    )
                }
                None => (Checkpoint::fresh(1, Vec::new()), Expect::Absent),
            };
            let txn = Transaction::new()
                .put_if(
                    DECL_KEYSPACE,
                    view_key(&id),
                    declared.encode(),
                    Expect::Absent,
                )
                .put_if(CKPT_KEYSPACE, view_key(&id), checkpoint.encode(), expect)
                .scope(view.write_scope());
            match commit_checked(&self.inner.views, &id, txn).await {
                Ok(()) => break,
                Err(ViewError::CheckpointMoved { .. }) if self.declared(&id).await?.is_some() => {
                    return Err(ViewError::AlreadyExists {
                        project_id: id.project_id,
                        name: id.name,
                    });
                }
                Err(ViewError::CheckpointMoved { .. }) if attempt < CREATE_ATTEMPTS => {}
                Err(error) => return Err(error),
            }
        }
        tracing::info!(view = %id, source = %declared.spec.module, entity = %declared.spec.entity, "view declared");
        self.spawn(view).await?;
        self.info(&declared).await
    }

    /// Refuses a source database that views may not fold.
    fn check_source(&self, module: &str) -> Result<(), ViewError> {
        if self.inner.sources.contains(module) {
            return Ok(());
        }
        Err(ViewError::invalid(
            "declaration.module",
            format!(
                "{module:?} is not a module whose records views may fold; choose one of: {}",
                self.inner.sources.listed()
            ),
        ))
    }

    /// The project's declared views, by name.
    pub async fn list(&self, project_id: &str) -> Result<Vec<ViewInfo>, ViewError> {
        check_project(project_id)?;
        let prefix = format!("{project_id}/");
        let mut infos = Vec::new();
        for record in self
            .inner
            .views
            .scan_all(DECL_KEYSPACE, prefix.as_bytes())
            .await?
        {
            let declared = Declared::decode(&String::from_utf8_lossy(&record.key), &record.value)?;
            infos.push(self.info(&declared).await?);
        }
        Ok(infos)
    }

    /// Every declared view of every project, by project and name (for operators).
    pub async fn list_all(&self) -> Result<Vec<ViewInfo>, ViewError> {
        let mut infos = Vec::new();
        for record in self.inner.views.scan_all(DECL_KEYSPACE, b"").await? {
            let declared = Declared::decode(&String::from_utf8_lossy(&record.key), &record.value)?;
            infos.push(self.info(&declared).await?);
        }
        Ok(infos)
    }

    /// One declared view and its progress.
    pub async fn get(&self, project_id: &str, name: &str) -> Result<ViewInfo, ViewError> {
        let declared = self.require(project_id, name).await?;
        self.info(&declared).await
    }

    /// A page of a view's rows, in key order (the keyed blind index of the group; group
    /// values never appear in plaintext keys, so their order is not the values' order).
    pub async fn query(
        &self,
        project_id: &str,
        name: &str,
        page_size: u32,
        page_token: &str,
    ) -> Result<RowPage, ViewError> {
        let declared = self.require(project_id, name).await?;
        let id = declared.id();
        let page_size = match page_size {
            0 => DEFAULT_PAGE,
            1..=MAX_PAGE => page_size,
            _ => {
                return Err(ViewError::invalid(
                    "page_size",
                    format!("{page_size} is over the limit of {MAX_PAGE}"),
                ));
            }
        };
        if !page_token.bytes().all(|b| b.is_ascii_hexdigit()) || page_token.len() > 128 {
            return Err(ViewError::invalid(
                "page_token",
                "is not a token this service returned",
            ));
        }
        let checkpoint = self.checkpoint(&id).await?;
        let prefix = generation_prefix(&id, checkpoint.generation);
        let mut after =
            (!page_token.is_empty()).then(|| format!("{prefix}{page_token}").into_bytes());
        let mut rows: Vec<(Vec<u8>, Row)> = Vec::new();
        let wanted = page_size as usize + 1;
        'scan: loop {
            let page = self
                .inner
                .views
                .scan(
                    ROW_KEYSPACE,
                    prefix.as_bytes(),
                    after.as_deref(),
                    page_size + 1,
                )
                .await?;
            for record in page.records {
                let stored = StoredRow::decode(&record.value)
                    .map_err(|e| ViewError::corrupt(id.to_string(), "row", e))?;
                if let StoredRow::Live(row) = stored {
                    rows.push((record.key, row));
                    if rows.len() == wanted {
                        break 'scan;
                    }
                }
            }
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        let next_page_token = if rows.len() == wanted {
            rows.pop();
            rows.last()
                .map(|(key, _)| String::from_utf8_lossy(&key[prefix.len()..]).into_owned())
        } else {
            None
        };
        Ok(RowPage {
            rows: rows.into_iter().map(|(_, row)| row).collect(),
            next_page_token,
            checkpoint_seq: checkpoint.seq,
        })
    }

    /// Empties a view and has its runner fold the whole log again (or, where its start was
    /// pruned, a snapshot of the records and the log after it). The runner (here or in
    /// another process) notices the new generation through its checkpoint's version; old
    /// rows are deleted in the background.
    pub async fn rebuild(&self, project_id: &str, name: &str) -> Result<ViewInfo, ViewError> {
        let declared = self.require(project_id, name).await?;
        let id = declared.id();
        let current = load_checkpoint(&self.inner.views, &id)
            .await?
            .ok_or_else(|| not_found(&id))?;
        let mut stale = current.value.stale.clone();
        stale.push(current.value.generation);
        let fresh = Checkpoint::fresh(current.value.generation + 1, stale);
        let txn = Transaction::new().put_if(
            CKPT_KEYSPACE,
            view_key(&id),
            fresh.encode(),
            current.expect(),
        );
        commit_checked(&self.inner.views, &id, txn).await?;
        tracing::info!(view = %id, generation = fresh.generation, "view rebuild started");
        self.nudge(&id);
        self.info(&declared).await
    }

    /// Moves a view stalled at source event `seq` past exactly that event, after an operator
    /// inspected it: the event is never folded, the skip is logged and listed in the view's
    /// info. Refused unless the view's checkpoint records a stall at `seq` (one compare-and-set,
    /// so a runner folding meanwhile, here or in another process, cannot be overtaken).
    pub async fn skip(
        &self,
        project_id: &str,
        name: &str,
        seq: u64,
    ) -> Result<ViewInfo, ViewError> {
        let declared = self.require(project_id, name).await?;
        let id = declared.id();
        let current = load_checkpoint(&self.inner.views, &id)
            .await?
            .ok_or_else(|| not_found(&id))?;
        let stall = match &current.value.stalled {
            Some(stall) if stall.seq == seq => stall.clone(),
            other => {
                return Err(ViewError::NotStalled {
                    view: id.to_string(),
                    seq,
                    state: match other {
                        Some(stall) => format!("it is stalled at sequence {}", stall.seq),
                        None => {
                            format!("it is not stalled; its checkpoint is {}", current.value.seq)
                        }
                    },
                });
            }
        };
        let mut next = current.value.clone();
        next.seq = seq;
        next.stalled = None;
        next.skipped.push(seq);
        let txn = Transaction::new().put_if(
            CKPT_KEYSPACE,
            view_key(&id),
            next.encode(),
            current.expect(),
        );
        commit_checked(&self.inner.views, &id, txn).await?;
        tracing::warn!(
            view = %id,
            database = %stall.database,
            keyspace = %stall.keyspace,
            key = %stall.key,
            seq,
            reason = %stall.reason,
            "operator skipped a damaged change event; the view folds on after it"
        );
        self.nudge(&id);
        self.info(&declared).await
    }

    /// Folds a declared view up to its source's head in the calling task (the CLI, which
    /// runs no runners; a server's runner folding at the same time is safe).
    pub async fn catch_up(&self, project_id: &str, name: &str) -> Result<ViewInfo, ViewError> {
        let declared = self.require(project_id, name).await?;
        let view = GroupByView::new(
            declared.org_id.clone(),
            declared.project_id.clone(),
            declared.spec.clone(),
            self.inner.codecs.clone(),
        );
        self.runner(Arc::new(view)).await?.catch_up().await?;
        self.info(&declared).await
    }

    /// Deletes a view: at once for readers, its data in the background. Its runner is
    /// stopped first, so a busy view's folding cannot move the checkpoint under the drop and
    /// the caller never has to retry.
    pub async fn drop_view(&self, project_id: &str, name: &str) -> Result<(), ViewError> {
        let id = ViewId::new(project_id, name);
        check_id(&id)?;
        if self.declared(&id).await?.is_none() {
            return Err(not_found(&id));
        }
        let running = self.inner.running.lock().expect("views lock").remove(&id);
        let view = match running {
            Some(running) => {
                let _ = running.stop.send(true);
                let view = running.view.clone();
                if tokio::time::timeout(Duration::from_secs(5), running.task)
                    .await
                    .is_err()
                {
                    tracing::warn!(view = %id, "view runner did not stop within 5 s");
                }
                Some(view)
            }
            None => None,
        };
        let mut attempt = 0;
        let result = loop {
            attempt += 1;
            match self.commit_drop(&id).await {
                // A rebuild (or another process) moved the checkpoint: read it again.
                Err(ViewError::CheckpointMoved { .. }) if attempt < CREATE_ATTEMPTS => {}
                other => break other,
            }
        };
        if let Err(error) = result {
            if let Some(view) = view {
                // Still declared: it keeps folding.
                self.spawn(view).await?;
            }
            return Err(error);
        }
        tracing::info!(view = %id, "view dropped");
        self.spawn_collector(id);
        Ok(())
    }

    /// Marks a view dropped and deletes its declaration, in one transaction.
    async fn commit_drop(&self, id: &ViewId) -> Result<(), ViewError> {
        let Some(decl) = self
            .inner
            .views
            .get(DECL_KEYSPACE, view_key(id).as_bytes())
            .await?
        else {
            return Err(not_found(id));
        };
        let current = load_checkpoint(&self.inner.views, id)
            .await?
            .ok_or_else(|| not_found(id))?;
        let mut dropped = current.value.clone();
        dropped.stale.push(dropped.generation);
        dropped.dropped = true;
        dropped.rows = 0;
        let txn = Transaction::new()
            .delete_if(DECL_KEYSPACE, view_key(id), Expect::Version(decl.version))
            .put_if(
                CKPT_KEYSPACE,
                view_key(id),
                dropped.encode(),
                current.expect(),
            );
        commit_checked(&self.inner.views, id, txn).await
    }

    /// The lowest checkpoint among the views this engine runs that fold `database`, `None`
    /// if none does: pruning that database's outbox up to it loses no view an event (a
    /// rebuild, though, needs the log from its start).
    pub async fn folded_through(&self, database: &str) -> Result<Option<u64>, ViewError> {
        let ids: Vec<ViewId> = self
            .inner
            .running
            .lock()
            .expect("views lock")
            .iter()
            .filter(|(_, running)| running.view.source_database() == database)
            .map(|(id, _)| id.clone())
            .collect();
        let mut lowest: Option<u64> = None;
        for id in ids {
            if let Some(checkpoint) = load_checkpoint(&self.inner.views, &id).await? {
                let seq = checkpoint.value.seq;
                lowest = Some(lowest.map_or(seq, |low| low.min(seq)));
            }
        }
        Ok(lowest)
    }

    /// Stops every runner and waits for them.
    pub async fn shutdown(&self) {
        let _ = self.inner.stop.send(true);
        let running: Vec<Running> = self
            .inner
            .running
            .lock()
            .expect("views lock")
            .drain()
            .map(|(_, running)| running)
            .collect();
        for running in running {
            let _ = running.stop.send(true);
            if let Err(error) = running.task.await {
                tracing::error!(%error, "view runner ended abnormally");
            }
        }
        let collectors: Vec<JoinHandle<()>> =
            std::mem::take(&mut *self.inner.collectors.lock().expect("views lock"));
        for task in collectors {
            task.abort();
            let _ = task.await;
        }
        tracing::debug!("views stopped");
    }

    /// The filter of a view's watchers on the `views` feed (before decrypting anything).
    pub fn watch_filter(
        project_id: &str,
        name: &str,
    ) -> impl Fn(Option<&EventScope>) -> bool + Send + Sync + 'static {
        let (project_id, name) = (project_id.to_owned(), name.to_owned());
        move |scope| scope.is_some_and(|s| s.project_id == project_id && s.entity == name)
    }

    /// The row change an event of the `views` feed carries for view `project_id/name`, if
    /// any (checkpoint and private-state writes share the scope and carry none).
    pub fn row_change(
        project_id: &str,
        name: &str,
        event: &ChangeEvent,
    ) -> Result<Option<StoredRow>, ViewError> {
        let prefix = format!("{project_id}/{name}/");
        if event.keyspace != ROW_KEYSPACE || !event.key.starts_with(prefix.as_bytes()) {
            return Ok(None);
        }
        let Some(value) = &event.value else {
            return Ok(None);
        };
        StoredRow::decode(value)
            .map(Some)
            .map_err(|e| ViewError::corrupt(format!("{project_id}/{name}"), "row", e))
    }

    async fn info(&self, declared: &Declared) -> Result<ViewInfo, ViewError> {
        let id = declared.id();
        let checkpoint = self.checkpoint(&id).await?;
        let source = self.inner.store.database(&declared.spec.module).await?;
        Ok(ViewInfo {
            org_id: declared.org_id.clone(),
            project_id: declared.project_id.clone(),
            spec: declared.spec.clone(),
            checkpoint_seq: checkpoint.seq,
            head_seq: source.head().await?,
            rows: checkpoint.rows,
            generation: checkpoint.generation,
            stalled: checkpoint.stalled.map(ViewStall::from),
            skipped_seqs: checkpoint.skipped,
        })
    }

    async fn checkpoint(&self, id: &ViewId) -> Result<Checkpoint, ViewError> {
        Ok(load_checkpoint(&self.inner.views, id)
            .await?
            .ok_or_else(|| not_found(id))?
            .value)
    }

    async fn declared(&self, id: &ViewId) -> Result<Option<Declared>, ViewError> {
        let key = view_key(id);
        match self.inner.views.get(DECL_KEYSPACE, key.as_bytes()).await? {
            Some(record) => Ok(Some(Declared::decode(&key, &record.value)?)),
            None => Ok(None),
        }
    }

    async fn require(&self, project_id: &str, name: &str) -> Result<Declared, ViewError> {
        let id = ViewId::new(project_id, name);
        check_id(&id)?;
        self.declared(&id).await?.ok_or_else(|| not_found(&id))
    }

    async fn runner(&self, view: Arc<dyn View>) -> Result<Runner, ViewError> {
        let source = self.inner.store.database(view.source_database()).await?;
        Ok(Runner {
            view,
            views: self.inner.views.clone(),
            source,
            tuning: self.inner.tuning,
        })
    }

    async fn spawn(&self, view: Arc<dyn View>) -> Result<(), ViewError> {
        let id = view.id().clone();
        let runner = self.runner(view.clone()).await?;
        let nudge = Arc::new(Notify::new());
        let (stop, stop_rx) = watch::channel(false);
        let mut global = self.inner.stop.subscribe();
        let task = tokio::spawn({
            let nudge = nudge.clone();
            async move {
                tokio::select! {
                    () = runner.run(nudge, stop_rx) => {}
                    _ = global.wait_for(|stopped| *stopped) => {}
                }
            }
        });
        let previous = self.inner.running.lock().expect("views lock").insert(
            id,
            Running {
                view,
                nudge,
                stop,
                task,
            },
        );
        if let Some(previous) = previous {
            previous.task.abort();
        }
        Ok(())
    }

    fn spawn_collector(&self, id: ViewId) {
        let views = self.inner.views.clone();
        let batch = self.inner.tuning.collect_batch;
        let task = tokio::spawn(async move {
            loop {
                let checkpoint = match load_checkpoint(&views, &id).await {
                    Ok(Some(checkpoint)) => checkpoint,
                    Ok(None) => break,
                    Err(error) => {
                        tracing::error!(view = %id, %error, "cannot collect a dropped view");
                        break;
                    }
                };
                // Declared again meanwhile: its own runner collects what is left.
                if !checkpoint.value.dropped {
                    break;
                }
                match collect_step(&views, &id, checkpoint, batch, None).await {
                    Ok(Step::Gone) => break,
                    Ok(_) | Err(ViewError::CheckpointMoved { .. }) => {}
                    Err(error) => {
                        tracing::error!(view = %id, %error, "cannot collect a dropped view");
                        break;
                    }
                }
            }
        });
        let mut collectors = self.inner.collectors.lock().expect("views lock");
        collectors.retain(|task| !task.is_finished());
        collectors.push(task);
    }

    fn nudge(&self, id: &ViewId) {
        if let Some(running) = self.inner.running.lock().expect("views lock").get(id) {
            running.nudge.notify_one();
        }
    }
}

fn not_found(id: &ViewId) -> ViewError {
    ViewError::NotFound {
        project_id: id.project_id.clone(),
        name: id.name.clone(),
    }
}

fn check_project(project_id: &str) -> Result<(), ViewError> {
    if project_id.is_empty() {
        return Err(ViewError::invalid("project_id", "is required"));
    }
    let ok = project_id.len() <= MAX_ID
        && project_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ViewError::invalid("project_id", "is not a valid id"))
    }
}

fn check_id(id: &ViewId) -> Result<(), ViewError> {
    check_project(&id.project_id)?;
    check_name("name", &id.name, false).map(|_| ())
}
