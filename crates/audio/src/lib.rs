//! Turns a user's recording into what the rest of starcoach needs: 16 kHz mono `f32`
//! samples for Whisper, plus where the speech is.
//!
//! [`load`] decodes any supported file (WAV through hound; MP3, M4A/AAC, Ogg Vorbis and FLAC
//! through Symphonia), down-mixes to mono and resamples with rubato. Every way a file can be
//! unusable is one [`AudioError`] variant whose message names the file. [`vad`] finds speech,
//! pauses and the cut points for feeding Whisper in pieces.

mod decode;
pub use decode::quiet_decoder_panics;
/// Microphone capture (cpal) and the WAV writer of recorded answers.
pub mod capture;
mod mp4;
pub mod vad;
/// Voice prints: how a stretch of speech sounds, to tell two speakers apart.
pub mod voiceprint;

use std::io;
use std::path::{Path, PathBuf};

pub use vad::Region;

/// The sample rate of [`Audio::samples`]: what Whisper expects.
pub const SAMPLE_RATE: u32 = 16_000;

/// A decoded recording, ready for Whisper.
#[derive(Debug, Clone)]
pub struct Audio {
    /// 16 kHz mono samples in [-1, 1].
    pub samples: Vec<f32>,
    /// Length of the source audio in seconds (`samples.len() / 16000`, give or take a sample).
    pub duration_s: f64,
    /// The file's own sample rate.
    pub source_rate: u32,
    /// The file's own channel count (before down-mixing).
    pub source_channels: u16,
    /// The file ended before its header said it would (or a stream error cut decoding short),
    /// but enough audio was there to use. See [`AudioError::Truncated`] for the threshold.
    pub truncated: bool,
    /// When truncated: the seconds the header promised (0 when it did not say).
    pub promised_s: f64,
}

/// Why a recording could not be used. Each message is one line that starts with the path as
/// the user gave it, e.g. `answer.mp3: not an audio file (unrecognised format)`.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    /// The path does not exist.
    #[error("{}: file not found", .path.display())]
    Missing { path: PathBuf },
    /// The file has 0 bytes.
    #[error("{}: file is empty (0 bytes)", .path.display())]
    Empty { path: PathBuf },
    /// The content is not a format we recognise, whatever the extension says.
    #[error("{}: not an audio file (unrecognised format)", .path.display())]
    NotAudio { path: PathBuf },
    /// The file ends early (or the stream breaks) and less than
    /// [`MIN_TRUNCATED_S`] seconds of audio could be decoded. With more than that, [`load`]
    /// returns the audio it got and sets [`Audio::truncated`] instead.
    #[error("{}: truncated ({detail})", .path.display())]
    Truncated { path: PathBuf, detail: String },
    /// The container's own tables contradict themselves (checked before decoding where the
    /// decoder would trust them with memory: [`mp4`]).
    #[error("{}: damaged file ({detail})", .path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The container is fine but the codec is not one we decode (e.g. Opus).
    #[error(
        "{}: unsupported codec {codec} (supported: MP3, AAC, Vorbis, FLAC, PCM WAV)",
        .path.display()
    )]
    UnsupportedCodec { path: PathBuf, codec: String },
    /// Decoded fine, but there is no speech energy in it.
    #[error("{}: no speech found (the recording is silent)", .path.display())]
    SilenceOnly { path: PathBuf },
    /// Loud enough, but no speech: noise, music or a tone (or Whisper heard no words).
    #[error("{}: no speech found: {what}", .path.display())]
    NotSpeech { path: PathBuf, what: String },
    /// Less speech than [`MIN_SPEECH_TO_JUDGE_S`]: too little to judge an answer by.
    #[error(
        "{}: too short to judge: {speech_s:.1} s of speech (at least {MIN_SPEECH_TO_JUDGE_S:.0} s needed){cut}",
        .path.display()
    )]
    TooShort {
        path: PathBuf,
        speech_s: f64,
        /// ", and the file is cut short: ..." when it is.
        cut: String,
    },
    /// An I/O error such as a permission problem or a directory given as a file. The reason
    /// is part of the message (not a separate `source`) so that the one line says it all.
    #[error("{}: cannot read ({error})", .path.display())]
    Unreadable { path: PathBuf, error: io::Error },
}

impl AudioError {
    /// The path the error is about, as the user gave it.
    pub fn path(&self) -> &Path {
        match self {
            AudioError::Missing { path }
            | AudioError::Empty { path }
            | AudioError::NotAudio { path }
            | AudioError::Truncated { path, .. }
            | AudioError::Damaged { path, .. }
            | AudioError::UnsupportedCodec { path, .. }
            | AudioError::SilenceOnly { path }
            | AudioError::NotSpeech { path, .. }
            | AudioError::TooShort { path, .. }
            | AudioError::Unreadable { path, .. } => path,
        }
    }
}

/// A truncated file with less than this many seconds of decodable audio is an error;
/// with more, the audio is used and [`Audio::truncated`] is set. One second is far too short
/// for an interview answer to score, but a long answer that lost its last packet is still
/// worth feedback.
pub const MIN_TRUNCATED_S: f64 = 1.0;

/// An answer with less speech than this is not scored: a length, a pace or a structure
/// measured on a few words says nothing (and a 0.3 s clip once reported 558 words a minute).
pub const MIN_SPEECH_TO_JUDGE_S: f64 = 3.0;

/// Above this level (RMS, dBFS) a recording without speech is sound, not silence.
const SOUND_DBFS: f64 = -45.0;

/// Decodes `path` into 16 kHz mono samples.
///
/// The format is found from the content; the extension is only a hint. Fails with
/// [`AudioError::SilenceOnly`] when [`vad::is_silent`] finds no speech.
pub fn load(path: &Path) -> Result<Audio, AudioError> {
    let audio = decode::decode_file(path)?;
    if vad::is_silent(&audio.samples, SAMPLE_RATE) {
        return Err(no_speech(path, &audio));
    }
    Ok(audio)
}

/// Why there is no speech: silence, or sound that is not speech.
pub fn no_speech(path: &Path, audio: &Audio) -> AudioError {
    let path = path.to_path_buf();
    let db = rms_dbfs(&audio.samples);
    if db > SOUND_DBFS {
        AudioError::NotSpeech {
            path,
            what: format!("{db:.0} dBFS of sound, but not speech (noise, music or a tone?)"),
        }
    } else {
        AudioError::SilenceOnly { path }
    }
}

/// Checks a decoded recording holds enough speech to score an answer by.
pub fn check_judgeable(path: &Path, audio: &Audio) -> Result<(), AudioError> {
    let speech_s = vad::SpeechMap::analyze(&audio.samples, SAMPLE_RATE).speech_s();
    if speech_s < MIN_SPEECH_TO_JUDGE_S {
        return Err(AudioError::TooShort {
            path: path.to_path_buf(),
            speech_s,
            cut: cut_short_note(audio)
                .map(|n| format!(", and {n}"))
                .unwrap_or_default(),
        });
    }
    Ok(())
}

/// "the file is cut short: it holds 0:02 of the 0:19 its header promises" for a truncated
/// recording.
pub fn cut_short_note(audio: &Audio) -> Option<String> {
    let mmss = |s: f64| format!("{}:{:02}", (s / 60.0) as u64, (s % 60.0) as u64);
    audio.truncated.then(|| {
        if audio.promised_s > audio.duration_s {
            format!(
                "the file is cut short: it holds {} of the {} its header promises",
                mmss(audio.duration_s),
                mmss(audio.promised_s)
            )
        } else {
            format!(
                "the file is cut short: its audio breaks off after {}",
                mmss(audio.duration_s)
            )
        }
    })
}

/// Root-mean-square level in dBFS (-inf for digital silence).
fn rms_dbfs(samples: &[f32]) -> f64 {
    if samples.is_empty() {
        return f64::NEG_INFINITY;
    }
    let mean_sq = samples
        .iter()
        .map(|&x| f64::from(x) * f64::from(x))
        .sum::<f64>()
        / samples.len() as f64;
    10.0 * mean_sq.log10()
}

/// The length in seconds a recording's header states, without decoding it (`None` when the
/// header does not say). For planning work, not for scoring.
pub fn probe_duration(path: &Path) -> Option<f64> {
    decode::probe_duration(path)
}

/// The audio as a 16-bit WAV file in memory (for a report that carries its recording).
pub fn wav_bytes(audio: &Audio) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: SAMPLE_RATE,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut out = std::io::Cursor::new(Vec::with_capacity(44 + audio.samples.len() * 2));
    if let Ok(mut w) = hound::WavWriter::new(&mut out, spec) {
        for s in &audio.samples {
            let _ = w.write_sample((s.clamp(-1.0, 1.0) * 32767.0).round() as i16);
        }
        let _ = w.finalize();
    }
    out.into_inner()
}

/// Like [`load`] but keeps silent recordings (for tools that measure rather than score).
pub fn load_any(path: &Path) -> Result<Audio, AudioError> {
    decode::decode_file(path)
}

/// The stretches `runs` (seconds, in order) of `audio` joined by `gap_s` of silence: an
/// answer cut out of a longer recording. Times outside the recording are clamped.
pub fn splice(audio: &Audio, runs: &[(f64, f64)], gap_s: f64) -> Audio {
    let rate = f64::from(SAMPLE_RATE);
    let at = |s: f64| ((s.max(0.0) * rate) as usize).min(audio.samples.len());
    let mut samples = Vec::new();
    for (i, &(from, to)) in runs.iter().enumerate() {
        if i > 0 {
            samples.extend(std::iter::repeat_n(0.0, (gap_s.max(0.0) * rate) as usize));
        }
        let (a, b) = (at(from), at(to));
        samples.extend_from_slice(&audio.samples[a.min(b)..b]);
    }
    Audio {
        duration_s: samples.len() as f64 / rate,
        samples,
        truncated: false,
        promised_s: 0.0,
        ..*audio
    }
}
