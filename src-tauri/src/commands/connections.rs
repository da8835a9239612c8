//! EMM connections and their syncs.

use flotta_core::{
    Connection, ConnectionDefaults, ConnectionInput, ConnectionTest, DeviceChange, ErrorPayload,
    ExportedFile, RecordWarning, SecretStoreStatus, SyncMode, SyncRun, TableFormat,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn list_connections(state: State<'_, AppState>) -> Result<Vec<Connection>, ErrorPayload> {
    state.run(move |core| core.list_connections()).await
}

#[tauri::command]
#[specta::specta]
pub async fn connection_defaults(
    state: State<'_, AppState>,
) -> Result<ConnectionDefaults, ErrorPayload> {
    Ok(state.core()?.connection_defaults())
}

#[tauri::command]
#[specta::specta]
pub async fn save_connection(
    state: State<'_, AppState>,
    id: Option<u32>,
    input: ConnectionInput,
) -> Result<Connection, ErrorPayload> {
    state.run(move |core| core.save_connection(id, input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn test_connection(
    state: State<'_, AppState>,
    id: Option<u32>,
    input: ConnectionInput,
) -> Result<ConnectionTest, ErrorPayload> {
    Ok(state.core()?.test_connection(id, input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_connection(state: State<'_, AppState>, id: u32) -> Result<(), ErrorPayload> {
    state.run(move |core| core.remove_connection(id)).await
}

/// Starts a sync in the background and returns its run id; progress arrives as
/// `SyncProgressEvent`s.
#[tauri::command]
#[specta::specta]
pub async fn start_sync(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: u32,
    mode: SyncMode,
) -> Result<u32, ErrorPayload> {
    crate::events::start_sync(&app, state.core()?, id, Some(mode)).await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_sync(state: State<'_, AppState>, id: u32) -> Result<(), ErrorPayload> {
    state.core()?.cancel_sync(id);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn sync_history(
    state: State<'_, AppState>,
    connection_id: Option<u32>,
) -> Result<Vec<SyncRun>, ErrorPayload> {
    state
        .run(move |core| core.sync_history(connection_id))
        .await
}

/// Writes the sync history (of one connection, or all), at `path` (chosen in the save dialog), as
/// CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_sync_history(
    state: State<'_, AppState>,
    path: String,
    connection_id: Option<u32>,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| {
                core.export_sync_history(connection_id, format, path)
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn sync_warnings(
    state: State<'_, AppState>,
    run_id: u32,
) -> Result<Vec<RecordWarning>, ErrorPayload> {
    state.run(move |core| core.sync_warnings(run_id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn device_history(
    state: State<'_, AppState>,
    device_id: u32,
) -> Result<Vec<DeviceChange>, ErrorPayload> {
    state.run(move |core| core.device_history(device_id)).await
}

// Asks the OS keyring over D-Bus, which may take a moment: on the blocking pool too.
#[tauri::command]
#[specta::specta]
pub async fn secret_store_status(
    state: State<'_, AppState>,
) -> Result<SecretStoreStatus, ErrorPayload> {
    state.run(|core| Ok(core.secret_store_status())).await
}
