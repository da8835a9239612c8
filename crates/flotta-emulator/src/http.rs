//! Routing, and what every request goes through: latency, faults, bearer tokens, and the
//! vendor-specific error bodies.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use crate::faults::{Api, Fault};
use crate::{Shared, graph, jamf, ws1};

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/login/{tenant}/oauth2/v2.0/token", post(graph::token))
        .route(
            "/graph/v1.0/deviceManagement/managedDevices",
            get(graph::managed_devices),
        )
        .route(
            "/graph/v1.0/deviceManagement/detectedApps",
            get(graph::detected_apps),
        )
        .route(
            "/graph/v1.0/deviceManagement/detectedApps/{id}/managedDevices",
            get(graph::detected_app_devices),
        )
        .route("/jamf/api/oauth/token", post(jamf::oauth_token))
        .route("/jamf/api/v1/auth/token", post(jamf::basic_token))
        .route("/jamf/api/v1/auth/keep-alive", post(jamf::keep_alive))
        .route(
            "/jamf/api/v2/mobile-devices/detail",
            get(jamf::mobile_devices),
        )
        .route(
            "/jamf/api/{version}/computers-inventory",
            get(jamf::computers),
        )
        .route("/ws1-auth/connect/token", post(ws1::token))
        .route("/ws1/API/mdm/devices/search", get(ws1::search))
        .route("/ws1/api/mdm/devices/search", get(ws1::search))
        .route("/ws1/API/mdm/devices/{id}/apps", get(ws1::device_apps))
        .route("/ws1/api/mdm/devices/{id}/apps", get(ws1::device_apps))
        .with_state(shared)
}

/// How a successful body is to be spoiled.
#[derive(Debug, Clone)]
pub(crate) enum BodyFault {
    DropMidBody,
    Truncated,
    Malformed,
    Html,
    /// The next-page link's origin replaced by this one.
    ForeignNextLink(String),
}

/// 65 MiB: one more than the client reads.
const OVERSIZED_BODY: usize = 65 << 20;

/// Runs the per-request part of the emulation before a handler builds its answer: latency,
/// then the next armed fault. `Err` is the answer to send instead.
pub(crate) async fn gate(
    shared: &Shared,
    api: Api,
    path: &str,
) -> Result<Option<BodyFault>, Response> {
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    let latency = shared.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let fault = shared.faults().next(api, path);
    match fault {
        None => Ok(None),
        Some(Fault::Slow(delay)) => {
            tokio::time::sleep(delay).await;
            Ok(None)
        }
        Some(Fault::AddDevices(count)) => {
            shared.fleet_mut().add(count, shared.config.now);
            Ok(None)
        }
        Some(Fault::RemoveDevices(count)) => {
            shared.fleet_mut().remove_last(count);
            Ok(None)
        }
        Some(Fault::ExpireTokens) => {
            shared.tokens.expire_all();
            Ok(None)
        }
        Some(Fault::TooManyRequests {
            retry_after_seconds,
        }) => Err(with_retry_after(
            error(api, StatusCode::TOO_MANY_REQUESTS, "too many requests"),
            Some(retry_after_seconds),
        )),
        Some(Fault::Unavailable {
            retry_after_seconds,
        }) => Err(with_retry_after(
            error(api, StatusCode::SERVICE_UNAVAILABLE, "service unavailable"),
            retry_after_seconds,
        )),
        Some(Fault::ServerError) => Err(error(
            api,
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal server error",
        )),
        Some(Fault::Forbidden) => Err(error(
            api,
            StatusCode::FORBIDDEN,
            "the application lacks the permission for this request",
        )),
        Some(Fault::Redirect(location)) => Err((
            StatusCode::TEMPORARY_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response()),
        Some(Fault::OversizedBody { announced }) => {
            let content_type = [(header::CONTENT_TYPE, "application/json")];
            Err(if announced {
                (content_type, vec![b' '; OVERSIZED_BODY]).into_response()
            } else {
                let chunks = (0..OVERSIZED_BODY >> 20)
                    .map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b' '; 1 << 20])));
                let body = Body::from_stream(futures_util::stream::iter(chunks));
                (content_type, body).into_response()
            })
        }
        Some(Fault::ForeignNextLink(origin)) => Ok(Some(BodyFault::ForeignNextLink(origin))),
        Some(Fault::DropMidBody) => Ok(Some(BodyFault::DropMidBody)),
        Some(Fault::TruncatedJson) => Ok(Some(BodyFault::Truncated)),
        Some(Fault::MalformedJson) => Ok(Some(BodyFault::Malformed)),
        Some(Fault::HtmlPage) => Ok(Some(BodyFault::Html)),
    }
}

/// Refuses a request without a valid bearer token, as the vendor does.
pub(crate) fn require_token(
    shared: &Shared,
    api: Api,
    headers: &HeaderMap,
) -> Result<(), Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    match token {
        Some(token) if shared.tokens.is_valid(token) => Ok(()),
        _ => Err(error(
            api,
            StatusCode::UNAUTHORIZED,
            "the access token is missing, invalid or expired",
        )),
    }
}

/// A JSON answer, spoiled as the armed fault says.
pub(crate) fn json_body(body: Vec<u8>, fault: Option<BodyFault>) -> Response {
    let content_type = [(header::CONTENT_TYPE, "application/json; charset=utf-8")];
    match fault {
        None => (content_type, body).into_response(),
        Some(BodyFault::Truncated) => {
            let half = body.len() / 2;
            (content_type, body[..half].to_vec()).into_response()
        }
        Some(BodyFault::Malformed) => (
            content_type,
            b"{\"value\": [{\"id\": \"0\",, <html>".to_vec(),
        )
            .into_response(),
        Some(BodyFault::Html) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Console</body></html>",
        )
            .into_response(),
        Some(BodyFault::ForeignNextLink(origin)) => {
            (content_type, foreign_next_link(body, &origin)).into_response()
        }
        Some(BodyFault::DropMidBody) => {
            let half = Bytes::from(body[..body.len() / 2].to_vec());
            let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
                Ok(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "emulated connection drop",
                )),
            ];
            (
                content_type,
                Body::from_stream(futures_util::stream::iter(chunks)),
            )
                .into_response()
        }
    }
}

/// The body with its `@odata.nextLink` moved to `origin` (path and query kept).
fn foreign_next_link(body: Vec<u8>, origin: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(&body);
    let key = "\"@odata.nextLink\":\"";
    let Some(start) = text.find(key).map(|at| at + key.len()) else {
        return body;
    };
    let Some(path) = text[start..].find("/graph/").map(|at| start + at) else {
        return body;
    };
    format!("{}{origin}{}", &text[..start], &text[path..]).into_bytes()
}

fn with_retry_after(mut response: Response, seconds: Option<u32>) -> Response {
    if let Some(seconds) = seconds {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The vendor's error envelope for a failed API call.
pub(crate) fn error(api: Api, status: StatusCode, message: &str) -> Response {
    let body = match api {
        Api::Graph => json!({
            "error": {
                "code": graph_error_code(status),
                "message": message,
                "innerError": {
                    "request-id": "00000000-0000-0000-0000-000000000000",
                    "date": "2026-11-25T00:00:00",
                    "innerError": { "client-request-id": "00000000-0000-0000-0000-000000000000" }
                }
            }
        }),
        Api::Jamf => json!({
            "httpStatus": status.as_u16(),
            "errors": [{ "code": status.canonical_reason().unwrap_or("ERROR").to_uppercase().replace(' ', "_"), "field": null, "description": message, "id": "0" }]
        }),
        Api::WorkspaceOne => json!({
            "errorCode": ws1_error_code(status),
            "message": message,
            "activityId": "9f3c1a2b-0000-4000-8000-000000000000"
        }),
    };
    (status, axum::Json(body)).into_response()
}

fn graph_error_code(status: StatusCode) -> &'static str {
    match status {
        StatusCode::UNAUTHORIZED => "InvalidAuthenticationToken",
        StatusCode::FORBIDDEN => "Forbidden",
        StatusCode::TOO_MANY_REQUESTS => "TooManyRequests",
        StatusCode::SERVICE_UNAVAILABLE => "serviceNotAvailable",
        StatusCode::BAD_REQUEST => "BadRequest",
        _ => "InternalServerError",
    }
}

fn ws1_error_code(status: StatusCode) -> u32 {
    match status {
        StatusCode::UNAUTHORIZED => 1005,
        StatusCode::FORBIDDEN => 1013,
        _ => 1000,
    }
}

/// An OAuth 2.0 token endpoint's error (RFC 6749 §5.2), as all three vendors' identity
/// services answer.
pub(crate) fn oauth_error(
    status: StatusCode,
    error: &str,
    description: &str,
    code: Option<u32>,
) -> Response {
    let mut body = json!({ "error": error, "error_description": description });
    if let Some(code) = code {
        body["error_codes"] = json!([code]);
        body["trace_id"] = json!("00000000-0000-0000-0000-000000000000");
        body["correlation_id"] = json!("00000000-0000-0000-0000-000000000000");
    }
    (status, axum::Json(body)).into_response()
}

/// A successful client-credentials token answer.
pub(crate) fn token_body(shared: &Shared) -> Response {
    let lifetime = shared.config.token_lifetime;
    let token = shared.tokens.issue(lifetime);
    axum::Json(json!({
        "token_type": "Bearer",
        "expires_in": lifetime.as_secs(),
        "access_token": token,
    }))
    .into_response()
}

pub(crate) fn rfc3339(time: chrono::DateTime<chrono::Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
