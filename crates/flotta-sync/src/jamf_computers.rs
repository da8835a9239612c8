//! Jamf Pro's Macs: `GET /api/v{N}/computers-inventory` with sections, 0-based `page` and
//! `page-size`, sorted by id. Jamf has moved this endpoint through four versions (v1 to v3
//! are deprecated; v4 renamed `general.lastContactTime` to `general.lastContact`), and
//! servers differ in which they still have, so the newest one the server answers is used.
//! Incremental syncs filter on `general.reportDate`, which every version knows.

use std::borrow::Cow;
use std::sync::Arc;

use flotta_domain::{
    AppsSeen, Compliance, ConnectionSettings, OsFamily, Ownership, RecordWarning, VendorDevice,
};
use serde::Deserialize;

use crate::apps::{Interner, Listed};
use crate::error::SyncError;
use crate::http::Api;
use crate::jamf::{check, page_results, without_applications};
use crate::map::{IdentityFields, identify, manufacturer, map_records, owned, text};
use crate::paged::Listing;
use crate::{FetchRequest, FetchedPage};

const SECTIONS: &str = "section=GENERAL&section=HARDWARE&section=OPERATING_SYSTEM\
&section=USER_AND_LOCATION&section=DISK_ENCRYPTION";

/// Newest first.
const VERSIONS: [u8; 4] = [4, 3, 2, 1];

pub(crate) fn listing(settings: &ConnectionSettings, page_size: u32) -> Listing {
    Listing {
        page_size,
        url: |base, page, size| format!("{base}&page={page}&page-size={size}"),
        check,
        map: if settings.sync_apps {
            |body| map_page(body, true)
        } else {
            |body| map_page(body, false)
        },
        noun: "computers",
    }
}

/// The listing's URL without its page, for the newest version the server has.
pub(crate) async fn base(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    request: FetchRequest,
) -> Result<String, SyncError> {
    let root = settings.base_url.trim_end_matches('/');
    for version in VERSIONS {
        let probe = format!("{root}/api/v{version}/computers-inventory?page=0&page-size=1");
        let found = api
            .get_if_found(&probe, "the computers inventory", |answer| {
                check(&answer).map(|_| ())
            })
            .await?;
        if found.is_some() {
            let mut url =
                format!("{root}/api/v{version}/computers-inventory?{SECTIONS}&sort=id%3Aasc");
            if settings.sync_apps {
                url.push_str("&section=APPLICATIONS");
            }
            if let Some(since) = request.changed_since {
                url.push_str("&filter=general.reportDate%3E%22");
                url.push_str(&since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
                url.push_str("%22");
            }
            return Ok(url);
        }
    }
    Err(SyncError::InvalidResponse {
        url: format!("{root}/api/v1/computers-inventory"),
        what: "the computers inventory".into(),
        detail: "this Jamf Pro server answers none of the computers-inventory versions v1–v4"
            .into(),
    })
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Computer<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    general: Option<General<'a>>,
    #[serde(borrow)]
    hardware: Option<Hardware<'a>>,
    #[serde(borrow)]
    operating_system: Option<OperatingSystem<'a>>,
    #[serde(borrow)]
    user_and_location: Option<UserAndLocation<'a>>,
    #[serde(borrow)]
    disk_encryption: Option<DiskEncryption<'a>>,
    #[serde(borrow)]
    applications: Option<Vec<Application<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct General<'a> {
    /// v4.
    #[serde(borrow)]
    last_contact: Option<Cow<'a, str>>,
    /// v1 to v3.
    #[serde(borrow)]
    last_contact_time: Option<Cow<'a, str>>,
    #[serde(borrow)]
    report_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    last_enrolled_date: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Hardware<'a> {
    #[serde(borrow)]
    serial_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    make: Option<Cow<'a, str>>,
    #[serde(borrow)]
    model: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct OperatingSystem<'a> {
    #[serde(borrow)]
    version: Option<Cow<'a, str>>,
    #[serde(borrow)]
    file_vault2_status: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct UserAndLocation<'a> {
    /// Lower-case `n`, unlike the mobile devices' `realName`.
    #[serde(borrow)]
    realname: Option<Cow<'a, str>>,
    #[serde(borrow)]
    email: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct DiskEncryption<'a> {
    #[serde(borrow)]
    boot_partition_encryption_details: Option<BootPartition<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct BootPartition<'a> {
    #[serde(borrow)]
    partition_file_vault2_state: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Application<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    bundle_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    version: Option<Cow<'a, str>>,
}

/// One stored record, read as if it were a page of one.
pub(crate) fn read_record(raw: &str) -> FetchedPage {
    map_page(
        format!("{{\"totalCount\":1,\"results\":[{raw}]}}").as_bytes(),
        false,
    )
}

fn map_page(body: &[u8], with_apps: bool) -> FetchedPage {
    let mut interner = Interner::default();
    page_results(body, |records| {
        map_records(records, |record, raw, warnings| {
            let mut device = map_computer(record, raw, warnings, &mut interner)?;
            if !with_apps {
                device.apps = AppsSeen::NotFetched;
            }
            Some(device)
        })
    })
}

fn map_computer(
    record: &Computer<'_>,
    raw: &str,
    warnings: &mut Vec<RecordWarning>,
    interner: &mut Interner,
) -> Option<VendorDevice> {
    let general = record.general.as_ref();
    let hardware = record.hardware.as_ref();
    let os = record.operating_system.as_ref();
    let user = record.user_and_location.as_ref();
    // Jamf numbers computers and mobile devices separately, so "5" may be either; the
    // connection's records need one id space.
    let id = text(record.id.as_deref()).map(|id| format!("computers/{id}"));
    let (mut read, serial, imei) = identify(
        &IdentityFields {
            noun: "a computer",
            id: "id",
            serial: "hardware.serialNumber",
            imei: "(none)",
        },
        id.as_deref(),
        hardware.and_then(|h| h.serial_number.as_deref()),
        None,
        warnings,
    )?;
    let id = read.vendor_id().to_owned();
    // FileVault: the OS section's summary, else the boot partition's state.
    let encrypted = match os.and_then(|o| text(o.file_vault2_status.as_deref())) {
        Some(status) => matches!(status, "ALL_ENCRYPTED" | "BOOT_ENCRYPTED"),
        None => record
            .disk_encryption
            .as_ref()
            .and_then(|d| d.boot_partition_encryption_details.as_ref())
            .and_then(|b| text(b.partition_file_vault2_state.as_deref()))
            .is_some_and(|state| state.eq_ignore_ascii_case("ENCRYPTED")),
    };
    let (contact_field, contact) = match general {
        Some(g) if g.last_contact.is_some() => ("general.lastContact", g.last_contact.as_deref()),
        Some(g) if g.last_contact_time.is_some() => {
            ("general.lastContactTime", g.last_contact_time.as_deref())
        }
        Some(g) => ("general.reportDate", g.report_date.as_deref()),
        None => ("general.reportDate", None),
    };
    Some(VendorDevice {
        vendor_id: id,
        serial,
        imei,
        manufacturer: hardware
            .and_then(|h| manufacturer(h.make.as_deref()))
            .or_else(|| Some("Apple".into())),
        model: hardware.and_then(|h| owned(h.model.as_deref())),
        os: OsFamily::Macos,
        os_version: os.and_then(|o| owned(o.version.as_deref())),
        // The computers inventory says nothing about ownership; Jamf-managed Macs are
        // usually the organisation's, but that is a guess Flotta does not make.
        ownership: Ownership::Unknown,
        user_name: user.and_then(|u| owned(u.realname.as_deref())),
        user_email: user.and_then(|u| owned(u.email.as_deref())),
        // Only a department id, no name: nothing to show.
        org_unit: None,
        compliance: Compliance::Unknown,
        compliance_reasons: Vec::new(),
        jailbroken: false,
        lost_mode: false,
        encrypted,
        enrolled_at: read.time(
            "general.lastEnrolledDate",
            general.and_then(|g| g.last_enrolled_date.as_deref()),
        ),
        last_check_in: read.time(contact_field, contact),
        raw_json: without_applications(raw),
        apps: match &record.applications {
            None => AppsSeen::NotReported,
            Some(apps) => interner.installed(apps.iter().map(|app| {
                Listed {
                    // "Microsoft Teams.app": the same app as on the phones.
                    name: app
                        .name
                        .as_deref()
                        .map(|name| name.trim().trim_end_matches(".app")),
                    identifier: app.bundle_id.as_deref(),
                    version: app.version.as_deref(),
                }
            })),
        },
    })
}
