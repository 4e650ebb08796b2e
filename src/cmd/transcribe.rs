//! `starcoach transcribe FILE...`: the transcript of each recording, as text or JSON.

use anyhow::{Context, Result};

use crate::cli::{TranscribeArgs, TranscriptFormat, WhisperArgs};
use crate::transcriber::{TranscribeOptions, Transcriber};
use crate::{audio, model};

/// The model file and decoding options the flags ask for.
pub fn model_and_options(args: &WhisperArgs) -> Result<(std::path::PathBuf, TranscribeOptions)> {
    let path = model::resolve(args.model.as_deref())?;
    let mut opts = TranscribeOptions::default();
    if let Some(t) = args.threads {
        opts.threads = t.max(1);
    }
    opts.fillers = !args.no_filler_pass;
    Ok((path, opts))
}

/// Loads the model named by the flags (or the default one).
pub fn load_transcriber(args: &WhisperArgs) -> Result<(Transcriber, TranscribeOptions)> {
    let (path, opts) = model_and_options(args)?;
    Ok((Transcriber::load(&path)?, opts))
}

pub fn run(args: TranscribeArgs) -> Result<i32> {
    let (transcriber, opts) = load_transcriber(&args.whisper)?;
    let mut failed = 0;
    let mut json_out = Vec::new();
    for file in &args.files {
        let shown = file.display().to_string();
        let result = audio::load(file)
            .map_err(anyhow::Error::from)
            .and_then(|a| {
                transcriber
                    .transcribe(&a, &shown, &opts)
                    .with_context(|| format!("{shown}: transcription failed"))
            });
        match result {
            Ok(t) => match args.format {
                TranscriptFormat::Text => {
                    if args.files.len() > 1 {
                        crate::outln!("== {shown}")?;
                    }
                    crate::outln!("{}", t.text)?;
                }
                TranscriptFormat::Json => json_out.push(t),
            },
            Err(e) => {
                super::report_failure(&e);
                failed += 1;
            }
        }
    }
    if args.format == TranscriptFormat::Json {
        let doc = serde_json::json!({ "schema_version": 1, "transcripts": json_out });
        crate::outln!("{}", serde_json::to_string_pretty(&doc)?)?;
    }
    Ok(if failed > 0 {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}
