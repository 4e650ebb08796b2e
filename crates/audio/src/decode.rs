//! File decoding and resampling behind [`super::load`]: one streaming pass from the file to
//! 16 kHz mono, so a long recording is held once at 16 kHz rather than as decoded
//! multi-channel audio plus copies.
//!
//! WAV goes through hound (integer PCM of 8 to 32 bits and 32-bit float); a WAV that hound
//! cannot read (ADPCM, µ-law, 64-bit float...) falls through to Symphonia with everything
//! else. Resampling is rubato's FFT resampler, with its delay trimmed and its tail flushed so
//! the output is exactly `round(frames * 16000 / rate)` samples long.

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use rubato::{FftFixedIn, Resampler};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{self, CodecType, DecoderOptions, CODEC_TYPE_NULL};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::FormatOptions;
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use super::{Audio, AudioError, MIN_TRUNCATED_S, SAMPLE_RATE};

/// Input frames per resampler call.
const CHUNK: usize = 1024;

pub(crate) fn decode_file(path: &Path) -> Result<Audio, AudioError> {
    // Symphonia panics on some damaged files (an `unwrap` in its MP4 reader, found by
    // tests/fuzz.rs): that is one damaged file, not the end of a batch.
    DECODING.with(|d| d.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| decode(path)));
    DECODING.with(|d| d.set(false));
    result.unwrap_or_else(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(AudioError::Damaged {
            path: path.to_path_buf(),
            detail: format!("the decoder gave up on it: {why}"),
        })
    })
}

/// The length in seconds a recording's header states, without decoding it (`None` when the
/// header does not say, or the file is not audio we read). For planning only.
pub(crate) fn probe_duration(path: &Path) -> Option<f64> {
    DECODING.with(|d| d.set(true));
    let result = std::panic::catch_unwind(|| header_duration(path));
    DECODING.with(|d| d.set(false));
    result.ok().flatten()
}

fn header_duration(path: &Path) -> Option<f64> {
    let mut file = File::open(path).ok()?;
    let mut magic = [0u8; 12];
    let n = read_up_to(&mut file, &mut magic).ok()?;
    if super::mp4::looks_like_mp4(&magic[..n]) && super::mp4::check(&mut file).ok()?.is_some() {
        return None;
    }
    file.seek(SeekFrom::Start(0)).ok()?;
    let mss = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let probed = symphonia::default::get_probe()
        .format(
            &hint,
            mss,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .ok()?;
    let track = probed
        .format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)?;
    let frames = track.codec_params.n_frames?;
    let rate = track.codec_params.sample_rate.filter(|r| *r > 0)?;
    Some(frames as f64 / f64::from(rate))
}

thread_local! {
    /// Set while this thread decodes: a panic then is a damaged file, reported as such.
    static DECODING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the panic message (and backtrace) of a decoder that gave up off stderr: the file is
/// reported in one line instead. Other panics print as usual. Installed once by the CLI.
pub fn quiet_decoder_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DECODING.with(std::cell::Cell::get) {
                default(info);
            }
        }));
    });
}

fn decode(path: &Path) -> Result<Audio, AudioError> {
    let p = || path.to_path_buf();
    let mut file = File::open(path).map_err(|e| io_error(path, e))?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(AudioError::Unreadable {
            path: p(),
            error: io::Error::other("is a directory"),
        });
    }
    if meta.len() == 0 {
        return Err(AudioError::Empty { path: p() });
    }

    let mut magic = [0u8; 12];
    let n = read_up_to(&mut file, &mut magic).map_err(|e| io_error(path, e))?;
    file.seek(SeekFrom::Start(0))
        .map_err(|e| io_error(path, e))?;
    if n == 12 && &magic[0..4] == b"RIFF" && &magic[8..12] == b"WAVE" {
        match decode_wav(path, BufReader::new(file))? {
            Some(audio) => return Ok(audio),
            None => {
                // Not a WAV flavour hound reads: reopen for Symphonia.
                file = File::open(path).map_err(|e| io_error(path, e))?;
            }
        }
    }
    if super::mp4::looks_like_mp4(&magic[..n]) {
        if let Some(problem) = super::mp4::check(&mut file).map_err(|e| io_error(path, e))? {
            return Err(AudioError::Damaged {
                path: p(),
                detail: problem,
            });
        }
    }
    decode_symphonia(path, file)
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn io_error(path: &Path, error: io::Error) -> AudioError {
    match error.kind() {
        io::ErrorKind::NotFound => AudioError::Missing {
            path: path.to_path_buf(),
        },
        _ => AudioError::Unreadable {
            path: path.to_path_buf(),
            error,
        },
    }
}

/// Returns `Ok(None)` when hound does not support this WAV flavour.
fn decode_wav(path: &Path, reader: BufReader<File>) -> Result<Option<Audio>, AudioError> {
    let mut wav = match hound::WavReader::new(reader) {
        Ok(w) => w,
        // hound says "Failed to read enough bytes" (kind Other) for a header cut short.
        Err(hound::Error::IoError(e))
            if matches!(
                e.kind(),
                io::ErrorKind::UnexpectedEof | io::ErrorKind::Other
            ) =>
        {
            return Err(AudioError::Truncated {
                path: path.to_path_buf(),
                detail: "the file ends inside its header".into(),
            })
        }
        Err(hound::Error::IoError(e)) => return Err(io_error(path, e)),
        Err(_) => return Ok(None),
    };
    let spec = wav.spec();
    let channels = spec.channels.max(1) as usize;
    let claimed_frames = wav.duration() as u64;
    let mut sink = MonoSink::new(spec.sample_rate, channels, Some(claimed_frames));
    let mut frame = Vec::with_capacity(channels);
    let mut error: Option<hound::Error> = None;

    match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Float, 32) => {
            for s in wav.samples::<f32>() {
                match s {
                    Ok(v) => frame.push(v),
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                }
                if frame.len() == channels {
                    sink.push_interleaved(&frame);
                    frame.clear();
                }
            }
        }
        (hound::SampleFormat::Int, bits @ 1..=32) => {
            let scale = 1.0 / (1u64 << (bits - 1)) as f32;
            for s in wav.samples::<i32>() {
                match s {
                    Ok(v) => frame.push(v as f32 * scale),
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                }
                if frame.len() == channels {
                    sink.push_interleaved(&frame);
                    frame.clear();
                }
            }
        }
        _ => return Ok(None),
    }

    let decoded = sink.frames_in();
    let short = decoded < claimed_frames;
    if let Some(e) = error {
        // hound reports a data chunk that ends early as an I/O error ("Failed to read enough
        // bytes", kind Other): when fewer frames came than the header promised, that is
        // truncation, whatever the kind.
        match e {
            _ if short => {}
            hound::Error::IoError(e) => return Err(io_error(path, e)),
            _ => return Err(not_audio(path)),
        }
    }
    let audio = sink.finish(spec.channels, short);
    if short {
        check_truncated(path, audio, claimed_frames as f64 / spec.sample_rate as f64)
    } else {
        Ok(Some(audio))
    }
    .map(|a| a.into_iter().next())
}

fn not_audio(path: &Path) -> AudioError {
    AudioError::NotAudio {
        path: path.to_path_buf(),
    }
}

/// Keeps a short-decoded recording if it has at least [`MIN_TRUNCATED_S`] of audio.
fn check_truncated(
    path: &Path,
    mut audio: Audio,
    expected_s: f64,
) -> Result<Option<Audio>, AudioError> {
    audio.promised_s = expected_s;
    if audio.duration_s < MIN_TRUNCATED_S {
        let promised = if expected_s > 0.0 {
            format!("header promises {expected_s:.1} s, ")
        } else {
            String::new()
        };
        return Err(AudioError::Truncated {
            path: path.to_path_buf(),
            detail: format!(
                "{promised}only {:.2} s of audio could be decoded",
                audio.duration_s
            ),
        });
    }
    // Not a warning here: the reports say it (`Transcript::cut_short`).
    tracing::info!(
        path = %path.display(),
        decoded_s = audio.duration_s,
        expected_s,
        "recording is truncated; using the audio that is there"
    );
    Ok(Some(audio))
}

fn decode_symphonia(path: &Path, file: File) -> Result<Audio, AudioError> {
    let mss = MediaSourceStream::new(Box::new(file), Default::default());
    let mut hint = Hint::new();
    if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
        hint.with_extension(ext);
    }
    let format_opts = FormatOptions {
        enable_gapless: true,
        ..Default::default()
    };
    let probed = symphonia::default::get_probe()
        .format(&hint, mss, &format_opts, &MetadataOptions::default())
        .map_err(|e| match e {
            SymError::IoError(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                AudioError::Truncated {
                    path: path.to_path_buf(),
                    detail: "the file ends inside its header".into(),
                }
            }
            SymError::IoError(e) => io_error(path, e),
            _ => not_audio(path),
        })?;
    let mut format = probed.format;
    let track = format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or_else(|| not_audio(path))?;
    let track_id = track.id;
    let params = track.codec_params.clone();
    let mut decoder = symphonia::default::get_codecs()
        .make(&params, &DecoderOptions::default())
        .map_err(|e| match e {
            SymError::Unsupported(_) => AudioError::UnsupportedCodec {
                path: path.to_path_buf(),
                codec: codec_name(params.codec),
            },
            _ => not_audio(path),
        })?;

    let mut rate = params.sample_rate;
    let mut channels = params.channels.map(|c| c.count());
    let claimed_frames = params.n_frames;
    let mut sink: Option<MonoSink> = None;
    let mut buf: Option<SampleBuffer<f32>> = None;
    let mut stream_error: Option<String> = None;
    let mut decode_errors = 0usize;

    loop {
        let packet = match format.next_packet() {
            Ok(p) => p,
            Err(SymError::IoError(e)) if e.kind() == io::ErrorKind::UnexpectedEof => break,
            Err(SymError::ResetRequired) => break,
            Err(SymError::IoError(e)) if sink.is_none() => return Err(io_error(path, e)),
            Err(e) => {
                stream_error = Some(e.to_string());
                break;
            }
        };
        if packet.track_id() != track_id {
            continue;
        }
        let decoded = match decoder.decode(&packet) {
            Ok(d) => d,
            // A damaged packet: skip it, as players do.
            Err(SymError::DecodeError(_)) => {
                decode_errors += 1;
                continue;
            }
            Err(SymError::Unsupported(_)) => {
                return Err(AudioError::UnsupportedCodec {
                    path: path.to_path_buf(),
                    codec: codec_name(params.codec),
                })
            }
            Err(e) => {
                stream_error = Some(e.to_string());
                break;
            }
        };
        let spec = *decoded.spec();
        let sink = sink.get_or_insert_with(|| {
            rate = Some(spec.rate);
            channels = Some(spec.channels.count());
            MonoSink::new(spec.rate, spec.channels.count(), claimed_frames)
        });
        let b = match &mut buf {
            Some(b) if b.capacity() >= decoded.capacity() * spec.channels.count() => b,
            _ => buf.insert(SampleBuffer::new(decoded.capacity() as u64, spec)),
        };
        b.copy_interleaved_ref(decoded);
        sink.push_interleaved(b.samples());
    }

    let Some(sink) = sink else {
        // Nothing decoded at all.
        return Err(match (stream_error, decode_errors) {
            (Some(e), _) => AudioError::Truncated {
                path: path.to_path_buf(),
                detail: format!("no audio could be decoded: {e}"),
            },
            (None, n) if n > 0 => not_audio(path),
            (None, _) => AudioError::Truncated {
                path: path.to_path_buf(),
                detail: "it contains no audio".into(),
            },
        });
    };
    let rate = rate.unwrap_or(SAMPLE_RATE);
    let decoded_frames = sink.frames_in();
    // Allow 0.1 s of slack: encoder delay and padding make frame counts inexact.
    let short_by_header = claimed_frames.is_some_and(|n| decoded_frames + u64::from(rate / 10) < n);
    let short = short_by_header || stream_error.is_some();
    let audio = sink.finish(channels.unwrap_or(1) as u16, short);
    if short {
        let expected = claimed_frames.map_or(0.0, |n| n as f64 / rate as f64);
        Ok(check_truncated(path, audio, expected)?.expect("check_truncated keeps audio"))
    } else {
        Ok(audio)
    }
}

fn codec_name(codec: CodecType) -> String {
    let name = match codec {
        codecs::CODEC_TYPE_OPUS => "Opus",
        codecs::CODEC_TYPE_ALAC => "ALAC",
        codecs::CODEC_TYPE_WAVPACK => "WavPack",
        codecs::CODEC_TYPE_SPEEX => "Speex",
        codecs::CODEC_TYPE_MP1 => "MPEG-1 Layer I",
        codecs::CODEC_TYPE_MP2 => "MPEG-1 Layer II",
        codecs::CODEC_TYPE_AC4 => "AC-4",
        codecs::CODEC_TYPE_EAC3 => "E-AC-3",
        codecs::CODEC_TYPE_DCA => "DTS",
        codecs::CODEC_TYPE_ATRAC3 => "ATRAC3",
        codecs::CODEC_TYPE_MUSEPACK => "Musepack",
        codecs::CODEC_TYPE_ADPCM_IMA_WAV | codecs::CODEC_TYPE_ADPCM_MS => "ADPCM",
        _ => {
            return symphonia::default::get_codecs()
                .get_codec(codec)
                .map_or_else(|| format!("(id {codec})"), |d| d.long_name.to_string())
        }
    };
    name.to_string()
}

/// Input chunk for rubato's FFT resampler: about [`CHUNK`] frames, a whole number of the
/// rates' common period, and an even number of periods. rubato reports its delay as half the
/// FFT output size, which is exact only when both FFT sizes are even (48 kHz and 11.025 kHz
/// with odd sizes came out a third to two thirds of a sample late).
fn chunk_for(rate: u32) -> usize {
    let g = gcd(rate as usize, SAMPLE_RATE as usize);
    let unit_in = rate as usize / g;
    // An even number of periods makes both FFT sizes even.
    CHUNK.div_ceil(unit_in).next_multiple_of(2) * unit_in
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Down-mixes interleaved frames to mono and streams them through the resampler.
struct MonoSink {
    rate: u32,
    channels: usize,
    resampler: Option<FftFixedIn<f32>>,
    /// Mono input not yet resampled (less than one chunk after each push).
    pending: Vec<f32>,
    out: Vec<f32>,
    out_buf: Vec<Vec<f32>>,
    /// Resampler output still to drop (its delay).
    skip: usize,
    frames_in: u64,
}

impl MonoSink {
    fn new(rate: u32, channels: usize, expected_frames: Option<u64>) -> Self {
        let resampler = (rate != SAMPLE_RATE).then(|| {
            FftFixedIn::<f32>::new(rate as usize, SAMPLE_RATE as usize, chunk_for(rate), 1, 1)
                .expect("valid resampler parameters")
        });
        let skip = resampler.as_ref().map_or(0, |r| r.output_delay());
        let out_buf = resampler
            .as_ref()
            .map_or_else(Vec::new, |r| vec![vec![0.0; r.output_frames_max()]]);
        let mut out = Vec::new();
        if let Some(n) = expected_frames {
            // Reserve what the header promises, within reason (a lying header must not
            // make us allocate gigabytes).
            let n = (n as f64 * SAMPLE_RATE as f64 / rate.max(1) as f64) as usize;
            out.reserve(n.min(SAMPLE_RATE as usize * 60 * 60) + CHUNK);
        }
        MonoSink {
            rate,
            channels: channels.max(1),
            resampler,
            pending: Vec::with_capacity(CHUNK * 2),
            out,
            out_buf,
            skip,
            frames_in: 0,
        }
    }

    fn frames_in(&self) -> u64 {
        self.frames_in
    }

    fn push_interleaved(&mut self, samples: &[f32]) {
        let ch = self.channels;
        let target = if self.resampler.is_some() {
            &mut self.pending
        } else {
            &mut self.out
        };
        let before = target.len();
        if ch == 1 {
            target.extend_from_slice(samples);
        } else {
            let inv = 1.0 / ch as f32;
            target.extend(
                samples
                    .chunks_exact(ch)
                    .map(|f| f.iter().sum::<f32>() * inv),
            );
        }
        self.frames_in += (target.len() - before) as u64;
        self.drain_full_chunks();
    }

    fn drain_full_chunks(&mut self) {
        let Some(r) = self.resampler.as_mut() else {
            return;
        };
        let mut at = 0;
        while self.pending.len() - at >= r.input_frames_next() {
            let need = r.input_frames_next();
            let (_, n) = r
                .process_into_buffer(&[&self.pending[at..at + need]], &mut self.out_buf, None)
                .expect("buffers sized by the resampler");
            at += need;
            append_skipping(&mut self.out, &self.out_buf[0][..n], &mut self.skip);
        }
        self.pending.drain(..at);
    }

    fn finish(mut self, source_channels: u16, truncated: bool) -> Audio {
        let expected =
            (self.frames_in as f64 * SAMPLE_RATE as f64 / self.rate.max(1) as f64).round() as usize;
        if let Some(r) = self.resampler.as_mut() {
            let mut first = true;
            while self.out.len() < expected {
                // rubato rejects an empty input slice: pass None once nothing is pending.
                let input = (first && !self.pending.is_empty()).then(|| [&self.pending[..]]);
                first = false;
                let (_, n) = r
                    .process_partial_into_buffer(
                        input.as_ref().map(|a| &a[..]),
                        &mut self.out_buf,
                        None,
                    )
                    .expect("buffers sized by the resampler");
                if n == 0 {
                    break;
                }
                append_skipping(&mut self.out, &self.out_buf[0][..n], &mut self.skip);
            }
            self.out.resize(expected, 0.0);
        }
        self.out.shrink_to_fit();
        Audio {
            duration_s: self.frames_in as f64 / self.rate.max(1) as f64,
            samples: self.out,
            source_rate: self.rate,
            source_channels,
            truncated,
            promised_s: 0.0,
        }
    }
}

fn append_skipping(out: &mut Vec<f32>, new: &[f32], skip: &mut usize) {
    let drop = (*skip).min(new.len());
    *skip -= drop;
    out.extend_from_slice(&new[drop..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(rate: u32, secs: f64, freq: f64) -> Vec<f32> {
        let n = (rate as f64 * secs) as usize;
        (0..n)
            .map(|i| {
                (0.5 * (2.0 * std::f64::consts::PI * freq * i as f64 / rate as f64).sin()) as f32
            })
            .collect()
    }

    #[test]
    fn resampling_keeps_length_and_alignment() {
        for rate in [
            8_000, 11_025, 22_050, 24_000, 32_000, 44_100, 48_000, 88_200, 96_000,
        ] {
            let input = sine(rate, 3.0, 440.0);
            let mut sink = MonoSink::new(rate, 1, None);
            // Odd-sized pushes, like codec packets.
            for part in input.chunks(1151) {
                sink.push_interleaved(part);
            }
            let audio = sink.finish(1, false);
            assert_eq!(audio.samples.len(), 48_000, "rate {rate}");
            // Compare with an ideal 440 Hz sine at 16 kHz, away from the edges.
            let ideal = sine(16_000, 3.0, 440.0);
            let err: f32 = audio.samples[1000..47_000]
                .iter()
                .zip(&ideal[1000..47_000])
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f32::max);
            assert!(err < 0.01, "rate {rate}: max error {err}");
        }
    }

    #[test]
    fn stereo_is_averaged() {
        let mut sink = MonoSink::new(16_000, 2, None);
        sink.push_interleaved(&[1.0, 0.0, 0.5, 0.5, -1.0, 0.0]);
        let audio = sink.finish(2, false);
        assert_eq!(audio.samples, vec![0.5, 0.5, -0.5]);
        assert_eq!(audio.source_channels, 2);
    }
}
