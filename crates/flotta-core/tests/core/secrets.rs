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
