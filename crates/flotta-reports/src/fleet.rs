//! The fleet summary report, as CSV for Swedish Excel and as an A4 PDF, in Swedish or
//! English: the fleet by OS, model, unit and ownership, the warranties ending per quarter,
//! the certification of the models in use, the stale, jailbroken and non-compliant counts,
//! and the month's repair SLA figures with the swap pool's cover.

use flotta_domain::CertificationStatus;
use flotta_domain::fleet_report::FleetReport;
use flotta_domain::inventory::FacetValue;
use flotta_domain::time::stockholm_local;

use crate::Lang;
use crate::csv_export::{Cell, Table, swedish_csv_sections};
use crate::figures::{tenths, tenths_text};
use crate::pdf::{Align, Column, PdfReport};
use crate::sla::{cover_name, sla_name};

/// The bars a chart shows; the rest are summed into "other".
const CHART_BARS: usize = 12;

fn value_name(value: &str, lang: Lang) -> String {
    let known = match value {
        "ios" => "iOS",
        "ipados" => "iPadOS",
        "android" => "Android",
        "windows" => "Windows",
        "macos" => "macOS",
        "corporate" => lang.pick("Organisationsägd", "Corporate"),
        "personal" => lang.pick("Privatägd", "Personal"),
        "unknown" => lang.pick("Okänd", "Unknown"),
        "other" => lang.pick("Annat", "Other"),
        "" => lang.pick("(ingen)", "(none)"),
        _ => return value.to_owned(),
    };
    known.to_owned()
}

fn status_text(status: &CertificationStatus, lang: Lang) -> String {
    match status {
        CertificationStatus::NotStarted => lang.pick("Ej påbörjad", "Not started").to_owned(),
        CertificationStatus::InProgress { level } => {
            format!("{} {level}", lang.pick("Pågår, nivå", "In progress, level"))
        }
        CertificationStatus::Stopped { level } => {
            format!(
                "{} {level}",
                lang.pick("Stoppad på nivå", "Stopped at level")
            )
        }
        CertificationStatus::Certified { on } => format!(
            "{} {}",
            lang.pick("Certifierad", "Certified"),
            on.date_naive()
        ),
    }
}

fn noncompliant(report: &FleetReport) -> u32 {
    report
        .summary
        .by_compliance
        .iter()
        .filter(|facet| facet.value == "noncompliant")
        .map(|facet| facet.count)
        .sum()
}

/// The key counts, shared by both files.
fn key_counts(report: &FleetReport, lang: Lang) -> Vec<(&'static str, u32)> {
    let summary = &report.summary;
    vec![
        (lang.pick("Enheter", "Devices"), summary.total),
        (
            lang.pick("Privatägda", "Personally owned"),
            summary.personal,
        ),
        (
            lang.pick(
                "Inaktiva (ingen incheckning på 30 dagar)",
                "Stale (no check-in for 30 days)",
            ),
            summary.stale,
        ),
        (
            lang.pick("Jailbrokade eller rootade", "Jailbroken or rooted"),
            summary.jailbroken,
        ),
        (
            lang.pick("Ej efterlevande", "Non-compliant"),
            noncompliant(report),
        ),
    ]
}

/// The facet tables: heading and its values.
fn facets(report: &FleetReport, lang: Lang) -> [(&'static str, &[FacetValue]); 4] {
    let summary = &report.summary;
    [
        (
            lang.pick("Operativsystem", "Operating system"),
            &summary.by_os[..],
        ),
        (lang.pick("Modell", "Model"), &summary.by_model[..]),
        (
            lang.pick("Förvaltning", "Organisation unit"),
            &summary.by_org_unit[..],
        ),
        (
            lang.pick("Ägarskap", "Ownership"),
            &summary.by_ownership[..],
        ),
    ]
}

fn quarter_label(year: i32, quarter: u8, lang: Lang) -> String {
    format!("{year} {}{quarter}", lang.pick("K", "Q"))
}

fn made(report: &FleetReport) -> String {
    stockholm_local(report.as_of)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The report as Swedish Excel opens it.
pub fn fleet_report_csv(report: &FleetReport, lang: Lang) -> Vec<u8> {
    let headers = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
    let mut tables = vec![
        Table {
            headers: headers(&[
                lang.pick("Rapport", "Report"),
                lang.pick("Framtagen (svensk tid)", "Made (Swedish time)"),
                lang.pick("Reparationer, månad", "Repairs, month"),
            ]),
            rows: vec![vec![
                lang.pick("Flottöversikt", "Fleet summary").into(),
                Cell::LocalTime(stockholm_local(report.as_of)),
                report.repairs.month.as_str().into(),
            ]],
        },
        Table {
            headers: headers(&[lang.pick("Mått", "Figure"), lang.pick("Antal", "Count")]),
            rows: key_counts(report, lang)
                .into_iter()
                .map(|(label, count)| vec![label.into(), Cell::Integer(count.into())])
                .collect(),
        },
    ];
    for (heading, values) in facets(report, lang) {
        tables.push(Table {
            headers: headers(&[heading, lang.pick("Enheter", "Devices")]),
            rows: values
                .iter()
                .map(|facet| {
                    vec![
                        value_name(&facet.value, lang).into(),
                        Cell::Integer(facet.count.into()),
                    ]
                })
                .collect(),
        });
    }
    let mut warranty = vec![vec![
        lang.pick("Redan utgången", "Ended already").into(),
        Cell::Integer(report.warranty_ended.into()),
    ]];
    warranty.extend(report.warranty_quarters.iter().map(|row| {
        vec![
            quarter_label(row.quarter.year, row.quarter.quarter, lang).into(),
            Cell::Integer(row.units.into()),
        ]
    }));
    tables.push(Table {
        headers: headers(&[
            lang.pick("Garantin slutar", "Warranty ends"),
            lang.pick("Inköpta enheter", "Bought units"),
        ]),
        rows: warranty,
    });
    tables.push(Table {
        headers: headers(&[
            lang.pick("Tillverkare", "Manufacturer"),
            lang.pick("Modell", "Model"),
            lang.pick("Enheter", "Devices"),
            lang.pick("Certifiering", "Certification"),
        ]),
        rows: report
            .models
            .iter()
            .map(|model| {
                vec![
                    model.manufacturer.as_str().into(),
                    model.model.as_str().into(),
                    Cell::Integer(model.units.into()),
                    status_text(&model.status, lang).into(),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        headers: headers(&[
            lang.pick("SLA-typ", "SLA type"),
            lang.pick("Ärenden", "Cases"),
            lang.pick("Inom SLA", "Within SLA"),
            lang.pick("Utanför SLA", "Breached"),
            lang.pick("Pågående", "Pending"),
            lang.pick("Median (arbetsdagar)", "Median (working days)"),
        ]),
        rows: report
            .repairs
            .by_type
            .iter()
            .map(|row| {
                vec![
                    sla_name(row.sla).into(),
                    Cell::Integer(row.cases.into()),
                    Cell::Integer(row.within.into()),
                    Cell::Integer(row.breached.into()),
                    Cell::Integer(row.pending.into()),
                    tenths(row.median_turnaround),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        headers: headers(&[
            lang.pick("Modell", "Model"),
            lang.pick("Tillgängliga i poolen", "Available in the pool"),
            lang.pick("Täckning (veckor)", "Cover (weeks)"),
            lang.pick("Bedömning", "Assessment"),
        ]),
        rows: report
            .repairs
            .pool
            .iter()
            .map(|row| {
                vec![
                    format!("{} {}", row.manufacturer, row.model).into(),
                    Cell::Integer(row.cover.available.into()),
                    tenths(row.cover.weeks),
                    cover_name(row.cover.level).into(),
                ]
            })
            .collect(),
    });
    swedish_csv_sections(&tables)
}

/// The largest `CHART_BARS` values as bars, the rest as one "other" bar.
fn bars(values: &[FacetValue], lang: Lang) -> Vec<(String, f64, String)> {
    let mut sorted: Vec<&FacetValue> = values.iter().collect();
    sorted.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    let mut bars: Vec<(String, f64, String)> = sorted
        .iter()
        .take(CHART_BARS)
        .map(|facet| {
            (
                value_name(&facet.value, lang),
                f64::from(facet.count),
                facet.count.to_string(),
            )
        })
        .collect();
    let rest: u32 = sorted
        .get(CHART_BARS..)
        .unwrap_or_default()
        .iter()
        .map(|facet| facet.count)
        .sum();
    if rest > 0 {
        bars.push((
            lang.pick("Övriga", "Others").to_owned(),
            f64::from(rest),
            rest.to_string(),
        ));
    }
    bars
}

/// The report as an A4 PDF. `None` only if the shipped font cannot be read.
pub fn fleet_report_pdf(report: &FleetReport, lang: Lang) -> Option<Vec<u8>> {
    let title = lang.pick("Flottöversikt", "Fleet summary");
    let mut pdf = PdfReport::new(title, lang)?;
    let column = |title: &str, width: f32, align: Align| Column {
        title: title.to_owned(),
        width,
        align,
    };
    pdf.heading(title, 18.0);
    pdf.line(&format!(
        "{}: {}",
        lang.pick("Framtagen", "Made"),
        made(report)
    ));
    pdf.line(lang.pick(
        "Allt som registret innehåller just nu; reparationerna gäller månaden nedan.",
        "Everything the register holds now; the repairs are the month's below.",
    ));
    pdf.space(3.0);
    let counts: Vec<Vec<String>> = key_counts(report, lang)
        .into_iter()
        .map(|(label, count)| vec![label.to_owned(), count.to_string()])
        .collect();
    pdf.table(
        &[
            column(lang.pick("Mått", "Figure"), 100.0, Align::Left),
            column(lang.pick("Antal", "Count"), 30.0, Align::Right),
        ],
        &counts,
    );
    for (heading, values) in facets(report, lang) {
        let chart = bars(values, lang);
        pdf.keep_together(PdfReport::chart_height(chart.len()));
        pdf.heading(heading, 12.0);
        pdf.bar_chart(&chart);
    }

    pdf.keep_together(PdfReport::chart_height(report.warranty_quarters.len() + 1));
    pdf.heading(
        lang.pick(
            "Garantier som slutar per kvartal",
            "Warranties ending per quarter",
        ),
        12.0,
    );
    let mut warranty = vec![(
        lang.pick("Redan utgången", "Ended already").to_owned(),
        f64::from(report.warranty_ended),
        report.warranty_ended.to_string(),
    )];
    warranty.extend(report.warranty_quarters.iter().map(|row| {
        (
            quarter_label(row.quarter.year, row.quarter.quarter, lang),
            f64::from(row.units),
            row.units.to_string(),
        )
    }));
    pdf.bar_chart(&warranty);

    pdf.heading(
        lang.pick(
            "Modellernas certifiering",
            "Certification of the models in use",
        ),
        12.0,
    );
    let models: Vec<Vec<String>> = report
        .models
        .iter()
        .map(|model| {
            vec![
                format!("{} {}", model.manufacturer, model.model),
                model.units.to_string(),
                status_text(&model.status, lang),
            ]
        })
        .collect();
    pdf.table(
        &[
            column(lang.pick("Modell", "Model"), 90.0, Align::Left),
            column(lang.pick("Enheter", "Devices"), 24.0, Align::Right),
            column(
                lang.pick("Certifiering", "Certification"),
                68.0,
                Align::Left,
            ),
        ],
        &models,
    );

    pdf.heading(
        &format!(
            "{} {}",
            lang.pick("Reparationer", "Repairs"),
            report.repairs.month
        ),
        12.0,
    );
    let repairs: Vec<Vec<String>> = report
        .repairs
        .by_type
        .iter()
        .map(|row| {
            vec![
                sla_name(row.sla).to_owned(),
                row.cases.to_string(),
                row.within.to_string(),
                row.breached.to_string(),
                row.pending.to_string(),
                tenths_text(row.median_turnaround),
            ]
        })
        .collect();
    pdf.table(
        &[
            column(lang.pick("SLA-typ", "SLA type"), 62.0, Align::Left),
            column(lang.pick("Ärenden", "Cases"), 22.0, Align::Right),
            column(lang.pick("Inom", "Within"), 22.0, Align::Right),
            column(lang.pick("Utanför", "Breached"), 22.0, Align::Right),
            column(lang.pick("Pågår", "Pending"), 22.0, Align::Right),
            column(lang.pick("Median (d)", "Median (d)"), 26.0, Align::Right),
        ],
        &repairs,
    );
    pdf.heading(lang.pick("Bytespoolens täckning", "Swap pool cover"), 12.0);
    if report.repairs.pool.is_empty() {
        pdf.line(lang.pick("Poolen är tom.", "The pool is empty."));
    } else {
        let pool: Vec<Vec<String>> = report
            .repairs
            .pool
            .iter()
            .map(|row| {
                vec![
                    format!("{} {}", row.manufacturer, row.model),
                    row.cover.available.to_string(),
                    tenths_text(row.cover.weeks),
                    cover_name(row.cover.level).to_owned(),
                ]
            })
            .collect();
        pdf.table(
            &[
                column(lang.pick("Modell", "Model"), 80.0, Align::Left),
                column(lang.pick("Tillgängliga", "Available"), 28.0, Align::Right),
                column(lang.pick("Veckor", "Weeks"), 22.0, Align::Right),
                column(lang.pick("Bedömning", "Assessment"), 52.0, Align::Left),
            ],
            &pool,
        );
    }
    Some(pdf.finish())
}
