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

/// The planning views (#16): the replacement forecast, a delivery's checklist and a year's
/// closed days, each read back as the file a user opens.
#[test]
fn the_forecast_the_checklist_and_the_closed_days_export_what_their_views_show() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = Flotta::open(Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "inköpare".into(),
        demo_devices: None,
        clock: Clock::Fixed("2026-12-01T09:00:00Z".parse()?),
        retry: Default::default(),
    })?;
    let delivery = "Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris;Garanti (mån)\n\
                    2025-01-15;Telia Företag;Apple;iPhone 16;LEV0000001;8 990,50;24\n\
                    2025-01-15;Telia Företag;Apple;iPhone 16;LEV0000002;8 990,50;24\n";
    flotta.import_purchases(
        "telia.csv",
        delivery.as_bytes(),
        &flotta_core::ImportOptions::default(),
    )?;

    // Both units' warranty ends on 2027-01-14: the first quarter of 2027, 17 981 kr.
    let forecast = dir.path().join("prognos.csv");
    flotta.export_warranty_forecast(TableFormat::Csv, &forecast)?;
    let text = std::fs::read_to_string(&forecast)?;
    assert!(text.starts_with("\u{feff}Kvartal;Uppdelning;Grupp;Enheter;Kostnad (kr)\r\n"));
    assert!(
        text.contains("\r\n2027-Q1;Totalt;;2;17981,00\r\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\r\n2027-Q1;Organisationsenhet;(utan enhet);2;17981,00\r\n\
             2027-Q1;Modell;iPhone 16;2;17981,00\r\n"
        ),
        "{text}"
    );

    let step = flotta.preconfig(None)?.steps[0].clone();
    let first = flotta.preconfig(None)?.units[0].purchase_id;
    flotta.tick_preconfig(flotta_core::TickScope::Unit(first), step.id, true)?;
    let checklist = dir.path().join("checklista.xlsx");
    assert_eq!(
        flotta.export_preconfig(None, TableFormat::Xlsx, &checklist)?,
        2
    );
    use calamine::Reader as _;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&checklist)?;
    let sheet = workbook.worksheet_range("Förberedelse")?;
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(rows[0][4], step.title, "one column per step");
    let ticked = rows
        .iter()
        .find(|row| row[2] == "LEV0000001" || row[2] == "LEV0000002")
        .filter(|row| !row[4].is_empty())
        .ok_or("the ticked unit")?;
    assert!(ticked[4].contains("inköpare"), "who ticked it: {ticked:?}");

    flotta.add_closure_day("2027-07-20".parse()?, "Stängt för flytt")?;
    let days = dir.path().join("dagar.csv");
    flotta.export_calendar_year(2027, TableFormat::Csv, &days)?;
    let text = std::fs::read_to_string(&days)?;
    assert!(
        text.contains("\r\n2027-06-25;fredag;Midsommarafton;Helgdag;Ja\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\r\n2027-07-20;tisdag;Stängt för flytt;Organisationens stängda dag;Ja\r\n"),
        "{text}"
    );
    Ok(())
}
