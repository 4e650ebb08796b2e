//! `starcoach progress`: trends across attempts in the terminal, optionally as an HTML page.

use anyhow::{Context, Result};

use crate::cli::ProgressArgs;
use crate::fsutil::write_atomic;
use crate::history::{html, progress, Store};

pub fn run(args: ProgressArgs, config: &crate::config::Config) -> Result<i32> {
    let color = config.color;
    let filter = args.filter.to_filter()?;
    let store = Store::open_for_reading(config.history_path()?)?;
    let entries = store.list(&filter)?;
    let p = progress::build(&entries, &config.scoring.themes);
    if args.json {
        crate::outln!("{}", serde_json::to_string_pretty(&p)?)?;
    } else {
        crate::out!("{}", progress::render_text(&p, color))?;
    }
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    if let Some(path) = &args.html {
        let mut scope = Vec::new();
        if let Some(c) = &filter.client {
            scope.push(format!("client {c}"));
        }
        if let Some(q) = &filter.question {
            scope.push(format!("questions containing \"{q}\""));
        }
        if let Some(s) = &args.filter.since {
            scope.push(format!("since {s}"));
        }
        if scope.is_empty() {
            scope.push("all answers in the history".into());
        }
        write_atomic(path, html::render(&p, &scope.join(", ")).as_bytes())
            .context("writing the progress page")?;
        crate::errln!("progress page written to {}", path.display());
    }
    Ok(super::exit::OK)
}
