//! The batch as a tokio pipeline: one decoder feeds a bounded channel, `jobs` workers run
//! Whisper on `spawn_blocking` threads (one loaded model, one whisper state per call), and
//! the collector writes each answer's reports, its record and the summaries as results come in.
//!
//! ```text
//! decoder (audio::load) --[jobs]--> workers (Pipeline::transcribe_audio + score) --> collector
//! ```
//!
//! Memory stays bounded by the channel sizes whatever the inbox holds. Ctrl-C stops the decoder
//! and the collector at once: files in flight are abandoned (their reports were never
//! started), everything already written is whole, and the next run continues.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::sync::{mpsc, Mutex};

use super::clients::{meta_of, ClientHistories};
use super::{
    config_id, discover, load_record, lock_out, model_id, pages, save_current, save_record, shard,
    Item, Key, Manifest, Outcome, Plan, Record, Shard,
};
use crate::audio::{self, Audio};
use crate::history::Recorder;
use crate::interview::InterviewScore;
use crate::pipeline::Pipeline;
use crate::report;
use crate::score::ScoringConfig;
use crate::transcriber::TranscribeOptions;
use crate::transcript::Transcript;

/// Everything a batch needs, resolved from flags.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub inbox: PathBuf,
    pub out: PathBuf,
    pub manifest: Option<PathBuf>,
    pub model: PathBuf,
    /// Recordings transcribed at once.
    pub jobs: usize,
    /// Decoding; its `threads` are Whisper threads per recording (`jobs * threads` never
    /// exceeds the cores).
    pub transcribe: TranscribeOptions,
    pub force: bool,
    pub config: ScoringConfig,
    /// Show a progress bar (else one log line per file on stderr).
    pub progress: bool,
    /// The practice history file every answer is kept in (`None`: `--no-history`).
    pub history: Option<PathBuf>,
    /// Only this part of the inbox (`--shard I/N`).
    pub shard: Option<Shard>,
    /// Every recording is a whole mock interview (`--interview`; the manifest can say
    /// otherwise per file).
    pub interview: bool,
}

/// How a batch ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    pub scored: usize,
    pub rescored: usize,
    pub skipped: usize,
    /// Failures among the current answers (this run's and remembered ones).
    pub failed: usize,
    pub interrupted: bool,
}

/// Default `--jobs`: one single-threaded Whisper per core, at most [`MAX_DEFAULT_JOBS`].
/// Measured on 2 cores (scripts/bench-batch.sh): 2 jobs x 1 thread beat 1 job x 2 threads
/// by far on a busy machine, where whisper.cpp's threads wait on each other.
pub const MAX_DEFAULT_JOBS: usize = 4;

/// `jobs` and `threads` fitted to the cores: `jobs <= cores`, `jobs * threads <= cores`.
pub fn fit_parallelism(
    jobs: Option<usize>,
    threads: Option<usize>,
    cores: usize,
) -> (usize, usize) {
    let cores = cores.max(1);
    let jobs = jobs.unwrap_or(MAX_DEFAULT_JOBS.min(cores)).clamp(1, cores);
    let fair = (cores / jobs).max(1);
    let threads = threads.map_or(fair, |t| t.clamp(1, fair));
    (jobs, threads)
}

/// Whether a progress bar can be drawn (stdout and stderr are terminals).
pub fn progress_wanted() -> bool {
    std::io::stdout().is_terminal() && std::io::stderr().is_terminal()
}

/// What Whisper made of a recording: one answer's transcript, or a whole interview scored.
enum Heard {
    Answer(Transcript),
    Interview(Box<InterviewScore>),
}

enum Done {
    Ok {
        item: Item,
        key: Key,
        heard: Heard,
        audio_s: f64,
        elapsed: Duration,
    },
    Failed {
        item: Item,
        key: Key,
        error: String,
    },
}

/// Per-file messages: above the bar, or plain lines on stderr when there is no bar.
struct Log {
    bar: ProgressBar,
    visible: bool,
}

impl Log {
    fn line(&self, s: String) {
        if self.visible {
            self.bar.println(s);
        } else {
            crate::errln!("{s}");
        }
    }
}

/// Runs a batch. Blocks until done or interrupted (Ctrl-C).
pub fn run(opts: BatchOptions) -> Result<BatchOutcome> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(opts.jobs + 2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let result = rt.block_on(run_async(opts));
    // In-flight Whisper calls of an interrupted run are not waited for.
    rt.shutdown_background();
    result
}

/// Where finished answers go: their record, the practice history and the summaries, kept
/// current after every answer.
pub(super) struct Collector {
    out: PathBuf,
    records: Vec<Option<Record>>,
    index_of: std::collections::HashMap<String, usize>,
    paths: Vec<PathBuf>,
    recorder: Option<Recorder>,
    clients: ClientHistories,
    themes: Vec<crate::themes::Theme>,
}

impl Collector {
    pub(super) fn new(
        out: &Path,
        history: Option<&Path>,
        themes: Vec<crate::themes::Theme>,
    ) -> Collector {
        Collector {
            out: out.to_path_buf(),
            records: Vec::new(),
            index_of: Default::default(),
            paths: Vec::new(),
            recorder: history.map(|p| Recorder::at(p.to_path_buf())),
            clients: ClientHistories::default(),
            themes,
        }
    }

    /// Adds an answer of this run (its record, if any, is the current one).
    pub(super) fn push(&mut self, rel: &str, path: &Path, r: Option<Record>) {
        self.index_of.insert(rel.to_string(), self.records.len());
        self.records.push(r);
        self.paths.push(path.to_path_buf());
    }

    /// Keeps a finished recording's answers in the history (replacing their own earlier
    /// entries), then its record (last: a record means the reports and the history entries
    /// are there), and rewrites the summaries.
    pub(super) fn finish(&mut self, r: Record) -> Result<()> {
        self.keep(r)?;
        self.write_pages()
    }

    /// [`Collector::finish`] without the summaries, for answers done together (rescored from
    /// their transcripts): the caller writes the pages once after them all.
    fn keep(&mut self, r: Record) -> Result<()> {
        let i = self.index_of.get(&r.rel).copied();
        self.keep_in_history(&r, i);
        save_record(&self.out, &r)?;
        if let Some(i) = i {
            self.records[i] = Some(r);
        }
        Ok(())
    }

    fn keep_in_history(&mut self, r: &Record, i: Option<usize>) {
        let Some(i) = i else {
            return;
        };
        let Some(rec) = self.recorder.as_mut() else {
            return;
        };
        let answers = r.answers();
        let mut kept = false;
        for view in &answers {
            if let Some(a) = view.answer() {
                if rec
                    .keep_recording(a, &meta_of(view, &self.paths[i]))
                    .is_none()
                {
                    return;
                }
                kept = true;
            }
        }
        if !kept {
            return;
        }
        if let Some(store) = rec.store() {
            if let Err(e) = self.clients.refresh(store, &r.client, &r.client_dir) {
                crate::errln!("warning: cannot read the history back: {e}");
            }
        }
    }

    /// Makes sure every answer scored earlier is in the history too (answers scored with
    /// `--no-history`, or by a batch before batches kept them), then reads each client's
    /// answers from it.
    pub(super) fn sync_history(&mut self) {
        let current = self.current();
        let mut recorder = self.recorder.take();
        if let Some(rec) = recorder.as_mut() {
            'kept: for (r, path) in self.records.iter().zip(&self.paths) {
                for view in r.iter().flat_map(Record::answers) {
                    if let Some(a) = view.answer() {
                        if rec.keep_recording(a, &meta_of(&view, path)).is_none() {
                            break 'kept;
                        }
                    }
                }
            }
            if let Some(store) = rec.store() {
                match ClientHistories::load(store, &current) {
                    Ok(c) => self.clients = c,
                    Err(e) => crate::errln!("warning: cannot read the history back: {e}"),
                }
            }
        }
        self.recorder = recorder;
        if !self.clients.from_history {
            self.clients = ClientHistories::from_records(&current);
        }
    }

    /// The current answers: one record per answer (a whole interview gives one per question).
    fn current(&self) -> Vec<Record> {
        self.records
            .iter()
            .flatten()
            .flat_map(Record::answers)
            .collect()
    }

    pub(super) fn write_pages(&mut self) -> Result<()> {
        let current = self.current();
        if !self.clients.from_history {
            self.clients = ClientHistories::from_records(&current);
        }
        pages::write_all(&self.out, &current, &self.clients, &self.themes)
    }

    /// The current answers (an interview counts each of its answers).
    pub(super) fn answers(&self) -> usize {
        self.current().len()
    }

    /// Failures among the current answers.
    pub(super) fn failed(&self) -> usize {
        self.current()
            .iter()
            .filter(|r| r.answer().is_none())
            .count()
    }
}

/// One planned item: its key, its stored record, what to do, and why it cannot be read.
type Planned = (Item, Key, Option<Record>, Plan, Option<String>);

/// Hashes every file (fast next to Whisper) and decides what to do with each, so skips are
/// known and the ETA is honest.
fn plan_all(
    items: Vec<Item>,
    out: &Path,
    model: &str,
    decoding: &str,
    config: &str,
    force: bool,
) -> Vec<Planned> {
    items
        .into_iter()
        .map(|it| {
            let hashed = starcoach_core::digest::sha256_file(&it.path);
            let key = Key {
                content_sha256: hashed.as_ref().map(String::clone).unwrap_or_default(),
                model: model.to_string(),
                decoding: decoding.to_string(),
                config: config.to_string(),
            };
            let old = load_record(out, &it.rel);
            let plan = match (&old, force) {
                (Some(r), false) => r.plan(&it, &key),
                _ => Plan::Transcribe,
            };
            let read_error = hashed
                .err()
                .map(|e| format!("{}: cannot read ({e})", it.rel));
            (it, key, old, plan, read_error)
        })
        .collect()
}

async fn run_async(opts: BatchOptions) -> Result<BatchOutcome> {
    let manifest = opts.manifest.as_deref().map(Manifest::load).transpose()?;
    let mut items = discover(&opts.inbox, manifest.as_ref(), opts.interview)?;
    if let Some(s) = opts.shard {
        items = tokio::task::spawn_blocking(move || shard(items, s, audio::probe_duration)).await?;
    }
    std::fs::create_dir_all(&opts.out)
        .with_context(|| format!("{}: cannot create folder", opts.out.display()))?;
    let _lock = lock_out(&opts.out)?;
    crate::fsutil::remove_stale_temps(&opts.out);
    save_current(&opts.out, &items)?;
    let model = model_id(&opts.out, &opts.model)?;
    let decoding = opts.transcribe.output_identity();
    let config = config_id(&opts.config);
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                flag.store(true, Ordering::SeqCst);
            }
        });
    }

    let out = opts.out.clone();
    let force = opts.force;
    let planned = tokio::task::spawn_blocking(move || {
        plan_all(items, &out, &model, &decoding, &config, force)
    })
    .await?;

    let mut outcome = BatchOutcome::default();
    let mut collector = Collector::new(
        &opts.out,
        opts.history.as_deref(),
        opts.config.themes.clone(),
    );
    let bar = ProgressBar::with_draw_target(
        Some(0),
        if opts.progress {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    let log = Log {
        bar: bar.clone(),
        visible: opts.progress,
    };
    let todo = settle_planned(planned, &opts, &mut collector, &log, &mut outcome)?;
    if !todo.is_empty() {
        transcribe_todo(
            todo,
            &opts,
            &mut collector,
            &log,
            &interrupted,
            &mut outcome,
        )
        .await?;
    }
    outcome.interrupted = interrupted.load(Ordering::SeqCst);
    outcome.failed = collector.failed();
    Ok(outcome)
}

/// Settles every planned answer that needs no transcription (skipped, rescored from its
/// transcript, unreadable), writes the summaries once, and returns the ones to transcribe.
fn settle_planned(
    planned: Vec<Planned>,
    opts: &BatchOptions,
    collector: &mut Collector,
    log: &Log,
    outcome: &mut BatchOutcome,
) -> Result<Vec<(Item, Key)>> {
    let mut todo = Vec::new();
    let mut now = Vec::new();
    for (it, key, old, plan, read_error) in planned {
        match (plan, read_error) {
            (_, Some(err)) => {
                let r = Record::new(&it, &key, Outcome::Failed { error: err.clone() }, None);
                log.line(format!("failed  {}: {err}", it.rel));
                collector.push(&it.rel, &it.path, None);
                now.push(r);
            }
            (Plan::Skip, None) => {
                match old.as_ref().and_then(|r| r.error()) {
                    Some(e) => log.line(format!("skipped {} (failed before: {e})", it.rel)),
                    None => log.line(format!("skipped {} (already scored)", it.rel)),
                }
                outcome.skipped += 1;
                collector.push(&it.rel, &it.path, old);
            }
            (Plan::Rescore, None) => {
                let t = old
                    .and_then(|r| r.transcript)
                    .context("internal: rescore without a transcript")?;
                let pipeline = Pipeline::text_only(opts.config.clone());
                let r = finish_ok(&opts.out, &pipeline, &it, &key, t)?;
                log.line(format!(
                    "rescored {} (score {})",
                    it.rel,
                    r.answer().map_or(0, |a| a.score)
                ));
                outcome.rescored += 1;
                collector.push(&it.rel, &it.path, None);
                now.push(r);
            }
            (Plan::Transcribe, None) => {
                // Until it is redone, the answer's earlier result (reports still on disk)
                // stays in the summaries: an interrupted `--force` never shrinks them.
                collector.push(&it.rel, &it.path, old);
                todo.push((it, key));
            }
        }
    }
    collector.sync_history();
    for r in now {
        collector.keep(r)?;
    }
    collector.write_pages()?;
    Ok(todo)
}

/// Transcribes and scores `todo` with `opts.jobs` workers, each answer's reports and record
/// written as it finishes, until all are done or Ctrl-C.
async fn transcribe_todo(
    todo: Vec<(Item, Key)>,
    opts: &BatchOptions,
    collector: &mut Collector,
    log: &Log,
    interrupted: &Arc<AtomicBool>,
    outcome: &mut BatchOutcome,
) -> Result<()> {
    let pipeline = Arc::new(
        Pipeline::with_model(&opts.model, opts.transcribe, opts.config.clone())
            .context("loading the model")?,
    );
    let bar = &log.bar;
    bar.set_length(todo.len() as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30.cyan/blue} {pos}/{len} files  {msg}  ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("0.0 audio min, 0 failed");
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut done_rx = start_workers(todo, pipeline.clone(), opts.jobs, interrupted.clone());

    let mut audio_s = 0.0;
    let mut failed_now = 0;
    loop {
        let done = tokio::select! {
            d = done_rx.recv() => d,
            _ = wait_for(interrupted) => None,
        };
        let Some(done) = done else { break };
        let (r, line) = match done {
            Done::Ok {
                item,
                key,
                heard,
                audio_s: secs,
                elapsed,
            } => {
                audio_s += secs;
                let (r, what) = match heard {
                    Heard::Answer(t) => {
                        let r = finish_ok(&opts.out, &pipeline, &item, &key, t)?;
                        let what = format!("score {}", r.answer().map_or(0, |a| a.score));
                        (r, what)
                    }
                    Heard::Interview(s) => {
                        let what = interview_line(&s);
                        (finish_interview(&opts.out, &item, &key, s)?, what)
                    }
                };
                outcome.scored += 1;
                let line = format!(
                    "ok      {} ({what}, {secs:.0} s audio in {:.1} s)",
                    item.rel,
                    elapsed.as_secs_f64()
                );
                (r, line)
            }
            Done::Failed { item, key, error } => {
                failed_now += 1;
                // Messages start with the path; the summary already names the file.
                let shown = format!("{}: ", item.path.display());
                let error = error.strip_prefix(&shown).unwrap_or(&error).to_string();
                let line = format!("failed  {}: {error}", item.rel);
                (
                    Record::new(&item, &key, Outcome::Failed { error }, None),
                    line,
                )
            }
        };
        collector.finish(r)?;
        log.line(line);
        bar.inc(1);
        bar.set_message(format!(
            "{:.1} audio min, {failed_now} failed",
            audio_s / 60.0
        ));
    }
    bar.finish_and_clear();
    Ok(())
}

/// The decoder and the `jobs` workers; finished answers come out of the returned channel.
fn start_workers(
    todo: Vec<(Item, Key)>,
    pipeline: Arc<Pipeline>,
    jobs: usize,
    stop: Arc<AtomicBool>,
) -> mpsc::Receiver<Done> {
    let (job_tx, job_rx) = mpsc::channel::<(Item, Key, Result<Audio, String>)>(jobs);
    let (done_tx, done_rx) = mpsc::channel::<Done>(jobs * 2);
    // Decoder: one file at a time, ahead of the workers by at most `jobs` files.
    let decoder_stop = stop.clone();
    tokio::spawn(async move {
        for (it, key) in todo {
            if decoder_stop.load(Ordering::SeqCst) {
                break;
            }
            let path = it.path.clone();
            let decoded = tokio::task::spawn_blocking(move || audio::load(&path))
                .await
                .map_err(|e| e.to_string())
                .and_then(|r| r.map_err(|e| e.to_string()));
            if job_tx.send((it, key, decoded)).await.is_err() {
                break;
            }
        }
    });
    let job_rx = Arc::new(Mutex::new(job_rx));
    for _ in 0..jobs {
        let job_rx = job_rx.clone();
        let done_tx = done_tx.clone();
        let pipeline = pipeline.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            loop {
                let next = job_rx.lock().await.recv().await;
                let Some((item, key, decoded)) = next else {
                    break;
                };
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let done = match decoded {
                    Err(error) => Done::Failed { item, key, error },
                    Ok(audio) => transcribe_one(&pipeline, item, key, audio).await,
                };
                if done_tx.send(done).await.is_err() {
                    break;
                }
            }
        });
    }
    done_rx
}

async fn transcribe_one(pipeline: &Arc<Pipeline>, item: Item, key: Key, audio: Audio) -> Done {
    let p = pipeline.clone();
    let shown = item.path.display().to_string();
    let started = std::time::Instant::now();
    let audio_s = audio.duration_s;
    let interview = item.interview;
    let r = tokio::task::spawn_blocking(move || {
        if interview {
            p.interview_decoded(&audio, &shown)
                .map(|s| Heard::Interview(Box::new(s)))
        } else {
            p.transcribe_audio(&audio, &shown).map(Heard::Answer)
        }
    })
    .await;
    match r {
        Ok(Ok(heard)) => Done::Ok {
            item,
            key,
            heard,
            audio_s,
            elapsed: started.elapsed(),
        },
        Ok(Err(e)) => Done::Failed {
            item,
            key,
            error: format!("{e:#}"),
        },
        Err(e) => Done::Failed {
            item,
            key,
            error: format!("transcription crashed: {e}"),
        },
    }
}

/// Resolves once the interrupt flag is set.
async fn wait_for(flag: &AtomicBool) {
    while !flag.load(Ordering::SeqCst) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// An answer's HTML report in a batch output: links to the client's summary and the index,
/// and a player for the recording (linked where it lies, when there is a relative way there).
pub(super) fn answer_page(
    out: &Path,
    a: &crate::score::AnswerScore,
    client: &str,
    client_dir: &str,
    recording: Option<&Path>,
) -> String {
    let player = answer_player(out, client_dir, recording);
    let summary = format!("← {client} summary");
    report::render_html_with(a, &answer_links(&summary), player.as_ref())
}

/// The links at the top of an answer's page in a batch output (`summary`: the client's).
fn answer_links(summary: &str) -> [(&str, &str); 2] {
    [(summary, "index.html"), ("All clients", "../index.html")]
}

/// The player of an answer's page: the recording, linked where it lies (when there is a
/// relative way there from the client's folder).
fn answer_player(
    out: &Path,
    client_dir: &str,
    recording: Option<&Path>,
) -> Option<report::Recording> {
    recording
        .filter(|p| p.is_file())
        .and_then(|p| report::Recording::beside(&out.join(client_dir), p))
}

/// "3 questions, scores 71 64 80" for a whole interview's log line.
fn interview_line(s: &InterviewScore) -> String {
    let scores: Vec<String> = s
        .answers
        .iter()
        .map(|a| a.score.score.to_string())
        .collect();
    match scores.len() {
        0 => "no question found".to_string(),
        1 => format!("1 question, score {}", scores[0]),
        n => format!("{n} questions, scores {}", scores.join(" ")),
    }
}

/// Writes a whole interview's reports (`NAME.{md,json,html}` and each answer's
/// `NAME.qN.{md,json,html}`, linked to the client's summary) and makes its record.
fn finish_interview(
    out: &Path,
    it: &Item,
    key: &Key,
    mut s: Box<InterviewScore>,
) -> Result<Record> {
    for a in &mut s.answers {
        a.score.source = Some(format!("{} (question {})", it.rel, a.question.number));
    }
    interview_pages(
        out,
        &s,
        &it.client,
        &it.client_dir,
        &it.name,
        Some(&it.path),
    )?;
    Ok(Record::new(
        it,
        key,
        Outcome::Interview { interview: s },
        None,
    ))
}

/// A whole interview's reports in a batch output, linked to the client's summary and the
/// index, with a player for the recording (when there is a relative way to it).
pub(super) fn interview_pages(
    out: &Path,
    s: &InterviewScore,
    client: &str,
    client_dir: &str,
    name: &str,
    recording: Option<&Path>,
) -> Result<()> {
    let player = answer_player(out, client_dir, recording);
    let summary = format!("← {client} summary");
    crate::reports::write_interview(
        &out.join(client_dir),
        name,
        s,
        player.as_ref(),
        &answer_links(&summary),
    )
}

/// Scores a transcript and writes the answer's three reports; the record is written by
/// [`Collector::finish`] (last, so a record always means the reports are whole).
fn finish_ok(
    out: &Path,
    pipeline: &Pipeline,
    it: &Item,
    key: &Key,
    t: Transcript,
) -> Result<Record> {
    let mut a = pipeline.score(&t, it.question.as_deref(), it.kind);
    a.source = Some(it.rel.clone());
    let player = answer_player(out, &it.client_dir, Some(&it.path));
    let summary = format!("← {} summary", it.client);
    crate::reports::write_answer(
        &out.join(&it.client_dir),
        &it.name,
        &a,
        &answer_links(&summary),
        player.as_ref(),
    )?;
    Ok(Record::new(
        it,
        key,
        Outcome::Ok {
            answer: Box::new(a),
        },
        Some(t),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallelism_never_exceeds_cores() {
        assert_eq!(fit_parallelism(Some(1), None, 2), (1, 2));
        assert_eq!(fit_parallelism(Some(2), None, 2), (2, 1));
        assert_eq!(fit_parallelism(Some(4), Some(4), 2), (2, 1));
        assert_eq!(fit_parallelism(Some(1), Some(8), 4), (1, 4));
        assert_eq!(fit_parallelism(Some(0), Some(0), 0), (1, 1));
        assert_eq!(fit_parallelism(None, None, 2), (2, 1));
        assert_eq!(fit_parallelism(None, None, 16), (4, 4));
    }
}
