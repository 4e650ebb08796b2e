//! starcoach: local, private feedback on recorded mock-interview answers.
//!
//! The program lives here; `main.rs` only calls [`run`]. One module per concern:
//! audio decoding, model provisioning, transcription, scoring, reports.

pub mod audio;
pub mod model;
pub mod questions;
pub mod report;
pub mod score;
pub mod transcript;

/// Runs the command line and returns the process exit code.
pub fn run(_args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    0
}
