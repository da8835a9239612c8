//! Pre-configuration of delivered units: a delivery's checklist, ticking, the template.

use flotta_core::{
    ErrorPayload, ExportedFile, PreconfigStep, PreconfigView, TableFormat, TickScope,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn preconfig(
    state: State<'_, AppState>,
    delivery: Option<u32>,
) -> Result<PreconfigView, ErrorPayload> {
    state.run(move |core| core.preconfig(delivery)).await
}

#[tauri::command]
#[specta::specta]
pub async fn tick_preconfig(
    state: State<'_, AppState>,
    scope: TickScope,
    step_id: u32,
    done: bool,
) -> Result<u32, ErrorPayload> {
    state
        .run(move |core| core.tick_preconfig(scope, step_id, done))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_preconfig_step(
    state: State<'_, AppState>,
    title: String,
) -> Result<PreconfigStep, ErrorPayload> {
    state.run(move |core| core.add_preconfig_step(&title)).await
}

#[tauri::command]
#[specta::specta]
pub async fn retire_preconfig_step(
    state: State<'_, AppState>,
    step_id: u32,
) -> Result<(), ErrorPayload> {
    state
        .run(move |core| core.retire_preconfig_step(step_id))
        .await
}

/// Writes every unit of a delivery's checklist, at `path` (chosen in the save dialog), as CSV
/// or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_preconfig(
    state: State<'_, AppState>,
    path: String,
    delivery: Option<u32>,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_preconfig(delivery, format, path))
        })
        .await
}
