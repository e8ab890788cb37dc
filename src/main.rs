//! `mlproof`: parse the command line, run one command, render its result.
//!
//! The binary is thin: computation lives in the `crates/`, presentation in [`render`].

mod cli;
mod commands;
mod data_args;
mod progress;
mod render;
mod usage;
mod write;

use std::io::Write;
use std::process::ExitCode;

use mlproof_core::Error;

/// `eprintln!` that never panics: an unwritable stderr (`2>/dev/full`) must not abort a run
/// whose output is fine.
#[macro_export]
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = match usage::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    progress::set_quiet(cli.quiet);
    write::set_force(cli.force);
    // A panic is a bug of ours: report it in one line with exit code 1, not Rust's 101.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        warn!("mlproof: internal error (please report): {msg}{at}");
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            warn!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    let outcome = std::panic::catch_unwind(|| commands::run(&cli));
    match outcome {
        Ok(Ok(output)) => {
            let text = render::render(&output, cli.format);
            if write::stdout_taken() {
                // `--output -` put the data on stdout: the report goes beside it, on stderr.
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
                return ExitCode::SUCCESS;
            }
            print(&text)
        }
        Ok(Err(e)) => {
            warn!("mlproof: {}", render::error_message(&e));
            ExitCode::from(exit_code(&e))
        }
        Err(_) => ExitCode::from(1),
    }
}

/// Writes the document to stdout. A closed pipe (`mlproof … | head`) ends quietly; any other
/// failure (a full disk, a closed descriptor) is an error: the output was lost.
fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            warn!("mlproof: cannot write the output to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

/// With a file-size limit (`ulimit -f`), a write past it raises SIGXFSZ, which kills the
/// process mid-write; ignored, the write fails with EFBIG and is reported like a full disk.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

fn exit_code(e: &Error) -> u8 {
    e.exit_code() as u8
}
