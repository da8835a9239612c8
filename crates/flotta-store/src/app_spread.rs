//! The app question across every connection: which products match a search, on how many
//! units each is installed, and its spread with the units no connection let us see.

use std::collections::{BTreeSet, HashMap};

use flotta_domain::{
    AppDevice, AppDevices, AppMatch, AppSearch, AppSpread, RecordApps, app_key, app_matches,
    app_spread, sort_versions,
};
use rusqlite::params_from_iter;

use crate::connection::Store;
use crate::devices::parse_time;
use crate::error::{Context, StoreError};

/// The reports of one product a search found.
#[derive(Default)]
struct Product {
    ids: Vec<i64>,
    /// Each spelling of its name with how many app rows use it.
    names: HashMap<String, u32>,
    identifiers: BTreeSet<String>,
    publishers: BTreeSet<String>,
    versions: BTreeSet<String>,
}

impl Store {
    /// The products whose name, bundle id, package name or publisher holds `folded` (a
    /// search's text, folded by the domain), most installed first, at most `limit` of them.
    pub fn search_apps(&self, folded: &str, limit: usize) -> Result<AppSearch, StoreError> {
        let mut products: HashMap<String, Product> = HashMap::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, name, identifier, version, publisher FROM apps")
            .context("preparing an app search")?;
        let mut rows = statement.query([]).context("searching apps")?;
        while let Some(row) = rows.next().context("reading apps")? {
            let name: String = row.get(1).context("reading apps")?;
            let identifier: String = row.get(2).context("reading apps")?;
            let publisher: String = row.get(4).context("reading apps")?;
            if !app_matches(folded, &name, &identifier, &publisher) {
                continue;
            }
            let product = products.entry(app_key(&name)).or_default();
            product.ids.push(row.get(0).context("reading apps")?);
            if !identifier.is_empty() {
                product.identifiers.insert(identifier);
            }
            if !publisher.is_empty() {
                product.publishers.insert(publisher);
            }
            product.versions.insert(row.get(3).context("reading apps")?);
            *product.names.entry(name).or_default() += 1;
        }
        let devices = self.devices_with(&products)?;
        let mut matches: Vec<AppMatch> = products
            .into_iter()
            .map(|(key, product)| {
                let name = product
                    .names
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(name, _)| name.clone())
                    .unwrap_or_default();
                let mut versions: Vec<String> = product.versions.into_iter().collect();
                sort_versions(&mut versions);
                AppMatch {
                    devices: devices.get(&key).copied().unwrap_or(0),
                    key,
                    name,
                    identifiers: product.identifiers.into_iter().collect(),
                    publishers: product.publishers.into_iter().collect(),
                    versions,
                }
            })
            .collect();
        matches.sort_by(|a, b| b.devices.cmp(&a.devices).then(a.key.cmp(&b.key)));
        let more = matches.len().saturating_sub(limit);
        matches.truncate(limit);
        Ok(AppSearch {
            matches,
            more: u32::try_from(more).unwrap_or(u32::MAX),
        })
    }

    /// Units (with an active record) each product is installed on, by product key. The
    /// installs are read from the covering index on `app_id` and mapped to their unit in
    /// memory: joining each install to its record would read the records' wide rows.
    fn devices_with(
        &self,
        products: &HashMap<String, Product>,
    ) -> Result<HashMap<String, u32>, StoreError> {
        // Record id → unit id + 1 (0: missing, or no such record).
        let mut unit_of: Vec<u32> = Vec::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, device_id FROM vendor_records WHERE missing_since IS NULL")
            .context("preparing to count an app's units")?;
        let mut rows = statement.query([]).context("counting an app's units")?;
        let mut units = 0u32;
        while let Some(row) = rows.next().context("counting an app's units")? {
            let record = row.get::<_, u32>(0).context("counting an app's units")? as usize;
            let unit: u32 = row.get(1).context("counting an app's units")?;
            if unit_of.len() <= record {
                unit_of.resize(record + 1, 0);
            }
            unit_of[record] = unit + 1;
            units = units.max(unit + 1);
        }
        let mut installs = self
            .conn
            .prepare_cached("SELECT vendor_record_id FROM installed_apps WHERE app_id = ?1")
            .context("preparing to count an app's units")?;
        // One bit per unit: a unit in two connections, or with two versions, counts once.
        let mut seen = vec![0u64; units as usize / 64 + 1];
        let mut counts = HashMap::with_capacity(products.len());
        for (key, product) in products {
            seen.fill(0);
            for id in &product.ids {
                let mut rows = installs.query([id]).context("counting an app's units")?;
                while let Some(row) = rows.next().context("counting an app's units")? {
                    let record = row.get::<_, u32>(0).context("counting an app's units")? as usize;
                    if let Some(&unit) = unit_of.get(record).filter(|unit| **unit > 0) {
                        seen[unit as usize / 64] |= 1 << (unit % 64);
                    }
                }
            }
            let count: u32 = seen.iter().map(|bits| bits.count_ones()).sum();
            counts.insert(key.clone(), count);
        }
        Ok(counts)
    }

    /// Where the product `key` is installed, counted over the active records of every unit:
    /// per organisation unit, OS, ownership and connection, with the units not visible.
    pub fn app_spread(&self, key: &str) -> Result<AppSpread, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT v.device_id, s.name, o.name, d.os, d.ownership,
                        v.apps_reported_at IS NOT NULL,
                        v.id IN (SELECT i.vendor_record_id FROM installed_apps i
                                 WHERE i.app_id IN (SELECT id FROM apps
                                                    WHERE flotta_app_key(name) = ?1))
                 FROM vendor_records v
                 JOIN devices d ON d.id = v.device_id
                 JOIN sources s ON s.id = v.source_id
                 LEFT JOIN org_units o ON o.id = d.org_unit_id
                 WHERE v.missing_since IS NULL",
            )
            .context("preparing an app's spread")?;
        let records = statement
            .query_map(params_from_iter([key]), |row| {
                Ok(RecordApps {
                    device: row.get(0)?,
                    connection: row.get(1)?,
                    org_unit: row.get(2)?,
                    os: row.get(3)?,
                    ownership: row.get(4)?,
                    listed: row.get(5)?,
                    has_app: row.get(6)?,
                })
            })
            .context("counting an app's spread")?
            .collect::<Result<Vec<_>, _>>()
            .context("reading an app's spread")?;
        Ok(app_spread(key, &records))
    }
}

impl Store {
    /// The units on which some connection reports the product `key`, newest installs first
    /// (those known from before first syncs were kept come last), at most `limit`, with how
    /// many there are in all.
    pub fn app_devices(&self, key: &str, limit: u32) -> Result<AppDevices, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                // A unit's first sight is its earliest record's; an install stored before
                // first syncs were kept (NULL) is older than any. Runs are ordered by id:
                // two can start within the same second. Commas inside the listed
                // names travel as U+001F through `group_concat`.
                "SELECT d.id, d.serial, d.imei, m.manufacturer, m.name, o.name, d.user_name,
                        group_concat(DISTINCT replace(s.name, ',', char(31))),
                        group_concat(DISTINCT replace(a.version, ',', char(31))),
                        CASE WHEN count(*) FILTER (WHERE i.first_seen_run IS NULL) = 0
                             THEN min(r.started_at) END,
                        CASE WHEN count(*) FILTER (WHERE i.first_seen_run IS NULL) = 0
                             THEN min(i.first_seen_run) END AS first_run,
                        count(*) OVER ()
                 FROM installed_apps i
                 JOIN apps a ON a.id = i.app_id
                 JOIN vendor_records v ON v.id = i.vendor_record_id
                 JOIN devices d ON d.id = v.device_id
                 JOIN device_models m ON m.id = d.model_id
                 JOIN sources s ON s.id = v.source_id
                 LEFT JOIN org_units o ON o.id = d.org_unit_id
                 LEFT JOIN sync_runs r ON r.id = i.first_seen_run
                 WHERE v.missing_since IS NULL
                   AND i.app_id IN (SELECT id FROM apps WHERE flotta_app_key(name) = ?1)
                 GROUP BY d.id
                 ORDER BY first_run IS NULL, first_run DESC, d.id
                 LIMIT ?2",
            )
            .context("preparing an app's device list")?;
        let mut total = 0;
        let mut devices = Vec::new();
        let mut rows = statement
            .query(rusqlite::params![key, limit])
            .context("listing an app's devices")?;
        while let Some(row) = rows.next().context("reading an app's devices")? {
            let list = |index: usize| -> Result<Vec<String>, StoreError> {
                let joined: String = row.get(index).context("reading an app's devices")?;
                let mut items: Vec<String> = joined
                    .split(',')
                    .map(|item| item.replace('\u{1f}', ","))
                    .collect();
                items.sort();
                Ok(items)
            };
            let first_seen: Option<String> = row.get(9).context("reading an app's devices")?;
            total = row.get(11).context("reading an app's devices")?;
            let mut versions = list(8)?;
            sort_versions(&mut versions);
            devices.push(AppDevice {
                device_id: row.get(0).context("reading an app's devices")?,
                serial: row.get(1).context("reading an app's devices")?,
                imei: row.get(2).context("reading an app's devices")?,
                manufacturer: row.get(3).context("reading an app's devices")?,
                model: row.get(4).context("reading an app's devices")?,
                org_unit: row.get(5).context("reading an app's devices")?,
                user_name: row.get(6).context("reading an app's devices")?,
                connections: list(7)?,
                versions,
                first_seen_at: first_seen
                    .map(|at| parse_time("sync_runs.started_at", &at))
                    .transpose()?,
            });
        }
        Ok(AppDevices { total, devices })
    }
}
