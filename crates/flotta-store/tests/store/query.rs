//! Filtering, sorting, paging and searching the inventory in SQL.

use chrono::Duration;
use flotta_domain::{
    Device, DeviceFilters, InventoryView, Lifecycle, OsFamily, Ownership, SortColumn,
    SortDirection, SortSpec,
};
use flotta_store::{QueryContext, Store};

use crate::{TestResult, device, imei, now, store_with};

/// No model certified, the default notice period, today as the tests' `now`.
fn context() -> QueryContext<'static> {
    QueryContext {
        today: now().date_naive(),
        expiring_within_days: flotta_domain::DEFAULT_EXPIRING_WITHIN_DAYS,
        certified_models: &[],
    }
}

fn sorted(column: SortColumn, direction: SortDirection) -> InventoryView {
    InventoryView {
        sort: SortSpec { column, direction },
        ..InventoryView::default()
    }
}

fn searched(search: &str) -> InventoryView {
    InventoryView {
        search: search.into(),
        ..InventoryView::default()
    }
}

/// Serials of the whole result, read in windows of `window` rows, and the reported total.
fn check(store: &Store, view: &InventoryView, window: u32, expected: &[&str]) {
    let mut serials = Vec::new();
    let mut offset = 0;
    loop {
        let page = store
            .query_devices(view, &context(), offset, window)
            .expect("query");
        assert_eq!(page.total as usize, expected.len(), "total for {view:?}");
        assert_eq!(page.offset, offset);
        if page.rows.is_empty() {
            break;
        }
        serials.extend(page.rows.into_iter().map(|row| row.serial));
        offset += window;
    }
    assert_eq!(
        serials, expected,
        "rows for {view:?} in windows of {window}"
    );
}

fn fleet() -> Vec<Device> {
    let mut fleet = Vec::new();
    let mut a = device("A1");
    a.user_name = Some("Örjan Åberg".into());
    a.org_unit = Some("Stadsledningskontoret".into());
    a.last_check_in = Some(now() - Duration::days(2));
    a.imei = imei("35212365000011");
    fleet.push(a);
    let mut b = device("B2");
    b.manufacturer = "Samsung".into();
    b.model = "Galaxy XCover7".into();
    b.os = OsFamily::Android;
    b.user_name = Some("Anna Karlsson".into());
    b.org_unit = Some("Intraservice".into());
    b.last_check_in = Some(now() - Duration::days(40));
    b.ownership = Ownership::Personal;
    fleet.push(b);
    let mut c = device("C3");
    c.model = "iPad (A16)".into();
    c.os = OsFamily::Ipados;
    c.lifecycle = Lifecycle::InStock;
    fleet.push(c);
    let mut d = device("D4");
    d.user_name = Some("anna_b".into());
    d.org_unit = Some("Intraservice".into());
    d.last_check_in = Some(now() - Duration::hours(1));
    fleet.push(d);
    fleet
}

#[test]
fn sorts_put_missing_values_last_in_both_directions() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    use SortColumn::*;
    use SortDirection::*;
    check(&store, &sorted(Serial, Asc), 2, &["A1", "B2", "C3", "D4"]);
    check(&store, &sorted(Serial, Desc), 3, &["D4", "C3", "B2", "A1"]);
    check(&store, &sorted(User, Asc), 1, &["B2", "D4", "A1", "C3"]);
    check(&store, &sorted(User, Desc), 2, &["A1", "D4", "B2", "C3"]);
    check(
        &store,
        &sorted(LastCheckIn, Desc),
        2,
        &["D4", "A1", "B2", "C3"],
    );
    check(
        &store,
        &sorted(LastCheckIn, Asc),
        2,
        &["B2", "A1", "D4", "C3"],
    );
    check(&store, &sorted(Imei, Asc), 10, &["A1", "B2", "C3", "D4"]);
    Ok(())
}

#[test]
fn sorts_by_names_in_other_tables_page_through_groups() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    use SortColumn::*;
    use SortDirection::*;
    // Devices without an organisation unit come last whichever the direction.
    check(&store, &sorted(OrgUnit, Asc), 1, &["B2", "D4", "A1", "C3"]);
    check(&store, &sorted(OrgUnit, Desc), 3, &["A1", "D4", "B2", "C3"]);
    check(&store, &sorted(Model, Asc), 1, &["B2", "C3", "A1", "D4"]);
    check(&store, &sorted(Model, Desc), 2, &["D4", "A1", "C3", "B2"]);
    check(
        &store,
        &sorted(Manufacturer, Asc),
        3,
        &["C3", "A1", "D4", "B2"],
    );
    Ok(())
}

#[test]
fn filters_combine_and_count_what_they_show() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    let view = |filters: DeviceFilters| InventoryView {
        filters,
        ..InventoryView::default()
    };
    check(
        &store,
        &view(DeviceFilters {
            org_unit: Some("Intraservice".into()),
            ..DeviceFilters::default()
        }),
        5,
        &["B2", "D4"],
    );
    check(
        &store,
        &view(DeviceFilters {
            org_unit: Some("Intraservice".into()),
            os: Some(OsFamily::Ios),
            ..DeviceFilters::default()
        }),
        5,
        &["D4"],
    );
    check(
        &store,
        &view(DeviceFilters {
            manufacturer: Some("Apple".into()),
            lifecycle: Some(Lifecycle::Deployed),
            ..DeviceFilters::default()
        }),
        5,
        &["A1", "D4"],
    );
    check(
        &store,
        &view(DeviceFilters {
            model: Some("iPad (A16)".into()),
            ..DeviceFilters::default()
        }),
        5,
        &["C3"],
    );
    check(
        &store,
        &view(DeviceFilters {
            ownership: Some(Ownership::Personal),
            ..DeviceFilters::default()
        }),
        5,
        &["B2"],
    );
    check(
        &store,
        &view(DeviceFilters {
            org_unit: Some("No such unit".into()),
            ..DeviceFilters::default()
        }),
        5,
        &[],
    );
    Ok(())
}

#[test]
fn search_finds_substrings_of_serial_imei_user_and_model_ignoring_case() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    check(&store, &searched("anna"), 5, &["B2", "D4"]);
    check(&store, &searched("ANNA karl"), 5, &["B2"]);
    check(&store, &searched("örjan"), 5, &["A1"]);
    check(&store, &searched("ÅBERG"), 5, &["A1"]);
    check(&store, &searched("2123650000"), 5, &["A1"]);
    check(&store, &searched("xcover"), 5, &["B2"]);
    check(&store, &searched("c3"), 5, &["C3"]);
    // '_' is a LIKE wildcard; here it must match only a literal underscore.
    check(&store, &searched("a_"), 5, &["D4"]);
    check(&store, &searched("\"ipad"), 5, &[]);
    check(&store, &searched("nobody"), 5, &[]);
    Ok(())
}

#[test]
fn a_window_past_the_end_is_empty_and_still_counts() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    let page = store.query_devices(&InventoryView::default(), &context(), 100, 10)?;
    assert_eq!(page.total, 4);
    assert!(page.rows.is_empty());
    Ok(())
}

#[test]
fn detail_has_every_field_and_a_missing_id_is_none() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    let first = store.query_devices(&searched("A1"), &context(), 0, 1)?.rows[0].id;
    let detail = store.device_detail(first)?.expect("exists");
    assert_eq!(detail.serial, "A1");
    assert_eq!(detail.user_name.as_deref(), Some("Örjan Åberg"));
    assert_eq!(detail.org_unit.as_deref(), Some("Stadsledningskontoret"));
    assert_eq!(detail.source_name, "Manual entry");
    assert_eq!(detail.imei.as_deref(), Some("352123650000114"));
    assert_eq!(detail.last_check_in, Some(now() - Duration::days(2)));
    assert_eq!(store.device_detail(9999)?, None);
    Ok(())
}

#[test]
fn the_summary_counts_the_fleet() -> TestResult {
    let dir = tempfile::tempdir()?;
    let store = store_with(&dir, &fleet())?;
    let summary = store.fleet_summary(now(), &context())?;
    assert_eq!(summary.total, 4);
    assert_eq!(summary.personal, 1);
    assert_eq!(
        summary.stale, 1,
        "B2 (deployed, 40 days) is stale; C3 is in stock and not expected to check in"
    );
    assert_eq!(summary.by_os[0].value, "ios");
    assert_eq!(summary.by_os[0].count, 2);
    assert_eq!(
        summary
            .by_org_unit
            .iter()
            .map(|facet| (facet.value.as_str(), facet.count))
            .collect::<Vec<_>>(),
        vec![("Intraservice", 2), ("Stadsledningskontoret", 1)]
    );
    Ok(())
}
