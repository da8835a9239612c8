//! The audit view: the log searched by who, which record, which field or value and when,
//! and what it shows exported as CSV.

use std::path::Path;

use flotta_domain::{AuditFilter, AuditRecord};
use flotta_reports::{Cell, Table, swedish_csv};

use crate::{Error, ExportedFile, Flotta, export};

/// Most entries the audit view shows at once; an export takes up to `EXPORT_LIMIT`.
const VIEW_LIMIT: u32 = 1_000;
const EXPORT_LIMIT: u32 = 1_000_000;

impl Flotta {
    /// Audit entries matching `filter`, newest first (at most a thousand).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>, Error> {
        Ok(self.reader().search_audit(filter, VIEW_LIMIT)?)
    }

    /// Exports the entries matching `filter` into the user's Downloads folder, for the app
    /// (which has no save dialog); returns where, and how many rows.
    pub fn export_audit_to_downloads(&self, filter: &AuditFilter) -> Result<ExportedFile, Error> {
        let path = export::in_downloads("flotta-granskningslogg", "csv", self.clock.now());
        let rows = self.export_audit_csv(filter, &path)?;
        Ok(ExportedFile {
            path: path.display().to_string(),
            rows,
        })
    }

    /// Writes the entries matching `filter` to `path` as CSV for Swedish Excel; returns how
    /// many rows were written.
    pub fn export_audit_csv(&self, filter: &AuditFilter, path: &Path) -> Result<u32, Error> {
        let entries = self.reader().search_audit(filter, EXPORT_LIMIT)?;
        let table = Table {
            headers: [
                "Tid (UTC)",
                "Vem",
                "Åtgärd",
                "Post",
                "Post-id",
                "Före",
                "Efter",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: entries
                .iter()
                .map(|entry| {
                    vec![
                        Cell::Time(entry.at),
                        entry.actor.as_str().into(),
                        entry.action.as_str().into(),
                        entry.entity.as_str().into(),
                        entry.entity_id.clone().into(),
                        entry.before.clone().into(),
                        entry.after.clone().into(),
                    ]
                })
                .collect(),
        };
        export::write_beside_then_rename(path, &swedish_csv(&table))?;
        tracing::info!(rows = entries.len(), path = %path.display(), "exported the audit log");
        Ok(entries.len() as u32)
    }
}
