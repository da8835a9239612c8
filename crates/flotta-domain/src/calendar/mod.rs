//! Swedish working days, the unit of every SLA clock: Monday to Friday, less the public
//! holidays and de-facto closed days of [`holidays`], less the organisation's own closure days.

mod holidays;

use chrono::{Datelike, NaiveDate, Weekday};

pub use holidays::{Holiday, closed_days, easter_sunday};

/// The first and last years the calendar knows; SLA clocks never run outside them.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2100;

/// A date outside the years the calendar knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{date} is outside the working-day calendar ({FIRST_YEAR}–{LAST_YEAR})")]
pub struct OutOfCalendar {
    pub date: NaiveDate,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedBecause {
    Weekend,
    Holiday(Holiday),
    /// One of the organisation's own closure days.
    Organisation,
}

/// Which days of 1990–2100 are working days, with the count of working days before each day,
/// so that adding working days or counting them between two dates is a lookup, not a walk
/// (an SLA list computes thousands of due times per screen).
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    first: NaiveDate,
    /// `before[i]`: working days from the first day up to, not including, day `i`; one entry
    /// more than there are days.
    before: Vec<u32>,
    organisation: Vec<NaiveDate>,
}

impl WorkingCalendar {
    /// The calendar with the organisation's own closure days added; closure days outside
    /// the calendar's years are ignored, since no clock can reach them.
    pub fn new(organisation_closures: &[NaiveDate]) -> Self {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MIN);
        let days = usize::try_from((last - first).num_days() + 1).unwrap_or(0);
        let mut working: Vec<bool> = (0..days)
            .map(|offset| {
                let weekday = (first + chrono::Days::new(offset as u64)).weekday();
                !matches!(weekday, Weekday::Sat | Weekday::Sun)
            })
            .collect();
        let index = |date: NaiveDate| usize::try_from((date - first).num_days()).ok();
        let holidays = (FIRST_YEAR..=LAST_YEAR)
            .flat_map(|year| closed_days(year).unwrap_or_default())
            .map(|(date, _)| date);
        for date in holidays.chain(organisation_closures.iter().copied()) {
            if let Some(slot) = index(date).and_then(|i| working.get_mut(i)) {
                *slot = false;
            }
        }
        let mut before = Vec::with_capacity(days + 1);
        let mut count = 0u32;
        before.push(count);
        for is_working in working {
            count += u32::from(is_working);
            before.push(count);
        }
        let mut organisation = organisation_closures.to_vec();
        organisation.sort_unstable();
        organisation.dedup();
        Self {
            first,
            before,
            organisation,
        }
    }

    fn index(&self, date: NaiveDate) -> Result<usize, OutOfCalendar> {
        usize::try_from((date - self.first).num_days())
            .ok()
            .filter(|i| i + 1 < self.before.len())
            .ok_or(OutOfCalendar { date })
    }

    fn date_at(&self, index: usize) -> NaiveDate {
        self.first + chrono::Days::new(index as u64)
    }

    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, OutOfCalendar> {
        let i = self.index(date)?;
        Ok(self.before[i + 1] > self.before[i])
    }

    /// Why `date` is closed, or `None` for a working day. A holiday on a weekend is named as
    /// the holiday.
    pub fn closed_because(&self, date: NaiveDate) -> Result<Option<ClosedBecause>, OutOfCalendar> {
        if self.is_working_day(date)? {
            return Ok(None);
        }
        let holiday = closed_days(date.year())
            .unwrap_or_default()
            .into_iter()
            .find(|(day, _)| *day == date);
        Ok(Some(match holiday {
            Some((_, holiday)) => ClosedBecause::Holiday(holiday),
            None if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) => ClosedBecause::Weekend,
            None => ClosedBecause::Organisation,
        }))
    }

    /// The organisation's own closure days, in date order.
    pub fn organisation_closures(&self) -> &[NaiveDate] {
        &self.organisation
    }

    /// The working day `days` working days after `date` (`date` itself when `days` is 0 and
    /// it is a working day, else the next one).
    pub fn add_working_days(&self, date: NaiveDate, days: u32) -> Result<NaiveDate, OutOfCalendar> {
        let start = self.index(date)?;
        // The day sought is the first whose count of working days up to and including it
        // reaches the count before `date`, plus `days`, plus one for itself.
        let target = self.before[start] + days + 1;
        let found = self.before[start + 1..].partition_point(|&count| count < target);
        let index = start + found;
        if index + 1 >= self.before.len() {
            return Err(OutOfCalendar {
                date: self.date_at(index.min(self.before.len() - 2)),
            });
        }
        Ok(self.date_at(index))
    }

    /// The next working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, OutOfCalendar> {
        let next = date.succ_opt().ok_or(OutOfCalendar { date })?;
        self.add_working_days(next, 0)
    }

    /// Working days after `from` up to and including `to`; negative when `to` is earlier.
    /// From a Friday to the next Monday is one.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64, OutOfCalendar> {
        let (a, b) = (self.index(from)?, self.index(to)?);
        Ok(i64::from(self.before[b + 1]) - i64::from(self.before[a + 1]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let calendar = WorkingCalendar::new(&[]);
        // Maundy Thursday 2026 is 2 April; Good Friday to Easter Monday are closed.
        assert_eq!(
            calendar.add_working_days(day(2026, 4, 2), 1),
            Ok(day(2026, 4, 7))
        );
        assert_eq!(
            calendar.add_working_days(day(2026, 4, 3), 0),
            Ok(day(2026, 4, 7))
        );
        assert_eq!(
            calendar.add_working_days(day(2026, 4, 2), 0),
            Ok(day(2026, 4, 2))
        );
        assert_eq!(
            calendar.next_working_day(day(2026, 4, 2)),
            Ok(day(2026, 4, 7))
        );
        assert_eq!(
            calendar.working_days_between(day(2026, 4, 2), day(2026, 4, 7)),
            Ok(1)
        );
        assert_eq!(
            calendar.working_days_between(day(2026, 4, 7), day(2026, 4, 2)),
            Ok(-1)
        );
        // Ten working days from Monday 15 June 2026 cross Midsummer Eve (Friday 19 June).
        assert_eq!(
            calendar.add_working_days(day(2026, 6, 15), 10),
            Ok(day(2026, 6, 30))
        );
    }

    #[test]
    fn the_organisations_closures_count_and_the_ends_are_errors() {
        // A "klämdag": the Friday after Ascension Day 2026.
        let calendar = WorkingCalendar::new(&[day(2026, 5, 15), day(1900, 1, 1)]);
        assert_eq!(
            calendar.closed_because(day(2026, 5, 15)),
            Ok(Some(ClosedBecause::Organisation))
        );
        assert_eq!(
            calendar.closed_because(day(2026, 5, 14)),
            Ok(Some(ClosedBecause::Holiday(Holiday::AscensionDay)))
        );
        assert_eq!(
            calendar.add_working_days(day(2026, 5, 13), 1),
            Ok(day(2026, 5, 18))
        );
        assert!(calendar.add_working_days(day(2100, 12, 30), 5).is_err());
        assert!(calendar.is_working_day(day(1989, 12, 29)).is_err());
        assert_eq!(
            calendar.organisation_closures(),
            [day(1900, 1, 1), day(2026, 5, 15)]
        );
    }
}
