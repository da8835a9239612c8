//! What a sync brings in and what it reports: vendor records mapped onto Flotta's device
//! model, the warnings for what could not be read, and the record of a run.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::apps::AppsSeen;
use crate::device::{Compliance, ComplianceReason, OsFamily, Ownership};
use crate::identifiers::{Imei, SerialNumber};

/// One device as one EMM reports it, already validated. Fields the vendor did not send or
/// sent in a form that could not be read are `None` (and produced a [`RecordWarning`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorDevice {
    /// The vendor's own id for the enrolment; changes when a device is wiped and re-enrolled.
    pub vendor_id: String,
    pub serial: Option<SerialNumber>,
    pub imei: Option<Imei>,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub os: OsFamily,
    pub os_version: Option<String>,
    pub ownership: Ownership,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub org_unit: Option<String>,
    pub compliance: Compliance,
    /// The grounds of a non-compliant verdict, where the vendor gives them.
    pub compliance_reasons: Vec<ComplianceReason>,
    pub jailbroken: bool,
    pub encrypted: bool,
    /// The vendor has the unit in lost mode (locked, showing a message). A hint that the unit
    /// may be lost, never a lifecycle change by itself: a person decides.
    pub lost_mode: bool,
    pub enrolled_at: Option<DateTime<Utc>>,
    pub last_check_in: Option<DateTime<Utc>>,
    /// The vendor's record exactly as received (compact JSON), kept so a field Flotta does
    /// not map today can be mapped later without a re-sync. App lists are taken out: they
    /// are kept as installed apps, and would otherwise double the register's size.
    pub raw_json: String,
    pub apps: AppsSeen,
}

/// A field of one vendor record that could not be read. The rest of the record, and of the
/// page, is still synced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RecordWarning {
    pub vendor_id: String,
    pub field: String,
    pub problem: String,
}

/// A full sync sees every device and marks the ones it did not see as missing; an
/// incremental one asks only for what changed since the last sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SyncMode {
    Full,
    Incremental,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl SyncStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncStatus::Running => "running",
            SyncStatus::Succeeded => "succeeded",
            SyncStatus::Failed => "failed",
            SyncStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_text(text: &str) -> Option<Self> {
        [
            SyncStatus::Running,
            SyncStatus::Succeeded,
            SyncStatus::Failed,
            SyncStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.as_str() == text)
    }
}

impl SyncMode {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncMode::Full => "full",
            SyncMode::Incremental => "incremental",
        }
    }

    pub fn from_text(text: &str) -> Option<Self> {
        [SyncMode::Full, SyncMode::Incremental]
            .into_iter()
            .find(|mode| mode.as_str() == text)
    }
}

/// What a sync did to the register.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncCounts {
    /// Devices new to the register.
    pub added: u32,
    /// Devices whose fields changed.
    pub updated: u32,
    pub unchanged: u32,
    /// Devices this connection reported before and did not report in this full sync.
    pub missing: u32,
    /// Devices seen again after having been missing.
    pub returned: u32,
    /// Records with fields that could not be read, or that could not be matched to a unit.
    pub warnings: u32,
}

/// One sync of one connection, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncRun {
    pub id: u32,
    pub connection_id: u32,
    pub connection_name: String,
    pub mode: SyncMode,
    pub status: SyncStatus,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub counts: SyncCounts,
    /// Pages fetched and records received.
    pub pages: u32,
    pub records: u32,
    /// Why it failed: the error code the UI words in the user's language…
    pub error_code: Option<String>,
    /// …and the English detail behind "Show details".
    pub error: Option<String>,
    pub actor: String,
}

/// One tracked field of a device that a sync (or a user) changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceChange {
    pub at: DateTime<Utc>,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The connection whose sync made the change, or the person who made it.
    pub source: String,
    /// Why a person made the change (a lifecycle move), when they said.
    pub reason: Option<String>,
}
