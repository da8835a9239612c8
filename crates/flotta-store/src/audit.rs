//! The audit log: who changed what, when, from which value to which.

use chrono::{DateTime, Utc};
use flotta_domain::{AuditFilter, AuditRecord};
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
    /// Audit entries matching `filter`, newest first, at most `limit`.
    pub fn search_audit(
        &self,
        filter: &AuditFilter,
        limit: u32,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT id, at, actor, action, entity, entity_id, before_json, after_json
                 FROM audit_log
                 WHERE (?1 IS NULL OR actor = ?1)
                   AND (?2 IS NULL OR entity = ?2)
                   AND (?3 IS NULL OR entity_id = ?3)
                   AND (?4 IS NULL OR instr(lower(action || ' ' || coalesce(before_json, '')
                        || ' ' || coalesce(after_json, '')), lower(?4)) > 0)
                   AND (?5 IS NULL OR at >= ?5)
                   AND (?6 IS NULL OR at < ?6)
                 ORDER BY id DESC LIMIT ?7",
            )
            .context("searching the audit log")?;
        let rows = statement
            .query_map(
                params![
                    filter.actor,
                    filter.entity,
                    filter.entity_id,
                    filter.text.as_deref().filter(|text| !text.is_empty()),
                    filter.from.as_ref().map(crate::devices::format_time),
                    filter.until.as_ref().map(crate::devices::format_time),
                    limit
                ],
                |row| {
                    Ok((
                        row.get::<_, u32>(0)?,
                        row.get::<_, String>(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        row.get(7)?,
                    ))
                },
            )
            .context("searching the audit log")?;
        let mut found = Vec::new();
        for row in rows {
            let (id, at, actor, action, entity, entity_id, before, after) =
                row.context("searching the audit log")?;
            found.push(AuditRecord {
                id,
                at: crate::devices::parse_time("audit_log.at", &at)?,
                actor,
                action,
                entity,
                entity_id,
                before,
                after,
            });
        }
        Ok(found)
    }

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
