//! The app question — "on how many devices is app X installed, and in which units?" — answered
//! across every connection, with the devices Flotta could not see beside every count: a device
//! whose EMM sent no complete app list is "not visible", never "without the app".

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

/// The shortest search the app search takes: one letter matches most of a catalogue.
pub const APP_SEARCH_MIN_CHARS: usize = 2;

/// Text folded for comparing app names and identifiers: lower case (å, ä and ö with their
/// capitals, as Rust folds all of Unicode, not only ASCII as SQLite does) and runs of
/// whitespace as one space.
pub fn fold(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key grouping the reports of one product: its folded name. The App Store and Google
/// Play name a product alike where its bundle id and package name differ (in case, or
/// entirely), and Intune's detected apps carry no identifier at all.
pub fn app_key(name: &str) -> String {
    fold(name)
}

/// Whether an app reported as `name` with `identifier` and `publisher` matches `folded`, a
/// search's text already folded: contained in any of them, taken literally (no wildcards).
pub fn app_matches(folded: &str, name: &str, identifier: &str, publisher: &str) -> bool {
    [name, identifier, publisher]
        .iter()
        .any(|text| fold(text).contains(folded))
}

/// One product a search found, with every identifier and version it is reported under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppMatch {
    /// The key to ask for its spread with ([`app_key`]).
    pub key: String,
    /// The name as most reports spell it.
    pub name: String,
    /// Bundle ids and package names, sorted; empty when only Intune reports it.
    pub identifiers: Vec<String>,
    /// Its makers as the EMMs name them, sorted; empty when none says (Intune does, Jamf
    /// and Workspace ONE do not).
    pub publishers: Vec<String>,
    /// Versions, newest-looking first (compared part by part as numbers where they are).
    pub versions: Vec<String>,
    /// Devices (physical units) with it installed, across all connections.
    pub devices: u32,
}

/// What an app search found, largest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppSearch {
    pub matches: Vec<AppMatch>,
    /// Products that matched beyond those listed.
    pub more: u32,
}

/// One unit's record in one connection, as the spread of an app counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordApps<'a> {
    pub device: u32,
    pub connection: &'a str,
    pub org_unit: Option<&'a str>,
    /// The unit's OS family and ownership, as their vocabulary's text.
    pub os: &'a str,
    pub ownership: &'a str,
    /// The connection reported this record's complete app list.
    pub listed: bool,
    /// The connection reports the app on this record (complete list or not).
    pub has_app: bool,
}

/// The devices of one group: with the app, whose apps are seen (those with it included), and
/// those whose apps no connection reported, who may or may not have it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppCount {
    /// The unit, OS, ownership or connection; empty for a device without an organisation
    /// unit, and for the total.
    pub group: String,
    pub installed: u32,
    pub visible: u32,
    pub not_visible: u32,
}

/// Where one product is installed: in total and per organisation unit, OS, ownership and
/// connection, each group largest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppSpread {
    pub key: String,
    pub total: AppCount,
    pub by_org_unit: Vec<AppCount>,
    pub by_os: Vec<AppCount>,
    pub by_ownership: Vec<AppCount>,
    /// Per connection by what that connection reports: a unit in two EMMs counts in both,
    /// each seeing (or not) its own app list.
    pub by_connection: Vec<AppCount>,
}

/// A unit with the app, for the app's device list: newest installs first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppDevice {
    pub device_id: u32,
    pub serial: Option<String>,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub org_unit: Option<String>,
    pub user_name: Option<String>,
    /// The connections reporting the app on the unit, and the versions they report.
    pub connections: Vec<String>,
    pub versions: Vec<String>,
    /// When the sync that first reported the app on the unit started; `None` when it was
    /// known before Flotta kept this (installs stored by an earlier version).
    pub first_seen_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The units with one app, newest installs first, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppDevices {
    pub total: u32,
    pub devices: Vec<AppDevice>,
}

#[derive(Default)]
struct Unit<'a> {
    org_unit: Option<&'a str>,
    os: &'a str,
    ownership: &'a str,
    listed: bool,
    has_app: bool,
}

/// Counts the spread of the app `key` from the active records of every managed unit. A unit
/// has the app when any of its connections reports it, and is visible when it has the app or
/// any connection sent its complete list.
pub fn app_spread<'a>(key: &str, records: impl IntoIterator<Item = RecordApps<'a>>) -> AppSpread {
    let mut units: HashMap<u32, Unit<'a>> = HashMap::new();
    let mut by_connection: BTreeMap<&str, AppCount> = BTreeMap::new();
    for record in records {
        let unit = units.entry(record.device).or_insert_with(|| Unit {
            org_unit: record.org_unit,
            os: record.os,
            ownership: record.ownership,
            ..Unit::default()
        });
        unit.listed |= record.listed;
        unit.has_app |= record.has_app;
        let count = by_connection.entry(record.connection).or_default();
        tally(count, record.listed, record.has_app);
    }
    let mut total = AppCount::default();
    let mut by_org_unit: BTreeMap<&str, AppCount> = BTreeMap::new();
    let mut by_os: BTreeMap<&str, AppCount> = BTreeMap::new();
    let mut by_ownership: BTreeMap<&str, AppCount> = BTreeMap::new();
    for unit in units.values() {
        tally(&mut total, unit.listed, unit.has_app);
        for (groups, group) in [
            (&mut by_org_unit, unit.org_unit.unwrap_or("")),
            (&mut by_os, unit.os),
            (&mut by_ownership, unit.ownership),
        ] {
            tally(groups.entry(group).or_default(), unit.listed, unit.has_app);
        }
    }
    AppSpread {
        key: key.to_owned(),
        total,
        by_org_unit: largest_first(by_org_unit),
        by_os: largest_first(by_os),
        by_ownership: largest_first(by_ownership),
        by_connection: largest_first(by_connection),
    }
}

fn tally(count: &mut AppCount, listed: bool, has_app: bool) {
    if has_app {
        count.installed += 1;
        count.visible += 1;
    } else if listed {
        count.visible += 1;
    } else {
        count.not_visible += 1;
    }
}

/// Groups with the app first (most installs first), then by name.
fn largest_first(groups: BTreeMap<&str, AppCount>) -> Vec<AppCount> {
    let mut rows: Vec<AppCount> = groups
        .into_iter()
        .map(|(group, count)| AppCount {
            group: group.to_owned(),
            ..count
        })
        .collect();
    rows.sort_by(|a, b| b.installed.cmp(&a.installed).then(a.group.cmp(&b.group)));
    rows
}

/// Orders versions newest-looking first: compared part by part (split at `.`, `-` and
/// spaces), numerically where both parts are numbers, else as text.
pub fn sort_versions(versions: &mut [String]) {
    fn parts(version: &str) -> Vec<&str> {
        version.split(['.', '-', ' ']).collect()
    }
    versions.sort_by(|a, b| {
        let order = parts(a)
            .iter()
            .zip(parts(b).iter())
            .map(|(x, y)| match (x.parse::<u64>(), y.parse::<u64>()) {
                (Ok(x), Ok(y)) => x.cmp(&y),
                _ => x.cmp(y),
            })
            .find(|order| order.is_ne())
            .unwrap_or_else(|| parts(a).len().cmp(&parts(b).len()));
        order.reverse()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(
        device: u32,
        connection: &'a str,
        unit: &'a str,
        listed: bool,
        has_app: bool,
    ) -> RecordApps<'a> {
        RecordApps {
            device,
            connection,
            org_unit: (!unit.is_empty()).then_some(unit),
            os: "ios",
            ownership: if listed { "corporate" } else { "personal" },
            listed,
            has_app,
        }
    }

    #[test]
    fn a_name_is_folded_across_case_and_swedish_letters() {
        assert_eq!(app_key("  ÅÄÖ   Skolappen "), "åäö skolappen");
        assert!(app_matches("tiktok", "TikTok", "", ""));
        assert!(app_matches(
            "zhiliao",
            "TikTok",
            "com.zhiliaoapp.musically",
            ""
        ));
        assert!(app_matches("överför", "Säker Överföring", "", ""));
        assert!(app_matches(
            "meta platforms",
            "Instagram",
            "",
            "Meta  Platforms"
        ));
        assert!(!app_matches("meta", "Instagram", "com.burbn.instagram", ""));
        // Taken literally: no wildcard or pattern reading.
        assert!(!app_matches("t%k", "TikTok", "", ""));
        assert!(app_matches("100%", "100% Pure", "", ""));
    }

    #[test]
    fn a_device_without_a_complete_list_is_not_visible_never_without_the_app() {
        let records = [
            // Two units of Skola with it, one seen without it, one not seen at all.
            record(1, "Intune", "Skola", true, true),
            record(2, "Intune", "Skola", false, true),
            record(3, "Intune", "Skola", true, false),
            record(4, "Intune", "Skola", false, false),
            // A unit in two EMMs: only Jamf lists its apps, and it has the app there.
            record(5, "Intune", "Vård", false, false),
            record(5, "Jamf", "Vård", true, true),
            // No unit.
            record(6, "Jamf", "", true, false),
        ];
        let spread = app_spread("tiktok", records);
        let count = |group: &str, installed, visible, not_visible| AppCount {
            group: group.to_owned(),
            installed,
            visible,
            not_visible,
        };
        assert_eq!(spread.total, count("", 3, 5, 1));
        assert_eq!(
            spread.by_org_unit,
            vec![
                count("Skola", 2, 3, 1),
                count("Vård", 1, 1, 0),
                count("", 0, 1, 0)
            ]
        );
        // Per connection each record counts by what its own connection sees.
        assert_eq!(
            spread.by_connection,
            vec![count("Intune", 2, 3, 2), count("Jamf", 1, 2, 0)]
        );
        assert_eq!(
            spread.by_ownership,
            vec![count("personal", 2, 2, 1), count("corporate", 1, 3, 0)]
        );
    }

    #[test]
    fn versions_sort_newest_first_by_their_numbers() {
        let mut versions: Vec<String> = ["9.2", "10.0.1", "10.0", "", "beta", "10.0.1-2"]
            .map(String::from)
            .to_vec();
        sort_versions(&mut versions);
        assert_eq!(versions, ["beta", "10.0.1-2", "10.0.1", "10.0", "9.2", ""]);
    }
}
