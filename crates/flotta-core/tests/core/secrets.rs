//! Secrets in the OS keyring (the Secret Service under `dbus-run-session` with
//! gnome-keyring in CI), and the clear refusal where no keyring service runs.

use flotta_core::{ConnectionInput, ErrorCode, ErrorPayload, SecretStorage, SyncMode, Vendor};

use super::sync::{emulator, open, settings};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_lives_in_the_keyring_never_in_the_database() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let secret = emulator.credentials().client_secret.clone();
    let input = ConnectionInput {
        settings: settings(&emulator, Vendor::Intune),
        secret: Some(secret.clone()),
        session_only: false,
    };
    // scripts/test.sh runs the tests with a keyring and says so; elsewhere either case is met.
    let expect_keyring = std::env::var_os("FLOTTA_EXPECT_KEYRING").is_some();
    let status = flotta.secret_store_status();
    if !status.available && !expect_keyring {
        let error = flotta
            .save_connection(None, input)
            .map_err(ErrorPayload::from)
            .expect_err("no keyring");
        assert_eq!(error.code, ErrorCode::SecretStoreUnavailable);
        return Ok(());
    }
    assert!(
        status.available,
        "a keyring service is expected here: {:?}",
        status.detail
    );
    let connection = flotta.save_connection(None, input)?;
    assert_eq!(connection.secret, SecretStorage::Keyring);
    let run = flotta
        .sync_connection(connection.id, Some(SyncMode::Full), &|_| {})
        .await?;
    assert!(
        run.counts.added > 0,
        "the sync signed in with the secret from the keyring"
    );
    drop(flotta);

    // Nothing in the database file (nor its log, nor any other file beside it) holds it.
    let mut files = 0;
    for entry in std::fs::read_dir(dir.path())? {
        let path = entry?.path();
        if !path.is_file() {
            continue; // the folder of process marks, which holds empty lock files
        }
        files += 1;
        let bytes = std::fs::read(path)?;
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the secret is not written to the register"
        );
    }
    assert!(files > 0, "the register's files were searched");
    let flotta = open(&dir);
    assert_eq!(
        flotta.list_connections()?[0].secret,
        SecretStorage::Keyring,
        "kept across a restart"
    );
    flotta.remove_connection(connection.id)?;
    assert_eq!(
        flotta.list_connections()?[0].secret,
        SecretStorage::Missing,
        "removed with the connection"
    );
    Ok(())
}

/// Workspace ONE's `aw-tenant-code` is an API key: it is kept beside the secret (the keyring,
/// or the session), never in the settings the register stores; it is asked for again when the
/// address changes; a register that still has one in its settings has it moved (#12).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_one_tenant_code_is_kept_with_the_secret_issue_12() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let code = emulator.credentials().tenant_code.clone();
    let secret = emulator.credentials().client_secret.clone();
    let keyring = flotta.secret_store_status().available;
    let input = ConnectionInput {
        settings: settings(&emulator, Vendor::WorkspaceOne),
        secret: Some(secret.clone()),
        session_only: !keyring,
    };
    assert_eq!(input.settings.tenant.as_deref(), Some(code.as_str()));
    let connection = flotta.save_connection(None, input)?;
    assert_eq!(
        connection.settings.tenant, None,
        "not in the stored settings"
    );
    let run = flotta
        .sync_connection(connection.id, Some(SyncMode::Full), &|_| {})
        .await?;
    assert!(run.counts.added > 0, "signed in with the kept tenant code");

    // Saved again without it: kept. Sent elsewhere without it: asked for.
    let mut renamed = connection.settings.clone();
    renamed.name = "WS1 skolor".into();
    let kept = ConnectionInput {
        settings: renamed.clone(),
        secret: None,
        session_only: !keyring,
    };
    flotta.save_connection(Some(connection.id), kept)?;
    flotta
        .sync_connection(connection.id, Some(SyncMode::Full), &|_| {})
        .await?;
    let mut moved = renamed;
    moved.base_url = "https://as1380.awmdm.com".into();
    let elsewhere = ConnectionInput {
        settings: moved,
        secret: Some(secret.clone()),
        session_only: !keyring,
    };
    let refused = ErrorPayload::from(
        flotta
            .save_connection(Some(connection.id), elsewhere)
            .expect_err("the tenant code must be entered again"),
    );
    assert_eq!(refused.field.as_deref(), Some("tenant_code"), "{refused}");

    let files_hold = |needle: &str| -> std::io::Result<bool> {
        for entry in std::fs::read_dir(dir.path())? {
            let path = entry?.path();
            if path.is_file()
                && std::fs::read(&path)?
                    .windows(needle.len())
                    .any(|w| w == needle.as_bytes())
            {
                return Ok(true);
            }
        }
        Ok(false)
    };
    flotta.before_exit();
    drop(flotta);
    assert!(
        !files_hold(&code)?,
        "the register does not hold the tenant code"
    );

    if keyring {
        // A register that kept the code in its settings: moved to the keyring at start.
        let (mut store, _) =
            flotta_store::Store::open(&dir.path().join("flotta.sqlite3"), super::now())?;
        let mut legacy = settings(&emulator, Vendor::WorkspaceOne);
        legacy.name = "WS1 äldre".into();
        let json = serde_json::to_string(&legacy)?;
        store.create_connection(
            flotta_core::SourceKind::WorkspaceOne,
            &legacy.name,
            &json,
            false,
            "tester",
            super::now(),
        )?;
        drop(store);
        let flotta = open(&dir);
        let old = flotta
            .list_connections()?
            .into_iter()
            .find(|c| c.settings.name == "WS1 äldre")
            .ok_or("the legacy connection is listed")?;
        assert_eq!(old.settings.tenant, None, "moved out of the settings");
        flotta.use_secret_for_session(old.id, &secret)?;
        flotta
            .sync_connection(old.id, Some(SyncMode::Full), &|_| {})
            .await?;
    }
    Ok(())
}
