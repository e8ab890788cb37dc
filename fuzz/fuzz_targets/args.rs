//! The argument parser on arbitrary command lines (NUL-separated arguments after `mlproof`):
//! it may refuse them, never panic, and a refusal is two lines — one message, one hint, each
//! without a line break. The binary's own modules are compiled in from `src/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The binary's `warn!`, silent here.
#[macro_export]
macro_rules! warn {
    ($($arg:tt)*) => {{
        let _ = format!($($arg)*);
    }};
}

#[path = "../../src"]
mod bin {
    pub mod cli;
    pub mod data_args;
    pub mod usage;
    /// The input registry of `src/write.rs` (only data loading calls it; parsing does not).
    pub mod write {
        pub fn register_input(_: &std::path::Path) {}
    }
}

// `crate::cli`, `crate::data_args` and `crate::write` as the binary's modules name them.
#[allow(unused_imports)]
use bin::{cli, data_args, write};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut args = vec!["mlproof".to_owned()];
    args.extend(text.split('\0').map(str::to_owned));
    if let Err(e) = bin::usage::try_parse_from(&args) {
        use clap::error::ErrorKind;
        if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) {
            return;
        }
        let (message, hint) = bin::usage::compact(&e, &args);
        assert!(!message.contains('\n'), "message on one line: {message:?}");
        assert!(!hint.contains('\n'), "hint on one line: {hint:?}");
    }
});
