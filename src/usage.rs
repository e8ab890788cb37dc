//! Command-line errors in at most two lines: what is wrong, then how to fix it.
//!
//! clap's own error text runs from 3 to 16 lines (the message, a tip, a usage block, a
//! pointer to --help); here its message is kept, its tip or the command's `--help` becomes
//! the hint, and the exit code stays 2.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;

/// Parses the command line; on an error or a help request, prints and returns the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    try_parse_from(&args).map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let (message, hint) = compact(&e, &args);
            crate::warn!("mlproof: {message}");
            crate::warn!("hint: {hint}");
            ExitCode::from(2)
        }
    })
}

/// The command line as clap derives it, with every option value allowed to be negative, so
/// that `--seed -1` is reported as a bad seed rather than as an unknown argument `-1`.
fn command() -> Command {
    fn negatives(c: Command) -> Command {
        c.mut_args(|a| {
            if a.get_action().takes_values() {
                a.allow_negative_numbers(true)
            } else {
                a
            }
        })
        .mut_subcommands(negatives)
    }
    negatives(Cli::command())
}

/// Parses `args` (the program name first).
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The message and the hint of a clap error, each on one line: control characters typed
/// into an argument (a newline) are escaped where the text quotes it.
pub fn compact(e: &clap::Error, args: &[String]) -> (String, String) {
    let (message, hint) = compact_lines(e, args);
    (one_line(&message), one_line(&hint))
}

/// `text` with its control characters escaped (`\n`), so that it prints as one line.
pub fn one_line(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

fn compact_lines(e: &clap::Error, args: &[String]) -> (String, String) {
    let command = command_path(e, args);
    let help = format!("`{command} --help` lists its options and examples");
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return (
            format!("`{command}` needs a subcommand"),
            format!("`mlproof tour` is a guided run; {help}"),
        );
    }
    let text = e.render().to_string();
    // The first line, and the indented lines right under it (the arguments a "required
    // arguments were not provided" error lists), joined into one.
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let mut message = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .trim()
        .to_string();
    let listed: Vec<&str> = lines
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    if !listed.is_empty() {
        message = format!("{} {}", message.trim_end_matches(':'), listed.join(", "));
    }
    let did_you_mean = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(format!("did you mean '{s}'?")),
        Some(ContextValue::Strings(v)) if !v.is_empty() => {
            Some(format!("did you mean '{}'?", v.join("' or '")))
        }
        _ => None,
    };
    let suggested = did_you_mean(ContextKind::SuggestedArg)
        .or_else(|| did_you_mean(ContextKind::SuggestedSubcommand))
        .or_else(|| match e.get(ContextKind::ValidValue) {
            Some(ContextValue::Strings(v)) if !v.is_empty() => {
                Some(format!("possible values: {}", v.join(", ")))
            }
            _ => None,
        })
        .or_else(|| match e.get(ContextKind::InvalidValue) {
            Some(ContextValue::String(v))
                if v.starts_with('-') && message.contains("invalid digit") =>
            {
                Some("this option takes a whole number ≥ 0".into())
            }
            _ => None,
        });
    let hint = match suggested {
        Some(s) if s.ends_with('?') => format!("{s} {help}"),
        Some(s) => format!("{s}; {help}"),
        None => help,
    };
    (message, hint)
}

/// `mlproof tree prune` from clap's usage line ("Usage: mlproof tree prune [OPTIONS]"), or
/// when the error has none, the leading words of the command line that are not options.
fn command_path(e: &clap::Error, args: &[String]) -> String {
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let words: Vec<&str> = usage
        .trim()
        .trim_start_matches("Usage:")
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    if !words.is_empty() {
        return words.join(" ");
    }
    let mut words = vec!["mlproof"];
    words.extend(
        args.iter()
            .skip(1)
            .take_while(|w| !w.starts_with('-'))
            .map(String::as_str),
    );
    words.join(" ")
}

#[cfg(test)]
mod tests;
