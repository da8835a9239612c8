//! Installed apps from each connector, against the emulators: the lists a user sees in the
//! device panel are the vendor's, "not reported" is never shown as "none", and later syncs
//! bring the changes.

use std::collections::BTreeSet;

use flotta_core::{Flotta, Ownership, SyncMode, Vendor};
use flotta_emulator::{Api, Emulator, Enrolment, Fault, FaultRule, installed_apps};

use super::sync::{add, emulator, first_found, open, settings, sync};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// (name, identifier, version) as the device panel lists them.
type Listed = BTreeSet<(String, String, String)>;

fn device_id(flotta: &Flotta, serial: &str) -> Option<u32> {
    first_found(flotta, serial)
        .ok()
        .filter(|row| row.serial == serial)
        .map(|row| row.id)
}

fn listed(flotta: &Flotta, device: u32) -> Listed {
    flotta
        .device_apps(device)
        .expect("the device's apps")
        .apps
        .into_iter()
        .map(|app| (app.name, app.identifier, app.version))
        .collect()
}

/// What the vendor's API reports for an enrolment (Graph names apps without an id, and on a
/// device that is not corporate-owned lists only the managed ones).
fn expected(vendor: Vendor, enrolment: &Enrolment) -> Listed {
    if vendor == Vendor::Intune {
        return graph_reports(enrolment);
    }
    installed_apps(enrolment)
        .into_iter()
        .map(|app| {
            let identifier = match vendor {
                Vendor::Intune => String::new(),
                _ => app.identifier.to_owned(),
            };
            (app.name.to_owned(), identifier, app.version)
        })
        .collect()
}

/// What Graph reports for a personal device: the organisation's managed apps, without ids.
fn graph_reports(enrolment: &Enrolment) -> Listed {
    flotta_emulator::graph_apps(enrolment)
        .into_iter()
        .map(|app| (app.name.to_owned(), String::new(), app.version))
        .collect()
}

/// The enrolments a vendor lists (Jamf manages the Apple devices only), every `step`th.
fn sample(emulator: &Emulator, vendor: Vendor, step: usize) -> Vec<Enrolment> {
    emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .filter(|e| {
                vendor != Vendor::JamfPro
                    || matches!(
                        e.device.os,
                        flotta_core::OsFamily::Ios | flotta_core::OsFamily::Ipados
                    )
            })
            .step_by(step)
            .cloned()
            .collect()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_connector_brings_each_devices_apps_as_the_vendor_reports_them() -> TestResult {
    for vendor in [Vendor::Intune, Vendor::JamfPro, Vendor::WorkspaceOne] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        sync(&flotta, id, SyncMode::Full).await?;
        let (mut checked, mut hidden, mut partly) = (0, 0, 0);
        for enrolment in sample(&emulator, vendor, 37) {
            let Some(device) = device_id(&flotta, enrolment.device.serial.as_str()) else {
                continue; // a record without serial or IMEI is a warning, not a device
            };
            let apps = flotta.device_apps(device)?;
            let reported = apps.visibility.iter().all(|v| v.reported_at.is_some());
            let personal_in_intune =
                vendor == Vendor::Intune && enrolment.device.ownership != Ownership::Corporate;
            if personal_in_intune {
                // Intune may leave out what users installed on their own devices: the panel
                // must not claim a complete list, yet what Intune does report (the
                // organisation's managed apps) is stored and shown (#13).
                assert!(!reported, "{vendor:?}: {:?}", apps.visibility);
                assert_eq!(
                    listed(&flotta, device),
                    graph_reports(&enrolment),
                    "the reported apps of personal device {}",
                    enrolment.device.serial.as_str()
                );
                partly += usize::from(!apps.apps.is_empty());
                hidden += 1;
            } else {
                assert!(reported, "{vendor:?}: {:?}", apps.visibility);
                assert_eq!(
                    listed(&flotta, device),
                    expected(vendor, &enrolment),
                    "{vendor:?}: the apps of {}",
                    enrolment.device.serial.as_str()
                );
                assert!(
                    apps.apps.len() > 15,
                    "{vendor:?}: a phone has dozens of apps"
                );
            }
            checked += 1;
        }
        assert!(checked > 10, "{vendor:?}: {checked} devices checked");
        if vendor == Vendor::Intune {
            assert!(hidden > 0, "the sample has personal devices");
            assert!(
                partly > 0,
                "some personal devices show the managed apps Intune reports"
            );
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_updates_arrive_with_the_next_sync_that_can_see_them() -> TestResult {
    for vendor in [Vendor::Intune, Vendor::JamfPro, Vendor::WorkspaceOne] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        sync(&flotta, id, SyncMode::Full).await?;
        // Touch enough devices that some are corporate-owned Apple devices.
        let touched = emulator.with_fleet(|fleet| fleet.touch(60, chrono::Utc::now()));
        let changed: Vec<(u32, Listed, Listed)> = touched
            .iter()
            .filter_map(|serial| {
                let enrolment = emulator.with_fleet(|fleet| {
                    fleet
                        .enrolments()
                        .iter()
                        .find(|e| e.device.serial.as_str() == serial)
                        .cloned()
                })?;
                let device = device_id(&flotta, serial)?;
                let before = listed(&flotta, device);
                let after = expected(vendor, &enrolment);
                (!before.is_empty() && before != after).then_some((device, before, after))
            })
            .collect();
        assert!(
            !changed.is_empty(),
            "{vendor:?}: some touched device got an app update"
        );

        sync(&flotta, id, SyncMode::Incremental).await?;
        for (device, before, after) in &changed {
            let now = listed(&flotta, *device);
            if vendor == Vendor::Intune {
                // Graph's detected apps have no change filter: they are read by full syncs.
                assert_eq!(&now, before, "an incremental Intune sync keeps the apps");
            } else {
                assert_eq!(&now, after, "{vendor:?}: the update is in");
            }
        }
        sync(&flotta, id, SyncMode::Full).await?;
        for (device, _, after) in &changed {
            assert_eq!(
                &listed(&flotta, *device),
                after,
                "{vendor:?}: after a full sync"
            );
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_while_reading_apps_are_ridden_out_and_a_dead_end_changes_no_app_list() -> TestResult
{
    for (vendor, api, path) in [
        (Vendor::Intune, Api::Graph, "detectedApps"),
        (Vendor::WorkspaceOne, Api::WorkspaceOne, "apps"),
    ] {
        let emulator = emulator().await;
        let dir = tempfile::tempdir()?;
        let flotta = open(&dir);
        let id = add(&flotta, &emulator, settings(&emulator, vendor));
        sync(&flotta, id, SyncMode::Full).await?;
        let sample = sample(&emulator, vendor, 101);
        let devices: Vec<(u32, Listed)> = sample
            .iter()
            .filter_map(|e| device_id(&flotta, e.device.serial.as_str()))
            .map(|device| (device, listed(&flotta, device)))
            .collect();
        for fault in [
            Fault::TooManyRequests {
                retry_after_seconds: 1,
            },
            Fault::ServerError,
            Fault::DropMidBody,
            Fault::TruncatedJson,
            Fault::ExpireTokens,
        ] {
            emulator.arm(FaultRule::once(fault).on(api).on_path(path).after(3));
        }
        let run = sync(&flotta, id, SyncMode::Full).await?;
        assert_eq!(
            emulator.pending_faults(),
            0,
            "{vendor:?}: every fault struck"
        );
        assert_eq!(run.counts.updated, 0, "{vendor:?}");
        for (device, apps) in &devices {
            assert_eq!(&listed(&flotta, *device), apps, "{vendor:?}: apps intact");
        }

        // The apps endpoint keeps failing: the sync fails and the register keeps its apps.
        emulator.with_fleet(|fleet| fleet.touch(200, chrono::Utc::now()));
        emulator.arm(
            FaultRule::once(Fault::ServerError)
                .on(api)
                .on_path(path)
                .after(2)
                .times(1000),
        );
        let outcome = sync(&flotta, id, SyncMode::Full).await;
        emulator.clear_faults();
        match vendor {
            // Apps come with Workspace ONE's device pages: the whole sync fails.
            Vendor::WorkspaceOne => {
                let error = outcome.expect_err("the sync fails");
                assert!(
                    error.message.contains(path),
                    "{vendor:?}: the error names the request: {error:?}"
                );
                let history = flotta.sync_history(Some(id))?;
                assert_eq!(history[0].counts.updated, 0);
            }
            // Intune's detected apps are a pass of their own after the devices are stored:
            // the devices are synced, and the run says why their apps are not.
            _ => {
                let run = outcome?;
                assert_eq!(run.status, flotta_core::SyncStatus::Succeeded);
                assert!(run.counts.updated > 0, "the touched devices were synced");
                let warnings = flotta.sync_warnings(run.id)?;
                assert!(
                    warnings
                        .iter()
                        .any(|w| w.vendor_id == "(installed apps)" && w.problem.contains(path)),
                    "the run says why the apps were not read: {warnings:?}"
                );
            }
        }
        for (device, apps) in &devices {
            assert_eq!(
                &listed(&flotta, *device),
                apps,
                "{vendor:?}: no app list half-applied"
            );
        }
    }
    Ok(())
}
