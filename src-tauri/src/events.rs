//! Events the backend sends on its own: sync progress, from syncs the user started and from
//! ones the app started (the demo sync, schedules). An event rather than a per-call channel,
//! so every window sees every running sync; progress is throttled in the core to a few
//! events a second, well within what Tauri events are meant for.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use flotta_core::{ErrorPayload, Flotta, SyncMode, SyncProgress};
use serde::{Deserialize, Serialize};
use tauri_specta::Event;

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncProgressEvent(pub SyncProgress);

/// Runs a sync of connection `id` on the async runtime; returns its run id once it has one,
/// or the reason it could not start.
pub fn start_sync(
    app: &tauri::AppHandle,
    core: Arc<Flotta>,
    id: u32,
    mode: Option<SyncMode>,
) -> Result<u32, ErrorPayload> {
    let (started, run_id) = mpsc::channel::<Result<u32, ErrorPayload>>();
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let first = std::sync::Mutex::new(Some(started.clone()));
        let progress = |progress: SyncProgress| {
            if let Some(sender) = first.lock().ok().and_then(|mut s| s.take()) {
                let _ = sender.send(Ok(progress.run_id));
            }
            if let Err(error) = SyncProgressEvent(progress).emit(&app) {
                tracing::warn!(%error, "sync progress could not be sent to the window");
            }
        };
        match core.sync_connection(id, mode, &progress).await {
            Ok(run) => tracing::info!(run = run.id, connection = id, ?run.counts, "sync finished"),
            Err(error) => {
                let payload = ErrorPayload::from(error);
                tracing::warn!(connection = id, error = %payload.message, "sync ended without changes");
                let _ = started.send(Err(payload));
            }
        }
    });
    run_id
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| {
            Err(ErrorPayload {
                code: flotta_core::ErrorCode::Internal,
                message: "the sync did not start within a minute".into(),
            })
        })
}
