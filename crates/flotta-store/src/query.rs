//! Answering an [`InventoryView`]: which devices match, in which order, one window at a time.
//!
//! A page is found in two steps: first the ids of the window, then the rows for those ids.
//! Sorting carries only ids, and rows are read for the window alone. Sorting by a name kept in
//! another table (model, manufacturer, organisation unit) walks that small table in name order
//! and takes devices group by group through their index, so no step sorts the whole fleet.

use chrono::NaiveDate;
use flotta_domain::{
    CertificationMatch, CertificationStatus, Compliance, DevicePage, DeviceRow, InventoryView,
    Lifecycle, OsFamily, Ownership, PurchaseMatch, SortColumn, SortDirection, WarrantyStatus,
    warranty_end, warranty_end_range,
};
use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use crate::app_index::RegisterState;
use crate::connection::Store;
use crate::devices::{parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// What a view's filters are measured against besides the register: the day, the
/// organisation's notice period for warranties, and which models are certified (decided by
/// the domain's rules above the store).
#[derive(Debug, Clone, Copy)]
pub struct QueryContext<'a> {
    pub today: NaiveDate,
    pub expiring_within_days: u32,
    /// (manufacturer, model) of every certified model.
    pub certified_models: &'a [(String, String)],
}

impl Store {
    /// One window of the devices matching `view`, in its order, and how many match in total.
    /// The rows' certification is left as not started; the caller knows the models' status.
    pub fn query_devices(
        &self,
        view: &InventoryView,
        context: &QueryContext<'_>,
        offset: u32,
        limit: u32,
    ) -> Result<DevicePage, StoreError> {
        let terms = view.search_terms();
        if !terms.is_empty() {
            self.find_search_hits(&terms)?;
        }
        if let Some(app) = &view.filters.app {
            self.find_app_units(app)?;
        }
        let purchase_sort = purchase_column(view.sort.column);
        if purchase_sort.is_some()
            || view.filters.purchase.is_some()
            || view.filters.supplier.is_some()
            || view.filters.warranty.is_some()
        {
            self.find_unit_purchases()?;
        }
        let filter = Filter::new(view, context, !terms.is_empty());
        let descending = view.sort.direction == SortDirection::Desc;
        let (total, ids) = match (grouping(view.sort.column), purchase_sort) {
            (Some(grouping), _) => {
                self.walk_groups(&filter, grouping, descending, offset, limit)?
            }
            (None, Some(column)) => {
                let total = self.count(&filter)?;
                let ids = self.walk_purchases(&filter, column, descending, offset, limit)?;
                (total, ids)
            }
            (None, None) => {
                let total = self.count(&filter)?;
                let ids = self.window_ids(&filter, view.sort.column, descending, offset, limit)?;
                (total, ids)
            }
        };
        Ok(DevicePage {
            total,
            offset,
            rows: self.rows_by_id(&ids)?,
        })
    }

    /// Fills this connection's temporary `search_hits` with the devices whose search text
    /// holds every term: one scan, shared by the count and by every window of the same
    /// search.
    fn find_search_hits(&self, terms: &[String]) -> Result<(), StoreError> {
        // `instr` compares exactly: the text and the terms are folded alike.
        let each = vec!["instr(text, ?) > 0"; terms.len()].join(" AND ");
        self.fill_temp(
            &self.search_hits,
            "search_hits",
            &format!("SELECT device_id FROM device_search WHERE {each}"),
            terms,
        )
    }

    /// Fills this connection's temporary `app_units` with the units on which some connection
    /// reports the app `key`: found once, shared by the count and every window (an export
    /// walks thousands of rows in windows).
    fn find_app_units(&self, key: &str) -> Result<(), StoreError> {
        self.fill_temp(
            &self.app_units,
            "app_units",
            "SELECT DISTINCT v.device_id FROM installed_apps i
             JOIN vendor_records v ON v.id = i.vendor_record_id
             WHERE v.missing_since IS NULL
               AND i.app_id IN (SELECT id FROM apps WHERE flotta_app_key(name) = ?)",
            &[key.to_owned()],
        )
    }

    /// Fills the temporary table `table` (one column of device ids) with what `select`
    /// finds for `params`, unless `cache` says it already holds that as the register is now:
    /// it is filled again when the parameters change or the register has (another
    /// connection's commit moves `data_version`, this one's own writes `total_changes`).
    fn fill_temp(
        &self,
        cache: &std::sync::Mutex<Option<TempFill>>,
        table: &str,
        select: &str,
        params: &[String],
    ) -> Result<(), StoreError> {
        let state = self.register_state()?;
        let mut filled = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if filled
            .as_ref()
            .is_some_and(|filled| filled.input == params && filled.state == state)
        {
            return Ok(());
        }
        *filled = None;
        self.conn
            .execute_batch(&format!(
                "CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY);
                 DELETE FROM temp.{table};"
            ))
            .context("preparing a search or filter")?;
        self.conn
            .prepare_cached(&format!("INSERT INTO temp.{table} {select}"))
            .and_then(|mut statement| statement.execute(params_from_iter(params)))
            .context("searching the register")?;
        *filled = Some(TempFill {
            input: params.to_vec(),
            // As the register was before the fill: the fill's own insert is no change to it.
            state: RegisterState {
                total_changes: self.conn.total_changes(),
                ..state
            },
        });
        Ok(())
    }

    /// Fills this connection's temporary `unit_purchase` with each synced unit's purchase
    /// (matched by serial number, then IMEI): its date, supplier and warranty end, indexed for
    /// sorting; a unit without a purchase has a row of NULLs, so the units lacking a value are
    /// an index range too. Built only for a view that sorts or filters on them, and again only
    /// when the purchases or the units' identifiers may have changed (an import, a purchase
    /// corrected, a finished sync);
    /// matching 50,000 units costs tens of milliseconds, a window after it one or two.
    pub(crate) fn find_unit_purchases(&self) -> Result<(), StoreError> {
        let fingerprint: String = self
            .conn
            .query_row(
                "SELECT (SELECT coalesce(max(id), 0) FROM purchases) || ':'
                    || (SELECT count(*) FROM purchases) || ':'
                    || (SELECT coalesce(max(id), 0) FROM audit_log
                        WHERE entity = 'purchase' AND action = 'update') || ':'
                    || (SELECT coalesce(max(id), 0) FROM devices) || ':'
                    || (SELECT count(*) FROM sync_runs WHERE finished_at IS NOT NULL)",
                [],
                |row| row.get(0),
            )
            .context("checking the purchases")?;
        let mut built = self
            .unit_purchases
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if built.as_deref() == Some(fingerprint.as_str()) {
            return Ok(());
        }
        // Rows first, indexes after: sorting once is cheaper than keeping three indexes
        // ordered row by row. By serial first; a unit matched so keeps that purchase when its
        // IMEI names another.
        self.conn
            .execute_batch(
                "DROP TABLE IF EXISTS temp.unit_purchase;
                 CREATE TEMP TABLE unit_purchase (
                    device_id INTEGER PRIMARY KEY,
                    purchase_date TEXT,
                    supplier TEXT,
                    warranty_end TEXT);
                 INSERT INTO temp.unit_purchase
                    SELECT d.id, p.purchase_date, p.supplier,
                        flotta_warranty_end(p.purchase_date, p.warranty_months)
                    FROM purchases p JOIN devices d ON d.serial = p.serial;
                 INSERT OR IGNORE INTO temp.unit_purchase
                    SELECT d.id, p.purchase_date, p.supplier,
                        flotta_warranty_end(p.purchase_date, p.warranty_months)
                    FROM purchases p JOIN devices d ON d.imei = p.imei;
                 INSERT OR IGNORE INTO temp.unit_purchase (device_id) SELECT id FROM devices;
                 CREATE INDEX temp.unit_purchase_date
                    ON unit_purchase (purchase_date, device_id);
                 CREATE INDEX temp.unit_purchase_supplier
                    ON unit_purchase (supplier, device_id);
                 CREATE INDEX temp.unit_purchase_warranty
                    ON unit_purchase (warranty_end, device_id);",
            )
            .context("matching purchases to units")?;
        *built = Some(fingerprint);
        Ok(())
    }

    /// Ids of the window when the sort key is a purchase's: the units with a value in the
    /// order of `temp.unit_purchase`'s index (its table first in the join, so the index drives
    /// it rather than a sort), then — missing values go last — the others by id, the index's
    /// NULL range.
    fn walk_purchases(
        &self,
        filter: &Filter,
        column: &str,
        descending: bool,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<u32>, StoreError> {
        let direction = if descending { "DESC" } else { "ASC" };
        let valued = format!("u.{column} IS NOT NULL");
        // Without conditions on the device the index alone answers; with them each unit is
        // looked up by its id.
        let from = if filter.clauses.is_empty() {
            "temp.unit_purchase u"
        } else {
            "temp.unit_purchase u CROSS JOIN devices d ON d.id = u.device_id"
        };
        let sql = format!(
            "SELECT u.device_id FROM {from}
             {} ORDER BY u.{column} {direction}, u.device_id {direction} LIMIT ? OFFSET ?",
            filter.where_sql_and(&valued)
        );
        let mut ids = self.ids(&sql, filter.params.iter().cloned(), offset, limit)?;
        let wanted = limit - ids.len() as u32;
        if wanted == 0 {
            return Ok(ids);
        }
        // Where the valued units end: right after this window's last one, else counted.
        let valued_count = if ids.is_empty() {
            self.conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM {from} {}",
                    filter.where_sql_and(&valued)
                ))
                .and_then(|mut statement| {
                    statement.query_row(params_from_iter(filter.params.iter()), |row| row.get(0))
                })
                .context("counting matching devices")?
        } else {
            offset + ids.len() as u32
        };
        let sql = format!(
            "SELECT u.device_id FROM {from} {} ORDER BY u.device_id {direction} LIMIT ? OFFSET ?",
            filter.where_sql_and(&format!("u.{column} IS NULL"))
        );
        let skip = offset.saturating_sub(valued_count);
        ids.extend(self.ids(&sql, filter.params.iter().cloned(), skip, wanted)?);
        Ok(ids)
    }

    fn count(&self, filter: &Filter) -> Result<u32, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM devices d {}",
                filter.where_sql()
            ))
            .and_then(|mut statement| {
                statement.query_row(params_from_iter(filter.params.iter()), |row| row.get(0))
            })
            .context("counting matching devices")
    }

    /// Ids of the window when the sort key is a column of `devices`, which has an index.
    fn window_ids(
        &self,
        filter: &Filter,
        column: SortColumn,
        descending: bool,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<u32>, StoreError> {
        let column = match column {
            SortColumn::Serial => "d.serial",
            SortColumn::Imei => "d.imei",
            SortColumn::Os => "d.os",
            SortColumn::OsVersion => "d.os_version",
            SortColumn::Ownership => "d.ownership",
            SortColumn::User => "d.user_name",
            SortColumn::Lifecycle => "d.lifecycle",
            SortColumn::Compliance => "d.compliance",
            SortColumn::LastCheckIn => "d.last_check_in",
            SortColumn::Manufacturer
            | SortColumn::Model
            | SortColumn::OrgUnit
            | SortColumn::PurchaseDate
            | SortColumn::Supplier
            | SortColumn::WarrantyEnd => {
                unreachable!("sorted by walking groups or purchases")
            }
        };
        // Missing values go last in both directions; the id breaks ties so pages are stable.
        let order = if descending {
            format!("{column} DESC NULLS LAST, d.id DESC")
        } else {
            format!("{column} ASC NULLS LAST, d.id ASC")
        };
        let sql = format!(
            "SELECT d.id FROM devices d {} ORDER BY {order} LIMIT ? OFFSET ?",
            filter.where_sql()
        );
        self.ids(&sql, filter.params.iter().cloned(), offset, limit)
    }

    /// Ids of the window when the sort key lives in a small table the devices point to: the
    /// groups are visited in name order and each is read in id order through its index.
    fn walk_groups(
        &self,
        filter: &Filter,
        grouping: Grouping,
        descending: bool,
        offset: u32,
        limit: u32,
    ) -> Result<(u32, Vec<u32>), StoreError> {
        let key = grouping.device_column;
        let counts: std::collections::HashMap<Option<i64>, u32> = {
            let sql = format!(
                "SELECT {key}, count(*) FROM devices d {} GROUP BY {key}",
                filter.where_sql()
            );
            let mut statement = self
                .conn
                .prepare_cached(&sql)
                .context("counting matching devices")?;
            let rows = statement
                .query_map(params_from_iter(filter.params.iter()), |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })
                .context("counting matching devices")?;
            rows.collect::<Result<_, _>>()
                .context("counting matching devices")?
        };
        let total = counts.values().sum();

        let direction = if descending { "DESC" } else { "ASC" };
        let mut groups: Vec<Option<i64>> = {
            let sql = format!(
                "SELECT id FROM {} ORDER BY {}",
                grouping.table,
                grouping
                    .order
                    .iter()
                    .map(|column| format!("{column} {direction}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut statement = self
                .conn
                .prepare_cached(&sql)
                .context("ordering device groups")?;
            let rows = statement
                .query_map([], |row| row.get::<_, i64>(0).map(Some))
                .context("ordering device groups")?;
            rows.collect::<Result<_, _>>()
                .context("ordering device groups")?
        };
        // Devices without a value (no organisation unit) come last in both directions.
        groups.push(None);

        let mut skip = offset;
        let mut ids = Vec::with_capacity(limit as usize);
        for group in groups {
            if ids.len() >= limit as usize {
                break;
            }
            let in_group = counts.get(&group).copied().unwrap_or(0);
            if skip >= in_group {
                skip -= in_group;
                continue;
            }
            let (condition, value) = match group {
                Some(id) => (format!("{key} = ?"), Some(Value::Integer(id))),
                None => (format!("{key} IS NULL"), None),
            };
            let sql = format!(
                "SELECT d.id FROM devices d {} ORDER BY d.id {direction} LIMIT ? OFFSET ?",
                filter.where_sql_and(&condition)
            );
            let wanted = limit - ids.len() as u32;
            let params = filter.params.iter().cloned().chain(value);
            ids.extend(self.ids(&sql, params, skip, wanted)?);
            skip = 0;
        }
        Ok((total, ids))
    }

    fn ids(
        &self,
        sql: &str,
        params: impl Iterator<Item = Value>,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<u32>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(sql)
            .context("preparing the device list")?;
        let values: Vec<Value> = params
            .chain([
                Value::Integer(i64::from(limit)),
                Value::Integer(i64::from(offset)),
            ])
            .collect();
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| row.get(0))
            .context("listing devices")?;
        rows.collect::<Result<_, _>>().context("listing devices")
    }

    /// The table rows for `ids`, in the order of `ids`.
    fn rows_by_id(&self, ids: &[u32]) -> Result<Vec<DeviceRow>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; ids.len()].join(",");
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM devices d
             JOIN device_models m ON m.id = d.model_id
             LEFT JOIN org_units o ON o.id = d.org_unit_id
             LEFT JOIN purchases p ON p.id = coalesce(
                (SELECT id FROM purchases WHERE serial = d.serial),
                (SELECT id FROM purchases WHERE imei = d.imei))
             WHERE d.id IN ({placeholders})"
        );
        let mut statement = self
            .conn
            .prepare(&sql)
            .context("preparing the device list")?;
        let mut rows = statement
            .query(params_from_iter(ids.iter()))
            .context("listing devices")?;
        let mut by_id = std::collections::HashMap::with_capacity(ids.len());
        while let Some(row) = rows.next().context("listing devices")? {
            let device = device_row(row)?;
            by_id.insert(device.id, device);
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }
}

/// How to sort by a name that lives in another table.
#[derive(Debug, Clone, Copy)]
struct Grouping {
    /// The devices column pointing at the table.
    device_column: &'static str,
    table: &'static str,
    /// Columns of `table` giving the order; the id last, so equal names stay in a fixed order.
    order: &'static [&'static str],
}

fn grouping(column: SortColumn) -> Option<Grouping> {
    match column {
        SortColumn::Model => Some(Grouping {
            device_column: "d.model_id",
            table: "device_models",
            order: &["name", "manufacturer", "id"],
        }),
        SortColumn::Manufacturer => Some(Grouping {
            device_column: "d.model_id",
            table: "device_models",
            order: &["manufacturer", "name", "id"],
        }),
        SortColumn::OrgUnit => Some(Grouping {
            device_column: "d.org_unit_id",
            table: "org_units",
            order: &["name", "id"],
        }),
        _ => None,
    }
}

/// The column of `temp.unit_purchase` a sort walks, for the purchase's columns.
fn purchase_column(column: SortColumn) -> Option<&'static str> {
    match column {
        SortColumn::PurchaseDate => Some("purchase_date"),
        SortColumn::Supplier => Some("supplier"),
        SortColumn::WarrantyEnd => Some("warranty_end"),
        _ => None,
    }
}

/// What a temporary table (`temp.search_hits`, `temp.app_units`) holds the result of, as of
/// which state of the register.
#[derive(Debug)]
pub(crate) struct TempFill {
    input: Vec<String>,
    state: RegisterState,
}

/// The conditions of a view over `devices d`, shared by counts and windows so they agree.
pub(crate) struct Filter {
    clauses: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Filter {
    /// `searched`: the view's search terms are in `temp.search_hits`; a purchase, supplier or
    /// warranty filter reads `temp.unit_purchase`.
    pub(crate) fn new(view: &InventoryView, context: &QueryContext<'_>, searched: bool) -> Self {
        let mut filter = Self {
            clauses: Vec::new(),
            params: Vec::new(),
        };
        let filters = &view.filters;
        if let Some(os) = filters.os {
            filter.add("d.os = ?", os.as_str());
        }
        if let Some(ownership) = filters.ownership {
            filter.add("d.ownership = ?", ownership.as_str());
        }
        if let Some(lifecycle) = filters.lifecycle {
            filter.add("d.lifecycle = ?", lifecycle.as_str());
        }
        if let Some(manufacturer) = &filters.manufacturer {
            filter.add(
                "d.model_id IN (SELECT id FROM device_models WHERE manufacturer = ?)",
                manufacturer,
            );
        }
        if let Some(model) = &filters.model {
            filter.add(
                "d.model_id IN (SELECT id FROM device_models WHERE name = ?)",
                model,
            );
        }
        if let Some(org_unit) = &filters.org_unit {
            // Names are unique, so an equality lets the planner use the facets index.
            filter.add(
                "d.org_unit_id = (SELECT id FROM org_units WHERE name = ?)",
                org_unit,
            );
        }
        if let Some(purchase) = filters.purchase {
            // Matched as a purchase's unit is (by serial number, then IMEI): a row of
            // `temp.unit_purchase` with a purchase date.
            filter.clauses.push(
                match purchase {
                    PurchaseMatch::Bought => {
                        "d.id IN (SELECT device_id FROM temp.unit_purchase
                    WHERE purchase_date IS NOT NULL)"
                    }
                    PurchaseMatch::NotBought => {
                        "d.id IN (SELECT device_id FROM temp.unit_purchase
                    WHERE purchase_date IS NULL)"
                    }
                }
                .to_owned(),
            );
        }
        if let Some(supplier) = &filters.supplier {
            filter.add(
                "d.id IN (SELECT device_id FROM temp.unit_purchase WHERE supplier = ?)",
                supplier,
            );
        }
        if let Some(status) = filters.warranty {
            filter.warranty(status, context);
        }
        if let Some(wanted) = filters.certification {
            let models = vec!["(manufacturer = ? AND name = ?)"; context.certified_models.len()];
            let certified = if models.is_empty() {
                "0".to_owned()
            } else {
                format!(
                    "d.model_id IN (SELECT id FROM device_models WHERE {})",
                    models.join(" OR ")
                )
            };
            filter.clauses.push(match wanted {
                CertificationMatch::Certified => certified,
                CertificationMatch::NotCertified => format!("NOT ({certified})"),
            });
            for (manufacturer, model) in context.certified_models {
                filter.params.push(Value::Text(manufacturer.clone()));
                filter.params.push(Value::Text(model.clone()));
            }
        }
        if filters.app.is_some() {
            // Filled by `find_app_units` before the view is queried.
            filter
                .clauses
                .push("d.id IN (SELECT id FROM temp.app_units)".to_owned());
        }
        if filters.without_hardware_id {
            filter
                .clauses
                .push("d.serial IS NULL AND d.imei IS NULL".to_owned());
        }
        if searched {
            filter
                .clauses
                .push("d.id IN (SELECT id FROM temp.search_hits)".to_owned());
        }
        filter
    }

    /// Units whose warranty end falls in the domain's range for `status`.
    fn warranty(&mut self, status: WarrantyStatus, context: &QueryContext<'_>) {
        let with_end = "d.id IN (SELECT device_id FROM temp.unit_purchase
            WHERE warranty_end IS NOT NULL";
        let Some((from, to)) =
            warranty_end_range(status, context.today, context.expiring_within_days)
        else {
            self.clauses.push(format!("NOT {with_end})"));
            return;
        };
        let mut clause = with_end.to_owned();
        for (bound, operator) in [(from, ">="), (to, "<=")] {
            if let Some(day) = bound {
                clause.push_str(&format!(" AND warranty_end {operator} ?"));
                self.params
                    .push(Value::Text(day.format("%Y-%m-%d").to_string()));
            }
        }
        clause.push(')');
        self.clauses.push(clause);
    }

    fn add(&mut self, clause: &str, value: &str) {
        self.clauses.push(clause.to_owned());
        self.params.push(Value::Text(value.to_owned()));
    }

    pub(crate) fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The WHERE clause with one more condition whose parameters follow the filter's.
    fn where_sql_and(&self, condition: &str) -> String {
        let mut clauses = self.clauses.clone();
        clauses.push(condition.to_owned());
        format!("WHERE {}", clauses.join(" AND "))
    }
}

const ROW_COLUMNS: &str = "d.id, d.serial, d.imei, m.manufacturer, m.name, d.os, d.os_version,
    d.ownership, d.user_name, o.name, d.lifecycle, d.compliance, d.last_check_in, d.jailbroken,
    p.purchase_date, p.supplier, p.warranty_months";

fn device_row(row: &Row<'_>) -> Result<DeviceRow, StoreError> {
    let get = |index| -> Result<String, StoreError> { row.get(index).context("reading a device") };
    let get_opt = |index| -> Result<Option<String>, StoreError> {
        row.get(index).context("reading a device")
    };
    let last_check_in = get_opt(12)?;
    let purchase_date = get_opt(14)?
        .map(|text| {
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|error| StoreError::Corrupt {
                what: "purchases.purchase_date".into(),
                detail: format!("{text:?}: {error}"),
            })
        })
        .transpose()?;
    let warranty_months: Option<u32> = row.get(16).context("reading a device")?;
    Ok(DeviceRow {
        id: row.get(0).context("reading a device")?,
        // A unit known only by its EMM record has no serial: shown empty.
        serial: get_opt(1)?.unwrap_or_default(),
        imei: get_opt(2)?,
        manufacturer: get(3)?,
        model: get(4)?,
        os: vocabulary("devices.os", &get(5)?, OsFamily::from_text)?,
        os_version: get(6)?,
        ownership: vocabulary("devices.ownership", &get(7)?, Ownership::from_text)?,
        user_name: get_opt(8)?,
        org_unit: get_opt(9)?,
        lifecycle: vocabulary("devices.lifecycle", &get(10)?, Lifecycle::from_text)?,
        compliance: vocabulary("devices.compliance", &get(11)?, Compliance::from_text)?,
        last_check_in: last_check_in
            .map(|text| parse_time("devices.last_check_in", &text))
            .transpose()?,
        jailbroken: row.get(13).context("reading a device")?,
        purchase_date,
        supplier: get_opt(15)?,
        warranty_end: purchase_date.and_then(|day| warranty_end(day, warranty_months)),
        certification: CertificationStatus::NotStarted,
    })
}
