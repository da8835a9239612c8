//! Browsing the register.

use flotta_core::{
    DeviceApps, DeviceDetail, DevicePage, DeviceQuery, ErrorPayload, ExportedFile, FleetSummary,
    InventoryView, Language, ReportFormat, SourceRecord, TableFormat,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn query_devices(
    state: State<'_, AppState>,
    query: DeviceQuery,
) -> Result<DevicePage, ErrorPayload> {
    state.run(move |core| core.query_devices(&query)).await
}

#[tauri::command]
#[specta::specta]
pub async fn device_detail(
    state: State<'_, AppState>,
    id: u32,
) -> Result<DeviceDetail, ErrorPayload> {
    state.run(move |core| core.device_detail(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn device_apps(state: State<'_, AppState>, id: u32) -> Result<DeviceApps, ErrorPayload> {
    state.run(move |core| core.device_apps(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn device_sources(
    state: State<'_, AppState>,
    id: u32,
) -> Result<Vec<SourceRecord>, ErrorPayload> {
    state.run(move |core| core.device_sources(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn fleet_summary(state: State<'_, AppState>) -> Result<FleetSummary, ErrorPayload> {
    state.run(move |core| core.fleet_summary()).await
}

/// Writes the inventory view (filters, search, sort), at `path` (chosen in the save dialog), as CSV
/// or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_devices(
    state: State<'_, AppState>,
    path: String,
    view: InventoryView,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_devices(&view, format, path))
        })
        .await
}

/// Writes the fleet summary report (with the repairs of `month`), at `path` (chosen in the save
/// dialog), as PDF or CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_fleet_report(
    state: State<'_, AppState>,
    path: String,
    month: String,
    language: Language,
    format: ReportFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| {
                core.export_fleet_report(&month, language, format, path)
            })
        })
        .await
}
