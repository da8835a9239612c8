//! `flotta-cli warranty`: warranty statuses and the replacement forecast, as a budget
//! planner reads them.

use flotta_core::{DueCount, ErrorPayload, Flotta};

pub(crate) fn run(flotta: &Flotta, notice_days: Option<u32>) -> Result<(), ErrorPayload> {
    if let Some(days) = notice_days {
        flotta.set_expiring_within_days(days)?;
    }
    let overview = flotta.warranty_overview()?;
    println!(
        "warranties on {}: {} active, {} expiring within {} days, {} expired, {} unknown",
        overview.today,
        overview.active,
        overview.expiring,
        overview.expiring_within_days,
        overview.expired,
        overview.unknown
    );
    println!("replacement forecast (planned lifetime, else warranty end):");
    for quarter in &overview.forecast.quarters {
        println!(
            "{}-Q{}\t{}",
            quarter.quarter.year,
            quarter.quarter.quarter,
            due(&quarter.total)
        );
        for (org_unit, count) in &quarter.by_org_unit {
            let name = if org_unit.is_empty() {
                "(no organisation unit)"
            } else {
                org_unit
            };
            println!("\t{name}\t{}", due(count));
        }
    }
    if overview.forecast.undated > 0 {
        println!(
            "{} units have neither a planned lifetime nor a warranty period",
            overview.forecast.undated
        );
    }
    Ok(())
}

/// "12 units, 113880.00 SEK": plain figures a script can read.
fn due(count: &DueCount) -> String {
    format!("{} units, {} SEK", count.units, sek(count.cost_ore))
}

fn sek(ore: i64) -> String {
    format!("{}.{:02}", ore / 100, ore % 100)
}
