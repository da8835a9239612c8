//! Availability windows: the hours in which a support agreement's clock runs, on Swedish
//! local time.

use chrono::{DateTime, Days, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use serde::{Deserialize, Serialize};

use crate::calendar::{OutOfCalendar, WorkingCalendar};
use crate::time::{end_of_day, stockholm_date};

/// Minutes in a day on the clock face; a window closing at 1440 closes at midnight.
pub const DAY_MINUTES: u16 = 24 * 60;

vocabulary! {
    /// Which days a window is open on.
    WindowDays {
        /// Swedish working days: Monday–Friday less holidays and closure days.
        WorkingDays => "working_days",
        /// Every day of the year.
        EveryDay => "every_day",
    }
}

/// The hours of a day a support agreement counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AvailabilityWindow {
    pub days: WindowDays,
    /// Minutes after local midnight the window opens.
    pub opens: u16,
    /// Minutes after local midnight it closes; [`DAY_MINUTES`] for the day's end.
    pub closes: u16,
}

/// A window that cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "a window opens before it closes, within one day (opens {opens}, closes {closes} minutes after midnight)"
)]
pub struct WindowProblem {
    pub opens: u16,
    pub closes: u16,
}

impl AvailabilityWindow {
    /// The three windows support suppliers offer (domain.md, "Support").
    pub const WEEKDAYS_08_17: Self = Self::working_days(8 * 60, 17 * 60);
    pub const WEEKDAYS_07_22: Self = Self::working_days(7 * 60, 22 * 60);
    pub const WEEKDAYS_ALL_DAY: Self = Self::working_days(0, DAY_MINUTES);

    const fn working_days(opens: u16, closes: u16) -> Self {
        Self {
            days: WindowDays::WorkingDays,
            opens,
            closes,
        }
    }

    pub fn new(days: WindowDays, opens: u16, closes: u16) -> Result<Self, WindowProblem> {
        if opens < closes && closes <= DAY_MINUTES {
            Ok(Self {
                days,
                opens,
                closes,
            })
        } else {
            Err(WindowProblem { opens, closes })
        }
    }

    /// The window's span on `day` as instants, or `None` when it is closed all day.
    fn span(
        &self,
        day: NaiveDate,
        calendar: &WorkingCalendar,
    ) -> Result<Option<Span>, OutOfCalendar> {
        if self.days == WindowDays::WorkingDays && !calendar.is_working_day(day)? {
            return Ok(None);
        }
        Ok(Some((
            local_instant(day, self.opens),
            local_instant(day, self.closes),
        )))
    }

    /// Minutes of real time within the window between `from` and `to` (0 when `to` is not
    /// after `from`). A window's day is as long as the clocks make it: an all-day window on
    /// the day summer time ends counts 25 hours.
    pub fn open_minutes(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        calendar: &WorkingCalendar,
    ) -> Result<i64, OutOfCalendar> {
        if to <= from {
            return Ok(0);
        }
        let mut minutes = 0;
        let mut day = stockholm_date(from);
        let last = stockholm_date(to);
        while day <= last {
            if let Some((opens, closes)) = self.span(day, calendar)? {
                let start = opens.max(from);
                let end = closes.min(to);
                if end > start {
                    minutes += (end - start).num_minutes();
                }
            }
            day = day
                .checked_add_days(Days::new(1))
                .ok_or(OutOfCalendar { date: day })?;
        }
        Ok(minutes)
    }
}

type Span = (DateTime<Utc>, DateTime<Utc>);

/// The instant a Swedish clock shows `minutes` after midnight on `day`. A time inside the
/// spring change's missing hour is read on winter time, as the clock on the wall showed it
/// a moment before; in the repeated autumn hour the first one counts.
fn local_instant(day: NaiveDate, minutes: u16) -> DateTime<Utc> {
    if minutes >= DAY_MINUTES {
        return end_of_day(day);
    }
    let naive = day.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minutes));
    match Stockholm.from_local_datetime(&naive) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
        LocalResult::None => Stockholm
            .from_local_datetime(&(naive - Duration::hours(1)))
            .earliest()
            .map_or_else(
                || naive.and_utc(),
                |at| at.with_timezone(&Utc) + Duration::hours(1),
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn office_hours_across_a_weekend_and_the_autumn_change() -> Result<(), OutOfCalendar> {
        let calendar = WorkingCalendar::new(&[]);
        let window = AvailabilityWindow::WEEKDAYS_08_17;
        // Friday 23 October 2026 16:00 summer time to Monday 26 October 09:00 winter time:
        // one hour on Friday, one on Monday, although the UTC clock moved 65 hours.
        let minutes = window.open_minutes(
            at("2026-10-23T14:00:00Z"),
            at("2026-10-26T08:00:00Z"),
            &calendar,
        )?;
        assert_eq!(minutes, 120);
        Ok(())
    }

    #[test]
    fn holidays_and_closure_days_do_not_count() -> Result<(), OutOfCalendar> {
        let closure = NaiveDate::from_ymd_opt(2026, 5, 15).unwrap_or_default();
        let calendar = WorkingCalendar::new(&[closure]);
        let window = AvailabilityWindow::WEEKDAYS_07_22;
        // Wednesday 13 May 2026 21:00 to Monday 18 May 08:00: Ascension Day (Thursday) and
        // the closure day (Friday) are closed, leaving 1 hour + 1 hour.
        let minutes = window.open_minutes(
            at("2026-05-13T19:00:00Z"),
            at("2026-05-18T06:00:00Z"),
            &calendar,
        )?;
        assert_eq!(minutes, 120);
        Ok(())
    }

    #[test]
    fn an_all_day_window_on_the_clock_change_days() -> Result<(), Box<dyn std::error::Error>> {
        let calendar = WorkingCalendar::new(&[]);
        let every_day = AvailabilityWindow::new(WindowDays::EveryDay, 0, DAY_MINUTES)?;
        let autumn = every_day.open_minutes(
            at("2026-10-24T22:00:00Z"),
            at("2026-10-25T23:00:00Z"),
            &calendar,
        )?;
        assert_eq!(autumn, 25 * 60);
        let spring = every_day.open_minutes(
            at("2026-03-28T23:00:00Z"),
            at("2026-03-29T22:00:00Z"),
            &calendar,
        )?;
        assert_eq!(spring, 23 * 60);
        // A window of 01:00–04:00 on the spring day is two hours long.
        let night = AvailabilityWindow::new(WindowDays::EveryDay, 60, 240)?;
        let spring_night = night.open_minutes(
            at("2026-03-28T23:00:00Z"),
            at("2026-03-29T22:00:00Z"),
            &calendar,
        )?;
        assert_eq!(spring_night, 120);
        // The weekday windows never see the change: it is always on a Sunday.
        assert_eq!(
            AvailabilityWindow::WEEKDAYS_ALL_DAY.open_minutes(
                at("2026-10-24T22:00:00Z"),
                at("2026-10-25T23:00:00Z"),
                &calendar,
            )?,
            0
        );
        Ok(())
    }

    #[test]
    fn windows_that_cannot_be() {
        assert!(AvailabilityWindow::new(WindowDays::WorkingDays, 17 * 60, 8 * 60).is_err());
        assert!(AvailabilityWindow::new(WindowDays::WorkingDays, 0, DAY_MINUTES + 1).is_err());
        assert!(AvailabilityWindow::new(WindowDays::WorkingDays, 60, 60).is_err());
    }
}
