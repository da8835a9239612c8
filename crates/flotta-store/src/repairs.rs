//! Repair cases and their timelines: opening a case, recording an event with the lifecycle
//! moves it causes, the case list, and rescheduling open cases when the calendar changes.

use chrono::{DateTime, Utc};
use flotta_domain::Lifecycle;
use flotta_domain::repair::{RepairEvent, SlaType};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use crate::audit::{AuditEntry, record};
use crate::case_events;
use crate::connection::Store;
use crate::devices::{format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};
use crate::lifecycle::{MoveOutcome, move_in};

/// The unit a case is about, as the case list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseUnit {
    pub device_id: u32,
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub user_name: Option<String>,
    pub org_unit: Option<String>,
    pub lifecycle: Lifecycle,
}

/// One recorded event of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairEventRecord {
    pub event: RepairEvent,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub note: Option<String>,
    /// The pool unit or loaner that went to the user.
    pub unit_id: Option<u32>,
}

/// A case as stored, with its events in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairCaseRecord {
    pub id: u32,
    pub unit: CaseUnit,
    pub sla: SlaType,
    pub fault: String,
    pub reported_by: String,
    pub reported_at: DateTime<Utc>,
    pub opened_by: String,
    pub next_due_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub events: Vec<RepairEventRecord>,
}

/// A lifecycle move an event causes, checked by the caller against the domain's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMove {
    pub device: u32,
    pub from: Lifecycle,
    pub to: Lifecycle,
    pub reason: String,
}

/// What recording an event writes besides the event itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseWrite {
    pub event: RepairEvent,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
    pub unit_id: Option<u32>,
    /// The case's earliest unkept promise after the event.
    pub next_due_at: Option<DateTime<Utc>>,
    pub closes: bool,
    pub moves: Vec<UnitMove>,
}

/// A new case: the reported event is its first [`CaseWrite`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRepairCase {
    pub device: u32,
    pub sla: SlaType,
    pub fault: String,
    pub reported_by: String,
}

/// What a write found. Anything but `Written` wrote nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseWritten {
    Written(u32),
    /// The unit already has an open case (its id).
    AlreadyOpen(u32),
    /// Someone recorded the same event meanwhile.
    AlreadyRecorded,
    /// A unit to move was no longer where the caller saw it.
    UnitMoved {
        device: u32,
        now: Lifecycle,
    },
    NoSuchUnit(u32),
}

/// Which cases the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepairCaseFilter {
    /// Only open cases (`Some(true)`), only closed ones, or all.
    pub open: Option<bool>,
    pub sla: Option<SlaType>,
    /// Cases whose unit is this one.
    pub device: Option<u32>,
}

const CASE_COLUMNS: &str =
    "c.id, c.device_id, d.serial, d.imei, m.manufacturer, m.name, d.user_name,
    u.name, d.lifecycle, c.sla_type, c.fault, c.reported_by, c.reported_at, c.opened_by,
    c.next_due_at, c.closed_at";
/// The cases first (`CROSS JOIN` keeps them the outer loop in SQLite), so the list walks its
/// index in order; left to itself the planner starts from the models and sorts every case.
const CASE_JOINS: &str = "repair_cases c CROSS JOIN devices d ON d.id = c.device_id
    JOIN device_models m ON m.id = d.model_id LEFT JOIN org_units u ON u.id = d.org_unit_id";

fn case_row(row: &Row<'_>) -> rusqlite::Result<Result<RepairCaseRecord, StoreError>> {
    let lifecycle: String = row.get(8)?;
    let sla: String = row.get(9)?;
    let reported_at: String = row.get(12)?;
    let next_due_at: Option<String> = row.get(14)?;
    let closed_at: Option<String> = row.get(15)?;
    let time =
        |what: &str, text: Option<String>| text.map(|text| parse_time(what, &text)).transpose();
    let parsed = (|| {
        Ok((
            vocabulary("devices.lifecycle", &lifecycle, Lifecycle::from_text)?,
            vocabulary("repair_cases.sla_type", &sla, SlaType::from_text)?,
            parse_time("repair_cases.reported_at", &reported_at)?,
            time("repair_cases.next_due_at", next_due_at)?,
            time("repair_cases.closed_at", closed_at)?,
        ))
    })();
    let (lifecycle, sla, reported_at, next_due_at, closed_at) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return Ok(Err(error)),
    };
    Ok(Ok(RepairCaseRecord {
        id: row.get(0)?,
        unit: CaseUnit {
            device_id: row.get(1)?,
            serial: row.get(2)?,
            imei: row.get(3)?,
            manufacturer: row.get(4)?,
            model: row.get(5)?,
            user_name: row.get(6)?,
            org_unit: row.get(7)?,
            lifecycle,
        },
        sla,
        fault: row.get(10)?,
        reported_by: row.get(11)?,
        reported_at,
        opened_by: row.get(13)?,
        next_due_at,
        closed_at,
        events: Vec::new(),
    }))
}

/// Gives each of `cases` its events, in time order.
fn attach_events(
    conn: &rusqlite::Connection,
    cases: &mut [RepairCaseRecord],
) -> Result<(), StoreError> {
    case_events::attach_events(
        conn,
        cases,
        |case| (case.id, &mut case.events),
        "SELECT case_id, event, at, actor, note, unit_id FROM repair_events
         WHERE case_id IN ({ids}) ORDER BY case_id, at, id",
        |row| {
            let event: String = row.get(1).context("reading the cases' events")?;
            let at: String = row.get(2).context("reading the cases' events")?;
            Ok(RepairEventRecord {
                event: vocabulary("repair_events.event", &event, RepairEvent::from_text)?,
                at: parse_time("repair_events.at", &at)?,
                actor: row.get(3).context("reading the cases' events")?,
                note: row.get(4).context("reading the cases' events")?,
                unit_id: row.get(5).context("reading the cases' events")?,
            })
        },
    )
}

fn read_case(conn: &rusqlite::Connection, id: u32) -> Result<Option<RepairCaseRecord>, StoreError> {
    let Some(mut case) = conn
        .query_row(
            &format!("SELECT {CASE_COLUMNS} FROM {CASE_JOINS} WHERE c.id = ?1"),
            [id],
            case_row,
        )
        .optional()
        .context("reading a repair case")?
        .transpose()?
    else {
        return Ok(None);
    };
    attach_events(conn, std::slice::from_mut(&mut case))?;
    Ok(Some(case))
}

/// The open case of unit `device`, if any.
fn open_case(conn: &rusqlite::Connection, device: u32) -> Result<Option<u32>, StoreError> {
    conn.query_row(
        "SELECT id FROM repair_cases WHERE device_id = ?1 AND closed_at IS NULL",
        [device],
        |row| row.get(0),
    )
    .optional()
    .context("finding a unit's open case")
}

/// Writes one event of case `case` with its moves and the case's new schedule.
fn write_event(
    tx: &Transaction<'_>,
    case: u32,
    write: &CaseWrite,
    actor: &str,
    recorded_at: DateTime<Utc>,
) -> Result<CaseWritten, StoreError> {
    let inserted = tx
        .execute(
            "INSERT INTO repair_events (case_id, event, at, actor, note, unit_id, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (case_id, event) DO NOTHING",
            params![
                case,
                write.event.as_str(),
                format_time(&write.at),
                actor,
                write.note,
                write.unit_id,
                format_time(&recorded_at)
            ],
        )
        .context("recording a repair event")?;
    if inserted == 0 {
        return Ok(CaseWritten::AlreadyRecorded);
    }
    for unit_move in &write.moves {
        let reason = format!("repair case {case}: {}", unit_move.reason);
        match move_in(
            tx,
            unit_move.device,
            unit_move.from,
            unit_move.to,
            &reason,
            actor,
            recorded_at,
        )? {
            MoveOutcome::Moved => {}
            MoveOutcome::NotIn(now) => {
                return Ok(CaseWritten::UnitMoved {
                    device: unit_move.device,
                    now,
                });
            }
            MoveOutcome::NoSuchUnit => return Ok(CaseWritten::NoSuchUnit(unit_move.device)),
        }
    }
    tx.execute(
        "UPDATE repair_cases SET next_due_at = ?2, closed_at = ?3 WHERE id = ?1",
        params![
            case,
            write.next_due_at.as_ref().map(format_time),
            write.closes.then(|| format_time(&write.at))
        ],
    )
    .context("scheduling a repair case")?;
    record(
        tx,
        &AuditEntry {
            at: recorded_at,
            actor: actor.to_owned(),
            action: write.event.as_str().to_owned(),
            entity: "repair_case".into(),
            entity_id: Some(case.to_string()),
            before_json: None,
            after_json: Some(
                serde_json::json!({
                    "at": format_time(&write.at),
                    "note": write.note,
                    "unit": write.unit_id,
                })
                .to_string(),
            ),
        },
    )?;
    Ok(CaseWritten::Written(case))
}

impl Store {
    /// Opens a case for a unit with its reported event, in one transaction; refused when the
    /// unit has an open case.
    pub fn open_repair_case(
        &mut self,
        new: &NewRepairCase,
        reported: &CaseWrite,
        actor: &str,
        recorded_at: DateTime<Utc>,
    ) -> Result<CaseWritten, StoreError> {
        let tx = self.conn.transaction().context("opening a repair case")?;
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM devices WHERE id = ?1)",
                [new.device],
                |row| row.get(0),
            )
            .context("opening a repair case")?;
        if !exists {
            return Ok(CaseWritten::NoSuchUnit(new.device));
        }
        if let Some(open) = open_case(&tx, new.device)? {
            return Ok(CaseWritten::AlreadyOpen(open));
        }
        tx.execute(
            "INSERT INTO repair_cases (device_id, sla_type, fault, reported_by, reported_at,
                opened_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                new.device,
                new.sla.as_str(),
                new.fault,
                new.reported_by,
                format_time(&reported.at),
                actor
            ],
        )
        .context("opening a repair case")?;
        let case = u32::try_from(tx.last_insert_rowid()).map_err(|_| StoreError::Corrupt {
            what: "repair_cases.id".into(),
            detail: "out of range".into(),
        })?;
        record(
            &tx,
            &AuditEntry {
                at: recorded_at,
                actor: actor.to_owned(),
                action: "create".into(),
                entity: "repair_case".into(),
                entity_id: Some(case.to_string()),
                before_json: None,
                after_json: Some(
                    serde_json::json!({
                        "device": new.device,
                        "sla": new.sla.as_str(),
                        "fault": new.fault,
                        "reported_by": new.reported_by,
                    })
                    .to_string(),
                ),
            },
        )?;
        let written = write_event(&tx, case, reported, actor, recorded_at)?;
        if matches!(written, CaseWritten::Written(_)) {
            tx.commit().context("opening a repair case")?;
        }
        Ok(written)
    }

    /// Records an event of case `case` with the lifecycle moves it causes and the case's new
    /// schedule, all or nothing.
    pub fn record_repair_event(
        &mut self,
        case: u32,
        write: &CaseWrite,
        actor: &str,
        recorded_at: DateTime<Utc>,
    ) -> Result<CaseWritten, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("recording a repair event")?;
        let written = write_event(&tx, case, write, actor, recorded_at)?;
        if matches!(written, CaseWritten::Written(_)) {
            tx.commit().context("recording a repair event")?;
        }
        Ok(written)
    }

    /// Case `id` with its events.
    pub fn repair_case(&self, id: u32) -> Result<Option<RepairCaseRecord>, StoreError> {
        read_case(&self.conn, id)
    }

    /// The unit with this serial number or IMEI (both as normalised by the domain).
    pub fn unit_by_identifier(
        &self,
        serial: Option<&str>,
        imei: Option<&str>,
    ) -> Result<Option<u32>, StoreError> {
        self.conn
            .query_row(
                "SELECT id FROM devices WHERE serial = ?1 UNION ALL
                 SELECT id FROM devices WHERE imei = ?2 LIMIT 1",
                params![serial, imei],
                |row| row.get(0),
            )
            .optional()
            .context("finding a unit by serial number or IMEI")
    }

    /// The open case in which unit `device` went to a user as a loaner or replacement.
    pub fn open_case_lending(&self, device: u32) -> Result<Option<u32>, StoreError> {
        self.conn
            .query_row(
                "SELECT c.id FROM repair_events e JOIN repair_cases c ON c.id = e.case_id
                 WHERE e.unit_id = ?1 AND c.closed_at IS NULL LIMIT 1",
                [device],
                |row| row.get(0),
            )
            .optional()
            .context("finding the case a unit was lent in")
    }

    /// The open case of a unit, if any.
    pub fn open_case_of(&self, device: u32) -> Result<Option<u32>, StoreError> {
        open_case(&self.conn, device)
    }

    /// A window of the case list with the number of cases the filter matches: open cases
    /// first by the earliest unkept promise, then closed ones, latest closed first.
    pub fn repair_cases(
        &self,
        filter: &RepairCaseFilter,
        offset: u32,
        limit: u32,
    ) -> Result<(u32, Vec<RepairCaseRecord>), StoreError> {
        let mut conditions = vec!["1 = 1".to_owned()];
        match filter.open {
            Some(true) => conditions.push("c.closed_at IS NULL".into()),
            Some(false) => conditions.push("c.closed_at IS NOT NULL".into()),
            None => {}
        }
        if filter.sla.is_some() {
            conditions.push("c.sla_type = :sla".into());
        }
        if filter.device.is_some() {
            conditions.push("c.device_id = :device".into());
        }
        let condition = conditions.join(" AND ");
        let sla = filter.sla.map(SlaType::as_str);
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
        if let Some(sla) = &sla {
            named.push((":sla", sla));
        }
        if let Some(device) = &filter.device {
            named.push((":device", device));
        }
        let total: u32 = self
            .conn
            .query_row(
                &format!("SELECT count(*) FROM repair_cases c WHERE {condition}"),
                named.as_slice(),
                |row| row.get(0),
            )
            .context("counting repair cases")?;
        named.push((":offset", &offset));
        named.push((":limit", &limit));
        let mut statement = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CASE_COLUMNS} FROM {CASE_JOINS} WHERE {condition}
                 ORDER BY c.closed_at IS NOT NULL, c.next_due_at IS NULL, c.next_due_at,
                    c.closed_at DESC
                 LIMIT :limit OFFSET :offset"
            ))
            .context("listing repair cases")?;
        let rows = statement
            .query_map(named.as_slice(), case_row)
            .context("listing repair cases")?;
        let mut cases = Vec::new();
        for row in rows {
            cases.push(row.context("listing repair cases")??);
        }
        attach_events(&self.conn, &mut cases)?;
        Ok((total, cases))
    }

    /// Every case reported in `[from, to)`, with its events, optionally only those whose unit
    /// belongs to organisation unit `org_unit`: what a month's SLA report counts.
    pub fn repair_cases_reported(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        org_unit: Option<&str>,
    ) -> Result<Vec<RepairCaseRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CASE_COLUMNS} FROM {CASE_JOINS}
                 WHERE c.reported_at >= ?1 AND c.reported_at < ?2 AND (?3 IS NULL OR u.name = ?3)
                 ORDER BY c.reported_at, c.id"
            ))
            .context("reading a month's repair cases")?;
        let rows = statement
            .query_map(
                params![format_time(&from), format_time(&to), org_unit],
                case_row,
            )
            .context("reading a month's repair cases")?;
        let mut cases = Vec::new();
        for row in rows {
            cases.push(row.context("reading a month's repair cases")??);
        }
        attach_events(&self.conn, &mut cases)?;
        Ok(cases)
    }

    /// Rewrites every open case's next due time with `schedule`, inside `tx`: the calendar
    /// or the SLA settings changed.
    pub(crate) fn reschedule_in(
        tx: &Transaction<'_>,
        schedule: &dyn Fn(&RepairCaseRecord) -> Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let ids: Vec<u32> = tx
            .prepare("SELECT id FROM repair_cases WHERE closed_at IS NULL")
            .and_then(|mut statement| {
                statement
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .context("reading the open repair cases")?;
        for id in ids {
            if let Some(case) = read_case(tx, id)? {
                tx.execute(
                    "UPDATE repair_cases SET next_due_at = ?2 WHERE id = ?1",
                    params![id, schedule(&case).as_ref().map(format_time)],
                )
                .context("rescheduling a repair case")?;
            }
        }
        Ok(())
    }
}
