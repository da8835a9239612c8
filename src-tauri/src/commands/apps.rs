//! The app question: which products match a search, and where one is installed.

use flotta_core::{AppDevices, AppSearch, AppSpread, ErrorPayload, ExportedFile, TableFormat};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn search_apps(
    state: State<'_, AppState>,
    text: String,
) -> Result<AppSearch, ErrorPayload> {
    state.run(move |core| core.search_apps(&text)).await
}

#[tauri::command]
#[specta::specta]
pub async fn app_spread(
    state: State<'_, AppState>,
    key: String,
) -> Result<AppSpread, ErrorPayload> {
    state.run(move |core| core.app_spread(&key)).await
}

/// The units with the app, newest installs first (the first 500).
#[tauri::command]
#[specta::specta]
pub async fn app_devices(
    state: State<'_, AppState>,
    key: String,
) -> Result<AppDevices, ErrorPayload> {
    state.run(move |core| core.app_devices(&key)).await
}

/// Writes every unit with the app, with when each was first seen, at `path` (chosen in the
/// save dialog), as CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_app_devices(
    state: State<'_, AppState>,
    path: String,
    key: String,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_app_devices(&key, format, path))
        })
        .await
}
