//! The practice session engine behind `record`: asks each question, records the answer from
//! the microphone with a live timer and level meter, and keeps `session.json` current after
//! every answer so nothing said is lost, whatever way the session ends.
//!
//! It takes questions as plain data and hands each finished answer to a caller-supplied
//! callback; transcription and scoring plug in there, so this module knows nothing of them.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Serialize;

use crate::score::QuestionKind;

use crate::capture::{self, CaptureOptions, EndReason, Recording};

/// One question to answer.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub text: String,
    /// Its kind, carried into session.json (`"behavioral"`, `"technical"`...).
    pub kind: QuestionKind,
    /// The target length of an answer, in seconds.
    pub band_min_s: f64,
    pub band_max_s: f64,
}

/// How to run a session.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    pub device: Option<String>,
    /// The session folder (created if missing).
    pub out_dir: PathBuf,
    /// Each answer ends on its own after this long; required when stdin is not a terminal.
    pub max_seconds: Option<f64>,
    /// Seconds of countdown before each answer (interactive only; any key skips it).
    pub countdown_s: u32,
    /// Interactive when stdin is a terminal, unless this forces plain mode.
    pub force_non_interactive: bool,
    pub capture: CaptureOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    Completed,
    Skipped,
    Interrupted,
    /// The device failed; the file holds what was captured before it did.
    Failed,
}

/// What `score SESSION_FOLDER` reads back from session.json: each answer's file (absent when
/// skipped), question and kind.
#[derive(Debug, serde::Deserialize)]
pub struct SessionAnswers {
    pub answers: Vec<SavedAnswer>,
}

/// One answer of [`SessionAnswers`].
#[derive(Debug, serde::Deserialize)]
pub struct SavedAnswer {
    pub question: String,
    /// `None` for a kind this version does not know (a session file from another version).
    #[serde(default, deserialize_with = "known_kind")]
    pub kind: Option<QuestionKind>,
    pub file: Option<String>,
}

fn known_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<QuestionKind>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(d)?;
    Ok(text.and_then(|k| k.parse().ok()))
}

/// One answered (or skipped) question, as written to session.json.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRecord {
    /// 1-based.
    pub index: usize,
    pub question: String,
    pub kind: QuestionKind,
    pub band_min_s: f64,
    pub band_max_s: f64,
    pub status: AnswerStatus,
    /// File name inside the session folder; absent when skipped.
    pub file: Option<String>,
    /// Absolute path of the same file, for the callback.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    pub duration_s: f64,
    pub sample_rate: Option<u32>,
    pub channels: Option<u16>,
    pub overruns: u64,
    pub dropped_frames: u64,
    /// How many times the answer was restarted with `r`.
    pub redos: u32,
    pub ended_by: Option<EndReason>,
    pub error: Option<String>,
    /// What the per-answer callback (scoring) said, when it failed.
    pub callback_error: Option<String>,
}

#[derive(Debug, Serialize)]
struct SessionFile<'a> {
    schema_version: u32,
    started_at: &'a str,
    updated_at: String,
    device: Option<&'a str>,
    interrupted: bool,
    questions: &'a [Question],
    answers: &'a [AnswerRecord],
}

/// What a session left behind.
#[derive(Debug)]
pub struct SessionOutcome {
    pub dir: PathBuf,
    pub session_file: PathBuf,
    pub answers: Vec<AnswerRecord>,
    /// Ctrl-C ended the session (the current answer was kept).
    pub interrupted: bool,
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static HANDLER: Once = Once::new();

/// Ctrl-C outside raw mode (and SIGTERM): set a flag the loops poll, so the WAV is finalised
/// normally.
fn install_interrupt_handler() {
    HANDLER.call_once(|| {
        if let Err(e) = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst)) {
            tracing::warn!("cannot catch Ctrl-C: {e}");
        }
    });
}

/// Runs the questions in order. `on_answer` is called after each recorded answer (and after
/// session.json has been written); its errors are reported and kept in session.json.
/// Something that listens while an answer is recorded (the live coach): told when a recording
/// starts and ends, asked for what to add to the live line.
pub trait Listener {
    /// A recording of the answer to `q` started into `wav`.
    fn begin(&self, wav: &Path, q: &Question);
    /// What to show after the timer (pace, fillers, STAR parts heard, a nudge), if anything.
    fn line(&self, elapsed_s: f64, q: &Question) -> Option<String>;
    /// The recording ended (stopped, discarded or failed).
    fn end(&self);
}

pub fn run(
    questions: &[Question],
    opts: &SessionOptions,
    listener: Option<&dyn Listener>,
    mut on_answer: impl FnMut(&AnswerRecord) -> Result<()>,
) -> Result<SessionOutcome> {
    let interactive = !opts.force_non_interactive && std::io::stdin().is_terminal();
    if !interactive && opts.max_seconds.is_none() {
        bail!(
            "--max-seconds is required when stdin is not a terminal (nothing could end an answer)"
        );
    }
    if questions.is_empty() {
        bail!("no questions to ask");
    }
    std::fs::create_dir_all(&opts.out_dir)
        .with_context(|| format!("cannot create {}", opts.out_dir.display()))?;
    install_interrupt_handler();
    INTERRUPTED.store(false, Ordering::SeqCst);

    let mut session = Session {
        questions,
        opts,
        started_at: now(),
        answers: Vec::new(),
        interrupted: false,
        session_file: opts.out_dir.join("session.json"),
        listener,
    };
    let _raw = if interactive {
        Some(RawMode::enable()?)
    } else {
        None
    };
    let mut ui = Ui { interactive };

    for (i, q) in questions.iter().enumerate() {
        let record = session.ask(i, q, &mut ui)?;
        let has_file = record.file.is_some();
        session.answers.push(record);
        session.save()?;
        if has_file {
            let last = session.answers.last_mut().expect("just pushed");
            // Scoring is plugged in by the caller; what it prints needs the terminal cooked
            // (in raw mode a newline does not return the cursor).
            let cooked = _raw.is_some() && crossterm::terminal::disable_raw_mode().is_ok();
            let scored = on_answer(last);
            if cooked {
                let _ = crossterm::terminal::enable_raw_mode();
            }
            if let Err(e) = scored {
                ui.line(&format!("warning: answer {} was saved, but: {e:#}", i + 1));
                last.callback_error = Some(format!("{e:#}"));
                session.save()?;
            }
        }
        if session.interrupted {
            break;
        }
    }
    Ok(SessionOutcome {
        dir: opts.out_dir.clone(),
        session_file: session.session_file.clone(),
        answers: session.answers,
        interrupted: session.interrupted,
    })
}

struct Session<'a> {
    listener: Option<&'a dyn Listener>,
    questions: &'a [Question],
    opts: &'a SessionOptions,
    started_at: String,
    answers: Vec<AnswerRecord>,
    interrupted: bool,
    session_file: PathBuf,
}

/// What the user asked for while an answer was being recorded.
enum Action {
    Done,
    Redo,
    Skip,
    Interrupt,
}

impl Session<'_> {
    fn ask(&mut self, i: usize, q: &Question, ui: &mut Ui) -> Result<AnswerRecord> {
        let n = self.questions.len();
        ui.line("");
        ui.line(&format!(
            "Question {}/{n} ({}, {}-{} s): {}",
            i + 1,
            q.kind,
            q.band_min_s,
            q.band_max_s,
            q.text
        ));
        let file_name = format!("answer-{:02}.wav", i + 1);
        let path = self.opts.out_dir.join(&file_name);
        let mut record = AnswerRecord {
            index: i + 1,
            question: q.text.clone(),
            kind: q.kind,
            band_min_s: q.band_min_s,
            band_max_s: q.band_max_s,
            status: AnswerStatus::Skipped,
            file: None,
            path: None,
            started_at: None,
            ended_at: None,
            duration_s: 0.0,
            sample_rate: None,
            channels: None,
            overruns: 0,
            dropped_frames: 0,
            redos: 0,
            ended_by: None,
            error: None,
            callback_error: None,
        };
        if ui.interactive {
            ui.line("Keys: Enter = done, r = redo, s = skip, Ctrl-C = stop the session.");
            match self.countdown(ui)? {
                Some(Action::Skip) => {
                    ui.line("skipped");
                    return Ok(record);
                }
                Some(Action::Interrupt) => {
                    self.interrupted = true;
                    record.status = AnswerStatus::Interrupted;
                    return Ok(record);
                }
                _ => {}
            }
        }
        loop {
            let started_at = now();
            let rec = capture::start(self.opts.device.as_deref(), &path, &self.capture_opts())?;
            if let Some(l) = self.listener {
                l.begin(&path, q);
            }
            let action = self.live(&rec, q, ui);
            if let Some(l) = self.listener {
                l.end();
            }
            let action = action?;
            match action {
                Action::Redo => {
                    let mut rec = rec;
                    rec.discard();
                    record.redos += 1;
                    ui.line("redo: recording again");
                    continue;
                }
                Action::Skip => {
                    let mut rec = rec;
                    rec.discard();
                    ui.line("skipped");
                    return Ok(record);
                }
                Action::Done | Action::Interrupt => {
                    let stats = rec.stop()?;
                    record.started_at = Some(started_at);
                    record.ended_at = Some(now());
                    record.file = Some(file_name);
                    record.path = Some(path.clone());
                    record.duration_s = stats.duration_s;
                    record.sample_rate = Some(stats.sample_rate);
                    record.channels = Some(stats.channels);
                    record.overruns = stats.overruns;
                    record.dropped_frames = stats.dropped_frames;
                    record.ended_by = Some(stats.ended_by);
                    record.error = stats.error.clone();
                    record.status = if matches!(action, Action::Interrupt) {
                        self.interrupted = true;
                        AnswerStatus::Interrupted
                    } else if stats.ended_by == EndReason::DeviceError {
                        AnswerStatus::Failed
                    } else {
                        AnswerStatus::Completed
                    };
                    let mut summary = format!(
                        "saved {} ({:.1} s{})",
                        path.display(),
                        stats.duration_s,
                        match record.status {
                            AnswerStatus::Interrupted => ", interrupted",
                            _ => "",
                        }
                    );
                    if stats.overruns > 0 {
                        summary.push_str(&format!(
                            "; warning: {} overrun(s), {} frames lost",
                            stats.overruns, stats.dropped_frames
                        ));
                    }
                    if let Some(e) = &stats.error {
                        summary.push_str(&format!("; the device failed: {e}"));
                    }
                    ui.line(&summary);
                    return Ok(record);
                }
            }
        }
    }

    fn capture_opts(&self) -> CaptureOptions {
        CaptureOptions {
            max_seconds: self.opts.max_seconds,
            ..self.opts.capture.clone()
        }
    }

    /// Counts down; any key but `s` and Ctrl-C starts at once.
    fn countdown(&self, ui: &mut Ui) -> Result<Option<Action>> {
        for left in (1..=self.opts.countdown_s).rev() {
            ui.status(&format!("starting in {left}... (any key to start now)"));
            let until = Instant::now() + Duration::from_secs(1);
            while Instant::now() < until {
                if INTERRUPTED.load(Ordering::SeqCst) {
                    return Ok(Some(Action::Interrupt));
                }
                if let Some(key) = poll_key(Duration::from_millis(50))? {
                    ui.status("");
                    return Ok(match key {
                        Key::Skip => Some(Action::Skip),
                        Key::Interrupt => Some(Action::Interrupt),
                        _ => None,
                    });
                }
            }
        }
        ui.status("");
        Ok(None)
    }

    /// Shows the timer and level until the answer ends.
    fn live(&self, rec: &Recording, q: &Question, ui: &mut Ui) -> Result<Action> {
        let opened = Instant::now();
        let mut last_signal = Instant::now();
        let mut last_plain = Instant::now();
        loop {
            if INTERRUPTED.load(Ordering::SeqCst) {
                ui.status("");
                return Ok(Action::Interrupt);
            }
            if rec.is_finished() {
                ui.status("");
                return Ok(Action::Done);
            }
            let level = rec.level();
            if level.peak > SIGNAL_PEAK {
                last_signal = Instant::now();
            }
            let silent = last_signal.elapsed() >= Duration::from_secs(2)
                && opened.elapsed() >= Duration::from_secs(2);
            let mut line = render(
                rec.elapsed_s(),
                q,
                level.rms,
                level.peak,
                silent,
                rec.overruns(),
            );
            if let Some(heard) = self.listener.and_then(|l| l.line(rec.elapsed_s(), q)) {
                line.push_str("  ");
                line.push_str(&heard);
            }
            if ui.interactive {
                ui.status(&line);
                if let Some(key) = poll_key(Duration::from_millis(100))? {
                    match key {
                        Key::Enter => {
                            ui.status("");
                            return Ok(Action::Done);
                        }
                        Key::Redo => {
                            ui.status("");
                            return Ok(Action::Redo);
                        }
                        Key::Skip => {
                            ui.status("");
                            return Ok(Action::Skip);
                        }
                        Key::Interrupt => {
                            ui.status("");
                            return Ok(Action::Interrupt);
                        }
                        Key::Other => {}
                    }
                }
            } else {
                if silent && last_plain.elapsed() >= Duration::from_secs(5) {
                    crate::errln!("warning: no input signal (is the microphone muted?)");
                    last_plain = Instant::now();
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    /// Writes session.json through a temporary file and a rename, so it is never half-written.
    fn save(&self) -> Result<()> {
        let doc = SessionFile {
            schema_version: 1,
            started_at: &self.started_at,
            updated_at: now(),
            device: self.opts.device.as_deref(),
            interrupted: self.interrupted,
            questions: self.questions,
            answers: &self.answers,
        };
        let tmp = self.opts.out_dir.join(".session.json.tmp");
        let text = serde_json::to_string_pretty(&doc)?;
        write_synced(&tmp, text.as_bytes())
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &self.session_file)
            .with_context(|| format!("cannot write {}", self.session_file.display()))?;
        Ok(())
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// A peak below this (about -54 dBFS) for 2 s means no signal: a muted or dead microphone.
const SIGNAL_PEAK: f32 = 0.002;

/// The one-line live display: `● 0:47 / 60-90 s [#####|####   |   ] level ▮▮▮▯▯▯▯▯`.
fn render(elapsed: f64, q: &Question, rms: f32, peak: f32, silent: bool, overruns: u64) -> String {
    const WIDTH: usize = 30;
    let scale = (q.band_max_s * 1.25).max(1.0);
    let col = |s: f64| ((s / scale) * WIDTH as f64).round() as usize;
    let (lo, hi, at) = (
        col(q.band_min_s),
        col(q.band_max_s),
        col(elapsed).min(WIDTH),
    );
    let bar: String = (0..WIDTH)
        .map(|c| {
            if c == lo || c == hi {
                '|'
            } else if c < at {
                '#'
            } else {
                ' '
            }
        })
        .collect();
    // Meter on a dB scale: -60 dBFS .. 0 dBFS over 10 cells.
    let db = 20.0 * (rms.max(1e-6) as f64).log10();
    let cells = (((db + 60.0) / 6.0).round().clamp(0.0, 10.0)) as usize;
    let meter: String = "#".repeat(cells) + &"-".repeat(10 - cells);
    let secs = elapsed as u64;
    let mut line = format!(
        "REC {}:{:02} / {}-{} s [{bar}] level [{meter}]",
        secs / 60,
        secs % 60,
        q.band_min_s,
        q.band_max_s
    );
    if peak >= 0.99 {
        line.push_str(" CLIPPING");
    }
    if silent {
        line.push_str("  NO INPUT SIGNAL: is the microphone muted?");
    }
    if overruns > 0 {
        line.push_str(&format!("  {overruns} overrun(s)!"));
    }
    line
}

enum Key {
    Enter,
    Redo,
    Skip,
    Interrupt,
    Other,
}

fn poll_key(timeout: Duration) -> Result<Option<Key>> {
    if !event::poll(timeout)? {
        return Ok(None);
    }
    Ok(match event::read()? {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) => Some(match code {
            KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Key::Interrupt,
            KeyCode::Enter => Key::Enter,
            KeyCode::Char('r') | KeyCode::Char('R') => Key::Redo,
            KeyCode::Char('s') | KeyCode::Char('S') => Key::Skip,
            _ => Key::Other,
        }),
        _ => None,
    })
}

/// Output for both modes: a rewritable status line in a terminal, plain lines otherwise.
struct Ui {
    interactive: bool,
}

impl Ui {
    fn line(&mut self, text: &str) {
        if self.interactive {
            let mut out = std::io::stdout();
            let _ = write!(out, "\r\x1b[2K{text}\r\n");
            let _ = out.flush();
        } else {
            crate::errln!("{text}");
        }
    }

    fn status(&mut self, text: &str) {
        if self.interactive {
            let mut out = std::io::stdout();
            let _ = write!(out, "\r\x1b[2K{text}");
            let _ = out.flush();
        }
    }
}

/// Raw terminal mode for single-key input, restored on every way out.
struct RawMode;

impl RawMode {
    fn enable() -> Result<Self> {
        crossterm::terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// UTC time as RFC 3339.
fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Millisecond)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Question {
        Question {
            text: "Tell me about a time".into(),
            kind: QuestionKind::Behavioral,
            band_min_s: 60.0,
            band_max_s: 90.0,
        }
    }

    #[test]
    fn render_shows_time_band_and_meter() {
        let line = render(47.2, &q(), 0.1, 0.5, false, 0);
        assert!(line.starts_with("REC 0:47 / 60-90 s ["), "{line}");
        assert!(line.contains("level [#######---]"), "{line}");
        assert!(!line.contains("NO INPUT"));
    }

    #[test]
    fn render_warns_on_silence_and_overruns() {
        let line = render(3.0, &q(), 0.0, 0.0, true, 2);
        assert!(line.contains("NO INPUT SIGNAL"), "{line}");
        assert!(line.contains("2 overrun(s)"), "{line}");
        assert!(line.contains("level [----------]"), "{line}");
    }
}
