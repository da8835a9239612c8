//! Sweden's closed days by rule: the public holidays of Lag (1989:253) om allmänna helgdagar as
//! the law stood in each year, and the de-facto closed days every workplace keeps.

use chrono::{Datelike, Days, NaiveDate, Weekday};

vocabulary! {
    /// A day Sweden does not work: a public holiday or a de-facto closed day.
    Holiday {
        NewYearsDay => "new_years_day",
        Epiphany => "epiphany",
        GoodFriday => "good_friday",
        EasterSunday => "easter_sunday",
        EasterMonday => "easter_monday",
        MayDay => "may_day",
        AscensionDay => "ascension_day",
        WhitSunday => "whit_sunday",
        /// A public holiday until 2004.
        WhitMonday => "whit_monday",
        /// A public holiday from 2005.
        NationalDay => "national_day",
        MidsummerEve => "midsummer_eve",
        MidsummerDay => "midsummer_day",
        AllSaintsDay => "all_saints_day",
        ChristmasEve => "christmas_eve",
        ChristmasDay => "christmas_day",
        BoxingDay => "boxing_day",
        NewYearsEve => "new_years_eve",
    }
}

impl Holiday {
    /// The day's name as a Swedish calendar prints it.
    pub fn swedish_name(self) -> &'static str {
        use Holiday::*;
        match self {
            NewYearsDay => "Nyårsdagen",
            Epiphany => "Trettondedag jul",
            GoodFriday => "Långfredagen",
            EasterSunday => "Påskdagen",
            EasterMonday => "Annandag påsk",
            MayDay => "Första maj",
            AscensionDay => "Kristi himmelsfärdsdag",
            WhitSunday => "Pingstdagen",
            WhitMonday => "Annandag pingst",
            NationalDay => "Sveriges nationaldag",
            MidsummerEve => "Midsommarafton",
            MidsummerDay => "Midsommardagen",
            AllSaintsDay => "Alla helgons dag",
            ChristmasEve => "Julafton",
            ChristmasDay => "Juldagen",
            BoxingDay => "Annandag jul",
            NewYearsEve => "Nyårsafton",
        }
    }

    /// The day's name in English.
    pub fn english_name(self) -> &'static str {
        use Holiday::*;
        match self {
            NewYearsDay => "New Year's Day",
            Epiphany => "Epiphany",
            GoodFriday => "Good Friday",
            EasterSunday => "Easter Sunday",
            EasterMonday => "Easter Monday",
            MayDay => "May Day",
            AscensionDay => "Ascension Day",
            WhitSunday => "Whit Sunday",
            WhitMonday => "Whit Monday",
            NationalDay => "National Day",
            MidsummerEve => "Midsummer Eve",
            MidsummerDay => "Midsummer Day",
            AllSaintsDay => "All Saints' Day",
            ChristmasEve => "Christmas Eve",
            ChristmasDay => "Christmas Day",
            BoxingDay => "Boxing Day",
            NewYearsEve => "New Year's Eve",
        }
    }

    /// Whether the law names it; the others are closed by custom (the eves).
    pub fn is_public_holiday(self) -> bool {
        !matches!(
            self,
            Holiday::MidsummerEve | Holiday::ChristmasEve | Holiday::NewYearsEve
        )
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `from`.
fn weekday_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// The closed days of `year` in date order; two names on one date (Ascension Day on May Day)
/// are two entries. `None` for a year chrono cannot represent.
pub fn closed_days(year: i32) -> Option<Vec<(NaiveDate, Holiday)>> {
    use Holiday::*;
    let date = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let easter = easter_sunday(year)?;
    let from_easter = |days: i64| easter.checked_add_signed(chrono::Duration::days(days));
    let midsummer_day = weekday_on_or_after(date(6, 20)?, Weekday::Sat);
    let mut days = vec![
        (date(1, 1)?, NewYearsDay),
        (date(1, 6)?, Epiphany),
        (from_easter(-2)?, GoodFriday),
        (easter, EasterSunday),
        (from_easter(1)?, EasterMonday),
        (date(5, 1)?, MayDay),
        (from_easter(39)?, AscensionDay),
        (from_easter(49)?, WhitSunday),
        (midsummer_day.pred_opt()?, MidsummerEve),
        (midsummer_day, MidsummerDay),
        (
            weekday_on_or_after(date(10, 31)?, Weekday::Sat),
            AllSaintsDay,
        ),
        (date(12, 24)?, ChristmasEve),
        (date(12, 25)?, ChristmasDay),
        (date(12, 26)?, BoxingDay),
        (date(12, 31)?, NewYearsEve),
    ];
    // SFS 2004:1178: National Day replaced Whit Monday from 2005.
    if year >= 2005 {
        days.push((date(6, 6)?, NationalDay));
    } else {
        days.push((from_easter(50)?, WhitMonday));
    }
    days.sort();
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        assert_eq!(easter_sunday(2024), Some(day(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(day(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(day(2026, 4, 5)));
        assert_eq!(
            easter_sunday(2038),
            Some(day(2038, 4, 25)),
            "the latest date"
        );
        assert_eq!(
            easter_sunday(2285),
            Some(day(2285, 3, 22)),
            "the earliest date"
        );
    }

    #[test]
    fn the_law_changed_in_2005() {
        let names = |year| {
            closed_days(year)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, holiday)| holiday)
                .collect::<Vec<_>>()
        };
        assert!(names(2004).contains(&Holiday::WhitMonday));
        assert!(!names(2004).contains(&Holiday::NationalDay));
        assert!(names(2005).contains(&Holiday::NationalDay));
        assert!(!names(2005).contains(&Holiday::WhitMonday));
    }
}
