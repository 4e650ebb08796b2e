//! starcoach: local, private feedback on recorded mock-interview answers.
//!
//! The program lives here; `main.rs` only calls [`run`]. One module per concern:
//! audio decoding, model provisioning, transcription, scoring, reports, batches; `cli` parses flags
//! and `cmd` holds one module per subcommand.

pub mod batch;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod env;
pub mod fsutil;
pub mod history;
pub mod live;
pub mod out;
pub mod pipeline;
pub mod reports;
pub mod session;

// The other crates of the workspace, under the names the application uses for them.
pub use starcoach_audio as audio;
pub use starcoach_audio::capture;
pub use starcoach_core::{interview, questions, report, score, themes, transcript};
pub use starcoach_speech::{model, transcriber};

use std::io::IsTerminal;

use clap::Parser;

/// Runs the command line and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                cmd::exit::ERROR
            } else {
                cmd::exit::OK
            };
        }
    };
    audio::quiet_decoder_panics();
    let env = match env::init() {
        Ok(env) => env,
        Err(e) => {
            init_tracing(cli.verbose, false, None);
            crate::errln!("error: {e}");
            return cmd::exit::ERROR;
        }
    };
    init_tracing(
        cli.verbose,
        config::use_color(cli.color, env, std::io::stderr().is_terminal()),
        env.log.as_deref(),
    );
    let result = config::Config::build(&cli, env).and_then(|config| match cli.command {
        cli::Command::Model(c) => cmd::model::run(c),
        cli::Command::Transcribe(a) => cmd::transcribe::run(a, &config),
        cli::Command::Score(a) => cmd::score::run(a, &config),
        cli::Command::Devices => cmd::devices::run(),
        cli::Command::Questions(a) => cmd::questions::run(a),
        cli::Command::Record(a) => cmd::record::run(a, &config),
        cli::Command::History(c) => cmd::history::run(c, &config),
        cli::Command::Progress(a) => cmd::progress::run(a, &config),
        cli::Command::Compare(a) => cmd::compare::run(a, &config),
        cli::Command::Batch(a) => cmd::batch::run(a, &config),
        cli::Command::Completions { shell } => cmd::generate::completions(shell),
        cli::Command::Man => cmd::generate::man(),
    });
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): stop quietly, as ripgrep does.
        Err(err) if out::is_broken_pipe(&err) => cmd::exit::OK,
        Err(err) => {
            crate::errln!("error: {err:#}");
            cmd::exit::ERROR
        }
    }
}

/// Logs (ours and whisper.cpp's) go to stderr, only as loud as `-v` asks, coloured only when
/// `--color` allows. A closed stderr silences them (tracing-subscriber would otherwise report
/// the failed write with `eprintln!`, which panics, inside whisper.cpp's log callback: an abort).
fn init_tracing(verbose: u8, color: bool, filter: Option<&str>) {
    let level = match verbose {
        0 => "warn,whisper_rs=off,symphonia_core=off",
        1 => "info",
        _ => "debug",
    };
    let filter = filter
        .and_then(|f| tracing_subscriber::EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .log_internal_errors(false)
        .with_target(false)
        .try_init();
}
