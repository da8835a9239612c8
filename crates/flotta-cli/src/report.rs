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
        ReportWhat::Fleet {
            month,
            lang,
            csv,
            pdf,
        } => {
            for (format, path) in [(ReportFormat::Csv, csv), (ReportFormat::Pdf, pdf)] {
                if let Some(path) = path {
                    let devices =
                        flotta.export_fleet_report(&month, language(lang), format, &path)?;
                    println!(
                        "wrote the fleet summary ({devices} devices, repairs of {month}) to {}",
                        path.display()
                    );
                }
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
                language: language(lang),
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

fn language(lang: LangArg) -> Language {
    match lang {
        LangArg::Sv => Language::Sv,
        LangArg::En => Language::En,
    }
}
