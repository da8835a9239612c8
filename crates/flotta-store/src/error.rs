//! The storage error type. Each variant names the file or the record it is about.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("{path} is not a SQLite database; Flotta has not changed it")]
    NotSqlite { path: PathBuf },
    #[error(
        "{path} has schema version {found}, newer than this version of Flotta understands \
         ({supported}); Flotta has not changed it — update Flotta to open it"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} is read-only; Flotta needs to write to its database and has not changed it")]
    ReadOnly { path: PathBuf },
    #[error("cannot use the database at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("backing up {path} before migrating failed: {source}")]
    Backup {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("migrating {path} to schema version {target} failed: {source}")]
    Migration {
        path: PathBuf,
        target: i64,
        #[source]
        source: rusqlite_migration::Error,
    },
    #[error("stored {what} is not valid: {detail}")]
    Corrupt { what: String, detail: String },
    #[error(
        "the register was busy with another write (a sync being saved) for longer than a \
         change waits, while {context}; nothing was changed"
    )]
    Busy { context: &'static str },
    #[error("the disk that holds the register is full, while {context}; nothing was saved")]
    DiskFull { context: &'static str },
    #[error("database error while {context}: {source}")]
    Sqlite {
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

/// Adds the "while …" context to a rusqlite error.
pub(crate) trait Context<T> {
    fn context(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn context(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy { context }
            }
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull { context },
            _ => StoreError::Sqlite { context, source },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: std::ffi::c_int) -> Result<(), rusqlite::Error> {
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn a_full_disk_and_a_busy_register_are_named_as_such() {
        let full = failure(rusqlite::ffi::SQLITE_FULL).context("adding devices");
        assert!(
            matches!(
                full,
                Err(StoreError::DiskFull {
                    context: "adding devices"
                })
            ),
            "{full:?}"
        );
        let busy = failure(rusqlite::ffi::SQLITE_BUSY).context("saving a setting");
        assert!(matches!(busy, Err(StoreError::Busy { .. })), "{busy:?}");
        let other = failure(rusqlite::ffi::SQLITE_CORRUPT).context("reading devices");
        assert!(matches!(other, Err(StoreError::Sqlite { .. })), "{other:?}");
    }
}
