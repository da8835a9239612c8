//! Figures as the reports print them: one decimal, with a decimal comma.

use crate::csv_export::Cell;

/// A number with one decimal for a spreadsheet (empty when there is none).
pub(crate) fn tenths(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Decimal {
        value: (value * 10.0).round() as i64,
        scale: 1,
    })
}

/// A number with one decimal and a decimal comma for a page, or "–".
pub(crate) fn tenths_text(value: Option<f64>) -> String {
    value.map_or_else(
        || "–".to_owned(),
        |value| format!("{value:.1}").replace('.', ","),
    )
}
