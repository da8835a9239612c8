//! The core as the app uses it: opening, the demo fleet, queries, settings, error payloads.

mod app_search;
mod apps;
mod audit;
mod certification;
mod exports;
mod hostile;
mod incidents;
mod preconfig;
mod purchases;
mod repairs;
mod secrets;
mod sync;

use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, TimeZone, Utc};
use flotta_core::{
    Clock, Config, DeviceFilters, DeviceQuery, ErrorCode, ErrorPayload, Flotta, InventoryView,
    Language, OsFamily, SortColumn, SortDirection, SortSpec,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// What the tests of this binary log at debug level, as the app's log file would hold it.
#[derive(Clone)]
pub(crate) struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl CapturedLog {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Starts capturing (once per test binary) and returns the capture.
pub(crate) fn captured_log() -> CapturedLog {
    static LOG: OnceLock<CapturedLog> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = CapturedLog(Arc::default());
        let writer = log.clone();
        let installed = tracing_subscriber::fmt()
            .with_env_filter("debug")
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        assert!(
            installed.is_ok(),
            "no other subscriber is installed in the core tests"
        );
        log
    })
    .clone()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn open(path: &std::path::Path, demo_devices: Option<usize>) -> Result<Flotta, flotta_core::Error> {
    Flotta::open(Config {
        database_path: path.to_owned(),
        actor: "tester".into(),
        demo_devices,
        clock: Clock::Fixed(now()),
        retry: Default::default(),
    })
}

#[test]
fn an_empty_register_gets_the_demo_fleet_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let flotta = open(&path, Some(500))?;
    let status = flotta.status()?;
    assert!(status.demo, "the register says it holds demo data");
    assert_eq!(status.device_count, 500);
    drop(flotta);

    let flotta = open(&path, Some(800))?;
    assert_eq!(
        flotta.status()?.device_count,
        500,
        "a filled register is not seeded again"
    );
    Ok(())
}

#[test]
fn without_demo_the_register_starts_empty_and_not_as_demo() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir.path().join("flotta.sqlite3"), None)?;
    let status = flotta.status()?;
    assert!(!status.demo);
    assert_eq!(status.device_count, 0);
    let page = flotta.query_devices(&DeviceQuery {
        view: InventoryView::default(),
        offset: 0,
        limit: 100,
    })?;
    assert_eq!((page.total, page.rows.len()), (0, 0));
    Ok(())
}

#[test]
fn queries_filter_sort_and_page_the_demo_fleet() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir.path().join("flotta.sqlite3"), Some(2_000))?;
    let view = InventoryView {
        search: String::new(),
        filters: DeviceFilters {
            os: Some(OsFamily::Android),
            ..DeviceFilters::default()
        },
        sort: SortSpec {
            column: SortColumn::LastCheckIn,
            direction: SortDirection::Desc,
        },
    };
    let first = flotta.query_devices(&DeviceQuery {
        view: view.clone(),
        offset: 0,
        limit: 50,
    })?;
    let second = flotta.query_devices(&DeviceQuery {
        view,
        offset: 50,
        limit: 50,
    })?;
    assert!(
        first.total > 100 && first.total < 2_000,
        "Android is a part of the fleet: {}",
        first.total
    );
    let rows: Vec<_> = first.rows.iter().chain(&second.rows).collect();
    assert!(rows.iter().all(|row| row.os == OsFamily::Android));
    assert!(
        rows.windows(2)
            .all(|pair| pair[0].last_check_in >= pair[1].last_check_in),
        "newest check-in first, across the page boundary"
    );

    let summary = flotta.fleet_summary()?;
    let android = summary
        .by_os
        .iter()
        .find(|facet| facet.value == "android")
        .map(|facet| facet.count);
    assert_eq!(
        android,
        Some(first.total),
        "the overview and the filtered list agree"
    );
    Ok(())
}

#[test]
fn too_large_a_window_and_a_missing_device_are_clear_errors() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir.path().join("flotta.sqlite3"), Some(10))?;
    let error = flotta
        .query_devices(&DeviceQuery {
            view: InventoryView::default(),
            offset: 0,
            limit: 5_000,
        })
        .expect_err("5,000 rows is more than one query may ask for");
    assert_eq!(ErrorPayload::from(&error).code, ErrorCode::InvalidInput);

    let error = flotta.device_detail(424_242).expect_err("no such device");
    let payload = ErrorPayload::from(error);
    assert_eq!(payload.code, ErrorCode::NotFound);
    assert!(
        payload.message.contains("424242"),
        "names the id: {}",
        payload.message
    );
    Ok(())
}

#[test]
fn settings_round_trip_and_a_damaged_saved_view_falls_back_to_the_default() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let flotta = open(&path, None)?;
    let view = InventoryView {
        search: "åsa".into(),
        filters: DeviceFilters {
            org_unit: Some("Intraservice".into()),
            ..DeviceFilters::default()
        },
        sort: SortSpec {
            column: SortColumn::User,
            direction: SortDirection::Desc,
        },
    };
    flotta.set_inventory_view(&view)?;
    flotta.set_language(Some(Language::Sv))?;
    drop(flotta);

    let flotta = open(&path, None)?;
    let settings = flotta.settings()?;
    assert_eq!(settings.inventory_view, view);
    assert_eq!(settings.language, Some(Language::Sv));
    drop(flotta);

    // Another version (or a damaged file) left something unreadable under the key.
    let (mut store, _) = flotta_store::Store::open(&path, now())?;
    store.set_setting(
        "inventory.view",
        r#"{"sort": {"column": "colour"}}"#,
        "tester",
        now(),
    )?;
    store.set_setting("ui.language", r#""klingon""#, "tester", now())?;
    drop(store);
    let settings = open(&path, None)?.settings()?;
    assert_eq!(settings.inventory_view, InventoryView::default());
    assert_eq!(settings.language, None, "falls back to following the OS");
    Ok(())
}

#[test]
fn error_payloads_serialise_as_the_ui_expects() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    std::fs::write(
        &path,
        "not a database at all, just some text that is long enough",
    )?;
    let error = open(&path, None).expect_err("not SQLite");
    let json = serde_json::to_value(ErrorPayload::from(error))?;
    assert_eq!(json["code"], "database_not_sqlite");
    let message = json["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(
        message.contains("not changed"),
        "says the file is untouched: {message}"
    );
    Ok(())
}

#[test]
fn the_overview_counts_stale_devices_by_the_domain_rule() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir.path().join("flotta.sqlite3"), Some(3_000))?;
    let fleet = flotta_demo::generate(flotta_demo::FleetSpec {
        devices: 3_000,
        seed: flotta_demo::DEMO_SEED,
        now: now(),
    });
    let expected = fleet
        .iter()
        .filter(|device| device.is_stale(now(), flotta_core::STALE_AFTER_DAYS))
        .count();
    assert!(expected > 0, "the demo fleet has stale devices");
    assert_eq!(
        flotta.fleet_summary()?.stale as usize,
        expected,
        "SQL and the domain rule agree"
    );
    Ok(())
}

/// The app's process ends without closing the database; before it does, the write-ahead
/// log is emptied so that the next start need not read it.
#[test]
fn before_exit_the_write_ahead_log_is_emptied() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let flotta = open(&path, None)?;
    flotta.set_language(Some(flotta_core::Language::Sv))?;
    let wal = dir.path().join("flotta.sqlite3-wal");
    assert!(
        std::fs::metadata(&wal)?.len() > 0,
        "the change is in the log"
    );
    flotta.before_exit();
    assert_eq!(std::fs::metadata(&wal)?.len(), 0);
    Ok(())
}
