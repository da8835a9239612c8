//! A form's refusals: a field's text cleaned and bounded, and the error that names the field,
//! so the UI can point at it.

use crate::Error;

/// What a form is about ("repair", "incident"), as its refusals name it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form(pub(crate) &'static str);

impl Form {
    pub(crate) fn error(self, field: &'static str, detail: impl Into<String>) -> Error {
        Error::Form {
            subject: self.0,
            field,
            detail: detail.into(),
        }
    }

    /// `text` trimmed, without control characters other than line breaks and tabs, at most
    /// `max` characters; `None` when nothing is left.
    pub(crate) fn clean_text(
        self,
        field: &'static str,
        text: &str,
        max: usize,
    ) -> Result<Option<String>, Error> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect();
        let cleaned = cleaned.trim();
        if cleaned.chars().count() > max {
            return Err(self.error(field, format!("is longer than {max} characters")));
        }
        Ok((!cleaned.is_empty()).then(|| cleaned.to_owned()))
    }

    /// [`Self::clean_text`], refused when nothing is left.
    pub(crate) fn required(
        self,
        field: &'static str,
        text: &str,
        max: usize,
    ) -> Result<String, Error> {
        self.clean_text(field, text, max)?
            .ok_or_else(|| self.error(field, "is required"))
    }
}
