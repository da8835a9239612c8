//! A helpdesk's case export read into cases for the incident register: the columns guessed
//! from Swedish and English headers (or as the person importing set them), each row read
//! into a case or refused with the problem named.

use chrono::NaiveDateTime;
use flotta_domain::incident::{IncidentChannel, IncidentField, SupportLine};
use serde::{Deserialize, Serialize};

use crate::dates::parse_date_time;
use crate::fold;
use crate::mapping::{Strength, lay_onto, named_in, pick_fields};
use crate::table::{Row, Table};

/// The file's columns in order, each with the field it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentMapping {
    pub columns: Vec<IncidentColumn>,
}

/// One column: its header and the field it holds, `None` when it is not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentColumn {
    pub header: String,
    pub field: Option<IncidentField>,
}

/// The fields every case needs a column for.
pub const REQUIRED: [IncidentField; 4] = [
    IncidentField::ExternalRef,
    IncidentField::ReceivedAt,
    IncidentField::Category,
    IncidentField::Description,
];

impl IncidentMapping {
    fn from_fields(headers: &[String], fields: Vec<Option<IncidentField>>) -> Self {
        Self {
            columns: headers
                .iter()
                .zip(fields)
                .map(|(header, field)| IncidentColumn {
                    header: header.clone(),
                    field,
                })
                .collect(),
        }
    }

    /// The first column holding `field`.
    pub fn column_of(&self, field: IncidentField) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.field == Some(field))
    }

    /// The required fields no column holds.
    pub fn missing_required(&self) -> Vec<IncidentField> {
        REQUIRED
            .into_iter()
            .filter(|field| self.column_of(*field).is_none())
            .collect()
    }

    /// This (remembered) mapping laid onto a file with `headers`.
    pub fn apply_to(&self, headers: &[String]) -> Self {
        let remembered: Vec<(String, Option<IncidentField>)> = self
            .columns
            .iter()
            .map(|column| (column.header.clone(), column.field))
            .collect();
        Self::from_fields(headers, lay_onto(&remembered, headers, guess))
    }
}

/// Guesses each column's field from its header, in Swedish or English.
pub fn guess_incident_mapping(headers: &[String]) -> IncidentMapping {
    IncidentMapping::from_fields(headers, pick_fields(headers, guess))
}

fn guess(header: &str) -> Option<(IncidentField, Strength)> {
    named_in(NAMES, &fold::folded(header))
}

/// Header names, folded, and the field each names.
const NAMES: &[(&str, IncidentField, Strength)] = {
    use IncidentField as F;
    use Strength::{Clear, Vague};
    &[
        ("arendenummer", F::ExternalRef, Clear),
        ("arendenr", F::ExternalRef, Clear),
        ("arendeid", F::ExternalRef, Clear),
        ("ticket", F::ExternalRef, Clear),
        ("ticketnumber", F::ExternalRef, Clear),
        ("ticketno", F::ExternalRef, Clear),
        ("ticketid", F::ExternalRef, Clear),
        ("casenumber", F::ExternalRef, Clear),
        ("caseno", F::ExternalRef, Clear),
        ("caseid", F::ExternalRef, Clear),
        ("incidentnumber", F::ExternalRef, Clear),
        ("incidentid", F::ExternalRef, Clear),
        ("referens", F::ExternalRef, Clear),
        ("reference", F::ExternalRef, Clear),
        ("arende", F::ExternalRef, Vague),
        ("nummer", F::ExternalRef, Vague),
        ("number", F::ExternalRef, Vague),
        ("id", F::ExternalRef, Vague),
        ("mottaget", F::ReceivedAt, Clear),
        ("mottagen", F::ReceivedAt, Clear),
        ("registrerad", F::ReceivedAt, Clear),
        ("registrerat", F::ReceivedAt, Clear),
        ("skapad", F::ReceivedAt, Clear),
        ("skapat", F::ReceivedAt, Clear),
        ("inkommet", F::ReceivedAt, Clear),
        ("inkom", F::ReceivedAt, Clear),
        ("anmalt", F::ReceivedAt, Clear),
        ("received", F::ReceivedAt, Clear),
        ("receivedat", F::ReceivedAt, Clear),
        ("created", F::ReceivedAt, Clear),
        ("createdat", F::ReceivedAt, Clear),
        ("createddate", F::ReceivedAt, Clear),
        ("opened", F::ReceivedAt, Clear),
        ("openedat", F::ReceivedAt, Clear),
        ("reportedat", F::ReceivedAt, Clear),
        ("datum", F::ReceivedAt, Vague),
        ("date", F::ReceivedAt, Vague),
        ("forstasvar", F::RespondedAt, Clear),
        ("besvarad", F::RespondedAt, Clear),
        ("besvarat", F::RespondedAt, Clear),
        ("firstresponse", F::RespondedAt, Clear),
        ("firstresponseat", F::RespondedAt, Clear),
        ("responded", F::RespondedAt, Clear),
        ("respondedat", F::RespondedAt, Clear),
        ("slutfort", F::CompletedAt, Clear),
        ("avslutad", F::CompletedAt, Clear),
        ("avslutat", F::CompletedAt, Clear),
        ("stangd", F::CompletedAt, Clear),
        ("stangt", F::CompletedAt, Clear),
        ("atgardad", F::CompletedAt, Clear),
        ("completed", F::CompletedAt, Clear),
        ("completedat", F::CompletedAt, Clear),
        ("closed", F::CompletedAt, Clear),
        ("closedat", F::CompletedAt, Clear),
        ("resolvedat", F::CompletedAt, Clear),
        ("resolved", F::CompletedAt, Vague),
        ("kategori", F::Category, Clear),
        ("arendekategori", F::Category, Clear),
        ("arendetyp", F::Category, Clear),
        ("category", F::Category, Clear),
        ("incidenttype", F::Category, Clear),
        ("casetype", F::Category, Clear),
        ("typ", F::Category, Vague),
        ("type", F::Category, Vague),
        ("linje", F::Line, Clear),
        ("supportlinje", F::Line, Clear),
        ("niva", F::Line, Clear),
        ("supportniva", F::Line, Clear),
        ("line", F::Line, Clear),
        ("supportline", F::Line, Clear),
        ("level", F::Line, Clear),
        ("supportlevel", F::Line, Clear),
        ("tier", F::Line, Clear),
        ("kanal", F::Channel, Clear),
        ("kontaktvag", F::Channel, Clear),
        ("channel", F::Channel, Clear),
        ("contacttype", F::Channel, Clear),
        ("source", F::Channel, Vague),
        ("anmalare", F::Reporter, Clear),
        ("anmaldav", F::Reporter, Clear),
        ("reporter", F::Reporter, Clear),
        ("requester", F::Reporter, Clear),
        ("caller", F::Reporter, Clear),
        ("reportedby", F::Reporter, Clear),
        ("kontakt", F::Reporter, Vague),
        ("contact", F::Reporter, Vague),
        ("anvandare", F::Reporter, Vague),
        ("user", F::Reporter, Vague),
        ("serienummer", F::Device, Clear),
        ("serienr", F::Device, Clear),
        ("imei", F::Device, Clear),
        ("serial", F::Device, Clear),
        ("serialnumber", F::Device, Clear),
        ("device", F::Device, Vague),
        ("forvaltning", F::OrgUnit, Clear),
        ("organisation", F::OrgUnit, Clear),
        ("organization", F::OrgUnit, Clear),
        ("avdelning", F::OrgUnit, Clear),
        ("department", F::OrgUnit, Clear),
        ("orgunit", F::OrgUnit, Clear),
        ("verksamhet", F::OrgUnit, Clear),
        ("enhet", F::OrgUnit, Vague),
        ("beskrivning", F::Description, Clear),
        ("incidentbeskrivning", F::Description, Clear),
        ("arendebeskrivning", F::Description, Clear),
        ("description", F::Description, Clear),
        ("shortdescription", F::Description, Clear),
        ("rubrik", F::Description, Vague),
        ("sammanfattning", F::Description, Vague),
        ("summary", F::Description, Vague),
        ("subject", F::Description, Vague),
        ("title", F::Description, Vague),
        ("losning", F::Resolution, Clear),
        ("atgard", F::Resolution, Clear),
        ("resolution", F::Resolution, Clear),
        ("resolutionnotes", F::Resolution, Clear),
        ("closenotes", F::Resolution, Clear),
        ("closurenotes", F::Resolution, Clear),
        ("solution", F::Resolution, Clear),
    ]
};

/// One case as the file has it, times on the Swedish wall clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedIncident {
    /// The file line the row starts on.
    pub line: u32,
    pub external_ref: String,
    pub received_at: NaiveDateTime,
    pub responded_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    pub category: String,
    pub support_line: Option<SupportLine>,
    pub channel: IncidentChannel,
    pub reporter: String,
    /// A serial number or IMEI as written.
    pub device: Option<String>,
    pub org_unit: Option<String>,
    pub description: String,
    pub resolution: Option<String>,
}

/// Why a row was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentRowProblem {
    pub line: u32,
    pub field: IncidentField,
    pub problem: String,
}

/// A file's rows: the cases read and the rows refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentRows {
    pub cases: Vec<ImportedIncident>,
    pub refused: Vec<IncidentRowProblem>,
}

/// The longest text kept in a case's description or resolution.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Reads every row of `table` with `mapping`. A row with any problem is refused whole, with
/// its first problem named.
pub fn read_incidents(table: &Table, mapping: &IncidentMapping) -> IncidentRows {
    let mut rows = IncidentRows::default();
    let mut seen = std::collections::HashSet::new();
    for row in &table.rows {
        match read_row(row, mapping) {
            Ok(case) if !seen.insert(case.external_ref.clone()) => {
                rows.refused.push(IncidentRowProblem {
                    line: row.line,
                    field: IncidentField::ExternalRef,
                    problem: format!("case {:?} is in the file twice", case.external_ref),
                });
            }
            Ok(case) => rows.cases.push(case),
            Err(problem) => rows.refused.push(problem),
        }
    }
    rows
}

fn read_row(row: &Row, mapping: &IncidentMapping) -> Result<ImportedIncident, IncidentRowProblem> {
    let problem = |field: IncidentField, problem: String| IncidentRowProblem {
        line: row.line,
        field,
        problem,
    };
    let cell = |field: IncidentField| -> Option<String> {
        mapping
            .column_of(field)
            .and_then(|index| row.cell(index))
            .map(cleaned)
            .filter(|text| !text.is_empty())
    };
    let required =
        |field: IncidentField| cell(field).ok_or_else(|| problem(field, "is empty".to_owned()));
    let time = |field: IncidentField| {
        cell(field)
            .map(|text| parse_date_time(&text).map_err(|error| problem(field, error.to_string())))
            .transpose()
    };
    let long = |field: IncidentField, text: String| {
        if text.chars().count() > MAX_TEXT_CHARS {
            Err(problem(
                field,
                format!("is longer than {MAX_TEXT_CHARS} characters"),
            ))
        } else {
            Ok(text)
        }
    };
    let external_ref = required(IncidentField::ExternalRef)?;
    let received_at = time(IncidentField::ReceivedAt)?
        .ok_or_else(|| problem(IncidentField::ReceivedAt, "is empty".to_owned()))?;
    let responded_at = time(IncidentField::RespondedAt)?;
    let completed_at = time(IncidentField::CompletedAt)?;
    for (field, at) in [
        (IncidentField::RespondedAt, responded_at),
        (IncidentField::CompletedAt, completed_at),
    ] {
        if let Some(at) = at
            && at < received_at
        {
            return Err(problem(
                field,
                format!("{at} is before the case was received ({received_at})"),
            ));
        }
    }
    if let (Some(responded), Some(completed)) = (responded_at, completed_at)
        && completed < responded
    {
        return Err(problem(
            IncidentField::CompletedAt,
            format!("{completed} is before the first response ({responded})"),
        ));
    }
    let support_line = cell(IncidentField::Line)
        .map(|text| {
            support_line(&text).ok_or_else(|| {
                problem(
                    IncidentField::Line,
                    format!("{text:?} is not a support line; write 1, 2 or 3"),
                )
            })
        })
        .transpose()?;
    Ok(ImportedIncident {
        line: row.line,
        external_ref,
        received_at,
        responded_at,
        completed_at,
        category: required(IncidentField::Category)?,
        support_line,
        channel: cell(IncidentField::Channel).map_or(IncidentChannel::Other, |text| channel(&text)),
        reporter: cell(IncidentField::Reporter).unwrap_or_default(),
        device: cell(IncidentField::Device),
        org_unit: cell(IncidentField::OrgUnit),
        description: long(
            IncidentField::Description,
            required(IncidentField::Description)?,
        )?,
        resolution: cell(IncidentField::Resolution)
            .map(|text| long(IncidentField::Resolution, text))
            .transpose()?,
    })
}

/// A cell trimmed, without control characters other than line breaks and tabs.
fn cleaned(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// "1", "L2", "2nd line", "Andra linjen", "Nivå 3", "Third" as a line.
fn support_line(text: &str) -> Option<SupportLine> {
    let words = fold::words(text);
    let joined = words.concat();
    let by_digit = joined
        .chars()
        .find(char::is_ascii_digit)
        .and_then(|digit| match digit {
            '1' => Some(SupportLine::First),
            '2' => Some(SupportLine::Second),
            '3' => Some(SupportLine::Third),
            _ => None,
        });
    by_digit.or_else(|| {
        words.iter().find_map(|word| match word.as_str() {
            "forsta" | "first" => Some(SupportLine::First),
            "andra" | "second" => Some(SupportLine::Second),
            "tredje" | "third" => Some(SupportLine::Third),
            _ => None,
        })
    })
}

fn channel(text: &str) -> IncidentChannel {
    let folded = fold::folded(text);
    let has = |names: &[&str]| names.iter().any(|name| folded.contains(name));
    if has(&["telefon", "phone", "samtal", "call"]) {
        IncidentChannel::Phone
    } else if has(&["epost", "email", "mail"]) {
        IncidentChannel::Email
    } else if has(&[
        "portal",
        "web",
        "selfservice",
        "sjalvservice",
        "formular",
        "form",
    ]) {
        IncidentChannel::Portal
    } else if has(&["chat"]) {
        IncidentChannel::Chat
    } else if has(&["besok", "walkin", "disk", "plats"]) {
        IncidentChannel::WalkIn
    } else {
        IncidentChannel::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_table;

    #[test]
    fn a_swedish_helpdesk_export() {
        let file = "\u{feff}Ärendenr;Registrerad;Första svar;Avslutad;Kategori;Nivå;Kanal;Anmälare;Serienummer;Förvaltning;Beskrivning;Lösning\r\n\
            INC-1;2026-11-02 09:14;2026-11-02 09:20;2026-11-02 11:00;Felanmälan;1;Telefon;Åsa Öberg;F2LXK0AAHG7F;Skolförvaltningen;Skärmen är svart;Ny skärm\r\n\
            INC-2;02.11.2026 10:00;;;EMM/MDM och synk;Andra linjen;E-post;Per;;;\"Synkar inte; alls\";\r\n\
            INC-3;2026-11-03 10:00;;2026-11-02 10:00;Felanmälan;1;;;;;Fel ordning;\r\n\
            INC-4;2026-11-03;;;Felanmälan;1;;;;;Utan tid;\r\n\
            INC-1;2026-11-04 10:00;;;Felanmälan;1;;;;;Igen;\r\n";
        let table = read_table(file.as_bytes()).expect("a table");
        let mapping = guess_incident_mapping(&table.headers);
        assert!(mapping.missing_required().is_empty(), "{mapping:?}");
        let fields: Vec<_> = mapping.columns.iter().map(|c| c.field).collect();
        assert!(
            fields.iter().all(Option::is_some),
            "every column mapped: {fields:?}"
        );
        let rows = read_incidents(&table, &mapping);
        assert_eq!(rows.cases.len(), 2);
        let first = &rows.cases[0];
        assert_eq!(first.support_line, Some(SupportLine::First));
        assert_eq!(first.channel, IncidentChannel::Phone);
        assert_eq!(first.device.as_deref(), Some("F2LXK0AAHG7F"));
        assert_eq!(rows.cases[1].support_line, Some(SupportLine::Second));
        assert_eq!(rows.cases[1].description, "Synkar inte; alls");
        let refused: Vec<(u32, IncidentField)> =
            rows.refused.iter().map(|p| (p.line, p.field)).collect();
        assert_eq!(
            refused,
            [
                (4, IncidentField::CompletedAt),
                (5, IncidentField::ReceivedAt),
                (6, IncidentField::ExternalRef)
            ]
        );
    }

    #[test]
    fn lines_as_helpdesks_write_them() {
        for (text, line) in [
            ("L2", SupportLine::Second),
            ("2nd line", SupportLine::Second),
            ("Tredje linjen", SupportLine::Third),
            ("first", SupportLine::First),
            ("Nivå 1", SupportLine::First),
        ] {
            assert_eq!(support_line(text), Some(line), "{text}");
        }
        assert_eq!(support_line("okänd"), None);
    }
}
