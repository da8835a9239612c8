//! The events of a list of cases (repair cases, support cases), read in one statement and
//! handed to each case in time order.

use std::collections::HashMap;

use rusqlite::{Connection, Row};

use crate::error::{Context, StoreError};

/// Reads the events of `cases` with `select`, a statement whose first column is the case's
/// id, whose `{ids}` stands for the list of case ids, and which orders by case and time;
/// `read` turns a row into an event, and `slot` gives a case's id and its list of events.
pub(crate) fn attach_events<C, E>(
    conn: &Connection,
    cases: &mut [C],
    slot: impl Fn(&mut C) -> (u32, &mut Vec<E>),
    select: &str,
    read: impl Fn(&Row<'_>) -> Result<E, StoreError>,
) -> Result<(), StoreError> {
    if cases.is_empty() {
        return Ok(());
    }
    // Integers only, so the list is safe to write into the statement.
    let ids: Vec<String> = cases
        .iter_mut()
        .map(|case| slot(case).0.to_string())
        .collect();
    let mut statement = conn
        .prepare(&select.replace("{ids}", &ids.join(",")))
        .context("reading the cases' events")?;
    let mut rows = statement.query([]).context("reading the cases' events")?;
    let mut by_case: HashMap<u32, Vec<E>> = HashMap::with_capacity(cases.len());
    while let Some(row) = rows.next().context("reading the cases' events")? {
        let case: u32 = row.get(0).context("reading the cases' events")?;
        by_case.entry(case).or_default().push(read(row)?);
    }
    for case in cases {
        let (id, events) = slot(case);
        *events = by_case.remove(&id).unwrap_or_default();
    }
    Ok(())
}
