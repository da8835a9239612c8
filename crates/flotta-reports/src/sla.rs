//! The month's repair SLA report as CSV for Swedish Excel: the figures per SLA type, the
//! breached cases and the pool's cover, each a section of the file.

use flotta_domain::pool::CoverLevel;
use flotta_domain::repair::{RepairEvent, SlaReport, SlaType};

use crate::csv_export::{Cell, Table, swedish_csv_sections};

fn sla_name(sla: SlaType) -> &'static str {
    match sla {
        SlaType::MailIn => "Inskicksservice",
        SlaType::MailInWithLoaner => "Inskicksservice med lånetelefon",
        SlaType::Swap => "Utbytesservice",
    }
}

fn promise_name(event: RepairEvent) -> &'static str {
    match event {
        RepairEvent::ReplacementShipped => "Ersättningsenhet skickad",
        RepairEvent::LoanerShipped => "Lånetelefon skickad",
        RepairEvent::UserWorking => "Användaren har fungerande enhet",
        RepairEvent::ReturnedToUser => "Åter hos användaren",
        _ => "Annat",
    }
}

fn cover_name(level: CoverLevel) -> &'static str {
    match level {
        CoverLevel::Short => "Under 2 veckor",
        CoverLevel::Enough => "2–4 veckor",
        CoverLevel::Ample => "Över 4 veckor",
        CoverLevel::Unused => "Inga byten på 8 veckor",
    }
}

/// A number with one decimal, written with a decimal comma.
fn tenths(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Decimal {
        value: (value * 10.0).round() as i64,
        scale: 1,
    })
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
