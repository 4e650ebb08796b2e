//! `starcoach batch INBOX --out REPORTS`: score every recording in a coach's inbox, resumably.

use anyhow::Result;

use crate::batch::{self, run::fit_parallelism, BatchOptions};
use crate::cli::BatchArgs;
use crate::model;

pub fn run(args: BatchArgs) -> Result<i32> {
    let config = super::score::load_config(args.config.as_deref())?;
    let model = model::resolve(args.model.as_deref())?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (jobs, threads) = fit_parallelism(args.jobs, args.threads, cores);
    if args.jobs.is_some_and(|j| j != jobs) || args.threads.is_some_and(|t| t != threads) {
        crate::errln!(
            "note: {cores} cores: running {jobs} job{} x {threads} Whisper thread{}",
            if jobs == 1 { "" } else { "s" },
            if threads == 1 { "" } else { "s" }
        );
    }
    let out = batch::run(BatchOptions {
        inbox: args.inbox,
        out: args.out.clone(),
        manifest: args.manifest,
        model,
        jobs,
        threads,
        filler_pass: !args.no_filler_pass,
        force: args.force,
        config,
        progress: batch::run::progress_wanted(),
    })?;
    crate::errln!(
        "{} scored, {} rescored, {} skipped, {} failed{}; reports in {}",
        out.scored,
        out.rescored,
        out.skipped,
        out.failed,
        if out.interrupted {
            " (interrupted)"
        } else {
            ""
        },
        args.out.join("index.html").display()
    );
    Ok(if out.interrupted {
        super::exit::INTERRUPTED
    } else if out.failed > 0 {
        super::exit::SOME_FAILED
    } else {
        super::exit::OK
    })
}
