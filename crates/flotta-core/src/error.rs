//! Errors of the API boundary and their serialisable form for the UI.
//!
//! The UI picks its Swedish or English text by [`ErrorCode`]; `message` is the English
//! technical detail behind "Show details". A code exists only where the UI branches on it
//! or translates it differently.

use flotta_store::StoreError;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("there is no device with id {id}")]
    DeviceNotFound { id: u32 },
    #[error("{what}: {detail}")]
    InvalidInput { what: &'static str, detail: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    DatabaseNotSqlite,
    DatabaseTooNew,
    DatabaseReadOnly,
    DatabaseUnavailable,
    NotFound,
    InvalidInput,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Store(StoreError::NotSqlite { .. }) => ErrorCode::DatabaseNotSqlite,
            Error::Store(StoreError::TooNew { .. }) => ErrorCode::DatabaseTooNew,
            Error::Store(StoreError::ReadOnly { .. }) => ErrorCode::DatabaseReadOnly,
            Error::Store(StoreError::Io { .. } | StoreError::Backup { .. }) => {
                ErrorCode::DatabaseUnavailable
            }
            Error::Store(_) => ErrorCode::Internal,
            Error::DeviceNotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
        }
    }
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        // The whole chain, so "Show details" says what failed and why.
        let mut message = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            let text = cause.to_string();
            if !message.contains(&text) {
                message.push_str(": ");
                message.push_str(&text);
            }
            source = cause.source();
        }
        Self {
            code: error.code(),
            message,
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(error: Error) -> Self {
        Self::from(&error)
    }
}
