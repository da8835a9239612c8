//! One unit's records in the EMM systems: a phone enrolled in Intune and Jamf has a record in
//! each, one of which speaks for the unit (the latest check-in). The device panel lists them
//! all, with what each says where it disagrees with the unit.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::device::ComplianceReason;
use crate::inventory::DeviceDetail;
use crate::source::SourceKind;
use crate::sync::VendorDevice;

/// One EMM record of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceRecord {
    /// The connection's name.
    pub source_name: String,
    pub source_kind: SourceKind,
    /// The vendor's id of the enrolment.
    pub vendor_id: String,
    pub first_seen_at: DateTime<Utc>,
    /// When a sync last listed it.
    pub last_seen_at: DateTime<Utc>,
    /// Set when a full sync no longer listed it.
    pub missing_since: Option<DateTime<Utc>>,
    /// The unit's values are this record's.
    pub speaks_for_unit: bool,
    /// The record's own last check-in, when it can be read.
    pub last_check_in: Option<DateTime<Utc>>,
    /// Where this record says otherwise than the unit.
    pub differences: Vec<FieldValue>,
    /// The grounds this record gives for its compliance verdict.
    pub compliance_reasons: Vec<ComplianceReason>,
    /// The vendor has the unit in lost mode: the panel suggests moving it to "lost".
    pub lost_mode: bool,
}

/// A field and the value one record gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldValue {
    /// The field's name as the device panel labels it: `serial`, `imei`, `model`,
    /// `os_version`, `ownership`, `user_name`, `user_email`, `org_unit`, `compliance`.
    pub field: String,
    /// The record's value ("" when it gives none).
    pub value: String,
}

/// The fields where `record` says otherwise than `unit`. A field the record leaves empty is
/// not a disagreement: vendors report different subsets.
pub fn differences(unit: &DeviceDetail, record: &VendorDevice) -> Vec<FieldValue> {
    let pairs: [(&str, Option<String>, String); 9] = [
        (
            "serial",
            record.serial.as_ref().map(|s| s.as_str().to_owned()),
            unit.serial.clone(),
        ),
        (
            "imei",
            record.imei.as_ref().map(|i| i.as_str().to_owned()),
            unit.imei.clone().unwrap_or_default(),
        ),
        ("model", record.model.clone(), unit.model.clone()),
        (
            "os_version",
            record.os_version.clone(),
            unit.os_version.clone(),
        ),
        (
            "ownership",
            Some(record.ownership.as_str().to_owned()),
            unit.ownership.as_str().to_owned(),
        ),
        (
            "user_name",
            record.user_name.clone(),
            unit.user_name.clone().unwrap_or_default(),
        ),
        (
            "user_email",
            record.user_email.clone(),
            unit.user_email.clone().unwrap_or_default(),
        ),
        (
            "org_unit",
            record.org_unit.clone(),
            unit.org_unit.clone().unwrap_or_default(),
        ),
        (
            "compliance",
            Some(record.compliance.as_str().to_owned()),
            unit.compliance.as_str().to_owned(),
        ),
    ];
    pairs
        .into_iter()
        .filter_map(|(field, said, unit)| {
            let said = said.filter(|value| !value.is_empty())?;
            (said != unit).then(|| FieldValue {
                field: field.to_owned(),
                value: said,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AppsSeen, Compliance, Lifecycle, OsFamily, Ownership, SerialNumber};

    fn unit() -> DeviceDetail {
        DeviceDetail {
            id: 1,
            source_name: "Jamf".into(),
            source_kind: SourceKind::Jamf,
            vendor_device_id: Some("7".into()),
            serial: "F2LXK0AAHG7F".into(),
            imei: None,
            manufacturer: "Apple".into(),
            model: "iPhone 16".into(),
            os: OsFamily::Ios,
            os_version: "18.1".into(),
            ownership: Ownership::Corporate,
            user_name: Some("Åsa Öberg".into()),
            user_email: None,
            org_unit: Some("Skola".into()),
            enrolled_at: None,
            last_check_in: None,
            compliance: Compliance::Compliant,
            jailbroken: false,
            encrypted: true,
            lifecycle: Lifecycle::Deployed,
        }
    }

    fn record() -> VendorDevice {
        VendorDevice {
            vendor_id: "42".into(),
            serial: SerialNumber::parse("F2LXK0AAHG7F").ok(),
            imei: None,
            manufacturer: Some("Apple".into()),
            model: None,
            os: OsFamily::Ios,
            os_version: Some("17.6".into()),
            ownership: Ownership::Corporate,
            user_name: Some("Åsa Öberg".into()),
            user_email: Some("asa@example.se".into()),
            org_unit: None,
            compliance: Compliance::Noncompliant,
            compliance_reasons: vec![],
            jailbroken: false,
            encrypted: true,
            lost_mode: false,
            enrolled_at: None,
            last_check_in: None,
            raw_json: "{}".into(),
            apps: AppsSeen::NotFetched,
        }
    }

    #[test]
    fn a_record_disagrees_only_where_it_says_something_else_issue_13() {
        let found = differences(&unit(), &record());
        let fields: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.field.as_str(), d.value.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("os_version", "17.6"),
                ("user_email", "asa@example.se"),
                ("compliance", "noncompliant"),
            ],
            "an empty model or org unit is no disagreement; a differing value is"
        );
    }
}
