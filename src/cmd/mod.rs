//! One module per subcommand. Each turns its parsed flags into work and returns an exit code.

pub mod batch;
pub mod compare;
pub mod devices;
pub mod generate;
pub mod history;
pub mod interview;
pub mod model;
pub mod progress;
pub mod questions;
pub mod record;
pub mod score;
pub mod transcribe;

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

/// Prints one error line for an input that failed, and carries on.
pub fn report_failure(err: &anyhow::Error) {
    crate::errln!("error: {err:#}");
}
