//! The audit log as a person searches it: who changed what, when, from which value to which.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What to find in the audit log; every part left `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditFilter {
    /// Who made the change (exact).
    pub actor: Option<String>,
    /// The kind of record: `device`, `devices` (a bulk load), `source`, `connection`, `purchases`
    /// (an import), `purchase` (one bought unit), `model`, `certification_template`,
    /// `preconfig_template`, `setting`, `repair_case`, `closure_day`, `incident`,
    /// `incident_category`, `support_agreement`.
    pub entity: Option<String>,
    /// The record's id (a device's, a connection's).
    pub entity_id: Option<String>,
    /// Text in the action or the changed values: a field name (`lifecycle`), a value, a file
    /// name. ASCII letters match either case.
    pub text: Option<String>,
    /// From this time, inclusive.
    pub from: Option<DateTime<Utc>>,
    /// Up to this time, exclusive.
    pub until: Option<DateTime<Utc>>,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditRecord {
    pub id: u32,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    /// The changed values before, as JSON.
    pub before: Option<String>,
    /// The changed values after, as JSON.
    pub after: Option<String>,
}
