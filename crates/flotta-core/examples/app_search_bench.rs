//! Benchmark: the app question over a register synced from an EMM with every device's apps
//! (50,000 devices, ~1.8 million installed-app rows): the search, one app's spread, its units
//! newest first, and its device lists written as CSV — each as the app's command runs it.
//!
//! `cargo run --release -p flotta-core --example app_search_bench -- REGISTER [SEARCH…]`;
//! `scripts/bench-apps.sh` makes the register (an Intune emulator synced by `flotta-cli`)
//! and runs this. Prints min / median / max of 20 runs of each; the targets are the search
//! ≤ 50 ms, the spread ≤ 100 ms and the export of an app on ~2,000 devices ≤ 0.5 s. The
//! search and the spread are timed twice: as the first call after the register was opened
//! (or changed), which reads what the app question keeps of it, and as later calls.

#[path = "timing/mod.rs"]
mod timing;

use std::time::{Duration, Instant};

use flotta_core::{Clock, Config, DeviceFilters, Flotta, InventoryView, TableFormat};
use timing::{measure, report};

const RUNS: usize = 20;
/// First calls, each in a register opened afresh (outside the timing).
const COLD_RUNS: usize = 5;

fn open(register: &str) -> Result<Flotta, flotta_core::Error> {
    Flotta::open(Config {
        database_path: register.into(),
        actor: "bench".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })
}

/// The sorted durations of `run`'s first call in each of `COLD_RUNS` registers opened afresh.
fn first_calls<T>(
    register: &str,
    run: impl Fn(&Flotta) -> Result<T, flotta_core::Error>,
) -> Result<Vec<Duration>, flotta_core::Error> {
    let mut timings = Vec::with_capacity(COLD_RUNS);
    for _ in 0..COLD_RUNS {
        let flotta = open(register)?;
        let started = Instant::now();
        std::hint::black_box(run(&flotta)?);
        timings.push(started.elapsed());
    }
    timings.sort();
    Ok(timings)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args();
    args.next(); // the program's own name
    let register = args.next().ok_or("give the register's path")?;
    let mut searches: Vec<String> = args.collect();
    if searches.is_empty() {
        searches = ["tiktok", "microsoft", "co"].map(String::from).to_vec();
    }
    let flotta = open(&register)?;
    let out = tempfile::tempdir()?;
    for text in &searches {
        let found = flotta.search_apps(text)?;
        println!(
            "\"{text}\": {} apps listed ({} more), the first on {} devices",
            found.matches.len(),
            found.more,
            found.matches.first().map_or(0, |app| app.devices)
        );
        report(
            &format!("search \"{text}\", first call"),
            &first_calls(&register, |flotta| flotta.search_apps(text))?,
        );
        report(
            &format!("search \"{text}\""),
            &measure(RUNS, || flotta.search_apps(text))?,
        );
        let Some(first) = found.matches.first() else {
            continue;
        };
        report(
            &format!("spread of {}, first call", first.name),
            &first_calls(&register, |flotta| flotta.app_spread(&first.key))?,
        );
        report(
            &format!("spread of {}", first.name),
            &measure(RUNS, || flotta.app_spread(&first.key))?,
        );
        let view = InventoryView {
            filters: DeviceFilters {
                app: Some(first.key.clone()),
                ..DeviceFilters::default()
            },
            ..InventoryView::default()
        };
        let path = out.path().join("devices.csv");
        report(
            &format!("{}'s units, newest first (500 listed)", first.name),
            &measure(RUNS, || flotta.app_devices(&first.key))?,
        );
        report(
            &format!("CSV of {}'s units with first seen", first.name),
            &measure(RUNS, || {
                flotta.export_app_devices(&first.key, TableFormat::Csv, &path)
            })?,
        );
        report(
            &format!("CSV of the {} devices with {}", first.devices, first.name),
            &measure(RUNS, || {
                flotta.export_devices(&view, TableFormat::Csv, &path)
            })?,
        );
    }
    Ok(())
}
