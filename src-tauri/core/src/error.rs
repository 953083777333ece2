//! One error type with a stable code (for the UI and scripts) and a message
//! for people.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::settings::SettingError;

/// Where a bad value is: file, row and column when it came from a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub file: Option<String>,
    pub row: Option<u64>,
    pub column: Option<String>,
    /// For edits made in the app: which service, team or domain.
    pub item: Option<String>,
}

/// One bad value: where it is, what it was and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub value: String,
    pub expected: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.place;
        let mut parts = Vec::new();
        if let Some(file) = &p.file {
            parts.push(file.clone());
        }
        if let Some(row) = p.row {
            parts.push(format!("row {row}"));
        }
        if let Some(item) = &p.item {
            parts.push(item.clone());
        }
        if let Some(col) = &p.column {
            parts.push(format!("column {col}"));
        }
        if !parts.is_empty() {
            write!(f, "{}: ", parts.join(", "))?;
        }
        if self.value.is_empty() {
            write!(f, "empty; expected {}", self.expected)
        } else {
            write!(f, "'{}' is not valid; expected {}", self.value, self.expected)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not an opmodel workspace ({why}); it was left untouched")]
    NotAWorkspace { path: PathBuf, why: String },
    #[error("{path} was written by a newer opmodel (schema {found}; this version reads up to {known}); it was left untouched: update opmodel to open it")]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error("{}{}", .0.iter().take(20).map(|p| p.to_string()).collect::<Vec<_>>().join("\n"),
        if .0.len() > 20 { format!("\n… and {} more problems", .0.len() - 20) } else { String::new() })]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Setting(#[from] SettingError),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    /// A team or domain typed in the app that does not exist: never created
    /// silently; the app asks, offering the closest names.
    #[error("there is no {what} named '{name}'{}", if .suggestions.is_empty() { String::new() } else { format!(": did you mean {}?", .suggestions.join(" or ")) })]
    Unknown { what: &'static str, name: String, suggestions: Vec<String> },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("workspace database: {0}")]
    Database(#[from] rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable code that scripts and the UI may match on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotAWorkspace { .. } => "not_a_workspace",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Invalid(_) | Error::Setting(_) => "invalid_input",
            Error::Conflict(_) => "conflict",
            Error::NotFound(_) => "not_found",
            Error::Unknown { what: "team", .. } => "unknown_team",
            Error::Unknown { .. } => "unknown_domain",
            Error::Io { .. } => "io",
            Error::Database(_) => "database",
        }
    }

    pub fn invalid(place: Place, value: &str, expected: &str) -> Error {
        Error::Invalid(vec![Problem { place, value: value.to_string(), expected: expected.to_string() }])
    }
}

/// What crosses to the UI: `{code, message}`, and for an unknown team or
/// domain the name typed and the closest existing names.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppError {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    pub suggestions: Vec<String>,
}

impl From<Error> for AppError {
    fn from(e: Error) -> AppError {
        let (name, suggestions) = match &e {
            Error::Unknown { name, suggestions, .. } => (Some(name.clone()), suggestions.clone()),
            _ => (None, Vec::new()),
        };
        AppError { code: e.code().to_string(), message: e.to_string(), name, suggestions }
    }
}
