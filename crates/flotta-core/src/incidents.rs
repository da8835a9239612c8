//! Support incidents: logging a case, recording what happens to it, the case list with each
//! case's standing against its agreement, and the monthly incident report.

use chrono::{DateTime, Utc};
use flotta_domain::incident::{
    AgreementTerms, CategoryLabel, IncidentChannel, IncidentClock, IncidentEvent, PauseReason,
    SupportLine, TimedEvent, case_state, check_event, incident_clock, next_events, terms_at,
};
use flotta_domain::repair::SlaType;
use flotta_store::{
    CategoryRef, IncidentEventWrite, IncidentFilter, IncidentRecord, IncidentWritten, NewIncident,
};
use serde::{Deserialize, Serialize};

use std::path::Path;

use flotta_domain::time::stockholm_local;
use flotta_reports::{Cell, Table};

use crate::agreements::INCIDENT;
use crate::export::{TableFormat, write_table};
use crate::repairs::RepairCaseForm;
use crate::{Error, Flotta};

/// The longest description or resolution kept.
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
const MAX_NAME_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 2_000;
/// The largest window the list returns at once.
const MAX_WINDOW: u32 = 500;

/// A case the helpdesk received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentForm {
    /// When it was received; now when not given.
    pub received_at: Option<DateTime<Utc>>,
    pub channel: IncidentChannel,
    pub reporter: String,
    pub device_id: Option<u32>,
    pub category_id: u32,
    /// The agreement it falls under; the only one, or "Standard", when not given.
    pub agreement_id: Option<u32>,
    pub description: String,
}

/// Something that happened to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentEventForm {
    pub event: IncidentEvent,
    /// When it happened; now when not given.
    pub at: Option<DateTime<Utc>>,
    /// The line an escalation goes to.
    pub line: Option<SupportLine>,
    /// What a pause waits for.
    pub reason: Option<PauseReason>,
    pub note: Option<String>,
    /// How the case was solved, with a completion.
    pub resolution: Option<String>,
}

/// The device a case is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentDeviceView {
    pub device_id: u32,
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub user_name: Option<String>,
}

/// One event of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentEventView {
    pub event: IncidentEvent,
    pub at: DateTime<Utc>,
    pub line: Option<SupportLine>,
    pub reason: Option<PauseReason>,
    pub note: Option<String>,
    pub actor: String,
}

/// A case as the list and the case panel show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentView {
    pub id: u32,
    pub agreement_id: u32,
    pub agreement: String,
    pub received_at: DateTime<Utc>,
    pub channel: IncidentChannel,
    pub reporter: String,
    pub device: Option<IncidentDeviceView>,
    pub org_unit: Option<String>,
    pub category: CategoryLabel,
    pub description: String,
    pub resolution: Option<String>,
    pub line: SupportLine,
    pub completed_at: Option<DateTime<Utc>>,
    /// Waiting since, and for what.
    pub paused_since: Option<DateTime<Utc>>,
    pub paused_for: Option<PauseReason>,
    pub repair_case_id: Option<u32>,
    pub external_ref: Option<String>,
    pub created_by: String,
    pub clock: IncidentClock,
    pub events: Vec<IncidentEventView>,
    /// What may be recorded next.
    pub next_events: Vec<IncidentEvent>,
}

/// Which cases the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentQuery {
    /// Only open cases (`true`), only completed ones (`false`), or all.
    pub open: Option<bool>,
    pub category_id: Option<u32>,
    pub device_id: Option<u32>,
    pub offset: u32,
    pub limit: u32,
}

/// A window of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IncidentList {
    pub total: u32,
    pub rows: Vec<IncidentView>,
}

/// What judges cases: every agreement's terms, the categories and the calendar.
pub(crate) struct Judge {
    agreements: Vec<(u32, Vec<AgreementTerms>)>,
    pub(crate) categories: Vec<CategoryLabel>,
    calendar: std::sync::Arc<flotta_domain::calendar::WorkingCalendar>,
    pub(crate) now: DateTime<Utc>,
}

impl Judge {
    pub(crate) fn clock(&self, case: &IncidentRecord) -> Result<IncidentClock, Error> {
        let events: Vec<TimedEvent> = case.events.iter().map(|event| event.timed).collect();
        let terms = self
            .agreements
            .iter()
            .find(|(id, _)| *id == case.agreement_id)
            .and_then(|(_, versions)| terms_at(versions, case.received_at))
            .ok_or_else(|| INCIDENT.error("agreement_id", "the case's agreement has no terms"))?;
        incident_clock(
            case.received_at,
            case.category_id,
            &events,
            terms,
            self.now,
            &self.calendar,
        )
        .map_err(|error| INCIDENT.error("received_at", error.to_string()))
    }

    fn category(&self, id: u32) -> CategoryLabel {
        self.categories
            .iter()
            .find(|category| category.id == id)
            .cloned()
            .unwrap_or_else(|| CategoryLabel {
                id,
                name_sv: format!("Kategori {id}"),
                name_en: format!("Category {id}"),
                retired: true,
            })
    }

    fn view(&self, case: IncidentRecord) -> Result<IncidentView, Error> {
        let clock = self.clock(&case)?;
        let events: Vec<TimedEvent> = case.events.iter().map(|event| event.timed).collect();
        let state = case_state(case.received_at, &events);
        Ok(IncidentView {
            id: case.id,
            agreement_id: case.agreement_id,
            agreement: case.agreement,
            received_at: case.received_at,
            channel: case.channel,
            reporter: case.reporter,
            device: case.device.map(|device| IncidentDeviceView {
                device_id: device.device_id,
                serial: device.serial,
                imei: device.imei,
                manufacturer: device.manufacturer,
                model: device.model,
                user_name: device.user_name,
            }),
            org_unit: case.org_unit,
            category: self.category(case.category_id),
            description: case.description,
            resolution: case.resolution,
            line: case.line,
            completed_at: case.completed_at,
            paused_since: state.paused.map(|(since, _)| since),
            paused_for: state.paused.map(|(_, reason)| reason),
            repair_case_id: case.repair_case_id,
            external_ref: case.external_ref,
            created_by: case.created_by,
            clock,
            next_events: next_events(&state),
            events: case
                .events
                .into_iter()
                .map(|event| IncidentEventView {
                    event: event.timed.event,
                    at: event.timed.at,
                    line: event.timed.line,
                    reason: event.timed.reason,
                    note: event.note,
                    actor: event.actor,
                })
                .collect(),
        })
    }
}

impl Flotta {
    pub(crate) fn judge(&self) -> Result<Judge, Error> {
        let (agreements, categories) = {
            let store = self.reader();
            (store.support_agreements()?, store.incident_categories()?)
        };
        Ok(Judge {
            agreements: agreements
                .into_iter()
                .map(|agreement| (agreement.id, agreement.terms))
                .collect(),
            categories: categories.into_iter().map(|record| record.label).collect(),
            calendar: self.working_calendar()?,
            now: self.clock.now(),
        })
    }

    /// The agreement a case falls under when the form names none: the only one, or the one
    /// named "Standard".
    pub(crate) fn default_agreement(&self) -> Result<u32, Error> {
        let agreements = self.reader().support_agreements()?;
        match agreements.as_slice() {
            [only] => Ok(only.id),
            _ => agreements
                .iter()
                .find(|agreement| agreement.name == "Standard")
                .map(|agreement| agreement.id)
                .ok_or_else(|| INCIDENT.error("agreement_id", "choose the agreement")),
        }
    }

    /// Logs a case the helpdesk received.
    pub fn log_incident(&self, form: &IncidentForm) -> Result<IncidentView, Error> {
        let reporter = INCIDENT.required("reporter", &form.reporter, MAX_NAME_CHARS)?;
        let description =
            INCIDENT.required("description", &form.description, MAX_DESCRIPTION_CHARS)?;
        let now = self.clock.now();
        let received_at = form.received_at.unwrap_or(now);
        if received_at > now {
            return Err(INCIDENT.error("received_at", format!("{received_at} is in the future")));
        }
        let category = self
            .reader()
            .incident_categories()?
            .into_iter()
            .find(|record| record.label.id == form.category_id);
        match category {
            None => {
                return Err(INCIDENT.error(
                    "category_id",
                    format!("there is no category {}", form.category_id),
                ));
            }
            Some(record) if record.label.retired => {
                return Err(INCIDENT.error(
                    "category_id",
                    format!("{} is retired", record.label.name_en),
                ));
            }
            Some(_) => {}
        }
        let agreement_id = match form.agreement_id {
            Some(id) => id,
            None => self.default_agreement()?,
        };
        if let Some(device) = form.device_id {
            self.device_detail(device)?;
        }
        let judge = self.judge()?;
        if !judge.agreements.iter().any(|(id, _)| *id == agreement_id) {
            return Err(INCIDENT.error(
                "agreement_id",
                format!("there is no agreement {agreement_id}"),
            ));
        }
        let new = NewIncident {
            agreement_id,
            received_at,
            channel: form.channel,
            reporter,
            device_id: form.device_id,
            org_unit: None,
            category: CategoryRef::Id(form.category_id),
            description,
            repair_case_id: None,
            external_ref: None,
            events: Vec::new(),
        };
        let ids = self.store().insert_incidents(&[new], &self.actor, now)?;
        let id = ids
            .first()
            .copied()
            .flatten()
            .ok_or_else(|| INCIDENT.error("description", "the case was not logged"))?;
        self.incident(id)
    }

    /// Records what happened to case `id`: a response, an escalation, a pause or its end,
    /// or the completion with its resolution.
    pub fn record_incident_event(
        &self,
        id: u32,
        form: &IncidentEventForm,
    ) -> Result<IncidentView, Error> {
        let now = self.clock.now();
        let at = form.at.unwrap_or(now);
        if at > now {
            return Err(INCIDENT.error("at", format!("{at} is in the future")));
        }
        let note = form
            .note
            .as_deref()
            .map(|note| INCIDENT.clean_text("note", note, MAX_NOTE_CHARS))
            .transpose()?
            .flatten();
        let resolution = match form.event {
            IncidentEvent::Completed => Some(INCIDENT.required(
                "resolution",
                form.resolution.as_deref().unwrap_or_default(),
                MAX_DESCRIPTION_CHARS,
            )?),
            _ => None,
        };
        let case = self
            .reader()
            .incident(id)?
            .ok_or(Error::IncidentNotFound { id })?;
        let events: Vec<TimedEvent> = case.events.iter().map(|event| event.timed).collect();
        let timed = TimedEvent {
            event: form.event,
            at,
            line: form.line.filter(|_| form.event == IncidentEvent::Escalated),
            reason: form.reason.filter(|_| form.event == IncidentEvent::Paused),
        };
        check_event(
            &case_state(case.received_at, &events),
            case.received_at,
            &timed,
        )
        .map_err(|problem| Error::IncidentEvent { case: id, problem })?;
        let write = IncidentEventWrite {
            timed,
            note,
            resolution,
        };
        let seen = u32::try_from(events.len()).unwrap_or(u32::MAX);
        match self
            .store()
            .record_incident_event(id, seen, &write, &self.actor, now)?
        {
            IncidentWritten::Written => self.incident(id),
            IncidentWritten::Changed => Err(Error::IncidentChanged { id }),
            IncidentWritten::NoSuchIncident => Err(Error::IncidentNotFound { id }),
        }
    }

    /// Opens a repair case for the device of case `id`, with its description as the fault,
    /// and links the two.
    pub fn open_repair_for_incident(&self, id: u32, sla: SlaType) -> Result<IncidentView, Error> {
        let case = self
            .reader()
            .incident(id)?
            .ok_or(Error::IncidentNotFound { id })?;
        let Some(device) = case.device else {
            return Err(INCIDENT.error("device_id", "the case names no device to repair"));
        };
        if let Some(repair) = case.repair_case_id {
            return Err(INCIDENT.error(
                "repair_case_id",
                format!("the case already opened repair case {repair}"),
            ));
        }
        let fault: String = case
            .description
            .chars()
            .take(crate::repairs::MAX_FAULT_CHARS)
            .collect();
        let repair = self.open_repair_case(&RepairCaseForm {
            device_id: device.device_id,
            sla,
            fault,
            reported_by: case.reporter.chars().take(MAX_NAME_CHARS).collect(),
            reported_at: Some(case.received_at),
        })?;
        self.store()
            .link_incident_repair(id, repair.id, &self.actor, self.clock.now())?;
        self.incident(id)
    }

    pub fn incident(&self, id: u32) -> Result<IncidentView, Error> {
        let case = self
            .reader()
            .incident(id)?
            .ok_or(Error::IncidentNotFound { id })?;
        self.judge()?.view(case)
    }

    /// A window of the case list: open cases first, latest received first.
    pub fn incidents(&self, query: &IncidentQuery) -> Result<IncidentList, Error> {
        let filter = IncidentFilter {
            open: query.open,
            category_id: query.category_id,
            device_id: query.device_id,
            ..IncidentFilter::default()
        };
        let limit = query.limit.clamp(1, MAX_WINDOW);
        let (total, records) = self
            .reader()
            .incidents(&filter, Some((query.offset, limit)))?;
        let judge = self.judge()?;
        let rows = records
            .into_iter()
            .map(|case| judge.view(case))
            .collect::<Result<_, _>>()?;
        Ok(IncidentList { total, rows })
    }

    /// Writes every case `query` matches (its window ignored) to `path` as CSV or a
    /// workbook: what the list shows and each case's texts and clock.
    pub fn export_incidents(
        &self,
        query: &IncidentQuery,
        format: TableFormat,
        path: &Path,
    ) -> Result<u32, Error> {
        let filter = IncidentFilter {
            open: query.open,
            category_id: query.category_id,
            device_id: query.device_id,
            ..IncidentFilter::default()
        };
        let (_, records) = self.reader().incidents(&filter, None)?;
        let judge = self.judge()?;
        let mut rows = Vec::with_capacity(records.len());
        for case in records {
            rows.push(incident_cells(&judge.view(case)?));
        }
        let table = Table::new(
            &[
                "Ärende",
                "Helpdeskens nr",
                "Mottaget (svensk tid)",
                "Slutfört (svensk tid)",
                "Kanal",
                "Anmälare",
                "Serienummer",
                "Förvaltning",
                "Kategori",
                "Linje",
                "Avtal",
                "SLA",
                "Svarstid (minuter i fönstret)",
                "Lösningstid (minuter i fönstret)",
                "Pausad (minuter i fönstret)",
                "Beskrivning",
                "Lösning",
            ],
            rows,
        );
        write_table(path, &table, format, "Supportärenden")
    }
}

fn incident_cells(case: &IncidentView) -> Vec<Cell> {
    let local = |at: DateTime<Utc>| Cell::LocalTime(stockholm_local(at));
    vec![
        Cell::Integer(case.id.into()),
        case.external_ref.clone().into(),
        local(case.received_at),
        case.completed_at.map_or(Cell::Empty, local),
        case.channel.as_str().into(),
        case.reporter.as_str().into(),
        case.device
            .as_ref()
            .map(|device| device.serial.clone())
            .into(),
        case.org_unit.clone().into(),
        case.category.name_sv.as_str().into(),
        case.line.as_str().into(),
        case.agreement.as_str().into(),
        case.clock.standing.as_str().into(),
        Cell::Integer(case.clock.response_minutes.into()),
        Cell::Integer(case.clock.resolution_minutes.into()),
        Cell::Integer(case.clock.paused_minutes.into()),
        case.description.as_str().into(),
        case.resolution.clone().into(),
    ]
}
