//! The month's SLA figures, shared by the CSV and the PDF report: cases per SLA type, the
//! share kept within the SLA, turnaround in working days, the breached cases and the pool's
//! cover.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{RepairEvent, SlaClock, SlaSettings, SlaStanding, SlaType};
use crate::calendar::{OutOfCalendar, WorkingCalendar};
use crate::pool::PoolCover;
use crate::stats::{median, percentile};

/// What the report needs of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub id: u32,
    pub sla: SlaType,
    pub serial: String,
    pub manufacturer: String,
    pub model: String,
    pub org_unit: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub clock: SlaClock,
}

/// One SLA type's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaTypeFigures {
    pub sla: SlaType,
    /// Cases reported in the month.
    pub cases: u32,
    /// Every promise kept, on time.
    pub within: u32,
    pub breached: u32,
    /// Open with no promise broken yet: neither within nor breached.
    pub pending: u32,
    /// `within ÷ (within + breached)`; `None` with nothing decided.
    pub within_share: Option<f64>,
    /// Working days from the clock's start to the last promise kept, over finished cases.
    pub median_turnaround: Option<f64>,
    pub p90_turnaround: Option<f64>,
}

/// A case that broke a promise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BreachedCase {
    pub id: u32,
    pub sla: SlaType,
    pub serial: String,
    pub model: String,
    pub org_unit: Option<String>,
    pub reported_at: DateTime<Utc>,
    /// The first promise broken.
    pub promise: RepairEvent,
    pub due_day: NaiveDate,
    pub late_working_days: u32,
}

/// A model's pool cover in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PoolCoverRow {
    pub manufacturer: String,
    pub model: String,
    pub cover: PoolCover,
}

/// The SLA report of a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaReport {
    /// `YYYY-MM`.
    pub month: String,
    /// The organisation unit reported on; `None` for all.
    pub org_unit: Option<String>,
    /// When the standings were taken.
    pub as_of: DateTime<Utc>,
    pub by_type: Vec<SlaTypeFigures>,
    pub breached: Vec<BreachedCase>,
    pub pool: Vec<PoolCoverRow>,
}

/// The figures of the month's cases `cases` (those reported in it), standing at `as_of`.
pub fn sla_figures(
    cases: &[CaseFacts],
    as_of: DateTime<Utc>,
    settings: &SlaSettings,
    calendar: &WorkingCalendar,
) -> Result<(Vec<SlaTypeFigures>, Vec<BreachedCase>), OutOfCalendar> {
    let mut figures = Vec::new();
    let mut breached_cases = Vec::new();
    for sla in SlaType::ALL {
        let mut row = SlaTypeFigures {
            sla: *sla,
            cases: 0,
            within: 0,
            breached: 0,
            pending: 0,
            within_share: None,
            median_turnaround: None,
            p90_turnaround: None,
        };
        let mut turnarounds = Vec::new();
        for case in cases.iter().filter(|case| case.sla == *sla) {
            row.cases += 1;
            let (standing, margin) = case.clock.standing(as_of, settings, calendar)?;
            let finished = case.clock.milestones.iter().all(|m| m.met_at.is_some());
            match standing {
                SlaStanding::Breached => {
                    row.breached += 1;
                    let first_broken = case
                        .clock
                        .milestones
                        .iter()
                        .find(|m| m.met_at.map_or(as_of >= m.due_at, |met| met >= m.due_at));
                    if let Some(milestone) = first_broken {
                        breached_cases.push(BreachedCase {
                            id: case.id,
                            sla: case.sla,
                            serial: case.serial.clone(),
                            model: format!("{} {}", case.manufacturer, case.model),
                            org_unit: case.org_unit.clone(),
                            reported_at: case.reported_at,
                            promise: milestone.event,
                            due_day: milestone.due_day,
                            late_working_days: u32::try_from(-margin).unwrap_or(0),
                        });
                    }
                }
                _ if finished => row.within += 1,
                _ => row.pending += 1,
            }
            if finished && let Some(days) = case.clock.turnaround_working_days(calendar) {
                turnarounds.push(days);
            }
        }
        let decided = row.within + row.breached;
        row.within_share = (decided > 0).then(|| f64::from(row.within) / f64::from(decided));
        turnarounds.sort_unstable();
        row.median_turnaround = median(&turnarounds);
        row.p90_turnaround = percentile(&turnarounds, 90);
        figures.push(row);
    }
    Ok((figures, breached_cases))
}
