//! Settings and the audit trail they write.

use flotta_store::Store;

use crate::{TestResult, now};

#[test]
fn a_changed_setting_is_audited_with_before_and_after() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = Store::open(&dir.path().join("flotta.sqlite3"), now())?;
    assert_eq!(store.setting("ui.language")?, None);
    store.set_setting("ui.language", r#""sv""#, "anna", now())?;
    store.set_setting("ui.language", r#""sv""#, "anna", now())?;
    store.set_setting("ui.language", r#""en""#, "bertil", now())?;
    assert_eq!(store.setting("ui.language")?.as_deref(), Some(r#""en""#));

    let entries = store.audit_entries(10)?;
    assert_eq!(
        entries.len(),
        2,
        "an unchanged value is not a change: {entries:?}"
    );
    assert_eq!(entries[0].actor, "bertil");
    assert_eq!(entries[0].before_json.as_deref(), Some(r#""sv""#));
    assert_eq!(entries[0].after_json.as_deref(), Some(r#""en""#));
    assert_eq!(entries[1].before_json, None);
    assert_eq!(entries[1].at, now());
    Ok(())
}

#[test]
fn the_audit_log_and_devices_cannot_be_deleted() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = crate::store_with(&dir, &[crate::device("AAA111")])?;
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("flotta.sqlite3"))?;
    let deleted = conn.execute("DELETE FROM devices", []);
    assert!(deleted.is_err(), "deleting a device must fail");
    let deleted = conn.execute("DELETE FROM audit_log", []);
    assert!(deleted.is_err(), "deleting audit entries must fail");
    let updated = conn.execute("UPDATE audit_log SET actor = 'someone else'", []);
    assert!(updated.is_err(), "rewriting audit entries must fail");
    let count: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |row| row.get(0))?;
    assert_eq!(count, 2, "source creation and the import are both recorded");
    Ok(())
}
