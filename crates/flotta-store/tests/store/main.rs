//! Integration tests of the store on real SQLite files in temporary directories.

mod open;
mod query;
mod settings;
mod sync_writer;

use chrono::{DateTime, TimeZone, Utc};
use flotta_domain::{
    Compliance, Device, Imei, Lifecycle, OsFamily, Ownership, SerialNumber, SourceKind,
};
use flotta_store::Store;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .single()
        .expect("valid time")
}

/// A deployed corporate iPhone with the given serial; tests change the fields they need.
pub fn device(serial: &str) -> Device {
    Device {
        serial: SerialNumber::parse(serial).expect("test serial"),
        imei: None,
        vendor_device_id: None,
        manufacturer: "Apple".into(),
        model: "iPhone 15".into(),
        os: OsFamily::Ios,
        os_version: "26.1".into(),
        ownership: Ownership::Corporate,
        user_name: None,
        user_email: None,
        org_unit: None,
        enrolled_at: None,
        last_check_in: None,
        compliance: Compliance::Compliant,
        jailbroken: false,
        encrypted: true,
        lifecycle: Lifecycle::Deployed,
    }
}

pub fn imei(body: &str) -> Option<Imei> {
    Some(Imei::from_body(body).expect("14 digits"))
}

/// A fresh database in `dir` holding `devices` from one manual source.
pub fn store_with(
    dir: &tempfile::TempDir,
    devices: &[Device],
) -> Result<Store, Box<dyn std::error::Error>> {
    let (mut store, _) = Store::open(&dir.path().join("flotta.sqlite3"), now())?;
    let source = store.create_source(SourceKind::Manual, "Manual entry", "tester", now())?;
    store.insert_devices(source, devices, "tester", now())?;
    Ok(store)
}
