//! The `sources` table: the systems device records come from.

use chrono::{DateTime, Utc};
use flotta_domain::SourceKind;
use rusqlite::{OptionalExtension, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::error::{Context, StoreError};

/// The database id of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceId(pub i64);

impl Store {
    /// Adds a source and records who added it.
    pub fn create_source(
        &mut self,
        kind: SourceKind,
        name: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<SourceId, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to add a source")?;
        tx.execute(
            "INSERT INTO sources (kind, name, created_at) VALUES (?1, ?2, ?3)",
            params![kind.as_str(), name, crate::devices::format_time(&at)],
        )
        .context("adding a source")?;
        let id = SourceId(tx.last_insert_rowid());
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "create".into(),
                entity: "source".into(),
                entity_id: Some(id.0.to_string()),
                before_json: None,
                after_json: Some(format!(
                    r#"{{"kind":"{}","name":{:?}}}"#,
                    kind.as_str(),
                    name
                )),
            },
        )?;
        tx.commit().context("committing a new source")?;
        Ok(id)
    }

    /// The first source of `kind` that has not been closed, if any.
    pub fn open_source(&self, kind: SourceKind) -> Result<Option<SourceId>, StoreError> {
        self.conn
            .query_row(
                "SELECT id FROM sources WHERE kind = ?1 AND closed_at IS NULL ORDER BY id LIMIT 1",
                [kind.as_str()],
                |row| row.get(0).map(SourceId),
            )
            .optional()
            .context("looking up a source")
    }
}
