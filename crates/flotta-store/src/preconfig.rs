//! Pre-configuration: the checklist template, the deliveries (imports of delivery files) whose
//! units it is ticked for, and the ticks, append-only.

use chrono::{DateTime, Utc};
use flotta_domain::{Lifecycle, PreconfigStep, Tick};
use rusqlite::{OptionalExtension, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// One delivery: the units of one imported delivery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: u32,
    pub file_name: String,
    pub supplier: String,
    pub imported_at: DateTime<Utc>,
    pub units: u32,
}

/// A bought unit as the checklist needs it, with its ticks and its synced unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreconfigUnitRow {
    pub purchase_id: u32,
    pub delivery_id: Option<u32>,
    pub supplier: String,
    pub manufacturer: String,
    pub model: String,
    pub serial: Option<String>,
    pub imei: Option<String>,
    /// The unit a sync reported (by serial, then IMEI): when Flotta first saw it, and its
    /// lifecycle state now.
    pub enrolled: Option<(DateTime<Utc>, Lifecycle)>,
    /// Oldest first.
    pub ticks: Vec<Tick>,
}

/// Which units a tick is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickTarget {
    Unit(u32),
    Delivery(u32),
}

impl Store {
    /// The checklist's steps in use, in the order they were added.
    pub fn preconfig_steps(&self) -> Result<Vec<PreconfigStep>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT id, title, done_by_enrolment FROM preconfig_steps
                 WHERE retired_at IS NULL ORDER BY id",
            )
            .context("reading the pre-configuration checklist")?;
        let rows = statement
            .query_map([], |row| {
                Ok(PreconfigStep {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    done_by_enrolment: row.get(2)?,
                })
            })
            .context("reading the pre-configuration checklist")?;
        rows.collect::<Result<_, _>>()
            .context("reading the pre-configuration checklist")
    }

    /// Adds a step at the end of the checklist.
    pub fn add_preconfig_step(
        &mut self,
        title: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<PreconfigStep, StoreError> {
        let tx = self.conn.transaction().context("adding a checklist step")?;
        tx.execute(
            "INSERT INTO preconfig_steps (title, done_by_enrolment, created_at) VALUES (?1, 0, ?2)",
            params![title, format_time(&at)],
        )
        .context("adding a checklist step")?;
        let id = tx.last_insert_rowid() as u32;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "add_step".into(),
                entity: "preconfig_template".into(),
                entity_id: Some(id.to_string()),
                before_json: None,
                after_json: Some(serde_json::json!({ "title": title }).to_string()),
            },
        )?;
        tx.commit().context("adding a checklist step")?;
        Ok(PreconfigStep {
            id,
            title: title.to_owned(),
            done_by_enrolment: false,
        })
    }

    /// Takes a step out of the checklist; its ticks stay. `false` when no step in use has
    /// that id.
    pub fn retire_preconfig_step(
        &mut self,
        id: u32,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("retiring a checklist step")?;
        let title: Option<String> = tx
            .query_row(
                "UPDATE preconfig_steps SET retired_at = ?2 WHERE id = ?1 AND retired_at IS NULL
                 RETURNING title",
                params![id, format_time(&at)],
                |row| row.get(0),
            )
            .optional()
            .context("retiring a checklist step")?;
        let Some(title) = title else {
            return Ok(false);
        };
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "retire_step".into(),
                entity: "preconfig_template".into(),
                entity_id: Some(id.to_string()),
                before_json: Some(serde_json::json!({ "title": title }).to_string()),
                after_json: None,
            },
        )?;
        tx.commit().context("retiring a checklist step")?;
        Ok(true)
    }

    /// Every delivery, newest first.
    pub fn deliveries(&self) -> Result<Vec<Delivery>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT i.id, i.file_name, min(p.supplier), i.at, count(p.id)
                 FROM purchase_imports i JOIN purchases p ON p.import_id = i.id
                 GROUP BY i.id ORDER BY i.id DESC",
            )
            .context("listing deliveries")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get::<_, String>(3)?,
                    row.get(4)?,
                ))
            })
            .context("listing deliveries")?;
        let mut found = Vec::new();
        for row in rows {
            let (id, file_name, supplier, at, units) = row.context("listing deliveries")?;
            found.push(Delivery {
                id,
                file_name,
                supplier,
                imported_at: parse_time("purchase_imports.at", &at)?,
                units,
            });
        }
        Ok(found)
    }

    /// The units of one delivery (or of every purchase), in the order of the delivery file,
    /// at most `limit`, with how many there are in all.
    pub fn preconfig_units(
        &self,
        delivery: Option<u32>,
        limit: u32,
    ) -> Result<(u32, Vec<PreconfigUnitRow>), StoreError> {
        let total: u32 = self
            .conn
            .query_row(
                "SELECT count(*) FROM purchases WHERE ?1 IS NULL OR import_id = ?1",
                [delivery],
                |row| row.get(0),
            )
            .context("counting delivered units")?;
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT p.id, p.import_id, p.supplier, p.manufacturer, p.model, p.serial, p.imei,
                    d.created_at, d.lifecycle
                 FROM purchases p LEFT JOIN devices d ON d.id = coalesce(
                    (SELECT id FROM devices WHERE serial = p.serial),
                    (SELECT id FROM devices WHERE imei = p.imei))
                 WHERE ?1 IS NULL OR p.import_id = ?1
                 ORDER BY p.import_id DESC, p.file_line, p.id
                 LIMIT ?2",
            )
            .context("listing delivered units")?;
        let rows = statement
            .query_map(params![delivery, limit], |row| {
                Ok((
                    PreconfigUnitRow {
                        purchase_id: row.get(0)?,
                        delivery_id: row.get(1)?,
                        supplier: row.get(2)?,
                        manufacturer: row.get(3)?,
                        model: row.get(4)?,
                        serial: row.get(5)?,
                        imei: row.get(6)?,
                        enrolled: None,
                        ticks: Vec::new(),
                    },
                    row.get::<_, Option<String>>(7)?,
                    row.get::<_, Option<String>>(8)?,
                ))
            })
            .context("listing delivered units")?;
        let mut units = Vec::new();
        let mut index = std::collections::HashMap::new();
        for row in rows {
            let (mut unit, seen, lifecycle) = row.context("listing delivered units")?;
            if let (Some(seen), Some(lifecycle)) = (seen, lifecycle) {
                unit.enrolled = Some((
                    parse_time("devices.created_at", &seen)?,
                    vocabulary("devices.lifecycle", &lifecycle, Lifecycle::from_text)?,
                ));
            }
            index.insert(unit.purchase_id, units.len());
            units.push(unit);
        }

        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT t.purchase_id, t.step_id, t.done, t.at, t.actor FROM preconfig_ticks t
                 WHERE t.purchase_id IN
                    (SELECT id FROM purchases WHERE ?1 IS NULL OR import_id = ?1)
                 ORDER BY t.id",
            )
            .context("reading checklist ticks")?;
        let rows = statement
            .query_map([delivery], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get::<_, String>(3)?,
                    row.get(4)?,
                ))
            })
            .context("reading checklist ticks")?;
        for row in rows {
            let (purchase_id, step_id, done, at, actor) = row.context("reading checklist ticks")?;
            if let Some(&position) = index.get(&purchase_id) {
                units[position].ticks.push(Tick {
                    step_id,
                    done,
                    at: parse_time("preconfig_ticks.at", &at)?,
                    actor,
                });
            }
        }
        Ok((total, units))
    }

    /// Ticks (or unticks) `step` for the target's units whose latest tick says otherwise —
    /// leaving the enrolment step of units a sync has reported, which their check-in did —
    /// with an audit entry per unit; returns how many changed.
    pub fn tick_preconfig(
        &mut self,
        target: TickTarget,
        step: &PreconfigStep,
        done: bool,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let (unit, delivery) = match target {
            TickTarget::Unit(id) => (Some(id), None),
            TickTarget::Delivery(id) => (None, Some(id)),
        };
        let tx = self.conn.transaction().context("ticking a checklist")?;
        let changed: Vec<(u32, Option<String>)> = {
            let mut statement = tx
                .prepare(
                    "INSERT INTO preconfig_ticks (purchase_id, step_id, done, at, actor)
                     SELECT p.id, ?3, ?4, ?5, ?6 FROM purchases p
                     WHERE (p.id = ?1 OR p.import_id = ?2)
                       -- The enrolment step of an enrolled unit is done by its check-in.
                       AND NOT (?7 AND (EXISTS (SELECT 1 FROM devices d WHERE d.serial = p.serial)
                            OR EXISTS (SELECT 1 FROM devices d WHERE d.imei = p.imei)))
                       AND coalesce((SELECT t.done FROM preconfig_ticks t
                            WHERE t.purchase_id = p.id AND t.step_id = ?3
                            ORDER BY t.id DESC LIMIT 1), 0) != ?4
                     RETURNING purchase_id,
                        (SELECT coalesce(serial, imei) FROM purchases WHERE id = purchase_id)",
                )
                .context("ticking a checklist")?;
            let rows = statement
                .query_map(
                    params![
                        unit,
                        delivery,
                        step.id,
                        done,
                        format_time(&at),
                        actor,
                        step.done_by_enrolment
                    ],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .context("ticking a checklist")?;
            rows.collect::<Result<_, _>>()
                .context("ticking a checklist")?
        };
        for (purchase_id, unit) in &changed {
            let state = |done: bool| {
                Some(serde_json::json!({ "step": step.title, "done": done }).to_string())
            };
            record(
                &tx,
                &AuditEntry {
                    at,
                    actor: actor.to_owned(),
                    action: "preconfig".into(),
                    entity: "purchase".into(),
                    entity_id: Some(unit.clone().unwrap_or_else(|| purchase_id.to_string())),
                    before_json: state(!done),
                    after_json: state(done),
                },
            )?;
        }
        tx.commit().context("ticking a checklist")?;
        Ok(changed.len() as u32)
    }
}
