//! Writes a register holding the generated demo fleet, for benchmarks that run the command
//! line against a register of realistic size.
//!
//! `cargo run --release -p flotta-core --example demo_register -- PATH [devices]`

use flotta_core::{Clock, Config, Flotta};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args();
    args.next(); // the program's own name
    let path = args.next().ok_or("give the register's path")?;
    let devices: usize = args
        .next()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(50_000);
    let flotta = Flotta::open(Config {
        database_path: path.into(),
        actor: "bench".into(),
        demo_devices: Some(devices),
        clock: Clock::System,
        retry: Default::default(),
    })?;
    println!("{} devices", flotta.status()?.device_count);
    Ok(())
}
