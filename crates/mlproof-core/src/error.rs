use std::fmt;

use mlproof_data::DataError;

/// Every failure mlproof reports. The kind decides the exit code: bad usage and bad input
/// are the user's to fix (exit 2), internal faults are ours (exit 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A parameter out of range or a combination that cannot work.
    Usage(String),
    /// A parameter out of range or one that does not apply, by its library name
    /// (`max_depth`); the binary shows it as the flag the user typed (`--max-depth`).
    Parameter { name: String, message: String },
    /// Data that cannot be used as given.
    Input(String),
    /// A fault of mlproof or a library it calls.
    Internal(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    /// A bad parameter: `Error::param("max_depth", "must be at least 1 (got 0)")`.
    pub fn param(name: &str, message: impl Into<String>) -> Self {
        Error::Parameter {
            name: name.to_owned(),
            message: message.into(),
        }
    }

    pub fn input(message: impl Into<String>) -> Self {
        Error::Input(message.into())
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal(message.into())
    }

    /// 2 for usage and input errors, 1 for internal faults.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) | Error::Parameter { .. } | Error::Input(_) => 2,
            Error::Internal(_) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) | Error::Input(m) => f.write_str(m),
            Error::Parameter { name, message } => write!(f, "{name} {message}"),
            Error::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<DataError> for Error {
    fn from(e: DataError) -> Self {
        match e.1 {
            Some(name) => Error::param(name, e.0),
            None => Error::Input(e.0),
        }
    }
}
