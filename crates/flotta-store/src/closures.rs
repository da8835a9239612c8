//! The organisation's own closure days, which the working-day calendar adds to Sweden's.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::format_time;
use crate::error::{Context, StoreError};
use crate::repairs::RepairCaseRecord;

/// One closure day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureDay {
    pub day: NaiveDate,
    pub name: String,
}

/// How open cases are due once the closure days changed.
pub type Schedule<'a> = &'a dyn Fn(&RepairCaseRecord) -> Option<DateTime<Utc>>;

impl Store {
    pub fn closure_days(&self) -> Result<Vec<ClosureDay>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT day, name FROM closure_days ORDER BY day")
            .context("reading the closure days")?;
        let rows = statement
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))
            .context("reading the closure days")?;
        let mut days = Vec::new();
        for row in rows {
            let (day, name) = row.context("reading the closure days")?;
            let day = day.parse().map_err(|_| StoreError::Corrupt {
                what: "closure_days.day".into(),
                detail: format!("{day:?} is not a date"),
            })?;
            days.push(ClosureDay { day, name });
        }
        Ok(days)
    }

    /// Adds (or renames) a closure day and reschedules the open cases with `schedule`, which
    /// sees the new set; `false` when the day was already there under that name.
    pub fn add_closure_day(
        &mut self,
        day: &ClosureDay,
        actor: &str,
        at: DateTime<Utc>,
        schedule: Schedule<'_>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().context("adding a closure day")?;
        let key = day.day.format("%Y-%m-%d").to_string();
        let changed = tx
            .execute(
                "INSERT INTO closure_days (day, name, added_at, added_by) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (day) DO UPDATE SET name = excluded.name WHERE name != excluded.name",
                params![key, day.name, format_time(&at), actor],
            )
            .context("adding a closure day")?;
        if changed == 0 {
            return Ok(false);
        }
        Self::reschedule_in(&tx, schedule)?;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "create".into(),
                entity: "closure_day".into(),
                entity_id: Some(key),
                before_json: None,
                after_json: Some(serde_json::json!({ "name": day.name }).to_string()),
            },
        )?;
        tx.commit().context("adding a closure day")?;
        Ok(true)
    }

    /// Removes a closure day and reschedules the open cases; `false` when there was none.
    pub fn remove_closure_day(
        &mut self,
        day: NaiveDate,
        actor: &str,
        at: DateTime<Utc>,
        schedule: Schedule<'_>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().context("removing a closure day")?;
        let key = day.format("%Y-%m-%d").to_string();
        let name: Option<String> = tx
            .query_row(
                "DELETE FROM closure_days WHERE day = ?1 RETURNING name",
                [&key],
                |row| row.get(0),
            )
            .map(Some)
            .or_else(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })
            .context("removing a closure day")?;
        let Some(name) = name else {
            return Ok(false);
        };
        Self::reschedule_in(&tx, schedule)?;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "delete".into(),
                entity: "closure_day".into(),
                entity_id: Some(key),
                before_json: Some(serde_json::json!({ "name": name }).to_string()),
                after_json: None,
            },
        )?;
        tx.commit().context("removing a closure day")?;
        Ok(true)
    }
}
