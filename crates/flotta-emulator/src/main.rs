//! `flotta-emulator`: serves the vendor emulators as a separate process, for benchmarks that
//! compare Flotta with other clients (a plain Python script) against the same server.
//!
//! `flotta-emulator [--devices N] [--latency-ms M]` prints `http://127.0.0.1:<port>` once it
//! listens and serves until it is stopped.

use std::time::Duration;

use flotta_emulator::{Emulator, EmulatorConfig};

fn main() -> std::io::Result<()> {
    let mut devices = 50_000;
    let mut latency = Duration::ZERO;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--devices", Some(n)) => devices = n as usize,
            ("--latency-ms", Some(ms)) => latency = Duration::from_millis(ms),
            _ => {
                eprintln!("usage: flotta-emulator [--devices N] [--latency-ms M]");
                std::process::exit(2);
            }
        }
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut config = EmulatorConfig::new(devices, chrono::Utc::now());
        config.latency = latency;
        let emulator = Emulator::start(config).await?;
        println!("http://{}", emulator.address());
        std::future::pending::<()>().await;
        Ok(())
    })
}
