//! `flotta-cli report`: the reports a scheduled monthly run writes.

use flotta_core::{ErrorPayload, Flotta, IncidentReportRequest, Language, ReportFormat};

use crate::args::{LangArg, ReportWhat};

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
        ReportWhat::Incidents {
            month,
            unit,
            agreement,
            lang,
            csv,
            pdf,
        } => {
            let request = IncidentReportRequest {
                month: month.clone(),
                org_unit: unit.clone(),
                agreement,
                language: match lang {
                    LangArg::Sv => Language::Sv,
                    LangArg::En => Language::En,
                },
            };
            let of = unit
                .as_deref()
                .map(|unit| format!(", {unit}"))
                .unwrap_or_default();
            let files = [(ReportFormat::Csv, csv), (ReportFormat::Pdf, pdf)];
            for (format, path) in files {
                if let Some(path) = path {
                    let cases = flotta.export_incident_report(&request, format, &path)?;
                    println!(
                        "wrote the incident report of {month} ({cases} cases{of}) to {}",
                        path.display()
                    );
                }
            }
            Ok(())
        }
    }
}
