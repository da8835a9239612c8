//! The tables a user exports as CSV for Swedish Excel or as a workbook: the inventory as
//! filtered, the purchases (all, or those no EMM has reported), and the sync history.

use std::path::Path;

use flotta_domain::{CertificationStatus, DeviceRow, InventoryView, Purchase, SyncRun};
use flotta_reports::{Cell, Table};

use crate::export::{TableFormat, write_table};
use crate::{Error, Flotta};

/// Rows read from the register per query while exporting the inventory.
const EXPORT_WINDOW: u32 = 5_000;

impl Flotta {
    /// Writes every unit of the inventory view (its filters, search and sort) to `path`.
    pub fn export_devices(
        &self,
        view: &InventoryView,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let mut rows = Vec::new();
        loop {
            let page = self.query_window(&self.reader(), view, rows.len() as u32, EXPORT_WINDOW)?;
            let done = page.rows.len() < EXPORT_WINDOW as usize;
            rows.extend(page.rows.iter().map(device_cells));
            if done {
                break;
            }
        }
        let table = Table::new(
            &[
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
            ],
            rows,
        );
        write_table(path, &table, format, "Enheter")
    }

    /// Writes the purchases (with `unseen`, those no sync has reported) to `path`.
    pub fn export_purchases(
        &self,
        unseen: bool,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let today = self.clock.now().date_naive();
        let purchases = self.reader().purchases(unseen, u32::MAX)?;
        let table = Table::new(
            &[
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
            ],
            purchases
                .iter()
                .map(|purchase| purchase_cells(purchase, today))
                .collect(),
        );
        write_table(path, &table, format, "Inköp")
    }

    /// Writes the sync history (of one connection, or all) to `path`, newest first.
    pub fn export_sync_history(
        &self,
        connection: Option<u32>,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let runs = self.sync_history(connection)?;
        let table = Table::new(
            &[
                "Anslutning",
                "Läge",
                "Resultat",
                "Start (UTC)",
                "Slut (UTC)",
                "Sekunder",
                "Poster",
                "Tillagda",
                "Ändrade",
                "Oförändrade",
                "Saknas",
                "Varningar",
                "Fel",
                "Startad av",
            ],
            runs.iter().map(run_cells).collect(),
        );
        write_table(path, &table, format, "Synkhistorik")
    }

    /// Writes the models with their units, purchases, certification and planned lifetime to
    /// `path`.
    pub fn export_models(&self, format: TableFormat, path: &Path) -> Result<u32, Error> {
        let table = Table::new(
            &[
                "Tillverkare",
                "Modell",
                "Enheter",
                "Inköpta",
                "Certifiering",
                "Planerad livslängd (mån)",
            ],
            self.models()?
                .iter()
                .map(|model| {
                    vec![
                        model.manufacturer.as_str().into(),
                        model.model.as_str().into(),
                        Cell::Integer(model.units.into()),
                        Cell::Integer(model.purchased.into()),
                        certification_text(&model.status).into(),
                        model
                            .planned_lifetime_months
                            .map_or(Cell::Empty, |months| Cell::Integer(months.into())),
                    ]
                })
                .collect(),
        );
        write_table(path, &table, format, "Modeller")
    }
}

fn run_cells(run: &SyncRun) -> Vec<Cell> {
    let counts = &run.counts;
    vec![
        run.connection_name.as_str().into(),
        run.mode.as_str().into(),
        run.status.as_str().into(),
        Cell::Time(run.started_at),
        run.finished_at.map_or(Cell::Empty, Cell::Time),
        run.finished_at.map_or(Cell::Empty, |end| {
            Cell::Integer((end - run.started_at).num_seconds())
        }),
        Cell::Integer(run.records.into()),
        Cell::Integer(counts.added.into()),
        Cell::Integer(counts.updated.into()),
        Cell::Integer(counts.unchanged.into()),
        Cell::Integer(counts.missing.into()),
        Cell::Integer(counts.warnings.into()),
        run.error.clone().into(),
        run.actor.as_str().into(),
    ]
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
