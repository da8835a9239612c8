//! The monthly incident report's figures, shared by its PDF and CSV: cases per category,
//! solved in first line, inside and outside the agreement per category and line, cases per
//! week, resolution times in working hours, and the case list.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{AgreementTerms, IncidentChannel, IncidentClock, IncidentStanding, SupportLine};
use crate::stats::{median, percentile};
use crate::time::stockholm_date;

/// What the report needs of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentFacts {
    pub id: u32,
    /// The helpdesk's own case number, for an imported case.
    pub external_ref: Option<String>,
    pub received_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub category_id: u32,
    pub line: SupportLine,
    pub channel: IncidentChannel,
    pub reporter: String,
    pub serial: Option<String>,
    pub org_unit: Option<String>,
    pub description: String,
    pub resolution: Option<String>,
    pub clock: IncidentClock,
}

/// A category's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryLabel {
    pub id: u32,
    pub name_sv: String,
    pub name_en: String,
    pub retired: bool,
}

/// Counts over a group of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Tally {
    pub cases: u32,
    pub completed: u32,
    /// Completed without leaving first line.
    pub first_line: u32,
    pub inside: u32,
    pub outside: u32,
    /// Open, no target missed yet.
    pub running: u32,
    pub no_target: u32,
}

impl Tally {
    fn add(&mut self, case: &IncidentFacts) {
        self.cases += 1;
        if case.completed_at.is_some() {
            self.completed += 1;
            if case.line == SupportLine::First {
                self.first_line += 1;
            }
        }
        match case.clock.standing {
            IncidentStanding::Inside => self.inside += 1,
            IncidentStanding::Outside => self.outside += 1,
            IncidentStanding::Running => self.running += 1,
            IncidentStanding::NoTarget => self.no_target += 1,
        }
    }

    /// Completed cases solved in first line, as a share of the completed.
    pub fn first_line_share(&self) -> Option<f64> {
        (self.completed > 0).then(|| f64::from(self.first_line) / f64::from(self.completed))
    }

    /// Cases inside the agreement, as a share of those decided.
    pub fn inside_share(&self) -> Option<f64> {
        let decided = self.inside + self.outside;
        (decided > 0).then(|| f64::from(self.inside) / f64::from(decided))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CategoryFigures {
    pub category: CategoryLabel,
    pub tally: Tally,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineFigures {
    pub line: SupportLine,
    pub tally: Tally,
}

/// Cases received in an ISO week (the part of it inside the month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeekFigures {
    pub week: u32,
    /// The week's first day inside the month.
    pub from: NaiveDate,
    pub cases: u32,
}

/// What the report is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportHead {
    /// The month's first day.
    pub month: NaiveDate,
    /// The organisation unit reported on; `None` for all.
    pub org_unit: Option<String>,
    pub agreement: String,
    /// The agreement's terms in force during the month, earliest first (more than one when
    /// it changed mid-month).
    pub terms: Vec<AgreementTerms>,
    /// When the report was made; open cases stand as of then.
    pub as_of: DateTime<Utc>,
}

/// The monthly incident report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentReport {
    pub head: ReportHead,
    pub total: Tally,
    pub by_category: Vec<CategoryFigures>,
    pub by_line: Vec<LineFigures>,
    pub by_week: Vec<WeekFigures>,
    /// Over completed cases: working hours inside the window, pauses excluded.
    pub median_resolution_hours: Option<f64>,
    pub p90_resolution_hours: Option<f64>,
    /// The month's cases in the order received.
    pub cases: Vec<IncidentFacts>,
}

/// The report of the cases received in `head.month`: `cases` holds them (others are left
/// out), `categories` every category, so that those in use but unused this month show 0.
pub fn incident_report(
    head: ReportHead,
    mut cases: Vec<IncidentFacts>,
    categories: &[CategoryLabel],
) -> IncidentReport {
    let first = head.month.with_day(1).unwrap_or(head.month);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    cases.retain(|case| {
        let day = stockholm_date(case.received_at);
        first <= day && day < next
    });
    cases.sort_by_key(|case| (case.received_at, case.id));
    let mut total = Tally::default();
    let mut by_category: Vec<CategoryFigures> = categories
        .iter()
        .map(|category| CategoryFigures {
            category: category.clone(),
            tally: Tally::default(),
        })
        .collect();
    let mut by_line: Vec<LineFigures> = SupportLine::ALL
        .iter()
        .map(|line| LineFigures {
            line: *line,
            tally: Tally::default(),
        })
        .collect();
    let mut by_week = weeks(first, next);
    let mut resolutions = Vec::new();
    for case in &cases {
        total.add(case);
        if let Some(row) = by_category
            .iter_mut()
            .find(|row| row.category.id == case.category_id)
        {
            row.tally.add(case);
        }
        if let Some(row) = by_line.iter_mut().find(|row| row.line == case.line) {
            row.tally.add(case);
        }
        let day = stockholm_date(case.received_at);
        if let Some(week) = by_week.iter_mut().rev().find(|week| week.from <= day) {
            week.cases += 1;
        }
        if case.completed_at.is_some() {
            resolutions.push(i64::from(case.clock.resolution_minutes));
        }
    }
    by_category.retain(|row| row.tally.cases > 0 || !row.category.retired);
    resolutions.sort_unstable();
    let hours = |minutes: Option<f64>| minutes.map(|minutes| minutes / 60.0);
    IncidentReport {
        head,
        total,
        by_category,
        by_line,
        by_week,
        median_resolution_hours: hours(median(&resolutions)),
        p90_resolution_hours: hours(percentile(&resolutions, 90)),
        cases,
    }
}

/// The ISO weeks that touch the month, each from its first day inside it.
fn weeks(first: NaiveDate, next: NaiveDate) -> Vec<WeekFigures> {
    let mut weeks = Vec::new();
    let mut day = first;
    while day < next {
        weeks.push(WeekFigures {
            week: day.iso_week().week(),
            from: day,
            cases: 0,
        });
        let to_monday = 7 - u64::from(day.weekday().num_days_from_monday());
        day = day.checked_add_days(Days::new(to_monday)).unwrap_or(next);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weeks_of_november_2026() {
        let first = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let next = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let weeks: Vec<_> = weeks(first, next)
            .iter()
            .map(|week| (week.week, week.from.day()))
            .collect();
        // 1 November 2026 is a Sunday, in week 44; the 30th is the Monday of week 49.
        assert_eq!(
            weeks,
            [(44, 1), (45, 2), (46, 9), (47, 16), (48, 23), (49, 30)]
        );
    }
}
