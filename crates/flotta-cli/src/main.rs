//! `flotta-cli`: the core without the GUI, for scheduled tasks (cron, systemd timers, the
//! Windows Task Scheduler).
//!
//! ```text
//! flotta-cli --db <register.sqlite3> connections
//! flotta-cli --db <register.sqlite3> sync <connection id or name> [--full | --incremental]
//! ```
//! The secret comes from the OS keyring, as the app stored it; on a server without a keyring
//! service, `FLOTTA_CONNECTION_SECRET` supplies it for this run only. Progress goes to
//! stderr, the result to stdout; the exit code is 0 on success, 1 when the sync failed (the
//! register is then unchanged) and 2 for a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use flotta_core::{Clock, Config, ErrorPayload, Flotta, SyncMode, SyncPhase};

const USAGE: &str = "usage: flotta-cli --db <register.sqlite3> connections
       flotta-cli --db <register.sqlite3> sync <connection id or name> [--full | --incremental]";

enum Command {
    Connections,
    Sync {
        connection: String,
        mode: Option<SyncMode>,
    },
}

fn parse(args: &[String]) -> Option<(PathBuf, Command)> {
    let mut db = None;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--db" {
            db = iter.next().map(PathBuf::from);
        } else {
            rest.push(arg.as_str());
        }
    }
    let command = match rest.as_slice() {
        ["connections"] => Command::Connections,
        ["sync", connection] => Command::Sync {
            connection: (*connection).to_owned(),
            mode: None,
        },
        ["sync", connection, "--full"] => Command::Sync {
            connection: (*connection).to_owned(),
            mode: Some(SyncMode::Full),
        },
        ["sync", connection, "--incremental"] => Command::Sync {
            connection: (*connection).to_owned(),
            mode: Some(SyncMode::Incremental),
        },
        _ => return None,
    };
    Some((db?, command))
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((database_path, command)) = parse(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(database_path, command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("flotta-cli: {}", error.message);
            ExitCode::from(1)
        }
    }
}

fn run(database_path: PathBuf, command: Command) -> Result<(), ErrorPayload> {
    let flotta = Flotta::open(Config {
        database_path,
        actor: flotta_core::actor_from_environment(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    match command {
        Command::Connections => {
            for c in flotta.list_connections()? {
                let state = if c.closed_at.is_some() {
                    "removed"
                } else {
                    "open"
                };
                println!(
                    "{}\t{}\t{:?}\t{}\t{} devices",
                    c.id, c.settings.name, c.settings.vendor, state, c.device_count
                );
            }
            Ok(())
        }
        Command::Sync { connection, mode } => sync(&flotta, &connection, mode),
    }
}

fn sync(flotta: &Flotta, connection: &str, mode: Option<SyncMode>) -> Result<(), ErrorPayload> {
    let found = flotta
        .list_connections()?
        .into_iter()
        .find(|c| {
            c.closed_at.is_none()
                && (c.id.to_string() == connection || c.settings.name == connection)
        })
        .ok_or_else(|| ErrorPayload {
            code: flotta_core::ErrorCode::NotFound,
            message: format!("no open connection with the id or name {connection:?}"),
        })?;
    if let Ok(secret) = std::env::var("FLOTTA_CONNECTION_SECRET") {
        flotta.use_secret_for_session(found.id, &secret)?;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| ErrorPayload {
            code: flotta_core::ErrorCode::Internal,
            message: format!("cannot start the async runtime: {error}"),
        })?;
    let run = runtime.block_on(flotta.sync_connection(found.id, mode, &|progress| {
        if progress.phase == SyncPhase::Fetching && progress.pages > 0 {
            eprintln!(
                "{}: {} pages, {} records",
                progress.connection_name, progress.pages, progress.records
            );
        }
    }))?;
    println!(
        "{}: {:?} sync {:?}: {} records, {} added, {} updated, {} unchanged, {} missing, {} returned, {} warnings",
        run.connection_name,
        run.mode,
        run.status,
        run.records,
        run.counts.added,
        run.counts.updated,
        run.counts.unchanged,
        run.counts.missing,
        run.counts.returned,
        run.counts.warnings
    );
    Ok(())
}
