//! Text folded for matching what people type: lower case, no diacritics, letters and digits
//! only, so "À-pris", "a pris" and "APRIS" compare equal.

/// The words of `text`, lower-cased, with diacritics removed (å, ä → a, ö → o, é → e, …) and
/// split at everything that is not a letter or a digit.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match base_letter(c) {
            Some(letter) => word.push(letter),
            None if c.is_alphanumeric() => word.push(c),
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `text` folded to one run of letters and digits: the words of [`words`] joined.
pub(crate) fn folded(text: &str) -> String {
    words(text).concat()
}

/// The plain letter a lower-case letter with a diacritic is read as, or the letter itself for
/// ASCII letters and digits; `None` for anything else.
fn base_letter(c: char) -> Option<char> {
    let base = match c {
        'a'..='z' | '0'..='9' => c,
        'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | 'æ' => 'a',
        'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ù' | 'ú' | 'û' => 'u',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_spaces_punctuation_and_diacritics() {
        assert_eq!(folded("À-pris"), "apris");
        assert_eq!(folded("  a pris "), "apris");
        assert_eq!(folded("Garanti (mån)"), "garantiman");
        assert_eq!(folded("LEVERANTÖR"), "leverantor");
        assert_eq!(folded("S/N"), "sn");
        assert_eq!(
            words("Unit price (excl. VAT)"),
            ["unit", "price", "excl", "vat"]
        );
    }
}
