//! An asset manager's delivery file: previewed, imported, matched to the synced units by
//! serial number and IMEI, and imported again without adding anything (#14).

use flotta_core::{
    DeviceFilters, DeviceQuery, ErrorCode, ErrorPayload, Flotta, ImportOptions, InventoryView,
    ProblemKind, PurchaseMatch, Vendor,
};

use super::sync::{emulator, open, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// How many units the inventory's purchase filter finds.
fn units(flotta: &Flotta, purchase: PurchaseMatch) -> Result<u32, flotta_core::Error> {
    Ok(flotta
        .query_devices(&DeviceQuery {
            view: InventoryView {
                filters: DeviceFilters {
                    purchase: Some(purchase),
                    ..DeviceFilters::default()
                },
                ..InventoryView::default()
            },
            offset: 0,
            limit: 10,
        })?
        .total)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_file_is_previewed_imported_matched_and_not_imported_twice_issue_14()
-> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let fleet: Vec<(String, Option<String>)> = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .filter(|e| e.device.imei.is_some())
            .take(6)
            .map(|e| {
                let imei = e.device.imei.as_ref().map(|i| i.as_str().to_owned());
                (e.device.serial.as_str().to_owned(), imei)
            })
            .collect()
    });
    let total = flotta.status()?.device_count;

    // Excel's "CSV" on Swedish Windows: Windows-1252, `;`, decimal comma, Swedish headers.
    // Line 2–6: five synced units by serial; line 7: one by its IMEI alone (spaced as on the
    // box); lines 8–9: bought, never enrolled; line 10: an impossible date; line 11: a formula.
    let mut csv = String::from(
        "Inköpsdatum;Leverantör;Ordernummer;Tillverkare;Modell;Serienummer;IMEI;À-pris exkl. moms;Garanti (mån);Förvaltning\r\n",
    );
    for (serial, _) in &fleet[..5] {
        csv.push_str(&format!(
            "2026-03-02;Atea Sverige AB;PO-1;Apple;iPhone 16;{serial};;9 490,00;24;Förskoleförvaltningen\r\n"
        ));
    }
    let imei = fleet[5].1.clone().ok_or("an IMEI")?;
    let spaced = format!("{} {} {}", &imei[..2], &imei[2..8], &imei[8..]);
    csv.push_str(&format!(
        "02/03/2026;Atea Sverige AB;PO-1;Samsung;Galaxy A55;;{spaced};4 190,50;36;Äldreförvaltningen\r\n"
    ));
    csv.push_str("20260302;Atea Sverige AB;PO-2;Apple;iPad (A16);DRAWER0001;;5 990;24;Skola\r\n");
    csv.push_str("20260302;Atea Sverige AB;PO-2;Apple;iPad (A16);DRAWER0002;;5 990;24;Skola\r\n");
    csv.push_str("2026-02-30;Atea Sverige AB;PO-3;Apple;iPad (A16);BADDATE001;;5 990;24;Skola\r\n");
    csv.push_str("2026-03-02;Atea Sverige AB;=1+2;Apple;iPad (A16);FORMULA001;;5 990;24;Skola\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&csv);
    assert!(!unmappable);
    let options = ImportOptions::default();

    let preview = flotta.preview_purchase_import("atea-mars.csv", &bytes, &options)?;
    assert_eq!(preview.encoding, flotta_core::Encoding::Windows1252);
    assert_eq!(
        (preview.rows, preview.to_add, preview.refused_rows),
        (10, 9, 1)
    );
    assert_eq!(
        preview
            .refused
            .iter()
            .map(|p| (p.line, p.kind))
            .collect::<Vec<_>>(),
        [(10, ProblemKind::ImpossibleDate)]
    );
    assert!(preview.refused[0].message.contains("2026-02-30"));
    assert_eq!(
        preview.formula_cells.len(),
        1,
        "{:?}",
        preview.formula_cells
    );
    assert_eq!(preview.formula_cells[0].line, 11);
    assert!(preview.missing.is_empty());
    // The Samsung is of a model no synced or bought unit has (the emulator's fleet has the
    // iPhones and iPads): named, with its count, before anything is written.
    assert_eq!(
        preview
            .unknown_models
            .iter()
            .map(|model| (model.model.as_str(), model.units))
            .collect::<Vec<_>>(),
        [("Galaxy A55", 1)]
    );
    assert_eq!(
        flotta.purchases(false)?.total,
        0,
        "a preview writes nothing"
    );

    let imported = flotta.import_purchases("atea-mars.csv", &bytes, &options)?;
    assert_eq!((imported.added, imported.refused_rows), (9, 1));
    let list = flotta.purchases(false)?;
    assert_eq!(
        (list.total, list.unseen),
        (9, 3),
        "the two in a drawer and the formula row's unit were never enrolled"
    );
    let unseen: Vec<String> = flotta
        .purchases(true)?
        .rows
        .iter()
        .filter_map(|p| p.line.serial.as_ref().map(|s| s.as_str().to_owned()))
        .collect();
    assert!(unseen.contains(&"DRAWER0001".to_owned()), "{unseen:?}");
    let formula = list
        .rows
        .iter()
        .find(|p| {
            p.line
                .serial
                .as_ref()
                .is_some_and(|s| s.as_str() == "FORMULA001")
        })
        .ok_or("the formula row is imported")?;
    assert_eq!(
        formula.line.order_number.as_deref(),
        Some("=1+2"),
        "kept as text"
    );

    // Matched by serial, and by IMEI alone; the inventory filters on it.
    let by_imei = super::sync::first_found(&flotta, imei.as_str())?;
    let purchase = flotta
        .device_purchase(by_imei.id)?
        .ok_or("matched by IMEI")?;
    assert_eq!(purchase.line.unit_cost_ore, 419_050);
    assert_eq!(
        purchase.warranty_end,
        chrono::NaiveDate::from_ymd_opt(2029, 3, 1),
        "36 months from 2 March 2026 cover up to 1 March 2029"
    );
    assert_eq!(
        purchase.line.org_unit.as_deref(),
        Some("Äldreförvaltningen")
    );
    assert_eq!(units(&flotta, PurchaseMatch::Bought)?, 6);
    assert_eq!(units(&flotta, PurchaseMatch::NotBought)?, total - 6);

    // Both views export for Swedish Excel: the units in a drawer, and the units never bought.
    let unseen_csv = dir.path().join("ej-sedda.csv");
    assert_eq!(
        flotta.export_purchases(true, flotta_core::TableFormat::Csv, &unseen_csv)?,
        3
    );
    let text = String::from_utf8(std::fs::read(&unseen_csv)?)?;
    assert!(text.starts_with("\u{feff}Inköpsdatum;"), "{text}");
    assert!(
        text.contains(";DRAWER0001;;5990,00;24;Skola;nej\r\n"),
        "{text}"
    );
    assert!(
        text.contains("'=1+2"),
        "the formula cell cannot run: {text}"
    );
    let unbought_csv = dir.path().join("ej-inkopta.csv");
    let view = InventoryView {
        filters: DeviceFilters {
            purchase: Some(PurchaseMatch::NotBought),
            ..DeviceFilters::default()
        },
        ..InventoryView::default()
    };
    assert_eq!(
        flotta.export_devices(&view, flotta_core::TableFormat::Csv, &unbought_csv)?,
        total - 6
    );
    let exported = std::fs::read_to_string(&unbought_csv)?;
    assert_eq!(
        exported.lines().count() as u32,
        total - 6 + 1,
        "a header and the rows"
    );

    // The same file again: nothing to add, and it says so.
    let again = flotta.preview_purchase_import("atea-mars.csv", &bytes, &options)?;
    assert_eq!((again.to_add, again.already_bought.len()), (0, 9));
    assert_eq!(again.imported_before.map(|b| b.added), Some(9));
    let second = flotta.import_purchases("atea-mars.csv", &bytes, &options)?;
    assert_eq!((second.added, second.already_bought), (0, 9));
    assert_eq!(flotta.purchases(false)?.total, 9);

    // Seen from mid-December 2027: the 24-month warranties end on 1 March 2028 (expiring,
    // within 90 days), the Samsung's 36 months run on; each unit falls due in the quarter its
    // warranty ends, with what it cost.
    let later = Flotta::open(flotta_core::Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "tester".into(),
        demo_devices: None,
        clock: flotta_core::Clock::Fixed(
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 12, 15, 9, 0, 0)
                .single()
                .ok_or("a time")?,
        ),
        retry: Default::default(),
    })?;
    let warranty = later.warranty_overview()?;
    assert_eq!(
        (
            warranty.active,
            warranty.expiring,
            warranty.expired,
            warranty.unknown
        ),
        (1, 8, 0, 0)
    );
    let due: Vec<(i32, u8, u32, i64)> = warranty
        .forecast
        .quarters
        .iter()
        .map(|q| {
            (
                q.quarter.year,
                q.quarter.quarter,
                q.total.units,
                q.total.cost_ore,
            )
        })
        .filter(|q| q.2 > 0)
        .collect();
    assert_eq!(
        due,
        [
            (2028, 1, 8, 5 * 949_000 + 3 * 599_000),
            (2029, 1, 1, 419_050)
        ]
    );
    assert_eq!(warranty.forecast.quarters.len(), 8);
    drop(later);

    // The import is in the audit log, once.
    let audit = flotta_store::Store::open(&dir.path().join("flotta.sqlite3"), super::now())?
        .0
        .audit_entries(50)?;
    let imports: Vec<_> = audit.iter().filter(|e| e.action == "import").collect();
    assert_eq!(imports.len(), 1, "{audit:?}");
    assert!(
        imports[0]
            .after_json
            .as_deref()
            .is_some_and(|a| a.contains("atea-mars.csv"))
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_that_are_not_delivery_files_are_refused_by_name_and_nothing_is_written() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let options = ImportOptions::default();
    let cases: [(&str, &[u8], &str); 4] = [
        ("tom.csv", b"", "empty"),
        ("rubrik.csv", b"Serienummer;Modell\r\n", "no rows"),
        (
            "bild.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "not a text file",
        ),
        (
            "utan-id.csv",
            "Inköpsdatum;Leverantör;Tillverkare;Modell;Pris\n2026-01-01;A;Apple;iPhone;1\n"
                .as_bytes(),
            "serial",
        ),
    ];
    for (name, bytes, says) in cases {
        let refused = match flotta.import_purchases(name, bytes, &options) {
            Ok(result) => return Err(format!("{name} was imported: {result:?}").into()),
            Err(error) => ErrorPayload::from(error),
        };
        assert!(refused.message.contains(name), "{refused}");
        assert!(refused.message.contains(says), "{name}: {refused}");
        assert!(
            matches!(
                refused.code,
                ErrorCode::ImportUnreadable | ErrorCode::InvalidInput
            ),
            "{refused}"
        );
    }
    assert_eq!(flotta.purchases(false)?.total, 0);
    Ok(())
}

/// The ids of a window of the inventory.
fn window(
    flotta: &Flotta,
    view: &InventoryView,
    offset: u32,
    limit: u32,
) -> Result<(u32, Vec<flotta_core::DeviceRow>), flotta_core::Error> {
    let page = flotta.query_devices(&DeviceQuery {
        view: view.clone(),
        offset,
        limit,
    })?;
    Ok((page.total, page.rows))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inventory_filters_and_sorts_on_purchase_warranty_and_certification_issue_14()
-> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let total = flotta.status()?.device_count;
    let serials: Vec<String> = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .take(5)
            .map(|e| e.device.serial.as_str().to_owned())
            .collect()
    });
    // Bought on days counted back from today: the oldest one's warranty has ended, the next
    // one's ends in 29 days, the third's runs on; the fourth has no warranty recorded.
    let today = chrono::Utc::now().date_naive();
    let bought = |months_ago: u32, days_later: u64| -> Result<String, String> {
        let day = today
            .checked_sub_months(chrono::Months::new(months_ago))
            .and_then(|day| day.checked_add_days(chrono::Days::new(days_later)))
            .ok_or("a date")?;
        Ok(day.format("%Y-%m-%d").to_string())
    };
    let lines = [
        (bought(36, 0)?, "Dustin AB", "24", &serials[0]),
        (bought(24, 30)?, "Atea Sverige AB", "24", &serials[1]),
        (bought(0, 0)?, "Atea Sverige AB", "24", &serials[2]),
        (bought(12, 0)?, "Atea Sverige AB", "", &serials[3]),
    ];
    let mut csv =
        String::from("Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris;Garanti (mån)\n");
    for (date, supplier, warranty, serial) in &lines {
        csv.push_str(&format!(
            "{date};{supplier};Apple;iPhone 16;{serial};8 990;{warranty}\n"
        ));
    }
    flotta.import_purchases("blandat.csv", csv.as_bytes(), &ImportOptions::default())?;

    let with = |filters: DeviceFilters| InventoryView {
        filters,
        ..InventoryView::default()
    };
    let count = |filters: DeviceFilters| -> Result<u32, flotta_core::Error> {
        Ok(window(&flotta, &with(filters), 0, 10)?.0)
    };
    let serials_of = |rows: &[flotta_core::DeviceRow]| -> Vec<String> {
        rows.iter().map(|row| row.serial.clone()).collect()
    };
    let warranty = |status| DeviceFilters {
        warranty: Some(status),
        ..DeviceFilters::default()
    };
    use flotta_core::WarrantyStatus::{Active, Expired, Expiring, Unknown};
    let (_, rows) = window(&flotta, &with(warranty(Expired)), 0, 10)?;
    assert_eq!(serials_of(&rows), [serials[0].clone()]);
    let (_, rows) = window(&flotta, &with(warranty(Expiring)), 0, 10)?;
    assert_eq!(serials_of(&rows), [serials[1].clone()]);
    assert_eq!(count(warranty(Active))?, 1);
    assert_eq!(
        count(warranty(Unknown))?,
        total - 3,
        "no purchase or no period"
    );
    let supplier = |name: &str| DeviceFilters {
        supplier: Some(name.into()),
        ..DeviceFilters::default()
    };
    assert_eq!(count(supplier("Atea Sverige AB"))?, 3);
    assert_eq!(count(supplier("Dustin AB"))?, 1);
    let row = &window(&flotta, &with(supplier("Dustin AB")), 0, 1)?.1[0];
    assert_eq!(
        row.purchase_date.map(|d| d.to_string()),
        Some(lines[0].0.clone())
    );
    assert!(row.warranty_end.is_some_and(|end| end < today));

    // The overview's counts are the filters' counts.
    let summary = flotta.fleet_summary()?;
    let facet = |facets: &[flotta_core::FacetValue], value: &str| {
        facets.iter().find(|f| f.value == value).map(|f| f.count)
    };
    assert_eq!(facet(&summary.by_warranty, "expired"), Some(1));
    assert_eq!(facet(&summary.by_warranty, "expiring"), Some(1));
    assert_eq!(facet(&summary.by_warranty, "unknown"), Some(total - 3));
    assert_eq!(facet(&summary.by_supplier, "Atea Sverige AB"), Some(3));
    assert_eq!(
        facet(&summary.by_certification, "not_certified"),
        Some(total)
    );

    // A shorter notice period: 29 days left is no longer "expiring".
    flotta.set_expiring_within_days(10)?;
    assert_eq!(count(warranty(Expiring))?, 0);
    assert_eq!(count(warranty(Active))?, 2);
    assert_eq!(flotta.settings()?.expiring_within_days, 10);
    assert!(flotta.set_expiring_within_days(0).is_err());

    // Sorted by purchase date the bought units come first in date order, in both directions,
    // across window boundaries; the others follow.
    let sorted = |column, direction| InventoryView {
        sort: flotta_core::SortSpec { column, direction },
        ..InventoryView::default()
    };
    use flotta_core::{
        SortColumn,
        SortDirection::{Asc, Desc},
    };
    let oldest_first = [&serials[0], &serials[1], &serials[3], &serials[2]];
    let by_date = sorted(SortColumn::PurchaseDate, Asc);
    let (all, first) = window(&flotta, &by_date, 0, 3)?;
    let (_, next) = window(&flotta, &by_date, 3, 3)?;
    assert_eq!(all, total);
    let shown: Vec<String> = serials_of(&first)
        .into_iter()
        .chain(serials_of(&next))
        .collect();
    assert_eq!(shown[..4], oldest_first.map(|s| s.clone()));
    assert!(next[1..].iter().all(|row| row.purchase_date.is_none()));
    let (_, newest) = window(&flotta, &sorted(SortColumn::PurchaseDate, Desc), 0, 5)?;
    assert_eq!(
        serials_of(&newest)[..4],
        oldest_first
            .map(|s| s.clone())
            .into_iter()
            .rev()
            .collect::<Vec<_>>()[..]
    );
    assert!(
        newest[4].purchase_date.is_none(),
        "missing values last in both directions"
    );
    let (_, by_end) = window(&flotta, &sorted(SortColumn::WarrantyEnd, Asc), 0, 4)?;
    assert_eq!(
        serials_of(&by_end)[..3],
        [serials[0].clone(), serials[1].clone(), serials[2].clone()]
    );
    let (_, by_supplier) = window(&flotta, &sorted(SortColumn::Supplier, Desc), 0, 1)?;
    assert_eq!(by_supplier[0].supplier.as_deref(), Some("Dustin AB"));

    // Certification: nothing is certified until every step of a model has passed.
    let certified = DeviceFilters {
        certification: Some(flotta_core::CertificationMatch::Certified),
        ..DeviceFilters::default()
    };
    let not_certified = DeviceFilters {
        certification: Some(flotta_core::CertificationMatch::NotCertified),
        ..DeviceFilters::default()
    };
    assert_eq!(count(certified.clone())?, 0);
    assert_eq!(count(not_certified.clone())?, total);
    let model = flotta
        .models()?
        .into_iter()
        .max_by_key(|model| model.units)
        .ok_or("a model")?;
    let steps = flotta
        .model_certification(&model.manufacturer, &model.model)?
        .steps;
    for step in steps {
        flotta.record_certification_step(
            &model.manufacturer,
            &model.model,
            &flotta_core::StepReport {
                step_id: step.step.id,
                outcome: flotta_core::StepOutcome::Pass,
                tester: "Kim".into(),
                note: None,
            },
        )?;
    }
    let (found, rows) = window(&flotta, &with(certified), 0, 5)?;
    assert_eq!(found, model.units);
    assert!(rows.iter().all(|row| row.model == model.model
        && matches!(
            row.certification,
            flotta_core::CertificationStatus::Certified { .. }
        )));
    assert_eq!(count(not_certified)?, total - model.units);

    // A later delivery shows at once in what was matched before.
    let more = format!(
        "Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris\n{};Tele2 Företag;Apple;iPhone 16;{};8 990\n",
        lines[2].0, serials[4]
    );
    flotta.import_purchases("tele2.csv", more.as_bytes(), &ImportOptions::default())?;
    assert_eq!(count(supplier("Tele2 Företag"))?, 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purchase_entered_by_hand_is_matched_corrected_refused_by_field_and_audited_issue_14()
-> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let serial: String =
        emulator.with_fleet(|fleet| fleet.enrolments()[0].device.serial.as_str().to_owned());
    let form = flotta_core::PurchaseForm {
        purchase_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).ok_or("date")?,
        supplier: "Dustin AB".into(),
        order_number: None,
        invoice_number: Some("F-1001".into()),
        manufacturer: "Apple".into(),
        model: "iPhone 16".into(),
        serial: Some(format!(" {} ", serial.to_lowercase())),
        imei: None,
        unit_cost_ore: 899_000,
        vat_rate_basis_points: Some(2_500),
        warranty_months: Some(24),
        org_unit: None,
        ownership: flotta_core::Ownership::Corporate,
        planned_lifetime_months: Some(36),
    };
    let added = flotta.add_purchase(&form)?;
    assert!(
        added.device_id.is_some(),
        "matched to the synced unit by its serial"
    );
    assert!(!added.imported);
    assert_eq!(units(&flotta, PurchaseMatch::Bought)?, 1);

    let again = ErrorPayload::from(flotta.add_purchase(&form).expect_err("bought already"));
    assert_eq!(
        (again.code, again.field.as_deref()),
        (ErrorCode::InvalidInput, Some("serial"))
    );
    let mut blank = form.clone();
    blank.serial = None;
    blank.imei = Some("35 209900 176148 0".into());
    let wrong = ErrorPayload::from(flotta.add_purchase(&blank).expect_err("check digit"));
    assert_eq!(wrong.field.as_deref(), Some("imei"), "{}", wrong.message);
    assert_eq!(
        flotta.purchases(false)?.total,
        1,
        "nothing partial was written"
    );

    // The inventory's supplier column is read before the correction, then again after it.
    let from = |supplier: &str| -> Result<u32, flotta_core::Error> {
        let view = InventoryView {
            filters: DeviceFilters {
                supplier: Some(supplier.into()),
                ..DeviceFilters::default()
            },
            ..InventoryView::default()
        };
        Ok(window(&flotta, &view, 0, 1)?.0)
    };
    assert_eq!(from("Dustin AB")?, 1);
    let mut corrected = form.clone();
    corrected.supplier = "Atea Sverige AB".into();
    corrected.unit_cost_ore = 849_000;
    let edited = flotta.edit_purchase(added.id, &corrected)?;
    assert_eq!(
        (edited.line.supplier.as_str(), edited.line.unit_cost_ore),
        ("Atea Sverige AB", 849_000)
    );
    assert_eq!(edited.device_id, added.device_id, "still the same unit");
    assert_eq!((from("Dustin AB")?, from("Atea Sverige AB")?), (0, 1));

    // A correction that makes it another purchase's unit is refused at the field; nothing
    // changes.
    let mut other = form.clone();
    other.serial = Some("OTHER00001".into());
    let second = flotta.add_purchase(&other)?;
    let clash = ErrorPayload::from(
        flotta
            .edit_purchase(second.id, &corrected)
            .expect_err("another purchase's serial"),
    );
    assert_eq!(clash.field.as_deref(), Some("serial"), "{}", clash.message);
    let missing = flotta.edit_purchase(9_999, &corrected).expect_err("none");
    assert_eq!(ErrorPayload::from(missing).code, ErrorCode::InvalidInput);
    let list = flotta.purchases(false)?;
    assert_eq!(list.total, 2);
    assert!(
        list.rows
            .iter()
            .any(|p| p.id == second.id && p.line.supplier == "Dustin AB")
    );

    let audit = flotta.audit_log(&flotta_core::AuditFilter {
        entity: Some("purchase".into()),
        ..flotta_core::AuditFilter::default()
    })?;
    let actions: Vec<&str> = audit.iter().map(|entry| entry.action.as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "create").count(), 2);
    let create = audit
        .iter()
        .find(|entry| entry.action == "create" && entry.entity_id.as_deref() == Some(&serial))
        .ok_or("the first purchase's creation")?;
    assert!(
        create
            .after
            .as_deref()
            .is_some_and(|after| after.contains("F-1001"))
    );
    let update = audit
        .iter()
        .find(|entry| entry.action == "update")
        .ok_or("the correction")?;
    assert_eq!(update.entity_id.as_deref(), Some(serial.as_str()));
    let before: serde_json::Value = serde_json::from_str(update.before.as_deref().unwrap_or(""))?;
    let after: serde_json::Value = serde_json::from_str(update.after.as_deref().unwrap_or(""))?;
    assert_eq!(
        before,
        serde_json::json!({"supplier": "Dustin AB", "unit_cost_ore": 899_000})
    );
    assert_eq!(
        after,
        serde_json::json!({"supplier": "Atea Sverige AB", "unit_cost_ore": 849_000})
    );
    Ok(())
}

#[test]
fn a_models_planned_lifetime_is_the_forecasts_default_issue_14() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = Flotta::open(flotta_core::Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "tester".into(),
        demo_devices: None,
        clock: flotta_core::Clock::System,
        retry: Default::default(),
    })?;
    let today = chrono::Utc::now().date_naive();
    // Bought today with three years' warranty: nothing falls due in the next eight quarters.
    let csv = format!(
        "Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris;Garanti (mån)\n\
         {today};Dustin AB;Samsung;Galaxy A55;LIFE000001;4 190;36\n\
         {today};Dustin AB;Samsung;Galaxy A55;LIFE000002;4 190;36\n"
    );
    flotta.import_purchases("dustin.csv", csv.as_bytes(), &ImportOptions::default())?;
    let due = |flotta: &Flotta| -> Result<u32, flotta_core::Error> {
        Ok(flotta
            .warranty_overview()?
            .forecast
            .quarters
            .iter()
            .map(|quarter| quarter.total.units)
            .sum())
    };
    assert_eq!(due(&flotta)?, 0);

    // The organisation replaces this model after a year.
    flotta.set_model_lifetime("Samsung", "Galaxy A55", Some(12))?;
    assert_eq!(due(&flotta)?, 2, "both fall due within the eight quarters");
    let model = flotta
        .models()?
        .into_iter()
        .find(|model| model.model == "Galaxy A55")
        .ok_or("the model is listed")?;
    assert_eq!(model.planned_lifetime_months, Some(12));
    assert!(
        flotta
            .set_model_lifetime("Samsung", "Galaxy A55", Some(0))
            .is_err()
    );
    let audit = flotta.audit_log(&flotta_core::AuditFilter {
        entity: Some("model".into()),
        ..flotta_core::AuditFilter::default()
    })?;
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0]
            .after
            .as_deref()
            .is_some_and(|after| after.contains("12"))
    );

    flotta.set_model_lifetime("Samsung", "Galaxy A55", None)?;
    assert_eq!(due(&flotta)?, 0, "cleared, the warranty speaks again");
    Ok(())
}
