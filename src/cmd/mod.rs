//! One module per subcommand. Each turns its parsed flags into work and returns an exit code.

pub mod batch;
pub mod compare;
pub mod devices;
pub mod generate;
pub mod history;
pub mod model;
pub mod progress;
pub mod questions;
pub mod record;
pub mod score;
pub mod transcribe;

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Exit codes, as ripgrep and fd use them.
pub mod exit {
    /// Everything worked.
    pub const OK: i32 = 0;
    /// The command ran, but at least one input failed (the others were processed).
    pub const SOME_FAILED: i32 = 1;
    /// Usage error or a failure that stopped the whole command.
    pub const ERROR: i32 = 2;
    /// Interrupted by Ctrl-C.
    pub const INTERRUPTED: i32 = 130;
}

/// Whether to colour stdout: `--color`, then NO_COLOR, then whether stdout is a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    color_for(choice, || std::io::stdout().is_terminal())
}

/// Whether to colour stderr (warnings and logs): as [`use_color`], for stderr's terminal.
pub fn use_color_on_stderr(choice: ColorChoice) -> bool {
    color_for(choice, || std::io::stderr().is_terminal())
}

fn color_for(choice: ColorChoice, is_terminal: impl FnOnce() -> bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && is_terminal()
        }
    }
}

/// Prints one error line for an input that failed, and carries on.
pub fn report_failure(err: &anyhow::Error) {
    crate::errln!("error: {err:#}");
}
