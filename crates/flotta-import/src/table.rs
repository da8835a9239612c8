//! A delimited text file as a header and rows of cells, each row with its line number.

use std::fmt;

use crate::error::ReadError;
use crate::text::{Encoding, decode_borrowed};

/// A file read as a table: the header's cells and the rows below it, blank lines left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub encoding: Encoding,
    /// The field delimiter found in the header line: `;`, `,` or a tab.
    pub delimiter: char,
    /// The header's cells, trimmed.
    pub headers: Vec<String>,
    /// The rows below the header, in file order. A header-only file has none.
    pub rows: Vec<Row>,
}

/// One row of a table, as the file has it: its line and its cells, verbatim and untrimmed (so
/// a cell starting with a tab is seen as such). There may be more or fewer cells than the
/// header has.
///
/// The cells are kept back to back in one string, so a big file costs one allocation per row
/// rather than one per cell.
#[derive(Clone, PartialEq, Eq)]
pub struct Row {
    /// The physical line the row starts on, counting from 1 (a header on the first line is
    /// line 1), as a spreadsheet or text editor numbers it.
    pub line: u32,
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
}

impl Row {
    /// A row starting on `line` with `cells`, as [`read_table`] builds them; callers that make
    /// a table themselves (a pasted selection, a test) build rows with it too.
    pub fn new<S: AsRef<str>>(line: u32, cells: impl IntoIterator<Item = S>) -> Self {
        let mut text = String::new();
        let mut ends = Vec::new();
        for cell in cells {
            text.push_str(cell.as_ref());
            ends.push(text.len());
        }
        text.shrink_to_fit();
        ends.shrink_to_fit();
        Self { line, text, ends }
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `index`, verbatim; `None` past the last cell.
    pub fn cell(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends[previous],
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The cells in order, verbatim.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|index| self.cell(index).unwrap_or_default())
    }
}

impl fmt::Debug for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Row")
            .field("line", &self.line)
            .field("cells", &self.cells().collect::<Vec<_>>())
            .finish()
    }
}

/// The delimiters looked for, in the order that wins a tie: Swedish Excel writes `;`.
const DELIMITERS: [u8; 3] = [b';', b'\t', b','];

/// How many lines after the header help decide between delimiters that split it equally.
const SAMPLE_LINES: usize = 20;

/// Reads `bytes` as a delimited table.
///
/// The delimiter is the one of `;`, tab and `,` that splits the header line into the most
/// cells (quotes respected). A tie goes to the one that gives the following lines as many
/// cells as the header, then to `;`, then to tab. Lines that are blank or hold only
/// delimiters are left out; every other line becomes a row whatever its number of cells.
/// Time and memory grow linearly with the file's size.
pub fn read_table(bytes: &[u8]) -> Result<Table, ReadError> {
    let (text, encoding) = decode_borrowed(bytes)?;
    let delimiter = detect_delimiter(&text);
    let mut reader = csv_reader(delimiter, text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(&text);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    loop {
        // The csv reader's own line count leaves out the empty lines it skips, so the line is
        // counted here: a record starts at the first byte after the previous one that is not a
        // line break.
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(csv_error(&error, lines.line_at(start))),
        }
        let line = lines.line_at(start);
        if is_blank(&record) {
            continue;
        }
        match headers {
            None => headers = Some(record.iter().map(|cell| cell.trim().to_owned()).collect()),
            Some(_) => rows.push(Row::new(line, record.iter())),
        }
    }
    let headers = headers.ok_or(ReadError::Empty)?;
    rows.shrink_to_fit();
    Ok(Table {
        encoding,
        delimiter: char::from(delimiter),
        headers,
        rows,
    })
}

/// The delimiter that splits the first non-blank line (the header) into the most cells; see
/// [`read_table`] for ties.
fn detect_delimiter(text: &str) -> u8 {
    // Lines of nothing but delimiters and spaces are blank to the reader too.
    let mut lines = text
        .lines()
        .filter(|line| {
            line.chars()
                .any(|c| !c.is_whitespace() && !matches!(c, ';' | ',' | '"'))
        })
        .take(SAMPLE_LINES + 1);
    let Some(header) = lines.next() else {
        return DELIMITERS[0];
    };
    let sample: Vec<&str> = lines.collect();
    let mut best = DELIMITERS[0];
    let mut best_score = (0, 0);
    for delimiter in DELIMITERS {
        let header_cells = cell_count(header, delimiter);
        let agreeing = sample
            .iter()
            .filter(|line| cell_count(line, delimiter) == header_cells)
            .count();
        // Strictly greater, so an earlier delimiter keeps a tie.
        if (header_cells, agreeing) > best_score {
            best = delimiter;
            best_score = (header_cells, agreeing);
        }
    }
    best
}

/// The number of cells `line` splits into at `delimiter`, quotes respected.
fn cell_count(line: &str, delimiter: u8) -> usize {
    let mut record = csv::StringRecord::new();
    match csv_reader(delimiter, line.as_bytes()).read_record(&mut record) {
        Ok(true) => record.len(),
        Ok(false) | Err(_) => 0,
    }
}

fn csv_reader(delimiter: u8, bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        // Rows with the wrong number of cells are reported per row, not as a file error.
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// A row of only whitespace (or the odd control character), such as `;;;` under a table.
fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| {
        cell.trim_matches(|c: char| c.is_whitespace() || c.is_control())
            .is_empty()
    })
}

fn csv_error(error: &csv::Error, line: u32) -> ReadError {
    ReadError::Csv {
        line,
        message: error.to_string(),
    }
}

/// Numbers the physical lines of a text as a text editor does (`\r\n`, `\n` and a lone `\r`
/// each end a line), asked in order of increasing offset so the whole text is scanned once.
struct LineCounter<'a> {
    text: &'a [u8],
    /// How far the text has been scanned, and the line that offset is on.
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first byte at or after `from` that is not a line break: where a record
    /// read from `from` starts. `from` never decreases between calls.
    fn line_at(&mut self, from: u64) -> u32 {
        let from = usize::try_from(from)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        let start = self.text[from..]
            .iter()
            .position(|byte| !matches!(byte, b'\r' | b'\n'))
            .map_or(self.text.len(), |skip| from + skip);
        if start > self.offset {
            let scanned = &self.text[self.offset..start];
            let breaks = scanned
                .iter()
                .enumerate()
                .filter(|&(index, &byte)| {
                    byte == b'\n' || (byte == b'\r' && scanned.get(index + 1) != Some(&b'\n'))
                })
                .count();
            // More than four billion lines cannot be numbered; they stay on the last number.
            self.line = self
                .line
                .saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX));
            self.offset = start;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        read_table(text.as_bytes()).expect("a readable table")
    }

    fn lines_and_cells(table: &Table) -> Vec<(u32, Vec<&str>)> {
        table
            .rows
            .iter()
            .map(|row| (row.line, row.cells().collect()))
            .collect()
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_header_most() {
        assert_eq!(table("a;b;c\n1;2;3\n").delimiter, ';');
        assert_eq!(table("a,b,c\n1,2,3\n").delimiter, ',');
        assert_eq!(table("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
        // A comma inside a Swedish header does not make the file comma-separated.
        assert_eq!(
            table("Pris, exkl. moms;Modell;Serie\n1,50;X;Y\n").delimiter,
            ';'
        );
        // A quoted semicolon in an English header does not either.
        assert_eq!(
            table("\"Price; excl. VAT\",Model,Serial\n1.50,X,Y\n").delimiter,
            ','
        );
    }

    #[test]
    fn a_tie_goes_to_the_delimiter_the_rows_agree_with() {
        // The header splits into two either way; the rows split into two only at commas.
        let table = table("Pris, SEK;Modell\n100,X\n200,Y\n");
        assert_eq!(table.delimiter, ',');
        // With nothing to tell them apart, Swedish Excel's semicolon wins.
        assert_eq!(self::table("a;b,c\n").delimiter, ';');
        assert_eq!(self::table("Modell\nX\n").delimiter, ';');
    }

    #[test]
    fn rows_keep_their_physical_line_numbers_past_blank_lines_and_quoted_breaks() {
        let table = table("\r\nModell;Pris\r\n\r\nA;1\r\n;;\r\n\"B\r\nC\";2\r\nD;3\r\n");
        assert_eq!(table.headers, ["Modell", "Pris"]);
        assert_eq!(
            lines_and_cells(&table),
            [
                (4, vec!["A", "1"]),
                (6, vec!["B\r\nC", "2"]),
                (8, vec!["D", "3"])
            ]
        );
    }

    #[test]
    fn cells_are_verbatim_and_short_or_long_rows_are_kept() {
        let table = table("Modell;Pris\n \tA ;1;extra\nB\n");
        assert_eq!(
            lines_and_cells(&table),
            [(2, vec![" \tA ", "1", "extra"]), (3, vec!["B"])]
        );
    }

    #[test]
    fn a_row_hands_out_its_cells() {
        let row = Row::new(7, ["a", "", " b "]);
        assert_eq!((row.len(), row.is_empty()), (3, false));
        assert_eq!(
            [row.cell(0), row.cell(1), row.cell(2), row.cell(3)],
            [Some("a"), Some(""), Some(" b "), None]
        );
        assert_eq!(
            format!("{row:?}"),
            r#"Row { line: 7, cells: ["a", "", " b "] }"#
        );
        assert!(Row::new(1, Vec::<String>::new()).is_empty());
    }

    #[test]
    fn a_header_only_file_has_no_rows_and_a_blank_file_no_header() {
        let header_only = table("Modell;Pris\r\n\r\n");
        assert_eq!(header_only.headers, ["Modell", "Pris"]);
        assert!(header_only.rows.is_empty());
        assert_eq!(read_table(b"\r\n  \r\n"), Err(ReadError::Empty));
    }
}
