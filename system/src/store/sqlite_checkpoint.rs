//! WAL checkpoints off the write path.
//!
//! In WAL mode a commit appends pages to the `-wal` file; a checkpoint copies them back into
//! the database file and, with `synchronous=NORMAL`, syncs it. Left to SQLite, the committing
//! connection checkpoints right after the commit that crosses the threshold, so that commit
//! (and every write grouped into it) waits for the copy and the sync. Commits that rewrite rows
//! at random across a large keyspace dirty hundreds of pages each, and the sync of those
//! scattered pages cost more than the commits themselves (BENCHMARKS.md, "Materialised views").
//!
//! Here a thread with its own connection runs passive checkpoints (they never block the
//! writer, nor wait for it) after commits, at most one per [`INTERVAL`], so the group committer
//! only appends. The writer keeps SQLite's own automatic checkpoint at [`BACKSTOP_PAGES`], far
//! above what this thread lets accumulate, as a bound on the WAL should the thread fall behind.
//!
//! A passive checkpoint leaves the `-wal` file at its size (the next commit reuses it from the
//! start, and the writer trims it to `journal_size_limit` then). After [`IDLE`] without a
//! commit the thread empties it (`wal_checkpoint(TRUNCATE)`), so a quiet instance does not keep
//! tens of MiB of spent WAL beside its database (BENCHMARKS.md, "Disk footprint").

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

/// Least time between two checkpoints. Each syncs the database file once, so this bounds the
/// syncs per second under any write load.
pub(crate) const INTERVAL: Duration = Duration::from_millis(500);
/// WAL pages at which the writer checkpoints by itself (SQLite's `wal_autocheckpoint`).
pub(crate) const BACKSTOP_PAGES: u32 = 50_000;
/// Time without a commit after which the WAL file is emptied. Truncating waits for the writer
/// and readers to leave the WAL (up to the busy timeout), which only an idle database does at
/// once.
pub(crate) const IDLE: Duration = Duration::from_secs(2);
/// How long a checkpoint waits for a lock it needs.
const BUSY_WAIT: Duration = Duration::from_secs(5);
/// How long emptying the WAL waits for the writer and readers to leave it.
const TRUNCATE_WAIT: Duration = Duration::from_millis(100);

/// The checkpoint thread of one database file.
pub(crate) struct Checkpointer {
    /// `None` once stopped.
    nudge: Mutex<Option<SyncSender<()>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Checkpointer {
    /// Opens a connection to `path` for checkpoints and starts the thread.
    pub(crate) fn start(path: PathBuf) -> std::io::Result<Checkpointer> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection =
            Connection::open_with_flags(&path, flags).map_err(std::io::Error::other)?;
        connection
            .busy_timeout(BUSY_WAIT)
            .map_err(std::io::Error::other)?;
        // Only ever nudged, never queued: one pending nudge is as good as many.
        let (nudge, nudged) = mpsc::sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("orbit-sqlite-checkpoint".into())
            .spawn(move || run(connection, nudged))?;
        Ok(Checkpointer {
            nudge: Mutex::new(Some(nudge)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Tells the thread that a commit appended to the WAL.
    pub(crate) fn nudge(&self) {
        if let Some(nudge) = self.nudge.lock().expect("checkpointer lock").as_ref() {
            let _ = nudge.try_send(());
        }
    }

    /// Stops the thread after any checkpoint it is running, and waits for it; the caller
    /// checkpoints last.
    pub(crate) async fn stop(&self) {
        self.nudge.lock().expect("checkpointer lock").take();
        let thread = self.thread.lock().expect("checkpointer lock").take();
        if let Some(thread) = thread {
            let joined = tokio::task::spawn_blocking(move || thread.join()).await;
            if !matches!(joined, Ok(Ok(()))) {
                tracing::error!("sqlite checkpoint thread panicked");
            }
        }
    }
}

impl Drop for Checkpointer {
    /// Without [`Checkpointer::stop`], the thread ends on its own after this.
    fn drop(&mut self) {
        self.nudge.lock().expect("checkpointer lock").take();
    }
}

fn run(connection: Connection, nudged: mpsc::Receiver<()>) {
    let mut last = Instant::now() - INTERVAL;
    // Whether commits left frames in the WAL file since it was last emptied.
    let mut wal_used = false;
    // Each pass: wait for a commit (emptying the WAL file if none comes for IDLE), then for
    // the interval since the last checkpoint to pass (stopping at once if asked), then
    // checkpoint.
    loop {
        let next = if wal_used {
            nudged.recv_timeout(IDLE)
        } else {
            nudged.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match next {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout) => {
                truncate(&connection);
                wal_used = false;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let due = last + INTERVAL;
        loop {
            let now = Instant::now();
            if now >= due {
                break;
            }
            match nudged.recv_timeout(due - now) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        // A nudge that came while waiting is covered by this checkpoint.
        if let Err(TryRecvError::Disconnected) = nudged.try_recv() {
            return;
        }
        last = Instant::now();
        checkpoint(&connection);
        wal_used = true;
    }
}

/// Copies what is left of the WAL and empties its file; busy (a reader or the writer came
/// back) only leaves the file for the next idle time. It waits at most [`TRUNCATE_WAIT`] for
/// them, since it holds the write lock while it waits for readers.
fn truncate(connection: &Connection) {
    let _ = connection.busy_timeout(TRUNCATE_WAIT);
    let result = connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
        row.get::<_, i64>(0)
    });
    let _ = connection.busy_timeout(BUSY_WAIT);
    match result {
        Ok(0) => tracing::trace!("sqlite WAL emptied while idle"),
        Ok(_) => tracing::debug!("sqlite WAL not emptied: in use; retrying when idle again"),
        Err(error) => tracing::warn!(%error, "sqlite idle WAL truncation failed"),
    }
}

/// One passive checkpoint: copies what no reader still needs from the WAL, then syncs.
fn checkpoint(connection: &Connection) {
    let started = Instant::now();
    let result = connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
        Ok((row.get::<_, i64>(1)?, row.get::<_, i64>(2)?))
    });
    match result {
        Ok((in_wal, copied)) => tracing::trace!(
            in_wal,
            copied,
            took_ms = started.elapsed().as_millis() as u64,
            "sqlite checkpoint"
        ),
        // Busy or failing now does not stop the next one; the writer's backstop still holds.
        Err(error) => {
            tracing::warn!(%error, "sqlite checkpoint failed; retrying after the next commit")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wal_size(path: &std::path::Path) -> u64 {
        let wal = path.with_file_name(format!(
            "{}-wal",
            path.file_name().unwrap().to_string_lossy()
        ));
        std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
    }

    /// Whether every frame in the WAL has been copied into the database file, the sync
    /// included: the wal-index header in the `-shm` file (native byte order) has `mxFrame`
    /// at offset 16 and `nBackfill`, stored only after the checkpoint's sync, at offset 96
    /// (<https://www.sqlite.org/walformat.html>). Both are 0 once the WAL was emptied (idle).
    /// The next commit then restarts the WAL.
    fn fully_checkpointed(path: &std::path::Path) -> bool {
        let shm = path.with_file_name(format!(
            "{}-shm",
            path.file_name().unwrap().to_string_lossy()
        ));
        let Ok(index) = std::fs::read(shm) else {
            return false;
        };
        let word = |at: usize| {
            index
                .get(at..at + 4)
                .map(|b| u32::from_ne_bytes(b.try_into().unwrap()))
        };
        match (word(16), word(96)) {
            (Some(frames), Some(copied)) => copied == frames,
            _ => false,
        }
    }

    /// Waits (up to a generous deadline, for loaded machines) until the thread has
    /// checkpointed everything committed so far.
    fn wait_until_checkpointed(path: &std::path::Path) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !fully_checkpointed(path) {
            assert!(
                Instant::now() < deadline,
                "the thread did not checkpoint the WAL"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Commits on another connection are copied into the database file by the thread, and a
    /// later commit then starts the WAL over instead of growing it.
    #[tokio::test]
    async fn checkpoints_after_commits_and_the_wal_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "wal").unwrap();
        writer.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        writer
            .execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)", [])
            .unwrap();
        let checkpointer = Checkpointer::start(path.clone()).unwrap();
        let write = |from: i64| {
            writer.execute_batch("BEGIN").unwrap();
            for k in from..from + 500 {
                writer
                    .execute("INSERT INTO t VALUES (?1, zeroblob(2000))", [k])
                    .unwrap();
            }
            writer.execute_batch("COMMIT").unwrap();
            checkpointer.nudge();
        };
        write(0);
        let size_after_first = wal_size(&path);
        assert!(size_after_first > 500 * 2000, "{size_after_first}");
        // The thread checkpoints: the database file then holds the rows (only a checkpoint
        // writes to it).
        wait_until_checkpointed(&path);
        let db_size = std::fs::metadata(&path).unwrap().len();
        assert!(db_size > 500 * 2000, "rows copied into the file: {db_size}");
        // Fully checkpointed, so each next commit writes the WAL from its start.
        for round in 1..5 {
            write(round * 500);
            let size_now = wal_size(&path);
            assert!(
                size_now < size_after_first * 3 / 2,
                "the WAL was reused, not grown: {size_after_first} then {size_now} in round {round}"
            );
            wait_until_checkpointed(&path);
        }
        checkpointer.stop().await;
        checkpointer.nudge(); // harmless after stop
    }
}
