//! The one [`Config`] of a run, built once from the flags, the config file and the
//! environment (ripgrep's and fd's Opts -> Config), then passed down to the command. No
//! command loads a file, resolves a model or reads a variable on its own.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{BatchCommand, Cli, ColorChoice, Command};
use crate::env::Env;
use crate::model;
use crate::score::ScoringConfig;
use crate::transcriber::TranscribeOptions;

/// Everything a command needs to know besides its own inputs.
#[derive(Debug, Clone)]
pub struct Config {
    pub env: &'static Env,
    /// Colour on stdout (`--color`, then `NO_COLOR`, then whether stdout is a terminal).
    pub color: bool,
    /// The scoring rules: `--config FILE`, else the user's config file if there is one, else
    /// the defaults (only read for the commands that score).
    pub scoring: ScoringConfig,
    /// `--model`, else `$STARCOACH_MODEL`; else the installed default ([`Config::model_path`]).
    pub model: Option<PathBuf>,
    /// Decoding: `--threads`, `--no-filler-pass`, `$STARCOACH_FILLER_BIAS`.
    pub transcribe: TranscribeOptions,
}

impl Config {
    pub fn build(cli: &Cli, env: &'static Env) -> Result<Config> {
        let none = (None, None, None, false);
        // (the command's --config if it scores, --model, --threads, --no-filler-pass)
        let (scoring_file, model, threads, no_filler_pass): (Option<Option<&Path>>, _, _, _) =
            match &cli.command {
                Command::Score(a) => (
                    Some(a.config.as_deref()),
                    a.whisper.model.clone(),
                    a.whisper.threads,
                    a.whisper.no_filler_pass,
                ),
                Command::Record(a) => (
                    Some(a.config.as_deref()),
                    a.whisper.model.clone(),
                    a.whisper.threads,
                    a.whisper.no_filler_pass,
                ),
                Command::Transcribe(a) => (
                    None,
                    a.whisper.model.clone(),
                    a.whisper.threads,
                    a.whisper.no_filler_pass,
                ),
                Command::Batch(a) => match &a.command {
                    Some(BatchCommand::Merge { config, .. }) => {
                        (Some(config.as_deref()), None, None, false)
                    }
                    None => (
                        Some(a.config.as_deref()),
                        a.model.clone(),
                        a.threads,
                        a.no_filler_pass,
                    ),
                },
                Command::Progress(a) => (Some(a.config.as_deref()), None, None, false),
                _ => none,
            };
        let scoring = match scoring_file {
            Some(file) => load_scoring(file)?,
            None => ScoringConfig::default(),
        };
        let mut transcribe = TranscribeOptions::default();
        if let Some(t) = threads {
            transcribe.threads = t.max(1);
        }
        transcribe.fillers = !no_filler_pass;
        transcribe.filler_bias = env.filler_bias;
        Ok(Config {
            env,
            color: use_color(cli.color, env, std::io::stdout().is_terminal()),
            scoring,
            model: model.or_else(|| env.model.clone()),
            transcribe,
        })
    }

    /// The practice history's file: `$STARCOACH_HISTORY`, else the platform's data folder.
    pub fn history_path(&self) -> Result<PathBuf, crate::history::HistoryError> {
        crate::history::default_path(self.env.history.as_deref())
    }

    /// The model file to transcribe with: [`Config::model`], else the installed default.
    pub fn model_path(&self) -> Result<PathBuf> {
        Ok(model::resolve(self.model.as_deref())?)
    }
}

/// The scoring rules: `explicit`, else the user's config file if there is one, else defaults.
fn load_scoring(explicit: Option<&Path>) -> Result<ScoringConfig> {
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

/// Whether to colour a stream: `--color`, then `NO_COLOR`, then whether it is a terminal.
pub fn use_color(choice: ColorChoice, env: &Env, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !env.no_color && is_terminal,
    }
}
