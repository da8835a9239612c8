//! Writing an export where the user asked: into a temporary file beside the target, then
//! renamed over it, so a full disk or a crash leaves the old file or none, never half a file;
//! a table as CSV for Swedish Excel or as an Excel workbook.

use std::io::Write;
use std::path::Path;

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

    pub(crate) fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
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

impl Flotta {
    /// Runs `write` on a new file `name`-time.`extension` in the user's Downloads folder, for
    /// the app (which has no save dialog); says where, and how many rows.
    pub(crate) fn write_to_downloads(
        &self,
        name: &str,
        extension: &str,
        write: impl FnOnce(&Path) -> Result<u32, Error>,
    ) -> Result<ExportedFile, Error> {
        let path = in_downloads(name, extension, self.clock.now());
        let rows = write(&path)?;
        Ok(ExportedFile {
            path: path.display().to_string(),
            rows,
        })
    }
}

/// Where the app puts an export the user did not place: their Downloads folder (else their
/// home folder, else the working folder), under `name` with the time and `extension`, never
/// over a file.
pub(crate) fn in_downloads(
    name: &str,
    extension: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> std::path::PathBuf {
    let folder = dirs::download_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    let stamp = at.format("%Y-%m-%d-%H%M%S");
    let mut path = folder.join(format!("{name}-{stamp}.{extension}"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{name}-{stamp}-{n}.{extension}"));
        n += 1;
    }
    path
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
