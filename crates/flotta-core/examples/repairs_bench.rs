//! Benchmark: repairs over a 50,000-device register with 20,000 repair cases spread over a
//! year (most closed, the rest open): the case list sorted by due time, the month's SLA
//! report, and the working-day arithmetic behind every due time.
//!
//! Run with `cargo run --release -p flotta-core --example repairs_bench [cases]`.
//! Prints min / median / max of each; the targets are the list ≤ 20 ms, the report ≤ 100 ms
//! and at least a million due-time computations a second.

#[path = "timing/mod.rs"]
mod timing;

use std::time::{Duration, Instant};

use chrono::TimeZone;
use flotta_core::calendar::WorkingCalendar;
use flotta_core::repair::{RepairEvent, SlaSettings, SlaType, sla_clock};
use flotta_core::{
    Clock, Config, DeviceFilters, DeviceQuery, Flotta, InventoryView, Lifecycle, RepairCaseForm,
    RepairCaseQuery, RepairEventForm,
};
use timing::{measure, report};

const DEVICES: usize = 50_000;
/// Units in the swap pool, of whichever models they are.
const POOL: usize = 2_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases: usize = std::env::args()
        .nth(1)
        .map(|arg| arg.parse())
        .transpose()?
        .unwrap_or(20_000);
    let dir = tempfile::tempdir()?;
    // FLOTTA_BENCH_DB keeps the database for inspection (it must not exist yet).
    let database_path = std::env::var_os("FLOTTA_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 12, 2, 9, 0, 0)
        .single()
        .ok_or("bad date")?;
    let started = Instant::now();
    let flotta = Flotta::open(Config {
        database_path,
        actor: "bench".into(),
        demo_devices: Some(DEVICES),
        clock: Clock::Fixed(now),
        retry: Default::default(),
    })?;
    println!(
        "generated {DEVICES} devices in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    // Units in use, one case each: reported over the last year, a working hour apart;
    // those older than a month went through their whole timeline.
    let mut deployed = Vec::new();
    while deployed.len() < cases + POOL {
        let page = flotta.query_devices(&DeviceQuery {
            view: InventoryView {
                filters: DeviceFilters {
                    lifecycle: Some(Lifecycle::Deployed),
                    ..DeviceFilters::default()
                },
                ..InventoryView::default()
            },
            offset: u32::try_from(deployed.len())?,
            limit: 1_000,
        })?;
        if page.rows.is_empty() {
            break;
        }
        deployed.extend(page.rows);
    }
    let (units, pool) = deployed.split_at(cases.min(deployed.len()));
    let to_pool = flotta_core::LifecycleMove {
        to: Lifecycle::InSwapPool,
        reason: "bench pool".into(),
    };
    for unit in pool {
        flotta.move_unit(unit.id, &to_pool)?;
    }
    let started = Instant::now();
    let calendar = WorkingCalendar::new(&[]);
    let mut opened = 0;
    let mut day = now.date_naive() - chrono::Days::new(365);
    for (index, unit) in units.iter().enumerate() {
        let hour = u32::try_from(index % 8)? + 7;
        if index % 8 == 0 {
            day = calendar.next_working_day(day)?;
            if day >= now.date_naive() {
                day = now.date_naive() - chrono::Days::new(365);
            }
        }
        let reported_at = day.and_hms_opt(hour, 0, 0).ok_or("time")?.and_utc();
        let mut view = flotta.open_repair_case(&RepairCaseForm {
            device_id: unit.id,
            sla: SlaType::ALL[index % 3],
            fault: "Skärmen är sprucken".into(),
            reported_by: "Bench".into(),
            reported_at: Some(reported_at),
        })?;
        opened += 1;
        if now - reported_at < chrono::Duration::days(30) || index % 10 == 0 {
            continue;
        }
        // The whole timeline, each step the next working day at 10:00 UTC.
        let mut at = reported_at;
        for _ in 0..12 {
            let Some(event) = view.next_events.iter().copied().find(|event| {
                *event != RepairEvent::Diagnosed && *event != RepairEvent::BeyondRepair
            }) else {
                break;
            };
            let next_day = calendar.next_working_day(at.date_naive())?;
            at = next_day.and_hms_opt(10, 0, 0).ok_or("time")?.and_utc();
            let outcome = flotta.record_repair_event(
                view.id,
                &RepairEventForm {
                    event,
                    at: Some(at),
                    note: None,
                    unit_id: None,
                },
            );
            match outcome {
                Ok(next) => view = next,
                // A swap with no pool unit of the model: left open, as in life.
                Err(_) => break,
            }
        }
    }
    println!(
        "opened {opened} cases with their timelines in {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let open_cases = RepairCaseQuery {
        open: Some(true),
        limit: 100,
        ..RepairCaseQuery::default()
    };
    let first = flotta.repair_cases(&open_cases)?;
    println!("{} open cases", first.total);
    report(
        "case list, open, by due time (100 rows)",
        &measure(30, || flotta.repair_cases(&open_cases))?,
    );
    let swaps = RepairCaseQuery {
        open: Some(true),
        sla: Some(SlaType::Swap),
        limit: 100,
        ..RepairCaseQuery::default()
    };
    report(
        "case list, open swaps, by due time (100 rows)",
        &measure(30, || flotta.repair_cases(&swaps))?,
    );
    let all = RepairCaseQuery {
        open: None,
        limit: 100,
        offset: 10_000,
        ..RepairCaseQuery::default()
    };
    report(
        "case list, all, window at 10,000 (100 rows)",
        &measure(30, || flotta.repair_cases(&all))?,
    );
    let month = flotta.sla_report("2026-10", None)?;
    println!(
        "SLA report 2026-10: {} cases",
        month.by_type.iter().map(|row| row.cases).sum::<u32>()
    );
    report(
        "SLA report of a month",
        &measure(30, || flotta.sla_report("2026-10", None))?,
    );

    // Due times: a clock per report time, over two years of reports a minute apart.
    let settings = SlaSettings::default();
    let start = now - chrono::Duration::days(730);
    let computations: u32 = 1_000_000;
    let mut timings = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        for minute in 0..computations {
            let reported = start + chrono::Duration::minutes(i64::from(minute));
            let clock = sla_clock(SlaType::MailIn, reported, &[], &settings, &calendar)?;
            std::hint::black_box(clock);
        }
        timings.push(started.elapsed());
    }
    timings.sort();
    let rate = |d: Duration| f64::from(computations) / d.as_secs_f64();
    println!(
        "{:<48} min {:>9.0}/s   median {:>9.0}/s   max {:>9.0}/s",
        "due-time computations (mail-in, one promise)",
        rate(timings[timings.len() - 1]),
        rate(timings[timings.len() / 2]),
        rate(timings[0])
    );
    Ok(())
}
