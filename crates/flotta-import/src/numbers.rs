//! Prices, VAT rates and months as people write them in Swedish and English spreadsheets,
//! read exactly into whole numbers (öre, hundredths of a percent, months): never floats.

use crate::error::NumberError;

/// Spaces that separate thousands: the plain space, the no-break space Excel writes on
/// Swedish Windows (U+00A0) and the narrow no-break space (U+202F).
const SPACES: [char; 3] = [' ', '\u{A0}', '\u{202F}'];

/// Currency words written before or after an amount, compared without regard to case.
const CURRENCY: [&str; 3] = ["sek", "kr.", "kr"];

/// "Whole kronor" marks written after an amount: `4 990:-`, `4 990,-`.
const WHOLE_KRONOR: [&str; 2] = [":-", ",-"];

/// Reads a price into öre (hundredths of a krona).
///
/// Accepted: `1 234,50`, `1.234,50`, `1234,5`, `1234`, `1 234 kr`, `1234 SEK`, `4 990:-`,
/// and English `1234.50` and `1,234.50`. A decimal comma is the Swedish way; a single dot is a
/// decimal point only when one or two digits follow it (or more than three, which is then too
/// many decimals) and a thousands separator when exactly three follow a valid leading group
/// (`1.234` is 1 234 kronor). Groups of thousands must have three digits. Refused: negative
/// amounts (a price is never negative), a leading `+`, more than two decimals, and amounts
/// that do not fit.
pub fn parse_amount_ore(text: &str) -> Result<i64, NumberError> {
    let original = text.trim();
    let mut body = original;
    loop {
        let stripped = strip_any_suffix(body, &CURRENCY)
            .or_else(|| strip_any_suffix(body, &WHOLE_KRONOR))
            .or_else(|| strip_any_prefix(body, &CURRENCY));
        match stripped {
            Some(rest) => body = rest.trim(),
            None => break,
        }
    }
    if let Some(rest) = body.strip_prefix(['-', '\u{2212}']) {
        return match parse_unsigned(rest.trim_start(), 2, original) {
            Ok(_) => Err(NumberError::Negative(original.to_owned())),
            Err(_) => Err(NumberError::NotANumber(original.to_owned())),
        };
    }
    parse_unsigned(body, 2, original)
}

/// Reads a VAT rate into basis points (hundredths of a percent): `25`, `25 %`, `25,0`, `12,5`
/// and `6%` are percentages. A number strictly between 0 and 1 without a `%` sign is a
/// fraction, as Excel exports a cell formatted as a percentage: `0,25` is 25 % (no VAT rate
/// lies between 0 % and 1 %). Refused: anything outside 0–100 %, and precision finer than a
/// hundredth of a percent.
pub fn parse_percent_basis_points(text: &str) -> Result<u32, NumberError> {
    let original = text.trim();
    let (body, has_sign) = match original.strip_suffix('%') {
        Some(body) => (body.trim_end(), true),
        None => (original, false),
    };
    if body.starts_with(['-', '\u{2212}']) {
        return Err(NumberError::PercentOutOfRange(original.to_owned()));
    }
    // Ten-thousandths, so a fraction such as 0,125 is exact.
    let ten_thousandths = parse_unsigned(body, 4, original)?;
    let basis_points = if !has_sign && (1..10_000).contains(&ten_thousandths) {
        ten_thousandths
    } else if ten_thousandths % 100 == 0 {
        ten_thousandths / 100
    } else {
        return Err(NumberError::TooManyDecimals(original.to_owned()));
    };
    match u32::try_from(basis_points) {
        Ok(basis_points) if basis_points <= 10_000 => Ok(basis_points),
        _ => Err(NumberError::PercentOutOfRange(original.to_owned())),
    }
}

/// Reads a period in whole months: `24`, `24 mån`, `24 månader`, `24 months`, or in whole
/// years, counted as twelve months each: `2 år`, `3 years`.
pub fn parse_months(text: &str) -> Result<u32, NumberError> {
    let original = text.trim();
    let digits_end = original
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(original.len());
    let (number, unit) = original.split_at(digits_end);
    let unit = unit.trim();
    if number.is_empty() {
        return Err(NumberError::NotANumber(original.to_owned()));
    }
    if unit.starts_with([',', '.']) {
        return Err(NumberError::NotWholeMonths(original.to_owned()));
    }
    let months_per_unit = match unit.to_lowercase().as_str() {
        "" | "m" | "mån" | "mån." | "månad" | "månader" | "man" | "manader" | "mo" | "month"
        | "months" => 1,
        "år" | "ar" | "y" | "yr" | "yrs" | "year" | "years" => 12,
        _ => return Err(NumberError::NotANumber(original.to_owned())),
    };
    number
        .parse::<u32>()
        .ok()
        .and_then(|count| count.checked_mul(months_per_unit))
        .ok_or_else(|| NumberError::TooLarge(original.to_owned()))
}

/// Reads a number without a sign into units of `10^-places`, or the error naming `original`.
fn parse_unsigned(body: &str, places: u32, original: &str) -> Result<i64, NumberError> {
    let not_a_number = || NumberError::NotANumber(original.to_owned());
    let (whole, fraction) = split_decimal(body).ok_or_else(not_a_number)?;
    let whole = whole_digits(whole).ok_or_else(not_a_number)?;
    let fraction = match fraction {
        Some(fraction) if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) => {
            fraction
        }
        Some(_) => return Err(not_a_number()),
        None => "",
    };
    if fraction.len() > places as usize {
        return Err(NumberError::TooManyDecimals(original.to_owned()));
    }
    let too_large = || NumberError::TooLarge(original.to_owned());
    let mut value: i64 = 0;
    let padding = places as usize - fraction.len();
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .chain(std::iter::repeat_n(b'0', padding));
    for digit in digits {
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(i64::from(digit - b'0')))
            .ok_or_else(too_large)?;
    }
    Ok(value)
}

/// Splits a number at its decimal separator: `(whole part, decimals)`, decimals `None` when
/// there is no separator. `None` when the separators make no sense together.
fn split_decimal(body: &str) -> Option<(&str, Option<&str>)> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let last_comma = body.rfind(',');
    let last_dot = body.rfind('.');
    let decimal_at = match (commas, dots, last_comma, last_dot) {
        (0, 0, _, _) => None,
        // Swedish: 1 234,50 and 1.234,50.
        (1, _, Some(comma), dot) if dot.is_none_or(|dot| dot < comma) => Some(comma),
        // A single dot: a decimal point unless exactly three digits follow a valid group.
        (0, 1, _, Some(dot)) => {
            let (whole, after) = (&body[..dot], &body[dot + 1..]);
            let thousands = after.len() == 3
                && after.bytes().all(|b| b.is_ascii_digit())
                && whole_digits(whole).is_some_and(|digits| !digits.starts_with('0'));
            (!thousands).then_some(dot)
        }
        // Several separators of one kind are all thousands: 1.234.567 and 1,234,567.
        (0, _, _, _) | (_, 0, _, _) => None,
        // English: 1,234.50.
        (_, 1, Some(comma), Some(dot)) if comma < dot => Some(dot),
        _ => return None,
    };
    Some(match decimal_at {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    })
}

/// The digits of a whole number written with or without thousands separators (spaces, dots
/// or commas) between groups of three; `None` unless it is one.
fn whole_digits(whole: &str) -> Option<String> {
    let is_separator = |c: char| SPACES.contains(&c) || c == '.' || c == ',';
    let groups: Vec<&str> = whole.split(is_separator).collect();
    let all_digits = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    let valid = match groups.as_slice() {
        [single] => all_digits(single),
        [first, rest @ ..] => {
            all_digits(first)
                && first.len() <= 3
                && rest
                    .iter()
                    .all(|group| all_digits(group) && group.len() == 3)
        }
        [] => false,
    };
    valid.then(|| groups.concat())
}

fn strip_any_suffix<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|suffix| {
        let at = text.len().checked_sub(suffix.len())?;
        let (rest, end) = (text.get(..at)?, text.get(at..)?);
        end.eq_ignore_ascii_case(suffix).then_some(rest)
    })
}

fn strip_any_prefix<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|prefix| {
        let (start, rest) = (text.get(..prefix.len())?, text.get(prefix.len()..)?);
        start.eq_ignore_ascii_case(prefix).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ore(text: &str) -> Result<i64, NumberError> {
        parse_amount_ore(text)
    }

    #[test]
    fn swedish_amounts() {
        assert_eq!(ore("1 234,50"), Ok(123_450));
        assert_eq!(ore("1.234,50"), Ok(123_450));
        assert_eq!(ore("1234,5"), Ok(123_450));
        assert_eq!(ore("1234"), Ok(123_400));
        assert_eq!(ore("1 234 kr"), Ok(123_400));
        assert_eq!(ore("1 234,50 SEK"), Ok(123_450));
        assert_eq!(ore("SEK 1 234"), Ok(123_400));
        assert_eq!(ore("1234kr"), Ok(123_400));
        assert_eq!(ore("4 990:-"), Ok(499_000));
        assert_eq!(ore("4 990,-"), Ok(499_000));
        assert_eq!(ore("12\u{A0}345,00"), Ok(1_234_500));
        assert_eq!(ore("12\u{202F}345,00"), Ok(1_234_500));
        assert_eq!(ore("1 234 567,89"), Ok(123_456_789));
        assert_eq!(ore("0,05"), Ok(5));
        assert_eq!(ore("  99  "), Ok(9_900));
    }

    #[test]
    fn english_amounts_where_the_dot_is_unambiguous() {
        assert_eq!(ore("1234.50"), Ok(123_450));
        assert_eq!(ore("1234.5"), Ok(123_450));
        assert_eq!(ore("1,234.50"), Ok(123_450));
        assert_eq!(ore("1,234,567.89"), Ok(123_456_789));
        // A dot followed by three digits separates thousands.
        assert_eq!(ore("1.234"), Ok(123_400));
        assert_eq!(ore("1.234.567"), Ok(123_456_700));
    }

    #[test]
    fn refused_amounts_name_the_text() {
        let not_a_number = |text: &str| Err(NumberError::NotANumber(text.to_owned()));
        assert_eq!(ore("abc"), not_a_number("abc"));
        assert_eq!(ore(""), not_a_number(""));
        assert_eq!(ore("kr"), not_a_number("kr"));
        assert_eq!(ore("12 34"), not_a_number("12 34"));
        assert_eq!(ore("1,2,3"), not_a_number("1,2,3"));
        assert_eq!(ore("1.234.5"), not_a_number("1.234.5"));
        assert_eq!(ore("1234,"), not_a_number("1234,"));
        assert_eq!(ore(",50"), not_a_number(",50"));
        assert_eq!(ore("+100"), not_a_number("+100"));
        assert_eq!(ore("1e3"), not_a_number("1e3"));
        assert_eq!(ore("=100"), not_a_number("=100"));
        assert_eq!(ore("-100"), Err(NumberError::Negative("-100".into())));
        assert_eq!(
            ore("−1 234,50 kr"),
            Err(NumberError::Negative("−1 234,50 kr".into()))
        );
        assert_eq!(ore("-abc"), not_a_number("-abc"));
        assert_eq!(
            ore("1234,567"),
            Err(NumberError::TooManyDecimals("1234,567".into()))
        );
        assert_eq!(
            ore("1,234"),
            Err(NumberError::TooManyDecimals("1,234".into())),
            "a Swedish decimal comma with three decimals, not English thousands"
        );
        assert_eq!(
            ore("0.125"),
            Err(NumberError::TooManyDecimals("0.125".into()))
        );
        assert_eq!(
            ore("99999999999999999999"),
            Err(NumberError::TooLarge("99999999999999999999".into()))
        );
        assert_eq!(ore("92233720368547758,07"), Ok(i64::MAX));
        assert_eq!(
            ore("92233720368547758,08"),
            Err(NumberError::TooLarge("92233720368547758,08".into()))
        );
    }

    #[test]
    fn vat_rates() {
        let bp = parse_percent_basis_points;
        assert_eq!(bp("25"), Ok(2500));
        assert_eq!(bp("25 %"), Ok(2500));
        assert_eq!(bp("25%"), Ok(2500));
        assert_eq!(bp("25,0"), Ok(2500));
        assert_eq!(bp("12,5"), Ok(1250));
        assert_eq!(bp("6"), Ok(600));
        assert_eq!(bp("0"), Ok(0));
        assert_eq!(bp("0 %"), Ok(0));
        assert_eq!(bp("100"), Ok(10_000));
        // Fractions, as Excel exports a percentage-formatted cell.
        assert_eq!(bp("0,25"), Ok(2500));
        assert_eq!(bp("0.06"), Ok(600));
        assert_eq!(bp("0,125"), Ok(1250));
        // With a % sign a number below one is a percentage after all.
        assert_eq!(bp("0,5 %"), Ok(50));
        assert_eq!(bp("101"), Err(NumberError::PercentOutOfRange("101".into())));
        assert_eq!(bp("-25"), Err(NumberError::PercentOutOfRange("-25".into())));
        assert_eq!(
            bp("12,345"),
            Err(NumberError::TooManyDecimals("12,345".into()))
        );
        assert_eq!(bp("moms"), Err(NumberError::NotANumber("moms".into())));
    }

    #[test]
    fn months_and_years() {
        assert_eq!(parse_months("24"), Ok(24));
        assert_eq!(parse_months("24 mån"), Ok(24));
        assert_eq!(parse_months("24 Månader"), Ok(24));
        assert_eq!(parse_months("36 months"), Ok(36));
        assert_eq!(parse_months("2 år"), Ok(24));
        assert_eq!(parse_months("3 years"), Ok(36));
        assert_eq!(parse_months("0"), Ok(0));
        assert_eq!(
            parse_months("1,5 år"),
            Err(NumberError::NotWholeMonths("1,5 år".into()))
        );
        assert_eq!(
            parse_months("två år"),
            Err(NumberError::NotANumber("två år".into()))
        );
        assert_eq!(
            parse_months("24 veckor"),
            Err(NumberError::NotANumber("24 veckor".into()))
        );
        assert_eq!(
            parse_months("-24"),
            Err(NumberError::NotANumber("-24".into()))
        );
        assert_eq!(
            parse_months("4294967296"),
            Err(NumberError::TooLarge("4294967296".into()))
        );
        assert_eq!(
            parse_months("400000000 år"),
            Err(NumberError::TooLarge("400000000 år".into()))
        );
    }
}
