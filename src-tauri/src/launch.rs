//! Start-up choices: where the database lives, whether to seed the demo fleet, logging.

use std::path::PathBuf;

/// Read once at start from the command line and the environment.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--db PATH` or `FLOTTA_DB`; otherwise the OS app-data directory.
    pub database_path: Option<PathBuf>,
    /// Size of the demo fleet for an empty register (`--demo-devices N` or
    /// `FLOTTA_DEMO_DEVICES`; 0 turns it off).
    pub demo_devices: Option<usize>,
}

pub const DEFAULT_DEMO_DEVICES: usize = 50_000;

impl Options {
    pub fn from_env_and_args() -> Self {
        // The first argument is the program itself.
        let mut args = std::env::args_os();
        args.next();
        let mut database_path = std::env::var_os("FLOTTA_DB").map(PathBuf::from);
        let mut demo_devices = std::env::var("FLOTTA_DEMO_DEVICES").ok();
        while let Some(arg) = args.next() {
            if arg == "--db" {
                database_path = args.next().map(PathBuf::from);
            } else if arg == "--demo-devices" {
                demo_devices = args
                    .next()
                    .map(|value| value.to_string_lossy().into_owned());
            }
        }
        let demo_devices = match demo_devices {
            Some(text) => match text.trim().parse::<usize>() {
                Ok(0) => None,
                Ok(count) => Some(count),
                Err(_) => {
                    tracing::warn!(value = %text, "the demo fleet size is not a number; using the default");
                    Some(DEFAULT_DEMO_DEVICES)
                }
            },
            None => Some(DEFAULT_DEMO_DEVICES),
        };
        Self {
            database_path,
            demo_devices,
        }
    }
}

/// Logs to stderr and to a file rotated daily in the OS's log folder (the last 14 days kept):
/// a Windows GUI app has no console, and a person reporting a problem can send the file.
/// `RUST_LOG` adjusts the level (default: info for Flotta's crates).
pub fn init_logging() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,flotta=info"));
    // Colour codes only for a terminal; redirected logs stay greppable.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let folder = flotta_core::log_folder();
    let file = folder.as_ref().and_then(|folder| {
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix("flotta")
            .filename_suffix("log")
            .max_log_files(14)
            .build(folder)
            .map_err(|error| eprintln!("flotta: no log file in {}: {error}", folder.display()))
            .ok()
    });
    let to_file = file.map(|file| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(file)
    });
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(ansi)
                .with_writer(std::io::stderr),
        )
        .with(to_file)
        .try_init();
    if let Some(folder) = folder {
        tracing::info!(folder = %folder.display(), "logging to a file");
    }
}
