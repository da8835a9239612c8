//! The command line as a scheduled task runs it: a real process syncing a real register
//! from the emulator over HTTP.

use std::process::Command;

mod apps;
mod incidents;

use flotta_core::{Clock, Config, ConnectionInput, ConnectionSettings, Flotta, Vendor};
use flotta_emulator::{Emulator, EmulatorConfig};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A register with one Intune connection to `emulator`, whose secret is not stored (the
/// keyring is not used here), as on a server where the task supplies it.
fn register(
    dir: &tempfile::TempDir,
    emulator: &Emulator,
) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let path = dir.path().join("flotta.sqlite3");
    let flotta = Flotta::open(Config {
        database_path: path.clone(),
        actor: "admin".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    let mut settings = ConnectionSettings::new(Vendor::Intune, "Intune skolor");
    settings.base_url = emulator.graph_url();
    settings.token_url = Some(emulator.login_url());
    settings.tenant = Some(emulator.credentials().tenant.clone());
    settings.client_id = emulator.credentials().client_id.clone();
    flotta.save_connection(
        None,
        ConnectionInput {
            settings,
            secret: None,
            session_only: true,
        },
    )?;
    Ok(path)
}

fn cli(
    path: &std::path::Path,
    secret: &str,
    args: &[&str],
) -> std::io::Result<std::process::Output> {
    Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
        .arg("--db")
        .arg(path)
        .args(args)
        .env("FLOTTA_CONNECTION_SECRET", secret)
        .output()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_sync_by_name_fills_the_register_and_a_wrong_secret_changes_nothing()
-> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(600, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = register(&dir, &emulator)?;
    let secret = emulator.credentials().client_secret.clone();

    let wrong = cli(&path, "not-it", &["sync", "Intune skolor"])?;
    assert_eq!(wrong.status.code(), Some(1));
    let message = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        message.contains("sign-in"),
        "the failure names the sign-in: {message}"
    );
    assert!(
        !message.contains("not-it"),
        "the secret is never printed: {message}"
    );
    let flotta = Flotta::open(Config {
        database_path: path.clone(),
        actor: "admin".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    assert_eq!(
        flotta.status()?.device_count,
        0,
        "the failed sync changed nothing"
    );
    assert_eq!(
        flotta.sync_history(None)?[0].status,
        flotta_core::SyncStatus::Failed
    );
    drop(flotta);

    let done = cli(&path, &secret, &["sync", "Intune skolor", "--full"])?;
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{stdout} {}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(stdout.contains("Full sync Succeeded"), "{stdout}");
    // Every enrolment the emulator lists, less the records without serial and IMEI (warnings).
    let records = emulator.with_fleet(|fleet| fleet.len());
    assert!(stdout.contains(&format!("{records} records")), "{stdout}");
    let added: u32 = stdout
        .split(", ")
        .find_map(|part| part.strip_suffix(" added")?.parse().ok())
        .ok_or("no added count")?;
    assert!(added as usize > records * 9 / 10, "{stdout}");
    let listed = cli(&path, &secret, &["connections"])?;
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.starts_with("1\tIntune skolor\tIntune\topen\t"),
        "{listed}"
    );
    assert!(listed.contains(&format!("\t{added} devices")), "{listed}");
    let usage = Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
        .arg("sync")
        .output()?;
    assert_eq!(
        usage.status.code(),
        Some(2),
        "a call without --db is a usage error"
    );
    Ok(())
}

/// Runs the command line with `stdin` on standard input and no secret in the environment.
fn cli_with_input(
    path: &std::path::Path,
    stdin: &str,
    args: &[&str],
) -> std::io::Result<std::process::Output> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
        .arg("--db")
        .arg(path)
        .args(args)
        .env_remove("FLOTTA_CONNECTION_SECRET")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes())?;
    }
    child.wait_with_output()
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A server without a desktop: the connection is made, tested, synced, changed and removed
/// with the command line alone (#12).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_is_added_tested_synced_and_removed_from_the_command_line_alone_issue_12()
-> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(300, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let secret = emulator.credentials().client_secret.clone();
    let graph = emulator.graph_url();
    let login = emulator.login_url();
    let tenant = emulator.credentials().tenant.clone();
    let client = emulator.credentials().client_id.clone();
    let add = |base: &str| {
        vec![
            "connections".to_owned(),
            "add".into(),
            "--name".into(),
            "Intune skolor".into(),
            "--vendor".into(),
            "intune".into(),
            "--base-url".into(),
            base.to_owned(),
            "--token-url".into(),
            login.clone(),
            "--tenant".into(),
            tenant.clone(),
            "--client-id".into(),
            client.clone(),
            "--manual".into(),
            "--without-keyring".into(),
        ]
    };
    let hostile = format!("http://127.0.0.1:1@{}", graph.trim_start_matches("http://"));
    let args = add(&hostile);
    let refused = cli(
        &path,
        &secret,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )?;
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(
        text(&refused).contains("user name or password"),
        "the app's own validation text: {}",
        text(&refused)
    );

    let args = add(&graph);
    let added = cli(
        &path,
        &secret,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )?;
    assert_eq!(added.status.code(), Some(0), "{}", text(&added));
    assert!(
        text(&added).starts_with("1\tIntune skolor\tadded"),
        "{}",
        text(&added)
    );

    let tested = cli_with_input(
        &path,
        &format!("{secret}\n"),
        &["connections", "test", "Intune skolor", "--secret-stdin"],
    )?;
    assert_eq!(tested.status.code(), Some(0), "{}", text(&tested));
    assert!(text(&tested).contains("signed in"), "{}", text(&tested));
    let wrong = cli_with_input(
        &path,
        "not-it\n",
        &["connections", "test", "Intune skolor", "--secret-stdin"],
    )?;
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    assert!(!text(&wrong).contains("not-it"), "{}", text(&wrong));

    let synced = cli(&path, &secret, &["sync", "Intune skolor", "--full"])?;
    assert_eq!(synced.status.code(), Some(0), "{}", text(&synced));
    assert!(
        text(&synced).contains("Full sync Succeeded"),
        "{}",
        text(&synced)
    );

    // Another server for the same stored secret: the secret must be entered again.
    let moved = cli(
        &path,
        "",
        &[
            "connections",
            "edit",
            "Intune skolor",
            "--base-url",
            "https://graph.example.com",
        ],
    )?;
    assert_eq!(moved.status.code(), Some(1), "{}", text(&moved));
    assert!(
        text(&moved).contains("enter the client secret"),
        "{}",
        text(&moved)
    );
    // On this server without a keyring, the secret entered again lets the move through.
    let moved = cli_with_input(
        &path,
        &format!("{secret}\n"),
        &[
            "connections",
            "edit",
            "Intune skolor",
            "--base-url",
            "https://graph.example.com",
            "--secret-stdin",
            "--without-keyring",
        ],
    )?;
    assert_eq!(moved.status.code(), Some(0), "{}", text(&moved));
    let renamed = cli(
        &path,
        "",
        &["connections", "edit", "1", "--name", "Intune grundskola"],
    )?;
    assert_eq!(renamed.status.code(), Some(0), "{}", text(&renamed));

    let unconfirmed = cli(&path, "", &["connections", "remove", "Intune grundskola"])?;
    assert_eq!(unconfirmed.status.code(), Some(1), "{}", text(&unconfirmed));
    assert!(
        text(&unconfirmed).contains("--yes"),
        "{}",
        text(&unconfirmed)
    );
    let listed = cli(&path, "", &["connections", "list"])?;
    assert!(
        text(&listed).contains("Intune grundskola\tIntune\topen"),
        "{}",
        text(&listed)
    );
    let removed = cli(
        &path,
        "",
        &["connections", "remove", "Intune grundskola", "--yes"],
    )?;
    assert_eq!(removed.status.code(), Some(0), "{}", text(&removed));
    let listed = cli(&path, "", &["connections"])?;
    assert!(
        text(&listed).contains("Intune grundskola\tIntune\tremoved"),
        "{}",
        text(&listed)
    );
    Ok(())
}

/// Workspace ONE on a server without a keyring: the tenant code, an API key, comes from
/// `FLOTTA_TENANT_CODE` like the secret from `FLOTTA_CONNECTION_SECRET`, and never reaches
/// the register file (#12).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_one_tenant_code_comes_from_the_environment_and_stays_out_of_the_register()
-> TestResult {
    let mut config = EmulatorConfig::new(200, chrono::Utc::now());
    config.credentials.tenant_code = "Kommunkod-ws1-91d3a0".into();
    let emulator = Emulator::start(config).await?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let credentials = emulator.credentials().clone();
    let run = |args: &[&str], code: &str| {
        Command::new(env!("CARGO_BIN_EXE_flotta-cli"))
            .arg("--db")
            .arg(&path)
            .args(args)
            .env("FLOTTA_CONNECTION_SECRET", &credentials.client_secret)
            .env("FLOTTA_TENANT_CODE", code)
            .output()
    };
    let add = [
        "connections",
        "add",
        "--name",
        "WS1",
        "--vendor",
        "workspace-one",
        "--base-url",
        &emulator.ws1_url(),
        "--token-url",
        &emulator.ws1_token_url(),
        "--client-id",
        &credentials.client_id,
        "--manual",
        "--without-keyring",
    ];
    let refused = run(&add, "")?;
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("tenant code"), "{}", text(&refused));
    let added = run(&add, &credentials.tenant_code)?;
    assert_eq!(added.status.code(), Some(0), "{}", text(&added));

    let synced = run(&["sync", "WS1", "--full"], &credentials.tenant_code)?;
    assert_eq!(synced.status.code(), Some(0), "{}", text(&synced));
    assert!(text(&synced).contains("Succeeded"), "{}", text(&synced));
    // A later run without it is told what is missing, and changes nothing.
    let without = run(&["sync", "WS1", "--full"], "")?;
    assert_eq!(without.status.code(), Some(1), "{}", text(&without));
    assert!(
        text(&without).contains("FLOTTA_TENANT_CODE"),
        "{}",
        text(&without)
    );

    for entry in std::fs::read_dir(dir.path())? {
        let file = entry?.path();
        if file.is_file() {
            let bytes = std::fs::read(&file)?;
            assert!(
                !bytes
                    .windows(credentials.tenant_code.len())
                    .any(|w| w == credentials.tenant_code.as_bytes()),
                "{} holds the tenant code",
                file.display()
            );
        }
    }
    Ok(())
}

/// A scheduled check an asset manager scripts: sync, import the supplier's delivery file,
/// set the warranty notice period, and export the units whose warranty has ended (#14).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn purchases_are_imported_and_expired_warranties_exported_from_the_command_line_issue_14()
-> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(300, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = register(&dir, &emulator)?;
    let secret = emulator.credentials().client_secret.clone();
    let synced = cli(&path, &secret, &["sync", "Intune skolor", "--full"])?;
    assert_eq!(synced.status.code(), Some(0), "{}", text(&synced));
    let serials: Vec<String> = emulator.with_fleet(|fleet| {
        fleet
            .enrolments()
            .iter()
            .take(3)
            .map(|e| e.device.serial.as_str().to_owned())
            .collect()
    });
    let delivery = dir.path().join("leverans.csv");
    std::fs::write(
        &delivery,
        format!(
            "Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris;Garanti (mån)\n\
             2020-01-15;Dustin AB;Apple;iPhone 11;{};5 990;24\n\
             2020-01-15;Dustin AB;Apple;iPhone 11;{};5 990;24\n\
             {};Atea Sverige AB;Apple;iPhone 16;{};9 490;36\n",
            serials[0],
            serials[1],
            chrono::Utc::now().date_naive(),
            serials[2]
        ),
    )?;
    let preview = cli(
        &path,
        "",
        &["import", "purchases", delivery.to_str().ok_or("path")?],
    )?;
    assert_eq!(preview.status.code(), Some(0), "{}", text(&preview));
    let committed = cli(
        &path,
        "",
        &[
            "import",
            "purchases",
            delivery.to_str().ok_or("path")?,
            "--commit",
        ],
    )?;
    assert_eq!(committed.status.code(), Some(0), "{}", text(&committed));

    let warranty = cli(&path, "", &["warranty", "--notice-days", "30"])?;
    let report = text(&warranty);
    assert_eq!(warranty.status.code(), Some(0), "{report}");
    assert!(
        report.contains("1 active, 0 expiring within 30 days, 2 expired, 0 unknown"),
        "{report}"
    );
    let refused = cli(&path, "", &["warranty", "--notice-days", "0"])?;
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));

    let out = dir.path().join("utgangna.csv");
    let exported = cli(
        &path,
        "",
        &[
            "export",
            "devices",
            out.to_str().ok_or("path")?,
            "--warranty",
            "expired",
        ],
    )?;
    assert_eq!(exported.status.code(), Some(0), "{}", text(&exported));
    let csv = std::fs::read_to_string(&out)?;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "a header and the two expired units: {csv}");
    assert!(
        lines[0].contains("Garanti t.o.m.;Modellens certifiering"),
        "{}",
        lines[0]
    );
    for serial in &serials[..2] {
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with(&format!("{serial};"))
                    && line.contains(";2020-01-15;Dustin AB;2022-01-14;not_started")),
            "{serial} in {csv}"
        );
    }
    // The same units as a workbook: the dates are dates, the header frozen and filterable.
    let workbook = dir.path().join("utgangna.xlsx");
    let exported = cli(
        &path,
        "",
        &[
            "export",
            "devices",
            workbook.to_str().ok_or("path")?,
            "--warranty",
            "expired",
        ],
    )?;
    assert_eq!(exported.status.code(), Some(0), "{}", text(&exported));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&workbook)?;
    let sheet = calamine::Reader::worksheet_range(&mut book, "Enheter")?;
    assert_eq!(sheet.get_size().0, 3, "a header and the two expired units");
    let headers: Vec<String> = sheet
        .rows()
        .next()
        .ok_or("a header")?
        .iter()
        .map(|cell| cell.to_string())
        .collect();
    let column = |name: &str| {
        headers
            .iter()
            .position(|header| header == name)
            .ok_or(format!("{name} in {headers:?}"))
    };
    let (serial_at, bought_at) = (column("Serienummer")?, column("Inköpsdatum")?);
    let rows: Vec<_> = sheet.rows().collect();
    for row in rows.get(1..).unwrap_or_default() {
        assert!(
            serials[..2]
                .iter()
                .any(|serial| row[serial_at].to_string() == *serial)
        );
        assert_eq!(
            calamine::DataType::as_date(&row[bought_at]),
            chrono::NaiveDate::from_ymd_opt(2020, 1, 15),
            "the purchase date is a date cell"
        );
    }

    // The fleet summary for the management team, from the same register.
    let (summary_csv, summary_pdf) = (dir.path().join("flotta.csv"), dir.path().join("flotta.pdf"));
    let written = cli(
        &path,
        "",
        &[
            "report",
            "fleet",
            "--month",
            "2026-11",
            "--csv",
            summary_csv.to_str().ok_or("path")?,
            "--pdf",
            summary_pdf.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(written.status.code(), Some(0), "{}", text(&written));
    let csv = std::fs::read_to_string(&summary_csv)?;
    assert!(csv.starts_with("\u{feff}Rapport;Framtagen"), "{csv}");
    assert!(
        csv.contains("\r\nRedan utgången;2\r\n"),
        "the two warranties ended in 2022: {csv}"
    );
    assert!(csv.contains("\r\niOS;"), "devices by OS: {csv}");
    let pdftotext = Command::new("pdftotext")
        .args(["-layout", summary_pdf.to_str().ok_or("path")?, "-"])
        .output()?;
    let read = String::from_utf8(pdftotext.stdout)?;
    for expected in [
        "Flottöversikt",
        "Operativsystem",
        "Garantier som slutar per kvartal",
        "Modellernas certifiering",
        "Reparationer 2026-11",
        "Sida 1 av",
    ] {
        assert!(read.contains(expected), "{expected} in {read}");
    }
    Ok(())
}

/// A year's closed days as a printed calendar shows them, the organisation's closure day
/// added from the command line, and the month's SLA report written for a scheduled run (#15).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_and_the_sla_report_from_the_command_line_issue_15() -> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(50, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = register(&dir, &emulator)?;
    let year = |year: &str| -> Result<String, Box<dyn std::error::Error>> {
        let output = cli(&path, "", &["calendar", year])?;
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        Ok(String::from_utf8(output.stdout)?)
    };
    // 2004 still had Whit Monday; 2005 had National Day instead.
    let before = year("2004")?;
    assert!(
        before.contains("2004-05-31  mån  Annandag pingst"),
        "{before}"
    );
    assert!(!before.contains("nationaldag"));
    let after = year("2005")?;
    assert!(
        after.contains("2005-06-06  mån  Sveriges nationaldag"),
        "{after}"
    );
    assert!(after.contains("2005-06-24  fre  Midsommarafton"), "{after}");
    assert_eq!(after.lines().count(), 16, "{after}");

    let closed = cli(&path, "", &["calendar", "close", "2027-05-07", "Klämdag"])?;
    assert_eq!(closed.status.code(), Some(0), "{}", text(&closed));
    assert!(year("2027")?.contains("2027-05-07  fre  Klämdag"));
    let outside = cli(&path, "", &["calendar", "1989"])?;
    assert_eq!(outside.status.code(), Some(1));
    assert!(text(&outside).contains("1990"), "{}", text(&outside));

    let report = dir.path().join("sla.csv");
    let written = cli(
        &path,
        "",
        &[
            "report",
            "sla",
            "--month",
            "2026-11",
            "--csv",
            report.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(written.status.code(), Some(0), "{}", text(&written));
    let csv = std::fs::read_to_string(&report)?;
    assert!(
        csv.starts_with("\u{feff}Rapport;Månad;Förvaltning"),
        "{csv}"
    );
    assert!(csv.contains("Utbytesservice;0;0;0;0;;;"), "{csv}");
    // The PDF, read back as text: the figures, the Swedish letters, the page count.
    let pdf = dir.path().join("sla.pdf");
    let printed = cli(
        &path,
        "",
        &[
            "report",
            "sla",
            "--month",
            "2026-11",
            "--pdf",
            pdf.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(printed.status.code(), Some(0), "{}", text(&printed));
    let pdftotext = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().ok_or("path")?, "-"])
        .output()?;
    assert!(pdftotext.status.success(), "pdftotext reads it");
    let read = String::from_utf8(pdftotext.stdout)?;
    assert!(read.contains("SLA för reparationer och utbyten"), "{read}");
    assert!(read.contains("Månad: 2026-11"), "{read}");
    assert!(read.contains("Inskicksservice med lånetelefon"), "{read}");
    assert!(read.contains("Bytespoolens täckning"), "{read}");
    assert!(read.contains("Sida 1 av 1"), "{read}");
    let fonts = Command::new("pdffonts")
        .arg(pdf.to_str().ok_or("path")?)
        .output()?;
    let fonts = String::from_utf8(fonts.stdout)?;
    let listed: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        !listed.is_empty()
            && listed
                .iter()
                .all(|line| line.contains("TrueType") && line.contains(" yes ")),
        "one TrueType font, embedded: {fonts}"
    );
    let bad = cli(
        &path,
        "",
        &["report", "sla", "--month", "november", "--csv", "x.csv"],
    )?;
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad).contains("YYYY-MM"), "{}", text(&bad));
    Ok(())
}

/// The planning views as files for a scheduled export: the closed days of a year, the
/// replacement forecast and the newest delivery's checklist (#16).
#[test]
fn the_planning_views_export_from_the_command_line_issue_16() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    let days = dir.path().join("dagar.csv");
    let written = cli(
        &path,
        "",
        &["export", "closed-days", "2027", &days.to_string_lossy()],
    )?;
    assert!(written.status.success(), "{}", text(&written));
    assert!(
        text(&written).contains("16 rows written"),
        "{}",
        text(&written)
    );
    assert!(
        std::fs::read_to_string(&days)?
            .contains("\r\n2027-06-25;fredag;Midsommarafton;Helgdag;Ja\r\n")
    );
    for (what, header) in [
        ("forecast", "Kvartal;Uppdelning;Grupp;Enheter;Kostnad (kr)"),
        ("checklist", "Tillverkare;Modell;Serienummer;IMEI;"),
    ] {
        let file = dir.path().join(format!("{what}.csv"));
        let written = cli(&path, "", &["export", what, &file.to_string_lossy()])?;
        assert!(written.status.success(), "{what}: {}", text(&written));
        assert!(
            std::fs::read_to_string(&file)?.starts_with(&format!("\u{feff}{header}")),
            "{what}"
        );
    }
    let refused = cli(
        &path,
        "",
        &["export", "closed-days", "1800", &days.to_string_lossy()],
    )?;
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    Ok(())
}
