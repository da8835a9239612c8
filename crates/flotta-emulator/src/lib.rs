//! Loopback emulators of the three EMM vendors' REST APIs — Microsoft Graph (Intune), Jamf Pro
//! and Workspace ONE UEM — over one deterministic synthetic fleet, with switchable faults.
//!
//! Tests, benchmarks and the app's demo tenant talk real HTTP to it, so the connectors are
//! exercised exactly as against a cloud tenant: tokens, paging, field shapes, error bodies.
//! The shapes follow the vendors' published contracts (see `docs/vendor-apis.md`), including
//! their untidiness: placeholder dates, IMEIs with spaces, enum values in varying case, nested
//! ids, dates without a zone, an empty page answered with 204.
//!
//! All three APIs serve the same fleet, under their own path prefixes (`/graph`, `/login`,
//! `/jamf`, `/ws1`, `/ws1-auth`), so one emulator can stand in for an organisation running
//! several EMMs over the same devices.

#![recursion_limit = "256"]
// Handlers return the vendor's error answer as `Err(Response)`: it is built once per failed
// request and sent as is, so boxing it would buy nothing.
#![allow(clippy::result_large_err)]

mod apps;
mod faults;
mod fleet;
mod graph;
mod http;
mod jamf;
mod tokens;
mod witness;
mod ws1;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

pub use faults::{Api, Fault, FaultRule};
pub use fleet::{Enrolment, Fleet};
pub use witness::{Seen, Witness};

/// An app on an emulated device, as the vendor APIs report it (Graph gives no identifier).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EmulatedApp {
    pub name: &'static str,
    pub identifier: &'static str,
    pub version: String,
    /// As Graph's detected apps name it (Jamf and Workspace ONE do not).
    pub publisher: &'static str,
}

/// The apps installed on an enrolment: what tests expect a sync to bring in.
pub fn installed_apps(enrolment: &Enrolment) -> Vec<EmulatedApp> {
    emulated(enrolment, apps::installs(enrolment))
}

/// The apps Intune's Graph reports for an enrolment: all of them on a corporate-owned device,
/// only the organisation's managed apps on any other.
pub fn graph_apps(enrolment: &Enrolment) -> Vec<EmulatedApp> {
    emulated(enrolment, apps::graph_installs(enrolment))
}

fn emulated(enrolment: &Enrolment, installs: Vec<apps::Install>) -> Vec<EmulatedApp> {
    installs
        .into_iter()
        .map(|install| EmulatedApp {
            name: install.catalogue().name,
            identifier: install.identifier(enrolment.device.os),
            version: install.version_text(),
            publisher: install.catalogue().publisher,
        })
        .collect()
}

/// The credentials the emulated tenant accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// Entra tenant (Intune).
    pub tenant: String,
    /// Workspace ONE `aw-tenant-code`.
    pub tenant_code: String,
    pub client_id: String,
    pub client_secret: String,
    /// For basic auth (Jamf's user tokens, older Workspace ONE tenants).
    pub username: String,
    pub password: String,
}

impl Default for Credentials {
    fn default() -> Self {
        Self {
            tenant: "exempelstad.onmicrosoft.com".into(),
            tenant_code: "EXEMPELSTAD-API-KEY".into(),
            client_id: "flotta-demo".into(),
            client_secret: "demo-secret".into(),
            username: "flotta".into(),
            password: "demo-password".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub devices: usize,
    pub seed: u64,
    /// The emulated "now": check-in times are spread before it.
    pub now: DateTime<Utc>,
    pub credentials: Credentials,
    /// The most devices Graph puts on one page, whatever `$top` asks.
    pub graph_max_page: usize,
    pub token_lifetime: Duration,
    /// Added to every request (a cloud tenant costs ~100 ms per round trip).
    pub latency: Duration,
    /// The newest `computers-inventory` version the Jamf server has (v1 to v4 exist; v4 is
    /// current since Jamf Pro 11.x, older servers stop earlier).
    pub jamf_computers_api: u8,
}

impl EmulatorConfig {
    pub fn new(devices: usize, now: DateTime<Utc>) -> Self {
        Self {
            devices,
            seed: flotta_demo::DEMO_SEED,
            now,
            credentials: Credentials::default(),
            graph_max_page: 1000,
            token_lifetime: Duration::from_secs(3600),
            latency: Duration::ZERO,
            jamf_computers_api: 4,
        }
    }
}

/// Counters a test can read to see what the client did.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicU64,
    pub token_requests: AtomicU64,
}

#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: EmulatorConfig,
    pub(crate) base_url: String,
    fleet: RwLock<Fleet>,
    /// Bumped whenever the fleet may have changed, so derived views know to rebuild.
    generation: AtomicU64,
    /// Graph's detected apps, built from the fleet of one generation.
    detected: Mutex<Option<(u64, Arc<graph::DetectedApps>)>>,
    faults: Mutex<faults::FaultPlan>,
    pub(crate) tokens: tokens::Tokens,
    latency_ms: AtomicU64,
    /// Graph's few records without serial and IMEI leave them out while this is set.
    withhold_ids: std::sync::atomic::AtomicBool,
    pub(crate) stats: Stats,
}

impl Shared {
    pub(crate) fn fleet(&self) -> RwLockReadGuard<'_, Fleet> {
        self.fleet
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn fleet_mut(&self) -> RwLockWriteGuard<'_, Fleet> {
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.fleet
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, faults::FaultPlan> {
        self.faults
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Graph's detected apps for the fleet as it is now.
    pub(crate) fn detected_apps(&self) -> Arc<graph::DetectedApps> {
        let generation = self.generation.load(Ordering::Relaxed);
        let mut cached = self
            .detected
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((built, apps)) = cached.as_ref()
            && *built == generation
        {
            return Arc::clone(apps);
        }
        let apps = Arc::new(graph::DetectedApps::of(&self.fleet()));
        *cached = Some((generation, Arc::clone(&apps)));
        apps
    }

    pub(crate) fn withholds_ids(&self) -> bool {
        self.withhold_ids.load(Ordering::Relaxed)
    }

    pub(crate) fn latency(&self) -> Duration {
        Duration::from_millis(self.latency_ms.load(Ordering::Relaxed))
    }
}

/// A running emulator; stops when dropped.
#[derive(Debug)]
pub struct Emulator {
    shared: Arc<Shared>,
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
}

impl Emulator {
    /// Generates the fleet and starts serving on a free loopback port. Must be called inside
    /// a tokio runtime.
    pub async fn start(config: EmulatorConfig) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let address = listener.local_addr()?;
        let fleet = Fleet::generate(config.devices, config.seed, config.now);
        let shared = Arc::new(Shared {
            base_url: format!("http://{address}"),
            fleet: RwLock::new(fleet),
            generation: AtomicU64::new(0),
            detected: Mutex::default(),
            faults: Mutex::default(),
            tokens: tokens::Tokens::default(),
            latency_ms: AtomicU64::new(config.latency.as_millis() as u64),
            withhold_ids: std::sync::atomic::AtomicBool::new(true),
            stats: Stats::default(),
            config,
        });
        let router = http::router(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(error) = serve.await {
                tracing::warn!(%error, "the vendor emulator stopped");
            }
        });
        Ok(Self {
            shared,
            address,
            stop: Some(stop),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Base URL of the Graph API (what a connection's `base_url` is set to).
    pub fn graph_url(&self) -> String {
        format!("{}/graph", self.shared.base_url)
    }

    /// The identity platform's authority (a connection's `token_url` for Intune).
    pub fn login_url(&self) -> String {
        format!("{}/login", self.shared.base_url)
    }

    pub fn jamf_url(&self) -> String {
        format!("{}/jamf", self.shared.base_url)
    }

    pub fn ws1_url(&self) -> String {
        format!("{}/ws1", self.shared.base_url)
    }

    /// Workspace ONE's regional token URL.
    pub fn ws1_token_url(&self) -> String {
        format!("{}/ws1-auth/connect/token", self.shared.base_url)
    }

    pub fn credentials(&self) -> &Credentials {
        &self.shared.config.credentials
    }

    pub fn arm(&self, rule: FaultRule) {
        self.shared.faults().arm(rule);
    }

    /// Armed faults that have not struck yet.
    pub fn pending_faults(&self) -> usize {
        self.shared.faults().len()
    }

    pub fn clear_faults(&self) {
        self.shared.faults().clear();
    }

    /// From now on Graph's records that had no serial and no IMEI report them (an enrolment
    /// that starts reporting its hardware identifiers).
    pub fn reveal_identifiers(&self) {
        self.shared.withhold_ids.store(false, Ordering::Relaxed);
    }

    pub fn set_latency(&self, latency: Duration) {
        self.shared
            .latency_ms
            .store(latency.as_millis() as u64, Ordering::Relaxed);
    }

    /// Reads or changes the fleet between (or during) syncs.
    pub fn with_fleet<T>(&self, change: impl FnOnce(&mut Fleet) -> T) -> T {
        change(&mut self.shared.fleet_mut())
    }

    pub fn requests(&self) -> u64 {
        self.shared.stats.requests.load(Ordering::Relaxed)
    }

    pub fn token_requests(&self) -> u64 {
        self.shared.stats.token_requests.load(Ordering::Relaxed)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
