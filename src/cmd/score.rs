//! `starcoach score FILE...`: transcribe and score answers, print a summary, write reports.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::{ReportFormat, ScoreArgs};
use crate::config::Config;
use crate::pipeline::{self, Pipeline};
use crate::report::{self, Recording};
use crate::reports;

pub fn run(args: ScoreArgs, config: &Config) -> Result<i32> {
    if args.interview {
        return super::interview::run(&args, config);
    }
    let color = config.color;
    if args.format == ReportFormat::Html && args.files.len() > 1 && args.out.is_none() {
        anyhow::bail!("--format html prints one page: give one file, or add --out DIR");
    }
    let pipeline = if args.transcript {
        Pipeline::text_only(config.scoring.clone())
    } else {
        Pipeline::with_model(
            &config.model_path()?,
            config.transcribe,
            config.scoring.clone(),
        )?
    };
    let mut scored = Vec::new();
    let mut failed = 0;
    // A folder that is not a session, or an unreadable session file, is one failed input.
    let (inputs, bad): (Vec<_>, Vec<_>) = expand_inputs(&args).into_iter().partition(Result::is_ok);
    for e in bad.into_iter().filter_map(Result::err) {
        super::report_failure(&e);
        failed += 1;
    }
    let inputs: Vec<Input> = inputs.into_iter().filter_map(Result::ok).collect();
    let mut history =
        (!args.no_history).then(|| crate::history::Recorder::new(config.history_path()));
    let mut kept = Vec::new();
    let mut written = 0;
    let mut first_recording = None;
    for input in &inputs {
        let file = &input.path;
        let result = if args.transcript {
            pipeline::read_transcript(file)
        } else {
            pipeline.transcribe(file)
        };
        match result {
            Ok(t) => {
                let a = pipeline.score(&t, input.question.as_deref(), input.kind);
                if let Some(h) = history.as_mut() {
                    let meta =
                        crate::history::Meta::for_file(file, args.client.clone(), !args.transcript);
                    kept.extend(h.record(&a, &meta));
                }
                let recording = |dir: Option<&Path>| {
                    player(
                        dir,
                        file,
                        args.embed_audio && !args.transcript,
                        !args.transcript,
                    )
                };
                if scored.is_empty() && args.format == ReportFormat::Html && args.embed_audio {
                    first_recording = recording(None);
                }
                if let Some(dir) = args.out.as_ref().or(input.session_dir.as_ref()) {
                    let name = pipeline::report_name(file);
                    let player = recording(Some(dir));
                    match reports::write_answer(dir, &name, &a, &[], player.as_ref()) {
                        Ok(()) => written += 1,
                        Err(e) => {
                            super::report_failure(&e);
                            failed += 1;
                        }
                    }
                }
                scored.push(a);
            }
            Err(e) => {
                super::report_failure(&e);
                failed += 1;
            }
        }
    }
    if args.out.is_none() {
        if let Some(dir) = inputs.iter().find_map(|i| i.session_dir.as_ref()) {
            let of_session: Vec<_> = scored
                .iter()
                .filter(|a| {
                    inputs.iter().any(|i| {
                        i.session_dir.as_ref() == Some(dir)
                            && a.source.as_deref() == Some(&*i.path.display().to_string())
                    })
                })
                .cloned()
                .collect();
            reports::write_session(dir, &of_session)?;
            crate::errln!(
                "session report written to {}",
                dir.join("report.md").display()
            );
        }
    }
    if !scored.is_empty() {
        let out = match args.format {
            ReportFormat::Text => report::render_text(&scored, color),
            ReportFormat::Md => report::render_markdown(&scored),
            ReportFormat::Json => report::render_json(&scored),
            // Several pages are not one document: they are in --out (checked above).
            ReportFormat::Html if scored.len() > 1 => String::new(),
            ReportFormat::Html => {
                report::render_html_with(&scored[0], &[], first_recording.as_ref())
            }
        };
        crate::out!("{out}")?;
        if !out.is_empty() && !out.ends_with('\n') {
            crate::outln!()?;
        }
    }
    if let Some(dir) = args.out.as_ref().filter(|_| written > 0) {
        crate::errln!(
            "reports for {written} answer{} written to {}",
            if written == 1 { "" } else { "s" },
            dir.display()
        );
    }
    if let Some(line) = crate::history::kept_line(&kept) {
        crate::errln!("{line}");
    }
    Ok(if failed > 0 {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}

/// The player of an answer's HTML report: the recording embedded (`embed`), else linked from
/// `dir`; none for transcripts, or for a page printed to stdout without `embed`.
pub(super) fn player(
    dir: Option<&Path>,
    source: &Path,
    embed: bool,
    audio: bool,
) -> Option<Recording> {
    if !audio {
        return None;
    }
    if embed {
        return match crate::audio::load_any(source) {
            Ok(decoded) => Some(Recording::Embedded {
                mime: "audio/wav".into(),
                bytes: crate::audio::wav_bytes(&decoded),
            }),
            Err(e) => {
                crate::errln!("warning: recording not embedded in the report: {e}");
                None
            }
        };
    }
    Recording::beside(dir?, source)
}

/// One answer to score: its file, and what is known of its question.
struct Input {
    path: PathBuf,
    question: Option<String>,
    kind: Option<crate::score::QuestionKind>,
    /// Set when the answer comes from a `record` session folder (reports go back there).
    session_dir: Option<PathBuf>,
}

/// Files as given; a `record` session folder stands for its recorded answers, each with the
/// question it answered.
fn expand_inputs(args: &ScoreArgs) -> Vec<Result<Input>> {
    let mut inputs = Vec::new();
    for path in &args.files {
        inputs.extend(expand_one(args, path).unwrap_or_else(|e| vec![Err(e)]));
    }
    inputs
}

fn expand_one(args: &ScoreArgs, path: &Path) -> Result<Vec<Result<Input>>> {
    let session_file = path.join("session.json");
    if path.is_dir() && session_file.is_file() {
        let text = std::fs::read_to_string(&session_file)
            .with_context(|| format!("{}: cannot read", session_file.display()))?;
        let session: crate::session::SessionAnswers = serde_json::from_str(&text)
            .with_context(|| format!("{}: not a session file", session_file.display()))?;
        Ok(session
            .answers
            .into_iter()
            .filter_map(|answer| {
                Some(Ok(Input {
                    path: path.join(answer.file?),
                    question: Some(answer.question),
                    kind: answer.kind,
                    session_dir: Some(path.to_path_buf()),
                }))
            })
            .collect())
    } else if path.is_dir() {
        anyhow::bail!(
            "{}: a folder without session.json (use `starcoach batch` for a folder of recordings)",
            path.display()
        );
    } else {
        Ok(vec![Ok(Input {
            path: path.to_path_buf(),
            question: args.question.clone(),
            kind: args.kind,
            session_dir: None,
        })])
    }
}
