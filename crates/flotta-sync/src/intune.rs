//! Microsoft Intune through Graph v1.0: `deviceManagement/managedDevices` with `$select`,
//! following `@odata.nextLink` until it is absent (only to the connection's own server, and
//! never back to a page already read). Pages may be shorter than asked
//! (or empty); only the missing link ends the listing.
//!
//! The cursor makes paging sequential, so the overlap comes from mapping: page n is mapped on
//! the blocking pool while page n + 1 is on the wire. Incremental syncs filter on
//! `lastSyncDateTime gt …` (Graph v1.0 has no delta query for managed devices, and supports
//! only `lt`/`gt` on that field). Detected apps are a pass of their own after the devices
//! (see `apps.rs` and `Connector::fetch_apps`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use flotta_domain::{
    AppsSeen, ConnectionSettings, InstalledApp, Ownership, RecordWarning, VendorDevice,
};
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::sync::mpsc;

use crate::error::SyncError;
use crate::http::{Answer, Api};
use crate::limits::PageTrail;
use crate::map::{
    IdentityFields, identify, manufacturer, map_records, os_family, owned, ownership, text,
};
use crate::{FetchRequest, FetchedPage, deliver};

/// Only the fields Flotta maps, so pages stay small on the wire.
const SELECT: &str = "id,serialNumber,imei,manufacturer,model,operatingSystem,osVersion,\
managedDeviceOwnerType,userPrincipalName,emailAddress,userDisplayName,complianceState,\
jailBroken,isEncrypted,enrolledDateTime,lastSyncDateTime,deviceCategoryDisplayName";

fn list_url(settings: &ConnectionSettings, request: FetchRequest, top: u32) -> String {
    let base = settings.base_url.trim_end_matches('/');
    let mut url =
        format!("{base}/v1.0/deviceManagement/managedDevices?$select={SELECT}&$top={top}");
    if let Some(since) = request.changed_since {
        url.push_str("&$filter=lastSyncDateTime%20gt%20");
        url.push_str(&since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    url
}

pub(crate) async fn first_page(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let url = list_url(
        settings,
        FetchRequest {
            changed_since: None,
        },
        1,
    );
    let page = api
        .get(&url, "the first page of managed devices", envelope)
        .await?;
    deliver(&pages, map_page(&page)).await
}

pub(crate) async fn fetch(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    request: FetchRequest,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let mut url = list_url(settings, request, settings.page_size);
    let mut trail = PageTrail::new("managed devices", &url);
    let mut mapping: Option<tokio::task::JoinHandle<FetchedPage>> = None;
    let mut number = 1;
    loop {
        let what = format!("page {number} of managed devices");
        let mut page = api.get(&url, &what, envelope).await?;
        let next = page.next_link.take();
        if let Some(previous) = mapping.take() {
            deliver(&pages, joined(previous).await?).await?;
        }
        mapping = Some(tokio::task::spawn_blocking(move || map_page(&page)));
        match next {
            Some(next) => {
                trail.follow(&next)?;
                url = next;
            }
            None => break,
        }
        number += 1;
    }
    if let Some(last) = mapping {
        deliver(&pages, joined(last).await?).await?;
    }
    Ok(())
}

pub(crate) async fn joined(
    task: tokio::task::JoinHandle<FetchedPage>,
) -> Result<FetchedPage, SyncError> {
    task.await.map_err(|error| SyncError::InvalidResponse {
        url: String::new(),
        what: "a page".into(),
        detail: format!("mapping stopped: {error}"),
    })
}

/// A page as Graph sent it: each record's JSON, copied out of the body once the page has
/// been read whole, and the link to the next page.
#[derive(Deserialize, Default)]
struct Page {
    value: Vec<Box<RawValue>>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
}

/// Reads the page, once: the next request needs its link at once, and the mapping on the
/// blocking pool reads each record's fields from its JSON, so the body is not parsed twice
/// (0.30 G instructions per 48,000-device listing).
fn envelope(answer: Answer) -> Result<Page, String> {
    serde_json::from_slice(&answer.body).map_err(|e| e.to_string())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ManagedDevice<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    serial_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    imei: Option<Cow<'a, str>>,
    #[serde(borrow)]
    manufacturer: Option<Cow<'a, str>>,
    #[serde(borrow)]
    model: Option<Cow<'a, str>>,
    #[serde(borrow)]
    operating_system: Option<Cow<'a, str>>,
    #[serde(borrow)]
    os_version: Option<Cow<'a, str>>,
    #[serde(borrow)]
    managed_device_owner_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    user_principal_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    email_address: Option<Cow<'a, str>>,
    #[serde(borrow)]
    user_display_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    compliance_state: Option<Cow<'a, str>>,
    /// A string in Graph ("True", "False", "Unknown"), not a boolean.
    #[serde(borrow)]
    jail_broken: Option<Cow<'a, str>>,
    is_encrypted: Option<bool>,
    #[serde(borrow)]
    enrolled_date_time: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_sync_date_time: Option<Cow<'a, str>>,
    #[serde(borrow)]
    device_category_display_name: Option<Cow<'a, str>>,
}

/// One stored record, read as if it were a page of one.
pub(crate) fn read_record(raw: &str) -> FetchedPage {
    map_page(&serde_json::from_str(&format!("{{\"value\":[{raw}]}}")).unwrap_or_default())
}

fn map_page(listed: &Page) -> FetchedPage {
    let records: Vec<&RawValue> = listed.value.iter().map(AsRef::as_ref).collect();
    let mut page = map_records(&records, map_device);
    page.listing = "managed devices";
    page
}

/// Gives each device of a full listing its detected apps (see `apps.rs`). Intune may not
/// report the apps users installed on a device that is not corporate-owned: there, what it
/// does report is kept as a partial list, and no list at all is "not reported", never "none".
pub(crate) fn attach_apps(devices: &mut [VendorDevice], mut apps: AppsByDevice) {
    for device in devices {
        let listed = apps.remove(&device.vendor_id);
        device.apps = match listed {
            _ if device.ownership == Ownership::Corporate => {
                AppsSeen::Installed(listed.unwrap_or_default())
            }
            Some(listed) => AppsSeen::Partial(listed),
            None => AppsSeen::NotReported,
        };
    }
}

/// Installed apps by device id.
pub(crate) type AppsByDevice = HashMap<String, Vec<Arc<InstalledApp>>>;

fn map_device(
    record: &ManagedDevice<'_>,
    raw: &str,
    warnings: &mut Vec<RecordWarning>,
) -> Option<VendorDevice> {
    let (mut read, serial, imei) = identify(
        &IdentityFields {
            noun: "a managed device",
            id: "id",
            serial: "serialNumber",
            imei: "imei",
        },
        record.id.as_deref(),
        record.serial_number.as_deref(),
        record.imei.as_deref(),
        warnings,
    )?;
    let id = read.vendor_id();
    let jailbroken = match text(record.jail_broken.as_deref()).map(str::to_ascii_lowercase) {
        Some(value) if value == "true" => true,
        Some(value) if value == "false" || value == "unknown" => false,
        None => false,
        Some(other) => {
            read.warn(
                "jailBroken",
                format!("{other:?} is neither True, False nor Unknown"),
            );
            false
        }
    };
    let org_unit = owned(record.device_category_display_name.as_deref())
        .filter(|category| !category.eq_ignore_ascii_case("unknown"));
    Some(VendorDevice {
        vendor_id: id.to_owned(),
        serial,
        imei,
        manufacturer: manufacturer(record.manufacturer.as_deref()),
        model: owned(record.model.as_deref()),
        os: os_family(record.operating_system.as_deref().unwrap_or_default()),
        os_version: owned(record.os_version.as_deref()),
        ownership: ownership(record.managed_device_owner_type.as_deref()),
        user_name: owned(record.user_display_name.as_deref()),
        user_email: owned(record.email_address.as_deref())
            .or_else(|| owned(record.user_principal_name.as_deref())),
        org_unit,
        compliance: read.compliance("complianceState", record.compliance_state.as_deref()),
        jailbroken,
        encrypted: record.is_encrypted.unwrap_or(false),
        // Graph's managedDevice gives the verdict only; the failing settings are per policy.
        compliance_reasons: Vec::new(),
        // v1.0 has no lost-mode state on managedDevice.
        lost_mode: false,
        enrolled_at: read.time("enrolledDateTime", record.enrolled_date_time.as_deref()),
        last_check_in: read.time("lastSyncDateTime", record.last_sync_date_time.as_deref()),
        raw_json: raw.to_owned(),
        apps: AppsSeen::NotFetched,
    })
}
