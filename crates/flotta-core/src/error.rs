//! Errors of the API boundary and their serialisable form for the UI.
//!
//! The UI picks its Swedish or English text by [`ErrorCode`]; `message` is the English
//! technical detail behind "Show details". A code exists only where the UI branches on it
//! or translates it differently.

use flotta_domain::incident::EventProblem as IncidentProblem;
use flotta_domain::repair::EventProblem;
use flotta_domain::{Lifecycle, MoveProblem, SettingsProblem};
use flotta_store::StoreError;
use flotta_sync::SyncError;
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
    /// A connection setting was refused; names the form field.
    #[error("connection settings: {0}")]
    Settings(#[from] SettingsProblem),
    #[error("there is no connection with id {id}")]
    ConnectionNotFound { id: u32 },
    #[error(transparent)]
    Sync(#[from] flotta_sync::SyncError),
    #[error("the OS keyring is not available: {detail}")]
    SecretStoreUnavailable { detail: String },
    #[error("connection {connection:?} has no stored secret; enter it again")]
    SecretMissing { connection: String },
    #[error("connection {connection:?} is already syncing")]
    SyncRunning { connection: String },
    #[error("device {id}: {problem}")]
    Move { id: u32, problem: MoveProblem },
    #[error("device {id} was moved to {now} by someone else meanwhile; nothing was changed")]
    MovedMeanwhile { id: u32, now: Lifecycle },
    #[error("{file} cannot be read: {problem}; nothing was imported")]
    ImportFile { file: String, problem: String },
    #[error("{file}: {problem}; choose the column that holds it, nothing was imported")]
    ImportMapping { file: String, problem: String },
    /// A purchase form was refused; names the field.
    #[error("purchase: {0}; nothing was saved")]
    PurchaseForm(flotta_domain::FormProblem),
    /// A form was refused; names the field.
    #[error("{subject}: {field} {detail}")]
    Form {
        subject: &'static str,
        field: &'static str,
        detail: String,
    },
    #[error("repair case {case}: {problem}; nothing was recorded")]
    RepairEvent {
        case: u32,
        problem: flotta_domain::repair::EventProblem,
    },
    #[error("there is no repair case {id}")]
    RepairCaseNotFound { id: u32 },
    #[error("incident {case}: {problem}; nothing was recorded")]
    IncidentEvent {
        case: u32,
        problem: flotta_domain::incident::EventProblem,
    },
    #[error("there is no incident {id}")]
    IncidentNotFound { id: u32 },
    #[error("incident {id} was changed by someone else meanwhile; nothing was recorded")]
    IncidentChanged { id: u32 },
    #[error(
        "no {model} is available in the swap pool{}",
        if similar.is_empty() { "; nor any model of the same maker".to_owned() } else { format!("; available of the same maker: {}", similar.join(", ")) }
    )]
    NoPoolUnit { model: String, similar: Vec<String> },
    #[error("{model}: {problem}")]
    Certification {
        model: String,
        problem: flotta_domain::CertificationProblem,
    },
    #[error(transparent)]
    Workbook(#[from] flotta_reports::WorkbookError),
    #[error("cannot write {}: {source}", path.display())]
    Export {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    DatabaseNotSqlite,
    DatabaseTooNew,
    DatabaseReadOnly,
    DatabaseUnavailable,
    /// Another write (a sync being saved) held the register for longer than a change waits;
    /// nothing was changed.
    DatabaseBusy,
    /// The disk that holds the register is full; the change was not saved.
    DiskFull,
    NotFound,
    InvalidInput,
    /// The identity platform does not know the tenant (or the token URL is wrong).
    UnknownTenant,
    /// The client id, secret, user name or password was refused.
    SignInRejected,
    /// Signed in, but the API client lacks a permission or scope the sync needs.
    PermissionMissing,
    /// The vendor's host could not be reached (DNS, refused, timed out).
    NetworkUnreachable,
    /// The TLS handshake failed (certificate not trusted, expired, wrong host).
    TlsFailure,
    /// The vendor answered with errors or throttling longer than the retries allow.
    VendorUnavailable,
    /// The vendor's answer could not be read (malformed or truncated JSON, unexpected shape).
    VendorResponseInvalid,
    /// The answer is not JSON at all (a web page): the URL points to a console, not the API.
    VendorResponseNotJson,
    /// No OS keyring service is reachable; the UI offers to keep the secret for the session.
    SecretStoreUnavailable,
    /// The connection has no secret (a session-only secret after a restart).
    SecretMissing,
    /// A sync of this connection is already running.
    SyncRunning,
    /// The user cancelled the sync; nothing was changed.
    SyncCancelled,
    /// The lifecycle move is not one the rules allow (or the unit is already there).
    MoveNotAllowed,
    /// Someone else changed the record since it was shown; nothing was changed.
    ChangedMeanwhile,
    /// The file is not a delivery file that can be read (empty, binary, a workbook, only a
    /// header); nothing was imported.
    ImportUnreadable,
    /// The export could not be written where asked (no such folder, no permission).
    ExportFailed,
    /// A certification step of a level that has not opened: the levels before it must pass.
    LevelNotOpen,
    /// The swap pool has no available unit of the model; the message names similar ones.
    NoPoolUnit,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// The form field the error is about (`"base_url"`, `"secret"`), when it is about one.
    pub field: Option<String>,
}

impl ErrorPayload {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl ErrorCode {
    /// The code as the UI receives it (`"sign_in_rejected"`), for storing with a sync run.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_else(|| "internal".to_owned())
    }
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
            Error::Store(StoreError::Busy { .. }) => ErrorCode::DatabaseBusy,
            Error::Store(StoreError::DiskFull { .. }) => ErrorCode::DiskFull,
            Error::Store(_) => ErrorCode::Internal,
            Error::DeviceNotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput { .. } | Error::Settings(_) => ErrorCode::InvalidInput,
            Error::ConnectionNotFound { .. } => ErrorCode::NotFound,
            Error::SecretStoreUnavailable { .. } => ErrorCode::SecretStoreUnavailable,
            Error::SecretMissing { .. } => ErrorCode::SecretMissing,
            Error::SyncRunning { .. } => ErrorCode::SyncRunning,
            Error::Move {
                problem: MoveProblem::NotAllowed { .. } | MoveProblem::AlreadyThere(_),
                ..
            } => ErrorCode::MoveNotAllowed,
            Error::Move { .. } => ErrorCode::InvalidInput,
            Error::MovedMeanwhile { .. } => ErrorCode::ChangedMeanwhile,
            Error::ImportFile { .. } => ErrorCode::ImportUnreadable,
            Error::Certification {
                problem: flotta_domain::CertificationProblem::LevelNotOpen { .. },
                ..
            } => ErrorCode::LevelNotOpen,
            Error::Certification { .. } => ErrorCode::InvalidInput,
            Error::Form { .. } | Error::RepairEvent { .. } | Error::IncidentEvent { .. } => {
                ErrorCode::InvalidInput
            }
            Error::RepairCaseNotFound { .. } | Error::IncidentNotFound { .. } => {
                ErrorCode::NotFound
            }
            Error::IncidentChanged { .. } => ErrorCode::ChangedMeanwhile,
            Error::NoPoolUnit { .. } => ErrorCode::NoPoolUnit,
            Error::ImportMapping { .. } | Error::PurchaseForm(_) => ErrorCode::InvalidInput,
            Error::Export { source, .. } if is_disk_full(source) => ErrorCode::DiskFull,
            Error::Export { .. } | Error::Workbook(_) => ErrorCode::ExportFailed,
            Error::Sync(error) => match error {
                SyncError::Settings(_) => ErrorCode::InvalidInput,
                SyncError::UnknownTenant { .. } => ErrorCode::UnknownTenant,
                SyncError::SignInRejected { .. } => ErrorCode::SignInRejected,
                SyncError::PermissionMissing { .. } => ErrorCode::PermissionMissing,
                SyncError::Network { .. } => ErrorCode::NetworkUnreachable,
                SyncError::Tls { .. } => ErrorCode::TlsFailure,
                SyncError::Unavailable { .. } => ErrorCode::VendorUnavailable,
                SyncError::InvalidResponse { .. } => ErrorCode::VendorResponseInvalid,
                SyncError::NotAnApiAnswer { .. } => ErrorCode::VendorResponseNotJson,
                SyncError::Cancelled => ErrorCode::SyncCancelled,
                _ => ErrorCode::Internal,
            },
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
        let field = match error {
            Error::Settings(problem) | Error::Sync(SyncError::Settings(problem)) => {
                Some(problem.field.to_owned())
            }
            Error::Move {
                problem: MoveProblem::NoReason | MoveProblem::ReasonTooLong,
                ..
            } => Some("reason".to_owned()),
            Error::Move { .. } => Some("to".to_owned()),
            Error::ImportMapping { .. } => Some("mapping".to_owned()),
            Error::PurchaseForm(problem) => Some(problem.field.as_str().to_owned()),
            Error::Form { field, .. } => Some((*field).to_owned()),
            Error::IncidentEvent { problem, .. } => Some(
                match problem {
                    IncidentProblem::BeforeReceived { .. } | IncidentProblem::BeforeLast { .. } => {
                        "at"
                    }
                    IncidentProblem::NoLine | IncidentProblem::NotHigher { .. } => "line",
                    IncidentProblem::NoReason => "reason",
                    _ => "event",
                }
                .to_owned(),
            ),
            Error::RepairEvent { problem, .. } => Some(
                match problem {
                    EventProblem::InFuture(_)
                    | EventProblem::EarlierThan { .. }
                    | EventProblem::ClosedDay { .. }
                    | EventProblem::OutOfCalendar(_) => "at",
                    _ => "event",
                }
                .to_owned(),
            ),
            Error::NoPoolUnit { .. } => Some("unit_id".to_owned()),
            _ => None,
        };
        Self {
            code: error.code(),
            message,
            field,
        }
    }
}

impl From<Error> for ErrorPayload {
    fn from(error: Error) -> Self {
        Self::from(&error)
    }
}

impl std::fmt::Display for ErrorPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for ErrorPayload {}

/// A write refused because the disk is full (ENOSPC on Unix, ERROR_DISK_FULL on Windows).
fn is_disk_full(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::StorageFull
}
