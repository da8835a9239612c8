//! Jamf Pro's phones and tablets — and, through `jamf_computers.rs`, its Macs.
//! `GET /api/v2/mobile-devices/detail` with the sections Flotta maps, 0-based
//! `page` and `page-size`, sorted by id so enrolments during a sync do not shift pages.
//! Incremental syncs filter on `lastInventoryUpdateDate` (RSQL). Apps come in the listing's
//! APPLICATIONS section.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use flotta_domain::{
    AppsSeen, Compliance, ComplianceReason, ConnectionSettings, OsFamily, RecordWarning,
    VendorDevice,
};
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::sync::mpsc;

use crate::apps::{Interner, Listed};
use crate::error::SyncError;
use crate::http::{Answer, Api};
use crate::jamf_computers;
use crate::map::{IdentityFields, identify, map_records, owned, ownership, text};
use crate::paged::{self, Listing, PageShape};
use crate::{FetchRequest, FetchedPage};

const SECTIONS: &str =
    "section=GENERAL&section=HARDWARE&section=USER_AND_LOCATION&section=SECURITY&section=NETWORK";

fn listing(settings: &ConnectionSettings, page_size: u32) -> Listing {
    Listing {
        page_size,
        url: |base, page, size| format!("{base}&page={page}&page-size={size}"),
        check,
        map: if settings.sync_apps {
            |body| map_page(body, true)
        } else {
            |body| map_page(body, false)
        },
        noun: "mobile devices",
    }
}

fn base(settings: &ConnectionSettings, request: FetchRequest) -> String {
    let root = settings.base_url.trim_end_matches('/');
    let mut url =
        format!("{root}/api/v2/mobile-devices/detail?{SECTIONS}&sort=mobileDeviceId%3Aasc");
    if settings.sync_apps {
        url.push_str("&section=APPLICATIONS");
    }
    if let Some(since) = request.changed_since {
        url.push_str("&filter=lastInventoryUpdateDate%3E%22");
        url.push_str(&since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        url.push_str("%22");
    }
    url
}

pub(crate) async fn first_page(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let everything = FetchRequest {
        changed_since: None,
    };
    paged::first(
        api,
        &base(settings, everything),
        listing(settings, 1),
        &pages,
    )
    .await?;
    // The Macs too, so a missing "Read Computers" privilege shows up in the test.
    let computers = jamf_computers::base(api, settings, everything).await?;
    paged::first(
        api,
        &computers,
        jamf_computers::listing(settings, 1),
        &pages,
    )
    .await?;
    Ok(())
}

/// Mobile devices and computers, both listings at once within the connection's limit.
pub(crate) async fn fetch(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    request: FetchRequest,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    let mobile = paged::fetch(
        api,
        base(settings, request),
        listing(settings, settings.page_size),
        pages.clone(),
    );
    let computers = async {
        let base = jamf_computers::base(api, settings, request).await?;
        paged::fetch(
            api,
            base,
            jamf_computers::listing(settings, settings.page_size),
            pages,
        )
        .await
    };
    tokio::try_join!(mobile, computers).map(|_| ())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    total_count: Option<u32>,
    #[serde(borrow)]
    results: Vec<&'a RawValue>,
}

pub(crate) fn check(answer: &Answer) -> Result<PageShape, String> {
    let page: Page<'_> = serde_json::from_slice(&answer.body).map_err(|e| e.to_string())?;
    Ok((page.total_count, page.results.is_empty()))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct MobileDevice<'a> {
    #[serde(borrow)]
    mobile_device_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    device_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    general: Option<General<'a>>,
    #[serde(borrow)]
    hardware: Option<Hardware<'a>>,
    #[serde(borrow)]
    user_and_location: Option<UserAndLocation<'a>>,
    security: Option<Security>,
    #[serde(borrow)]
    network: Option<Network<'a>>,
    #[serde(borrow)]
    applications: Option<Vec<Application<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Application<'a> {
    #[serde(borrow)]
    identifier: Option<Cow<'a, str>>,
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    version: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct General<'a> {
    #[serde(borrow)]
    os_version: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_inventory_update_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_enrolled_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    device_ownership_type: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Hardware<'a> {
    #[serde(borrow)]
    serial_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    model: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct UserAndLocation<'a> {
    #[serde(borrow)]
    real_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    email_address: Option<Cow<'a, str>>,
    #[serde(borrow)]
    department: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Security {
    data_protected: Option<bool>,
    jail_break_detected: Option<bool>,
    lost_mode_enabled: Option<bool>,
    passcode_present: Option<bool>,
    passcode_compliant: Option<bool>,
}

/// Jamf Pro's inventory carries no compliance verdict of its own, but its security section
/// says what one rests on: a jailbreak, or a passcode that breaks the profile's rules (or is
/// missing), is non-compliance, and those are its reasons; a compliant passcode on an intact
/// device is compliance. Without the section nothing is known.
fn jamf_compliance(security: Option<&Security>) -> (Compliance, Vec<ComplianceReason>) {
    let Some(security) = security else {
        return (Compliance::Unknown, Vec::new());
    };
    let mut reasons = Vec::new();
    if security.jail_break_detected == Some(true) {
        reasons.push(ComplianceReason::Jailbroken);
    }
    match (security.passcode_present, security.passcode_compliant) {
        (Some(false), _) => reasons.push(ComplianceReason::NoPasscode),
        (_, Some(false)) => reasons.push(ComplianceReason::PasscodeNotCompliant),
        _ => {}
    }
    let passcode_known = security.passcode_compliant.or(security.passcode_present);
    let verdict = match (reasons.is_empty(), passcode_known) {
        (false, _) => Compliance::Noncompliant,
        (true, Some(_)) => Compliance::Compliant,
        (true, None) => Compliance::Unknown,
    };
    (verdict, reasons)
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Network<'a> {
    #[serde(borrow)]
    imei: Option<Cow<'a, str>>,
}

/// Maps the `results` of a checked page (both Jamf listings share the envelope).
pub(crate) fn page_results(
    body: &[u8],
    map: impl FnOnce(&[&RawValue]) -> FetchedPage,
) -> FetchedPage {
    match serde_json::from_slice::<Page<'_>>(body) {
        Ok(envelope) => map(&envelope.results),
        Err(_) => FetchedPage::default(),
    }
}

/// One stored record, read as if it were a page of one.
pub(crate) fn read_record(raw: &str) -> FetchedPage {
    map_page(
        format!("{{\"totalCount\":1,\"results\":[{raw}]}}").as_bytes(),
        false,
    )
}

/// `with_apps`: the APPLICATIONS section was asked for.
fn map_page(body: &[u8], with_apps: bool) -> FetchedPage {
    let mut interner = Interner::default();
    page_results(body, |records| {
        map_records(records, |record, raw, warnings| {
            let mut device = map_device(record, raw, warnings, &mut interner)?;
            if !with_apps {
                device.apps = AppsSeen::NotFetched;
            }
            Some(device)
        })
    })
}

/// The record without its `applications` section, which is kept as installed apps instead.
pub(crate) fn without_applications(raw: &str) -> String {
    let Ok(mut fields) = serde_json::from_str::<BTreeMap<Cow<'_, str>, &RawValue>>(raw) else {
        return raw.to_owned();
    };
    if fields.remove("applications").is_none() {
        return raw.to_owned();
    }
    serde_json::to_string(&fields).unwrap_or_else(|_| raw.to_owned())
}

fn map_device(
    record: &MobileDevice<'_>,
    raw: &str,
    warnings: &mut Vec<RecordWarning>,
    interner: &mut Interner,
) -> Option<VendorDevice> {
    let general = record.general.as_ref();
    let hardware = record.hardware.as_ref();
    let user = record.user_and_location.as_ref();
    let security = record.security.as_ref();
    let (mut read, serial, imei) = identify(
        &IdentityFields {
            noun: "a mobile device",
            id: "mobileDeviceId",
            serial: "hardware.serialNumber",
            imei: "network.imei",
        },
        record.mobile_device_id.as_deref(),
        hardware.and_then(|h| h.serial_number.as_deref()),
        record.network.as_ref().and_then(|n| n.imei.as_deref()),
        warnings,
    )?;
    let id = read.vendor_id();
    let model = hardware.and_then(|h| owned(h.model.as_deref()));
    let os = match model.as_deref() {
        Some(model) if model.to_ascii_lowercase().contains("ipad") => OsFamily::Ipados,
        _ => match text(record.device_type.as_deref()) {
            Some(t) if t.eq_ignore_ascii_case("ios") => OsFamily::Ios,
            _ => OsFamily::Other,
        },
    };
    let (compliance, compliance_reasons) = jamf_compliance(security);
    Some(VendorDevice {
        vendor_id: id.to_owned(),
        serial,
        imei,
        manufacturer: Some("Apple".into()),
        model,
        os,
        os_version: general.and_then(|g| owned(g.os_version.as_deref())),
        ownership: ownership(general.and_then(|g| g.device_ownership_type.as_deref())),
        user_name: user.and_then(|u| owned(u.real_name.as_deref())),
        user_email: user.and_then(|u| owned(u.email_address.as_deref())),
        org_unit: user.and_then(|u| owned(u.department.as_deref())),
        compliance,
        compliance_reasons,
        lost_mode: security.and_then(|s| s.lost_mode_enabled).unwrap_or(false),
        jailbroken: security
            .and_then(|s| s.jail_break_detected)
            .unwrap_or(false),
        encrypted: security.and_then(|s| s.data_protected).unwrap_or(false),
        enrolled_at: read.time(
            "general.lastEnrolledDate",
            general.and_then(|g| g.last_enrolled_date.as_deref()),
        ),
        last_check_in: read.time(
            "general.lastInventoryUpdateDate",
            general.and_then(|g| g.last_inventory_update_date.as_deref()),
        ),
        raw_json: without_applications(raw),
        apps: match &record.applications {
            // A device type without apps (tvOS), or not asked for (see `map_page`).
            None => AppsSeen::NotReported,
            Some(apps) => interner.installed(apps.iter().map(|app| Listed {
                name: app.name.as_deref(),
                identifier: app.identifier.as_deref(),
                version: app.version.as_deref(),
            })),
        },
    })
}
