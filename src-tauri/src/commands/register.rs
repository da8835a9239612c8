//! Changing the register by hand: moving a unit through its life.

use flotta_core::{AllowedMoves, DeviceDetail, ErrorPayload, LifecycleMove};
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
