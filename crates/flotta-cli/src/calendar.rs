//! `flotta-cli calendar`: a year's closed days with their names, to check against a printed
//! calendar, and the organisation's own closure days.

use chrono::Datelike;
use flotta_core::{CalendarDay, ErrorCode, ErrorPayload, Flotta};

use crate::args::CalendarAction;

pub(crate) fn run(
    flotta: &Flotta,
    year: Option<i32>,
    action: Option<CalendarAction>,
) -> Result<(), ErrorPayload> {
    match (year, action) {
        (_, Some(CalendarAction::Close { day, name })) => {
            let added = flotta.add_closure_day(day, &name)?;
            println!(
                "{day} {}",
                if added {
                    format!("is closed: {name}")
                } else {
                    "was already closed under that name".to_owned()
                }
            );
            Ok(())
        }
        (_, Some(CalendarAction::Open { day })) => {
            let removed = flotta.remove_closure_day(day)?;
            println!(
                "{day} {}",
                if removed {
                    "is a working day again (if a weekday and no holiday)"
                } else {
                    "was not one of the organisation's closure days"
                }
            );
            Ok(())
        }
        (Some(year), None) => {
            for day in flotta.calendar_year(year)? {
                println!("{}", line(&day));
            }
            Ok(())
        }
        (None, None) => Err(ErrorPayload::new(
            ErrorCode::InvalidInput,
            "give a year (flotta-cli calendar 2027), or close/open a day",
        )),
    }
}

/// `2026-06-19  fre  Midsommarafton (Midsummer Eve)`, with a note when the day falls on a
/// weekend anyway.
fn line(day: &CalendarDay) -> String {
    let weekday = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
        [day.date.weekday().num_days_from_monday() as usize];
    let name = match (&day.holiday, &day.organisation_name) {
        (Some(holiday), _) => format!("{} ({})", holiday.swedish_name(), holiday.english_name()),
        (None, Some(name)) => format!("{name} (the organisation's closure day)"),
        (None, None) => String::new(),
    };
    let weekend = if day.on_weekday { "" } else { "  [weekend]" };
    format!("{}  {weekday}  {name}{weekend}", day.date)
}
