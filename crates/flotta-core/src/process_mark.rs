//! Which process is alive: each open [`crate::Flotta`] holds an exclusive lock on a file of
//! its own beside the register, named by a token it writes into the sync runs it starts.
//!
//! The app and the command line open the same register. At start each fails the runs left
//! "running" by a process that has gone (their changes were never committed), and must not
//! fail a sync the other is running. A process id alone cannot say that portably (ids are
//! reused, and no standard API checks one on every OS); a lock is released by the OS when its
//! process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub(crate) struct ProcessMark {
    token: String,
    path: PathBuf,
    /// Held open and locked for the life of the process's `Flotta`.
    file: Option<File>,
}

impl ProcessMark {
    /// Claims a mark for this process beside `database`. Without one (a folder that refuses
    /// the file), the process's runs look interrupted to others, as before marks existed.
    pub(crate) fn claim(database: &Path) -> Self {
        let token = format!(
            "{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |since| since.as_nanos())
        );
        let path = mark_path(database, &token);
        let file = std::fs::create_dir_all(marks_folder(database))
            .and_then(|()| OpenOptions::new().write(true).create_new(true).open(&path))
            .and_then(|file| file.try_lock().map(|()| file).map_err(std::io::Error::from));
        match file {
            Ok(file) => Self {
                token,
                path,
                file: Some(file),
            },
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "cannot mark this process as alive");
                Self {
                    token,
                    path,
                    file: None,
                }
            }
        }
    }

    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    /// Whether the process that claimed `token` beside `database` has gone: its file is
    /// missing or no longer locked. A gone process's file is removed.
    pub(crate) fn is_gone(database: &Path, token: &str) -> bool {
        // A token names a file in the folder only; anything else is not one of ours.
        if token.is_empty() || !token.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return true;
        }
        let path = mark_path(database, token);
        let Ok(file) = File::open(&path) else {
            return true;
        };
        match file.try_lock() {
            Ok(()) => {
                drop(file);
                let _ = std::fs::remove_file(&path);
                true
            }
            Err(TryLockError::WouldBlock) => false,
            Err(TryLockError::Error(error)) => {
                tracing::warn!(%error, path = %path.display(), "cannot tell whether a process is alive");
                true
            }
        }
    }
}

impl Drop for ProcessMark {
    fn drop(&mut self) {
        // Unlocked by closing; removed after, which Windows allows only once it is closed.
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn marks_folder(database: &Path) -> PathBuf {
    let mut name = database.file_name().unwrap_or_default().to_os_string();
    name.push(".processes");
    database.with_file_name(name)
}

fn mark_path(database: &Path, token: &str) -> PathBuf {
    marks_folder(database).join(format!("{token}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_alive_while_held_and_gone_once_dropped() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        let database = dir.path().join("flotta.sqlite3");
        let mark = ProcessMark::claim(&database);
        let token = mark.token().to_owned();
        assert!(!ProcessMark::is_gone(&database, &token), "held: alive");
        drop(mark);
        assert!(ProcessMark::is_gone(&database, &token), "dropped: gone");
        assert!(ProcessMark::is_gone(&database, "../../etc/passwd"));
        Ok(())
    }
}
