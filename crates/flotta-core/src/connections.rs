//! Managing EMM connections: list, add, edit, test, remove.

use std::time::Instant;

use flotta_domain::{ConnectionSettings, SettingsProblem, SyncRun, Vendor};
use flotta_store::{SourceId, StoredConnection};
use flotta_sync::{Connector, Secret};

use crate::Flotta;
use crate::error::Error;
use crate::secrets::{Secrets, Slot};
use crate::transport::{
    Connection, ConnectionDefaults, ConnectionInput, ConnectionTest, SecretStoreStatus,
};

impl Flotta {
    pub fn list_connections(&self) -> Result<Vec<Connection>, Error> {
        let stored = self.reader().connections()?;
        let runs = self.reader().sync_runs(None, 500)?;
        stored
            .into_iter()
            .map(|connection| self.connection_view(connection, &runs))
            .collect()
    }

    fn connection_view(
        &self,
        stored: StoredConnection,
        runs: &[SyncRun],
    ) -> Result<Connection, Error> {
        let id = stored.id.0 as u32;
        let settings: ConnectionSettings =
            serde_json::from_str(&stored.settings_json).map_err(|error| Error::InvalidInput {
                what: "stored connection settings",
                detail: error.to_string(),
            })?;
        Ok(Connection {
            id,
            settings,
            demo: stored.demo,
            closed_at: stored.closed_at,
            secret: self.secrets.storage(id),
            device_count: stored.device_count,
            last_run: runs.iter().find(|run| run.connection_id == id).cloned(),
            syncing: self.is_syncing(id),
        })
    }

    pub(crate) fn connection(&self, id: u32) -> Result<Connection, Error> {
        self.list_connections()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(Error::ConnectionNotFound { id })
    }

    /// Adds (`id` = `None`) or changes a connection. The secret, and Workspace ONE's tenant
    /// code, go to the keyring (or the session), never to the database; `None` keeps the
    /// stored one.
    pub fn save_connection(
        &self,
        id: Option<u32>,
        input: ConnectionInput,
    ) -> Result<Connection, Error> {
        let mut settings = input.settings;
        let tenant_code = settings.take_tenant_code();
        settings.validate()?;
        let json = settings_json(&settings)?;
        let new_secret = input.secret.as_deref().filter(|s| !s.is_empty());
        match id {
            Some(id) => {
                if new_secret.is_none() {
                    self.check_secret_destination(id, &settings, "secret")?;
                }
                if tenant_code.is_none() && settings.vendor == Vendor::WorkspaceOne {
                    self.check_secret_destination(id, &settings, "tenant_code")?;
                }
            }
            None if tenant_code.is_none() && settings.vendor == Vendor::WorkspaceOne => {
                return Err(tenant_code_needed());
            }
            None => {}
        }
        // Refuse before anything is written, so a missing keyring cannot leave a connection
        // without its secret (or a second copy when the user tries again).
        if (new_secret.is_some() || tenant_code.is_some()) && !input.session_only {
            let status = Secrets::status();
            if !status.available {
                return Err(Error::SecretStoreUnavailable {
                    detail: status.detail.unwrap_or_default(),
                });
            }
        }
        let now = self.clock.now();
        let id = match id {
            Some(id) => {
                self.connection(id)?;
                self.store().update_connection(
                    SourceId(id.into()),
                    &settings.name,
                    &json,
                    &self.actor,
                    now,
                )?;
                id
            }
            None => {
                let source = self.store().create_connection(
                    settings.vendor.source_kind(),
                    &settings.name,
                    &json,
                    false,
                    &self.actor,
                    now,
                )?;
                source.0 as u32
            }
        };
        if let Some(secret) = new_secret {
            self.secrets
                .put(id, Slot::Secret, secret, input.session_only)?;
        }
        if let Some(code) = tenant_code {
            self.secrets
                .put(id, Slot::TenantCode, &code, input.session_only)?;
        }
        self.connection(id)
    }

    /// Adds or updates the built-in demo tenant's connection; its secret, once known, is
    /// kept for the session (the app supplies it at every start).
    pub(crate) fn add_demo_connection(
        &self,
        settings: &ConnectionSettings,
        secret: Option<&str>,
    ) -> Result<u32, Error> {
        let json = settings_json(settings)?;
        let existing = self
            .store()
            .connections()?
            .into_iter()
            .find(|c| c.demo && c.closed_at.is_none());
        let now = self.clock.now();
        let id = match existing {
            // The emulator listens on a new port at every start; that is not a user's change,
            // so it is not audited as one.
            Some(connection) => {
                self.store()
                    .set_connection_settings(connection.id, &settings.name, &json)?;
                connection.id.0 as u32
            }
            None => {
                self.store()
                    .create_connection(
                        settings.vendor.source_kind(),
                        &settings.name,
                        &json,
                        true,
                        &self.actor,
                        now,
                    )?
                    .0 as u32
            }
        };
        if let Some(secret) = secret {
            self.secrets.put(id, Slot::Secret, secret, true)?;
        }
        Ok(id)
    }

    /// Signs in and reads the first page. With `id` and no secret in `input`, the stored
    /// secret is used.
    pub async fn test_connection(
        &self,
        id: Option<u32>,
        input: ConnectionInput,
    ) -> Result<ConnectionTest, Error> {
        let mut settings = input.settings;
        let tenant_code = match (settings.take_tenant_code(), id) {
            (Some(code), _) => Some(Secret::new(code)),
            (None, _) if settings.vendor != Vendor::WorkspaceOne => None,
            (None, Some(id)) => {
                self.check_secret_destination(id, &settings, "tenant_code")?;
                Some(self.stored_tenant_code(id, &settings.name)?)
            }
            (None, None) => return Err(tenant_code_needed()),
        };
        let secret = match (input.secret.as_deref().filter(|s| !s.is_empty()), id) {
            (Some(secret), _) => Secret::new(secret),
            (None, Some(id)) => {
                self.check_secret_destination(id, &settings, "secret")?;
                self.secret_of(id, &settings.name)?
            }
            (None, None) => {
                return Err(Error::InvalidInput {
                    what: "secret",
                    detail: "enter the client secret or password to test the connection".into(),
                });
            }
        };
        let started = Instant::now();
        let connector = Connector::new(&settings, secret, tenant_code, self.retry)?;
        let devices = connector.test().await?;
        Ok(ConnectionTest {
            devices,
            elapsed_ms: started.elapsed().as_millis() as u32,
        })
    }

    /// A stored secret (or tenant code, `field`) goes only where it was entered for: when
    /// the vendor, or the origin of the base or token URL, changes, it must be entered again.
    fn check_secret_destination(
        &self,
        id: u32,
        changed: &ConnectionSettings,
        field: &'static str,
    ) -> Result<(), Error> {
        let stored = self.connection(id)?;
        if stored.settings.same_secret_destination(changed) {
            return Ok(());
        }
        let what = if field == "tenant_code" {
            "the tenant code"
        } else {
            "the client secret or password"
        };
        Err(Error::Settings(SettingsProblem {
            field,
            problem: format!(
                "the connection's address changed; enter {what} again, so that it is not sent \
                 to the new address unasked"
            ),
        }))
    }

    pub(crate) fn secret_of(&self, id: u32, name: &str) -> Result<Secret, Error> {
        self.secrets
            .get(id, Slot::Secret)?
            .ok_or_else(|| Error::SecretMissing {
                connection: name.to_owned(),
            })
    }

    /// Workspace ONE's tenant code as kept with the connection's secret.
    pub(crate) fn stored_tenant_code(&self, id: u32, name: &str) -> Result<Secret, Error> {
        self.secrets
            .get(id, Slot::TenantCode)?
            .ok_or_else(|| Error::SecretMissing {
                connection: name.to_owned(),
            })
    }

    /// Keeps Workspace ONE's tenant code for this process only (the command line's
    /// `FLOTTA_TENANT_CODE`).
    pub fn use_tenant_code_for_session(&self, id: u32, code: &str) -> Result<(), Error> {
        self.connection(id)?;
        self.secrets
            .put(id, Slot::TenantCode, code, true)
            .map(|_| ())
    }

    /// Registers from before the tenant code was kept with the secret hold it in their
    /// settings: where there is a keyring, move it there. Without one it stays until the
    /// connection is next saved (the sync still finds it in the settings).
    pub(crate) fn move_tenant_codes_to_keyring(&self) -> Result<(), Error> {
        let stored = self.reader().connections()?;
        for connection in stored {
            let Ok(mut settings) =
                serde_json::from_str::<ConnectionSettings>(&connection.settings_json)
            else {
                continue;
            };
            let Some(code) = settings.take_tenant_code() else {
                continue;
            };
            if !Secrets::status().available {
                tracing::warn!(
                    connection = connection.id.0,
                    "a Workspace ONE tenant code is still in the register: no keyring to move it to"
                );
                return Ok(());
            }
            let id = connection.id.0 as u32;
            self.secrets.put(id, Slot::TenantCode, &code, false)?;
            self.store().set_connection_settings(
                connection.id,
                &settings.name,
                &settings_json(&settings)?,
            )?;
            tracing::info!(
                connection = id,
                "moved a Workspace ONE tenant code to the keyring"
            );
        }
        Ok(())
    }

    /// Stops syncing a connection and forgets its secret; its devices stay in the register.
    pub fn remove_connection(&self, id: u32) -> Result<(), Error> {
        self.connection(id)?;
        self.cancel_sync(id);
        self.store()
            .close_connection(SourceId(id.into()), &self.actor, self.clock.now())?;
        self.secrets.forget(id);
        Ok(())
    }

    /// Keeps a secret for this process only (the command line's `FLOTTA_CONNECTION_SECRET`).
    pub fn use_secret_for_session(&self, id: u32, secret: &str) -> Result<(), Error> {
        self.connection(id)?;
        self.secrets.put(id, Slot::Secret, secret, true).map(|_| ())
    }

    pub fn secret_store_status(&self) -> SecretStoreStatus {
        Secrets::status()
    }

    /// The limits and each vendor's defaults the connection form starts from.
    pub fn connection_defaults(&self) -> ConnectionDefaults {
        ConnectionDefaults {
            max_concurrency: flotta_domain::MAX_CONCURRENCY,
            max_page_size: flotta_domain::MAX_PAGE_SIZE,
            vendors: flotta_domain::Vendor::ALL
                .into_iter()
                .map(|vendor| ConnectionSettings::new(vendor, ""))
                .collect(),
        }
    }
}

fn tenant_code_needed() -> Error {
    Error::Settings(SettingsProblem {
        field: "tenant_code",
        problem: "Workspace ONE needs the tenant code (aw-tenant-code) of its API; enter it".into(),
    })
}

fn settings_json(settings: &ConnectionSettings) -> Result<String, Error> {
    serde_json::to_string(settings).map_err(|error| Error::InvalidInput {
        what: "connection settings",
        detail: error.to_string(),
    })
}
