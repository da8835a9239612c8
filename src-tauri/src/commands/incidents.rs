//! Support incidents: the case list and panel, categories and agreements, and the monthly
//! incident report.

use flotta_core::incident::IncidentReport;
use flotta_core::repair::SlaType;
use flotta_core::{
    AgreementForm, AgreementView, CategoryRemoval, CategoryView, ErrorPayload, ExportedFile,
    IncidentEventForm, IncidentForm, IncidentImportOptions, IncidentImportPreview,
    IncidentImportResult, IncidentList, IncidentQuery, IncidentReportRequest, IncidentView,
    ReportFormat, TableFormat,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn incidents(
    state: State<'_, AppState>,
    query: IncidentQuery,
) -> Result<IncidentList, ErrorPayload> {
    state.run(move |core| core.incidents(&query)).await
}

/// Writes the cases the list's filters match, at `path` (chosen in the save dialog), as CSV or a
/// workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_incidents(
    state: State<'_, AppState>,
    path: String,
    query: IncidentQuery,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_incidents(&query, format, path))
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn incident(state: State<'_, AppState>, id: u32) -> Result<IncidentView, ErrorPayload> {
    state.run(move |core| core.incident(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn log_incident(
    state: State<'_, AppState>,
    form: IncidentForm,
) -> Result<IncidentView, ErrorPayload> {
    state.run(move |core| core.log_incident(&form)).await
}

#[tauri::command]
#[specta::specta]
pub async fn record_incident_event(
    state: State<'_, AppState>,
    id: u32,
    form: IncidentEventForm,
) -> Result<IncidentView, ErrorPayload> {
    state
        .run(move |core| core.record_incident_event(id, &form))
        .await
}

/// Opens a repair case for the case's device and links the two.
#[tauri::command]
#[specta::specta]
pub async fn open_repair_for_incident(
    state: State<'_, AppState>,
    id: u32,
    sla: SlaType,
) -> Result<IncidentView, ErrorPayload> {
    state
        .run(move |core| core.open_repair_for_incident(id, sla))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_categories(
    state: State<'_, AppState>,
) -> Result<Vec<CategoryView>, ErrorPayload> {
    state.run(move |core| core.incident_categories()).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_incident_category(
    state: State<'_, AppState>,
    name_sv: String,
    name_en: String,
) -> Result<u32, ErrorPayload> {
    state
        .run(move |core| core.add_incident_category(&name_sv, &name_en))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_incident_category(
    state: State<'_, AppState>,
    id: u32,
) -> Result<CategoryRemoval, ErrorPayload> {
    state
        .run(move |core| core.remove_incident_category(id))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn support_agreements(
    state: State<'_, AppState>,
) -> Result<Vec<AgreementView>, ErrorPayload> {
    state.run(move |core| core.support_agreements()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_support_agreement(
    state: State<'_, AppState>,
    form: AgreementForm,
) -> Result<AgreementView, ErrorPayload> {
    state
        .run(move |core| core.save_support_agreement(&form))
        .await
}

/// The report's figures and case list, for the preview.
#[tauri::command]
#[specta::specta]
pub async fn incident_report(
    state: State<'_, AppState>,
    request: IncidentReportRequest,
) -> Result<IncidentReport, ErrorPayload> {
    state
        .run(move |core| {
            core.incident_report(
                &request.month,
                request.org_unit.as_deref(),
                request.agreement.as_deref(),
            )
        })
        .await
}

/// Writes the report, at `path` (chosen in the save dialog), as PDF or CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_incident_report(
    state: State<'_, AppState>,
    path: String,
    request: IncidentReportRequest,
    format: ReportFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| {
                core.export_incident_report(&request, format, path)
            })
        })
        .await
}

/// What importing a helpdesk's export would do; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_incident_import(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: IncidentImportOptions,
) -> Result<IncidentImportPreview, ErrorPayload> {
    state
        .run(move |core| core.preview_incident_import(&file_name, &bytes, &options))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn import_incidents(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: IncidentImportOptions,
) -> Result<IncidentImportResult, ErrorPayload> {
    state
        .run(move |core| core.import_incidents(&file_name, &bytes, &options))
        .await
}
