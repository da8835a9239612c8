//! Reports and exports as bytes, from data handed in.
//!
//! Architecture invariant: no SQL, no file IO, no clock: the core reads the register, hands
//! the rows here, and writes the bytes where the user asked (beside the target, then renamed).

pub mod csv_export;
mod figures;
pub mod fleet;
pub mod incidents;
pub mod pdf;
pub mod sla;
pub mod xlsx;

/// The language a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// The Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

pub use csv_export::{Cell, Table, swedish_csv, swedish_csv_sections};
pub use fleet::{fleet_report_csv, fleet_report_pdf};
pub use incidents::{incident_report_csv, incident_report_pdf};
pub use sla::{sla_report_csv, sla_report_pdf};
pub use xlsx::{WorkbookError, xlsx_workbook};
