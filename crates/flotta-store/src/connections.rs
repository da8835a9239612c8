//! Sources that are EMM connections: their settings (never secrets), and closing them.

use chrono::{DateTime, Utc};
use flotta_domain::SourceKind;
use rusqlite::{OptionalExtension, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};
use crate::sources::SourceId;

/// A connection as stored: the settings are the caller's JSON, opaque to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredConnection {
    pub id: SourceId,
    pub kind: SourceKind,
    pub name: String,
    pub settings_json: String,
    pub demo: bool,
    pub closed_at: Option<DateTime<Utc>>,
    /// Devices whose record from this connection is not missing.
    pub device_count: u32,
}

impl Store {
    pub fn create_connection(
        &mut self,
        kind: SourceKind,
        name: &str,
        settings_json: &str,
        demo: bool,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<SourceId, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to add a connection")?;
        tx.execute(
            "INSERT INTO sources (kind, name, created_at, settings_json, demo)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![kind.as_str(), name, format_time(&at), settings_json, demo],
        )
        .context("adding a connection")?;
        let id = SourceId(tx.last_insert_rowid());
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "create".into(),
                entity: "connection".into(),
                entity_id: Some(id.0.to_string()),
                before_json: None,
                after_json: Some(settings_json.to_owned()),
            },
        )?;
        tx.commit().context("committing a new connection")?;
        Ok(id)
    }

    pub fn update_connection(
        &mut self,
        id: SourceId,
        name: &str,
        settings_json: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to change a connection")?;
        let before: Option<String> = tx
            .query_row(
                "SELECT settings_json FROM sources WHERE id = ?1 AND settings_json IS NOT NULL",
                [id.0],
                |row| row.get(0),
            )
            .optional()
            .context("reading a connection")?;
        let Some(before) = before else {
            return Err(StoreError::Corrupt {
                what: format!("connection {}", id.0),
                detail: "no such connection".into(),
            });
        };
        tx.execute(
            "UPDATE sources SET name = ?2, settings_json = ?3 WHERE id = ?1",
            params![id.0, name, settings_json],
        )
        .context("changing a connection")?;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "update".into(),
                entity: "connection".into(),
                entity_id: Some(id.0.to_string()),
                before_json: Some(before),
                after_json: Some(settings_json.to_owned()),
            },
        )?;
        tx.commit().context("committing a changed connection")
    }

    /// Points a connection elsewhere without an audit entry: for changes the app makes by
    /// itself (the demo tenant's port at every start), not for a user's edits.
    pub fn set_connection_settings(
        &mut self,
        id: SourceId,
        name: &str,
        settings_json: &str,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE sources SET name = ?2, settings_json = ?3 WHERE id = ?1",
                params![id.0, name, settings_json],
            )
            .context("updating a connection")?;
        Ok(())
    }

    /// Closes a connection: it stops syncing, and its devices stay in the register.
    pub fn close_connection(
        &mut self,
        id: SourceId,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to remove a connection")?;
        tx.execute(
            "UPDATE sources SET closed_at = ?2 WHERE id = ?1 AND closed_at IS NULL",
            params![id.0, format_time(&at)],
        )
        .context("removing a connection")?;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "close".into(),
                entity: "connection".into(),
                entity_id: Some(id.0.to_string()),
                before_json: Some(r#"{"closed":false}"#.into()),
                after_json: Some(r#"{"closed":true}"#.into()),
            },
        )?;
        tx.commit().context("committing a removed connection")
    }

    /// Every connection, open ones first, in the order they were added.
    pub fn connections(&self) -> Result<Vec<StoredConnection>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.kind, s.name, s.settings_json, s.demo, s.closed_at,
                    (SELECT count(DISTINCT device_id) FROM vendor_records v
                     WHERE v.source_id = s.id AND v.missing_since IS NULL)
                 FROM sources s WHERE s.settings_json IS NOT NULL
                 ORDER BY s.closed_at IS NOT NULL, s.id",
            )
            .context("listing connections")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, bool>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, u32>(6)?,
                ))
            })
            .context("listing connections")?;
        let mut connections = Vec::new();
        for row in rows {
            let (id, kind, name, settings_json, demo, closed_at, device_count) =
                row.context("reading a connection")?;
            connections.push(StoredConnection {
                id: SourceId(id),
                kind: vocabulary("sources.kind", &kind, SourceKind::from_text)?,
                name,
                settings_json,
                demo,
                closed_at: closed_at
                    .map(|t| parse_time("sources.closed_at", &t))
                    .transpose()?,
                device_count,
            });
        }
        Ok(connections)
    }
}
