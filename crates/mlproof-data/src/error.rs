use std::fmt;

/// A problem with the data a person gave us: always their input, never our bug.
///
/// The message is one line that says what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl DataError {
    pub fn new(message: impl Into<String>) -> Self {
        DataError(message.into())
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DataError {}
