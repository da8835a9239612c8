//! User preferences: language and the inventory view, kept in the database.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::transport::{Language, Settings};
use crate::{Error, Flotta, InventoryView};

const LANGUAGE: &str = "ui.language";
const INVENTORY_VIEW: &str = "inventory.view";

impl Flotta {
    /// The saved preferences. A value that cannot be read (written by another version, or
    /// damaged) falls back to its default rather than failing the start.
    pub fn settings(&self) -> Result<Settings, Error> {
        let store = self.reader();
        Ok(Settings {
            language: read_or_default(store.setting(LANGUAGE)?, LANGUAGE),
            inventory_view: read_or_default(store.setting(INVENTORY_VIEW)?, INVENTORY_VIEW),
        })
    }

    pub fn set_language(&self, language: Option<Language>) -> Result<(), Error> {
        self.save(LANGUAGE, &language)
    }

    pub fn set_inventory_view(&self, view: &InventoryView) -> Result<(), Error> {
        self.save(INVENTORY_VIEW, view)
    }

    fn save(&self, key: &str, value: &impl Serialize) -> Result<(), Error> {
        let json = serde_json::to_string(value).map_err(|error| Error::InvalidInput {
            what: "setting",
            detail: error.to_string(),
        })?;
        let now = self.clock.now();
        self.store().set_setting(key, &json, &self.actor, now)?;
        Ok(())
    }
}

fn read_or_default<T: DeserializeOwned + Default>(json: Option<String>, key: &str) -> T {
    let Some(json) = json else {
        return T::default();
    };
    serde_json::from_str(&json).unwrap_or_else(|error| {
        tracing::warn!(key, %error, "ignoring an unreadable saved setting");
        T::default()
    })
}
