//! Writing syncs through `SyncWriter` directly, with pages made by hand.

use chrono::Duration;
use flotta_domain::{
    AppsSeen, Compliance, OsFamily, Ownership, SerialNumber, SourceKind, SyncCounts, SyncMode,
    VendorDevice,
};
use flotta_store::{ListingEnd, SourceId, Store, SyncTarget};

use crate::{TestResult, now};

fn record(number: usize) -> VendorDevice {
    VendorDevice {
        vendor_id: format!("rec-{number}"),
        serial: Some(SerialNumber::parse(&format!("SER{number:07}")).expect("serial")),
        imei: None,
        manufacturer: Some("Apple".into()),
        model: Some("iPad (A16)".into()),
        os: OsFamily::Ipados,
        os_version: Some("26.1".into()),
        ownership: Ownership::Corporate,
        user_name: None,
        user_email: None,
        org_unit: None,
        compliance: Compliance::Compliant,
        compliance_reasons: Vec::new(),
        jailbroken: false,
        encrypted: true,
        lost_mode: false,
        enrolled_at: None,
        last_check_in: Some(now() - Duration::hours(2)),
        raw_json: format!(r#"{{"id":"rec-{number}","listed":"once"}}"#),
        apps: AppsSeen::NotFetched,
    }
}

fn sync(
    store: &mut Store,
    source: SourceId,
    pages: &[Vec<VendorDevice>],
) -> Result<SyncCounts, Box<dyn std::error::Error>> {
    let run = store.begin_sync_run(source, SyncMode::Full, "tester", "test", now())?;
    let mut writer = store.sync_writer(&SyncTarget {
        run,
        source,
        mode: SyncMode::Full,
        actor: "tester",
        at: now(),
    })?;
    for page in pages {
        writer.page(page, &[])?;
    }
    let records = pages.iter().map(Vec::len).sum::<usize>() as u32;
    Ok(writer.finish(&ListingEnd {
        pages: pages.len() as u32,
        records,
        finished_at: now(),
    })?)
}

/// The id of the unit with `serial`, read beside the store.
fn unit_of(dir: &tempfile::TempDir, serial: &str) -> Result<u32, Box<dyn std::error::Error>> {
    let conn = rusqlite::Connection::open(dir.path().join("flotta.sqlite3"))?;
    Ok(conn.query_row(
        "SELECT id FROM devices WHERE serial = ?1",
        [serial],
        |row| row.get(0),
    )?)
}

/// A listing that shifted between two requests can list a record twice in one page; on a
/// connection's first sync, in a page large enough that the writer adds its units in bulk,
/// the record is stored once, as the page last listed it, and its unit once.
#[test]
fn a_record_listed_twice_in_a_page_is_stored_once_as_last_listed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = Store::open(&dir.path().join("flotta.sqlite3"), now())?;
    let source = store.create_source(SourceKind::Intune, "Intune", "tester", now())?;
    let mut first: Vec<VendorDevice> = (1..=6_000).map(record).collect();
    let mut again = record(10);
    again.last_check_in = Some(now() - Duration::minutes(5));
    again.raw_json = r#"{"id":"rec-10","listed":"twice"}"#.into();
    first.push(again);
    let second: Vec<VendorDevice> = (6_001..=6_100).map(record).collect();

    let counts = sync(&mut store, source, &[first, second])?;
    assert_eq!((counts.added, counts.missing), (6_100, 0), "{counts:?}");
    assert_eq!(store.device_count()?, 6_100);
    let unit = unit_of(&dir, "SER0000010")?;
    let records = store.unit_records(unit)?;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].raw_json, r#"{"id":"rec-10","listed":"twice"}"#);
    let last = store.unit_records(unit_of(&dir, "SER0006100")?)?;
    assert_eq!(
        (last.len(), last[0].raw_json.as_str()),
        (1, r#"{"id":"rec-6100","listed":"once"}"#)
    );

    // The next full sync finds every record again: nothing added, nothing missing.
    let pages: Vec<Vec<VendorDevice>> = vec![(1..=6_100).map(record).collect()];
    let counts = sync(&mut store, source, &pages)?;
    assert_eq!(
        (
            counts.added,
            counts.missing,
            counts.unchanged + counts.updated
        ),
        (0, 0, 6_100),
        "{counts:?}"
    );
    assert_eq!(store.device_count()?, 6_100);
    assert_eq!(
        store.unit_records(unit)?[0].raw_json,
        r#"{"id":"rec-10","listed":"once"}"#
    );
    Ok(())
}
