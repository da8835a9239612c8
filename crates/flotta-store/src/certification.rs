//! Certification: the template's steps, the results recorded per model (append-only), and
//! the models of the fleet and of the purchases with their unit counts.

use chrono::{DateTime, Utc};
use flotta_domain::{CertificationStep, StepOutcome, StepResult};
use rusqlite::{OptionalExtension, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// A model as the register knows it: units synced and units bought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelCount {
    pub manufacturer: String,
    pub model: String,
    pub units: u32,
    pub purchased: u32,
    /// The organisation's planned lifetime for the model, in months.
    pub planned_lifetime_months: Option<u32>,
}

/// A result with the model it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelResult {
    pub manufacturer: String,
    pub model: String,
    pub result: StepResult,
}

impl Store {
    /// The template's steps, by level and code.
    pub fn certification_steps(&self) -> Result<Vec<CertificationStep>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT id, level, code, title, added_by_organisation, created_at
                 FROM certification_steps ORDER BY level, code",
            )
            .context("reading the certification template")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    CertificationStep {
                        id: row.get(0)?,
                        level: row.get(1)?,
                        code: row.get(2)?,
                        title: row.get(3)?,
                        added_by_organisation: row.get(4)?,
                        added_at: DateTime::<Utc>::MIN_UTC,
                    },
                    row.get::<_, String>(5)?,
                ))
            })
            .context("reading the certification template")?;
        let mut steps = Vec::new();
        for row in rows {
            let (mut step, added_at) = row.context("reading the certification template")?;
            step.added_at = parse_time("certification_steps.created_at", &added_at)?;
            steps.push(step);
        }
        Ok(steps)
    }

    /// Adds an organisation's own step at the end of `level`, coded after the last one there
    /// ("3d" after "3c").
    pub fn add_certification_step(
        &mut self,
        level: u8,
        title: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<CertificationStep, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("adding a certification step")?;
        let taken: u32 = tx
            .query_row(
                "SELECT count(*) FROM certification_steps WHERE level = ?1",
                [level],
                |row| row.get(0),
            )
            .context("adding a certification step")?;
        let letter = char::from_u32(u32::from('a') + taken).unwrap_or('z');
        let code = format!("{level}{letter}");
        tx.execute(
            "INSERT INTO certification_steps (level, code, title, added_by_organisation,
                created_at) VALUES (?1, ?2, ?3, 1, ?4)",
            params![level, code, title, format_time(&at)],
        )
        .context("adding a certification step")?;
        let id = tx.last_insert_rowid() as u32;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "add_step".into(),
                entity: "certification_template".into(),
                entity_id: Some(code.clone()),
                before_json: None,
                after_json: Some(
                    serde_json::json!({ "level": level, "code": code, "title": title }).to_string(),
                ),
            },
        )?;
        tx.commit().context("adding a certification step")?;
        Ok(CertificationStep {
            id,
            level,
            code,
            title: title.to_owned(),
            added_by_organisation: true,
            added_at: at,
        })
    }

    /// Every result recorded for one model, oldest first.
    pub fn certification_results(
        &self,
        manufacturer: &str,
        model: &str,
    ) -> Result<Vec<StepResult>, StoreError> {
        Ok(self
            .results_where(Some((manufacturer, model)))?
            .into_iter()
            .map(|found| found.result)
            .collect())
    }

    /// Every result of every model, oldest first.
    pub fn all_certification_results(&self) -> Result<Vec<ModelResult>, StoreError> {
        self.results_where(None)
    }

    fn results_where(&self, model: Option<(&str, &str)>) -> Result<Vec<ModelResult>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT manufacturer, model, step_id, outcome, tester, at, note, recorded_by
                 FROM certification_results
                 WHERE ?1 IS NULL OR (manufacturer = ?1 AND model = ?2)
                 ORDER BY id",
            )
            .context("reading certification results")?;
        let (manufacturer, name) = model.unzip();
        let rows = statement
            .query_map(params![manufacturer, name], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, String>(7)?,
                ))
            })
            .context("reading certification results")?;
        let mut found = Vec::new();
        for row in rows {
            let (manufacturer, model, step_id, outcome, tester, at, note, recorded_by) =
                row.context("reading certification results")?;
            found.push(ModelResult {
                manufacturer,
                model,
                result: StepResult {
                    step_id,
                    outcome: vocabulary(
                        "certification_results.outcome",
                        &outcome,
                        StepOutcome::from_text,
                    )?,
                    tester,
                    at: parse_time("certification_results.at", &at)?,
                    note,
                    recorded_by,
                },
            });
        }
        Ok(found)
    }

    /// Records a result (the caller has checked it against the domain's gating), with its
    /// audit entry.
    pub fn record_certification_result(
        &mut self,
        manufacturer: &str,
        model: &str,
        result: &StepResult,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("recording a certification result")?;
        tx.execute(
            "INSERT INTO certification_results (manufacturer, model, step_id, outcome, tester,
                at, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                manufacturer,
                model,
                result.step_id,
                result.outcome.as_str(),
                result.tester,
                format_time(&result.at),
                result.note,
                result.recorded_by,
            ],
        )
        .context("recording a certification result")?;
        record(
            &tx,
            &AuditEntry {
                at: result.at,
                actor: result.recorded_by.clone(),
                action: "certify".into(),
                entity: "model".into(),
                entity_id: Some(format!("{manufacturer} {model}")),
                before_json: None,
                after_json: Some(
                    serde_json::json!({
                        "step": result.step_id,
                        "outcome": result.outcome.as_str(),
                        "tester": result.tester,
                        "note": result.note,
                    })
                    .to_string(),
                ),
            },
        )?;
        tx.commit().context("recording a certification result")?;
        Ok(())
    }

    /// Sets (or, with `None`, clears) the planned lifetime of a model, with its audit entry.
    pub fn set_model_lifetime(
        &mut self,
        manufacturer: &str,
        model: &str,
        months: Option<u32>,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("setting a model's lifetime")?;
        let before: Option<u32> = tx
            .query_row(
                "SELECT planned_lifetime_months FROM model_lifetimes
                 WHERE manufacturer = ?1 AND model = ?2",
                params![manufacturer, model],
                |row| row.get(0),
            )
            .optional()
            .context("setting a model's lifetime")?;
        if before == months {
            return Ok(());
        }
        match months {
            Some(months) => tx.execute(
                "INSERT INTO model_lifetimes (manufacturer, model, planned_lifetime_months,
                    updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (manufacturer, model) DO UPDATE SET
                    planned_lifetime_months = excluded.planned_lifetime_months,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                params![manufacturer, model, months, format_time(&at), actor],
            ),
            None => tx.execute(
                "DELETE FROM model_lifetimes WHERE manufacturer = ?1 AND model = ?2",
                params![manufacturer, model],
            ),
        }
        .context("setting a model's lifetime")?;
        let value = |months: Option<u32>| {
            Some(serde_json::json!({ "planned_lifetime_months": months }).to_string())
        };
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "update".into(),
                entity: "model".into(),
                entity_id: Some(format!("{manufacturer} {model}")),
                before_json: value(before),
                after_json: value(months),
            },
        )?;
        tx.commit().context("setting a model's lifetime")?;
        Ok(())
    }

    /// Every model in the fleet or in the purchases, with its synced and bought units.
    pub fn model_counts(&self) -> Result<Vec<ModelCount>, StoreError> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT manufacturer, model, sum(units), sum(purchased),
                    (SELECT l.planned_lifetime_months FROM model_lifetimes l
                     WHERE l.manufacturer = counts.manufacturer AND l.model = counts.model)
                 FROM (
                    SELECT m.manufacturer AS manufacturer, m.name AS model,
                        count(d.id) AS units, 0 AS purchased
                    FROM device_models m JOIN devices d ON d.model_id = m.id
                    GROUP BY m.id
                    UNION ALL
                    SELECT manufacturer, model, 0, count(*) FROM purchases
                    GROUP BY manufacturer, model) AS counts
                 GROUP BY manufacturer, model
                 ORDER BY manufacturer, model",
            )
            .context("listing models")?;
        let rows = statement
            .query_map([], |row| {
                Ok(ModelCount {
                    manufacturer: row.get(0)?,
                    model: row.get(1)?,
                    units: row.get(2)?,
                    purchased: row.get(3)?,
                    planned_lifetime_months: row.get(4)?,
                })
            })
            .context("listing models")?;
        rows.collect::<Result<_, _>>().context("listing models")
    }
}
