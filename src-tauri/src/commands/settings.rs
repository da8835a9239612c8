//! Saved preferences.

use flotta_core::{ErrorPayload, InventoryView, Language, Settings};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings, ErrorPayload> {
    Ok(state.core()?.settings()?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_language(
    state: State<'_, AppState>,
    language: Option<Language>,
) -> Result<(), ErrorPayload> {
    Ok(state.core()?.set_language(language)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_inventory_view(
    state: State<'_, AppState>,
    view: InventoryView,
) -> Result<(), ErrorPayload> {
    Ok(state.core()?.set_inventory_view(&view)?)
}
