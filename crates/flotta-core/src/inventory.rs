//! The inventory: listing, one device, fleet counts, and the demo fleet.

use flotta_demo::{DEMO_SEED, FleetSpec};
use flotta_domain::SourceKind;
use flotta_store::QueryContext;

use crate::transport::{AppStatus, DeviceQuery};
use crate::{DeviceDetail, DevicePage, Error, FleetSummary, Flotta};

/// The most rows one query may ask for; the UI fetches blocks far smaller than this.
pub const MAX_PAGE_ROWS: u32 = 1000;

/// The name of the source the demo fleet belongs to.
pub const DEMO_SOURCE_NAME: &str = "Demo: generated fleet";

impl Flotta {
    pub fn status(&self) -> Result<AppStatus, Error> {
        let store = self.reader();
        Ok(AppStatus {
            database_path: store.path().display().to_string(),
            demo: store.open_source(SourceKind::Demo)?.is_some()
                || store
                    .connections()?
                    .iter()
                    .any(|c| c.demo && c.closed_at.is_none()),
            device_count: store.device_count()?,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            os_locale: sys_locale::get_locale(),
            log_folder: crate::log_folder().map(|folder| folder.display().to_string()),
        })
    }

    /// One window of the devices matching the query's view, in its order.
    pub fn query_devices(&self, query: &DeviceQuery) -> Result<DevicePage, Error> {
        if query.limit > MAX_PAGE_ROWS {
            return Err(Error::InvalidInput {
                what: "device query",
                detail: format!(
                    "asked for {} rows; at most {MAX_PAGE_ROWS} per query",
                    query.limit
                ),
            });
        }
        // On the connection of the app's writes, not the reader the overview's counts use: at
        // start both are asked at once, and the first page need not wait for the counts.
        self.query_window(&self.store(), &query.view, query.offset, query.limit)
    }

    /// A window of `view`, read on `store`, with each row's model certification, for the
    /// table and exports.
    pub(crate) fn query_window(
        &self,
        store: &flotta_store::Store,
        view: &flotta_domain::InventoryView,
        offset: u32,
        limit: u32,
    ) -> Result<DevicePage, Error> {
        let statuses = crate::certification::ModelStatuses::read(store)?;
        let certified_models = statuses.certified();
        let context = QueryContext {
            today: self.clock.now().date_naive(),
            expiring_within_days: crate::settings::expiring_within_days(store)?,
            certified_models: &certified_models,
        };
        let mut page = store.query_devices(view, &context, offset, limit)?;
        for row in &mut page.rows {
            row.certification = statuses.of(&row.manufacturer, &row.model);
        }
        Ok(page)
    }

    pub fn device_detail(&self, id: u32) -> Result<DeviceDetail, Error> {
        self.reader()
            .device_detail(id)?
            .ok_or(Error::DeviceNotFound { id })
    }

    /// Every EMM record of the unit: which connection, its id there, when it was seen, which
    /// one speaks for the unit, and what each says where it disagrees with the unit.
    pub fn device_sources(&self, id: u32) -> Result<Vec<flotta_domain::SourceRecord>, Error> {
        let unit = self.device_detail(id)?;
        let records = self.reader().unit_records(id)?;
        Ok(records
            .into_iter()
            .map(|record| {
                let read = flotta_domain::Vendor::from_source_kind(record.source_kind).and_then(
                    |vendor| {
                        flotta_sync::read_stored_record(vendor, &record.vendor_id, &record.raw_json)
                    },
                );
                flotta_domain::SourceRecord {
                    source_name: record.source_name,
                    source_kind: record.source_kind,
                    vendor_id: record.vendor_id,
                    first_seen_at: record.first_seen_at,
                    last_seen_at: record.last_seen_at,
                    missing_since: record.missing_since,
                    speaks_for_unit: record.speaks_for_unit,
                    last_check_in: read.as_ref().and_then(|read| read.last_check_in),
                    differences: read
                        .as_ref()
                        .map(|read| flotta_domain::unit_sources::differences(&unit, read))
                        .unwrap_or_default(),
                    compliance_reasons: read
                        .as_ref()
                        .map(|read| read.compliance_reasons.clone())
                        .unwrap_or_default(),
                    lost_mode: read.is_some_and(|read| read.lost_mode),
                }
            })
            .collect())
    }

    /// The apps the device's connections report, with what each connection can see.
    pub fn device_apps(&self, id: u32) -> Result<flotta_domain::DeviceApps, Error> {
        Ok(self.reader().device_apps(id)?)
    }

    /// Rows of installed apps in the register (one per app per vendor record).
    pub fn installed_app_count(&self) -> Result<i64, Error> {
        Ok(self.reader().installed_app_count()?)
    }

    pub fn fleet_summary(&self) -> Result<FleetSummary, Error> {
        let now = self.clock.now();
        let certified_models = self.certification_statuses()?.certified();
        let context = QueryContext {
            today: now.date_naive(),
            expiring_within_days: self.expiring_within_days()?,
            certified_models: &certified_models,
        };
        Ok(self.reader().fleet_summary(now, &context)?)
    }

    /// Fills an empty register with the generated demo fleet, under a source marked as demo.
    pub(crate) fn seed_demo_fleet_if_empty(&self, devices: usize) -> Result<(), Error> {
        let mut store = self.store();
        if store.device_count()? > 0 {
            return Ok(());
        }
        let now = self.clock.now();
        let fleet = flotta_demo::generate(FleetSpec {
            devices,
            seed: DEMO_SEED,
            now,
        });
        let source = store.create_source(SourceKind::Demo, DEMO_SOURCE_NAME, &self.actor, now)?;
        store.insert_devices(source, &fleet, &self.actor, now)?;
        tracing::info!(devices, "filled the empty register with the demo fleet");
        Ok(())
    }
}
