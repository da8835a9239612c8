//! Multi-row inserts: many rows to one execution of a statement.
//!
//! Each execution has a fixed cost beside its rows (opening cursors on the table and its
//! indexes, resetting, clearing the bindings), and SQLite checks each `IN (...)` list of a
//! table's CHECK constraints through a small table it builds anew for every execution: row
//! by row, that cost more than the rest of adding a device (0.36 s of 0.66 s for 48,000).
//!
//! The price: a statement that inserts several rows into a table with constraints keeps a
//! statement journal, a copy of every page it changes that existed before it began, so that
//! a failing row undoes its whole statement. Where rows are appended (new ids, an index
//! built afterwards) that is a page or two; a table with an index on random keys (a
//! record's vendor id) would copy a page per row, and is better written row by row.

use rusqlite::{ToSql, Transaction};

use crate::error::{Context, StoreError};

/// Rows to a statement: 64 rows of at most 20 values stay far below SQLite's limit on
/// parameters (32,766), and the statements for a full chunk are prepared once.
const ROWS_PER_INSERT: usize = 64;

/// Inserts `rows` into `into` (the table and its column list, one of the store's own
/// texts), [`ROWS_PER_INSERT`] to a statement. `row` is one row's values with a `?` for each
/// value `bind` pushes, in order; the rest may be SQL literals.
pub(crate) fn insert_rows<'r, T>(
    tx: &Transaction<'_>,
    into: &str,
    row: &str,
    rows: &'r [T],
    what: &'static str,
    bind: impl Fn(&'r T, &mut Vec<&'r dyn ToSql>),
) -> Result<(), StoreError> {
    let per_row = row.matches('?').count();
    let mut params: Vec<&'r dyn ToSql> = Vec::with_capacity(per_row * ROWS_PER_INSERT);
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        params.clear();
        for item in chunk {
            bind(item, &mut params);
        }
        debug_assert_eq!(
            params.len(),
            per_row * chunk.len(),
            "{what}: values of a row"
        );
        tx.prepare_cached(&statement(into, row, chunk.len()))
            .and_then(|mut insert| insert.execute(params.as_slice()))
            .context(what)?;
    }
    Ok(())
}

/// `INSERT INTO {into} VALUES {row}, {row}, …` with `rows` rows.
fn statement(into: &str, row: &str, rows: usize) -> String {
    let mut sql = String::with_capacity(20 + into.len() + rows * (row.len() + 2));
    sql.push_str("INSERT INTO ");
    sql.push_str(into);
    sql.push_str(" VALUES ");
    for index in 0..rows {
        if index > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_in_whatever_their_number() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, kind TEXT)")
            .unwrap();
        let rows: Vec<(i64, String)> = (1..=150).map(|id| (id, format!("n{id}"))).collect();
        let tx = conn.transaction().unwrap();
        insert_rows(
            &tx,
            "t (id, name, kind)",
            "(?, ?, 'x')",
            &rows,
            "t",
            |row, params| {
                params.extend([&row.0 as &dyn ToSql, &row.1]);
            },
        )
        .unwrap();
        tx.commit().unwrap();
        let (count, matching, kinds): (i64, i64, i64) = conn
            .query_row(
                "SELECT count(*), count(*) FILTER (WHERE name = 'n' || id), count(DISTINCT kind)
                 FROM t",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .unwrap();
        // Two full chunks and one of 22, each row with its own values.
        assert_eq!((count, matching, kinds), (150, 150, 1));
    }
}
