//! Speech to text with whisper.cpp (through whisper-rs), with word timings.
//!
//! The model is loaded once per [`Transcriber`]; each call creates its own decoding state, so
//! one transcriber can serve several worker threads. Audio arrives already decoded to 16 kHz
//! mono ([`crate::audio`]). The result is a [`Transcript`], the input of the pure scoring core.
//!
//! Two decoding modes:
//! - plain: one `full()` call over the whole recording (whisper.cpp's own 30 s windows);
//! - filler-aware (default): the recording is cut at silences into pieces of at most 28 s and
//!   each piece is decoded fresh, with a short prompt of fillers and a small logit bias toward
//!   the single-token fillers " um"/" uh". Whisper is trained to write clean text and drops
//!   most hesitations otherwise (see issue 4 and `docs/fillers.md`). Each piece gets exactly
//!   one 30 s encoder window; where Whisper stops early, the next piece starts there (see
//!   `docs/performance.md`: this is what makes the filler-aware pass cheaper than plain).

use std::ffi::c_void;
use std::path::{Path, PathBuf};

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

use crate::audio::vad::{SpeechMap, VadConfig};
use crate::audio::Audio;
use crate::transcript::{Segment, Transcript, Word};

/// Sample rate Whisper works at.
pub const RATE: u32 = 16_000;
/// Longest piece decoded at once in filler-aware mode (Whisper's window is 30 s).
pub const MAX_PIECE_S: f64 = 28.0;
/// Prompt that keeps Whisper in a verbatim, disfluent register.
pub const FILLER_PROMPT: &str = "Um, uh, hmm, er, ah.";
/// Speech left in a piece after its last closed sentence that is decoded again (in the next
/// piece); less than this is a breath or noise.
const MIN_REST_S: f64 = 0.2;
/// Logit bias added to single-token fillers; above about +6 Whisper invents them.
pub const FILLER_BIAS: f32 = 2.0;

#[derive(Debug, thiserror::Error)]
pub enum TranscribeError {
    #[error("{path}: cannot load the Whisper model ({reason})")]
    LoadModel { path: PathBuf, reason: String },
    #[error("Whisper failed: {0}")]
    Whisper(#[from] whisper_rs::WhisperError),
}

/// How to decode.
#[derive(Debug, Clone, Copy)]
pub struct TranscribeOptions {
    pub threads: usize,
    /// Filler-aware decoding (pieces cut at silences, filler prompt and bias).
    pub fillers: bool,
}

impl Default for TranscribeOptions {
    fn default() -> Self {
        TranscribeOptions {
            threads: default_threads(),
            fillers: true,
        }
    }
}

/// All cores, at most 8 (whisper.cpp gains little beyond that on tiny models).
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// Routes whisper.cpp and GGML log lines to `tracing` (shown with `-v`), once per process.
pub fn quiet_whisper_logs() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        whisper_rs::install_logging_hooks();
        // whisper.cpp's own lines through ours: the one-window stop (see `OneWindow`) is
        // logged by whisper.cpp as an error, but it is how starcoach asks for it.
        #[allow(unsafe_code)]
        // SAFETY: `whisper_log` is a plain function that only reads the C string it is given.
        unsafe {
            whisper_rs_sys::whisper_log_set(Some(whisper_log), std::ptr::null_mut());
        }
    });
}

#[allow(unsafe_code)]
unsafe extern "C" fn whisper_log(
    level: whisper_rs_sys::ggml_log_level,
    text: *const std::os::raw::c_char,
    _user_data: *mut c_void,
) {
    if text.is_null() {
        return;
    }
    // SAFETY: whisper.cpp passes a NUL-terminated string that lives for the call.
    let text = unsafe { std::ffi::CStr::from_ptr(text) }.to_string_lossy();
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if text.contains("encoder_begin_callback returned false") {
        tracing::debug!(target: "whisper_rs", "{text} (one window per piece)");
        return;
    }
    match level {
        whisper_rs_sys::ggml_log_level_GGML_LOG_LEVEL_ERROR => {
            tracing::error!(target: "whisper_rs", "{text}")
        }
        whisper_rs_sys::ggml_log_level_GGML_LOG_LEVEL_WARN => {
            tracing::warn!(target: "whisper_rs", "{text}")
        }
        whisper_rs_sys::ggml_log_level_GGML_LOG_LEVEL_INFO => {
            tracing::info!(target: "whisper_rs", "{text}")
        }
        _ => tracing::debug!(target: "whisper_rs", "{text}"),
    }
}

/// A loaded Whisper model.
pub struct Transcriber {
    ctx: WhisperContext,
    /// Token ids of " um", " Um", " uh", " Uh" that are single tokens in this vocabulary.
    filler_tokens: Vec<i32>,
    /// First special token id; ids at or above it are not text.
    eot: i32,
}

impl Transcriber {
    pub fn load(model: &Path) -> Result<Self, TranscribeError> {
        quiet_whisper_logs();
        let path_str = model.to_str().ok_or_else(|| TranscribeError::LoadModel {
            path: model.to_path_buf(),
            reason: "the path is not valid UTF-8".into(),
        })?;
        let ctx = WhisperContext::new_with_params(path_str, WhisperContextParameters::default())
            .map_err(|e| TranscribeError::LoadModel {
                path: model.to_path_buf(),
                reason: format!("{e}; is it a whisper.cpp GGML file?"),
            })?;
        let mut filler_tokens = Vec::new();
        for text in [" um", " Um", " uh", " Uh"] {
            if let Ok(ids) = ctx.tokenize(text, 4) {
                if ids.len() == 1 {
                    filler_tokens.push(ids[0]);
                }
            }
        }
        let eot = ctx.token_eot();
        Ok(Transcriber {
            ctx,
            filler_tokens,
            eot,
        })
    }

    /// Transcribes 16 kHz mono audio. `source` names the recording in the transcript.
    pub fn transcribe(
        &self,
        audio: &Audio,
        source: &str,
        opts: &TranscribeOptions,
    ) -> Result<Transcript, TranscribeError> {
        let samples = &audio.samples;
        let map = SpeechMap::analyze(samples, RATE);
        let mut segments = Vec::new();
        let mut state = self.ctx.create_state()?;
        let mut start = 0;
        while start < samples.len() {
            // Filler-aware: the next piece of at most 28 s, cut in a pause; plain: everything.
            let end = if opts.fillers {
                map.next_cut(start, MAX_PIECE_S)
            } else {
                samples.len()
            };
            let offset_s = start as f64 / RATE as f64;
            let end_s = end as f64 / RATE as f64;
            let mut one_window = OneWindow::default();
            let mut bias = FillerBias {
                tokens: self.filler_tokens.clone(),
                bias: std::env::var("STARCOACH_FILLER_BIAS")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(FILLER_BIAS),
            };
            let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
            params.set_n_threads(opts.threads.max(1) as i32);
            params.set_language(Some("en"));
            params.set_print_special(false);
            params.set_print_progress(false);
            params.set_print_realtime(false);
            params.set_print_timestamps(false);
            params.set_token_timestamps(true);
            params.set_suppress_blank(true);
            if opts.fillers {
                params.set_initial_prompt(FILLER_PROMPT);
                params.set_no_context(true);
                bias.install(&mut params);
                // One window per piece. When Whisper stops before the end of the piece (it
                // leaves the last sentence open, or ends the text early), whisper.cpp would
                // encode a new 30 s window for the few seconds left; instead the next piece
                // starts there and is filled up to 28 s.
                one_window.install(&mut params);
            }
            let t = std::time::Instant::now();
            state.full(params, &samples[start..end])?;
            tracing::debug!(
                "decoded {offset_s:.2}-{end_s:.2} s in {:.2} s",
                t.elapsed().as_secs_f64()
            );
            let mut piece = self.collect_segments(&state, offset_s);
            clamp_times(&mut piece, offset_s, end_s);
            // Where whisper.cpp would have moved its window to: the end of the last closed
            // sentence, unless the rest of the piece is silence.
            let mut next = end;
            if one_window.stopped {
                if let Some(last) = piece.last() {
                    if map.speech_between(last.end_s, end_s) >= MIN_REST_S {
                        let at = (last.end_s * RATE as f64) as usize;
                        // At least 1 s further on, so the loop always ends.
                        next = at.clamp((start + RATE as usize).min(end), end);
                    }
                }
            }
            segments.extend(piece);
            start = next;
        }
        drop_segments_over_silence(&mut segments, &map);
        starts_at_speech(&mut segments, &map);
        if opts.fillers {
            retime_on_speech(&mut segments, &map);
            snap_fillers(&mut segments, samples);
        }
        make_monotonic(&mut segments);
        let text = segments
            .iter()
            .map(|s: &Segment| s.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Transcript {
            source: Some(source.to_string()),
            duration_s: audio.duration_s,
            text,
            segments,
            timing_estimated: false,
        })
    }

    /// Reads segments and words out of a decoding state; times shifted by `offset_s`.
    ///
    /// A single-segment decoding (one piece, one window) is split back into sentences at the
    /// timestamp tokens Whisper wrote between them.
    fn collect_segments(&self, state: &whisper_rs::WhisperState, offset_s: f64) -> Vec<Segment> {
        let mut out = Vec::new();
        for seg in state.as_iter() {
            let seg_start = offset_s + seg.start_timestamp() as f64 / 100.0;
            let seg_end = offset_s + seg.end_timestamp() as f64 / 100.0;
            let mut part = Part::new(seg_start);
            for i in 0..seg.n_tokens() {
                let Some(tok) = seg.get_token(i) else {
                    continue;
                };
                let id = tok.token_id();
                if id >= self.eot {
                    continue;
                }
                let data = tok.token_data();
                let bytes = tok.to_bytes().unwrap_or_default();
                if bytes.is_empty() {
                    continue;
                }
                part.push(
                    bytes,
                    offset_s + data.t0 as f64 / 100.0,
                    offset_s + data.t1 as f64 / 100.0,
                    data.p,
                );
            }
            if !part.is_empty() {
                out.push(part.finish(seg_end));
            }
        }
        out
    }
}

/// A sentence being read out of Whisper's tokens.
struct Part {
    start_s: f64,
    bytes: Vec<u8>,
    words: Vec<WordBuilder>,
}

impl Part {
    fn new(start_s: f64) -> Self {
        Part {
            start_s,
            bytes: Vec::new(),
            words: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn push(&mut self, bytes: &[u8], t0: f64, t1: f64, p: f32) {
        self.bytes.extend_from_slice(bytes);
        let starts_word = bytes[0] == b' ' || self.words.is_empty();
        // Punctuation carries no sound: its time (Whisper stretches the last token of a segment
        // to the end of the window) does not lengthen the word it ends.
        let sounded = bytes
            .iter()
            .any(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
        if starts_word {
            self.words.push(WordBuilder {
                bytes: bytes.to_vec(),
                start_s: t0,
                end_s: t1,
                p_sum: p,
                n: 1,
            });
        } else if let Some(w) = self.words.last_mut() {
            w.bytes.extend_from_slice(bytes);
            if sounded {
                w.end_s = w.end_s.max(t1);
            }
            w.p_sum += p;
            w.n += 1;
        }
    }

    fn finish(self, end_s: f64) -> Segment {
        Segment {
            start_s: self.start_s,
            end_s: end_s.max(self.start_s),
            text: String::from_utf8_lossy(&self.bytes).trim().to_string(),
            words: self
                .words
                .into_iter()
                .filter_map(WordBuilder::finish)
                .collect(),
        }
    }
}

struct WordBuilder {
    bytes: Vec<u8>,
    start_s: f64,
    end_s: f64,
    p_sum: f32,
    n: u32,
}

impl WordBuilder {
    fn finish(self) -> Option<Word> {
        let text = String::from_utf8_lossy(&self.bytes).trim().to_string();
        if text.is_empty() {
            return None;
        }
        Some(Word {
            text,
            start_s: self.start_s,
            end_s: self.end_s.max(self.start_s),
            probability: self.p_sum / self.n as f32,
        })
    }
}

/// Stops `full()` before it encodes a second window (see `transcribe`).
#[derive(Default)]
struct OneWindow {
    encodes: usize,
    stopped: bool,
}

impl OneWindow {
    #[allow(unsafe_code)]
    fn install(&mut self, params: &mut FullParams) {
        // SAFETY: `self` outlives the `full()` call that uses `params` (both live in the same
        // loop iteration of `transcribe`); the callback only touches `user_data` as a `OneWindow`.
        unsafe {
            params.set_start_encoder_callback(Some(one_window_callback));
            params.set_start_encoder_callback_user_data(self as *mut OneWindow as *mut c_void);
        }
    }
}

#[allow(unsafe_code)]
unsafe extern "C" fn one_window_callback(
    _ctx: *mut whisper_rs_sys::whisper_context,
    _state: *mut whisper_rs_sys::whisper_state,
    user_data: *mut c_void,
) -> bool {
    if user_data.is_null() {
        return true;
    }
    // SAFETY: user_data is the OneWindow set in `install`, alive for the whole `full()` call.
    let w = unsafe { &mut *(user_data as *mut OneWindow) };
    w.encodes += 1;
    if w.encodes > 1 {
        w.stopped = true;
        return false;
    }
    true
}

/// The logit bias toward single-token fillers, handed to whisper.cpp's logits filter.
struct FillerBias {
    tokens: Vec<i32>,
    bias: f32,
}

/// Tokens looked back at: no bias while a filler was this recent (avoids "uh, uh, uh").
const RECENT_TOKENS: usize = 3;

impl FillerBias {
    #[allow(unsafe_code)]
    fn install(&mut self, params: &mut FullParams) {
        if self.tokens.is_empty() {
            return;
        }
        // SAFETY: `self` outlives the `full()` call that uses `params` (both live in the same
        // loop iteration of `transcribe`), and the callback only reads `user_data` as a
        // `FillerBias` and writes within the `n_vocab` logits whisper.cpp passes.
        unsafe {
            params.set_filter_logits_callback(Some(filler_bias_callback));
            params.set_filter_logits_callback_user_data(self as *mut FillerBias as *mut c_void);
        }
    }
}

#[allow(unsafe_code)]
unsafe extern "C" fn filler_bias_callback(
    ctx: *mut whisper_rs_sys::whisper_context,
    _state: *mut whisper_rs_sys::whisper_state,
    tokens: *const whisper_rs_sys::whisper_token_data,
    n_tokens: std::os::raw::c_int,
    logits: *mut f32,
    user_data: *mut c_void,
) {
    if user_data.is_null() || logits.is_null() {
        return;
    }
    // SAFETY: whisper.cpp passes the tokens decoded so far (n_tokens of them) and a logits
    // array of n_vocab floats; user_data is the FillerBias set in `install`.
    unsafe {
        let bias = &*(user_data as *const FillerBias);
        let n = n_tokens.max(0) as usize;
        if n > 0 && !tokens.is_null() {
            let recent = std::slice::from_raw_parts(tokens, n);
            let from = n.saturating_sub(RECENT_TOKENS);
            if recent[from..].iter().any(|t| bias.tokens.contains(&t.id)) {
                return;
            }
        }
        let n_vocab = whisper_rs_sys::whisper_n_vocab(ctx).max(0) as usize;
        let logits = std::slice::from_raw_parts_mut(logits, n_vocab);
        for &id in &bias.tokens {
            if let Some(l) = logits.get_mut(id as usize) {
                if l.is_finite() {
                    *l += bias.bias;
                }
            }
        }
    }
}

/// Whisper's token times can run past the audio it was given (it pads to 30 s): keep every
/// word inside its piece.
fn clamp_times(segments: &mut [Segment], from_s: f64, to_s: f64) {
    for seg in segments {
        seg.start_s = seg.start_s.clamp(from_s, to_s);
        seg.end_s = seg.end_s.clamp(seg.start_s, to_s);
        for w in &mut seg.words {
            w.start_s = w.start_s.clamp(from_s, to_s);
            w.end_s = w.end_s.clamp(w.start_s, to_s);
        }
    }
}

/// Drops segments that lie wholly in silence: Whisper's hallucinated tails ("Thank you.")
/// over a quiet end of the recording.
fn drop_segments_over_silence(segments: &mut Vec<Segment>, map: &SpeechMap) {
    const MARGIN_S: f64 = 0.2;
    segments.retain(|seg| {
        let (a, b) = match (seg.words.first(), seg.words.last()) {
            (Some(f), Some(l)) => (f.start_s.min(seg.start_s), l.end_s.max(seg.end_s)),
            _ => (seg.start_s, seg.end_s),
        };
        let keep = map
            .regions
            .iter()
            .any(|r| r.start_s < b + MARGIN_S && r.end_s > a - MARGIN_S);
        if !keep {
            tracing::debug!("dropped text over silence at {a:.2}-{b:.2} s: {}", seg.text);
        }
        keep
    });
}

/// Whisper dates a word that follows silence (a piece's first word above all) from inside the
/// silence. A word that starts in a silent gap, after the word before it has ended, starts where
/// the speech after the gap does.
fn starts_at_speech(segments: &mut [Segment], map: &SpeechMap) {
    let mut prev_end = f64::NEG_INFINITY;
    for seg in segments.iter_mut() {
        for w in &mut seg.words {
            let next = map.regions.iter().position(|r| r.end_s > w.start_s);
            if let Some(i) = next {
                let r = map.regions[i];
                let gap_start = if i == 0 {
                    0.0
                } else {
                    map.regions[i - 1].end_s
                };
                if r.start_s > w.start_s && prev_end <= gap_start + 0.05 {
                    let len = (w.end_s - w.start_s).max(0.0);
                    w.start_s = r.start_s;
                    w.end_s = w.end_s.max(r.start_s + len.min(r.end_s - r.start_s));
                }
            }
            prev_end = w.end_s;
        }
        if let Some(first) = seg.words.first() {
            seg.start_s = seg.start_s.max(first.start_s);
        }
    }
}

/// Word starts never go backwards (token times are rough at segment edges).
fn make_monotonic(segments: &mut [Segment]) {
    let mut last_start = 0.0f64;
    for seg in segments {
        for w in &mut seg.words {
            if w.start_s < last_start {
                w.start_s = last_start;
            }
            if w.end_s < w.start_s {
                w.end_s = w.start_s;
            }
            last_start = w.start_s;
        }
    }
}

/// True for a hesitation filler as Whisper writes it ("Um,", "uh", "Hmm.").
pub fn is_hesitation(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        w.as_str(),
        "um" | "umm" | "uh" | "uhh" | "uhm" | "er" | "erm" | "ah" | "hmm" | "hm" | "mm" | "mmm"
    )
}

/// Token times smear a filler over its neighbours; a lone "um" is usually a short voiced
/// stretch with a pause on both sides. Moves each filler onto the nearest such stretch that
/// starts after the previous word and near the filler's own time, when there is one not
/// already taken. The speech map for this uses a short hangover, since pauses around fillers
/// can be as short as 0.1 s.
/// Re-times each sentence's words on the speech map. Whisper's token times (outside its rare
/// timestamp anchors) interpolate over the sentence's whole span, pauses included, and drift by
/// seconds inside long sentences. Here the pauses inside the sentence are matched to word
/// boundaries, preferring boundaries with punctuation, so that the letters spoken between two
/// matched pauses fit the time spoken there (dynamic programming over pauses x boundaries);
/// the words between two matched pauses then share that speech in proportion to their letters.
fn retime_on_speech(segments: &mut [Segment], map: &SpeechMap) {
    for seg in segments.iter_mut() {
        retime_sentence(seg, map);
    }
}

/// Cost per second of a pause left inside a run of words (not at a word boundary).
const UNMATCHED_PAUSE_COST: f64 = 20.0;
/// Upper bound on the re-timing search per sentence (about 0.1 s of work).
const MAX_RETIME_STEPS: usize = 40_000_000;
/// Cost of a pause at a word boundary with no punctuation.
const BARE_BOUNDARY_COST: f64 = 1.0;

fn letters(w: &Word) -> f64 {
    if is_hesitation(&w.text) {
        // Hesitations are drawn out.
        return 5.0;
    }
    let (mut n, mut digits) = (0usize, 0usize);
    for c in w.text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphanumeric() {
            n += 1;
        }
    }
    (n + 3 * digits).max(1) as f64
}

fn retime_sentence(seg: &mut Segment, map: &SpeechMap) {
    let n = seg.words.len();
    if n < 2 {
        return;
    }
    let (s0, s1) = (seg.start_s, seg.end_s);
    let regions: Vec<(f64, f64)> = map
        .regions
        .iter()
        .map(|r| (r.start_s.max(s0), r.end_s.min(s1)))
        .filter(|(a, b)| b - a > 0.01)
        .collect();
    let m = regions.len();
    // The search is (regions x words)^2: keep Whisper's times for a sentence too long for it
    // (a 28 s piece of fast speech is about 40 x 90).
    if m == 0 || (m * n).pow(2) > MAX_RETIME_STEPS {
        return;
    }
    let speech_total: f64 = regions.iter().map(|(a, b)| b - a).sum();
    let weights: Vec<f64> = seg.words.iter().map(letters).collect();
    let mut cum_w = vec![0.0; n + 1];
    for i in 0..n {
        cum_w[i + 1] = cum_w[i] + weights[i];
    }
    let mut cum_s = vec![0.0; m + 1];
    for k in 0..m {
        cum_s[k + 1] = cum_s[k] + regions[k].1 - regions[k].0;
    }
    // pause k lies between region k-1 and region k (k = 1..m-1).
    let pause = |k: usize| regions[k].0 - regions[k - 1].1;
    let mut cum_p = vec![0.0; m + 1];
    for k in 1..m {
        cum_p[k + 1] = cum_p[k] + pause(k);
    }
    cum_p[1] = 0.0;
    let rate = cum_w[n] / speech_total.max(1e-3);
    let punct = |j: usize| {
        seg.words[j - 1]
            .text
            .ends_with([',', '.', '?', '!', ';', ':'])
    };
    // Words [i, j) spoken over regions [k, l): how badly they fit, plus the pauses inside.
    let chunk = |i: usize, j: usize, k: usize, l: usize| -> f64 {
        let c = cum_w[j] - cum_w[i];
        let e = rate * (cum_s[l] - cum_s[k]);
        let inner = if l > k + 1 {
            cum_p[l] - cum_p[k + 1]
        } else {
            0.0
        };
        (c - e).powi(2) / (c + e).max(1e-6) + UNMATCHED_PAUSE_COST * inner
    };
    // best[k][i]: words [0, i) spoken over regions [0, k), a pause matched after word i-1.
    let inf = f64::INFINITY;
    let mut best = vec![vec![inf; n + 1]; m + 1];
    let mut from = vec![vec![(0usize, 0usize); n + 1]; m + 1];
    best[0][0] = 0.0;
    for l in 1..=m {
        for j in 1..=n {
            // The last region must end with the last word, and vice versa.
            if (l == m) != (j == n) {
                continue;
            }
            let edge = if j == n || punct(j) {
                0.0
            } else {
                BARE_BOUNDARY_COST
            };
            for k in 0..l {
                for i in 0..j {
                    let b = best[k][i];
                    if b == inf || (k == 0) != (i == 0) {
                        continue;
                    }
                    let c = b + chunk(i, j, k, l) + edge;
                    if c < best[l][j] {
                        best[l][j] = c;
                        from[l][j] = (k, i);
                    }
                }
            }
        }
    }
    if best[m][n] == inf {
        return;
    }
    // Walk back and spread each run of words over its regions.
    let (mut l, mut j) = (m, n);
    while l > 0 {
        let (k, i) = from[l][j];
        let span = &regions[k..l];
        let speech = cum_s[l] - cum_s[k];
        let total = cum_w[j] - cum_w[i];
        let at = |x: f64, is_end: bool| -> f64 {
            let mut left = x;
            for (q, &(a, b)) in span.iter().enumerate() {
                let d = b - a;
                if left < d || (is_end && left <= d) || q + 1 == span.len() {
                    return (a + left.min(d)).min(b);
                }
                left -= d;
            }
            span[span.len() - 1].1
        };
        let mut acc = 0.0;
        for w in &mut seg.words[i..j] {
            let x0 = acc / total * speech;
            acc += letters(w);
            let x1 = acc / total * speech;
            w.start_s = at(x0, false);
            w.end_s = at(x1, true).max(w.start_s);
        }
        l = k;
        j = i;
    }
}

fn snap_fillers(segments: &mut [Segment], samples: &[f32]) {
    const REACH_S: f64 = 1.2;
    let cfg = VadConfig {
        hangover_s: 0.06,
        ..VadConfig::default()
    };
    let map = SpeechMap::analyze_with(samples, RATE, &cfg);
    let stretches = map.short_stretches(0.08, 0.8, 0.08);
    let mut taken = vec![false; stretches.len()];
    let words: Vec<(f64, f64, bool)> = segments
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.start_s, w.end_s, is_hesitation(&w.text)))
        .collect();
    let mut snapped: Vec<Option<(f64, f64)>> = vec![None; words.len()];
    for (k, &(start, _, filler)) in words.iter().enumerate() {
        if !filler {
            continue;
        }
        let prev_start = k.checked_sub(1).map_or(f64::NEG_INFINITY, |j| words[j].0);
        let next_end = words.get(k + 1).map_or(f64::INFINITY, |w| w.1);
        let best = stretches
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                !taken[*i]
                    && r.start_s >= prev_start + 0.1
                    && r.start_s <= next_end + 0.5
                    && (r.start_s - start).abs() <= REACH_S
            })
            .min_by(|a, b| {
                (a.1.start_s - start)
                    .abs()
                    .total_cmp(&(b.1.start_s - start).abs())
            });
        if let Some((i, r)) = best {
            taken[i] = true;
            snapped[k] = Some((r.start_s, r.end_s));
        }
    }
    let mut k = 0;
    for seg in segments.iter_mut() {
        for w in seg.words.iter_mut() {
            if let Some((a, b)) = snapped[k] {
                w.start_s = a;
                w.end_s = b;
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, a: f64, b: f64) -> Word {
        Word {
            text: text.into(),
            start_s: a,
            end_s: b,
            probability: 0.9,
        }
    }

    fn seg(words: Vec<Word>) -> Segment {
        Segment {
            start_s: words.first().map_or(0.0, |w| w.start_s),
            end_s: words.last().map_or(0.0, |w| w.end_s),
            text: words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            words,
        }
    }

    #[test]
    fn hesitations_are_recognised_with_punctuation_and_case() {
        for w in ["Um,", "uh", "Uh.", "hmm", "Er,", "ah"] {
            assert!(is_hesitation(w), "{w}");
        }
        for w in ["umbrella", "I", "a", "her", "huh?", "like"] {
            assert!(!is_hesitation(w), "{w}");
        }
    }

    #[test]
    fn a_first_word_dated_in_leading_silence_starts_with_the_speech() {
        let rate = RATE as usize;
        let mut samples = vec![0.0f32; rate];
        samples.extend((0..rate).map(|i| 0.3 * (i as f32 * 0.07).sin()));
        let map = SpeechMap::analyze(&samples, RATE);
        let mut s = vec![seg(vec![word("Sure,", 0.0, 1.3), word("yes", 1.4, 1.8)])];
        starts_at_speech(&mut s, &map);
        assert!(
            (s[0].words[0].start_s - 1.0).abs() < 0.05,
            "{:?}",
            s[0].words[0]
        );
        assert_eq!(s[0].words[1].start_s, 1.4);
    }

    #[test]
    fn times_are_clamped_and_made_monotonic() {
        let mut s = vec![seg(vec![
            word("launch", 20.0, 21.0),
            word("date.", 27.4, 28.4),
        ])];
        clamp_times(&mut s, 0.0, 25.5);
        assert_eq!(s[0].words[1].start_s, 25.5);
        s.push(seg(vec![word("So", 25.2, 25.4)]));
        make_monotonic(&mut s);
        assert!(s[1].words[0].start_s >= s[0].words[1].start_s);
    }

    /// A steady tone standing in for speech, `secs` long.
    fn tone(secs: f64) -> Vec<f32> {
        (0..(secs * f64::from(RATE)) as usize)
            .map(|i| 0.3 * (i as f32 * 0.07).sin())
            .collect()
    }

    fn silence(secs: f64) -> Vec<f32> {
        vec![0.0f32; (secs * f64::from(RATE)) as usize]
    }

    #[test]
    fn text_over_silence_is_dropped_and_fillers_snap_to_short_stretches() {
        // 1 s tone, 0.5 s silence, 0.3 s tone (the "um"), 0.5 s silence, 1 s tone, 3 s silence.
        let mut samples = tone(1.0);
        samples.extend(silence(0.5));
        samples.extend(tone(0.3));
        samples.extend(silence(0.5));
        samples.extend(tone(1.0));
        samples.extend(silence(3.0));
        let map = SpeechMap::analyze(&samples, RATE);
        let mut s = vec![
            seg(vec![
                word("So", 0.0, 0.5),
                word("um,", 1.0, 2.0),
                word("yes", 2.3, 3.2),
            ]),
            seg(vec![word("Thank", 4.5, 4.8), word("you.", 4.8, 5.2)]),
        ];
        drop_segments_over_silence(&mut s, &map);
        assert_eq!(s.len(), 1, "{s:?}");
        snap_fillers(&mut s, &samples);
        let um = &s[0].words[1];
        assert!(
            (um.start_s - 1.5).abs() < 0.1 && (um.end_s - 1.8).abs() < 0.1,
            "{um:?}"
        );
    }

    #[test]
    fn words_are_retimed_so_that_punctuated_boundaries_fall_in_the_pauses() {
        // "Well I think so, uh, yes." spoken as 1.2 s of speech, 0.4 s pause, 0.3 s (the
        // "uh"), 0.4 s pause, 0.4 s; Whisper's times spread evenly over the whole span.
        let mut samples = silence(0.5);
        for (speech, pause) in [(1.2, 0.4), (0.3, 0.4), (0.4, 1.0)] {
            samples.extend(tone(speech));
            samples.extend(silence(pause));
        }
        let map = SpeechMap::analyze(&samples, RATE);
        let texts = ["Well", "I", "think", "so,", "uh,", "yes."];
        let mut s = seg(texts
            .iter()
            .enumerate()
            .map(|(i, t)| word(t, 0.5 + i as f64 * 0.45, 0.95 + i as f64 * 0.45))
            .collect());
        s.start_s = 0.5;
        s.end_s = 3.2;
        retime_sentence(&mut s, &map);
        let at = |i: usize| (s.words[i].start_s, s.words[i].end_s);
        assert!((at(0).0 - 0.5).abs() < 0.08, "{s:?}");
        assert!(at(3).1 <= 1.75, "'so,' ends before the first pause: {s:?}");
        assert!((at(4).0 - 2.1).abs() < 0.08, "'uh' starts after it: {s:?}");
        assert!(
            (at(5).0 - 2.8).abs() < 0.08,
            "'yes' after the second: {s:?}"
        );
        let mut prev = 0.0;
        for w in &s.words {
            assert!(w.start_s >= prev && w.end_s >= w.start_s, "{s:?}");
            prev = w.end_s;
        }
    }
}
