//! The app question against the emulators: per-unit counts of TikTok against the emulated
//! fleet's own installs, the units an EMM let us see beside every count (a personal Intune
//! device, a connection with app syncing off), one product across iOS and Android, and the
//! inventory's app filter landing on the counted units.

use std::collections::{BTreeMap, BTreeSet};

use flotta_core::{
    AppCount, DeviceFilters, DeviceQuery, Flotta, InventoryView, Ownership, SyncMode, Vendor,
};
use flotta_emulator::{Emulator, Enrolment, graph_apps, installed_apps};

use super::sync::{add, emulator, open, settings, sync, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn inventory_total(flotta: &Flotta, filters: DeviceFilters) -> u32 {
    flotta
        .query_devices(&DeviceQuery {
            view: InventoryView {
                filters,
                ..InventoryView::default()
            },
            offset: 0,
            limit: 1,
        })
        .expect("the inventory")
        .total
}

/// Per organisation unit, what the emulated fleet says: units Intune reports TikTok on, units
/// whose complete list Intune sends (corporate-owned), and the rest. A unit is its serial
/// number (a re-enrolled unit has two enrolments).
fn hand_counted(emulator: &Emulator) -> BTreeMap<String, AppCount> {
    let units: BTreeMap<String, Vec<Enrolment>> = emulator.with_fleet(|fleet| {
        let mut units: BTreeMap<String, Vec<Enrolment>> = BTreeMap::new();
        for enrolment in fleet.enrolments() {
            units
                .entry(enrolment.device.serial.as_str().to_owned())
                .or_default()
                .push(enrolment.clone());
        }
        units
    });
    let mut counts: BTreeMap<String, AppCount> = BTreeMap::new();
    for enrolments in units.values() {
        let unit = enrolments[0].device.org_unit.clone().unwrap_or_default();
        let count = counts.entry(unit.clone()).or_insert_with(|| AppCount {
            group: unit,
            ..AppCount::default()
        });
        let has = enrolments
            .iter()
            .any(|e| graph_apps(e).iter().any(|app| app.name == "TikTok"));
        let listed = enrolments
            .iter()
            .any(|e| e.device.ownership == Ownership::Corporate);
        if has {
            count.installed += 1;
        }
        if has || listed {
            count.visible += 1;
        } else {
            count.not_visible += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiktok_per_unit_counts_what_each_emm_reports_and_says_what_it_could_not_see() -> TestResult
{
    let emulator = emulator().await;
    // Every record with its serial, so each physical unit is one unit in both connections (a
    // record without serial or IMEI stays a unit of its own, counted apart).
    emulator.reveal_identifiers();
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let intune = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let mut without_apps = settings(&emulator, Vendor::WorkspaceOne);
    without_apps.sync_apps = false;
    let ws1 = add(&flotta, &emulator, without_apps);
    sync(&flotta, intune, SyncMode::Full).await?;
    sync(&flotta, ws1, SyncMode::Full).await?;

    let search = flotta.search_apps("TIKT")?;
    assert_eq!(search.matches.len(), 1, "{search:?}");
    let tiktok = &search.matches[0];
    assert_eq!(tiktok.name, "TikTok");
    assert_eq!(
        tiktok.publishers,
        ["TikTok Ltd."],
        "Intune names the publisher; Workspace ONE's reports of the same app do not take it away"
    );

    let expected = hand_counted(&emulator);
    let spread = flotta.app_spread(&tiktok.key)?;
    let by_unit: BTreeMap<String, AppCount> = spread
        .by_org_unit
        .iter()
        .map(|count| (count.group.clone(), count.clone()))
        .collect();
    assert_eq!(by_unit, expected, "TikTok per organisation unit");
    let installed: u32 = expected.values().map(|count| count.installed).sum();
    let not_visible: u32 = expected.values().map(|count| count.not_visible).sum();
    assert!(
        installed > 0 && not_visible > 0,
        "the fleet has both: {expected:?}"
    );
    assert_eq!(
        (spread.total.installed, spread.total.not_visible),
        (installed, not_visible)
    );
    assert_eq!(
        tiktok.devices, installed,
        "the search's count is the spread's"
    );

    // Workspace ONE syncs no apps: all its records are "not visible", none "without the app".
    let ws1_row = spread
        .by_connection
        .iter()
        .find(|count| count.group == "WorkspaceOne test")
        .expect("a row for the connection without apps");
    assert_eq!((ws1_row.installed, ws1_row.visible), (0, 0));
    assert!(ws1_row.not_visible > 0);
    // Personal devices are where Intune's list is partial.
    let personal = spread
        .by_ownership
        .iter()
        .find(|count| count.group == "personal")
        .expect("a row for personal devices");
    assert!(personal.not_visible > 0 && personal.visible == personal.installed);

    // From a count to the devices: the inventory filtered to the app and the unit.
    let (unit, count) = expected
        .iter()
        .filter(|(unit, _)| !unit.is_empty())
        .max_by_key(|(_, count)| count.installed)
        .expect("a unit");
    let filtered = inventory_total(
        &flotta,
        DeviceFilters {
            app: Some(tiktok.key.clone()),
            org_unit: Some(unit.clone()),
            ..DeviceFilters::default()
        },
    );
    assert_eq!(filtered, count.installed, "the inventory's units of {unit}");
    let all = inventory_total(
        &flotta,
        DeviceFilters {
            app: Some(tiktok.key.clone()),
            ..DeviceFilters::default()
        },
    );
    assert_eq!(all, installed);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_is_found_by_its_publisher_as_intune_names_it() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;

    // Meta's apps as the fleet reports them to Intune; none of their names holds "Meta".
    let expected: BTreeSet<&str> = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .flat_map(graph_apps)
            .filter(|app| app.publisher == "Meta Platforms")
            .map(|app| app.name)
            .collect()
    });
    assert!(
        expected.len() >= 2,
        "the fleet carries Meta's apps: {expected:?}"
    );
    let search = flotta.search_apps("meta  PLATFORMS")?;
    let found: BTreeSet<&str> = search.matches.iter().map(|app| app.name.as_str()).collect();
    assert_eq!(found, expected);
    for app in &search.matches {
        assert_eq!(app.publishers, ["Meta Platforms"], "{}", app.name);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_in_a_hundred_and_more_versions_is_one_app_with_every_version() -> TestResult {
    let emulator = emulator().await;
    let held = emulator.with_fleet(|fleet| fleet.hold_back(150, chrono::Utc::now()));
    assert_eq!(held.len(), 150);
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::WorkspaceOne).await?;

    let name = "Microsoft Authenticator";
    let (expected, units): (BTreeSet<String>, usize) = emulator.with_fleet(|fleet| {
        let versions = fleet
            .enrolments()
            .iter()
            .flat_map(installed_apps)
            .filter(|app| app.name == name)
            .map(|app| app.version)
            .collect();
        let units: BTreeSet<&str> = fleet
            .enrolments()
            .iter()
            .filter(|e| installed_apps(e).iter().any(|app| app.name == name))
            .map(|e| e.device.serial.as_str())
            .collect();
        (versions, units.len())
    });
    assert!(expected.len() > 150, "{} versions", expected.len());

    let search = flotta.search_apps("microsoft authenticator")?;
    assert_eq!(search.matches.len(), 1, "one app, not one per version");
    let found = &search.matches[0];
    assert_eq!(found.devices as usize, units);
    assert_eq!(
        found.versions.iter().cloned().collect::<BTreeSet<_>>(),
        expected,
        "every version listed"
    );
    assert_eq!(found.versions.len(), expected.len(), "each version once");
    // Newest first: the versions in circulation, then the held-back ones oldest last.
    let numbers = |version: &str| -> Vec<u64> {
        version
            .split('.')
            .map(|part| part.parse().unwrap_or(0))
            .collect()
    };
    assert!(
        found
            .versions
            .windows(2)
            .all(|pair| numbers(&pair[0]) > numbers(&pair[1])),
        "{:?}",
        found.versions
    );
    assert_eq!(
        flotta.app_spread(&found.key)?.total.installed as usize,
        units
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_product_is_one_app_across_ios_and_android() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::WorkspaceOne).await?;

    let search = flotta.search_apps("outlook")?;
    assert_eq!(search.matches.len(), 1, "{search:?}");
    let outlook = &search.matches[0];
    let identifiers: BTreeSet<&str> = outlook.identifiers.iter().map(String::as_str).collect();
    assert_eq!(
        identifiers,
        BTreeSet::from([
            "com.microsoft.Office.Outlook",
            "com.microsoft.office.outlook"
        ]),
        "the iOS bundle id and the Android package name of one product"
    );
    assert!(!outlook.versions.is_empty());
    // Found by its package name too, and by neither a wildcard nor a one-letter text.
    assert_eq!(flotta.search_apps("office.OUTLOOK")?.matches.len(), 1);
    assert!(flotta.search_apps("out%ook")?.matches.is_empty());
    assert!(flotta.search_apps("' OR 1=1 --")?.matches.is_empty());
    let refused = flotta
        .search_apps(" o ")
        .expect_err("one letter is refused");
    assert!(refused.to_string().contains("at least 2"), "{refused}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_unit_shows_the_sync_that_first_saw_the_app_and_an_update_is_no_new_install()
-> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(
        &flotta,
        &emulator,
        settings(&emulator, Vendor::WorkspaceOne),
    );
    let first = sync(&flotta, id, SyncMode::Full).await?;
    let before = flotta.search_apps("authenticator")?.matches[0].clone();
    let spread_before = flotta.app_spread(&before.key)?;
    assert_eq!(spread_before.total.installed, before.devices);

    // A day later: a hundred units update their apps, five new ones enrol.
    let now = chrono::Utc::now();
    let touched = emulator.with_fleet(|fleet| fleet.touch(100, now));
    let added = emulator.with_fleet(|fleet| fleet.add(5, now));
    let second = sync(&flotta, id, SyncMode::Full).await?;

    // Microsoft Authenticator is on every unit. The counts read the register as the second
    // sync left it, not as the first searches found it.
    let after = flotta.search_apps("authenticator")?.matches[0].clone();
    assert_eq!(
        after.devices,
        before.devices + 5,
        "the five new units count"
    );
    let key = after.key.clone();
    assert_eq!(flotta.app_spread(&key)?.total.installed, before.devices + 5);
    let list = flotta.app_devices(&key)?;
    assert_eq!(list.total, after.devices);
    let serial = |device: &flotta_core::AppDevice| device.serial.clone().unwrap_or_default();
    let newest: BTreeSet<String> = list.devices[..5].iter().map(serial).collect();
    assert_eq!(
        newest,
        added.iter().cloned().collect(),
        "the new units first"
    );
    assert!(
        list.devices[..5]
            .iter()
            .all(|device| device.first_seen_at == Some(second.started_at))
    );
    let earlier = &list.devices[5..];
    assert!(
        earlier
            .iter()
            .all(|device| device.first_seen_at == Some(first.started_at)),
        "an update keeps the first sync that saw the app"
    );
    assert!(
        earlier
            .iter()
            .any(|device| touched.contains(&serial(device))),
        "the updated units are among them"
    );
    assert_eq!(
        list.devices.len(),
        500.min(list.total as usize),
        "the view lists the newest 500"
    );

    let file = dir.path().join("authenticator.csv");
    assert_eq!(
        flotta.export_app_devices(&key, flotta_core::TableFormat::Csv, &file)?,
        list.total
    );
    let text = std::fs::read_to_string(&file)?;
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}Serienummer;IMEI;Tillverkare;Modell;Organisationsenhet;Användare;\
             Versioner;Rapporterad av;Först sedd (UTC)"
        )
    );
    let newest_line = lines.next().ok_or("a unit")?;
    assert!(
        newest_line.ends_with(
            &second
                .started_at
                .format(";WorkspaceOne test;%Y-%m-%d %H:%M:%S")
                .to_string()
        ),
        "{newest_line}"
    );
    Ok(())
}
