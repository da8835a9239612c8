//! Events the backend sends on its own: sync progress, from syncs the user started and from
//! ones the app started (the demo sync, schedules). An event rather than a per-call channel,
//! so every window sees every running sync; progress is throttled in the core to a few
//! events a second, well within what Tauri events are meant for.

use std::sync::Arc;
use std::time::Duration;

use flotta_core::{ErrorPayload, Flotta, SyncMode, SyncProgress};
use serde::{Deserialize, Serialize};
use tauri_specta::Event;
use tokio::sync::oneshot;

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncProgressEvent(pub SyncProgress);

/// Runs a sync of connection `id` on the async runtime; returns its run id once it has one,
/// or the reason it could not start. Awaited, never blocked on: a command that blocked a
/// runtime worker here could hold up the very task it waits for (a task spawned from a
/// worker is first queued on that worker).
pub async fn start_sync(
    app: &tauri::AppHandle,
    core: Arc<Flotta>,
    id: u32,
    mode: Option<SyncMode>,
) -> Result<u32, ErrorPayload> {
    spawn_sync(app, core, id, mode).await.unwrap_or_else(|_| {
        Err(ErrorPayload::new(
            flotta_core::ErrorCode::Internal,
            "the sync stopped before it started",
        ))
    })
}

/// Starts a sync in the background; the receiver gets its run id, or why it did not start.
pub fn spawn_sync(
    app: &tauri::AppHandle,
    core: Arc<Flotta>,
    id: u32,
    mode: Option<SyncMode>,
) -> oneshot::Receiver<Result<u32, ErrorPayload>> {
    let (started, run_id) = oneshot::channel::<Result<u32, ErrorPayload>>();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let started = std::sync::Mutex::new(Some(started));
        let tell = |result: Result<u32, ErrorPayload>| {
            if let Some(sender) = started.lock().ok().and_then(|mut s| s.take()) {
                let _ = sender.send(result);
            }
        };
        let progress = |progress: SyncProgress| {
            tell(Ok(progress.run_id));
            if let Err(error) = SyncProgressEvent(progress).emit(&app) {
                tracing::warn!(%error, "sync progress could not be sent to the window");
            }
        };
        match core.sync_connection(id, mode, &progress).await {
            Ok(run) => {
                tracing::info!(run = run.id, connection = id, counts = ?run.counts, "sync finished")
            }
            Err(error) => {
                let payload = ErrorPayload::from(error);
                tracing::warn!(connection = id, error = %payload.message, "sync ended without changes");
                tell(Err(payload));
            }
        }
    });
    run_id
}

/// Serves the demo tenant when the register has one, and syncs it on its first start as soon
/// as the window shows its first page (the sync's writing would otherwise compete with the
/// first render for the CPU). The demo connection is looked up before the window opens (so
/// the UI sees it), the emulator starts in the background (so the window does not wait).
pub fn start_demo(
    app: &tauri::AppHandle,
    core: &Arc<Flotta>,
    devices: usize,
    first_paint: Arc<tokio::sync::Notify>,
) {
    let demo = match core.demo_connection() {
        Ok(Some(demo)) => demo,
        Ok(None) => {
            tracing::info!("the demo tenant was removed; not starting it");
            return;
        }
        Err(error) => {
            tracing::error!(%error, "the demo connection could not be read");
            return;
        }
    };
    let (app, core) = (app.clone(), Arc::clone(core));
    tauri::async_runtime::spawn(async move {
        if let Err(error) = core.serve_demo_tenant(demo, devices).await {
            tracing::error!(%error, "the demo tenant could not start");
            return;
        }
        if demo.needs_first_sync {
            // A window that never reports (no display, a broken page) does not stop the demo.
            let _ = tokio::time::timeout(FIRST_PAINT_WAIT, first_paint.notified()).await;
            spawn_sync(&app, core, demo.connection, None);
        }
    });
}

/// Syncs connections on their schedules while the app runs.
pub fn run_schedules(app: &tauri::AppHandle, core: Arc<Flotta>) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("sync-schedule".into())
        .spawn(move || {
            loop {
                std::thread::sleep(SCHEDULE_CHECK);
                match core.due_syncs() {
                    Ok(due) => {
                        for id in due {
                            spawn_sync(&app, Arc::clone(&core), id, None);
                        }
                    }
                    Err(error) => tracing::warn!(%error, "cannot read the sync schedules"),
                }
            }
        });
    if let Err(error) = spawned {
        tracing::error!(%error, "scheduled syncs cannot run");
    }
}

/// How long the demo's first sync waits for the window's first page.
const FIRST_PAINT_WAIT: Duration = Duration::from_secs(5);

/// How often the schedules are looked at; a sync is at most this late.
const SCHEDULE_CHECK: Duration = Duration::from_secs(30);
