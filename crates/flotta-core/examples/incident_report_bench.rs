//! Benchmark: the monthly incident report over a month of 5,000 cases (imported from a
//! helpdesk export into a register of 50,000 devices): its figures, its CSV and its PDF,
//! each read from the register, computed, rendered and written to a file as the app does.
//!
//! Run with `cargo run --release -p flotta-core --example incident_report_bench [cases]`.
//! Prints min / median / max of each; the targets are the PDF ≤ 500 ms and the CSV ≤ 100 ms.

#[path = "timing/mod.rs"]
mod timing;

use std::fmt::Write as _;
use std::time::Instant;

use chrono::TimeZone;
use flotta_core::{
    Clock, Config, Flotta, IncidentImportOptions, IncidentReportRequest, Language, ReportFormat,
};
use timing::{measure, report};

const DEVICES: usize = 50_000;
const CATEGORIES: [&str; 8] = [
    "Felanmälan",
    "Felsökning",
    "Hur gör jag?",
    "EMM/MDM och synk",
    "Stöld/förlust",
    "Beställning (retur, återvinning)",
    "Abonnemang",
    "Övrigt",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases: usize = std::env::args()
        .nth(1)
        .map(|arg| arg.parse())
        .transpose()?
        .unwrap_or(5_000);
    let dir = tempfile::tempdir()?;
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 12, 2, 9, 0, 0)
        .single()
        .ok_or("bad date")?;
    let flotta = Flotta::open(Config {
        database_path: dir.path().join("bench.sqlite3"),
        actor: "bench".into(),
        demo_devices: Some(DEVICES),
        clock: Clock::Fixed(now),
        retry: Default::default(),
    })?;

    // November's cases spread over its working hours, a third escalated, one in ten open,
    // descriptions of a realistic length with the odd long one.
    let mut file = String::from(
        "Ärendenr;Registrerad;Första svar;Avslutad;Kategori;Nivå;Kanal;Anmälare;Förvaltning;Beskrivning;Lösning\n",
    );
    for n in 0..cases {
        let day = 2 + (n % 28);
        let hour = 8 + (n % 8);
        let minute = n % 60;
        let completed = if n % 10 == 0 {
            String::new()
        } else {
            format!(
                "2026-11-{day:02} {:02}:{minute:02}",
                (hour + 1 + n % 3).min(16)
            )
        };
        let description = if n % 500 == 0 {
            "Användaren beskriver felet utförligt. ".repeat(100)
        } else {
            format!(
                "Ärende {n}: telefonen synkar inte e-post efter uppdateringen, startat om två gånger"
            )
        };
        writeln!(
            file,
            "HD-{n};2026-11-{day:02} {hour:02}:{minute:02};2026-11-{day:02} {hour:02}:{:02};{completed};{};{};Telefon;Anmälare {n};Förvaltning {};{description};Ny profil installerad och verifierad",
            (minute + 5).min(59),
            CATEGORIES[n % CATEGORIES.len()],
            1 + n % 3,
            n % 12,
        )?;
    }
    let started = Instant::now();
    let imported = flotta.import_incidents(
        "bench.csv",
        file.as_bytes(),
        &IncidentImportOptions::default(),
    )?;
    println!(
        "imported {} cases in {:.0} ms",
        imported.added,
        started.elapsed().as_secs_f64() * 1000.0
    );

    let request = IncidentReportRequest {
        month: "2026-11".into(),
        org_unit: None,
        agreement: None,
        language: Language::Sv,
    };
    let csv = dir.path().join("incidenter.csv");
    let pdf = dir.path().join("incidenter.pdf");
    report(
        "report figures (read + computed)",
        &measure(20, || flotta.incident_report("2026-11", None, None))?,
    );
    report(
        "CSV, written to a file",
        &measure(20, || {
            flotta.export_incident_report(&request, ReportFormat::Csv, &csv)
        })?,
    );
    report(
        "PDF, written to a file",
        &measure(10, || {
            flotta.export_incident_report(&request, ReportFormat::Pdf, &pdf)
        })?,
    );
    println!(
        "the PDF: {} KiB; the CSV: {} KiB",
        std::fs::metadata(&pdf)?.len() / 1024,
        std::fs::metadata(&csv)?.len() / 1024
    );
    Ok(())
}
