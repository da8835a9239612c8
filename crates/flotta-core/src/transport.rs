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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Settings {
    pub language: Option<Language>,
    pub inventory_view: InventoryView,
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
}
