//! `starcoach questions`: the question bank, with each question's kind and competency.

use anyhow::Result;

use crate::cli::QuestionsArgs;
use crate::questions;

pub fn run(args: QuestionsArgs) -> Result<i32> {
    let list = match &args.file {
        Some(f) => questions::load(f)?,
        None => questions::bank(),
    };
    for q in list
        .iter()
        .filter(|q| args.kind.is_none_or(|k| q.kind == k))
    {
        let competency = serde_json::to_value(q.competency)?;
        crate::outln!(
            "{:<11} {:<16} {}",
            q.kind.as_str(),
            competency.as_str().unwrap_or_default(),
            q.text
        )?;
    }
    Ok(super::exit::OK)
}
