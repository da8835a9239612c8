//! The monthly incident report, as CSV for Swedish Excel and as an A4 PDF, in Swedish or
//! English: what it covers, the month's figures, cases per category and line, charts per
//! week and category, and the case list. Times are Swedish time, as the cases happened.

use chrono::{DateTime, Datelike, Utc};
use flotta_domain::incident::{
    AgreementTerms, CategoryLabel, DAY_MINUTES, IncidentChannel, IncidentFacts, IncidentReport,
    IncidentStanding, PauseReason, SupportLine, Tally, WindowDays,
};
use flotta_domain::time::stockholm_local;

use crate::Lang;
use crate::csv_export::{Cell, Table, swedish_csv_sections};
use crate::figures::{tenths, tenths_text};
use crate::pdf::{Align, Column, PdfReport};

/// The longest description or resolution the PDF prints; the CSV holds the whole text.
const PDF_TEXT_CHARS: usize = 600;

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(report: &IncidentReport, lang: Lang) -> String {
    let month = report.head.month;
    let index = month.month0() as usize;
    let name = match lang {
        Lang::Sv => MONTHS_SV[index],
        Lang::En => MONTHS_EN[index],
    };
    format!("{name} {}", month.year())
}

fn category(label: &CategoryLabel, lang: Lang) -> String {
    let name = lang.pick(&label.name_sv, &label.name_en);
    if label.retired {
        format!("{name} {}", lang.pick("(utgången)", "(retired)"))
    } else {
        name.to_owned()
    }
}

fn line_name(line: SupportLine, lang: Lang) -> &'static str {
    match line {
        SupportLine::First => lang.pick("1:a linjen", "1st line"),
        SupportLine::Second => lang.pick("2:a linjen", "2nd line"),
        SupportLine::Third => lang.pick("3:e linjen", "3rd line"),
    }
}

fn channel_name(channel: IncidentChannel, lang: Lang) -> &'static str {
    match channel {
        IncidentChannel::Phone => lang.pick("Telefon", "Phone"),
        IncidentChannel::Email => lang.pick("E-post", "E-mail"),
        IncidentChannel::Portal => lang.pick("Portal", "Portal"),
        IncidentChannel::Chat => lang.pick("Chatt", "Chat"),
        IncidentChannel::WalkIn => lang.pick("Besök", "Walk-in"),
        IncidentChannel::Other => lang.pick("Annat", "Other"),
    }
}

fn standing_name(standing: IncidentStanding, lang: Lang) -> &'static str {
    match standing {
        IncidentStanding::Inside => lang.pick("Inom SLA", "Inside SLA"),
        IncidentStanding::Outside => lang.pick("Utanför SLA", "Outside SLA"),
        IncidentStanding::Running => lang.pick("Pågår", "Running"),
        IncidentStanding::NoTarget => lang.pick("Inget mål", "No target"),
    }
}

/// `h:mm`, with a sign when asked.
fn hours_minutes(minutes: i32, signed: bool) -> String {
    let sign = match (signed, minutes < 0) {
        (_, true) => "−",
        (true, false) => "+",
        (false, false) => "",
    };
    let minutes = minutes.unsigned_abs();
    format!("{sign}{}:{:02}", minutes / 60, minutes % 60)
}

/// The margin that decides a case's standing: the worst missed target, else the tightest of
/// those still running, else the tightest of those met.
fn deciding_margin(case: &IncidentFacts) -> Option<i32> {
    let targets: Vec<_> = [case.clock.response, case.clock.resolution]
        .into_iter()
        .flatten()
        .collect();
    [
        IncidentStanding::Outside,
        IncidentStanding::Running,
        IncidentStanding::Inside,
    ]
    .into_iter()
    .find_map(|standing| {
        targets
            .iter()
            .filter(|target| target.standing == standing)
            .map(|target| target.margin_minutes)
            .min()
    })
}

fn standing_text(case: &IncidentFacts, lang: Lang) -> String {
    let name = standing_name(case.clock.standing, lang);
    match deciding_margin(case) {
        Some(margin) => format!("{name} ({})", hours_minutes(margin, true)),
        None => name.to_owned(),
    }
}

fn local(at: DateTime<Utc>) -> String {
    stockholm_local(at).format("%Y-%m-%d %H:%M").to_string()
}

fn clock_time(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// The terms in words: "Working days 08:00–17:00; the clock stops while awaiting the reporter".
fn terms_text(terms: &AgreementTerms, lang: Lang) -> String {
    let days = match terms.window.days {
        WindowDays::WorkingDays => lang.pick("Vardagar", "Working days"),
        WindowDays::EveryDay => lang.pick("Alla dagar", "Every day"),
    };
    let hours = if terms.window.opens == 0 && terms.window.closes == DAY_MINUTES {
        "00–24".to_owned()
    } else {
        format!(
            "{}–{}",
            clock_time(terms.window.opens),
            clock_time(terms.window.closes)
        )
    };
    let pauses: Vec<&str> = terms
        .pausing
        .iter()
        .map(|reason| match reason {
            PauseReason::AwaitingReporter => {
                lang.pick("väntan på anmälaren", "awaiting the reporter")
            }
            PauseReason::AwaitingSupplier => {
                lang.pick("väntan på leverantör", "awaiting a supplier")
            }
        })
        .collect();
    let pauses = if pauses.is_empty() {
        lang.pick("inget stoppar klockan", "nothing stops the clock")
            .to_owned()
    } else {
        format!(
            "{} {}",
            lang.pick("klockan stannar vid", "the clock stops for"),
            pauses.join(lang.pick(" och ", " and "))
        )
    };
    format!("{days} {hours}; {pauses}")
}

/// Every term in force during the month, the later ones with the day they began.
fn terms_lines(report: &IncidentReport, lang: Lang) -> Vec<String> {
    report
        .head
        .terms
        .iter()
        .enumerate()
        .map(|(index, terms)| {
            if index == 0 {
                terms_text(terms, lang)
            } else {
                format!(
                    "{} {}: {}",
                    lang.pick("Från", "From"),
                    local(terms.valid_from),
                    terms_text(terms, lang)
                )
            }
        })
        .collect()
}

fn share(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |share| percent_text(share * 100.0))
}

fn percent_text(value: f64) -> String {
    format!("{value:.1} %").replace('.', ",")
}

fn week_label(week: u32, lang: Lang) -> String {
    format!("{} {week}", lang.pick("Vecka", "Week"))
}

/// The figures as rows of (label, value), shared by the CSV's summary and the PDF's.
fn summary(report: &IncidentReport, lang: Lang) -> Vec<(String, String, Cell)> {
    let total = &report.total;
    let count = |label: &str, value: u32| {
        (
            label.to_owned(),
            value.to_string(),
            Cell::Integer(value.into()),
        )
    };
    vec![
        count(lang.pick("Ärenden", "Cases"), total.cases),
        count(lang.pick("Avslutade", "Completed"), total.completed),
        count(
            lang.pick("Lösta i 1:a linjen", "Solved in 1st line"),
            total.first_line,
        ),
        (
            lang.pick("Andel lösta i 1:a linjen", "Share solved in 1st line")
                .to_owned(),
            share(total.first_line_share()),
            tenths(total.first_line_share().map(|s| s * 100.0)),
        ),
        count(lang.pick("Inom SLA", "Inside SLA"), total.inside),
        count(lang.pick("Utanför SLA", "Outside SLA"), total.outside),
        count(lang.pick("Pågående", "Running"), total.running),
        count(lang.pick("Utan mål", "No target"), total.no_target),
        (
            lang.pick("Andel inom SLA", "Share inside SLA").to_owned(),
            share(total.inside_share()),
            tenths(total.inside_share().map(|s| s * 100.0)),
        ),
        (
            lang.pick(
                "Median lösningstid (arbetstimmar)",
                "Median resolution (working hours)",
            )
            .to_owned(),
            tenths_text(report.median_resolution_hours),
            tenths(report.median_resolution_hours),
        ),
        (
            lang.pick(
                "90:e percentil lösningstid (arbetstimmar)",
                "90th percentile resolution (working hours)",
            )
            .to_owned(),
            tenths_text(report.p90_resolution_hours),
            tenths(report.p90_resolution_hours),
        ),
    ]
}

fn tally_cells(tally: &Tally) -> Vec<Cell> {
    vec![
        Cell::Integer(tally.cases.into()),
        Cell::Integer(tally.first_line.into()),
        Cell::Integer(tally.inside.into()),
        Cell::Integer(tally.outside.into()),
        Cell::Integer(tally.running.into()),
    ]
}

fn tally_texts(tally: &Tally) -> Vec<String> {
    [
        tally.cases,
        tally.first_line,
        tally.inside,
        tally.outside,
        tally.running,
    ]
    .iter()
    .map(u32::to_string)
    .collect()
}

fn tally_headers(first: &str, lang: Lang) -> Vec<String> {
    [
        first,
        lang.pick("Ärenden", "Cases"),
        lang.pick("Lösta i 1:a linjen", "Solved in 1st line"),
        lang.pick("Inom SLA", "Inside SLA"),
        lang.pick("Utanför SLA", "Outside SLA"),
        lang.pick("Pågående", "Running"),
    ]
    .iter()
    .map(|title| (*title).to_owned())
    .collect()
}

fn unit_name(report: &IncidentReport, lang: Lang) -> String {
    report
        .head
        .org_unit
        .clone()
        .unwrap_or_else(|| lang.pick("Alla", "All").to_owned())
}

/// The report as Swedish Excel opens it, every figure and the whole case list.
pub fn incident_report_csv(report: &IncidentReport, lang: Lang) -> Vec<u8> {
    let headers = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
    let about = Table {
        headers: headers(&[
            lang.pick("Rapport", "Report"),
            lang.pick("Månad", "Month"),
            lang.pick("Förvaltning", "Organisation unit"),
            lang.pick("Avtal", "Agreement"),
            lang.pick("Villkor", "Terms"),
            lang.pick("Framtagen (svensk tid)", "Made (Swedish time)"),
        ]),
        rows: vec![vec![
            lang.pick("Incidentrapport", "Incident report").into(),
            report.head.month.format("%Y-%m").to_string().into(),
            unit_name(report, lang).into(),
            report.head.agreement.as_str().into(),
            terms_lines(report, lang).join(" | ").into(),
            Cell::LocalTime(stockholm_local(report.head.as_of)),
        ]],
    };
    let figures = Table {
        headers: headers(&[lang.pick("Mått", "Figure"), lang.pick("Värde", "Value")]),
        rows: summary(report, lang)
            .into_iter()
            .map(|(label, _, cell)| vec![label.into(), cell])
            .collect(),
    };
    let by_category = Table {
        headers: tally_headers(lang.pick("Kategori", "Category"), lang),
        rows: report
            .by_category
            .iter()
            .map(|row| {
                let mut cells = vec![category(&row.category, lang).into()];
                cells.extend(tally_cells(&row.tally));
                cells
            })
            .collect(),
    };
    let by_line = Table {
        headers: tally_headers(lang.pick("Linje", "Line"), lang),
        rows: report
            .by_line
            .iter()
            .map(|row| {
                let mut cells = vec![line_name(row.line, lang).into()];
                cells.extend(tally_cells(&row.tally));
                cells
            })
            .collect(),
    };
    let by_week = Table {
        headers: headers(&[
            lang.pick("Vecka", "Week"),
            lang.pick("Från", "From"),
            lang.pick("Ärenden", "Cases"),
        ]),
        rows: report
            .by_week
            .iter()
            .map(|week| {
                vec![
                    Cell::Integer(week.week.into()),
                    Cell::Date(week.from),
                    Cell::Integer(week.cases.into()),
                ]
            })
            .collect(),
    };
    let labels: Vec<CategoryLabel> = report
        .by_category
        .iter()
        .map(|row| row.category.clone())
        .collect();
    let category_of = |id: u32| {
        labels
            .iter()
            .find(|label| label.id == id)
            .map_or_else(|| id.to_string(), |label| category(label, lang))
    };
    let minutes =
        |value: Option<i32>| value.map_or(Cell::Empty, |value| Cell::Integer(value.into()));
    let cases = Table {
        headers: headers(&[
            lang.pick("Ärende", "Case"),
            lang.pick("Helpdeskens nr", "Helpdesk no."),
            lang.pick("Mottaget (svensk tid)", "Received (Swedish time)"),
            lang.pick("Slutfört (svensk tid)", "Completed (Swedish time)"),
            lang.pick("Kanal", "IncidentChannel"),
            lang.pick("Anmälare", "Reporter"),
            lang.pick("Serienummer", "Serial number"),
            lang.pick("Förvaltning", "Organisation unit"),
            lang.pick("Kategori", "Category"),
            lang.pick("Linje", "Line"),
            lang.pick(
                "Svarstid (minuter i fönstret)",
                "Response (minutes in window)",
            ),
            lang.pick(
                "Lösningstid (minuter i fönstret)",
                "Resolution (minutes in window)",
            ),
            lang.pick("Pausad (minuter i fönstret)", "Paused (minutes in window)"),
            "SLA",
            lang.pick("Marginal (minuter)", "Margin (minutes)"),
            lang.pick("Beskrivning", "Description"),
            lang.pick("Lösning", "Resolution"),
        ]),
        rows: report
            .cases
            .iter()
            .map(|case| {
                vec![
                    Cell::Integer(case.id.into()),
                    case.external_ref.clone().into(),
                    Cell::LocalTime(stockholm_local(case.received_at)),
                    case.completed_at
                        .map_or(Cell::Empty, |at| Cell::LocalTime(stockholm_local(at))),
                    channel_name(case.channel, lang).into(),
                    case.reporter.as_str().into(),
                    case.serial.clone().into(),
                    case.org_unit.clone().into(),
                    category_of(case.category_id).into(),
                    line_name(case.line, lang).into(),
                    minutes(Some(case.clock.response_minutes)),
                    minutes(Some(case.clock.resolution_minutes)),
                    minutes(Some(case.clock.paused_minutes)),
                    standing_name(case.clock.standing, lang).into(),
                    minutes(deciding_margin(case)),
                    case.description.as_str().into(),
                    case.resolution.clone().into(),
                ]
            })
            .collect(),
    };
    swedish_csv_sections(&[about, figures, by_category, by_line, by_week, cases])
}

fn shortened(text: &str, lang: Lang) -> String {
    if text.chars().count() <= PDF_TEXT_CHARS {
        return text.to_owned();
    }
    let kept: String = text.chars().take(PDF_TEXT_CHARS).collect();
    format!(
        "{kept}… {}",
        lang.pick(
            "(förkortad; hela texten i CSV-filen)",
            "(shortened; the whole text is in the CSV file)"
        )
    )
}

/// The report as an A4 PDF: a cover, the figures, tables per category and line, charts of
/// cases per week and per category, and the case list. `None` only if the shipped font
/// cannot be read.
pub fn incident_report_pdf(report: &IncidentReport, lang: Lang) -> Option<Vec<u8>> {
    let title = format!(
        "{} {}",
        lang.pick("Incidentrapport", "Incident report"),
        month_name(report, lang)
    );
    let mut pdf = PdfReport::new(&title, lang)?;
    let column = |title: &str, width: f32, align: Align| Column {
        title: title.to_owned(),
        width,
        align,
    };

    pdf.space(50.0);
    pdf.heading(lang.pick("Incidentrapport", "Incident report"), 24.0);
    pdf.space(4.0);
    pdf.heading(&month_name(report, lang), 16.0);
    pdf.space(8.0);
    pdf.line(&format!(
        "{}: {}",
        lang.pick("Förvaltning", "Organisation unit"),
        unit_name(report, lang)
    ));
    pdf.line(&format!(
        "{}: {}",
        lang.pick("Avtal", "Agreement"),
        report.head.agreement
    ));
    for terms in terms_lines(report, lang) {
        pdf.paragraph(&terms);
    }
    pdf.line(&format!(
        "{}: {}",
        lang.pick("Framtagen", "Made"),
        local(report.head.as_of)
    ));
    pdf.line(lang.pick(
        "Tider i svensk tid; SLA-tid räknas bara inom avtalets fönster, pauser frånräknade.",
        "Times in Swedish time; SLA time counts only inside the agreement's window, pauses excluded.",
    ));
    pdf.page_break();

    pdf.heading(lang.pick("Sammanfattning", "Summary"), 14.0);
    let figures: Vec<Vec<String>> = summary(report, lang)
        .into_iter()
        .map(|(label, text, _)| vec![label, text])
        .collect();
    pdf.table(
        &[
            column(lang.pick("Mått", "Figure"), 100.0, Align::Left),
            column(lang.pick("Värde", "Value"), 30.0, Align::Right),
        ],
        &figures,
    );

    let tally_columns = |first: &str| {
        let titles = tally_headers(first, lang);
        let widths = [62.0, 22.0, 34.0, 22.0, 24.0, 22.0];
        titles
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(index, (title, width))| {
                column(
                    title,
                    width,
                    if index == 0 {
                        Align::Left
                    } else {
                        Align::Right
                    },
                )
            })
            .collect::<Vec<_>>()
    };
    pdf.heading(
        lang.pick("Ärenden per kategori", "Cases per category"),
        12.0,
    );
    let rows: Vec<Vec<String>> = report
        .by_category
        .iter()
        .map(|row| {
            let mut cells = vec![category(&row.category, lang)];
            cells.extend(tally_texts(&row.tally));
            cells
        })
        .collect();
    pdf.table(&tally_columns(lang.pick("Kategori", "Category")), &rows);

    pdf.heading(lang.pick("Ärenden per linje", "Cases per line"), 12.0);
    let rows: Vec<Vec<String>> = report
        .by_line
        .iter()
        .map(|row| {
            let mut cells = vec![line_name(row.line, lang).to_owned()];
            cells.extend(tally_texts(&row.tally));
            cells
        })
        .collect();
    pdf.table(&tally_columns(lang.pick("Linje", "Line")), &rows);

    pdf.keep_together(PdfReport::chart_height(report.by_week.len()));
    pdf.heading(lang.pick("Ärenden per vecka", "Cases per week"), 12.0);
    let bars: Vec<(String, f64, String)> = report
        .by_week
        .iter()
        .map(|week| {
            (
                week_label(week.week, lang),
                f64::from(week.cases),
                week.cases.to_string(),
            )
        })
        .collect();
    pdf.bar_chart(&bars);

    pdf.heading(
        lang.pick("Ärenden per kategori", "Cases per category"),
        12.0,
    );
    let bars: Vec<(String, f64, String)> = report
        .by_category
        .iter()
        .map(|row| {
            (
                category(&row.category, lang),
                f64::from(row.tally.cases),
                row.tally.cases.to_string(),
            )
        })
        .collect();
    pdf.bar_chart(&bars);

    pdf.page_break();
    pdf.heading(lang.pick("Ärendeförteckning", "Case list"), 14.0);
    if report.cases.is_empty() {
        pdf.line(lang.pick("Inga ärenden denna månad.", "No cases this month."));
    } else {
        let labels: Vec<&CategoryLabel> =
            report.by_category.iter().map(|row| &row.category).collect();
        let rows: Vec<Vec<String>> = report
            .cases
            .iter()
            .map(|case| {
                let category_name = labels
                    .iter()
                    .find(|label| label.id == case.category_id)
                    .map_or_else(
                        || case.category_id.to_string(),
                        |label| category(label, lang),
                    );
                vec![
                    case.external_ref
                        .clone()
                        .unwrap_or_else(|| case.id.to_string()),
                    local(case.received_at),
                    case.completed_at
                        .map(local)
                        .unwrap_or_else(|| "–".to_owned()),
                    category_name,
                    line_name(case.line, lang).to_owned(),
                    standing_text(case, lang),
                    shortened(&case.description, lang),
                    case.resolution
                        .as_deref()
                        .map(|text| shortened(text, lang))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        pdf.table(
            &[
                column(lang.pick("Nr", "No."), 14.0, Align::Left),
                column(lang.pick("Mottaget", "Received"), 19.0, Align::Left),
                column(lang.pick("Slutfört", "Completed"), 19.0, Align::Left),
                column(lang.pick("Kategori", "Category"), 24.0, Align::Left),
                column(lang.pick("Linje", "Line"), 14.0, Align::Left),
                column("SLA", 22.0, Align::Left),
                column(lang.pick("Beskrivning", "Description"), 36.0, Align::Left),
                column(lang.pick("Lösning", "Resolution"), 34.0, Align::Left),
            ],
            &rows,
        );
    }
    Some(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_read_as_hours_and_minutes() {
        assert_eq!(hours_minutes(300, true), "+5:00");
        assert_eq!(hours_minutes(-61, true), "−1:01");
        assert_eq!(hours_minutes(0, true), "+0:00");
        assert_eq!(hours_minutes(45, false), "0:45");
    }
}
