//! What the commands share: the open core, or why it could not be opened.

use std::sync::Arc;
use std::time::Instant;

use flotta_core::{Clock, Config, ErrorCode, ErrorPayload, Flotta};
use tauri::Manager;

use crate::launch::Options;

/// The core when the database opened; otherwise the error every command reports, so the UI
/// can explain it instead of the app failing to start.
pub struct AppState {
    core: Result<Arc<Flotta>, ErrorPayload>,
    pub started: Instant,
    /// Told when the UI has its first inventory page on screen.
    pub first_paint: Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn open(app: &tauri::AppHandle, options: &Options, started: Instant) -> Self {
        let core = database_path(app, options).and_then(|database_path| {
            tracing::info!(database = %database_path.display(), "opening the register");
            Flotta::open(Config {
                database_path,
                actor: flotta_core::actor_from_environment(),
                // The demo fleet arrives through the demo tenant's sync (`events::start_demo`).
                demo_devices: None,
                clock: Clock::System,
                retry: Default::default(),
            })
            .map(Arc::new)
            .map_err(|error| {
                tracing::error!(%error, "the register could not be opened");
                ErrorPayload::from(error)
            })
        });
        Self {
            core,
            started,
            first_paint: Arc::default(),
        }
    }

    pub fn core(&self) -> Result<Arc<Flotta>, ErrorPayload> {
        self.core.clone()
    }

    /// Runs a command's work on the core in the blocking pool. Commands are async so Tauri
    /// keeps them off the window's thread; but their SQLite work blocks, and on a runtime
    /// worker it would hold up what is queued there — a sync's requests, the demo emulator —
    /// the class of bug that once made "Full sync now" hang.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Flotta) -> Result<T, flotta_core::Error> + Send + 'static,
    ) -> Result<T, ErrorPayload> {
        let core = self.core()?;
        // The closure's type names the command it was made in, for the debug log's timings.
        let command = std::any::type_name_of_val(&work);
        let queued = std::time::Instant::now();
        tauri::async_runtime::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let result = work(&core).map_err(ErrorPayload::from);
            tracing::debug!(
                command,
                waited_ms = (started - queued).as_millis() as u64,
                ran_ms = started.elapsed().as_millis() as u64,
                "command done"
            );
            result
        })
        .await
        .map_err(|error| {
            ErrorPayload::new(ErrorCode::Internal, format!("the command stopped: {error}"))
        })?
    }
}

fn database_path(
    app: &tauri::AppHandle,
    options: &Options,
) -> Result<std::path::PathBuf, ErrorPayload> {
    if let Some(path) = &options.database_path {
        return Ok(path.clone());
    }
    app.path()
        .app_data_dir()
        .map(|dir| dir.join("flotta.sqlite3"))
        .map_err(|error| {
            ErrorPayload::new(
                ErrorCode::DatabaseUnavailable,
                format!("cannot find the app-data directory: {error}"),
            )
        })
}
