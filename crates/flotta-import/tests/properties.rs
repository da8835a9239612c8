//! Properties of the readers over generated input: nothing a user can put in a file makes
//! them panic, and an amount written the Swedish way reads back as the same öre.

use flotta_import::{
    PurchaseDefaults, guess_mapping, parse_amount_ore, parse_date, parse_months,
    parse_percent_basis_points, read_purchases, read_table,
};
use proptest::prelude::*;

/// Writes `ore` as a Swedish spreadsheet might: thousands grouped by `separator`, a decimal
/// comma (left out, or written `:-`, for whole kronor) and maybe a currency.
fn swedish(ore: i64, separator: &str, whole_kronor_mark: &str, currency: &str) -> String {
    let kronor = (ore / 100).to_string();
    let mut grouped = String::new();
    for (index, digit) in kronor.chars().enumerate() {
        if index > 0 && (kronor.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    let decimals = match ore % 100 {
        0 => whole_kronor_mark.to_owned(),
        ore => format!(",{ore:02}"),
    };
    format!("{grouped}{decimals}{currency}")
}

/// Text that looks like a supplier file: known headers, delimiters, quotes, numbers, dates.
fn file_like() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;IMEI;Pris;Moms;Garanti;Ägande\n",
        "Order date,Supplier,Brand,Model,Serial,IMEI,Unit price,VAT,Warranty months\n",
        "Datum\tModell\tS/N\tPris\n",
        "",
    ]);
    let body = "[0-9A-Za-zåäö;,\t\"\r\n =+@.:/-]{0,300}";
    (header, body).prop_map(|(header, body)| format!("{header}{body}"))
}

proptest! {
    #[test]
    fn cell_readers_never_panic(text in any::<String>()) {
        let _ = parse_amount_ore(&text);
        let _ = parse_percent_basis_points(&text);
        let _ = parse_months(&text);
        let _ = parse_date(&text);
    }

    #[test]
    fn cell_readers_never_panic_on_number_and_date_like_text(
        text in "[0-9 ,.\u{A0}\u{202F}krSEKmånår%:T+−-]{0,24}"
    ) {
        let _ = parse_amount_ore(&text);
        let _ = parse_percent_basis_points(&text);
        let _ = parse_months(&text);
        let _ = parse_date(&text);
    }

    #[test]
    fn swedish_amounts_read_back_as_the_same_ore(
        ore in 0..=i64::MAX,
        separator in prop::sample::select(vec!["", " ", "\u{A0}", "\u{202F}", "."]),
        whole_kronor_mark in prop::sample::select(vec!["", ",00", ":-", ",-"]),
        currency in prop::sample::select(vec!["", " kr", "kr", " SEK"]),
    ) {
        let text = swedish(ore, separator, whole_kronor_mark, currency);
        prop_assert_eq!(parse_amount_ore(&text), Ok(ore), "{:?}", text);
    }

    #[test]
    fn dates_read_back_as_the_same_day(days in 0i64..200_000) {
        let day = chrono::NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|start| start.checked_add_signed(chrono::TimeDelta::days(days)));
        prop_assume!(day.is_some());
        let day = day.expect("assumed");
        for text in [
            day.format("%Y-%m-%d").to_string(),
            day.format("%d/%m/%Y").to_string(),
            day.format("%d.%m.%Y").to_string(),
            day.format("%Y%m%d").to_string(),
            day.format("%Y-%m-%d 00:00").to_string(),
        ] {
            prop_assert_eq!(parse_date(&text), Ok(day), "{:?}", text);
        }
    }

    #[test]
    fn reading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(table) = read_table(&bytes) {
            let mapping = guess_mapping(&table.headers);
            let _ = read_purchases(&table, &mapping, &PurchaseDefaults::default());
        }
    }

    #[test]
    fn reading_file_like_text_never_panics_and_numbers_rows_in_order(text in file_like()) {
        if let Ok(table) = read_table(text.as_bytes()) {
            let lines: Vec<u32> = table.rows.iter().map(|row| row.line).collect();
            prop_assert!(lines.windows(2).all(|pair| pair[0] < pair[1]), "{:?}", lines);
            let mapping = guess_mapping(&table.headers);
            let preview = read_purchases(&table, &mapping, &PurchaseDefaults::default());
            prop_assert!(preview.lines.len() + preview.refused_lines().len() <= table.rows.len());
        }
    }
}
