//! Flotta's domain: the words the product is built from and the rules that need no IO.
//!
//! Architecture invariant: this crate does no IO, has no async and never reads the clock.
//! Rules that depend on "now" take it as an argument, so they are deterministic in tests and
//! behave the same from the app, the command line and a benchmark.

#[macro_use]
mod vocabulary;

pub mod app_spread;
pub mod apps;
pub mod audit;
pub mod calendar;
pub mod certification;
pub mod connection;
pub mod device;
pub mod fleet_report;
pub mod identifiers;
pub mod incident;
pub mod inventory;
pub mod lifecycle;
pub mod pool;
pub mod preconfig;
pub mod purchase;
pub mod repair;
pub mod source;
pub mod stats;
pub mod sync;
pub mod time;
pub mod unit_sources;
pub mod warranty;

pub use app_spread::{
    APP_SEARCH_MIN_CHARS, AppCount, AppDevice, AppDevices, AppMatch, AppSearch, AppSpread,
    RecordApps, app_key, app_matches, app_spread, sort_versions,
};
pub use apps::{AppVisibility, AppsSeen, DeviceApp, DeviceApps, InstalledApp};
pub use audit::{AuditFilter, AuditRecord};
pub use certification::{
    CertificationProblem, CertificationStatus, CertificationStep, StepOutcome, StepResult,
    certification_status, check_result, open_level,
};
pub use connection::{
    AuthMethod, ConnectionSettings, MAX_CONCURRENCY, MAX_PAGE_SIZE, SettingsProblem, Vendor,
};
pub use device::{Compliance, ComplianceReason, Device, Lifecycle, OsFamily, Ownership};
pub use identifiers::{IdentifierError, Imei, SerialNumber};
pub use inventory::{
    CertificationMatch, DeviceDetail, DeviceFilters, DevicePage, DeviceRow, FacetValue,
    FleetSummary, InventoryView, PurchaseMatch, STALE_AFTER_DAYS, SortColumn, SortDirection,
    SortSpec,
};
pub use lifecycle::{AllowedMoves, LifecycleMove, MoveProblem, allowed_moves, check_move};
pub use preconfig::{
    PreconfigStep, StepDone, StepTitleProblem, Tick, check_step_title, ready_to_deploy, step_states,
};
pub use purchase::{
    FormProblem, Purchase, PurchaseField, PurchaseForm, PurchaseLine, check_purchase_form,
};
pub use source::SourceKind;
pub use sync::{
    DeviceChange, RecordWarning, SyncCounts, SyncMode, SyncRun, SyncStatus, VendorDevice,
};
pub use unit_sources::{FieldValue, SourceRecord};
pub use warranty::{
    DEFAULT_EXPIRING_WITHIN_DAYS, DueCount, ForecastUnit, Quarter, QuarterForecast,
    ReplacementForecast, WarrantyStatus, replacement_forecast, warranty_end, warranty_end_range,
    warranty_status,
};
