//! Reports and exports as bytes, from data handed in.
//!
//! Architecture invariant: no SQL, no file IO, no clock: the core reads the register, hands
//! the rows here, and writes the bytes where the user asked (beside the target, then renamed).

pub mod csv_export;
pub mod pdf;
pub mod sla;

pub use csv_export::{Cell, Table, swedish_csv, swedish_csv_sections};
pub use sla::{sla_report_csv, sla_report_pdf};
