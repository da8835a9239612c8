//! Workspace ONE UEM: the regional OAuth token URL, basic auth with `aw-tenant-code` for older
//! tenants, and `GET /API/mdm/devices/search` with 0-based `page` and `pagesize`, PascalCase
//! fields, nested ids, zone-less timestamps, and 204 with no body past the last page; and
//! `GET /API/mdm/devices/{id}/apps`, one device's apps.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, NaiveDateTime, Utc};
use flotta_domain::{Compliance, OsFamily, Ownership};
use serde::Serialize;

use crate::Shared;
use crate::faults::Api;
use crate::fleet::Enrolment;
use crate::http;

const NEVER: &str = "0001-01-01T00:00:00.000";

pub(crate) async fn token(
    State(shared): State<Arc<Shared>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    shared
        .stats
        .token_requests
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Err(response) = http::gate(&shared, Api::WorkspaceOne, "token").await {
        return response;
    }
    let expected = &shared.config.credentials;
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    if field("client_id") != expected.client_id || field("client_secret") != expected.client_secret
    {
        return http::oauth_error(StatusCode::BAD_REQUEST, "invalid_client", "", None);
    }
    http::token_body(&shared)
}

/// Bearer tokens need no tenant code; basic auth needs the right user, password and code.
fn authorise(shared: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if authorization.starts_with("Bearer ") {
        return http::require_token(shared, Api::WorkspaceOne, headers);
    }
    let expected = &shared.config.credentials;
    let user = authorization
        .strip_prefix("Basic ")
        .and_then(|v| STANDARD.decode(v).ok())
        .and_then(|v| String::from_utf8(v).ok());
    if user.as_deref() != Some(&format!("{}:{}", expected.username, expected.password)) {
        return Err(http::error(
            Api::WorkspaceOne,
            StatusCode::UNAUTHORIZED,
            "User credentials are invalid.",
        ));
    }
    let code = headers.get("aw-tenant-code").and_then(|v| v.to_str().ok());
    if code != Some(expected.tenant_code.as_str()) {
        return Err(http::error(
            Api::WorkspaceOne,
            StatusCode::FORBIDDEN,
            "Tenant code does not identify an Organization Group.",
        ));
    }
    Ok(())
}

pub(crate) async fn search(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let fault = match http::gate(&shared, Api::WorkspaceOne, "devices/search").await {
        Ok(fault) => fault,
        Err(response) => return response,
    };
    if let Err(response) = authorise(&shared, &headers) {
        return response;
    }
    let param = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let page: usize = param("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let page_size: usize = param("pagesize")
        .and_then(|p| p.parse().ok())
        .unwrap_or(500);
    let since = param("seensince").and_then(parse_time);
    let body = {
        let fleet = shared.fleet();
        let matching: Vec<&Enrolment> = fleet
            .enrolments()
            .iter()
            .filter(|e| since.is_none_or(|s| e.device.last_check_in.is_some_and(|seen| seen > s)))
            .collect();
        let devices: Vec<SearchDevice<'_>> = matching
            .iter()
            .skip(page * page_size)
            .take(page_size)
            .map(|e| search_device(e))
            .collect();
        if devices.is_empty() {
            // Past the last page (or nothing at all): no content, no body.
            return StatusCode::NO_CONTENT.into_response();
        }
        serde_json::to_vec(&SearchPage {
            devices,
            page,
            page_size,
            total: matching.len(),
        })
        .unwrap_or_default()
    };
    http::json_body(body, fault)
}

/// `GET /API/mdm/devices/{id}/apps`: one device's apps, paged like the device search.
pub(crate) async fn device_apps(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let fault = match http::gate(&shared, Api::WorkspaceOne, "apps").await {
        Ok(fault) => fault,
        Err(response) => return response,
    };
    if let Err(response) = authorise(&shared, &headers) {
        return response;
    }
    let page: usize = query.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let page_size: usize = query
        .get("pagesize")
        .and_then(|p| p.parse().ok())
        .unwrap_or(500)
        .max(1);
    let body = {
        let fleet = shared.fleet();
        let Some(enrolment) = id.parse().ok().and_then(|n| fleet.by_number(n)) else {
            return http::error(Api::WorkspaceOne, StatusCode::NOT_FOUND, "Device not found");
        };
        let os = enrolment.device.os;
        let installs = crate::apps::installs(enrolment);
        let apps: Vec<DeviceApp> = installs
            .iter()
            .skip(page * page_size)
            .take(page_size)
            .map(|install| {
                let internal = install.catalogue().per_mille == 1000;
                let version = install.version_text();
                DeviceApp {
                    application_identifier: install.identifier(os),
                    application_name: install.catalogue().name,
                    build_version: version.clone(),
                    is_managed: internal,
                    size: (install.app as u64 * 1024 + 4).to_string(),
                    status: "Installed",
                    kind: if internal { "Internal" } else { "Public" },
                    version,
                }
            })
            .collect();
        serde_json::to_vec(&AppsPage {
            device_apps: apps,
            page,
            page_size,
            total: installs.len(),
        })
        .unwrap_or_default()
    };
    http::json_body(body, fault)
}

/// `seensince` as integrators send it: `2026-11-24T08:00:00` (no zone) or RFC 3339.
fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|t| t.and_utc())
        })
}

fn zoneless(time: Option<DateTime<Utc>>) -> String {
    time.map_or_else(
        || NEVER.to_owned(),
        |t| t.format("%Y-%m-%dT%H:%M:%S%.3f").to_string(),
    )
}

fn search_device<'a>(enrolment: &'a Enrolment) -> SearchDevice<'a> {
    let device = &enrolment.device;
    let n = enrolment.number;
    let (platform, platform_id) = match device.os {
        OsFamily::Ios | OsFamily::Ipados => ("Apple", 2),
        OsFamily::Android => ("Android", 5),
        OsFamily::Windows => ("WinRT", 12),
        OsFamily::Macos => ("AppleOsX", 10),
        OsFamily::Other => ("Linux", 21),
    };
    let ownership = match device.ownership {
        Ownership::Corporate => "C",
        Ownership::Personal => "E",
        Ownership::Unknown => "Undefined",
    };
    let compliance = match device.compliance {
        // The compliance check runs on a schedule; a jailbreak found since is reported as
        // compromised while the last check still says compliant.
        _ if device.jailbroken && n.is_multiple_of(2) => "Compliant",
        Compliance::Compliant => "Compliant",
        Compliance::Noncompliant => "NonCompliant",
        Compliance::InGracePeriod => "InGracePeriod",
        Compliance::Unknown => "NotAvailable",
    };
    let org_unit = device.org_unit.as_deref().unwrap_or("Exempelstad");
    let named = |id: u32, name: &'a str| Named {
        id: IdValue { value: id },
        name,
    };
    SearchDevice {
        asset_number: format!("{n:08}"),
        compliance_status: compliance,
        // Older agents do not report compromise at all.
        compromised_status: (!n.is_multiple_of(13)).then_some(device.jailbroken),
        data_protection_status: u8::from(device.encrypted),
        device_friendly_name: format!(
            "{} {}",
            device.user_name.as_deref().unwrap_or("Delad"),
            device.model
        ),
        enrollment_status: "Enrolled",
        id: IdValue { value: n },
        imei: device.imei.as_ref().map_or("", |i| i.as_str()),
        is_supervised: false,
        last_compliance_check_on: zoneless(device.last_check_in),
        last_enrolled_on: zoneless(device.enrolled_at),
        last_seen: zoneless(device.last_check_in),
        location_group_id: LocationGroup {
            id: IdValue { value: 570 },
            name: org_unit,
            uuid: "1b6ba9a0-0000-4000-8000-000000000570",
        },
        location_group_name: org_unit,
        mac_address: format!("{:012X}", u64::from(n) * 7919),
        managed_by: 1,
        model: &device.model,
        model_id: named(1, &device.model),
        oem_info: ws1_maker(&device.manufacturer),
        operating_system: &device.os_version,
        ownership,
        platform,
        platform_id: named(platform_id, platform),
        serial_number: device.serial.as_str(),
        udid: enrolment.vendor_id.replace('-', ""),
        user_email_address: device.user_email.as_deref().unwrap_or(""),
        user_id: User {
            id: IdValue { value: n + 100_000 },
            name: device.user_name.as_deref(),
            uuid: None,
        },
        user_name: device
            .user_email
            .as_deref()
            .and_then(|e| e.split('@').next())
            .unwrap_or(""),
        uuid: &enrolment.vendor_id,
    }
}

// The records are typed rather than built as `serde_json::Value` maps: a page of 1,000 maps
// cost the emulator more CPU than the client spends reading it, which on a two-core machine
// is time taken from the client being measured. Fields are declared in alphabetical order,
// the order the maps wrote them in.

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SearchPage<'a> {
    devices: Vec<SearchDevice<'a>>,
    page: usize,
    page_size: usize,
    total: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SearchDevice<'a> {
    asset_number: String,
    compliance_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    compromised_status: Option<bool>,
    data_protection_status: u8,
    device_friendly_name: String,
    enrollment_status: &'static str,
    id: IdValue,
    imei: &'a str,
    is_supervised: bool,
    last_compliance_check_on: String,
    last_enrolled_on: String,
    last_seen: String,
    location_group_id: LocationGroup<'a>,
    location_group_name: &'a str,
    mac_address: String,
    managed_by: u8,
    model: &'a str,
    model_id: Named<'a>,
    #[serde(rename = "OEMInfo")]
    oem_info: &'a str,
    operating_system: &'a str,
    ownership: &'static str,
    platform: &'static str,
    platform_id: Named<'a>,
    serial_number: &'a str,
    udid: String,
    user_email_address: &'a str,
    user_id: User<'a>,
    user_name: &'a str,
    uuid: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct IdValue {
    value: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Named<'a> {
    id: IdValue,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct LocationGroup<'a> {
    id: IdValue,
    name: &'a str,
    uuid: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct User<'a> {
    id: IdValue,
    name: Option<&'a str>,
    uuid: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct AppsPage {
    device_apps: Vec<DeviceApp>,
    page: usize,
    page_size: usize,
    total: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DeviceApp {
    application_identifier: &'static str,
    application_name: &'static str,
    build_version: String,
    is_managed: bool,
    size: String,
    status: &'static str,
    #[serde(rename = "Type")]
    kind: &'static str,
    version: String,
}

/// Workspace ONE names makers as the device reports them: "Apple Inc." and a lower-case
/// "samsung" where Intune says "Apple" and "Samsung".
fn ws1_maker(manufacturer: &str) -> &str {
    match manufacturer {
        "Apple" => "Apple Inc.",
        "Samsung" => "samsung",
        other => other,
    }
}
