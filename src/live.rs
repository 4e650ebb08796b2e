//! The live coach: while an answer is recorded, a background thread transcribes and scores what
//! has been said so far, about once a second, through the same pipeline as `score`. The live
//! line shows pace, fillers and the STAR parts heard, with at most a gentle nudge; every piece
//! decoded stays in a [`PieceCache`], so when the answer ends only its last piece is left to
//! transcribe and the report follows the stop within about a second.
//!
//! The capture keeps its own thread and ring buffer: this thread only reads the WAV file the
//! writer keeps readable, so a slow machine falls behind (fewer updates) without losing audio,
//! and catches up at the stop.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::audio;
use crate::pipeline::Pipeline;
use crate::score::star::StarPart;
use crate::session::{Listener, Question};
use crate::transcriber::PieceCache;

/// How often the answer so far is transcribed again.
const UPDATE: Duration = Duration::from_millis(1000);
/// Fillers this close together (seconds) and this many make a cluster worth a nudge.
const CLUSTER_S: f64 = 6.0;
const CLUSTER_N: usize = 3;
/// How long a nudge stays on the line.
const NUDGE_SHOWN: Duration = Duration::from_secs(6);
/// The result nudge comes this long before the band's upper end.
const WRAP_UP_BEFORE_S: f64 = 15.0;

/// What has been heard of the answer so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heard {
    /// Seconds of the recording transcribed.
    pub upto_s: f64,
    pub words: usize,
    pub wpm: f64,
    /// When each filler was said.
    pub fillers: Vec<f64>,
    /// STAR parts heard (behavioral answers).
    pub parts: Vec<StarPart>,
    /// Whether the answer's kind is judged on STAR.
    pub star: bool,
}

/// Nudges already given for this answer.
#[derive(Debug, Default)]
struct Nudges {
    shown: Option<(String, Instant)>,
    wrap_up_given: bool,
    /// The time of the last filler of the last cluster nudged about.
    cluster_until_s: f64,
}

/// The live coach for one `record` session.
pub struct Coach {
    pipeline: Arc<Pipeline>,
    cache: Arc<PieceCache>,
    heard: Arc<Mutex<Heard>>,
    nudges: Mutex<Nudges>,
    worker: Mutex<Option<(Arc<AtomicBool>, JoinHandle<()>)>>,
}

impl Coach {
    pub fn new(pipeline: Arc<Pipeline>) -> Coach {
        Coach {
            pipeline,
            cache: Arc::new(PieceCache::default()),
            heard: Arc::default(),
            nudges: Mutex::default(),
            worker: Mutex::new(None),
        }
    }

    /// The pieces decoded while recording, for the final transcription.
    pub fn cache(&self) -> &PieceCache {
        &self.cache
    }

    /// What has been heard so far.
    pub fn heard(&self) -> Heard {
        self.heard.lock().map(|h| h.clone()).unwrap_or_default()
    }

    fn stop_worker(&self) {
        let worker = self.worker.lock().ok().and_then(|mut w| w.take());
        if let Some((stop, handle)) = worker {
            stop.store(true, Ordering::SeqCst);
            let _ = handle.join();
        }
    }
}

/// Whisper threads for the live coach: every core but one, which the capture, the sound
/// server and the terminal keep.
fn live_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .saturating_sub(1)
        .max(1)
}

/// Lowers this thread's priority (and that of the threads it starts), so the sound server and
/// the capture always come first. Linux only; elsewhere the thread count alone leaves room.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn yield_to_audio() {
    // SAFETY: setpriority on this thread's own ID; a failure only leaves the priority as is.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_audio() {}

/// One pass over the answer so far: transcribe (reusing cached pieces), score, keep the gist.
fn listen_once(pipeline: &Pipeline, cache: &PieceCache, wav: &Path, q: &Question) -> Option<Heard> {
    let audio = audio::load_any(wav).ok()?;
    if audio.duration_s < 2.0 {
        return None;
    }
    let t = pipeline
        .transcribe_so_far(&audio, cache, live_threads())
        .ok()?;
    let a = pipeline.score(&t, Some(&q.text), Some(q.kind));
    Some(Heard {
        upto_s: audio.duration_s,
        words: a.words,
        wpm: a.wpm,
        fillers: a.fillers.iter().map(|f| f.start_s).collect(),
        parts: a
            .star
            .as_ref()
            .map(|s| {
                StarPart::ALL
                    .iter()
                    .copied()
                    .filter(|p| s.part(*p).present)
                    .collect()
            })
            .unwrap_or_default(),
        star: a.star.is_some(),
    })
}

fn worker(
    pipeline: Arc<Pipeline>,
    cache: Arc<PieceCache>,
    heard: Arc<Mutex<Heard>>,
    stop: Arc<AtomicBool>,
    wav: PathBuf,
    q: Question,
) {
    yield_to_audio();
    while !stop.load(Ordering::SeqCst) {
        let started = Instant::now();
        if let Some(h) = listen_once(&pipeline, &cache, &wav, &q) {
            tracing::debug!(
                "live: {:.1} s heard in {:.2} s",
                h.upto_s,
                started.elapsed().as_secs_f64()
            );
            if let Ok(mut slot) = heard.lock() {
                *slot = h;
            }
        }
        while !stop.load(Ordering::SeqCst) && started.elapsed() < UPDATE {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The latest cluster of fillers: [`CLUSTER_N`] or more within [`CLUSTER_S`] seconds, as the
/// time of its last filler.
fn cluster_end(fillers: &[f64]) -> Option<f64> {
    let n = fillers.len();
    (CLUSTER_N..=n)
        .rev()
        .map(|end| &fillers[end - CLUSTER_N..end])
        .find(|w| w[CLUSTER_N - 1] - w[0] <= CLUSTER_S)
        .map(|w| w[CLUSTER_N - 1])
}

/// The live line's part after the timer: `138 wpm · 2 fillers · S T A - -`.
pub fn render_heard(h: &Heard) -> String {
    if h.upto_s <= 0.0 {
        return "listening...".to_string();
    }
    let mut s = format!(
        "{:.0} wpm · {} filler{}",
        h.wpm,
        h.fillers.len(),
        if h.fillers.len() == 1 { "" } else { "s" }
    );
    if h.star {
        let letters: Vec<&str> = StarPart::ALL
            .iter()
            .map(|p| if h.parts.contains(p) { p.letter() } else { "-" })
            .collect();
        s.push_str(" · ");
        s.push_str(&letters.join(" "));
    }
    s
}

impl Nudges {
    /// The nudge to show now, if any: a result still missing near the band's end, or a burst
    /// of fillers (never a single one). Each shows for a few seconds; the result nudge once.
    fn next(&mut self, h: &Heard, elapsed_s: f64, q: &Question) -> Option<String> {
        if let Some((text, since)) = &self.shown {
            if since.elapsed() < NUDGE_SHOWN {
                return Some(text.clone());
            }
            self.shown = None;
        }
        let new = if h.star
            && !self.wrap_up_given
            && elapsed_s >= q.band_max_s - WRAP_UP_BEFORE_S
            && !h.parts.contains(&StarPart::Result)
        {
            self.wrap_up_given = true;
            Some("wrap up: what changed?".to_string())
        } else {
            match cluster_end(&h.fillers) {
                // A new burst, said in the last few seconds transcribed.
                Some(end) if end > self.cluster_until_s && h.upto_s - end <= 8.0 => {
                    self.cluster_until_s = end;
                    Some("slow down: pause instead of um".to_string())
                }
                _ => None,
            }
        };
        if let Some(text) = &new {
            self.shown = Some((text.clone(), Instant::now()));
        }
        new
    }
}

impl Listener for Coach {
    fn begin(&self, wav: &Path, q: &Question) {
        self.stop_worker();
        if let Ok(mut h) = self.heard.lock() {
            *h = Heard::default();
        }
        if let Ok(mut n) = self.nudges.lock() {
            *n = Nudges::default();
        }
        let stop = Arc::new(AtomicBool::new(false));
        let (pipeline, cache, heard) = (
            self.pipeline.clone(),
            self.cache.clone(),
            self.heard.clone(),
        );
        let (wav, q, flag) = (wav.to_path_buf(), q.clone(), stop.clone());
        let spawned = std::thread::Builder::new()
            .name("live coach".into())
            .spawn(move || worker(pipeline, cache, heard, flag, wav, q));
        match spawned {
            Ok(handle) => {
                if let Ok(mut w) = self.worker.lock() {
                    *w = Some((stop, handle));
                }
            }
            Err(e) => tracing::warn!("no live coaching: {e}"),
        }
    }

    fn line(&self, elapsed_s: f64, q: &Question) -> Option<String> {
        let h = self.heard();
        let mut line = render_heard(&h);
        if let Some(n) = self
            .nudges
            .lock()
            .ok()
            .and_then(|mut n| n.next(&h, elapsed_s, q))
        {
            line.push_str("  > ");
            line.push_str(&n);
        }
        Some(line)
    }

    fn end(&self) {
        self.stop_worker();
    }
}

impl Drop for Coach {
    fn drop(&mut self) {
        self.stop_worker();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Question {
        Question {
            text: "Tell me about a time you failed.".into(),
            kind: crate::score::QuestionKind::Behavioral,
            band_min_s: 60.0,
            band_max_s: 90.0,
        }
    }

    #[test]
    fn the_line_shows_pace_fillers_and_parts() {
        let h = Heard {
            upto_s: 30.0,
            words: 70,
            wpm: 141.6,
            fillers: vec![3.0],
            parts: vec![StarPart::Situation, StarPart::Action],
            star: true,
        };
        assert_eq!(render_heard(&h), "142 wpm · 1 filler · S - A - -");
        assert_eq!(render_heard(&Heard::default()), "listening...");
    }

    #[test]
    fn nudges_for_a_burst_never_a_single_filler() {
        let mut n = Nudges::default();
        let mut h = Heard {
            upto_s: 20.0,
            fillers: vec![4.0, 15.0],
            star: true,
            ..Heard::default()
        };
        assert_eq!(n.next(&h, 20.0, &q()), None, "two fillers far apart");
        h.fillers = vec![4.0, 15.0, 16.0, 17.5, 19.0];
        assert_eq!(
            n.next(&h, 21.0, &q()).as_deref(),
            Some("slow down: pause instead of um")
        );
        // Shown a few seconds, then not again for the same burst.
        n.shown = None;
        assert_eq!(n.next(&h, 30.0, &q()), None);
        // An old burst (far behind what was transcribed) is not news.
        let mut late = Nudges::default();
        h.upto_s = 40.0;
        assert_eq!(late.next(&h, 40.0, &q()), None);
    }

    #[test]
    fn wrap_up_once_near_the_end_without_a_result() {
        let mut n = Nudges::default();
        let mut h = Heard {
            upto_s: 60.0,
            parts: vec![StarPart::Situation, StarPart::Action],
            star: true,
            ..Heard::default()
        };
        assert_eq!(n.next(&h, 60.0, &q()), None, "too early");
        assert_eq!(
            n.next(&h, 76.0, &q()).as_deref(),
            Some("wrap up: what changed?")
        );
        n.shown = None;
        assert_eq!(n.next(&h, 80.0, &q()), None, "once");
        let mut with_result = Nudges::default();
        h.parts.push(StarPart::Result);
        assert_eq!(with_result.next(&h, 80.0, &q()), None);
    }
}
