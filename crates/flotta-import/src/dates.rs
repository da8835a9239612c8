//! Dates as Swedish and international spreadsheets write them, day before month, never the
//! American order.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::DateError;

/// Reads a date written as `2026-03-01`, `01/03/2026`, `01.03.2026`, `01-03-2026` or
/// `20260301` (also `2026/03/01` and `2026.03.01`; day and month may lose their leading zero).
/// A slash date is always day/month/year: `03/02/2026` is 3 February. The year has four digits,
/// because a two-digit year does not say its century. A time after the date, as Excel adds
/// (`2026-03-01 00:00`, `2026-03-01T14:30:00`), is accepted and dropped. A day that is not in
/// the calendar (`2026-02-30`) is refused as such.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    let not_a_date = || DateError::NotADate(trimmed.to_owned());
    let date = without_time(trimmed).ok_or_else(not_a_date)?;
    let (year, month, day) = year_month_day(date).ok_or_else(not_a_date)?;
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::Impossible(trimmed.to_owned()))
}

/// Reads a date and a time of day, as a helpdesk export writes when a case arrived: a date as
/// [`parse_date`] reads it, then a space or `T` and `H:MM`, `HH:MM` or `HH:MM:SS`
/// (`2026-11-02 09:14`, `02.11.2026 9:14`, `2026-11-02T09:14:00`). The time is the wall clock's;
/// a trailing `Z` or offset is refused, since the reader cannot tell which clock the
/// export's other times follow. A date without a time is refused: an SLA clock needs the time.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, DateError> {
    let trimmed = text.trim();
    let not_a_time = || DateError::NoTime(trimmed.to_owned());
    let at = trimmed.find([' ', 'T']).ok_or_else(not_a_time)?;
    let time_text = trimmed[at + 1..].trim();
    if !is_time_of_day(time_text) {
        return Err(not_a_time());
    }
    let date = parse_date(&trimmed[..at])?;
    let (hours_minutes, seconds) = match time_text.matches(':').count() {
        1 => (time_text, "0"),
        _ => time_text
            .rsplit_once(':')
            .map(|(hm, s)| (hm, s.split('.').next().unwrap_or("0")))
            .unwrap_or((time_text, "0")),
    };
    let (hours, minutes) = hours_minutes.split_once(':').ok_or_else(not_a_time)?;
    let number = |part: &str| part.parse::<u32>().map_err(|_| not_a_time());
    let time = NaiveTime::from_hms_opt(number(hours)?, number(minutes)?, number(seconds)?.min(59))
        .ok_or_else(not_a_time)?;
    Ok(date.and_time(time))
}

/// The date part of `text`, when what follows it (after a space or a `T`) is a time of day.
fn without_time(text: &str) -> Option<&str> {
    match text.find([' ', 'T']) {
        None => Some(text),
        Some(at) => is_time_of_day(text[at + 1..].trim()).then_some(&text[..at]),
    }
}

/// `H:MM`, `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`.
fn is_time_of_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |part: &str, max: u32| {
        (1..=2).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|value| value <= max)
    };
    match parts.as_slice() {
        [hours, minutes] => number(hours, 23) && number(minutes, 59),
        [hours, minutes, seconds] => {
            let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
            number(hours, 23)
                && number(minutes, 59)
                && number(whole, 60)
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The year, month and day of a date in one of the accepted layouts, not yet checked against
/// the calendar.
fn year_month_day(date: &str) -> Option<(i32, u32, u32)> {
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        if lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse::<u32>().ok()
        } else {
            None
        }
    };
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        let (year, month_day) = date.split_at(4);
        let (month, day) = month_day.split_at(2);
        return Some((
            i32::try_from(digits(year, 4..=4)?).ok()?,
            digits(month, 2..=2)?,
            digits(day, 2..=2)?,
        ));
    }
    let separator = ['-', '/', '.'].into_iter().find(|&s| date.contains(s))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if first.len() == 4 {
        (first, second, third)
    } else {
        (third, second, first)
    };
    Some((
        i32::try_from(digits(year, 4..=4)?).ok()?,
        digits(month, 1..=2)?,
        digits(day, 1..=2)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
        Ok(NaiveDate::from_ymd_opt(year, month, day).expect("a real day"))
    }

    #[test]
    fn accepted_layouts() {
        assert_eq!(parse_date("2026-03-01"), day(2026, 3, 1));
        assert_eq!(parse_date(" 2026-3-1 "), day(2026, 3, 1));
        assert_eq!(parse_date("01/03/2026"), day(2026, 3, 1));
        assert_eq!(parse_date("1/3/2026"), day(2026, 3, 1));
        assert_eq!(parse_date("01.03.2026"), day(2026, 3, 1));
        assert_eq!(parse_date("01-03-2026"), day(2026, 3, 1));
        assert_eq!(parse_date("20260301"), day(2026, 3, 1));
        assert_eq!(parse_date("2026/03/01"), day(2026, 3, 1));
    }

    #[test]
    fn slashes_are_day_first_never_american() {
        assert_eq!(parse_date("03/02/2026"), day(2026, 2, 3));
        assert_eq!(
            parse_date("02/28/2026"),
            Err(DateError::Impossible("02/28/2026".into())),
            "an American date has month 28"
        );
    }

    #[test]
    fn an_excel_time_part_is_dropped() {
        assert_eq!(parse_date("2026-03-01 00:00"), day(2026, 3, 1));
        assert_eq!(parse_date("2026-03-01 00:00:00"), day(2026, 3, 1));
        assert_eq!(parse_date("2026-03-01T14:30:00.000"), day(2026, 3, 1));
        assert_eq!(parse_date("01/03/2026 9:05"), day(2026, 3, 1));
        assert_eq!(
            parse_date("2026-03-01 lunch"),
            Err(DateError::NotADate("2026-03-01 lunch".into()))
        );
        assert_eq!(
            parse_date("2026-03-01 25:00"),
            Err(DateError::NotADate("2026-03-01 25:00".into()))
        );
    }

    #[test]
    fn impossible_and_unreadable_dates_name_the_text() {
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::Impossible("2026-02-30".into()))
        );
        assert_eq!(
            parse_date("2026-13-01"),
            Err(DateError::Impossible("2026-13-01".into()))
        );
        assert_eq!(
            parse_date("20260230"),
            Err(DateError::Impossible("20260230".into()))
        );
        assert_eq!(parse_date("2028-02-29"), day(2028, 2, 29));
        for text in [
            "",
            "idag",
            "01/03/26",
            "2026-03",
            "2026-03-01-02",
            "2026-003-01",
            "2026‐03‐01",
            "46082",
            "1 mars 2026",
            "2026-03-01T",
        ] {
            assert_eq!(
                parse_date(text),
                Err(DateError::NotADate(text.to_owned())),
                "{text:?}"
            );
        }
    }
}
