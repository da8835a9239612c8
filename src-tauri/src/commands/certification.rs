//! Models: the models with their certification, one model's steps, recording results, own
//! steps, the planned lifetime per model.

use flotta_core::{
    CertificationStep, ErrorPayload, ExportedFile, ModelCertification, ModelRow, StepReport,
    TableFormat,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn models(state: State<'_, AppState>) -> Result<Vec<ModelRow>, ErrorPayload> {
    state.run(move |core| core.models()).await
}

#[tauri::command]
#[specta::specta]
pub async fn model_certification(
    state: State<'_, AppState>,
    manufacturer: String,
    model: String,
) -> Result<ModelCertification, ErrorPayload> {
    state
        .run(move |core| core.model_certification(&manufacturer, &model))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn record_certification_step(
    state: State<'_, AppState>,
    manufacturer: String,
    model: String,
    report: StepReport,
) -> Result<ModelCertification, ErrorPayload> {
    state
        .run(move |core| core.record_certification_step(&manufacturer, &model, &report))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn add_certification_step(
    state: State<'_, AppState>,
    level: u8,
    title: String,
) -> Result<CertificationStep, ErrorPayload> {
    state
        .run(move |core| core.add_certification_step(level, &title))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn set_model_lifetime(
    state: State<'_, AppState>,
    manufacturer: String,
    model: String,
    months: Option<u32>,
) -> Result<(), ErrorPayload> {
    state
        .run(move |core| core.set_model_lifetime(&manufacturer, &model, months))
        .await
}

/// Writes the models with their certification, at `path` (chosen in the save dialog), as CSV or a
/// workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_models(
    state: State<'_, AppState>,
    path: String,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| ExportedFile::write_with(path, |path| core.export_models(format, path)))
        .await
}
