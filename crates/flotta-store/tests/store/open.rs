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
