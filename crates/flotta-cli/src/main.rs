//! `flotta-cli`: the core without the GUI, for scheduled tasks (cron, systemd timers, the
//! Windows Task Scheduler) and administrators' scripts.
//!
//! ```text
//! flotta-cli --db <register.sqlite3> connections [list]
//! flotta-cli --db <register.sqlite3> connections add --name <name> --vendor <vendor> …
//! flotta-cli --db <register.sqlite3> connections edit|test|remove <connection id or name> …
//! flotta-cli --db <register.sqlite3> sync <connection id or name> [--full | --incremental]
//! flotta-cli --db <register.sqlite3> import purchases <file> [--supplier <name>] [--commit]
//! flotta-cli --db <register.sqlite3> export devices <file> [--purchase bought|not-bought]
//! flotta-cli --db <register.sqlite3> export purchases <file> [--unseen]
//! flotta-cli --db <register.sqlite3> export forecast|checklist [--delivery ID] <file>
//! flotta-cli --db <register.sqlite3> export closed-days <year> <file>
//! flotta-cli --db <register.sqlite3> warranty
//! flotta-cli --db <register.sqlite3> audit [--actor A] [--entity E] [--id ID] [--text T]
//!     [--from DAY] [--until DAY] [--csv FILE]
//! flotta-cli --db <register.sqlite3> calendar YEAR
//! flotta-cli --db <register.sqlite3> calendar close <day> <name> | open <day>
//! flotta-cli --db <register.sqlite3> report sla --month YYYY-MM [--unit NAME] [--csv FILE] [--pdf FILE]
//! flotta-cli --db <register.sqlite3> apps search TEXT [--by unit|os|ownership|connection] [--csv FILE]
//! flotta-cli --db <register.sqlite3> apps devices NAME FILE
//! ```
//! A secret never comes from a flag (it would stay in the shell's history and the process
//! list): `--secret-stdin` reads it from standard input, `FLOTTA_CONNECTION_SECRET` supplies
//! it from the environment, and otherwise it comes from the OS keyring, as the app stored it.
//! Workspace ONE's tenant code, an API key, is kept with the secret and comes from
//! `FLOTTA_TENANT_CODE` (or `--tenant`, where a process list is no concern).
//! Progress goes to stderr, results to stdout; the exit code is 0 on success, 1 when the
//! action failed (a failed sync leaves the register unchanged) and 2 for a usage error.

mod apps;
mod args;
mod audit;
mod calendar;
mod connections;
mod export;
mod import;
mod report;
mod sync;
mod warranty;

use std::process::ExitCode;

use clap::Parser;
use flotta_core::{Clock, Config, ErrorCode, ErrorPayload, Flotta};

use crate::args::{Cli, Command};

/// mimalloc, for Rust's allocations and, on Linux and macOS, every `malloc` of the process,
/// SQLite's included. A full sync of 48,000 devices allocates a few million small blocks
/// (each text SQLite binds is copied): with the system's allocator, `malloc` and `free`
/// took 13 % of the process's instructions; with mimalloc it executes 10 % fewer.
/// The app keeps the system allocator: its process hosts the WebView's libraries.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("flotta-cli: {}", error.message);
            if let Some(hint) = hint(error.code) {
                eprintln!("{hint}");
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), ErrorPayload> {
    let flotta = Flotta::open(Config {
        database_path: cli.db,
        actor: flotta_core::actor_from_environment(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    match cli.command {
        Command::Connections { action } => connections::run(&flotta, action),
        Command::Sync { connection, mode } => sync::run(&flotta, &connection, mode.into()),
        Command::Import { what } => import::run(&flotta, what),
        Command::Warranty { notice_days } => warranty::run(&flotta, notice_days),
        Command::Export { what } => export::run(&flotta, what),
        Command::Calendar { year, action } => calendar::run(&flotta, year, action),
        Command::Report { what } => report::run(&flotta, what),
        Command::Apps { action } => apps::run(&flotta, action),
        Command::Audit {
            actor,
            entity,
            id,
            text,
            from,
            until,
            csv,
        } => audit::run(
            &flotta,
            audit::Search {
                actor,
                entity,
                id,
                text,
                from,
                until,
            },
            csv,
        ),
    }
}

/// What to do about the errors a command line can do something about.
fn hint(code: ErrorCode) -> Option<&'static str> {
    match code {
        ErrorCode::SecretStoreUnavailable => Some(
            "No OS keyring runs here. Add --without-keyring to keep the secret out of it, and \
             supply FLOTTA_CONNECTION_SECRET (and, for Workspace ONE, FLOTTA_TENANT_CODE) to \
             every sync.",
        ),
        ErrorCode::SecretMissing => Some(
            "Supply the secret with FLOTTA_CONNECTION_SECRET (and, for Workspace ONE, the \
             tenant code with FLOTTA_TENANT_CODE), or store it with \
             `connections edit <connection> --secret-stdin`.",
        ),
        _ => None,
    }
}

/// Reads a secret from standard input (the first line, without its line ending).
pub(crate) fn secret_from_stdin() -> Result<String, ErrorPayload> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|error| {
        ErrorPayload::new(
            ErrorCode::InvalidInput,
            format!("cannot read the secret from standard input: {error}"),
        )
    })?;
    let secret = line.trim_end_matches(['\r', '\n']).to_owned();
    if secret.is_empty() {
        return Err(ErrorPayload::new(
            ErrorCode::InvalidInput,
            "standard input held no secret",
        ));
    }
    Ok(secret)
}

/// Workspace ONE's tenant code given for this run in `FLOTTA_TENANT_CODE` (it is an API key:
/// a flag would show it in the process list).
pub(crate) fn given_tenant_code() -> Option<String> {
    std::env::var("FLOTTA_TENANT_CODE")
        .ok()
        .filter(|code| !code.trim().is_empty())
}

/// The secret given for this run: standard input when asked, else `FLOTTA_CONNECTION_SECRET`.
pub(crate) fn given_secret(from_stdin: bool) -> Result<Option<String>, ErrorPayload> {
    if from_stdin {
        return secret_from_stdin().map(Some);
    }
    Ok(std::env::var("FLOTTA_CONNECTION_SECRET")
        .ok()
        .filter(|secret| !secret.is_empty()))
}
