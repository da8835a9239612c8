//! Fleet-wide counts for the overview and the filter menus.

use chrono::{DateTime, Utc};
use flotta_domain::{
    CertificationMatch, DeviceFilters, FacetValue, FleetSummary, InventoryView, STALE_AFTER_DAYS,
    WarrantyStatus, warranty_end_range,
};
use rusqlite::params_from_iter;

use crate::connection::Store;
use crate::devices::format_time;
use crate::error::{Context, StoreError};
use crate::query::{Filter, QueryContext};

impl Store {
    /// Counts by dimension over every device, largest first. `now` decides what is stale, by
    /// the rule of `flotta_domain::Device::is_stale`; warranty and certification are counted
    /// with the inventory's own filters, so a count and its filtered list agree.
    pub fn fleet_summary(
        &self,
        now: DateTime<Utc>,
        context: &QueryContext<'_>,
    ) -> Result<FleetSummary, StoreError> {
        self.find_unit_purchases()?;
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
            by_compliance: self
                .facet("SELECT compliance, count(*) FROM devices GROUP BY compliance")?,
            by_supplier: self.facet(
                "SELECT supplier, count(*) FROM temp.unit_purchase WHERE supplier IS NOT NULL
                 GROUP BY supplier",
            )?,
            by_warranty: self.warranty_counts(total, context)?,
            by_certification: self.filter_counts(context, CertificationMatch::ALL, |wanted| {
                DeviceFilters {
                    certification: Some(wanted),
                    ..DeviceFilters::default()
                }
            })?,
        })
    }

    /// Units per warranty status, from the end dates of `temp.unit_purchase` through its
    /// index: the ranges the inventory's warranty filter uses, and the rest unknown.
    fn warranty_counts(
        &self,
        total: u32,
        context: &QueryContext<'_>,
    ) -> Result<Vec<FacetValue>, StoreError> {
        let mut counts = Vec::new();
        let mut known = 0;
        for &status in WarrantyStatus::ALL {
            let Some((from, to)) =
                warranty_end_range(status, context.today, context.expiring_within_days)
            else {
                continue;
            };
            let day = |bound: Option<chrono::NaiveDate>| bound.map(|day| day.to_string());
            let count: u32 = self
                .conn
                .prepare_cached(
                    "SELECT count(*) FROM temp.unit_purchase
                     WHERE warranty_end IS NOT NULL
                       AND (?1 IS NULL OR warranty_end >= ?1)
                       AND (?2 IS NULL OR warranty_end <= ?2)",
                )
                .and_then(|mut statement| {
                    statement.query_row([day(from), day(to)], |row| row.get(0))
                })
                .context("counting warranties")?;
            known += count;
            counts.push(FacetValue {
                value: status.to_string(),
                count,
            });
        }
        counts.push(FacetValue {
            value: WarrantyStatus::Unknown.to_string(),
            count: total.saturating_sub(known),
        });
        counts.retain(|facet| facet.count > 0);
        Ok(counts)
    }

    /// How many devices each value's filter matches, in the vocabulary's order; values
    /// matching none are left out, as a facet leaves them out.
    fn filter_counts<T: Copy + std::fmt::Display>(
        &self,
        context: &QueryContext<'_>,
        values: &[T],
        filters: impl Fn(T) -> DeviceFilters,
    ) -> Result<Vec<FacetValue>, StoreError> {
        let mut counts = Vec::new();
        for &value in values {
            let view = InventoryView {
                filters: filters(value),
                ..InventoryView::default()
            };
            let filter = Filter::new(&view, context, false);
            let count: u32 = self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM devices d {}",
                    filter.where_sql()
                ))
                .and_then(|mut statement| {
                    statement.query_row(params_from_iter(filter.params.iter()), |row| row.get(0))
                })
                .context("counting the fleet")?;
            if count > 0 {
                counts.push(FacetValue {
                    value: value.to_string(),
                    count,
                });
            }
        }
        Ok(counts)
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
