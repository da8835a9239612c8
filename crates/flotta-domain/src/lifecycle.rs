//! Which lifecycle moves a person may make. A unit is never deleted: it moves to an end state,
//! and each move is recorded with who, when and why.

use serde::{Deserialize, Serialize};

use crate::device::Lifecycle;

/// A move a person asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LifecycleMove {
    pub to: Lifecycle,
    /// Why, in the person's words ("lost mode in Jamf", "returned at end of contract").
    pub reason: String,
}

/// Longest reason kept; a reason is a sentence, not a document.
pub const MAX_REASON_CHARS: usize = 500;

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveProblem {
    #[error("the unit is already {0}")]
    AlreadyThere(Lifecycle),
    #[error("a unit cannot move from {from} to {to}")]
    NotAllowed { from: Lifecycle, to: Lifecycle },
    #[error("a move needs a reason")]
    NoReason,
    #[error("the reason is longer than {MAX_REASON_CHARS} characters")]
    ReasonTooLong,
}

impl Lifecycle {
    /// The states a person may move a unit to from this one. A recycled unit stays where it
    /// is (it stays findable); a lost or stolen one can be found again; nothing goes back to
    /// "in stock" without passing through a state that explains where it was.
    pub fn moves(self) -> &'static [Lifecycle] {
        use Lifecycle::*;
        match self {
            InStock => &[
                Deployed, InRepair, InSwapPool, Lost, Stolen, Returned, Recycled,
            ],
            Deployed => &[InStock, InRepair, InSwapPool, Lost, Stolen, Returned],
            InRepair => &[Deployed, InStock, InSwapPool, Returned, Recycled],
            InSwapPool => &[Deployed, InRepair, Lost, Stolen, Recycled],
            Lost => &[Deployed, InStock, Stolen, Recycled],
            Stolen => &[Deployed, InStock, Recycled],
            Returned => &[InStock, Recycled],
            Recycled => &[],
        }
    }
}

/// The moves allowed from one state, for a form that offers only those.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AllowedMoves {
    pub from: Lifecycle,
    pub to: Vec<Lifecycle>,
}

/// Every state with the moves allowed from it.
pub fn allowed_moves() -> Vec<AllowedMoves> {
    Lifecycle::ALL
        .iter()
        .map(|from| AllowedMoves {
            from: *from,
            to: from.moves().to_vec(),
        })
        .collect()
}

/// Checks a move from `from` and returns the trimmed reason to record.
pub fn check_move(from: Lifecycle, requested: &LifecycleMove) -> Result<String, MoveProblem> {
    if from == requested.to {
        return Err(MoveProblem::AlreadyThere(from));
    }
    if !from.moves().contains(&requested.to) {
        return Err(MoveProblem::NotAllowed {
            from,
            to: requested.to,
        });
    }
    let reason = requested.reason.trim();
    if reason.is_empty() {
        return Err(MoveProblem::NoReason);
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(MoveProblem::ReasonTooLong);
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to(to: Lifecycle, reason: &str) -> LifecycleMove {
        LifecycleMove {
            to,
            reason: reason.into(),
        }
    }

    #[test]
    fn a_recycled_unit_stays_recycled() {
        for target in Lifecycle::ALL {
            assert!(
                check_move(Lifecycle::Recycled, &to(*target, "x")).is_err(),
                "recycled → {target} was allowed"
            );
        }
    }

    #[test]
    fn every_state_but_the_end_state_has_a_way_on_and_never_to_itself() {
        for state in Lifecycle::ALL {
            assert!(!state.moves().contains(state), "{state} moves to itself");
            if *state != Lifecycle::Recycled {
                assert!(!state.moves().is_empty(), "{state} is a dead end");
            }
        }
    }

    #[test]
    fn a_move_needs_an_allowed_target_and_a_reason() {
        assert_eq!(
            check_move(
                Lifecycle::Deployed,
                &to(Lifecycle::Lost, "  Lost mode in Jamf ")
            ),
            Ok("Lost mode in Jamf".into())
        );
        assert_eq!(
            check_move(Lifecycle::Deployed, &to(Lifecycle::Deployed, "x")),
            Err(MoveProblem::AlreadyThere(Lifecycle::Deployed))
        );
        assert_eq!(
            check_move(Lifecycle::Returned, &to(Lifecycle::Deployed, "x")),
            Err(MoveProblem::NotAllowed {
                from: Lifecycle::Returned,
                to: Lifecycle::Deployed
            })
        );
        assert_eq!(
            check_move(Lifecycle::Deployed, &to(Lifecycle::Lost, "   ")),
            Err(MoveProblem::NoReason)
        );
        assert_eq!(
            check_move(Lifecycle::Deployed, &to(Lifecycle::Lost, &"å".repeat(501))),
            Err(MoveProblem::ReasonTooLong)
        );
    }
}
