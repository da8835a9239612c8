//! Opening the database file: refuse what is not ours, back up, migrate, set the PRAGMAs.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, MAIN_DB, OpenFlags, TransactionBehavior};

use crate::error::{Context, StoreError};
use crate::migrations::{SCHEMA_VERSION, migrations};

/// An open, migrated Flotta database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// The last free-text search's result in this connection's temporary table.
    pub(crate) search_hits: std::sync::Mutex<Option<crate::query::TempFill>>,
    /// The units of the last app filter, in this connection's temporary table.
    pub(crate) app_units: std::sync::Mutex<Option<crate::query::TempFill>>,
    /// What `temp.unit_purchase` was built from (see `query.rs`), if it was.
    pub(crate) unit_purchases: std::sync::Mutex<Option<String>>,
    /// What the app question reads, as of the register's state when it was read.
    pub(crate) app_index: std::sync::Mutex<Option<crate::app_index::AppIndex>>,
}

/// What opening the database did besides opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReport {
    /// The schema version found in the file (0 for a new file).
    pub found_version: i64,
    /// Where the pre-migration copy was written, when a migration ran on an existing database.
    pub backup: Option<PathBuf>,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    ///
    /// A file that is not SQLite, is another program's SQLite database, has a newer schema
    /// than this build, or is read-only is refused before anything is written to it. An
    /// existing database is copied to a timestamped backup before a migration runs; `now`
    /// names that backup.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<(Self, OpenReport), StoreError> {
        refuse_foreign_file(path)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_owned(),
                source,
            })?;
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| classify_open_error(path, source))?;
        if conn.is_readonly(MAIN_DB).unwrap_or(true) {
            return Err(StoreError::ReadOnly {
                path: path.to_owned(),
            });
        }

        let found_version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|source| classify_open_error(path, source))?;
        if found_version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found: found_version,
                supported: SCHEMA_VERSION,
            });
        }
        if found_version == 0 {
            let objects: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
                .map_err(|source| classify_open_error(path, source))?;
            if objects > 0 {
                return Err(StoreError::NotSqlite {
                    path: path.to_owned(),
                });
            }
            // Only a new file takes a page size. 16 KiB instead of SQLite's 4 KiB: a 50,000-
            // device full sync wrote a quarter faster (fewer pages to split, link and log),
            // and the inventory's queries ran as fast or faster (inventory_bench).
            conn.pragma_update(None, "page_size", 16_384)
                .map_err(|source| classify_open_error(path, source))?;
        }

        configure(&mut conn)?;
        let backup = if found_version > 0 && found_version < SCHEMA_VERSION {
            Some(backup(&conn, path, found_version, now)?)
        } else {
            None
        };
        // As SQLite documents for rebuilding a table: foreign keys off while migrating (each
        // migration checks them before it commits), on again for everything else.
        conn.pragma_update(None, "foreign_keys", "OFF")
            .context("disabling foreign keys for migrations")?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|source| StoreError::Migration {
                path: path.to_owned(),
                target: SCHEMA_VERSION,
                source,
            })?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .context("enabling foreign keys")?;
        let store = Self {
            conn,
            path: path.to_owned(),
            search_hits: Default::default(),
            app_units: Default::default(),
            unit_purchases: Default::default(),
            app_index: Default::default(),
        };
        Ok((
            store,
            OpenReport {
                found_version,
                backup,
            },
        ))
    }

    /// Another connection to the same database: for a long write (a sync) that must not hold
    /// up this one's reads, or for reads that must not wait behind this one's writes.
    pub fn reopen(&self) -> Result<Self, StoreError> {
        let mut conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| classify_open_error(&self.path, source))?;
        configure(&mut conn)?;
        Ok(Self {
            conn,
            path: self.path.clone(),
            search_hits: Default::default(),
            app_units: Default::default(),
            unit_purchases: Default::default(),
            app_index: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .context("reading the schema version")
    }
}

/// Refuses, without opening it through SQLite, a file that is plainly not ours.
fn refuse_foreign_file(path: &Path) -> Result<(), StoreError> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    // Honour the user's read-only flag even when running as root, where SQLite would happily
    // write through it.
    if metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|file| file.take(100).read_to_end(&mut header))
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
    // An empty file is a database SQLite has not written yet.
    if header.is_empty() {
        return Ok(());
    }
    if header.len() < 100 || &header[..16] != SQLITE_HEADER {
        return Err(StoreError::NotSqlite {
            path: path.to_owned(),
        });
    }
    // The schema version (`user_version`) sits at byte 60 of the header: reading it here means
    // a database from a newer Flotta is refused before SQLite opens it at all.
    let found = i64::from(i32::from_be_bytes([
        header[60], header[61], header[62], header[63],
    ]));
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn classify_open_error(path: &Path, source: rusqlite::Error) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_owned(),
        },
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_owned(),
        },
        _ => StoreError::Sqlite {
            context: "opening the database",
            source,
        },
    }
}

/// Connection settings, applied on every open; never part of a migration.
fn configure(conn: &mut Connection) -> Result<(), StoreError> {
    conn.pragma_update(None, "journal_mode", "WAL")
        .context("switching to WAL journal mode")?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .context("enabling foreign keys")?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .context("setting synchronous mode")?;
    // The working set of a 50,000-device register is a few tens of megabytes; keeping it in
    // SQLite's own cache avoids a system call per page on every scan.
    conn.pragma_update(None, "cache_size", -65_536)
        .context("setting the page cache size")?;
    // A full sync with two million installed apps writes a write-ahead log of hundreds of
    // megabytes; without a limit the file keeps that size after each checkpoint, and a start
    // after an unclean exit reads all of it.
    conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)
        .context("limiting the write-ahead log")?;
    // A sync holds the write lock from its first page to its commit (its pages must not be
    // seen half-written). A person's change meanwhile waits for it: transactions take the
    // write lock when they begin, where SQLite waits for a busy lock, rather than when they
    // first write, where it cannot wait and fails at once.
    // Multi-row inserts keep a statement journal, and a search keeps its hits in a
    // temporary table: both belong in memory, not in files.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .context("keeping temporary data in memory")?;
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    // A sync's page uses some twenty statements in turn, the multi-row inserts among them:
    // with rusqlite's default of 16 the least recently used was always the next needed, and
    // every page prepared them all again (20 ms of a 48,000-device sync).
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(std::time::Duration::from_secs(60))
        .context("setting the busy timeout")?;
    crate::functions::register(conn)?;
    Ok(())
}

/// Copies the database, consistently, next to itself before a migration changes it.
fn backup(
    conn: &Connection,
    path: &Path,
    version: i64,
    now: DateTime<Utc>,
) -> Result<PathBuf, StoreError> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "flotta.sqlite3".to_owned());
    let target = path.with_file_name(format!(
        "{file_name}.v{version}-{}.backup",
        now.format("%Y%m%dT%H%M%SZ")
    ));
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])
        .map_err(|source| StoreError::Backup {
            path: path.to_owned(),
            source,
        })?;
    tracing::info!(backup = %target.display(), "backed up the database before migrating");
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_a_consistent_copy_named_for_version_and_time() -> Result<(), StoreError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("flotta.sqlite3");
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
            .expect("valid")
            .with_timezone(&Utc);
        let (store, _) = Store::open(&path, now)?;
        store
            .conn
            .execute("INSERT INTO org_units (name) VALUES ('Intraservice')", [])
            .context("test insert")?;
        let target = backup(&store.conn, &path, 1, now)?;
        assert_eq!(
            target.file_name().and_then(|name| name.to_str()),
            Some("flotta.sqlite3.v1-20261125T090000Z.backup")
        );
        let copy = Connection::open(&target).context("opening the backup")?;
        let name: String = copy
            .query_row("SELECT name FROM org_units", [], |row| row.get(0))
            .context("reading the backup")?;
        assert_eq!(name, "Intraservice");
        Ok(())
    }
}
