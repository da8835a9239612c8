//! A supplier's helpdesk export imported by a scheduled task, and the month's incident report
//! written as CSV and PDF and read back as a manager's Excel and PDF reader would (#16).

use std::fmt::Write as _;
use std::process::Command;

use flotta_core::{Clock, Config, Flotta};

use super::{TestResult, cli, text};

/// November 2026's cases: one each working day at 09:00 and 14:00 plus the odd ones, 300 in
/// all, the last one's description 10,000 characters long.
fn export() -> Result<(String, usize), std::fmt::Error> {
    let mut file = String::from(
        "Ärendenr;Registrerad;Första svar;Avslutad;Kategori;Nivå;Kanal;Anmälare;Förvaltning;Beskrivning;Lösning\r\n",
    );
    let categories = [
        "Felanmälan",
        "EMM/MDM och synk",
        "Hur gör jag?",
        "Stöld/förlust",
    ];
    let mut cases = 0;
    for n in 0..300 {
        let day = 2 + (n % 28);
        let hour = 8 + (n % 9);
        let category = categories[n % categories.len()];
        let description = match n {
            0 => "=HYPERLINK(\"http://evil.example\") Skärmen är svart; åäö".to_owned(),
            1 => "Appen kraschar 🦆 vid start".to_owned(),
            299 => "Lång beskrivning "
                .repeat(600)
                .chars()
                .take(10_000)
                .collect(),
            _ => format!("Ärende {n}: synken står still på förskolan"),
        };
        writeln!(
            file,
            "HD-{n};2026-11-{day:02} {hour:02}:00;2026-11-{day:02} {hour:02}:10;2026-11-{day:02} {:02}:30;{category};{};Telefon;Åsa Öberg;{};\"{}\";Åtgärdat\r",
            (hour + 1).min(16),
            1 + n % 3 / 2,
            if n % 2 == 0 {
                "Skolförvaltningen"
            } else {
                "Kulturförvaltningen"
            },
            description.replace('"', "\"\""),
        )?;
        cases += 1;
    }
    Ok((file, cases))
}

fn pdf_text(
    path: &std::path::Path,
    page: Option<usize>,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut command = Command::new("pdftotext");
    command.arg("-layout");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let output = command.arg(path).arg("-").output()?;
    assert!(
        output.status.success(),
        "pdftotext reads {}",
        path.display()
    );
    Ok(String::from_utf8(output.stdout)?)
}

#[test]
fn a_helpdesk_export_becomes_the_months_incident_report_issue_16() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("flotta.sqlite3");
    drop(Flotta::open(Config {
        database_path: path.clone(),
        actor: "admin".into(),
        demo_devices: None,
        clock: Clock::System,
        retry: Default::default(),
    })?);
    let (file, cases) = export()?;
    let export_path = dir.path().join("helpdesk.csv");
    std::fs::write(
        &export_path,
        format!("{file}HD-bad;2026-11-30 10:00;;2026-11-29 10:00;Felanmälan;1;;;;Baklänges;\r\n"),
    )?;
    let export = export_path.to_str().ok_or("path")?;

    let preview = cli(&path, "", &["import", "incidents", export])?;
    assert_eq!(
        preview.status.code(),
        Some(1),
        "a refused row fails the run: {}",
        text(&preview)
    );
    let said = text(&preview);
    assert!(
        said.contains(&format!("{} rows: {cases} to add", cases + 1)),
        "{said}"
    );
    assert!(said.contains("refused: line 302, completed_at"), "{said}");
    assert!(said.contains("nothing was imported"), "{said}");
    let committed = cli(&path, "", &["import", "incidents", export, "--commit"])?;
    assert!(
        text(&committed).contains(&format!("imported: {cases} added")),
        "{}",
        text(&committed)
    );
    let again = cli(&path, "", &["import", "incidents", export, "--commit"])?;
    assert!(
        text(&again).contains(&format!("imported: 0 added, {cases} imported before")),
        "{}",
        text(&again)
    );

    let csv = dir.path().join("incidenter.csv");
    let pdf = dir.path().join("incidenter.pdf");
    let written = cli(
        &path,
        "",
        &[
            "report",
            "incidents",
            "--month",
            "2026-11",
            "--csv",
            csv.to_str().ok_or("path")?,
            "--pdf",
            pdf.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(written.status.code(), Some(0), "{}", text(&written));
    assert!(
        text(&written).contains(&format!("({cases} cases)")),
        "{}",
        text(&written)
    );

    // The CSV: Swedish Excel's BOM and separators, the figures and every case, no formula.
    let csv = std::fs::read_to_string(&csv)?;
    assert!(
        csv.starts_with("\u{feff}Rapport;Månad;Förvaltning;Avtal"),
        "{}",
        &csv[..200]
    );
    assert!(
        csv.contains(&format!("\r\nÄrenden;{cases}\r\n")),
        "the case count"
    );
    assert!(csv.contains("'=HYPERLINK"), "a formula is kept as text");
    assert!(!csv.contains(";=HYPERLINK") && !csv.contains(";\"=HYPERLINK"));
    assert!(
        csv.contains(&"Lång beskrivning ".repeat(500)),
        "the whole long description"
    );
    let listed = csv
        .lines()
        .filter(|line| line.contains(";Åsa Öberg;"))
        .count();
    assert_eq!(listed, cases, "every case in the case list");

    // The PDF: the cover, the figures, the Swedish letters, page n of m, and the case list's
    // header on every page it runs onto.
    if let Some(keep) = std::env::var_os("FLOTTA_KEEP_PDF") {
        std::fs::copy(&pdf, keep)?;
    }
    let whole = pdf_text(&pdf, None)?;
    assert!(whole.contains("Incidentrapport"), "{whole}");
    assert!(whole.contains("HD-299"), "the helpdesk's own case numbers");
    assert!(whole.contains("november 2026"));
    assert!(
        whole.contains("Skärmen") && whole.contains("åäö"),
        "å, ä, ö print"
    );
    assert!(whole.contains("Lösta i 1:a linjen"));
    assert!(
        whole.contains("(förkortad;"),
        "a 10,000-character text is shortened"
    );
    let pages = whole.matches('\u{c}').count();
    assert!(pages >= 5, "{pages} pages");
    assert!(
        whole.contains(&format!("Sida {pages} av {pages}")),
        "page n of m"
    );
    let mut list_pages = 0;
    for page in 1..=pages {
        let text = pdf_text(&pdf, Some(page))?;
        if text.contains("Ärendeförteckning") || list_pages > 0 {
            list_pages += 1;
            assert!(
                text.contains("Beskrivning") && text.contains("Mottaget"),
                "page {page}: {text}"
            );
        }
    }
    assert!(
        list_pages >= 3,
        "the case list runs over {list_pages} pages"
    );
    let fonts = String::from_utf8(Command::new("pdffonts").arg(&pdf).output()?.stdout)?;
    assert!(
        fonts.lines().skip(2).all(|line| line.contains(" yes ")),
        "every font embedded: {fonts}"
    );
    // A look at the cover and the first page of the case list, as PNG.
    let png = dir.path().join("page");
    let rendered = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "3"])
        .arg(&pdf)
        .arg(&png)
        .status()?;
    assert!(rendered.success());
    let images = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".png"))
        .count();
    assert_eq!(images, 3);

    // English, for a supplier abroad.
    let english = dir.path().join("incidents.pdf");
    let written = cli(
        &path,
        "",
        &[
            "report",
            "incidents",
            "--month",
            "2026-11",
            "--lang",
            "en",
            "--pdf",
            english.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(written.status.code(), Some(0), "{}", text(&written));
    let english = pdf_text(&english, None)?;
    assert!(english.contains("Incident report") && english.contains("November 2026"));
    assert!(
        english.contains(&format!("Page 1 of {pages}")),
        "{}",
        &english[..400]
    );

    // An empty month is a report too; a file that cannot be written leaves nothing behind.
    let empty = dir.path().join("tom.pdf");
    let written = cli(
        &path,
        "",
        &[
            "report",
            "incidents",
            "--month",
            "2026-10",
            "--pdf",
            empty.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(written.status.code(), Some(0), "{}", text(&written));
    assert!(pdf_text(&empty, None)?.contains("Inga ärenden denna månad."));
    let nowhere = dir.path().join("saknas").join("r.pdf");
    let failed = cli(
        &path,
        "",
        &[
            "report",
            "incidents",
            "--month",
            "2026-11",
            "--pdf",
            nowhere.to_str().ok_or("path")?,
        ],
    )?;
    assert_eq!(failed.status.code(), Some(1));
    assert!(text(&failed).contains("saknas"), "{}", text(&failed));
    Ok(())
}
