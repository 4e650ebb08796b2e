//! `starcoach history list|forget`: look at and prune the practice history.

use anyhow::Result;

use crate::cli::HistoryCommand;
use crate::history::{fmt_local, Entry, Filter, Forget, Store};

/// One line per entry: ID, time, client, score, question.
pub fn line(e: &Entry) -> String {
    let a = &e.answer;
    format!(
        "#{:<5} {}  {:<12} {:>3}  {}",
        e.id,
        fmt_local(e.recorded_at),
        e.client.as_deref().unwrap_or("-"),
        a.score,
        a.question.as_deref().unwrap_or("(no question given)")
    )
}

pub fn run(c: HistoryCommand, config: &crate::config::Config) -> Result<i32> {
    match c {
        HistoryCommand::List { filter, json } => {
            let store = Store::open_for_reading(config.history_path()?)?;
            let entries = store.list(&filter.to_filter()?)?;
            if json {
                crate::outln!("{}", serde_json::to_string_pretty(&entries)?)?;
            } else if entries.is_empty() {
                crate::errln!("no answers kept in {}", store.path().display());
            } else {
                crate::outln!(
                    "{:<6} {:<16}  {:<12} {:>5}  question",
                    "id",
                    "recorded",
                    "client",
                    "score"
                )?;
                for e in &entries {
                    crate::outln!("{}", line(e))?;
                }
            }
            Ok(super::exit::OK)
        }
        HistoryCommand::Forget {
            ids,
            question,
            client,
            all,
        } => {
            let mut store = Store::open(&config.history_path()?)?;
            let what = if all {
                Forget::All
            } else if !ids.is_empty() {
                Forget::Ids(ids.clone())
            } else {
                Forget::Matching(Filter {
                    question,
                    client,
                    since: None,
                })
            };
            let gone = store.forget(&what)?;
            for e in &gone {
                crate::outln!("deleted {}", line(e))?;
            }
            crate::outln!(
                "deleted {} answer{} from {}",
                gone.len(),
                if gone.len() == 1 { "" } else { "s" },
                store.path().display()
            )?;
            let missing: Vec<String> = ids
                .iter()
                .filter(|id| !gone.iter().any(|e| e.id == **id))
                .map(|id| format!("#{id}"))
                .collect();
            if !missing.is_empty() {
                crate::errln!("error: no answer {} in the history", missing.join(", "));
                return Ok(super::exit::SOME_FAILED);
            }
            Ok(super::exit::OK)
        }
    }
}
