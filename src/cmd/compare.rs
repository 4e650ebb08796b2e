//! `starcoach compare A B`: two attempts side by side. Each of A and B is a history ID (`12` or
//! `#12`) or a JSON report file (`score --out DIR` writes one per answer; `score --format json`
//! prints the same shape). Two history IDs are put in time order; files are taken as given,
//! B being the later attempt.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::CompareArgs;
use crate::history::{compare, Store};
use crate::score::AnswerScore;

/// An attempt to compare: its label, when it was recorded (history only), and its score.
struct Attempt {
    label: String,
    at: Option<jiff::Timestamp>,
    answer: AnswerScore,
}

fn load(arg: &str, store: &mut Option<Store>, config: &crate::config::Config) -> Result<Attempt> {
    let id = arg.strip_prefix('#').unwrap_or(arg).parse::<i64>().ok();
    if let Some(id) = id.filter(|_| !Path::new(arg).is_file()) {
        if store.is_none() {
            *store = Some(Store::open_for_reading(config.history_path()?)?);
        }
        let s = store.as_ref().expect("opened above");
        let e = s
            .get(id)?
            .with_context(|| format!("no answer #{id} in the history {}", s.path().display()))?;
        return Ok(Attempt {
            label: format!("#{id}"),
            at: Some(e.recorded_at),
            answer: e.answer,
        });
    }
    let path = Path::new(arg);
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{arg}: not a history ID, and cannot read it as a report"))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{arg}: not a JSON report"))?;
    let one = match v.get("answers") {
        Some(a) => {
            let list = a.as_array().map(Vec::as_slice).unwrap_or_default();
            if list.len() != 1 {
                bail!(
                    "{arg}: the report holds {} answers; give a report of one",
                    list.len()
                );
            }
            list[0].clone()
        }
        None => v,
    };
    let answer: AnswerScore = serde_json::from_value(one)
        .with_context(|| format!("{arg}: not a starcoach answer report"))?;
    Ok(Attempt {
        label: path
            .file_name()
            .map_or_else(|| arg.to_string(), |n| n.to_string_lossy().into_owned()),
        at: None,
        answer,
    })
}

pub fn run(args: CompareArgs, config: &crate::config::Config) -> Result<i32> {
    let mut store = None;
    let mut a = load(&args.a, &mut store, config)?;
    let mut b = load(&args.b, &mut store, config)?;
    if let (Some(x), Some(y)) = (a.at, b.at) {
        if y < x {
            std::mem::swap(&mut a, &mut b);
        }
    }
    let c = compare::compare(a.label, &a.answer, b.label, &b.answer);
    if args.json {
        crate::outln!("{}", serde_json::to_string_pretty(&c)?)?;
    } else {
        crate::out!("{}", compare::render_text(&c))?;
    }
    Ok(super::exit::OK)
}
