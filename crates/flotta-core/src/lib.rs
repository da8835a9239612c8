//! Flotta's API boundary: one public method per user action, the transport types the UI sees,
//! and the error codes it can branch on.
//!
//! Architecture invariants: no Tauri or GUI dependency — the app, the command line and tests
//! all drive the same [`Flotta`] handle. Only types reachable from this crate's public methods
//! are exported to TypeScript. Time comes from a [`Clock`] so tests can fix it.

mod agreements;
mod app_search;
mod audit;
mod certification;
mod clock;
mod closures;
mod connections;
mod demo;
mod error;
mod export;
mod exports;
mod fleet_report;
mod form;
mod incident_import;
mod incident_report;
mod incidents;
mod inventory;
mod lifecycle;
mod logs;
mod month;
mod pool;
mod preconfig;
mod process_mark;
mod purchases;
mod register_exports;
mod repairs;
mod secrets;
mod settings;
mod sync;
mod transport;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Notify;

use flotta_store::Store;

use crate::process_mark::ProcessMark;

pub use agreements::{AgreementForm, AgreementView, CategoryRemoval, CategoryView};
pub use app_search::AppGrouping;
pub use certification::{ModelCertification, ModelRow, StepReport, StepState};
pub use clock::Clock;
pub use closures::{CalendarDay, ClosureDayView};
pub use demo::{DEMO_CONNECTION_NAME, DemoTenant};
pub use error::{Error, ErrorCode, ErrorPayload};
pub use export::TableFormat;
pub use flotta_domain::pool::{CoverLevel, PoolCover};
pub use flotta_domain::{
    AllowedMoves, AppCount, AppDevice, AppDevices, AppMatch, AppSearch, AppSpread, AppVisibility,
    AuditFilter, AuditRecord, AuthMethod, CertificationMatch, CertificationStatus,
    CertificationStep, Compliance, ComplianceReason, ConnectionSettings, DeviceApp, DeviceApps,
    DeviceChange, DeviceDetail, DeviceFilters, DevicePage, DeviceRow, DueCount, FacetValue,
    FieldValue, FleetSummary, InventoryView, Lifecycle, LifecycleMove, OsFamily, Ownership,
    PreconfigStep, Purchase, PurchaseField, PurchaseForm, PurchaseLine, PurchaseMatch, Quarter,
    QuarterForecast, RecordWarning, ReplacementForecast, STALE_AFTER_DAYS, SortColumn,
    SortDirection, SortSpec, SourceKind, SourceRecord, StepDone, StepOutcome, StepResult,
    SyncCounts, SyncMode, SyncRun, SyncStatus, Vendor, WarrantyStatus, app_key,
};
pub use flotta_domain::{calendar, incident, repair};
pub use flotta_import::{CellNote, Encoding, MappedColumn, MissingColumn};
pub use flotta_sync::RetryPolicy;
pub use incident_import::{IncidentImportOptions, IncidentImportPreview, IncidentImportResult};
pub use incident_report::{IncidentReportRequest, ReportFormat};
pub use incidents::{
    IncidentDeviceView, IncidentEventForm, IncidentEventView, IncidentForm, IncidentList,
    IncidentQuery, IncidentView, MAX_DESCRIPTION_CHARS,
};
pub use logs::{APP_IDENTIFIER, log_folder};
pub use pool::{LoanerOut, PoolModelView, PoolOverview, PoolUnitView, ScanResult};
pub use preconfig::{Delivery, PreconfigUnit, PreconfigView, TickScope};
pub use purchases::{
    ImportOptions, ImportProblem, ImportedBefore, MappingSource, ProblemKind,
    PurchaseImportPreview, PurchaseImportResult, PurchaseList, UnknownModel, WarrantyOverview,
};
pub use repairs::{
    CaseUnitView, LoanerView, RepairCaseForm, RepairCaseList, RepairCaseQuery, RepairCaseView,
    RepairEventForm, RepairEventView,
};
pub use transport::{
    AppStatus, Connection, ConnectionDefaults, ConnectionInput, ConnectionTest, DeviceQuery,
    ExportedFile, Language, SecretStorage, SecretStoreStatus, Settings, SyncPhase, SyncProgress,
};

/// How to open Flotta.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_path: PathBuf,
    /// Who is making changes, as recorded in the audit log.
    pub actor: String,
    /// When set and the register is empty, fill it with a generated demo fleet of this size.
    pub demo_devices: Option<usize>,
    pub clock: Clock,
    /// How hard connectors retry; tests shorten the waits.
    pub retry: flotta_sync::RetryPolicy,
}

/// The open application: a database and the context every action needs.
#[derive(Debug)]
pub struct Flotta {
    /// Writes, and reads that belong to a write.
    store: Mutex<Store>,
    /// What the UI reads, on a connection of its own: never behind a write that waits for a
    /// sync's transaction.
    reader: Mutex<Store>,
    /// Held by the sync that is writing; a second one waits for it.
    sync_writing: tokio::sync::Mutex<()>,
    actor: String,
    clock: Clock,
    secrets: secrets::Secrets,
    /// Running syncs by connection, with the signal that cancels each.
    running: Mutex<HashMap<u32, Arc<Notify>>>,
    retry: flotta_sync::RetryPolicy,
    /// The demo tenant's emulator, served while the app runs.
    demo_tenant: Mutex<Option<flotta_emulator::Emulator>>,
    /// Tells other processes on the same register that this one's running syncs are alive.
    process: ProcessMark,
    /// The working-day calendar last built, with the closure days it was built from: it is
    /// rebuilt when they differ (another process may change them).
    calendar: Mutex<Option<repairs::CachedCalendar>>,
}

impl Flotta {
    /// Opens (creating or migrating) the database, and seeds the demo fleet if asked to.
    pub fn open(config: Config) -> Result<Self, Error> {
        let (store, report) = Store::open(&config.database_path, config.clock.now())?;
        if let Some(backup) = &report.backup {
            tracing::info!(
                from_version = report.found_version,
                backup = %backup.display(),
                "migrated the database"
            );
        }
        let reader = store.reopen()?;
        // Ready before anyone asks for a sync or a connection test.
        std::thread::spawn(flotta_sync::warm_up);
        let flotta = Self {
            store: Mutex::new(store),
            reader: Mutex::new(reader),
            sync_writing: tokio::sync::Mutex::new(()),
            actor: config.actor,
            clock: config.clock,
            secrets: secrets::Secrets::new(&config.database_path),
            running: Mutex::default(),
            retry: config.retry,
            demo_tenant: Mutex::default(),
            process: ProcessMark::claim(&config.database_path),
            calendar: Mutex::default(),
        };
        let database = config.database_path.clone();
        flotta
            .store()
            .fail_interrupted_runs(flotta.clock.now(), |owner| {
                owner.is_none_or(|token| ProcessMark::is_gone(&database, token))
            })?;
        flotta.move_tenant_codes_to_keyring()?;
        if let Some(devices) = config.demo_devices {
            flotta.seed_demo_fleet_if_empty(devices)?;
        }
        Ok(flotta)
    }

    /// As the app exits: empties the write-ahead log on a connection of its own, so the next
    /// start does not read it (the process ends without closing the database). Never waits:
    /// if a sync is being saved, the log is left for the next start.
    pub fn before_exit(&self) {
        let reopened = self.store().reopen();
        match reopened.and_then(|mut store| store.checkpoint_without_waiting()) {
            Ok(()) => tracing::info!("emptied the write-ahead log before exit"),
            Err(error) => tracing::info!(%error, "left the write-ahead log for the next start"),
        }
    }

    /// The user name recorded for changes made through this handle.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave the store half-written (every write is
        // one transaction), so a poisoned lock is safe to keep using.
        self.store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn reader(&self) -> MutexGuard<'_, Store> {
        self.reader
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The user name of the person running Flotta, for the audit log.
pub fn actor_from_environment() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|value| !value.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
