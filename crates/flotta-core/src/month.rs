//! The month a report is of, as the user writes it (`YYYY-MM`).

use chrono::{DateTime, NaiveDate, Utc};
use flotta_domain::time::end_of_day;

use crate::Error;

/// A calendar month on Swedish time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Month {
    pub first: NaiveDate,
    /// The instants the month begins and ends, Swedish time.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Month {
    pub(crate) fn parse(month: &str) -> Result<Self, Error> {
        let first = NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d")
            .map_err(|_| Error::InvalidInput {
                what: "month",
                detail: format!("{month:?}; give it as YYYY-MM"),
            })?;
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(first);
        Ok(Self {
            first,
            from: end_of_day(first.pred_opt().unwrap_or(first)),
            to: end_of_day(last),
        })
    }

    /// `YYYY-MM`.
    pub(crate) fn label(&self) -> String {
        self.first.format("%Y-%m").to_string()
    }
}
