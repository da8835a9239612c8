//! Running a sync: fetch through the connector and write each page into the register as it
//! arrives, on a thread and a database connection of its own, in one transaction that
//! commits when the listing is complete. A failure or a cancel leaves the register exactly
//! as it was; the run is recorded either way.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use flotta_domain::{
    ConnectionSettings, DeviceChange, RecordWarning, SyncMode, SyncRun, SyncStatus, VendorDevice,
};
use flotta_store::{ListingEnd, RunEnd, RunId, SourceId, SyncTarget};
use flotta_sync::{Connector, FetchRequest, FetchedPage};
use tokio::sync::{Notify, mpsc};

use crate::Flotta;
use crate::error::Error;
use crate::transport::{Connection, SyncPhase, SyncProgress};

/// Progress is reported at most this often (and always on a phase change).
const PROGRESS_EVERY: Duration = Duration::from_millis(150);

/// Incremental syncs ask for changes since the last sync's start, less this margin, so a
/// device that checked in while that sync ran is not missed.
const OVERLAP: chrono::Duration = chrono::Duration::minutes(5);

impl Flotta {
    pub(crate) fn is_syncing(&self, id: u32) -> bool {
        self.running().contains_key(&id)
    }

    fn running(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<u32, Arc<Notify>>> {
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Asks a running sync of the connection to stop; it ends without changing anything.
    pub fn cancel_sync(&self, id: u32) {
        if let Some(cancel) = self.running().get(&id) {
            cancel.notify_one();
        }
    }

    /// Syncs one connection. `mode` `None` lets Flotta choose: a full sync when none has run
    /// within the connection's full-sync interval, else an incremental one. `progress` is
    /// called a few times a second and once at the end (with the stored run).
    pub async fn sync_connection(
        &self,
        id: u32,
        mode: Option<SyncMode>,
        progress: &(dyn Fn(SyncProgress) + Send + Sync),
    ) -> Result<SyncRun, Error> {
        let connection = self.connection(id)?;
        if connection.closed_at.is_some() {
            return Err(Error::ConnectionNotFound { id });
        }
        let settings = &connection.settings;
        let source = SourceId(id.into());
        let started_at = self.clock.now();
        let (mode, since) = self.choose_mode(source, settings, mode, started_at)?;
        let cancel = Arc::new(Notify::new());
        {
            let mut running = self.running();
            if running.contains_key(&id) {
                return Err(Error::SyncRunning {
                    connection: settings.name.clone(),
                });
            }
            running.insert(id, Arc::clone(&cancel));
        }
        let result = self
            .run_sync(&connection, mode, since, started_at, &cancel, progress)
            .await;
        self.running().remove(&id);
        result
    }

    fn choose_mode(
        &self,
        source: SourceId,
        settings: &ConnectionSettings,
        asked: Option<SyncMode>,
        now: DateTime<Utc>,
    ) -> Result<(SyncMode, Option<DateTime<Utc>>), Error> {
        let last = self.reader().last_successful_syncs(source)?;
        let (last_any, last_full) = (last.any, last.full);
        let full_due = last_full.is_none_or(|full| {
            now - full > chrono::Duration::hours(settings.full_sync_every_hours.into())
        });
        let mode = asked.unwrap_or(if full_due {
            SyncMode::Full
        } else {
            SyncMode::Incremental
        });
        Ok(match (mode, last_any) {
            (SyncMode::Incremental, Some(last)) => (mode, Some(last - OVERLAP)),
            // Nothing synced yet: an incremental sync would be a full listing anyway.
            (SyncMode::Incremental, None) | (SyncMode::Full, _) => (SyncMode::Full, None),
        })
    }

    async fn run_sync(
        &self,
        connection: &Connection,
        mode: SyncMode,
        since: Option<DateTime<Utc>>,
        started_at: DateTime<Utc>,
        cancel: &Notify,
        progress: &(dyn Fn(SyncProgress) + Send + Sync),
    ) -> Result<SyncRun, Error> {
        let (id, settings) = (connection.id, &connection.settings);
        let source = SourceId(id.into());
        // One sync writes at a time: a sync holds the database's write lock from its first
        // page to its commit, so a second one could only wait for it.
        let _writing = self.sync_writing.lock().await;
        // Graph does not say how many devices a listing has; the last full sync is a fair guess
        // for the progress bar and the time left.
        let expected = self
            .reader()
            .sync_runs(Some(source), 50)?
            .into_iter()
            .find(|r| r.status == SyncStatus::Succeeded && r.mode == SyncMode::Full)
            .map(|r| r.records)
            .filter(|_| mode == SyncMode::Full);
        let run = self.store().begin_sync_run(
            source,
            mode,
            &self.actor,
            self.process.token(),
            started_at,
        )?;
        let mut report = Reporter::new(run, id, &settings.name, progress);
        report.phase(SyncPhase::SigningIn);
        let mut fetched = Fetched {
            expected,
            ..Fetched::default()
        };
        let prepared = self.secret_of(id, &settings.name).and_then(|secret| {
            let tenant_code = match settings.vendor {
                // A register from before the code was kept with the secret has it in the
                // settings, where the connector takes it from.
                flotta_domain::Vendor::WorkspaceOne if settings.tenant.is_none() => {
                    Some(self.stored_tenant_code(id, &settings.name)?)
                }
                _ => None,
            };
            let connector = Connector::new(settings, secret, tenant_code, self.retry)?;
            let store = self.store().reopen()?;
            Ok((connector, store))
        });
        let (connector, store) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return Err(self.fail(run, error, &fetched, &mut report)?),
        };
        let (to_writer, from_fetch) = mpsc::channel::<Write>(8);
        let keep = mode == SyncMode::Full && connector.reads_apps_apart();
        let target = Target {
            run,
            source,
            mode,
            actor: self.actor.clone(),
            at: self.clock.now(),
        };
        let writer =
            tokio::task::spawn_blocking(move || write_sync(store, &target, keep, from_fetch));
        let outcome = async {
            connector.sign_in().await?;
            report.phase(SyncPhase::Fetching);
            let (sender, mut receiver) = mpsc::channel::<FetchedPage>(16);
            let fetch = connector.fetch(
                FetchRequest {
                    changed_since: since,
                },
                sender,
            );
            let feed = async {
                while let Some(page) = receiver.recv().await {
                    fetched.add(&page);
                    report.fetching(&fetched);
                    if to_writer.send(Write::Page(page)).await.is_err() {
                        // The writer stopped on an error, which is the reason given below.
                        return;
                    }
                }
            };
            let (fetch_result, ()) = tokio::join!(fetch, feed);
            fetch_result?;
            Ok::<(), Error>(())
        };
        let outcome = tokio::select! {
            outcome = outcome => outcome,
            () = cancel.notified() => Err(Error::Sync(flotta_sync::SyncError::Cancelled)),
        };
        let written = match outcome {
            Ok(()) => {
                report.phase(SyncPhase::Applying);
                let end = ListingEnd {
                    pages: fetched.pages,
                    records: fetched.records,
                    finished_at: self.clock.now(),
                };
                // A writer that has stopped already says why when it is joined.
                let _ = to_writer.send(Write::Finish(end)).await;
                drop(to_writer);
                joined(writer.await)
            }
            Err(error) => {
                drop(to_writer);
                // The writer rolls back; a failure of its own is the better reason.
                match writer.await {
                    Ok(Err(failed)) => Err(failed.into()),
                    Err(panicked) => std::panic::resume_unwind(panicked.into_panic()),
                    Ok(Ok(_)) => Err(error),
                }
            }
        };
        let (mut devices, writer_store) = match written {
            Ok(written) => written,
            Err(error) => return Err(self.fail(run, error, &fetched, &mut report)?),
        };
        // What the commit left for later is done on the writer's connection while the result
        // goes out: it changes nothing a reader sees.
        tokio::task::spawn_blocking(move || tidy_after_sync(writer_store));
        tracing::info!(
            run = run.0,
            records = fetched.records,
            "sync stored its devices"
        );
        if keep {
            self.read_apps_apart(&connector, run, source, &mut devices, cancel, &mut report)
                .await?;
        }
        // Before the run is reported finished, so the views that reload then see the pool.
        if connection.demo
            && let Err(error) = self.stock_demo_pool()
        {
            tracing::warn!(%error, "the demo swap pool could not be stocked");
        }
        let stored = self.run_by_id(run)?;
        report.finished(stored.clone());
        Ok(stored)
    }

    /// Records a run that failed or was cancelled (nothing in the register changed), tells
    /// the listener, and hands back the error for the caller to return.
    fn fail(
        &self,
        run: RunId,
        error: Error,
        fetched: &Fetched,
        report: &mut Reporter<'_>,
    ) -> Result<Error, Error> {
        let status = match error {
            Error::Sync(flotta_sync::SyncError::Cancelled) => SyncStatus::Cancelled,
            _ => SyncStatus::Failed,
        };
        self.end_without_changes(run, status, &error, fetched)?;
        report.finished(self.run_by_id(run)?);
        Ok(error)
    }

    /// After a full sync's devices are stored, the installed apps a vendor keeps apart from
    /// its device list (Intune's detected apps: a pass that takes a minute against a cloud
    /// tenant) are read and stored on their own, so the devices need not wait for them. When
    /// this pass fails or is cancelled, the devices stay synced and the run says why its apps
    /// were not read.
    async fn read_apps_apart(
        &self,
        connector: &Connector,
        run: RunId,
        source: SourceId,
        devices: &mut [flotta_domain::VendorDevice],
        cancel: &Notify,
        report: &mut Reporter<'_>,
    ) -> Result<(), Error> {
        let (sender, mut receiver) = mpsc::channel::<FetchedPage>(16);
        let pass = async {
            let read = connector.fetch_apps(devices, sender);
            let listen = async {
                while let Some(note) = receiver.recv().await {
                    if let Some(read) = note.apps_read {
                        report.apps(read);
                    }
                }
            };
            tokio::join!(read, listen).0
        };
        let outcome = tokio::select! {
            outcome = pass => outcome.map_err(Error::from),
            () = cancel.notified() => Err(Error::Sync(flotta_sync::SyncError::Cancelled)),
        };
        let stored = match outcome {
            Ok(false) => return Ok(()),
            Ok(true) => {
                report.phase(SyncPhase::Applying);
                tokio::task::block_in_place(|| {
                    // A connection of its own, as the device pass writes on: holding the
                    // shared one for two million rows would stall every change a person makes.
                    let mut store = self.store().reopen()?;
                    store.store_apps(run, source, devices, self.clock.now())?;
                    // Two million rows: hundreds of megabytes the next start would read.
                    store.checkpoint()
                })
                .map_err(Error::from)
            }
            Err(error) => Err(error),
        };
        if let Err(error) = stored {
            let payload = crate::ErrorPayload::from(&error);
            let warning = RecordWarning {
                vendor_id: "(installed apps)".into(),
                field: "detectedApps".into(),
                problem: format!(
                    "the devices were synced, their installed apps were not: {}",
                    payload.message
                ),
            };
            self.store()
                .add_run_warning(run, &warning, self.clock.now())?;
        }
        Ok(())
    }

    /// Records a run that failed or was cancelled: nothing in the register changed.
    fn end_without_changes(
        &self,
        run: RunId,
        status: SyncStatus,
        error: &Error,
        fetched: &Fetched,
    ) -> Result<(), Error> {
        let payload = crate::ErrorPayload::from(error);
        let code = payload.code.as_str();
        self.store().end_sync_run(
            run,
            &RunEnd {
                status,
                error_code: Some(&code),
                error: Some(&payload.message),
                pages: fetched.pages,
                records: fetched.records,
                at: self.clock.now(),
            },
        )?;
        Ok(())
    }

    fn run_by_id(&self, run: RunId) -> Result<SyncRun, Error> {
        self.reader()
            .sync_runs(None, 1000)?
            .into_iter()
            .find(|r| i64::from(r.id) == run.0)
            .ok_or(Error::ConnectionNotFound { id: 0 })
    }

    /// Sync runs, newest first, of one connection or all.
    pub fn sync_history(&self, connection: Option<u32>) -> Result<Vec<SyncRun>, Error> {
        Ok(self
            .reader()
            .sync_runs(connection.map(|id| SourceId(id.into())), 200)?)
    }

    pub fn sync_warnings(&self, run: u32) -> Result<Vec<RecordWarning>, Error> {
        Ok(self.reader().sync_warnings(RunId(run.into()))?)
    }

    pub fn device_history(&self, device: u32) -> Result<Vec<DeviceChange>, Error> {
        Ok(self.reader().device_history(device)?)
    }
}

/// What the fetch hands the writer.
enum Write {
    Page(FetchedPage),
    /// The listing is complete: commit.
    Finish(ListingEnd),
}

/// [`SyncTarget`] with its own actor, to move into the writer's thread.
struct Target {
    run: RunId,
    source: SourceId,
    mode: SyncMode,
    actor: String,
    at: DateTime<Utc>,
}

/// Writes the pages as they come, on a connection of its own so the UI's reads go on, and
/// commits when told the listing is complete. When the fetch ends without saying so (failed,
/// cancelled) nothing is committed. With `keep`, hands back the devices (without their raw
/// records) for a pass over their apps.
fn write_sync(
    mut store: flotta_store::Store,
    target: &Target,
    keep: bool,
    mut pages: mpsc::Receiver<Write>,
) -> Result<Option<Written>, flotta_store::StoreError> {
    // The write lock is taken with the first page, not while signing in.
    let Some(mut message) = pages.blocking_recv() else {
        return Ok(None);
    };
    let mut writer = store.sync_writer(&SyncTarget {
        run: target.run,
        source: target.source,
        mode: target.mode,
        actor: &target.actor,
        at: target.at,
    })?;
    let mut kept = Vec::new();
    let mut writing = std::time::Duration::ZERO;
    loop {
        match message {
            Write::Page(page) => {
                let started = std::time::Instant::now();
                writer.page(&page.devices, &page.warnings)?;
                writing += started.elapsed();
                if keep {
                    kept.extend(page.devices.into_iter().map(|mut device| {
                        device.raw_json = String::new();
                        device
                    }));
                }
            }
            Write::Finish(end) => {
                let started = std::time::Instant::now();
                writer.finish(&end)?;
                tracing::debug!(
                    pages_ms = writing.as_millis() as u64,
                    finish_ms = started.elapsed().as_millis() as u64,
                    "the writer committed"
                );
                return Ok(Some((kept, store)));
            }
        }
        message = match pages.blocking_recv() {
            Some(message) => message,
            None => return Ok(None),
        };
    }
}

/// What a writer hands back once it has committed: the devices kept for the apps pass, and
/// its database connection.
type Written = (Vec<VendorDevice>, flotta_store::Store);

/// Refreshes the planner's statistics and empties the write-ahead log after a sync, so the
/// next start does not read the tens of megabytes a large sync wrote to it (the app's exit
/// does not close the database cleanly). Nothing depends on it having run.
fn tidy_after_sync(mut store: flotta_store::Store) {
    let started = std::time::Instant::now();
    if let Err(error) = store.tidy_after_large_write() {
        tracing::warn!(%error, "tidying up after a sync");
    }
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        "refreshed the statistics and emptied the write-ahead log"
    );
}

/// The writer's result once committed, else why not.
fn joined(
    result: Result<Result<Option<Written>, flotta_store::StoreError>, tokio::task::JoinError>,
) -> Result<Written, Error> {
    match result {
        Ok(Ok(Some(written))) => Ok(written),
        Ok(Ok(None)) => Err(Error::Sync(flotta_sync::SyncError::Cancelled)),
        Ok(Err(error)) => Err(error.into()),
        Err(panicked) => std::panic::resume_unwind(panicked.into_panic()),
    }
}

#[derive(Debug, Default)]
struct Fetched {
    pages: u32,
    records: u32,
    /// What the last full sync listed: the guess until the vendor states its totals.
    expected: Option<u32>,
    /// The total each listing states (Jamf pages through mobile devices and computers).
    totals: std::collections::BTreeMap<&'static str, u32>,
}

impl Fetched {
    fn add(&mut self, page: &FetchedPage) {
        self.pages += 1;
        self.records += page.records;
        if let Some(total) = page.total {
            self.totals.insert(page.listing, total);
        }
    }

    fn total(&self) -> Option<u32> {
        if self.totals.is_empty() {
            self.expected
        } else {
            Some(self.totals.values().sum())
        }
    }
}

struct Reporter<'a> {
    run: RunId,
    connection: u32,
    name: &'a str,
    sink: &'a (dyn Fn(SyncProgress) + Send + Sync),
    /// When the current phase began: rates and time left are per phase.
    phase_started: Instant,
    last: Option<Instant>,
    phase: SyncPhase,
}

impl<'a> Reporter<'a> {
    fn new(
        run: RunId,
        connection: u32,
        name: &'a str,
        sink: &'a (dyn Fn(SyncProgress) + Send + Sync),
    ) -> Self {
        Self {
            run,
            connection,
            name,
            sink,
            phase_started: Instant::now(),
            last: None,
            phase: SyncPhase::SigningIn,
        }
    }

    fn send(&mut self, pages: u32, records: u32, total: Option<u32>, run: Option<SyncRun>) {
        let seconds = self.phase_started.elapsed().as_secs_f32().max(0.001);
        let rate = records as f32 / seconds;
        let seconds_left = total
            .filter(|total| *total > records && rate > 0.0)
            .map(|total| ((total - records) as f32 / rate).ceil() as u32);
        self.last = Some(Instant::now());
        (self.sink)(SyncProgress {
            run_id: self.run.0 as u32,
            connection_id: self.connection,
            connection_name: self.name.to_owned(),
            phase: self.phase,
            pages,
            records,
            total,
            records_per_second: rate.round() as u32,
            seconds_left,
            run,
        });
    }

    fn phase(&mut self, phase: SyncPhase) {
        self.phase = phase;
        self.phase_started = Instant::now();
        self.send(0, 0, None, None);
    }

    fn fetching(&mut self, fetched: &Fetched) {
        if self.throttled() {
            return;
        }
        self.send(fetched.pages, fetched.records, fetched.total(), None);
    }

    /// A pass over installed apps: `records` and `total` count app lists.
    fn apps(&mut self, read: flotta_sync::AppsRead) {
        if self.phase != SyncPhase::ReadingApps {
            self.phase = SyncPhase::ReadingApps;
            self.phase_started = Instant::now();
        } else if self.throttled() {
            return;
        }
        self.send(0, read.done, Some(read.of), None);
    }

    fn throttled(&self) -> bool {
        self.last
            .is_some_and(|last| last.elapsed() < PROGRESS_EVERY)
    }

    fn finished(&mut self, run: SyncRun) {
        self.phase = SyncPhase::Finished;
        self.send(run.pages, run.records, None, Some(run));
    }
}

impl Flotta {
    /// Open connections whose schedule says a sync is due: none running, and the last one
    /// started longer ago than the connection's interval (or never).
    pub fn due_syncs(&self) -> Result<Vec<u32>, Error> {
        let now = self.clock.now();
        let runs = self.reader().sync_runs(None, 500)?;
        Ok(self
            .list_connections()?
            .into_iter()
            .filter(|c| c.closed_at.is_none() && !c.syncing)
            .filter_map(|c| {
                let every = chrono::Duration::minutes(c.settings.sync_every_minutes?.into());
                let last = runs.iter().find(|run| run.connection_id == c.id);
                last.is_none_or(|run| now - run.started_at >= every)
                    .then_some(c.id)
            })
            .collect())
    }
}
