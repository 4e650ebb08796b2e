//! Turns a user's recording into what the rest of starcoach needs: 16 kHz mono `f32`
//! samples for Whisper, plus where the speech is.
//!
//! [`load`] decodes any supported file (WAV through hound; MP3, M4A/AAC, Ogg Vorbis and FLAC
//! through Symphonia), down-mixes to mono and resamples with rubato. Every way a file can be
//! unusable is one [`AudioError`] variant whose message names the file. [`vad`] finds speech,
//! pauses and the cut points for feeding Whisper in pieces.

mod decode;
pub mod vad;

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
    /// The container is fine but the codec is not one we decode (e.g. Opus).
    #[error(
        "{}: unsupported codec {codec} (supported: MP3, AAC, Vorbis, FLAC, PCM WAV)",
        .path.display()
    )]
    UnsupportedCodec { path: PathBuf, codec: String },
    /// Decoded fine, but there is no speech energy in it.
    #[error("{}: no speech found (the recording is silent)", .path.display())]
    SilenceOnly { path: PathBuf },
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
            | AudioError::UnsupportedCodec { path, .. }
            | AudioError::SilenceOnly { path }
            | AudioError::Unreadable { path, .. } => path,
        }
    }
}

/// A truncated file with less than this many seconds of decodable audio is an error;
/// with more, the audio is used and [`Audio::truncated`] is set. One second is far too short
/// for an interview answer to score, but a long answer that lost its last packet is still
/// worth feedback.
pub const MIN_TRUNCATED_S: f64 = 1.0;

/// Decodes `path` into 16 kHz mono samples.
///
/// The format is found from the content; the extension is only a hint. Fails with
/// [`AudioError::SilenceOnly`] when [`vad::is_silent`] finds no speech.
pub fn load(path: &Path) -> Result<Audio, AudioError> {
    let audio = decode::decode_file(path)?;
    if vad::is_silent(&audio.samples, SAMPLE_RATE) {
        return Err(AudioError::SilenceOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(audio)
}

/// Like [`load`] but keeps silent recordings (for tools that measure rather than score).
pub fn load_any(path: &Path) -> Result<Audio, AudioError> {
    decode::decode_file(path)
}
