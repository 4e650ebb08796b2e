//! The history schema, as an ordered list of migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Each migration runs in its own
//! transaction together with the version bump, so a store is always at exactly one version.
//! Never edit a migration that has shipped: add the next one.

use rusqlite::Transaction;

use crate::questions;

/// One step of the schema: SQL, then an optional data fix-up written in Rust.
pub struct Migration {
    pub sql: &'static str,
    pub fixup: Option<fn(&Transaction) -> rusqlite::Result<()>>,
}

/// v1: one row per scored answer; the full `AnswerScore` JSON plus the columns we filter and
/// chart on. Times are Unix milliseconds (UTC), so they sort and compare as integers.
pub const V1: &str = "
CREATE TABLE answers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at     INTEGER NOT NULL,
    question        TEXT,
    question_key    TEXT NOT NULL,
    client          TEXT,
    kind            TEXT NOT NULL,
    score           INTEGER NOT NULL,
    fillers_per_min REAL NOT NULL,
    wpm             REAL NOT NULL,
    speaking_s      REAL NOT NULL,
    verdict         TEXT NOT NULL,
    star_parts      TEXT NOT NULL,
    result_metrics  INTEGER NOT NULL,
    source_path     TEXT,
    audio_sha256    TEXT,
    answer_json     TEXT NOT NULL
);
CREATE INDEX answers_by_question ON answers(question_key, recorded_at);
";

/// v2: the competency each question probes (from the question bank; backfilled for existing
/// rows) for the story bank, and an index for per-client views.
pub const V2: &str = "
ALTER TABLE answers ADD COLUMN competency TEXT;
CREATE INDEX answers_by_client ON answers(client, recorded_at);
";

fn backfill_competency(tx: &Transaction) -> rusqlite::Result<()> {
    let rows: Vec<(i64, String)> = {
        let mut st = tx.prepare("SELECT id, question FROM answers WHERE question IS NOT NULL")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        it.collect::<rusqlite::Result<_>>()?
    };
    let mut up = tx.prepare("UPDATE answers SET competency = ?1 WHERE id = ?2")?;
    for (id, q) in rows {
        if let Some(c) = questions::competency_of(&q) {
            up.execute(rusqlite::params![competency_str(c), id])?;
        }
    }
    Ok(())
}

/// A competency as stored (the kebab-case name the question files use).
pub fn competency_str(c: questions::Competency) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// v3: batches find the answer kept for a recording by its SHA-256, to replace it instead of
/// adding it again.
pub const V3: &str = "
CREATE INDEX answers_by_recording ON answers(audio_sha256, client);
";

/// All migrations, in order; the store's version is how many have been applied.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: V1,
        fixup: None,
    },
    Migration {
        sql: V2,
        fixup: Some(backfill_competency),
    },
    Migration {
        sql: V3,
        fixup: None,
    },
];

/// The schema version this binary writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;
