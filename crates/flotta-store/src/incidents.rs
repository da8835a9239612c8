//! Support incidents and their events: logging a case, recording what happens to it, the
//! case list and a month's cases for the report.

use chrono::{DateTime, Utc};
use flotta_domain::incident::{
    IncidentChannel, IncidentEvent, PauseReason, SupportLine, TimedEvent,
};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use crate::agreements::{entry, id_of};
use crate::audit::{AuditEntry, record};
use crate::case_events;
use crate::connection::Store;
use crate::devices::{NameCache, format_time, parse_time, vocabulary};
use crate::error::{Context, StoreError};

/// The device a case is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentDevice {
    pub device_id: u32,
    pub serial: String,
    pub imei: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub user_name: Option<String>,
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentEventRecord {
    pub timed: TimedEvent,
    pub note: Option<String>,
    pub actor: String,
}

/// A case as stored, with its events in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentRecord {
    pub id: u32,
    pub agreement_id: u32,
    pub agreement: String,
    pub received_at: DateTime<Utc>,
    pub channel: IncidentChannel,
    pub reporter: String,
    pub device: Option<IncidentDevice>,
    pub org_unit: Option<String>,
    pub category_id: u32,
    pub description: String,
    pub resolution: Option<String>,
    pub line: SupportLine,
    pub completed_at: Option<DateTime<Utc>>,
    pub repair_case_id: Option<u32>,
    pub external_ref: Option<String>,
    pub created_by: String,
    pub events: Vec<IncidentEventRecord>,
}

/// A case to log, with the events it already has (an imported case arrives complete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIncident {
    pub agreement_id: u32,
    pub received_at: DateTime<Utc>,
    pub channel: IncidentChannel,
    pub reporter: String,
    pub device_id: Option<u32>,
    /// The unit by name when there is no device (an imported case); otherwise the device's.
    pub org_unit: Option<String>,
    pub category: CategoryRef,
    pub description: String,
    pub repair_case_id: Option<u32>,
    pub external_ref: Option<String>,
    /// Checked by the caller against the timeline's rules.
    pub events: Vec<IncidentEventWrite>,
}

/// A case's category: one of the register's, or one named by an imported file, found by its
/// Swedish or English name or added (at the end of the list) when the register has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryRef {
    Id(u32),
    Named(String),
}

/// The id of the category named `name`, added when there is none.
fn category_named(tx: &Transaction<'_>, name: &str) -> Result<u32, StoreError> {
    let found = tx
        .query_row(
            "SELECT id FROM incident_categories WHERE name_sv = ?1 OR name_en = ?1
             ORDER BY retired_at IS NOT NULL, id LIMIT 1",
            [name],
            |row| row.get(0),
        )
        .optional()
        .context("finding a category")?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO incident_categories (name_sv, name_en, position)
         SELECT ?1, ?1, coalesce(max(position), 0) + 1 FROM incident_categories",
        [name],
    )
    .context("adding a category")?;
    id_of(tx, "incident_categories.id")
}

/// An event to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentEventWrite {
    pub timed: TimedEvent,
    pub note: Option<String>,
    /// The resolution, written with a completing event.
    pub resolution: Option<String>,
}

/// What recording an event found. Anything but `Written` wrote nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentWritten {
    Written,
    /// The case gained events since the caller read it.
    Changed,
    NoSuchIncident,
}

/// Which cases the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentFilter {
    /// Only open cases (`Some(true)`), only completed ones, or all.
    pub open: Option<bool>,
    pub category_id: Option<u32>,
    pub device_id: Option<u32>,
    /// Received in `[from, to)`.
    pub received: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub org_unit: Option<String>,
    pub agreement_id: Option<u32>,
}

const COLUMNS: &str = "i.id, i.agreement_id, a.name, i.received_at, i.channel, i.reporter,
    i.device_id, d.serial, d.imei, m.manufacturer, m.name, d.user_name, u.name, i.category_id,
    i.description, i.resolution, i.line, i.completed_at, i.repair_case_id, i.external_ref,
    i.created_by";
const JOINS: &str = "incidents i JOIN support_agreements a ON a.id = i.agreement_id
    LEFT JOIN devices d ON d.id = i.device_id
    LEFT JOIN device_models m ON m.id = d.model_id
    LEFT JOIN org_units u ON u.id = i.org_unit_id";

fn incident_row(row: &Row<'_>) -> rusqlite::Result<Result<IncidentRecord, StoreError>> {
    let received_at: String = row.get(3)?;
    let channel: String = row.get(4)?;
    let line: String = row.get(16)?;
    let completed_at: Option<String> = row.get(17)?;
    let device_id: Option<u32> = row.get(6)?;
    let device = match device_id {
        Some(device_id) => Some(IncidentDevice {
            device_id,
            serial: row.get(7)?,
            imei: row.get(8)?,
            manufacturer: row.get(9)?,
            model: row.get(10)?,
            user_name: row.get(11)?,
        }),
        None => None,
    };
    let parsed = (|| {
        Ok((
            parse_time("incidents.received_at", &received_at)?,
            vocabulary("incidents.channel", &channel, IncidentChannel::from_text)?,
            vocabulary("incidents.line", &line, SupportLine::from_text)?,
            completed_at
                .map(|text| parse_time("incidents.completed_at", &text))
                .transpose()?,
        ))
    })();
    let (received_at, channel, line, completed_at) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return Ok(Err(error)),
    };
    Ok(Ok(IncidentRecord {
        id: row.get(0)?,
        agreement_id: row.get(1)?,
        agreement: row.get(2)?,
        received_at,
        channel,
        reporter: row.get(5)?,
        device,
        org_unit: row.get(12)?,
        category_id: row.get(13)?,
        description: row.get(14)?,
        resolution: row.get(15)?,
        line,
        completed_at,
        repair_case_id: row.get(18)?,
        external_ref: row.get(19)?,
        created_by: row.get(20)?,
        events: Vec::new(),
    }))
}

/// Gives each of `cases` its events, in time order.
fn attach_events(
    conn: &rusqlite::Connection,
    cases: &mut [IncidentRecord],
) -> Result<(), StoreError> {
    case_events::attach_events(
        conn,
        cases,
        |case| (case.id, &mut case.events),
        "SELECT incident_id, event, at, line, reason, note, actor FROM incident_events
         WHERE incident_id IN ({ids}) ORDER BY incident_id, at, id",
        |row| {
            let get = |index| -> Result<Option<String>, StoreError> {
                row.get(index).context("reading the incidents' events")
            };
            let event: String = row.get(1).context("reading the incidents' events")?;
            let at: String = row.get(2).context("reading the incidents' events")?;
            let timed = TimedEvent {
                event: vocabulary("incident_events.event", &event, IncidentEvent::from_text)?,
                at: parse_time("incident_events.at", &at)?,
                line: get(3)?
                    .map(|line| vocabulary("incident_events.line", &line, SupportLine::from_text))
                    .transpose()?,
                reason: get(4)?
                    .map(|reason| {
                        vocabulary("incident_events.reason", &reason, PauseReason::from_text)
                    })
                    .transpose()?,
            };
            Ok(IncidentEventRecord {
                timed,
                note: get(5)?,
                actor: row.get(6).context("reading the incidents' events")?,
            })
        },
    )
}

/// Writes one event and the case's summary columns it changes.
fn write_event(
    tx: &Transaction<'_>,
    case: u32,
    write: &IncidentEventWrite,
    actor: &str,
    recorded_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let timed = &write.timed;
    tx.execute(
        "INSERT INTO incident_events (incident_id, event, at, line, reason, note, actor,
            recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            case,
            timed.event.as_str(),
            format_time(&timed.at),
            timed.line.map(SupportLine::as_str),
            timed.reason.map(PauseReason::as_str),
            write.note,
            actor,
            format_time(&recorded_at)
        ],
    )
    .context("recording an incident event")?;
    match timed.event {
        IncidentEvent::Escalated => {
            tx.execute(
                "UPDATE incidents SET line = ?2 WHERE id = ?1",
                params![case, timed.line.map(SupportLine::as_str)],
            )
            .context("escalating an incident")?;
        }
        IncidentEvent::Completed => {
            tx.execute(
                "UPDATE incidents SET completed_at = ?2, resolution = ?3 WHERE id = ?1",
                params![case, format_time(&timed.at), write.resolution],
            )
            .context("completing an incident")?;
        }
        _ => {}
    }
    let after = serde_json::json!({
        "at": format_time(&timed.at),
        "line": timed.line.map(SupportLine::as_str),
        "reason": timed.reason.map(PauseReason::as_str),
        "note": write.note,
        "resolution": write.resolution,
    });
    record(
        tx,
        &AuditEntry {
            after_json: Some(after.to_string()),
            ..entry(actor, recorded_at, timed.event.as_str(), "incident", case)
        },
    )
}

fn read_incident(
    conn: &rusqlite::Connection,
    id: u32,
) -> Result<Option<IncidentRecord>, StoreError> {
    let Some(mut case) = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {JOINS} WHERE i.id = ?1"),
            [id],
            incident_row,
        )
        .optional()
        .context("reading an incident")?
        .transpose()?
    else {
        return Ok(None);
    };
    attach_events(conn, std::slice::from_mut(&mut case))?;
    Ok(Some(case))
}

impl Store {
    /// Logs cases with their events in one transaction. A case whose helpdesk number is
    /// already in the register is left out: the answer holds `None` in its place.
    pub fn insert_incidents(
        &mut self,
        cases: &[NewIncident],
        actor: &str,
        recorded_at: DateTime<Utc>,
    ) -> Result<Vec<Option<u32>>, StoreError> {
        let tx = self.conn.transaction().context("logging incidents")?;
        let mut units = NameCache::default();
        let mut ids = Vec::with_capacity(cases.len());
        for case in cases {
            let category = match &case.category {
                CategoryRef::Id(id) => *id,
                CategoryRef::Named(name) => category_named(&tx, name)?,
            };
            let org_unit = match (&case.org_unit, case.device_id) {
                (Some(name), _) => Some(units.org_unit_id(&tx, name)?),
                (None, Some(device)) => tx
                    .query_row(
                        "SELECT org_unit_id FROM devices WHERE id = ?1",
                        [device],
                        |row| row.get::<_, Option<i64>>(0),
                    )
                    .optional()
                    .context("logging an incident")?
                    .flatten(),
                (None, None) => None,
            };
            let inserted = tx
                .execute(
                    "INSERT INTO incidents (agreement_id, received_at, channel, reporter,
                        device_id, org_unit_id, category_id, description, repair_case_id,
                        external_ref, created_at, created_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                     ON CONFLICT (external_ref) DO NOTHING",
                    params![
                        case.agreement_id,
                        format_time(&case.received_at),
                        case.channel.as_str(),
                        case.reporter,
                        case.device_id,
                        org_unit,
                        category,
                        case.description,
                        case.repair_case_id,
                        case.external_ref,
                        format_time(&recorded_at),
                        actor
                    ],
                )
                .context("logging an incident")?;
            if inserted == 0 {
                ids.push(None);
                continue;
            }
            let id = id_of(&tx, "incidents.id")?;
            let after = serde_json::json!({
                "received_at": format_time(&case.received_at),
                "channel": case.channel.as_str(),
                "reporter": case.reporter,
                "device": case.device_id,
                "category": category,
                "agreement": case.agreement_id,
                "description": case.description,
                "external_ref": case.external_ref,
            });
            record(
                &tx,
                &AuditEntry {
                    after_json: Some(after.to_string()),
                    ..entry(actor, recorded_at, "create", "incident", id)
                },
            )?;
            for event in &case.events {
                write_event(&tx, id, event, actor, recorded_at)?;
            }
            ids.push(Some(id));
        }
        tx.commit().context("logging incidents")?;
        Ok(ids)
    }

    /// Records an event of case `id` that the caller checked against the case as it read it
    /// with `seen_events` events; refused when the case gained events meanwhile.
    pub fn record_incident_event(
        &mut self,
        id: u32,
        seen_events: u32,
        write: &IncidentEventWrite,
        actor: &str,
        recorded_at: DateTime<Utc>,
    ) -> Result<IncidentWritten, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("recording an incident event")?;
        let events: Option<u32> = tx
            .query_row(
                "SELECT (SELECT count(*) FROM incident_events WHERE incident_id = ?1)
                 FROM incidents WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()
            .context("recording an incident event")?;
        match events {
            None => return Ok(IncidentWritten::NoSuchIncident),
            Some(count) if count != seen_events => return Ok(IncidentWritten::Changed),
            Some(_) => {}
        }
        write_event(&tx, id, write, actor, recorded_at)?;
        tx.commit().context("recording an incident event")?;
        Ok(IncidentWritten::Written)
    }

    /// Links a case to the repair case it opened.
    pub fn link_incident_repair(
        &mut self,
        id: u32,
        repair_case: u32,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().context("linking a repair case")?;
        let changed = tx
            .execute(
                "UPDATE incidents SET repair_case_id = ?2 WHERE id = ?1",
                params![id, repair_case],
            )
            .context("linking a repair case")?;
        if changed == 0 {
            return Ok(false);
        }
        record(
            &tx,
            &AuditEntry {
                after_json: Some(serde_json::json!({ "repair_case": repair_case }).to_string()),
                ..entry(actor, at, "link_repair", "incident", id)
            },
        )?;
        tx.commit().context("linking a repair case")?;
        Ok(true)
    }

    /// Which of `refs` (helpdesk case numbers) the register holds already.
    pub fn imported_refs(
        &self,
        refs: &[&str],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT 1 FROM incidents WHERE external_ref = ?1")
            .context("finding imported cases")?;
        let mut found = std::collections::HashSet::new();
        for reference in refs {
            if statement
                .exists([reference])
                .context("finding imported cases")?
            {
                found.insert((*reference).to_owned());
            }
        }
        Ok(found)
    }

    pub fn incident(&self, id: u32) -> Result<Option<IncidentRecord>, StoreError> {
        read_incident(&self.conn, id)
    }

    /// The cases `filter` matches, open ones first, latest received first; with `limit`, a
    /// window of them and the number matched.
    pub fn incidents(
        &self,
        filter: &IncidentFilter,
        window: Option<(u32, u32)>,
    ) -> Result<(u32, Vec<IncidentRecord>), StoreError> {
        let mut conditions = vec!["1 = 1"];
        match filter.open {
            Some(true) => conditions.push("i.completed_at IS NULL"),
            Some(false) => conditions.push("i.completed_at IS NOT NULL"),
            None => {}
        }
        let received = filter
            .received
            .map(|(from, to)| (format_time(&from), format_time(&to)));
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
        if let Some(category) = &filter.category_id {
            conditions.push("i.category_id = :category");
            named.push((":category", category));
        }
        if let Some(device) = &filter.device_id {
            conditions.push("i.device_id = :device");
            named.push((":device", device));
        }
        if let Some((from, to)) = &received {
            conditions.push("i.received_at >= :from AND i.received_at < :to");
            named.push((":from", from));
            named.push((":to", to));
        }
        if let Some(unit) = &filter.org_unit {
            conditions.push("u.name = :unit");
            named.push((":unit", unit));
        }
        if let Some(agreement) = &filter.agreement_id {
            conditions.push("i.agreement_id = :agreement");
            named.push((":agreement", agreement));
        }
        let condition = conditions.join(" AND ");
        let total: u32 = self
            .conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM incidents i
                     LEFT JOIN org_units u ON u.id = i.org_unit_id WHERE {condition}"
                ),
                named.as_slice(),
                |row| row.get(0),
            )
            .context("counting incidents")?;
        let (offset, limit) = window.unwrap_or((0, u32::MAX));
        named.push((":offset", &offset));
        named.push((":limit", &limit));
        let mut statement = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM {JOINS} WHERE {condition}
                 ORDER BY i.completed_at IS NOT NULL, i.received_at DESC, i.id DESC
                 LIMIT :limit OFFSET :offset"
            ))
            .context("listing incidents")?;
        let rows = statement
            .query_map(named.as_slice(), incident_row)
            .context("listing incidents")?;
        let mut cases = Vec::new();
        for row in rows {
            cases.push(row.context("listing incidents")??);
        }
        attach_events(&self.conn, &mut cases)?;
        Ok((total, cases))
    }
}
