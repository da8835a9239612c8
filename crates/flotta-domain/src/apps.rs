//! Installed apps as the EMMs report them, and what a device's app list can honestly say.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// One app (at one version) as an EMM reports it on a device. Many devices share the same
/// app, so connectors hand out one `Arc` per distinct app instead of a copy per device.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstalledApp {
    pub name: String,
    /// Bundle id (Apple) or package name (Android). Graph's detected apps carry no id, only
    /// a display name, so this is empty for Intune.
    pub identifier: String,
    /// Empty when the vendor did not say.
    pub version: String,
    /// The app's maker as the vendor names it; empty when it does not say (only Graph's
    /// detected apps carry one).
    pub publisher: String,
}

/// What one sync says about a device's apps. "Not reported" is not "none installed": Intune,
/// for one, lists user-installed apps only on corporate-owned devices, and an app count must
/// never read a device it could not see as a device without the app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum AppsSeen {
    /// This sync did not ask (an incremental Intune sync, say): keep what the register has.
    #[default]
    NotFetched,
    /// The vendor does not report this device's apps.
    NotReported,
    /// The complete list, as reported now.
    Installed(Vec<Arc<InstalledApp>>),
    /// What the vendor reports, which may not be all that is installed: Intune may leave out
    /// user-installed apps on a device that is not corporate-owned. Stored and shown like
    /// any app, but the device does not count as one whose apps are known, so no count reads
    /// a missing app as absent.
    Partial(Vec<Arc<InstalledApp>>),
}

/// An app on a device as the register shows it, once however many connections report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceApp {
    pub name: String,
    /// The bundle id or package name, from whichever connection gives one (Intune does not).
    pub identifier: String,
    pub version: String,
    /// The connections that report it, by name.
    pub sources: Vec<String>,
}

/// Whether a connection reports a device's apps, for the device panel's app list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppVisibility {
    pub source: String,
    /// When the connection last reported the device's app list; `None` when it has not:
    /// it does not report them (apps on a personal device in Intune), or has not read them
    /// yet (only incremental Intune syncs so far, or app syncing is off).
    pub reported_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A device's apps with what each connection could see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeviceApps {
    pub apps: Vec<DeviceApp>,
    pub visibility: Vec<AppVisibility>,
}
