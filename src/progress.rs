//! The progress bar experiments report to: drawn by indicatif on stderr, only when stderr is
//! a terminal, only once a stage has run for a second, never with `--quiet`.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mlproof_core::progress::Observer;

/// The one bar of the process.
pub static BAR: Bar = Bar {
    stage: Mutex::new(None),
    quiet: AtomicBool::new(false),
};

pub struct Bar {
    stage: Mutex<Option<Stage>>,
    quiet: AtomicBool,
}

struct Stage {
    bar: ProgressBar,
    start: Instant,
    shown: bool,
}

/// `--quiet`: no bar at all.
pub fn set_quiet(quiet: bool) {
    BAR.quiet.store(quiet, Ordering::Relaxed);
}

impl Observer for Bar {
    fn start(&self, label: &str, total: usize) {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {eta}") {
            bar.set_style(style.progress_chars("█ "));
        }
        bar.set_message(label.to_owned());
        if let Ok(mut s) = self.stage.lock() {
            *s = Some(Stage {
                bar,
                start: Instant::now(),
                shown: false,
            });
        }
    }

    fn tick(&self) {
        let Ok(mut guard) = self.stage.lock() else {
            return;
        };
        let Some(stage) = guard.as_mut() else {
            return;
        };
        stage.bar.inc(1);
        if !stage.shown
            && !self.quiet.load(Ordering::Relaxed)
            && stage.start.elapsed() > Duration::from_secs(1)
            && std::io::stderr().is_terminal()
        {
            stage.bar.set_draw_target(ProgressDrawTarget::stderr());
            stage.shown = true;
        }
    }

    fn finish(&self) {
        if let Ok(mut s) = self.stage.lock() {
            if let Some(stage) = s.take() {
                stage.bar.finish_and_clear();
            }
        }
    }
}
