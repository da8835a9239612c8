//! Benchmark: filter + sort + fetch one page over a 50,000-device register with as many
//! purchases (nine in ten units bought, plus units bought and never enrolled).
//!
//! Run with `cargo run --release -p flotta-core --example inventory_bench [devices]`.
//! Prints the median and 95th percentile of each representative query; the target is a
//! median of at most 15 ms for every query that the inventory table issues, 50 ms for the
//! matching views and the warranty overview.

use std::time::{Duration, Instant};

use chrono::TimeZone;
use flotta_core::{
    CertificationMatch, Clock, Config, DeviceFilters, DeviceQuery, Flotta, InventoryView,
    Lifecycle, OsFamily, PurchaseMatch, SortColumn, SortDirection, SortSpec, WarrantyStatus,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let devices: usize = std::env::args()
        .nth(1)
        .map(|arg| arg.parse())
        .transpose()?
        .unwrap_or(50_000);
    let dir = tempfile::tempdir()?;
    // FLOTTA_BENCH_DB keeps the database for inspection (it must not exist yet).
    let database_path = std::env::var_os("FLOTTA_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
        .single()
        .ok_or("bad date")?;
    let started = Instant::now();
    let flotta = Flotta::open(Config {
        database_path,
        actor: "bench".into(),
        demo_devices: Some(devices),
        clock: Clock::Fixed(now),
        retry: Default::default(),
    })?;
    println!(
        "generated and stored {devices} devices in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let started = Instant::now();
    let purchases = buy(&flotta, devices)?;
    println!(
        "imported {purchases} purchases in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    // The first query that needs each unit's purchase matches them all once.
    let by_purchase_date = DeviceQuery {
        view: InventoryView {
            sort: SortSpec {
                column: SortColumn::PurchaseDate,
                direction: SortDirection::Asc,
            },
            ..InventoryView::default()
        },
        offset: 0,
        limit: 200,
    };
    let started = Instant::now();
    flotta.query_devices(&by_purchase_date)?;
    println!(
        "first query by purchase after an import (matches every unit) {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let view = |search: &str, filters: DeviceFilters, column, direction| InventoryView {
        search: search.into(),
        filters,
        sort: SortSpec { column, direction },
    };
    let cases = [
        (
            "first page, default sort",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Serial,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "middle page, sort by model",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Model,
                SortDirection::Asc,
            ),
            25_000,
        ),
        (
            "last page, sort by org unit desc",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::OrgUnit,
                SortDirection::Desc,
            ),
            49_800,
        ),
        (
            "middle page, sort by compliance",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Compliance,
                SortDirection::Asc,
            ),
            25_000,
        ),
        (
            "first page, sort by ownership desc",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Ownership,
                SortDirection::Desc,
            ),
            0,
        ),
        (
            "middle page, sort by lifecycle",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Lifecycle,
                SortDirection::Asc,
            ),
            25_000,
        ),
        (
            "one unit, by serial",
            view(
                "",
                DeviceFilters {
                    org_unit: Some("Grundskoleförvaltningen".into()),
                    ..DeviceFilters::default()
                },
                SortColumn::Serial,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "search a name, sort by user",
            view(
                "anna",
                DeviceFilters::default(),
                SortColumn::User,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "search an IMEI fragment",
            view(
                "3546701",
                DeviceFilters::default(),
                SortColumn::Serial,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "iOS in one unit, deployed, by last check-in",
            view(
                "",
                DeviceFilters {
                    os: Some(OsFamily::Ios),
                    org_unit: Some("Grundskoleförvaltningen".into()),
                    lifecycle: Some(Lifecycle::Deployed),
                    ..DeviceFilters::default()
                },
                SortColumn::LastCheckIn,
                SortDirection::Desc,
            ),
            0,
        ),
        (
            "two search terms and a model filter",
            view(
                "karl son",
                DeviceFilters {
                    model: Some("iPhone 15".into()),
                    ..DeviceFilters::default()
                },
                SortColumn::Model,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "middle page, sort by purchase date",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::PurchaseDate,
                SortDirection::Asc,
            ),
            25_000,
        ),
        (
            "last page, sort by warranty end desc",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::WarrantyEnd,
                SortDirection::Desc,
            ),
            49_800,
        ),
        (
            "middle page, sort by supplier",
            view(
                "",
                DeviceFilters::default(),
                SortColumn::Supplier,
                SortDirection::Asc,
            ),
            25_000,
        ),
        (
            "warranty expiring, one supplier, by serial",
            view(
                "",
                DeviceFilters {
                    warranty: Some(WarrantyStatus::Expiring),
                    supplier: Some("Dustin AB".into()),
                    ..DeviceFilters::default()
                },
                SortColumn::Serial,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "enrolled, never bought (matching view)",
            view(
                "",
                DeviceFilters {
                    purchase: Some(PurchaseMatch::NotBought),
                    ..DeviceFilters::default()
                },
                SortColumn::Serial,
                SortDirection::Asc,
            ),
            0,
        ),
        (
            "models not certified, middle page by model",
            view(
                "",
                DeviceFilters {
                    certification: Some(CertificationMatch::NotCertified),
                    ..DeviceFilters::default()
                },
                SortColumn::Model,
                SortDirection::Asc,
            ),
            25_000,
        ),
    ];
    for (name, view, offset) in cases {
        if view.search.is_empty() {
            let query = DeviceQuery {
                view,
                offset,
                limit: 200,
            };
            let timings = measure(|| flotta.query_devices(&query).map(|page| page.total))?;
            report(name, &timings);
            continue;
        }
        // A search scans the register once; the windows that follow (scrolling) reuse what
        // it found. Typing changes the terms, so every query here is a new search: the terms
        // alternate between the whole search and the search less its last letter.
        let shorter = InventoryView {
            search: view
                .search
                .chars()
                .take(view.search.chars().count() - 1)
                .collect(),
            ..view.clone()
        };
        let queries = [&view, &shorter].map(|view| DeviceQuery {
            view: view.clone(),
            offset,
            limit: 200,
        });
        let mut turn = 0;
        let timings = measure(|| {
            turn += 1;
            flotta
                .query_devices(&queries[turn % 2])
                .map(|page| page.total)
        })?;
        report(&format!("{name} (new search)"), &timings);
        let next = DeviceQuery {
            view,
            offset: offset + 200,
            limit: 200,
        };
        let timings = measure(|| flotta.query_devices(&next).map(|page| page.total))?;
        report(&format!("{name} (next window)"), &timings);
    }
    let timings = measure(|| flotta.fleet_summary().map(|summary| summary.total))?;
    report("fleet summary (overview)", &timings);
    let timings = measure(|| flotta.purchases(true).map(|list| list.total))?;
    report("bought, never seen in an EMM (matching view)", &timings);
    let timings = measure(|| flotta.warranty_overview().map(|overview| overview.active))?;
    report("warranty overview and forecast", &timings);
    Ok(())
}

/// Imports a delivery file buying nine in ten of the register's units (dates over five
/// years, warranties of 12–36 months, four suppliers) and a tenth as many never enrolled.
fn buy(flotta: &Flotta, devices: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let mut serials = Vec::with_capacity(devices);
    while serials.len() < devices {
        let page = flotta.query_devices(&DeviceQuery {
            view: InventoryView::default(),
            offset: serials.len() as u32,
            limit: 1_000,
        })?;
        if page.rows.is_empty() {
            break;
        }
        serials.extend(page.rows.into_iter().map(|row| row.serial));
    }
    let unseen = (0..devices / 10).map(|n| format!("NEVERSEEN{n:06}"));
    let bought = serials
        .into_iter()
        .enumerate()
        .filter(|(n, serial)| n % 10 != 0 && !serial.is_empty())
        .map(|(_, serial)| serial)
        .chain(unseen);
    let suppliers = [
        "Atea Sverige AB",
        "Dustin AB",
        "Telia Företag",
        "Tele2 Företag",
    ];
    let mut csv =
        String::from("Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris;Garanti (mån)\n");
    let mut count = 0;
    for (n, serial) in bought.enumerate() {
        let day = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).ok_or("date")?
            + chrono::Days::new((n % 1_800) as u64);
        csv.push_str(&format!(
            "{day};{};Apple;iPhone 15;{serial};8 990;{}\n",
            suppliers[n % 4],
            12 * (1 + n % 3)
        ));
        count += 1;
    }
    let options = flotta_core::ImportOptions::default();
    flotta.import_purchases("bench.csv", csv.as_bytes(), &options)?;
    Ok(count)
}

fn measure<T>(
    mut run: impl FnMut() -> Result<T, flotta_core::Error>,
) -> Result<Vec<Duration>, flotta_core::Error> {
    run()?;
    let mut timings = Vec::with_capacity(50);
    for _ in 0..50 {
        let started = Instant::now();
        std::hint::black_box(run()?);
        timings.push(started.elapsed());
    }
    timings.sort();
    Ok(timings)
}

fn report(name: &str, timings: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<48} median {:>6.2} ms   p95 {:>6.2} ms",
        ms(timings[timings.len() / 2]),
        ms(timings[timings.len() * 95 / 100])
    );
}
