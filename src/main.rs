//! `mlproof`: parse the command line, run one command, render its result.
//!
//! The binary is thin: computation lives in the `crates/`, presentation in [`render`].

mod cli;
mod commands;
mod data_args;
mod progress;
mod render;
mod write;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use mlproof_core::Error;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    progress::set_quiet(cli.quiet);
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
        eprintln!("mlproof: internal error (please report): {msg}{at}");
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
    let outcome = std::panic::catch_unwind(|| commands::run(&cli));
    match outcome {
        Ok(Ok(output)) => {
            let text = render::render(&output, cli.format);
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`mlproof ... | head`) is not an error worth a message.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush());
            ExitCode::SUCCESS
        }
        Ok(Err(e)) => {
            eprintln!("mlproof: {}", render::error_message(&e));
            ExitCode::from(exit_code(&e))
        }
        Err(_) => ExitCode::from(1),
    }
}

fn exit_code(e: &Error) -> u8 {
    e.exit_code() as u8
}
