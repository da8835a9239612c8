//! Sync runs and what a finished sync does to the register, in one transaction: match each
//! vendor record to a physical unit (by the connection's earlier record, then serial, then
//! IMEI), add or update the unit, keep the history of changed fields, keep the vendor's raw
//! record and the apps it reports, and — after a full sync — mark the records the vendor no
//! longer reports.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use flotta_domain::inventory::search_text;
use flotta_domain::{
    AppsSeen, DeviceChange, RecordWarning, SyncCounts, SyncMode, SyncRun, SyncStatus, VendorDevice,
};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::audit::{AuditEntry, record};
use crate::bulk::BulkIndexes;
use crate::connection::Store;
use crate::devices::{NameCache, format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};
use crate::sources::SourceId;

/// The database id of a sync run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RunId(pub i64);

/// What a fetch brought, handed to [`Store::apply_sync`].
#[derive(Debug)]
pub struct SyncBatch<'a> {
    pub run: RunId,
    pub source: SourceId,
    pub mode: SyncMode,
    pub devices: &'a [VendorDevice],
    pub warnings: &'a [RecordWarning],
    pub pages: u32,
    pub records: u32,
    pub finished_at: DateTime<Utc>,
    pub actor: &'a str,
}

/// How a run that changed nothing ended.
#[derive(Debug, Clone, Copy)]
pub struct RunEnd<'a> {
    pub status: SyncStatus,
    /// The code the UI words the reason by, and the English detail.
    pub error_code: Option<&'a str>,
    pub error: Option<&'a str>,
    pub pages: u32,
    pub records: u32,
    pub at: DateTime<Utc>,
}

/// The fields whose changes are kept as history, in the order they are compared.
const TRACKED: [&str; 11] = [
    "imei",
    "manufacturer",
    "model",
    "os",
    "os_version",
    "ownership",
    "user_name",
    "user_email",
    "org_unit",
    "compliance",
    "jailbroken",
];

#[derive(Debug, Clone, PartialEq, Eq)]
struct Tracked([Option<String>; 11]);

impl Tracked {
    fn of(device: &VendorDevice) -> Self {
        Self([
            device.imei.as_ref().map(|i| i.as_str().to_owned()),
            device.manufacturer.clone(),
            device.model.clone(),
            Some(device.os.as_str().to_owned()),
            device.os_version.clone(),
            Some(device.ownership.as_str().to_owned()),
            device.user_name.clone(),
            device.user_email.clone(),
            device.org_unit.clone(),
            Some(device.compliance.as_str().to_owned()),
            Some(device.jailbroken.to_string()),
        ])
    }

    /// The vendor's values over the stored ones. A vendor that does not send the IMEI, model,
    /// OS version or organisation unit leaves what the register knows; user fields are taken
    /// as sent, because an empty user means the device was unassigned.
    fn merged(stored: &Self, vendor: &Self) -> Self {
        let mut merged = vendor.clone();
        for index in [0, 1, 2, 4, 8] {
            if merged.0[index].is_none() {
                merged.0[index] = stored.0[index].clone();
            }
        }
        merged
    }
}

impl Store {
    /// Records that a sync started; the run shows as running until it is applied or failed.
    pub fn begin_sync_run(
        &mut self,
        source: SourceId,
        mode: SyncMode,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<RunId, StoreError> {
        self.conn
            .execute(
                "INSERT INTO sync_runs (source_id, mode, status, actor, started_at)
                 VALUES (?1, ?2, 'running', ?3, ?4)",
                params![source.0, mode.as_str(), actor, format_time(&at)],
            )
            .context("recording the start of a sync")?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    /// Ends a run that changed nothing: failed or cancelled, with the reason.
    pub fn end_sync_run(&mut self, run: RunId, end: &RunEnd<'_>) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE sync_runs SET status = ?2, error_code = ?3, error = ?4, finished_at = ?5,
                    pages = ?6, records = ?7
                 WHERE id = ?1",
                params![
                    run.0,
                    end.status.as_str(),
                    end.error_code,
                    end.error,
                    format_time(&end.at),
                    end.pages,
                    end.records
                ],
            )
            .context("recording the end of a sync")?;
        Ok(())
    }

    /// Runs left "running" by an app that stopped mid-sync are failed: their changes were
    /// never committed.
    pub fn fail_interrupted_runs(&mut self, at: DateTime<Utc>) -> Result<usize, StoreError> {
        self.conn
            .execute(
                "UPDATE sync_runs SET status = 'failed', finished_at = ?1, error_code = 'internal',
                    error = 'Flotta stopped before the sync finished; nothing was changed.'
                 WHERE status = 'running'",
                [format_time(&at)],
            )
            .context("closing interrupted syncs")
    }

    /// Applies a fetched sync to the register in one transaction: either all of it is
    /// stored, or (on any error) none of it.
    pub fn apply_sync(&mut self, batch: &SyncBatch<'_>) -> Result<SyncCounts, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to apply a sync")?;
        let mut counts = apply(&tx, batch)?;
        counts.warnings = batch.warnings.len() as u32;
        let finished = format_time(&batch.finished_at);
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO sync_warnings (sync_run_id, vendor_id, field, problem)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .context("preparing sync warnings")?;
            for warning in batch.warnings {
                insert
                    .execute(params![
                        batch.run.0,
                        warning.vendor_id,
                        warning.field,
                        warning.problem
                    ])
                    .context("storing a sync warning")?;
            }
        }
        tx.execute(
            "UPDATE sync_runs SET status = 'succeeded', finished_at = ?2, pages = ?3,
                records = ?4, added = ?5, updated = ?6, unchanged = ?7, missing = ?8,
                returned = ?9, warnings = ?10
             WHERE id = ?1",
            params![
                batch.run.0,
                finished,
                batch.pages,
                batch.records,
                counts.added,
                counts.updated,
                counts.unchanged,
                counts.missing,
                counts.returned,
                counts.warnings
            ],
        )
        .context("recording the result of a sync")?;
        record(
            &tx,
            &AuditEntry {
                at: batch.finished_at,
                actor: batch.actor.to_owned(),
                action: "sync".into(),
                entity: "connection".into(),
                entity_id: Some(batch.source.0.to_string()),
                before_json: None,
                after_json: Some(format!(
                    r#"{{"run":{},"mode":"{}","added":{},"updated":{},"missing":{},"returned":{}}}"#,
                    batch.run.0,
                    batch.mode.as_str(),
                    counts.added,
                    counts.updated,
                    counts.missing,
                    counts.returned
                )),
            },
        )?;
        tx.commit().context("committing a sync")?;
        self.conn
            .execute_batch("PRAGMA optimize = 0x10002")
            .context("updating query statistics")?;
        Ok(counts)
    }

    /// Adds a warning to a run that has ended (a part of it that could not be done, such as
    /// reading the installed apps after the devices were stored), and moves its end to `at`.
    pub fn add_run_warning(
        &mut self,
        run: RunId,
        warning: &RecordWarning,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to add a warning")?;
        tx.execute(
            "INSERT INTO sync_warnings (sync_run_id, vendor_id, field, problem)
             VALUES (?1, ?2, ?3, ?4)",
            params![run.0, warning.vendor_id, warning.field, warning.problem],
        )
        .context("storing a sync warning")?;
        tx.execute(
            "UPDATE sync_runs SET warnings = warnings + 1, finished_at = ?2 WHERE id = ?1",
            params![run.0, format_time(&at)],
        )
        .context("recording a sync warning")?;
        tx.commit().context("committing a sync warning")
    }

    /// Moves what a large write left in the write-ahead log into the database file and empties
    /// the log, so the next start does not read hundreds of megabytes of it (the app's exit
    /// does not close the database cleanly).
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .context("checkpointing the write-ahead log")
    }

    /// Sync runs, newest first; of one connection or of all.
    pub fn sync_runs(
        &self,
        source: Option<SourceId>,
        limit: u32,
    ) -> Result<Vec<SyncRun>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT r.id, r.source_id, s.name, r.mode, r.status, r.started_at, r.finished_at,
                    r.added, r.updated, r.unchanged, r.missing, r.returned, r.warnings,
                    r.pages, r.records, r.error, r.actor, r.error_code
                 FROM sync_runs r JOIN sources s ON s.id = r.source_id
                 WHERE ?1 IS NULL OR r.source_id = ?1
                 ORDER BY r.id DESC LIMIT ?2",
            )
            .context("listing syncs")?;
        let rows = statement
            .query_map(params![source.map(|s| s.0), limit], |row| {
                Ok(RawRun {
                    id: row.get(0)?,
                    source: row.get(1)?,
                    name: row.get(2)?,
                    mode: row.get(3)?,
                    status: row.get(4)?,
                    started_at: row.get(5)?,
                    finished_at: row.get(6)?,
                    counts: SyncCounts {
                        added: row.get(7)?,
                        updated: row.get(8)?,
                        unchanged: row.get(9)?,
                        missing: row.get(10)?,
                        returned: row.get(11)?,
                        warnings: row.get(12)?,
                    },
                    pages: row.get(13)?,
                    records: row.get(14)?,
                    error: row.get(15)?,
                    actor: row.get(16)?,
                    error_code: row.get(17)?,
                })
            })
            .context("listing syncs")?;
        let mut runs = Vec::new();
        for row in rows {
            runs.push(row.context("reading a sync")?.into_run()?);
        }
        Ok(runs)
    }

    pub fn sync_warnings(&self, run: RunId) -> Result<Vec<RecordWarning>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT vendor_id, field, problem FROM sync_warnings
                 WHERE sync_run_id = ?1 ORDER BY id LIMIT 10000",
            )
            .context("listing sync warnings")?;
        let rows = statement
            .query_map([run.0], |row| {
                Ok(RecordWarning {
                    vendor_id: row.get(0)?,
                    field: row.get(1)?,
                    problem: row.get(2)?,
                })
            })
            .context("listing sync warnings")?;
        rows.collect::<Result<_, _>>()
            .context("reading sync warnings")
    }

    /// The recorded changes of one device, newest first.
    pub fn device_history(&self, device: u32) -> Result<Vec<DeviceChange>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT h.at, h.field, h.before, h.after, coalesce(s.name, h.actor)
                 FROM device_history h LEFT JOIN sources s ON s.id = h.source_id
                 WHERE h.device_id = ?1 ORDER BY h.id DESC LIMIT 1000",
            )
            .context("listing device history")?;
        let rows = statement
            .query_map([device], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .context("listing device history")?;
        let mut changes = Vec::new();
        for row in rows {
            let (at, field, before, after, source) = row.context("reading device history")?;
            changes.push(DeviceChange {
                at: parse_time("device_history.at", &at)?,
                field,
                before,
                after,
                source,
            });
        }
        Ok(changes)
    }

    /// When the connection's last successful sync of each kind started: the watermark for the
    /// next incremental sync, and whether a full one is due.
    pub fn last_successful_syncs(&self, source: SourceId) -> Result<LastSyncs, StoreError> {
        let last = |mode: Option<&str>| -> Result<Option<DateTime<Utc>>, StoreError> {
            let text: Option<String> = self
                .conn
                .query_row(
                    "SELECT max(started_at) FROM sync_runs
                     WHERE source_id = ?1 AND status = 'succeeded' AND (?2 IS NULL OR mode = ?2)",
                    params![source.0, mode],
                    |row| row.get(0),
                )
                .optional()
                .context("reading the last sync")?
                .flatten();
            text.map(|t| parse_time("sync_runs.started_at", &t))
                .transpose()
        };
        Ok(LastSyncs {
            any: last(None)?,
            full: last(Some("full"))?,
        })
    }
}

/// When a connection last synced successfully, in any mode and in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastSyncs {
    pub any: Option<DateTime<Utc>>,
    pub full: Option<DateTime<Utc>>,
}

struct RawRun {
    id: u32,
    source: u32,
    name: String,
    mode: String,
    status: String,
    started_at: String,
    finished_at: Option<String>,
    counts: SyncCounts,
    pages: u32,
    records: u32,
    error: Option<String>,
    actor: String,
    error_code: Option<String>,
}

impl RawRun {
    fn into_run(self) -> Result<SyncRun, StoreError> {
        Ok(SyncRun {
            id: self.id,
            connection_id: self.source,
            connection_name: self.name,
            mode: vocabulary("sync_runs.mode", &self.mode, SyncMode::from_text)?,
            status: vocabulary("sync_runs.status", &self.status, SyncStatus::from_text)?,
            started_at: parse_time("sync_runs.started_at", &self.started_at)?,
            finished_at: self
                .finished_at
                .map(|t| parse_time("sync_runs.finished_at", &t))
                .transpose()?,
            counts: self.counts,
            pages: self.pages,
            records: self.records,
            error_code: self.error_code,
            error: self.error,
            actor: self.actor,
        })
    }
}

/// A vendor record as stored by this sync.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoredRecord {
    pub(crate) id: i64,
    /// First seen in this sync: it has no apps stored yet.
    pub(crate) is_new: bool,
}

/// Which unit a record belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Unit {
    Stored(i64),
    /// Not in the register yet; keyed by the record that will create it.
    New(usize),
}

fn apply(tx: &Transaction<'_>, batch: &SyncBatch<'_>) -> Result<SyncCounts, StoreError> {
    let mut counts = SyncCounts::default();
    let now = format_time(&batch.finished_at);
    // 1. Match every record to a unit.
    let mut units: Vec<Option<Unit>> = Vec::with_capacity(batch.devices.len());
    let mut was_missing = vec![false; batch.devices.len()];
    let mut known_record = vec![false; batch.devices.len()];
    let mut new_by_serial: HashMap<&str, usize> = HashMap::new();
    let mut new_by_imei: HashMap<&str, usize> = HashMap::new();
    {
        let mut by_record = tx
            .prepare_cached(
                "SELECT device_id, missing_since IS NOT NULL FROM vendor_records
                 WHERE source_id = ?1 AND vendor_id = ?2",
            )
            .context("preparing to match records")?;
        let mut by_serial = tx
            .prepare_cached("SELECT id FROM devices WHERE serial = ?1 ORDER BY id LIMIT 1")
            .context("preparing to match serials")?;
        let mut by_imei = tx
            .prepare_cached("SELECT id FROM devices WHERE imei = ?1 ORDER BY id LIMIT 1")
            .context("preparing to match IMEIs")?;
        for (index, device) in batch.devices.iter().enumerate() {
            let known: Option<(i64, bool)> = by_record
                .query_row(params![batch.source.0, device.vendor_id], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })
                .optional()
                .context("matching a record")?;
            let serial = device.serial.as_ref().map(|s| s.as_str());
            let imei = device.imei.as_ref().map(|i| i.as_str());
            let stored = match known {
                Some((id, missing)) => {
                    was_missing[index] = missing;
                    known_record[index] = true;
                    Some(id)
                }
                None => {
                    let mut found = None;
                    if let Some(serial) = serial {
                        found = by_serial
                            .query_row([serial], |row| row.get(0))
                            .optional()
                            .context("matching a serial")?;
                    }
                    if found.is_none()
                        && let Some(imei) = imei
                    {
                        found = by_imei
                            .query_row([imei], |row| row.get(0))
                            .optional()
                            .context("matching an IMEI")?;
                    }
                    found
                }
            };
            let unit = match stored {
                Some(id) => Some(Unit::Stored(id)),
                None => {
                    let earlier = serial
                        .and_then(|s| new_by_serial.get(s))
                        .or_else(|| imei.and_then(|i| new_by_imei.get(i)))
                        .copied();
                    let key = earlier.unwrap_or(index);
                    if let Some(serial) = serial {
                        new_by_serial.entry(serial).or_insert(key);
                    }
                    if let Some(imei) = imei {
                        new_by_imei.entry(imei).or_insert(key);
                    }
                    Some(Unit::New(key))
                }
            };
            units.push(unit);
        }
    }
    // 2. Per unit, the record checked in most recently speaks for it (a lingering record of
    //    an earlier enrolment must not undo the new one).
    let mut speaker: HashMap<Unit, usize> = HashMap::new();
    for (index, unit) in units.iter().enumerate() {
        let Some(unit) = unit else { continue };
        speaker
            .entry(unit.clone())
            .and_modify(|current| {
                if batch.devices[index].last_check_in >= batch.devices[*current].last_check_in {
                    *current = index;
                }
            })
            .or_insert(index);
    }
    // 3. Add or update each unit.
    let first_new_id: i64 = tx
        .query_row("SELECT coalesce(max(id), 0) + 1 FROM devices", [], |row| {
            row.get(0)
        })
        .context("starting to add devices")?;
    let mut names = NameCache::default();
    let mut device_ids: HashMap<Unit, i64> = HashMap::with_capacity(speaker.len());
    let new_units = speaker
        .keys()
        .filter(|unit| matches!(unit, Unit::New(_)))
        .count();
    let rebuild = BulkIndexes::suspend_if_worth_it(tx, "devices", new_units)?;
    let mut order: Vec<(&Unit, &usize)> = speaker.iter().collect();
    order.sort_by_key(|(_, index)| **index);
    for (unit, &index) in order {
        let device = &batch.devices[index];
        let id = match unit {
            Unit::Stored(id) => {
                if update_device(tx, *id, device, batch, &mut names, &now)? {
                    counts.updated += 1;
                } else {
                    counts.unchanged += 1;
                }
                *id
            }
            Unit::New(_) => {
                let Some(id) = insert_device(tx, device, batch, &mut names, &now)? else {
                    continue;
                };
                counts.added += 1;
                id
            }
        };
        device_ids.insert(unit.clone(), id);
    }
    if let Some(rebuild) = rebuild {
        rebuild.restore(tx)?;
    }
    tx.execute(
        "INSERT INTO devices_search (rowid, search_text)
         SELECT id, search_text FROM devices WHERE id >= ?1",
        [first_new_id],
    )
    .context("indexing added devices for search")?;
    // 4. Keep every record, linked to its unit; and when it last reported its apps.
    let mut records: Vec<Option<StoredRecord>> = vec![None; batch.devices.len()];
    {
        let mut upsert = tx
            .prepare_cached(
                "INSERT INTO vendor_records (source_id, vendor_id, device_id, raw_json,
                    first_seen_at, last_seen_at, last_seen_run, apps_reported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, CASE ?7 WHEN 1 THEN ?5 END)
                 ON CONFLICT (source_id, vendor_id) DO UPDATE SET
                    device_id = excluded.device_id, raw_json = excluded.raw_json,
                    last_seen_at = excluded.last_seen_at, last_seen_run = excluded.last_seen_run,
                    missing_since = NULL,
                    apps_reported_at = CASE ?7 WHEN 0 THEN vendor_records.apps_reported_at
                        ELSE excluded.apps_reported_at END
                 RETURNING id",
            )
            .context("preparing vendor records")?;
        for (index, device) in batch.devices.iter().enumerate() {
            let Some(id) = units[index].as_ref().and_then(|unit| device_ids.get(unit)) else {
                continue;
            };
            let apps_reported = match device.apps {
                AppsSeen::NotFetched => 0,
                AppsSeen::Installed(_) => 1,
                AppsSeen::NotReported => 2,
            };
            let record: i64 = upsert
                .query_row(
                    params![
                        batch.source.0,
                        device.vendor_id,
                        id,
                        device.raw_json,
                        now,
                        batch.run.0,
                        apps_reported
                    ],
                    |row| row.get(0),
                )
                .context("storing a vendor record")?;
            records[index] = Some(StoredRecord {
                id: record,
                is_new: !known_record[index],
            });
            if was_missing[index] {
                counts.returned += 1;
            }
        }
    }
    // 5. The apps each record reports.
    crate::apps::store_installed(tx, batch.devices, &records)?;
    // 6. After a full listing, what was not seen is missing (never deleted).
    if batch.mode == SyncMode::Full {
        counts.missing = tx
            .execute(
                "UPDATE vendor_records SET missing_since = ?2
                 WHERE source_id = ?1 AND missing_since IS NULL AND last_seen_run != ?3",
                params![batch.source.0, now, batch.run.0],
            )
            .context("marking devices not seen")? as u32;
    }
    Ok(counts)
}

fn insert_device(
    tx: &Transaction<'_>,
    device: &VendorDevice,
    batch: &SyncBatch<'_>,
    names: &mut NameCache,
    now: &str,
) -> Result<Option<i64>, StoreError> {
    // The register needs a serial for a new unit; an IMEI-only record can still join a unit
    // that is already there (matched above), but does not create one.
    let Some(serial) = device.serial.as_ref() else {
        return Ok(None);
    };
    let manufacturer = device.manufacturer.as_deref().unwrap_or("Unknown");
    let model = device.model.as_deref().unwrap_or("Unknown");
    let model_id = names.model_id(tx, manufacturer, model)?;
    let org_unit_id = match &device.org_unit {
        Some(name) => Some(names.org_unit_id(tx, name)?),
        None => None,
    };
    let search = search_text(&[
        Some(serial.as_str()),
        device.imei.as_ref().map(|imei| imei.as_str()),
        device.user_name.as_deref(),
        device.user_email.as_deref(),
        Some(model),
    ]);
    tx.prepare_cached(
        "INSERT INTO devices (source_id, vendor_device_id, serial, imei, model_id, os,
            os_version, ownership, user_name, user_email, org_unit_id, enrolled_at,
            last_check_in, compliance, jailbroken, encrypted, lifecycle, search_text,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
            'deployed', ?17, ?18, ?18)",
    )
    .context("preparing to add devices")?
    .execute(params![
        batch.source.0,
        device.vendor_id,
        serial.as_str(),
        device.imei.as_ref().map(|imei| imei.as_str()),
        model_id,
        device.os.as_str(),
        device.os_version.as_deref().unwrap_or_default(),
        device.ownership.as_str(),
        device.user_name,
        device.user_email,
        org_unit_id,
        device.enrolled_at.map(|t| format_time(&t)),
        device.last_check_in.map(|t| format_time(&t)),
        device.compliance.as_str(),
        device.jailbroken,
        device.encrypted,
        search,
        now,
    ])
    .context("adding a device")?;
    Ok(Some(tx.last_insert_rowid()))
}

/// Updates a stored unit from a vendor record; returns whether a tracked field changed.
fn update_device(
    tx: &Transaction<'_>,
    id: i64,
    device: &VendorDevice,
    batch: &SyncBatch<'_>,
    names: &mut NameCache,
    now: &str,
) -> Result<bool, StoreError> {
    let (stored, serial): (Tracked, String) = tx
        .prepare_cached(
            "SELECT d.imei, m.manufacturer, m.name, d.os, d.os_version, d.ownership, d.user_name,
                d.user_email, o.name, d.compliance, d.jailbroken, d.serial
             FROM devices d JOIN device_models m ON m.id = d.model_id
             LEFT JOIN org_units o ON o.id = d.org_unit_id WHERE d.id = ?1",
        )
        .context("preparing to read a device")?
        .query_row([id], |row| {
            Ok((
                Tracked([
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                    row.get(7)?,
                    row.get(8)?,
                    row.get(9)?,
                    Some(row.get::<_, bool>(10)?.to_string()),
                ]),
                row.get(11)?,
            ))
        })
        .context("reading a device")?;
    let next = Tracked::merged(&stored, &Tracked::of(device));
    let changed = stored != next;
    if changed {
        let mut history = tx
            .prepare_cached(
                "INSERT INTO device_history (device_id, at, field, before, after, source_id,
                    sync_run_id, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .context("preparing device history")?;
        for (field, (before, after)) in TRACKED.iter().zip(stored.0.iter().zip(next.0.iter())) {
            if before != after {
                history
                    .execute(params![
                        id,
                        now,
                        field,
                        before,
                        after,
                        batch.source.0,
                        batch.run.0,
                        batch.actor
                    ])
                    .context("recording a device change")?;
            }
        }
        let [
            imei,
            manufacturer,
            model,
            os,
            os_version,
            ownership,
            user_name,
            user_email,
            org_unit,
            compliance,
            _,
        ] = &next.0;
        let model_id = names.model_id(
            tx,
            manufacturer.as_deref().unwrap_or("Unknown"),
            model.as_deref().unwrap_or("Unknown"),
        )?;
        let org_unit_id = match org_unit {
            Some(name) => Some(names.org_unit_id(tx, name)?),
            None => None,
        };
        let search = search_text(&[
            Some(&serial),
            imei.as_deref(),
            user_name.as_deref(),
            user_email.as_deref(),
            model.as_deref(),
        ]);
        tx.prepare_cached(
            "UPDATE devices SET imei = ?2, model_id = ?3, os = ?4, os_version = ?5,
                ownership = ?6, user_name = ?7, user_email = ?8, org_unit_id = ?9,
                compliance = ?10, jailbroken = ?11, search_text = ?12, updated_at = ?13
             WHERE id = ?1",
        )
        .context("preparing to update devices")?
        .execute(params![
            id,
            imei,
            model_id,
            os,
            os_version.as_deref().unwrap_or_default(),
            ownership,
            user_name,
            user_email,
            org_unit_id,
            compliance,
            device.jailbroken,
            search,
            now
        ])
        .context("updating a device")?;
    }
    // Check-in and encryption change with every sync and are not history; they are kept
    // current only.
    tx.prepare_cached(
        "UPDATE devices SET last_check_in = coalesce(?2, last_check_in),
            enrolled_at = coalesce(?3, enrolled_at), encrypted = ?4
         WHERE id = ?1 AND (last_check_in IS NOT ?2 OR encrypted IS NOT ?4)",
    )
    .context("preparing to update check-ins")?
    .execute(params![
        id,
        device.last_check_in.map(|t| format_time(&t)),
        device.enrolled_at.map(|t| format_time(&t)),
        device.encrypted
    ])
    .context("updating a check-in")?;
    Ok(changed)
}
