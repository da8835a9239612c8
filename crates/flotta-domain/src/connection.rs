//! A connection to an EMM system: where it is, how to sign in, how hard to pull.
//!
//! The secret (client secret or password) is deliberately not part of these types: it lives in
//! the OS keyring and only the sync's HTTP layer ever holds it, so it cannot leak through
//! anything that serialises a connection (database rows, exports, logs, the UI).

use serde::{Deserialize, Serialize};

use crate::source::SourceKind;

/// The EMM products Flotta can sync from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Vendor {
    /// Microsoft Intune through Microsoft Graph v1.0.
    Intune,
    JamfPro,
    WorkspaceOne,
}

impl Vendor {
    pub const ALL: [Vendor; 3] = [Vendor::Intune, Vendor::JamfPro, Vendor::WorkspaceOne];

    pub fn source_kind(self) -> SourceKind {
        match self {
            Vendor::Intune => SourceKind::Intune,
            Vendor::JamfPro => SourceKind::Jamf,
            Vendor::WorkspaceOne => SourceKind::WorkspaceOne,
        }
    }

    pub fn from_source_kind(kind: SourceKind) -> Option<Self> {
        Vendor::ALL
            .into_iter()
            .find(|vendor| vendor.source_kind() == kind)
    }
}

/// How Flotta signs in to the vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuthMethod {
    /// OAuth 2.0 client credentials: an API client id and its secret.
    ClientCredentials,
    /// A user name and password (Jamf's bearer token from basic auth, Workspace ONE's older tenants).
    Basic,
}

/// Everything about a connection except its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectionSettings {
    pub name: String,
    pub vendor: Vendor,
    /// The API's base URL: `https://graph.microsoft.com`, `https://<org>.jamfcloud.com`,
    /// `https://as<N>.awmdm.com`.
    pub base_url: String,
    /// Where tokens come from, when not from `base_url`: the Microsoft identity platform
    /// (`https://login.microsoftonline.com`) or Workspace ONE's regional token URL.
    pub token_url: Option<String>,
    /// The Entra tenant id (Intune); unused for Jamf. For Workspace ONE it carries the
    /// `aw-tenant-code` from the form to the core only: that code is an API key, kept with the
    /// secret (see [`Self::take_tenant_code`]) and never stored with the settings.
    pub tenant: Option<String>,
    pub auth: AuthMethod,
    /// The OAuth client id, or the user name for basic auth.
    pub client_id: String,
    /// How many requests may be in flight at once against this connection.
    pub concurrency: u32,
    /// Devices asked for per page (the vendor may answer with fewer).
    pub page_size: u32,
    /// Sync in the background this often while the app runs; `None` = only on request.
    pub sync_every_minutes: Option<u32>,
    /// Incremental syncs are replaced by a full one (which also finds removed devices) this often.
    pub full_sync_every_hours: u32,
    /// Whether syncs also read the installed apps. On by default; off for a tenant where the
    /// app lists are not needed, since Workspace ONE costs one request per device for them.
    #[serde(default = "on")]
    pub sync_apps: bool,
}

fn on() -> bool {
    true
}

/// Why a [`ConnectionSettings`] cannot be saved; names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct SettingsProblem {
    pub field: &'static str,
    pub problem: String,
}

pub const MAX_CONCURRENCY: u32 = 16;
pub const MAX_PAGE_SIZE: u32 = 1000;

impl ConnectionSettings {
    /// Sensible settings for a new connection of `vendor`, with the vendor's public URLs.
    pub fn new(vendor: Vendor, name: impl Into<String>) -> Self {
        let (base_url, token_url, page_size) = match vendor {
            Vendor::Intune => (
                "https://graph.microsoft.com",
                Some("https://login.microsoftonline.com"),
                1000,
            ),
            // Every Jamf Pro server has its own address: none is assumed.
            Vendor::JamfPro => ("", None, 500),
            Vendor::WorkspaceOne => (
                "https://as1.awmdm.com",
                Some("https://emea.uemauth.workspaceone.com/connect/token"),
                500,
            ),
        };
        Self {
            name: name.into(),
            vendor,
            base_url: base_url.to_owned(),
            token_url: token_url.map(str::to_owned),
            tenant: None,
            auth: AuthMethod::ClientCredentials,
            client_id: String::new(),
            concurrency: 4,
            page_size,
            sync_every_minutes: Some(60),
            full_sync_every_hours: 24,
            sync_apps: true,
        }
    }

    /// Checks what can be checked without the network. Plain `http` is refused except on
    /// loopback (the built-in emulator), because a secret must never travel unencrypted.
    pub fn validate(&self) -> Result<(), SettingsProblem> {
        let problem = |field: &'static str, problem: &str| {
            Err(SettingsProblem {
                field,
                problem: problem.to_owned(),
            })
        };
        if self.name.trim().is_empty() {
            return problem("name", "a connection needs a name");
        }
        check_url("base_url", &self.base_url)?;
        if let Some(token_url) = &self.token_url {
            check_url("token_url", token_url)?;
        }
        if self.client_id.trim().is_empty() {
            return problem("client_id", "a client id or user name is needed");
        }
        if self.vendor == Vendor::Intune
            && self.tenant.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            return problem("tenant", "Intune needs the Entra tenant id");
        }
        if self.vendor == Vendor::Intune && self.auth == AuthMethod::Basic {
            return problem("auth", "Microsoft Graph accepts only client credentials");
        }
        if !(1..=MAX_CONCURRENCY).contains(&self.concurrency) {
            return problem("concurrency", "must be between 1 and 16");
        }
        if !(1..=MAX_PAGE_SIZE).contains(&self.page_size) {
            return problem("page_size", "must be between 1 and 1000");
        }
        if self.sync_every_minutes == Some(0) || self.full_sync_every_hours == 0 {
            return problem("schedule", "intervals must be at least one");
        }
        Ok(())
    }
}

impl ConnectionSettings {
    /// Whether a secret entered for `self` may go with `other`'s requests: the same vendor,
    /// and the same scheme, host and port for the API and for tokens. When they differ the
    /// user enters the secret again, so it never follows a changed address unnoticed.
    /// Takes Workspace ONE's `aw-tenant-code` out of the settings, trimmed (`None` when it is
    /// empty, and for the other vendors, whose tenant field is no secret).
    pub fn take_tenant_code(&mut self) -> Option<String> {
        if self.vendor != Vendor::WorkspaceOne {
            return None;
        }
        self.tenant
            .take()
            .map(|code| code.trim().to_owned())
            .filter(|code| !code.is_empty())
    }

    pub fn same_secret_destination(&self, other: &ConnectionSettings) -> bool {
        fn origin(url: &str) -> Option<String> {
            let origin = url::Url::parse(url.trim()).ok()?.origin();
            origin.is_tuple().then(|| origin.ascii_serialization())
        }
        let ends = |settings: &ConnectionSettings| {
            (
                settings.vendor,
                origin(&settings.base_url),
                settings.token_url.as_deref().map(origin),
            )
        };
        let (vendor, base, token) = ends(self);
        // An address that cannot be read is never the same as another.
        base.is_some() && !matches!(token, Some(None)) && (vendor, base, token) == ends(other)
    }
}

/// Where a connection may send its secret: `https://` anywhere, plain `http://` only to this
/// computer (the built-in emulator), never with a user name or password inside the URL. The
/// URL is parsed as the HTTP client will parse it, so `http://127.0.0.1:x@elsewhere/` is seen
/// for what it is: a password `x` for the host `elsewhere`.
fn check_url(field: &'static str, text: &str) -> Result<(), SettingsProblem> {
    let problem = |text: &str| SettingsProblem {
        field,
        problem: text.to_owned(),
    };
    const SCHEMES: &str = "must start with https:// (or http:// for an address on this computer)";
    let url = url::Url::parse(text.trim()).map_err(|error| match error {
        url::ParseError::RelativeUrlWithoutBase => problem(SCHEMES),
        url::ParseError::EmptyHost => problem("has no host name"),
        other => problem(&format!("is not a valid URL ({other})")),
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(problem(
            "must not contain a user name or password; enter them in their own fields",
        ));
    }
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => return Err(problem("has no host name")),
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err(problem(
            "must start with https:// (http is allowed only for an address on this computer)",
        )),
        _ => Err(problem(SCHEMES)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intune() -> ConnectionSettings {
        let mut settings = ConnectionSettings::new(Vendor::Intune, "Intune");
        settings.tenant = Some("contoso.onmicrosoft.com".into());
        settings.client_id = "app".into();
        settings
    }

    #[test]
    fn defaults_with_a_tenant_and_client_are_valid() {
        assert_eq!(intune().validate(), Ok(()));
    }

    #[test]
    fn plain_http_is_refused_except_on_loopback() {
        let mut settings = intune();
        settings.base_url = "http://graph.example.com".into();
        assert_eq!(settings.validate().map_err(|p| p.field), Err("base_url"));
        settings.base_url = "http://127.0.0.1:8080".into();
        assert_eq!(settings.validate(), Ok(()));
    }

    #[test]
    fn a_secret_stays_with_the_origins_it_was_entered_for() {
        let before = intune();
        let mut other_path = before.clone();
        other_path.base_url = "https://graph.microsoft.com/v1.0/".into();
        other_path.name = "Renamed".into();
        other_path.page_size = 10;
        assert!(
            before.same_secret_destination(&other_path),
            "path and name do not matter"
        );
        for change in [
            |s: &mut ConnectionSettings| s.base_url = "https://graph.example.com".into(),
            |s: &mut ConnectionSettings| s.base_url = "https://graph.microsoft.com:8443".into(),
            |s: &mut ConnectionSettings| s.token_url = Some("https://login.example.com".into()),
            |s: &mut ConnectionSettings| s.token_url = None,
            |s: &mut ConnectionSettings| s.vendor = Vendor::WorkspaceOne,
        ] {
            let mut after = before.clone();
            change(&mut after);
            assert!(!before.same_secret_destination(&after), "{after:?}");
        }
    }

    #[test]
    fn urls_are_parsed_not_split() {
        let check = |url: &str| check_url("base_url", url).map_err(|p| p.problem);
        assert_eq!(check("https://contoso.jamfcloud.com/"), Ok(()));
        assert_eq!(check("http://localhost:8080"), Ok(()));
        assert_eq!(check("http://127.0.0.2:9/graph"), Ok(()));
        assert_eq!(check("http://[::1]:9"), Ok(()));
        for hostile in [
            "http://127.0.0.1:x@evil.example/",
            "http://127.0.0.1@evil.example/",
            "http://localhost.evil.example/",
            "http://127.0.0.1.evil.example/",
        ] {
            assert!(check(hostile).is_err(), "{hostile} is not this computer");
        }
        let credentials = check("https://user:pw@contoso.jamfcloud.com").expect_err("userinfo");
        assert!(
            credentials.contains("user name or password"),
            "{credentials}"
        );
        assert!(check("ftp://example.com").is_err());
        assert!(check("graph.microsoft.com").is_err());
        assert!(check("https://").is_err());
    }

    #[test]
    fn problems_name_the_field() {
        let mut settings = intune();
        settings.tenant = Some(" ".into());
        assert_eq!(settings.validate().map_err(|p| p.field), Err("tenant"));
        let mut settings = intune();
        settings.concurrency = 0;
        assert_eq!(settings.validate().map_err(|p| p.field), Err("concurrency"));
        let mut settings = intune();
        settings.auth = AuthMethod::Basic;
        assert_eq!(settings.validate().map_err(|p| p.field), Err("auth"));
    }
}
