//! `flotta-cli report`: the reports a scheduled monthly run writes.

use flotta_core::{ErrorPayload, Flotta};

use crate::args::ReportWhat;

pub(crate) fn run(flotta: &Flotta, what: ReportWhat) -> Result<(), ErrorPayload> {
    match what {
        ReportWhat::Sla {
            month,
            unit,
            csv,
            pdf,
        } => {
            let of = unit
                .as_deref()
                .map(|unit| format!(", {unit}"))
                .unwrap_or_default();
            if let Some(csv) = csv {
                let cases = flotta.export_sla_report_csv(&month, unit.as_deref(), &csv)?;
                println!(
                    "wrote the SLA report of {month} ({cases} cases{of}) to {}",
                    csv.display()
                );
            }
            if let Some(pdf) = pdf {
                let cases = flotta.export_sla_report_pdf(&month, unit.as_deref(), &pdf)?;
                println!(
                    "wrote the SLA report of {month} ({cases} cases{of}) to {}",
                    pdf.display()
                );
            }
            Ok(())
        }
    }
}
