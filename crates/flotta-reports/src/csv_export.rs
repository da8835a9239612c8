//! CSV that opens correctly in Swedish Excel: UTF-8 with a byte-order mark (else Excel reads
//! Windows-1252 and å, ä, ö break), `;` between fields (Excel's list separator where the
//! decimal separator is a comma), decimal comma, CRLF line ends, and no cell that Excel or
//! LibreOffice would take for a formula.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// One value of an exported table, typed so each is written the way Swedish Excel reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    /// `value / 10^scale`, written with a decimal comma: 419050 at scale 2 is "4190,50".
    Decimal {
        value: i64,
        scale: u32,
    },
    Date(NaiveDate),
    /// Written in UTC as `YYYY-MM-DD HH:MM:SS`, which Excel reads as a date and time.
    Time(DateTime<Utc>),
    /// A wall-clock time (Swedish time in the reports), written `YYYY-MM-DD HH:MM`.
    LocalTime(NaiveDateTime),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// A header row and the rows under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table whose column headers are fixed texts.
    pub fn new(headers: &[&str], rows: Vec<Vec<Cell>>) -> Self {
        Self {
            headers: headers.iter().map(|header| (*header).to_owned()).collect(),
            rows,
        }
    }
}

/// Characters that make a spreadsheet evaluate a cell (CSV injection), as OWASP lists them.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The table as Swedish Excel opens it. A text cell starting like a formula gets a leading
/// apostrophe, which Excel shows as text and never evaluates; numbers are written as numbers.
pub fn swedish_csv(table: &Table) -> Vec<u8> {
    swedish_csv_sections(std::slice::from_ref(table))
}

/// Several tables in one file, each under its own header row, an empty line between them:
/// a report's parts, each a range Excel can filter or chart.
pub fn swedish_csv_sections(tables: &[Table]) -> Vec<u8> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(&mut bytes);
    // Writing to a Vec cannot fail; a row that could not be written would be a bug here,
    // not a problem of the data.
    for (index, table) in tables.iter().enumerate() {
        if index > 0 {
            let _ = writer.write_record([""]);
        }
        let _ = writer.write_record(table.headers.iter().map(|h| guarded(h)));
        for row in &table.rows {
            let _ = writer.write_record(row.iter().map(text));
        }
    }
    let _ = writer.flush();
    drop(writer);
    bytes
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => guarded(text),
        Cell::Integer(value) => value.to_string(),
        Cell::Decimal { value, scale } => decimal(*value, *scale),
        Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
        Cell::Time(time) => time.format("%Y-%m-%d %H:%M:%S").to_string(),
        Cell::LocalTime(time) => time.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

fn guarded(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn decimal(value: i64, scale: u32) -> String {
    if scale == 0 {
        return value.to_string();
    }
    let unit = 10_i64.pow(scale);
    let sign = if value < 0 { "-" } else { "" };
    let magnitude = value.unsigned_abs();
    let unit = unit.unsigned_abs();
    format!(
        "{sign}{},{:0width$}",
        magnitude / unit,
        magnitude % unit,
        width = scale as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exported(rows: Vec<Vec<Cell>>) -> String {
        let table = Table {
            headers: vec!["Serienummer".into(), "Pris".into(), "Anteckning".into()],
            rows,
        };
        String::from_utf8(swedish_csv(&table)).expect("UTF-8")
    }

    #[test]
    fn opens_in_swedish_excel_with_bom_semicolons_and_decimal_comma() {
        let text = exported(vec![vec![
            "F2LXK0AAHG7F".into(),
            Cell::Decimal {
                value: 419_050,
                scale: 2,
            },
            "Åsa Öberg; förskola".into(),
        ]]);
        assert_eq!(
            text,
            "\u{feff}Serienummer;Pris;Anteckning\r\nF2LXK0AAHG7F;4190,50;\"Åsa Öberg; förskola\"\r\n"
        );
    }

    #[test]
    fn no_cell_can_act_as_a_formula() {
        let text = exported(vec![vec![
            "=HYPERLINK(\"http://x\")".into(),
            "+46 8 123".into(),
            "@SUM(A1)".into(),
        ]]);
        let row = text.lines().nth(1).expect("a row");
        for field in row.split(';') {
            let field = field.trim_start_matches('"');
            assert!(
                !field.starts_with(FORMULA_STARTS),
                "{field:?} would be evaluated"
            );
        }
        assert!(row.contains("'=HYPERLINK"), "{row}");
    }

    #[test]
    fn negative_and_small_decimals_keep_their_digits() {
        assert_eq!(decimal(-5, 2), "-0,05");
        assert_eq!(decimal(100, 2), "1,00");
        assert_eq!(decimal(7, 0), "7");
    }
}
