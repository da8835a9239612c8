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
    /// history and the audit log. Refused when the rules do not allow the move, or when the
    /// unit was moved by someone else since it was read.
    pub fn move_unit(&self, id: u32, requested: &LifecycleMove) -> Result<DeviceDetail, Error> {
        let unit = self.device_detail(id)?;
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
