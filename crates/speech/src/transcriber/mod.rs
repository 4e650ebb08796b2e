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
//!   one 30 s encoder window: Whisper may not end its text while speech is still to come in
//!   the piece, a sentence it leaves open at the end is kept, and only otherwise does the next
//!   piece start where it stopped (see `docs/performance.md`: this is what makes the
//!   filler-aware pass as cheap as plain decoding).
//!   Where a filler nearly won a step, [`second_look`] runs the decoder again from there on the
//!   piece's encoder output, filler first, and keeps the filler when it is nearly as likely.

use std::ffi::c_void;
use std::path::{Path, PathBuf};

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

use crate::audio::vad::SpeechMap;
use crate::audio::Audio;
use crate::transcript::{Segment, Transcript, Word};

mod retime;
mod second_look;
#[cfg(test)]
mod test_audio;
mod timing;

use retime::{retime_on_speech, Speech};
use second_look::{second_look, Candidate, Edit, CANDIDATE_GAP};
pub use timing::is_hesitation;
use timing::{
    clamp_times, drop_echoed_fillers, drop_segments_over_silence, make_monotonic, snap_fillers,
    starts_at_speech,
};

/// Sample rate Whisper works at.
pub const RATE: u32 = 16_000;
/// Longest piece decoded at once in filler-aware mode (Whisper's window is 30 s).
pub const MAX_PIECE_S: f64 = 28.0;
/// The last piece may run to this length (the end of the recording needs no cut in a pause).
pub const LAST_PIECE_S: f64 = 30.0;
/// An open sentence is kept only with between this many tokens per second of its speech (fewer:
/// Whisper stopped before the end of the speech)...
const MIN_TOKENS_PER_S: f64 = 1.0;
/// ... and this many per second of its span (more than anyone says).
const MAX_TOKENS_PER_S: f64 = 8.0;
/// A piece with at least this much speech and fewer than MIN_TOKENS_PER_S tokens per second of
/// it is decoded again with the non-speech tokens suppressed.
const MIN_SPEECH_FOR_RETRY_S: f64 = 3.0;
/// Speech left in a piece after a timestamp that Whisper may not end its text on.
const MIN_REST_AFTER_EOT_S: f32 = 1.0;
/// Most times per attempt that Whisper is kept from ending its text.
const MAX_EOT_HOLDS: usize = 3;
/// Silence kept before the first and after the last speech of a recording when it is read
/// ([`crate::audio::vad::speech_bounds`]).
pub const SPEECH_LEAD_S: f64 = 0.25;
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

/// Pieces decoded before, keyed by everything their decoding reads: the piece's samples, the
/// speech regions inside it, and the options. A hit is exactly what decoding would give.
#[derive(Debug, Default)]
pub struct PieceCache {
    pieces: std::sync::Mutex<std::collections::HashMap<PieceKey, (Vec<Segment>, usize)>>,
}

/// A piece's place and a 128-bit fingerprint of its inputs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PieceKey {
    start: usize,
    end: usize,
    inputs: [u8; 16],
}

/// Pieces kept at most (a 90 s answer has about 4; only pieces that end before the audio are
/// kept, so this is a bound for answers of an hour and more).
const CACHE_PIECES: usize = 256;

impl PieceCache {
    fn key(
        samples: &[f32],
        map: &SpeechMap,
        start: usize,
        end: usize,
        opts: &TranscribeOptions,
    ) -> PieceKey {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update([u8::from(opts.fillers)]);
        for x in &samples[start..end] {
            h.update(x.to_bits().to_le_bytes());
        }
        let (from, to) = (start as f64 / RATE as f64, end as f64 / RATE as f64);
        for r in map
            .regions
            .iter()
            .filter(|r| r.end_s > from && r.start_s < to)
        {
            h.update(r.start_s.max(from).to_bits().to_le_bytes());
            h.update(r.end_s.min(to).to_bits().to_le_bytes());
        }
        let mut inputs = [0u8; 16];
        inputs.copy_from_slice(&h.finalize()[..16]);
        PieceKey { start, end, inputs }
    }

    fn get(&self, k: &PieceKey) -> Option<(Vec<Segment>, usize)> {
        let pieces = self.pieces.lock().unwrap_or_else(|e| e.into_inner());
        pieces.get(k).cloned()
    }

    fn put(&self, k: PieceKey, v: (Vec<Segment>, usize)) {
        let mut pieces = self.pieces.lock().unwrap_or_else(|e| e.into_inner());
        if pieces.len() >= CACHE_PIECES {
            pieces.clear();
        }
        pieces.insert(k, v);
    }

    /// Pieces held (for tests and logs).
    pub fn len(&self) -> usize {
        self.pieces.lock().map_or(0, |p| p.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How to decode.
#[derive(Debug, Clone, Copy)]
pub struct TranscribeOptions {
    pub threads: usize,
    /// Filler-aware decoding (pieces cut at silences, filler prompt and bias).
    pub fillers: bool,
    /// The filler pass's logit bias instead of the tuned one (a measurement knob,
    /// `STARCOACH_FILLER_BIAS`: docs/fillers.md).
    pub filler_bias: Option<f32>,
}

/// Version of what transcription produces (words, timings, fillers) for a given model and
/// options. Bump it with every change to the decoding or the transcript it yields: batches
/// re-transcribe recordings whose stored transcript came from another version.
/// `tests/output_version.rs` fails when the output changes and this does not.
pub const TRANSCRIBER_VERSION: u32 = 6;

impl TranscribeOptions {
    /// What, besides the model and the audio, decides the transcript: this version and the
    /// options that change words (not `threads`, which only changes the speed).
    pub fn output_identity(&self) -> String {
        let bias = match self.filler_bias {
            Some(b) if self.fillers => format!(", filler bias {b}"),
            _ => String::new(),
        };
        format!(
            "transcriber v{TRANSCRIBER_VERSION}, {}{bias}",
            if self.fillers {
                "filler-aware"
            } else {
                "plain"
            }
        )
    }
}

impl Default for TranscribeOptions {
    fn default() -> Self {
        TranscribeOptions {
            threads: default_threads(),
            fillers: true,
            filler_bias: None,
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
    /// The first timestamp token (`<|0.00|>`).
    token_beg: i32,
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
        // `-v` (or STARCOACH_LOG=info) shows which kernels ran: scripts/cross-test checks it.
        tracing::info!(kernels = %crate::switches::kernels(), "whisper.cpp kernels");
        let mut filler_tokens = Vec::new();
        for text in [" um", " Um", " uh", " Uh"] {
            if let Ok(ids) = ctx.tokenize(text, 4) {
                if ids.len() == 1 {
                    filler_tokens.push(ids[0]);
                }
            }
        }
        let eot = ctx.token_eot();
        let token_beg = ctx.token_beg();
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
            token_beg,
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
        self.transcribe_cached(audio, source, opts, None)
    }

    /// [`Transcriber::transcribe`], taking from `cache` every piece decoded before from exactly
    /// the same inputs (and keeping the new ones there): `record` transcribes the answer so far
    /// while it is spoken, so at the stop only the last piece is left. The transcript is the
    /// one `transcribe` gives, by construction.
    pub fn transcribe_cached(
        &self,
        audio: &Audio,
        source: &str,
        opts: &TranscribeOptions,
        cache: Option<&PieceCache>,
    ) -> Result<Transcript, TranscribeError> {
        // Only the speech and SPEECH_LEAD_S around it, with edges found on the speech itself:
        // the same answer cut out a little wider or narrower reads the same.
        let whole = SpeechMap::analyze(&audio.samples, RATE);
        let (from, to) = crate::audio::vad::speech_bounds(&audio.samples, &whole, SPEECH_LEAD_S);
        let shift_s = from as f64 / f64::from(RATE);
        let (samples, map) = if (from, to) == (0, audio.samples.len()) {
            (&audio.samples[..], whole)
        } else {
            let part = &audio.samples[from..to];
            (part, SpeechMap::analyze(part, RATE))
        };
        let mut segments = Vec::new();
        let mut state = None;
        let mut start = 0;
        while start < samples.len() {
            // Filler-aware: the next piece of at most 28 s, cut in a pause; plain: everything.
            let end = if opts.fillers {
                if samples.len() - start <= (LAST_PIECE_S * RATE as f64) as usize {
                    samples.len()
                } else {
                    map.next_cut(start, MAX_PIECE_S)
                }
            } else {
                samples.len()
            };
            let key = cache.map(|_| PieceCache::key(samples, &map, start, end, opts));
            let done = key.as_ref().and_then(|k| cache.and_then(|c| c.get(k)));
            let (piece, next) = match done {
                Some(hit) => hit,
                None => {
                    let state = match &mut state {
                        Some(s) => s,
                        None => state.insert(self.ctx.create_state()?),
                    };
                    let fresh = self.decode_piece(state, samples, &map, start, end, opts, false)?;
                    // The last piece of an answer still being spoken changes with every update:
                    // only pieces that end before the audio does are worth keeping.
                    if let (Some(c), Some(k), true) = (cache, key, end < samples.len()) {
                        c.put(k, fresh.clone());
                    }
                    fresh
                }
            };
            segments.extend(piece);
            start = next;
        }
        drop_segments_over_silence(&mut segments, &map);
        starts_at_speech(&mut segments, &map);
        if opts.fillers {
            let speech = Speech::new(&map, samples);
            retime_on_speech(&mut segments, &speech);
            snap_fillers(&mut segments, &speech.fine);
            drop_echoed_fillers(&mut segments);
        }
        make_monotonic(&mut segments);
        if shift_s > 0.0 {
            segments.iter_mut().for_each(|s| s.shift(shift_s));
        }
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
            cut_short: crate::audio::cut_short_note(audio),
        })
    }

    /// Decodes one piece (`start..end` of `samples`): its segments and where the next piece
    /// starts. Depends only on those samples, the speech map inside the piece and `opts`
    /// ([`PieceCache::key`]). `no_sound_tags`: non-speech tokens suppressed, for the second
    /// try at a piece that came out as a sound tag (below).
    #[allow(clippy::too_many_arguments)]
    fn decode_piece(
        &self,
        state: &mut whisper_rs::WhisperState,
        samples: &[f32],
        map: &SpeechMap,
        start: usize,
        end: usize,
        opts: &TranscribeOptions,
        no_sound_tags: bool,
    ) -> Result<(Vec<Segment>, usize), TranscribeError> {
        let offset_s = start as f64 / RATE as f64;
        let end_s = end as f64 / RATE as f64;
        let mut one_window = OneWindow::default();
        let mut bias = FillerBias {
            word_start: &self.word_start,
            candidates: Vec::new(),
            attempts: 0,
            sequence: Vec::new(),
            steps: Vec::new(),
            speech_after: (0..=1500)
                .map(|k| map.speech_between(offset_s + k as f64 * 0.02, end_s) as f32)
                .collect(),
            token_beg: self.token_beg,
            eot: self.eot,
            eot_holds: 0,
            tokens: self.filler_tokens.clone(),
            bias: opts.filler_bias.unwrap_or(FILLER_BIAS),
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
        if no_sound_tags {
            params.set_suppress_nst(true);
        }
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
        // Attempts and tokens are counted by the logits callback, installed only when
        // filler-aware.
        let counted = if opts.fillers {
            format!(
                " ({} attempt(s), {} tokens)",
                bias.attempts,
                bias.sequence.len()
            )
        } else {
            String::new()
        };
        tracing::debug!(
            "decoded {offset_s:.2}-{end_s:.2} s in {:.2} s{counted}",
            t.elapsed().as_secs_f64()
        );
        // Under steady noise (a laptop fan) Whisper now and then gives up on a whole piece of
        // speech, writing a sound tag ("(Singing)", "(in the background)") for 26 s of talk
        // after its temperature fallback. Far fewer tokens than the speech in the piece
        // holds: decode it once more with the non-speech tokens suppressed.
        let speech_s = map.speech_between(offset_s, end_s);
        if opts.fillers
            && !no_sound_tags
            && speech_s >= MIN_SPEECH_FOR_RETRY_S
            && (bias.sequence.len() as f64) < MIN_TOKENS_PER_S * speech_s
        {
            tracing::debug!(
                "{} tokens for {speech_s:.1} s of speech: decoding again without sound tags",
                bias.sequence.len()
            );
            return self.decode_piece(state, samples, map, start, end, opts, true);
        }
        let mut tokens = read_tokens(state, offset_s);
        // The sentence Whisper left open at the end of the piece: kept, rather than decoded
        // again in a new window from the last timestamp.
        let mut kept_tail = false;
        if one_window.stopped {
            if let Some(tail) = self.open_tail(&bias, map, offset_s, end_s) {
                tokens.push(tail);
                kept_tail = true;
            }
        }
        if opts.fillers && !bias.candidates.is_empty() {
            // After one attempt, whisper.cpp's decoder cache holds the prompt and every
            // token written, at their positions.
            let in_cache = if bias.attempts == 1 {
                let mut c = self.filler_prompt_tokens.clone();
                c.extend_from_slice(&bias.sequence);
                c
            } else {
                Vec::new()
            };
            let decoded: Vec<i32> = tokens
                .iter()
                .flat_map(|s| s.2.iter().map(|t| t.id))
                .collect();
            let edits = second_look(
                state,
                opts.threads,
                self.eot,
                &self.filler_tokens,
                &self.filler_prompt_tokens,
                &decoded,
                &bias.candidates,
                in_cache,
            )?;
            self.apply_edits(&mut tokens, &edits);
        }
        let mut piece = self.build_segments(tokens);
        clamp_times(&mut piece, offset_s, end_s);
        // Where whisper.cpp would have moved its window to: the end of the last closed
        // sentence, unless the rest of the piece is silence.
        let mut next = end;
        if one_window.stopped && !kept_tail {
            if let Some(last) = piece.last() {
                if map.speech_between(last.end_s, end_s) >= MIN_REST_S {
                    let at = (last.end_s * RATE as f64) as usize;
                    // At least 1 s further on, so the loop always ends.
                    next = at.clamp((start + RATE as usize).min(end), end);
                }
            }
        }
        Ok((piece, next))
    }

    /// The text Whisper wrote after its last timestamp, which whisper.cpp drops to decode it
    /// again in a new window: as a segment from that timestamp to the end of the speech in the
    /// piece, its words spread over it by length (the re-timing puts them on the speech).
    /// `None` when there is none, when the window was decoded more than once (temperature
    /// fallback), or when it is too little or too much text for the speech there.
    fn open_tail(
        &self,
        bias: &FillerBias,
        map: &SpeechMap,
        offset_s: f64,
        end_s: f64,
    ) -> Option<RawSegment> {
        let seq = &bias.sequence;
        if bias.attempts != 1 {
            return None;
        }
        let last_ts = seq.iter().rposition(|&t| t >= self.token_beg)?;
        let start_s = offset_s + f64::from(seq[last_ts] - self.token_beg) * 0.02;
        let speech_end = map
            .regions
            .iter()
            .rev()
            .find(|r| r.start_s < end_s && r.end_s > start_s)
            .map(|r| r.end_s.min(end_s))?;
        let text: Vec<(usize, i32)> = seq
            .iter()
            .enumerate()
            .skip(last_ts + 1)
            .filter(|&(_, &t)| t < self.eot)
            .map(|(i, &t)| (i, t))
            .collect();
        let span = speech_end - start_s;
        let speech = map.speech_between(start_s, speech_end);
        let n = text.len() as f64;
        if span <= 0.0 || n < MIN_TOKENS_PER_S * speech || n > 4.0 + MAX_TOKENS_PER_S * span {
            return None;
        }
        let pieces = text
            .iter()
            .map(|&(i, id)| {
                let p = match bias.steps.get(i) {
                    Some(&(best, p)) if best == id => p,
                    _ => 0.0,
                };
                (id, self.token_bytes(id), p)
            })
            .collect();
        let toks = spread(pieces, start_s, speech_end, |b| b.len().max(1));
        tracing::debug!("kept the open sentence at {start_s:.2}-{speech_end:.2} s");
        Some((start_s, speech_end, toks))
    }

    fn token_bytes(&self, id: i32) -> Vec<u8> {
        self.ctx.token_to_bytes(id).unwrap_or_default().to_vec()
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
                    let insert = e
                        .insert
                        .iter()
                        .map(|&(id, p)| (id, self.token_bytes(id), p))
                        .filter(|(_, b, _)| !b.iter().all(|c| c.is_ascii_punctuation()))
                        .collect();
                    let new = spread(insert, t0, t1, |_| 1);
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

/// Tokens `(id, bytes, p)` laid end to end over `t0..t1`, each taking a share in proportion
/// to `weight` of its bytes.
fn spread(
    toks: Vec<(i32, Vec<u8>, f32)>,
    t0: f64,
    t1: f64,
    weight: impl Fn(&[u8]) -> usize,
) -> Vec<RawTok> {
    let total = toks.iter().map(|(_, b, _)| weight(b)).sum::<usize>().max(1) as f64;
    let mut at = 0usize;
    toks.into_iter()
        .map(|(id, bytes, p)| {
            let a = t0 + (t1 - t0) * at as f64 / total;
            at += weight(&bytes);
            RawTok {
                id,
                t0: a,
                t1: t0 + (t1 - t0) * at as f64 / total,
                bytes,
                p,
            }
        })
        .collect()
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
    /// Attempts at the window (more than one when whisper.cpp fell back to sampling).
    attempts: usize,
    /// Every token written so far in this attempt, as of the last step.
    sequence: Vec<i32>,
    /// Per step of this attempt: the most likely text token and its probability.
    steps: Vec<(i32, f32)>,
    /// Seconds of speech in the piece after each timestamp token (index: token - `token_beg`).
    speech_after: Vec<f32>,
    token_beg: i32,
    eot: i32,
    /// Times in this attempt that EOT, the most likely token, was masked.
    eot_holds: usize,
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
        let n_vocab = whisper_rs_sys::whisper_n_vocab(ctx).max(0) as usize;
        let logits = std::slice::from_raw_parts_mut(logits, n_vocab);
        bias.observe(decoded, logits);
    }
}

impl FillerBias<'_> {
    /// One decoding step: `decoded` is what was written so far, `logits` the next token's.
    fn observe(&mut self, decoded: &[whisper_rs_sys::whisper_token_data], logits: &mut [f32]) {
        if decoded.is_empty() {
            // A new attempt (whisper.cpp retries a window at a higher temperature).
            self.attempts += 1;
            self.eot_holds = 0;
        }
        self.sequence.clear();
        self.sequence.extend(decoded.iter().map(|t| t.id));
        let from = decoded.len().saturating_sub(RECENT_TOKENS);
        let recent = decoded[from..].iter().any(|t| self.tokens.contains(&t.id));
        if !recent {
            for &id in &self.tokens {
                if let Some(l) = logits.get_mut(id as usize) {
                    if l.is_finite() {
                        *l += self.bias;
                    }
                }
            }
        }
        // Whisper sometimes ends the text right after a timestamp with seconds of speech
        // still to come in the window; whisper.cpp would then encode a new window from there.
        // Make it go on instead, a few times per attempt (over noise it may keep wanting to).
        if let Some(last) = decoded.last() {
            let k = last.id - self.token_beg;
            let rest = usize::try_from(k)
                .ok()
                .and_then(|k| self.speech_after.get(k).copied())
                .unwrap_or(0.0);
            if rest > MIN_REST_AFTER_EOT_S && self.eot_holds < MAX_EOT_HOLDS {
                let eot = self.eot as usize;
                let best_other = logits
                    .iter()
                    .enumerate()
                    .filter(|&(id, _)| id != eot)
                    .map(|(_, &l)| l)
                    .fold(f32::NEG_INFINITY, f32::max);
                if let Some(l) = logits.get_mut(eot) {
                    if *l >= best_other {
                        self.eot_holds += 1;
                    }
                    *l = f32::NEG_INFINITY;
                }
            }
        }
        let (top, top_logit, p) = best_text_token(logits, self.word_start.len());
        self.steps.truncate(decoded.len());
        self.steps.push((top as i32, p));
        if recent {
            return;
        }
        // The most likely word start against the most likely filler.
        let Some((filler, filler_logit)) = self
            .tokens
            .iter()
            .filter_map(|&id| logits.get(id as usize).map(|&l| (id, l)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return;
        };
        if self.word_start[top]
            && !self.tokens.contains(&(top as i32))
            && top_logit - filler_logit < CANDIDATE_GAP
        {
            self.candidates.push(Candidate {
                prefix: self.sequence.clone(),
                top: top as i32,
                filler,
            });
        }
    }
}

/// The most likely text token (id below `n_text`), its logit, and its probability among all
/// tokens.
fn best_text_token(logits: &[f32], n_text: usize) -> (usize, f32, f32) {
    let (mut best, mut best_logit) = (0usize, f32::NEG_INFINITY);
    let mut max = f32::NEG_INFINITY;
    for (id, &l) in logits.iter().enumerate() {
        if id < n_text && l > best_logit {
            (best, best_logit) = (id, l);
        }
        max = max.max(l);
    }
    // Terms more than 20 below the maximum add less than 2e-9 each.
    let sum: f32 = logits
        .iter()
        .filter(|&&l| l > max - 20.0)
        .map(|&l| (l - max).exp())
        .sum();
    let p = (best_logit - max).exp() / sum.max(f32::MIN_POSITIVE);
    (best, best_logit, p)
}
