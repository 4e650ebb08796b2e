//! The SQLite file behind the history: opening (with checks that never overwrite a file that
//! is not ours), migrations, and one transaction per write.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior};

use super::migrations::{self, LATEST, MIGRATIONS};
use super::{Entry, Filter, HistoryError, Meta};
use crate::questions;
use crate::score::star::StarPart;
use crate::score::AnswerScore;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a write waits for another process that holds the store.
const BUSY_WAIT: Duration = Duration::from_secs(10);

/// Runs `f` again while SQLite reports the store busy or locked, for up to [`BUSY_WAIT`]: for
/// the few operations where SQLite gives up at once instead of honouring the busy timeout.
fn retry_while_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        match f() {
            Err(rusqlite::Error::SqliteFailure(e, msg))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                if start.elapsed() >= BUSY_WAIT {
                    return Err(rusqlite::Error::SqliteFailure(e, msg));
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// An open history store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What [`Store::keep_recording`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Added,
    /// The recording's earlier answer was replaced (its score changed).
    Replaced,
    /// The same answer was already kept.
    Unchanged,
}

/// Which answers `forget` removes.
#[derive(Debug, Clone)]
pub enum Forget {
    Ids(Vec<i64>),
    Matching(Filter),
    All,
}

/// `chosen` (the application passes `$STARCOACH_HISTORY`: [`crate::config::Config::history_path`]),
/// else `history.sqlite3` in the platform's data folder (`~/.local/share/starcoach/` on Linux).
pub fn default_path(chosen: Option<&Path>) -> Result<PathBuf, HistoryError> {
    if let Some(p) = chosen {
        return Ok(p.to_path_buf());
    }
    directories::ProjectDirs::from("", "", "starcoach")
        .map(|d| d.data_dir().join("history.sqlite3"))
        .ok_or(HistoryError::NoDataDir)
}

/// Checks the first bytes of an existing, non-empty file without opening it as a database.
fn check_header(path: &Path) -> Result<(), HistoryError> {
    use std::io::Read;
    let io = |source| HistoryError::Io {
        path: path.to_path_buf(),
        error: source,
    };
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    let mut head = Vec::with_capacity(16);
    f.by_ref().take(16).read_to_end(&mut head).map_err(io)?;
    if head.is_empty() || head == SQLITE_HEADER {
        Ok(())
    } else {
        Err(HistoryError::NotADatabase {
            path: path.to_path_buf(),
            reason: "it does not start with the SQLite header".into(),
        })
    }
}

impl Store {
    /// Opens the store at `path`, creating it and its folder if missing and migrating it to the
    /// latest schema. A file that is not a starcoach history, or one written by a newer
    /// starcoach, is an error and is left exactly as it was.
    pub fn open(path: &Path) -> Result<Store, HistoryError> {
        check_header(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| HistoryError::Io {
                path: dir.to_path_buf(),
                error: source,
            })?;
        }
        let sql = |source| HistoryError::Sqlite {
            path: path.to_path_buf(),
            error: source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql)?;
        conn.busy_timeout(BUSY_WAIT).map_err(sql)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        // Read-only checks first: nothing is written to a file we refuse. The version and the
        // tables are read in one statement, so both come from one snapshot: read apart, another
        // process's first migration could commit in between and make a new starcoach history
        // look like another program's database (version 0 with tables).
        let (version, tables): (i64, i64) = store
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), \
                        (SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| store.err(e))?;
        if version > LATEST {
            return Err(HistoryError::TooNew {
                path: store.path.clone(),
                found: version,
                known: LATEST,
            });
        }
        if version == 0 && tables > 0 {
            return Err(HistoryError::NotADatabase {
                path: store.path.clone(),
                reason: "it is an SQLite database of another program".into(),
            });
        }
        // WAL lets a reader and a writer work at once. The mode is kept in the file, so only the
        // first opening switches it; that switch needs the database to itself, and SQLite
        // reports "database is locked" at once (without waiting for the busy timeout) when
        // another process opens the new file at the same moment: retry it.
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(|e| store.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            retry_while_busy(|| store.conn.pragma_update(None, "journal_mode", "WAL"))
                .map_err(|e| store.err(e))?;
        }
        // `history forget` should really forget: overwrite deleted rows instead of leaving them
        // in free pages.
        store
            .conn
            .pragma_update(None, "secure_delete", "ON")
            .map_err(|e| store.err(e))?;
        store.migrate()?;
        Ok(store)
    }

    /// For commands that only read (`history list`, `progress`, `compare`): the store at
    /// `path`, or an empty one when there is no history yet. Nothing is created.
    pub fn open_for_reading(path: PathBuf) -> Result<Store, HistoryError> {
        if path.exists() {
            return Store::open(&path);
        }
        let conn = Connection::open_in_memory().map_err(|source| HistoryError::Sqlite {
            path: path.clone(),
            error: source,
        })?;
        let store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> HistoryError {
        match &source {
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                ) =>
            {
                HistoryError::NotADatabase {
                    path: self.path.clone(),
                    reason: format!("SQLite reports: {source}"),
                }
            }
            _ => HistoryError::Sqlite {
                path: self.path.clone(),
                error: source,
            },
        }
    }

    /// The schema version (`PRAGMA user_version`).
    pub fn version(&self) -> Result<i64, HistoryError> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Applies the migrations the store has not had yet, each in its own transaction.
    fn migrate(&self) -> Result<(), HistoryError> {
        loop {
            let tx = retry_while_busy(|| {
                rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            })
            .map_err(|e| self.err(e))?;
            let v: i64 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if v >= LATEST {
                return Ok(());
            }
            let m = &MIGRATIONS[v as usize];
            tx.execute_batch(m.sql).map_err(|e| self.err(e))?;
            if let Some(fix) = m.fixup {
                fix(&tx).map_err(|e| self.err(e))?;
            }
            tx.pragma_update(None, "user_version", v + 1)
                .map_err(|e| self.err(e))?;
            tx.commit().map_err(|e| self.err(e))?;
            tracing::info!("history {}: migrated to v{}", self.path.display(), v + 1);
        }
    }

    /// Keeps one scored answer; returns its ID. One transaction: the answer is there in full
    /// or not at all.
    pub fn record(&mut self, a: &AnswerScore, meta: &Meta) -> Result<i64, HistoryError> {
        self.write(a, meta, false).map(|(id, _)| id)
    }

    /// Keeps a scored recording once: the answer already kept for the same recording (its
    /// SHA-256) and client is replaced in place (same ID, same time) when the score changed,
    /// and left alone when it did not; otherwise the answer is added. For batches, which score
    /// the same files again.
    pub fn keep_recording(
        &mut self,
        a: &AnswerScore,
        meta: &Meta,
    ) -> Result<(i64, Kept), HistoryError> {
        self.write(a, meta, true)
    }

    fn write(
        &mut self,
        a: &AnswerScore,
        meta: &Meta,
        replace_same_recording: bool,
    ) -> Result<(i64, Kept), HistoryError> {
        let json = serde_json::to_string(a).map_err(|e| HistoryError::Encode(e.to_string()))?;
        let star_parts = a
            .star
            .as_ref()
            .map(|s| {
                StarPart::ALL
                    .iter()
                    .filter(|p| super::part_present(s, **p))
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        let question_key = a.question.as_deref().map(questions::normalize);
        let competency = a
            .question
            .as_deref()
            .and_then(questions::competency_of)
            .map(migrations::competency_str);
        let pause = crate::env::get().history_test_pause_ms;
        let path = self.path.clone();
        let err = |source| HistoryError::Sqlite {
            path: path.clone(),
            error: source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let existing: Option<(i64, String)> = match (&meta.audio_sha256, replace_same_recording) {
            (Some(sha), true) => tx
                .query_row(
                    "SELECT id, answer_json FROM answers
                     WHERE audio_sha256 = ?1 AND client IS ?2 ORDER BY id LIMIT 1",
                    params![sha, meta.client],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(err)?,
            _ => None,
        };
        if let Some((id, old)) = &existing {
            if *old == json {
                return Ok((*id, Kept::Unchanged));
            }
        }
        // Every column but the ID and the time: an update keeps both.
        let values = params![
            a.question,
            question_key.unwrap_or_default(),
            meta.client,
            a.question_type.to_string(),
            a.score,
            finite(a.filler_stats.per_min),
            finite(a.wpm),
            finite(a.speaking_s),
            a.length.verdict.as_str(),
            star_parts,
            a.quantified_results.len() as i64,
            meta.source_path,
            meta.audio_sha256,
            json,
            competency,
            meta.recorded_at.as_millisecond(),
        ];
        let (id, kept) = match existing {
            Some((id, _)) => {
                let mut v = values.to_vec();
                v.pop();
                v.push(&id);
                tx.execute(
                    "UPDATE answers SET question = ?1, question_key = ?2, client = ?3, kind = ?4,
                         score = ?5, fillers_per_min = ?6, wpm = ?7, speaking_s = ?8,
                         verdict = ?9, star_parts = ?10, result_metrics = ?11,
                         source_path = ?12, audio_sha256 = ?13, answer_json = ?14,
                         competency = ?15
                     WHERE id = ?16",
                    v.as_slice(),
                )
                .map_err(err)?;
                (id, Kept::Replaced)
            }
            None => {
                tx.execute(
                    "INSERT INTO answers (question, question_key, client, kind, score,
                         fillers_per_min, wpm, speaking_s, verdict, star_parts, result_metrics,
                         source_path, audio_sha256, answer_json, competency, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                         ?16)",
                    values,
                )
                .map_err(err)?;
                (tx.last_insert_rowid(), Kept::Added)
            }
        };
        if let Some(ms) = pause {
            std::thread::sleep(Duration::from_millis(ms));
        }
        tx.commit().map_err(err)?;
        Ok((id, kept))
    }

    /// The answers matching `filter`, oldest first.
    pub fn list(&self, filter: &Filter) -> Result<Vec<Entry>, HistoryError> {
        let q = filter
            .question
            .as_deref()
            .map(questions::normalize)
            .filter(|q| !q.is_empty());
        let since = filter.since.map(|t| t.as_millisecond());
        let mut st = self
            .conn
            .prepare(
                "SELECT id, recorded_at, client, source_path, audio_sha256, competency, answer_json
                 FROM answers
                 WHERE (?1 IS NULL OR instr(question_key, ?1) > 0)
                   AND (?2 IS NULL OR client = ?2)
                   AND (?3 IS NULL OR recorded_at >= ?3)
                 ORDER BY recorded_at, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![q, filter.client, since], raw_row)
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(self.entry(r.map_err(|e| self.err(e))?)?);
        }
        Ok(out)
    }

    /// One answer by ID.
    pub fn get(&self, id: i64) -> Result<Option<Entry>, HistoryError> {
        let raw = self
            .conn
            .query_row(
                "SELECT id, recorded_at, client, source_path, audio_sha256, competency, answer_json
                 FROM answers WHERE id = ?1",
                [id],
                raw_row,
            )
            .optional()
            .map_err(|e| self.err(e))?;
        raw.map(|r| self.entry(r)).transpose()
    }

    /// Deletes answers in one transaction; returns what was deleted (oldest first).
    pub fn forget(&mut self, what: &Forget) -> Result<Vec<Entry>, HistoryError> {
        let doomed: Vec<Entry> = match what {
            Forget::All => self.list(&Filter::default())?,
            Forget::Matching(f) => self.list(f)?,
            Forget::Ids(ids) => {
                let mut v = Vec::new();
                for id in ids {
                    if let Some(e) = self.get(*id)? {
                        if !v.iter().any(|x: &Entry| x.id == e.id) {
                            v.push(e);
                        }
                    }
                }
                v
            }
        };
        let path = self.path.clone();
        let err = |source| HistoryError::Sqlite {
            path: path.clone(),
            error: source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut st = tx
                .prepare("DELETE FROM answers WHERE id = ?1")
                .map_err(err)?;
            for e in &doomed {
                st.execute([e.id]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(doomed)
    }

    fn entry(&self, r: RawRow) -> Result<Entry, HistoryError> {
        let answer: AnswerScore =
            serde_json::from_str(&r.json).map_err(|e| HistoryError::BadRow {
                path: self.path.clone(),
                id: r.id,
                reason: e.to_string(),
            })?;
        let recorded_at =
            jiff::Timestamp::from_millisecond(r.recorded_at).map_err(|e| HistoryError::BadRow {
                path: self.path.clone(),
                id: r.id,
                reason: e.to_string(),
            })?;
        Ok(Entry {
            id: r.id,
            recorded_at,
            client: r.client,
            source_path: r.source_path,
            audio_sha256: r.audio_sha256,
            competency: r
                .competency
                .and_then(|c| serde_json::from_value(serde_json::Value::String(c)).ok()),
            answer,
        })
    }
}

struct RawRow {
    id: i64,
    recorded_at: i64,
    client: Option<String>,
    source_path: Option<String>,
    audio_sha256: Option<String>,
    competency: Option<String>,
    json: String,
}

fn raw_row(r: &Row) -> rusqlite::Result<RawRow> {
    Ok(RawRow {
        id: r.get(0)?,
        recorded_at: r.get(1)?,
        client: r.get(2)?,
        source_path: r.get(3)?,
        audio_sha256: r.get(4)?,
        competency: r.get(5)?,
        json: r.get(6)?,
    })
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}
