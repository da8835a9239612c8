//! The command line as a scheduled task runs it: a real process syncing a real register
//! from the emulator over HTTP.

use std::process::Command;

use flotta_core::{Clock, Config, ConnectionInput, ConnectionSettings, Flotta, Vendor};
use flotta_emulator::{Emulator, EmulatorConfig};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A register with one Intune connection to `emulator`, whose secret is not stored (the
/// keyring is not used here), as on a server where the task supplies it.
fn register(
    dir: &tempfile::TempDir,
    emulator: &Emulator,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let path = dir.path().join("flotta.sqlite3");
    let flotta = Flotta::open(Config {
        database_path: path.clone(),
        actor: "admin".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    let mut settings = ConnectionSettings::new(Vendor::Intune, "Intune skolor");
    settings.base_url = emulator.graph_url();
    settings.token_url = Some(emulator.login_url());
    settings.tenant = Some(emulator.credentials().tenant.clone());
    settings.client_id = emulator.credentials().client_id.clone();
    flotta.save_connection(
        None,
        ConnectionInput {
            settings,
            secret: None,
            session_only: true,
        },
    )?;
    Ok(path)
}

fn cli(
    path: &std::path::Path,
    secret: &str,
    args: &[&str],
) -> std::io::Result<std::process::Output> {
    Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
        .arg("--db")
        .arg(path)
        .args(args)
        .env("FLOTTA_CONNECTION_SECRET", secret)
        .output()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_sync_by_name_fills_the_register_and_a_wrong_secret_changes_nothing()
-> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(600, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = register(&dir, &emulator)?;
    let secret = emulator.credentials().client_secret.clone();

    let wrong = cli(&path, "not-it", &["sync", "Intune skolor"])?;
    assert_eq!(wrong.status.code(), Some(1));
    let message = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        message.contains("sign-in"),
        "the failure names the sign-in: {message}"
    );
    assert!(
        !message.contains("not-it"),
        "the secret is never printed: {message}"
    );
    let flotta = Flotta::open(Config {
        database_path: path.clone(),
        actor: "admin".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    assert_eq!(
        flotta.status()?.device_count,
        0,
        "the failed sync changed nothing"
    );
    assert_eq!(
        flotta.sync_history(None)?[0].status,
        flotta_core::SyncStatus::Failed
    );
    drop(flotta);

    let done = cli(&path, &secret, &["sync", "Intune skolor", "--full"])?;
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{stdout} {}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(stdout.contains("Full sync Succeeded"), "{stdout}");
    // Every enrolment the emulator lists, less the records without serial and IMEI (warnings).
    let records = emulator.with_fleet(|fleet| fleet.len());
    assert!(stdout.contains(&format!("{records} records")), "{stdout}");
    let added: u32 = stdout
        .split(", ")
        .find_map(|part| part.strip_suffix(" added")?.parse().ok())
        .ok_or("no added count")?;
    assert!(added as usize > records * 9 / 10, "{stdout}");
    let listed = cli(&path, &secret, &["connections"])?;
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.starts_with("1\tIntune skolor\tIntune\topen\t"),
        "{listed}"
    );
    assert!(listed.contains(&format!("\t{added} devices")), "{listed}");
    let usage = Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
        .arg("sync")
        .output()?;
    assert_eq!(
        usage.status.code(),
        Some(2),
        "a call without --db is a usage error"
    );
    Ok(())
}
