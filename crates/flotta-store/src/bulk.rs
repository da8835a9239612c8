//! Secondary indexes set aside while a large batch is inserted.

use rusqlite::Transaction;

use crate::error::{Context, StoreError};

/// The secondary indexes of a table, dropped while a large batch of new rows is inserted and
/// built again afterwards, inside the same transaction: building an index from sorted rows is
/// several times faster than inserting tens of thousands of random keys into each B-tree.
/// The definitions are read back from the schema, so the migrations stay their only source.
#[derive(Debug)]
pub(crate) struct BulkIndexes {
    definitions: Vec<String>,
}

impl BulkIndexes {
    /// Drops the secondary indexes of `table`, one of the store's own table names (never
    /// user input); [`BulkIndexes::restore`] builds them again.
    pub(crate) fn suspend(tx: &Transaction<'_>, table: &'static str) -> Result<Self, StoreError> {
        let mut statement = tx
            .prepare(
                "SELECT name, sql FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
            )
            .context("reading the indexes")?;
        let indexes: Vec<(String, String)> = statement
            .query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))
            .context("reading the indexes")?
            .collect::<Result<_, _>>()
            .context("reading the indexes")?;
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{name}\""))
                .context("suspending an index")?;
        }
        Ok(Self {
            definitions: indexes.into_iter().map(|(_, sql)| sql).collect(),
        })
    }

    pub(crate) fn restore(self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        for sql in &self.definitions {
            tx.execute_batch(sql).context("rebuilding an index")?;
        }
        Ok(())
    }
}
