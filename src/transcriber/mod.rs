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
//!   Where a filler nearly won a step, [`second_look`] runs the decoder again from there on the
//!   piece's encoder output, filler first, and keeps the filler when it is nearly as likely.

use std::ffi::c_void;
use std::path::{Path, PathBuf};

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

use crate::audio::vad::SpeechMap;
use crate::audio::Audio;
use crate::transcript::{Segment, Transcript, Word};

mod second_look;
mod timing;

use second_look::{second_look, Candidate, Edit, CANDIDATE_GAP};
pub use timing::is_hesitation;
use timing::{
    clamp_times, drop_segments_over_silence, make_monotonic, retime_on_speech, snap_fillers,
    starts_at_speech, Speech,
};

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
    /// For each text token: it starts a word (a space, then a letter).
    word_start: Vec<bool>,
    /// What whisper.cpp puts before the decoded tokens in filler-aware mode: the previous-text
    /// marker, the filler prompt, start of transcript.
    filler_prompt_tokens: Vec<i32>,
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
        let word_start = (0..eot)
            .map(|id| {
                ctx.token_to_bytes(id).is_ok_and(|b| {
                    b.first() == Some(&b' ') && b.get(1).is_some_and(|c| c.is_ascii_alphabetic())
                })
            })
            .collect();
        let mut filler_prompt_tokens = vec![ctx.token_prev()];
        filler_prompt_tokens.extend(ctx.tokenize(FILLER_PROMPT, 64).unwrap_or_default());
        filler_prompt_tokens.push(ctx.token_sot());
        Ok(Transcriber {
            ctx,
            filler_tokens,
            eot,
            word_start,
            filler_prompt_tokens,
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
                word_start: &self.word_start,
                candidates: Vec::new(),
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
            let mut tokens = read_tokens(&state, offset_s);
            if opts.fillers && !bias.candidates.is_empty() {
                let decoded: Vec<i32> = tokens
                    .iter()
                    .flat_map(|s| s.2.iter().map(|t| t.id))
                    .collect();
                let edits = second_look(
                    &mut state,
                    opts.threads,
                    self.eot,
                    &self.filler_tokens,
                    &self.filler_prompt_tokens,
                    &decoded,
                    &bias.candidates,
                )?;
                self.apply_edits(&mut tokens, &edits);
            }
            let mut piece = self.build_segments(tokens);
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
            let speech = Speech::new(&map, samples);
            retime_on_speech(&mut segments, &speech);
            snap_fillers(&mut segments, &speech.fine);
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

    /// Applies the second look's edits (in token order) to the tokens read out of a piece.
    /// An edit that would cross a segment boundary is left out.
    fn apply_edits(&self, segments: &mut [RawSegment], edits: &[Edit]) {
        for e in edits.iter().rev() {
            let mut first = 0;
            for seg in segments.iter_mut() {
                let toks = &mut seg.2;
                if e.at < first + toks.len() {
                    let at = e.at - first;
                    if at + e.remove > toks.len() {
                        break;
                    }
                    let (t0, t1) = if e.remove > 0 {
                        (toks[at].t0, toks[at + e.remove - 1].t1)
                    } else {
                        (toks[at].t0, toks[at].t0)
                    };
                    // The filler was run into the next word: no comma after it.
                    let insert: Vec<(i32, Vec<u8>, f32)> = e
                        .insert
                        .iter()
                        .map(|&(id, p)| {
                            let bytes = self.ctx.token_to_bytes(id).unwrap_or_default().to_vec();
                            (id, bytes, p)
                        })
                        .filter(|(_, b, _)| !b.iter().all(|c| c.is_ascii_punctuation()))
                        .collect();
                    let n = insert.len().max(1) as f64;
                    let new: Vec<RawTok> = insert
                        .into_iter()
                        .enumerate()
                        .map(|(i, (id, bytes, p))| RawTok {
                            id,
                            bytes,
                            t0: t0 + (t1 - t0) * i as f64 / n,
                            t1: t0 + (t1 - t0) * (i + 1) as f64 / n,
                            p,
                        })
                        .collect();
                    tracing::debug!(
                        "second look: {:?} for {:?}",
                        new.iter()
                            .map(|t| String::from_utf8_lossy(&t.bytes))
                            .collect::<Vec<_>>(),
                        toks[at..at + e.remove]
                            .iter()
                            .map(|t| String::from_utf8_lossy(&t.bytes))
                            .collect::<Vec<_>>()
                    );
                    toks.splice(at..at + e.remove, new);
                    break;
                }
                first += toks.len();
            }
        }
    }

    /// Segments and words from the tokens of a piece.
    ///
    /// A single-segment decoding (one piece, one window) is split back into sentences at the
    /// timestamp tokens Whisper wrote between them.
    fn build_segments(&self, segments: Vec<RawSegment>) -> Vec<Segment> {
        let mut out = Vec::new();
        for (seg_start, seg_end, toks) in segments {
            let mut part = Part::new(seg_start);
            for tok in toks {
                if tok.id >= self.eot || tok.bytes.is_empty() {
                    continue;
                }
                part.push(&tok.bytes, tok.t0, tok.t1, tok.p);
            }
            if !part.is_empty() {
                out.push(part.finish(seg_end));
            }
        }
        out
    }
}

/// One token of a decoded piece, times in the recording.
struct RawTok {
    id: i32,
    bytes: Vec<u8>,
    t0: f64,
    t1: f64,
    p: f32,
}

/// A segment as whisper.cpp wrote it: start, end, all its tokens (timestamps included).
type RawSegment = (f64, f64, Vec<RawTok>);

/// Reads the segments and tokens out of a decoding state; times shifted by `offset_s`.
fn read_tokens(state: &whisper_rs::WhisperState, offset_s: f64) -> Vec<RawSegment> {
    state
        .as_iter()
        .map(|seg| {
            let toks = (0..seg.n_tokens())
                .filter_map(|i| seg.get_token(i))
                .map(|tok| {
                    let data = tok.token_data();
                    RawTok {
                        id: tok.token_id(),
                        bytes: tok.to_bytes().unwrap_or_default().to_vec(),
                        t0: offset_s + data.t0 as f64 / 100.0,
                        t1: offset_s + data.t1 as f64 / 100.0,
                        p: data.p,
                    }
                })
                .collect();
            (
                offset_s + seg.start_timestamp() as f64 / 100.0,
                offset_s + seg.end_timestamp() as f64 / 100.0,
                toks,
            )
        })
        .collect()
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
struct FillerBias<'a> {
    tokens: Vec<i32>,
    bias: f32,
    /// Which text tokens start a word ([`Transcriber::word_start`]).
    word_start: &'a [bool],
    /// The steps where a filler came close to the word written, for the second look.
    candidates: Vec<Candidate>,
}

/// Tokens looked back at: no bias while a filler was this recent (avoids "uh, uh, uh").
const RECENT_TOKENS: usize = 3;

impl FillerBias<'_> {
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
            params.set_filter_logits_callback_user_data(self as *mut Self as *mut c_void);
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
        let bias = &mut *(user_data as *mut FillerBias);
        let n = n_tokens.max(0) as usize;
        let decoded = if n > 0 && !tokens.is_null() {
            std::slice::from_raw_parts(tokens, n)
        } else {
            &[]
        };
        let from = n.saturating_sub(RECENT_TOKENS);
        if decoded[from..].iter().any(|t| bias.tokens.contains(&t.id)) {
            return;
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
        // The most likely word start against the most likely filler.
        let (mut top, mut top_logit) = (0, f32::NEG_INFINITY);
        for (id, &l) in logits.iter().enumerate().take(bias.word_start.len()) {
            if l > top_logit {
                (top, top_logit) = (id, l);
            }
        }
        let Some((filler, filler_logit)) = bias
            .tokens
            .iter()
            .filter_map(|&id| logits.get(id as usize).map(|&l| (id, l)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return;
        };
        if bias.word_start[top]
            && !bias.tokens.contains(&(top as i32))
            && top_logit - filler_logit < CANDIDATE_GAP
        {
            bias.candidates.push(Candidate {
                prefix: decoded.iter().map(|t| t.id).collect(),
                top: top as i32,
                filler,
            });
        }
    }
}
