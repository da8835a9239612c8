//! The working-day calendar against an independent list of Sweden's closed days for every
//! year it knows (`data/swedish_closed_days.txt`, made by another implementation; its header
//! names which and how).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use flotta_domain::calendar::{FIRST_YEAR, Holiday, LAST_YEAR, WorkingCalendar, closed_days};

/// The list's English names for the days, as ours.
fn holiday_named(name: &str) -> Option<Holiday> {
    Some(match name {
        "Pentecost" => Holiday::WhitSunday,
        "Pentecost Monday" => Holiday::WhitMonday,
        "Second Day of Christmas" => Holiday::BoxingDay,
        other => *Holiday::ALL
            .iter()
            .find(|holiday| holiday.english_name() == other)?,
    })
}

fn shipped_list() -> BTreeSet<(NaiveDate, Holiday)> {
    let text = include_str!("data/swedish_closed_days.txt");
    let mut days = BTreeSet::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let (date, names) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("line {}: no name", number + 1));
        let date: NaiveDate = date
            .parse()
            .unwrap_or_else(|error| panic!("line {}: {error}", number + 1));
        for name in names.split("; ") {
            let holiday = holiday_named(name)
                .unwrap_or_else(|| panic!("line {}: unknown day {name:?}", number + 1));
            days.insert((date, holiday));
        }
    }
    days
}

#[test]
fn every_year_from_1990_to_2100_matches_the_independent_list() {
    let expected = shipped_list();
    let years: BTreeSet<i32> = expected.iter().map(|(date, _)| date.year()).collect();
    assert_eq!(
        years,
        (FIRST_YEAR..=LAST_YEAR).collect(),
        "the list covers every year"
    );
    let ours: BTreeSet<(NaiveDate, Holiday)> = (FIRST_YEAR..=LAST_YEAR)
        .flat_map(|year| closed_days(year).unwrap_or_default())
        .collect();
    let missing: Vec<_> = expected.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

#[test]
fn working_days_are_the_weekdays_the_list_leaves_open() {
    let closed: BTreeSet<NaiveDate> = shipped_list().into_iter().map(|(date, _)| date).collect();
    let calendar = WorkingCalendar::new(&[]);
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or_default();
    let mut working = 0;
    for day in first.iter_days().take_while(|day| *day <= last) {
        let expected =
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !closed.contains(&day);
        assert_eq!(calendar.is_working_day(day), Ok(expected), "{day}");
        working += i64::from(expected);
    }
    // Counting starts after the first day, New Year's Day, which is closed anyway.
    assert_eq!(calendar.working_days_between(first, last), Ok(working));
}
