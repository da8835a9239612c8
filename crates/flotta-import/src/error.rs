//! Why a file, a number or a date could not be read, in words the person importing understands.

use serde::{Deserialize, Serialize};

/// Why a whole file could not be read as a table. Problems in single rows are not errors: they
/// are reported per row in the preview.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty: it has no header line")]
    Empty,
    #[error(
        "this is not a text file (byte {offset} is not text); save the spreadsheet as CSV and \
         import that file"
    )]
    NotText { offset: usize },
    #[error(
        "this is an Excel workbook, not a CSV file; in Excel choose Save As and \"CSV UTF-8\", \
         and import that file"
    )]
    Workbook,
    #[error(
        "the file is saved as UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" and \
         import that file"
    )]
    Utf16,
    #[error(
        "the file is marked as UTF-8 but byte {offset} is not UTF-8; save it again as \
         \"CSV UTF-8\""
    )]
    InvalidUtf8 { offset: usize },
    #[error("line {line} cannot be read as CSV: {message}")]
    Csv { line: u32, message: String },
}

/// Why a cell could not be read as an amount, a percentage or a number of months. Every
/// variant holds the cell's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", content = "text", rename_all = "snake_case")]
pub enum NumberError {
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("{0:?} is negative; a price cannot be negative")]
    Negative(String),
    #[error("{0:?} has too many decimals (a price has at most two, for öre)")]
    TooManyDecimals(String),
    #[error("{0:?} is too large")]
    TooLarge(String),
    #[error("{0:?} is not a percentage from 0 to 100")]
    PercentOutOfRange(String),
    #[error("{0:?} is not a whole number of months or years")]
    NotWholeMonths(String),
}

/// Why a cell could not be read as a date. Every variant holds the cell's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", content = "text", rename_all = "snake_case")]
pub enum DateError {
    #[error(
        "{0:?} is not a date; write dates as 2026-03-01, 01/03/2026, 01.03.2026 or 20260301 \
         (day before month)"
    )]
    NotADate(String),
    #[error("{0:?} is not a day in the calendar")]
    Impossible(String),
    #[error(
        "{0:?} is not a date and time; write them as 2026-11-02 09:14 (Swedish time, day \
         before month)"
    )]
    NoTime(String),
}
