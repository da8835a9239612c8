//! Repair cases: opening one for a unit, recording what happens to it with the lifecycle
//! moves that follow, and the case list with each case's SLA standing.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use flotta_domain::Lifecycle;
use flotta_domain::calendar::WorkingCalendar;
use flotta_domain::repair::{
    Milestone, RepairEvent, SlaClock, SlaSettings, SlaStanding, SlaType, check_event, is_closed,
    next_events, sla_clock,
};
use flotta_store::{
    CaseWrite, CaseWritten, NewRepairCase, RepairCaseFilter, RepairCaseRecord, UnitMove,
};
use serde::{Deserialize, Serialize};

use flotta_reports::{Cell, Table};

use crate::export::{TableFormat, write_table};
use crate::form::Form;
use crate::{Error, Flotta};

/// The longest fault description kept.
pub const MAX_FAULT_CHARS: usize = 2_000;

/// The refusals of the repair forms.
const REPAIR: Form = Form("repair");

/// The longest name of who reported a fault, and of a note.
const MAX_NAME_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 1_000;
/// Working days after the user has their own unit back by which a loaner is overdue.
pub const LOANER_RETURN_WORKING_DAYS: u32 = 5;

/// A fault reported for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairCaseForm {
    pub device_id: u32,
    pub sla: SlaType,
    pub fault: String,
    /// Who reported it (the user, or the helpdesk on their behalf).
    pub reported_by: String,
    /// When it was reported; now when not given.
    pub reported_at: Option<DateTime<Utc>>,
}

/// Something that happened to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairEventForm {
    pub event: RepairEvent,
    /// When it happened; now when not given.
    pub at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    /// For a replacement or loaner shipped: the pool unit chosen; when not given, the unit
    /// longest in the pool of the broken unit's model.
    pub unit_id: Option<u32>,
}

/// The unit a case is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CaseUnitView {
    pub device_id: u32,
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub user_name: Option<String>,
    pub org_unit: Option<String>,
    pub lifecycle: Lifecycle,
}

/// One event of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairEventView {
    pub event: RepairEvent,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub note: Option<String>,
    /// The unit that went to the user (replacement or loaner), by serial number.
    pub unit_id: Option<u32>,
}

/// A loaner a user has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LoanerView {
    pub device_id: u32,
    pub since: DateTime<Utc>,
    pub returned_at: Option<DateTime<Utc>>,
    /// Not back [`LOANER_RETURN_WORKING_DAYS`] working days after the user had their own
    /// unit back (or it was found beyond repair).
    pub overdue: bool,
}

/// A case as the list and the case panel show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairCaseView {
    pub id: u32,
    pub unit: CaseUnitView,
    pub sla: SlaType,
    pub fault: String,
    pub reported_by: String,
    pub reported_at: DateTime<Utc>,
    pub opened_by: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub clock: SlaClock,
    pub standing: SlaStanding,
    /// Working days left before the next promise is due (0 = today), or minus how many
    /// working days late the case is or was.
    pub margin_working_days: i32,
    /// The earliest promise not yet kept.
    pub next_due: Option<Milestone>,
    pub events: Vec<RepairEventView>,
    /// What may be recorded next, in timeline order.
    pub next_events: Vec<RepairEvent>,
    pub loaner: Option<LoanerView>,
}

/// Which cases the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairCaseQuery {
    /// Only open cases (`true`), only closed ones (`false`), or all.
    pub open: Option<bool>,
    pub sla: Option<SlaType>,
    pub device_id: Option<u32>,
    pub offset: u32,
    pub limit: u32,
}

/// A window of the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RepairCaseList {
    pub total: u32,
    pub rows: Vec<RepairCaseView>,
}

/// A working-day calendar and the closure days it was built from.
pub(crate) type CachedCalendar = (Vec<chrono::NaiveDate>, Arc<WorkingCalendar>);

/// The largest window the list returns at once.
const MAX_WINDOW: u32 = 500;

impl Flotta {
    /// The working-day calendar with the organisation's closure days, built again only when
    /// they changed.
    pub(crate) fn working_calendar(&self) -> Result<Arc<WorkingCalendar>, Error> {
        let days: Vec<_> = self
            .reader()
            .closure_days()?
            .into_iter()
            .map(|day| day.day)
            .collect();
        let mut cached = self
            .calendar
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*cached {
            Some((built_from, calendar)) if *built_from == days => Ok(Arc::clone(calendar)),
            _ => {
                let calendar = Arc::new(WorkingCalendar::new(&days));
                *cached = Some((days, Arc::clone(&calendar)));
                Ok(calendar)
            }
        }
    }

    /// Opens a repair case for a unit: its fault, who reported it and the SLA type. The unit
    /// moves to "in repair"; refused when it already has an open case or is lost, stolen,
    /// returned or recycled.
    pub fn open_repair_case(&self, form: &RepairCaseForm) -> Result<RepairCaseView, Error> {
        let fault = REPAIR.required("fault", &form.fault, MAX_FAULT_CHARS)?;
        let reported_by = REPAIR.required("reported_by", &form.reported_by, MAX_NAME_CHARS)?;
        let now = self.clock.now();
        let reported_at = form.reported_at.unwrap_or(now);
        if reported_at > now {
            return Err(REPAIR.error("reported_at", format!("{reported_at} is in the future")));
        }
        let unit = self.device_detail(form.device_id)?;
        let moves = match unit.lifecycle {
            Lifecycle::InRepair => Vec::new(),
            from @ (Lifecycle::Deployed | Lifecycle::InSwapPool | Lifecycle::InStock) => {
                vec![UnitMove {
                    device: unit.id,
                    from,
                    to: Lifecycle::InRepair,
                    reason: "fault reported".into(),
                }]
            }
            other => {
                return Err(REPAIR.error(
                    "device_id",
                    format!(
                        "{} is {other}; only a unit in use, in stock or in the pool can be repaired",
                        unit.serial
                    ),
                ));
            }
        };
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        let recorded = [(RepairEvent::Reported, reported_at)];
        let clock = sla_clock(form.sla, reported_at, &recorded, &settings, &calendar)
            .map_err(|error| REPAIR.error("reported_at", error.to_string()))?;
        let write = CaseWrite {
            event: RepairEvent::Reported,
            at: reported_at,
            note: None,
            unit_id: None,
            next_due_at: clock.next_due().map(|milestone| milestone.due_at),
            closes: false,
            moves,
        };
        let new = NewRepairCase {
            device: unit.id,
            sla: form.sla,
            fault,
            reported_by,
        };
        let written = self
            .store()
            .open_repair_case(&new, &write, &self.actor, now)?;
        let case = self.written(written)?;
        tracing::info!(case, device = unit.id, sla = %form.sla, "opened a repair case");
        self.repair_case(case)
    }

    /// Records an event of case `id`, refused when it is out of order, in the future, before
    /// the event it follows, or work dated on a closed day. Shipping a replacement or loaner
    /// takes a pool unit; the units move between the user, the workshop and the pool.
    pub fn record_repair_event(
        &self,
        id: u32,
        form: &RepairEventForm,
    ) -> Result<RepairCaseView, Error> {
        let case = self.case_record(id)?;
        let now = self.clock.now();
        let at = form.at.unwrap_or(now);
        let note = form
            .note
            .as_deref()
            .map(str::trim)
            .filter(|note| !note.is_empty())
            .map(|note| {
                if note.chars().count() > MAX_NOTE_CHARS {
                    Err(REPAIR.error("note", format!("longer than {MAX_NOTE_CHARS} characters")))
                } else {
                    Ok(note.to_owned())
                }
            })
            .transpose()?;
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        let mut recorded = recorded(&case);
        check_event(case.sla, &recorded, form.event, at, now, &calendar)
            .map_err(|problem| Error::RepairEvent { case: id, problem })?;
        let (unit_id, moves) = self.moves_for(&case, form)?;
        recorded.push((form.event, at));
        let kinds: Vec<RepairEvent> = recorded.iter().map(|(kind, _)| *kind).collect();
        let clock = sla_clock(case.sla, case.reported_at, &recorded, &settings, &calendar)
            .map_err(|error| REPAIR.error("at", error.to_string()))?;
        let write = CaseWrite {
            event: form.event,
            at,
            note,
            unit_id,
            next_due_at: clock.next_due().map(|milestone| milestone.due_at),
            closes: is_closed(case.sla, &kinds),
            moves,
        };
        let written = self
            .store()
            .record_repair_event(id, &write, &self.actor, now)?;
        self.written(written)?;
        tracing::info!(case = id, event = %form.event, "recorded a repair event");
        self.repair_case(id)
    }

    /// The pool unit an event takes and the lifecycle moves it causes.
    fn moves_for(
        &self,
        case: &RepairCaseRecord,
        form: &RepairEventForm,
    ) -> Result<(Option<u32>, Vec<UnitMove>), Error> {
        let broken = case.unit.device_id;
        let back = |to: Lifecycle, reason: &str| UnitMove {
            device: broken,
            from: Lifecycle::InRepair,
            to,
            reason: reason.into(),
        };
        Ok(match form.event {
            RepairEvent::ReplacementShipped | RepairEvent::LoanerShipped => {
                let unit = self.pool_unit_for(case, form)?;
                let reason = if form.event == RepairEvent::LoanerShipped {
                    "loaner sent to the user"
                } else {
                    "replacement sent to the user"
                };
                (
                    Some(unit),
                    vec![UnitMove {
                        device: unit,
                        from: Lifecycle::InSwapPool,
                        to: Lifecycle::Deployed,
                        reason: reason.into(),
                    }],
                )
            }
            RepairEvent::ReturnedToUser => {
                (None, vec![back(Lifecycle::Deployed, "back with the user")])
            }
            RepairEvent::ReturnedToPool => (
                None,
                vec![back(Lifecycle::InSwapPool, "repaired into the swap pool")],
            ),
            RepairEvent::LoanerReturned => {
                let loaner = case
                    .events
                    .iter()
                    .find(|event| event.event == RepairEvent::LoanerShipped)
                    .and_then(|event| event.unit_id)
                    .ok_or_else(|| REPAIR.error("event", "no loaner was sent in this case"))?;
                (
                    None,
                    vec![UnitMove {
                        device: loaner,
                        from: Lifecycle::Deployed,
                        to: Lifecycle::InSwapPool,
                        reason: "loaner back in the pool".into(),
                    }],
                )
            }
            _ => (None, Vec::new()),
        })
    }

    /// The pool unit to send: the one chosen, which must be available in the pool, or the
    /// one longest in the pool of the broken unit's model; a loaner may be any model.
    fn pool_unit_for(&self, case: &RepairCaseRecord, form: &RepairEventForm) -> Result<u32, Error> {
        // Every available unit, longest in the pool first within each model: one read
        // answers the chosen unit, the model's, a loaner of any model and the similar ones.
        let available = self.reader().available_pool_units(None)?;
        if let Some(chosen) = form.unit_id {
            return available
                .iter()
                .find(|unit| unit.device_id == chosen)
                .map(|unit| unit.device_id)
                .ok_or_else(|| {
                    REPAIR.error(
                        "unit_id",
                        format!("unit {chosen} is not available in the swap pool"),
                    )
                });
        }
        let same_maker =
            |unit: &&flotta_store::PoolUnit| unit.manufacturer == case.unit.manufacturer;
        if let Some(unit) = available
            .iter()
            .filter(same_maker)
            .find(|unit| unit.model == case.unit.model)
        {
            return Ok(unit.device_id);
        }
        if form.event == RepairEvent::LoanerShipped
            && let Some(unit) = available.first()
        {
            return Ok(unit.device_id);
        }
        // Similar: the same maker's models, with how many of each are available.
        let mut similar: Vec<(String, u32)> = Vec::new();
        for unit in available.iter().filter(same_maker) {
            match similar.iter_mut().find(|(name, _)| *name == unit.model) {
                Some((_, count)) => *count += 1,
                None => similar.push((unit.model.clone(), 1)),
            }
        }
        Err(Error::NoPoolUnit {
            model: format!("{} {}", case.unit.manufacturer, case.unit.model),
            similar: similar
                .into_iter()
                .map(|(model, count)| format!("{} {model} ({count})", case.unit.manufacturer))
                .collect(),
        })
    }

    /// Turns a store outcome into the case id or the error a person understands.
    fn written(&self, written: CaseWritten) -> Result<u32, Error> {
        match written {
            CaseWritten::Written(case) => Ok(case),
            CaseWritten::AlreadyOpen(case) => Err(REPAIR.error(
                "device_id",
                format!("the unit already has an open repair case ({case})"),
            )),
            CaseWritten::AlreadyRecorded => Err(REPAIR.error(
                "event",
                "someone recorded this step meanwhile; nothing was changed",
            )),
            CaseWritten::UnitMoved { device, now } => {
                Err(Error::MovedMeanwhile { id: device, now })
            }
            CaseWritten::NoSuchUnit(id) => Err(Error::DeviceNotFound { id }),
        }
    }

    fn case_record(&self, id: u32) -> Result<RepairCaseRecord, Error> {
        self.reader()
            .repair_case(id)?
            .ok_or(Error::RepairCaseNotFound { id })
    }

    /// Case `id` with its timeline, clock and standing now.
    pub fn repair_case(&self, id: u32) -> Result<RepairCaseView, Error> {
        let case = self.case_record(id)?;
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        case_view(case, self.clock.now(), &settings, &calendar)
    }

    /// A window of the case list: open cases first, the earliest due (so the breached and
    /// at-risk ones) at the top, then closed cases, the latest closed first.
    pub fn repair_cases(&self, query: &RepairCaseQuery) -> Result<RepairCaseList, Error> {
        let filter = RepairCaseFilter {
            open: query.open,
            sla: query.sla,
            device: query.device_id,
        };
        let (total, records) =
            self.reader()
                .repair_cases(&filter, query.offset, query.limit.clamp(1, MAX_WINDOW))?;
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        let now = self.clock.now();
        let rows = records
            .into_iter()
            .map(|case| case_view(case, now, &settings, &calendar))
            .collect::<Result<_, _>>()?;
        Ok(RepairCaseList { total, rows })
    }

    /// Writes every case `query` matches (its window ignored) to `path` as CSV or a workbook,
    /// in the list's order, with each case's standing.
    pub fn export_repair_cases(
        &self,
        query: &RepairCaseQuery,
        format: TableFormat,
        path: &std::path::Path,
    ) -> Result<u32, Error> {
        let filter = RepairCaseFilter {
            open: query.open,
            sla: query.sla,
            device: query.device_id,
        };
        let (_, records) = self.reader().repair_cases(&filter, 0, u32::MAX)?;
        let calendar = self.working_calendar()?;
        let settings = self.sla_settings()?;
        let now = self.clock.now();
        let mut rows = Vec::with_capacity(records.len());
        for case in records {
            let case = case_view(case, now, &settings, &calendar)?;
            let local =
                |at: DateTime<Utc>| Cell::LocalTime(flotta_domain::time::stockholm_local(at));
            rows.push(vec![
                Cell::Integer(case.id.into()),
                case.sla.as_str().into(),
                case.unit.serial.as_str().into(),
                case.unit.imei.clone().into(),
                format!("{} {}", case.unit.manufacturer, case.unit.model).into(),
                case.unit.user_name.clone().into(),
                case.unit.org_unit.clone().into(),
                local(case.reported_at),
                case.reported_by.as_str().into(),
                case.fault.as_str().into(),
                case.standing.as_str().into(),
                Cell::Integer(case.margin_working_days.into()),
                case.next_due
                    .map_or(Cell::Empty, |due| Cell::Date(due.due_day)),
                case.closed_at.map_or(Cell::Empty, local),
            ]);
        }
        let table = Table::new(
            &[
                "Ärende",
                "SLA-typ",
                "Serienummer",
                "IMEI",
                "Modell",
                "Användare",
                "Förvaltning",
                "Anmält (svensk tid)",
                "Anmält av",
                "Fel",
                "Läge",
                "Marginal (arbetsdagar)",
                "Nästa löfte senast",
                "Avslutat (svensk tid)",
            ],
            rows,
        );
        write_table(path, &table, format, "Reparationer")
    }

    /// The cut-off and at-risk settings of the SLA clocks.
    pub fn sla_settings(&self) -> Result<SlaSettings, Error> {
        crate::settings::sla_settings(&self.reader())
    }

    /// Changes the SLA settings; the open cases' due times follow at once.
    pub fn set_sla_settings(&self, settings: &SlaSettings) -> Result<(), Error> {
        if settings.at_risk_working_days > 10 {
            return Err(REPAIR.error(
                "at_risk_working_days",
                format!("{}; give 0 to 10", settings.at_risk_working_days),
            ));
        }
        let calendar = self.working_calendar()?;
        let schedule = |case: &RepairCaseRecord| next_due_at(case, settings, &calendar);
        crate::settings::save_sla_settings(self, settings, &schedule)
    }
}

/// A case's events as the domain's rules read them: what, and when.
fn recorded(case: &RepairCaseRecord) -> Vec<(RepairEvent, DateTime<Utc>)> {
    case.events
        .iter()
        .map(|event| (event.event, event.at))
        .collect()
}

/// The SLA clock of a stored case.
pub(crate) fn case_clock(
    case: &RepairCaseRecord,
    settings: &SlaSettings,
    calendar: &WorkingCalendar,
) -> Result<SlaClock, flotta_domain::calendar::OutOfCalendar> {
    sla_clock(
        case.sla,
        case.reported_at,
        &recorded(case),
        settings,
        calendar,
    )
}

/// When an open case's earliest unkept promise is due under `settings` and `calendar`.
pub(crate) fn next_due_at(
    case: &RepairCaseRecord,
    settings: &SlaSettings,
    calendar: &WorkingCalendar,
) -> Option<DateTime<Utc>> {
    case_clock(case, settings, calendar)
        .ok()?
        .next_due()
        .map(|milestone| milestone.due_at)
}

fn case_view(
    case: RepairCaseRecord,
    now: DateTime<Utc>,
    settings: &SlaSettings,
    calendar: &WorkingCalendar,
) -> Result<RepairCaseView, Error> {
    let kinds: Vec<_> = case.events.iter().map(|event| event.event).collect();
    let clock = case_clock(&case, settings, calendar)
        .map_err(|error| REPAIR.error("reported_at", error.to_string()))?;
    // A closed case stands as it ended.
    let at = case.closed_at.unwrap_or(now);
    let (standing, margin) = clock
        .standing(at, settings, calendar)
        .map_err(|error| REPAIR.error("at", error.to_string()))?;
    let next_due = clock.next_due().copied();
    let loaner = case
        .events
        .iter()
        .find(|event| event.event == RepairEvent::LoanerShipped)
        .and_then(|shipped| {
            let returned_at = case
                .events
                .iter()
                .find(|event| event.event == RepairEvent::LoanerReturned)
                .map(|event| event.at);
            let own_back = case
                .events
                .iter()
                .find(|event| {
                    matches!(
                        event.event,
                        RepairEvent::ReturnedToUser | RepairEvent::BeyondRepair
                    )
                })
                .map(|event| event.at);
            let overdue = returned_at.is_none()
                && own_back.is_some_and(|back| {
                    calendar
                        .working_days_between(
                            flotta_domain::time::stockholm_date(back),
                            flotta_domain::time::stockholm_date(now),
                        )
                        .is_ok_and(|days| days > i64::from(LOANER_RETURN_WORKING_DAYS))
                });
            Some(LoanerView {
                device_id: shipped.unit_id?,
                since: shipped.at,
                returned_at,
                overdue,
            })
        });
    Ok(RepairCaseView {
        id: case.id,
        unit: CaseUnitView {
            device_id: case.unit.device_id,
            serial: case.unit.serial,
            imei: case.unit.imei,
            manufacturer: case.unit.manufacturer,
            model: case.unit.model,
            user_name: case.unit.user_name,
            org_unit: case.unit.org_unit,
            lifecycle: case.unit.lifecycle,
        },
        sla: case.sla,
        fault: case.fault,
        reported_by: case.reported_by,
        reported_at: case.reported_at,
        opened_by: case.opened_by,
        closed_at: case.closed_at,
        standing,
        margin_working_days: i32::try_from(margin).unwrap_or(i32::MIN),
        next_due,
        next_events: next_events(case.sla, &kinds),
        events: case
            .events
            .into_iter()
            .map(|event| RepairEventView {
                event: event.event,
                at: event.at,
                actor: event.actor,
                note: event.note,
                unit_id: event.unit_id,
            })
            .collect(),
        loaner,
        clock,
    })
}
