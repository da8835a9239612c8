//! A supplier's delivery file read into purchase lines: every row either becomes a line or is
//! refused whole, with each of its problems named.
//!
//! Whether a unit was already bought in an earlier import is not checked here: that needs the
//! register, so the caller (flotta-core) checks the lines against the store before committing.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use flotta_domain::{IdentifierError, Imei, Ownership, PurchaseField, PurchaseLine, SerialNumber};
use serde::{Deserialize, Serialize};

use crate::dates::parse_date;
use crate::error::{DateError, NumberError};
use crate::fold;
use crate::mapping::Mapping;
use crate::numbers::{parse_amount_ore, parse_months, parse_percent_basis_points};
use crate::table::{Row, Table};
use crate::text::Encoding;

/// What the caller supplies that a file may leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseDefaults {
    /// The supplier for rows whose file has no supplier column, or an empty supplier cell.
    pub supplier: Option<String>,
    /// The ownership for rows that do not state one.
    pub ownership: Ownership,
}

impl Default for PurchaseDefaults {
    fn default() -> Self {
        Self {
            supplier: None,
            ownership: PurchaseLine::DEFAULT_OWNERSHIP,
        }
    }
}

impl PurchaseDefaults {
    /// The default supplier, trimmed; `None` when absent or blank.
    pub fn supplier(&self) -> Option<&str> {
        self.supplier
            .as_deref()
            .map(str::trim)
            .filter(|supplier| !supplier.is_empty())
    }
}

/// What an import would do: the lines it would add and the rows it refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchasePreview {
    pub encoding: Encoding,
    pub delimiter: char,
    /// The accepted rows, each with its line number in the file.
    pub lines: Vec<(u32, PurchaseLine)>,
    /// Every problem of every refused row, in file order; a row may have several.
    pub refused: Vec<RowProblem>,
    /// Cells of accepted lines that a spreadsheet would take for a formula. They are kept as
    /// plain text and never evaluated; the preview points them out.
    pub formula_cells: Vec<CellNote>,
}

impl PurchasePreview {
    /// The refused rows' line numbers, each once, in file order.
    pub fn refused_lines(&self) -> Vec<u32> {
        let mut lines: Vec<u32> = self.refused.iter().map(|problem| problem.line).collect();
        lines.dedup();
        lines
    }
}

/// One problem of a refused row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: u32,
    /// The field the problem is in; `None` for problems of the whole row.
    pub field: Option<PurchaseField>,
    /// The header of the column the problem is in; `None` when no column holds the field.
    pub column: Option<String>,
    /// The cell's text, trimmed ("" for a missing value); the whole row for a row whose cells
    /// do not line up with the header.
    pub value: String,
    pub problem: RowProblemKind,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblemKind {
    /// The date cannot be read, or is not a day in the calendar.
    ImpossibleDate { error: DateError },
    /// A price, VAT rate or number of months cannot be read.
    NotANumber { error: NumberError },
    /// The IMEI's last digit does not match the others: a digit is mistyped.
    ImeiCheckDigit,
    /// The IMEI is not 15 digits.
    BadImei { reason: String },
    /// The serial number is empty after trimming, too long or has other characters than
    /// letters, digits and `-`.
    BadSerial { reason: String },
    /// The ownership is none of the words for corporate, personal or unknown.
    UnknownOwnership,
    /// A required field is empty, or no column holds it.
    MissingRequired,
    /// Neither a serial number nor an IMEI.
    NoIdentifier,
    /// The same serial number or IMEI is on an earlier line of the file.
    DuplicateInFile { first_line: u32 },
    /// The row has fewer cells than the header, or more that are not empty.
    WrongCellCount { expected: usize, found: usize },
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        match (&self.column, self.field) {
            (Some(column), _) => write!(f, ", column {column:?}: ")?,
            (None, Some(field)) => write!(f, ", {}: ", field.label())?,
            (None, None) => f.write_str(": ")?,
        }
        let value = &self.value;
        match &self.problem {
            RowProblemKind::ImpossibleDate { error } => write!(f, "{error}"),
            RowProblemKind::NotANumber { error } => write!(f, "{error}"),
            RowProblemKind::ImeiCheckDigit => write!(
                f,
                "IMEI {value:?} fails its check digit; a digit is probably mistyped"
            ),
            RowProblemKind::BadImei { reason } | RowProblemKind::BadSerial { reason } => {
                f.write_str(reason)?;
                if looks_like_scientific_notation(value) {
                    f.write_str(
                        " (the spreadsheet has turned it into a number: format the column as \
                         text and export again)",
                    )?;
                }
                Ok(())
            }
            RowProblemKind::UnknownOwnership => write!(
                f,
                "{value:?} is not an ownership; write Verksamhetens (corporate), Privat \
                 (personal) or Okänd (unknown)"
            ),
            RowProblemKind::MissingRequired => match (&self.column, self.field) {
                (None, Some(_)) => f.write_str("the file has no column for it"),
                _ => f.write_str("the cell is empty and the field is required"),
            },
            RowProblemKind::NoIdentifier => {
                f.write_str("the row has neither a serial number nor an IMEI")
            }
            RowProblemKind::DuplicateInFile { first_line } => {
                write!(f, "{value:?} is already on line {first_line} of this file")
            }
            RowProblemKind::WrongCellCount { expected, found } => write!(
                f,
                "the row has {found} cells but the header has {expected}; a cell may hold an \
                 unquoted delimiter"
            ),
        }
    }
}

/// A cell that a spreadsheet would evaluate, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CellNote {
    pub line: u32,
    /// The header of the cell's column.
    pub column: String,
    pub field: PurchaseField,
    /// The text as it was kept.
    pub value: String,
}

/// Reads `table`'s rows as purchase lines, with `mapping` saying which column holds what.
///
/// Cells are trimmed; an empty optional cell is `None`. A row with any problem is refused
/// whole, with all of its problems; a row whose cell count does not match the header is
/// reported for that alone, since its cells may have slid into the wrong columns (extra
/// cells that are empty, as some exporters add, are no problem). The second and later rows
/// with the same serial number (compared as [`SerialNumber`] normalises it) or IMEI are
/// refused, naming the first line; the first is judged on its own. A text cell that starts
/// like a formula (`=`, `+`, `-`, `@`, or a tab or carriage return) is kept verbatim as text
/// and, on an accepted line, listed in `formula_cells`; a number, date or identifier cell
/// that starts so is simply read, and refused when it is not one (`-100` as a negative price).
pub fn read_purchases(
    table: &Table,
    mapping: &Mapping,
    defaults: &PurchaseDefaults,
) -> PurchasePreview {
    let mut preview = PurchasePreview {
        encoding: table.encoding,
        delimiter: table.delimiter,
        // Room for every row at once: a big file's lines are not copied while growing.
        lines: Vec::with_capacity(table.rows.len()),
        refused: Vec::new(),
        formula_cells: Vec::new(),
    };
    let mut seen = SeenIdentifiers::default();
    for row in &table.rows {
        let reader = RowReader {
            table,
            mapping,
            row,
            problems: Vec::new(),
            notes: Vec::new(),
        };
        match reader.read(defaults, &mut seen) {
            Ok((line, notes)) => {
                preview.lines.push((row.line, line));
                preview.formula_cells.extend(notes);
            }
            Err(problems) => preview.refused.extend(problems),
        }
    }
    preview.lines.shrink_to_fit();
    preview
}

/// The first line each serial number and IMEI was seen on.
#[derive(Default)]
struct SeenIdentifiers {
    serials: HashMap<SerialNumber, u32>,
    imeis: HashMap<Imei, u32>,
}

/// Reads the cells of one row, collecting its problems.
struct RowReader<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
    row: &'a Row,
    problems: Vec<RowProblem>,
    notes: Vec<CellNote>,
}

impl<'a> RowReader<'a> {
    fn read(
        mut self,
        defaults: &PurchaseDefaults,
        seen: &mut SeenIdentifiers,
    ) -> Result<(PurchaseLine, Vec<CellNote>), Vec<RowProblem>> {
        let expected = self.table.headers.len();
        let found = self.row.len();
        let lines_up = found >= expected
            && (expected..found)
                .filter_map(|index| self.row.cell(index))
                .all(|cell| cell.trim().is_empty());
        if !lines_up {
            let delimiter = self.table.delimiter.to_string();
            return Err(vec![RowProblem {
                line: self.row.line,
                field: None,
                column: None,
                value: self.row.cells().collect::<Vec<_>>().join(&delimiter),
                problem: RowProblemKind::WrongCellCount { expected, found },
            }]);
        }

        let purchase_date = self.required(PurchaseField::PurchaseDate, |text| {
            parse_date(text).map_err(|error| RowProblemKind::ImpossibleDate { error })
        });
        let supplier = match self.text(PurchaseField::Supplier) {
            Some(supplier) => Some(supplier),
            None => match defaults.supplier() {
                Some(supplier) => Some(supplier.to_owned()),
                None => self.missing(PurchaseField::Supplier),
            },
        };
        let order_number = self.text(PurchaseField::OrderNumber);
        let invoice_number = self.text(PurchaseField::InvoiceNumber);
        let manufacturer = self.required_text(PurchaseField::Manufacturer);
        let model = self.required_text(PurchaseField::Model);
        let serial = self.optional(PurchaseField::Serial, |text| {
            SerialNumber::parse(text).map_err(|error| RowProblemKind::BadSerial {
                reason: error.to_string(),
            })
        });
        if serial.is_some() {
            self.note_formula(PurchaseField::Serial);
        }
        let imei = self.optional(PurchaseField::Imei, |text| {
            Imei::parse(text).map_err(|error| match error {
                IdentifierError::ImeiCheckDigit(_) => RowProblemKind::ImeiCheckDigit,
                other => RowProblemKind::BadImei {
                    reason: other.to_string(),
                },
            })
        });
        let unit_cost_ore = self.required(PurchaseField::UnitCost, |text| {
            parse_amount_ore(text).map_err(|error| RowProblemKind::NotANumber { error })
        });
        let vat_rate_basis_points = self.optional(PurchaseField::VatRate, |text| {
            parse_percent_basis_points(text).map_err(|error| RowProblemKind::NotANumber { error })
        });
        let warranty_months = self.optional(PurchaseField::WarrantyMonths, |text| {
            parse_months(text).map_err(|error| RowProblemKind::NotANumber { error })
        });
        let org_unit = self.text(PurchaseField::OrgUnit);
        let ownership = self
            .optional(PurchaseField::Ownership, |text| {
                parse_ownership(text).ok_or(RowProblemKind::UnknownOwnership)
            })
            .flatten()
            .unwrap_or(defaults.ownership);
        let planned_lifetime_months = self.optional(PurchaseField::PlannedLifetimeMonths, |text| {
            parse_months(text).map_err(|error| RowProblemKind::NotANumber { error })
        });

        let serial = serial.flatten();
        let imei = imei.flatten();
        if self.cell(PurchaseField::Serial).is_none() && self.cell(PurchaseField::Imei).is_none() {
            self.row_problem(RowProblemKind::NoIdentifier);
        }
        if let Some(serial) = &serial {
            self.check_duplicate(&mut seen.serials, serial, PurchaseField::Serial);
        }
        if let Some(imei) = &imei {
            self.check_duplicate(&mut seen.imeis, imei, PurchaseField::Imei);
        }

        match (
            purchase_date.flatten(),
            supplier,
            manufacturer,
            model,
            unit_cost_ore.flatten(),
        ) {
            (Some(purchase_date), Some(supplier), Some(manufacturer), Some(model), Some(cost))
                if self.problems.is_empty() =>
            {
                let line = PurchaseLine {
                    purchase_date,
                    supplier,
                    order_number,
                    invoice_number,
                    manufacturer,
                    model,
                    serial,
                    imei,
                    unit_cost_ore: cost,
                    vat_rate_basis_points: vat_rate_basis_points.flatten(),
                    warranty_months: warranty_months.flatten(),
                    org_unit,
                    ownership,
                    planned_lifetime_months: planned_lifetime_months.flatten(),
                };
                Ok((line, self.notes))
            }
            _ => Err(self.problems),
        }
    }

    /// The trimmed text of `field`'s cell; `None` when no column holds it or it is empty.
    fn cell(&self, field: PurchaseField) -> Option<&'a str> {
        let index = self.mapping.column_of(field)?;
        let text = self.row.cell(index)?.trim();
        (!text.is_empty()).then_some(text)
    }

    /// The raw (untrimmed) text of `field`'s cell.
    fn raw_cell(&self, field: PurchaseField) -> Option<&'a str> {
        let index = self.mapping.column_of(field)?;
        self.row.cell(index)
    }

    fn header(&self, field: PurchaseField) -> Option<String> {
        let index = self.mapping.column_of(field)?;
        self.table.headers.get(index).cloned()
    }

    /// An optional text field, noted when it looks like a formula.
    fn text(&mut self, field: PurchaseField) -> Option<String> {
        let text = self.cell(field)?;
        self.note_formula(field);
        Some(text.to_owned())
    }

    /// A required text field; records the problem when it is missing.
    fn required_text(&mut self, field: PurchaseField) -> Option<String> {
        match self.text(field) {
            Some(text) => Some(text),
            None => self.missing(field),
        }
    }

    /// An optional field read by `parse`: `Some(None)` when empty, `None` after a problem.
    fn optional<T>(
        &mut self,
        field: PurchaseField,
        parse: impl FnOnce(&str) -> Result<T, RowProblemKind>,
    ) -> Option<Option<T>> {
        let Some(text) = self.cell(field) else {
            return Some(None);
        };
        match parse(text) {
            Ok(value) => Some(Some(value)),
            Err(problem) => {
                self.field_problem(field, text, problem);
                None
            }
        }
    }

    /// A required field read by `parse`; `None` (with the problem recorded) when it is missing
    /// or unreadable, so the result is `Some(Some(value))` only when it was read.
    fn required<T>(
        &mut self,
        field: PurchaseField,
        parse: impl FnOnce(&str) -> Result<T, RowProblemKind>,
    ) -> Option<Option<T>> {
        if self.cell(field).is_none() {
            return self.missing(field).map(Some);
        }
        self.optional(field, parse)
    }

    /// Records that `field` is required and missing; always `None`.
    fn missing<T>(&mut self, field: PurchaseField) -> Option<T> {
        self.field_problem(field, "", RowProblemKind::MissingRequired);
        None
    }

    fn field_problem(&mut self, field: PurchaseField, value: &str, problem: RowProblemKind) {
        self.problems.push(RowProblem {
            line: self.row.line,
            field: Some(field),
            column: self.header(field),
            value: value.to_owned(),
            problem,
        });
    }

    fn row_problem(&mut self, problem: RowProblemKind) {
        self.problems.push(RowProblem {
            line: self.row.line,
            field: None,
            column: None,
            value: String::new(),
            problem,
        });
    }

    fn note_formula(&mut self, field: PurchaseField) {
        let Some(raw) = self.raw_cell(field) else {
            return;
        };
        if looks_like_formula(raw) {
            self.notes.push(CellNote {
                line: self.row.line,
                column: self.header(field).unwrap_or_default(),
                field,
                value: raw.trim().to_owned(),
            });
        }
    }

    fn check_duplicate<K: Clone + Eq + std::hash::Hash>(
        &mut self,
        seen: &mut HashMap<K, u32>,
        key: &K,
        field: PurchaseField,
    ) {
        match seen.entry(key.clone()) {
            Entry::Vacant(vacant) => {
                vacant.insert(self.row.line);
            }
            Entry::Occupied(first) => {
                let first_line = *first.get();
                let value = self.cell(field).unwrap_or_default();
                self.field_problem(field, value, RowProblemKind::DuplicateInFile { first_line });
            }
        }
    }
}

/// A cell a spreadsheet would evaluate when the file is opened again: it starts with `=`,
/// `+`, `-` or `@` (after spaces), or with a tab or a carriage return.
fn looks_like_formula(raw: &str) -> bool {
    raw.starts_with(['\t', '\r']) || raw.trim_start().starts_with(['=', '+', '-', '@'])
}

/// `3,56938E+14`: an identifier a spreadsheet has turned into a number.
fn looks_like_scientific_notation(value: &str) -> bool {
    value.to_ascii_uppercase().contains("E+")
}

/// The ownership a cell names, in English (the stored words) or Swedish.
fn parse_ownership(text: &str) -> Option<Ownership> {
    let folded = fold::folded(text);
    let ownership = match folded.as_str() {
        "corporate" | "company" | "companyowned" | "organisation" | "organization"
        | "verksamhet" | "verksamhetens" | "verksamhetsagd" | "organisationens" | "kommunens"
        | "regionens" | "foretag" | "foretagets" | "tjanste" | "agd" => Ownership::Corporate,
        "personal" | "private" | "privat" | "privatagd" | "personlig" | "byod" | "egen" => {
            Ownership::Personal
        }
        "unknown" | "okand" => Ownership::Unknown,
        _ => return None,
    };
    Some(ownership)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells() {
        for text in [
            "=1+1",
            " =HYPERLINK(\"x\")",
            "+46701234567",
            "-12",
            "@SUM(A1)",
            "\tA",
            "\rA",
        ] {
            assert!(looks_like_formula(text), "{text:?}");
        }
        for text in ["Apple", "PO-1", "a=b", ""] {
            assert!(!looks_like_formula(text), "{text:?}");
        }
    }

    #[test]
    fn ownership_in_english_and_swedish() {
        assert_eq!(parse_ownership("Verksamhetens"), Some(Ownership::Corporate));
        assert_eq!(parse_ownership("corporate"), Some(Ownership::Corporate));
        assert_eq!(parse_ownership("Privat"), Some(Ownership::Personal));
        assert_eq!(parse_ownership("BYOD"), Some(Ownership::Personal));
        assert_eq!(parse_ownership("Okänd"), Some(Ownership::Unknown));
        assert_eq!(parse_ownership("Leasad"), None);
    }
}
