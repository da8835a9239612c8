//! EMM connections and their syncs.

use flotta_core::{
    Connection, ConnectionInput, ConnectionTest, DeviceChange, ErrorPayload, RecordWarning,
    SecretStoreStatus, SyncMode, SyncRun,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn list_connections(state: State<'_, AppState>) -> Result<Vec<Connection>, ErrorPayload> {
    Ok(state.core()?.list_connections()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn save_connection(
    state: State<'_, AppState>,
    id: Option<u32>,
    input: ConnectionInput,
) -> Result<Connection, ErrorPayload> {
    Ok(state.core()?.save_connection(id, input)?)
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

#[tauri::command(async)]
#[specta::specta]
pub fn remove_connection(state: State<'_, AppState>, id: u32) -> Result<(), ErrorPayload> {
    Ok(state.core()?.remove_connection(id)?)
}

/// Starts a sync in the background and returns its run id; progress arrives as
/// `SyncProgressEvent`s.
#[tauri::command(async)]
#[specta::specta]
pub async fn start_sync(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: u32,
    mode: SyncMode,
) -> Result<u32, ErrorPayload> {
    crate::events::start_sync(&app, state.core()?, id, Some(mode)).await
}

#[tauri::command(async)]
#[specta::specta]
pub fn cancel_sync(state: State<'_, AppState>, id: u32) -> Result<(), ErrorPayload> {
    state.core()?.cancel_sync(id);
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn sync_history(
    state: State<'_, AppState>,
    connection_id: Option<u32>,
) -> Result<Vec<SyncRun>, ErrorPayload> {
    Ok(state.core()?.sync_history(connection_id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn sync_warnings(
    state: State<'_, AppState>,
    run_id: u32,
) -> Result<Vec<RecordWarning>, ErrorPayload> {
    Ok(state.core()?.sync_warnings(run_id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn device_history(
    state: State<'_, AppState>,
    device_id: u32,
) -> Result<Vec<DeviceChange>, ErrorPayload> {
    Ok(state.core()?.device_history(device_id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn secret_store_status(state: State<'_, AppState>) -> Result<SecretStoreStatus, ErrorPayload> {
    Ok(state.core()?.secret_store_status())
}
