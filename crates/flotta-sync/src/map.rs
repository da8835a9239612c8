//! Reading untidy vendor values into Flotta's types. Whatever cannot be read becomes a
//! [`RecordWarning`] naming the record and the field; the rest of the record still counts.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use flotta_domain::{
    Compliance, Imei, OsFamily, Ownership, RecordWarning, SerialNumber, VendorDevice,
};
use serde_json::value::RawValue;

use crate::FetchedPage;

/// Maps a page's records one by one. A record that does not even have the vendor's shape is a
/// warning naming its place on the page; every other record goes through `map`, which turns
/// unreadable fields into warnings of their own. One bad record never costs the page.
pub(crate) fn map_records<'a, T: serde::Deserialize<'a>>(
    records: &[&'a RawValue],
    mut map: impl FnMut(&T, &str, &mut Vec<RecordWarning>) -> Option<VendorDevice>,
) -> FetchedPage {
    let mut page = FetchedPage {
        records: records.len() as u32,
        ..FetchedPage::default()
    };
    for (index, raw) in records.iter().enumerate() {
        match serde_json::from_str::<T>(raw.get()) {
            Ok(record) => {
                if let Some(device) = map(&record, raw.get(), &mut page.warnings) {
                    page.devices.push(device);
                }
            }
            Err(error) => page.warnings.push(RecordWarning {
                vendor_id: format!("record {} of the page", index + 1),
                field: "(record)".into(),
                problem: format!("could not be read: {error}"),
            }),
        }
    }
    page
}

/// Where a record keeps what identifies it, in the vendor's field names.
pub(crate) struct IdentityFields<'f> {
    /// What the record is, for the warning about one without an id ("a mobile device").
    pub(crate) noun: &'f str,
    pub(crate) id: &'f str,
    pub(crate) serial: &'f str,
    pub(crate) imei: &'f str,
}

/// The opening of every mapper: the record's id, serial and IMEI. A record without an id,
/// or with neither serial nor IMEI, cannot be matched to a unit: it becomes a warning and no
/// device. Otherwise the reader for the rest of the record comes back with the identifiers.
pub(crate) fn identify<'a>(
    fields: &IdentityFields<'_>,
    id: Option<&'a str>,
    serial: Option<&str>,
    imei: Option<&str>,
    warnings: &'a mut Vec<RecordWarning>,
) -> Option<(Reader<'a>, Option<SerialNumber>, Option<Imei>)> {
    let Some(id) = text(id) else {
        warnings.push(RecordWarning {
            vendor_id: "(no id)".into(),
            field: fields.id.into(),
            problem: format!("{} without an id was skipped", fields.noun),
        });
        return None;
    };
    let mut read = Reader::new(id, warnings);
    // Neither is still a device: personally owned Android work profiles and iOS user
    // enrolment give the EMM no hardware identifier by design. Such a unit is known by its
    // record until one appears. A value that is there but unusable was warned about above.
    let serial = read.serial(fields.serial, serial);
    let imei = read.imei(fields.imei, imei);
    Some((read, serial, imei))
}

/// Collects the warnings of one record while its fields are read.
pub(crate) struct Reader<'a> {
    vendor_id: &'a str,
    pub(crate) warnings: &'a mut Vec<RecordWarning>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(vendor_id: &'a str, warnings: &'a mut Vec<RecordWarning>) -> Self {
        Self {
            vendor_id,
            warnings,
        }
    }

    pub(crate) fn vendor_id(&self) -> &'a str {
        self.vendor_id
    }

    pub(crate) fn warn(&mut self, field: &str, problem: impl Into<String>) {
        self.warnings.push(RecordWarning {
            vendor_id: self.vendor_id.to_owned(),
            field: field.to_owned(),
            problem: problem.into(),
        });
    }

    /// A timestamp in any form the vendors send: RFC 3339, or without a zone (taken as UTC,
    /// which is what Workspace ONE means), or a bare date. `0001-01-01…` means "never".
    pub(crate) fn time(&mut self, field: &str, value: Option<&str>) -> Option<DateTime<Utc>> {
        let value = text(value)?;
        if value.starts_with("0001-01-01") {
            return None;
        }
        let parsed = DateTime::parse_from_rfc3339(value)
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .or_else(|| {
                NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f")
                    .ok()
                    .map(|t| t.and_utc())
            })
            .or_else(|| {
                NaiveDate::parse_from_str(value, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(|t| t.and_utc())
            });
        if parsed.is_none() {
            self.warn(field, format!("{value:?} is not a date"));
        }
        parsed
    }

    pub(crate) fn serial(&mut self, field: &str, value: Option<&str>) -> Option<SerialNumber> {
        let value = text(value)?;
        match SerialNumber::parse(value) {
            Ok(serial) => Some(serial),
            Err(error) => {
                self.warn(field, format!("{value:?}: {error}"));
                None
            }
        }
    }

    /// IMEIs arrive with spaces or dashes; Wi-Fi-only devices send an empty string.
    pub(crate) fn imei(&mut self, field: &str, value: Option<&str>) -> Option<Imei> {
        let value = text(value)?;
        match Imei::parse(value) {
            Ok(imei) => Some(imei),
            Err(error) => {
                self.warn(field, format!("{value:?}: {error}"));
                None
            }
        }
    }

    /// Compliance in any vendor's words and case.
    pub(crate) fn compliance(&mut self, field: &str, value: Option<&str>) -> Compliance {
        let Some(value) = text(value) else {
            return Compliance::Unknown;
        };
        match value.to_ascii_lowercase().as_str() {
            "compliant" | "true" => Compliance::Compliant,
            "noncompliant" | "non_compliant" | "false" => Compliance::Noncompliant,
            "ingraceperiod" | "in_grace_period" => Compliance::InGracePeriod,
            "unknown"
            | "notavailable"
            | "not_available"
            | "conflict"
            | "error"
            | "configmanager"
            | "pendingcompliancecheck" => Compliance::Unknown,
            _ => {
                self.warn(field, format!("{value:?} is not a known compliance state"));
                Compliance::Unknown
            }
        }
    }
}

/// Trimmed text, with empty meaning absent.
pub(crate) fn text(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

pub(crate) fn owned(value: Option<&str>) -> Option<String> {
    text(value).map(str::to_owned)
}

/// One spelling per maker, whatever the vendor sends: Workspace ONE says "Apple Inc." and
/// "samsung" where Intune says "Apple" and "Samsung", and the inventory's filter and the
/// overview must show one entry each. The vendor's own text stays in the raw record.
pub(crate) fn manufacturer(value: Option<&str>) -> Option<String> {
    let text = text(value)?;
    let folded = text
        .to_lowercase()
        .replace([',', '.'], " ")
        .split_whitespace()
        .filter(|word| {
            !matches!(
                *word,
                "inc" | "incorporated" | "ltd" | "llc" | "co" | "corp"
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let known = [
        ("apple", "Apple"),
        ("samsung", "Samsung"),
        ("samsung electronics", "Samsung"),
        ("google", "Google"),
        ("zebra", "Zebra"),
        ("zebra technologies", "Zebra"),
        ("motorola", "Motorola"),
        ("motorola mobility", "Motorola"),
        ("nokia", "Nokia"),
        ("hmd global", "Nokia"),
        ("sony", "Sony"),
        ("oneplus", "OnePlus"),
        ("xiaomi", "Xiaomi"),
        ("huawei", "Huawei"),
        ("lenovo", "Lenovo"),
        ("microsoft", "Microsoft"),
        ("microsoft corporation", "Microsoft"),
        ("honeywell", "Honeywell"),
    ];
    Some(
        known
            .iter()
            .find(|(spelling, _)| *spelling == folded)
            .map_or_else(|| text.to_owned(), |(_, name)| (*name).to_owned()),
    )
}

/// The OS family from a vendor's OS or platform name, in any case.
pub(crate) fn os_family(name: &str) -> OsFamily {
    let lower = name.trim().to_ascii_lowercase();
    match lower.as_str() {
        "ios" | "iphone" | "apple" => OsFamily::Ios,
        "ipados" | "ipad" => OsFamily::Ipados,
        "macos" | "macmdm" | "appleosx" | "mac" | "os x" => OsFamily::Macos,
        _ if lower.starts_with("android") => OsFamily::Android,
        _ if lower.starts_with("windows") || lower == "winrt" => OsFamily::Windows,
        _ => OsFamily::Other,
    }
}

pub(crate) fn ownership(value: Option<&str>) -> Ownership {
    match text(value).map(str::to_ascii_lowercase).as_deref() {
        Some(
            "company" | "corporate" | "c" | "s" | "institutional" | "accountdrivendeviceenrollment",
        ) => Ownership::Corporate,
        Some(
            "personal"
            | "e"
            | "personaldeviceprofile"
            | "userenrollment"
            | "accountdrivenuserenrollment",
        ) => Ownership::Personal,
        _ => Ownership::Unknown,
    }
}

#[cfg(test)]
mod manufacturer_tests {
    use super::manufacturer;

    #[test]
    fn spellings_of_one_maker_are_one_value_issue_13() {
        for (sent, shown) in [
            ("Apple", "Apple"),
            ("Apple Inc.", "Apple"),
            ("apple inc", "Apple"),
            ("  APPLE  ", "Apple"),
            ("samsung", "Samsung"),
            ("Samsung Electronics Co., Ltd.", "Samsung"),
            ("Zebra Technologies", "Zebra"),
            ("Fairphone", "Fairphone"),
        ] {
            assert_eq!(manufacturer(Some(sent)).as_deref(), Some(shown), "{sent:?}");
        }
        assert_eq!(manufacturer(Some("  ")), None);
        assert_eq!(manufacturer(None), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(f: impl FnOnce(&mut Reader<'_>) -> T) -> (T, Vec<RecordWarning>) {
        let mut warnings = Vec::new();
        let value = f(&mut Reader::new("dev-1", &mut warnings));
        (value, warnings)
    }

    #[test]
    fn placeholder_dates_mean_never_and_zoneless_ones_are_utc() {
        let (never, warnings) = read(|r| r.time("enrolled", Some("0001-01-01T00:00:00Z")));
        assert_eq!((never, warnings.len()), (None, 0));
        let (zoneless, _) = read(|r| r.time("seen", Some("2026-11-24T08:15:30.150")));
        assert_eq!(
            zoneless.map(|t| t.to_rfc3339()),
            Some("2026-11-24T08:15:30.150+00:00".into())
        );
    }

    #[test]
    fn an_unreadable_date_is_a_warning_naming_record_and_field() {
        let (value, warnings) = read(|r| r.time("lastSyncDateTime", Some("yesterday")));
        assert_eq!(value, None);
        assert_eq!(warnings[0].vendor_id, "dev-1");
        assert_eq!(warnings[0].field, "lastSyncDateTime");
    }

    #[test]
    fn spaced_imeis_are_read_and_empty_ones_are_absent() {
        let (imei, warnings) = read(|r| r.imei("imei", Some("35 693803 564380 9")));
        assert_eq!(
            imei.map(|i| i.as_str().to_owned()),
            Some("356938035643809".into())
        );
        assert!(warnings.is_empty());
        let (empty, warnings) = read(|r| r.imei("imei", Some("")));
        assert_eq!((empty, warnings.len()), (None, 0));
    }

    #[test]
    fn a_record_of_the_wrong_shape_is_a_warning_and_the_rest_of_the_page_counts() {
        #[derive(serde::Deserialize)]
        struct Record {
            id: String,
        }
        let body = r#"[{"id": "a"}, {"id": 42}, {"id": "c"}]"#;
        let records: Vec<&RawValue> = serde_json::from_str(body).expect("test JSON");
        let page = map_records(
            &records,
            |record: &Record, raw: &str, warnings: &mut Vec<RecordWarning>| {
                let mut read = Reader::new(&record.id, warnings);
                Some(VendorDevice {
                    vendor_id: record.id.clone(),
                    serial: read.serial("serial", Some("SERIAL1")),
                    imei: None,
                    manufacturer: None,
                    model: None,
                    os: OsFamily::Other,
                    os_version: None,
                    ownership: Ownership::Unknown,
                    user_name: None,
                    user_email: None,
                    org_unit: None,
                    compliance: Compliance::Unknown,
                    compliance_reasons: Vec::new(),
                    jailbroken: false,
                    encrypted: false,
                    lost_mode: false,
                    enrolled_at: None,
                    last_check_in: None,
                    raw_json: raw.to_owned(),
                    apps: flotta_domain::AppsSeen::NotFetched,
                })
            },
        );
        assert_eq!(page.records, 3);
        let ids: Vec<_> = page.devices.iter().map(|d| d.vendor_id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(page.warnings.len(), 1);
        assert_eq!(page.warnings[0].vendor_id, "record 2 of the page");
        assert_eq!(
            page.devices[1].raw_json, r#"{"id": "c"}"#,
            "the raw record is kept as sent"
        );
    }

    #[test]
    fn compliance_is_read_in_any_case() {
        let (value, _) = read(|r| r.compliance("c", Some("Compliant")));
        assert_eq!(value, Compliance::Compliant);
        let (value, warnings) = read(|r| r.compliance("c", Some("sort of")));
        assert_eq!((value, warnings.len()), (Compliance::Unknown, 1));
    }
}
