//! Fleet-wide counts for the overview and the filter menus.

use chrono::{DateTime, Utc};
use flotta_domain::{FacetValue, FleetSummary, STALE_AFTER_DAYS};

use crate::connection::Store;
use crate::devices::format_time;
use crate::error::{Context, StoreError};

impl Store {
    /// Counts by dimension over every device, largest first. `now` decides what is stale, by
    /// the rule of `flotta_domain::Device::is_stale`.
    pub fn fleet_summary(&self, now: DateTime<Utc>) -> Result<FleetSummary, StoreError> {
        let stale_before = format_time(&(now - chrono::Duration::days(STALE_AFTER_DAYS)));
        let (total, personal, jailbroken, stale) = self
            .conn
            .query_row(
                "SELECT count(*),
                        count(*) FILTER (WHERE ownership = 'personal'),
                        count(*) FILTER (WHERE jailbroken = 1),
                        count(*) FILTER (WHERE lifecycle = 'deployed'
                            AND (last_check_in IS NULL OR last_check_in < ?1))
                 FROM devices",
                [stale_before],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .context("counting the fleet")?;
        Ok(FleetSummary {
            total,
            personal,
            jailbroken,
            stale,
            by_os: self.facet("SELECT os, count(*) FROM devices GROUP BY os")?,
            by_manufacturer: self.facet(
                "SELECT m.manufacturer, count(*) FROM devices d
                 JOIN device_models m ON m.id = d.model_id GROUP BY m.manufacturer",
            )?,
            by_model: self.facet(
                "SELECT m.name, count(*) FROM devices d
                 JOIN device_models m ON m.id = d.model_id GROUP BY m.name",
            )?,
            by_org_unit: self.facet(
                "SELECT o.name, count(*) FROM devices d
                 JOIN org_units o ON o.id = d.org_unit_id GROUP BY o.name",
            )?,
            by_ownership: self
                .facet("SELECT ownership, count(*) FROM devices GROUP BY ownership")?,
            by_lifecycle: self
                .facet("SELECT lifecycle, count(*) FROM devices GROUP BY lifecycle")?,
        })
    }

    /// Runs a `SELECT value, count` query and returns its rows, largest count first.
    fn facet(&self, sql: &str) -> Result<Vec<FacetValue>, StoreError> {
        let sql = format!("{sql} ORDER BY 2 DESC, 1 ASC");
        let mut statement = self
            .conn
            .prepare_cached(&sql)
            .context("preparing fleet counts")?;
        let rows = statement
            .query_map([], |row| {
                Ok(FacetValue {
                    value: row.get(0)?,
                    count: row.get(1)?,
                })
            })
            .context("counting the fleet")?;
        rows.collect::<Result<Vec<_>, _>>()
            .context("counting the fleet")
    }
}
