//! What a user asks of the inventory (an [`InventoryView`]) and the read models it answers with.
//!
//! These shapes are shared by the store (which answers them in SQL), the core (which hands them to
//! the UI) and the settings (which persist the view), so they live here once.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::certification::CertificationStatus;
use crate::device::{Compliance, Lifecycle, OsFamily, Ownership};
use crate::source::SourceKind;
use crate::warranty::WarrantyStatus;

/// Exact-match filters; `None` means "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceFilters {
    pub os: Option<OsFamily>,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub ownership: Option<Ownership>,
    pub org_unit: Option<String>,
    pub lifecycle: Option<Lifecycle>,
    /// Only units with neither serial nor IMEI (known by their EMM record alone).
    #[serde(default)]
    pub without_hardware_id: bool,
    /// Only units with a purchase in the register, or only those without one (BYOD, or
    /// paperwork missing).
    #[serde(default)]
    pub purchase: Option<PurchaseMatch>,
    /// Only units bought from this supplier.
    #[serde(default)]
    pub supplier: Option<String>,
    /// Only units whose warranty stands so today (`Unknown`: no purchase, or no warranty
    /// period recorded).
    #[serde(default)]
    pub warranty: Option<WarrantyStatus>,
    /// Only units of certified models, or only those of models not (yet) certified.
    #[serde(default)]
    pub certification: Option<CertificationMatch>,
    /// Only units on which some connection reports this app (by its key, `app_key`).
    #[serde(default)]
    pub app: Option<String>,
}

vocabulary! {
    /// Whether a unit's model has passed every level of the certification.
    CertificationMatch {
        Certified => "certified",
        NotCertified => "not_certified",
    }
}

vocabulary! {
    /// Whether a unit has a purchase in the register (matched by serial number, then IMEI).
    PurchaseMatch {
        Bought => "bought",
        NotBought => "not_bought",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    Serial,
    Imei,
    Manufacturer,
    Model,
    Os,
    OsVersion,
    Ownership,
    User,
    OrgUnit,
    Lifecycle,
    Compliance,
    LastCheckIn,
    PurchaseDate,
    Supplier,
    WarrantyEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    Asc,
    Desc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SortSpec {
    pub column: SortColumn,
    pub direction: SortDirection,
}

impl Default for SortSpec {
    fn default() -> Self {
        Self {
            column: SortColumn::Serial,
            direction: SortDirection::Asc,
        }
    }
}

/// What the inventory table shows: a free-text search, filters and a sort order.
/// It is persisted so that the table looks the same after a restart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InventoryView {
    /// Whitespace-separated terms; every term must occur in the serial, IMEI, user or model.
    pub search: String,
    pub filters: DeviceFilters,
    pub sort: SortSpec,
}

impl InventoryView {
    /// The search split into lower-cased terms, the form in which they are matched.
    pub fn search_terms(&self) -> Vec<String> {
        self.search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }
}

/// The text a free-text search looks in, lower-cased with full Unicode rules so that "åsa"
/// finds "Åsa" (SQLite's own `lower()` and `LIKE` fold ASCII only).
pub fn search_text(parts: &[Option<&str>]) -> String {
    let mut text = String::with_capacity(parts.iter().flatten().map(|part| part.len() + 1).sum());
    for part in parts.iter().flatten() {
        if !text.is_empty() {
            text.push('\u{1f}');
        }
        // Serials, IMEIs, addresses and most names are ASCII: folded in place, without the
        // string `to_lowercase` allocates (a sync builds this text for every new unit).
        if part.is_ascii() {
            let start = text.len();
            text.push_str(part);
            text[start..].make_ascii_lowercase();
        } else {
            text.push_str(&part.to_lowercase());
        }
    }
    text
}

/// One line of the inventory table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceRow {
    pub id: u32,
    /// Empty for a unit without a serial (known by its IMEI or its EMM record).
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub os: OsFamily,
    pub os_version: String,
    pub ownership: Ownership,
    pub user_name: Option<String>,
    pub org_unit: Option<String>,
    pub lifecycle: Lifecycle,
    pub compliance: Compliance,
    pub last_check_in: Option<DateTime<Utc>>,
    pub jailbroken: bool,
    /// From the unit's purchase (matched by serial number, then IMEI); `None` without one.
    pub purchase_date: Option<NaiveDate>,
    pub supplier: Option<String>,
    /// The last day the warranty covers; `None` without a purchase or a warranty period.
    pub warranty_end: Option<NaiveDate>,
    /// The model's certification, as of the query.
    pub certification: CertificationStatus,
}

/// A window of rows and the number of rows matching the whole view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DevicePage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<DeviceRow>,
}

/// Everything the register knows about one device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceDetail {
    pub id: u32,
    pub source_name: String,
    pub source_kind: SourceKind,
    pub vendor_device_id: Option<String>,
    /// Empty for a unit without a serial (known by its IMEI or its EMM record).
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub os: OsFamily,
    pub os_version: String,
    pub ownership: Ownership,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub org_unit: Option<String>,
    pub enrolled_at: Option<DateTime<Utc>>,
    pub last_check_in: Option<DateTime<Utc>>,
    pub compliance: Compliance,
    pub jailbroken: bool,
    pub encrypted: bool,
    pub lifecycle: Lifecycle,
}

/// One value of a dimension and how many devices have it. `value` is what goes into
/// [`DeviceFilters`] (the vocabulary text for closed vocabularies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FacetValue {
    pub value: String,
    pub count: u32,
}

/// Counts over the whole fleet, for the overview and for the filter menus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FleetSummary {
    pub total: u32,
    pub personal: u32,
    pub jailbroken: u32,
    /// Deployed devices that have not checked in for more than [`STALE_AFTER_DAYS`] days, or
    /// never: units in stock or retired are not expected to check in.
    pub stale: u32,
    pub by_os: Vec<FacetValue>,
    pub by_manufacturer: Vec<FacetValue>,
    pub by_model: Vec<FacetValue>,
    pub by_org_unit: Vec<FacetValue>,
    pub by_ownership: Vec<FacetValue>,
    pub by_lifecycle: Vec<FacetValue>,
    /// Units by their EMM's compliance verdict.
    pub by_compliance: Vec<FacetValue>,
    /// Synced units by the supplier of their purchase.
    pub by_supplier: Vec<FacetValue>,
    /// Units by warranty status today (`unknown`: no purchase or no warranty period).
    pub by_warranty: Vec<FacetValue>,
    /// Units of certified models and of models not certified.
    pub by_certification: Vec<FacetValue>,
}

/// After this many days without a check-in a device is reported as stale.
pub const STALE_AFTER_DAYS: i64 = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_are_lower_cased_with_unicode_rules() {
        let view = InventoryView {
            search: "  ÅSA   iPhone ".into(),
            ..InventoryView::default()
        };
        assert_eq!(view.search_terms(), vec!["åsa", "iphone"]);
    }

    #[test]
    fn search_text_skips_missing_parts_and_folds_case() {
        assert_eq!(
            search_text(&[Some("F2LX"), None, Some("Örjan Öberg")]),
            "f2lx\u{1f}örjan öberg"
        );
    }
}
