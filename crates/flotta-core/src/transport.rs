//! Types that cross to the UI and exist only for it; domain types cross as they are.

use flotta_domain::InventoryView;
use serde::{Deserialize, Serialize};

/// The interface language. `None` in [`Settings`] means "follow the operating system".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Sv,
    En,
}

impl From<Language> for flotta_reports::Lang {
    fn from(language: Language) -> Self {
        match language {
            Language::Sv => flotta_reports::Lang::Sv,
            Language::En => flotta_reports::Lang::En,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Settings {
    pub language: Option<Language>,
    pub inventory_view: InventoryView,
    /// Days before its end that a warranty counts as expiring.
    pub expiring_within_days: u32,
}

/// A window of the inventory: rows `offset..offset + limit` of the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct DeviceQuery {
    pub view: InventoryView,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AppStatus {
    pub database_path: String,
    /// True while the register holds the generated demo fleet.
    pub demo: bool,
    pub device_count: u32,
    pub app_version: String,
    /// The operating system's locale as a BCP 47 tag (e.g. "sv-SE"), from which the UI takes
    /// its default language. The web view's own idea of the language can differ from it.
    pub os_locale: Option<String>,
    /// The folder the app writes its log file to (see `log_folder`).
    pub log_folder: Option<String>,
}

/// What the connection form sends. `secret` is `None` when editing without changing it.
/// `Debug` masks the secret, so that logging an input cannot print it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ConnectionInput {
    pub settings: flotta_domain::ConnectionSettings,
    pub secret: Option<String>,
    /// Keep the secret in memory until the app closes instead of in the OS keyring (for
    /// machines without a keyring service, or a user who prefers it).
    pub session_only: bool,
}

impl std::fmt::Debug for ConnectionInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionInput")
            .field("settings", &self.settings)
            .field("secret", &self.secret.as_ref().map(|_| "***"))
            .field("session_only", &self.session_only)
            .finish()
    }
}

/// Where a connection's secret is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SecretStorage {
    Keyring,
    /// In memory only, until the app closes.
    Session,
    /// No secret is known (a session-only secret after a restart, or a keyring entry removed).
    Missing,
}

/// A connection as the connections view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Connection {
    pub id: u32,
    pub settings: flotta_domain::ConnectionSettings,
    /// The built-in demo tenant (an emulator inside the app).
    pub demo: bool,
    /// Set when the connection was removed; its devices stay in the register.
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub secret: SecretStorage,
    /// Devices this connection currently reports (not missing).
    pub device_count: u32,
    pub last_run: Option<flotta_domain::SyncRun>,
    /// True while a sync of this connection runs.
    pub syncing: bool,
}

/// A successful "Test connection": the token was issued and the device list could be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ConnectionTest {
    /// Devices the vendor says it manages, when it says so without a full listing.
    pub devices: Option<u32>,
    pub elapsed_ms: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    SigningIn,
    /// Reading the installed apps a vendor keeps apart from its devices (Intune's detected
    /// apps), after the devices are stored: `records` and `total` count app lists.
    ReadingApps,
    Fetching,
    /// Writing what was fetched into the register, in one transaction.
    Applying,
    Finished,
}

/// Progress of one running sync, sent a few times a second and once when it ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct SyncProgress {
    pub run_id: u32,
    pub connection_id: u32,
    pub connection_name: String,
    pub phase: SyncPhase,
    pub pages: u32,
    pub records: u32,
    /// Records the vendor said it has, when it says so.
    pub total: Option<u32>,
    pub records_per_second: u32,
    pub seconds_left: Option<u32>,
    /// Set with [`SyncPhase::Finished`]: the run as stored in the history.
    pub run: Option<flotta_domain::SyncRun>,
}

/// A file an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ExportedFile {
    pub path: String,
    pub rows: u32,
}

/// Whether secrets can be kept in the OS keyring on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SecretStoreStatus {
    pub available: bool,
    /// Why not, in English, when it is not available.
    pub detail: Option<String>,
}

/// What the connection form starts from and is bounded by: the domain's own rules, so the
/// UI keeps no copies of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ConnectionDefaults {
    pub max_concurrency: u32,
    pub max_page_size: u32,
    /// A new connection's settings for each vendor (public URLs, page size, schedule).
    pub vendors: Vec<flotta_domain::ConnectionSettings>,
}
