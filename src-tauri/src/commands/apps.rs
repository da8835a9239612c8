//! The app question: which products match a search, and where one is installed.

use flotta_core::{AppSearch, AppSpread, ErrorPayload};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn search_apps(
    state: State<'_, AppState>,
    text: String,
) -> Result<AppSearch, ErrorPayload> {
    state.run(move |core| core.search_apps(&text)).await
}

#[tauri::command]
#[specta::specta]
pub async fn app_spread(
    state: State<'_, AppState>,
    key: String,
) -> Result<AppSpread, ErrorPayload> {
    state.run(move |core| core.app_spread(&key)).await
}
