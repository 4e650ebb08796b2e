//! `starcoach record`: a practice session from the command line, one WAV per answer plus
//! session.json in a session folder.

use crate::config::Config;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::capture::CaptureOptions;
use crate::cli::RecordArgs;
use crate::pipeline::Pipeline;
use crate::questions;
use crate::report;
use crate::score::{AnswerScore, QuestionKind};
use crate::session::{self, AnswerRecord, Question, SessionOptions};

/// The questions of this session: `--question`s, else `--count` different ones picked from the
/// user's file or the bank (of `--type` when given), varied by the clock; without `--type`, the
/// competencies and kinds the history still lacks come first.
fn pick_questions(args: &RecordArgs, config: &Config) -> Result<Vec<Question>> {
    let to_session = |text: &str, kind: QuestionKind| {
        let band = config.scoring.length.band(kind);
        Question {
            text: text.to_string(),
            kind,
            band_min_s: band.min_s,
            band_max_s: band.max_s,
        }
    };
    let pool = match &args.questions_file {
        Some(f) => questions::load(f)?,
        None => questions::bank(),
    };
    if !args.questions.is_empty() {
        return Ok(args
            .questions
            .iter()
            .map(|q| {
                let kind = args
                    .kind
                    .unwrap_or_else(|| questions::guess_kind_in(&pool, q));
                to_session(q, kind)
            })
            .collect());
    }
    let pool: Vec<_> = pool
        .into_iter()
        .filter(|q| args.kind.is_none_or(|k| q.kind == k))
        .collect();
    if pool.is_empty() {
        anyhow::bail!("no questions of that kind to choose from");
    }
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let lacking = if args.kind.is_none() {
        lacking_from_history(config)
    } else {
        questions::Lacking::default()
    };
    Ok(questions::pick(&pool, args.count.max(1), seed, &lacking)
        .iter()
        .map(|q| to_session(&q.text, q.kind))
        .collect())
}

/// What the practice history lacks (story-bank areas without a strong answer, kinds never
/// practised), when a history exists; nothing when it does not or cannot be read.
fn lacking_from_history(config: &Config) -> questions::Lacking {
    use crate::history::stories::{coverage, Area};
    use questions::Competency;
    let Ok(path) = config.history_path() else {
        return questions::Lacking::default();
    };
    if !path.exists() {
        return questions::Lacking::default();
    }
    let Ok(entries) =
        crate::history::Store::open(&path).and_then(|s| s.list(&crate::history::Filter::default()))
    else {
        return questions::Lacking::default();
    };
    let areas: Vec<Area> = coverage(&entries)
        .into_iter()
        .filter(|c| c.strong.is_empty())
        .map(|c| c.area)
        .collect();
    let competencies = [
        Competency::Leadership,
        Competency::Conflict,
        Competency::Collaboration,
        Competency::Failure,
        Competency::ProblemSolving,
        Competency::Initiative,
        Competency::Results,
    ]
    .into_iter()
    .filter(|c| Area::of_competency(*c).is_some_and(|a| areas.contains(&a)))
    .collect();
    let kinds = QuestionKind::ALL
        .into_iter()
        .filter(|k| !entries.iter().any(|e| e.answer.question_type == *k))
        .collect();
    questions::Lacking {
        competencies,
        kinds,
    }
}

pub fn run(args: RecordArgs, config: &Config) -> Result<i32> {
    let color = config.color;
    if let Some(s) = args.max_seconds {
        if !(s > 0.0 && s.is_finite()) {
            anyhow::bail!("--max-seconds must be a positive number of seconds");
        }
    }
    let questions = pick_questions(&args, config)?;
    // Load the model before the first question: a missing model stops us before recording.
    let pipeline = if args.no_score {
        None
    } else {
        Some(std::sync::Arc::new(Pipeline::with_model(
            &config.model_path()?,
            config.transcribe,
            config.scoring.clone(),
        )?))
    };
    // Transcribes while each answer is spoken: the live line, and a report soon after the stop.
    let coach = pipeline
        .as_ref()
        .filter(|_| !args.no_live)
        .map(|p| crate::live::Coach::new(p.clone()));
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
    let mut scored: Vec<AnswerScore> = Vec::new();
    let mut history =
        (!args.no_history).then(|| crate::history::Recorder::new(config.history_path()));
    let mut kept = Vec::new();
    let out_dir = opts.out_dir.clone();
    let listener = coach.as_ref().map(|c| c as &dyn session::Listener);
    let outcome = session::run(&questions, &opts, listener, |answer: &AnswerRecord| {
        let (Some(pipeline), Some(path)) = (&pipeline, &answer.path) else {
            return Ok(());
        };
        let a = score_recorded(pipeline, answer, path, coach.as_ref().map(|c| c.cache()))?;
        let recording = report::Recording::beside(&out_dir, path);
        let name = crate::pipeline::report_name(path);
        crate::reports::write_answer(&out_dir, &name, &a, &[], recording.as_ref())?;
        if let Some(h) = history.as_mut() {
            kept.extend(h.record(&a, &crate::history::Meta::for_file(path, None, true)));
        }
        crate::err!("{}", report::render_text(std::slice::from_ref(&a), color));
        scored.push(a);
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
                crate::errln!("answers recorded so far are in {}", opts.out_dir.display());
            }
            return Err(e);
        }
    };
    if !scored.is_empty() {
        crate::reports::write_session(&outcome.dir, &scored)?;
    }
    if let Some(line) = crate::history::kept_line(&kept) {
        crate::errln!("{line}");
    }
    let saved = outcome.answers.iter().filter(|a| a.file.is_some()).count();
    crate::errln!(
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

/// Transcribes and scores one recorded answer, through the same path as `score` (taking the
/// pieces the live coach already decoded from the same samples).
fn score_recorded(
    pipeline: &Pipeline,
    answer: &AnswerRecord,
    path: &Path,
    cache: Option<&crate::transcriber::PieceCache>,
) -> Result<AnswerScore> {
    let started = std::time::Instant::now();
    let audio = crate::audio::load(path)?;
    let t = pipeline.transcribe_audio_cached(&audio, &path.display().to_string(), cache)?;
    tracing::info!(
        "{}: transcribed {:.1} s in {:.2} s after the stop",
        path.display(),
        audio.duration_s,
        started.elapsed().as_secs_f64()
    );
    Ok(pipeline.score(&t, Some(&answer.question), Some(answer.kind)))
}
