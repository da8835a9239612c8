//! The swap pool as the coordinator sees it, the month's SLA report, and what a scanned
//! serial number or IMEI leads to.

use std::path::Path;

use chrono::Duration;
use flotta_domain::pool::{CONSUMPTION_WEEKS, PoolCover, pool_cover};
use flotta_domain::repair::{CaseFacts, PoolCoverRow, RepairEvent, SlaReport, sla_figures};
use flotta_domain::time::stockholm_date;
use flotta_domain::{Imei, SerialNumber};
use flotta_reports::{Cell, Table};
use serde::{Deserialize, Serialize};

use crate::export::{TableFormat, write_table};
use crate::month::Month;
use crate::repairs::{CaseUnitView, LOANER_RETURN_WORKING_DAYS, RepairCaseView, case_clock};
use crate::{Error, Flotta, export};

/// One model's pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct PoolModelView {
    pub manufacturer: String,
    pub model: String,
    pub available: u32,
    pub sent: u32,
    pub at_workshop: u32,
    pub beyond_repair: u32,
    pub cover: PoolCover,
}

/// A loaner out with a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LoanerOut {
    pub case_id: u32,
    pub loaner_device_id: u32,
    pub loaner_serial: String,
    /// The user of the unit under repair.
    pub user_name: Option<String>,
    pub since: chrono::DateTime<chrono::Utc>,
    pub overdue: bool,
}

/// The pool view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct PoolOverview {
    pub models: Vec<PoolModelView>,
    pub loaners: Vec<LoanerOut>,
}

/// A unit the pool can send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PoolUnitView {
    pub device_id: u32,
    pub serial: String,
    pub manufacturer: String,
    pub model: String,
}

/// What a scanned serial number or IMEI found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ScanResult {
    /// What was scanned, trimmed.
    pub scanned: String,
    pub unit: Option<CaseUnitView>,
    /// The open case the unit is in, as the broken unit or as the one lent out.
    pub case: Option<RepairCaseView>,
    /// The next sensible step of that case; with a unit and no case, open one.
    pub suggested: Option<RepairEvent>,
}

/// The order in which a scan suggests a case's next step: a unit in someone's hands is
/// being received, repaired, returned.
const SCAN_ORDER: [RepairEvent; 6] = [
    RepairEvent::Received,
    RepairEvent::Repaired,
    RepairEvent::ReturnedToPool,
    RepairEvent::ReturnedToUser,
    RepairEvent::LoanerReturned,
    RepairEvent::UserWorking,
];

impl Flotta {
    /// Every model in the pool with its units by state and its cover, and the loaners out.
    /// Writes the pool per model (available, out, at the workshop, beyond repair, cover) to
    /// `path` as CSV or a workbook.
    pub fn export_pool(&self, format: TableFormat, path: &Path) -> Result<u32, Error> {
        let tenths = |value: f64| Cell::Decimal {
            value: (value * 10.0).round() as i64,
            scale: 1,
        };
        let table = Table::new(
            &[
                "Tillverkare",
                "Modell",
                "Tillgängliga",
                "Utskickade",
                "På verkstad",
                "Ej reparerbara",
                "Utskickade senaste 8 veckorna",
                "Förbrukning per vecka",
                "Täckning (veckor)",
                "Bedömning",
            ],
            self.pool_models()?
                .iter()
                .map(|model| {
                    vec![
                        model.manufacturer.as_str().into(),
                        model.model.as_str().into(),
                        Cell::Integer(model.available.into()),
                        Cell::Integer(model.sent.into()),
                        Cell::Integer(model.at_workshop.into()),
                        Cell::Integer(model.beyond_repair.into()),
                        Cell::Integer(model.cover.shipped_recently.into()),
                        tenths(model.cover.weekly_consumption),
                        model.cover.weeks.map_or(Cell::Empty, tenths),
                        model.cover.level.as_str().into(),
                    ]
                })
                .collect(),
        );
        write_table(path, &table, format, "Bytespool")
    }

    pub fn pool_overview(&self) -> Result<PoolOverview, Error> {
        let models = self.pool_models()?;
        let calendar = self.working_calendar()?;
        let today = stockholm_date(self.clock.now());
        let loaners = self
            .reader()
            .loaners_out()?
            .into_iter()
            .map(|loaner| LoanerOut {
                overdue: loaner.own_back_at.is_some_and(|back| {
                    calendar
                        .working_days_between(stockholm_date(back), today)
                        .is_ok_and(|days| days > i64::from(LOANER_RETURN_WORKING_DAYS))
                }),
                case_id: loaner.case_id,
                loaner_device_id: loaner.loaner_id,
                loaner_serial: loaner.loaner_serial,
                user_name: loaner.user_name,
                since: loaner.since,
            })
            .collect();
        Ok(PoolOverview { models, loaners })
    }

    /// Every model in the pool with its units by state and its cover now.
    fn pool_models(&self) -> Result<Vec<PoolModelView>, Error> {
        let since = self.clock.now() - Duration::weeks(i64::from(CONSUMPTION_WEEKS));
        Ok(self
            .reader()
            .pool_models(since)?
            .into_iter()
            .map(|row| PoolModelView {
                cover: pool_cover(row.available, row.shipped_since),
                manufacturer: row.manufacturer,
                model: row.model,
                available: row.available,
                sent: row.sent,
                at_workshop: row.at_workshop,
                beyond_repair: row.beyond_repair,
            })
            .collect())
    }

    /// The pool's available units, of one model or all.
    pub fn available_pool_units(
        &self,
        manufacturer: Option<&str>,
        model: Option<&str>,
    ) -> Result<Vec<PoolUnitView>, Error> {
        let filter = manufacturer.zip(model);
        Ok(self
            .reader()
            .available_pool_units(filter)?
            .into_iter()
            .map(|unit| PoolUnitView {
                device_id: unit.device_id,
                serial: unit.serial,
                manufacturer: unit.manufacturer,
                model: unit.model,
            })
            .collect())
    }

    /// The SLA report of `month` (`YYYY-MM`, Swedish time) for one organisation unit or all:
    /// the cases reported in it, standing now, and the pool's cover now.
    pub fn sla_report(&self, month: &str, org_unit: Option<&str>) -> Result<SlaReport, Error> {
        let month = Month::parse(month)?;
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        let now = self.clock.now();
        let records = self
            .reader()
            .repair_cases_reported(month.from, month.to, org_unit)?;
        let mut cases = Vec::with_capacity(records.len());
        for case in records {
            let clock =
                case_clock(&case, &settings, &calendar).map_err(|error| Error::InvalidInput {
                    what: "repair case",
                    detail: format!("{}: {error}", case.id),
                })?;
            cases.push(CaseFacts {
                id: case.id,
                sla: case.sla,
                serial: case.unit.serial,
                manufacturer: case.unit.manufacturer,
                model: case.unit.model,
                org_unit: case.unit.org_unit,
                reported_at: case.reported_at,
                clock,
            });
        }
        let (by_type, breached) =
            sla_figures(&cases, now, &settings, &calendar).map_err(|error| {
                Error::InvalidInput {
                    what: "month",
                    detail: error.to_string(),
                }
            })?;
        let pool = self
            .pool_models()?
            .into_iter()
            .map(|model| PoolCoverRow {
                manufacturer: model.manufacturer,
                model: model.model,
                cover: model.cover,
            })
            .collect();
        Ok(SlaReport {
            month: month.label(),
            org_unit: org_unit.map(str::to_owned),
            as_of: now,
            by_type,
            breached,
            pool,
        })
    }

    /// Writes the SLA report of `month` to `path` as CSV; the number of its cases.
    pub fn export_sla_report_csv(
        &self,
        month: &str,
        org_unit: Option<&str>,
        path: &Path,
    ) -> Result<u32, Error> {
        let report = self.sla_report(month, org_unit)?;
        export::write_beside_then_rename(path, &flotta_reports::sla_report_csv(&report))?;
        Ok(report.by_type.iter().map(|row| row.cases).sum())
    }

    /// Writes the SLA report of `month` to `path` as an A4 PDF; the number of its cases.
    pub fn export_sla_report_pdf(
        &self,
        month: &str,
        org_unit: Option<&str>,
        path: &Path,
    ) -> Result<u32, Error> {
        let report = self.sla_report(month, org_unit)?;
        let bytes = flotta_reports::sla_report_pdf(&report).ok_or(Error::InvalidInput {
            what: "report",
            detail: "the report's font cannot be read".into(),
        })?;
        export::write_beside_then_rename(path, &bytes)?;
        Ok(report.by_type.iter().map(|row| row.cases).sum())
    }

    /// What a barcode scanner's serial number or IMEI finds: the unit, its open case (as the
    /// broken unit or as a loaner or replacement lent out) and the next sensible step.
    pub fn scan(&self, scanned: &str) -> Result<ScanResult, Error> {
        let scanned = scanned.trim().to_owned();
        let serial = SerialNumber::parse(&scanned).ok();
        let imei = Imei::parse(&scanned).ok();
        let found = self.reader().unit_by_identifier(
            serial.as_ref().map(SerialNumber::as_str),
            imei.as_ref().map(Imei::as_str),
        )?;
        let Some(device) = found else {
            return Ok(ScanResult {
                scanned,
                unit: None,
                case: None,
                suggested: None,
            });
        };
        let (own, lent) = {
            let store = self.reader();
            (
                store.open_case_of(device)?,
                store.open_case_lending(device)?,
            )
        };
        let case = own.or(lent).map(|id| self.repair_case(id)).transpose()?;
        let suggested = case.as_ref().and_then(|case| {
            let lent_out = own.is_none();
            SCAN_ORDER
                .iter()
                .copied()
                .filter(|event| (*event == RepairEvent::LoanerReturned) == lent_out)
                .find(|event| case.next_events.contains(event))
        });
        let detail = self.device_detail(device)?;
        Ok(ScanResult {
            scanned,
            unit: Some(CaseUnitView {
                device_id: detail.id,
                serial: detail.serial,
                imei: detail.imei,
                manufacturer: detail.manufacturer,
                model: detail.model,
                user_name: detail.user_name,
                org_unit: detail.org_unit,
                lifecycle: detail.lifecycle,
            }),
            case,
            suggested,
        })
    }
}
