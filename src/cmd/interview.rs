//! `starcoach score FILE --interview`: each recording is a whole mock interview. Every
//! question is found, every answer scored against its own question and kept in the history
//! under it; the interview report (and each answer's) is printed or written to `--out`.

use std::path::Path;

use anyhow::Result;

use crate::cli::{ReportFormat, ScoreArgs};
use crate::config::Config;
use crate::interview::InterviewScore;
use crate::pipeline::{self, Pipeline};
use crate::report;
use crate::reports;

pub fn run(args: &ScoreArgs, config: &Config) -> Result<i32> {
    if matches!(args.format, ReportFormat::Html | ReportFormat::Json)
        && args.files.len() > 1
        && args.out.is_none()
    {
        anyhow::bail!(
            "--interview --format {} prints one interview: give one file, or add --out DIR",
            if args.format == ReportFormat::Html {
                "html"
            } else {
                "json"
            }
        );
    }
    if let Some(dir) = args.files.iter().find(|f| f.is_dir()) {
        anyhow::bail!(
            "{}: a folder; --interview reads recordings, one mock interview per file",
            dir.display()
        );
    }
    let pipeline = if args.transcript {
        None
    } else {
        Some(Pipeline::with_model(
            &config.model_path()?,
            config.transcribe,
            config.scoring.clone(),
        )?)
    };
    let mut history =
        (!args.no_history).then(|| crate::history::Recorder::new(config.history_path()));
    let mut kept = Vec::new();
    let mut failed = 0;
    let mut printed = 0;
    for file in &args.files {
        let scored = match &pipeline {
            None => pipeline::read_transcript(file)
                .map(|t| pipeline::interview_from_transcript(&t, &config.scoring)),
            Some(p) => p.interview(file),
        };
        let s = match scored {
            Ok(s) => s,
            Err(e) => {
                super::report_failure(&e);
                failed += 1;
                continue;
            }
        };
        if let Some(h) = history.as_mut() {
            for a in &s.answers {
                let mut meta =
                    crate::history::Meta::for_file(file, args.client.clone(), !args.transcript);
                // One recording, several answers: each is its own attempt.
                if let Some(sha) = meta.audio_sha256.as_mut() {
                    sha.push_str(&format!("#q{}", a.question.number));
                }
                kept.extend(h.record(&a.score, &meta));
            }
        }
        let recording = |dir: Option<&Path>| {
            super::score::player(
                dir,
                file,
                args.embed_audio && !args.transcript,
                !args.transcript,
            )
        };
        if let Some(dir) = &args.out {
            let name = pipeline::report_name(file);
            if let Err(e) =
                reports::write_interview(dir, &name, &s, recording(Some(dir)).as_ref(), &[])
            {
                super::report_failure(
                    &e.context(format!("{}: reports not written", file.display())),
                );
                failed += 1;
            }
        }
        let out = render(&s, args.format, config.color, || recording(None));
        if printed > 0 && args.format == ReportFormat::Text {
            crate::outln!()?;
        }
        crate::out!("{out}")?;
        if !out.ends_with('\n') {
            crate::outln!()?;
        }
        printed += 1;
    }
    if let Some(dir) = args.out.as_ref().filter(|_| printed > 0) {
        crate::errln!("interview reports written to {}", dir.display());
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

fn render(
    s: &InterviewScore,
    format: ReportFormat,
    color: bool,
    recording: impl FnOnce() -> Option<report::Recording>,
) -> String {
    match format {
        ReportFormat::Text => report::render_interview_text(s, color),
        ReportFormat::Md => report::render_interview_markdown(s),
        ReportFormat::Json => report::render_interview_json(s),
        ReportFormat::Html => report::render_interview_html(s, &[], &[], recording().as_ref()),
    }
}
