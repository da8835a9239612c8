//! Tables as Excel workbooks: one sheet, typed cells (numbers as numbers, dates and times as
//! dates Excel can sort and filter), the header row bold, frozen and filterable. A text cell
//! is always a string, never a formula, whatever it starts with.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::csv_export::{Cell, Table};

/// A workbook that could not be made (boxed: the writer's error is large, and every result
/// of the core carries this one).
#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WorkbookError(#[source] Box<XlsxError>);

impl From<XlsxError> for WorkbookError {
    fn from(error: XlsxError) -> Self {
        Self(Box::new(error))
    }
}

/// The widest a column is made, in characters; longer text wraps in Excel when opened.
const MAX_WIDTH: usize = 60;
/// Rows looked at to size the columns.
const SIZED_BY_ROWS: usize = 200;

/// `table` as an .xlsx workbook with one sheet named `sheet` (at most 31 characters, as
/// Excel allows).
pub fn xlsx_workbook(table: &Table, sheet: &str) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    // Rows are written in order and flushed to a temporary file as they are: a 50,000-row
    // inventory takes a few megabytes of memory instead of hundreds.
    let worksheet = workbook.add_worksheet_with_constant_memory()?;
    let name: String = sheet
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    worksheet.set_name(if name.is_empty() { "Flotta" } else { &name })?;
    let formats = Formats::new();
    size_columns(worksheet, table)?;
    for (column, header) in table.headers.iter().enumerate() {
        worksheet.write_string_with_format(0, col(column), header, &formats.header)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let row_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, cell) in row.iter().enumerate() {
            write_cell(worksheet, row_number, col(column), cell, &formats)?;
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    if !table.headers.is_empty() {
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        worksheet.autofilter(0, 0, last_row, col(table.headers.len() - 1))?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

struct Formats {
    header: Format,
    date: Format,
    time: Format,
    decimals: [Format; 3],
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            decimals: [
                Format::new().set_num_format("0"),
                Format::new().set_num_format("0.0"),
                Format::new().set_num_format("0.00"),
            ],
        }
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => {
            sheet.write_string(row, column, text)?;
        }
        Cell::Integer(value) => {
            sheet.write_number(row, column, *value as f64)?;
        }
        Cell::Decimal { value, scale } => {
            let scaled = *value as f64 / 10_f64.powi(i32::try_from(*scale).unwrap_or(0));
            let format = &formats.decimals[(*scale as usize).min(2)];
            sheet.write_number_with_format(row, column, scaled, format)?;
        }
        Cell::Date(date) => {
            sheet.write_datetime_with_format(row, column, excel_date(*date)?, &formats.date)?;
        }
        Cell::Time(time) => {
            let at = excel_time(time.naive_utc())?;
            sheet.write_datetime_with_format(row, column, at, &formats.time)?;
        }
        Cell::LocalTime(time) => {
            sheet.write_datetime_with_format(row, column, excel_time(*time)?, &formats.time)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year()).unwrap_or(1900),
        date.month() as u8,
        date.day() as u8,
    )
}

fn excel_time(at: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    excel_date(at.date())?.and_hms(at.hour() as u16, at.minute() as u8, at.second())
}

/// Each column as wide as its header or its longest value in the first rows, within reason.
fn size_columns(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    for (column, header) in table.headers.iter().enumerate() {
        let longest = table
            .rows
            .iter()
            .take(SIZED_BY_ROWS)
            .filter_map(|row| row.get(column))
            .map(|cell| match cell {
                Cell::Text(text) => text.chars().count(),
                Cell::Date(_) => 10,
                Cell::Time(_) | Cell::LocalTime(_) => 16,
                Cell::Integer(_) | Cell::Decimal { .. } => 10,
                Cell::Empty => 0,
            })
            .max()
            .unwrap_or(0);
        let width = longest.max(header.chars().count()).clamp(6, MAX_WIDTH) + 2;
        sheet.set_column_width(col(column), width as f64)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};

    #[test]
    fn cells_read_back_with_their_types_and_no_formula() -> Result<(), Box<dyn std::error::Error>> {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("date")?;
        let at = day.and_hms_opt(9, 14, 0).ok_or("time")?;
        let table = Table {
            headers: vec![
                "Serienummer".into(),
                "Antal".into(),
                "Pris".into(),
                "Inköpt".into(),
                "Mottaget".into(),
                "Anteckning".into(),
            ],
            rows: vec![
                vec![
                    "F2LXK0AAHG7F".into(),
                    Cell::Integer(42),
                    Cell::Decimal {
                        value: 419_050,
                        scale: 2,
                    },
                    Cell::Date(day),
                    Cell::LocalTime(at),
                    "=HYPERLINK(\"http://evil.example\")".into(),
                ],
                vec!["Åsa Öberg".into(), Cell::Empty],
            ],
        };
        let bytes = xlsx_workbook(&table, "Enheter: november")?;
        let mut workbook: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))?;
        assert_eq!(workbook.sheet_names(), ["Enheter november"]);
        let range = workbook.worksheet_range("Enheter november")?;
        assert_eq!(range.get_size(), (3, 6));
        assert_eq!(range.get((0, 0)), Some(&Data::String("Serienummer".into())));
        assert_eq!(range.get((1, 1)).and_then(DataType::get_float), Some(42.0));
        assert_eq!(
            range.get((1, 2)).and_then(DataType::get_float),
            Some(4190.5)
        );
        assert_eq!(range.get((1, 3)).and_then(DataType::as_date), Some(day));
        assert_eq!(range.get((1, 4)).and_then(DataType::as_datetime), Some(at));
        assert_eq!(
            range.get((1, 5)),
            Some(&Data::String("=HYPERLINK(\"http://evil.example\")".into())),
            "a text that looks like a formula stays text"
        );
        let formulas = workbook.worksheet_formula("Enheter november")?;
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, formula)| formula.is_empty())
        );
        assert_eq!(range.get((2, 0)), Some(&Data::String("Åsa Öberg".into())));
        Ok(())
    }
}
