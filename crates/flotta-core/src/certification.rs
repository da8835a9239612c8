//! Model certification: the models of the fleet and the purchases with their status, one
//! model's steps and results, recording a result (gated level by level), and the
//! organisation's own steps.

use std::collections::HashMap;

use flotta_domain::{
    CertificationStatus, CertificationStep, StepOutcome, StepResult, certification_status,
    check_result,
};
use serde::{Deserialize, Serialize};

use crate::{Error, Flotta};

/// A model in the Models view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ModelRow {
    pub manufacturer: String,
    pub model: String,
    /// Units of it in the register (synced).
    pub units: u32,
    /// Units of it bought.
    pub purchased: u32,
    pub status: CertificationStatus,
    /// The organisation's planned lifetime for the model, in months: the replacement
    /// forecast's default for a purchase that does not give one.
    pub planned_lifetime_months: Option<u32>,
}

/// One step of a model's certification with its latest result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct StepState {
    pub step: CertificationStep,
    pub latest: Option<StepResult>,
    /// Every earlier result of the step, newest first (retests).
    pub history: Vec<StepResult>,
    /// The step may be tested now (its level is open, or it is a retest below it).
    pub open: bool,
}

/// One model's certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ModelCertification {
    pub manufacturer: String,
    pub model: String,
    pub status: CertificationStatus,
    pub steps: Vec<StepState>,
}

/// A result a tester reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct StepReport {
    pub step_id: u32,
    pub outcome: StepOutcome,
    pub tester: String,
    pub note: Option<String>,
}

/// Certification status per model (manufacturer, name); a model without results has not started.
#[derive(Debug, Default)]
pub(crate) struct ModelStatuses(HashMap<(String, String), CertificationStatus>);

impl ModelStatuses {
    /// The status of every model that has results, read on `store`.
    pub(crate) fn read(store: &flotta_store::Store) -> Result<Self, Error> {
        let steps = store.certification_steps()?;
        let mut results: HashMap<(String, String), Vec<StepResult>> = HashMap::new();
        for found in store.all_certification_results()? {
            results
                .entry((found.manufacturer, found.model))
                .or_default()
                .push(found.result);
        }
        Ok(Self(
            results
                .into_iter()
                .map(|(key, results)| {
                    let status = certification_status(&steps, &results);
                    (key, status)
                })
                .collect(),
        ))
    }

    pub(crate) fn of(&self, manufacturer: &str, model: &str) -> CertificationStatus {
        self.0
            .get(&(manufacturer.to_owned(), model.to_owned()))
            .cloned()
            .unwrap_or(CertificationStatus::NotStarted)
    }

    /// (manufacturer, model) of every certified model.
    pub(crate) fn certified(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(_, status)| matches!(status, CertificationStatus::Certified { .. }))
            .map(|(key, _)| key.clone())
            .collect()
    }
}

impl Flotta {
    /// Every model in the fleet or in the purchases, with unit counts and certification status.
    pub fn models(&self) -> Result<Vec<ModelRow>, Error> {
        let statuses = self.certification_statuses()?;
        Ok(self
            .reader()
            .model_counts()?
            .into_iter()
            .map(|count| {
                let status = statuses.of(&count.manufacturer, &count.model);
                ModelRow {
                    manufacturer: count.manufacturer,
                    model: count.model,
                    units: count.units,
                    purchased: count.purchased,
                    status,
                    planned_lifetime_months: count.planned_lifetime_months,
                }
            })
            .collect())
    }

    /// The certification status of every model that has results.
    pub(crate) fn certification_statuses(&self) -> Result<ModelStatuses, Error> {
        ModelStatuses::read(&self.reader())
    }

    /// One model's steps with their results and which may be tested now.
    pub fn model_certification(
        &self,
        manufacturer: &str,
        model: &str,
    ) -> Result<ModelCertification, Error> {
        let reader = self.reader();
        let steps = reader.certification_steps()?;
        let results = reader.certification_results(manufacturer, model)?;
        let open = flotta_domain::open_level(&steps, &results);
        let status = certification_status(&steps, &results);
        Ok(ModelCertification {
            manufacturer: manufacturer.to_owned(),
            model: model.to_owned(),
            status,
            steps: steps
                .into_iter()
                .map(|step| {
                    let mut history: Vec<StepResult> = results
                        .iter()
                        .filter(|result| result.step_id == step.id)
                        .cloned()
                        .collect();
                    history.reverse();
                    let latest = (!history.is_empty()).then(|| history.remove(0));
                    StepState {
                        open: open.is_none_or(|level| step.level <= level),
                        step,
                        latest,
                        history,
                    }
                })
                .collect(),
        })
    }

    /// Records a tester's result for one step of a model; refused when the step's level is
    /// not open yet (the levels before it have not all passed).
    pub fn record_certification_step(
        &self,
        manufacturer: &str,
        model: &str,
        report: &StepReport,
    ) -> Result<ModelCertification, Error> {
        let (manufacturer, model) = (manufacturer.trim(), model.trim());
        if manufacturer.is_empty() || model.is_empty() {
            return Err(Error::InvalidInput {
                what: "model",
                detail: "a model is named by its manufacturer and its name".into(),
            });
        }
        {
            let mut store = self.store();
            let steps = store.certification_steps()?;
            let results = store.certification_results(manufacturer, model)?;
            check_result(&steps, &results, report.step_id, &report.tester).map_err(|problem| {
                Error::Certification {
                    model: format!("{manufacturer} {model}"),
                    problem,
                }
            })?;
            store.record_certification_result(
                manufacturer,
                model,
                &StepResult {
                    step_id: report.step_id,
                    outcome: report.outcome,
                    tester: report.tester.trim().to_owned(),
                    at: self.clock.now(),
                    note: report
                        .note
                        .as_deref()
                        .map(str::trim)
                        .filter(|note| !note.is_empty())
                        .map(str::to_owned),
                    recorded_by: self.actor.clone(),
                },
            )?;
        }
        self.model_certification(manufacturer, model)
    }

    /// Sets (or, with `None`, clears) a model's planned lifetime, 1–240 months.
    pub fn set_model_lifetime(
        &self,
        manufacturer: &str,
        model: &str,
        months: Option<u32>,
    ) -> Result<(), Error> {
        let (manufacturer, model) = (manufacturer.trim(), model.trim());
        if manufacturer.is_empty() || model.is_empty() {
            return Err(Error::InvalidInput {
                what: "model",
                detail: "a model is named by its manufacturer and its name".into(),
            });
        }
        if months.is_some_and(|months| !(1..=240).contains(&months)) {
            return Err(Error::InvalidInput {
                what: "planned lifetime",
                detail: "give 1 to 240 months".into(),
            });
        }
        Ok(self.store().set_model_lifetime(
            manufacturer,
            model,
            months,
            &self.actor,
            self.clock.now(),
        )?)
    }

    /// Adds the organisation's own step to `level` of the template.
    pub fn add_certification_step(
        &self,
        level: u8,
        title: &str,
    ) -> Result<CertificationStep, Error> {
        let title = title.trim();
        if !flotta_domain::certification::LEVELS.contains(&level) || title.is_empty() {
            return Err(Error::InvalidInput {
                what: "certification step",
                detail: "a step needs a level (1, 2 or 3) and a title".into(),
            });
        }
        Ok(self
            .store()
            .add_certification_step(level, title, &self.actor, self.clock.now())?)
    }
}
