//! The built-in demo tenant: a Graph (Intune) emulator inside the app on loopback, and a
//! connection to it. A new user's first sight is a real sync filling the inventory; the demo
//! connection is labelled as such and goes away (for good) when the user removes it.

use flotta_domain::{ConnectionSettings, Vendor};
use flotta_emulator::{Emulator, EmulatorConfig};

use crate::{Error, Flotta};

pub const DEMO_CONNECTION_NAME: &str = "Demo tenant (Intune)";

impl Flotta {
    /// Starts the demo tenant with `devices` devices when this register should have one: on
    /// first start (no connections yet), or when its demo connection is still open. Returns
    /// the demo connection to sync, or `None` after the user removed the demo. Must run inside
    /// a tokio runtime, which keeps serving the emulator.
    pub async fn start_demo_tenant(&self, devices: usize) -> Result<Option<u32>, Error> {
        let connections = self.store().connections()?;
        let has_open_demo = connections.iter().any(|c| c.demo && c.closed_at.is_none());
        if !has_open_demo && !connections.is_empty() {
            return Ok(None);
        }
        let emulator = Emulator::start(EmulatorConfig::new(devices, self.clock.now()))
            .await
            .map_err(|error| Error::InvalidInput {
                what: "demo tenant",
                detail: format!("the built-in emulator could not start: {error}"),
            })?;
        let credentials = emulator.credentials().clone();
        let mut settings = ConnectionSettings::new(Vendor::Intune, DEMO_CONNECTION_NAME);
        settings.base_url = emulator.graph_url();
        settings.token_url = Some(emulator.login_url());
        settings.tenant = Some(credentials.tenant.clone());
        settings.client_id = credentials.client_id.clone();
        settings.page_size = 1000;
        settings.sync_every_minutes = Some(30);
        let id = self.add_demo_connection(&settings, &credentials.client_secret)?;
        *self
            .demo_tenant
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(emulator);
        tracing::info!(devices, connection = id, "demo tenant started");
        Ok(Some(id))
    }
}
