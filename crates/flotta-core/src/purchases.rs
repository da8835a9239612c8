//! Purchases: a supplier's delivery file previewed and imported, the list of what was bought
//! (and what no sync has reported yet), and a unit's purchase.

use std::collections::BTreeSet;

use flotta_domain::{
    FormProblem, Purchase, PurchaseField, PurchaseForm, PurchaseLine, ReplacementForecast,
    WarrantyStatus, check_purchase_form, replacement_forecast, warranty_end, warranty_status,
};
use flotta_import::{
    CellNote, Encoding, MappedColumn, Mapping, MissingColumn, PurchaseDefaults, PurchasePreview,
    RowProblemKind, Table, guess_mapping, read_purchases, read_table,
};
use flotta_store::EditOutcome;
use flotta_store::{ImportFile, SupplierMapping};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Error, Flotta};

/// How many accepted lines a preview shows; the counts cover them all.
const SAMPLE_LINES: usize = 200;

/// What the user says about a file besides its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ImportOptions {
    /// The supplier, for a file without a supplier column; also whose remembered mapping to
    /// use.
    pub supplier: Option<String>,
    /// The columns as the user confirmed or changed them; `None` uses the supplier's
    /// remembered mapping, else the one guessed from the headers.
    pub mapping: Option<Vec<MappedColumn>>,
}

/// Where a preview's column mapping came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// Given by the user.
    Given,
    /// Remembered from the supplier's earlier import.
    Remembered,
    /// Guessed from the header names.
    Guessed,
}

/// Why a row is refused, for the UI to word; `ImportProblem::message` has the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    ImpossibleDate,
    NotANumber,
    ImeiCheckDigit,
    BadImei,
    BadSerial,
    UnknownOwnership,
    MissingRequired,
    NoIdentifier,
    DuplicateInFile,
    WrongCellCount,
}

/// One problem of a refused row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ImportProblem {
    /// The line in the file (the header is line 1).
    pub line: u32,
    pub field: Option<PurchaseField>,
    /// The header of the column.
    pub column: Option<String>,
    pub value: String,
    pub kind: ProblemKind,
    /// The problem in English, naming line, column and value.
    pub message: String,
}

/// An earlier import of the same file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ImportedBefore {
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor: String,
    pub added: u32,
}

/// What importing a file would do; nothing has been written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PurchaseImportPreview {
    pub file_name: String,
    pub encoding: Encoding,
    pub delimiter: String,
    pub mapping: Vec<MappedColumn>,
    pub mapping_source: MappingSource,
    /// Required fields no column holds: nothing can be imported until the mapping names them.
    pub missing: Vec<MissingColumn>,
    /// Data rows in the file.
    pub rows: u32,
    /// Lines that would be added.
    pub to_add: u32,
    /// The first lines that would be added, with their line numbers.
    pub sample: Vec<(u32, PurchaseLine)>,
    /// Lines whose unit is bought already; they are left out.
    pub already_bought: Vec<u32>,
    /// Every problem of every refused row, in file order.
    pub refused: Vec<ImportProblem>,
    /// Refused rows (a row may have several problems).
    pub refused_rows: u32,
    /// Cells a spreadsheet would take for a formula, kept as text.
    pub formula_cells: Vec<CellNote>,
    pub imported_before: Option<ImportedBefore>,
    /// Models of the lines to add that the register does not know (no synced or bought unit
    /// of them): a model new to the organisation, or a misspelt one.
    pub unknown_models: Vec<UnknownModel>,
}

/// A model a delivery file names that the register does not know, with its unit count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct UnknownModel {
    pub manufacturer: String,
    pub model: String,
    pub units: u32,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PurchaseImportResult {
    pub added: u32,
    pub already_bought: u32,
    pub refused_rows: u32,
}

/// The purchases list and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PurchaseList {
    pub total: u32,
    /// Purchases whose unit no sync has reported.
    pub unseen: u32,
    pub rows: Vec<Purchase>,
}

/// Bought units by warranty status, and the replacement forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WarrantyOverview {
    /// The day the statuses are for.
    pub today: chrono::NaiveDate,
    pub expiring_within_days: u32,
    pub active: u32,
    pub expiring: u32,
    pub expired: u32,
    pub unknown: u32,
    /// The next eight quarters.
    pub forecast: ReplacementForecast,
}

/// Quarters the replacement forecast looks ahead.
const FORECAST_QUARTERS: usize = 8;

/// Longest list the purchases view is sent.
const LIST_LIMIT: u32 = 5_000;

/// A preview with what committing needs.
struct Read {
    preview: PurchaseImportPreview,
    lines: Vec<(u32, PurchaseLine)>,
    mapping: Mapping,
    sha256: String,
}

impl Flotta {
    /// Reads a delivery file and says what importing it would do; writes nothing.
    pub fn preview_purchase_import(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> Result<PurchaseImportPreview, Error> {
        Ok(self.read_delivery(file_name, bytes, options)?.preview)
    }

    /// Imports a delivery file's acceptable lines in one transaction and remembers the
    /// mapping for the supplier. Refused rows and units bought already are left out; a file
    /// whose columns lack a required field is refused whole.
    pub fn import_purchases(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> Result<PurchaseImportResult, Error> {
        let read = self.read_delivery(file_name, bytes, options)?;
        if let Some(missing) = read.preview.missing.first() {
            return Err(Error::ImportMapping {
                file: file_name.to_owned(),
                problem: missing.to_string(),
            });
        }
        let mapping_json =
            serde_json::to_string(&read.mapping).map_err(|error| Error::InvalidInput {
                what: "column mapping",
                detail: error.to_string(),
            })?;
        let supplier = import_supplier(options, &read.lines);
        let written = self.store().import_purchases(
            ImportFile {
                name: file_name,
                sha256: &read.sha256,
                encoding: read.preview.encoding.label(),
            },
            &read.lines,
            supplier.as_deref().map(|supplier| SupplierMapping {
                supplier,
                mapping_json: &mapping_json,
            }),
            &self.actor,
            self.clock.now(),
        )?;
        tracing::info!(
            file = file_name,
            added = written.added,
            already_bought = written.already_bought.len(),
            refused_rows = read.preview.refused_rows,
            "imported a delivery file"
        );
        Ok(PurchaseImportResult {
            added: written.added,
            // Those the preview found, and any bought by someone else since.
            already_bought: (read.preview.already_bought.len() + written.already_bought.len())
                as u32,
            refused_rows: read.preview.refused_rows,
        })
    }

    /// Adds a purchase a person enters by hand (an invoice without a delivery file). Refused,
    /// naming the field, when the form is incomplete or the unit is bought already.
    pub fn add_purchase(&self, form: &PurchaseForm) -> Result<Purchase, Error> {
        let line = check_purchase_form(form).map_err(Error::PurchaseForm)?;
        let added = self
            .store()
            .add_purchase(&line, &self.actor, self.clock.now())?;
        let purchase = added.ok_or_else(|| {
            Error::PurchaseForm(FormProblem {
                field: if line.serial.is_some() {
                    PurchaseField::Serial
                } else {
                    PurchaseField::Imei
                },
                problem: "this unit is bought already".into(),
            })
        })?;
        tracing::info!(purchase = purchase.id, "added a purchase by hand");
        Ok(purchase)
    }

    /// Corrects purchase `id` by hand (a typo in a delivery file, a serial read wrong), with
    /// the changed fields before and after in the audit log. Refused like a new purchase when
    /// the form is incomplete, or when the corrected unit is another purchase's.
    pub fn edit_purchase(&self, id: u32, form: &PurchaseForm) -> Result<Purchase, Error> {
        let line = check_purchase_form(form).map_err(Error::PurchaseForm)?;
        let outcome = self
            .store()
            .edit_purchase(id, &line, &self.actor, self.clock.now())?;
        match outcome {
            Some(EditOutcome::Edited(purchase)) => {
                tracing::info!(purchase = id, "corrected a purchase by hand");
                Ok(*purchase)
            }
            Some(EditOutcome::BoughtAlready) => Err(Error::PurchaseForm(FormProblem {
                field: if line.serial.is_some() {
                    PurchaseField::Serial
                } else {
                    PurchaseField::Imei
                },
                problem: "another purchase has this unit".into(),
            })),
            None => Err(Error::InvalidInput {
                what: "purchase",
                detail: format!("there is no purchase {id}"),
            }),
        }
    }

    /// Purchases, newest first; with `unseen`, only those no sync has reported.
    pub fn purchases(&self, unseen: bool) -> Result<PurchaseList, Error> {
        let reader = self.reader();
        let (total, unseen_count) = reader.purchase_counts()?;
        Ok(PurchaseList {
            total,
            unseen: unseen_count,
            rows: reader.purchases(unseen, LIST_LIMIT)?,
        })
    }

    /// Bought units by warranty status today, and the units falling due for replacement per
    /// quarter (planned lifetime, else warranty) over the next eight quarters.
    pub fn warranty_overview(&self) -> Result<WarrantyOverview, Error> {
        let units = self.reader().forecast_units()?;
        let today = self.clock.now().date_naive();
        let within = self.expiring_within_days()?;
        let (mut active, mut expiring, mut expired, mut unknown) = (0, 0, 0, 0);
        for unit in &units {
            let end = warranty_end(unit.purchase_date, unit.warranty_months);
            match warranty_status(end, today, within) {
                WarrantyStatus::Active => active += 1,
                WarrantyStatus::Expiring => expiring += 1,
                WarrantyStatus::Expired => expired += 1,
                WarrantyStatus::Unknown => unknown += 1,
            }
        }
        Ok(WarrantyOverview {
            today,
            expiring_within_days: within,
            active,
            expiring,
            expired,
            unknown,
            forecast: replacement_forecast(units, today, FORECAST_QUARTERS),
        })
    }

    /// The purchase of unit `id`, matched by serial number, then IMEI.
    pub fn device_purchase(&self, id: u32) -> Result<Option<Purchase>, Error> {
        Ok(self.reader().device_purchase(id)?)
    }

    fn read_delivery(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> Result<Read, Error> {
        let table = read_import_table(file_name, bytes)?;
        let defaults = PurchaseDefaults {
            supplier: options.supplier.clone(),
            ..PurchaseDefaults::default()
        };
        let remembered = |supplier: &str| -> Result<Option<Mapping>, Error> {
            Ok(self
                .reader()
                .supplier_mapping(supplier)?
                .and_then(|json| serde_json::from_str::<Mapping>(&json).ok())
                .map(|mapping| mapping.apply_to(&table.headers)))
        };
        let (mut mapping, mut source) = match (&options.mapping, defaults.supplier()) {
            (Some(columns), _) => (
                Mapping {
                    columns: columns.clone(),
                },
                MappingSource::Given,
            ),
            (None, Some(supplier)) => match remembered(supplier)? {
                Some(mapping) => (mapping, MappingSource::Remembered),
                None => (guess_mapping(&table.headers), MappingSource::Guessed),
            },
            (None, None) => (guess_mapping(&table.headers), MappingSource::Guessed),
        };
        if mapping.columns.len() != table.headers.len() {
            return Err(Error::ImportMapping {
                file: file_name.to_owned(),
                problem: format!(
                    "the mapping names {} columns but the file has {}",
                    mapping.columns.len(),
                    table.headers.len()
                ),
            });
        }
        let mut read = read_purchases(&table, &mapping, &defaults);
        // A file naming one supplier in its own column: that supplier's remembered mapping.
        if source == MappingSource::Guessed
            && let Some(supplier) = import_supplier(options, &read.lines)
            && let Some(known) = remembered(&supplier)?
            && known != mapping
        {
            mapping = known;
            source = MappingSource::Remembered;
            read = read_purchases(&table, &mapping, &defaults);
        }
        let missing = mapping.missing_required(&defaults);
        let already_bought = self.reader().already_bought(&read.lines)?;
        let sha256 = format!("{:x}", Sha256::digest(bytes));
        let imported_before =
            self.reader()
                .earlier_import(&sha256)?
                .map(|earlier| ImportedBefore {
                    at: earlier.at,
                    actor: earlier.actor,
                    added: earlier.added,
                });
        let PurchasePreview {
            encoding,
            delimiter,
            lines,
            refused,
            formula_cells,
        } = read;
        let refused_rows = refused
            .iter()
            .map(|problem| problem.line)
            .collect::<BTreeSet<_>>()
            .len() as u32;
        let bought: BTreeSet<u32> = already_bought.iter().copied().collect();
        let new_lines: Vec<(u32, PurchaseLine)> = lines
            .into_iter()
            .filter(|(line, _)| !bought.contains(line))
            .collect();
        let unknown_models = self.unknown_models(&new_lines)?;
        let preview = PurchaseImportPreview {
            unknown_models,
            file_name: file_name.to_owned(),
            encoding,
            delimiter: delimiter.to_string(),
            mapping: mapping.columns.clone(),
            mapping_source: source,
            missing,
            rows: table.rows.len() as u32,
            to_add: new_lines.len() as u32,
            sample: new_lines.iter().take(SAMPLE_LINES).cloned().collect(),
            already_bought,
            refused: refused
                .iter()
                .map(|problem| ImportProblem {
                    line: problem.line,
                    field: problem.field,
                    column: problem.column.clone(),
                    value: problem.value.clone(),
                    kind: kind(&problem.problem),
                    message: problem.to_string(),
                })
                .collect(),
            refused_rows,
            formula_cells,
            imported_before,
        };
        Ok(Read {
            preview,
            lines: new_lines,
            mapping,
            sha256,
        })
    }
}

impl Flotta {
    /// The models of `lines` that no synced or bought unit has, compared as the register's
    /// model names are (exactly), in the order of the file.
    fn unknown_models(&self, lines: &[(u32, PurchaseLine)]) -> Result<Vec<UnknownModel>, Error> {
        let known: BTreeSet<(String, String)> = self
            .models()?
            .into_iter()
            .map(|model| (model.manufacturer, model.model))
            .collect();
        let mut unknown: Vec<UnknownModel> = Vec::new();
        for (_, line) in lines {
            if known.contains(&(line.manufacturer.clone(), line.model.clone())) {
                continue;
            }
            match unknown
                .iter_mut()
                .find(|model| model.manufacturer == line.manufacturer && model.model == line.model)
            {
                Some(model) => model.units += 1,
                None => unknown.push(UnknownModel {
                    manufacturer: line.manufacturer.clone(),
                    model: line.model.clone(),
                    units: 1,
                }),
            }
        }
        Ok(unknown)
    }
}

/// The supplier whose mapping an import remembers: the one the user named, else the one
/// every line of the file names.
fn import_supplier(options: &ImportOptions, lines: &[(u32, PurchaseLine)]) -> Option<String> {
    if let Some(supplier) = options.supplier.as_deref().map(str::trim)
        && !supplier.is_empty()
    {
        return Some(supplier.to_owned());
    }
    let first = &lines.first()?.1.supplier;
    lines
        .iter()
        .all(|(_, line)| &line.supplier == first)
        .then(|| first.clone())
}

fn kind(problem: &RowProblemKind) -> ProblemKind {
    match problem {
        RowProblemKind::ImpossibleDate { .. } => ProblemKind::ImpossibleDate,
        RowProblemKind::NotANumber { .. } => ProblemKind::NotANumber,
        RowProblemKind::ImeiCheckDigit => ProblemKind::ImeiCheckDigit,
        RowProblemKind::BadImei { .. } => ProblemKind::BadImei,
        RowProblemKind::BadSerial { .. } => ProblemKind::BadSerial,
        RowProblemKind::UnknownOwnership => ProblemKind::UnknownOwnership,
        RowProblemKind::MissingRequired => ProblemKind::MissingRequired,
        RowProblemKind::NoIdentifier => ProblemKind::NoIdentifier,
        RowProblemKind::DuplicateInFile { .. } => ProblemKind::DuplicateInFile,
        RowProblemKind::WrongCellCount { .. } => ProblemKind::WrongCellCount,
    }
}

/// An import file's bytes read as a table with at least one row.
pub(crate) fn read_import_table(file_name: &str, bytes: &[u8]) -> Result<Table, Error> {
    let table = read_table(bytes).map_err(|error| Error::ImportFile {
        file: file_name.to_owned(),
        problem: error.to_string(),
    })?;
    if table.rows.is_empty() {
        return Err(Error::ImportFile {
            file: file_name.to_owned(),
            problem: "the file has a header but no rows".into(),
        });
    }
    Ok(table)
}
