//! Progress of long work, reported to an observer: the binary draws it (indicatif, stderr,
//! terminal only); library callers pass [`Silent`].

/// Where an experiment reports progress; the binary supplies one that draws a bar, a library
/// caller may pass [`Silent`]. Calls may come from any thread.
pub trait Observer: Sync {
    /// A stage of `total` units of work begins.
    fn start(&self, _label: &str, _total: usize) {}
    /// One unit of the current stage is done.
    fn tick(&self) {}
    /// The current stage is over.
    fn finish(&self) {}
}

/// Progress that goes nowhere.
pub struct Silent;

impl Observer for Silent {}
