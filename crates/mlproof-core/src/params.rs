//! Parameters checked once, before any work (the pattern of linfa's `ParamGuard`): an
//! experiment's `run` takes only [`Checked`] parameters, which only [`Check::check`] makes.

use std::ops::Deref;

use serde::Serialize;

use crate::Result;

/// Parameters that can be validated. `validate` names the offending parameter through
/// [`crate::Error::param`], so a caller (the binary) can map it to its own spelling.
pub trait Check: Sized {
    /// Ok when every value is in range and the combination can run.
    fn validate(&self) -> Result<()>;

    /// The parameters, checked.
    fn check(self) -> Result<Checked<Self>> {
        self.validate()?;
        Ok(Checked(self))
    }
}

/// Parameters that passed [`Check::validate`]; they serialise as the parameters themselves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Checked<P>(P);

impl<P> Deref for Checked<P> {
    type Target = P;
    fn deref(&self) -> &P {
        &self.0
    }
}

impl<P> Checked<P> {
    pub fn into_inner(self) -> P {
        self.0
    }
}
