//! The `settings` table: user preferences as JSON values under stable keys.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::audit::{AuditEntry, record};
use crate::closures::Schedule;
use crate::connection::Store;
use crate::error::{Context, StoreError};

impl Store {
    /// The JSON stored under `key`, if any. Interpreting it is the caller's business, so a
    /// value written by another version can fall back to a default there.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT value_json FROM settings WHERE key = ?1",
                [key],
                |row| row.get(0),
            )
            .optional()
            .context("reading a setting")
    }

    /// Stores `value_json` under `key` and records the change; an unchanged value writes nothing.
    pub fn set_setting(
        &mut self,
        key: &str,
        value_json: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.save_setting(key, value_json, actor, at, None)
    }

    /// [`Store::set_setting`] for a setting the SLA clocks follow: the open repair cases are
    /// rescheduled with `schedule`, which sees the new value, in the same transaction.
    pub fn set_setting_rescheduling(
        &mut self,
        key: &str,
        value_json: &str,
        actor: &str,
        at: DateTime<Utc>,
        schedule: Schedule<'_>,
    ) -> Result<(), StoreError> {
        self.save_setting(key, value_json, actor, at, Some(schedule))
    }

    fn save_setting(
        &mut self,
        key: &str,
        value_json: &str,
        actor: &str,
        at: DateTime<Utc>,
        schedule: Option<Schedule<'_>>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to save a setting")?;
        let before: Option<String> = tx
            .query_row(
                "SELECT value_json FROM settings WHERE key = ?1",
                [key],
                |row| row.get(0),
            )
            .optional()
            .context("reading a setting")?;
        if before.as_deref() == Some(value_json) {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO settings (key, value_json) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json",
            params![key, value_json],
        )
        .context("saving a setting")?;
        if let Some(schedule) = schedule {
            Self::reschedule_in(&tx, schedule)?;
        }
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "update".into(),
                entity: "setting".into(),
                entity_id: Some(key.to_owned()),
                before_json: before,
                after_json: Some(value_json.to_owned()),
            },
        )?;
        tx.commit().context("committing a setting")
    }
}
