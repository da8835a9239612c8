//! Hardware identifiers, validated once on construction so the rest of the code can trust them.

use std::fmt;

/// Why a serial number or IMEI was refused; the text names the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentifierError {
    #[error("serial number is empty")]
    EmptySerial,
    #[error("serial number {0:?} contains characters other than letters, digits and '-'")]
    SerialCharacters(String),
    #[error("serial number {0:?} is longer than 40 characters")]
    SerialTooLong(String),
    #[error("IMEI {0:?} must have exactly 15 digits")]
    ImeiLength(String),
    #[error("IMEI {0:?} contains characters other than digits")]
    ImeiCharacters(String),
    #[error("IMEI {0:?} fails the Luhn check digit")]
    ImeiCheckDigit(String),
}

/// A manufacturer's serial number, trimmed and upper-cased so that the same unit reported by two
/// sources compares equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SerialNumber(String);

impl SerialNumber {
    pub fn parse(raw: &str) -> Result<Self, IdentifierError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(IdentifierError::EmptySerial);
        }
        if trimmed.chars().count() > 40 {
            return Err(IdentifierError::SerialTooLong(trimmed.to_owned()));
        }
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(IdentifierError::SerialCharacters(trimmed.to_owned()));
        }
        Ok(Self(trimmed.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SerialNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An International Mobile Equipment Identity: 15 digits whose last digit is a Luhn check digit.
///
/// Vendors write IMEIs with spaces, dashes or slashes between groups; those separators are
/// dropped before validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Imei(String);

impl Imei {
    pub fn parse(raw: &str) -> Result<Self, IdentifierError> {
        let digits: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '/' | '.'))
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentifierError::ImeiCharacters(raw.trim().to_owned()));
        }
        if digits.len() != 15 {
            return Err(IdentifierError::ImeiLength(raw.trim().to_owned()));
        }
        let (body, check) = digits.split_at(14);
        if luhn_check_digit(body) != check.as_bytes()[0] - b'0' {
            return Err(IdentifierError::ImeiCheckDigit(raw.trim().to_owned()));
        }
        Ok(Self(digits))
    }

    /// Builds a valid IMEI from its first 14 digits (type allocation code and serial) by
    /// appending the check digit. Returns `None` unless `body` is exactly 14 ASCII digits.
    pub fn from_body(body: &str) -> Option<Self> {
        if body.len() != 14 || !body.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Some(Self(format!("{body}{}", luhn_check_digit(body))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Imei {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The Luhn check digit for a string of ASCII digits (the caller guarantees digits only).
fn luhn_check_digit(body: &str) -> u8 {
    // Counting from the rightmost body digit, every first, third, ... digit is doubled,
    // because the check digit itself will take the rightmost (undoubled) place.
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(index, byte)| {
            let digit = u32::from(byte - b'0');
            if index % 2 == 0 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_imei(raw: &str, expected: Result<&str, IdentifierError>) {
        let parsed = Imei::parse(raw);
        assert_eq!(
            parsed.as_ref().map(Imei::as_str).map_err(Clone::clone),
            expected,
            "parsing IMEI {raw:?}"
        );
    }

    #[test]
    fn imei_accepts_valid_numbers_with_separators() {
        // 490154203237518 is the example IMEI from the GSMA/3GPP documentation.
        check_imei("490154203237518", Ok("490154203237518"));
        check_imei("49 015420 323751 8", Ok("490154203237518"));
        check_imei("49-015420-323751-8", Ok("490154203237518"));
        check_imei(" 356938035643809 ", Ok("356938035643809"));
    }

    #[test]
    fn imei_rejects_wrong_check_digit_length_and_letters() {
        check_imei(
            "490154203237519",
            Err(IdentifierError::ImeiCheckDigit("490154203237519".into())),
        );
        check_imei(
            "49015420323751",
            Err(IdentifierError::ImeiLength("49015420323751".into())),
        );
        check_imei(
            "4901542032375180",
            Err(IdentifierError::ImeiLength("4901542032375180".into())),
        );
        check_imei(
            "49015420323751A",
            Err(IdentifierError::ImeiCharacters("49015420323751A".into())),
        );
        check_imei("", Err(IdentifierError::ImeiLength(String::new())));
    }

    #[test]
    fn imei_from_body_appends_a_check_digit_that_parse_accepts() {
        let built = Imei::from_body("49015420323751").expect("14 digits");
        assert_eq!(built.as_str(), "490154203237518");
        for body in ["35693803564380", "00000000000000", "99999999999999"] {
            let imei = Imei::from_body(body).expect("14 digits");
            assert_eq!(Imei::parse(imei.as_str()), Ok(imei.clone()), "{body}");
        }
        assert_eq!(Imei::from_body("1234"), None);
        assert_eq!(Imei::from_body("3569380356438A"), None);
    }

    #[test]
    fn serial_is_trimmed_and_upper_cased() {
        assert_eq!(
            SerialNumber::parse("  f2lxk0abhg7f ").map(|s| s.to_string()),
            Ok("F2LXK0ABHG7F".to_owned())
        );
        assert_eq!(
            SerialNumber::parse("   "),
            Err(IdentifierError::EmptySerial)
        );
        assert_eq!(
            SerialNumber::parse("R58N 12"),
            Err(IdentifierError::SerialCharacters("R58N 12".into()))
        );
        assert!(matches!(
            SerialNumber::parse(&"A".repeat(41)),
            Err(IdentifierError::SerialTooLong(_))
        ));
    }
}
