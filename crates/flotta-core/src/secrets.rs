//! Where connection secrets live: the OS keyring (Secret Service, Keychain, Credential
//! Manager) through `keyring`, or — when there is none, or the user asks — memory until the
//! app closes. Never the database, a log or an error message.

use std::collections::HashMap;
use std::sync::Mutex;

use flotta_sync::Secret;

use crate::error::Error;
use crate::transport::{SecretStorage, SecretStoreStatus};

const SERVICE: &str = "se.flotta.app";

/// What a connection keeps besides its settings: the client secret or password, and
/// Workspace ONE's `aw-tenant-code` (an API key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    Secret,
    TenantCode,
}

#[derive(Debug)]
pub(crate) struct Secrets {
    session: Mutex<HashMap<(u32, Slot), Secret>>,
    /// The register these connections belong to: connection ids restart in every register,
    /// so the keyring account names both (a test register never touches the real one's).
    register: String,
}

/// The keyring's error, without anything it might echo back.
fn unavailable(error: &keyring::Error) -> Error {
    Error::SecretStoreUnavailable {
        detail: error.to_string(),
    }
}

impl Secrets {
    pub(crate) fn new(register: &std::path::Path) -> Self {
        let register = std::fs::canonicalize(register).unwrap_or_else(|_| register.to_owned());
        Self {
            session: Mutex::default(),
            register: register.display().to_string(),
        }
    }

    fn entry(&self, connection: u32, slot: Slot) -> Result<keyring::Entry, keyring::Error> {
        let kind = match slot {
            Slot::Secret => "",
            Slot::TenantCode => "-tenant-code",
        };
        keyring::Entry::new(
            SERVICE,
            &format!("connection-{connection}{kind}@{}", self.register),
        )
    }

    fn session(&self) -> std::sync::MutexGuard<'_, HashMap<(u32, Slot), Secret>> {
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn status() -> SecretStoreStatus {
        match keyring::Entry::store_status() {
            Ok(()) => SecretStoreStatus {
                available: true,
                detail: None,
            },
            Err(error) => SecretStoreStatus {
                available: false,
                detail: Some(error.to_string()),
            },
        }
    }

    pub(crate) fn put(
        &self,
        connection: u32,
        slot: Slot,
        secret: &str,
        session_only: bool,
    ) -> Result<SecretStorage, Error> {
        if session_only {
            self.session()
                .insert((connection, slot), Secret::new(secret));
            return Ok(SecretStorage::Session);
        }
        let entry = self.entry(connection, slot).map_err(|e| unavailable(&e))?;
        entry.set_password(secret).map_err(|e| unavailable(&e))?;
        self.session().remove(&(connection, slot));
        Ok(SecretStorage::Keyring)
    }

    pub(crate) fn get(&self, connection: u32, slot: Slot) -> Result<Option<Secret>, Error> {
        if let Some(secret) = self.session().get(&(connection, slot)) {
            return Ok(Some(secret.clone()));
        }
        let Ok(entry) = self.entry(connection, slot) else {
            return Ok(None);
        };
        match entry.get_password() {
            Ok(secret) => Ok(Some(Secret::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(unavailable(&error)),
        }
    }

    /// Where the connection's secret (not its tenant code) is kept.
    pub(crate) fn storage(&self, connection: u32) -> SecretStorage {
        if self.session().contains_key(&(connection, Slot::Secret)) {
            return SecretStorage::Session;
        }
        match self
            .entry(connection, Slot::Secret)
            .map(|e| e.get_password())
        {
            Ok(Ok(_)) => SecretStorage::Keyring,
            _ => SecretStorage::Missing,
        }
    }

    pub(crate) fn forget(&self, connection: u32) {
        for slot in [Slot::Secret, Slot::TenantCode] {
            self.session().remove(&(connection, slot));
            if let Ok(entry) = self.entry(connection, slot) {
                // Nothing to do when there was none or there is no keyring.
                let _ = entry.delete_credential();
            }
        }
    }
}
