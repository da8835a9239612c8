//! Repairs and the swap pool: cases and their timelines, the pool, the calendar's closure
//! days, the SLA settings and report, and what a scanned code finds.

use chrono::NaiveDate;
use flotta_core::repair::{SlaReport, SlaSettings};
use flotta_core::{
    CalendarDay, ClosureDayView, ErrorPayload, ExportedFile, PoolOverview, PoolUnitView,
    RepairCaseForm, RepairCaseList, RepairCaseQuery, RepairCaseView, RepairEventForm, ScanResult,
    TableFormat,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn repair_cases(
    state: State<'_, AppState>,
    query: RepairCaseQuery,
) -> Result<RepairCaseList, ErrorPayload> {
    state.run(move |core| core.repair_cases(&query)).await
}

#[tauri::command]
#[specta::specta]
pub async fn repair_case(
    state: State<'_, AppState>,
    id: u32,
) -> Result<RepairCaseView, ErrorPayload> {
    state.run(move |core| core.repair_case(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_repair_case(
    state: State<'_, AppState>,
    form: RepairCaseForm,
) -> Result<RepairCaseView, ErrorPayload> {
    state.run(move |core| core.open_repair_case(&form)).await
}

#[tauri::command]
#[specta::specta]
pub async fn record_repair_event(
    state: State<'_, AppState>,
    id: u32,
    form: RepairEventForm,
) -> Result<RepairCaseView, ErrorPayload> {
    state
        .run(move |core| core.record_repair_event(id, &form))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn pool_overview(state: State<'_, AppState>) -> Result<PoolOverview, ErrorPayload> {
    state.run(move |core| core.pool_overview()).await
}

/// The pool's available units: of one model when both names are given, else all.
#[tauri::command]
#[specta::specta]
pub async fn available_pool_units(
    state: State<'_, AppState>,
    manufacturer: Option<String>,
    model: Option<String>,
) -> Result<Vec<PoolUnitView>, ErrorPayload> {
    state
        .run(move |core| core.available_pool_units(manufacturer.as_deref(), model.as_deref()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn scan(state: State<'_, AppState>, code: String) -> Result<ScanResult, ErrorPayload> {
    state.run(move |core| core.scan(&code)).await
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_year(
    state: State<'_, AppState>,
    year: i32,
) -> Result<Vec<CalendarDay>, ErrorPayload> {
    state.run(move |core| core.calendar_year(year)).await
}

#[tauri::command]
#[specta::specta]
pub async fn closure_days(state: State<'_, AppState>) -> Result<Vec<ClosureDayView>, ErrorPayload> {
    state.run(move |core| core.closure_days()).await
}

#[tauri::command]
#[specta::specta]
pub async fn add_closure_day(
    state: State<'_, AppState>,
    date: NaiveDate,
    name: String,
) -> Result<bool, ErrorPayload> {
    state
        .run(move |core| core.add_closure_day(date, &name))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn remove_closure_day(
    state: State<'_, AppState>,
    date: NaiveDate,
) -> Result<bool, ErrorPayload> {
    state.run(move |core| core.remove_closure_day(date)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sla_settings(state: State<'_, AppState>) -> Result<SlaSettings, ErrorPayload> {
    state.run(move |core| core.sla_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_sla_settings(
    state: State<'_, AppState>,
    settings: SlaSettings,
) -> Result<(), ErrorPayload> {
    state
        .run(move |core| core.set_sla_settings(&settings))
        .await
}

/// The SLA report of `month` (`YYYY-MM`) for one organisation unit or all.
#[tauri::command]
#[specta::specta]
pub async fn sla_report(
    state: State<'_, AppState>,
    month: String,
    org_unit: Option<String>,
) -> Result<SlaReport, ErrorPayload> {
    state
        .run(move |core| core.sla_report(&month, org_unit.as_deref()))
        .await
}

/// Writes the SLA report of `month`, at `path` (chosen in the save dialog), as CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_sla_report(
    state: State<'_, AppState>,
    path: String,
    month: String,
    org_unit: Option<String>,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| {
                core.export_sla_report_csv(&month, org_unit.as_deref(), path)
            })
        })
        .await
}

/// Writes the SLA report of `month`, at `path` (chosen in the save dialog), as a PDF.
#[tauri::command]
#[specta::specta]
pub async fn export_sla_report_pdf(
    state: State<'_, AppState>,
    path: String,
    month: String,
    org_unit: Option<String>,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| {
                core.export_sla_report_pdf(&month, org_unit.as_deref(), path)
            })
        })
        .await
}

/// Writes the cases the list's filters match, at `path` (chosen in the save dialog), as CSV or a
/// workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_repair_cases(
    state: State<'_, AppState>,
    path: String,
    query: RepairCaseQuery,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_repair_cases(&query, format, path))
        })
        .await
}

/// Writes the pool per model, at `path` (chosen in the save dialog), as CSV or a workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_pool(
    state: State<'_, AppState>,
    path: String,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| ExportedFile::write_with(path, |path| core.export_pool(format, path)))
        .await
}

/// Writes the closed days of `year`, at `path` (chosen in the save dialog), as CSV or a
/// workbook.
#[tauri::command]
#[specta::specta]
pub async fn export_calendar_year(
    state: State<'_, AppState>,
    path: String,
    year: i32,
    format: TableFormat,
) -> Result<ExportedFile, ErrorPayload> {
    state
        .run(move |core| {
            ExportedFile::write_with(path, |path| core.export_calendar_year(year, format, path))
        })
        .await
}
