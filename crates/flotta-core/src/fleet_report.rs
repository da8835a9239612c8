//! The fleet summary report: what the register holds about the fleet now, with a month's
//! repair figures, as PDF or CSV.

use std::path::Path;

use flotta_domain::fleet_report::{FleetReport, ModelInUse, WarrantyQuarter};
use flotta_domain::time::stockholm_date;
use flotta_domain::warranty::Quarter;
use flotta_domain::warranty_end;
use flotta_reports::Lang;

use crate::incident_report::ReportFormat;
use crate::month::Month;
use crate::transport::Language;
use crate::{Error, Flotta, export};

/// Quarters ahead the warranty table counts.
const WARRANTY_QUARTERS: usize = 8;

impl Flotta {
    /// The fleet summary with the repair SLA figures of `month` (`YYYY-MM`).
    pub fn fleet_report(&self, month: &str) -> Result<FleetReport, Error> {
        let month = Month::parse(month)?;
        let now = self.clock.now();
        let today = stockholm_date(now);
        let summary = self.fleet_summary()?;
        let mut quarters: Vec<WarrantyQuarter> = Vec::with_capacity(WARRANTY_QUARTERS);
        let mut quarter = Quarter::of(today);
        for _ in 0..WARRANTY_QUARTERS {
            quarters.push(WarrantyQuarter { quarter, units: 0 });
            quarter = quarter.next();
        }
        let mut warranty_ended = 0;
        for purchase in self.reader().purchases(false, u32::MAX)? {
            let line = &purchase.line;
            let Some(end) = warranty_end(line.purchase_date, line.warranty_months) else {
                continue;
            };
            if end < today {
                warranty_ended += 1;
            } else if let Some(row) = quarters
                .iter_mut()
                .find(|row| row.quarter == Quarter::of(end))
            {
                row.units += 1;
            }
        }
        let mut models: Vec<ModelInUse> = self
            .models()?
            .into_iter()
            .filter(|model| model.units > 0)
            .map(|model| ModelInUse {
                manufacturer: model.manufacturer,
                model: model.model,
                units: model.units,
                status: model.status,
            })
            .collect();
        models.sort_by(|a, b| b.units.cmp(&a.units).then_with(|| a.model.cmp(&b.model)));
        Ok(FleetReport {
            as_of: now,
            summary,
            warranty_ended,
            warranty_quarters: quarters,
            models,
            repairs: self.sla_report(&month.label(), None)?,
        })
    }

    /// Writes the fleet summary report to `path` as PDF or CSV; the number of devices.
    pub fn export_fleet_report(
        &self,
        month: &str,
        language: Language,
        format: ReportFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let report = self.fleet_report(month)?;
        let lang = Lang::from(language);
        let bytes = match format {
            ReportFormat::Csv => flotta_reports::fleet_report_csv(&report, lang),
            ReportFormat::Pdf => {
                flotta_reports::fleet_report_pdf(&report, lang).ok_or(Error::InvalidInput {
                    what: "report",
                    detail: "the report's font cannot be read".into(),
                })?
            }
        };
        export::write_beside_then_rename(path, &bytes)?;
        Ok(report.summary.total)
    }
}
