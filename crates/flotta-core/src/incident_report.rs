//! The monthly incident report: its figures for the app's preview, and its PDF and CSV.

use std::path::Path;

use flotta_domain::incident::{
    AgreementTerms, IncidentFacts, IncidentReport, ReportHead, incident_report, terms_at,
};
use flotta_store::IncidentFilter;
use serde::{Deserialize, Serialize};

use crate::agreements::INCIDENT;
use crate::month::Month;
use crate::transport::Language;
use crate::{Error, Flotta, export};

/// Which report: a month (`YYYY-MM`), an organisation unit or all, an agreement by name
/// (the default one when not given), and its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentReportRequest {
    pub month: String,
    pub org_unit: Option<String>,
    pub agreement: Option<String>,
    pub language: Language,
}

/// A report file's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Pdf,
    Csv,
}

impl Flotta {
    /// The incident report of `month` (`YYYY-MM`) for one organisation unit or all, and one
    /// agreement (by name; the default one when not given).
    pub fn incident_report(
        &self,
        month: &str,
        org_unit: Option<&str>,
        agreement: Option<&str>,
    ) -> Result<IncidentReport, Error> {
        let month = Month::parse(month)?;
        let agreements = self.reader().support_agreements()?;
        let chosen = match agreement {
            Some(name) => agreements
                .iter()
                .find(|agreement| agreement.name.eq_ignore_ascii_case(name.trim()))
                .ok_or_else(|| Error::InvalidInput {
                    what: "agreement",
                    detail: format!(
                        "{name:?}; the agreements are {}",
                        agreements
                            .iter()
                            .map(|agreement| agreement.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })?,
            None => {
                let id = self.default_agreement()?;
                agreements
                    .iter()
                    .find(|agreement| agreement.id == id)
                    .ok_or_else(|| INCIDENT.error("agreement_id", "choose the agreement"))?
            }
        };
        let filter = IncidentFilter {
            received: Some((month.from, month.to)),
            org_unit: org_unit.map(str::to_owned),
            agreement_id: Some(chosen.id),
            ..IncidentFilter::default()
        };
        let (_, records) = self.reader().incidents(&filter, None)?;
        let judge = self.judge()?;
        let mut cases = Vec::with_capacity(records.len());
        for case in records {
            let clock = judge.clock(&case)?;
            cases.push(IncidentFacts {
                id: case.id,
                external_ref: case.external_ref,
                received_at: case.received_at,
                completed_at: case.completed_at,
                category_id: case.category_id,
                line: case.line,
                channel: case.channel,
                reporter: case.reporter,
                serial: case.device.map(|device| device.serial),
                org_unit: case.org_unit,
                description: case.description,
                resolution: case.resolution,
                clock,
            });
        }
        // The terms in force at some moment of the month: the one in force when it began
        // and every one that began during it.
        let mut terms: Vec<AgreementTerms> = chosen
            .terms
            .iter()
            .filter(|terms| month.from < terms.valid_from && terms.valid_from < month.to)
            .cloned()
            .collect();
        if let Some(opening) = terms_at(&chosen.terms, month.from) {
            terms.insert(0, opening.clone());
        }
        let head = ReportHead {
            month: month.first,
            org_unit: org_unit.map(str::to_owned),
            agreement: chosen.name.clone(),
            terms,
            as_of: judge.now,
        };
        Ok(incident_report(head, cases, &judge.categories))
    }

    /// Writes the report to `path` as PDF or CSV; the number of its cases.
    pub fn export_incident_report(
        &self,
        request: &IncidentReportRequest,
        format: ReportFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let report = self.incident_report(
            &request.month,
            request.org_unit.as_deref(),
            request.agreement.as_deref(),
        )?;
        let bytes = match format {
            ReportFormat::Csv => {
                flotta_reports::incident_report_csv(&report, request.language.into())
            }
            ReportFormat::Pdf => {
                flotta_reports::incident_report_pdf(&report, request.language.into()).ok_or(
                    Error::InvalidInput {
                        what: "report",
                        detail: "the report's font cannot be read".into(),
                    },
                )?
            }
        };
        export::write_beside_then_rename(path, &bytes)?;
        Ok(report.total.cases)
    }
}
