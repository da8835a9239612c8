//! Supplier delivery files (purchases) read into typed purchase lines, with the problems of
//! each refused row named, for a preview before anything is stored.
//!
//! Architecture invariant: this crate is pure. It takes the file's bytes and returns values:
//! no SQL, no file or network IO, no clock, no async. Storing the lines, remembering a
//! supplier's column mapping and checking for units already bought belong to flotta-core and
//! flotta-store.
//!
//! The steps, each its own module: [`decode`] the bytes into text, [`read_table`] the text into
//! a header and rows, [`guess_mapping`] the columns onto purchase fields, and
//! [`read_purchases`] the rows into lines and refusals, using the cell readers in
//! [`numbers`] and [`dates`].

pub mod dates;
pub mod error;
mod fold;
pub mod incidents;
pub mod mapping;
pub mod numbers;
pub mod purchases;
pub mod table;
pub mod text;

pub use dates::{parse_date, parse_date_time};
pub use error::{DateError, NumberError, ReadError};
pub use incidents::{
    ImportedIncident, IncidentColumn, IncidentMapping, IncidentRowProblem, IncidentRows,
    guess_incident_mapping, read_incidents,
};
pub use mapping::{MappedColumn, Mapping, MissingColumn, guess_mapping};
pub use numbers::{parse_amount_ore, parse_months, parse_percent_basis_points};
pub use purchases::{
    CellNote, PurchaseDefaults, PurchasePreview, RowProblem, RowProblemKind, read_purchases,
};
pub use table::{Row, Table, read_table};
pub use text::{Decoded, Encoding, decode};
