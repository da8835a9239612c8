//! A file's bytes as text: UTF-8 with or without a byte-order mark, or Windows-1252, and a
//! refusal for files that are not text at all.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::ReadError;

/// The character encoding a file was read with, so the preview can say which one was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark, as Excel's "CSV UTF-8" writes it.
    Utf8Bom,
    /// Windows-1252, as Excel's plain "CSV" writes it on Swedish Windows.
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with byte-order mark",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// A file's text and the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text without a byte-order mark.
    pub text: String,
    pub encoding: Encoding,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes Windows-1252 leaves undefined: no text saved in it contains them.
const UNDEFINED_IN_WINDOWS_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// The end-of-file mark (Ctrl-Z) some old exporters put after the last line.
const END_OF_FILE_MARK: char = '\u{1A}';

/// Reads `bytes` as text.
///
/// A UTF-8 byte-order mark means UTF-8 (the mark is dropped); bytes that are valid UTF-8 are
/// UTF-8; anything else is read as Windows-1252, the encoding of Excel's plain "CSV" on
/// Swedish Windows. A file is refused as not text when it has a NUL byte, a byte that
/// Windows-1252 leaves undefined, or more than one control character in ten bytes (tab and
/// line breaks are text). Excel workbooks and UTF-16 files get a refusal that says how to save
/// them as CSV instead. A trailing end-of-file mark (Ctrl-Z) is dropped.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    let (text, encoding) = decode_borrowed(bytes)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// [`decode`] without copying UTF-8 text: the table reader keeps only its cells, so a big
/// UTF-8 file is not held twice.
pub(crate) fn decode_borrowed(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if is_workbook(bytes) {
        return Err(ReadError::Workbook);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(ReadError::NotText { offset });
    }
    refuse_control_characters(bytes)?;
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        match std::str::from_utf8(rest) {
            Ok(text) => (Cow::Borrowed(text), Encoding::Utf8Bom),
            Err(error) => {
                return Err(ReadError::InvalidUtf8 {
                    offset: UTF8_BOM.len() + error.valid_up_to(),
                });
            }
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (Cow::Borrowed(text), Encoding::Utf8)
    } else {
        if let Some(offset) = bytes
            .iter()
            .position(|byte| UNDEFINED_IN_WINDOWS_1252.contains(byte))
        {
            return Err(ReadError::NotText { offset });
        }
        // With the undefined bytes refused above, every byte has a character: no replacement
        // characters can appear.
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        (text, Encoding::Windows1252)
    };
    let text = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.strip_suffix(END_OF_FILE_MARK).unwrap_or(text)),
        Cow::Owned(mut text) => {
            if text.ends_with(END_OF_FILE_MARK) {
                text.pop();
            }
            Cow::Owned(text)
        }
    };
    Ok((text, encoding))
}

/// Refuses bytes of which more than one in ten is a control character other than tab, line
/// feed, carriage return and the end-of-file mark: such a file is binary even without a NUL.
fn refuse_control_characters(bytes: &[u8]) -> Result<(), ReadError> {
    let is_control = |byte: &u8| {
        (*byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x1A)) || *byte == 0x7F
    };
    let controls = bytes.iter().filter(|byte| is_control(byte)).count();
    if controls.saturating_mul(10) > bytes.len() {
        let offset = bytes.iter().position(is_control).unwrap_or_default();
        return Err(ReadError::NotText { offset });
    }
    Ok(())
}

/// An Excel workbook: `.xlsx` is a ZIP archive, `.xls` an OLE compound file.
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, Encoding) {
        let decoded = decode(bytes).expect("the bytes are text");
        (decoded.text, decoded.encoding)
    }

    #[test]
    fn utf8_with_a_byte_order_mark_loses_the_mark() {
        assert_eq!(
            decoded(b"\xEF\xBB\xBFLeverant\xC3\xB6r"),
            ("Leverantör".to_owned(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn valid_utf8_is_utf8_and_anything_else_windows_1252() {
        assert_eq!(
            decoded("Förvaltning;Pris".as_bytes()),
            ("Förvaltning;Pris".to_owned(), Encoding::Utf8)
        );
        // å ä ö Å Ä Ö and the euro sign in Windows-1252.
        assert_eq!(
            decoded(b"\xE5\xE4\xF6\xC5\xC4\xD6 \x80"),
            ("åäöÅÄÖ €".to_owned(), Encoding::Windows1252)
        );
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b""), Err(ReadError::Empty));
        assert_eq!(
            decode(b"Modell;Pris\r\nA\x00B"),
            Err(ReadError::NotText { offset: 14 })
        );
        assert_eq!(
            decode(b"Modell \x81 Pris \xE5"),
            Err(ReadError::NotText { offset: 7 })
        );
        assert_eq!(
            decode(b"\x01\x02\x03\x04abc"),
            Err(ReadError::NotText { offset: 0 })
        );
        assert_eq!(
            decode(b"PK\x03\x04\x14\x00\x06\x00"),
            Err(ReadError::Workbook)
        );
        assert_eq!(decode(b"\xFF\xFEM\x00"), Err(ReadError::Utf16));
        assert_eq!(
            decode(b"\xEF\xBB\xBFModell \xE5"),
            Err(ReadError::InvalidUtf8 { offset: 10 })
        );
    }

    #[test]
    fn a_stray_control_character_and_a_final_ctrl_z_are_text() {
        assert_eq!(
            decoded(b"Modell;Pris\r\niPhone\x0B 16;100\r\n\x1A"),
            (
                "Modell;Pris\r\niPhone\x0B 16;100\r\n".to_owned(),
                Encoding::Utf8
            )
        );
    }
}
