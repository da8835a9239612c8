//! The `devices` table with its `device_models` and `org_units`: writes in bulk, reads by page.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use flotta_domain::inventory::search_text;
use flotta_domain::{Compliance, Device, DeviceDetail, Lifecycle, OsFamily, Ownership, SourceKind};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::error::{Context, StoreError};
use crate::sources::SourceId;

impl Store {
    /// Adds devices from one source in a single transaction, creating models and organisation
    /// units on first sight. Either every device is added or none is.
    pub fn insert_devices(
        &mut self,
        source: SourceId,
        devices: &[Device],
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let tx = self.conn.transaction().context("starting to add devices")?;
        let now = format_time(&at);
        let mut models = NameCache::default();
        let mut org_units = NameCache::default();
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO devices (source_id, vendor_device_id, serial, imei, model_id, os,
                        os_version, ownership, user_name, user_email, org_unit_id, enrolled_at,
                        last_check_in, compliance, jailbroken, encrypted, lifecycle,
                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                        ?16, ?17, ?18, ?18)",
                )
                .context("preparing to add devices")?;
            for device in devices {
                let model_id = models.model_id(&tx, &device.manufacturer, &device.model)?;
                let org_unit_id = match &device.org_unit {
                    Some(name) => Some(org_units.org_unit_id(&tx, name)?),
                    None => None,
                };
                let search = search_text(&[
                    Some(device.serial.as_str()),
                    device.imei.as_ref().map(|imei| imei.as_str()),
                    device.user_name.as_deref(),
                    device.user_email.as_deref(),
                    Some(&device.model),
                ]);
                insert
                    .execute(params![
                        source.0,
                        device.vendor_device_id,
                        device.serial.as_str(),
                        device.imei.as_ref().map(|imei| imei.as_str()),
                        model_id,
                        device.os.as_str(),
                        device.os_version,
                        device.ownership.as_str(),
                        device.user_name,
                        device.user_email,
                        org_unit_id,
                        device.enrolled_at.map(|t| format_time(&t)),
                        device.last_check_in.map(|t| format_time(&t)),
                        device.compliance.as_str(),
                        device.jailbroken,
                        device.encrypted,
                        device.lifecycle.as_str(),
                        now,
                    ])
                    .context("adding a device")?;
                set_search_text(&tx, tx.last_insert_rowid(), &search)?;
            }
        }
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "import".into(),
                entity: "devices".into(),
                entity_id: Some(format!("source:{}", source.0)),
                before_json: None,
                after_json: Some(format!(r#"{{"added":{}}}"#, devices.len())),
            },
        )?;
        tx.commit().context("committing added devices")?;
        self.optimize()?;
        Ok(devices.len())
    }

    /// Refreshes the planner's statistics after a large change, so it keeps picking the
    /// narrow indexes.
    pub fn optimize(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("PRAGMA optimize = 0x10002")
            .context("updating query statistics")
    }

    /// How many devices the register holds, in every state.
    pub fn device_count(&self) -> Result<u32, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM devices", [], |row| row.get(0))
            .context("counting devices")
    }

    /// Everything known about one device, or `None` when there is no such id.
    pub fn device_detail(&self, id: u32) -> Result<Option<DeviceDetail>, StoreError> {
        let raw = self
            .conn
            .query_row(
                "SELECT d.id, s.name, s.kind, d.vendor_device_id, d.serial, d.imei,
                        m.manufacturer, m.name, d.os, d.os_version, d.ownership, d.user_name,
                        d.user_email, o.name, d.enrolled_at, d.last_check_in, d.compliance,
                        d.jailbroken, d.encrypted, d.lifecycle
                 FROM devices d
                 JOIN sources s ON s.id = d.source_id
                 JOIN device_models m ON m.id = d.model_id
                 LEFT JOIN org_units o ON o.id = d.org_unit_id
                 WHERE d.id = ?1",
                [id],
                |row| {
                    Ok(RawDetail {
                        id: row.get(0)?,
                        source_name: row.get(1)?,
                        source_kind: row.get(2)?,
                        vendor_device_id: row.get(3)?,
                        serial: row.get(4)?,
                        imei: row.get(5)?,
                        manufacturer: row.get(6)?,
                        model: row.get(7)?,
                        os: row.get(8)?,
                        os_version: row.get(9)?,
                        ownership: row.get(10)?,
                        user_name: row.get(11)?,
                        user_email: row.get(12)?,
                        org_unit: row.get(13)?,
                        enrolled_at: row.get(14)?,
                        last_check_in: row.get(15)?,
                        compliance: row.get(16)?,
                        jailbroken: row.get(17)?,
                        encrypted: row.get(18)?,
                        lifecycle: row.get(19)?,
                    })
                },
            )
            .optional()
            .context("reading a device")?;
        raw.map(RawDetail::into_detail).transpose()
    }
}

/// A detail row as SQLite returns it, before its text is turned into domain values.
struct RawDetail {
    id: u32,
    source_name: String,
    source_kind: String,
    vendor_device_id: Option<String>,
    /// `None` for a unit known only by its EMM record.
    serial: Option<String>,
    imei: Option<String>,
    manufacturer: String,
    model: String,
    os: String,
    os_version: String,
    ownership: String,
    user_name: Option<String>,
    user_email: Option<String>,
    org_unit: Option<String>,
    enrolled_at: Option<String>,
    last_check_in: Option<String>,
    compliance: String,
    jailbroken: bool,
    encrypted: bool,
    lifecycle: String,
}

impl RawDetail {
    fn into_detail(self) -> Result<DeviceDetail, StoreError> {
        Ok(DeviceDetail {
            id: self.id,
            source_name: self.source_name,
            source_kind: vocabulary("sources.kind", &self.source_kind, SourceKind::from_text)?,
            vendor_device_id: self.vendor_device_id,
            serial: self.serial.unwrap_or_default(),
            imei: self.imei,
            manufacturer: self.manufacturer,
            model: self.model,
            os: vocabulary("devices.os", &self.os, OsFamily::from_text)?,
            os_version: self.os_version,
            ownership: vocabulary("devices.ownership", &self.ownership, Ownership::from_text)?,
            user_name: self.user_name,
            user_email: self.user_email,
            org_unit: self.org_unit,
            enrolled_at: self
                .enrolled_at
                .map(|text| parse_time("devices.enrolled_at", &text))
                .transpose()?,
            last_check_in: self
                .last_check_in
                .map(|text| parse_time("devices.last_check_in", &text))
                .transpose()?,
            compliance: vocabulary(
                "devices.compliance",
                &self.compliance,
                Compliance::from_text,
            )?,
            jailbroken: self.jailbroken,
            encrypted: self.encrypted,
            lifecycle: vocabulary("devices.lifecycle", &self.lifecycle, Lifecycle::from_text)?,
        })
    }
}

/// Timestamps are stored as RFC 3339 UTC text with a `Z`, which sorts chronologically.
pub(crate) fn format_time(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn parse_time(what: &str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|error| StoreError::Corrupt {
            what: what.to_owned(),
            detail: format!("{text:?} is not an RFC 3339 time: {error}"),
        })
}

pub(crate) fn vocabulary<T>(
    what: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, StoreError> {
    parse(text).ok_or_else(|| StoreError::Corrupt {
        what: what.to_owned(),
        detail: format!("{text:?} is not a known value"),
    })
}

/// Keeps the folded text a free-text search scans (see `search_text`) for one device.
pub(crate) fn set_search_text(
    tx: &Transaction<'_>,
    device: i64,
    text: &str,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO device_search (device_id, text) VALUES (?1, ?2)
         ON CONFLICT (device_id) DO UPDATE SET text = excluded.text",
    )
    .context("preparing the search text")?
    .execute(params![device, text])
    .context("storing the search text")?;
    Ok(())
}

/// Maps names to ids for one transaction, inserting names not seen before.
#[derive(Debug, Default)]
pub(crate) struct NameCache {
    ids: HashMap<(String, String), i64>,
}

impl NameCache {
    pub(crate) fn model_id(
        &mut self,
        tx: &Transaction<'_>,
        manufacturer: &str,
        model: &str,
    ) -> Result<i64, StoreError> {
        let key = (manufacturer.to_owned(), model.to_owned());
        if let Some(id) = self.ids.get(&key) {
            return Ok(*id);
        }
        tx.execute(
            "INSERT INTO device_models (manufacturer, name) VALUES (?1, ?2)
             ON CONFLICT (manufacturer, name) DO NOTHING",
            params![manufacturer, model],
        )
        .context("adding a device model")?;
        let id = tx
            .query_row(
                "SELECT id FROM device_models WHERE manufacturer = ?1 AND name = ?2",
                params![manufacturer, model],
                |row| row.get(0),
            )
            .context("looking up a device model")?;
        self.ids.insert(key, id);
        Ok(id)
    }

    pub(crate) fn org_unit_id(
        &mut self,
        tx: &Transaction<'_>,
        name: &str,
    ) -> Result<i64, StoreError> {
        let key = (name.to_owned(), String::new());
        if let Some(id) = self.ids.get(&key) {
            return Ok(*id);
        }
        tx.execute(
            "INSERT INTO org_units (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [name],
        )
        .context("adding an organisation unit")?;
        let id = tx
            .query_row("SELECT id FROM org_units WHERE name = ?1", [name], |row| {
                row.get(0)
            })
            .context("looking up an organisation unit")?;
        self.ids.insert(key, id);
        Ok(id)
    }
}
