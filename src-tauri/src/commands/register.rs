//! Changing the register by hand.

use flotta_core::{
    AllowedMoves, AuditFilter, AuditRecord, CertificationStep, DeviceDetail, ErrorPayload,
    ExportedFile, ImportOptions, LifecycleMove, ModelCertification, ModelRow, Purchase,
    PurchaseImportPreview, PurchaseImportResult, PurchaseList, StepReport, WarrantyOverview,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn lifecycle_moves(
    state: State<'_, AppState>,
) -> Result<Vec<AllowedMoves>, ErrorPayload> {
    state.run(move |core| Ok(core.lifecycle_moves())).await
}

#[tauri::command]
#[specta::specta]
pub async fn move_unit(
    state: State<'_, AppState>,
    id: u32,
    requested: LifecycleMove,
) -> Result<DeviceDetail, ErrorPayload> {
    state.run(move |core| core.move_unit(id, &requested)).await
}

/// What importing a delivery file would do; writes nothing. The file comes as its bytes:
/// the web view reads what the user picked.
#[tauri::command]
#[specta::specta]
pub async fn preview_purchase_import(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> Result<PurchaseImportPreview, ErrorPayload> {
    state
        .run(move |core| core.preview_purchase_import(&file_name, &bytes, &options))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_purchases(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> Result<PurchaseImportResult, ErrorPayload> {
    state
        .run(move |core| core.import_purchases(&file_name, &bytes, &options))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn purchases(
    state: State<'_, AppState>,
    unseen: bool,
) -> Result<PurchaseList, ErrorPayload> {
    state.run(move |core| core.purchases(unseen)).await
}

#[tauri::command]
#[specta::specta]
pub async fn device_purchase(
    state: State<'_, AppState>,
    id: u32,
) -> Result<Option<Purchase>, ErrorPayload> {
    state.run(move |core| core.device_purchase(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn warranty_overview(
    state: State<'_, AppState>,
) -> Result<WarrantyOverview, ErrorPayload> {
    state.run(move |core| core.warranty_overview()).await
}

#[tauri::command]
#[specta::specta]
pub async fn audit_log(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<Vec<AuditRecord>, ErrorPayload> {
    state.run(move |core| core.audit_log(&filter)).await
}

/// Writes what the audit view shows into the user's Downloads folder as CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_audit(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| core.export_audit_to_downloads(&filter))
        .await
}

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
