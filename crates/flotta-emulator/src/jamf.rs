//! Jamf Pro: API-client OAuth tokens, the older basic-auth bearer token with keep-alive, and
//! `GET /api/v2/mobile-devices/detail` with 0-based `page`, `page-size`, repeated `section`
//! and an RSQL `filter` on `lastInventoryUpdateDate`. Jamf manages the Apple devices only.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use flotta_domain::{OsFamily, Ownership};
use serde::Serialize;
use serde_json::{Value, json};

use crate::Shared;
use crate::faults::Api;
use crate::fleet::Enrolment;
use crate::http::{self, rfc3339};

pub(crate) async fn oauth_token(
    State(shared): State<Arc<Shared>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    count_token(&shared);
    if let Err(response) = http::gate(&shared, Api::Jamf, "token").await {
        return response;
    }
    let expected = &shared.config.credentials;
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    if field("grant_type") != "client_credentials"
        || field("client_id") != expected.client_id
        || field("client_secret") != expected.client_secret
    {
        return http::oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
            None,
        );
    }
    let lifetime = shared.config.token_lifetime;
    axum::Json(json!({
        "access_token": shared.tokens.issue(lifetime),
        "scope": "api-role:1",
        "token_type": "Bearer",
        "expires_in": lifetime.as_secs(),
    }))
    .into_response()
}

pub(crate) async fn basic_token(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    count_token(&shared);
    if let Err(response) = http::gate(&shared, Api::Jamf, "token").await {
        return response;
    }
    let expected = &shared.config.credentials;
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|v| STANDARD.decode(v).ok())
        .and_then(|v| String::from_utf8(v).ok());
    if given.as_deref() != Some(&format!("{}:{}", expected.username, expected.password)) {
        return http::error(Api::Jamf, StatusCode::UNAUTHORIZED, "Unauthorized");
    }
    user_token(&shared)
}

pub(crate) async fn keep_alive(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    count_token(&shared);
    if let Err(response) = http::require_token(&shared, Api::Jamf, &headers) {
        return response;
    }
    // The old token is invalidated when a new one is issued.
    if let Some(old) = bearer(&headers) {
        shared.tokens.revoke(old);
    }
    user_token(&shared)
}

fn user_token(shared: &Shared) -> Response {
    let lifetime = shared.config.token_lifetime;
    let expires = Utc::now() + chrono::Duration::from_std(lifetime).unwrap_or_default();
    axum::Json(json!({
        "token": shared.tokens.issue(lifetime),
        "expires": expires.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    }))
    .into_response()
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn count_token(shared: &Shared) {
    shared
        .stats
        .token_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) async fn mobile_devices(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let fault = match http::gate(&shared, Api::Jamf, "mobile-devices").await {
        Ok(fault) => fault,
        Err(response) => return response,
    };
    if let Err(response) = http::require_token(&shared, Api::Jamf, &headers) {
        return response;
    }
    let listing = Listing::of(&query);
    let since = listing.param("filter").and_then(parse_since);
    let body = {
        let fleet = shared.fleet();
        let matching: Vec<&Enrolment> = fleet
            .enrolments()
            .iter()
            .filter(|e| matches!(e.device.os, OsFamily::Ios | OsFamily::Ipados))
            .filter(|e| since.is_none_or(|s| e.changed_at > s))
            .collect();
        let results: Vec<MobileDevice<'_>> = matching
            .iter()
            .skip(listing.page * listing.page_size)
            .take(listing.page_size)
            .map(|e| mobile_device(e, &listing.sections))
            .collect();
        serde_json::to_vec(&Listed {
            results,
            total_count: matching.len(),
        })
        .unwrap_or_default()
    };
    http::json_body(body, fault)
}

/// What a Jamf listing request asks: the page (from 0), its size — a size over 2000 is cut
/// to 2000, as Jamf does, not refused — and the sections.
struct Listing<'q> {
    query: &'q [(String, String)],
    page: usize,
    page_size: usize,
    sections: Vec<&'q str>,
}

impl<'q> Listing<'q> {
    fn of(query: &'q [(String, String)]) -> Self {
        let mut listing = Self {
            query,
            page: 0,
            page_size: 100,
            sections: query
                .iter()
                .filter(|(k, _)| k == "section")
                .map(|(_, v)| v.as_str())
                .collect(),
        };
        listing.page = listing
            .param("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        listing.page_size = listing
            .param("page-size")
            .and_then(|p| p.parse().ok())
            .unwrap_or(100)
            .clamp(1, 2000);
        listing
    }

    fn param(&self, name: &str) -> Option<&'q str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// `lastInventoryUpdateDate>"2026-11-24T08:00:00Z"` (RSQL) → the time.
fn parse_since(filter: &str) -> Option<DateTime<Utc>> {
    let rest = filter
        .strip_prefix("lastInventoryUpdateDate>")
        .or_else(|| filter.strip_prefix("lastInventoryUpdateDate=gt="))?;
    let value = rest.trim_matches(|c| c == '"' || c == '\'');
    DateTime::parse_from_rfc3339(value)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A mobile device's detail, with only the sections asked for (GENERAL when none).
fn mobile_device<'a>(enrolment: &'a Enrolment, sections: &[&str]) -> MobileDevice<'a> {
    let device = &enrolment.device;
    let n = enrolment.number;
    let wants = |section: &str| {
        sections.iter().any(|s| s.eq_ignore_ascii_case(section))
            || (sections.is_empty() && section == "GENERAL")
    };
    let ownership = match device.ownership {
        Ownership::Personal => "PersonalDeviceProfile",
        _ if n.is_multiple_of(7) => "AccountDrivenDeviceEnrollment",
        _ => "Institutional",
    };
    MobileDevice {
        applications: wants("APPLICATIONS").then(|| {
            crate::apps::installs(enrolment)
                .into_iter()
                .map(|install| {
                    let version = install.version_text();
                    let short = version
                        .rsplit_once('.')
                        .map_or(version.clone(), |(a, _)| a.to_owned());
                    let managed = install.catalogue().per_mille == 1000;
                    MobileApp {
                        bundle_size: (install.app as u64 * 1_048_576 + 4096).to_string(),
                        dynamic_size: "0",
                        identifier: install.identifier(device.os),
                        management_status: if managed { "Managed" } else { "Unmanaged" },
                        name: install.catalogue().name,
                        short_version: short,
                        validation_status: true,
                        version,
                    }
                })
                .collect()
        }),
        device_type: "iOS",
        general: wants("GENERAL").then(|| General {
            asset_tag: None,
            device_ownership_type: ownership,
            display_name: format!("{} {}", device.model, n),
            last_enrolled_date: device.enrolled_at.map(rfc3339),
            last_inventory_update_date: rfc3339(enrolment.changed_at),
            managed: true,
            os_build: "23B85",
            os_version: &device.os_version,
            shared_ipad: false,
            site_id: "-1",
            supervised: device.ownership == Ownership::Corporate,
            time_zone: "Europe/Stockholm",
            udid: enrolment.vendor_id.replace('-', "").to_uppercase(),
        }),
        hardware: wants("HARDWARE").then(|| Hardware {
            available_space_mb: 61_035,
            battery_level: 80,
            capacity_mb: 122_070,
            model: &device.model,
            model_identifier: "iPhone17,3",
            serial_number: device.serial.as_str(),
        }),
        mobile_device_id: n.to_string(),
        network: wants("NETWORK").then(|| Network {
            imei: device.imei.as_ref().map(|i| i.as_str()),
            phone_number: None,
        }),
        security: wants("SECURITY").then_some(Security {
            data_protected: device.encrypted,
            jail_break_detected: device.jailbroken,
            // An owner who reported the phone missing has had it put in lost mode.
            lost_mode_enabled: matches!(
                device.lifecycle,
                flotta_domain::Lifecycle::Lost | flotta_domain::Lifecycle::Stolen
            ),
            passcode_present: device.encrypted,
            // The fleet's non-compliant devices are so by their passcode, as Jamf sees it.
            passcode_compliant: device.compliance != flotta_domain::Compliance::Noncompliant,
        }),
        user_and_location: wants("USER_AND_LOCATION").then(|| UserAndLocation {
            building: None,
            department: device.org_unit.as_deref(),
            department_id: device.org_unit.as_ref().map(|_| "3"),
            email_address: device.user_email.as_deref(),
            real_name: device.user_name.as_deref(),
            username: device
                .user_email
                .as_deref()
                .and_then(|e| e.split('@').next()),
        }),
    }
}

// Mobile devices are written from typed records rather than `serde_json::Value` maps: a
// listing of 33,000 maps cost the emulator more CPU than the client spends reading it, which
// on a two-core machine is taken from the client being measured. Fields are declared in
// alphabetical order, the order the maps wrote them in.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Listed<T> {
    results: Vec<T>,
    total_count: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MobileDevice<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    applications: Option<Vec<MobileApp>>,
    device_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    general: Option<General<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hardware: Option<Hardware<'a>>,
    mobile_device_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    network: Option<Network<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    security: Option<Security>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_and_location: Option<UserAndLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MobileApp {
    bundle_size: String,
    dynamic_size: &'static str,
    identifier: &'static str,
    management_status: &'static str,
    name: &'static str,
    short_version: String,
    validation_status: bool,
    version: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct General<'a> {
    asset_tag: Option<&'static str>,
    device_ownership_type: &'static str,
    display_name: String,
    last_enrolled_date: Option<String>,
    last_inventory_update_date: String,
    managed: bool,
    os_build: &'static str,
    os_version: &'a str,
    shared_ipad: bool,
    site_id: &'static str,
    supervised: bool,
    time_zone: &'static str,
    udid: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Hardware<'a> {
    available_space_mb: u32,
    battery_level: u32,
    capacity_mb: u32,
    model: &'a str,
    model_identifier: &'static str,
    serial_number: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Network<'a> {
    imei: Option<&'a str>,
    phone_number: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Security {
    data_protected: bool,
    jail_break_detected: bool,
    lost_mode_enabled: bool,
    passcode_present: bool,
    passcode_compliant: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UserAndLocation<'a> {
    building: Option<&'static str>,
    department: Option<&'a str>,
    department_id: Option<&'static str>,
    email_address: Option<&'a str>,
    real_name: Option<&'a str>,
    username: Option<&'a str>,
}

/// `GET /api/v{N}/computers-inventory`: the Macs, for the API versions the emulated server
/// has (v1 up to [`crate::EmulatorConfig::jamf_computers_api`]); v4 renamed
/// `general.lastContactTime` to `general.lastContact`.
pub(crate) async fn computers(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(version): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let fault = match http::gate(&shared, Api::Jamf, "computers-inventory").await {
        Ok(fault) => fault,
        Err(response) => return response,
    };
    let newest = shared.config.jamf_computers_api;
    let Some(version) = version
        .strip_prefix('v')
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|v| (1..=newest).contains(v))
    else {
        return http::error(Api::Jamf, StatusCode::NOT_FOUND, "Not Found");
    };
    if let Err(response) = http::require_token(&shared, Api::Jamf, &headers) {
        return response;
    }
    let listing = Listing::of(&query);
    let since = listing.param("filter").and_then(|filter| {
        let rest = filter.strip_prefix("general.reportDate>")?;
        DateTime::parse_from_rfc3339(rest.trim_matches(|c| c == '"' || c == '\''))
            .ok()
            .map(|t| t.with_timezone(&Utc))
    });
    let body = {
        let fleet = shared.fleet();
        let matching: Vec<&Enrolment> = fleet
            .computers()
            .iter()
            .filter(|e| since.is_none_or(|s| e.changed_at > s))
            .collect();
        let results: Vec<Value> = matching
            .iter()
            .skip(listing.page * listing.page_size)
            .take(listing.page_size)
            .map(|e| computer(e, &listing.sections, version))
            .collect();
        serde_json::to_vec(&json!({ "totalCount": matching.len(), "results": results }))
            .unwrap_or_default()
    };
    http::json_body(body, fault)
}

fn computer(enrolment: &Enrolment, sections: &[&str], version: u8) -> Value {
    let device = &enrolment.device;
    let n = enrolment.number;
    let wants = |section: &str| {
        sections.iter().any(|s| s.eq_ignore_ascii_case(section))
            || (sections.is_empty() && section == "GENERAL")
    };
    let mut record = json!({
        "id": n.to_string(),
        "udid": enrolment.vendor_id.to_uppercase(),
    });
    if wants("GENERAL") {
        let contact = device.last_check_in.map(rfc3339);
        let mut general = json!({
            "name": format!("{}-{n}", device.model.split(' ').next().unwrap_or("Mac")),
            "reportDate": rfc3339(enrolment.changed_at),
            "lastEnrolledDate": device.enrolled_at.map(rfc3339),
            // Jamf sends the first enrolment as a bare date.
            "initialEntryDate": device.enrolled_at.map(|t| t.format("%Y-%m-%d").to_string()),
            "remoteManagement": { "managed": true, "managementUsername": "jamfadmin" },
            "supervised": true,
            "platform": "Mac",
            "site": { "id": "-1", "name": "None" },
        });
        if version >= 4 {
            general["lastContact"] = json!(contact);
            general["lastCheckIn"] = json!(contact);
        } else {
            general["lastContactTime"] = json!(contact);
        }
        record["general"] = general;
    }
    if wants("HARDWARE") {
        record["hardware"] = json!({
            "make": "Apple",
            "model": device.model,
            "modelIdentifier": crate::fleet::mac_model_identifier(&device.model),
            "serialNumber": device.serial.as_str(),
            "appleSilicon": true,
        });
    }
    if wants("OPERATING_SYSTEM") {
        record["operatingSystem"] = json!({
            "name": "macOS",
            "version": device.os_version,
            "build": "25B78",
            "fileVault2Status": if device.encrypted { "ALL_ENCRYPTED" } else { "NOT_ENCRYPTED" },
        });
    }
    if wants("USER_AND_LOCATION") {
        // Computers carry ids only (no department names), and `realname` in lower case.
        record["userAndLocation"] = json!({
            "username": device.user_email.as_deref().and_then(|e| e.split('@').next()),
            "realname": device.user_name,
            "email": device.user_email,
            "position": null,
            "departmentId": device.org_unit.as_ref().map(|_| "3"),
            "buildingId": null,
            "room": "",
        });
    }
    if wants("DISK_ENCRYPTION") {
        record["diskEncryption"] = json!({
            "bootPartitionEncryptionDetails": {
                "partitionName": "Macintosh HD (Boot Partition)",
                "partitionFileVault2State": if device.encrypted { "ENCRYPTED" } else { "UNENCRYPTED" },
                "partitionFileVault2Percent": if device.encrypted { 100 } else { 0 },
            },
            "individualRecoveryKeyValidityStatus": "VALID",
            "institutionalRecoveryKeyPresent": false,
        });
    }
    if wants("SECURITY") {
        record["security"] = json!({
            "sipStatus": "ENABLED",
            "gatekeeperStatus": "APP_STORE_AND_IDENTIFIED_DEVELOPERS",
            "firewallEnabled": true,
            "activationLockEnabled": false,
        });
    }
    if wants("APPLICATIONS") {
        let apps: Vec<Value> = crate::apps::installs(enrolment)
            .into_iter()
            .map(|install| {
                let name = install.catalogue().name;
                json!({
                    "name": format!("{name}.app"),
                    "path": format!("/Applications/{name}.app"),
                    "version": install.version_text(),
                    "macAppStore": install.catalogue().per_mille != 1000,
                    "sizeMegabytes": install.app * 3 + 20,
                    "bundleId": install.identifier(device.os),
                    "updateAvailable": false,
                    "externalVersionId": "0",
                })
            })
            .collect();
        record["applications"] = Value::Array(apps);
    }
    record
}
