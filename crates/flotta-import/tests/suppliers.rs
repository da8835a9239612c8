//! Real supplier files, as Atea, Dustin, Telia and Inet deliver them and as people break them,
//! read the way the import preview reads them.

use std::path::PathBuf;

use chrono::NaiveDate;
use flotta_domain::{Ownership, PurchaseField, PurchaseLine};
use flotta_import::{
    DateError, Encoding, MissingColumn, NumberError, PurchaseDefaults, PurchasePreview, ReadError,
    RowProblemKind, Table, guess_mapping, read_purchases, read_table,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A refused row's problem as the preview lists it: line, field, column, value, what.
type Problem<'a> = (
    u32,
    Option<PurchaseField>,
    Option<&'a str>,
    &'a str,
    &'a RowProblemKind,
);

fn file(name: &str) -> Result<Vec<u8>, std::io::Error> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "files", name]
        .iter()
        .collect();
    std::fs::read(path)
}

/// Reads a file as the preview does, with the guessed mapping.
fn preview(
    name: &str,
    defaults: &PurchaseDefaults,
) -> Result<(Table, PurchasePreview), Box<dyn std::error::Error>> {
    let table = read_table(&file(name)?)?;
    let mapping = guess_mapping(&table.headers);
    let preview = read_purchases(&table, &mapping, defaults);
    Ok((table, preview))
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real day")
}

fn line(preview: &PurchasePreview, number: u32) -> &PurchaseLine {
    &preview
        .lines
        .iter()
        .find(|(line, _)| *line == number)
        .unwrap_or_else(|| panic!("line {number} is accepted"))
        .1
}

#[test]
fn atea_utf8_bom_semicolons_and_decimal_commas() -> TestResult {
    let (table, preview) = preview("atea-semicolon-bom.csv", &PurchaseDefaults::default())?;
    assert!(
        guess_mapping(&table.headers)
            .missing_required(&PurchaseDefaults::default())
            .is_empty(),
        "every field has its column"
    );
    assert_eq!(preview.encoding, Encoding::Utf8Bom);
    assert_eq!(preview.delimiter, ';');
    assert_eq!(preview.refused, []);
    assert_eq!(
        preview
            .lines
            .iter()
            .map(|(line, _)| *line)
            .collect::<Vec<_>>(),
        [2, 3, 4, 5, 6]
    );

    let first = line(&preview, 2);
    assert_eq!(first.purchase_date, date(2026, 3, 2));
    assert_eq!(first.supplier, "Atea Sverige AB");
    assert_eq!(first.order_number.as_deref(), Some("PO-2026-0412"));
    assert_eq!(first.invoice_number.as_deref(), Some("F-88120"));
    assert_eq!(first.manufacturer, "Apple");
    assert_eq!(first.model, "iPhone 16 128 GB");
    assert_eq!(
        first.serial.as_ref().map(|s| s.as_str()),
        Some("F2LXK0AAHG7F")
    );
    assert_eq!(
        first.imei.as_ref().map(|i| i.as_str()),
        Some("353918112345679")
    );
    assert_eq!(first.unit_cost_ore, 899_000, "8 990,00 kr");
    assert_eq!(first.vat_rate_basis_points, Some(2500));
    assert_eq!(first.warranty_months, Some(24));
    assert_eq!(
        first.org_unit.as_deref(),
        Some("Barn- och utbildningsförvaltningen")
    );
    assert_eq!(first.ownership, Ownership::Corporate);
    assert_eq!(first.planned_lifetime_months, Some(36));

    assert_eq!(
        line(&preview, 3).imei.as_ref().map(|i| i.as_str()),
        Some("353918112345752"),
        "an IMEI written in groups"
    );
    let ipad = line(&preview, 4);
    assert_eq!(
        ipad.model, "iPad Air 11\" Wi-Fi; 128 GB",
        "a quoted cell with a ; and a \""
    );
    assert_eq!(ipad.imei, None);
    assert_eq!(ipad.unit_cost_ore, 749_050, "7 490,50 kr");
    assert_eq!(
        ipad.ownership,
        Ownership::Corporate,
        "an empty ownership is the default"
    );
    let samsung = line(&preview, 5);
    assert_eq!(
        samsung.unit_cost_ore, 429_500,
        "no-break space between thousands"
    );
    assert_eq!(samsung.ownership, Ownership::Personal, "Privat");
    assert_eq!(samsung.org_unit.as_deref(), Some("Miljöförvaltningen"));
    assert_eq!(samsung.planned_lifetime_months, None);
    let mac = line(&preview, 6);
    assert_eq!(mac.purchase_date, date(2026, 3, 5), "2026-03-05 00:00");
    assert_eq!(
        mac.unit_cost_ore, 1_249_900,
        "narrow no-break space between thousands"
    );
    Ok(())
}

#[test]
fn dustin_utf8_commas_quoted_cells_and_dot_decimals() -> TestResult {
    let (_, preview) = preview("dustin-comma-utf8.csv", &PurchaseDefaults::default())?;
    assert_eq!(preview.encoding, Encoding::Utf8);
    assert_eq!(preview.delimiter, ',');
    assert_eq!(preview.refused, []);
    assert_eq!(preview.lines.len(), 4);

    let galaxy = line(&preview, 2);
    assert_eq!(galaxy.purchase_date, date(2026, 2, 14));
    assert_eq!(galaxy.supplier, "Dustin Sverige AB");
    assert_eq!(galaxy.order_number.as_deref(), Some("PO 55123"));
    assert_eq!(galaxy.invoice_number.as_deref(), Some("INV-100234"));
    assert_eq!(galaxy.manufacturer, "Samsung");
    assert_eq!(galaxy.model, "Galaxy S25, 256 GB, Navy");
    assert_eq!(galaxy.unit_cost_ore, 949_000, "9490.00");
    assert_eq!(galaxy.org_unit.as_deref(), Some("IT, Digitalisering"));
    let thinkpad = line(&preview, 4);
    assert_eq!(thinkpad.model, "ThinkPad T14, Gen 5");
    assert_eq!(thinkpad.imei, None, "a laptop has only a serial number");
    assert_eq!(thinkpad.unit_cost_ore, 1_249_050, "12,490.50");
    assert_eq!(thinkpad.warranty_months, Some(36));
    let iphone = line(&preview, 5);
    assert_eq!(iphone.serial, None, "an IMEI alone names the unit");
    assert_eq!(iphone.unit_cost_ore, 699_950, "6999.5");
    assert_eq!(iphone.org_unit.as_deref(), Some("Socialförvaltningen"));
    Ok(())
}

#[test]
fn telia_windows_1252_with_swedish_letters_and_day_first_dates() -> TestResult {
    let (_, preview) = preview("telia-1252.csv", &PurchaseDefaults::default())?;
    assert_eq!(preview.encoding, Encoding::Windows1252);
    assert_eq!(preview.delimiter, ';');
    assert_eq!(preview.refused, []);
    assert_eq!(preview.lines.len(), 3);

    let first = line(&preview, 2);
    assert_eq!(first.supplier, "Telia Företag Göteborg");
    assert_eq!(
        first.purchase_date,
        date(2026, 2, 3),
        "03/02/2026 is 3 February"
    );
    assert_eq!(first.manufacturer, "Apple");
    assert_eq!(first.unit_cost_ore, 599_500, "5 995,00 kr");
    assert_eq!(
        first.org_unit.as_deref(),
        Some("Socialförvaltningen Äldreomsorg")
    );
    assert_eq!(
        line(&preview, 3).org_unit.as_deref(),
        Some("Miljö- och hälsoskyddsförvaltningen")
    );
    let doro = line(&preview, 4);
    assert_eq!(doro.purchase_date, date(2026, 2, 17));
    assert_eq!(doro.org_unit.as_deref(), Some("Vård och omsorg, Åsa Öberg"));
    assert_eq!(doro.unit_cost_ore, 149_500);
    Ok(())
}

#[test]
fn inet_tabs_compact_dates_and_the_supplier_from_the_caller() -> TestResult {
    let inet = PurchaseDefaults {
        supplier: Some("Inet AB".into()),
        ownership: Ownership::Corporate,
    };
    let (table, preview) = preview("inet-tab-yyyymmdd.tsv", &inet)?;
    assert_eq!(preview.encoding, Encoding::Utf8);
    assert_eq!(preview.delimiter, '\t');
    assert_eq!(preview.refused, []);
    assert_eq!(preview.lines.len(), 3);
    let ipad = line(&preview, 2);
    assert_eq!(ipad.purchase_date, date(2026, 1, 15), "20260115");
    assert_eq!(ipad.supplier, "Inet AB");
    assert_eq!(ipad.unit_cost_ore, 1_234_500, "12 345,00");
    assert_eq!(ipad.warranty_months, Some(24), "24 mån");
    assert_eq!(
        ipad.serial.as_ref().map(|s| s.as_str()),
        Some("H9KXQ2LMN4"),
        "S/N"
    );
    assert_eq!(line(&preview, 3).warranty_months, Some(36), "3 år");
    assert_eq!(
        line(&preview, 4).org_unit.as_deref(),
        Some("4720"),
        "Kostnadsställe"
    );

    // Without the caller's supplier the file lacks one: the mapping says so before reading,
    // and every row is refused for it.
    let mapping = guess_mapping(&table.headers);
    assert_eq!(
        mapping.missing_required(&PurchaseDefaults::default()),
        [MissingColumn::Field(PurchaseField::Supplier)]
    );
    let without = read_purchases(&table, &mapping, &PurchaseDefaults::default());
    assert_eq!(without.lines, []);
    assert_eq!(without.refused_lines(), [2, 3, 4]);
    assert!(without.refused.iter().all(|problem| {
        problem.problem == RowProblemKind::MissingRequired
            && problem.field == Some(PurchaseField::Supplier)
            && problem.column.is_none()
    }));
    assert_eq!(
        without.refused[0].to_string(),
        "line 2, Supplier: the file has no column for it"
    );
    Ok(())
}

#[test]
fn broken_rows_are_refused_with_their_line_and_reason() -> TestResult {
    let (_, preview) = preview("broken-rows.csv", &PurchaseDefaults::default())?;
    assert_eq!(
        preview
            .lines
            .iter()
            .map(|(line, _)| *line)
            .collect::<Vec<_>>(),
        [2, 8, 12],
        "line 11 is blank and left out"
    );
    assert_eq!(preview.refused_lines(), [3, 4, 5, 6, 7, 9, 10, 13, 14]);

    let problems: Vec<Problem<'_>> = preview
        .refused
        .iter()
        .map(|p| {
            (
                p.line,
                p.field,
                p.column.as_deref(),
                p.value.as_str(),
                &p.problem,
            )
        })
        .collect();
    use PurchaseField as F;
    assert_eq!(
        problems,
        [
            (
                3,
                Some(F::PurchaseDate),
                Some("Inköpsdatum"),
                "2026-02-30",
                &RowProblemKind::ImpossibleDate {
                    error: DateError::Impossible("2026-02-30".into())
                }
            ),
            (
                4,
                Some(F::Imei),
                Some("IMEI"),
                "353291098765513",
                &RowProblemKind::ImeiCheckDigit
            ),
            (
                5,
                Some(F::Serial),
                Some("Serienummer"),
                "f2lxk0aahg7f",
                &RowProblemKind::DuplicateInFile { first_line: 2 }
            ),
            (
                6,
                Some(F::Model),
                Some("Modell"),
                "",
                &RowProblemKind::MissingRequired
            ),
            (
                7,
                Some(F::UnitCost),
                Some("Pris"),
                "abc",
                &RowProblemKind::NotANumber {
                    error: NumberError::NotANumber("abc".into())
                }
            ),
            (
                9,
                None,
                None,
                "2026-04-01;Atea Sverige AB;PO-1;Apple;iPhone 16;F2LXK0AAHG7N",
                &RowProblemKind::WrongCellCount {
                    expected: 8,
                    found: 6
                }
            ),
            (
                10,
                Some(F::PurchaseDate),
                Some("Inköpsdatum"),
                "2026-13-01",
                &RowProblemKind::ImpossibleDate {
                    error: DateError::Impossible("2026-13-01".into())
                }
            ),
            (
                10,
                Some(F::UnitCost),
                Some("Pris"),
                "-100",
                &RowProblemKind::NotANumber {
                    error: NumberError::Negative("-100".into())
                }
            ),
            (10, None, None, "", &RowProblemKind::NoIdentifier),
            (
                13,
                Some(F::Imei),
                Some("IMEI"),
                "35 329109 876543 9",
                &RowProblemKind::DuplicateInFile { first_line: 2 }
            ),
            (
                14,
                Some(F::Imei),
                Some("IMEI"),
                "+353291098765694",
                &RowProblemKind::BadImei {
                    reason: "IMEI \"+353291098765694\" contains characters other than digits"
                        .into()
                }
            ),
        ]
    );

    // What the preview shows for some of them.
    let shown: Vec<String> = preview.refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown[0],
        "line 3, column \"Inköpsdatum\": \"2026-02-30\" is not a day in the calendar"
    );
    assert_eq!(
        shown[1],
        "line 4, column \"IMEI\": IMEI \"353291098765513\" fails its check digit; a digit is \
         probably mistyped"
    );
    assert_eq!(
        shown[2],
        "line 5, column \"Serienummer\": \"f2lxk0aahg7f\" is already on line 2 of this file"
    );
    assert_eq!(
        shown[5],
        "line 9: the row has 6 cells but the header has 8; a cell may hold an unquoted delimiter"
    );

    // The formula stays text, is never evaluated, and is pointed out.
    let hyperlink = "=HYPERLINK(\"https://portal.example/o/1\";\"PO-1\")";
    assert_eq!(line(&preview, 8).order_number.as_deref(), Some(hyperlink));
    assert_eq!(preview.formula_cells.len(), 1);
    let note = &preview.formula_cells[0];
    assert_eq!((note.line, note.column.as_str()), (8, "Ordernummer"));
    assert_eq!(
        (note.field, note.value.as_str()),
        (F::OrderNumber, hyperlink)
    );
    Ok(())
}

#[test]
fn a_header_only_file_has_no_rows() -> TestResult {
    let table = read_table(&file("header-only.csv")?)?;
    assert_eq!(
        table.headers,
        [
            "Inköpsdatum",
            "Leverantör",
            "Tillverkare",
            "Modell",
            "Serienummer",
            "Pris"
        ]
    );
    assert_eq!(table.rows, []);
    let preview = read_purchases(
        &table,
        &guess_mapping(&table.headers),
        &PurchaseDefaults::default(),
    );
    assert_eq!((preview.lines.len(), preview.refused.len()), (0, 0));
    Ok(())
}

#[test]
fn empty_and_binary_files_are_refused_whole() -> TestResult {
    assert_eq!(read_table(&file("empty.csv")?), Err(ReadError::Empty));
    let png = read_table(&file("not-a-csv.png")?);
    assert_eq!(png, Err(ReadError::NotText { offset: 8 }));
    assert_eq!(
        png.map(|_| ()).map_err(|error| error.to_string()),
        Err(
            "this is not a text file (byte 8 is not text); save the spreadsheet as CSV and \
             import that file"
                .to_owned()
        )
    );
    Ok(())
}

#[test]
fn the_preview_travels_as_json() -> TestResult {
    let (_, preview) = preview("broken-rows.csv", &PurchaseDefaults::default())?;
    let json = serde_json::to_value(&preview)?;
    assert_eq!(json["encoding"], "utf8");
    assert_eq!(json["lines"][0][0], 2);
    assert_eq!(json["lines"][0][1]["unit_cost_ore"], 899_000);
    assert_eq!(json["refused"][0]["problem"]["kind"], "impossible_date");
    assert_eq!(
        json["refused"][0]["problem"]["error"]["reason"],
        "impossible"
    );
    let back: PurchasePreview = serde_json::from_value(json)?;
    assert_eq!(back, preview);
    Ok(())
}
