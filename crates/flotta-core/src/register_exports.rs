//! The register's planning views as tables for Excel: the replacement forecast, a delivery's
//! pre-configuration checklist and a year's closed days, each as the view shows it.

use std::path::Path;

use chrono::Datelike;
use flotta_domain::DueCount;
use flotta_domain::preconfig::StepDone;
use flotta_reports::{Cell, Table};

use crate::export::{TableFormat, write_table};
use crate::{Error, Flotta};

impl Flotta {
    /// Writes the replacement forecast: each quarter's total, then its units per organisation
    /// unit and per model, with what they cost when bought.
    pub fn export_warranty_forecast(&self, format: TableFormat, path: &Path) -> Result<u32, Error> {
        let forecast = self.warranty_overview()?.forecast;
        let mut rows = Vec::new();
        for quarter in &forecast.quarters {
            let label = format!("{}-Q{}", quarter.quarter.year, quarter.quarter.quarter);
            let row = |split: &str, group: &str, count: &DueCount| -> Vec<Cell> {
                vec![
                    label.as_str().into(),
                    split.into(),
                    group.into(),
                    Cell::Integer(count.units.into()),
                    Cell::Decimal {
                        value: count.cost_ore,
                        scale: 2,
                    },
                ]
            };
            rows.push(row("Totalt", "", &quarter.total));
            for (unit, count) in &quarter.by_org_unit {
                let unit = if unit.is_empty() {
                    "(utan enhet)"
                } else {
                    unit
                };
                rows.push(row("Organisationsenhet", unit, count));
            }
            for (model, count) in &quarter.by_model {
                rows.push(row("Modell", model, count));
            }
        }
        let table = Table::new(
            &["Kvartal", "Uppdelning", "Grupp", "Enheter", "Kostnad (kr)"],
            rows,
        );
        write_table(path, &table, format, "Ersättningsprognos")
    }

    /// Writes every unit of a delivery's checklist (the newest delivery when `None`): one
    /// column per step saying who ticked it when, or that enrolment did.
    pub fn export_preconfig(
        &self,
        delivery: Option<u32>,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let view = self.checklist(delivery, u32::MAX)?;
        let mut headers: Vec<String> = ["Tillverkare", "Modell", "Serienummer", "IMEI"]
            .map(str::to_owned)
            .to_vec();
        headers.extend(view.steps.iter().map(|step| step.title.clone()));
        headers.extend(["Klar att lämna ut", "Livscykel"].map(str::to_owned));
        let rows = view
            .units
            .iter()
            .map(|unit| {
                let mut cells: Vec<Cell> = vec![
                    unit.manufacturer.as_str().into(),
                    unit.model.as_str().into(),
                    unit.serial.clone().map_or(Cell::Empty, Cell::Text),
                    unit.imei.clone().map_or(Cell::Empty, Cell::Text),
                ];
                cells.extend(unit.steps.iter().map(|step| match step {
                    StepDone::Open => Cell::Empty,
                    StepDone::Ticked { at, actor } => {
                        format!("{} {actor}", at.format("%Y-%m-%d %H:%M")).into()
                    }
                    StepDone::Enrolled { at } => {
                        format!("{} registrerad i EMM", at.format("%Y-%m-%d")).into()
                    }
                }));
                cells.push(if unit.ready { "Ja" } else { "Nej" }.into());
                cells.push(unit.lifecycle.as_str().into());
                cells
            })
            .collect();
        write_table(path, &Table { headers, rows }, format, "Förberedelse")
    }

    /// Writes the closed days of `year`: Sweden's holidays and de-facto closed eves and the
    /// organisation's own closure days, with whether each takes a working day.
    pub fn export_calendar_year(
        &self,
        year: i32,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let rows = self
            .calendar_year(year)?
            .iter()
            .map(|day| {
                let weekday = [
                    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
                ][day.date.weekday().num_days_from_monday() as usize];
                let (name, kind) = match (&day.holiday, &day.organisation_name) {
                    (Some(holiday), _) => (holiday.swedish_name().to_owned(), "Helgdag"),
                    (None, Some(name)) => (name.clone(), "Organisationens stängda dag"),
                    (None, None) => (String::new(), ""),
                };
                vec![
                    Cell::Date(day.date),
                    weekday.into(),
                    name.into(),
                    kind.into(),
                    if day.on_weekday { "Ja" } else { "Nej" }.into(),
                ]
            })
            .collect();
        let table = Table::new(
            &["Datum", "Veckodag", "Namn", "Slag", "Tar en arbetsdag"],
            rows,
        );
        write_table(path, &table, format, &format!("Stängda dagar {year}"))
    }
}
