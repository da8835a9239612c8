//! Workspace ONE UEM: `GET /API/mdm/devices/search` with 0-based `page` and `pagesize`;
//! PascalCase fields, ids nested as `{"Value": n}`, timestamps without a zone (UTC), single
//! letters for ownership, `CompromisedStatus` sometimes absent, and 204 with no body past the
//! last page. Incremental syncs use `seensince`. Each device's apps are asked for on their own
//! (see `apps.rs`).

use std::borrow::Cow;
use std::sync::Arc;

use flotta_domain::{AppsSeen, ConnectionSettings, RecordWarning, VendorDevice};
use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::sync::mpsc;

use crate::error::SyncError;
use crate::http::{Answer, Api};
use crate::map::{
    IdentityFields, identify, manufacturer, map_records, os_family, owned, ownership, text,
};
use crate::paged::{self, Listing, PageShape};
use crate::{FetchRequest, FetchedPage};

fn listing(page_size: u32) -> Listing {
    Listing {
        page_size,
        url: |base, page, size| format!("{base}page={page}&pagesize={size}"),
        check,
        map: map_page,
        noun: "devices",
    }
}

fn base(settings: &ConnectionSettings, request: FetchRequest) -> String {
    let root = settings.base_url.trim_end_matches('/');
    let mut url = format!("{root}/API/mdm/devices/search?orderby=Id&");
    if let Some(since) = request.changed_since {
        url.push_str("seensince=");
        url.push_str(&since.format("%Y-%m-%dT%H:%M:%S").to_string());
        url.push('&');
    }
    url
}

pub(crate) async fn first_page(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let base = base(
        settings,
        FetchRequest {
            changed_since: None,
        },
    );
    paged::first(api, &base, listing(1), &pages)
        .await
        .map(|_| ())
}

pub(crate) async fn fetch(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    request: FetchRequest,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let base = base(settings, request);
    if !settings.sync_apps {
        return paged::fetch(api, base, listing(settings.page_size), pages).await;
    }
    let (listed, received) = mpsc::channel(4);
    let listing = paged::fetch(api, base, listing(settings.page_size), listed);
    let root = settings.base_url.trim_end_matches('/').to_owned();
    let with_apps = crate::apps::per_device(api, root, received, pages);
    tokio::try_join!(listing, with_apps).map(|_| ())
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Page<'a> {
    #[serde(borrow)]
    devices: Option<Vec<&'a RawValue>>,
    total: Option<u32>,
}

fn check(answer: &Answer) -> Result<PageShape, String> {
    if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
        return Ok((None, true));
    }
    let page: Page<'_> = serde_json::from_slice(&answer.body).map_err(|e| e.to_string())?;
    let empty = page.devices.as_ref().is_none_or(Vec::is_empty);
    Ok((page.total, empty))
}

#[derive(Deserialize)]
struct NestedId {
    #[serde(rename = "Value")]
    value: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Device<'a> {
    id: Option<NestedId>,
    #[serde(borrow)]
    serial_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    imei: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "OEMInfo")]
    oem_info: Option<Cow<'a, str>>,
    #[serde(borrow)]
    model: Option<Cow<'a, str>>,
    #[serde(borrow)]
    platform: Option<Cow<'a, str>>,
    #[serde(borrow)]
    operating_system: Option<Cow<'a, str>>,
    #[serde(borrow)]
    ownership: Option<Cow<'a, str>>,
    #[serde(borrow)]
    user_email_address: Option<Cow<'a, str>>,
    #[serde(borrow)]
    location_group_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    compliance_status: Option<Cow<'a, str>>,
    compromised_status: Option<serde_json::Value>,
    data_protection_status: Option<i64>,
    #[serde(borrow)]
    last_seen: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_enrolled_on: Option<Cow<'a, str>>,
    user_id: Option<NamedRef>,
}

#[derive(Deserialize)]
struct NamedRef {
    #[serde(rename = "Name")]
    name: Option<String>,
}

/// One stored record, read as if it were a page of one.
pub(crate) fn read_record(raw: &str) -> FetchedPage {
    map_page(format!("{{\"Devices\":[{raw}],\"Total\":1}}").as_bytes())
}

fn map_page(body: &[u8]) -> FetchedPage {
    match serde_json::from_slice::<Page<'_>>(body) {
        Ok(envelope) => map_records(&envelope.devices.unwrap_or_default(), map_device),
        Err(_) => FetchedPage::default(),
    }
}

fn map_device(
    record: &Device<'_>,
    raw: &str,
    warnings: &mut Vec<RecordWarning>,
) -> Option<VendorDevice> {
    let id = record
        .id
        .as_ref()
        .and_then(|id| id.value)
        .map(|id| id.to_string());
    let (mut read, serial, imei) = identify(
        &IdentityFields {
            noun: "a device",
            id: "Id.Value",
            serial: "SerialNumber",
            imei: "Imei",
        },
        id.as_deref(),
        record.serial_number.as_deref(),
        record.imei.as_deref(),
        warnings,
    )?;
    let id = read.vendor_id().to_owned();
    // `CompromisedStatus` is a boolean, sometimes a string, and missing on older agents.
    let jailbroken = match &record.compromised_status {
        Some(serde_json::Value::Bool(value)) => *value,
        Some(serde_json::Value::String(value)) => value.eq_ignore_ascii_case("true"),
        _ => false,
    };
    let model = owned(record.model.as_deref());
    let platform = record.platform.as_deref().unwrap_or_default();
    let os = match (os_family(platform), model.as_deref()) {
        (flotta_domain::OsFamily::Ios, Some(model))
            if model.to_ascii_lowercase().contains("ipad") =>
        {
            flotta_domain::OsFamily::Ipados
        }
        (family, _) => family,
    };
    let user_name = record
        .user_id
        .as_ref()
        .and_then(|user| owned(user.name.as_deref()));
    Some(VendorDevice {
        vendor_id: id.clone(),
        serial,
        imei,
        manufacturer: manufacturer(record.oem_info.as_deref()),
        model,
        os,
        os_version: owned(record.operating_system.as_deref()),
        ownership: ownership(record.ownership.as_deref()),
        user_name,
        user_email: owned(record.user_email_address.as_deref()),
        org_unit: owned(record.location_group_name.as_deref()),
        // A compromised device is not compliant, whatever its last compliance check said.
        compliance: if jailbroken {
            flotta_domain::Compliance::Noncompliant
        } else {
            read.compliance("ComplianceStatus", record.compliance_status.as_deref())
        },
        jailbroken,
        encrypted: record.data_protection_status.is_some_and(|s| s > 0),
        compliance_reasons: if jailbroken {
            vec![flotta_domain::ComplianceReason::Compromised]
        } else {
            Vec::new()
        },
        // Workspace ONE's lost mode is a command's state, not part of the device listing.
        lost_mode: false,
        enrolled_at: read.time("LastEnrolledOn", record.last_enrolled_on.as_deref()),
        last_check_in: read.time("LastSeen", text(record.last_seen.as_deref())),
        raw_json: raw.to_owned(),
        apps: AppsSeen::NotFetched,
    })
}
