//! A server that tries to get more than the connection gives it (#12): links and redirects to
//! another origin, answers without end, and a check that no secret reaches the register file,
//! the log or an error message while syncs meet every fault.

use flotta_core::{
    AuthMethod, ConnectionInput, ErrorCode, ErrorPayload, SyncMode, SyncStatus, Vendor,
};
use flotta_emulator::{Api, Emulator, EmulatorConfig, Fault, FaultRule, Witness};

use super::sync::{add, emulator, open, settings, sync};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Asserts the witness got nothing: no request at all, so no token and no secret.
fn nothing_reached(witness: &Witness, what: &str) {
    let seen = witness.seen();
    assert!(seen.is_empty(), "{what}: another server was sent {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_next_link_to_another_server_fails_the_sync_and_marks_nothing_missing_issue_12()
-> TestResult {
    let emulator = emulator().await;
    let witness = Witness::start().await?;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    let first = sync(&flotta, id, SyncMode::Full).await?;
    assert!(first.counts.added > 1000, "{first:?}");

    emulator.arm(
        FaultRule::once(Fault::ForeignNextLink(witness.origin()))
            .on(Api::Graph)
            .on_path("managedDevices"),
    );
    let error = sync(&flotta, id, SyncMode::Full)
        .await
        .expect_err("the foreign link is refused");
    assert_eq!(error.code, ErrorCode::VendorResponseInvalid, "{error}");
    assert!(
        error.message.contains("another server"),
        "says why: {}",
        error.message
    );
    nothing_reached(&witness, "a foreign next link");
    assert_eq!(flotta.sync_history(Some(id))?[0].status, SyncStatus::Failed);
    assert_eq!(flotta.status()?.device_count, first.counts.added);

    let again = sync(&flotta, id, SyncMode::Full).await?;
    assert_eq!(
        (again.counts.missing, again.counts.returned),
        (0, 0),
        "the refused sync marked no device missing, so none returns now: {again:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_is_not_followed_with_the_secret_or_the_token_issue_12() -> TestResult {
    let emulator = emulator().await;
    let witness = Witness::start().await?;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let cases = [
        (
            Vendor::Intune,
            AuthMethod::ClientCredentials,
            Api::Graph,
            "token",
        ),
        (
            Vendor::JamfPro,
            AuthMethod::ClientCredentials,
            Api::Jamf,
            "token",
        ),
        (Vendor::JamfPro, AuthMethod::Basic, Api::Jamf, "token"),
        (
            Vendor::WorkspaceOne,
            AuthMethod::ClientCredentials,
            Api::WorkspaceOne,
            "token",
        ),
        (
            Vendor::Intune,
            AuthMethod::ClientCredentials,
            Api::Graph,
            "managedDevices",
        ),
        (
            Vendor::JamfPro,
            AuthMethod::ClientCredentials,
            Api::Jamf,
            "mobile-devices",
        ),
        (
            Vendor::WorkspaceOne,
            AuthMethod::Basic,
            Api::WorkspaceOne,
            "devices/search",
        ),
    ];
    for (vendor, auth, api, path) in cases {
        let mut settings = settings(&emulator, vendor);
        settings.auth = auth;
        let secret = match auth {
            AuthMethod::ClientCredentials => emulator.credentials().client_secret.clone(),
            AuthMethod::Basic => emulator.credentials().password.clone(),
        };
        let input = ConnectionInput {
            settings,
            secret: Some(secret),
            session_only: true,
        };
        for status_code in ["307", "308"] {
            emulator.arm(
                FaultRule::once(Fault::Redirect(format!("{}/{path}", witness.origin())))
                    .on(api)
                    .on_path(path),
            );
            let error = flotta
                .test_connection(None, input.clone())
                .await
                .map_err(ErrorPayload::from)
                .expect_err("a redirect is not followed");
            let case = format!("{vendor:?} {auth:?}, {path} ({status_code})");
            assert_eq!(
                error.code,
                ErrorCode::VendorResponseInvalid,
                "{case}: {error}"
            );
            assert!(
                error.message.contains("redirect"),
                "{case}: {}",
                error.message
            );
            nothing_reached(&witness, &case);
            assert_eq!(emulator.pending_faults(), 0, "{case}: the redirect was met");
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_larger_than_64_mib_is_refused_whether_announced_or_not_issue_12() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let id = add(&flotta, &emulator, settings(&emulator, Vendor::Intune));
    for announced in [true, false] {
        emulator.arm(
            FaultRule::once(Fault::OversizedBody { announced })
                .on(Api::Graph)
                .on_path("managedDevices")
                .after(2),
        );
        let error = sync(&flotta, id, SyncMode::Full)
            .await
            .expect_err("the answer is too large");
        assert_eq!(error.code, ErrorCode::VendorResponseInvalid, "{error}");
        assert!(
            error.message.contains("larger than 64 MiB"),
            "announced {announced}: {}",
            error.message
        );
        assert_eq!(flotta.status()?.device_count, 0, "nothing was written");
    }
    Ok(())
}

/// Distinctive secrets, so that a match in a file or a log can only be a leak.
const CLIENT_SECRET: &str = "Hemlis-åäö-client-7f3a9c21";
const PASSWORD: &str = "Lösenord-basic-2b8e1d55";
/// Workspace ONE's aw-tenant-code is an API key: kept with the secret, never in the register.
const TENANT_CODE: &str = "Hyresgästkod-ws1-5c0d7e93";

async fn emulator_with_distinct_secrets() -> Emulator {
    let mut config = EmulatorConfig::new(600, super::now());
    config.graph_max_page = 97;
    config.credentials.client_secret = CLIENT_SECRET.into();
    config.credentials.password = PASSWORD.into();
    config.credentials.tenant_code = TENANT_CODE.into();
    Emulator::start(config).await.expect("the emulator starts")
}

/// Every fault the emulator has, on every vendor and way of signing in: no secret in the
/// register file (with its write-ahead log), in what was logged, or in any error payload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_reaches_the_register_the_log_or_an_error_issue_12() -> TestResult {
    let log = super::captured_log();
    let emulator = emulator_with_distinct_secrets().await;
    let witness = Witness::start().await?;
    let dir = tempfile::tempdir()?;
    let flotta = open(&dir);
    let faults = [
        Fault::TooManyRequests {
            retry_after_seconds: 0,
        },
        Fault::ServerError,
        Fault::DropMidBody,
        Fault::TruncatedJson,
        Fault::MalformedJson,
        Fault::ExpireTokens,
        Fault::Forbidden,
        Fault::Redirect(witness.origin()),
        Fault::ForeignNextLink(witness.origin()),
    ];
    let mut payloads: Vec<ErrorPayload> = Vec::new();
    for (vendor, auth) in [
        (Vendor::Intune, AuthMethod::ClientCredentials),
        (Vendor::JamfPro, AuthMethod::ClientCredentials),
        (Vendor::JamfPro, AuthMethod::Basic),
        (Vendor::WorkspaceOne, AuthMethod::ClientCredentials),
        (Vendor::WorkspaceOne, AuthMethod::Basic),
    ] {
        let mut settings = settings(&emulator, vendor);
        settings.auth = auth;
        settings.name = format!("{vendor:?} {auth:?}");
        let id = add(&flotta, &emulator, settings.clone());
        for fault in &faults {
            emulator.arm(FaultRule::once(fault.clone()).times(8));
            if let Err(error) = sync(&flotta, id, SyncMode::Full).await {
                payloads.push(error);
            }
            emulator.clear_faults();
        }
        // A wrong secret, and a right one for the wrong user.
        let wrong = ConnectionInput {
            settings,
            secret: Some(format!("{CLIENT_SECRET}-wrong")),
            session_only: true,
        };
        if let Err(error) = flotta.test_connection(Some(id), wrong).await {
            payloads.push(ErrorPayload::from(error));
        }
    }
    assert!(
        payloads.len() > 20,
        "the faults failed syncs: {}",
        payloads.len()
    );
    flotta.before_exit();
    drop(flotta);

    let secrets = [CLIENT_SECRET, PASSWORD, TENANT_CODE];
    for entry in std::fs::read_dir(dir.path())? {
        let path = entry?.path();
        if path.is_file() {
            let bytes = std::fs::read(&path)?;
            for secret in secrets {
                assert!(
                    !contains(&bytes, secret.as_bytes()),
                    "{} holds a secret",
                    path.display()
                );
            }
        }
    }
    let logged = log.text();
    assert!(!logged.is_empty(), "the syncs logged something to search");
    for secret in secrets {
        assert!(!logged.contains(secret), "the log holds a secret");
        for payload in &payloads {
            assert!(!payload.message.contains(secret), "{payload}");
        }
    }
    nothing_reached(&witness, "the fault barrage");
    Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
