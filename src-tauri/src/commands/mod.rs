//! The commands the UI can call, one module per area, and the typed bindings for them.

mod apps;
mod audit;
mod certification;
mod connections;
mod exports;
mod incidents;
mod inventory;
mod preconfig;
mod purchases;
mod register;
mod repairs;
mod settings;
mod status;

/// Every command, for the invoke handler and for generating `ui/src/bindings.ts`.
pub fn bindings_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // One shape per type: the UI sends back exactly what it received.
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            status::app_status,
            status::mark_first_paint,
            exports::suggested_export_path,
            apps::search_apps,
            apps::app_spread,
            apps::app_devices,
            apps::export_app_devices,
            purchases::export_warranty_forecast,
            preconfig::export_preconfig,
            repairs::export_calendar_year,
            settings::get_settings,
            settings::set_language,
            settings::set_inventory_view,
            settings::set_expiring_within_days,
            inventory::query_devices,
            inventory::device_detail,
            inventory::device_apps,
            inventory::device_sources,
            inventory::fleet_summary,
            inventory::export_devices,
            inventory::export_fleet_report,
            register::lifecycle_moves,
            register::move_unit,
            purchases::preview_purchase_import,
            purchases::import_purchases,
            purchases::purchases,
            purchases::add_purchase,
            purchases::edit_purchase,
            purchases::device_purchase,
            purchases::warranty_overview,
            purchases::export_purchases,
            repairs::repair_cases,
            repairs::repair_case,
            repairs::open_repair_case,
            repairs::record_repair_event,
            repairs::pool_overview,
            repairs::available_pool_units,
            repairs::scan,
            repairs::calendar_year,
            repairs::closure_days,
            repairs::add_closure_day,
            repairs::remove_closure_day,
            repairs::sla_settings,
            repairs::set_sla_settings,
            repairs::sla_report,
            repairs::export_sla_report,
            repairs::export_sla_report_pdf,
            repairs::export_repair_cases,
            repairs::export_pool,
            incidents::incidents,
            incidents::incident,
            incidents::export_incidents,
            incidents::log_incident,
            incidents::record_incident_event,
            incidents::open_repair_for_incident,
            incidents::incident_categories,
            incidents::add_incident_category,
            incidents::remove_incident_category,
            incidents::support_agreements,
            incidents::save_support_agreement,
            incidents::incident_report,
            incidents::export_incident_report,
            incidents::preview_incident_import,
            incidents::import_incidents,
            audit::audit_log,
            audit::export_audit,
            certification::models,
            certification::export_models,
            certification::model_certification,
            certification::record_certification_step,
            certification::add_certification_step,
            certification::set_model_lifetime,
            preconfig::preconfig,
            preconfig::tick_preconfig,
            preconfig::add_preconfig_step,
            preconfig::retire_preconfig_step,
            connections::list_connections,
            connections::connection_defaults,
            connections::save_connection,
            connections::test_connection,
            connections::remove_connection,
            connections::start_sync,
            connections::cancel_sync,
            connections::sync_history,
            connections::export_sync_history,
            connections::sync_warnings,
            connections::device_history,
            connections::secret_store_status,
        ])
        .events(tauri_specta::collect_events![
            crate::events::SyncProgressEvent
        ])
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The UI's `bindings.ts` is generated from the Rust types; a stale copy fails here.
    /// `FLOTTA_UPDATE_BINDINGS=1 cargo test -p flotta-app bindings` rewrites it.
    #[test]
    fn committed_bindings_match_the_rust_types() {
        let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let dir = tempfile::tempdir().expect("temp dir");
        let generated = dir.path().join("bindings.ts");
        super::bindings_builder()
            .export(
                specta_typescript::Typescript::default()
                    .header("// Generated from the Rust types by tauri-specta; do not edit.\n// Regenerate: FLOTTA_UPDATE_BINDINGS=1 cargo test -p flotta-app bindings"),
                &generated,
            )
            .expect("bindings export");
        let generated = std::fs::read_to_string(&generated).expect("generated bindings");
        if std::env::var_os("FLOTTA_UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &generated).expect("write ui/src/bindings.ts");
            return;
        }
        let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            on_disk == generated,
            "ui/src/bindings.ts is out of date with the Rust types; \
             run FLOTTA_UPDATE_BINDINGS=1 cargo test -p flotta-app bindings"
        );
    }
}
