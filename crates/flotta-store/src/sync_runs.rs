//! Sync runs: their start, end and result, their warnings, and the history of device fields
//! they changed. What a sync writes into the register is `sync_writer.rs`.

use chrono::{DateTime, Utc};
use flotta_domain::{DeviceChange, RecordWarning, SyncCounts, SyncMode, SyncRun, SyncStatus};
use rusqlite::{OptionalExtension, params};

use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};
use crate::sources::SourceId;

/// The database id of a sync run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RunId(pub i64);

/// How a run that changed nothing ended.
#[derive(Debug, Clone, Copy)]
pub struct RunEnd<'a> {
    pub status: SyncStatus,
    /// The code the UI words the reason by, and the English detail.
    pub error_code: Option<&'a str>,
    pub error: Option<&'a str>,
    pub pages: u32,
    pub records: u32,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Records that a sync started; the run shows as running until it is applied or failed.
    /// `owner` names the process running it (see [`Store::fail_interrupted_runs`]).
    pub fn begin_sync_run(
        &mut self,
        source: SourceId,
        mode: SyncMode,
        actor: &str,
        owner: &str,
        at: DateTime<Utc>,
    ) -> Result<RunId, StoreError> {
        self.conn
            .execute(
                "INSERT INTO sync_runs (source_id, mode, status, actor, owner, started_at)
                 VALUES (?1, ?2, 'running', ?3, ?4, ?5)",
                params![source.0, mode.as_str(), actor, owner, format_time(&at)],
            )
            .context("recording the start of a sync")?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    /// Ends a run that changed nothing: failed or cancelled, with the reason.
    pub fn end_sync_run(&mut self, run: RunId, end: &RunEnd<'_>) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE sync_runs SET status = ?2, error_code = ?3, error = ?4, finished_at = ?5,
                    pages = ?6, records = ?7
                 WHERE id = ?1",
                params![
                    run.0,
                    end.status.as_str(),
                    end.error_code,
                    end.error,
                    format_time(&end.at),
                    end.pages,
                    end.records
                ],
            )
            .context("recording the end of a sync")?;
        Ok(())
    }

    /// Runs left "running" by a process that stopped mid-sync are failed: their changes were
    /// never committed. `is_gone` tells from a run's owner whether its process has ended; a
    /// run another process is still running (the app while the command line starts) is left
    /// alone. Returns how many were failed.
    pub fn fail_interrupted_runs(
        &mut self,
        at: DateTime<Utc>,
        is_gone: impl Fn(Option<&str>) -> bool,
    ) -> Result<usize, StoreError> {
        // Read first, outside a write: a write would wait for a sync another process is
        // committing, which is the very run that must be left alone.
        let running: Vec<(i64, Option<String>)> = {
            let mut statement = self
                .conn
                .prepare("SELECT id, owner FROM sync_runs WHERE status = 'running'")
                .context("finding interrupted syncs")?;
            statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
                .and_then(Iterator::collect)
                .context("finding interrupted syncs")?
        };
        let gone: Vec<i64> = running
            .into_iter()
            .filter(|(_, owner)| is_gone(owner.as_deref()))
            .map(|(id, _)| id)
            .collect();
        if gone.is_empty() {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction()
            .context("starting to close interrupted syncs")?;
        let mut failed = 0;
        for id in gone {
            failed += tx
                .execute(
                    "UPDATE sync_runs SET status = 'failed', finished_at = ?2,
                        error_code = 'internal',
                        error = 'Flotta stopped before the sync finished; nothing was changed.'
                     WHERE id = ?1 AND status = 'running'",
                    params![id, format_time(&at)],
                )
                .context("closing interrupted syncs")?;
        }
        tx.commit().context("closing interrupted syncs")?;
        Ok(failed)
    }

    /// Adds a warning to a run that has ended (a part of it that could not be done, such as
    /// reading the installed apps after the devices were stored), and moves its end to `at`.
    pub fn add_run_warning(
        &mut self,
        run: RunId,
        warning: &RecordWarning,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to add a warning")?;
        tx.execute(
            "INSERT INTO sync_warnings (sync_run_id, vendor_id, field, problem)
             VALUES (?1, ?2, ?3, ?4)",
            params![run.0, warning.vendor_id, warning.field, warning.problem],
        )
        .context("storing a sync warning")?;
        tx.execute(
            "UPDATE sync_runs SET warnings = warnings + 1, finished_at = ?2 WHERE id = ?1",
            params![run.0, format_time(&at)],
        )
        .context("recording a sync warning")?;
        tx.commit().context("committing a sync warning")
    }

    /// Moves what a large write left in the write-ahead log into the database file and empties
    /// the log, so the next start does not read hundreds of megabytes of it (the app's exit
    /// does not close the database cleanly).
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .context("checkpointing the write-ahead log")
    }

    /// Refreshes the planner's statistics ([`Store::optimize`]) and empties the write-ahead
    /// log ([`Store::checkpoint`]) after a large write. The two take about as long (50,000
    /// devices: ~40 and ~55 ms) and need not wait for each other: a second connection copies
    /// the write's pages from the log into the file while this one computes the statistics,
    /// whose few pages the emptying then takes along.
    pub fn tidy_after_large_write(&mut self) -> Result<(), StoreError> {
        let copier = self.reopen()?;
        std::thread::scope(|scope| {
            let copying = scope.spawn(move || {
                copier
                    .conn
                    .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                    .context("checkpointing the write-ahead log")
            });
            let analysed = self.optimize();
            let copied = copying
                .join()
                .unwrap_or_else(|panicked| std::panic::resume_unwind(panicked));
            analysed.and(copied)
        })?;
        self.checkpoint()
    }

    /// [`Store::checkpoint`], unless another connection is writing (a sync being saved): then
    /// it gives up at once with [`StoreError::Busy`] instead of waiting for it.
    pub fn checkpoint_without_waiting(&mut self) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(std::time::Duration::ZERO)
            .context("checkpointing without waiting")?;
        self.checkpoint()
    }

    /// Sync runs, newest first; of one connection or of all.
    pub fn sync_runs(
        &self,
        source: Option<SourceId>,
        limit: u32,
    ) -> Result<Vec<SyncRun>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT r.id, r.source_id, s.name, r.mode, r.status, r.started_at, r.finished_at,
                    r.added, r.updated, r.unchanged, r.missing, r.returned, r.warnings,
                    r.pages, r.records, r.error, r.actor, r.error_code
                 FROM sync_runs r JOIN sources s ON s.id = r.source_id
                 WHERE ?1 IS NULL OR r.source_id = ?1
                 ORDER BY r.id DESC LIMIT ?2",
            )
            .context("listing syncs")?;
        let rows = statement
            .query_map(params![source.map(|s| s.0), limit], |row| {
                Ok(RawRun {
                    id: row.get(0)?,
                    source: row.get(1)?,
                    name: row.get(2)?,
                    mode: row.get(3)?,
                    status: row.get(4)?,
                    started_at: row.get(5)?,
                    finished_at: row.get(6)?,
                    counts: SyncCounts {
                        added: row.get(7)?,
                        updated: row.get(8)?,
                        unchanged: row.get(9)?,
                        missing: row.get(10)?,
                        returned: row.get(11)?,
                        warnings: row.get(12)?,
                    },
                    pages: row.get(13)?,
                    records: row.get(14)?,
                    error: row.get(15)?,
                    actor: row.get(16)?,
                    error_code: row.get(17)?,
                })
            })
            .context("listing syncs")?;
        let mut runs = Vec::new();
        for row in rows {
            runs.push(row.context("reading a sync")?.into_run()?);
        }
        Ok(runs)
    }

    pub fn sync_warnings(&self, run: RunId) -> Result<Vec<RecordWarning>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT vendor_id, field, problem FROM sync_warnings
                 WHERE sync_run_id = ?1 ORDER BY id LIMIT 10000",
            )
            .context("listing sync warnings")?;
        let rows = statement
            .query_map([run.0], |row| {
                Ok(RecordWarning {
                    vendor_id: row.get(0)?,
                    field: row.get(1)?,
                    problem: row.get(2)?,
                })
            })
            .context("listing sync warnings")?;
        rows.collect::<Result<_, _>>()
            .context("reading sync warnings")
    }

    /// The recorded changes of one device, newest first.
    pub fn device_history(&self, device: u32) -> Result<Vec<DeviceChange>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT h.at, h.field, h.before, h.after, coalesce(s.name, h.actor), h.reason
                 FROM device_history h LEFT JOIN sources s ON s.id = h.source_id
                 WHERE h.device_id = ?1 ORDER BY h.id DESC LIMIT 1000",
            )
            .context("listing device history")?;
        let rows = statement
            .query_map([device], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, Option<String>>(5)?,
                ))
            })
            .context("listing device history")?;
        let mut changes = Vec::new();
        for row in rows {
            let (at, field, before, after, source, reason) =
                row.context("reading device history")?;
            changes.push(DeviceChange {
                at: parse_time("device_history.at", &at)?,
                field,
                before,
                after,
                source,
                reason,
            });
        }
        Ok(changes)
    }

    /// When the connection's last successful sync of each kind started: the watermark for the
    /// next incremental sync, and whether a full one is due.
    pub fn last_successful_syncs(&self, source: SourceId) -> Result<LastSyncs, StoreError> {
        let last = |mode: Option<&str>| -> Result<Option<DateTime<Utc>>, StoreError> {
            let text: Option<String> = self
                .conn
                .query_row(
                    "SELECT max(started_at) FROM sync_runs
                     WHERE source_id = ?1 AND status = 'succeeded' AND (?2 IS NULL OR mode = ?2)",
                    params![source.0, mode],
                    |row| row.get(0),
                )
                .optional()
                .context("reading the last sync")?
                .flatten();
            text.map(|t| parse_time("sync_runs.started_at", &t))
                .transpose()
        };
        Ok(LastSyncs {
            any: last(None)?,
            full: last(Some("full"))?,
        })
    }
}

/// When a connection last synced successfully, in any mode and in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastSyncs {
    pub any: Option<DateTime<Utc>>,
    pub full: Option<DateTime<Utc>>,
}

struct RawRun {
    id: u32,
    source: u32,
    name: String,
    mode: String,
    status: String,
    started_at: String,
    finished_at: Option<String>,
    counts: SyncCounts,
    pages: u32,
    records: u32,
    error: Option<String>,
    actor: String,
    error_code: Option<String>,
}

impl RawRun {
    fn into_run(self) -> Result<SyncRun, StoreError> {
        Ok(SyncRun {
            id: self.id,
            connection_id: self.source,
            connection_name: self.name,
            mode: vocabulary("sync_runs.mode", &self.mode, SyncMode::from_text)?,
            status: vocabulary("sync_runs.status", &self.status, SyncStatus::from_text)?,
            started_at: parse_time("sync_runs.started_at", &self.started_at)?,
            finished_at: self
                .finished_at
                .map(|t| parse_time("sync_runs.finished_at", &t))
                .transpose()?,
            counts: self.counts,
            pages: self.pages,
            records: self.records,
            error_code: self.error_code,
            error: self.error,
            actor: self.actor,
        })
    }
}
