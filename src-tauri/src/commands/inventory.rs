//! Browsing the register.

use flotta_core::{DeviceApps, DeviceDetail, DevicePage, DeviceQuery, ErrorPayload, FleetSummary};
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub fn query_devices(
    state: State<'_, AppState>,
    query: DeviceQuery,
) -> Result<DevicePage, ErrorPayload> {
    Ok(state.core()?.query_devices(&query)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn device_detail(state: State<'_, AppState>, id: u32) -> Result<DeviceDetail, ErrorPayload> {
    Ok(state.core()?.device_detail(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn device_apps(state: State<'_, AppState>, id: u32) -> Result<DeviceApps, ErrorPayload> {
    Ok(state.core()?.device_apps(id)?)
}

#[tauri::command(async)]
#[specta::specta]
pub fn fleet_summary(state: State<'_, AppState>) -> Result<FleetSummary, ErrorPayload> {
    Ok(state.core()?.fleet_summary()?)
}
