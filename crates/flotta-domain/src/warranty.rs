//! Warranties and the replacement forecast: when a bought unit's warranty ends, whether it is
//! active, and how many units (and how much money) fall due per quarter.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// Where a unit's warranty stands on a given day.
    WarrantyStatus {
        Active => "active",
        /// Ends within the organisation's notice period (a setting, 90 days by default).
        Expiring => "expiring",
        Expired => "expired",
        /// No warranty period was recorded.
        Unknown => "unknown",
    }
}

/// Days before its end that a warranty counts as expiring, unless the organisation says.
pub const DEFAULT_EXPIRING_WITHIN_DAYS: u32 = 90;

/// The last day a warranty of `months` bought on `purchase_date` covers: a 24-month warranty
/// bought on 2 March 2026 covers up to and including 1 March 2028. `None` without a period,
/// or past the calendar's end.
pub fn warranty_end(purchase_date: NaiveDate, months: Option<u32>) -> Option<NaiveDate> {
    purchase_date
        .checked_add_months(Months::new(months?))?
        .pred_opt()
}

/// Where a warranty ending (inclusive) on `end` stands on `today`: expiring when at most
/// `expiring_within_days` days are left.
pub fn warranty_status(
    end: Option<NaiveDate>,
    today: NaiveDate,
    expiring_within_days: u32,
) -> WarrantyStatus {
    let Some(end) = end else {
        return WarrantyStatus::Unknown;
    };
    if today > end {
        WarrantyStatus::Expired
    } else if (end - today).num_days() <= i64::from(expiring_within_days) {
        WarrantyStatus::Expiring
    } else {
        WarrantyStatus::Active
    }
}

/// The last covered days that give `status` on `today`, as an inclusive range (`None`: open
/// at that end), so a query can select by end date what [`warranty_status`] would say.
/// `None` for [`WarrantyStatus::Unknown`], which is the absence of an end.
pub fn warranty_end_range(
    status: WarrantyStatus,
    today: NaiveDate,
    expiring_within_days: u32,
) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let notice = today.checked_add_days(chrono::Days::new(u64::from(expiring_within_days)));
    match status {
        WarrantyStatus::Expired => Some((None, today.pred_opt())),
        WarrantyStatus::Expiring => Some((Some(today), notice)),
        WarrantyStatus::Active => Some((notice.and_then(|day| day.succ_opt()), None)),
        WarrantyStatus::Unknown => None,
    }
}

/// What the forecast needs of one bought unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForecastUnit {
    pub purchase_date: NaiveDate,
    pub warranty_months: Option<u32>,
    pub planned_lifetime_months: Option<u32>,
    pub unit_cost_ore: i64,
    pub org_unit: Option<String>,
    pub model: String,
}

impl ForecastUnit {
    /// When the unit is due for replacement: the end of its planned lifetime, or without one
    /// the end of its warranty.
    pub fn due(&self) -> Option<NaiveDate> {
        let months = self.planned_lifetime_months.or(self.warranty_months)?;
        self.purchase_date.checked_add_months(Months::new(months))
    }
}

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub quarter: u8,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            quarter: ((date.month0() / 3) + 1) as u8,
        }
    }

    pub fn next(self) -> Self {
        if self.quarter == 4 {
            Self {
                year: self.year + 1,
                quarter: 1,
            }
        } else {
            Self {
                year: self.year,
                quarter: self.quarter + 1,
            }
        }
    }
}

/// Units falling due and what replacing them costs, in one quarter or one group of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueCount {
    pub units: u32,
    /// What they cost when bought, in öre: the budget a like-for-like replacement needs.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub cost_ore: i64,
}

/// One quarter of the forecast, with its split by organisation unit and by model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QuarterForecast {
    pub quarter: Quarter,
    pub total: DueCount,
    /// Largest first; "" for units bought without an organisation unit.
    pub by_org_unit: Vec<(String, DueCount)>,
    pub by_model: Vec<(String, DueCount)>,
}

/// The replacement forecast: for each of the `quarters` quarters from the one holding
/// `today`, the units due then. Units already overdue count in the first quarter; units
/// without a lifetime or warranty are left out and counted apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReplacementForecast {
    pub quarters: Vec<QuarterForecast>,
    /// Units with neither a planned lifetime nor a warranty period.
    pub undated: u32,
}

pub fn replacement_forecast(
    units: impl IntoIterator<Item = ForecastUnit>,
    today: NaiveDate,
    quarters: usize,
) -> ReplacementForecast {
    let first = Quarter::of(today);
    let mut order = Vec::with_capacity(quarters);
    let mut quarter = first;
    for _ in 0..quarters {
        order.push(quarter);
        quarter = quarter.next();
    }
    let last = order.last().copied();
    type Groups = BTreeMap<String, DueCount>;
    let mut due: BTreeMap<Quarter, (DueCount, Groups, Groups)> = BTreeMap::new();
    let mut undated = 0;
    for unit in units {
        let Some(date) = unit.due() else {
            undated += 1;
            continue;
        };
        let quarter = Quarter::of(date).max(first);
        if last.is_none_or(|last| quarter > last) {
            continue;
        }
        let (total, by_org, by_model) = due.entry(quarter).or_default();
        for count in [
            total,
            by_org.entry(unit.org_unit.unwrap_or_default()).or_default(),
            by_model.entry(unit.model).or_default(),
        ] {
            count.units += 1;
            count.cost_ore += unit.unit_cost_ore;
        }
    }
    let largest_first = |groups: Groups| {
        let mut groups: Vec<(String, DueCount)> = groups.into_iter().collect();
        groups.sort_by(|a, b| b.1.units.cmp(&a.1.units).then_with(|| a.0.cmp(&b.0)));
        groups
    };
    ReplacementForecast {
        quarters: order
            .into_iter()
            .map(|quarter| {
                let (total, by_org, by_model) = due.remove(&quarter).unwrap_or_default();
                QuarterForecast {
                    quarter,
                    total,
                    by_org_unit: largest_first(by_org),
                    by_model: largest_first(by_model),
                }
            })
            .collect(),
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn a_warranty_covers_up_to_the_day_before_its_anniversary() {
        assert_eq!(
            warranty_end(day("2026-03-02"), Some(24)),
            Some(day("2028-03-01"))
        );
        // Month ends: bought on 31 January, a one-month warranty ends on the last of February.
        assert_eq!(
            warranty_end(day("2026-01-31"), Some(1)),
            Some(day("2026-02-27"))
        );
        assert_eq!(warranty_end(day("2026-03-02"), None), None);
        for (bought, months, last) in [
            ("2023-11-15", 3, "2024-02-14"),
            ("2024-03-01", 12, "2025-02-28"),
            ("2024-01-01", 12, "2024-12-31"),
            // A month without the day counts from its last day.
            ("2024-01-31", 1, "2024-02-28"),
            ("2023-01-31", 1, "2023-02-27"),
            ("2024-02-29", 12, "2025-02-27"),
            ("2024-08-31", 1, "2024-09-29"),
            // Zero months cover nothing.
            ("2024-03-15", 0, "2024-03-14"),
        ] {
            assert_eq!(
                warranty_end(day(bought), Some(months)),
                Some(day(last)),
                "{bought} + {months}"
            );
        }
    }

    #[test]
    fn status_at_the_boundaries() {
        let end = Some(day("2026-06-30"));
        let status = |today| warranty_status(end, day(today), 90);
        assert_eq!(
            status("2026-06-30"),
            WarrantyStatus::Expiring,
            "its last day"
        );
        assert_eq!(
            status("2026-07-01"),
            WarrantyStatus::Expired,
            "the day after"
        );
        assert_eq!(
            status("2026-04-01"),
            WarrantyStatus::Expiring,
            "90 days left is expiring"
        );
        assert_eq!(status("2026-03-31"), WarrantyStatus::Active, "91 days left");
        assert_eq!(
            warranty_status(None, day("2026-01-01"), 90),
            WarrantyStatus::Unknown
        );
    }

    fn unit(bought: &str, warranty: Option<u32>, life: Option<u32>, org: &str) -> ForecastUnit {
        ForecastUnit {
            purchase_date: day(bought),
            warranty_months: warranty,
            planned_lifetime_months: life,
            unit_cost_ore: 100_000,
            org_unit: Some(org.into()),
            model: "iPhone 16".into(),
        }
    }

    #[test]
    fn the_forecast_counts_each_unit_in_the_quarter_its_lifetime_or_warranty_ends() {
        let units = vec![
            unit("2024-01-15", Some(24), Some(36), "Skola"), // lifetime: 2027-01-15 → 2027 Q1
            unit("2025-02-10", Some(24), None, "Skola"),     // warranty: 2027-02-10 → 2027 Q1
            unit("2025-08-01", Some(24), None, "Vård"),      // 2027-08-01 → 2027 Q3
            unit("2023-01-01", Some(24), None, "Vård"),      // overdue → the first quarter
            unit("2020-01-01", None, None, "Vård"),          // undated
            unit("2026-12-01", Some(60), None, "Vård"),      // 2031: beyond eight quarters
        ];
        let forecast = replacement_forecast(units, day("2026-12-03"), 8);
        assert_eq!(forecast.quarters.len(), 8);
        assert_eq!(
            forecast.quarters[0].quarter,
            Quarter {
                year: 2026,
                quarter: 4
            }
        );
        let counts: Vec<u32> = forecast.quarters.iter().map(|q| q.total.units).collect();
        assert_eq!(counts, [1, 2, 0, 1, 0, 0, 0, 0]);
        assert_eq!(forecast.quarters[1].total.cost_ore, 200_000);
        assert_eq!(
            forecast.quarters[1].by_org_unit,
            [(
                "Skola".to_owned(),
                DueCount {
                    units: 2,
                    cost_ore: 200_000
                }
            )]
        );
        assert_eq!(forecast.undated, 1);
    }

    #[test]
    fn the_end_date_ranges_say_what_the_status_says() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        for offset in -5_i64..100 {
            let end = today + chrono::Duration::days(offset);
            let status = warranty_status(Some(end), today, 90);
            for candidate in [
                WarrantyStatus::Active,
                WarrantyStatus::Expiring,
                WarrantyStatus::Expired,
            ] {
                let (from, to) = warranty_end_range(candidate, today, 90).unwrap();
                let inside = from.is_none_or(|from| end >= from) && to.is_none_or(|to| end <= to);
                assert_eq!(
                    inside,
                    candidate == status,
                    "{end}: {candidate} vs {status}"
                );
            }
        }
        assert_eq!(warranty_end_range(WarrantyStatus::Unknown, today, 90), None);
    }
}
