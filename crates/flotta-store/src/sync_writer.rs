//! Writing a sync into the register page by page as the pages arrive, inside one transaction
//! that commits only when the whole listing is in: the fetch of later pages overlaps the
//! writing of earlier ones, yet a sync that fails or is cancelled leaves nothing behind.
//!
//! Each vendor record is matched to a physical unit (by the connection's earlier record, then
//! serial, then IMEI; a record with neither is a unit of its own until one appears); the unit
//! is added or updated, changed fields go to its history, the
//! vendor's raw record and its apps are kept; after a full listing, the records the vendor no
//! longer reports are marked missing (never deleted).
//!
//! Of the records that describe one unit, the one that checked in most recently speaks for
//! it: within a page by comparing the page's records, across pages and syncs by comparing
//! with the check-in the register already holds. So a lingering record of an earlier
//! enrolment, or a connection that saw the device long ago, never undoes newer facts.

use foldhash::{HashMap, HashMapExt};

use chrono::{DateTime, Utc};
use flotta_domain::inventory::search_text;
use flotta_domain::{AppsSeen, RecordWarning, SyncCounts, SyncMode, VendorDevice};
use rusqlite::{OptionalExtension, ToSql, Transaction, TransactionBehavior, params};

use crate::audit::{AuditEntry, record};
use crate::batch::insert_rows;
use crate::bulk::BulkIndexes;
use crate::connection::Store;
use crate::devices::{NameCache, format_time, set_search_text};
use crate::error::{Context, StoreError};
use crate::sources::SourceId;
use crate::sync_runs::RunId;

/// Which sync a [`SyncWriter`] writes.
#[derive(Debug, Clone, Copy)]
pub struct SyncTarget<'a> {
    pub run: RunId,
    pub source: SourceId,
    pub mode: SyncMode,
    pub actor: &'a str,
    /// The time written on what this sync adds, changes and marks.
    pub at: DateTime<Utc>,
}

/// How a listing ended, for the run's record.
#[derive(Debug, Clone, Copy)]
pub struct ListingEnd {
    pub pages: u32,
    pub records: u32,
    pub finished_at: DateTime<Utc>,
}

/// A sync being written. Dropped without [`SyncWriter::finish`], it leaves the register as it
/// was (the transaction rolls back).
#[derive(Debug)]
pub struct SyncWriter<'c> {
    tx: Transaction<'c>,
    run: RunId,
    source: SourceId,
    mode: SyncMode,
    actor: String,
    now: String,
    names: NameCache,
    matcher: Matcher,
    /// What this sync did to each unit it touched.
    outcomes: HashMap<i64, Outcome>,
    returned: u32,
    warnings: u32,
    /// Devices in the register before this sync, and units it has added so far: decide when
    /// setting the secondary indexes aside pays.
    existing: i64,
    added: usize,
    suspended: Option<BulkIndexes>,
    /// The connection had records before this sync.
    had_records: bool,
    /// On a full sync (or a connection's first), the connection's records by vendor id, read
    /// in one pass when the writer starts and kept current with what this sync writes: a
    /// lookup per record cost 0.13 s for 48,000. `None` on an incremental sync, which lists
    /// few records and looks each up.
    known: Option<HashMap<String, KnownRecord>>,
    /// The id the next added unit gets: this sync holds the write lock, so nobody else adds.
    next_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
}

/// A vendor record as stored by this sync.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoredRecord {
    pub(crate) id: i64,
    /// First seen in this sync: it has no apps stored yet.
    pub(crate) is_new: bool,
}

/// Which unit a record of a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Stored(i64),
    /// Not in the register yet; keyed by the page's record that will create it.
    New(usize),
}

/// The connection's earlier record of a vendor id.
#[derive(Debug, Clone, Copy)]
struct KnownRecord {
    id: i64,
    device: i64,
    missing: bool,
}

impl Store {
    /// Starts writing a sync; takes the database's write lock until the writer is finished
    /// or dropped. The commit leaves what it wrote in the write-ahead log: call
    /// [`Store::optimize`] and [`Store::checkpoint`] afterwards, when nobody waits for them.
    pub fn sync_writer(&mut self, target: &SyncTarget<'_>) -> Result<SyncWriter<'_>, StoreError> {
        // Copying a large sync from the log into the database file (0.13 s for 50,000
        // devices) would otherwise be part of its commit.
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 0)
            .context("leaving the checkpoint for later")?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context("starting to write a sync")?;
        let existing: i64 = tx
            .query_row("SELECT count(*) FROM devices", [], |row| row.get(0))
            .context("counting devices before a sync")?;
        let had_records: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM vendor_records WHERE source_id = ?1)",
                [target.source.0],
                |row| row.get(0),
            )
            .context("looking for earlier records")?;
        let known = if target.mode == SyncMode::Full || !had_records {
            Some(all_records(&tx, target.source)?)
        } else {
            None
        };
        let next_id: i64 = tx
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM devices", [], |row| {
                row.get(0)
            })
            .context("starting to add devices")?;
        Ok(SyncWriter {
            next_id,
            had_records,
            known,
            tx,
            run: target.run,
            source: target.source,
            mode: target.mode,
            actor: target.actor.to_owned(),
            now: format_time(&target.at),
            names: NameCache::default(),
            matcher: Matcher::default(),
            outcomes: HashMap::new(),
            returned: 0,
            warnings: 0,
            existing,
            added: 0,
            suspended: None,
        })
    }
}

impl SyncWriter<'_> {
    /// Writes one page of the listing.
    pub fn page(
        &mut self,
        devices: &[VendorDevice],
        warnings: &[RecordWarning],
    ) -> Result<(), StoreError> {
        let known = self.known_records(devices)?;
        let units = self.match_units(devices, &known)?;
        let device_ids = self.write_units(devices, &units)?;
        let records = self.write_records(devices, &known, &units, &device_ids)?;
        crate::apps::store_installed(&self.tx, self.run, devices, &records)?;
        self.write_warnings(warnings)
    }

    /// Marks what a full listing did not report, records the run's result and commits.
    pub fn finish(mut self, end: &ListingEnd) -> Result<SyncCounts, StoreError> {
        if let Some(indexes) = self.suspended.take() {
            indexes.restore(&self.tx)?;
        }
        let mut counts = SyncCounts {
            returned: self.returned,
            warnings: self.warnings,
            ..SyncCounts::default()
        };
        for outcome in self.outcomes.values() {
            match outcome {
                Outcome::Added => counts.added += 1,
                Outcome::Updated => counts.updated += 1,
                Outcome::Unchanged => counts.unchanged += 1,
            }
        }
        // On a connection's first sync every record was written by this run: none is missing.
        if self.mode == SyncMode::Full && self.had_records {
            counts.missing = self
                .tx
                .execute(
                    "UPDATE vendor_records SET missing_since = ?2
                     WHERE source_id = ?1 AND missing_since IS NULL AND last_seen_run != ?3",
                    params![self.source.0, self.now, self.run.0],
                )
                .context("marking devices not seen")? as u32;
        }
        self.tx
            .execute(
                "UPDATE sync_runs SET status = 'succeeded', finished_at = ?2, pages = ?3,
                    records = ?4, added = ?5, updated = ?6, unchanged = ?7, missing = ?8,
                    returned = ?9, warnings = ?10
                 WHERE id = ?1",
                params![
                    self.run.0,
                    format_time(&end.finished_at),
                    end.pages,
                    end.records,
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
            &self.tx,
            &AuditEntry {
                at: end.finished_at,
                actor: self.actor.clone(),
                action: "sync".into(),
                entity: "connection".into(),
                entity_id: Some(self.source.0.to_string()),
                before_json: None,
                after_json: Some(format!(
                    r#"{{"run":{},"mode":"{}","added":{},"updated":{},"missing":{},"returned":{}}}"#,
                    self.run.0,
                    self.mode.as_str(),
                    counts.added,
                    counts.updated,
                    counts.missing,
                    counts.returned
                )),
            },
        )?;
        self.tx.commit().context("committing a sync")?;
        Ok(counts)
    }

    fn known_records(
        &mut self,
        devices: &[VendorDevice],
    ) -> Result<Vec<Option<KnownRecord>>, StoreError> {
        if let Some(known) = &self.known {
            return Ok(devices
                .iter()
                .map(|device| known.get(&device.vendor_id).copied())
                .collect());
        }
        let mut find = self
            .tx
            .prepare_cached(
                "SELECT id, device_id, missing_since IS NOT NULL FROM vendor_records
                 WHERE source_id = ?1 AND vendor_id = ?2",
            )
            .context("preparing to match records")?;
        devices
            .iter()
            .map(|device| {
                find.query_row(params![self.source.0, device.vendor_id], |row| {
                    Ok(KnownRecord {
                        id: row.get(0)?,
                        device: row.get(1)?,
                        missing: row.get(2)?,
                    })
                })
                .optional()
                .context("matching a record")
            })
            .collect()
    }

    /// The unit of each record: its earlier record's, else the register's unit with that
    /// serial or IMEI, else a new one (records of one page with the same serial or IMEI share
    /// it). A record with neither and no earlier record is a new unit of its own.
    fn match_units(
        &mut self,
        devices: &[VendorDevice],
        known: &[Option<KnownRecord>],
    ) -> Result<Vec<Option<Unit>>, StoreError> {
        let mut new_by_serial: HashMap<&str, usize> = HashMap::new();
        let mut new_by_imei: HashMap<&str, usize> = HashMap::new();
        let mut units = Vec::with_capacity(devices.len());
        for (index, (device, known)) in devices.iter().zip(known).enumerate() {
            let serial = device.serial.as_ref().map(|s| s.as_str());
            let imei = device.imei.as_ref().map(|i| i.as_str());
            let stored = match known {
                Some(record) => Some(record.device),
                None => self.matcher.unit(&self.tx, serial, imei)?,
            };
            let unit = match stored {
                Some(id) => Some(Unit::Stored(id)),
                None if serial.is_none() && imei.is_none() => Some(Unit::New(index)),
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
        Ok(units)
    }

    /// Adds or updates each unit from the page's record that speaks for it.
    fn write_units(
        &mut self,
        devices: &[VendorDevice],
        units: &[Option<Unit>],
    ) -> Result<HashMap<Unit, i64>, StoreError> {
        let mut speaker: HashMap<Unit, usize> = HashMap::new();
        for (index, unit) in units.iter().enumerate() {
            let Some(unit) = unit else { continue };
            speaker
                .entry(*unit)
                .and_modify(|current| {
                    if devices[index].last_check_in >= devices[*current].last_check_in {
                        *current = index;
                    }
                })
                .or_insert(index);
        }
        let new_units = speaker
            .keys()
            .filter(|unit| matches!(unit, Unit::New(_)))
            .count();
        self.suspend_indexes_if_worth_it(new_units)?;
        let mut order: Vec<(Unit, usize)> = speaker.into_iter().collect();
        order.sort_by_key(|(_, index)| *index);
        let mut device_ids = HashMap::with_capacity(order.len());
        let mut added = Vec::new();
        for (unit, index) in order {
            let device = &devices[index];
            let id = match unit {
                Unit::Stored(id) => {
                    let added_now = self.outcomes.get(&id) == Some(&Outcome::Added);
                    let spoke = update_device(self, id, device, !added_now)?;
                    let outcome = match spoke {
                        Spoke::Changed => Outcome::Updated,
                        Spoke::Same | Spoke::Older => Outcome::Unchanged,
                    };
                    // A unit keeps the strongest outcome of the records that spoke for it.
                    let entry = self.outcomes.entry(id).or_insert(outcome);
                    if *entry == Outcome::Unchanged {
                        *entry = outcome;
                    }
                    id
                }
                Unit::New(_) => {
                    let new = new_device(self, device)?;
                    self.matcher.added(new.id, device);
                    self.outcomes.insert(new.id, Outcome::Added);
                    self.added += 1;
                    let id = new.id;
                    added.push(new);
                    id
                }
            };
            device_ids.insert(unit, id);
        }
        insert_devices(self, &added)?;
        Ok(device_ids)
    }

    /// Sets the devices' secondary indexes aside once this sync's new units outnumber what
    /// the register held (and are many): they are built again, from sorted rows, at the end.
    /// From then on serials and IMEIs are matched in memory.
    fn suspend_indexes_if_worth_it(&mut self, new_units: usize) -> Result<(), StoreError> {
        if self.suspended.is_some() {
            return Ok(());
        }
        let coming = self.added + new_units;
        if coming < 5_000 || (coming as i64) < self.existing {
            return Ok(());
        }
        self.matcher.load(&self.tx)?;
        self.suspended = Some(BulkIndexes::suspend(&self.tx, "devices")?);
        Ok(())
    }

    /// Keeps every record, linked to its unit, and when it last reported its apps.
    fn write_records(
        &mut self,
        devices: &[VendorDevice],
        known: &[Option<KnownRecord>],
        units: &[Option<Unit>],
        device_ids: &HashMap<Unit, i64>,
    ) -> Result<Vec<Option<StoredRecord>>, StoreError> {
        let mut insert = self
            .tx
            .prepare_cached(
                "INSERT INTO vendor_records (source_id, vendor_id, device_id, first_seen_at,
                    last_seen_at, last_seen_run, apps_reported_at)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5, CASE ?6 WHEN 1 THEN ?4 END)",
            )
            .context("preparing vendor records")?;
        // A record that stays with its unit is updated without touching `device_id`: setting
        // a foreign key makes SQLite keep a statement journal, a copy of every page the
        // update changes (0.23 s of an unchanged re-sync of 48,000 records), and rewrite the
        // record's entry in the index by unit.
        let mut update = self
            .tx
            .prepare_cached(
                "UPDATE vendor_records SET last_seen_at = ?2, last_seen_run = ?3,
                    missing_since = NULL,
                    apps_reported_at = CASE ?4 WHEN 0 THEN apps_reported_at WHEN 1 THEN ?2 END
                 WHERE id = ?1",
            )
            .context("preparing vendor records")?;
        let mut relink = self
            .tx
            .prepare_cached(
                "UPDATE vendor_records SET device_id = ?2, last_seen_at = ?3, last_seen_run = ?4,
                    missing_since = NULL,
                    apps_reported_at = CASE ?5 WHEN 0 THEN apps_reported_at WHEN 1 THEN ?3 END
                 WHERE id = ?1",
            )
            .context("preparing vendor records")?;
        // Unchanged JSON is compared, not written.
        let mut update_json = self
            .tx
            .prepare_cached(
                "UPDATE vendor_record_json SET raw_json = ?2
                 WHERE record_id = ?1 AND raw_json IS NOT ?2",
            )
            .context("preparing vendor records")?;
        // The JSON of the records the page adds (record id, JSON), inserted together at the
        // end: a statement that inserts many rows costs little more than one that inserts one.
        let mut new_json: Vec<(i64, &String)> = Vec::new();
        // Where in `new_json` each record the page adds stands, by vendor id: a listing that
        // shifted between requests can send one record twice in a page.
        let mut pending: HashMap<&str, usize> = HashMap::new();
        let mut records = Vec::with_capacity(devices.len());
        for ((device, known), unit) in devices.iter().zip(known).zip(units) {
            let Some(&device_id) = unit.as_ref().and_then(|unit| device_ids.get(unit)) else {
                records.push(None);
                continue;
            };
            let apps_reported = match device.apps {
                AppsSeen::NotFetched => 0,
                AppsSeen::Installed(_) => 1,
                AppsSeen::NotReported | AppsSeen::Partial(_) => 2,
            };
            let earlier = known.map(|record| record.id).or_else(|| {
                pending
                    .get(device.vendor_id.as_str())
                    .map(|&at| new_json[at].0)
            });
            let record = match earlier {
                Some(id) => {
                    let stays = known.is_some_and(|record| record.device == device_id);
                    if stays {
                        update.execute(params![id, self.now, self.run.0, apps_reported])
                    } else {
                        relink.execute(params![id, device_id, self.now, self.run.0, apps_reported])
                    }
                    .context("storing a vendor record")?;
                    match pending.get(device.vendor_id.as_str()) {
                        // The page's later copy of a record it adds is the one kept.
                        Some(&at) => new_json[at].1 = &device.raw_json,
                        None => {
                            update_json
                                .execute(params![id, device.raw_json])
                                .context("storing a vendor record")?;
                        }
                    }
                    StoredRecord { id, is_new: false }
                }
                None => {
                    insert
                        .execute(params![
                            self.source.0,
                            device.vendor_id,
                            device_id,
                            self.now,
                            self.run.0,
                            apps_reported
                        ])
                        .context("storing a vendor record")?;
                    let id = self.tx.last_insert_rowid();
                    pending.insert(&device.vendor_id, new_json.len());
                    new_json.push((id, &device.raw_json));
                    StoredRecord { id, is_new: true }
                }
            };
            if known.is_some_and(|record| record.missing) {
                self.returned += 1;
            }
            if let Some(known) = &mut self.known {
                let now = KnownRecord {
                    id: record.id,
                    device: device_id,
                    missing: false,
                };
                match known.get_mut(&device.vendor_id) {
                    Some(entry) => *entry = now,
                    None => {
                        known.insert(device.vendor_id.clone(), now);
                    }
                }
            }
            records.push(Some(record));
        }
        insert_rows(
            &self.tx,
            "vendor_record_json (record_id, raw_json)",
            "(?, ?)",
            &new_json,
            "storing vendor records",
            |(id, json), params| params.extend([id as &dyn ToSql, *json]),
        )?;
        Ok(records)
    }

    fn warn(&mut self, warning: RecordWarning) -> Result<(), StoreError> {
        self.write_warnings(std::slice::from_ref(&warning))
    }

    fn write_warnings(&mut self, warnings: &[RecordWarning]) -> Result<(), StoreError> {
        let mut insert = self
            .tx
            .prepare_cached(
                "INSERT INTO sync_warnings (sync_run_id, vendor_id, field, problem)
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .context("preparing sync warnings")?;
        for warning in warnings {
            insert
                .execute(params![
                    self.run.0,
                    warning.vendor_id,
                    warning.field,
                    warning.problem
                ])
                .context("storing a sync warning")?;
        }
        self.warnings += warnings.len() as u32;
        Ok(())
    }
}

/// Every record of a connection by vendor id.
fn all_records(
    tx: &Transaction<'_>,
    source: SourceId,
) -> Result<HashMap<String, KnownRecord>, StoreError> {
    let mut statement = tx
        .prepare(
            "SELECT vendor_id, id, device_id, missing_since IS NOT NULL FROM vendor_records
             WHERE source_id = ?1",
        )
        .context("reading the connection's records")?;
    let rows = statement
        .query_map([source.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                KnownRecord {
                    id: row.get(1)?,
                    device: row.get(2)?,
                    missing: row.get(3)?,
                },
            ))
        })
        .context("reading the connection's records")?;
    rows.map(|row| row.context("reading the connection's records"))
        .collect()
}

/// Finds the register's unit for a serial or IMEI: through the indexes, or — once a large
/// first sync has set them aside — through maps of the register loaded then and kept up to
/// date with every unit added.
#[derive(Debug, Default)]
struct Matcher {
    loaded: Option<Loaded>,
}

#[derive(Debug, Default)]
struct Loaded {
    serials: HashMap<String, i64>,
    imeis: HashMap<String, i64>,
}

impl Matcher {
    fn unit(
        &self,
        tx: &Transaction<'_>,
        serial: Option<&str>,
        imei: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        if let Some(loaded) = &self.loaded {
            return Ok(serial
                .and_then(|s| loaded.serials.get(s))
                .or_else(|| imei.and_then(|i| loaded.imeis.get(i)))
                .copied());
        }
        if let Some(serial) = serial {
            let found = tx
                .prepare_cached("SELECT id FROM devices WHERE serial = ?1 ORDER BY id LIMIT 1")
                .context("preparing to match serials")?
                .query_row([serial], |row| row.get(0))
                .optional()
                .context("matching a serial")?;
            if found.is_some() {
                return Ok(found);
            }
        }
        let Some(imei) = imei else { return Ok(None) };
        tx.prepare_cached("SELECT id FROM devices WHERE imei = ?1 ORDER BY id LIMIT 1")
            .context("preparing to match IMEIs")?
            .query_row([imei], |row| row.get(0))
            .optional()
            .context("matching an IMEI")
    }

    fn load(&mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        let mut loaded = Loaded::default();
        let mut statement = tx
            .prepare("SELECT id, serial, imei FROM devices ORDER BY id")
            .context("reading serials and IMEIs")?;
        let mut rows = statement.query([]).context("reading serials and IMEIs")?;
        while let Some(row) = rows.next().context("reading serials and IMEIs")? {
            let id: i64 = row.get(0).context("reading a device id")?;
            let serial: Option<String> = row.get(1).context("reading a serial")?;
            let imei: Option<String> = row.get(2).context("reading an IMEI")?;
            // The oldest unit wins, as with the indexed lookup.
            if let Some(serial) = serial {
                loaded.serials.entry(serial).or_insert(id);
            }
            if let Some(imei) = imei {
                loaded.imeis.entry(imei).or_insert(id);
            }
        }
        self.loaded = Some(loaded);
        Ok(())
    }

    fn added(&mut self, id: i64, device: &VendorDevice) {
        let Some(loaded) = &mut self.loaded else {
            return;
        };
        if let Some(serial) = &device.serial {
            loaded
                .serials
                .entry(serial.as_str().to_owned())
                .or_insert(id);
        }
        if let Some(imei) = &device.imei {
            loaded.imeis.entry(imei.as_str().to_owned()).or_insert(id);
        }
    }
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

/// A unit a page adds, waiting to be inserted with the page's others.
struct NewDevice<'d> {
    id: i64,
    device: &'d VendorDevice,
    serial: Option<&'d str>,
    imei: Option<&'d str>,
    os: &'static str,
    os_version: &'d str,
    ownership: &'static str,
    compliance: &'static str,
    model_id: i64,
    org_unit_id: Option<i64>,
    enrolled_at: Option<String>,
    last_check_in: Option<String>,
    search: String,
}

/// Prepares a new unit with the id it will have.
fn new_device<'d>(
    writer: &mut SyncWriter<'_>,
    device: &'d VendorDevice,
) -> Result<NewDevice<'d>, StoreError> {
    let serial = device.serial.as_ref().map(|serial| serial.as_str());
    let tx = &writer.tx;
    let manufacturer = device.manufacturer.as_deref().unwrap_or("Unknown");
    let model = device.model.as_deref().unwrap_or("Unknown");
    let model_id = writer.names.model_id(tx, manufacturer, model)?;
    let org_unit_id = match &device.org_unit {
        Some(name) => Some(writer.names.org_unit_id(tx, name)?),
        None => None,
    };
    let imei = device.imei.as_ref().map(|imei| imei.as_str());
    let search = search_text(&[
        serial,
        imei,
        device.user_name.as_deref(),
        device.user_email.as_deref(),
        Some(model),
    ]);
    let id = writer.next_id;
    writer.next_id += 1;
    Ok(NewDevice {
        id,
        device,
        serial,
        imei,
        os: device.os.as_str(),
        os_version: device.os_version.as_deref().unwrap_or_default(),
        ownership: device.ownership.as_str(),
        compliance: device.compliance.as_str(),
        model_id,
        org_unit_id,
        enrolled_at: device.enrolled_at.map(|t| format_time(&t)),
        last_check_in: device.last_check_in.map(|t| format_time(&t)),
        search,
    })
}

fn insert_devices(writer: &SyncWriter<'_>, new: &[NewDevice<'_>]) -> Result<(), StoreError> {
    insert_rows(
        &writer.tx,
        "devices (id, source_id, vendor_device_id, serial, imei, model_id, os, os_version,
            ownership, user_name, user_email, org_unit_id, enrolled_at, last_check_in,
            compliance, jailbroken, encrypted, lifecycle, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'deployed', ?, ?)",
        new,
        "adding devices",
        |row, params| {
            params.extend([
                &row.id as &dyn ToSql,
                &writer.source.0,
                &row.device.vendor_id,
                &row.serial,
                &row.imei,
                &row.model_id,
                &row.os,
                &row.os_version,
                &row.ownership,
                &row.device.user_name,
                &row.device.user_email,
                &row.org_unit_id,
                &row.enrolled_at,
                &row.last_check_in,
                &row.compliance,
                &row.device.jailbroken,
                &row.device.encrypted,
                &writer.now,
                &writer.now,
            ]);
        },
    )?;
    insert_rows(
        &writer.tx,
        "device_search (device_id, text)",
        "(?, ?)",
        new,
        "storing the search text",
        |row, params| params.extend([&row.id as &dyn ToSql, &row.search]),
    )
}

/// A unit known only by its record now reports a serial: the unit takes it, with a history
/// row, unless another unit has it already — then both stay apart and the run says so, since
/// joining two units (and their histories) is a person's decision. Returns the unit's serial
/// afterwards.
fn give_serial(
    writer: &mut SyncWriter<'_>,
    id: i64,
    serial: &str,
    device: &VendorDevice,
) -> Result<Option<String>, StoreError> {
    let holder = writer.matcher.unit(&writer.tx, Some(serial), None)?;
    if let Some(other) = holder.filter(|other| *other != id) {
        writer.warn(kept_apart(device, "serial", serial, other))?;
        return Ok(None);
    }
    writer
        .tx
        .prepare_cached("UPDATE devices SET serial = ?2, updated_at = ?3 WHERE id = ?1")
        .context("preparing to give a unit its serial")?
        .execute(params![id, serial, writer.now])
        .context("giving a unit its serial")?;
    writer
        .tx
        .prepare_cached(
            "INSERT INTO device_history (device_id, at, field, before, after, source_id,
                sync_run_id, actor)
             VALUES (?1, ?2, 'serial', NULL, ?3, ?4, ?5, ?6)",
        )
        .context("preparing device history")?
        .execute(params![
            id,
            writer.now,
            serial,
            writer.source.0,
            writer.run.0,
            writer.actor
        ])
        .context("recording a device change")?;
    writer.matcher.added(id, device);
    Ok(Some(serial.to_owned()))
}

/// The warning for a unit whose record now reports an identifier another unit has.
fn kept_apart(device: &VendorDevice, field: &str, value: &str, other: i64) -> RecordWarning {
    RecordWarning {
        vendor_id: device.vendor_id.clone(),
        field: field.to_owned(),
        problem: format!(
            "now reports {field} {value}, which unit {other} already has; the two units are \
             kept apart until someone joins them"
        ),
    }
}

/// What a record did to a stored unit.
enum Spoke {
    Changed,
    Same,
    /// It checked in before what the register holds: it does not speak for the unit.
    Older,
}

/// Updates a stored unit from a vendor record. `history`: keep the changed fields as
/// history (not for a unit this sync added, which has no earlier state).
fn update_device(
    writer: &mut SyncWriter<'_>,
    id: i64,
    device: &VendorDevice,
    history: bool,
) -> Result<Spoke, StoreError> {
    let tx = &writer.tx;
    let (stored, stored_serial, check_in): (Tracked, Option<String>, Option<String>) = tx
        .prepare_cached(
            "SELECT d.imei, m.manufacturer, m.name, d.os, d.os_version, d.ownership, d.user_name,
                d.user_email, o.name, d.compliance, d.jailbroken, d.serial, d.last_check_in
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
                row.get(12)?,
            ))
        })
        .context("reading a device")?;
    let check_in_now = device.last_check_in.map(|t| format_time(&t));
    // Stored times share one format, so their text orders as the times do.
    if check_in_now < check_in {
        return Ok(Spoke::Older);
    }
    let serial = match (&stored_serial, &device.serial) {
        (None, Some(found)) => give_serial(writer, id, found.as_str(), device)?,
        _ => stored_serial,
    };
    let mut reported = Tracked::of(device);
    // Likewise an IMEI the unit did not have, when another unit has it.
    if stored.0[0].is_none()
        && let Some(imei) = reported.0[0].clone()
        && let Some(other) = writer
            .matcher
            .unit(&writer.tx, None, Some(&imei))?
            .filter(|other| *other != id)
    {
        reported.0[0] = None;
        writer.warn(kept_apart(device, "imei", &imei, other))?;
    }
    let tx = &writer.tx;
    let next = Tracked::merged(&stored, &reported);
    let changed = stored != next;
    if changed {
        if history {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO device_history (device_id, at, field, before, after, source_id,
                        sync_run_id, actor)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .context("preparing device history")?;
            for (field, (before, after)) in TRACKED.iter().zip(stored.0.iter().zip(next.0.iter())) {
                if before != after {
                    insert
                        .execute(params![
                            id,
                            writer.now,
                            field,
                            before,
                            after,
                            writer.source.0,
                            writer.run.0,
                            writer.actor
                        ])
                        .context("recording a device change")?;
                }
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
        let model_id = writer.names.model_id(
            tx,
            manufacturer.as_deref().unwrap_or("Unknown"),
            model.as_deref().unwrap_or("Unknown"),
        )?;
        let org_unit_id = match org_unit {
            Some(name) => Some(writer.names.org_unit_id(tx, name)?),
            None => None,
        };
        let search = search_text(&[
            serial.as_deref(),
            imei.as_deref(),
            user_name.as_deref(),
            user_email.as_deref(),
            model.as_deref(),
        ]);
        tx.prepare_cached(
            "UPDATE devices SET imei = ?2, model_id = ?3, os = ?4, os_version = ?5,
                ownership = ?6, user_name = ?7, user_email = ?8, org_unit_id = ?9,
                compliance = ?10, jailbroken = ?11, updated_at = ?12
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
            writer.now
        ])
        .context("updating a device")?;
        set_search_text(tx, id, &search)?;
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
        check_in_now,
        device.enrolled_at.map(|t| format_time(&t)),
        device.encrypted
    ])
    .context("updating a check-in")?;
    Ok(if changed { Spoke::Changed } else { Spoke::Same })
}
