//! `starcoach score FILE...`: transcribe and score answers, print a summary, write reports.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::cli::{ReportFormat, ScoreArgs};
use crate::fsutil::write_atomic;
use crate::pipeline::{self, Pipeline};
use crate::report;
use crate::score::{AnswerScore, ScoringConfig};

/// The scoring rules: `--config FILE`, else the user's config file if there is one, else defaults.
pub fn load_config(explicit: Option<&Path>) -> Result<ScoringConfig> {
    if let Some(p) = explicit {
        return Ok(ScoringConfig::load(p)?);
    }
    if let Some(p) = user_config_path().filter(|p| p.is_file()) {
        return Ok(ScoringConfig::load(&p)?);
    }
    Ok(ScoringConfig::default())
}

/// `~/.config/starcoach/config.toml` (or the platform's equivalent).
pub fn user_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "starcoach").map(|d| d.config_dir().join("config.toml"))
}

pub fn run(args: ScoreArgs, color: bool) -> Result<i32> {
    if args.format == ReportFormat::Html && args.files.len() > 1 && args.out.is_none() {
        anyhow::bail!("--format html prints one page: give one file, or add --out DIR");
    }
    let config = load_config(args.config.as_deref())?;
    let pipeline = if args.transcript {
        Pipeline::text_only(config)
    } else {
        let (path, opts) = super::transcribe::model_and_options(&args.whisper)?;
        Pipeline::with_model(&path, opts, config)?
    };
    let mut scored = Vec::new();
    let mut failed = 0;
    for file in &args.files {
        let result = if args.transcript {
            pipeline::read_transcript(file)
        } else {
            pipeline.transcribe(file)
        };
        match result {
            Ok(t) => {
                let a = pipeline.score(&t, args.question.as_deref(), args.kind);
                if let Some(dir) = &args.out {
                    if let Err(e) = write_reports(dir, file, &a) {
                        super::report_failure(&e);
                        failed += 1;
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
    if !scored.is_empty() {
        let out = match args.format {
            ReportFormat::Text => report::render_text(&scored, color),
            ReportFormat::Md => report::render_markdown(&scored),
            ReportFormat::Json => report::render_json(&scored),
            // Several pages are not one document: they are in --out (checked above).
            ReportFormat::Html if scored.len() > 1 => String::new(),
            ReportFormat::Html => report::render_html(&scored[0], &[]),
        };
        print!("{out}");
        if !out.is_empty() && !out.ends_with('\n') {
            println!();
        }
    }
    if let Some(dir) = &args.out {
        eprintln!("reports written to {}", dir.display());
    }
    Ok(if failed > 0 {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}

/// Writes one answer's Markdown, JSON and HTML reports into `dir`, atomically.
pub fn write_reports(dir: &Path, source: &Path, a: &AnswerScore) -> Result<()> {
    let stem = pipeline::report_stem(source);
    let one = std::slice::from_ref(a);
    write_atomic(
        &dir.join(stem.with_extension("md")),
        report::render_markdown(one).as_bytes(),
    )
    .context("writing the Markdown report")?;
    write_atomic(
        &dir.join(stem.with_extension("json")),
        report::render_json(one).as_bytes(),
    )
    .context("writing the JSON report")?;
    write_atomic(
        &dir.join(stem.with_extension("html")),
        report::render_html(a, &[]).as_bytes(),
    )
    .context("writing the HTML report")?;
    Ok(())
}
