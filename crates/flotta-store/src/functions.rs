//! Domain rules offered to SQL as functions, so a query that needs one calls the domain's
//! code instead of restating the rule in SQL.

use chrono::NaiveDate;
use flotta_domain::{app_key, warranty_end};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use crate::error::{Context, StoreError};

pub(crate) fn register(conn: &Connection) -> Result<(), StoreError> {
    // `flotta_warranty_end(purchase_date, warranty_months)`: the last covered day as
    // `YYYY-MM-DD`, or NULL without a period (or for a date that is not one).
    conn.create_scalar_function(
        "flotta_warranty_end",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |context| {
            let date: Option<String> = context.get(0)?;
            let months: Option<u32> = context.get(1)?;
            Ok(date
                .and_then(|date| NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok())
                .and_then(|date| warranty_end(date, months))
                .map(|end| end.format("%Y-%m-%d").to_string()))
        },
    )
    .context("registering the warranty function")?;
    // `flotta_app_key(name)`: the key grouping one product's reports (the domain's
    // `app_key`), as an app search and the inventory's app filter compare them.
    conn.create_scalar_function(
        "flotta_app_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |context| {
            let name: String = context.get(0)?;
            Ok(app_key(&name))
        },
    )
    .context("registering the app key function")
}
