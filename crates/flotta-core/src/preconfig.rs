//! Pre-configuration of delivered units: the checklist of one delivery with each unit's steps,
//! ticking a step for a unit or a whole delivery, and the organisation's checklist template.

use chrono::{DateTime, Utc};
use flotta_domain::{
    CertificationStatus, Lifecycle, PreconfigStep, StepDone, check_step_title, ready_to_deploy,
    step_states,
};
use flotta_store::TickTarget;
use serde::{Deserialize, Serialize};

use crate::{Error, Flotta};

/// Most units one checklist shows; a delivery is rarely larger.
const MAX_UNITS: u32 = 2_000;

/// One imported delivery file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Delivery {
    pub id: u32,
    pub file_name: String,
    pub supplier: String,
    pub imported_at: DateTime<Utc>,
    pub units: u32,
}

/// One delivered unit on the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PreconfigUnit {
    pub purchase_id: u32,
    pub manufacturer: String,
    pub model: String,
    pub serial: Option<String>,
    pub imei: Option<String>,
    /// One per step of the checklist, in its order.
    pub steps: Vec<StepDone>,
    /// Every step is done.
    pub ready: bool,
    /// In stock until a sync reports the unit; then the synced unit's state (deployed on its
    /// first check-in).
    pub lifecycle: Lifecycle,
    /// The model's certification; a unit of a model not certified is flagged before it is
    /// handed out.
    pub certification: CertificationStatus,
}

/// The checklist of one delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PreconfigView {
    pub steps: Vec<PreconfigStep>,
    /// Every delivery, newest first.
    pub deliveries: Vec<Delivery>,
    /// The delivery shown; `None` when there is none.
    pub delivery: Option<u32>,
    /// Units of the delivery; `units` holds the first of them.
    pub total: u32,
    pub units: Vec<PreconfigUnit>,
    /// Units of `units` ready to deploy.
    pub ready: u32,
}

/// Whose step is ticked: one unit's, or every unit's of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TickScope {
    Unit(u32),
    Delivery(u32),
}

impl Flotta {
    /// The checklist of `delivery` (the newest when `None`).
    pub fn preconfig(&self, delivery: Option<u32>) -> Result<PreconfigView, Error> {
        self.checklist(delivery, MAX_UNITS)
    }

    /// The checklist of `delivery` with at most `limit` of its units.
    pub(crate) fn checklist(
        &self,
        delivery: Option<u32>,
        limit: u32,
    ) -> Result<PreconfigView, Error> {
        let statuses = self.certification_statuses()?;
        let reader = self.reader();
        let steps = reader.preconfig_steps()?;
        let deliveries = reader.deliveries()?;
        let Some(shown) = delivery.or_else(|| deliveries.first().map(|newest| newest.id)) else {
            return Ok(PreconfigView {
                steps,
                deliveries: Vec::new(),
                delivery: None,
                total: 0,
                units: Vec::new(),
                ready: 0,
            });
        };
        if !deliveries.iter().any(|known| known.id == shown) {
            return Err(Error::InvalidInput {
                what: "delivery",
                detail: format!("there is no delivery {shown}"),
            });
        }
        let (total, rows) = reader.preconfig_units(Some(shown), limit)?;
        let units: Vec<PreconfigUnit> = rows
            .into_iter()
            .map(|row| {
                let states = step_states(&steps, &row.ticks, row.enrolled.map(|(at, _)| at));
                PreconfigUnit {
                    purchase_id: row.purchase_id,
                    ready: ready_to_deploy(&states),
                    steps: states,
                    lifecycle: row
                        .enrolled
                        .map_or(Lifecycle::InStock, |(_, lifecycle)| lifecycle),
                    certification: statuses.of(&row.manufacturer, &row.model),
                    manufacturer: row.manufacturer,
                    model: row.model,
                    serial: row.serial,
                    imei: row.imei,
                }
            })
            .collect();
        Ok(PreconfigView {
            ready: units.iter().filter(|unit| unit.ready).count() as u32,
            steps,
            deliveries: deliveries
                .into_iter()
                .map(|delivery| Delivery {
                    id: delivery.id,
                    file_name: delivery.file_name,
                    supplier: delivery.supplier,
                    imported_at: delivery.imported_at,
                    units: delivery.units,
                })
                .collect(),
            delivery: Some(shown),
            total,
            units,
        })
    }

    /// Ticks (`done`) or unticks one step for a unit or a whole delivery; returns how many
    /// units changed (those already so are left as they are).
    pub fn tick_preconfig(&self, scope: TickScope, step_id: u32, done: bool) -> Result<u32, Error> {
        let mut store = self.store();
        let step = store
            .preconfig_steps()?
            .into_iter()
            .find(|step| step.id == step_id)
            .ok_or_else(|| Error::InvalidInput {
                what: "checklist step",
                detail: format!("there is no step {step_id} on the checklist"),
            })?;
        let target = match scope {
            TickScope::Unit(id) => TickTarget::Unit(id),
            TickScope::Delivery(id) => TickTarget::Delivery(id),
        };
        let changed = store.tick_preconfig(target, &step, done, &self.actor, self.clock.now())?;
        tracing::info!(
            ?scope,
            step = step_id,
            done,
            changed,
            "ticked the checklist"
        );
        Ok(changed)
    }

    /// Adds the organisation's own step at the end of the checklist.
    pub fn add_preconfig_step(&self, title: &str) -> Result<PreconfigStep, Error> {
        let title = check_step_title(title).map_err(|problem| Error::InvalidInput {
            what: "checklist step",
            detail: problem.to_string(),
        })?;
        Ok(self
            .store()
            .add_preconfig_step(&title, &self.actor, self.clock.now())?)
    }

    /// Takes a step off the checklist; what was ticked stays in the record.
    pub fn retire_preconfig_step(&self, step_id: u32) -> Result<(), Error> {
        if self
            .store()
            .retire_preconfig_step(step_id, &self.actor, self.clock.now())?
        {
            Ok(())
        } else {
            Err(Error::InvalidInput {
                what: "checklist step",
                detail: format!("there is no step {step_id} on the checklist"),
            })
        }
    }
}
