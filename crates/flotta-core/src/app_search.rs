//! The app question of the Apps view and `flotta-cli apps search`: which products match a
//! search, on how many units each is installed and where, beside the units not visible.

use std::path::Path;

use flotta_domain::app_spread::fold;
use flotta_domain::{APP_SEARCH_MIN_CHARS, AppCount, AppDevices, AppMatch, AppSearch, AppSpread};
use flotta_reports::{Cell, Table};
use serde::{Deserialize, Serialize};

use crate::export::{TableFormat, write_table};
use crate::{Error, Flotta};

/// The products a search lists; the rest are counted, to be narrowed by a longer search.
const SEARCH_LIMIT: usize = 50;

/// The units of an app the view lists; its export holds them all.
const DEVICES_SHOWN: u32 = 500;

/// How an app's spread is broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AppGrouping {
    OrgUnit,
    Os,
    Ownership,
    Connection,
}

impl AppGrouping {
    /// The spread's rows for this grouping.
    pub fn rows(self, spread: &AppSpread) -> &[AppCount] {
        match self {
            AppGrouping::OrgUnit => &spread.by_org_unit,
            AppGrouping::Os => &spread.by_os,
            AppGrouping::Ownership => &spread.by_ownership,
            AppGrouping::Connection => &spread.by_connection,
        }
    }

    fn heading(self) -> &'static str {
        match self {
            AppGrouping::OrgUnit => "Organisationsenhet",
            AppGrouping::Os => "Operativsystem",
            AppGrouping::Ownership => "Ägarskap",
            AppGrouping::Connection => "Anslutning",
        }
    }
}

impl Flotta {
    /// The products whose name, bundle id, package name or publisher holds `text` (case
    /// folded, taken literally), most installed first. Refused under two characters, which would match
    /// most of the catalogue.
    pub fn search_apps(&self, text: &str) -> Result<AppSearch, Error> {
        let folded = fold(text);
        if folded.chars().count() < APP_SEARCH_MIN_CHARS {
            return Err(Error::Form {
                subject: "app search",
                field: "text",
                detail: format!("needs at least {APP_SEARCH_MIN_CHARS} characters"),
            });
        }
        Ok(self.reader().search_apps(&folded, SEARCH_LIMIT)?)
    }

    /// Where the product `key` (an [`AppSearch`] match's) is installed, with the units whose
    /// apps no connection reported beside every count.
    pub fn app_spread(&self, key: &str) -> Result<AppSpread, Error> {
        Ok(self.reader().app_spread(key)?)
    }

    /// The units with the product `key`, newest installs first (at most 500; the export has
    /// them all), each with the sync that first reported it.
    pub fn app_devices(&self, key: &str) -> Result<AppDevices, Error> {
        Ok(self.reader().app_devices(key, DEVICES_SHOWN)?)
    }

    /// Writes every unit with the product `key`, newest installs first, with when it was
    /// first seen, as CSV or a workbook; the number of units.
    pub fn export_app_devices(
        &self,
        key: &str,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let list = self.reader().app_devices(key, u32::MAX)?;
        let text = |value: &Option<String>| value.clone().map_or(Cell::Empty, Cell::Text);
        let rows = list
            .devices
            .iter()
            .map(|device| {
                vec![
                    text(&device.serial),
                    text(&device.imei),
                    device.manufacturer.as_str().into(),
                    device.model.as_str().into(),
                    text(&device.org_unit),
                    text(&device.user_name),
                    device.versions.join(", ").into(),
                    device.connections.join(", ").into(),
                    device.first_seen_at.map_or(Cell::Empty, Cell::Time),
                ]
            })
            .collect();
        let table = Table::new(
            &[
                "Serienummer",
                "IMEI",
                "Tillverkare",
                "Modell",
                "Organisationsenhet",
                "Användare",
                "Versioner",
                "Rapporterad av",
                "Först sedd (UTC)",
            ],
            rows,
        );
        write_table(path, &table, format, "Enheter med appen")
    }

    /// Writes the spreads of the products a search found (as [`Self::app_spread`] gave them),
    /// broken down `by`, as CSV or a workbook (the format from `path`'s extension); the
    /// number of rows.
    pub fn export_app_spreads(
        &self,
        spreads: &[(AppMatch, AppSpread)],
        by: AppGrouping,
        path: &Path,
    ) -> Result<u32, Error> {
        let mut rows = Vec::new();
        for (found, spread) in spreads {
            let row = |group: &str, count: &AppCount| -> Vec<Cell> {
                vec![
                    found.name.as_str().into(),
                    found.identifiers.join(", ").into(),
                    found.publishers.join(", ").into(),
                    group.into(),
                    Cell::Integer(count.installed.into()),
                    Cell::Integer(count.visible.into()),
                    Cell::Integer(count.not_visible.into()),
                ]
            };
            for count in by.rows(spread) {
                let group = if count.group.is_empty() {
                    "(utan enhet)"
                } else {
                    &count.group
                };
                rows.push(row(group, count));
            }
            rows.push(row("Totalt", &spread.total));
        }
        let table = Table::new(
            &[
                "App",
                "Bundle-id / paketnamn",
                "Utgivare",
                by.heading(),
                "Installerad på",
                "Enheter vars appar syns",
                "Enheter som inte syns",
            ],
            rows,
        );
        write_table(path, &table, TableFormat::for_path(path), "Appar")
    }
}
