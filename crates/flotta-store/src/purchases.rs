//! The `purchases` table with its imports and the column mapping remembered per supplier:
//! a delivery file's lines written in one transaction, and purchases matched to the synced
//! units by serial number, then IMEI.

use chrono::{DateTime, NaiveDate, Utc};
use flotta_domain::{
    ForecastUnit, Imei, Ownership, Purchase, PurchaseLine, SerialNumber, warranty_end,
};
use rusqlite::{OptionalExtension, Row, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// The file an import reads, as it is recorded.
#[derive(Debug, Clone, Copy)]
pub struct ImportFile<'a> {
    pub name: &'a str,
    pub sha256: &'a str,
    pub encoding: &'a str,
}

/// The column mapping a user confirmed, remembered for the supplier's next file.
#[derive(Debug, Clone, Copy)]
pub struct SupplierMapping<'a> {
    pub supplier: &'a str,
    pub mapping_json: &'a str,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWritten {
    pub added: u32,
    /// File lines whose unit was bought before (the serial or IMEI is in the register).
    pub already_bought: Vec<u32>,
}

/// What a correction of a purchase did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOutcome {
    Edited(Box<Purchase>),
    /// The corrected serial number or IMEI is another purchase's; nothing was changed.
    BoughtAlready,
}

/// The fields that differ between two lines, as JSON objects (before, after).
fn changed_fields(
    before: &PurchaseLine,
    after: &PurchaseLine,
) -> Result<(String, String), StoreError> {
    let json = |line: &PurchaseLine| {
        serde_json::to_value(line).map_err(|error| StoreError::Corrupt {
            what: "a purchase line".into(),
            detail: error.to_string(),
        })
    };
    let (serde_json::Value::Object(before), serde_json::Value::Object(after)) =
        (json(before)?, json(after)?)
    else {
        return Ok(("{}".into(), "{}".into()));
    };
    let mut old = serde_json::Map::new();
    let mut new = serde_json::Map::new();
    for (key, value) in &after {
        if before.get(key) != Some(value) {
            old.insert(key.clone(), before.get(key).cloned().unwrap_or_default());
            new.insert(key.clone(), value.clone());
        }
    }
    Ok((
        serde_json::Value::Object(old).to_string(),
        serde_json::Value::Object(new).to_string(),
    ))
}

/// An earlier import of the same file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierImport {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub added: u32,
}

const PURCHASE_COLUMNS: &str = "p.id, p.purchase_date, p.supplier, p.order_number,
    p.invoice_number, p.manufacturer, p.model, p.serial, p.imei, p.unit_cost_ore,
    p.vat_rate_basis_points, p.warranty_months, p.org_unit, p.ownership,
    p.planned_lifetime_months, p.created_at, p.created_by, p.import_id IS NOT NULL";

/// The unit a purchase names, by serial number first, then IMEI.
const MATCHED_DEVICE: &str = "coalesce(
    (SELECT d.id FROM devices d WHERE d.serial = p.serial),
    (SELECT d.id FROM devices d WHERE d.imei = p.imei))";

/// Adds a purchase line; a unit bought already (its serial or IMEI is in the register) is
/// left out, as `ON CONFLICT DO NOTHING` says.
const INSERT_PURCHASE: &str = "INSERT INTO purchases (purchase_date, supplier, order_number,
        invoice_number, manufacturer, model, serial, imei, unit_cost_ore, vat_rate_basis_points,
        warranty_months, org_unit, ownership, planned_lifetime_months, import_id, file_line,
        created_at, created_by)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
     ON CONFLICT DO NOTHING";

/// Runs [`INSERT_PURCHASE`] for one line; returns the rows added (0 when bought already).
fn insert_purchase(
    insert: &mut rusqlite::Statement<'_>,
    purchase: &PurchaseLine,
    import: Option<i64>,
    file_line: Option<u32>,
    now: &str,
    actor: &str,
) -> Result<usize, StoreError> {
    insert
        .execute(params![
            purchase.purchase_date.format("%Y-%m-%d").to_string(),
            purchase.supplier,
            purchase.order_number,
            purchase.invoice_number,
            purchase.manufacturer,
            purchase.model,
            purchase.serial.as_ref().map(SerialNumber::as_str),
            purchase.imei.as_ref().map(Imei::as_str),
            purchase.unit_cost_ore,
            purchase.vat_rate_basis_points,
            purchase.warranty_months,
            purchase.org_unit,
            purchase.ownership.as_str(),
            purchase.planned_lifetime_months,
            import,
            file_line,
            now,
            actor,
        ])
        .context("adding a purchase")
}

/// No unit in the register has the purchase's serial number or IMEI.
const UNSEEN: &str = "NOT EXISTS (SELECT 1 FROM devices d WHERE d.serial = p.serial)
    AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.imei = p.imei)";

impl Store {
    /// Which of these units are bought already: the file lines (of `lines`) whose serial
    /// number or IMEI a stored purchase has.
    pub fn already_bought(&self, lines: &[(u32, PurchaseLine)]) -> Result<Vec<u32>, StoreError> {
        let mut by_serial = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM purchases WHERE serial = ?1)")
            .context("looking for earlier purchases")?;
        let mut by_imei = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM purchases WHERE imei = ?1)")
            .context("looking for earlier purchases")?;
        let mut found = Vec::new();
        for (line, purchase) in lines {
            let mut bought = false;
            if let Some(serial) = &purchase.serial {
                bought = by_serial
                    .query_row([serial.as_str()], |row| row.get(0))
                    .context("looking for earlier purchases")?;
            }
            if !bought && let Some(imei) = &purchase.imei {
                bought = by_imei
                    .query_row([imei.as_str()], |row| row.get(0))
                    .context("looking for earlier purchases")?;
            }
            if bought {
                found.push(*line);
            }
        }
        Ok(found)
    }

    /// The latest import of a file with these bytes, if any.
    pub fn earlier_import(&self, sha256: &str) -> Result<Option<EarlierImport>, StoreError> {
        let found: Option<(String, String, u32)> = self
            .conn
            .query_row(
                "SELECT at, actor, added FROM purchase_imports WHERE file_sha256 = ?1
                 ORDER BY id DESC LIMIT 1",
                [sha256],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()
            .context("looking for an earlier import of the file")?;
        found
            .map(|(at, actor, added)| {
                Ok(EarlierImport {
                    at: parse_time("purchase_imports.at", &at)?,
                    actor,
                    added,
                })
            })
            .transpose()
    }

    /// The mapping remembered for a supplier's files, as JSON.
    pub fn supplier_mapping(&self, supplier: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT mapping_json FROM supplier_mappings WHERE supplier = ?1",
                [supplier],
                |row| row.get(0),
            )
            .optional()
            .context("reading a supplier's column mapping")
    }

    /// Adds a delivery file's lines in one transaction, with the import's row, its audit
    /// entry and the supplier's mapping. A line whose unit is bought already is left out and
    /// reported; when every line is, nothing at all is written.
    pub fn import_purchases(
        &mut self,
        file: ImportFile<'_>,
        lines: &[(u32, PurchaseLine)],
        mapping: Option<SupplierMapping<'_>>,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<ImportWritten, StoreError> {
        let now = format_time(&at);
        let tx = self.conn.transaction().context("starting an import")?;
        tx.execute(
            "INSERT INTO purchase_imports (file_name, file_sha256, encoding, added, at, actor)
             VALUES (?1, ?2, ?3, 0, ?4, ?5)",
            params![file.name, file.sha256, file.encoding, now, actor],
        )
        .context("recording an import")?;
        let import = tx.last_insert_rowid();
        let mut written = ImportWritten {
            added: 0,
            already_bought: Vec::new(),
        };
        {
            let mut insert = tx
                .prepare(INSERT_PURCHASE)
                .context("preparing to add purchases")?;
            for (line, purchase) in lines {
                let added = insert_purchase(
                    &mut insert,
                    purchase,
                    Some(import),
                    Some(*line),
                    &now,
                    actor,
                )?;
                if added == 0 {
                    written.already_bought.push(*line);
                } else {
                    written.added += 1;
                }
            }
        }
        if written.added == 0 {
            // Nothing new: the import leaves no trace beyond what it reports.
            return Ok(written);
        }
        tx.execute(
            "UPDATE purchase_imports SET added = ?2 WHERE id = ?1",
            params![import, written.added],
        )
        .context("recording an import")?;
        if let Some(mapping) = mapping {
            tx.execute(
                "INSERT INTO supplier_mappings (supplier, mapping_json, updated_at, actor)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (supplier) DO UPDATE SET mapping_json = excluded.mapping_json,
                    updated_at = excluded.updated_at, actor = excluded.actor",
                params![mapping.supplier, mapping.mapping_json, now, actor],
            )
            .context("remembering the supplier's column mapping")?;
        }
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "import".into(),
                entity: "purchases".into(),
                entity_id: Some(import.to_string()),
                before_json: None,
                after_json: Some(
                    serde_json::json!({
                        "file": file.name,
                        "sha256": file.sha256,
                        "added": written.added,
                        "already_bought": written.already_bought.len(),
                    })
                    .to_string(),
                ),
            },
        )?;
        tx.commit().context("saving the import")?;
        Ok(written)
    }

    /// Adds one purchase entered by hand, with its audit entry; `None` when the unit is
    /// bought already (its serial number or IMEI is in the register).
    pub fn add_purchase(
        &mut self,
        line: &PurchaseLine,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<Purchase>, StoreError> {
        let tx = self.conn.transaction().context("adding a purchase")?;
        let added = {
            let mut insert = tx.prepare(INSERT_PURCHASE).context("adding a purchase")?;
            insert_purchase(&mut insert, line, None, None, &format_time(&at), actor)?
        };
        if added == 0 {
            return Ok(None);
        }
        let id = tx.last_insert_rowid();
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "create".into(),
                entity: "purchase".into(),
                entity_id: line
                    .serial
                    .as_ref()
                    .map(|serial| serial.as_str().to_owned())
                    .or_else(|| line.imei.as_ref().map(|imei| imei.as_str().to_owned())),
                before_json: None,
                after_json: Some(serde_json::to_string(line).map_err(|error| {
                    StoreError::Corrupt {
                        what: "a purchase line".into(),
                        detail: error.to_string(),
                    }
                })?),
            },
        )?;
        let sql =
            format!("SELECT {PURCHASE_COLUMNS}, {MATCHED_DEVICE} FROM purchases p WHERE p.id = ?1");
        let purchase = tx
            .query_row(&sql, [id], |row| Ok(purchase(row)))
            .context("reading the added purchase")??;
        tx.commit().context("adding a purchase")?;
        Ok(Some(purchase))
    }

    /// Replaces purchase `id`'s line with a person's correction, with an audit entry holding
    /// the fields before and after. `Ok(None)` when there is no such purchase;
    /// [`EditOutcome::BoughtAlready`] when the corrected serial or IMEI is another purchase's.
    pub fn edit_purchase(
        &mut self,
        id: u32,
        line: &PurchaseLine,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<EditOutcome>, StoreError> {
        let tx = self.conn.transaction().context("correcting a purchase")?;
        let select =
            format!("SELECT {PURCHASE_COLUMNS}, {MATCHED_DEVICE} FROM purchases p WHERE p.id = ?1");
        let Some(before) = tx
            .query_row(&select, [id], |row| Ok(purchase(row)))
            .optional()
            .context("reading a purchase")?
            .transpose()?
        else {
            return Ok(None);
        };
        let taken: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM purchases WHERE id != ?1
                    AND ((serial IS NOT NULL AND serial = ?2) OR (imei IS NOT NULL AND imei = ?3)))",
                params![
                    id,
                    line.serial.as_ref().map(SerialNumber::as_str),
                    line.imei.as_ref().map(Imei::as_str)
                ],
                |row| row.get(0),
            )
            .context("correcting a purchase")?;
        if taken {
            return Ok(Some(EditOutcome::BoughtAlready));
        }
        tx.execute(
            "UPDATE purchases SET purchase_date = ?2, supplier = ?3, order_number = ?4,
                invoice_number = ?5, manufacturer = ?6, model = ?7, serial = ?8, imei = ?9,
                unit_cost_ore = ?10, vat_rate_basis_points = ?11, warranty_months = ?12,
                org_unit = ?13, ownership = ?14, planned_lifetime_months = ?15
             WHERE id = ?1",
            params![
                id,
                line.purchase_date.format("%Y-%m-%d").to_string(),
                line.supplier,
                line.order_number,
                line.invoice_number,
                line.manufacturer,
                line.model,
                line.serial.as_ref().map(SerialNumber::as_str),
                line.imei.as_ref().map(Imei::as_str),
                line.unit_cost_ore,
                line.vat_rate_basis_points,
                line.warranty_months,
                line.org_unit,
                line.ownership.as_str(),
                line.planned_lifetime_months,
            ],
        )
        .context("correcting a purchase")?;
        let (changed_before, changed_after) = changed_fields(&before.line, line)?;
        record(
            &tx,
            &AuditEntry {
                at,
                actor: actor.to_owned(),
                action: "update".into(),
                entity: "purchase".into(),
                entity_id: line
                    .serial
                    .as_ref()
                    .map(|serial| serial.as_str().to_owned())
                    .or_else(|| line.imei.as_ref().map(|imei| imei.as_str().to_owned())),
                before_json: Some(changed_before),
                after_json: Some(changed_after),
            },
        )?;
        let after = tx
            .query_row(&select, [id], |row| Ok(purchase(row)))
            .context("reading the corrected purchase")??;
        tx.commit().context("correcting a purchase")?;
        Ok(Some(EditOutcome::Edited(Box::new(after))))
    }

    /// What the warranty overview and the replacement forecast need of every purchase; the
    /// planned lifetime is the purchase's, else its model's.
    pub fn forecast_units(&self) -> Result<Vec<ForecastUnit>, StoreError> {
        let mut statement = self
            .conn
            .prepare(
                // A purchase without a planned lifetime takes its model's.
                "SELECT p.purchase_date, p.warranty_months,
                    coalesce(p.planned_lifetime_months, l.planned_lifetime_months),
                    p.unit_cost_ore, p.org_unit, p.model
                 FROM purchases p LEFT JOIN model_lifetimes l
                    ON l.manufacturer = p.manufacturer AND l.model = p.model",
            )
            .context("reading purchases for the forecast")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            })
            .context("reading purchases for the forecast")?;
        let mut units = Vec::new();
        for row in rows {
            let (date, warranty_months, planned_lifetime_months, unit_cost_ore, org_unit, model) =
                row.context("reading purchases for the forecast")?;
            units.push(ForecastUnit {
                purchase_date: purchase_date(&date)?,
                warranty_months,
                planned_lifetime_months,
                unit_cost_ore,
                org_unit,
                model,
            });
        }
        Ok(units)
    }

    /// The purchase of unit `device`, matched by serial number, then IMEI.
    pub fn device_purchase(&self, device: u32) -> Result<Option<Purchase>, StoreError> {
        let sql = format!(
            "SELECT {PURCHASE_COLUMNS}, ?1 FROM devices d JOIN purchases p
                ON p.serial = d.serial OR p.imei = d.imei
             WHERE d.id = ?1 ORDER BY p.serial = d.serial DESC LIMIT 1"
        );
        self.conn
            .query_row(&sql, [device], |row| Ok(purchase(row)))
            .optional()
            .context("reading a unit's purchase")?
            .transpose()
    }

    /// Purchases, newest first; with `unseen`, only those whose unit no sync has reported
    /// (in stock, waiting for enrolment, or lost in a drawer).
    pub fn purchases(&self, unseen: bool, limit: u32) -> Result<Vec<Purchase>, StoreError> {
        // Walks the date index newest first and stops at `limit`: the match is looked up only
        // for the rows it passes.
        let sql = format!(
            "SELECT {PURCHASE_COLUMNS}, {MATCHED_DEVICE} FROM purchases p
             WHERE ?1 = 0 OR {UNSEEN}
             ORDER BY p.purchase_date DESC, p.id DESC LIMIT ?2"
        );
        let mut statement = self.conn.prepare(&sql).context("listing purchases")?;
        let rows = statement
            .query_map(params![unseen, limit], |row| Ok(purchase(row)))
            .context("listing purchases")?;
        let mut found = Vec::new();
        for row in rows {
            found.push(row.context("listing purchases")??);
        }
        Ok(found)
    }

    /// How many purchases there are, and how many of them no sync has reported.
    pub fn purchase_counts(&self) -> Result<(u32, u32), StoreError> {
        self.conn
            .query_row(
                &format!("SELECT count(*), count(*) FILTER (WHERE {UNSEEN}) FROM purchases p"),
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .context("counting purchases")
    }
}

fn purchase_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|error| StoreError::Corrupt {
        what: "purchases.purchase_date".into(),
        detail: format!("{text:?}: {error}"),
    })
}

fn purchase(row: &Row<'_>) -> Result<Purchase, StoreError> {
    let text =
        |index| -> Result<String, StoreError> { row.get(index).context("reading a purchase") };
    let purchase_date = purchase_date(&text(1)?)?;
    let serial: Option<String> = row.get(7).context("reading a purchase")?;
    let imei: Option<String> = row.get(8).context("reading a purchase")?;
    let corrupt = |what: &str, detail: String| StoreError::Corrupt {
        what: what.into(),
        detail,
    };
    let warranty_months: Option<u32> = row.get(11).context("reading a purchase")?;
    Ok(Purchase {
        id: row.get(0).context("reading a purchase")?,
        warranty_end: warranty_end(purchase_date, warranty_months),
        line: PurchaseLine {
            purchase_date,
            supplier: text(2)?,
            order_number: row.get(3).context("reading a purchase")?,
            invoice_number: row.get(4).context("reading a purchase")?,
            manufacturer: text(5)?,
            model: text(6)?,
            serial: serial
                .map(|s| {
                    SerialNumber::parse(&s).map_err(|e| corrupt("purchases.serial", e.to_string()))
                })
                .transpose()?,
            imei: imei
                .map(|i| Imei::parse(&i).map_err(|e| corrupt("purchases.imei", e.to_string())))
                .transpose()?,
            unit_cost_ore: row.get(9).context("reading a purchase")?,
            vat_rate_basis_points: row.get(10).context("reading a purchase")?,
            warranty_months,
            org_unit: row.get(12).context("reading a purchase")?,
            ownership: vocabulary("purchases.ownership", &text(13)?, Ownership::from_text)?,
            planned_lifetime_months: row.get(14).context("reading a purchase")?,
        },
        created_at: parse_time("purchases.created_at", &text(15)?)?,
        created_by: text(16)?,
        imported: row.get(17).context("reading a purchase")?,
        device_id: row.get(18).context("reading a purchase")?,
    })
}
