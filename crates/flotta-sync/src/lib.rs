//! Flotta's EMM connectors: fetch the device inventory of a Microsoft Intune (Graph v1.0),
//! Jamf Pro or Workspace ONE UEM tenant and map every record onto Flotta's device model.
//!
//! A [`Connector`] signs in, pages through the vendor's device list and sends each page,
//! already mapped into [`VendorDevice`]s and [`RecordWarning`]s, down a channel as soon as it
//! is read — so the caller can store while the next pages are still on the wire. It never
//! writes anything itself: the caller decides what a sync means for the register, which is
//! why a failed or cancelled fetch cannot leave the register half-updated.
//!
//! The three vendors are a closed set chosen when a connection is made, so [`Connector`]
//! matches over them instead of boxing a trait object: async trait methods are not object
//! safe, and a `match` keeps each vendor's module a plain set of functions over the shared
//! HTTP layer (`http.rs`: concurrency limit, tokens, retries).
//!
//! Architecture invariants: no SQL, no knowledge of the register, no secrets in any error or
//! log line ([`Secret`] is masked).

mod apps;
mod error;
mod http;
mod intune;
mod jamf;
mod jamf_computers;
mod limits;
mod map;
mod paged;
mod secret;
mod ws1;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use flotta_domain::{AuthMethod, ConnectionSettings, RecordWarning, Vendor, VendorDevice};
use tokio::sync::mpsc;

pub use error::SyncError;
pub use http::{RetryPolicy, warm_up};
pub use secret::Secret;

/// One page of a vendor's device list, mapped.
#[derive(Debug, Clone, Default)]
pub struct FetchedPage {
    pub devices: Vec<VendorDevice>,
    pub warnings: Vec<RecordWarning>,
    /// Records on the page as the vendor sent them (devices + records that were skipped).
    pub records: u32,
    /// How many records the whole listing has, when the vendor says so.
    pub total: Option<u32>,
    /// Which listing the page belongs to ("mobile devices", "computers"): a connection may
    /// page through several at once, each with its own total.
    pub listing: &'static str,
    /// Set on a note from a pass over installed apps that comes before the device pages
    /// (Intune's detected apps): how far it is. Such a note carries no records.
    pub apps_read: Option<AppsRead>,
}

/// How far a pass over installed apps is: app lists read of all there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppsRead {
    pub done: u32,
    pub of: u32,
}

/// What to fetch: everything, or only what changed since a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchRequest {
    /// `None` = a full listing.
    pub changed_since: Option<DateTime<Utc>>,
}

/// A signed-in-able connection to one tenant.
#[derive(Debug)]
pub struct Connector {
    vendor: Vendor,
    settings: ConnectionSettings,
    api: Arc<http::Api>,
}

impl Connector {
    /// Checks the settings and prepares the HTTP client; nothing goes on the wire yet.
    /// `tenant_code` is Workspace ONE's `aw-tenant-code`, an API key kept with the secret (a
    /// code still in the settings is taken from there).
    pub fn new(
        settings: &ConnectionSettings,
        secret: Secret,
        tenant_code: Option<Secret>,
        retry: RetryPolicy,
    ) -> Result<Self, SyncError> {
        let mut settings = settings.clone();
        let tenant_code = settings.take_tenant_code().map(Secret::new).or(tenant_code);
        settings.validate()?;
        if settings.vendor == Vendor::WorkspaceOne && tenant_code.is_none() {
            return Err(SyncError::Settings(flotta_domain::SettingsProblem {
                field: "tenant_code",
                problem: "Workspace ONE needs the tenant code (aw-tenant-code) of its API".into(),
            }));
        }
        let base = settings.base_url.trim_end_matches('/').to_owned();
        let token_url = settings
            .token_url
            .as_deref()
            .map(|url| url.trim_end_matches('/').to_owned());
        let tenant = settings
            .tenant
            .clone()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let client_id = settings.client_id.trim().to_owned();
        let (sign_in, headers) = match (settings.vendor, settings.auth) {
            (Vendor::Intune, _) => (
                http::SignIn::ClientCredentials {
                    url: format!(
                        "{}/{tenant}/oauth2/v2.0/token",
                        token_url.unwrap_or_else(|| "https://login.microsoftonline.com".into())
                    ),
                    client_id,
                    secret,
                    scope: Some("https://graph.microsoft.com/.default".into()),
                },
                Vec::new(),
            ),
            (Vendor::JamfPro, AuthMethod::ClientCredentials) => (
                http::SignIn::ClientCredentials {
                    url: format!("{base}/api/oauth/token"),
                    client_id,
                    secret,
                    scope: None,
                },
                Vec::new(),
            ),
            (Vendor::JamfPro, AuthMethod::Basic) => (
                http::SignIn::JamfUser {
                    url: format!("{base}/api/v1/auth/token"),
                    keep_alive_url: format!("{base}/api/v1/auth/keep-alive"),
                    user: client_id,
                    secret,
                },
                Vec::new(),
            ),
            (Vendor::WorkspaceOne, AuthMethod::ClientCredentials) => (
                http::SignIn::ClientCredentials {
                    url: token_url.unwrap_or_else(|| {
                        "https://emea.uemauth.workspaceone.com/connect/token".into()
                    }),
                    client_id,
                    secret,
                    scope: None,
                },
                tenant_code
                    .into_iter()
                    .map(|code| ("aw-tenant-code", code))
                    .collect(),
            ),
            (Vendor::WorkspaceOne, AuthMethod::Basic) => (
                http::SignIn::BasicEveryRequest {
                    user: client_id,
                    secret,
                },
                tenant_code
                    .into_iter()
                    .map(|code| ("aw-tenant-code", code))
                    .collect(),
            ),
        };
        let api = http::Api::new(&base, sign_in, settings.concurrency, retry, headers)?;
        Ok(Self {
            vendor: settings.vendor,
            settings,
            api: Arc::new(api),
        })
    }

    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// Gets a token (the first step of a sync, and what "Test connection" checks first).
    pub async fn sign_in(&self) -> Result<(), SyncError> {
        self.api.sign_in().await
    }

    /// Signs in and reads the first page of the device list, as "Test connection" does.
    /// Returns the number of devices when the vendor tells it.
    pub async fn test(&self) -> Result<Option<u32>, SyncError> {
        self.sign_in().await?;
        // Room for the first page of every listing, which are sent before any is received.
        let (sender, mut receiver) = mpsc::channel(4);
        let first = match self.vendor {
            Vendor::Intune => intune::first_page(&self.api, &self.settings, sender).await,
            Vendor::JamfPro => jamf::first_page(&self.api, &self.settings, sender).await,
            Vendor::WorkspaceOne => ws1::first_page(&self.api, &self.settings, sender).await,
        };
        first?;
        let mut total = None;
        while let Some(page) = receiver.recv().await {
            if let Some(count) = page.total {
                total = Some(total.unwrap_or(0) + count);
            }
        }
        Ok(total)
    }

    /// Fetches the device list and sends it page by page. Returns when the last page has
    /// been sent, or with the first error that retries could not mend. Dropping the future
    /// cancels the fetch; nothing has been written anywhere.
    pub async fn fetch(
        &self,
        request: FetchRequest,
        pages: mpsc::Sender<FetchedPage>,
    ) -> Result<(), SyncError> {
        match self.vendor {
            Vendor::Intune => intune::fetch(&self.api, &self.settings, request, pages).await,
            Vendor::JamfPro => jamf::fetch(&self.api, &self.settings, request, pages).await,
            Vendor::WorkspaceOne => ws1::fetch(&self.api, &self.settings, request, pages).await,
        }
    }
}

impl Connector {
    /// Whether a full sync's devices are needed again after they are stored, for
    /// [`Connector::fetch_apps`].
    pub fn reads_apps_apart(&self) -> bool {
        self.vendor == Vendor::Intune && self.settings.sync_apps
    }

    /// Reads the installed apps of a complete listing's `devices` where the vendor keeps them
    /// apart from the device list — Intune's detected apps, one call per distinct app — and
    /// gives each device its list. `pages` hears how far the pass is ([`AppsRead`] notes).
    /// Returns false, touching nothing, where the apps came with the devices (Jamf, Workspace
    /// ONE) or app syncing is off. A separate pass, so the devices can be stored first.
    pub async fn fetch_apps(
        &self,
        devices: &mut [VendorDevice],
        pages: mpsc::Sender<FetchedPage>,
    ) -> Result<bool, SyncError> {
        if !self.reads_apps_apart() {
            return Ok(false);
        }
        let apps = apps::intune(&self.api, &self.settings, &pages).await?;
        intune::attach_apps(devices, apps);
        Ok(true)
    }
}

/// Reads one vendor record as a sync stored it (its raw JSON) with the connector's own
/// mapping, to show what that record says about its unit. `None` when it cannot be read.
pub fn read_stored_record(vendor: Vendor, vendor_id: &str, raw_json: &str) -> Option<VendorDevice> {
    let page = match vendor {
        Vendor::Intune => intune::read_record(raw_json),
        Vendor::JamfPro if vendor_id.starts_with("computers/") => {
            jamf_computers::read_record(raw_json)
        }
        Vendor::JamfPro => jamf::read_record(raw_json),
        Vendor::WorkspaceOne => ws1::read_record(raw_json),
    };
    page.devices.into_iter().next()
}

/// Hands a page to the consumer; a consumer that has gone away means the sync was cancelled.
async fn deliver(pages: &mpsc::Sender<FetchedPage>, page: FetchedPage) -> Result<(), SyncError> {
    pages.send(page).await.map_err(|_| SyncError::Cancelled)
}
