//! The tables a user exports as CSV for Swedish Excel: the inventory as filtered, and the
//! purchases (all, or those no EMM has reported).

use std::path::Path;

use flotta_domain::{CertificationStatus, DeviceRow, InventoryView, Purchase};
use flotta_reports::{Cell, Table, swedish_csv};

use crate::{Error, ExportedFile, Flotta, export};

/// Rows read from the register per query while exporting the inventory.
const EXPORT_WINDOW: u32 = 5_000;

impl Flotta {
    /// Writes every unit of the inventory view (its filters, search and sort) to `path`.
    pub fn export_devices_csv(&self, view: &InventoryView, path: &Path) -> Result<u32, Error> {
        let mut rows = Vec::new();
        loop {
            let page = self.query_window(&self.reader(), view, rows.len() as u32, EXPORT_WINDOW)?;
            let done = page.rows.len() < EXPORT_WINDOW as usize;
            rows.extend(page.rows.iter().map(device_cells));
            if done {
                break;
            }
        }
        let table = Table {
            headers: [
                "Serienummer",
                "IMEI",
                "Tillverkare",
                "Modell",
                "OS",
                "Version",
                "Ägarskap",
                "Användare",
                "Förvaltning",
                "Livscykel",
                "Efterlevnad",
                "Senaste incheckning (UTC)",
                "Inköpsdatum",
                "Leverantör",
                "Garanti t.o.m.",
                "Modellens certifiering",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows,
        };
        export::write_beside_then_rename(path, &swedish_csv(&table))?;
        Ok(table.rows.len() as u32)
    }

    /// Writes the purchases (with `unseen`, those no sync has reported) to `path`.
    pub fn export_purchases_csv(&self, unseen: bool, path: &Path) -> Result<u32, Error> {
        let today = self.clock.now().date_naive();
        let purchases = self.reader().purchases(unseen, u32::MAX)?;
        let table = Table {
            headers: [
                "Inköpsdatum",
                "Dagar sedan leverans",
                "Leverantör",
                "Ordernummer",
                "Fakturanummer",
                "Tillverkare",
                "Modell",
                "Serienummer",
                "IMEI",
                "Styckpris exkl. moms (kr)",
                "Garanti (mån)",
                "Förvaltning",
                "Sedd i EMM",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: purchases
                .iter()
                .map(|purchase| purchase_cells(purchase, today))
                .collect(),
        };
        export::write_beside_then_rename(path, &swedish_csv(&table))?;
        Ok(table.rows.len() as u32)
    }

    /// [`Self::export_devices_csv`] into the user's Downloads folder, for the app.
    pub fn export_devices_to_downloads(&self, view: &InventoryView) -> Result<ExportedFile, Error> {
        let path = export::in_downloads("flotta-enheter", "csv", self.clock.now());
        let rows = self.export_devices_csv(view, &path)?;
        Ok(ExportedFile {
            path: path.display().to_string(),
            rows,
        })
    }

    /// [`Self::export_purchases_csv`] into the user's Downloads folder, for the app.
    pub fn export_purchases_to_downloads(&self, unseen: bool) -> Result<ExportedFile, Error> {
        let name = if unseen {
            "flotta-inkop-ej-sedda"
        } else {
            "flotta-inkop"
        };
        let path = export::in_downloads(name, "csv", self.clock.now());
        let rows = self.export_purchases_csv(unseen, &path)?;
        Ok(ExportedFile {
            path: path.display().to_string(),
            rows,
        })
    }
}

fn device_cells(row: &DeviceRow) -> Vec<Cell> {
    vec![
        row.serial.as_str().into(),
        row.imei.clone().into(),
        row.manufacturer.as_str().into(),
        row.model.as_str().into(),
        row.os.as_str().into(),
        row.os_version.as_str().into(),
        row.ownership.as_str().into(),
        row.user_name.clone().into(),
        row.org_unit.clone().into(),
        row.lifecycle.as_str().into(),
        row.compliance.as_str().into(),
        row.last_check_in.map_or(Cell::Empty, Cell::Time),
        row.purchase_date.map_or(Cell::Empty, Cell::Date),
        row.supplier.clone().into(),
        row.warranty_end.map_or(Cell::Empty, Cell::Date),
        certification_text(&row.certification).into(),
    ]
}

/// The certification as the export's other vocabularies read: stable words, the level where
/// it stands.
fn certification_text(status: &CertificationStatus) -> String {
    match status {
        CertificationStatus::NotStarted => "not_started".into(),
        CertificationStatus::InProgress { level } => format!("in_progress level {level}"),
        CertificationStatus::Stopped { level } => format!("stopped level {level}"),
        CertificationStatus::Certified { on } => format!("certified {}", on.date_naive()),
    }
}

fn purchase_cells(purchase: &Purchase, today: chrono::NaiveDate) -> Vec<Cell> {
    let line = &purchase.line;
    vec![
        Cell::Date(line.purchase_date),
        Cell::Integer((today - line.purchase_date).num_days()),
        line.supplier.as_str().into(),
        line.order_number.clone().into(),
        line.invoice_number.clone().into(),
        line.manufacturer.as_str().into(),
        line.model.as_str().into(),
        line.serial.as_ref().map(|s| s.as_str().to_owned()).into(),
        line.imei.as_ref().map(|i| i.as_str().to_owned()).into(),
        Cell::Decimal {
            value: line.unit_cost_ore,
            scale: 2,
        },
        line.warranty_months
            .map_or(Cell::Empty, |months| Cell::Integer(months.into())),
        line.org_unit.clone().into(),
        if purchase.device_id.is_some() {
            "ja"
        } else {
            "nej"
        }
        .into(),
    ]
}
