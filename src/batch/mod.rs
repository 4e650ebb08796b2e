//! Batch scoring for coaches: every recording under an inbox folder, grouped by client, with
//! per-answer reports, per-client summaries, an index and `summary.csv`.
//!
//! This module finds the work ([`discover`], the manifest), remembers what was done (one small
//! JSON [`Record`] per answer under `REPORTS/.starcoach-batch/`, keyed by the recording's
//! SHA-256, the model's identity and [`SCORER_VERSION`]) so a re-run skips finished answers;
//! [`run`] is the tokio pipeline and [`pages`] renders the summaries.

pub mod clients;
pub mod merge;
pub mod pages;
pub mod run;

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::fsutil::write_atomic;
use crate::interview::InterviewScore;
use crate::score::{AnswerScore, QuestionKind, ScoringConfig, SCORER_VERSION};
use crate::transcript::Transcript;

pub use run::{run, BatchOptions, BatchOutcome};

/// Extensions scored (compared case-insensitively); other files are ignored.
pub const AUDIO_EXTENSIONS: [&str; 5] = ["m4a", "mp3", "ogg", "wav", "flac"];
/// Client of files directly in the inbox.
pub const NO_CLIENT: &str = "(none)";
/// Folder (inside REPORTS) that holds the per-answer state records.
pub const STATE_DIR: &str = ".starcoach-batch";

/// One recording to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The file on disk.
    pub path: PathBuf,
    /// Path relative to the inbox, `/`-separated: the answer's identity across runs.
    pub rel: String,
    pub client: String,
    /// Folder of the client's reports inside REPORTS (the client name made safe).
    pub client_dir: String,
    /// Reports are `client_dir/name.{md,json,html}`.
    pub name: String,
    pub question: Option<String>,
    pub kind: Option<QuestionKind>,
    /// The file's modification time (Unix milliseconds), if known.
    pub modified: Option<i64>,
    /// A whole mock interview (`--interview`, or the manifest's `interview` column): every
    /// question found and each answer scored against its own.
    pub interview: bool,
}

impl Item {
    /// The report path relative to REPORTS, without extension.
    pub fn report_rel(&self, ext: &str) -> String {
        format!("{}/{}.{ext}", self.client_dir, self.name)
    }
}

/// One manifest row's overrides.
#[derive(Debug, Clone, Default, Deserialize)]
struct ManifestRow {
    file: String,
    #[serde(default)]
    client: Option<String>,
    #[serde(default)]
    question: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    interview: Option<String>,
}

/// Overrides per file, from the manifest CSV (`file,client,question,type,interview`; empty
/// cells and missing columns keep the default). `file` is the path relative to the inbox, or a
/// bare file name when that is unique in the inbox; `interview` is yes or no.
#[derive(Debug, Default)]
pub struct Manifest {
    rows: Vec<Override>,
}

/// One manifest row, parsed.
#[derive(Debug)]
struct Override {
    file: String,
    client: Option<String>,
    question: Option<String>,
    kind: Option<QuestionKind>,
    interview: Option<bool>,
}

/// A manifest's yes/no cell.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let mut rdr = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(true)
            .from_path(path)
            .with_context(|| format!("{}: cannot read the manifest", path.display()))?;
        let mut rows = Vec::new();
        for (i, row) in rdr.deserialize::<ManifestRow>().enumerate() {
            let row = row.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
            let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
            let kind = match nonempty(row.kind) {
                Some(k) => Some(
                    k.parse::<QuestionKind>()
                        .map_err(|e| anyhow::anyhow!("{}: row {}: {e}", path.display(), i + 2))?,
                ),
                None => None,
            };
            let interview = match nonempty(row.interview) {
                Some(cell) => Some(yes_no(&cell).ok_or_else(|| {
                    anyhow::anyhow!(
                        "{}: row {}: interview {cell:?}: give yes or no",
                        path.display(),
                        i + 2
                    )
                })?),
                None => None,
            };
            rows.push(Override {
                file: row
                    .file
                    .replace('\\', "/")
                    .trim_start_matches("./")
                    .to_string(),
                client: nonempty(row.client),
                question: nonempty(row.question),
                kind,
                interview,
            });
        }
        Ok(Manifest { rows })
    }
}

/// Finds every recording under `inbox` (sorted by path), applies the manifest and names the
/// reports. Client: the first-level folder, [`NO_CLIENT`] for files directly in the inbox.
/// `interview`: every recording is a whole mock interview unless the manifest says otherwise.
pub fn discover(inbox: &Path, manifest: Option<&Manifest>, interview: bool) -> Result<Vec<Item>> {
    if !inbox.is_dir() {
        anyhow::bail!("{}: not a folder", inbox.display());
    }
    let mut items = Vec::new();
    for entry in walkdir::WalkDir::new(inbox)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("{}: cannot list", inbox.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let audio = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| AUDIO_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)));
        if !audio {
            continue;
        }
        let rel_path = path.strip_prefix(inbox).unwrap_or(path);
        if rel_path
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            continue; // hidden files and folders (e.g. a REPORTS folder inside the inbox)
        }
        let parts: Vec<String> = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = parts.join("/");
        let modified = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| jiff::Timestamp::try_from(t).ok())
            .map(|t| t.as_millisecond());
        let client = if parts.len() > 1 {
            parts[0].clone()
        } else {
            NO_CLIENT.to_string()
        };
        items.push(Item {
            path: path.to_path_buf(),
            rel,
            client,
            client_dir: String::new(),
            name: String::new(),
            question: None,
            kind: None,
            modified,
            interview,
        });
    }
    if let Some(m) = manifest {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, it) in items.iter().enumerate() {
            let base = it.rel.rsplit('/').next().unwrap_or(&it.rel).to_string();
            by_name.entry(base).or_default().push(i);
        }
        for Override {
            file,
            client,
            question,
            kind,
            interview,
        } in &m.rows
        {
            let idx = match items.iter().position(|it| &it.rel == file) {
                Some(i) => Some(i),
                None => by_name
                    .get(file.as_str())
                    .filter(|v| v.len() == 1)
                    .map(|v| v[0]),
            };
            let Some(i) = idx else {
                tracing::warn!("manifest: {file}: no such recording in the inbox");
                continue;
            };
            let it = &mut items[i];
            if let Some(c) = client {
                it.client = c.clone();
            }
            if question.is_some() {
                it.question = question.clone();
            }
            if kind.is_some() {
                it.kind = *kind;
            }
            if let Some(yes) = interview {
                it.interview = *yes;
            }
        }
    }
    name_reports(&mut items);
    Ok(items)
}

/// A client name made safe as one folder name.
pub fn safe_dir(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.()@+,".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim().trim_start_matches('.').to_string();
    if s.is_empty() {
        "_".to_string()
    } else {
        s
    }
}

/// Names each report after its file stem (subfolders joined with `-`); when two recordings of
/// one client share a name (`answer.wav`, `answer.mp3`) each gets its extension appended.
fn name_reports(items: &mut [Item]) {
    let mut dirs: HashMap<String, String> = HashMap::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    for it in items.iter_mut() {
        let dir = safe_dir(&it.client);
        // Two client names that collapse to one folder stay apart.
        let dir = match dirs.get(&dir) {
            Some(owner) if owner != &it.client => format!("{dir}-{}", short_hash(&it.client)),
            _ => dir,
        };
        dirs.entry(dir.clone()).or_insert_with(|| it.client.clone());
        it.client_dir = dir;
        let inside = if it.rel.contains('/') && it.client == it.rel.split('/').next().unwrap_or("")
        {
            it.rel.split_once('/').map_or(it.rel.as_str(), |x| x.1)
        } else {
            it.rel.as_str()
        };
        let stem = inside.rsplit_once('.').map_or(inside, |x| x.0);
        it.name = safe_dir(&stem.replace('/', "-"));
        *used
            .entry(format!("{}/{}", it.client_dir, it.name))
            .or_default() += 1;
    }
    for it in items.iter_mut() {
        if used[&format!("{}/{}", it.client_dir, it.name)] > 1 {
            let ext = it.rel.rsplit('.').next().unwrap_or("").to_lowercase();
            it.name = format!("{}-{ext}", it.name);
        }
    }
}

fn short_hash(s: &str) -> String {
    hex(&Sha256::digest(s.as_bytes()))[..8].to_string()
}

use starcoach_core::digest::{hex, sha256_file};

/// The model's identity: the SHA-256 of its content (not of its name or a sidecar file, which
/// can outlive a replaced model). Hashing takes about a second per 500 MB, so the hash is kept
/// in `REPORTS/.starcoach-batch/models.json` and reused while the file's size and times stay
/// the same.
pub fn model_id(out: &Path, model: &Path) -> Result<String> {
    let meta = std::fs::metadata(model)
        .with_context(|| format!("{}: cannot read the model", model.display()))?;
    let stamp = file_stamp(&meta);
    let abs = std::path::absolute(model).unwrap_or_else(|_| model.to_path_buf());
    let cache_path = out.join(STATE_DIR).join("models.json");
    let mut cache: BTreeMap<String, (String, String)> = std::fs::read(&cache_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let name = abs.display().to_string();
    if let Some((s, hash)) = cache.get(&name) {
        if *s == stamp {
            return Ok(format!("sha256:{hash}"));
        }
    }
    let hash = sha256_file(model)
        .with_context(|| format!("{}: cannot read the model", model.display()))?;
    cache.insert(name, (stamp, hash.clone()));
    if let Ok(json) = serde_json::to_vec(&cache) {
        // Only a cache: a batch that cannot keep it hashes again next time.
        let _ = write_atomic(&cache_path, &json);
    }
    Ok(format!("sha256:{hash}"))
}

/// Size, modification time and (on Unix) inode change time: any replacement of the file
/// changes at least one of them.
fn file_stamp(meta: &std::fs::Metadata) -> String {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let changed = {
        use std::os::unix::fs::MetadataExt;
        format!("{}.{}:{}", meta.ctime(), meta.ctime_nsec(), meta.ino())
    };
    #[cfg(not(unix))]
    let changed = String::new();
    format!("{}:{mtime}:{changed}", meta.len())
}

/// A fingerprint of the scoring rules, so a changed config file rescores (from the stored
/// transcript, without running Whisper again). Themes are left out: they do not change scores.
pub fn config_id(cfg: &ScoringConfig) -> String {
    let mut scoring = cfg.clone();
    scoring.themes.clear();
    let json = serde_json::to_string(&scoring).unwrap_or_default();
    short_hash(&json)
}

/// What happened to one answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Ok {
        answer: Box<AnswerScore>,
    },
    /// A whole mock interview: each answer scored against its own question (the summaries
    /// show one row per answer: [`Record::answers`]).
    Interview {
        interview: Box<InterviewScore>,
    },
    Failed {
        error: String,
    },
}

/// Which answer of a whole mock interview a record stands for ([`Record::answers`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// The recording's `rel` (the answer's own `rel` is this with `#qN` appended).
    pub recording: String,
    /// The recording's report name: the interview's page is `NAME.html`.
    pub interview_name: String,
    /// The question's number in the interview (1-based).
    pub number: usize,
    /// Where the answer starts in the recording, in seconds.
    pub offset_s: f64,
}

/// The remembered result of one answer: what it was computed from, and the result.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub rel: String,
    pub client: String,
    pub client_dir: String,
    pub name: String,
    pub question: Option<String>,
    pub kind: Option<QuestionKind>,
    /// Empty when the file could not be read (it is then retried on the next run).
    pub content_sha256: String,
    pub model: String,
    /// [`TranscribeOptions::output_identity`](crate::transcriber::TranscribeOptions::output_identity)
    /// of the transcript.
    #[serde(default)]
    pub decoding: String,
    pub scorer_version: u32,
    pub config: String,
    /// When the recording was made, as far as the file tells (its modification time), in Unix
    /// milliseconds: the answer's time in the practice history.
    #[serde(default)]
    pub recorded_at: Option<i64>,
    /// The recording's absolute path when it was scored (for the report's player).
    #[serde(default)]
    pub audio_path: Option<String>,
    pub outcome: Outcome,
    /// Kept so a new scorer or config rescores without transcribing again.
    pub transcript: Option<Transcript>,
    /// Scored as a whole mock interview.
    #[serde(default)]
    pub interview: bool,
    /// Set on the per-answer records of an interview ([`Record::answers`]), never stored.
    #[serde(skip)]
    pub part: Option<Part>,
}

/// What a recording was (or would be) computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub content_sha256: String,
    /// The model's content hash ([`model_id`]).
    pub model: String,
    /// Transcriber version and the options that change the words.
    pub decoding: String,
    pub config: String,
}

/// What to do with an item given its stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Same content, model, scorer, rules, question: nothing to do.
    Skip,
    /// Same transcript inputs, but the scorer, rules or question changed.
    Rescore,
    Transcribe,
}

impl Record {
    pub fn plan(&self, it: &Item, key: &Key) -> Plan {
        // An interview's answers are cut from the audio and transcribed alone: it is never
        // rescored from a stored transcript.
        let same_audio = !key.content_sha256.is_empty()
            && self.content_sha256 == key.content_sha256
            && self.model == key.model
            && self.decoding == key.decoding
            && self.interview == it.interview;
        if !same_audio {
            return Plan::Transcribe;
        }
        let same_scoring = self.scorer_version == SCORER_VERSION
            && self.config == key.config
            && self.question == it.question
            && self.kind == it.kind
            && self.client == it.client
            && self.client_dir == it.client_dir
            && self.name == it.name;
        match (&self.outcome, same_scoring) {
            (_, true) => Plan::Skip,
            (Outcome::Ok { .. }, false) if self.transcript.is_some() => Plan::Rescore,
            // A failure with new settings is tried again (it fails fast at decoding).
            _ => Plan::Transcribe,
        }
    }

    pub fn new(it: &Item, key: &Key, outcome: Outcome, transcript: Option<Transcript>) -> Record {
        Record {
            rel: it.rel.clone(),
            client: it.client.clone(),
            client_dir: it.client_dir.clone(),
            name: it.name.clone(),
            question: it.question.clone(),
            kind: it.kind,
            content_sha256: key.content_sha256.clone(),
            model: key.model.clone(),
            decoding: key.decoding.clone(),
            scorer_version: SCORER_VERSION,
            config: key.config.clone(),
            recorded_at: it.modified,
            audio_path: std::path::absolute(&it.path)
                .ok()
                .map(|p| p.display().to_string()),
            outcome,
            transcript,
            interview: it.interview,
            part: None,
        }
    }

    /// The scored answer of a one-answer record (`None` for a failure or a whole interview:
    /// see [`Record::answers`]).
    pub fn answer(&self) -> Option<&AnswerScore> {
        match &self.outcome {
            Outcome::Ok { answer } => Some(answer),
            Outcome::Interview { .. } | Outcome::Failed { .. } => None,
        }
    }

    pub fn error(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Ok { .. } | Outcome::Interview { .. } => None,
            Outcome::Failed { error } => Some(error),
        }
    }

    /// What the summaries and the history show of this record: itself, or for a whole
    /// interview one record per answer (`rel` and the SHA-256 tagged `#qN`, reports named
    /// `NAME.qN`, the question as found), or a failure when no question was found.
    pub fn answers(&self) -> Vec<Record> {
        let Outcome::Interview { interview } = &self.outcome else {
            return vec![self.clone()];
        };
        let view = |tag: String, name: String, question, outcome, part| Record {
            rel: format!("{}{tag}", self.rel),
            client: self.client.clone(),
            client_dir: self.client_dir.clone(),
            name,
            question,
            kind: None,
            content_sha256: if self.content_sha256.is_empty() {
                String::new()
            } else {
                format!("{}{tag}", self.content_sha256)
            },
            model: self.model.clone(),
            decoding: self.decoding.clone(),
            scorer_version: self.scorer_version,
            config: self.config.clone(),
            recorded_at: self.recorded_at,
            audio_path: self.audio_path.clone(),
            outcome,
            transcript: None,
            interview: true,
            part,
        };
        if interview.answers.is_empty() {
            let error = "no question found in this interview (if it holds one answer, score it without --interview)";
            return vec![view(
                String::new(),
                self.name.clone(),
                None,
                Outcome::Failed {
                    error: error.to_string(),
                },
                None,
            )];
        }
        interview
            .answers
            .iter()
            .map(|a| {
                let n = a.question.number;
                view(
                    format!("#q{n}"),
                    format!("{}.q{n}", self.name),
                    Some(a.question.text.clone()),
                    Outcome::Ok {
                        answer: Box::new(a.score.clone()),
                    },
                    Some(Part {
                        recording: self.rel.clone(),
                        interview_name: self.name.clone(),
                        number: n,
                        offset_s: a.offset_s,
                    }),
                )
            })
            .collect()
    }
}

/// Where an item's record lives.
pub fn record_path(out: &Path, rel: &str) -> PathBuf {
    out.join(STATE_DIR).join(format!(
        "{}.json",
        &hex(&Sha256::digest(rel.as_bytes()))[..24]
    ))
}

/// The lock that keeps one batch at a time on an output folder: an OS lock on
/// `REPORTS/.starcoach-batch/lock`, so it is released however the holder ends (even `kill -9`).
#[derive(Debug)]
pub struct OutLock {
    _file: std::fs::File,
}

/// Takes the output folder's lock, or says who holds it.
pub fn lock_out(out: &Path) -> Result<OutLock> {
    use fs4::fs_std::FileExt;
    use std::io::{Seek, Write};
    let dir = out.join(STATE_DIR);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let path = dir.join("lock");
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("{}: cannot open", path.display()))?;
    let locked = file
        .try_lock_exclusive()
        .with_context(|| format!("{}: cannot lock", path.display()))?;
    if !locked {
        let mut holder = String::new();
        let _ = file.read_to_string(&mut holder);
        let holder = holder.trim();
        anyhow::bail!(
            "{}: another starcoach batch is writing to this folder{}; wait for it to finish, or give another --out",
            out.display(),
            if holder.is_empty() { String::new() } else { format!(" ({holder})") }
        );
    }
    let since = jiff::Zoned::now().strftime("%Y-%m-%d %H:%M:%S");
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = write!(file, "pid {}, started {since}", std::process::id());
    Ok(OutLock { _file: file })
}

/// One part of the inbox: `--shard I/N` scores part `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("{s:?}: give the part as I/N, e.g. 2/3 (I from 1 to N)");
        let (i, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The items of one shard. Every process computes the same split from the same inbox, on any
/// machine: the longest recordings first, each to the shard with the least audio so far
/// (ties: the lower shard; equal lengths: path order), so shards take about equal time.
/// Recordings whose length cannot be read from their header count as the median known length.
pub fn shard(items: Vec<Item>, s: Shard, duration: impl Fn(&Path) -> Option<f64>) -> Vec<Item> {
    let lengths: Vec<Option<f64>> = items.iter().map(|it| duration(&it.path)).collect();
    let mut known: Vec<f64> = lengths.iter().flatten().copied().collect();
    known.sort_by(f64::total_cmp);
    let typical = known.get(known.len() / 2).copied().unwrap_or(60.0);
    // Whole milliseconds, so the order cannot hinge on float noise.
    let ms = |l: Option<f64>| (l.unwrap_or(typical).max(0.0) * 1000.0).round() as u64;
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        ms(lengths[b])
            .cmp(&ms(lengths[a]))
            .then_with(|| items[a].rel.cmp(&items[b].rel))
    });
    let mut load = vec![0u64; s.count];
    let mut mine = vec![false; items.len()];
    for i in order {
        let target = (0..s.count).min_by_key(|&k| (load[k], k)).unwrap_or(0);
        load[target] += ms(lengths[i]);
        mine[i] = target == s.index - 1;
    }
    items
        .into_iter()
        .zip(mine)
        .filter_map(|(it, m)| m.then_some(it))
        .collect()
}

/// The answers of the last run into an output folder (`.starcoach-batch/current.json`): what
/// its summaries show, and what `batch merge` takes from it.
pub fn save_current(out: &Path, items: &[Item]) -> Result<()> {
    let rels: Vec<&str> = items.iter().map(|it| it.rel.as_str()).collect();
    write_atomic(
        &out.join(STATE_DIR).join("current.json"),
        &serde_json::to_vec(&rels)?,
    )
}

/// The answers listed by [`save_current`], or an error naming the folder.
pub fn load_current(out: &Path) -> Result<Vec<String>> {
    let path = out.join(STATE_DIR).join("current.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        anyhow::anyhow!(
            "{}: not a starcoach batch output folder (cannot read {}: {e})",
            out.display(),
            path.display()
        )
    })?;
    serde_json::from_str(&text).with_context(|| format!("{}: damaged", path.display()))
}

/// The stored record of an item, if any (an unreadable record counts as none).
pub fn load_record(out: &Path, rel: &str) -> Option<Record> {
    let text = std::fs::read_to_string(record_path(out, rel)).ok()?;
    serde_json::from_str::<Record>(&text)
        .ok()
        .filter(|r| r.rel == rel)
}

pub fn save_record(out: &Path, r: &Record) -> Result<()> {
    let json = serde_json::to_vec(r)?;
    write_atomic(&record_path(out, &r.rel), &json)
}

/// Current records of the given items, grouped by client folder (clients and answers in
/// name order).
pub fn group(records: &[Record]) -> BTreeMap<String, Vec<&Record>> {
    let mut by: BTreeMap<String, Vec<&Record>> = BTreeMap::new();
    for r in records {
        by.entry(r.client_dir.clone()).or_default().push(r);
    }
    for v in by.values_mut() {
        v.sort_by(|a, b| a.rel.cmp(&b.rel));
    }
    by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(p: &Path) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, b"x").unwrap();
    }

    #[test]
    fn discovers_clients_names_and_collisions() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        for f in [
            "alice/answer.wav",
            "alice/answer.MP3",
            "alice/notes.txt",
            "bob/week1/intro.ogg",
            "top.flac",
            ".hidden/x.wav",
            "weird:name/a.m4a",
        ] {
            touch(&r.join(f));
        }
        let items = discover(r, None, false).unwrap();
        let got: Vec<(String, String, String)> = items
            .iter()
            .map(|i| (i.rel.clone(), i.client.clone(), i.report_rel("html")))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "alice/answer.MP3".into(),
                    "alice".into(),
                    "alice/answer-mp3.html".into()
                ),
                (
                    "alice/answer.wav".into(),
                    "alice".into(),
                    "alice/answer-wav.html".into()
                ),
                (
                    "bob/week1/intro.ogg".into(),
                    "bob".into(),
                    "bob/week1-intro.html".into()
                ),
                (
                    "top.flac".into(),
                    NO_CLIENT.into(),
                    "(none)/top.html".into()
                ),
                (
                    "weird:name/a.m4a".into(),
                    "weird:name".into(),
                    "weird_name/a.html".into()
                ),
            ]
        );
    }

    #[test]
    fn manifest_overrides() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path().join("in");
        touch(&r.join("a/one.wav"));
        touch(&r.join("a/two.wav"));
        let m = d.path().join("m.csv");
        std::fs::write(
            &m,
            "file,client,question,type\na/one.wav,Zoe,Why us?,motivation\ntwo.wav,,Tell me about a time,\nmissing.wav,x,,\n",
        )
        .unwrap();
        let items = discover(&r, Some(&Manifest::load(&m).unwrap()), false).unwrap();
        assert_eq!(items[0].client, "Zoe");
        assert_eq!(items[0].kind, Some(QuestionKind::Motivation));
        assert_eq!(items[0].question.as_deref(), Some("Why us?"));
        assert_eq!(items[1].client, "a");
        assert_eq!(items[1].question.as_deref(), Some("Tell me about a time"));
        std::fs::write(&m, "file,client,question,type\na/one.wav,,,poetry\n").unwrap();
        assert!(Manifest::load(&m).is_err());
    }

    #[test]
    fn plans_skip_rescore_or_transcribe() {
        let it = Item {
            path: "in/a/x.wav".into(),
            rel: "a/x.wav".into(),
            client: "a".into(),
            client_dir: "a".into(),
            name: "x".into(),
            question: None,
            kind: None,
            modified: None,
            interview: false,
        };
        let key = Key {
            content_sha256: "c".into(),
            model: "m".into(),
            decoding: "d".into(),
            config: "k".into(),
        };
        let t = Transcript::from_plain_text("I fixed it.", None);
        let a =
            crate::pipeline::Pipeline::text_only(ScoringConfig::default()).score(&t, None, None);
        let ok = Record::new(
            &it,
            &key,
            Outcome::Ok {
                answer: Box::new(a),
            },
            Some(t),
        );
        assert_eq!(ok.plan(&it, &key), Plan::Skip);
        let mut asked = it.clone();
        asked.question = Some("Why us?".into());
        assert_eq!(ok.plan(&asked, &key), Plan::Rescore);
        let mut old = ok.clone();
        old.scorer_version = SCORER_VERSION + 1;
        assert_eq!(old.plan(&it, &key), Plan::Rescore);
        for changed in [
            Key {
                content_sha256: "d".into(),
                ..key.clone()
            },
            Key {
                model: "n".into(),
                ..key.clone()
            },
            Key {
                decoding: "plain".into(),
                ..key.clone()
            },
            Key {
                content_sha256: String::new(),
                ..key.clone()
            },
        ] {
            assert_eq!(ok.plan(&it, &changed), Plan::Transcribe);
        }
        let failed = Record::new(
            &it,
            &key,
            Outcome::Failed {
                error: "bad".into(),
            },
            None,
        );
        assert_eq!(failed.plan(&it, &key), Plan::Skip);
        assert_eq!(failed.plan(&asked, &key), Plan::Transcribe);
    }

    #[test]
    fn model_identity_is_its_content() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        let m = d.path().join("m.bin");
        std::fs::write(&m, b"model").unwrap();
        // A stale sidecar is not believed.
        std::fs::write(
            d.path().join("m.bin.sha256"),
            format!("{}  m.bin\n", "a".repeat(64)),
        )
        .unwrap();
        let first = model_id(&out, &m).unwrap();
        assert_eq!(first, format!("sha256:{}", sha256_file(&m).unwrap()));
        assert!(out.join(STATE_DIR).join("models.json").is_file(), "cached");
        assert_eq!(model_id(&out, &m).unwrap(), first);
        // Replaced with other content of the same size: a new identity.
        std::fs::remove_file(&m).unwrap();
        std::fs::write(&m, b"other").unwrap();
        assert_ne!(model_id(&out, &m).unwrap(), first);
    }

    #[test]
    fn themes_do_not_change_the_config_identity() {
        let plain = ScoringConfig::default();
        let mut themed = plain.clone();
        themed.themes = ScoringConfig::from_toml_str(
            "[[themes]]\nname = \"Calm under pressure\"\nphrases = [\"calm\"]\n",
        )
        .unwrap()
        .themes;
        assert!(!themed.themes.is_empty());
        assert_eq!(config_id(&plain), config_id(&themed));
        let mut stricter = plain.clone();
        stricter.delivery = ScoringConfig::from_toml_str("[delivery]\nmin_wpm = 100.0\n")
            .unwrap()
            .delivery;
        assert_ne!(config_id(&plain), config_id(&stricter));
    }
}
