//! A progress bar on stderr for long work: drawn only when stderr is a terminal and the
//! work has run for more than a second, so quick commands, pipes and tests see nothing.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

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

pub struct Progress {
    label: String,
    total: usize,
    done: AtomicUsize,
    start: Instant,
    last_draw: Mutex<Option<Instant>>,
    enabled: bool,
}

impl Progress {
    pub fn new(label: impl Into<String>, total: usize) -> Self {
        Progress {
            label: label.into(),
            total,
            done: AtomicUsize::new(0),
            start: Instant::now(),
            last_draw: Mutex::new(None),
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Counts one unit of work done; safe from any thread.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.enabled || self.start.elapsed() < Duration::from_secs(1) {
            return;
        }
        let Ok(mut last) = self.last_draw.try_lock() else {
            return;
        };
        if last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) && done < self.total {
            return;
        }
        *last = Some(Instant::now());
        let width = 30;
        let filled = width * done / self.total.max(1);
        let _ = write!(
            std::io::stderr(),
            "\r{} [{}{}] {done}/{} ",
            self.label,
            "█".repeat(filled),
            " ".repeat(width - filled),
            self.total
        );
    }

    /// Clears the bar line if one was drawn.
    pub fn finish(&self) {
        if self.last_draw.lock().is_ok_and(|l| l.is_some()) {
            let _ = write!(
                std::io::stderr(),
                "\r{}\r",
                " ".repeat(self.label.chars().count() + 50)
            );
        }
    }
}
