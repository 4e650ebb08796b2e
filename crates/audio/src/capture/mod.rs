//! Microphone capture: the only place that talks to the sound system.
//!
//! An answer must survive anything short of a power cut, so the audio path is built for that:
//! the cpal callback only converts samples to f32 and pushes them into a lock-free ring buffer
//! (no allocation, no lock, no disk); a writer thread drains the ring into a 16-bit WAV at the
//! device's native rate and channel count, refreshes the WAV header every second (a `kill -9`
//! still leaves a readable file) and publishes a level meter and the elapsed time through
//! atomics for the UI thread. A full ring is counted as an overrun and reported, never dropped
//! silently; a lost device ends the recording with what was captured and says why.

mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{SampleFormat, SizedSample};

/// What the user can hit when opening a microphone.
#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error("no input device named {name:?}; available: {}", available.join(", "))]
    DeviceNotFound {
        name: String,
        available: Vec<String>,
    },
    #[error("cannot open input device {device:?}: {reason}")]
    CannotOpen { device: String, reason: String },
    #[error("input device {device:?} delivers {format}, which starcoach cannot record")]
    UnsupportedFormat { device: String, format: String },
    #[error("cannot write {}: {reason}", path.display())]
    Wav { path: PathBuf, reason: String },
}

/// An input device and the configuration it would be opened with.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviceInfo {
    /// What `--device` takes (the ALSA PCM name on Linux).
    pub name: String,
    /// The sound system's longer description, when it has one.
    pub description: Option<String>,
    pub sample_rate: u32,
    pub channels: u16,
    pub sample_format: String,
    pub is_default: bool,
}

/// Input devices with their default configuration. Devices whose configuration cannot be read
/// (busy, or playback-only plugins) are left out.
pub fn list_devices() -> Result<Vec<DeviceInfo>, CaptureError> {
    let _quiet = quiet_alsa();
    let host = cpal::default_host();
    let default_id = host.default_input_device().and_then(|d| d.id().ok());
    let devices = host.input_devices().map_err(|e| CaptureError::CannotOpen {
        device: "(all)".into(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for d in devices {
        let Ok(id) = d.id() else { continue };
        let Ok(config) = d.default_input_config() else {
            continue;
        };
        let description = d
            .description()
            .ok()
            .map(|desc| desc.name().to_string())
            .filter(|n| n != id.id());
        out.push(DeviceInfo {
            name: id.id().to_string(),
            description,
            sample_rate: config.sample_rate(),
            channels: config.channels(),
            sample_format: config.sample_format().to_string(),
            is_default: default_id.as_ref() == Some(&id),
        });
    }
    Ok(out)
}

/// How to record.
#[derive(Debug, Clone)]
pub struct CaptureOptions {
    /// Stop on our own after this much audio (counted in samples, not wall time: a device that
    /// delivers faster than real time still yields exactly this length).
    pub max_seconds: Option<f64>,
    /// Ask the device for this rate instead of its default (must be supported).
    pub sample_rate: Option<u32>,
    /// Ask the device for this many channels instead of its default (must be supported).
    pub channels: Option<u16>,
    /// How much audio the ring buffer holds before it overruns.
    pub ring_seconds: f64,
    /// How often the WAV header is rewritten so a killed process leaves a readable file.
    pub flush_every: Duration,
    /// A device that delivers nothing for this long is treated as lost.
    pub stall_timeout: Duration,
}

impl Default for CaptureOptions {
    fn default() -> Self {
        CaptureOptions {
            max_seconds: None,
            sample_rate: None,
            channels: None,
            ring_seconds: 4.0,
            flush_every: Duration::from_secs(1),
            stall_timeout: Duration::from_secs(5),
        }
    }
}

/// Why a recording ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The caller called [`Recording::stop`].
    Stopped,
    /// `max_seconds` of audio were recorded.
    MaxLength,
    /// The device failed or stopped delivering audio; see [`RecordingStats::error`].
    DeviceError,
}

/// What a finished recording holds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RecordingStats {
    pub path: PathBuf,
    pub sample_rate: u32,
    pub channels: u16,
    /// Frames written to the WAV (one sample per channel each).
    pub frames: u64,
    pub duration_s: f64,
    /// Callback buffers dropped because the ring was full, and the frames they held.
    pub overruns: u64,
    pub dropped_frames: u64,
    /// Overruns the sound system itself reported (xruns).
    pub device_xruns: u64,
    pub ended_by: EndReason,
    /// The device's error, when it ended the recording.
    pub error: Option<String>,
}

/// The level of the last ~100 ms, full scale = 1.0.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Level {
    pub rms: f32,
    pub peak: f32,
}

/// State shared by the callback, the writer thread and the UI thread: atomics only, except
/// the error text, which the (non-realtime) error callback writes once.
#[derive(Default)]
struct Shared {
    frames: AtomicU64,
    overruns: AtomicU64,
    dropped_frames: AtomicU64,
    xruns: AtomicU64,
    rms_bits: AtomicU32,
    peak_bits: AtomicU32,
    /// Set by the caller: drain what is left and finalise.
    stop: AtomicBool,
    /// Set by the writer when it has finished (max length, device error, or stop).
    done: AtomicBool,
    /// Set by the error callback when the stream cannot go on.
    failed: AtomicBool,
    error: Mutex<Option<String>>,
}

/// A recording in progress. Dropping it stops and finalises the WAV too, but only
/// [`Recording::stop`] tells you how it went.
pub struct Recording {
    stream: Option<cpal::Stream>,
    shared: Arc<Shared>,
    writer: Option<JoinHandle<Result<EndReason, String>>>,
    path: PathBuf,
    sample_rate: u32,
    channels: u16,
    device: String,
}

/// Opens `device` (or the default input) and starts recording into `wav_path`.
///
/// Nothing is created on disk unless the device opens.
pub fn start(
    device: Option<&str>,
    wav_path: &Path,
    opts: &CaptureOptions,
) -> Result<Recording, CaptureError> {
    let _quiet = quiet_alsa();
    let host = cpal::default_host();
    let dev = find_device(&host, device)?;
    let dev_name = dev
        .id()
        .map(|id| id.id().to_string())
        .unwrap_or_else(|_| device.unwrap_or("default").to_string());
    let cannot_open = |reason: String| CaptureError::CannotOpen {
        device: dev_name.clone(),
        reason,
    };
    let default = dev
        .default_input_config()
        .map_err(|e| cannot_open(e.to_string()))?;
    let sample_format = default.sample_format();
    let mut config: cpal::StreamConfig = default.config();
    if opts.sample_rate.is_some() || opts.channels.is_some() {
        let rate = opts.sample_rate.unwrap_or(config.sample_rate);
        let channels = opts.channels.unwrap_or(config.channels);
        let supported = dev
            .supported_input_configs()
            .map_err(|e| cannot_open(e.to_string()))?
            .any(|r| {
                r.channels() == channels
                    && r.sample_format() == sample_format
                    && r.min_sample_rate() <= rate
                    && rate <= r.max_sample_rate()
            });
        if !supported {
            return Err(cannot_open(format!(
                "it does not offer {rate} Hz with {channels} channel(s) in {sample_format}"
            )));
        }
        config.sample_rate = rate;
        config.channels = channels;
    }
    if config.channels == 0 || config.sample_rate == 0 {
        return Err(CaptureError::UnsupportedFormat {
            device: dev_name,
            format: format!("{} Hz, {} channels", config.sample_rate, config.channels),
        });
    }

    // The ring holds at least `ring_seconds`, and a whole short answer when there is a
    // length limit (up to 20 s): a writer stall, or a device that delivers faster than real
    // time (ALSA's `file` plugin does), then costs nothing.
    let ring_seconds = opts
        .ring_seconds
        .max(opts.max_seconds.unwrap_or(0.0).min(20.0) + 0.5)
        .max(0.5);
    let ring_len = ((ring_seconds * config.sample_rate as f64) as usize) * config.channels as usize;
    let (producer, consumer) = rtrb::RingBuffer::<f32>::new(ring_len);
    let shared = Arc::new(Shared::default());

    let max_frames = opts
        .max_seconds
        .map(|s| (s.max(0.0) * config.sample_rate as f64).round() as u64);
    let stream = build_stream(&dev, &config, sample_format, producer, &shared, max_frames)
        .map_err(|e| match e {
            BuildError::Format(f) => CaptureError::UnsupportedFormat {
                device: dev_name.clone(),
                format: f,
            },
            BuildError::Backend(reason) => cannot_open(reason),
        })?;

    let spec = hound::WavSpec {
        channels: config.channels,
        sample_rate: config.sample_rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let wav = hound::WavWriter::create(wav_path, spec).map_err(|e| CaptureError::Wav {
        path: wav_path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let job = writer::Job {
        consumer,
        wav,
        shared: Arc::clone(&shared),
        channels: config.channels,
        sample_rate: config.sample_rate,
        max_frames,
        flush_every: opts.flush_every,
        stall_timeout: opts.stall_timeout,
    };
    let writer = std::thread::Builder::new()
        .name("starcoach-wav-writer".into())
        .spawn(move || writer::run(job))
        .map_err(|e| {
            let _ = std::fs::remove_file(wav_path);
            CaptureError::Wav {
                path: wav_path.to_path_buf(),
                reason: e.to_string(),
            }
        })?;

    let mut rec = Recording {
        stream: Some(stream),
        shared,
        writer: Some(writer),
        path: wav_path.to_path_buf(),
        sample_rate: config.sample_rate,
        channels: config.channels,
        device: dev_name,
    };
    if let Err(e) = rec.stream.as_ref().map(|s| s.play()).unwrap_or(Ok(())) {
        let reason = e.to_string();
        rec.discard();
        return Err(CaptureError::CannotOpen {
            device: rec.device.clone(),
            reason,
        });
    }
    Ok(rec)
}

impl Recording {
    /// The device's name, as `--device` takes it.
    pub fn device(&self) -> &str {
        &self.device
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn sample_rate(&self) -> u32 {
        self.sample_rate
    }

    pub fn channels(&self) -> u16 {
        self.channels
    }

    /// Seconds of audio written so far.
    pub fn elapsed_s(&self) -> f64 {
        self.shared.frames.load(Ordering::Relaxed) as f64 / self.sample_rate as f64
    }

    /// The level of the last ~100 ms.
    pub fn level(&self) -> Level {
        Level {
            rms: f32::from_bits(self.shared.rms_bits.load(Ordering::Relaxed)),
            peak: f32::from_bits(self.shared.peak_bits.load(Ordering::Relaxed)),
        }
    }

    /// Callback buffers dropped so far because the writer fell behind.
    pub fn overruns(&self) -> u64 {
        self.shared.overruns.load(Ordering::Relaxed)
    }

    /// True once the recording has ended on its own (max length reached or device lost);
    /// call [`Recording::stop`] to collect it.
    pub fn is_finished(&self) -> bool {
        self.shared.done.load(Ordering::Acquire)
    }

    /// The device's error, if it failed.
    pub fn error(&self) -> Option<String> {
        self.shared.error.lock().ok().and_then(|e| e.clone())
    }

    /// Stops the device, writes what is still queued and finalises the WAV.
    pub fn stop(mut self) -> Result<RecordingStats, CaptureError> {
        self.finish()
    }

    /// Stops and deletes the file (a redo or a failed start).
    pub fn discard(&mut self) {
        let _ = self.finish();
        let _ = std::fs::remove_file(&self.path);
    }

    fn finish(&mut self) -> Result<RecordingStats, CaptureError> {
        // Dropping the stream stops the callback; then the writer drains the ring and exits.
        drop(self.stream.take());
        self.shared.stop.store(true, Ordering::Release);
        let ended = match self.writer.take() {
            Some(handle) => handle
                .join()
                .unwrap_or_else(|_| Err("the WAV writer thread panicked".into())),
            None => Ok(EndReason::Stopped),
        };
        let ended_by = ended.map_err(|reason| CaptureError::Wav {
            path: self.path.clone(),
            reason,
        })?;
        let frames = self.shared.frames.load(Ordering::Relaxed);
        Ok(RecordingStats {
            path: self.path.clone(),
            sample_rate: self.sample_rate,
            channels: self.channels,
            frames,
            duration_s: frames as f64 / self.sample_rate as f64,
            overruns: self.shared.overruns.load(Ordering::Relaxed),
            dropped_frames: self.shared.dropped_frames.load(Ordering::Relaxed),
            device_xruns: self.shared.xruns.load(Ordering::Relaxed),
            ended_by,
            error: self.error(),
        })
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = self.finish();
        }
    }
}

/// ALSA prints its own errors to stderr ("ALSA lib confmisc.c:855:(parse_card) cannot find card
/// '0'", ten lines on a machine without a sound card) around the one error we report. This
/// sends them, on this thread, to a buffer kept for `-v` (logged when dropped).
///
/// Other libraries loaded by ALSA's plugins print straight to stderr (the JACK plugin: "jack
/// server is not running or cannot be started" and five more lines on a PulseAudio desktop):
/// for the same moment, file descriptor 2 goes into a pipe, whose lines are kept for `-v` too.
#[cfg(target_os = "linux")]
fn quiet_alsa() -> Option<(AlsaLog, Option<StderrToLog>)> {
    let stderr = StderrToLog::start();
    alsa::Output::local_error_handler()
        .ok()
        .map(|log| (AlsaLog(log), stderr))
}

/// Standard error (the file descriptor) sent into a pipe until dropped; then restored, and
/// what was written logged at `-v`. The pipe does not block: past 64 KiB, lines are lost, never
/// the program.
#[cfg(target_os = "linux")]
struct StderrToLog {
    saved: libc::c_int,
    read: std::fs::File,
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
impl StderrToLog {
    fn start() -> Option<StderrToLog> {
        use std::os::fd::FromRawFd;
        let mut fds = [0 as libc::c_int; 2];
        // SAFETY: plain descriptor calls on descriptors this function owns; every failure path
        // closes what it opened and leaves fd 2 as it was.
        unsafe {
            if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) != 0 {
                return None;
            }
            let saved = libc::dup(2);
            if saved < 0 || libc::dup2(fds[1], 2) < 0 {
                if saved >= 0 {
                    libc::close(saved);
                }
                libc::close(fds[0]);
                libc::close(fds[1]);
                return None;
            }
            libc::close(fds[1]);
            Some(StderrToLog {
                saved,
                read: std::fs::File::from_raw_fd(fds[0]),
            })
        }
    }
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
impl Drop for StderrToLog {
    fn drop(&mut self) {
        use std::io::Read;
        // SAFETY: `saved` is the descriptor `start` duplicated from fd 2 and owns.
        unsafe {
            libc::dup2(self.saved, 2);
            libc::close(self.saved);
        }
        let mut text = Vec::new();
        let _ = self.read.read_to_end(&mut text);
        for line in String::from_utf8_lossy(&text).lines() {
            if !line.trim().is_empty() {
                tracing::info!("audio library: {line}");
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn quiet_alsa() -> Option<()> {
    None
}

#[cfg(target_os = "linux")]
struct AlsaLog(std::rc::Rc<std::cell::RefCell<alsa::Output>>);

#[cfg(target_os = "linux")]
impl Drop for AlsaLog {
    fn drop(&mut self) {
        let text = self.0.borrow().to_string();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            tracing::info!("ALSA: {line}");
        }
    }
}

/// Finds the device by its name (`--device`), then by its description, then by a unique
/// case-insensitive part of either.
fn find_device(host: &cpal::Host, name: Option<&str>) -> Result<cpal::Device, CaptureError> {
    let Some(name) = name else {
        return host
            .default_input_device()
            .ok_or_else(|| CaptureError::DeviceNotFound {
                name: "default".into(),
                available: available_names(host),
            });
    };
    let candidates: Vec<(String, String, cpal::Device)> = host
        .input_devices()
        .map_err(|e| CaptureError::CannotOpen {
            device: name.into(),
            reason: e.to_string(),
        })?
        .filter_map(|d| {
            let id = d.id().ok()?.id().to_string();
            let desc = d
                .description()
                .map(|x| x.name().to_string())
                .unwrap_or_default();
            Some((id, desc, d))
        })
        .collect();
    if let Some(pos) = candidates.iter().position(|(id, _, _)| id == name) {
        return Ok(candidates
            .into_iter()
            .nth(pos)
            .expect("position is in range")
            .2);
    }
    if let Some(pos) = candidates.iter().position(|(_, desc, _)| desc == name) {
        return Ok(candidates
            .into_iter()
            .nth(pos)
            .expect("position is in range")
            .2);
    }
    let needle = name.to_lowercase();
    let partial: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, (id, desc, _))| {
            id.to_lowercase().contains(&needle) || desc.to_lowercase().contains(&needle)
        })
        .map(|(i, _)| i)
        .collect();
    if let [only] = partial[..] {
        return Ok(candidates
            .into_iter()
            .nth(only)
            .expect("index is in range")
            .2);
    }
    Err(CaptureError::DeviceNotFound {
        name: name.into(),
        available: candidates.into_iter().map(|(id, _, _)| id).collect(),
    })
}

fn available_names(host: &cpal::Host) -> Vec<String> {
    host.input_devices()
        .map(|ds| {
            ds.filter_map(|d| d.id().ok().map(|id| id.id().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Records why the stream cannot go on (the first reason wins) and tells the writer.
fn fail(shared: &Shared, reason: String) {
    if let Ok(mut slot) = shared.error.lock() {
        slot.get_or_insert(reason);
    }
    shared.failed.store(true, Ordering::Release);
}

enum BuildError {
    Format(String),
    Backend(String),
}

fn build_stream(
    dev: &cpal::Device,
    config: &cpal::StreamConfig,
    format: SampleFormat,
    producer: rtrb::Producer<f32>,
    shared: &Arc<Shared>,
    max_frames: Option<u64>,
) -> Result<cpal::Stream, BuildError> {
    use cpal::{I24, U24};
    let max = max_frames;
    match format {
        SampleFormat::I8 => typed::<i8>(dev, config, producer, shared, max),
        SampleFormat::I16 => typed::<i16>(dev, config, producer, shared, max),
        SampleFormat::I24 => typed::<I24>(dev, config, producer, shared, max),
        SampleFormat::I32 => typed::<i32>(dev, config, producer, shared, max),
        SampleFormat::I64 => typed::<i64>(dev, config, producer, shared, max),
        SampleFormat::U8 => typed::<u8>(dev, config, producer, shared, max),
        SampleFormat::U16 => typed::<u16>(dev, config, producer, shared, max),
        SampleFormat::U24 => typed::<U24>(dev, config, producer, shared, max),
        SampleFormat::U32 => typed::<u32>(dev, config, producer, shared, max),
        SampleFormat::U64 => typed::<u64>(dev, config, producer, shared, max),
        SampleFormat::F32 => typed::<f32>(dev, config, producer, shared, max),
        SampleFormat::F64 => typed::<f64>(dev, config, producer, shared, max),
        other => Err(BuildError::Format(other.to_string())),
    }
}

/// Builds the stream for one sample type. The data callback converts to f32 and pushes whole
/// callback buffers into the ring (so frames never split); a buffer that does not fit is
/// dropped and counted.
fn typed<T>(
    dev: &cpal::Device,
    config: &cpal::StreamConfig,
    mut producer: rtrb::Producer<f32>,
    shared: &Arc<Shared>,
    max_frames: Option<u64>,
) -> Result<cpal::Stream, BuildError>
where
    T: SizedSample,
    f32: cpal::FromSample<T>,
{
    let channels = config.channels.max(1) as u64;
    let data_shared = Arc::clone(shared);
    let err_shared = Arc::clone(shared);
    let max_samples = max_frames.map(|f| f * channels);
    let mut queued: u64 = 0;
    let on_data = move |data: &[T], _: &cpal::InputCallbackInfo| {
        if data_shared.done.load(Ordering::Relaxed) {
            return;
        }
        // Nothing past the length limit is wanted: stop queueing there (whole frames).
        let take = match max_samples {
            Some(max) => (max.saturating_sub(queued) as usize).min(data.len()),
            None => data.len(),
        };
        if take == 0 {
            return;
        }
        let data = &data[..take];
        match producer.write_chunk_uninit(data.len()) {
            Ok(chunk) => {
                chunk.fill_from_iter(data.iter().map(|s| s.to_sample::<f32>()));
                queued += data.len() as u64;
            }
            Err(_) => {
                data_shared.overruns.fetch_add(1, Ordering::Relaxed);
                data_shared
                    .dropped_frames
                    .fetch_add(data.len() as u64 / channels, Ordering::Relaxed);
            }
        }
    };
    let on_error = move |err: cpal::Error| match err.kind() {
        cpal::ErrorKind::Xrun => {
            err_shared.xruns.fetch_add(1, Ordering::Relaxed);
        }
        // cpal's ALSA backend ends the stream only on these; other errors are reported and
        // the stream carries on (a stream that goes quiet is caught by the stall timeout).
        cpal::ErrorKind::DeviceNotAvailable | cpal::ErrorKind::PermissionDenied => {
            fail(&err_shared, err.to_string());
        }
        _ => tracing::warn!("input stream: {err}"),
    };
    dev.build_input_stream::<T, _, _>(*config, on_data, on_error, None)
        .map_err(|e| BuildError::Backend(e.to_string()))
}
