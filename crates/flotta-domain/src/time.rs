//! Swedish local time: SLA clocks count Swedish working days and a cut-off by the Swedish
//! clock, wherever the computer running Flotta thinks it is.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;

/// The Swedish local date and time of an instant.
pub fn stockholm_local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Stockholm).naive_local()
}

/// The Swedish calendar date of an instant.
pub fn stockholm_date(at: DateTime<Utc>) -> NaiveDate {
    stockholm_local(at).date()
}

/// The instant a Swedish wall-clock time stands for: in the autumn's repeated hour the first
/// one, in the spring's missing hour the time an hour later (as a clock that was not put
/// forward would have shown it).
pub fn from_stockholm_local(local: NaiveDateTime) -> DateTime<Utc> {
    Stockholm
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            Stockholm
                .from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

/// The instant a Swedish day ends: the next day's midnight, local time (daylight saving
/// changes at 02:00 or 03:00, so midnight always exists once).
pub fn end_of_day(date: NaiveDate) -> DateTime<Utc> {
    let next = date
        .succ_opt()
        .unwrap_or(date)
        .and_time(chrono::NaiveTime::MIN);
    Stockholm
        .from_local_datetime(&next)
        .earliest()
        .map_or_else(|| next.and_utc(), |local| local.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summer_and_winter_time() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 19).unwrap_or_default();
        assert_eq!(end_of_day(day).to_rfc3339(), "2026-06-19T22:00:00+00:00");
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        assert_eq!(end_of_day(day).to_rfc3339(), "2026-12-03T23:00:00+00:00");
        let late = "2026-12-03T23:30:00Z".parse().unwrap_or_default();
        assert_eq!(stockholm_date(late).to_string(), "2026-12-04");
    }
}
