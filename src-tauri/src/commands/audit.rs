//! The audit view: the log searched, and exported as CSV.

use flotta_core::{AuditFilter, AuditRecord, ErrorPayload, ExportedFile, TableFormat};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn audit_log(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<Vec<AuditRecord>, ErrorPayload> {
    state.run(move |core| core.audit_log(&filter)).await
}

/// Writes what the audit view shows, at `path` (chosen in the save dialog), as CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_audit(
    state: State<'_, AppState>,
    path: String,
    filter: AuditFilter,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_audit(&filter, format, path))
        })
        .await
}
