//! Every request to a vendor goes through here: bounded concurrency, bearer tokens fetched
//! once and refreshed once when they expire mid-sync, `Retry-After` on 429/503, exponential
//! back-off with jitter on other transient failures, and errors that say precisely what failed.
//!
//! Credentials go only where the connection was configured to send them: API requests only to
//! the scheme, host and port of the base URL (a link in an answer that points elsewhere is
//! refused before anything is sent), token requests only to the token URL, and no redirect is
//! followed — reqwest would otherwise re-post a token request's body, the client secret, to
//! wherever a 307 points.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use reqwest::{RequestBuilder, StatusCode, header};
use tokio::sync::{Mutex, Semaphore};

use crate::error::{SyncError, display_url};
use crate::limits::{MAX_BODY_BYTES, MAX_TOKEN_LIFETIME};
use crate::secret::Secret;

/// How hard to retry. Tests shorten the delays; the defaults suit cloud tenants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts per request, the first included.
    pub attempts: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// A `Retry-After` longer than this is cut to it, so a sync cannot stall for hours.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 6,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// Exponential back-off with full jitter: a random wait up to base × 2^attempt.
    fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = self
            .base_delay
            .saturating_mul(1 << attempt.min(16))
            .min(self.max_delay);
        ceiling.mul_f64(0.5 + fastrand::f64() / 2.0)
    }
}

/// How a bearer token is obtained.
#[derive(Debug, Clone)]
pub(crate) enum SignIn {
    /// OAuth 2.0 client credentials: a form posted to `url`.
    ClientCredentials {
        url: String,
        client_id: String,
        secret: Secret,
        scope: Option<String>,
    },
    /// Jamf Pro's user token: basic auth exchanged at `url`, renewed at `keep_alive_url`.
    JamfUser {
        url: String,
        keep_alive_url: String,
        user: String,
        secret: Secret,
    },
    /// No token: basic auth and a tenant code on every request (older Workspace ONE tenants).
    BasicEveryRequest { user: String, secret: Secret },
}

#[derive(Debug)]
struct Token {
    value: Secret,
    expires: Instant,
}

/// A body that arrived, or no content (204).
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
}

#[derive(Debug)]
pub(crate) struct Api {
    client: reqwest::Client,
    limit: Arc<Semaphore>,
    retry: RetryPolicy,
    sign_in: SignIn,
    token: Mutex<Option<Token>>,
    /// Extra headers every API request carries (Workspace ONE's `aw-tenant-code`, an API key).
    headers: Vec<(&'static str, Secret)>,
    /// Where API requests may go: the connection's base URL (only its origin counts).
    base: reqwest::Url,
}

/// The one HTTP client of the process, shared by every connection: building one loads the
/// system's root certificates (~50 ms of CPU, which every sync and connection test paid
/// before), and its pool keeps connections to a tenant open from one request to the next.
/// Each connection bounds its own concurrency with a semaphore.
fn shared_client() -> Result<reqwest::Client, SyncError> {
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .user_agent(concat!("Flotta/", env!("CARGO_PKG_VERSION")))
                .connect_timeout(Duration::from_secs(15))
                .timeout(Duration::from_secs(180))
                .pool_max_idle_per_host(flotta_domain::MAX_CONCURRENCY as usize)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|error| error.to_string())
        })
        .clone()
        .map_err(|error| SyncError::Network {
            url: String::new(),
            detail: format!("the HTTP client could not start: {error}"),
        })
}

/// Prepares the shared HTTP client ahead of the first sync, so that sync does not wait for
/// it. Call from a thread that may block.
pub fn warm_up() {
    if let Err(error) = shared_client() {
        tracing::warn!(%error, "preparing the HTTP client");
    }
}

impl Api {
    pub(crate) fn new(
        base: &str,
        sign_in: SignIn,
        concurrency: u32,
        retry: RetryPolicy,
        headers: Vec<(&'static str, Secret)>,
    ) -> Result<Self, SyncError> {
        let client = shared_client()?;
        let base = reqwest::Url::parse(base).map_err(|error| SyncError::Network {
            url: display_url(base),
            detail: format!("the base URL cannot be read: {error}"),
        })?;
        Ok(Self {
            base,
            client,
            limit: Arc::new(Semaphore::new(concurrency.max(1) as usize)),
            retry,
            sign_in,
            token: Mutex::new(None),
            headers,
        })
    }

    /// Makes sure a valid token is at hand (the "signing in" step of a sync or a test).
    pub(crate) async fn sign_in(&self) -> Result<(), SyncError> {
        self.bearer(None).await.map(|_| ())
    }

    /// GET `url` and read the body with `parse`; a body that cannot be read is fetched again
    /// (a proxy may have cut it), and after the last attempt the error names `what`.
    pub(crate) async fn get<T>(
        &self,
        url: &str,
        what: &str,
        parse: impl Fn(Answer) -> Result<T, String>,
    ) -> Result<T, SyncError> {
        self.get_answer(url, what, false, parse).await
    }

    /// Like [`Api::get`], but a 404 is an answer (`None`) rather than an error: a device
    /// retired between the listing and a request about it is not a failed sync.
    pub(crate) async fn get_if_found<T>(
        &self,
        url: &str,
        what: &str,
        parse: impl Fn(Answer) -> Result<T, String>,
    ) -> Result<Option<T>, SyncError> {
        self.get_answer(url, what, true, |answer| {
            if answer.status == StatusCode::NOT_FOUND {
                Ok(None)
            } else {
                parse(answer).map(Some)
            }
        })
        .await
    }

    async fn get_answer<T>(
        &self,
        url: &str,
        what: &str,
        not_found_is_an_answer: bool,
        parse: impl Fn(Answer) -> Result<T, String>,
    ) -> Result<T, SyncError> {
        self.check_origin(url, what)?;
        let mut last_problem = String::new();
        let mut last_kind = None;
        for attempt in 0..self.retry.attempts {
            let answer = self.send_get(url, not_found_is_an_answer).await?;
            last_kind = not_json(&answer.body);
            match parse(answer) {
                Ok(value) => return Ok(value),
                Err(problem) => {
                    tracing::warn!(url = %display_url(url), %problem, attempt, "unreadable answer, fetching again");
                    last_problem = problem;
                    tokio::time::sleep(self.retry.backoff(attempt)).await;
                }
            }
        }
        Err(match last_kind {
            Some(kind) => SyncError::NotAnApiAnswer {
                url: display_url(url),
                what: what.to_owned(),
                kind,
                detail: last_problem,
            },
            None => SyncError::InvalidResponse {
                url: display_url(url),
                what: what.to_owned(),
                detail: last_problem,
            },
        })
    }

    /// Refuses a URL outside the connection's origin before any credential is attached: the
    /// URLs of later pages come from the vendor's answers.
    fn check_origin(&self, url: &str, what: &str) -> Result<(), SyncError> {
        let same = reqwest::Url::parse(url).is_ok_and(|url| url.origin() == self.base.origin());
        if same {
            return Ok(());
        }
        Err(SyncError::InvalidResponse {
            url: display_url(url),
            what: what.to_owned(),
            detail: format!(
                "the link to it points to another server than the connection's ({}); Flotta \
                 sends the connection's credentials only there",
                self.base.origin().ascii_serialization()
            ),
        })
    }

    async fn send_get(&self, url: &str, not_found_is_an_answer: bool) -> Result<Answer, SyncError> {
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            let permit = self.limit.acquire().await;
            let mut request = self
                .client
                .get(url)
                .header(header::ACCEPT, "application/json");
            for (name, value) in &self.headers {
                request = request.header(*name, value.expose());
            }
            let (authorised, used) = self.authorise(request).await?;
            request = authorised;
            let outcome = read(request).await;
            drop(permit);
            let wait = match outcome {
                Ok(answer) if answer.status.is_success() => return Ok(answer.into()),
                Ok(answer) if not_found_is_an_answer && answer.status == StatusCode::NOT_FOUND => {
                    return Ok(answer.into());
                }
                Ok(answer) if answer.status.is_redirection() => {
                    return Err(redirected(url, &answer));
                }
                Ok(answer) if answer.status == StatusCode::UNAUTHORIZED && !refreshed => {
                    // The token expired mid-sync: one new token, then the same request again.
                    refreshed = true;
                    self.bearer(Some(&used)).await?;
                    continue;
                }
                Ok(answer) if answer.status == StatusCode::UNAUTHORIZED => {
                    return Err(SyncError::SignInRejected {
                        url: display_url(url),
                        detail: vendor_detail(&answer),
                    });
                }
                Ok(answer) if answer.status == StatusCode::FORBIDDEN => {
                    return Err(SyncError::PermissionMissing {
                        url: display_url(url),
                        detail: vendor_detail(&answer),
                    });
                }
                Ok(answer) if is_transient(answer.status) => {
                    if attempt + 1 >= self.retry.attempts {
                        return Err(SyncError::Unavailable {
                            url: display_url(url),
                            attempts: attempt + 1,
                            last: format!("{} {}", answer.status, vendor_detail(&answer)),
                        });
                    }
                    answer.retry_after.map_or_else(
                        || self.retry.backoff(attempt),
                        |after| after.min(self.retry.max_retry_after),
                    )
                }
                Ok(answer) => {
                    return Err(SyncError::InvalidResponse {
                        url: display_url(url),
                        what: "the answer".into(),
                        detail: format!("HTTP {}: {}", answer.status, vendor_detail(&answer)),
                    });
                }
                Err(failure) => {
                    if failure.permanent || attempt + 1 >= self.retry.attempts {
                        return Err(failure.into_error(url));
                    }
                    self.retry.backoff(attempt)
                }
            };
            tracing::debug!(url = %display_url(url), ?wait, attempt, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Adds the credentials; returns the token used (empty for basic auth).
    async fn authorise(
        &self,
        request: RequestBuilder,
    ) -> Result<(RequestBuilder, Secret), SyncError> {
        Ok(match &self.sign_in {
            SignIn::BasicEveryRequest { user, secret, .. } => (
                request.basic_auth(user, Some(secret.expose())),
                Secret::new(""),
            ),
            _ => {
                let token = self.bearer(None).await?;
                (request.bearer_auth(token.expose()), token)
            }
        })
    }

    /// The current token, or a new one when there is none, it is about to expire, or it is
    /// the one the vendor just `rejected`. Concurrent requests rejected with the same token
    /// share one new token: the first asks for it, the others find it in place.
    async fn bearer(&self, rejected: Option<&Secret>) -> Result<Secret, SyncError> {
        let mut token = self.token.lock().await;
        if let Some(current) = token.as_ref()
            && rejected.is_none_or(|rejected| *rejected != current.value)
            && current.expires > Instant::now() + Duration::from_secs(60)
        {
            return Ok(current.value.clone());
        }
        if let SignIn::BasicEveryRequest { .. } = self.sign_in {
            return Ok(Secret::new(""));
        }
        let fresh = self
            .request_token(token.as_ref().map(|t| t.value.expose()))
            .await?;
        let value = fresh.value.clone();
        *token = Some(fresh);
        Ok(value)
    }

    async fn request_token(&self, previous: Option<&str>) -> Result<Token, SyncError> {
        let mut attempt = 0;
        loop {
            let (url, request) = match &self.sign_in {
                SignIn::ClientCredentials {
                    url,
                    client_id,
                    secret,
                    scope,
                } => {
                    let mut form = vec![
                        ("grant_type", "client_credentials"),
                        ("client_id", client_id.as_str()),
                        ("client_secret", secret.expose()),
                    ];
                    if let Some(scope) = scope {
                        form.push(("scope", scope.as_str()));
                    }
                    (url, self.client.post(url).form(&form))
                }
                SignIn::JamfUser {
                    url,
                    keep_alive_url,
                    user,
                    secret,
                } => match previous {
                    // A user token is renewed with keep-alive while it is still valid.
                    Some(previous) if attempt == 0 => (
                        keep_alive_url,
                        self.client.post(keep_alive_url).bearer_auth(previous),
                    ),
                    _ => (
                        url,
                        self.client
                            .post(url)
                            .basic_auth(user, Some(secret.expose())),
                    ),
                },
                SignIn::BasicEveryRequest { .. } => {
                    return Ok(Token {
                        value: Secret::new(""),
                        expires: Instant::now() + MAX_TOKEN_LIFETIME,
                    });
                }
            };
            let request = request.header(header::ACCEPT, "application/json");
            match read(request).await {
                Ok(answer) if answer.status.is_success() => return parse_token(url, &answer),
                Ok(answer) if answer.status.is_redirection() => {
                    return Err(redirected(url, &answer));
                }
                Ok(answer) if is_transient(answer.status) && attempt + 1 < self.retry.attempts => {
                    let wait = answer.retry_after.map_or_else(
                        || self.retry.backoff(attempt),
                        |a| a.min(self.retry.max_retry_after),
                    );
                    tokio::time::sleep(wait).await;
                }
                // An expired user token cannot be kept alive; sign in again with the password.
                Ok(answer)
                    if answer.status == StatusCode::UNAUTHORIZED
                        && matches!(self.sign_in, SignIn::JamfUser { .. })
                        && previous.is_some()
                        && attempt == 0 => {}
                Ok(answer) => return Err(token_error(url, &answer)),
                Err(failure) => {
                    if failure.permanent || attempt + 1 >= self.retry.attempts {
                        return Err(failure.into_error(url));
                    }
                    tokio::time::sleep(self.retry.backoff(attempt)).await;
                }
            }
            attempt += 1;
        }
    }
}

/// What a body is when it is not JSON at all, judged by its first character: JSON opens with
/// `{` or `[` (a cut-off JSON answer still does), a web page with `<`. `None` for JSON and
/// for an empty body.
fn not_json(body: &[u8]) -> Option<&'static str> {
    let text = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    match text.iter().find(|byte| !byte.is_ascii_whitespace())? {
        b'{' | b'[' => None,
        b'<' => Some("a web page (HTML)"),
        _ => Some("text that is not JSON"),
    }
}

fn is_transient(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// A request that got no complete answer.
struct Failure {
    detail: String,
    tls: bool,
    connect: bool,
    /// The body went past [`MAX_BODY_BYTES`].
    too_large: bool,
    /// Retrying cannot help (a TLS failure, an answer too large).
    permanent: bool,
}

impl Failure {
    fn too_large(size: Option<u64>) -> Self {
        let size = size.map_or_else(String::new, |size| format!(" ({size} bytes)"));
        Failure {
            detail: format!(
                "the answer is larger than {} MiB{size}, more than any page of devices",
                MAX_BODY_BYTES >> 20
            ),
            tls: false,
            connect: false,
            too_large: true,
            permanent: true,
        }
    }

    fn into_error(self, url: &str) -> SyncError {
        let url = display_url(url);
        if self.too_large {
            SyncError::InvalidResponse {
                url,
                what: "the answer".into(),
                detail: self.detail,
            }
        } else if self.tls {
            SyncError::Tls {
                url,
                detail: self.detail,
            }
        } else if self.connect {
            SyncError::Network {
                url,
                detail: self.detail,
            }
        } else {
            SyncError::Network {
                url,
                detail: format!("the connection broke off: {}", self.detail),
            }
        }
    }
}

/// Sends and reads the whole body, so a connection dropped mid-body is a failure here too.
/// A body larger than [`MAX_BODY_BYTES`] is refused by its `Content-Length`, or while it is
/// read when it has none.
async fn read(request: RequestBuilder) -> Result<AnswerWithHeaders, Failure> {
    let mut response = request.send().await.map_err(failure)?;
    let status = response.status();
    let header_text = |name| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let retry_after = header_text(header::RETRY_AFTER)
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let location = header_text(header::LOCATION);
    if let Some(size) = response.content_length()
        && size > MAX_BODY_BYTES as u64
    {
        return Err(Failure::too_large(Some(size)));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failure)? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(Failure::too_large(None));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(AnswerWithHeaders {
        status,
        body,
        retry_after,
        location,
    })
}

#[derive(Debug)]
struct AnswerWithHeaders {
    status: StatusCode,
    body: Vec<u8>,
    retry_after: Option<Duration>,
    location: Option<String>,
}

/// A redirect, which Flotta never follows: the credentials would go with it.
fn redirected(url: &str, answer: &AnswerWithHeaders) -> SyncError {
    let target = answer
        .location
        .as_deref()
        .map_or_else(|| "elsewhere".to_owned(), display_url);
    SyncError::InvalidResponse {
        url: display_url(url),
        what: "the answer".into(),
        detail: format!(
            "HTTP {}: a redirect to {target}. Flotta follows no redirects, so that \
             credentials go only to the configured address; if that is where the service \
             now lives, enter it in the connection",
            answer.status
        ),
    }
}

impl From<AnswerWithHeaders> for Answer {
    fn from(answer: AnswerWithHeaders) -> Self {
        Self {
            status: answer.status,
            body: answer.body,
        }
    }
}

fn failure(error: reqwest::Error) -> Failure {
    // Without the URL: it may carry a query (a skip token), and the caller names the URL.
    let error = error.without_url();
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !detail.contains(&text) {
            detail.push_str(": ");
            detail.push_str(&text);
        }
        source = cause.source();
    }
    // reqwest does not type TLS failures; the OS TLS library's messages name them.
    let lower = detail.to_lowercase();
    let tls = ["certificate", "tls", "ssl", "handshake"]
        .iter()
        .any(|word| lower.contains(word));
    Failure {
        connect: error.is_connect() || error.is_timeout(),
        permanent: tls,
        tls,
        too_large: false,
        detail,
    }
}

/// The vendor's own words from an error body: Graph's `error.message`, Jamf's
/// `errors[0].description`, Workspace ONE's `message`, OAuth's `error_description`.
fn vendor_detail(answer: &AnswerWithHeaders) -> String {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&answer.body) else {
        let text = String::from_utf8_lossy(&answer.body);
        return text.chars().take(200).collect();
    };
    let text = [
        "/error_description",
        "/error/message",
        "/errors/0/description",
        "/message",
        "/error",
    ]
    .iter()
    .find_map(|pointer| {
        json.pointer(pointer)
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
    })
    .unwrap_or_default();
    text.chars().take(300).collect()
}

/// Why a token was refused, in the categories the user can act on.
fn token_error(url: &str, answer: &AnswerWithHeaders) -> SyncError {
    let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    let error = json
        .get("error")
        .and_then(|e| e.as_str())
        .unwrap_or_default();
    let codes: Vec<i64> = json
        .get("error_codes")
        .and_then(|c| c.as_array())
        .map(|codes| codes.iter().filter_map(|c| c.as_i64()).collect())
        .unwrap_or_default();
    let detail = match vendor_detail(answer) {
        text if text.is_empty() => format!("HTTP {}", answer.status),
        text => format!("HTTP {}: {text}", answer.status),
    };
    let url = display_url(url);
    // AADSTS90002 (unknown tenant) came as `invalid_request` before 2023 and `invalid_tenant` since.
    if error == "invalid_tenant"
        || codes.contains(&90002)
        || codes.contains(&900023)
        || answer.status == StatusCode::NOT_FOUND
    {
        SyncError::UnknownTenant { url, detail }
    } else if error == "invalid_scope" {
        SyncError::PermissionMissing { url, detail }
    } else if answer.status == StatusCode::FORBIDDEN {
        SyncError::UnknownTenant { url, detail }
    } else {
        SyncError::SignInRejected { url, detail }
    }
}

fn parse_token(url: &str, answer: &AnswerWithHeaders) -> Result<Token, SyncError> {
    #[derive(serde::Deserialize)]
    struct OAuth {
        access_token: Option<String>,
        expires_in: Option<u64>,
        token: Option<String>,
        expires: Option<String>,
    }
    let invalid = |detail: String| SyncError::InvalidResponse {
        url: display_url(url),
        what: "the token answer".into(),
        detail,
    };
    let parsed: OAuth = serde_json::from_slice(&answer.body).map_err(|e| invalid(e.to_string()))?;
    let lifetime = match (&parsed.expires_in, &parsed.expires) {
        (Some(seconds), _) => Duration::from_secs(*seconds).min(MAX_TOKEN_LIFETIME),
        (None, Some(expires)) => chrono::DateTime::parse_from_rfc3339(expires)
            .ok()
            .and_then(|at| {
                (at.with_timezone(&chrono::Utc) - chrono::Utc::now())
                    .to_std()
                    .ok()
            })
            .unwrap_or(Duration::from_secs(300))
            .min(MAX_TOKEN_LIFETIME),
        (None, None) => Duration::from_secs(300),
    };
    let value = parsed
        .access_token
        .or(parsed.token)
        .ok_or_else(|| invalid("no access_token or token in the answer".into()))?;
    Ok(Token {
        value: Secret::new(value),
        expires: Instant::now() + lifetime,
    })
}
