//! The built-in demo tenant: a Graph (Intune) emulator inside the app on loopback, and a
//! connection to it. A new user's first sight is a real sync filling the inventory; the demo
//! connection is labelled as such and goes away (for good) when the user removes it.

use flotta_domain::{ConnectionSettings, Vendor};
use flotta_emulator::{Emulator, EmulatorConfig};

use crate::{Error, Flotta};

pub const DEMO_CONNECTION_NAME: &str = "Demo tenant (Intune)";

/// How long a later start waits before serving the demo tenant (its syncs follow the schedule).
const LATER_START_DELAY: std::time::Duration = std::time::Duration::from_secs(5);

/// Where the demo connection points until its emulator listens (nothing listens there).
const NOT_YET_SERVED: &str = "http://127.0.0.1:9";

fn demo_settings(base: &str, login: &str, client_id: &str, tenant: &str) -> ConnectionSettings {
    let mut settings = ConnectionSettings::new(Vendor::Intune, DEMO_CONNECTION_NAME);
    settings.base_url = base.to_owned();
    settings.token_url = Some(login.to_owned());
    settings.tenant = Some(tenant.to_owned());
    settings.client_id = client_id.to_owned();
    settings.page_size = 1000;
    settings.sync_every_minutes = Some(30);
    settings
}

/// What the app should do with the demo tenant at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoTenant {
    pub connection: u32,
    /// True until the demo has synced once: the first start syncs at once; later starts leave
    /// it to the schedule, so the start stays quick.
    pub needs_first_sync: bool,
}

impl Flotta {
    /// The demo connection, created on the very first start (no connections yet), or `None`
    /// once the user removed it. Quick and synchronous, so the UI's first look at the
    /// register already sees the demo.
    pub fn demo_connection(&self) -> Result<Option<DemoTenant>, Error> {
        let connections = self.store().connections()?;
        let open = connections.iter().find(|c| c.demo && c.closed_at.is_none());
        let connection = match open {
            Some(demo) => demo.id.0 as u32,
            None if connections.is_empty() => {
                let settings = demo_settings(
                    &format!("{NOT_YET_SERVED}/graph"),
                    NOT_YET_SERVED,
                    "flotta-demo",
                    "demo",
                );
                self.add_demo_connection(&settings, None)?
            }
            None => return Ok(None),
        };
        let synced = self
            .store()
            .sync_runs(Some(flotta_store::SourceId(connection.into())), 50)?
            .iter()
            .any(|run| run.status == flotta_domain::SyncStatus::Succeeded);
        Ok(Some(DemoTenant {
            connection,
            needs_first_sync: !synced,
        }))
    }

    /// Starts the demo tenant's emulator with `devices` devices and points the demo
    /// connection at it. Must run inside a tokio runtime, which keeps serving the emulator.
    pub async fn serve_demo_tenant(&self, demo: DemoTenant, devices: usize) -> Result<(), Error> {
        if !demo.needs_first_sync {
            // Nothing waits for it: let the window load first instead of generating 50,000
            // devices on the same two cores (start-up 0.8 s instead of 1.4 s).
            tokio::time::sleep(LATER_START_DELAY).await;
        }
        let emulator = Emulator::start(EmulatorConfig::new(devices, self.clock.now()))
            .await
            .map_err(|error| Error::InvalidInput {
                what: "demo tenant",
                detail: format!("the built-in emulator could not start: {error}"),
            })?;
        let credentials = emulator.credentials().clone();
        let settings = demo_settings(
            &emulator.graph_url(),
            &emulator.login_url(),
            &credentials.client_id,
            &credentials.tenant,
        );
        self.add_demo_connection(&settings, Some(&credentials.client_secret))?;
        *self
            .demo_tenant
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(emulator);
        tracing::info!(devices, connection = demo.connection, "demo tenant serving");
        Ok(())
    }
}

/// Units per model the demo's swap pool starts with, for the four most common models.
const DEMO_POOL_UNITS: usize = 3;
const DEMO_POOL_MODELS: usize = 4;
/// Set once the demo's pool has been stocked, so a pool the user empties stays empty.
const DEMO_POOL_STOCKED: &str = "demo.pool_stocked";

impl Flotta {
    /// After the demo's first sync, puts three units of each of its four most common models
    /// into the swap pool, so the repairs and the pool can be tried at once. Once only.
    pub(crate) fn stock_demo_pool(&self) -> Result<(), Error> {
        if self.reader().setting(DEMO_POOL_STOCKED)?.is_some() {
            return Ok(());
        }
        let summary = self.fleet_summary()?;
        let models: Vec<String> = summary
            .by_model
            .iter()
            .take(DEMO_POOL_MODELS)
            .map(|facet| facet.value.clone())
            .collect();
        let move_to_pool = flotta_domain::LifecycleMove {
            to: flotta_domain::Lifecycle::InSwapPool,
            reason: "demo tenant: the swap pool".into(),
        };
        for model in models {
            let view = flotta_domain::InventoryView {
                filters: flotta_domain::DeviceFilters {
                    model: Some(model),
                    lifecycle: Some(flotta_domain::Lifecycle::Deployed),
                    ..flotta_domain::DeviceFilters::default()
                },
                ..flotta_domain::InventoryView::default()
            };
            let page = self.query_devices(&crate::DeviceQuery {
                view,
                offset: 0,
                limit: DEMO_POOL_UNITS as u32,
            })?;
            for row in page.rows {
                self.move_unit(row.id, &move_to_pool)?;
            }
        }
        self.store()
            .set_setting(DEMO_POOL_STOCKED, "true", &self.actor, self.clock.now())?;
        tracing::info!("stocked the demo swap pool");
        Ok(())
    }
}
