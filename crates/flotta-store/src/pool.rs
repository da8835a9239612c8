//! The swap pool per model: units available, sent to users, at the workshop and beyond
//! repair, and how many went out recently (the pool's consumption).

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::connection::Store;
use crate::devices::{format_time, parse_time};
use crate::error::{Context, StoreError};

/// One model's pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolModel {
    pub manufacturer: String,
    pub model: String,
    /// In the pool and in no open case.
    pub available: u32,
    /// Shipped as a replacement to a user who does not have it yet.
    pub sent: u32,
    /// Swapped-out units the workshop has and has not finished.
    pub at_workshop: u32,
    /// Swapped-out units found beyond repair and not yet retired.
    pub beyond_repair: u32,
    /// Replacements shipped since the time asked for.
    pub shipped_since: u32,
}

/// A unit in the pool that can go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolUnit {
    pub device_id: u32,
    pub serial: String,
    pub manufacturer: String,
    pub model: String,
}

/// A loaner out with a user, as the pool view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanerRecord {
    pub case_id: u32,
    pub loaner_id: u32,
    pub loaner_serial: String,
    /// The user of the unit under repair.
    pub user_name: Option<String>,
    pub since: DateTime<Utc>,
    /// When the user had their own unit back (or it was found beyond repair).
    pub own_back_at: Option<DateTime<Utc>>,
}

const HAS: &str = "EXISTS (SELECT 1 FROM repair_events x WHERE x.case_id = c.id AND x.event";

impl Store {
    /// Every model with pool units or pool activity, by manufacturer and model.
    pub fn pool_models(&self, since: DateTime<Utc>) -> Result<Vec<PoolModel>, StoreError> {
        let sql = format!(
            "WITH counts (model_id, available, sent, at_workshop, beyond_repair, shipped) AS (
                SELECT d.model_id, 1, 0, 0, 0, 0 FROM devices d
                 WHERE d.lifecycle = 'in_swap_pool' AND NOT EXISTS (SELECT 1 FROM repair_cases c
                    WHERE c.device_id = d.id AND c.closed_at IS NULL)
                UNION ALL
                SELECT d.model_id, 0, 1, 0, 0, 0 FROM repair_events e
                  JOIN repair_cases c ON c.id = e.case_id JOIN devices d ON d.id = e.unit_id
                 WHERE e.event = 'replacement_shipped' AND c.closed_at IS NULL
                   AND NOT {HAS} = 'user_working')
                UNION ALL
                SELECT d.model_id, 0, 0, 1, 0, 0 FROM repair_cases c JOIN devices d ON d.id = c.device_id
                 WHERE c.sla_type = 'swap' AND {HAS} = 'received')
                   AND NOT {HAS} IN ('returned_to_pool', 'beyond_repair'))
                UNION ALL
                SELECT d.model_id, 0, 0, 0, 1, 0 FROM repair_cases c JOIN devices d ON d.id = c.device_id
                 WHERE c.sla_type = 'swap' AND d.lifecycle = 'in_repair' AND {HAS} = 'beyond_repair')
                UNION ALL
                SELECT d.model_id, 0, 0, 0, 0, 1 FROM repair_events e JOIN devices d ON d.id = e.unit_id
                 WHERE e.event = 'replacement_shipped' AND e.at >= ?1
            )
            SELECT m.manufacturer, m.name, sum(available), sum(sent), sum(at_workshop),
                   sum(beyond_repair), sum(shipped)
              FROM counts JOIN device_models m ON m.id = counts.model_id
             GROUP BY m.id ORDER BY m.manufacturer, m.name"
        );
        let mut statement = self.conn.prepare(&sql).context("reading the swap pool")?;
        let rows = statement
            .query_map(params![format_time(&since)], |row| {
                Ok(PoolModel {
                    manufacturer: row.get(0)?,
                    model: row.get(1)?,
                    available: row.get(2)?,
                    sent: row.get(3)?,
                    at_workshop: row.get(4)?,
                    beyond_repair: row.get(5)?,
                    shipped_since: row.get(6)?,
                })
            })
            .context("reading the swap pool")?;
        rows.collect::<rusqlite::Result<_>>()
            .context("reading the swap pool")
    }

    /// The loaners out with users: sent in an open case and not yet back, oldest first.
    pub fn loaners_out(&self) -> Result<Vec<LoanerRecord>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT c.id, e.unit_id, l.serial, d.user_name, e.at,
                        (SELECT min(b.at) FROM repair_events b WHERE b.case_id = c.id
                          AND b.event IN ('returned_to_user', 'beyond_repair'))
                   FROM repair_events e JOIN repair_cases c ON c.id = e.case_id
                   JOIN devices l ON l.id = e.unit_id JOIN devices d ON d.id = c.device_id
                  WHERE e.event = 'loaner_shipped' AND c.closed_at IS NULL
                    AND NOT EXISTS (SELECT 1 FROM repair_events r WHERE r.case_id = c.id
                        AND r.event = 'loaner_returned')
                  ORDER BY e.at, c.id",
            )
            .context("reading the loaners out")?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, u32>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, Option<String>>(5)?,
                ))
            })
            .context("reading the loaners out")?;
        let mut loaners = Vec::new();
        for row in rows {
            let (case_id, loaner_id, loaner_serial, user_name, since, back) =
                row.context("reading the loaners out")?;
            loaners.push(LoanerRecord {
                case_id,
                loaner_id,
                loaner_serial,
                user_name,
                since: parse_time("repair_events.at", &since)?,
                own_back_at: back
                    .map(|back| parse_time("repair_events.at", &back))
                    .transpose()?,
            });
        }
        Ok(loaners)
    }

    /// The available pool units, longest in the pool first within a model; only the model's
    /// when one is given.
    pub fn available_pool_units(
        &self,
        model: Option<(&str, &str)>,
    ) -> Result<Vec<PoolUnit>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.serial, m.manufacturer, m.name FROM devices d
                   JOIN device_models m ON m.id = d.model_id
                  WHERE d.lifecycle = 'in_swap_pool'
                    AND NOT EXISTS (SELECT 1 FROM repair_cases c
                        WHERE c.device_id = d.id AND c.closed_at IS NULL)
                    AND (?1 IS NULL OR (m.manufacturer = ?1 AND m.name = ?2))
                  ORDER BY m.manufacturer, m.name, d.updated_at, d.id",
            )
            .context("finding pool units")?;
        let (manufacturer, name) = model.unzip();
        let rows = statement
            .query_map(params![manufacturer, name], |row| {
                Ok(PoolUnit {
                    device_id: row.get(0)?,
                    serial: row.get(1)?,
                    manufacturer: row.get(2)?,
                    model: row.get(3)?,
                })
            })
            .context("finding pool units")?;
        rows.collect::<rusqlite::Result<_>>()
            .context("finding pool units")
    }
}
