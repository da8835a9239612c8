//! Support agreements: the window a supplier's clock runs in, what pauses it, and the
//! response and resolution targets per category or line.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{AvailabilityWindow, PauseReason, SupportLine};

/// Response and resolution targets, in minutes inside the window, for the cases a row names:
/// a category, a line, both, or (neither) every case no other row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Target {
    pub category_id: Option<u32>,
    pub line: Option<SupportLine>,
    pub response_minutes: Option<u32>,
    pub resolution_minutes: Option<u32>,
}

/// An agreement's terms from a moment on. A change makes new terms; a case is judged by the
/// terms in force when it was received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgreementTerms {
    pub valid_from: DateTime<Utc>,
    pub window: AvailabilityWindow,
    /// What the case waits for that stops its clock.
    pub pausing: Vec<PauseReason>,
    pub targets: Vec<Target>,
}

impl AgreementTerms {
    /// The target for a case of `category` that ended (or stands) in `line`: a row naming
    /// both, else the category's row, else the line's, else the row naming neither.
    pub fn target_for(&self, category_id: u32, line: SupportLine) -> Option<&Target> {
        let names = |target: &&Target, category: bool, by_line: bool| {
            target.category_id == category.then_some(category_id)
                && target.line == by_line.then_some(line)
        };
        [(true, true), (true, false), (false, true), (false, false)]
            .into_iter()
            .find_map(|(category, by_line)| {
                self.targets
                    .iter()
                    .find(|target| names(target, category, by_line))
            })
    }

    pub fn pauses_on(&self, reason: PauseReason) -> bool {
        self.pausing.contains(&reason)
    }
}

/// The terms in force at `at` among `versions` (in any order): the latest that began by
/// then, or the first ever for a case received before the agreement's first terms.
pub fn terms_at(versions: &[AgreementTerms], at: DateTime<Utc>) -> Option<&AgreementTerms> {
    versions
        .iter()
        .filter(|terms| terms.valid_from <= at)
        .max_by_key(|terms| terms.valid_from)
        .or_else(|| versions.iter().min_by_key(|terms| terms.valid_from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(category_id: Option<u32>, line: Option<SupportLine>, minutes: u32) -> Target {
        Target {
            category_id,
            line,
            response_minutes: None,
            resolution_minutes: Some(minutes),
        }
    }

    #[test]
    fn the_most_specific_target_wins() {
        let terms = AgreementTerms {
            valid_from: DateTime::UNIX_EPOCH,
            window: AvailabilityWindow::WEEKDAYS_08_17,
            pausing: vec![PauseReason::AwaitingReporter],
            targets: vec![
                target(None, None, 480),
                target(Some(3), None, 120),
                target(None, Some(SupportLine::Third), 2400),
                target(Some(3), Some(SupportLine::Third), 960),
            ],
        };
        let minutes = |category, line| {
            terms
                .target_for(category, line)
                .and_then(|target| target.resolution_minutes)
        };
        assert_eq!(minutes(3, SupportLine::Third), Some(960));
        assert_eq!(minutes(3, SupportLine::First), Some(120));
        assert_eq!(minutes(5, SupportLine::Third), Some(2400));
        assert_eq!(minutes(5, SupportLine::Second), Some(480));
        assert!(terms.pauses_on(PauseReason::AwaitingReporter));
        assert!(!terms.pauses_on(PauseReason::AwaitingSupplier));
    }

    #[test]
    fn terms_in_force() {
        let first = AgreementTerms {
            valid_from: "2026-01-01T00:00:00Z".parse().unwrap_or_default(),
            window: AvailabilityWindow::WEEKDAYS_08_17,
            pausing: Vec::new(),
            targets: Vec::new(),
        };
        let second = AgreementTerms {
            valid_from: "2026-11-16T00:00:00Z".parse().unwrap_or_default(),
            window: AvailabilityWindow::WEEKDAYS_07_22,
            ..first.clone()
        };
        let versions = [second.clone(), first.clone()];
        let at = |text: &str| text.parse().unwrap_or_default();
        assert_eq!(
            terms_at(&versions, at("2026-11-15T23:59:00Z")),
            Some(&first)
        );
        assert_eq!(
            terms_at(&versions, at("2026-11-16T00:00:00Z")),
            Some(&second)
        );
        assert_eq!(
            terms_at(&versions, at("2025-06-01T00:00:00Z")),
            Some(&first)
        );
        assert_eq!(terms_at(&[], at("2025-06-01T00:00:00Z")), None);
    }
}
