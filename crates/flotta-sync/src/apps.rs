//! Installed apps: the two request patterns the vendors leave open, and one shared copy of
//! each distinct app.
//!
//! - **Intune (Graph v1.0)** has no per-device app list (`managedDevices/{id}/detectedApps`
//!   exists in beta only), so Flotta lists `deviceManagement/detectedApps` — one entry per app,
//!   version and platform — and then the devices of each. That is one call per distinct app
//!   (plus paging), independent of the number of devices: a few hundred calls for 50,000.
//! - **Workspace ONE** has no bulk app listing that includes user-installed apps, so each
//!   device's `GET /API/mdm/devices/{id}/apps` is asked, concurrently within the connection's
//!   limit, while further device pages are still arriving.
//! - **Jamf Pro** reports apps as a section of the device listing itself (see `jamf.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use flotta_domain::{AppsSeen, ConnectionSettings, InstalledApp};
use reqwest::StatusCode;
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::error::SyncError;
use crate::http::{Answer, Api};
use crate::limits::{MAX_TASKS, PageTrail, check_page_number};
use crate::map::text;
use crate::{AppsRead, FetchedPage, deliver};

/// Hands out one shared copy per distinct app: 50,000 devices with ~40 apps each share a
/// few hundred apps, and two million copies would cost the sync its memory budget.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    apps: HashMap<InstalledApp, Arc<InstalledApp>>,
}

impl Interner {
    pub(crate) fn app(
        &mut self,
        name: &str,
        identifier: &str,
        version: &str,
        publisher: &str,
    ) -> Arc<InstalledApp> {
        let app = InstalledApp {
            name: name.trim().to_owned(),
            identifier: identifier.trim().to_owned(),
            version: version.trim().to_owned(),
            publisher: publisher.trim().to_owned(),
        };
        Arc::clone(
            self.apps
                .entry(app)
                .or_insert_with_key(|app| Arc::new(app.clone())),
        )
    }

    /// A device's complete app list as the vendor gave it. An entry without a name has
    /// nothing to show or count by, and is left out. Jamf's and Workspace ONE's lists name
    /// no publisher.
    pub(crate) fn installed<'x>(&mut self, apps: impl IntoIterator<Item = Listed<'x>>) -> AppsSeen {
        AppsSeen::Installed(
            apps.into_iter()
                .filter_map(|app| {
                    let name = text(app.name)?;
                    Some(self.app(
                        name,
                        app.identifier.unwrap_or_default(),
                        app.version.unwrap_or_default(),
                        "",
                    ))
                })
                .collect(),
        )
    }
}

/// One entry of a vendor's app list, in the vendor's words.
pub(crate) struct Listed<'x> {
    pub(crate) name: Option<&'x str>,
    pub(crate) identifier: Option<&'x str>,
    pub(crate) version: Option<&'x str>,
}

/// The most entries Graph puts on one page of these listings.
const GRAPH_PAGE: u32 = 1000;

#[derive(Deserialize)]
struct GraphPage<T> {
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink")]
    next_link: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DetectedApp {
    id: String,
    display_name: Option<String>,
    version: Option<String>,
    publisher: Option<String>,
}

#[derive(Deserialize)]
struct DeviceId {
    id: String,
}

fn graph_page<T: serde::de::DeserializeOwned>(answer: Answer) -> Result<GraphPage<T>, String> {
    serde_json::from_slice(&answer.body).map_err(|e| e.to_string())
}

/// Every Intune device's detected apps, by the device's Graph id.
/// `pages` hears how far the pass is after every app.
pub(crate) async fn intune(
    api: &Arc<Api>,
    settings: &ConnectionSettings,
    pages: &mpsc::Sender<FetchedPage>,
) -> Result<HashMap<String, Vec<Arc<InstalledApp>>>, SyncError> {
    let base = settings.base_url.trim_end_matches('/').to_owned();
    let mut interner = Interner::default();
    let mut detected = Vec::new();
    let mut url = format!(
        "{base}/v1.0/deviceManagement/detectedApps?$select=id,displayName,version,publisher&$top={GRAPH_PAGE}"
    );
    let mut trail = PageTrail::new("detected apps", &url);
    let mut number = 1;
    loop {
        let what = format!("page {number} of detected apps");
        let page: GraphPage<DetectedApp> = api.get(&url, &what, graph_page).await?;
        for app in page.value {
            let name = app.display_name.unwrap_or_default();
            if name.trim().is_empty() {
                continue;
            }
            let version = app.version.unwrap_or_default();
            let publisher = app.publisher.unwrap_or_default();
            detected.push((app.id, interner.app(&name, "", &version, &publisher)));
        }
        match page.next_link {
            Some(next) => {
                trail.follow(&next)?;
                url = next;
            }
            None => break,
        }
        number += 1;
    }
    let of = detected.len() as u32;
    let mut by_device: HashMap<String, Vec<Arc<InstalledApp>>> = HashMap::new();
    let mut done = 0;
    let mut tasks = JoinSet::new();
    let mut detected = detected.into_iter();
    loop {
        // At most MAX_TASKS apps are asked about at once; the rest wait unspawned.
        while tasks.len() < MAX_TASKS
            && let Some((id, app)) = detected.next()
        {
            spawn_devices_of(&mut tasks, api, &base, id, app);
        }
        let Some(finished) = tasks.join_next().await else {
            break;
        };
        let (app, devices) = finished.map_err(|error| stopped(&base, &error))??;
        for device in devices {
            by_device.entry(device).or_default().push(Arc::clone(&app));
        }
        done += 1;
        let note = FetchedPage {
            apps_read: Some(AppsRead { done, of }),
            ..FetchedPage::default()
        };
        deliver(pages, note).await?;
    }
    Ok(by_device)
}

type DevicesOfApp = Result<(Arc<InstalledApp>, Vec<String>), SyncError>;

/// Asks Graph for the devices that have one detected app, following its pages.
fn spawn_devices_of(
    tasks: &mut JoinSet<DevicesOfApp>,
    api: &Arc<Api>,
    base: &str,
    id: String,
    app: Arc<InstalledApp>,
) {
    let api = Arc::clone(api);
    let url = format!(
        "{base}/v1.0/deviceManagement/detectedApps/{id}/managedDevices?$select=id&$top={GRAPH_PAGE}"
    );
    tasks.spawn(async move {
        let mut devices = Vec::new();
        let mut url = url;
        let mut trail = PageTrail::new("an app's devices", &url);
        loop {
            let what = format!("the devices with {} {}", app.name, app.version);
            let page: Option<GraphPage<DeviceId>> =
                api.get_if_found(&url, &what, graph_page).await?;
            // An app no device has any more is gone by the time it is asked about.
            let Some(page) = page else { break };
            devices.extend(page.value.into_iter().map(|device| device.id));
            match page.next_link {
                Some(next) => {
                    trail.follow(&next)?;
                    url = next;
                }
                None => break,
            }
        }
        Ok((app, devices))
    });
}

fn stopped(url: &str, error: &tokio::task::JoinError) -> SyncError {
    SyncError::InvalidResponse {
        url: url.to_owned(),
        what: "installed apps".into(),
        detail: format!("a request task stopped: {error}"),
    }
}

/// Workspace ONE: pages of devices come in on `listed`, leave on `pages` with each device's
/// apps, asked per device.
pub(crate) async fn per_device(
    api: &Arc<Api>,
    root: String,
    mut listed: mpsc::Receiver<FetchedPage>,
    pages: mpsc::Sender<FetchedPage>,
) -> Result<(), SyncError> {
    while let Some(mut page) = listed.recv().await {
        let mut tasks = JoinSet::new();
        for (index, device) in page.devices.iter().enumerate() {
            let (api, root, id) = (Arc::clone(api), root.clone(), device.vendor_id.clone());
            tasks.spawn(
                async move { Ok::<_, SyncError>((index, ws1_apps(&api, &root, &id).await?)) },
            );
        }
        let mut interner = Interner::default();
        while let Some(done) = tasks.join_next().await {
            let (index, apps) = done.map_err(|error| stopped(&root, &error))??;
            page.devices[index].apps = match apps {
                None => AppsSeen::NotReported,
                Some(apps) => interner.installed(apps.iter().map(|app| Listed {
                    name: app.application_name.as_deref(),
                    identifier: app.application_identifier.as_deref(),
                    version: app.version.as_deref(),
                })),
            };
        }
        deliver(&pages, page).await?;
    }
    Ok(())
}

/// As many apps as a page of one device's apps asks for.
const WS1_APPS_PAGE: usize = 500;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Ws1AppsPage {
    device_apps: Option<Vec<Ws1App>>,
    total: Option<usize>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Ws1App {
    #[serde(default)]
    application_name: Option<String>,
    #[serde(default)]
    application_identifier: Option<String>,
    #[serde(default)]
    version: Option<String>,
}

/// One device's apps; `None` when Workspace ONE no longer knows the device.
async fn ws1_apps(api: &Api, root: &str, id: &str) -> Result<Option<Vec<Ws1App>>, SyncError> {
    let mut apps = Vec::new();
    for page in 0.. {
        check_page_number(page, "a device's apps")?;
        let url = format!("{root}/API/mdm/devices/{id}/apps?page={page}&pagesize={WS1_APPS_PAGE}");
        let what = format!("the apps of device {id}");
        let answer = api
            .get_if_found(&url, &what, |answer| {
                if answer.status == StatusCode::NO_CONTENT || answer.body.is_empty() {
                    return Ok(None);
                }
                serde_json::from_slice::<Ws1AppsPage>(&answer.body)
                    .map(Some)
                    .map_err(|e| e.to_string())
            })
            .await?;
        let Some(answer) = answer else {
            return Ok(None);
        };
        let Some(body) = answer else { break };
        let listed = body.device_apps.unwrap_or_default();
        let count = listed.len();
        apps.extend(listed);
        let more = body
            .total
            .map_or(count == WS1_APPS_PAGE, |total| apps.len() < total);
        if count == 0 || !more {
            break;
        }
    }
    Ok(Some(apps))
}
