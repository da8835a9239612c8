//! The EMM records of one unit, for the device panel's list of sources.

use chrono::{DateTime, Utc};
use flotta_domain::SourceKind;

use crate::connection::Store;
use crate::devices::{parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// One vendor record of a unit as stored: its raw JSON is read by the connector's mapping.
#[derive(Debug, Clone)]
pub struct UnitRecord {
    pub source_name: String,
    pub source_kind: SourceKind,
    pub vendor_id: String,
    pub raw_json: String,
    pub first_seen_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub missing_since: Option<DateTime<Utc>>,
    /// The record the unit's values were last taken from.
    pub speaks_for_unit: bool,
}

impl Store {
    /// Every vendor record of the device, the one that speaks for it first, then by how
    /// recently a sync listed them.
    pub fn unit_records(&self, device: u32) -> Result<Vec<UnitRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT s.name, s.kind, v.vendor_id, j.raw_json, v.first_seen_at,
                        v.last_seen_at, v.missing_since,
                        v.source_id = d.source_id AND v.vendor_id IS d.vendor_device_id
                 FROM vendor_records v
                 JOIN vendor_record_json j ON j.record_id = v.id
                 JOIN sources s ON s.id = v.source_id
                 JOIN devices d ON d.id = v.device_id
                 WHERE v.device_id = ?1
                 ORDER BY 8 DESC, v.last_seen_at DESC, s.name",
            )
            .context("listing a device's records")?;
        let rows = statement
            .query_map([device], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, bool>(7)?,
                ))
            })
            .context("listing a device's records")?;
        let mut records = Vec::new();
        for row in rows {
            let (name, kind, vendor_id, raw_json, first, last, missing, speaks) =
                row.context("reading a device's records")?;
            records.push(UnitRecord {
                source_name: name,
                source_kind: vocabulary("sources.kind", &kind, SourceKind::from_text)?,
                vendor_id,
                raw_json,
                first_seen_at: parse_time("vendor_records.first_seen_at", &first)?,
                last_seen_at: parse_time("vendor_records.last_seen_at", &last)?,
                missing_since: missing
                    .map(|at| parse_time("vendor_records.missing_since", &at))
                    .transpose()?,
                speaks_for_unit: speaks,
            });
        }
        Ok(records)
    }
}
