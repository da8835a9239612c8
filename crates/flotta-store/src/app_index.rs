//! What the app question reads of the register, kept in memory for as long as the register
//! stays as it was: each active record's unit, connection, organisation unit, OS, ownership
//! and whether its app list is complete, and (filled as apps are asked for) the records each
//! app is installed on. A search or a spread then reads only the apps table; without it each
//! spread read every record's wide row again (54–83 ms of 50,000) and a broad search a
//! million index entries.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::connection::Store;
use crate::error::{Context, StoreError};

/// A state of the register as one connection sees it: another connection's commit moves
/// `data_version`, this connection's own writes `total_changes` (its temporary tables'
/// too, so a cache built before a search's fill is built again after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RegisterState {
    pub(crate) data_version: i64,
    pub(crate) total_changes: u64,
}

impl Store {
    pub(crate) fn register_state(&self) -> Result<RegisterState, StoreError> {
        let data_version = self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .context("reading the data version")?;
        Ok(RegisterState {
            data_version,
            total_changes: self.conn.total_changes(),
        })
    }

    /// Runs `read` on the app index of the register as it is now, built (or rebuilt after a
    /// change) first.
    pub(crate) fn with_app_index<T>(
        &self,
        read: impl FnOnce(&mut AppIndex, &Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let state = self.register_state()?;
        let mut index = self
            .app_index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let index = match &mut *index {
            Some(index) if index.state == state => index,
            stale => stale.insert(AppIndex::build(&self.conn, state)?),
        };
        read(index, &self.conn)
    }
}

/// An active record as the app question counts it; names are positions in [`AppIndex::names`].
#[derive(Debug)]
pub(crate) struct IndexedRecord {
    pub(crate) device: u32,
    pub(crate) connection: u32,
    pub(crate) org_unit: Option<u32>,
    pub(crate) os: u32,
    pub(crate) ownership: u32,
    /// The connection reported the record's complete app list.
    pub(crate) listed: bool,
}

#[derive(Debug)]
pub(crate) struct AppIndex {
    state: RegisterState,
    /// Record id → its position in `records` plus one; 0 for a missing or unknown record.
    positions: Vec<u32>,
    pub(crate) records: Vec<IndexedRecord>,
    /// Connection, organisation unit, OS and ownership texts, each once.
    pub(crate) names: Vec<String>,
    /// One more than the highest unit id of an active record.
    pub(crate) units: usize,
    /// App id → the positions of the active records it is installed on, read when first
    /// asked for.
    installs: HashMap<i64, Vec<u32>>,
}

impl AppIndex {
    fn build(conn: &Connection, state: RegisterState) -> Result<Self, StoreError> {
        const READING: &str = "reading the records for the app question";
        let mut names: Vec<String> = Vec::new();
        // Connections and organisation units by id, OS and ownership by their text: each
        // looked up, not allocated, per record.
        let mut by_id: HashMap<(u8, i64), u32> = HashMap::new();
        let mut by_text: HashMap<String, u32> = HashMap::new();
        let intern = |names: &mut Vec<String>, text: &str| -> u32 {
            names.push(text.to_owned());
            u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
        };
        for (table, kind) in [("sources", 0u8), ("org_units", 1)] {
            let mut statement = conn
                .prepare_cached(&format!("SELECT id, name FROM {table}"))
                .context("preparing to read the records for the app question")?;
            let mut rows = statement.query([]).context(READING)?;
            while let Some(row) = rows.next().context(READING)? {
                let name: String = row.get(1).context(READING)?;
                let position = intern(&mut names, &name);
                by_id.insert((kind, row.get(0).context(READING)?), position);
            }
        }
        let mut statement = conn
            .prepare_cached(
                "SELECT v.id, v.device_id, v.source_id, d.org_unit_id, d.os, d.ownership,
                        v.apps_reported_at IS NOT NULL
                 FROM vendor_records v
                 JOIN devices d ON d.id = v.device_id
                 WHERE v.missing_since IS NULL",
            )
            .context("preparing to read the records for the app question")?;
        let mut rows = statement.query([]).context(READING)?;
        let mut positions: Vec<u32> = Vec::new();
        let mut records = Vec::new();
        let mut units = 0;
        while let Some(row) = rows.next().context(READING)? {
            let mut text = |index| -> Result<u32, StoreError> {
                let text = row
                    .get_ref(index)
                    .and_then(|value| Ok(value.as_str()?))
                    .context(READING)?;
                Ok(match by_text.get(text) {
                    Some(position) => *position,
                    None => {
                        let position = intern(&mut names, text);
                        by_text.insert(text.to_owned(), position);
                        position
                    }
                })
            };
            let os = text(4)?;
            let ownership = text(5)?;
            let id = row.get::<_, u32>(0).context(READING)? as usize;
            let device: u32 = row.get(1).context(READING)?;
            let source: i64 = row.get(2).context(READING)?;
            let org_unit: Option<i64> = row.get(3).context(READING)?;
            let record = IndexedRecord {
                device,
                connection: by_id.get(&(0, source)).copied().unwrap_or(u32::MAX),
                org_unit: org_unit.and_then(|unit| by_id.get(&(1, unit)).copied()),
                os,
                ownership,
                listed: row.get(6).context(READING)?,
            };
            if positions.len() <= id {
                positions.resize(id + 1, 0);
            }
            records.push(record);
            positions[id] = u32::try_from(records.len()).unwrap_or(0);
            units = units.max(device as usize + 1);
        }
        Ok(Self {
            state,
            positions,
            records,
            names,
            units,
            installs: HashMap::new(),
        })
    }

    /// Reads the installs of the apps `ids` not read yet, for [`Self::installs`].
    pub(crate) fn read_installs(
        &mut self,
        conn: &Connection,
        ids: &[i64],
    ) -> Result<(), StoreError> {
        for &id in ids {
            if self.installs.contains_key(&id) {
                continue;
            }
            // Read from the covering index on `app_id`: joining each install to its record
            // would read the records' wide rows.
            let mut statement = conn
                .prepare_cached("SELECT vendor_record_id FROM installed_apps WHERE app_id = ?1")
                .context("preparing to read an app's installs")?;
            let mut rows = statement.query([id]).context("reading an app's installs")?;
            let mut found = Vec::new();
            while let Some(row) = rows.next().context("reading an app's installs")? {
                let record = row.get::<_, u32>(0).context("reading an app's installs")? as usize;
                if let Some(&position) = self.positions.get(record).filter(|p| **p > 0) {
                    found.push(position - 1);
                }
            }
            self.installs.insert(id, found);
        }
        Ok(())
    }

    /// The positions in `records` of the active records on which the app `id` is installed;
    /// none unless [`Self::read_installs`] read them.
    pub(crate) fn installs(&self, id: i64) -> &[u32] {
        self.installs.get(&id).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn name(&self, position: u32) -> &str {
        self.names.get(position as usize).map_or("", String::as_str)
    }
}
