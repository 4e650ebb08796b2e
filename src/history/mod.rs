//! Practice history: every scored answer kept in a local SQLite file, so a candidate (or a
//! coach, per client) can see progress across attempts.
//!
//! [`Store`] is the file (see `store.rs` for where it lives and `migrations.rs` for the
//! schema); [`progress`] turns entries into per-question trends, [`compare`] puts two attempts
//! side by side, [`stories`] checks the story bank, and [`html`] renders the progress page.
//! `score` records through [`Recorder`] (or [`Store::record`]); `record` and `batch` are meant
//! to call the same.

pub mod compare;
pub mod html;
pub mod migrations;
pub mod progress;
pub mod store;
pub mod stories;

use std::path::PathBuf;

use serde::Serialize;

use crate::questions::Competency;
use crate::score::star::{Star, StarPart};
use crate::score::AnswerScore;
pub use store::{default_path, Forget, Kept, Store};

/// Where an answer came from, kept beside its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// The coach's client this answer belongs to, if any.
    pub client: Option<String>,
    /// The recording or transcript that was scored.
    pub source_path: Option<String>,
    /// SHA-256 of the recording (hex), when the input was audio.
    pub audio_sha256: Option<String>,
    pub recorded_at: jiff::Timestamp,
}

impl Meta {
    /// Meta for an input file scored now: its absolute path, and its SHA-256 when it is audio.
    pub fn for_file(path: &std::path::Path, client: Option<String>, is_audio: bool) -> Meta {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        Meta {
            client,
            source_path: Some(abs.display().to_string()),
            audio_sha256: if is_audio {
                starcoach_core::digest::sha256_file(path).ok()
            } else {
                None
            },
            recorded_at: jiff::Timestamp::now(),
        }
    }
}

/// One kept answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: i64,
    #[serde(serialize_with = "ser_timestamp")]
    pub recorded_at: jiff::Timestamp,
    pub client: Option<String>,
    pub source_path: Option<String>,
    pub audio_sha256: Option<String>,
    /// What the question probes, when it is in the question bank.
    pub competency: Option<Competency>,
    pub answer: AnswerScore,
}

/// Which answers a view covers. Every field narrows; the default is everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Answers whose question contains this text (case and punctuation ignored).
    pub question: Option<String>,
    pub client: Option<String>,
    /// Answers recorded at or after this time.
    pub since: Option<jiff::Timestamp>,
}

/// Errors a user can hit with the history store. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error(
        "no home folder found for the history store; set {}=FILE",
        crate::env::HISTORY
    )]
    NoDataDir,
    #[error(
        "history store {path} is not a starcoach history ({reason}); it was left untouched: \
         move it aside to start a new history, or set {}=FILE to use another file",
        crate::env::HISTORY
    )]
    NotADatabase { path: PathBuf, reason: String },
    #[error(
        "history store {path} has schema v{found}, but this starcoach knows up to v{known}: \
         it was written by a newer starcoach and was left untouched; upgrade starcoach, or set \
         {}=FILE to use another file",
        crate::env::HISTORY
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// SQLite's message is in the line (not a `source`, which would print it a second time,
    /// followed by its error code).
    #[error("history {}: {}", .path.display(), sqlite_problem(.error))]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("history store {path}: cannot read answer #{id}: {reason}")]
    BadRow {
        path: PathBuf,
        id: i64,
        reason: String,
    },
    #[error("history folder {}: {error}", .path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("cannot encode the answer: {0}")]
    Encode(String),
}

/// SQLite's message, with a hint where its wording is cryptic.
fn sqlite_problem(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::CannotOpen) => {
            format!("{e} (is the folder missing or read-only? set STARCOACH_HISTORY, or pass --no-history)")
        }
        Some(rusqlite::ErrorCode::ReadOnly) => {
            format!(
                "{e} (the file or its folder is read-only: pass --no-history to score without it)"
            )
        }
        _ => e.to_string(),
    }
}

fn ser_timestamp<S: serde::Serializer>(t: &jiff::Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(t)
}

pub(crate) fn part_present(s: &Star, p: StarPart) -> bool {
    s.part(p).present
}

/// The four STAR parts an answer has, as letters ("STAR", "S-AR", or "" for non-STAR kinds).
pub fn star_letters(a: &AnswerScore) -> String {
    match &a.star {
        None => String::new(),
        Some(s) => [
            (StarPart::Situation, 'S'),
            (StarPart::Task, 'T'),
            (StarPart::Action, 'A'),
            (StarPart::Result, 'R'),
        ]
        .iter()
        .map(|(p, c)| if s.part(*p).present { *c } else { '-' })
        .collect(),
    }
}

/// Structure judged by the answer's own kind: STAR letters for a behavioral answer, the checks
/// met for the others ("2/3 checks").
pub fn structure_view(a: &AnswerScore) -> String {
    if a.star.is_some() {
        star_letters(a)
    } else {
        let passed = a.checks.iter().filter(|c| c.passed).count();
        format!("{passed}/{} checks", a.checks.len())
    }
}

/// Structure parts present by the answer's own kind: STAR parts, or checks met.
pub fn structure_count(a: &AnswerScore) -> usize {
    if a.star.is_some() {
        star_count(a)
    } else {
        a.checks.iter().filter(|c| c.passed).count()
    }
}

/// How many of situation, task, action, result are present (0 for non-STAR kinds).
pub fn star_count(a: &AnswerScore) -> usize {
    star_letters(a).chars().filter(|c| *c != '-').count()
}

/// Parses `--since`: a date (`2026-01-31`, midnight local time) or an RFC 3339 timestamp.
pub fn parse_since(s: &str) -> Result<jiff::Timestamp, String> {
    let s = s.trim();
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Ok(t);
    }
    let date: jiff::civil::Date = s
        .parse()
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD) or a timestamp"))?;
    date.to_zoned(jiff::tz::TimeZone::system())
        .map(|z| z.timestamp())
        .map_err(|e| format!("{s:?}: {e}"))
}

/// A timestamp in local time, to the minute.
pub fn fmt_local(t: jiff::Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Records scored answers, warning (one line each, on stderr) instead of failing: the score is
/// what the user asked for, the history is a bonus. Opens the store lazily, once.
pub struct Recorder {
    store: Option<Result<Store, ()>>,
    /// Where the store is, or why there is no place for it.
    path: Result<PathBuf, String>,
}

impl Recorder {
    /// A recorder for the store at `path` ([`crate::config::Config::history_path`]).
    pub fn new(path: Result<PathBuf, HistoryError>) -> Self {
        Recorder {
            store: None,
            path: path.map_err(|e| e.to_string()),
        }
    }

    /// A recorder for the store at `path`.
    pub fn at(path: PathBuf) -> Self {
        Recorder::new(Ok(path))
    }

    /// The store, opened on first use; `None` (after one warning) when it cannot be.
    pub fn store(&mut self) -> Option<&mut Store> {
        let path = &self.path;
        let store = self.store.get_or_insert_with(|| {
            let opened = match path {
                Ok(p) => Store::open(p).map_err(|e| e.to_string()),
                Err(e) => Err(e.clone()),
            };
            opened.map_err(|e| {
                crate::errln!("warning: answer not kept in the history: {e}");
            })
        });
        store.as_mut().ok()
    }

    /// Keeps one answer; returns its ID, or `None` (after a warning) when it could not.
    pub fn record(&mut self, a: &AnswerScore, meta: &Meta) -> Option<i64> {
        match self.store()?.record(a, meta) {
            Ok(id) => Some(id),
            Err(e) => {
                crate::errln!("warning: answer not kept in the history: {e}");
                None
            }
        }
    }

    /// Keeps a scored recording once (see [`Store::keep_recording`]); `None` (after a
    /// warning) when it could not.
    pub fn keep_recording(&mut self, a: &AnswerScore, meta: &Meta) -> Option<(i64, Kept)> {
        match self.store()?.keep_recording(a, meta) {
            Ok(kept) => Some(kept),
            Err(e) => {
                crate::errln!("warning: answer not kept in the history: {e}");
                None
            }
        }
    }
}

/// "kept in the history as #7" (or "#7-#9"), for the end of a run that recorded answers.
pub fn kept_line(ids: &[i64]) -> Option<String> {
    let (first, last) = (ids.first()?, ids.last()?);
    Some(if first == last {
        format!("kept in the history as #{first} (see `starcoach progress`)")
    } else {
        format!("kept in the history as #{first}-#{last} (see `starcoach progress`)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_dates_and_timestamps() {
        let t = parse_since("2026-01-31T12:00:00Z").unwrap();
        assert_eq!(t.as_second(), 1_769_860_800);
        let d = parse_since("2026-01-31").unwrap();
        assert!(
            (d.as_second() - 1_769_817_600).abs() <= 14 * 3600,
            "local midnight"
        );
        assert!(parse_since("last week").is_err());
    }
}
