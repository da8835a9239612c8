//! The month's repair SLA report as CSV for Swedish Excel: the figures per SLA type, the
//! breached cases and the pool's cover, each a section of the file.

use flotta_domain::pool::CoverLevel;
use flotta_domain::repair::{RepairEvent, SlaReport, SlaType};

use crate::csv_export::{Cell, Table, swedish_csv_sections};
use crate::figures::{tenths, tenths_text};
use crate::pdf::{Align, Column, PdfReport};

pub(crate) fn sla_name(sla: SlaType) -> &'static str {
    match sla {
        SlaType::MailIn => "Inskicksservice",
        SlaType::MailInWithLoaner => "Inskicksservice med lånetelefon",
        SlaType::Swap => "Utbytesservice",
    }
}

fn promise_name(event: RepairEvent) -> &'static str {
    match event {
        RepairEvent::ReplacementShipped => "Ersättning skickad",
        RepairEvent::LoanerShipped => "Lånetelefon skickad",
        RepairEvent::UserWorking => "Fungerande enhet",
        RepairEvent::ReturnedToUser => "Åter hos användaren",
        _ => "Annat",
    }
}

pub(crate) fn cover_name(level: CoverLevel) -> &'static str {
    match level {
        CoverLevel::Short => "Under 2 veckor",
        CoverLevel::Enough => "2–4 veckor",
        CoverLevel::Ample => "Över 4 veckor",
        CoverLevel::Unused => "Inga byten på 8 veckor",
    }
}

/// The report as Swedish Excel opens it.
pub fn sla_report_csv(report: &SlaReport) -> Vec<u8> {
    let headers = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
    let about = Table {
        headers: headers(&["Rapport", "Månad", "Förvaltning", "Beräknad (UTC)"]),
        rows: vec![vec![
            "SLA för reparationer och utbyten".into(),
            report.month.as_str().into(),
            report
                .org_unit
                .clone()
                .unwrap_or_else(|| "Alla".to_owned())
                .into(),
            Cell::Time(report.as_of),
        ]],
    };
    let by_type = Table {
        headers: headers(&[
            "SLA-typ",
            "Ärenden",
            "Inom SLA",
            "Utanför SLA",
            "Pågående",
            "Andel inom SLA (%)",
            "Median (arbetsdagar)",
            "90:e percentil (arbetsdagar)",
        ]),
        rows: report
            .by_type
            .iter()
            .map(|row| {
                vec![
                    sla_name(row.sla).into(),
                    Cell::Integer(row.cases.into()),
                    Cell::Integer(row.within.into()),
                    Cell::Integer(row.breached.into()),
                    Cell::Integer(row.pending.into()),
                    tenths(row.within_share.map(|share| share * 100.0)),
                    tenths(row.median_turnaround),
                    tenths(row.p90_turnaround),
                ]
            })
            .collect(),
    };
    let breached = Table {
        headers: headers(&[
            "Ärende",
            "SLA-typ",
            "Serienummer",
            "Modell",
            "Förvaltning",
            "Anmält (UTC)",
            "Brutet löfte",
            "Skulle vara klart",
            "Arbetsdagar sent",
        ]),
        rows: report
            .breached
            .iter()
            .map(|case| {
                vec![
                    Cell::Integer(case.id.into()),
                    sla_name(case.sla).into(),
                    case.serial.as_str().into(),
                    case.model.as_str().into(),
                    case.org_unit.clone().into(),
                    Cell::Time(case.reported_at),
                    promise_name(case.promise).into(),
                    Cell::Date(case.due_day),
                    Cell::Integer(case.late_working_days.into()),
                ]
            })
            .collect(),
    };
    let pool = Table {
        headers: headers(&[
            "Tillverkare",
            "Modell",
            "Tillgängliga",
            "Utskickade senaste 8 veckorna",
            "Förbrukning per vecka",
            "Täckning (veckor)",
            "Bedömning",
        ]),
        rows: report
            .pool
            .iter()
            .map(|row| {
                vec![
                    row.manufacturer.as_str().into(),
                    row.model.as_str().into(),
                    Cell::Integer(row.cover.available.into()),
                    Cell::Integer(row.cover.shipped_recently.into()),
                    tenths(Some(row.cover.weekly_consumption)),
                    tenths(row.cover.weeks),
                    cover_name(row.cover.level).into(),
                ]
            })
            .collect(),
    };
    swedish_csv_sections(&[about, by_type, breached, pool])
}

/// The report as an A4 PDF: what it covers, the figures per SLA type with a chart of the
/// share within the SLA, the breached cases and the pool's cover. `None` only if the shipped
/// font cannot be read.
pub fn sla_report_pdf(report: &SlaReport) -> Option<Vec<u8>> {
    let mut pdf = PdfReport::new(
        &format!("SLA för reparationer {}", report.month),
        crate::Lang::Sv,
    )?;
    let column = |title: &str, width: f32, align: Align| Column {
        title: title.to_owned(),
        width,
        align,
    };
    pdf.heading("SLA för reparationer och utbyten", 16.0);
    pdf.line(&format!("Månad: {}", report.month));
    pdf.line(&format!(
        "Förvaltning: {}",
        report.org_unit.as_deref().unwrap_or("Alla")
    ));
    pdf.line(&format!(
        "Beräknad: {} (UTC)",
        report.as_of.format("%Y-%m-%d %H:%M")
    ));
    pdf.space(4.0);

    pdf.heading("Ärenden per SLA-typ", 12.0);
    let by_type: Vec<Vec<String>> = report
        .by_type
        .iter()
        .map(|row| {
            vec![
                sla_name(row.sla).to_owned(),
                row.cases.to_string(),
                row.within.to_string(),
                row.breached.to_string(),
                row.pending.to_string(),
                tenths_text(row.within_share.map(|share| share * 100.0)),
                tenths_text(row.median_turnaround),
                tenths_text(row.p90_turnaround),
            ]
        })
        .collect();
    pdf.table(
        &[
            column("SLA-typ", 56.0, Align::Left),
            column("Ärenden", 16.0, Align::Right),
            column("Inom", 14.0, Align::Right),
            column("Utanför", 16.0, Align::Right),
            column("Pågår", 14.0, Align::Right),
            column("Inom (%)", 18.0, Align::Right),
            column("Median (d)", 22.0, Align::Right),
            column("90:e pct (d)", 22.0, Align::Right),
        ],
        &by_type,
    );
    pdf.heading("Andel inom SLA", 12.0);
    let bars: Vec<(String, f64, String)> = report
        .by_type
        .iter()
        .map(|row| {
            let share = row.within_share.unwrap_or(0.0) * 100.0;
            (
                sla_name(row.sla).to_owned(),
                share,
                format!("{} %", tenths_text(row.within_share.map(|s| s * 100.0))),
            )
        })
        .collect();
    pdf.bar_chart(&bars);

    pdf.heading("Ärenden utanför SLA", 12.0);
    if report.breached.is_empty() {
        pdf.line("Inga.");
    } else {
        let rows: Vec<Vec<String>> = report
            .breached
            .iter()
            .map(|case| {
                vec![
                    case.id.to_string(),
                    sla_name(case.sla).to_owned(),
                    case.serial.clone(),
                    case.model.clone(),
                    case.org_unit.clone().unwrap_or_default(),
                    promise_name(case.promise).to_owned(),
                    case.due_day.to_string(),
                    case.late_working_days.to_string(),
                ]
            })
            .collect();
        pdf.table(
            &[
                column("Ärende", 12.0, Align::Right),
                column("SLA-typ", 26.0, Align::Left),
                column("Serienummer", 30.0, Align::Left),
                column("Modell", 26.0, Align::Left),
                column("Förvaltning", 24.0, Align::Left),
                column("Brutet löfte", 28.0, Align::Left),
                column("Senast", 19.0, Align::Left),
                column("Sent (d)", 14.0, Align::Right),
            ],
            &rows,
        );
    }

    pdf.heading("Bytespoolens täckning", 12.0);
    let pool: Vec<Vec<String>> = report
        .pool
        .iter()
        .map(|row| {
            vec![
                format!("{} {}", row.manufacturer, row.model),
                row.cover.available.to_string(),
                row.cover.shipped_recently.to_string(),
                tenths_text(row.cover.weeks),
                cover_name(row.cover.level).to_owned(),
            ]
        })
        .collect();
    pdf.table(
        &[
            column("Modell", 62.0, Align::Left),
            column("Tillgängliga", 24.0, Align::Right),
            column("Utskickade 8 v", 28.0, Align::Right),
            column("Veckor", 18.0, Align::Right),
            column("Bedömning", 42.0, Align::Left),
        ],
        &pool,
    );
    Some(pdf.finish())
}
