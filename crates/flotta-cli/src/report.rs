//! `flotta-cli report`: the reports a scheduled monthly run writes.

use flotta_core::{ErrorPayload, Flotta};

use crate::args::ReportWhat;

pub(crate) fn run(flotta: &Flotta, what: ReportWhat) -> Result<(), ErrorPayload> {
    match what {
        ReportWhat::Sla { month, unit, csv } => {
            let cases = flotta.export_sla_report_csv(&month, unit.as_deref(), &csv)?;
            println!(
                "wrote the SLA report of {month} ({cases} cases{}) to {}",
                unit.map(|unit| format!(", {unit}")).unwrap_or_default(),
                csv.display()
            );
            Ok(())
        }
    }
}
