//! Whether the register is open, and start-up timing.

use flotta_core::{AppStatus, ErrorPayload};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus, ErrorPayload> {
    state.run(move |core| core.status()).await
}

/// The UI calls this once its first inventory page is on screen; the log line is what the
/// start-up benchmark reads.
#[tauri::command]
#[specta::specta]
pub async fn mark_first_paint(state: State<'_, AppState>) -> Result<(), ErrorPayload> {
    let elapsed_ms = state.started.elapsed().as_millis();
    tracing::info!(elapsed_ms, "first inventory page rendered");
    state.first_paint.notify_one();
    Ok(())
}
