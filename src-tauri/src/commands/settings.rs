//! Saved preferences.

use flotta_core::{ErrorPayload, InventoryView, Language, Settings};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ErrorPayload> {
    state.run(move |core| core.settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_language(
    state: State<'_, AppState>,
    language: Option<Language>,
) -> Result<(), ErrorPayload> {
    state.run(move |core| core.set_language(language)).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_inventory_view(
    state: State<'_, AppState>,
    view: InventoryView,
) -> Result<(), ErrorPayload> {
    state.run(move |core| core.set_inventory_view(&view)).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_expiring_within_days(
    state: State<'_, AppState>,
    days: u32,
) -> Result<(), ErrorPayload> {
    state
        .run(move |core| core.set_expiring_within_days(days))
        .await
}
