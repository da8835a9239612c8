//! Sync benchmark: a full sync of a vendor's device list into a fresh register, and (with the
//! emulator in this process) an incremental sync after 1 % of the devices changed.
//!
//! ```text
//! cargo run --release -p flotta-core --example sync_bench -- \
//!     [--url http://127.0.0.1:PORT] [--vendor intune|jamf|ws1] [--devices 50000] \
//!     [--latency-ms 0] [--concurrency 4] [--page-size N] [--apps] [--db register.sqlite3]
//! ```
//! Installed apps (~40 per device, ~2 million rows for 50,000) are read only with `--apps`,
//! so the device figures compare with the plain-Python baseline, which reads devices only.
//! Without `--url` the emulator runs in this process. `scripts/bench-sync.sh` runs it next to
//! the plain-Python baseline against one separate emulator process.

use std::time::{Duration, Instant};

use flotta_core::{Clock, Config, ConnectionInput, ConnectionSettings, Flotta, SyncMode, Vendor};
use flotta_emulator::{Credentials, Emulator, EmulatorConfig};

struct Args {
    url: Option<String>,
    vendor: Vendor,
    devices: usize,
    latency: Duration,
    concurrency: u32,
    /// `None`: the vendor's default for a new connection (Intune 1000, Jamf and Workspace
    /// ONE 500).
    page_size: Option<u32>,
    apps: bool,
    /// Where the register goes (kept afterwards, for a look inside); a fresh temporary file
    /// when not given.
    db: Option<std::path::PathBuf>,
}

fn args() -> Args {
    let mut parsed = Args {
        url: None,
        vendor: Vendor::Intune,
        devices: 50_000,
        latency: Duration::ZERO,
        concurrency: 4,
        page_size: None,
        apps: false,
        db: None,
    };
    let mut args = std::env::args();
    args.next(); // the program's own name
    while let Some(arg) = args.next() {
        if arg == "--apps" {
            parsed.apps = true;
            continue;
        }
        let value = args.next().unwrap_or_default();
        let number = || value.parse::<u64>().unwrap_or(0);
        match arg.as_str() {
            "--url" => parsed.url = Some(value.clone()),
            "--db" => parsed.db = Some(value.clone().into()),
            "--vendor" => {
                parsed.vendor = match value.as_str() {
                    "jamf" => Vendor::JamfPro,
                    "ws1" => Vendor::WorkspaceOne,
                    _ => Vendor::Intune,
                }
            }
            "--devices" => parsed.devices = number() as usize,
            "--latency-ms" => parsed.latency = Duration::from_millis(number()),
            "--concurrency" => parsed.concurrency = number() as u32,
            "--page-size" => parsed.page_size = Some(number() as u32),
            _ => eprintln!("ignoring {arg}"),
        }
    }
    parsed
}

fn settings(root: &str, args: &Args, credentials: &Credentials) -> ConnectionSettings {
    let mut settings = ConnectionSettings::new(args.vendor, "bench");
    settings.client_id = credentials.client_id.clone();
    settings.concurrency = args.concurrency;
    if let Some(page_size) = args.page_size {
        settings.page_size = page_size;
    }
    settings.sync_apps = args.apps;
    match args.vendor {
        Vendor::Intune => {
            settings.base_url = format!("{root}/graph");
            settings.token_url = Some(format!("{root}/login"));
            settings.tenant = Some(credentials.tenant.clone());
        }
        Vendor::JamfPro => settings.base_url = format!("{root}/jamf"),
        Vendor::WorkspaceOne => {
            settings.base_url = format!("{root}/ws1");
            settings.token_url = Some(format!("{root}/ws1-auth/connect/token"));
            settings.tenant = Some(credentials.tenant_code.clone());
        }
    }
    settings
}

/// Peak resident memory of this process (the emulator's too when it runs in-process).
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = args();
    let credentials = Credentials::default();
    let local = match &args.url {
        Some(_) => None,
        None => {
            let mut config = EmulatorConfig::new(args.devices, chrono::Utc::now());
            config.latency = args.latency;
            Some(Emulator::start(config).await?)
        }
    };
    let root = match (&args.url, &local) {
        (Some(url), _) => url.trim_end_matches('/').to_owned(),
        (None, Some(emulator)) => format!("http://{}", emulator.address()),
        (None, None) => unreachable!("an emulator was started"),
    };
    let dir = tempfile::tempdir()?;
    let flotta = Flotta::open(Config {
        database_path: args
            .db
            .clone()
            .unwrap_or_else(|| dir.path().join("bench.sqlite3")),
        actor: "bench".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    let id = flotta
        .save_connection(
            None,
            ConnectionInput {
                settings: settings(&root, &args, &credentials),
                secret: Some(credentials.client_secret.clone()),
                session_only: true,
            },
        )?
        .id;
    let started = Instant::now();
    let applying = std::sync::Mutex::new(None);
    let run = flotta
        .sync_connection(id, Some(SyncMode::Full), &|progress| {
            if progress.phase == flotta_core::SyncPhase::Applying {
                *applying.lock().expect("lock") = Some(started.elapsed());
            }
        })
        .await?;
    let elapsed = started.elapsed();
    let fetched = applying.lock().expect("lock").unwrap_or_default();
    println!(
        "  listing fetched and written page by page in {:.3} s, then committed in {:.3} s",
        fetched.as_secs_f64(),
        (elapsed - fetched).as_secs_f64()
    );
    println!(
        "full sync: {:?} {} records in {} pages, {} devices added, {} warnings: {:.3} s ({:.0} records/s), peak RSS {} MB",
        args.vendor,
        run.records,
        run.pages,
        run.counts.added,
        run.counts.warnings,
        elapsed.as_secs_f64(),
        f64::from(run.records) / elapsed.as_secs_f64(),
        peak_rss_mb()
    );
    if args.apps {
        println!(
            "  installed apps stored: {} rows",
            flotta.installed_app_count()?
        );
    }
    if let Some(emulator) = &local {
        let changed = args.devices / 100;
        emulator.with_fleet(|fleet| fleet.touch(changed, chrono::Utc::now()));
        let started = Instant::now();
        let run = flotta
            .sync_connection(id, Some(SyncMode::Incremental), &|_| {})
            .await?;
        println!(
            "incremental sync after {changed} changed: {} records, {} updated: {:.3} s, peak RSS {} MB",
            run.records,
            run.counts.updated,
            started.elapsed().as_secs_f64(),
            peak_rss_mb()
        );
    }
    Ok(())
}
