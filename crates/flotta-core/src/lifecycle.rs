//! Moving a unit through its life: one user action, checked against the domain's rules.

use flotta_domain::{AllowedMoves, DeviceDetail, LifecycleMove, check_move};
use flotta_store::MoveOutcome;

use crate::{Error, Flotta};

impl Flotta {
    /// The lifecycle moves a person may make, from every state.
    pub fn lifecycle_moves(&self) -> Vec<AllowedMoves> {
        flotta_domain::allowed_moves()
    }

    /// Moves unit `id` to another lifecycle state with the person's reason, recorded in its
    /// history and the audit log. Refused when the rules do not allow the move, when the
    /// unit is in an open repair case (as the broken unit, or lent out as a replacement or
    /// loaner: the case's steps move it), or when the unit was moved by someone else since it
    /// was read.
    pub fn move_unit(&self, id: u32, requested: &LifecycleMove) -> Result<DeviceDetail, Error> {
        let unit = self.device_detail(id)?;
        let in_case = {
            let store = self.reader();
            store.open_case_of(id)?.or(store.open_case_lending(id)?)
        };
        if let Some(case) = in_case {
            return Err(Error::InvalidInput {
                what: "lifecycle move",
                detail: format!(
                    "{} is in open repair case {case}, whose steps move it; record them there",
                    unit.serial
                ),
            });
        }
        let reason =
            check_move(unit.lifecycle, requested).map_err(|problem| Error::Move { id, problem })?;
        let now = self.clock.now();
        let outcome =
            self.store()
                .move_unit(id, unit.lifecycle, requested.to, &reason, &self.actor, now)?;
        match outcome {
            MoveOutcome::Moved => {
                tracing::info!(device = id, from = %unit.lifecycle, to = %requested.to, "moved a unit");
                self.device_detail(id)
            }
            MoveOutcome::NotIn(now) => Err(Error::MovedMeanwhile { id, now }),
            MoveOutcome::NoSuchUnit => Err(Error::DeviceNotFound { id }),
        }
    }
}
