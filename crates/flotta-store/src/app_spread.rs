//! The app question across every connection: which products match a search, on how many
//! units each is installed, and its spread with the units no connection let us see.

use std::collections::{BTreeSet, HashMap};

use flotta_domain::{
    AppDevice, AppDevices, AppMatch, AppSearch, AppSpread, RecordApps, app_key, app_matches,
    app_spread, sort_versions,
};

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

    /// Units (with an active record) each product is installed on, by product key.
    fn devices_with(
        &self,
        products: &HashMap<String, Product>,
    ) -> Result<HashMap<String, u32>, StoreError> {
        self.with_app_index(|index, conn| {
            // One bit per unit: a unit in two connections, or with two versions, counts once.
            let mut seen = vec![0u64; index.units / 64 + 1];
            let mut counts = HashMap::with_capacity(products.len());
            for (key, product) in products {
                seen.fill(0);
                index.read_installs(conn, &product.ids)?;
                for id in &product.ids {
                    for &position in index.installs(*id) {
                        let unit = index.records[position as usize].device as usize;
                        seen[unit / 64] |= 1 << (unit % 64);
                    }
                }
                let count: u32 = seen.iter().map(|bits| bits.count_ones()).sum();
                counts.insert(key.clone(), count);
            }
            Ok(counts)
        })
    }

    /// Where the product `key` is installed, counted over the active records of every unit:
    /// per organisation unit, OS, ownership and connection, with the units not visible.
    pub fn app_spread(&self, key: &str) -> Result<AppSpread, StoreError> {
        let ids = self
            .conn
            .prepare_cached("SELECT id FROM apps WHERE flotta_app_key(name) = ?1")
            .and_then(|mut statement| {
                statement
                    .query_map([key], |row| row.get::<_, i64>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .context("finding an app's versions")?;
        self.with_app_index(|index, conn| {
            index.read_installs(conn, &ids)?;
            let index = &*index;
            let mut has_app = vec![false; index.records.len()];
            for id in &ids {
                for &position in index.installs(*id) {
                    has_app[position as usize] = true;
                }
            }
            let records = index
                .records
                .iter()
                .zip(has_app)
                .map(|(record, has_app)| RecordApps {
                    device: record.device,
                    connection: index.name(record.connection),
                    org_unit: record.org_unit.map(|unit| index.name(unit)),
                    os: index.name(record.os),
                    ownership: index.name(record.ownership),
                    listed: record.listed,
                    has_app,
                });
            Ok(app_spread(key, records))
        })
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
