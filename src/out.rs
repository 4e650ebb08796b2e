//! Terminal output that never panics. `println!` panics when stdout is a closed pipe
//! (`starcoach history list | head -1`) or a full disk (`> /dev/full`); these macros return the
//! error instead, so [`crate::run`] can end quietly on a broken pipe, as ripgrep does, and name
//! any other failure in one line. Messages to stderr are best effort: when stderr is gone there
//! is nowhere left to complain to.

use std::fmt;
use std::io::{self, Write};

/// Standard output could not be written (a closed pipe, a full disk).
#[derive(Debug, thiserror::Error)]
#[error("writing to standard output")]
pub struct StdoutError(#[source] pub io::Error);

impl StdoutError {
    /// The reader went away (`| head`): not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        self.0.kind() == io::ErrorKind::BrokenPipe
    }
}

/// Writes to stdout and flushes, so a failure surfaces here rather than being lost at exit.
pub fn stdout(args: fmt::Arguments) -> Result<(), StdoutError> {
    let mut out = io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.flush())
        .map_err(StdoutError)
}

/// Writes to stderr, ignoring failure.
pub fn stderr(args: fmt::Arguments) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// Whether an error, or anything in its chain, is a closed stdout pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<StdoutError>())
        .any(StdoutError::is_broken_pipe)
}

/// `print!` that returns `Result<(), StdoutError>`.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::stdout(format_args!($($arg)*)) };
}

/// `println!` that returns `Result<(), StdoutError>`.
#[macro_export]
macro_rules! outln {
    () => { $crate::out::stdout(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::out::stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` that ignores a closed stderr.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::out::stderr(format_args!($($arg)*)) };
}

/// `eprintln!` that ignores a closed stderr.
#[macro_export]
macro_rules! errln {
    () => { $crate::out::stderr(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::out::stderr(format_args!("{}\n", format_args!($($arg)*))) };
}
