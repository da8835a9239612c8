//! The working-day calendar as people see it: a year's closed days with their names, and the
//! organisation's own closure days, whose changes reschedule the open repair cases.

use chrono::{Datelike, NaiveDate, Weekday};
use flotta_domain::calendar::{FIRST_YEAR, Holiday, LAST_YEAR, WorkingCalendar, closed_days};
use flotta_store::{ClosureDay, RepairCaseRecord};
use serde::{Deserialize, Serialize};

use crate::repairs::next_due_at;
use crate::{Error, Flotta};

/// The longest name of a closure day.
const MAX_NAME_CHARS: usize = 100;

/// A closed day of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// Sweden's holiday or de-facto closed day; `None` for the organisation's own.
    pub holiday: Option<Holiday>,
    /// The organisation's name for its own closure day.
    pub organisation_name: Option<String>,
    /// Whether it takes a working day away (it falls on Monday to Friday).
    pub on_weekday: bool,
}

/// One of the organisation's closure days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ClosureDayView {
    pub date: NaiveDate,
    pub name: String,
}

fn check_year(year: i32) -> Result<(), Error> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Error::InvalidInput {
            what: "year",
            detail: format!("{year}; the calendar knows {FIRST_YEAR} to {LAST_YEAR}"),
        })
    }
}

impl Flotta {
    /// The closed days of `year` in date order: Sweden's, then the organisation's own.
    pub fn calendar_year(&self, year: i32) -> Result<Vec<CalendarDay>, Error> {
        check_year(year)?;
        let on_weekday = |date: NaiveDate| !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut days: Vec<CalendarDay> = closed_days(year)
            .unwrap_or_default()
            .into_iter()
            .map(|(date, holiday)| CalendarDay {
                date,
                holiday: Some(holiday),
                organisation_name: None,
                on_weekday: on_weekday(date),
            })
            .collect();
        days.extend(
            self.reader()
                .closure_days()?
                .into_iter()
                .filter(|day| day.day.year() == year)
                .map(|day| CalendarDay {
                    date: day.day,
                    holiday: None,
                    organisation_name: Some(day.name),
                    on_weekday: on_weekday(day.day),
                }),
        );
        days.sort_by_key(|day| day.date);
        Ok(days)
    }

    pub fn closure_days(&self) -> Result<Vec<ClosureDayView>, Error> {
        Ok(self
            .reader()
            .closure_days()?
            .into_iter()
            .map(|day| ClosureDayView {
                date: day.day,
                name: day.name,
            })
            .collect())
    }

    /// Adds one of the organisation's closure days (a "klämdag"); the open cases' due times
    /// move with it. `false` when it was already there.
    pub fn add_closure_day(&self, date: NaiveDate, name: &str) -> Result<bool, Error> {
        check_year(date.year())?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(Error::InvalidInput {
                what: "closure day",
                detail: format!("give a name of 1 to {MAX_NAME_CHARS} characters"),
            });
        }
        let mut days = self.closure_dates()?;
        days.push(date);
        let day = ClosureDay {
            day: date,
            name: name.to_owned(),
        };
        self.reschedule_with(&days, |store, actor, now, schedule| {
            store.add_closure_day(&day, actor, now, schedule)
        })
    }

    /// Removes one of the organisation's closure days; `false` when there was none.
    pub fn remove_closure_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let days: Vec<NaiveDate> = self
            .closure_dates()?
            .into_iter()
            .filter(|day| *day != date)
            .collect();
        self.reschedule_with(&days, |store, actor, now, schedule| {
            store.remove_closure_day(date, actor, now, schedule)
        })
    }

    fn closure_dates(&self) -> Result<Vec<NaiveDate>, Error> {
        Ok(self
            .reader()
            .closure_days()?
            .into_iter()
            .map(|day| day.day)
            .collect())
    }

    /// Runs a change of the closure days with the open cases rescheduled on the calendar
    /// with `days`.
    fn reschedule_with(
        &self,
        days: &[NaiveDate],
        change: impl FnOnce(
            &mut flotta_store::Store,
            &str,
            chrono::DateTime<chrono::Utc>,
            flotta_store::Schedule<'_>,
        ) -> Result<bool, flotta_store::StoreError>,
    ) -> Result<bool, Error> {
        let calendar = WorkingCalendar::new(days);
        let settings = self.sla_settings()?;
        let schedule = |case: &RepairCaseRecord| next_due_at(case, &settings, &calendar);
        let now = self.clock.now();
        Ok(change(&mut self.store(), &self.actor, now, &schedule)?)
    }
}
