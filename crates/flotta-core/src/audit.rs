//! The audit view: the log searched by who, which record, which field or value and when,
//! and what it shows exported as CSV.

use std::path::Path;

use flotta_domain::{AuditFilter, AuditRecord};
use flotta_reports::{Cell, Table};

use crate::export::{TableFormat, write_table};
use crate::{Error, Flotta};

/// Most entries the audit view shows at once; an export takes up to `EXPORT_LIMIT`.
const VIEW_LIMIT: u32 = 1_000;
const EXPORT_LIMIT: u32 = 1_000_000;

impl Flotta {
    /// Audit entries matching `filter`, newest first (at most a thousand).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>, Error> {
        Ok(self.reader().search_audit(filter, VIEW_LIMIT)?)
    }

    /// Writes the entries matching `filter` to `path` as CSV for Swedish Excel; returns how
    /// many rows were written.
    pub fn export_audit(
        &self,
        filter: &AuditFilter,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let entries = self.reader().search_audit(filter, EXPORT_LIMIT)?;
        let table = Table::new(
            &[
                "Tid (UTC)",
                "Vem",
                "Åtgärd",
                "Post",
                "Post-id",
                "Före",
                "Efter",
            ],
            entries
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
        );
        let rows = write_table(path, &table, format, "Granskningslogg")?;
        tracing::info!(rows, path = %path.display(), "exported the audit log");
        Ok(rows)
    }
}
