//! `flotta-cli connections`: the connection form of the app as commands, over the same core
//! methods, so validation and error texts are the app's.

use flotta_core::{
    Connection, ConnectionInput, ConnectionSettings, ErrorCode, ErrorPayload, Flotta, Vendor,
};

use crate::args::{ConnectionAction, SecretArgs, SettingsArgs};

pub(crate) fn run(flotta: &Flotta, action: Option<ConnectionAction>) -> Result<(), ErrorPayload> {
    match action.unwrap_or(ConnectionAction::List) {
        ConnectionAction::List => list(flotta),
        ConnectionAction::Add {
            name,
            vendor,
            settings,
            secret,
        } => {
            let defaults = ConnectionSettings::new(Vendor::from(vendor), name);
            let changed = apply(defaults, settings);
            let saved = save(flotta, None, changed, &secret)?;
            println!("{}\t{}\tadded", saved.id, saved.settings.name);
            Ok(())
        }
        ConnectionAction::Edit {
            connection,
            name,
            settings,
            secret,
        } => {
            let found = find(flotta, &connection)?;
            let mut changed = apply(found.settings, settings);
            if let Some(name) = name {
                changed.name = name;
            }
            let saved = save(flotta, Some(found.id), changed, &secret)?;
            println!("{}\t{}\tchanged", saved.id, saved.settings.name);
            Ok(())
        }
        ConnectionAction::Test {
            connection,
            secret_stdin,
        } => {
            let found = find(flotta, &connection)?;
            let input = ConnectionInput {
                settings: found.settings.clone(),
                secret: crate::given_secret(secret_stdin)?,
                session_only: true,
            };
            let tested = runtime()?.block_on(flotta.test_connection(Some(found.id), input))?;
            let devices = tested
                .devices
                .map_or_else(|| "devices listed".to_owned(), |n| format!("{n} devices"));
            println!(
                "{}: signed in and read the first page in {} ms ({devices})",
                found.settings.name, tested.elapsed_ms
            );
            Ok(())
        }
        ConnectionAction::Remove { connection, yes } => {
            let found = find(flotta, &connection)?;
            if !yes {
                return Err(ErrorPayload::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "removing {:?} stops its syncs and forgets its secret (its {} devices \
                         stay in the register); add --yes to confirm",
                        found.settings.name, found.device_count
                    ),
                ));
            }
            flotta.remove_connection(found.id)?;
            println!("{}\t{}\tremoved", found.id, found.settings.name);
            Ok(())
        }
    }
}

fn list(flotta: &Flotta) -> Result<(), ErrorPayload> {
    for c in flotta.list_connections()? {
        let state = if c.closed_at.is_some() {
            "removed"
        } else {
            "open"
        };
        println!(
            "{}\t{}\t{:?}\t{}\t{} devices",
            c.id, c.settings.name, c.settings.vendor, state, c.device_count
        );
    }
    Ok(())
}

fn save(
    flotta: &Flotta,
    id: Option<u32>,
    settings: ConnectionSettings,
    secret: &SecretArgs,
) -> Result<Connection, ErrorPayload> {
    let given = crate::given_secret(secret.secret_stdin)?;
    let mut settings = settings;
    if settings.vendor == flotta_core::Vendor::WorkspaceOne
        && settings.tenant.is_none()
        && let Some(code) = crate::given_tenant_code()
    {
        settings.tenant = Some(code);
    }
    let input = ConnectionInput {
        settings,
        // Given, it lets a connection move to a new address; without a keyring it lasts for
        // this run only, as a tenant code given now does: each sync gets them from
        // FLOTTA_CONNECTION_SECRET and FLOTTA_TENANT_CODE.
        secret: given,
        session_only: secret.without_keyring,
    };
    Ok(flotta.save_connection(id, input)?)
}

/// The settings with every flag that was given applied.
fn apply(mut settings: ConnectionSettings, flags: SettingsArgs) -> ConnectionSettings {
    if let Some(base_url) = flags.base_url {
        settings.base_url = base_url;
    }
    if let Some(token_url) = flags.token_url {
        settings.token_url = Some(token_url).filter(|url| !url.is_empty());
    }
    if let Some(tenant) = flags.tenant {
        settings.tenant = Some(tenant);
    }
    if let Some(client_id) = flags.client_id {
        settings.client_id = client_id;
    }
    if let Some(auth) = flags.auth {
        settings.auth = auth.into();
    }
    if let Some(concurrency) = flags.concurrency {
        settings.concurrency = concurrency;
    }
    if let Some(page_size) = flags.page_size {
        settings.page_size = page_size;
    }
    if flags.manual {
        settings.sync_every_minutes = None;
    }
    if let Some(minutes) = flags.sync_every {
        settings.sync_every_minutes = Some(minutes);
    }
    if let Some(hours) = flags.full_sync_every {
        settings.full_sync_every_hours = hours;
    }
    if let Some(apps) = flags.apps {
        settings.sync_apps = apps;
    }
    settings
}

/// The open connection with this id or name.
pub(crate) fn find(flotta: &Flotta, connection: &str) -> Result<Connection, ErrorPayload> {
    flotta
        .list_connections()?
        .into_iter()
        .find(|c| {
            c.closed_at.is_none()
                && (c.id.to_string() == connection || c.settings.name == connection)
        })
        .ok_or_else(|| {
            ErrorPayload::new(
                ErrorCode::NotFound,
                format!("no open connection with the id or name {connection:?}"),
            )
        })
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, ErrorPayload> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| {
            ErrorPayload::new(
                ErrorCode::Internal,
                format!("cannot start the async runtime: {error}"),
            )
        })
}
