//! `starcoach record`: a practice session from the command line, one WAV per answer plus
//! session.json in a session folder.

use std::path::PathBuf;

use anyhow::Result;

use crate::capture::CaptureOptions;
use crate::cli::RecordArgs;
use crate::session::{self, AnswerRecord, Question, SessionOptions};

/// The default answer band when questions come from the command line.
const BAND_MIN_S: f64 = 60.0;
const BAND_MAX_S: f64 = 120.0;

pub fn run(args: RecordArgs) -> Result<i32> {
    if let Some(s) = args.max_seconds {
        if !(s > 0.0 && s.is_finite()) {
            anyhow::bail!("--max-seconds must be a positive number of seconds");
        }
    }
    let questions: Vec<Question> = args
        .questions
        .iter()
        .map(|text| Question {
            text: text.clone(),
            kind: "general".into(),
            band_min_s: BAND_MIN_S,
            band_max_s: BAND_MAX_S,
        })
        .collect();
    let opts = SessionOptions {
        device: args.device.clone(),
        out_dir: args.out.clone().unwrap_or_else(default_out_dir),
        max_seconds: args.max_seconds,
        countdown_s: if args.no_countdown { 0 } else { 3 },
        force_non_interactive: false,
        capture: CaptureOptions {
            sample_rate: args.rate,
            channels: args.channels,
            ..CaptureOptions::default()
        },
    };
    let fresh_dir = !opts.out_dir.exists();
    let outcome = session::run(&questions, &opts, |_answer: &AnswerRecord| {
        // scoring is plugged in by the caller: transcribe `_answer.path` and score it here.
        Ok(())
    });
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => {
            // Leave nothing behind from a session that never recorded anything; otherwise
            // say where the answers recorded so far are.
            if fresh_dir && dir_is_empty(&opts.out_dir) {
                let _ = std::fs::remove_dir(&opts.out_dir);
            } else if opts.out_dir.join("session.json").exists() {
                eprintln!("answers recorded so far are in {}", opts.out_dir.display());
            }
            return Err(e);
        }
    };
    let saved = outcome.answers.iter().filter(|a| a.file.is_some()).count();
    eprintln!(
        "{saved} answer(s) saved in {} (details: {})",
        outcome.dir.display(),
        outcome.session_file.display()
    );
    let failed = outcome
        .answers
        .iter()
        .any(|a| a.status == session::AnswerStatus::Failed);
    Ok(if outcome.interrupted {
        super::exit::INTERRUPTED
    } else if failed {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}

fn default_out_dir() -> PathBuf {
    let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
    PathBuf::from(format!("starcoach-session-{stamp}"))
}

fn dir_is_empty(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}
