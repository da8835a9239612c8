//! The fleet summary report's contents: what the register holds about the fleet on a day,
//! gathered for one PDF and one CSV.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::certification::CertificationStatus;
use crate::inventory::FleetSummary;
use crate::repair::SlaReport;
use crate::warranty::Quarter;

/// A model in use with its certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModelInUse {
    pub manufacturer: String,
    pub model: String,
    pub units: u32,
    pub status: CertificationStatus,
}

/// Bought units whose warranty ends in a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WarrantyQuarter {
    pub quarter: Quarter,
    pub units: u32,
}

/// The fleet summary report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FleetReport {
    pub as_of: DateTime<Utc>,
    pub summary: FleetSummary,
    /// Units whose warranty has ended already, then the next quarters.
    pub warranty_ended: u32,
    pub warranty_quarters: Vec<WarrantyQuarter>,
    /// The models with units in the register, most units first.
    pub models: Vec<ModelInUse>,
    /// The month's repair SLA figures and the pool's cover.
    pub repairs: SlaReport,
}
