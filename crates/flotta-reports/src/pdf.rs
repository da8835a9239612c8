//! A4 report pages drawn with printpdf: an embedded font (DejaVu Sans, shipped in `assets/`,
//! so å, ä, ö and é print on any computer; a character the font lacks (CJK, most emoji)
//! prints as U+FFFD), headings and wrapped text, tables whose cells wrap and whose header row
//! repeats on every page they run onto, bar charts drawn as vectors, and "Sida n av m" (or
//! "Page n of m") on every page.

use crate::Lang;
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

const FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// Characters below this code point have their widths in a table (Latin, Greek, the usual
/// punctuation and symbols).
const WIDTH_TABLE: u32 = 0x2200;

const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 14.0;
/// The lowest line content may reach; the footer sits below it.
const BOTTOM: f32 = 20.0;
const ROW_HEIGHT: f32 = 6.0;
const BODY_SIZE: f32 = 9.0;
/// Tables and charts, a little smaller than the text so a case list's columns fit A4.
const TABLE_SIZE: f32 = 8.0;
/// The distance between the lines of a wrapped table cell or paragraph.
const LINE_HEIGHT: f32 = 3.6;

/// How a table column's text sits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: its title, share of the text width and alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Millimetres.
    pub width: f32,
    pub align: Align,
}

/// A report being laid out, page by page, from the top.
pub struct PdfReport {
    doc: PdfDocument,
    font: FontId,
    metrics: ParsedFont,
    /// The advance width, in font units, of every character below [`WIDTH_TABLE`] (`None`
    /// where the font has no glyph): a report measures every character it lays out, and the
    /// font's own lookup is too slow for thousands of table cells.
    latin: Vec<Option<u16>>,
    pages: Vec<Page>,
    /// The next line's top, in millimetres from the top of the page.
    y: f32,
    lang: Lang,
}

/// One page being drawn: its shapes, and its text as one text object (the text state, font
/// size and colour, set only when it changes), which keeps a 300-page case list's content
/// small enough to compress quickly.
#[derive(Default)]
struct Page {
    graphics: Vec<Op>,
    text: Vec<Op>,
    size: Option<f32>,
    color: Option<(u32, u32, u32)>,
}

impl Page {
    fn text(
        &mut self,
        font: &FontId,
        x: f32,
        baseline: f32,
        text: String,
        size: f32,
        color: Color,
    ) {
        if self.size != Some(size) {
            self.text.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(size),
            });
            self.size = Some(size);
        }
        let key = match &color {
            Color::Rgb(rgb) => Some((rgb.r.to_bits(), rgb.g.to_bits(), rgb.b.to_bits())),
            _ => None,
        };
        if key.is_none() || self.color != key {
            self.text.push(Op::SetFillColor { col: color });
            self.color = key;
        }
        let position = at(x, baseline);
        self.text.extend([
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(position.x, position.y),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text)],
            },
        ]);
    }

    fn into_ops(self) -> Vec<Op> {
        let mut ops = self.graphics;
        if !self.text.is_empty() {
            ops.push(Op::StartTextSection);
            ops.extend(self.text);
            ops.push(Op::EndTextSection);
        }
        ops
    }
}

impl std::fmt::Debug for PdfReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PdfReport")
            .field("pages", &self.pages.len())
            .field("y", &self.y)
            .finish_non_exhaustive()
    }
}

/// The advance width of the glyph for code point `code`, in font units.
fn glyph_width(metrics: &ParsedFont, code: u32) -> Option<u16> {
    metrics
        .lookup_glyph_index(code)
        .map(|glyph| metrics.get_glyph_width(glyph).unwrap_or(0))
}

fn grey(level: f32) -> Color {
    Color::Rgb(Rgb {
        r: level,
        g: level,
        b: level,
        icc_profile: None,
    })
}

fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// A point `x` mm from the left, `y` mm from the top.
fn at(x: f32, y: f32) -> Point {
    Point {
        x: Mm(x).into(),
        y: Mm(PAGE_HEIGHT - y).into(),
    }
}

impl PdfReport {
    /// A report titled `title` (the document's title too). `None` only if the shipped font
    /// cannot be read, which a test of this crate rules out.
    pub fn new(title: &str, lang: Lang) -> Option<Self> {
        let metrics = ParsedFont::from_bytes(FONT, 0, &mut Vec::new())?;
        let mut doc = PdfDocument::new(title);
        let font = doc.add_font(&metrics);
        let latin = (0..WIDTH_TABLE)
            .map(|code| glyph_width(&metrics, code))
            .collect();
        Some(Self {
            doc,
            font,
            metrics,
            latin,
            pages: vec![Page::default()],
            y: MARGIN,
            lang,
        })
    }

    /// The advance width of `c` in font units, `None` when the font has no glyph for it.
    fn units(&self, c: char) -> Option<u16> {
        match self.latin.get(c as usize) {
            Some(width) => *width,
            None => glyph_width(&self.metrics, c as u32),
        }
    }

    /// The text with every character the font lacks replaced by U+FFFD.
    fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c == ' ' || self.units(c).is_some() {
                    c
                } else {
                    '\u{fffd}'
                }
            })
            .collect()
    }

    /// Millimetres per font unit at `size` points (1 pt = 0.3528 mm).
    fn scale(&self, size: f32) -> f32 {
        size * 0.352_78 / f32::from(self.metrics.units_per_em.max(1))
    }

    /// The width of `text` at `size` points, in millimetres.
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.units(c).unwrap_or(0)))
            .sum();
        units as f32 * self.scale(size)
    }

    /// `text` cut with "…" to fit `width` millimetres.
    fn fitted(&self, text: &str, size: f32, width: f32) -> String {
        let text = self.printable(text);
        if self.text_width(&text, size) <= width {
            return text;
        }
        let mut kept = String::new();
        for c in text.chars() {
            let candidate = format!("{kept}{c}…");
            if self.text_width(&candidate, size) > width {
                break;
            }
            kept.push(c);
        }
        format!("{kept}…")
    }

    /// `text` broken into lines that fit `width` millimetres: at spaces where it can, inside
    /// a word too long for a line; line breaks in the text are kept.
    fn wrapped(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let scale = self.scale(size);
        let char_width = |c: char| f32::from(self.units(c).unwrap_or(0)) * scale;
        let space = char_width(' ');
        let text = text.replace('\t', " ");
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let paragraph = self.printable(paragraph.trim_end_matches('\r'));
            let mut line = String::new();
            let mut line_width = 0.0;
            for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
                let word_width: f32 = word.chars().map(char_width).sum();
                let joined = if line.is_empty() {
                    word_width
                } else {
                    line_width + space + word_width
                };
                if joined <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_width = joined;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                if word_width <= width {
                    line.push_str(word);
                    line_width = word_width;
                    continue;
                }
                for c in word.chars() {
                    let grown = line_width + char_width(c);
                    if grown > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += char_width(c);
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    fn page(&mut self) -> &mut Page {
        // There is always a page: `new` starts one and `new_page` adds one.
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        &mut self.page().graphics
    }

    fn text_at(&mut self, x: f32, baseline: f32, text: &str, size: f32, color: Color) {
        let text = self.printable(text);
        let font = self.font.clone();
        self.page().text(&font, x, baseline, text, size, color);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, color: Color) {
        self.ops().extend([
            Op::SetOutlineColor { col: color },
            Op::SetOutlineThickness { pt: Pt(0.5) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: at(x1, y),
                            bezier: false,
                        },
                        LinePoint {
                            p: at(x2, y),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    fn bar(&mut self, x: f32, top: f32, width: f32, height: f32, color: Color) {
        self.ops().extend([
            Op::SetFillColor { col: color },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Mm(x).into(),
                    y: Mm(PAGE_HEIGHT - top - height).into(),
                    width: Mm(width).into(),
                    height: Mm(height).into(),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ]);
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` millimetres still fit on this one.
    fn room_for(&mut self, height: f32) -> bool {
        if self.y + height > PAGE_HEIGHT - BOTTOM {
            self.new_page();
            return false;
        }
        true
    }

    /// A heading: `size` points, with space above it.
    pub fn heading(&mut self, text: &str, size: f32) {
        self.room_for(size * 0.6 + ROW_HEIGHT * 2.0);
        self.y += size * 0.45;
        let baseline = self.y;
        self.text_at(MARGIN, baseline, text, size, grey(0.1));
        self.y += ROW_HEIGHT * 0.8;
    }

    /// A line of body text.
    pub fn line(&mut self, text: &str) {
        self.room_for(ROW_HEIGHT);
        let baseline = self.y + 4.0;
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        let text = self.fitted(text, BODY_SIZE, width);
        self.text_at(MARGIN, baseline, &text, BODY_SIZE, grey(0.15));
        self.y += ROW_HEIGHT;
    }

    /// Vertical space, in millimetres.
    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Body text wrapped to the page's width, running onto the next page when it must.
    pub fn paragraph(&mut self, text: &str) {
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        for line in self.wrapped(text, BODY_SIZE, width) {
            self.room_for(LINE_HEIGHT + 1.0);
            let baseline = self.y + 3.4;
            self.text_at(MARGIN, baseline, &line, BODY_SIZE, grey(0.15));
            self.y += LINE_HEIGHT + 0.8;
        }
        self.y += 1.5;
    }

    /// Starts a new page unless `height` millimetres still fit on this one, so a heading and
    /// the chart or table under it stay together.
    pub fn keep_together(&mut self, height: f32) {
        self.room_for(height.min(PAGE_HEIGHT - BOTTOM - MARGIN));
    }

    /// The height in millimetres of a bar chart of `bars` bars under a heading.
    pub fn chart_height(bars: usize) -> f32 {
        ROW_HEIGHT * (bars as f32 + 3.0)
    }

    /// Ends the page; what follows starts at the top of the next.
    pub fn page_break(&mut self) {
        self.new_page();
    }

    fn table_header(&mut self, columns: &[Column]) {
        let mut x = MARGIN;
        let baseline = self.y + 4.0;
        for column in columns {
            let title = self.fitted(&column.title, TABLE_SIZE, column.width - 1.5);
            let left = match column.align {
                Align::Left => x,
                Align::Right => x + column.width - 1.0 - self.text_width(&title, TABLE_SIZE),
            };
            self.text_at(left, baseline, &title, TABLE_SIZE, grey(0.35));
            x += column.width;
        }
        self.y += ROW_HEIGHT;
        self.rule(MARGIN, x, self.y - 1.0, grey(0.6));
    }

    /// A table whose cells wrap within their column; its header row is drawn again at the
    /// top of every page it runs onto. A row never splits across pages; one taller than a
    /// whole page is cut, its last line ending in "…".
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let most_lines =
            ((PAGE_HEIGHT - BOTTOM - MARGIN - ROW_HEIGHT * 2.0) / LINE_HEIGHT) as usize;
        self.room_for(ROW_HEIGHT * 2.0);
        self.table_header(columns);
        for row in rows {
            let mut cells: Vec<Vec<String>> = columns
                .iter()
                .zip(row)
                .map(|(column, cell)| self.wrapped(cell, TABLE_SIZE, column.width - 1.5))
                .collect();
            for lines in &mut cells {
                if lines.len() > most_lines {
                    lines.truncate(most_lines);
                    if let Some(last) = lines.last_mut() {
                        last.push('…');
                    }
                }
            }
            let height_lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = ROW_HEIGHT + (height_lines - 1) as f32 * LINE_HEIGHT;
            if !self.room_for(height) {
                self.table_header(columns);
            }
            let mut x = MARGIN;
            for (column, lines) in columns.iter().zip(&cells) {
                for (index, line) in lines.iter().enumerate() {
                    let baseline = self.y + 4.0 + index as f32 * LINE_HEIGHT;
                    let left = match column.align {
                        Align::Left => x,
                        Align::Right => x + column.width - 1.0 - self.text_width(line, TABLE_SIZE),
                    };
                    self.text_at(left, baseline, line, TABLE_SIZE, grey(0.1));
                }
                x += column.width;
            }
            self.y += height;
            if height_lines > 1 {
                self.rule(MARGIN, x, self.y - 0.8, grey(0.85));
            }
        }
        self.y += ROW_HEIGHT * 0.5;
    }

    /// A horizontal bar chart: one bar per label, its length the value against the largest,
    /// the value printed after it.
    pub fn bar_chart(&mut self, bars: &[(String, f64, String)]) {
        let label_width = 55.0;
        let chart_width = PAGE_WIDTH - 2.0 * MARGIN - label_width - 25.0;
        let largest = bars
            .iter()
            .map(|(_, value, _)| *value)
            .fold(0.0_f64, f64::max);
        for (label, value, shown) in bars {
            self.room_for(ROW_HEIGHT);
            let baseline = self.y + 4.0;
            let text = self.fitted(label, TABLE_SIZE, label_width - 2.0);
            self.text_at(MARGIN, baseline, &text, TABLE_SIZE, grey(0.15));
            let length = if largest > 0.0 {
                (value / largest) as f32 * chart_width
            } else {
                0.0
            };
            let x = MARGIN + label_width;
            self.bar(
                x,
                self.y + 1.0,
                length.max(0.3),
                ROW_HEIGHT - 2.0,
                rgb(0.16, 0.38, 0.62),
            );
            self.text_at(x + length + 2.0, baseline, shown, TABLE_SIZE, grey(0.15));
            self.y += ROW_HEIGHT;
        }
        self.y += ROW_HEIGHT * 0.5;
    }

    /// The finished document: every page A4 with "Sida n av m" ("Page n of m") at its foot.
    pub fn finish(mut self) -> Vec<u8> {
        let total = self.pages.len();
        for number in 1..=total {
            let footer = match self.lang {
                Lang::Sv => format!("Sida {number} av {total}"),
                Lang::En => format!("Page {number} of {total}"),
            };
            let width = self.text_width(&footer, 8.0);
            let font = self.font.clone();
            self.pages[number - 1].text(
                &font,
                PAGE_WIDTH - MARGIN - width,
                PAGE_HEIGHT - 10.0,
                footer,
                8.0,
                grey(0.4),
            );
        }
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|page| PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), page.into_ops()))
            .collect();
        self.doc
            .with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_font_reads_and_measures_swedish_letters() -> Result<(), String> {
        let report =
            PdfReport::new("test", Lang::Sv).ok_or("assets/fonts/DejaVuSans.ttf is not a font")?;
        assert!(report.text_width("åäö", 10.0) > report.text_width("å", 10.0));
        assert_eq!(
            report.printable("ok 日"),
            "ok \u{fffd}",
            "a character the font lacks prints as U+FFFD"
        );
        assert_eq!(
            report.fitted("Inskicksservice", 10.0, 12.0).chars().last(),
            Some('…')
        );
        let wrapped = report.wrapped("Skärmen är svart.\nLaddar\tinte", 8.0, 18.0);
        assert_eq!(wrapped, ["Skärmen är", "svart.", "Laddar inte"]);
        let word = report.wrapped(&"å".repeat(60), 8.0, 20.0);
        assert!(word.len() > 2, "a word longer than a line breaks: {word:?}");
        assert!(
            word.iter().all(|line| report.text_width(line, 8.0) <= 20.0),
            "{word:?}"
        );
        assert!(report.finish().starts_with(b"%PDF"));
        Ok(())
    }
}
