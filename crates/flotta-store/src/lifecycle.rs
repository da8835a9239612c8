//! A person's lifecycle move of one unit, with its history row and audit entry.

use chrono::{DateTime, Utc};
use flotta_domain::Lifecycle;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::audit::{AuditEntry, record};
use crate::connection::Store;
use crate::devices::{format_time, vocabulary};
use crate::error::{Context, StoreError};

/// What a move found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveOutcome {
    Moved,
    /// The unit was no longer in the state the person saw (someone else moved it); nothing
    /// was changed.
    NotIn(Lifecycle),
    NoSuchUnit,
}

impl Store {
    /// Moves unit `device` from `from` to `to` in one transaction with its history row (who,
    /// when, why) and audit entry, only if it is still in `from`. The caller has checked the
    /// move against the domain's rules.
    pub fn move_unit(
        &mut self,
        device: u32,
        from: Lifecycle,
        to: Lifecycle,
        reason: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<MoveOutcome, StoreError> {
        let tx = self
            .conn
            .transaction()
            .context("starting a lifecycle move")?;
        let outcome = move_in(&tx, device, from, to, reason, actor, at)?;
        if outcome == MoveOutcome::Moved {
            tx.commit().context("saving the lifecycle move")?;
        }
        Ok(outcome)
    }
}

/// [`Store::move_unit`] inside a transaction that may hold more (a repair case's event).
pub(crate) fn move_in(
    tx: &Transaction<'_>,
    device: u32,
    from: Lifecycle,
    to: Lifecycle,
    reason: &str,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<MoveOutcome, StoreError> {
    let current: Option<String> = tx
        .query_row(
            "SELECT lifecycle FROM devices WHERE id = ?1",
            [device],
            |row| row.get(0),
        )
        .optional()
        .context("reading the unit's lifecycle")?;
    let Some(current) = current else {
        return Ok(MoveOutcome::NoSuchUnit);
    };
    let current = vocabulary("devices.lifecycle", &current, Lifecycle::from_text)?;
    if current != from {
        return Ok(MoveOutcome::NotIn(current));
    }
    let now = format_time(&at);
    tx.execute(
        "UPDATE devices SET lifecycle = ?1, updated_at = ?2 WHERE id = ?3",
        params![to.as_str(), now, device],
    )
    .context("moving the unit")?;
    tx.execute(
        "INSERT INTO device_history (device_id, at, field, before, after, actor, reason)
         VALUES (?1, ?2, 'lifecycle', ?3, ?4, ?5, ?6)",
        params![device, now, from.as_str(), to.as_str(), actor, reason],
    )
    .context("recording the move in the unit's history")?;
    record(
        tx,
        &AuditEntry {
            at,
            actor: actor.to_owned(),
            action: "move".into(),
            entity: "device".into(),
            entity_id: Some(device.to_string()),
            before_json: Some(serde_json::json!({ "lifecycle": from.as_str() }).to_string()),
            after_json: Some(
                serde_json::json!({ "lifecycle": to.as_str(), "reason": reason }).to_string(),
            ),
        },
    )?;
    Ok(MoveOutcome::Moved)
}
