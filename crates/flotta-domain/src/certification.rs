//! Hardware certification of a model in three levels: general, technical and organisation-
//! specific (domain.md). The outcome of each level decides whether testing goes on: a level
//! opens only when every step of the levels before it has passed (or does not apply), and a
//! failed step holds the model at its level until it is tested again and passes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

vocabulary! {
    /// What a tester found in one step.
    StepOutcome {
        Pass => "pass",
        Fail => "fail",
        NotApplicable => "not_applicable",
    }
}

/// The levels, lowest first.
pub const LEVELS: [u8; 3] = [1, 2, 3];

/// One step of the organisation's certification template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CertificationStep {
    pub id: u32,
    /// 1 general, 2 technical, 3 organisation-specific.
    pub level: u8,
    /// "1a", "2b", … in the template's order.
    pub code: String,
    pub title: String,
    /// Added by the organisation to the template it started from.
    pub added_by_organisation: bool,
    /// When the step joined the template: a model tested before then was judged without it.
    pub added_at: DateTime<Utc>,
}

/// The latest result of one step for one model; a retest is a new result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepResult {
    pub step_id: u32,
    pub outcome: StepOutcome,
    /// Who tested (in-house or the supplier's tester).
    pub tester: String,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    /// Who recorded it in Flotta.
    pub recorded_by: String,
}

/// Where a model's certification stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CertificationStatus {
    NotStarted,
    /// Testing at `level`; every level below has passed.
    InProgress {
        level: u8,
    },
    /// A step of `level` failed: nothing above it may be tested until it passes.
    Stopped {
        level: u8,
    },
    /// Every step passed (or does not apply); `on` is when the last one was recorded.
    Certified {
        on: DateTime<Utc>,
    },
}

/// Why a result cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificationProblem {
    #[error("there is no certification step {0}")]
    NoSuchStep(u32),
    #[error("level {step_level} starts only when level {open_level} has passed")]
    LevelNotOpen { step_level: u8, open_level: u8 },
    #[error("the tester's name is needed")]
    NoTester,
}

/// Whether a step's latest result lets testing go on.
fn passed(result: Option<&StepResult>) -> bool {
    result.is_some_and(|r| r.outcome != StepOutcome::Fail)
}

fn latest<'a>(results: &'a [StepResult], step: &CertificationStep) -> Option<&'a StepResult> {
    results
        .iter()
        .filter(|r| r.step_id == step.id)
        .max_by_key(|r| r.at)
}

/// The lowest level with a step not yet passed; `None` when every level has passed.
pub fn open_level(steps: &[CertificationStep], results: &[StepResult]) -> Option<u8> {
    LEVELS.into_iter().find(|level| {
        steps
            .iter()
            .filter(|step| step.level == *level)
            .any(|step| !passed(latest(results, step)))
    })
}

/// The steps that apply to a model: those in the template when its latest result was
/// recorded. A step the organisation adds later does not take a certified model's certificate
/// away; it applies once testing of the model goes on.
fn applying(steps: &[CertificationStep], results: &[StepResult]) -> Vec<CertificationStep> {
    let last = results.iter().map(|r| r.at).max();
    steps
        .iter()
        // Times are kept to the second: a step added in the second of the last result came
        // after it.
        .filter(|step| last.is_none_or(|last| step.added_at < last))
        .cloned()
        .collect()
}

pub fn certification_status(
    steps: &[CertificationStep],
    results: &[StepResult],
) -> CertificationStatus {
    if results.is_empty() {
        return CertificationStatus::NotStarted;
    }
    let steps = &applying(steps, results)[..];
    match open_level(steps, results) {
        None => CertificationStatus::Certified {
            on: results
                .iter()
                .map(|r| r.at)
                .max()
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        },
        Some(level) => {
            let failed = steps
                .iter()
                .filter(|step| step.level == level)
                .any(|step| latest(results, step).is_some_and(|r| r.outcome == StepOutcome::Fail));
            if failed {
                CertificationStatus::Stopped { level }
            } else {
                CertificationStatus::InProgress { level }
            }
        }
    }
}

/// Checks that `step` may be tested now: its level is open or below (a retest), never above.
pub fn check_result(
    steps: &[CertificationStep],
    results: &[StepResult],
    step_id: u32,
    tester: &str,
) -> Result<(), CertificationProblem> {
    let step = steps
        .iter()
        .find(|step| step.id == step_id)
        .ok_or(CertificationProblem::NoSuchStep(step_id))?;
    if tester.trim().is_empty() {
        return Err(CertificationProblem::NoTester);
    }
    match open_level(steps, results) {
        Some(open) if step.level > open => Err(CertificationProblem::LevelNotOpen {
            step_level: step.level,
            open_level: open,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn steps() -> Vec<CertificationStep> {
        [(1, "1a"), (1, "1b"), (2, "2a"), (3, "3a")]
            .iter()
            .enumerate()
            .map(|(i, (level, code))| CertificationStep {
                id: i as u32 + 1,
                level: *level,
                code: (*code).into(),
                title: format!("step {code}"),
                added_by_organisation: false,
                added_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            })
            .collect()
    }

    fn result(step_id: u32, outcome: StepOutcome, day: u32) -> StepResult {
        StepResult {
            step_id,
            outcome,
            tester: "Kim".into(),
            at: Utc
                .with_ymd_and_hms(2026, 11, day, 9, 0, 0)
                .single()
                .expect("a time"),
            note: None,
            recorded_by: "kim".into(),
        }
    }

    #[test]
    fn a_level_opens_only_when_the_one_before_has_passed() {
        let steps = steps();
        assert_eq!(
            certification_status(&steps, &[]),
            CertificationStatus::NotStarted
        );
        assert_eq!(
            check_result(&steps, &[], 3, "Kim"),
            Err(CertificationProblem::LevelNotOpen {
                step_level: 2,
                open_level: 1
            })
        );
        let half = [result(1, StepOutcome::Pass, 1)];
        assert_eq!(
            certification_status(&steps, &half),
            CertificationStatus::InProgress { level: 1 }
        );
        let level_one = [
            result(1, StepOutcome::Pass, 1),
            result(2, StepOutcome::NotApplicable, 2),
        ];
        assert_eq!(check_result(&steps, &level_one, 3, "Kim"), Ok(()));
        assert!(
            check_result(&steps, &level_one, 4, "Kim").is_err(),
            "level 3 waits for 2"
        );
    }

    #[test]
    fn a_failed_step_stops_the_model_until_a_retest_passes() {
        let steps = steps();
        let mut results = vec![
            result(1, StepOutcome::Pass, 1),
            result(2, StepOutcome::Pass, 2),
            result(3, StepOutcome::Fail, 3),
        ];
        assert_eq!(
            certification_status(&steps, &results),
            CertificationStatus::Stopped { level: 2 }
        );
        assert!(check_result(&steps, &results, 4, "Kim").is_err());
        assert_eq!(check_result(&steps, &results, 3, "Kim"), Ok(()), "a retest");
        results.push(result(3, StepOutcome::Pass, 4));
        results.push(result(4, StepOutcome::Pass, 5));
        assert_eq!(
            certification_status(&steps, &results),
            CertificationStatus::Certified {
                on: result(4, StepOutcome::Pass, 5).at
            }
        );
        assert_eq!(
            check_result(&steps, &results, 1, " "),
            Err(CertificationProblem::NoTester)
        );
    }

    #[test]
    fn a_step_added_later_leaves_a_certificate_and_applies_when_testing_goes_on() {
        let mut steps = steps();
        let results = vec![
            result(1, StepOutcome::Pass, 1),
            result(2, StepOutcome::Pass, 2),
            result(3, StepOutcome::Pass, 3),
            result(4, StepOutcome::Pass, 4),
        ];
        let certified = CertificationStatus::Certified {
            on: result(4, StepOutcome::Pass, 4).at,
        };
        steps.push(CertificationStep {
            id: 5,
            level: 3,
            code: "3b".into(),
            title: "own apps".into(),
            added_by_organisation: true,
            added_at: result(5, StepOutcome::Pass, 10).at,
        });
        assert_eq!(certification_status(&steps, &results), certified);
        assert_eq!(
            check_result(&steps, &results, 5, "Kim"),
            Ok(()),
            "it may be tested"
        );
        // Testing goes on (a retest of 1a after the step was added): the step applies now.
        let mut later = results.clone();
        later.push(result(1, StepOutcome::Pass, 11));
        assert_eq!(
            certification_status(&steps, &later),
            CertificationStatus::InProgress { level: 3 }
        );
        later.push(result(5, StepOutcome::Pass, 12));
        assert!(matches!(
            certification_status(&steps, &later),
            CertificationStatus::Certified { .. }
        ));
    }
}
