use std::fmt;

/// A problem with the data a person gave us: always their input, never our bug.
///
/// The message is one line that says what is wrong and how to fix it. When the fix is a
/// parameter, `.1` names it by its library name (`time_format`); the binary shows it as the
/// flag the user types (`--time-format`) in front of the message, so library messages never
/// spell flags themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String, pub Option<&'static str>);

impl DataError {
    pub fn new(message: impl Into<String>) -> Self {
        DataError(message.into(), None)
    }

    /// A problem whose fix is the parameter `name`: `DataError::param("positive", "is
    /// required: …")` reads `--positive is required: …`.
    pub fn param(name: &'static str, message: impl Into<String>) -> Self {
        DataError(message.into(), Some(name))
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(name) => write!(f, "{name} {}", self.0),
            None => f.write_str(&self.0),
        }
    }
}

impl std::error::Error for DataError {}
