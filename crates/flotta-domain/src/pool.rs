//! The swap pool's cover: how many weeks its available units last at the recent rate of
//! swaps (domain.md, "Buffer stock": keep 2–4 weeks of consumption per model).

use serde::{Deserialize, Serialize};

/// The weeks of swaps the average is taken over.
pub const CONSUMPTION_WEEKS: u32 = 8;
/// Below this many weeks the pool is short.
pub const COVER_SHORT_BELOW_WEEKS: f64 = 2.0;
/// Above this many weeks the pool holds more than it needs.
pub const COVER_AMPLE_ABOVE_WEEKS: f64 = 4.0;

vocabulary! {
    /// What a model's cover calls for.
    CoverLevel {
        /// Under two weeks: order or repair more.
        Short => "short",
        Enough => "enough",
        /// Over four weeks: units could be deployed instead.
        Ample => "ample",
        /// No swaps in the last eight weeks, so no rate to divide by.
        Unused => "unused",
    }
}

/// A model's pool cover.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PoolCover {
    pub available: u32,
    /// Pool units sent to users in the last eight weeks.
    pub shipped_recently: u32,
    /// Average units a week over the last eight weeks.
    pub weekly_consumption: f64,
    /// Available units ÷ weekly consumption; `None` when nothing was consumed.
    pub weeks: Option<f64>,
    pub level: CoverLevel,
}

/// The cover of a pool with `available` units from which `shipped_recently` were sent in
/// the last [`CONSUMPTION_WEEKS`] weeks.
pub fn pool_cover(available: u32, shipped_recently: u32) -> PoolCover {
    let weekly_consumption = f64::from(shipped_recently) / f64::from(CONSUMPTION_WEEKS);
    let weeks = (shipped_recently > 0).then(|| f64::from(available) / weekly_consumption);
    let level = match weeks {
        None => CoverLevel::Unused,
        Some(weeks) if weeks < COVER_SHORT_BELOW_WEEKS => CoverLevel::Short,
        Some(weeks) if weeks > COVER_AMPLE_ABOVE_WEEKS => CoverLevel::Ample,
        Some(_) => CoverLevel::Enough,
    };
    PoolCover {
        available,
        shipped_recently,
        weekly_consumption,
        weeks,
        level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_is_available_units_over_the_weekly_rate() {
        // 12 swaps in 8 weeks = 1.5 a week; 3 units last 2 weeks.
        let cover = pool_cover(3, 12);
        assert_eq!(cover.weekly_consumption, 1.5);
        assert_eq!(cover.weeks, Some(2.0));
        assert_eq!(cover.level, CoverLevel::Enough);
        assert_eq!(pool_cover(2, 12).level, CoverLevel::Short);
        assert_eq!(pool_cover(7, 12).level, CoverLevel::Ample);
        assert_eq!(
            pool_cover(6, 12).level,
            CoverLevel::Enough,
            "exactly four weeks"
        );
        assert_eq!(pool_cover(0, 12).weeks, Some(0.0));
        assert_eq!(pool_cover(5, 0).weeks, None);
        assert_eq!(pool_cover(5, 0).level, CoverLevel::Unused);
    }
}
