//! `flotta-cli apps search` as a scheduled check runs it: the app's units per organisation
//! unit with those not visible, the same figures in the CSV, and the device list of the app.

use flotta_core::{Clock, Config, Flotta};
use flotta_emulator::{Emulator, EmulatorConfig};

use super::{TestResult, cli, register, text};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_is_counted_per_unit_and_its_devices_exported_from_the_command_line_issue_17()
-> TestResult {
    let emulator = Emulator::start(EmulatorConfig::new(800, chrono::Utc::now())).await?;
    let dir = tempfile::tempdir()?;
    let path = register(&dir, &emulator)?;
    let secret = emulator.credentials().client_secret.clone();
    let synced = cli(&path, &secret, &["sync", "Intune skolor", "--full"])?;
    assert!(synced.status.success(), "{}", text(&synced));

    let csv = dir.path().join("tiktok.csv");
    let csv_arg = csv.to_string_lossy().into_owned();
    let found = cli(
        &path,
        &secret,
        &[
            "apps", "search", "tiktok", "--by", "unit", "--csv", &csv_arg,
        ],
    )?;
    assert!(found.status.success(), "{}", text(&found));
    let printed = String::from_utf8(found.stdout.clone())?;

    let flotta = Flotta::open(Config {
        database_path: path.clone(),
        actor: "test".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?;
    let tiktok = flotta.search_apps("tiktok")?.matches.remove(0);
    let spread = flotta.app_spread(&tiktok.key)?;
    assert!(spread.total.installed > 0 && spread.total.not_visible > 0);
    assert!(
        printed.contains(&format!(
            // Graph names an app's publisher but not its bundle id or package name.
            "TikTok (TikTok Ltd.): installed on {} of {} units whose apps we can see; {} units not visible",
            spread.total.installed, spread.total.visible, spread.total.not_visible
        )),
        "{printed}"
    );
    let top = &spread.by_org_unit[0];
    assert!(
        printed.contains(&format!(
            "\t{}\t{} installed\t{} visible\t{} not visible",
            top.group, top.installed, top.visible, top.not_visible
        )),
        "{printed}"
    );

    // The CSV for Swedish Excel: BOM, `;`, one row per unit and a total.
    let bytes = std::fs::read(&csv)?;
    let content = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").ok_or("a BOM")?)?;
    let lines: Vec<&str> = content.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(
            "App;Bundle-id / paketnamn;Utgivare;Organisationsenhet;Installerad på;\
             Enheter vars appar syns;Enheter som inte syns"
        )
    );
    assert_eq!(lines.len(), 1 + spread.by_org_unit.len() + 1, "{content}");
    assert!(
        lines.contains(
            &format!(
                "TikTok;;TikTok Ltd.;Totalt;{};{};{}",
                spread.total.installed, spread.total.visible, spread.total.not_visible
            )
            .as_str()
        )
    );

    // The app's device list, as the unit gets it.
    let devices = dir.path().join("tiktok-enheter.xlsx");
    let exported = cli(
        &path,
        &secret,
        &[
            "export",
            "devices",
            &devices.to_string_lossy(),
            "--app",
            "TIKTOK",
        ],
    )?;
    assert!(exported.status.success(), "{}", text(&exported));
    assert!(
        text(&exported).contains(&format!("{} rows", spread.total.installed)),
        "{}",
        text(&exported)
    );

    // The same units with when each was first seen, for "who installed it after the ban?".
    let since = dir.path().join("tiktok-sedan.csv");
    let listed = cli(
        &path,
        &secret,
        &["apps", "devices", "TikTok", &since.to_string_lossy()],
    )?;
    assert!(listed.status.success(), "{}", text(&listed));
    assert!(
        text(&listed).contains(&format!("{} units with TikTok", spread.total.installed)),
        "{}",
        text(&listed)
    );
    let units = std::fs::read_to_string(&since)?;
    assert_eq!(units.lines().count() as u32, 1 + spread.total.installed);
    assert!(
        units
            .lines()
            .next()
            .unwrap_or_default()
            .ends_with(";Först sedd (UTC)")
    );

    // Refused plainly: one letter, and a text no app holds.
    let short = cli(&path, &secret, &["apps", "search", "t"])?;
    assert_eq!(short.status.code(), Some(1));
    assert!(
        text(&short).contains("at least 2 characters"),
        "{}",
        text(&short)
    );
    let none = cli(&path, &secret, &["apps", "search", "%tok"])?;
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none).contains("no app's name"), "{}", text(&none));
    Ok(())
}
