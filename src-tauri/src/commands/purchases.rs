//! Purchases: delivery files previewed and imported, a purchase entered by hand, the list, a unit's purchase,
//! warranties and the replacement forecast.

use flotta_core::{
    ErrorPayload, ExportedFile, ImportOptions, Purchase, PurchaseForm, PurchaseImportPreview,
    PurchaseImportResult, PurchaseList, TableFormat, WarrantyOverview,
};
use tauri::State;

use crate::state::AppState;

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
pub async fn add_purchase(
    state: State<'_, AppState>,
    form: PurchaseForm,
) -> Result<Purchase, ErrorPayload> {
    state.run(move |core| core.add_purchase(&form)).await
}

#[tauri::command]
#[specta::specta]
pub async fn edit_purchase(
    state: State<'_, AppState>,
    id: u32,
    form: PurchaseForm,
) -> Result<Purchase, ErrorPayload> {
    state.run(move |core| core.edit_purchase(id, &form)).await
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

/// Writes the purchases (with `unseen`, those no EMM has reported), at `path` (chosen in the save
/// dialog), as CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_purchases(
    state: State<'_, AppState>,
    path: String,
    unseen: bool,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_purchases(unseen, format, path))
        })
        .await
}

/// Writes the replacement forecast, at `path` (chosen in the save dialog), as CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_warranty_forecast(
    state: State<'_, AppState>,
    path: String,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_warranty_forecast(format, path))
        })
        .await
}
