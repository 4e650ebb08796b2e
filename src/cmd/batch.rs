//! `starcoach batch INBOX --out REPORTS`: score every recording in a coach's inbox, resumably;
//! `starcoach batch merge --out MERGED SHARD_OUT...`: combine the outputs of shards.

use std::path::PathBuf;

use anyhow::Result;

use crate::batch::{self, merge, run::fit_parallelism, BatchOptions};
use crate::cli::{BatchArgs, BatchCommand};
use crate::config::Config;

/// The history file answers go to, or `None` for `--no-history` (or when there is no place
/// for one: a warning, and the batch goes on).
fn history_file(no_history: bool, config: &Config) -> Option<PathBuf> {
    if no_history {
        return None;
    }
    match config.history_path() {
        Ok(p) => Some(p),
        Err(e) => {
            crate::errln!("warning: answers not kept in the history: {e}");
            None
        }
    }
}

pub fn run(args: BatchArgs, config: &Config) -> Result<i32> {
    if let Some(BatchCommand::Merge {
        out,
        shards,
        config: _, // read into `config` by Config::build
        no_history,
    }) = args.command
    {
        let done = merge::merge(&merge::MergeOptions {
            out: out.clone(),
            shards,
            history: history_file(no_history, config),
            themes: config.scoring.themes.clone(),
        })?;
        crate::errln!(
            "{} answers from {} folder{} ({} failed); reports in {}",
            done.answers,
            done.folders,
            if done.folders == 1 { "" } else { "s" },
            done.failed,
            out.join("index.html").display()
        );
        return Ok(if done.failed > 0 {
            super::exit::SOME_FAILED
        } else {
            super::exit::OK
        });
    }
    let (Some(inbox), Some(out)) = (args.inbox, args.out) else {
        anyhow::bail!("batch: give the INBOX folder and --out REPORTS");
    };
    let model = config.model_path()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (jobs, threads) = fit_parallelism(args.jobs, args.threads, cores);
    if args.jobs.is_some_and(|j| j != jobs) || args.threads.is_some_and(|t| t != threads) {
        crate::errln!(
            "note: {cores} cores: running {jobs} job{} x {threads} Whisper thread{}",
            if jobs == 1 { "" } else { "s" },
            if threads == 1 { "" } else { "s" }
        );
    }
    let done = batch::run(BatchOptions {
        inbox,
        out: out.clone(),
        manifest: args.manifest,
        model,
        jobs,
        transcribe: crate::transcriber::TranscribeOptions {
            threads,
            ..config.transcribe
        },
        force: args.force,
        config: config.scoring.clone(),
        progress: batch::run::progress_wanted(),
        history: history_file(args.no_history, config),
        shard: args.shard,
        interview: args.interview,
    })?;
    crate::errln!(
        "{} scored, {} rescored, {} skipped, {} failed{}{}; reports in {}",
        done.scored,
        done.rescored,
        done.skipped,
        done.failed,
        args.shard
            .map(|s| format!(" (shard {s})"))
            .unwrap_or_default(),
        if done.interrupted {
            " (interrupted)"
        } else {
            ""
        },
        out.join("index.html").display()
    );
    Ok(if done.interrupted {
        super::exit::INTERRUPTED
    } else if done.failed > 0 {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}
