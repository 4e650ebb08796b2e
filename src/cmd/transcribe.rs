//! `starcoach transcribe FILE...`: the transcript of each recording, as text or JSON.

use anyhow::{Context, Result};

use crate::audio;
use crate::cli::{TranscribeArgs, TranscriptFormat};
use crate::config::Config;
use crate::transcriber::Transcriber;

pub fn run(args: TranscribeArgs, config: &Config) -> Result<i32> {
    let transcriber = Transcriber::load(&config.model_path()?)?;
    let opts = &config.transcribe;
    let mut failed = 0;
    let mut json_out = Vec::new();
    for file in &args.files {
        let shown = file.display().to_string();
        let result = audio::load(file)
            .map_err(anyhow::Error::from)
            .and_then(|a| {
                transcriber
                    .transcribe(&a, &shown, opts)
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
