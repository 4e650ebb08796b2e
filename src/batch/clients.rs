//! Each client's attempts across batches: the answers kept in the practice history under the
//! client's name (every batch before this one, and `score --client` / `record` answers), or,
//! with `--no-history`, this batch's own answers. They give `summary.csv` its attempt number
//! and change since the previous attempt, and each client's `progress.html`.

use std::collections::BTreeMap;

use super::{group, Record, NO_CLIENT};
use crate::history::{self, progress, Entry, Filter, Meta, Store};
use crate::themes::Theme;

/// The attempt an answer is at its question, for this client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// 1 for the client's first answer to the question.
    pub number: usize,
    /// Score minus the previous attempt's score (`None` for a first attempt).
    pub change: Option<i32>,
}

/// Every client's answers, oldest first, keyed by the client's report folder.
#[derive(Debug, Default)]
pub struct ClientHistories {
    by_dir: BTreeMap<String, Vec<Entry>>,
    /// Whether the entries come from the practice history (else from the batch's records).
    pub from_history: bool,
}

/// The history's name for a batch client (`None` for files directly in the inbox).
pub fn history_client(client: &str) -> Option<String> {
    (client != NO_CLIENT).then(|| client.to_string())
}

/// What the history keeps about a batch answer: its client, file, SHA-256 and the file's time.
pub fn meta_of(r: &Record, path: &std::path::Path) -> Meta {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    Meta {
        client: history_client(&r.client),
        source_path: Some(abs.display().to_string()),
        audio_sha256: Some(r.content_sha256.clone()).filter(|s| !s.is_empty()),
        recorded_at: recorded_at(r),
    }
}

/// The recording's time: the file's modification time, never in the future.
fn recorded_at(r: &Record) -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    r.recorded_at
        .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
        .filter(|t| *t <= now)
        .unwrap_or(now)
}

impl ClientHistories {
    /// This batch's answers alone, in the order they were recorded.
    pub fn from_records(records: &[Record]) -> ClientHistories {
        let mut by_dir = BTreeMap::new();
        for (dir, rs) in group(records) {
            let mut entries: Vec<Entry> = rs
                .iter()
                .filter_map(|r| {
                    let a = r.answer()?;
                    Some(Entry {
                        id: 0,
                        recorded_at: recorded_at(r),
                        client: history_client(&r.client),
                        source_path: Some(r.rel.clone()),
                        audio_sha256: Some(r.content_sha256.clone()),
                        competency: a
                            .question
                            .as_deref()
                            .and_then(crate::questions::competency_of),
                        answer: a.clone(),
                    })
                })
                .collect();
            entries.sort_by(|a, b| {
                (a.recorded_at, &a.source_path).cmp(&(b.recorded_at, &b.source_path))
            });
            for (i, e) in entries.iter_mut().enumerate() {
                e.id = i as i64 + 1;
            }
            by_dir.insert(dir, entries);
        }
        ClientHistories {
            by_dir,
            from_history: false,
        }
    }

    /// Every client of `records` as the history knows them.
    pub fn load(
        store: &Store,
        records: &[Record],
    ) -> Result<ClientHistories, history::HistoryError> {
        let mut h = ClientHistories {
            by_dir: BTreeMap::new(),
            from_history: true,
        };
        for (dir, rs) in group(records) {
            if let Some(r) = rs.first() {
                h.refresh(store, &r.client, &dir)?;
            }
        }
        Ok(h)
    }

    /// Reads one client's answers again (after one was kept).
    pub fn refresh(
        &mut self,
        store: &Store,
        client: &str,
        dir: &str,
    ) -> Result<(), history::HistoryError> {
        let name = history_client(client);
        let mut entries = store.list(&Filter {
            client: name.clone(),
            ..Filter::default()
        })?;
        // The filter has no "no client": files directly in the inbox take the answers kept
        // without one.
        entries.retain(|e| e.client == name);
        self.by_dir.insert(dir.to_string(), entries);
        Ok(())
    }

    /// One client's answers, oldest first.
    pub fn entries(&self, dir: &str) -> &[Entry] {
        self.by_dir.get(dir).map_or(&[], Vec::as_slice)
    }

    /// Which attempt at its question the answer is, among the client's answers.
    pub fn attempt(&self, r: &Record) -> Option<Attempt> {
        let entries = self.entries(&r.client_dir);
        let at = entries
            .iter()
            .position(|e| e.audio_sha256.as_deref() == Some(r.content_sha256.as_str()))?;
        let key = progress::attempt_key(&entries[at].answer);
        let earlier: Vec<&Entry> = entries[..at]
            .iter()
            .filter(|e| progress::attempt_key(&e.answer) == key)
            .collect();
        Some(Attempt {
            number: earlier.len() + 1,
            change: earlier
                .last()
                .map(|p| i32::from(entries[at].answer.score) - i32::from(p.answer.score)),
        })
    }

    /// The client's progress page (the page `starcoach progress --html --client` writes).
    pub fn progress_page(&self, dir: &str, client: &str, themes: &[Theme]) -> String {
        let p = progress::build(self.entries(dir), themes);
        let scope = if self.from_history {
            format!("client {client}: every answer in the practice history")
        } else {
            format!("client {client}: this batch's answers (run without --no-history to follow them across batches)")
        };
        history::html::render_with_links(
            &p,
            &scope,
            &[
                (&format!("← {client} summary"), "index.html"),
                ("All clients", "../index.html"),
            ],
        )
    }
}
