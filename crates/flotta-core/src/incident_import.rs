//! Cases from a helpdesk's CSV export: a preview that says what importing would do, and the
//! import itself in one transaction; a case imported before is never added again.

use flotta_domain::incident::{
    IncidentEvent, IncidentField, SupportLine, TimedEvent, case_state, check_event,
};
use flotta_domain::time::from_stockholm_local;
use flotta_domain::{Imei, SerialNumber};
use flotta_import::{
    Encoding, ImportedIncident, IncidentColumn, IncidentMapping, IncidentRowProblem,
    guess_incident_mapping, read_incidents,
};
use flotta_store::{CategoryRef, IncidentEventWrite, NewIncident};
use serde::{Deserialize, Serialize};

use crate::purchases::{MappingSource, read_import_table};
use crate::{Error, Flotta};

/// The setting holding the columns of the last import, laid onto the next file.
const REMEMBERED_MAPPING: &str = "incident_import.mapping";
/// Serial numbers or IMEIs not found that a preview lists by name.
const UNFOUND_LISTED: usize = 20;

/// How to read the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentImportOptions {
    /// The columns as the user confirmed or changed them; `None` uses the remembered mapping
    /// laid onto this file's headers, else the one guessed from them.
    pub mapping: Option<Vec<IncidentColumn>>,
    /// The agreement the cases fall under; the default one when not given.
    pub agreement_id: Option<u32>,
}

/// What importing a file would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentImportPreview {
    pub file_name: String,
    pub encoding: Encoding,
    pub delimiter: String,
    pub mapping: Vec<IncidentColumn>,
    pub mapping_source: MappingSource,
    /// Required fields no column holds: nothing can be imported until one does.
    pub missing: Vec<IncidentField>,
    pub rows: u32,
    pub to_add: u32,
    /// Cases whose helpdesk number the register holds already.
    pub already_imported: u32,
    pub refused: Vec<IncidentRowProblem>,
    /// Categories the file names that the register does not have; importing adds them.
    pub new_categories: Vec<String>,
    pub devices_found: u32,
    /// Serial numbers or IMEIs no unit has (the first few); those cases are kept without one.
    pub devices_not_found: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentImportResult {
    pub added: u32,
    pub already_imported: u32,
    pub refused_rows: u32,
    pub new_categories: u32,
}

/// A preview with what committing needs.
struct Read {
    preview: IncidentImportPreview,
    cases: Vec<NewIncident>,
    mapping: IncidentMapping,
}

impl Flotta {
    /// Reads a helpdesk's export and says what importing it would do; writes nothing.
    pub fn preview_incident_import(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &IncidentImportOptions,
    ) -> Result<IncidentImportPreview, Error> {
        Ok(self.read_incident_file(file_name, bytes, options)?.preview)
    }

    /// Imports the file's acceptable cases in one transaction and remembers its columns.
    /// Refused rows and cases imported before are left out; a file lacking a required
    /// column is refused whole.
    pub fn import_incidents(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &IncidentImportOptions,
    ) -> Result<IncidentImportResult, Error> {
        let read = self.read_incident_file(file_name, bytes, options)?;
        if let Some(missing) = read.preview.missing.first() {
            return Err(Error::ImportMapping {
                file: file_name.to_owned(),
                problem: format!("no column holds the {}", missing.as_str().replace('_', " ")),
            });
        }
        let now = self.clock.now();
        let ids = self
            .store()
            .insert_incidents(&read.cases, &self.actor, now)?;
        let added = ids.iter().flatten().count() as u32;
        let mapping =
            serde_json::to_string(&read.mapping).map_err(|error| Error::InvalidInput {
                what: "column mapping",
                detail: error.to_string(),
            })?;
        self.store()
            .set_setting(REMEMBERED_MAPPING, &mapping, &self.actor, now)?;
        tracing::info!(
            file = file_name,
            added,
            refused_rows = read.preview.refused.len(),
            "imported a helpdesk export"
        );
        Ok(IncidentImportResult {
            added,
            already_imported: read.preview.already_imported + (read.cases.len() as u32 - added),
            refused_rows: read.preview.refused.len() as u32,
            new_categories: read.preview.new_categories.len() as u32,
        })
    }

    fn read_incident_file(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &IncidentImportOptions,
    ) -> Result<Read, Error> {
        let table = read_import_table(file_name, bytes)?;
        let remembered = self
            .reader()
            .setting(REMEMBERED_MAPPING)?
            .and_then(|json| serde_json::from_str::<IncidentMapping>(&json).ok());
        let (mapping, mapping_source) = match (&options.mapping, remembered) {
            (Some(columns), _) => (
                IncidentMapping {
                    columns: columns.clone(),
                },
                MappingSource::Given,
            ),
            (None, Some(known)) => (known.apply_to(&table.headers), MappingSource::Remembered),
            (None, None) => (
                guess_incident_mapping(&table.headers),
                MappingSource::Guessed,
            ),
        };
        if mapping.columns.len() != table.headers.len() {
            return Err(Error::ImportMapping {
                file: file_name.to_owned(),
                problem: format!(
                    "the mapping names {} columns but the file has {}",
                    mapping.columns.len(),
                    table.headers.len()
                ),
            });
        }
        let missing = mapping.missing_required();
        let rows = read_incidents(&table, &mapping);
        let agreement_id = match options.agreement_id {
            Some(id) => id,
            None => self.default_agreement()?,
        };
        let categories = self.reader().incident_categories()?;
        let refs: Vec<&str> = rows
            .cases
            .iter()
            .map(|case| case.external_ref.as_str())
            .collect();
        let imported = self.reader().imported_refs(&refs)?;
        let mut refused = rows.refused.clone();
        let mut new_categories: Vec<String> = Vec::new();
        let mut devices_found = 0;
        let mut devices_not_found = Vec::new();
        let mut cases = Vec::new();
        for case in &rows.cases {
            if imported.contains(&case.external_ref) {
                continue;
            }
            let events = match case_events(case) {
                Ok(events) => events,
                Err(problem) => {
                    refused.push(problem);
                    continue;
                }
            };
            let category = categories
                .iter()
                .find(|known| {
                    same_name(&known.label.name_sv, &case.category)
                        || same_name(&known.label.name_en, &case.category)
                })
                .map(|known| CategoryRef::Id(known.label.id));
            let category = category.unwrap_or_else(|| {
                if !new_categories
                    .iter()
                    .any(|name| same_name(name, &case.category))
                {
                    new_categories.push(case.category.clone());
                }
                CategoryRef::Named(case.category.clone())
            });
            let device_id = match &case.device {
                Some(text) => {
                    let found = self.unit_named(text)?;
                    match found {
                        Some(_) => devices_found += 1,
                        None if devices_not_found.len() < UNFOUND_LISTED => {
                            devices_not_found.push(text.clone());
                        }
                        None => {}
                    }
                    found
                }
                None => None,
            };
            cases.push(NewIncident {
                agreement_id,
                received_at: from_stockholm_local(case.received_at),
                channel: case.channel,
                reporter: case.reporter.clone(),
                device_id,
                org_unit: case.org_unit.clone(),
                category,
                description: case.description.clone(),
                repair_case_id: None,
                external_ref: Some(case.external_ref.clone()),
                events,
            });
        }
        refused.sort_by_key(|problem| problem.line);
        let preview = IncidentImportPreview {
            file_name: file_name.to_owned(),
            encoding: table.encoding,
            delimiter: table.delimiter.to_string(),
            mapping: mapping.columns.clone(),
            mapping_source,
            missing,
            rows: table.rows.len() as u32,
            to_add: cases.len() as u32,
            already_imported: imported.len() as u32,
            refused,
            new_categories,
            devices_found,
            devices_not_found,
        };
        Ok(Read {
            preview,
            cases,
            mapping,
        })
    }

    /// The unit whose serial number or IMEI `text` is.
    fn unit_named(&self, text: &str) -> Result<Option<u32>, Error> {
        let serial = SerialNumber::parse(text).ok();
        let imei = Imei::parse(text).ok();
        Ok(self.reader().unit_by_identifier(
            serial.as_ref().map(SerialNumber::as_str),
            imei.as_ref().map(Imei::as_str),
        )?)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// A case's timeline from the file: the first response, the line it reached (taken as
/// reached when it was completed, or answered, or received, since exports rarely say when),
/// and the completion with its resolution; checked against the timeline's rules.
fn case_events(case: &ImportedIncident) -> Result<Vec<IncidentEventWrite>, IncidentRowProblem> {
    let received = from_stockholm_local(case.received_at);
    let responded = case.responded_at.map(from_stockholm_local);
    let completed = case.completed_at.map(from_stockholm_local);
    let mut timeline: Vec<(TimedEvent, Option<String>)> = Vec::new();
    if let Some(at) = responded {
        timeline.push((timed(IncidentEvent::Responded, at, None), None));
    }
    if let Some(line) = case.support_line.filter(|line| *line > SupportLine::First) {
        let at = completed.or(responded).unwrap_or(received);
        timeline.push((timed(IncidentEvent::Escalated, at, Some(line)), None));
    }
    if let Some(at) = completed {
        timeline.push((
            timed(IncidentEvent::Completed, at, None),
            case.resolution.clone(),
        ));
    }
    let mut checked: Vec<TimedEvent> = Vec::new();
    for (event, _) in &timeline {
        check_event(&case_state(received, &checked), received, event).map_err(|problem| {
            IncidentRowProblem {
                line: case.line,
                field: match event.event {
                    IncidentEvent::Responded => IncidentField::RespondedAt,
                    IncidentEvent::Escalated => IncidentField::Line,
                    _ => IncidentField::CompletedAt,
                },
                problem: problem.to_string(),
            }
        })?;
        checked.push(*event);
    }
    Ok(timeline
        .into_iter()
        .map(|(timed, resolution)| IncidentEventWrite {
            timed,
            note: None,
            resolution,
        })
        .collect())
}

fn timed(
    event: IncidentEvent,
    at: chrono::DateTime<chrono::Utc>,
    line: Option<SupportLine>,
) -> TimedEvent {
    TimedEvent {
        event,
        at,
        line,
        reason: None,
    }
}
