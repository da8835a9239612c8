//! `flotta-cli audit`: the audit log searched, listed or written as CSV.

use std::path::PathBuf;

use chrono::{NaiveDate, TimeDelta};
use flotta_core::{AuditFilter, ErrorPayload, Flotta, TableFormat};

/// The search as given on the command line.
#[derive(Debug)]
pub(crate) struct Search {
    pub(crate) actor: Option<String>,
    pub(crate) entity: Option<String>,
    pub(crate) id: Option<String>,
    pub(crate) text: Option<String>,
    pub(crate) from: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
}

pub(crate) fn run(
    flotta: &Flotta,
    search: Search,
    csv: Option<PathBuf>,
) -> Result<(), ErrorPayload> {
    let start_of = |day: NaiveDate| day.and_hms_opt(0, 0, 0).map(|time| time.and_utc());
    let filter = AuditFilter {
        actor: search.actor,
        entity: search.entity,
        entity_id: search.id,
        text: search.text,
        from: search.from.and_then(start_of),
        // "Until" a day includes that day.
        until: search
            .until
            .and_then(|day| day.checked_add_signed(TimeDelta::days(1)))
            .and_then(start_of),
    };
    if let Some(path) = csv {
        let rows = flotta.export_audit(&filter, TableFormat::for_path(&path), &path)?;
        println!("{rows} entries written to {}", path.display());
        return Ok(());
    }
    for entry in flotta.audit_log(&filter)? {
        println!(
            "{}\t{}\t{}\t{} {}\t{}\t{}",
            entry.at.format("%Y-%m-%d %H:%M:%S"),
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id.as_deref().unwrap_or("-"),
            entry.before.as_deref().unwrap_or("-"),
            entry.after.as_deref().unwrap_or("-"),
        );
    }
    Ok(())
}
