//! The Flotta desktop app: a thin layer of Tauri commands over `flotta-core`.
//!
//! Architecture invariant: no SQL, HTTP, PDF or CSV here, and no business rules: each command
//! is one call into `flotta-core`. This crate only decides where the database lives, wires
//! commands and events, and turns core errors into payloads the UI translates.

mod commands;
mod events;
mod launch;
mod state;

use std::sync::Arc;
use std::time::Instant;

pub use commands::bindings_builder;

/// Starts the app; returns when the last window closes.
pub fn run() {
    let started = Instant::now();
    launch::init_logging();
    let options = launch::Options::from_env_and_args();
    let builder = bindings_builder();
    let result = tauri::Builder::default()
        // The native save dialog, so an export or a report goes where the user chooses.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let state = state::AppState::open(app.handle(), &options, started);
            if let Ok(core) = state.core() {
                if let Some(devices) = options.demo_devices {
                    let first_paint = Arc::clone(&state.first_paint);
                    events::start_demo(app.handle(), &core, devices, first_paint);
                }
                events::run_schedules(app.handle(), core);
            }
            tauri::Manager::manage(app, state);
            Ok(())
        })
        .build(tauri::generate_context!("../tauri.conf.json"));
    let app = match result {
        Ok(app) => app,
        Err(error) => {
            tracing::error!(%error, "Flotta could not start its window");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            let state = tauri::Manager::state::<state::AppState>(handle);
            if let Ok(core) = state.core() {
                core.before_exit();
            }
        }
    });
}
