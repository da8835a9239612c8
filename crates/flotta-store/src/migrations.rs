//! The schema migrations, compiled into the binary from `migrations/NNNN_*.sql`.
//!
//! Append-only: a shipped file is never edited. The schema version is SQLite's `user_version`.

use rusqlite_migration::{M, Migrations};

const STEPS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_sync.sql"),
    include_str!("../migrations/0003_apps.sql"),
    include_str!("../migrations/0004_search.sql"),
    include_str!("../migrations/0005_devices_checks.sql"),
    include_str!("../migrations/0006_sync_run_owner.sql"),
    include_str!("../migrations/0007_devices_without_serial.sql"),
    include_str!("../migrations/0008_history_reason.sql"),
    include_str!("../migrations/0009_purchases.sql"),
    include_str!("../migrations/0010_certification.sql"),
    include_str!("../migrations/0011_preconfig.sql"),
    include_str!("../migrations/0012_model_lifetime.sql"),
    include_str!("../migrations/0013_purchase_edits.sql"),
    include_str!("../migrations/0014_repairs.sql"),
    include_str!("../migrations/0015_incidents.sql"),
    include_str!("../migrations/0016_app_first_seen.sql"),
    include_str!("../migrations/0017_app_publisher.sql"),
    include_str!("../migrations/0018_record_json_apart.sql"),
];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

/// The SQL of every migration in order, for tests that build databases of earlier versions.
pub fn migration_steps() -> &'static [&'static str] {
    STEPS
}

pub(crate) fn migrations() -> Migrations<'static> {
    // Foreign keys are off while migrations run (a table is rebuilt by creating its
    // successor, copying, dropping it and renaming); each migration checks them before it
    // is committed.
    Migrations::new(
        STEPS
            .iter()
            .map(|sql| M::up(sql).foreign_key_check())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(
            migrations().validate().is_ok(),
            "{:?}",
            migrations().validate()
        );
    }
}
