//! Flotta's storage: a SQLite file reached through rusqlite.
//!
//! Architecture invariant: this is the only crate that contains SQL. Callers see domain types
//! and [`Store`] methods; a later PostgreSQL store can offer the same methods and nothing
//! above this crate will notice.
//!
//! Every write goes through a transaction; every change a user makes also writes a row to the
//! audit log in the same transaction, so the trail and the data can never disagree.

mod agreements;
mod app_index;
mod app_spread;
mod apps;
mod audit;
mod batch;
mod bulk;
mod case_events;
mod certification;
mod closures;
mod connection;
mod connections;
mod devices;
mod error;
mod functions;
mod incidents;
mod lifecycle;
mod migrations;
mod pool;
mod preconfig;
mod purchases;
mod query;
mod repairs;
mod settings;
mod sources;
mod summary;
mod sync_runs;
mod sync_writer;
mod unit_records;

pub use agreements::{AgreementRecord, CategoryRecord, CategoryRemoved};
pub use audit::AuditEntry;
pub use certification::{ModelCount, ModelResult};
pub use closures::{ClosureDay, Schedule};
pub use connection::{OpenReport, Store};
pub use connections::StoredConnection;
pub use error::StoreError;
pub use incidents::{
    CategoryRef, IncidentDevice, IncidentEventRecord, IncidentEventWrite, IncidentFilter,
    IncidentRecord, IncidentWritten, NewIncident,
};
pub use lifecycle::MoveOutcome;
pub use migrations::{SCHEMA_VERSION, migration_steps};
pub use pool::{LoanerRecord, PoolModel, PoolUnit};
pub use preconfig::{Delivery, PreconfigUnitRow, TickTarget};
pub use purchases::{EarlierImport, EditOutcome, ImportFile, ImportWritten, SupplierMapping};
pub use query::QueryContext;
pub use repairs::{
    CaseUnit, CaseWrite, CaseWritten, NewRepairCase, RepairCaseFilter, RepairCaseRecord,
    RepairEventRecord, UnitMove,
};
pub use sources::SourceId;
pub use sync_runs::{LastSyncs, RunEnd, RunId};
pub use sync_writer::{ListingEnd, SyncTarget, SyncWriter};
pub use unit_records::UnitRecord;
