//! Installed apps: what a sync stores for each vendor record, and what the device panel shows.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use flotta_domain::{AppVisibility, AppsSeen, DeviceApp, DeviceApps, InstalledApp, VendorDevice};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::connection::Store;
use crate::devices::{format_time, parse_time};
use crate::error::{Context, StoreError};
use crate::sources::SourceId;
use crate::sync_runs::RunId;
use crate::sync_writer::StoredRecord;

/// Brings each record's stored apps in line with what its sync reported: only the
/// difference is written, so a daily full sync of an unchanged fleet writes almost nothing.
/// `records[i]` is where `devices[i]` was stored (`None`: it was not). An install new to its
/// record is first seen by `run`, unless another version of the app was there before: it
/// keeps that one's first sync, so an update is not mistaken for an install.
pub(crate) fn store_installed(
    tx: &Transaction<'_>,
    run: RunId,
    devices: &[VendorDevice],
    records: &[Option<StoredRecord>],
) -> Result<(), StoreError> {
    // By address: a sync hands out one shared copy per distinct app, and hashing the four
    // texts of each of two million installs was a tenth of the apps pass.
    let mut app_ids: HashMap<*const InstalledApp, i64> = HashMap::new();
    let mut app_id = tx
        .prepare_cached(
            // A report naming no publisher leaves the one another connection named.
            "INSERT INTO apps (name, identifier, version, publisher) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name, identifier, version) DO UPDATE
             SET publisher = CASE excluded.publisher WHEN '' THEN publisher
                                                      ELSE excluded.publisher END
             RETURNING id",
        )
        .context("preparing apps")?;
    let mut stored = tx
        .prepare_cached("SELECT app_id FROM installed_apps WHERE vendor_record_id = ?1")
        .context("preparing installed apps")?;
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO installed_apps (vendor_record_id, app_id, first_seen_run)
             VALUES (?1, ?2, ?3)",
        )
        .context("preparing installed apps")?;
    // Run before the replaced version is removed; the aggregate gives one row either way.
    let mut insert_update = tx
        .prepare_cached(
            "INSERT INTO installed_apps (vendor_record_id, app_id, first_seen_run)
             SELECT ?1, ?2, CASE WHEN count(*) = 0 THEN ?3 ELSE min(i.first_seen_run) END
             FROM installed_apps i JOIN apps a ON a.id = i.app_id
             WHERE i.vendor_record_id = ?1
               AND flotta_app_key(a.name) = (SELECT flotta_app_key(name) FROM apps WHERE id = ?2)",
        )
        .context("preparing installed apps")?;
    let mut remove = tx
        .prepare_cached("DELETE FROM installed_apps WHERE vendor_record_id = ?1 AND app_id = ?2")
        .context("preparing installed apps")?;
    let mut remove_all = tx
        .prepare_cached("DELETE FROM installed_apps WHERE vendor_record_id = ?1")
        .context("preparing installed apps")?;
    let mut wanted: Vec<i64> = Vec::new();
    // A listing that shifted between pages can send one record twice; the second time it
    // has apps stored already.
    let mut done: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for (device, record) in devices.iter().zip(records) {
        let Some(record) = record else { continue };
        let is_new = record.is_new && done.insert(record.id);
        match &device.apps {
            AppsSeen::NotFetched => {}
            AppsSeen::NotReported => {
                if !is_new {
                    remove_all
                        .execute([record.id])
                        .context("removing apps no longer reported")?;
                }
            }
            AppsSeen::Installed(apps) | AppsSeen::Partial(apps) => {
                wanted.clear();
                for app in apps {
                    let id = match app_ids.get(&Arc::as_ptr(app)) {
                        Some(id) => *id,
                        None => {
                            let id: i64 = app_id
                                .query_row(
                                    params![app.name, app.identifier, app.version, app.publisher],
                                    |row| row.get(0),
                                )
                                .context("storing an app")?;
                            app_ids.insert(Arc::as_ptr(app), id);
                            id
                        }
                    };
                    wanted.push(id);
                }
                wanted.sort_unstable();
                wanted.dedup();
                let mut had: Vec<i64> = if is_new {
                    Vec::new()
                } else {
                    stored
                        .query_map([record.id], |row| row.get(0))
                        .context("reading installed apps")?
                        .collect::<Result<_, _>>()
                        .context("reading installed apps")?
                };
                had.sort_unstable();
                for id in wanted.iter().filter(|id| had.binary_search(id).is_err()) {
                    let statement = if is_new {
                        &mut insert
                    } else {
                        &mut insert_update
                    };
                    statement
                        .execute([record.id, *id, run.0])
                        .context("storing an installed app")?;
                }
                for id in had.iter().filter(|id| wanted.binary_search(id).is_err()) {
                    remove
                        .execute([record.id, *id])
                        .context("removing an uninstalled app")?;
                }
            }
        }
    }
    Ok(())
}

impl Store {
    /// Stores what a separate pass read about the apps of devices a sync has already stored
    /// (Intune's detected apps), in one transaction, and moves the run's end to `at`.
    pub fn store_apps(
        &mut self,
        run: RunId,
        source: SourceId,
        devices: &[VendorDevice],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // Each id an install row carries is read from its parent in the same transaction (the
        // record found by its vendor id, the app returned by its insert, the run being
        // written), so checking the three references of each of two million rows again
        // (2.5 s of a 7 s sync) guards nothing. Every other write of this connection, and
        // every write of the others, is checked.
        self.conn
            .pragma_update(None, "foreign_keys", "OFF")
            .context("preparing to store installed apps")?;
        let stored = self.write_apps(run, source, devices, at);
        let checked = self
            .conn
            .pragma_update(None, "foreign_keys", "ON")
            .context("storing installed apps");
        stored.and(checked)
    }

    fn write_apps(
        &mut self,
        run: RunId,
        source: SourceId,
        devices: &[VendorDevice],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting to store installed apps")?;
        let now = format_time(&at);
        let mut records = Vec::with_capacity(devices.len());
        {
            let mut find = tx
                .prepare_cached(
                    // Whether the record may hold apps already: a complete list reported
                    // before, or a partial one (which leaves apps_reported_at unset).
                    "SELECT id, apps_reported_at IS NOT NULL
                        OR EXISTS (SELECT 1 FROM installed_apps i WHERE i.vendor_record_id = vendor_records.id)
                     FROM vendor_records
                     WHERE source_id = ?1 AND vendor_id = ?2",
                )
                .context("preparing to store installed apps")?;
            let mut mark = tx
                .prepare_cached("UPDATE vendor_records SET apps_reported_at = ?2 WHERE id = ?1")
                .context("preparing to store installed apps")?;
            for device in devices {
                let found: Option<(i64, bool)> = find
                    .query_row(params![source.0, device.vendor_id], |row| {
                        Ok((row.get(0)?, row.get(1)?))
                    })
                    .optional()
                    .context("finding a vendor record")?;
                let Some((id, reported_before)) = found else {
                    records.push(None);
                    continue;
                };
                let reported = match device.apps {
                    AppsSeen::NotFetched => {
                        records.push(None);
                        continue;
                    }
                    AppsSeen::Installed(_) => Some(now.as_str()),
                    AppsSeen::NotReported | AppsSeen::Partial(_) => None,
                };
                mark.execute(params![id, reported])
                    .context("marking when apps were reported")?;
                records.push(Some(StoredRecord {
                    id,
                    is_new: !reported_before,
                }));
            }
        }
        store_installed(&tx, run, devices, &records)?;
        tx.execute(
            "UPDATE sync_runs SET finished_at = ?2 WHERE id = ?1",
            params![run.0, now],
        )
        .context("recording the end of a sync")?;
        tx.commit().context("committing installed apps")
    }

    /// The apps the device's connections report, and what each connection can see.
    pub fn device_apps(&self, device: u32) -> Result<DeviceApps, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                // A re-enrolled unit has two records of one connection reporting the same apps.
                "SELECT DISTINCT a.name, a.identifier, a.version, s.name
                 FROM vendor_records v
                 JOIN sources s ON s.id = v.source_id
                 JOIN installed_apps i ON i.vendor_record_id = v.id
                 JOIN apps a ON a.id = i.app_id
                 WHERE v.device_id = ?1 AND v.missing_since IS NULL
                 ORDER BY a.name COLLATE NOCASE, a.name, a.version, s.name",
            )
            .context("listing a device's apps")?;
        let rows = statement
            .query_map([device], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })
            .context("listing a device's apps")?;
        // One row per app and version, whichever connections report it: Graph names an app
        // without an id, Workspace ONE with one, and both mean the same install.
        let mut apps: Vec<DeviceApp> = Vec::new();
        for row in rows {
            let (name, identifier, version, source) = row.context("reading a device's apps")?;
            match apps.last_mut() {
                Some(last) if last.name == name && last.version == version => {
                    if last.identifier.is_empty() {
                        last.identifier = identifier;
                    }
                    if !last.sources.contains(&source) {
                        last.sources.push(source);
                    }
                }
                _ => apps.push(DeviceApp {
                    name,
                    identifier,
                    version,
                    sources: vec![source],
                }),
            }
        }
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT s.name, max(v.apps_reported_at)
                 FROM vendor_records v JOIN sources s ON s.id = v.source_id
                 WHERE v.device_id = ?1 AND v.missing_since IS NULL
                 GROUP BY s.id ORDER BY s.name",
            )
            .context("listing a device's app reporting")?;
        let rows = statement
            .query_map([device], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
            })
            .context("listing a device's app reporting")?;
        let mut visibility = Vec::new();
        for row in rows {
            let (source, at) = row.context("reading a device's app reporting")?;
            visibility.push(AppVisibility {
                source,
                reported_at: at
                    .map(|at| parse_time("vendor_records.apps_reported_at", &at))
                    .transpose()?,
            });
        }
        Ok(DeviceApps { apps, visibility })
    }

    /// Rows in the installed-apps table (for benchmarks and tests of scale).
    pub fn installed_app_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM installed_apps", [], |row| row.get(0))
            .context("counting installed apps")
    }
}
