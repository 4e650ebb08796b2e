//! The WAV writer thread: drains the capture ring into hound, keeps the level meter and the
//! frame count current, and keeps the file readable at every moment (periodic header updates,
//! a final `finalize` on every way out).

use std::fs::File;
use std::io::BufWriter;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{EndReason, Shared};

pub(super) struct Job {
    pub consumer: rtrb::Consumer<f32>,
    pub wav: hound::WavWriter<BufWriter<File>>,
    pub shared: Arc<Shared>,
    pub channels: u16,
    pub sample_rate: u32,
    pub max_frames: Option<u64>,
    pub flush_every: Duration,
    pub stall_timeout: Duration,
}

/// Runs until stopped, the length limit, or a device error; always finalises the WAV.
pub(super) fn run(job: Job) -> Result<EndReason, String> {
    let Job {
        mut consumer,
        mut wav,
        shared,
        channels,
        sample_rate,
        max_frames,
        flush_every,
        stall_timeout,
    } = job;
    let mut last_data = Instant::now();
    let channels = channels.max(1) as usize;
    let mut meter = Meter::new((sample_rate as usize / 10).max(1) * channels);
    let mut frames: u64 = 0;
    let mut last_flush = Instant::now();
    let mut write_error: Option<String> = None;

    let reason = 'outer: loop {
        // Read the flags before draining: whatever was queued before a stop is still written.
        let stopping = shared.stop.load(Ordering::Acquire);
        let failed = shared.failed.load(Ordering::Acquire);
        let available = consumer.slots();
        if available > 0 {
            let chunk = consumer
                .read_chunk(available)
                .expect("slots() said this much is readable");
            let (a, b) = chunk.as_slices();
            let mut written = 0usize;
            for &s in a.iter().chain(b.iter()) {
                if let Some(max) = max_frames {
                    if frames >= max {
                        break;
                    }
                }
                meter.push(s);
                if let Err(e) = wav.write_sample(to_i16(s)) {
                    write_error = Some(e.to_string());
                    break;
                }
                written += 1;
                if written.is_multiple_of(channels) {
                    frames += 1;
                }
            }
            chunk.commit_all();
            shared.frames.store(frames, Ordering::Relaxed);
            let level = meter.level();
            shared
                .rms_bits
                .store(level.rms.to_bits(), Ordering::Relaxed);
            shared
                .peak_bits
                .store(level.peak.to_bits(), Ordering::Relaxed);
            if write_error.is_some() {
                break 'outer EndReason::DeviceError;
            }
            if max_frames.is_some_and(|max| frames >= max) {
                break 'outer EndReason::MaxLength;
            }
        }
        if last_flush.elapsed() >= flush_every {
            if let Err(e) = wav.flush() {
                write_error = Some(e.to_string());
                break 'outer EndReason::DeviceError;
            }
            last_flush = Instant::now();
        }
        if available > 0 {
            last_data = Instant::now();
        } else {
            if stopping {
                break EndReason::Stopped;
            }
            if failed {
                break EndReason::DeviceError;
            }
            if last_data.elapsed() >= stall_timeout {
                super::fail(
                    &shared,
                    format!(
                        "no audio from the device for {} s (disconnected?)",
                        stall_timeout.as_secs_f64()
                    ),
                );
                break EndReason::DeviceError;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    // Tell the callback to stop queueing and the UI that we are done, then make the file whole.
    shared.done.store(true, Ordering::Release);
    let finalized = wav.finalize().map_err(|e| e.to_string());
    match (write_error, finalized) {
        (Some(e), _) | (None, Err(e)) => Err(e),
        (None, Ok(())) => Ok(reason),
    }
}

/// 16-bit PCM with rounding and clipping, on the scale sound servers and ALSA use for 16-bit
/// samples as floats (x / 32768): a 16-bit microphone's samples come back exactly.
fn to_i16(s: f32) -> i16 {
    (s * 32768.0).round().clamp(-32768.0, 32767.0) as i16
}

/// RMS and peak over the last window of samples (all channels together).
struct Meter {
    window: usize,
    count: usize,
    sum_sq: f64,
    peak: f32,
    last: super::Level,
}

impl Meter {
    fn new(window: usize) -> Self {
        Meter {
            window,
            count: 0,
            sum_sq: 0.0,
            peak: 0.0,
            last: super::Level::default(),
        }
    }

    fn push(&mut self, s: f32) {
        let s = if s.is_finite() { s } else { 0.0 };
        self.sum_sq += (s as f64) * (s as f64);
        self.peak = self.peak.max(s.abs());
        self.count += 1;
        if self.count >= self.window {
            self.last = super::Level {
                rms: (self.sum_sq / self.count as f64).sqrt() as f32,
                peak: self.peak,
            };
            self.count = 0;
            self.sum_sq = 0.0;
            self.peak = 0.0;
        }
    }

    fn level(&self) -> super::Level {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i16_conversion_clips_and_rounds() {
        assert_eq!(to_i16(0.0), 0);
        assert_eq!(to_i16(1.0), i16::MAX);
        assert_eq!(to_i16(2.0), i16::MAX);
        assert_eq!(to_i16(-2.0), i16::MIN);
        assert_eq!(to_i16(0.5), 16384);
        // Every 16-bit sample, as a sound server hands it over, comes back as it was.
        for x in i16::MIN..=i16::MAX {
            assert_eq!(to_i16(f32::from(x) / 32768.0), x);
        }
    }

    #[test]
    fn meter_reports_rms_and_peak_per_window() {
        let mut m = Meter::new(4);
        for s in [0.5, -0.5, 0.5, -0.5] {
            m.push(s);
        }
        assert!((m.level().rms - 0.5).abs() < 1e-6);
        assert!((m.level().peak - 0.5).abs() < 1e-6);
        for _ in 0..4 {
            m.push(0.0);
        }
        assert_eq!(m.level().rms, 0.0);
    }
}
