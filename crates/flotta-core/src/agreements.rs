//! Incident categories and support agreements, as the settings of the incident register.

use crate::form::Form;
use chrono::{DateTime, Utc};
use flotta_domain::incident::{
    AgreementTerms, AvailabilityWindow, CategoryLabel, PauseReason, Target,
};
use flotta_store::CategoryRemoved;
use serde::{Deserialize, Serialize};

use crate::{Error, Flotta};

const MAX_CATEGORY_CHARS: usize = 80;
const MAX_AGREEMENT_CHARS: usize = 80;

/// A category with how many cases use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CategoryView {
    pub label: CategoryLabel,
    pub cases: u32,
}

/// What removing a category did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CategoryRemoval {
    Deleted,
    /// Cases use it: it stays for them and for old reports, offered for no new case.
    Retired,
}

/// An agreement with its terms, earliest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AgreementView {
    pub id: u32,
    pub name: String,
    pub terms: Vec<AgreementTerms>,
}

/// A new agreement, or new terms of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AgreementForm {
    /// The agreement whose terms change; a new one when not given.
    pub id: Option<u32>,
    /// A new agreement's name.
    pub name: String,
    pub window: AvailabilityWindow,
    pub pausing: Vec<PauseReason>,
    pub targets: Vec<Target>,
    /// From when the terms hold; now when not given. Cases received earlier keep the terms
    /// they were received under.
    pub valid_from: Option<DateTime<Utc>>,
}

/// The refusals of the incident, category and agreement forms.
pub(crate) const INCIDENT: Form = Form("incident");

impl Flotta {
    /// Every incident category, retired ones included, in the forms' order.
    pub fn incident_categories(&self) -> Result<Vec<CategoryView>, Error> {
        Ok(self
            .reader()
            .incident_categories()?
            .into_iter()
            .map(|record| CategoryView {
                label: record.label,
                cases: record.cases,
            })
            .collect())
    }

    /// Adds a category with its Swedish and English names.
    pub fn add_incident_category(&self, name_sv: &str, name_en: &str) -> Result<u32, Error> {
        let name_sv = INCIDENT.required("name_sv", name_sv, MAX_CATEGORY_CHARS)?;
        let name_en = INCIDENT.required("name_en", name_en, MAX_CATEGORY_CHARS)?;
        self.store()
            .add_incident_category(&name_sv, &name_en, &self.actor, self.clock.now())?
            .ok_or_else(|| INCIDENT.error("name_sv", format!("{name_sv:?} exists already")))
    }

    /// Deletes a category no case uses, or retires one in use.
    pub fn remove_incident_category(&self, id: u32) -> Result<CategoryRemoval, Error> {
        match self
            .store()
            .remove_incident_category(id, &self.actor, self.clock.now())?
        {
            CategoryRemoved::Deleted => Ok(CategoryRemoval::Deleted),
            CategoryRemoved::Retired => Ok(CategoryRemoval::Retired),
            CategoryRemoved::NotFound => {
                Err(INCIDENT.error("category_id", format!("there is no category {id} in use")))
            }
        }
    }

    pub fn support_agreements(&self) -> Result<Vec<AgreementView>, Error> {
        Ok(self
            .reader()
            .support_agreements()?
            .into_iter()
            .map(|record| AgreementView {
                id: record.id,
                name: record.name,
                terms: record.terms,
            })
            .collect())
    }

    /// Adds an agreement, or gives one new terms from `valid_from` on.
    pub fn save_support_agreement(&self, form: &AgreementForm) -> Result<AgreementView, Error> {
        let window =
            AvailabilityWindow::new(form.window.days, form.window.opens, form.window.closes)
                .map_err(|problem| INCIDENT.error("window", problem.to_string()))?;
        let categories = self.reader().incident_categories()?;
        for target in &form.targets {
            if let Some(category) = target.category_id
                && !categories.iter().any(|record| record.label.id == category)
            {
                return Err(INCIDENT.error("targets", format!("there is no category {category}")));
            }
            if target.response_minutes == Some(0) || target.resolution_minutes == Some(0) {
                return Err(INCIDENT.error("targets", "a target of 0 minutes cannot be met"));
            }
        }
        for (index, target) in form.targets.iter().enumerate() {
            if form.targets[..index]
                .iter()
                .any(|other| other.category_id == target.category_id && other.line == target.line)
            {
                return Err(INCIDENT.error("targets", "two targets name the same cases"));
            }
        }
        let now = self.clock.now();
        let mut pausing = form.pausing.clone();
        pausing.sort_unstable();
        pausing.dedup();
        let terms = AgreementTerms {
            valid_from: form.valid_from.unwrap_or(now),
            window,
            pausing,
            targets: form.targets.clone(),
        };
        let id = match form.id {
            Some(id) => {
                if !self
                    .store()
                    .change_agreement_terms(id, &terms, &self.actor, now)?
                {
                    return Err(INCIDENT.error("id", format!("there is no agreement {id}")));
                }
                id
            }
            None => {
                let name = INCIDENT.required("name", &form.name, MAX_AGREEMENT_CHARS)?;
                self.store()
                    .add_support_agreement(&name, &terms, &self.actor, now)?
                    .ok_or_else(|| INCIDENT.error("name", format!("{name:?} exists already")))?
            }
        };
        self.support_agreements()?
            .into_iter()
            .find(|agreement| agreement.id == id)
            .ok_or_else(|| INCIDENT.error("id", format!("there is no agreement {id}")))
    }
}
