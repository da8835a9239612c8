//! What can go wrong talking to a vendor, with the URL (never a secret) and the page.

use flotta_domain::SettingsProblem;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    #[error("invalid connection settings: {0}")]
    Settings(#[from] SettingsProblem),
    #[error("the identity service at {url} does not know the tenant: {detail}")]
    UnknownTenant { url: String, detail: String },
    #[error("sign-in at {url} was refused: {detail}")]
    SignInRejected { url: String, detail: String },
    #[error("{url} refused the request (403): the API client lacks a permission or role: {detail}")]
    PermissionMissing { url: String, detail: String },
    #[error("cannot reach {url}: {detail}")]
    Network { url: String, detail: String },
    #[error("the secure connection to {url} failed (TLS): {detail}")]
    Tls { url: String, detail: String },
    #[error("{url} kept failing after {attempts} attempts, last with {last}")]
    Unavailable {
        url: String,
        attempts: u32,
        last: String,
    },
    #[error("{what} from {url} could not be read: {detail}")]
    InvalidResponse {
        url: String,
        what: String,
        detail: String,
    },
    /// The answer is not JSON at all (a web page, a proxy's login form): the URL most likely
    /// points to a web console or a portal rather than the API.
    #[error("{what} from {url} is not an API answer but {kind}: {detail}")]
    NotAnApiAnswer {
        url: String,
        what: String,
        kind: &'static str,
        detail: String,
    },
    #[error("the sync was cancelled")]
    Cancelled,
}

/// The URL without its query string: short enough for a message, and a `$skiptoken` or a
/// filter says nothing to a user.
pub(crate) fn display_url(url: &str) -> String {
    url.split('?').next().unwrap_or(url).to_owned()
}
