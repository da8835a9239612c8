//! Preferences kept in the database: the language, the inventory view, and the organisation's
//! notice period for warranties, the SLA clocks' cut-off and at-risk margin.

use serde::Serialize;
use serde::de::DeserializeOwned;

use flotta_domain::DEFAULT_EXPIRING_WITHIN_DAYS;
use flotta_domain::repair::SlaSettings;

use crate::transport::{Language, Settings};
use crate::{Error, Flotta, InventoryView};

const LANGUAGE: &str = "ui.language";
const INVENTORY_VIEW: &str = "inventory.view";
const EXPIRING_WITHIN_DAYS: &str = "warranty.expiring_within_days";
const SLA: &str = "repairs.sla";

/// The longest notice period for warranties: two years.
pub const MAX_EXPIRING_WITHIN_DAYS: u32 = 730;

impl Flotta {
    /// The saved preferences. A value that cannot be read (written by another version, or
    /// damaged) falls back to its default rather than failing the start.
    pub fn settings(&self) -> Result<Settings, Error> {
        let expiring_within_days = self.expiring_within_days()?;
        let store = self.reader();
        Ok(Settings {
            language: read_or(store.setting(LANGUAGE)?, LANGUAGE, None),
            inventory_view: read_or(
                store.setting(INVENTORY_VIEW)?,
                INVENTORY_VIEW,
                <_>::default(),
            ),
            expiring_within_days,
        })
    }

    /// Days before its end that a warranty counts as expiring.
    pub(crate) fn expiring_within_days(&self) -> Result<u32, Error> {
        expiring_within_days(&self.reader())
    }

    pub fn set_expiring_within_days(&self, days: u32) -> Result<(), Error> {
        if !(1..=MAX_EXPIRING_WITHIN_DAYS).contains(&days) {
            return Err(Error::InvalidInput {
                what: "warranty notice period",
                detail: format!("{days} days; give 1 to {MAX_EXPIRING_WITHIN_DAYS}"),
            });
        }
        self.save(EXPIRING_WITHIN_DAYS, &days)
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

/// Days before its end that a warranty counts as expiring, read on `store`.
pub(crate) fn expiring_within_days(store: &flotta_store::Store) -> Result<u32, Error> {
    let days = read_or(
        store.setting(EXPIRING_WITHIN_DAYS)?,
        EXPIRING_WITHIN_DAYS,
        DEFAULT_EXPIRING_WITHIN_DAYS,
    );
    Ok(days.min(MAX_EXPIRING_WITHIN_DAYS))
}

/// The SLA clocks' settings, read on `store`.
pub(crate) fn sla_settings(store: &flotta_store::Store) -> Result<SlaSettings, Error> {
    Ok(read_or(store.setting(SLA)?, SLA, SlaSettings::default()))
}

/// Saves the SLA clocks' settings with the open cases rescheduled by `schedule`.
pub(crate) fn save_sla_settings(
    flotta: &Flotta,
    settings: &SlaSettings,
    schedule: flotta_store::Schedule<'_>,
) -> Result<(), Error> {
    let json = serde_json::to_string(settings).map_err(|error| Error::InvalidInput {
        what: "setting",
        detail: error.to_string(),
    })?;
    let now = flotta.clock.now();
    flotta
        .store()
        .set_setting_rescheduling(SLA, &json, &flotta.actor, now, schedule)?;
    Ok(())
}

fn read_or<T: DeserializeOwned>(json: Option<String>, key: &str, default: T) -> T {
    let Some(json) = json else {
        return default;
    };
    serde_json::from_str(&json).unwrap_or_else(|error| {
        tracing::warn!(key, %error, "ignoring an unreadable saved setting");
        default
    })
}
