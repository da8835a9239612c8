//! Opening files: new, existing, foreign, newer, read-only; migrations and backups.

use std::fs;

use flotta_store::{SCHEMA_VERSION, Store, StoreError};

use crate::{TestResult, device, now, store_with};

#[test]
fn a_new_file_is_created_with_the_current_schema() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("nested").join("flotta.sqlite3");
    let (store, report) = Store::open(&path, now())?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    assert_eq!(report.found_version, 0);
    assert_eq!(report.backup, None, "nothing to back up in a new file");
    assert!(path.exists());
    Ok(())
}

#[test]
fn reopening_keeps_the_data_and_takes_no_backup() -> TestResult {
    let dir = tempfile::tempdir()?;
    drop(store_with(&dir, &[device("AAA111")])?);
    let (store, report) = Store::open(&dir.path().join("flotta.sqlite3"), now())?;
    assert_eq!(store.device_count()?, 1);
    assert_eq!(report.backup, None, "no migration ran, so no backup");
    Ok(())
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_unchanged() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let content = b"serial;model\nF2LX;iPhone 15\n".repeat(20);
    fs::write(&path, &content)?;
    let error = Store::open(&path, now()).expect_err("a CSV file is not a database");
    assert!(matches!(error, StoreError::NotSqlite { .. }), "{error}");
    assert!(
        error.to_string().contains("flotta.sqlite3"),
        "names the file: {error}"
    );
    assert_eq!(fs::read(&path)?, content, "the file must not be touched");
    assert_eq!(
        fs::read_dir(dir.path())?.count(),
        1,
        "no -wal, -shm or backup files"
    );
    Ok(())
}

#[test]
fn another_programs_sqlite_database_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path)?;
        conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);")?;
    }
    let before = fs::read(&path)?;
    let error = Store::open(&path, now()).expect_err("not a Flotta database");
    assert!(matches!(error, StoreError::NotSqlite { .. }), "{error}");
    assert_eq!(fs::read(&path)?, before);
    Ok(())
}

#[test]
fn a_database_from_a_newer_flotta_is_refused_and_left_unchanged() -> TestResult {
    let dir = tempfile::tempdir()?;
    drop(store_with(&dir, &[device("AAA111")])?);
    let path = dir.path().join("flotta.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
    }
    let before = fs::read(&path)?;
    let error = Store::open(&path, now()).expect_err("newer schema");
    match &error {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {other}"),
    }
    assert_eq!(fs::read(&path)?, before, "the file must not be touched");
    Ok(())
}

#[test]
fn a_read_only_database_is_refused_and_left_unchanged() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir()?;
    drop(store_with(&dir, &[device("AAA111")])?);
    let path = dir.path().join("flotta.sqlite3");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444))?;
    let before = fs::read(&path)?;
    let error = Store::open(&path, now()).expect_err("read-only file");
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error}");
    assert_eq!(fs::read(&path)?, before);
    Ok(())
}

/// Every earlier schema version (0 is the empty file) migrates to the current one, and an
/// existing database is backed up before it is changed.
#[test]
fn every_earlier_version_migrates() -> TestResult {
    for version in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("flotta.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path)?;
            for step in flotta_store::migration_steps()
                .iter()
                .take(version as usize)
            {
                conn.execute_batch(step)?;
            }
            conn.pragma_update(None, "user_version", version)?;
        }
        let (store, report) = Store::open(&path, now())?;
        assert_eq!(
            store.schema_version()?,
            SCHEMA_VERSION,
            "from version {version}"
        );
        assert_eq!(report.found_version, version);
        match report.backup {
            Some(backup) => assert!(version > 0 && backup.exists(), "{}", backup.display()),
            None => assert_eq!(
                version, 0,
                "version {version} was migrated without a backup"
            ),
        }
    }
    Ok(())
}

/// Version 5 rebuilt `devices` (its value checks): what a version-4 register held is all
/// there afterwards, still linked to its vendor records, and the checks still refuse a value
/// outside the vocabulary.
#[test]
fn a_register_keeps_its_devices_through_the_rebuild_of_their_table() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path)?;
        for step in flotta_store::migration_steps().iter().take(4) {
            conn.execute_batch(step)?;
        }
        conn.pragma_update(None, "user_version", 4)?;
        conn.execute_batch(
            "INSERT INTO sources (id, kind, name, created_at)
                 VALUES (1, 'intune', 'Intune, skolan', '2026-01-01T00:00:00Z');
             INSERT INTO org_units (id, name) VALUES (1, 'Grundskoleförvaltningen');
             INSERT INTO device_models (id, manufacturer, name) VALUES (1, 'Apple', 'iPad (A16)');
             INSERT INTO devices (id, source_id, vendor_device_id, serial, imei, model_id, os,
                 os_version, ownership, user_name, user_email, org_unit_id, enrolled_at,
                 last_check_in, compliance, jailbroken, encrypted, lifecycle, created_at,
                 updated_at)
             VALUES (7, 1, 'f6a5', 'DMPX1234ABCD', NULL, 1, 'ipados', '26.1', 'corporate',
                 'Ebba Hansson', 'ebba@exempelstad.se', 1, NULL, '2026-11-20T08:00:00Z',
                 'in_grace_period', 0, 1, 'in_repair', '2026-01-01T00:00:00Z',
                 '2026-11-20T08:00:00Z');
             INSERT INTO device_search (device_id, text) VALUES (7, 'dmpx1234abcd');
             INSERT INTO vendor_records (source_id, vendor_id, device_id, raw_json,
                 first_seen_at, last_seen_at, last_seen_run)
             VALUES (1, 'f6a5', 7, '{}', '2026-01-01T00:00:00Z', '2026-11-20T08:00:00Z', 0);",
        )?;
    }
    let (store, _) = Store::open(&path, now())?;
    let detail = store.device_detail(7)?.ok_or("device 7 is gone")?;
    assert_eq!(
        (
            detail.serial.as_str(),
            detail.os_version.as_str(),
            detail.org_unit.as_deref(),
            detail.compliance.as_str(),
            detail.lifecycle.as_str(),
        ),
        (
            "DMPX1234ABCD",
            "26.1",
            Some("Grundskoleförvaltningen"),
            "in_grace_period",
            "in_repair",
        )
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path)?;
    let linked: i64 = conn.query_row(
        "SELECT count(*) FROM vendor_records r JOIN devices d ON d.id = r.device_id",
        [],
        |row| row.get(0),
    )?;
    assert_eq!(linked, 1);
    let refused = conn.execute("UPDATE devices SET os = 'symbian' WHERE id = 7", []);
    assert!(refused.is_err(), "an unknown OS was accepted");
    let refused = conn.execute("UPDATE devices SET lifecycle = 'Deployed' WHERE id = 7", []);
    assert!(
        refused.is_err(),
        "a lifecycle state in the wrong case was accepted"
    );
    Ok(())
}

/// Version 18 moved each record's vendor JSON to a table of its own: the device panel still
/// shows what the EMM sent, and the record keeps its unit and when it was seen.
#[test]
fn a_record_keeps_its_vendor_json_through_the_move_to_its_own_table() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let sent = r#"{"id":"f6a5","serialNumber":"DMPX1234ABCD","model":"iPad (A16)"}"#;
    {
        let conn = rusqlite::Connection::open(&path)?;
        for step in flotta_store::migration_steps().iter().take(17) {
            conn.execute_batch(step)?;
        }
        conn.pragma_update(None, "user_version", 17)?;
        conn.execute_batch(
            "INSERT INTO sources (id, kind, name, created_at)
                 VALUES (1, 'intune', 'Intune, skolan', '2026-01-01T00:00:00Z');
             INSERT INTO device_models (id, manufacturer, name) VALUES (1, 'Apple', 'iPad (A16)');
             INSERT INTO devices (id, source_id, vendor_device_id, serial, model_id, os,
                 os_version, ownership, compliance, jailbroken, encrypted, lifecycle,
                 created_at, updated_at)
             VALUES (7, 1, 'f6a5', 'DMPX1234ABCD', 1, 'ipados', '26.1', 'corporate',
                 'compliant', 0, 1, 'deployed', '2026-01-01T00:00:00Z',
                 '2026-11-20T08:00:00Z');",
        )?;
        conn.execute(
            "INSERT INTO vendor_records (source_id, vendor_id, device_id, raw_json,
                 first_seen_at, last_seen_at, last_seen_run)
             VALUES (1, 'f6a5', 7, ?1, '2026-01-01T00:00:00Z', '2026-11-20T08:00:00Z', 0)",
            [sent],
        )?;
    }
    let (store, _) = Store::open(&path, now())?;
    let records = store.unit_records(7)?;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(
        (
            records[0].vendor_id.as_str(),
            records[0].raw_json.as_str(),
            records[0].last_seen_at.to_rfc3339(),
        ),
        ("f6a5", sent, "2026-11-20T08:00:00+00:00".to_owned())
    );
    Ok(())
}

#[test]
fn the_schema_is_as_reviewed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    drop(Store::open(&path, now())?);
    let conn = rusqlite::Connection::open(&path)?;
    let mut statement = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
    )?;
    let schema = statement
        .query_map([], |row| {
            Ok(format!(
                "{} {}\n{}\n",
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .join("\n");
    insta::assert_snapshot!(schema);
    Ok(())
}
