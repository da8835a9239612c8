//! Pre-configuration of a delivered unit before it is handed out (domain.md, "Buffer stock and
//! pre-configuration"): a checklist the organisation keeps as a template, ticked per unit by a
//! person — except the enrolment step, which the unit's first EMM check-in ticks by itself. A
//! unit is ready to deploy only when every step of the template is done.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest step title kept; a title is a line on a checklist.
pub const MAX_STEP_TITLE_CHARS: usize = 200;

/// One step of the organisation's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PreconfigStep {
    pub id: u32,
    pub title: String,
    /// Done by itself when a sync first reports the unit (MDM pre-enrolment, zero-touch).
    pub done_by_enrolment: bool,
}

/// A person's tick or untick of one step for one unit; the latest one counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Tick {
    pub step_id: u32,
    pub done: bool,
    pub at: DateTime<Utc>,
    pub actor: String,
}

/// How one step of one unit stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepDone {
    Open,
    /// Ticked by a person.
    Ticked {
        at: DateTime<Utc>,
        actor: String,
    },
    /// The unit checked in to an EMM, which is what the step asks for.
    Enrolled {
        at: DateTime<Utc>,
    },
}

impl StepDone {
    pub fn is_done(&self) -> bool {
        !matches!(self, StepDone::Open)
    }
}

/// Why a step cannot be added to the template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepTitleProblem {
    #[error("a step needs a title")]
    Empty,
    #[error("the title is longer than {MAX_STEP_TITLE_CHARS} characters")]
    TooLong,
}

/// The title of a new step, trimmed.
pub fn check_step_title(title: &str) -> Result<String, StepTitleProblem> {
    let title = title.trim();
    if title.is_empty() {
        Err(StepTitleProblem::Empty)
    } else if title.chars().count() > MAX_STEP_TITLE_CHARS {
        Err(StepTitleProblem::TooLong)
    } else {
        Ok(title.to_owned())
    }
}

/// Each step of `steps` for one unit: the latest of its `ticks` (oldest first), or, for the
/// enrolment step, the unit's first check-in (`enrolled`) — which counts even if a person
/// unticked the step, since the unit is enrolled.
pub fn step_states(
    steps: &[PreconfigStep],
    ticks: &[Tick],
    enrolled: Option<DateTime<Utc>>,
) -> Vec<StepDone> {
    steps
        .iter()
        .map(|step| {
            if let (true, Some(at)) = (step.done_by_enrolment, enrolled) {
                return StepDone::Enrolled { at };
            }
            match ticks.iter().rev().find(|tick| tick.step_id == step.id) {
                Some(tick) if tick.done => StepDone::Ticked {
                    at: tick.at,
                    actor: tick.actor.clone(),
                },
                _ => StepDone::Open,
            }
        })
        .collect()
}

/// Ready to deploy: every step is done. A template without steps asks nothing.
pub fn ready_to_deploy(states: &[StepDone]) -> bool {
    states.iter().all(StepDone::is_done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> DateTime<Utc> {
        format!("2026-11-{day:02}T10:00:00Z").parse().unwrap()
    }

    fn steps() -> Vec<PreconfigStep> {
        vec![
            PreconfigStep {
                id: 1,
                title: "Battery".into(),
                done_by_enrolment: false,
            },
            PreconfigStep {
                id: 2,
                title: "Enrolment".into(),
                done_by_enrolment: true,
            },
        ]
    }

    fn tick(step_id: u32, done: bool, day: u32) -> Tick {
        Tick {
            step_id,
            done,
            at: at(day),
            actor: "anna".into(),
        }
    }

    #[test]
    fn the_latest_tick_counts() {
        let states = step_states(&steps(), &[tick(1, true, 1), tick(1, false, 2)], None);
        assert_eq!(states[0], StepDone::Open);
        let states = step_states(&steps(), &[tick(1, false, 1), tick(1, true, 2)], None);
        assert_eq!(
            states[0],
            StepDone::Ticked {
                at: at(2),
                actor: "anna".into()
            }
        );
    }

    #[test]
    fn a_check_in_ticks_the_enrolment_step_and_nothing_else() {
        let states = step_states(&steps(), &[tick(2, false, 3)], Some(at(4)));
        assert_eq!(states[0], StepDone::Open);
        assert_eq!(states[1], StepDone::Enrolled { at: at(4) });
        assert!(!ready_to_deploy(&states));
    }

    #[test]
    fn ready_only_when_every_step_is_done() {
        let ticks = [tick(1, true, 1)];
        assert!(!ready_to_deploy(&step_states(&steps(), &ticks, None)));
        assert!(ready_to_deploy(&step_states(&steps(), &ticks, Some(at(2)))));
        let ticks = [tick(1, true, 1), tick(2, true, 1)];
        assert!(ready_to_deploy(&step_states(&steps(), &ticks, None)));
    }

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(check_step_title("  Etikett  "), Ok("Etikett".into()));
        assert_eq!(check_step_title(" "), Err(StepTitleProblem::Empty));
        assert_eq!(
            check_step_title(&"å".repeat(MAX_STEP_TITLE_CHARS + 1)),
            Err(StepTitleProblem::TooLong)
        );
    }
}
