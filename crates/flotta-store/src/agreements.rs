//! Incident categories and support agreements with their terms and targets.

use chrono::{DateTime, Utc};
use flotta_domain::incident::{
    AgreementTerms, AvailabilityWindow, CategoryLabel, PauseReason, SupportLine, Target, WindowDays,
};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// A category with how many cases use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryRecord {
    pub label: CategoryLabel,
    pub cases: u32,
}

/// What removing a category did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryRemoved {
    Deleted,
    /// Cases use it: it stays for them, offered for no new case.
    Retired,
    NotFound,
}

/// An agreement with its terms, earliest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementRecord {
    pub id: u32,
    pub name: String,
    pub terms: Vec<AgreementTerms>,
}

/// An audit entry of `actor` at `at` for an entity, without before and after.
pub(crate) fn entry(
    actor: &str,
    at: DateTime<Utc>,
    action: &str,
    entity: &str,
    id: impl ToString,
) -> AuditEntry {
    AuditEntry {
        at,
        actor: actor.to_owned(),
        action: action.into(),
        entity: entity.into(),
        entity_id: Some(id.to_string()),
        before_json: None,
        after_json: None,
    }
}

pub(crate) fn id_of(tx: &Transaction<'_>, what: &str) -> Result<u32, StoreError> {
    u32::try_from(tx.last_insert_rowid()).map_err(|_| StoreError::Corrupt {
        what: what.into(),
        detail: "out of range".into(),
    })
}

impl Store {
    /// Every category in the order the forms offer them, retired ones included.
    pub fn incident_categories(&self) -> Result<Vec<CategoryRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.name_sv, c.name_en, c.retired_at IS NOT NULL,
                    (SELECT count(*) FROM incidents i WHERE i.category_id = c.id)
                 FROM incident_categories c ORDER BY c.position, c.id",
            )
            .context("reading the incident categories")?;
        let rows = statement
            .query_map([], |row| {
                Ok(CategoryRecord {
                    label: CategoryLabel {
                        id: row.get(0)?,
                        name_sv: row.get(1)?,
                        name_en: row.get(2)?,
                        retired: row.get(3)?,
                    },
                    cases: row.get(4)?,
                })
            })
            .context("reading the incident categories")?;
        rows.collect::<Result<_, _>>()
            .context("reading the incident categories")
    }

    /// Adds a category last in the list; `None` when one has that Swedish name.
    pub fn add_incident_category(
        &mut self,
        name_sv: &str,
        name_en: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<u32>, StoreError> {
        let tx = self.conn.transaction().context("adding a category")?;
        let added = tx
            .execute(
                "INSERT INTO incident_categories (name_sv, name_en, position)
                 SELECT ?1, ?2, coalesce(max(position), 0) + 1 FROM incident_categories
                 ON CONFLICT (name_sv) DO NOTHING",
                params![name_sv, name_en],
            )
            .context("adding a category")?;
        if added == 0 {
            return Ok(None);
        }
        let id = id_of(&tx, "incident_categories.id")?;
        let after = serde_json::json!({ "name_sv": name_sv, "name_en": name_en });
        record(
            &tx,
            &AuditEntry {
                after_json: Some(after.to_string()),
                ..entry(actor, at, "create", "incident_category", id)
            },
        )?;
        tx.commit().context("adding a category")?;
        Ok(Some(id))
    }

    /// Removes a category no case uses; one in use is retired instead.
    pub fn remove_incident_category(
        &mut self,
        id: u32,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<CategoryRemoved, StoreError> {
        let tx = self.conn.transaction().context("removing a category")?;
        let found: Option<(String, bool)> = tx
            .query_row(
                "SELECT name_sv, EXISTS (SELECT 1 FROM incidents WHERE category_id = ?1)
                 FROM incident_categories WHERE id = ?1 AND retired_at IS NULL",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .context("removing a category")?;
        let Some((name, used)) = found else {
            return Ok(CategoryRemoved::NotFound);
        };
        let before = Some(serde_json::json!({ "name_sv": name }));
        let removed = if used {
            tx.execute(
                "UPDATE incident_categories SET retired_at = ?2 WHERE id = ?1",
                params![id, format_time(&at)],
            )
            .context("retiring a category")?;
            record(
                &tx,
                &AuditEntry {
                    before_json: before.map(|value| value.to_string()),
                    ..entry(actor, at, "retire", "incident_category", id)
                },
            )?;
            CategoryRemoved::Retired
        } else {
            tx.execute("DELETE FROM agreement_targets WHERE category_id = ?1", [id])
                .context("removing a category")?;
            tx.execute("DELETE FROM incident_categories WHERE id = ?1", [id])
                .context("removing a category")?;
            record(
                &tx,
                &AuditEntry {
                    before_json: before.map(|value| value.to_string()),
                    ..entry(actor, at, "delete", "incident_category", id)
                },
            )?;
            CategoryRemoved::Deleted
        };
        tx.commit().context("removing a category")?;
        Ok(removed)
    }

    /// Every agreement with all its terms.
    pub fn support_agreements(&self) -> Result<Vec<AgreementRecord>, StoreError> {
        let mut agreements: Vec<AgreementRecord> = {
            let mut statement = self
                .conn
                .prepare_cached("SELECT id, name FROM support_agreements ORDER BY name")
                .context("reading the support agreements")?;
            let rows = statement
                .query_map([], |row| {
                    Ok(AgreementRecord {
                        id: row.get(0)?,
                        name: row.get(1)?,
                        terms: Vec::new(),
                    })
                })
                .context("reading the support agreements")?;
            rows.collect::<Result<_, _>>()
                .context("reading the support agreements")?
        };
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT id, agreement_id, valid_from, window_days, opens_minute, closes_minute,
                    pauses_awaiting_reporter, pauses_awaiting_supplier
                 FROM agreement_terms ORDER BY valid_from",
            )
            .context("reading the agreements' terms")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, u32>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, u16>(4)?,
                    row.get::<_, u16>(5)?,
                    row.get::<_, bool>(6)?,
                    row.get::<_, bool>(7)?,
                ))
            })
            .context("reading the agreements' terms")?;
        for row in rows {
            let (terms_id, agreement, valid_from, days, opens, closes, reporter, supplier) =
                row.context("reading the agreements' terms")?;
            let days = vocabulary("agreement_terms.window_days", &days, WindowDays::from_text)?;
            let window = AvailabilityWindow::new(days, opens, closes).map_err(|error| {
                StoreError::Corrupt {
                    what: "agreement_terms".into(),
                    detail: error.to_string(),
                }
            })?;
            let pausing = [
                (reporter, PauseReason::AwaitingReporter),
                (supplier, PauseReason::AwaitingSupplier),
            ]
            .into_iter()
            .filter_map(|(pauses, reason)| pauses.then_some(reason))
            .collect();
            let terms = AgreementTerms {
                valid_from: parse_time("agreement_terms.valid_from", &valid_from)?,
                window,
                pausing,
                targets: self.agreement_targets(terms_id)?,
            };
            if let Some(record) = agreements.iter_mut().find(|record| record.id == agreement) {
                record.terms.push(terms);
            }
        }
        Ok(agreements)
    }

    fn agreement_targets(&self, terms_id: u32) -> Result<Vec<Target>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT category_id, line, response_minutes, resolution_minutes
                 FROM agreement_targets WHERE terms_id = ?1
                 ORDER BY category_id IS NOT NULL, category_id, line IS NOT NULL, line",
            )
            .context("reading an agreement's targets")?;
        let rows = statement
            .query_map([terms_id], |row| {
                Ok((
                    row.get::<_, Option<u32>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<u32>>(2)?,
                    row.get::<_, Option<u32>>(3)?,
                ))
            })
            .context("reading an agreement's targets")?;
        let mut targets = Vec::new();
        for row in rows {
            let (category_id, line, response_minutes, resolution_minutes) =
                row.context("reading an agreement's targets")?;
            let line = line
                .map(|line| vocabulary("agreement_targets.line", &line, SupportLine::from_text))
                .transpose()?;
            targets.push(Target {
                category_id,
                line,
                response_minutes,
                resolution_minutes,
            });
        }
        Ok(targets)
    }

    /// Adds an agreement with its first terms; `None` when one has that name.
    pub fn add_support_agreement(
        &mut self,
        name: &str,
        terms: &AgreementTerms,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<u32>, StoreError> {
        let tx = self.conn.transaction().context("adding an agreement")?;
        let added = tx
            .execute(
                "INSERT INTO support_agreements (name, created_at, created_by) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
                params![name, format_time(&at), actor],
            )
            .context("adding an agreement")?;
        if added == 0 {
            return Ok(None);
        }
        let id = id_of(&tx, "support_agreements.id")?;
        let after = serde_json::json!({ "name": name });
        record(
            &tx,
            &AuditEntry {
                after_json: Some(after.to_string()),
                ..entry(actor, at, "create", "support_agreement", id)
            },
        )?;
        insert_terms(&tx, id, terms, actor, at)?;
        tx.commit().context("adding an agreement")?;
        Ok(Some(id))
    }

    /// New terms for agreement `id` from `terms.valid_from` on; terms from that very moment
    /// are replaced. `false` when there is no such agreement.
    pub fn change_agreement_terms(
        &mut self,
        id: u32,
        terms: &AgreementTerms,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().context("changing an agreement")?;
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM support_agreements WHERE id = ?1)",
                [id],
                |row| row.get(0),
            )
            .context("changing an agreement")?;
        if !exists {
            return Ok(false);
        }
        let valid_from = format_time(&terms.valid_from);
        tx.execute(
            "DELETE FROM agreement_targets WHERE terms_id IN
                (SELECT id FROM agreement_terms WHERE agreement_id = ?1 AND valid_from = ?2)",
            params![id, valid_from],
        )
        .context("changing an agreement")?;
        tx.execute(
            "DELETE FROM agreement_terms WHERE agreement_id = ?1 AND valid_from = ?2",
            params![id, valid_from],
        )
        .context("changing an agreement")?;
        insert_terms(&tx, id, terms, actor, at)?;
        tx.commit().context("changing an agreement")?;
        Ok(true)
    }
}

fn insert_terms(
    tx: &Transaction<'_>,
    agreement: u32,
    terms: &AgreementTerms,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO agreement_terms (agreement_id, valid_from, window_days, opens_minute,
            closes_minute, pauses_awaiting_reporter, pauses_awaiting_supplier, created_at,
            created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            agreement,
            format_time(&terms.valid_from),
            terms.window.days.as_str(),
            terms.window.opens,
            terms.window.closes,
            terms.pauses_on(PauseReason::AwaitingReporter),
            terms.pauses_on(PauseReason::AwaitingSupplier),
            format_time(&at),
            actor
        ],
    )
    .context("writing an agreement's terms")?;
    let terms_id = id_of(tx, "agreement_terms.id")?;
    for target in &terms.targets {
        tx.execute(
            "INSERT INTO agreement_targets (terms_id, category_id, line, response_minutes,
                resolution_minutes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                terms_id,
                target.category_id,
                target.line.map(SupportLine::as_str),
                target.response_minutes,
                target.resolution_minutes
            ],
        )
        .context("writing an agreement's targets")?;
    }
    let after = serde_json::to_value(terms).unwrap_or_default();
    record(
        tx,
        &AuditEntry {
            after_json: Some(after.to_string()),
            ..entry(actor, at, "terms", "support_agreement", agreement)
        },
    )
}
