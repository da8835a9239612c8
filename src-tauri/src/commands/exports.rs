//! Where the save dialog of an export starts.

use flotta_core::ErrorPayload;
use tauri::State;

use crate::state::AppState;

/// A free file name `name`-time.`extension` in the user's Downloads folder, which the UI's
/// save dialog proposes; the export commands then write wherever the user chose.
#[tauri::command]
#[specta::specta]
pub async fn suggested_export_path(
    state: State<'_, AppState>,
    name: String,
    extension: String,
) -> Result<String, ErrorPayload> {
    state
        .run(move |core| Ok(core.suggested_export_path(&name, &extension)))
        .await
}
