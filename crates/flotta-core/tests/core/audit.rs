//! The audit view: every change a person or an import made, found by who, which record and
//! which field, and exported as CSV that Swedish Excel opens and cannot run (#14).

use flotta_core::{AuditFilter, ErrorCode, ErrorPayload, Lifecycle, LifecycleMove, Vendor};

use super::sync::{emulator, first_found, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_is_searched_and_exported_for_swedish_excel_issue_14() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let serial = emulator.with_fleet(|fleet| fleet.enrolments()[3].device.serial.clone());
    let unit = first_found(&flotta, serial.as_str())?;
    // A reason a spreadsheet would run if it were written as it is.
    let reason = "=HYPERLINK(\"http://x\") – skärmen sprucken, Åsa";
    flotta.move_unit(
        unit.id,
        &LifecycleMove {
            to: Lifecycle::InRepair,
            reason: reason.into(),
        },
    )?;

    let everything = flotta.audit_log(&AuditFilter::default())?;
    assert!(
        everything.len() >= 3,
        "connection added, sync, move: {everything:?}"
    );
    let moves = flotta.audit_log(&AuditFilter {
        actor: Some("tester".into()),
        entity: Some("device".into()),
        entity_id: Some(unit.id.to_string()),
        text: Some("IN_REPAIR".into()),
        ..AuditFilter::default()
    })?;
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert!(
        moves[0]
            .before
            .as_deref()
            .is_some_and(|b| b.contains("deployed"))
    );
    let nobody = flotta.audit_log(&AuditFilter {
        actor: Some("someone else".into()),
        ..AuditFilter::default()
    })?;
    assert!(nobody.is_empty());
    let later = flotta.audit_log(&AuditFilter {
        from: Some(moves[0].at + chrono::TimeDelta::seconds(1)),
        ..AuditFilter::default()
    })?;
    assert!(later.is_empty(), "nothing after the move: {later:?}");

    let path = dir.path().join("granskning.csv");
    let rows = flotta.export_audit(
        &AuditFilter {
            entity: Some("device".into()),
            ..AuditFilter::default()
        },
        flotta_core::TableFormat::Csv,
        &path,
    )?;
    assert_eq!(rows, 1);
    let bytes = std::fs::read(&path)?;
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark for Excel"
    );
    let text = String::from_utf8(bytes)?;
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}Tid (UTC);Vem;Åtgärd;Post;Post-id;Före;Efter")
    );
    let row = lines.next().ok_or("a row")?;
    assert!(row.contains(";tester;move;device;"), "{row}");
    assert!(row.contains("skärmen sprucken, Åsa"), "{row}");
    for field in row.split(';') {
        let field = field.trim_start_matches('"');
        assert!(
            !field.starts_with(['=', '+', '-', '@']),
            "{field:?} could run"
        );
    }

    // A folder that does not exist: a clear error, and no file.
    let nowhere = dir.path().join("finns-inte").join("granskning.csv");
    let failed = ErrorPayload::from(
        flotta
            .export_audit(
                &AuditFilter::default(),
                flotta_core::TableFormat::Csv,
                &nowhere,
            )
            .expect_err("no such folder"),
    );
    assert_eq!(failed.code, ErrorCode::ExportFailed, "{failed}");
    assert!(failed.message.contains("finns-inte"), "{failed}");
    assert!(!nowhere.exists());
    Ok(())
}
