//! Syncs against the vendor emulators over real HTTP into real SQLite files.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use flotta_core::{
    AuthMethod, Clock, Compliance, ComplianceReason, Config, ConnectionInput, ConnectionSettings,
    DeviceFilters, DeviceQuery, ErrorCode, ErrorPayload, Flotta, InventoryView, Lifecycle,
    LifecycleMove, OsFamily, RetryPolicy, SyncMode, SyncProgress, SyncStatus, Vendor,
};
use flotta_emulator::{Api, Emulator, EmulatorConfig, Fault, FaultRule};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const DEVICES: usize = 1200;

pub(crate) async fn emulator() -> Emulator {
    let mut config = EmulatorConfig::new(DEVICES, super::now());
    config.graph_max_page = 97;
    Emulator::start(config).await.expect("the emulator starts")
}

pub(crate) fn open(dir: &tempfile::TempDir) -> Flotta {
    Flotta::open(Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "tester".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(50),
            max_retry_after: Duration::from_secs(1),
        },
    })
    .expect("the register opens")
}

pub(crate) fn settings(emulator: &Emulator, vendor: Vendor) -> ConnectionSettings {
    let credentials = emulator.credentials();
    let mut settings = ConnectionSettings::new(vendor, format!("{vendor:?} test"));
    settings.client_id = credentials.client_id.clone();
    settings.page_size = 100;
    match vendor {
        Vendor::Intune => {
            settings.base_url = emulator.graph_url();
            settings.token_url = Some(emulator.login_url());
            settings.tenant = Some(credentials.tenant.clone());
        }
        Vendor::JamfPro => {
            settings.base_url = emulator.jamf_url();
            settings.token_url = None;
        }
        Vendor::WorkspaceOne => {
            settings.base_url = emulator.ws1_url();
            settings.token_url = Some(emulator.ws1_token_url());
            settings.tenant = Some(credentials.tenant_code.clone());
        }
    }
    settings
}

pub(crate) fn add(flotta: &Flotta, emulator: &Emulator, settings: ConnectionSettings) -> u32 {
    let secret = match settings.auth {
        AuthMethod::ClientCredentials => emulator.credentials().client_secret.clone(),
        AuthMethod::Basic => emulator.credentials().password.clone(),
    };
    flotta
        .save_connection(
            None,
            ConnectionInput {
                settings,
                secret: Some(secret),
                session_only: true,
            },
        )
        .expect("the connection is saved")
        .id
}

pub(crate) async fn sync(
    flotta: &Flotta,
    id: u32,
    mode: SyncMode,
) -> Result<flotta_core::SyncRun, ErrorPayload> {
    flotta
        .sync_connection(id, Some(mode), &|_| {})
        .await
        .map_err(ErrorPayload::from)
}

/// A register in `dir` with one connection of `vendor` to `emulator` (its default test
/// settings), synced in full once: the register and the connection's id.
pub(crate) async fn synced(
    dir: &tempfile::TempDir,
    emulator: &Emulator,
    vendor: Vendor,
) -> Result<(Flotta, u32), ErrorPayload> {
    let flotta = open(dir);
    let id = add(&flotta, emulator, settings(emulator, vendor));
    sync(&flotta, id, SyncMode::Full).await?;
    Ok((flotta, id))
}

/// A sync running in the background, and how many records it has fetched so far.
struct Background {
    fetched: tokio::sync::watch::Receiver<u32>,
    run: tokio::task::JoinHandle<Result<flotta_core::SyncRun, ErrorPayload>>,
}

impl Background {
    fn start(flotta: &Arc<Flotta>, id: u32) -> Self {
        let (sender, fetched) = tokio::sync::watch::channel(0_u32);
        let flotta = Arc::clone(flotta);
        let run = tokio::spawn(async move {
            let progress = move |progress: SyncProgress| {
                if progress.phase == flotta_core::SyncPhase::Fetching {
                    sender.send_replace(progress.records);
                }
            };
            flotta
                .sync_connection(id, Some(SyncMode::Full), &progress)
                .await
                .map_err(|error| ErrorPayload::from(&error))
        });
        Self { fetched, run }
    }

    /// Waits until the sync has fetched `records`, for at most a minute.
    async fn fetched(&mut self, records: u32) -> TestResult {
        tokio::time::timeout(
            Duration::from_secs(60),
            self.fetched.wait_for(|fetched| *fetched >= records),
        )
        .await
        .map_err(|_| format!("the sync did not fetch {records} records within a minute"))??;
        Ok(())
    }
}

/// How many units the inventory's "no hardware identifier" filter finds.
fn without_hardware_id(flotta: &Flotta) -> u32 {
    unidentified_units(flotta).expect("query").total
}

/// The first window of the inventory's "no hardware identifier" filter.
fn unidentified_units(flotta: &Flotta) -> Result<flotta_core::DevicePage, flotta_core::Error> {
    flotta.query_devices(&DeviceQuery {
        view: InventoryView {
            filters: DeviceFilters {
                without_hardware_id: true,
                ..DeviceFilters::default()
            },
            ..InventoryView::default()
        },
        offset: 0,
        limit: 50,
    })
}

fn total(flotta: &Flotta, search: &str) -> u32 {
    let view = InventoryView {
        search: search.into(),
        filters: DeviceFilters::default(),
        ..InventoryView::default()
    };
    flotta
        .query_devices(&DeviceQuery {
            view,
            offset: 0,
            limit: 1,
        })
        .expect("query")
        .total
}

/// The first row a free-text search finds (a serial finds its one device).
pub(crate) fn first_found(
    flotta: &Flotta,
    search: impl Into<String>,
) -> Result<flotta_core::DeviceRow, ErrorPayload> {
    let search = search.into();
    flotta
        .query_devices(&DeviceQuery {
            view: InventoryView {
                search: search.clone(),
                ..InventoryView::default()
            },
            offset: 0,
            limit: 1,
        })?
        .rows
        .into_iter()
        .next()
        .ok_or(ErrorPayload::new(
            ErrorCode::NotFound,
            format!("nothing found for {search:?}"),
        ))
}

fn serials(emulator: &Emulator) -> std::collections::BTreeSet<String> {
    emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .map(|e| e.device.serial.as_str().to_owned())
            .collect()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_intune_full_sync_fills_the_register_with_one_device_per_serial() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let progress: Arc<Mutex<Vec<SyncProgress>>> = Arc::default();
    let seen = Arc::clone(&progress);
    let run = flotta
        .sync_connection(id, None, &move |p| seen.lock().expect("lock").push(p))
        .await?;
    let expected = serials(&emulator);
    assert_eq!(run.status, SyncStatus::Succeeded);
    assert_eq!(run.mode, SyncMode::Full, "the first sync is a full one");
    assert!(
        run.pages > 10,
        "Graph pages of at most 97 were followed: {} pages",
        run.pages
    );
    assert_eq!(run.records as usize, expected.len());
    // Every record is a unit, those without serial and IMEI too (#13).
    assert_eq!(run.counts.added as usize, expected.len());
    assert_eq!(flotta.status()?.device_count, run.counts.added);
    assert!(
        without_hardware_id(&flotta) >= 1,
        "the emulator sends a record without identifiers, and it is counted"
    );
    let phases: Vec<_> = progress
        .lock()
        .expect("lock")
        .iter()
        .map(|p| p.phase)
        .collect();
    let mut order = phases.clone();
    order.dedup();
    use flotta_core::SyncPhase::{Applying, Fetching, Finished, ReadingApps, SigningIn};
    assert_eq!(
        order,
        [
            SigningIn,
            Fetching,
            Applying,
            ReadingApps,
            Applying,
            Finished
        ],
        "the devices are stored, then the detected apps are read in a phase of their own"
    );
    let apps = progress
        .lock()
        .expect("lock")
        .iter()
        .filter(|p| p.phase == ReadingApps)
        .map(|p| (p.records, p.total))
        .collect::<Vec<_>>();
    let (read, of) = apps.last().copied().unwrap_or_default();
    assert!(
        of.is_some_and(|of| of > 50 && read <= of),
        "app lists read of all there are: {apps:?}"
    );
    // A serial read off the emulator's fleet is searchable in the register.
    let some_serial = expected.iter().nth(500).cloned().unwrap_or_default();
    assert_eq!(total(&flotta, &some_serial), 1);
    Ok(())
}

/// The sync's result is reported at its commit; the write-ahead log it filled is emptied
/// right after, so the next start does not have to read it (the app's exit does not close
/// the database cleanly).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_sync_the_write_ahead_log_is_emptied() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::JamfPro));
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert!(run.counts.added > 500, "{:?}", run.counts);
    let wal = dir.path().join("flotta.sqlite3-wal");
    let mut size = u64::MAX;
    for _ in 0..100 {
        size = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if size == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        size, 0,
        "the write-ahead log still holds {size} bytes 5 s after the sync"
    );
    assert_eq!(flotta.status()?.device_count, run.counts.added);
    Ok(())
}

/// Workspace ONE spells makers "Apple Inc." and "samsung"; Intune "Apple" and "Samsung". The
/// overview and the inventory's filter show one entry per maker (#13).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_maker_is_one_facet_whatever_each_vendor_calls_it_issue_13() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    for vendor in [Vendor::WorkspaceOne, Vendor::Intune] {
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        sync(&flotta, id, SyncMode::Full).await?;
    }
    let makers: Vec<String> = flotta
        .fleet_summary()?
        .by_manufacturer
        .into_iter()
        .map(|facet| facet.value)
        .collect();
    assert!(makers.contains(&"Apple".to_owned()), "{makers:?}");
    assert!(makers.contains(&"Samsung".to_owned()), "{makers:?}");
    let folded: std::collections::BTreeSet<String> =
        makers.iter().map(|maker| maker.to_lowercase()).collect();
    assert_eq!(folded.len(), makers.len(), "no maker twice: {makers:?}");
    assert!(
        !makers.iter().any(|maker| maker.contains("Inc")),
        "{makers:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jamf_and_workspace_one_sync_the_same_units_without_duplicates() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let ws1 = add(
        &flotta,
        &emulator,
        settings(&emulator, Vendor::WorkspaceOne),
    );
    let run = sync(&flotta, ws1, SyncMode::Full).await?;
    assert_eq!(run.counts.added as usize, serials(&emulator).len());
    let mut jamf_settings = settings(&emulator, Vendor::JamfPro);
    jamf_settings.auth = AuthMethod::Basic;
    jamf_settings.client_id = emulator.credentials().username.clone();
    let jamf = add(&flotta, &emulator, jamf_settings);
    let run = sync(&flotta, jamf, SyncMode::Full).await?;
    assert!(
        run.records > 100,
        "Jamf lists the Apple devices: {}",
        run.records
    );
    let macs = emulator.with_fleet(|fleet| fleet.computers().len());
    assert!(macs > 10, "the tenant has Macs: {macs}");
    assert_eq!(
        run.counts.added as usize, macs,
        "every Jamf phone and tablet is already a unit from Workspace ONE; only the Macs, \
         which Workspace ONE does not manage here, are new"
    );
    assert_eq!(
        flotta.status()?.device_count as usize,
        serials(&emulator).len() + macs
    );
    // An iPhone both report: each app is listed once, with both connections as its source.
    let iphone = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .find(|e| e.device.os == OsFamily::Ios)
            .map(|e| e.device.serial.as_str().to_owned())
    });
    let row = first_found(&flotta, iphone.unwrap_or_default())?;
    let apps = flotta.device_apps(row.id)?.apps;
    assert!(apps.len() > 15, "{apps:?}");
    for app in &apps {
        assert_eq!(app.sources.len(), 2, "{app:?}");
        assert!(!app.identifier.is_empty(), "{app:?}");
    }
    // Its panel lists both records, and which one speaks for the unit (#13).
    let sources = flotta.device_sources(row.id)?;
    let names: std::collections::BTreeSet<&str> =
        sources.iter().map(|s| s.source_name.as_str()).collect();
    assert_eq!(
        names,
        ["JamfPro test", "WorkspaceOne test"].into_iter().collect(),
        "{sources:?}"
    );
    assert_eq!(
        sources.iter().filter(|s| s.speaks_for_unit).count(),
        1,
        "one record speaks for the unit: {sources:?}"
    );
    assert!(sources[0].speaks_for_unit, "it is listed first");
    assert!(
        sources
            .iter()
            .all(|s| s.last_check_in.is_some() && s.missing_since.is_none()),
        "{sources:?}"
    );
    assert!(
        sources[0].differences.is_empty(),
        "the speaking record agrees with the unit: {sources:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jamf_brings_the_macs_from_whichever_computers_inventory_the_server_has() -> TestResult {
    for newest in [4, 1] {
        let mut config = flotta_emulator::EmulatorConfig::new(DEVICES, super::now());
        config.jamf_computers_api = newest;
        let emulator = Emulator::start(config).await?;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let jamf = add(&flotta, &emulator, settings(&emulator, Vendor::JamfPro));
        let tested = flotta
            .test_connection(
                Some(jamf),
                ConnectionInput {
                    settings: settings(&emulator, Vendor::JamfPro),
                    secret: None,
                    session_only: true,
                },
            )
            .await?;
        let macs: Vec<flotta_emulator::Enrolment> =
            emulator.with_fleet(|fleet| fleet.computers().to_vec());
        let phones = emulator.with_fleet(|fleet| {
            fleet
                .enrolments()
                .iter()
                .filter(|e| matches!(e.device.os, OsFamily::Ios | OsFamily::Ipados))
                .count()
        });
        assert_eq!(
            tested.devices,
            Some((phones + macs.len()) as u32),
            "v{newest}: the test counts phones, tablets and Macs"
        );
        let run = sync(&flotta, jamf, SyncMode::Full).await?;
        assert_eq!(run.counts.added as usize, phones + macs.len(), "v{newest}");
        assert_eq!(run.counts.warnings, 0, "v{newest}");
        let mac = &macs[3];
        let row = first_found(&flotta, mac.device.serial.as_str())?;
        assert_eq!(row.os, OsFamily::Macos, "v{newest}");
        assert_eq!(row.model, mac.device.model, "v{newest}");
        let detail = flotta.device_detail(row.id)?;
        assert_eq!(
            detail.last_check_in.map(|t| t.timestamp()),
            mac.device.last_check_in.map(|t| t.timestamp()),
            "v{newest}: the last contact, whatever the version calls it"
        );
        assert_eq!(detail.encrypted, mac.device.encrypted, "v{newest}");
        let apps = flotta.device_apps(row.id)?.apps;
        assert!(
            apps.iter().any(|app| app.name == "Microsoft Teams"),
            "v{newest}: Mac apps are named like the phones' (no .app): {apps:?}"
        );

        // A Mac updated since: an incremental sync brings its new OS version.
        let touched = emulator.with_fleet(|fleet| fleet.touch_computers(2, chrono::Utc::now()));
        let run = sync(&flotta, jamf, SyncMode::Incremental).await?;
        assert_eq!(run.counts.updated, 2, "v{newest}: the touched Macs");
        assert_eq!(total(&flotta, &touched[0]), 1);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_sync_records_history_and_full_sync_marks_missing_then_returned() -> TestResult
{
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, id) = synced(&dir, &emulator, Vendor::Intune).await?;
    let before = flotta.status()?.device_count;

    let touched = emulator.with_fleet(|fleet| fleet.touch(12, chrono::Utc::now()));
    let run = sync(&flotta, id, SyncMode::Incremental).await?;
    assert_eq!(run.mode, SyncMode::Incremental);
    assert!(
        (run.records as usize) < DEVICES / 2,
        "an incremental sync asks only for recent check-ins: {} records",
        run.records
    );
    assert_eq!(run.counts.updated, 12, "the touched devices changed");
    let device = first_found(&flotta, touched[0].clone())?;
    let history = flotta.device_history(device.id)?;
    assert!(
        history
            .iter()
            .any(|c| c.field == "os_version" && c.before != c.after),
        "the OS update is in the device's history: {history:?}"
    );

    let removed = emulator.with_fleet(|fleet| fleet.take(&touched[..3]));
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(run.counts.missing, 3);
    assert_eq!(
        flotta.status()?.device_count,
        before,
        "missing devices are never deleted"
    );
    let connection = &flotta.list_connections()?[0];
    assert_eq!(connection.device_count, before - 3);

    emulator.with_fleet(|fleet| fleet.restore(removed));
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!((run.counts.returned, run.counts.missing), (3, 0));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reenrolled_device_stays_one_unit() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let first = sync(&flotta, id, SyncMode::Full).await?;
    let reenrolled = emulator.with_fleet(|fleet| fleet.reenrol_first(5, chrono::Utc::now()));
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(run.records, first.records + 5, "both enrolments are listed");
    assert_eq!(run.counts.added, 0, "no unit is added for a re-enrolment");
    assert_eq!(total(&flotta, &reenrolled[0]), 1);
    Ok(())
}

/// The old enrolment of a re-enrolled device lingers on the first page, the new one comes on
/// the last: the newer check-in speaks for the unit, and the lingering record, written first,
/// must not turn its fields back at every sync.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lingering_enrolment_on_an_earlier_page_does_not_undo_the_newer_one() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, id) = synced(&dir, &emulator, Vendor::Intune).await?;
    let serial = emulator.with_fleet(|fleet| {
        let serial = fleet.reenrol_first(1, chrono::Utc::now()).remove(0);
        if let Some(new) = fleet.last_mut() {
            new.device.user_name = Some("Nora Nyberg".into());
        }
        serial
    });
    let device = first_found(&flotta, &serial)?.id;
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(run.counts.updated, 1, "the new enrolment's user is taken");
    assert_eq!(
        flotta.device_detail(device)?.user_name.as_deref(),
        Some("Nora Nyberg")
    );
    for _ in 0..2 {
        let run = sync(&flotta, id, SyncMode::Full).await?;
        assert_eq!(run.counts.updated, 0, "nothing changed at the vendor");
    }
    let changes: Vec<_> = flotta
        .device_history(device)?
        .into_iter()
        .filter(|change| change.field == "user_name")
        .collect();
    assert_eq!(
        changes.len(),
        1,
        "one change of user, not one back and forth per sync: {changes:?}"
    );
    assert_eq!(changes[0].after.as_deref(), Some("Nora Nyberg"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transient_faults_are_retried_and_the_result_is_complete() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    for fault in [
        Fault::TooManyRequests {
            retry_after_seconds: 1,
        },
        Fault::Unavailable {
            retry_after_seconds: None,
        },
        Fault::ServerError,
        Fault::DropMidBody,
        Fault::TruncatedJson,
        Fault::MalformedJson,
        Fault::ExpireTokens,
    ] {
        emulator.arm(
            FaultRule::once(fault)
                .on(Api::Graph)
                .on_path("managedDevices")
                .after(1),
        );
    }
    let tokens_before = emulator.token_requests();
    let run = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(run.status, SyncStatus::Succeeded);
    assert_eq!(emulator.pending_faults(), 0, "every fault struck");
    assert_eq!(
        run.records as usize,
        serials(&emulator).len(),
        "no page was lost or doubled"
    );
    assert_eq!(
        emulator.token_requests() - tokens_before,
        2,
        "one token to start, one fresh token after it expired mid-sync"
    );
    Ok(())
}

/// An answer cut off mid-way and a web page where JSON belongs are different mistakes, with
/// different advice: only the page points to a wrong base URL (#13).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cut_off_answer_and_a_web_page_are_told_apart_issue_13() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    for (fault, code, words) in [
        (
            Fault::TruncatedJson,
            ErrorCode::VendorResponseInvalid,
            "could not be read",
        ),
        (
            Fault::HtmlPage,
            ErrorCode::VendorResponseNotJson,
            "a web page (HTML)",
        ),
    ] {
        emulator.arm(
            FaultRule::once(fault.clone())
                .on(Api::Graph)
                .on_path("managedDevices")
                .times(10),
        );
        let error = sync(&flotta, id, SyncMode::Full)
            .await
            .expect_err("every attempt meets the fault");
        emulator.clear_faults();
        assert_eq!(error.code, code, "{fault:?}: {error}");
        assert!(
            error.message.contains(words),
            "{fault:?}: {}",
            error.message
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_sync_leaves_the_register_as_it_was_and_says_why() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, id) = synced(&dir, &emulator, Vendor::WorkspaceOne).await?;
    let before = flotta.status()?.device_count;
    let touched = emulator.with_fleet(|fleet| fleet.touch(50, chrono::Utc::now()));
    // On the first page, which arrives (and is written) before the fault strikes.
    let os_before = first_found(&flotta, &touched[0])?.os_version;
    emulator.arm(
        FaultRule::once(Fault::ServerError)
            .on(Api::WorkspaceOne)
            .on_path("devices/search")
            .after(2)
            .times(100),
    );
    let error = sync(&flotta, id, SyncMode::Full)
        .await
        .expect_err("the sync fails");
    assert_eq!(error.code, ErrorCode::VendorUnavailable);
    assert!(
        error.message.contains("/API/mdm/devices/search"),
        "{}",
        error.message
    );
    assert_eq!(flotta.status()?.device_count, before);
    assert_eq!(
        first_found(&flotta, &touched[0])?.os_version,
        os_before,
        "what the failed sync had written is gone"
    );
    assert!(
        flotta
            .device_history(first_found(&flotta, &touched[0])?.id)?
            .is_empty()
    );
    let history = flotta.sync_history(Some(id))?;
    assert_eq!(history[0].status, SyncStatus::Failed);
    assert_eq!(
        history[0].error_code.as_deref(),
        Some("vendor_unavailable"),
        "the history keeps the reason's code"
    );
    assert_eq!(history[0].counts.updated, 0);
    assert_eq!(history[1].status, SyncStatus::Succeeded);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_sync_changes_nothing() -> TestResult {
    for vendor in [Vendor::Intune, Vendor::JamfPro, Vendor::WorkspaceOne] {
        let emulator = emulator().await;
        // A cloud tenant's pace, so the user's cancel comes while pages are on the wire.
        emulator.set_latency(Duration::from_millis(100));
        let dir = tempfile::tempdir()?;
        let flotta = Arc::new(open(&dir));
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        let mut background = Background::start(&flotta, id);
        background.fetched(100).await?;
        flotta.cancel_sync(id);
        let error = background.run.await?.expect_err("cancelled");
        assert_eq!(error.code, ErrorCode::SyncCancelled, "{vendor:?}");
        assert_eq!(flotta.status()?.device_count, 0, "{vendor:?}");
        assert_eq!(
            flotta.sync_history(Some(id))?[0].status,
            SyncStatus::Cancelled,
            "{vendor:?}"
        );
    }
    Ok(())
}

/// Pages are written as they arrive, inside the sync's transaction: until it commits, the
/// register reads as it was, and it can be read — and changed by a person — meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_a_sync_writes_the_register_reads_as_before_and_stays_usable() -> TestResult {
    let emulator = emulator().await;
    emulator.set_latency(Duration::from_millis(60));
    let dir = tempfile::tempdir()?;
    let flotta = Arc::new(open(&dir));
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let mut background = Background::start(&flotta, id);
    background.fetched(500).await?;
    assert_eq!(
        flotta.sync_history(Some(id))?[0].status,
        SyncStatus::Running,
        "the sync is still fetching"
    );
    assert_eq!(
        flotta.status()?.device_count,
        0,
        "written pages are not visible before the commit"
    );
    assert_eq!(total(&flotta, ""), 0);
    let person = {
        let flotta = Arc::clone(&flotta);
        tokio::task::spawn_blocking(move || flotta.set_language(Some(flotta_core::Language::Sv)))
    };
    let run = background.run.await??;
    person.await??;
    assert_eq!(run.status, SyncStatus::Succeeded);
    assert!(run.counts.added > 1000, "{run:?}");
    assert_eq!(flotta.status()?.device_count, run.counts.added);
    assert_eq!(
        flotta.settings()?.language,
        Some(flotta_core::Language::Sv),
        "the person's change waited for the sync and was kept"
    );
    Ok(())
}

/// The app and the command line open one register: opening it while the other syncs leaves
/// that sync running, and only a run whose process has gone is marked interrupted (#12).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_register_fails_only_runs_whose_process_has_gone_issue_12() -> TestResult {
    let emulator = emulator().await;
    emulator.set_latency(Duration::from_millis(60));
    let dir = tempfile::tempdir()?;
    let app = Arc::new(open(&dir));
    let id = add(&app, &emulator, settings(&emulator, Vendor::Intune));
    let mut background = Background::start(&app, id);
    background.fetched(300).await?;

    let command_line = open(&dir);
    assert_eq!(
        command_line.sync_history(Some(id))?[0].status,
        SyncStatus::Running,
        "a second process opening the register leaves the live sync alone"
    );
    let run = background.run.await??;
    assert_eq!(run.status, SyncStatus::Succeeded);
    assert_eq!(app.sync_history(Some(id))?[0].status, SyncStatus::Succeeded);
    drop(command_line);

    // A run left "running" by a process that has ended (no lock file answers for it).
    let (mut store, _) =
        flotta_store::Store::open(&dir.path().join("flotta.sqlite3"), super::now())?;
    store.begin_sync_run(
        flotta_store::SourceId(id.into()),
        SyncMode::Full,
        "tester",
        "4242-1",
        super::now(),
    )?;
    drop(store);
    let reopened = open(&dir);
    let history = reopened.sync_history(Some(id))?;
    assert_eq!(history[0].status, SyncStatus::Failed, "its process is gone");
    assert_eq!(
        history[1].status,
        SyncStatus::Succeeded,
        "the finished run stays"
    );
    Ok(())
}

/// The serials a vendor lists (Jamf: the Apple phones and tablets, not the Macs).
fn listed_by(emulator: &Emulator, vendor: Vendor) -> std::collections::BTreeSet<String> {
    emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .filter(|e| {
                vendor != Vendor::JamfPro || matches!(e.device.os, OsFamily::Ios | OsFamily::Ipados)
            })
            .map(|e| e.device.serial.as_str().to_owned())
            .collect()
    })
}

/// Jamf states no compliance verdict, but its security section says what one rests on
/// (jailbreak, passcode compliance); Workspace ONE's compromised flag overrules its last
/// check. Neither leaves a phone "unknown" when the vendor said enough (#13).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jamf_and_workspace_one_security_state_gives_the_compliance_issue_13() -> TestResult {
    let emulator = emulator().await;
    for vendor in [Vendor::JamfPro, Vendor::WorkspaceOne] {
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        sync(&flotta, id, SyncMode::Full).await?;
        let devices: Vec<flotta_domain::Device> = emulator.with_fleet(|fleet| {
            fleet
                .enrolments()
                .iter()
                .filter(|e| {
                    vendor != Vendor::JamfPro
                        || matches!(e.device.os, OsFamily::Ios | OsFamily::Ipados)
                })
                .filter(|e| vendor == Vendor::JamfPro || e.device.jailbroken)
                .step_by(if vendor == Vendor::JamfPro { 7 } else { 1 })
                .map(|e| e.device.clone())
                .collect()
        });
        let (mut checked, mut non_compliant) = (0, 0);
        for device in &devices {
            let Ok(row) = first_found(&flotta, device.serial.as_str()) else {
                continue; // a record without serial or IMEI is a warning, not a device
            };
            let expected = if vendor == Vendor::JamfPro {
                match device.compliance {
                    _ if device.jailbroken || !device.encrypted => Compliance::Noncompliant,
                    Compliance::Noncompliant => Compliance::Noncompliant,
                    _ => Compliance::Compliant,
                }
            } else if row.jailbroken {
                // Workspace ONE reported the device compromised.
                Compliance::Noncompliant
            } else {
                row.compliance // its own compliance check, read as before
            };
            assert_eq!(
                row.compliance,
                expected,
                "{vendor:?}: {}",
                device.serial.as_str()
            );
            // The grounds are shown with the record that gives them.
            let reasons = flotta.device_sources(row.id)?.remove(0).compliance_reasons;
            let expected_reasons = if vendor == Vendor::JamfPro {
                let mut reasons = Vec::new();
                if device.jailbroken {
                    reasons.push(ComplianceReason::Jailbroken);
                }
                if !device.encrypted {
                    reasons.push(ComplianceReason::NoPasscode);
                } else if device.compliance == Compliance::Noncompliant {
                    reasons.push(ComplianceReason::PasscodeNotCompliant);
                }
                reasons
            } else if row.jailbroken {
                vec![ComplianceReason::Compromised]
            } else {
                vec![]
            };
            assert_eq!(reasons, expected_reasons, "{vendor:?}: {}", device.serial);
            non_compliant += usize::from(expected == Compliance::Noncompliant);
            checked += 1;
        }
        // Jamf: a sample of the phones; Workspace ONE: every compromised device (a few).
        let enough = if vendor == Vendor::JamfPro { 20 } else { 2 };
        assert!(
            checked > enough && non_compliant > 0,
            "{vendor:?}: {checked} checked, {non_compliant} non-compliant"
        );
    }
    Ok(())
}

/// Jamf's lost mode is a suggestion in the unit's sources, never a silent lifecycle change;
/// the person's move is checked, recorded with their reason, and refused when the rules say
/// no (#13, #14).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lost_mode_is_a_suggestion_and_the_move_is_a_persons_issue_13() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, id) = synced(&dir, &emulator, Vendor::JamfPro).await?;
    let (lost, kept): (Vec<_>, Vec<_>) = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .filter(|e| matches!(e.device.os, OsFamily::Ios | OsFamily::Ipados))
            .map(|e| {
                let lost = matches!(e.device.lifecycle, Lifecycle::Lost | Lifecycle::Stolen);
                (e.device.serial.as_str().to_owned(), lost)
            })
            .partition(|(_, lost)| *lost)
    });
    assert!(
        !lost.is_empty(),
        "the emulated fleet has phones in lost mode"
    );
    let unit = first_found(&flotta, lost[0].0.as_str())?;
    let sources = flotta.device_sources(unit.id)?;
    assert!(sources[0].lost_mode, "Jamf's lost mode reaches the panel");
    assert_eq!(unit.lifecycle, Lifecycle::Deployed, "never a silent move");
    let other = first_found(&flotta, kept[0].0.as_str())?;
    assert!(!flotta.device_sources(other.id)?[0].lost_mode);

    let moved = flotta.move_unit(
        unit.id,
        &LifecycleMove {
            to: Lifecycle::Lost,
            reason: " Lost mode in Jamf ".into(),
        },
    )?;
    assert_eq!(moved.lifecycle, Lifecycle::Lost);
    let change = flotta
        .device_history(unit.id)?
        .into_iter()
        .find(|change| change.field == "lifecycle")
        .ok_or("the move is in the unit's history")?;
    assert_eq!(
        (change.before.as_deref(), change.after.as_deref()),
        (Some("deployed"), Some("lost"))
    );
    assert_eq!(change.source, "tester", "who moved it");
    assert_eq!(change.reason.as_deref(), Some("Lost mode in Jamf"));

    let refuse = |to: Lifecycle, reason: &str| {
        let requested = LifecycleMove {
            to,
            reason: reason.into(),
        };
        ErrorPayload::from(flotta.move_unit(unit.id, &requested).err()?).into()
    };
    let refused: Option<ErrorPayload> = refuse(Lifecycle::Returned, "found in a drawer");
    assert_eq!(
        refused.map(|e| (e.code, e.field)),
        Some((ErrorCode::MoveNotAllowed, Some("to".into()))),
        "a lost unit is found (deployed, in stock) before it is returned"
    );
    let refused: Option<ErrorPayload> = refuse(Lifecycle::Deployed, "  ");
    assert_eq!(
        refused.map(|e| (e.code, e.field)),
        Some((ErrorCode::InvalidInput, Some("reason".into())))
    );
    assert_eq!(
        flotta.device_detail(unit.id)?.lifecycle,
        Lifecycle::Lost,
        "a refused move changes nothing"
    );

    // A sync after the move keeps the person's state: lost mode is still only a hint.
    sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(flotta.device_detail(unit.id)?.lifecycle, Lifecycle::Lost);
    let audit = flotta_store::Store::open(&dir.path().join("flotta.sqlite3"), super::now())?
        .0
        .audit_entries(50)?;
    assert!(
        audit.iter().any(|entry| entry.action == "move"
            && entry.entity_id.as_deref() == Some(unit.id.to_string().as_str())
            && entry.actor == "tester"
            && entry
                .after_json
                .as_deref()
                .is_some_and(|after| after.contains("Lost mode in Jamf"))),
        "the move is in the audit log: {audit:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jamf_and_workspace_one_sync_incrementally_and_mark_what_they_no_longer_list() -> TestResult
{
    for vendor in [Vendor::JamfPro, Vendor::WorkspaceOne] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        let first = sync(&flotta, id, SyncMode::Full).await?;
        let listed = listed_by(&emulator, vendor);

        let touched = emulator.with_fleet(|fleet| fleet.touch(40, chrono::Utc::now()));
        let seen: Vec<&String> = touched.iter().filter(|s| listed.contains(*s)).collect();
        let run = sync(&flotta, id, SyncMode::Incremental).await?;
        assert_eq!(run.mode, SyncMode::Incremental, "{vendor:?}");
        assert!(
            run.records < first.records / 4,
            "{vendor:?}: only what changed is asked for: {} records",
            run.records
        );
        assert_eq!(run.counts.updated as usize, seen.len(), "{vendor:?}");
        let device = first_found(&flotta, seen[0].clone())?;
        assert!(
            flotta
                .device_history(device.id)?
                .iter()
                .any(|c| c.field == "os_version" && c.before != c.after),
            "{vendor:?}: the OS update is in the device's history"
        );

        let gone: Vec<String> = listed.iter().take(3).cloned().collect();
        let removed = emulator.with_fleet(|fleet| fleet.take(&gone));
        let run = sync(&flotta, id, SyncMode::Full).await?;
        assert_eq!(run.counts.missing, 3, "{vendor:?}");
        emulator.with_fleet(|fleet| fleet.restore(removed));
        let run = sync(&flotta, id, SyncMode::Full).await?;
        assert_eq!(
            (run.counts.returned, run.counts.missing),
            (3, 0),
            "{vendor:?}"
        );

        let reenrolled = emulator.with_fleet(|fleet| fleet.reenrol_first(20, chrono::Utc::now()));
        let again = reenrolled.iter().filter(|s| listed.contains(*s)).count();
        let before = flotta.status()?.device_count;
        let run = sync(&flotta, id, SyncMode::Full).await?;
        assert!(again > 0, "{vendor:?}: some re-enrolled device is listed");
        assert_eq!(
            run.counts.added, 0,
            "{vendor:?}: a re-enrolment adds no unit"
        );
        assert_eq!(flotta.status()?.device_count, before, "{vendor:?}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_connection_names_what_is_wrong() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let good = settings(&emulator, Vendor::Intune);
    let test = |settings: ConnectionSettings, secret: &str| {
        let input = ConnectionInput {
            settings,
            secret: Some(secret.into()),
            session_only: true,
        };
        let flotta = &flotta;
        async move {
            flotta
                .test_connection(None, input)
                .await
                .map_err(ErrorPayload::from)
        }
    };
    let secret = emulator.credentials().client_secret.clone();
    assert!(test(good.clone(), &secret).await.is_ok());
    let error = test(good.clone(), "wrong").await.expect_err("wrong secret");
    assert_eq!(error.code, ErrorCode::SignInRejected);
    assert!(
        !error.message.contains("wrong"),
        "the secret is never echoed: {}",
        error.message
    );
    let mut unknown = good.clone();
    unknown.tenant = Some("nobody.onmicrosoft.com".into());
    assert_eq!(
        test(unknown, &secret).await.expect_err("tenant").code,
        ErrorCode::UnknownTenant
    );
    emulator.arm(FaultRule::once(Fault::Forbidden).on_path("managedDevices"));
    assert_eq!(
        test(good.clone(), &secret).await.expect_err("403").code,
        ErrorCode::PermissionMissing
    );
    let mut dead = good;
    dead.base_url = "http://127.0.0.1:9".into();
    dead.token_url = Some("http://127.0.0.1:9".into());
    assert_eq!(
        test(dead, &secret).await.expect_err("dead").code,
        ErrorCode::NetworkUnreachable
    );
    Ok(())
}

/// Every vendor with the same barrage: each transient fault once, on the device list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_connector_rides_out_every_transient_fault() -> TestResult {
    for (vendor, api, path, auth) in [
        (
            Vendor::Intune,
            Api::Graph,
            "managedDevices",
            AuthMethod::ClientCredentials,
        ),
        (
            Vendor::JamfPro,
            Api::Jamf,
            "mobile-devices",
            AuthMethod::ClientCredentials,
        ),
        (
            Vendor::JamfPro,
            Api::Jamf,
            "mobile-devices",
            AuthMethod::Basic,
        ),
        (
            Vendor::WorkspaceOne,
            Api::WorkspaceOne,
            "devices/search",
            AuthMethod::ClientCredentials,
        ),
        (
            Vendor::WorkspaceOne,
            Api::WorkspaceOne,
            "devices/search",
            AuthMethod::Basic,
        ),
    ] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let mut settings = settings(&emulator, vendor);
        settings.auth = auth;
        if auth == AuthMethod::Basic {
            settings.client_id = emulator.credentials().username.clone();
        }
        let id = add(&flotta, &emulator, settings);
        let clean = sync(&flotta, id, SyncMode::Full).await?;
        let faults = [
            Fault::TooManyRequests {
                retry_after_seconds: 1,
            },
            Fault::Unavailable {
                retry_after_seconds: Some(0),
            },
            Fault::ServerError,
            Fault::DropMidBody,
            Fault::TruncatedJson,
            Fault::MalformedJson,
            Fault::Slow(Duration::from_millis(300)),
            Fault::ExpireTokens,
        ];
        for fault in faults {
            emulator.arm(FaultRule::once(fault).on(api).on_path(path).after(1));
        }
        let run = sync(&flotta, id, SyncMode::Full).await?;
        let what = format!("{vendor:?} with {auth:?}");
        assert_eq!(emulator.pending_faults(), 0, "{what}: every fault struck");
        assert_eq!(run.status, SyncStatus::Succeeded, "{what}");
        assert_eq!(
            run.records, clean.records,
            "{what}: no page lost or doubled"
        );
        assert_eq!(
            (run.counts.added, run.counts.missing, run.counts.updated),
            (0, 0, 0),
            "{what}: the register is exactly as after the clean sync"
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_enrolled_or_retired_during_a_sync_are_settled_by_the_next_full_sync() -> TestResult
{
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, id) = synced(&dir, &emulator, Vendor::WorkspaceOne).await?;
    // Four enrolments the register knows are retired, then seven new ones enrol, mid-listing.
    emulator.arm(
        FaultRule::once(Fault::RemoveDevices(4))
            .on(Api::WorkspaceOne)
            .on_path("devices/search")
            .after(1),
    );
    emulator.arm(
        FaultRule::once(Fault::AddDevices(7))
            .on(Api::WorkspaceOne)
            .on_path("devices/search")
            .after(1),
    );
    sync(&flotta, id, SyncMode::Full).await?;
    let run = sync(&flotta, id, SyncMode::Full).await?;
    let listed = serials(&emulator).len();
    assert_eq!(
        run.records as usize, listed,
        "the settled listing is read whole"
    );
    let connection = &flotta.list_connections()?[0];
    assert_eq!(
        connection.device_count as usize, listed,
        "one unit per listed device"
    );
    assert_eq!(
        flotta.status()?.device_count as usize,
        listed + 4,
        "the retired units stay in the register, marked missing"
    );
    Ok(())
}

/// A unit known only by its Intune record takes the serial the record starts to report; when
/// another unit (from Workspace ONE) already has it, both stay and the run says so (#13).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_without_identifiers_takes_its_serial_when_one_appears_issue_13() -> TestResult {
    for with_workspace_one in [false, true] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        if with_workspace_one {
            let ws1 = add(
                &flotta,
                &emulator,
                settings(&emulator, Vendor::WorkspaceOne),
            );
            sync(&flotta, ws1, SyncMode::Full).await?;
        }
        let intune = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
        sync(&flotta, intune, SyncMode::Full).await?;
        let hidden = without_hardware_id(&flotta);
        assert!(
            hidden >= 1,
            "the Intune listing has a unit without identifiers"
        );
        let units = flotta.status()?.device_count;

        emulator.reveal_identifiers();
        let run = sync(&flotta, intune, SyncMode::Full).await?;
        assert_eq!(run.counts.added, 0, "no unit is added: {run:?}");
        assert_eq!(flotta.status()?.device_count, units, "nor removed");
        let warnings = flotta.sync_warnings(run.id)?;
        if with_workspace_one {
            assert_eq!(without_hardware_id(&flotta), hidden, "kept apart");
            assert!(
                warnings
                    .iter()
                    .any(|w| w.field == "serial" && w.problem.contains("kept apart")),
                "the run says why: {warnings:?}"
            );
        } else {
            assert_eq!(
                without_hardware_id(&flotta),
                0,
                "the unit has its serial now"
            );
            assert!(warnings.iter().all(|w| w.field != "serial"), "{warnings:?}");
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn untidy_graph_records_are_read_and_what_cannot_be_read_is_a_named_warning() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let run = sync(&flotta, id, SyncMode::Full).await?;
    // A record without serial and IMEI is a unit known by its Graph record (#13); only an
    // odd value (the placeholder IMEI "0") is a warning, naming the record and the field.
    let warnings = flotta.sync_warnings(run.id)?;
    assert!(!warnings.is_empty(), "the placeholder IMEI is named");
    for warning in &warnings {
        assert_eq!(warning.field, "imei", "{warning:?}");
        assert!(warning.problem.contains("\"0\""), "{warning:?}");
        assert_eq!(
            warning.vendor_id.len(),
            36,
            "the warning names the Graph record: {warning:?}"
        );
    }
    let unidentified = unidentified_units(&flotta)?;
    assert!(
        unidentified.total >= 1 && unidentified.total as usize >= warnings.len(),
        "every record without identifiers is a unit, placeholders or not"
    );
    for row in &unidentified.rows {
        assert!(row.serial.is_empty() && row.imei.is_none(), "{row:?}");
        let detail = flotta.device_detail(row.id)?;
        assert_eq!(
            detail.vendor_device_id.map(|id| id.len()),
            Some(36),
            "known by its Graph record"
        );
    }
    // A later sync finds each of them again by its record: no unit is added twice.
    let again = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(again.counts.added, 0, "{again:?}");
    assert_eq!(without_hardware_id(&flotta), unidentified.total);
    // Every 53rd enrolment has its IMEI written with spaces; it is stored as 15 digits.
    let (serial, imei) = emulator
        .with_fleet(|fleet| {
            fleet.enrolments().iter().find_map(|e| {
                let imei = e.device.imei.as_ref()?;
                e.number.is_multiple_of(53).then(|| {
                    (
                        e.device.serial.as_str().to_owned(),
                        imei.as_str().to_owned(),
                    )
                })
            })
        })
        .ok_or("the fleet has a phone with a spaced IMEI")?;
    assert_eq!(
        total(&flotta, &imei),
        1,
        "the spaced IMEI {imei} is searchable"
    );
    let device = first_found(&flotta, serial.clone())?;
    let detail = flotta.device_detail(device.id)?;
    assert_eq!(detail.serial, serial);
    // Enrolment 211 says it was enrolled on 0001-01-01, which means "never".
    let placeholder =
        emulator.with_fleet(|fleet| fleet.enrolments()[210].device.serial.as_str().to_owned());
    let device = first_found(&flotta, placeholder)?;
    assert_eq!(flotta.device_detail(device.id)?.enrolled_at, None);
    Ok(())
}
