//! The register's views as files (#16): the repair case list, the swap pool and the models,
//! as CSV for Swedish Excel and as workbooks.

use flotta_core::repair::SlaType;
use flotta_core::{
    Clock, Config, DeviceQuery, Flotta, InventoryView, Lifecycle, LifecycleMove, RepairCaseForm,
    RepairCaseQuery, TableFormat,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn the_repair_list_the_pool_and_the_models_export_what_their_views_show() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = Flotta::open(Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "samordnare".into(),
        demo_devices: Some(40),
        clock: Clock::Fixed("2026-12-01T09:00:00Z".parse()?),
        retry: Default::default(),
    })?;
    let unit = flotta
        .query_devices(&DeviceQuery {
            view: InventoryView::default(),
            offset: 0,
            limit: 1,
        })?
        .rows
        .into_iter()
        .next()
        .ok_or("a demo device")?;
    let case = flotta.open_repair_case(&RepairCaseForm {
        device_id: unit.id,
        sla: SlaType::MailIn,
        fault: "=Spricka i skärmen".into(),
        reported_by: "Åsa Öberg".into(),
        reported_at: Some("2026-11-30T08:00:00Z".parse()?),
    })?;

    let csv = dir.path().join("reparationer.csv");
    let open = RepairCaseQuery {
        open: Some(true),
        limit: 1,
        ..RepairCaseQuery::default()
    };
    assert_eq!(
        flotta.export_repair_cases(&open, TableFormat::Csv, &csv)?,
        1
    );
    let text = std::fs::read_to_string(&csv)?;
    assert!(
        text.contains(&format!("\r\n{};mail_in;{};", case.id, unit.serial)),
        "{text}"
    );
    assert!(
        text.contains(";2026-11-30 09:00;Åsa Öberg;'=Spricka i skärmen;"),
        "{text}"
    );
    let closed = RepairCaseQuery {
        open: Some(false),
        ..RepairCaseQuery::default()
    };
    assert_eq!(
        flotta.export_repair_cases(&closed, TableFormat::Csv, &csv)?,
        0
    );

    // A deployed unit of another model into the swap pool: the pool file lists its model.
    let spare = flotta
        .query_devices(&DeviceQuery {
            view: InventoryView::default(),
            offset: 0,
            limit: 40,
        })?
        .rows
        .into_iter()
        .find(|row| row.lifecycle == Lifecycle::Deployed && row.id != unit.id)
        .ok_or("a deployed unit")?;
    flotta.move_unit(
        spare.id,
        &LifecycleMove {
            to: Lifecycle::InSwapPool,
            reason: "bytespool".into(),
        },
    )?;
    let pool = dir.path().join("pool.csv");
    assert!(flotta.export_pool(TableFormat::Csv, &pool)? >= 1);
    let text = std::fs::read_to_string(&pool)?;
    assert!(
        text.contains(&format!("\r\n{};{};1;", spare.manufacturer, spare.model)),
        "{text}"
    );

    let workbook = dir.path().join("modeller.xlsx");
    let models = flotta.models()?;
    assert_eq!(
        flotta.export_models(TableFormat::Xlsx, &workbook)?,
        u32::try_from(models.len())?
    );
    assert!(std::fs::read(&workbook)?.starts_with(b"PK"));
    Ok(())
}
