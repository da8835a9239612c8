//! Microsoft Graph v1.0 (Intune): the identity platform's token endpoint and
//! `deviceManagement/managedDevices` with `$select`, `$top`, `$filter` on `lastSyncDateTime`
//! and opaque `@odata.nextLink` paging; `deviceManagement/detectedApps` and the devices of each.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use flotta_domain::{Compliance, OsFamily, Ownership};
use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::json;

use crate::Shared;
use crate::apps::{self, Install};
use crate::faults::Api;
use crate::fleet::{Enrolment, Fleet};
use crate::http::{self, oauth_error, rfc3339};

const NEVER: &str = "0001-01-01T00:00:00Z";
const SCOPE: &str = "https://graph.microsoft.com/.default";

pub(crate) async fn token(
    State(shared): State<Arc<Shared>>,
    Path(tenant): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    shared
        .stats
        .token_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Err(response) = http::gate(&shared, Api::Graph, "token").await {
        return response;
    }
    let expected = &shared.config.credentials;
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    if tenant != expected.tenant {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_tenant",
            &format!(
                "AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
            ),
            Some(90002),
        );
    }
    if field("grant_type") != "client_credentials" {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "AADSTS70003: The app requested an unsupported grant type.",
            Some(70003),
        );
    }
    if field("client_id") != expected.client_id {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            &format!(
                "AADSTS700016: Application with identifier '{}' was not found in the directory.",
                field("client_id")
            ),
            Some(700016),
        );
    }
    if field("client_secret") != expected.client_secret {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
            Some(7000215),
        );
    }
    if field("scope") != SCOPE {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "AADSTS70011: The provided value for the input parameter 'scope' is not valid.",
            Some(70011),
        );
    }
    http::token_body(&shared)
}

/// Where a listing continues: everything the first request asked, plus the offset. Encoded
/// into `$skiptoken`, which clients must treat as opaque.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cursor {
    offset: usize,
    top: usize,
    since: Option<DateTime<Utc>>,
    select: Option<String>,
}

impl Cursor {
    fn encode(&self) -> String {
        let since = self
            .since
            .map(|s| s.timestamp())
            .map_or(String::new(), |s| s.to_string());
        let raw = format!(
            "{}|{}|{}|{}",
            self.offset,
            self.top,
            since,
            self.select.as_deref().unwrap_or_default()
        );
        URL_SAFE_NO_PAD.encode(raw)
    }

    fn decode(token: &str) -> Option<Self> {
        let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(token).ok()?).ok()?;
        let mut parts = raw.splitn(4, '|');
        let offset = parts.next()?.parse().ok()?;
        let top = parts.next()?.parse().ok()?;
        let since = match parts.next()? {
            "" => None,
            seconds => Some(DateTime::from_timestamp(seconds.parse().ok()?, 0)?),
        };
        let select = Some(parts.next()?.to_owned()).filter(|s| !s.is_empty());
        Some(Self {
            offset,
            top,
            since,
            select,
        })
    }
}

pub(crate) async fn managed_devices(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (fault, cursor) = match admit(&shared, "managedDevices", &headers, &query).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let body = {
        let fleet = shared.fleet();
        let matching: Vec<&Enrolment> = fleet
            .enrolments()
            .iter()
            .filter(|e| {
                cursor
                    .since
                    .is_none_or(|since| e.device.last_check_in.is_some_and(|seen| seen > since))
            })
            .collect();
        let selected: Option<Vec<&str>> = cursor
            .select
            .as_deref()
            .map(|s| s.split(',').map(str::trim).collect());
        let value: Vec<Record<'_>> = matching
            .iter()
            .skip(cursor.offset)
            .take(cursor.top)
            .map(|e| {
                select(
                    managed_device(e, shared.withholds_ids()),
                    selected.as_deref(),
                )
            })
            .collect();
        page_body(
            &shared,
            "deviceManagement/managedDevices",
            "deviceManagement/managedDevices",
            &cursor,
            matching.len(),
            value,
        )
    };
    http::json_body(body, fault)
}

/// Graph's detected apps: one per app, version and platform, with the enrolments (by
/// position in the fleet) that have it.
#[derive(Debug)]
pub(crate) struct DetectedApps {
    apps: Vec<Detected>,
}

#[derive(Debug)]
struct Detected {
    id: String,
    install: Install,
    apple: bool,
    devices: Vec<u32>,
}

impl DetectedApps {
    pub(crate) fn of(fleet: &Fleet) -> Self {
        let apps = apps::detected(fleet.enrolments())
            .into_iter()
            .map(|((install, apple), devices)| Detected {
                // Service-generated and hash-like in real tenants; clients must not parse it.
                id: format!(
                    "{:016x}{:04x}{:02x}{}",
                    apps::mix(install.app as u64 ^ u64::from(install.version) << 20),
                    install.app,
                    install.version,
                    u8::from(apple)
                ),
                install,
                apple,
                devices,
            })
            .collect();
        Self { apps }
    }
}

/// What every Graph listing does first: the armed faults, the token, and where the listing
/// continues — from `$skiptoken`, or from the first request's `$top`, `$filter` and `$select`.
async fn admit(
    shared: &Shared,
    path: &'static str,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
) -> Result<(Option<http::BodyFault>, Cursor), Response> {
    let fault = http::gate(shared, Api::Graph, path).await?;
    http::require_token(shared, Api::Graph, headers)?;
    let mut cursor = match query.get("$skiptoken") {
        Some(token) => Cursor::decode(token).ok_or_else(|| {
            http::error(Api::Graph, StatusCode::BAD_REQUEST, "Invalid $skiptoken.")
        })?,
        None => Cursor {
            offset: 0,
            top: query
                .get("$top")
                .and_then(|top| top.parse().ok())
                .unwrap_or(shared.config.graph_max_page),
            // Graph ignores filters it does not support rather than refusing them.
            since: query.get("$filter").and_then(|f| parse_since(f)),
            select: query.get("$select").cloned(),
        },
    };
    cursor.top = cursor.top.clamp(1, shared.config.graph_max_page);
    Ok((fault, cursor))
}

/// A page of a listing: `value` and, when more follow, a `@odata.nextLink` to `path`.
fn page_body<T: Serialize>(
    shared: &Shared,
    context: &str,
    path: &str,
    cursor: &Cursor,
    total: usize,
    value: Vec<T>,
) -> Vec<u8> {
    let next_offset = cursor.offset + cursor.top;
    let next_link = (next_offset < total).then(|| {
        let next = Cursor {
            offset: next_offset,
            ..cursor.clone()
        };
        format!(
            "{}/graph/v1.0/{path}?$skiptoken={}",
            shared.base_url,
            next.encode()
        )
    });
    serde_json::to_vec(&Page {
        context: format!("{}/graph/v1.0/$metadata#{context}", shared.base_url),
        next_link,
        value,
    })
    .unwrap_or_default()
}

#[derive(Serialize)]
struct Page<T> {
    #[serde(rename = "@odata.context")]
    context: String,
    #[serde(rename = "@odata.nextLink", skip_serializing_if = "Option::is_none")]
    next_link: Option<String>,
    value: Vec<T>,
}

/// `GET deviceManagement/detectedApps`: every app/version/platform found on the devices.
pub(crate) async fn detected_apps(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (fault, cursor) = match admit(&shared, "detectedApps", &headers, &query).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let detected = shared.detected_apps();
    let value = detected
        .apps
        .iter()
        .skip(cursor.offset)
        .take(cursor.top)
        .map(|app| {
            let catalogue = app.install.catalogue();
            json!({
                "id": app.id,
                "displayName": catalogue.name,
                "version": app.install.version_text(),
                "sizeInByte": app.install.app as u64 * 1_048_576 + 4096,
                "deviceCount": app.devices.len(),
                "publisher": catalogue.publisher,
                "platform": if app.apple { "ios" } else { "androidWorkProfile" },
            })
        })
        .collect();
    let body = page_body(
        &shared,
        "deviceManagement/detectedApps",
        "deviceManagement/detectedApps",
        &cursor,
        detected.apps.len(),
        value,
    );
    http::json_body(body, fault)
}

/// `GET deviceManagement/detectedApps/{id}/managedDevices`: the devices that have one app.
pub(crate) async fn detected_app_devices(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let admitted = admit(&shared, "detectedApps/managedDevices", &headers, &query).await;
    let (fault, cursor) = match admitted {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let detected = shared.detected_apps();
    let Some(app) = detected.apps.iter().find(|app| app.id == id) else {
        return http::error(
            Api::Graph,
            StatusCode::NOT_FOUND,
            &format!("Resource not found for the segment 'detectedApps' ({id})."),
        );
    };
    let selected: Option<Vec<&str>> = cursor
        .select
        .as_deref()
        .map(|s| s.split(',').map(str::trim).collect());
    let body = {
        let fleet = shared.fleet();
        let value = app
            .devices
            .iter()
            .skip(cursor.offset)
            .take(cursor.top)
            .filter_map(|position| fleet.enrolments().get(*position as usize))
            .map(|e| match selected.as_deref() {
                // What clients ask for here; building the whole record to keep its id would
                // make the emulator, not the client, the cost a benchmark measures.
                Some(["id"]) => Record(vec![("id", Field::Text(Cow::Borrowed(&e.vendor_id)))]),
                fields => select(managed_device(e, shared.withholds_ids()), fields),
            })
            .collect::<Vec<_>>();
        page_body(
            &shared,
            "deviceManagement/detectedApps('{id}')/managedDevices",
            &format!("deviceManagement/detectedApps/{id}/managedDevices"),
            &cursor,
            app.devices.len(),
            value,
        )
    };
    http::json_body(body, fault)
}

/// `lastSyncDateTime gt 2026-11-24T08:00:00Z` → the time; anything else is ignored.
fn parse_since(filter: &str) -> Option<DateTime<Utc>> {
    let rest = filter.trim().strip_prefix("lastSyncDateTime gt ")?;
    DateTime::parse_from_rfc3339(rest.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The fields of a record that `$select` asks for (all when it asks for none).
fn select<'a>(
    fields: impl IntoIterator<Item = (&'static str, Field<'a>)>,
    selected: Option<&[&str]>,
) -> Record<'a> {
    Record(
        fields
            .into_iter()
            .filter(|(name, _)| selected.is_none_or(|wanted| wanted.contains(name)))
            .collect(),
    )
}

// Records are written from typed fields rather than built as `serde_json::Value` maps: a
// page of 1,000 maps of 46 fields cost the emulator more CPU than the client spends reading
// it, which on a two-core machine is taken from the client being measured.

/// One record of a listing: its fields in order.
struct Record<'a>(Vec<(&'static str, Field<'a>)>);

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A field's value as JSON has it.
#[derive(Serialize)]
#[serde(untagged)]
enum Field<'a> {
    Text(Cow<'a, str>),
    Flag(bool),
    Number(u64),
    Null,
}

/// A managedDevice as Graph v1.0 lists it, untidy where real tenants are: IMEIs with spaces,
/// enum values in varying case, `0001-01-01` for "never", `jailBroken` as a string, empty
/// strings for userless devices, and now and then a record with no serial and no IMEI (a
/// personally owned work profile), half of those with the placeholder IMEI "0".
/// `withhold`: whether those records leave their identifiers out (see
/// [`crate::Emulator::reveal_identifiers`]).
fn managed_device(enrolment: &Enrolment, withhold: bool) -> [(&'static str, Field<'_>); 46] {
    let device = &enrolment.device;
    let n = enrolment.number;
    let no_identifiers = withhold && n % 4999 == 17;
    let imei = match (&device.imei, no_identifiers) {
        (Some(imei), false) if n.is_multiple_of(53) => spaced(imei.as_str()),
        (Some(imei), false) => imei.as_str().to_owned(),
        (_, true) if !n.is_multiple_of(2) => "0".to_owned(),
        _ => String::new(),
    };
    let serial = if no_identifiers {
        String::new()
    } else {
        device.serial.as_str().to_owned()
    };
    let compliance = match device.compliance {
        Compliance::Compliant if n.is_multiple_of(97) => "Compliant",
        Compliance::Compliant => "compliant",
        Compliance::Noncompliant => "noncompliant",
        Compliance::InGracePeriod => "inGracePeriod",
        Compliance::Unknown => "unknown",
    };
    let jailbroken = match (device.jailbroken, n.is_multiple_of(41)) {
        (true, _) => "True",
        (false, true) => "Unknown",
        (false, false) => "False",
    };
    let operating_system = match device.os {
        OsFamily::Ios => "iOS",
        OsFamily::Ipados => "iPadOS",
        OsFamily::Android => "Android",
        OsFamily::Windows => "Windows",
        OsFamily::Macos => "macOS",
        OsFamily::Other => "Linux",
    };
    let owner = match device.ownership {
        Ownership::Corporate => "company",
        Ownership::Personal => "personal",
        Ownership::Unknown => "unknown",
    };
    let enrolled = match device.enrolled_at {
        Some(_) if n.is_multiple_of(211) => NEVER.to_owned(),
        Some(at) => rfc3339(at),
        None => NEVER.to_owned(),
    };
    let email = device.user_email.as_deref().unwrap_or_default();
    // In alphabetical order: the order the JSON maps that built these records wrote them in.
    [
        (
            "androidSecurityPatchLevel",
            Field::Text(
                (if device.os == OsFamily::Android {
                    "2026-10-01"
                } else {
                    ""
                })
                .into(),
            ),
        ),
        (
            "azureADDeviceId",
            Field::Text(enrolment.vendor_id.chars().rev().collect::<String>().into()),
        ),
        ("azureADRegistered", Field::Flag(true)),
        (
            "complianceGracePeriodExpirationDateTime",
            Field::Text("9999-12-31T23:59:59Z".into()),
        ),
        ("complianceState", Field::Text(compliance.into())),
        (
            "deviceCategoryDisplayName",
            Field::Text(device.org_unit.as_deref().unwrap_or("Unknown").into()),
        ),
        ("deviceEnrollmentType", Field::Text("userEnrollment".into())),
        (
            "deviceName",
            Field::Text(format!("{}_{}", device.model.replace(' ', ""), n).into()),
        ),
        ("deviceRegistrationState", Field::Text("registered".into())),
        ("easActivated", Field::Flag(false)),
        ("easActivationDateTime", Field::Text(NEVER.into())),
        ("easDeviceId", Field::Text("".into())),
        ("emailAddress", Field::Text(email.into())),
        ("enrolledDateTime", Field::Text(enrolled.into())),
        ("ethernetMacAddress", Field::Null),
        ("exchangeAccessState", Field::Text("none".into())),
        (
            "exchangeLastSuccessfulSyncDateTime",
            Field::Text(NEVER.into()),
        ),
        (
            "freeStorageSpaceInBytes",
            Field::Number(64_424_509_440_u64 - u64::from(n % 1000) * 1_048_576),
        ),
        ("iccid", Field::Null),
        ("id", Field::Text(Cow::Borrowed(&enrolment.vendor_id))),
        ("imei", Field::Text(imei.into())),
        ("isEncrypted", Field::Flag(device.encrypted)),
        (
            "isSupervised",
            Field::Flag(matches!(device.os, OsFamily::Ios | OsFamily::Ipados)),
        ),
        ("jailBroken", Field::Text(jailbroken.into())),
        (
            "lastSyncDateTime",
            Field::Text(
                device
                    .last_check_in
                    .map_or_else(|| NEVER.to_owned(), rfc3339)
                    .into(),
            ),
        ),
        (
            "managedDeviceName",
            Field::Text(
                format!(
                    "{}_{}",
                    device
                        .user_name
                        .clone()
                        .unwrap_or_default()
                        .replace(' ', ""),
                    n
                )
                .into(),
            ),
        ),
        ("managedDeviceOwnerType", Field::Text(owner.into())),
        ("managementAgent", Field::Text("mdm".into())),
        (
            "manufacturer",
            Field::Text(Cow::Borrowed(&device.manufacturer)),
        ),
        ("meid", Field::Text("".into())),
        ("model", Field::Text(Cow::Borrowed(&device.model))),
        ("notes", Field::Null),
        ("operatingSystem", Field::Text(operating_system.into())),
        ("osVersion", Field::Text(Cow::Borrowed(&device.os_version))),
        ("partnerReportedThreatState", Field::Text("unknown".into())),
        ("phoneNumber", Field::Text("".into())),
        ("physicalMemoryInBytes", Field::Number(0)),
        ("remoteAssistanceSessionUrl", Field::Null),
        ("serialNumber", Field::Text(serial.into())),
        ("subscriberCarrier", Field::Text("".into())),
        (
            "totalStorageSpaceInBytes",
            Field::Number(128_849_018_880_u64),
        ),
        ("udid", Field::Null),
        (
            "userDisplayName",
            Field::Text(device.user_name.as_deref().unwrap_or_default().into()),
        ),
        (
            "userId",
            Field::Text(
                (if email.is_empty() {
                    String::new()
                } else {
                    format!("u-{n:08x}")
                })
                .into(),
            ),
        ),
        (
            "userPrincipalName",
            Field::Text(device.user_email.as_deref().unwrap_or_default().into()),
        ),
        (
            "wiFiMacAddress",
            Field::Text(format!("{:012x}", u64::from(n) * 7919).into()),
        ),
    ]
}

fn spaced(imei: &str) -> String {
    let (a, rest) = imei.split_at(imei.len().min(2));
    let (b, rest) = rest.split_at(rest.len().min(6));
    let (c, d) = rest.split_at(rest.len().min(6));
    format!("{a} {b} {c} {d}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_its_round_trip() {
        let cursor = Cursor {
            offset: 3000,
            top: 999,
            since: DateTime::from_timestamp(1_790_000_000, 0),
            select: Some("id,serialNumber".into()),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
    }

    #[test]
    fn only_a_last_sync_filter_is_understood() {
        assert!(parse_since("lastSyncDateTime gt 2026-11-24T08:00:00Z").is_some());
        assert_eq!(parse_since("operatingSystem eq 'iOS'"), None);
    }

    #[test]
    fn imeis_are_spaced_as_people_write_them() {
        assert_eq!(spaced("356938035643809"), "35 693803 564380 9");
    }
}
