//! Writing an export where the user asked (a path on the command line, or one chosen in the
//! app's save dialog from the suggestion made here): into a temporary file beside the target, then
//! renamed over it, so a full disk or a crash leaves the old file or none, never half a file;
//! a table as CSV for Swedish Excel or as an Excel workbook.

use std::io::Write;
use std::path::{Path, PathBuf};

use flotta_reports::{Table, swedish_csv, xlsx_workbook};
use serde::{Deserialize, Serialize};

use crate::{Error, ExportedFile, Flotta};

/// What an exported table is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// CSV as Swedish Excel opens it.
    Csv,
    /// An Excel workbook: typed cells, a frozen and filterable header row.
    Xlsx,
}

impl TableFormat {
    /// The format a file name asks for: `.xlsx` a workbook, anything else CSV.
    pub fn for_path(path: &Path) -> Self {
        match path.extension().and_then(|extension| extension.to_str()) {
            Some(extension) if extension.eq_ignore_ascii_case("xlsx") => TableFormat::Xlsx,
            _ => TableFormat::Csv,
        }
    }
}

/// Writes `table` to `path` as `format` (a workbook's sheet named `sheet`); the number of
/// rows written.
pub(crate) fn write_table(
    path: &Path,
    table: &Table,
    format: TableFormat,
    sheet: &str,
) -> Result<u32, Error> {
    let bytes = match format {
        TableFormat::Csv => swedish_csv(table),
        TableFormat::Xlsx => xlsx_workbook(table, sheet)?,
    };
    write_beside_then_rename(path, &bytes)?;
    Ok(u32::try_from(table.rows.len()).unwrap_or(u32::MAX))
}

impl ExportedFile {
    /// Runs `write` on `path`, the file the user chose in the app's save dialog; says where,
    /// and how many rows.
    pub fn write_with(
        path: String,
        write: impl FnOnce(&Path) -> Result<u32, Error>,
    ) -> Result<Self, Error> {
        let rows = write(Path::new(&path))?;
        Ok(ExportedFile { path, rows })
    }
}

impl Flotta {
    /// Where the app's save dialog proposes to put an export: the user's Downloads folder
    /// (else their home folder, else the working folder), under `name` with the time and
    /// `extension`, never over a file.
    pub fn suggested_export_path(&self, name: &str, extension: &str) -> String {
        let folder = dirs::download_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| PathBuf::from("."));
        let stamp = self.clock.now().format("%Y-%m-%d-%H%M%S");
        let mut path = folder.join(format!("{name}-{stamp}.{extension}"));
        let mut n = 2;
        while path.exists() {
            path = folder.join(format!("{name}-{stamp}-{n}.{extension}"));
            n += 1;
        }
        path.display().to_string()
    }
}

pub(crate) fn write_beside_then_rename(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let failed = |source: std::io::Error| Error::Export {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|error| failed(error.error))?;
    Ok(())
}
