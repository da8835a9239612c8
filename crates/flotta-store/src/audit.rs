//! The audit log: who changed what, when, from which value to which.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::connection::Store;
use crate::error::{Context, StoreError};

/// One recorded change. `before_json`/`after_json` hold the changed value as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

/// Appends an entry inside the caller's transaction, so the change and its record commit
/// together or not at all.
pub(crate) fn record(conn: &Connection, entry: &AuditEntry) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            crate::devices::format_time(&entry.at),
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
        ],
    )
    .context("writing the audit log")?;
    Ok(())
}

impl Store {
    /// The most recent audit entries, newest first.
    pub fn audit_entries(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT at, actor, action, entity, entity_id, before_json, after_json
                 FROM audit_log ORDER BY id DESC LIMIT ?1",
            )
            .context("reading the audit log")?;
        let rows = statement
            .query_map([limit], |row| {
                let at: String = row.get(0)?;
                Ok((
                    at,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ))
            })
            .context("reading the audit log")?;
        let mut entries = Vec::new();
        for row in rows {
            let (at, actor, action, entity, entity_id, before_json, after_json) =
                row.context("reading the audit log")?;
            entries.push(AuditEntry {
                at: crate::devices::parse_time("audit_log.at", &at)?,
                actor,
                action,
                entity,
                entity_id,
                before_json,
                after_json,
            });
        }
        Ok(entries)
    }
}
