//! Voice prints: a small vector that says how a stretch of speech sounds, so that an
//! interviewer's sentences can be told from a candidate's.
//!
//! [`VoicePrints::analyze`] measures, once per 10 ms frame of the whole recording, the
//! frame's loudness, 12 mel-frequency cepstral coefficients (the shape of the spectrum: the
//! vocal tract and the microphone) and, where the frame is voiced, its pitch (autocorrelation
//! over 60-400 Hz). [`VoicePrints::print`] averages the loud frames of a stretch: 12 cepstral
//! means and the median log pitch. Two speakers differ in these far more than one speaker's
//! sentences differ from each other.

use std::f32::consts::PI;
use std::sync::Arc;

use realfft::{RealFftPlanner, RealToComplex};

use crate::SAMPLE_RATE;

const FRAME: usize = 512; // 32 ms at 16 kHz
const HOP: usize = 160; // 10 ms
const MELS: usize = 26;
const CEPS: usize = 12;
const PITCH_FFT: usize = 1024;
const MIN_F0_HZ: f32 = 60.0;
const MAX_F0_HZ: f32 = 400.0;
/// A frame counts when it is within this many dB of the recording's loud frames.
const RANGE_DB: f32 = 35.0;
/// The band every recording carries, telephone and voice memo included: half of the steadiness
/// of a stretch ([`VoicePrints::change_rate`]) is measured on it alone, so that the empty or
/// codec-noise bands of band-limited, lossy audio flutter less into it.
const STEADY_BAND_HZ: (f32, f32) = (300.0, 3400.0);
const STEADY_MELS: usize = 16;
/// Mel energies more than this far (natural log; 40 dB) under the frame's strongest band are
/// raised to that floor: codec noise and empty bands hold still.
const STEADY_FLOOR: f32 = 9.21;
/// [`VoicePrints::change_rate`] mixes the two: half the full band's, and the steady band's
/// scaled so that the labelled fillers' median stays where it was (5.9; the re-timing's
/// STEADY_REF of 6.5 was set on the full band).
const FULL_SHARE: f32 = 0.5;
const BAND_SHARE: f32 = 0.64;

/// One frame's measurements.
#[derive(Debug, Clone, Copy)]
struct Frame {
    db: f32,
    ceps: [f32; CEPS],
    /// Cepstrum of the steady band (`STEADY_BAND_HZ`), floored, scaled to `ceps`'s size.
    steady: [f32; CEPS],
    /// log2 of the pitch in Hz, when voiced.
    log_f0: Option<f32>,
}

/// The measurements of a whole recording, ready to print any stretch of it.
pub struct VoicePrints {
    frames: Vec<Frame>,
    floor_db: f32,
}

/// Length of a print from [`VoicePrints::print`].
pub const PRINT_LEN: usize = CEPS + 1;

impl VoicePrints {
    /// Measures every frame of 16 kHz mono `samples`.
    pub fn analyze(samples: &[f32]) -> VoicePrints {
        let mut planner = RealFftPlanner::<f32>::new();
        let fft = planner.plan_fft_forward(FRAME);
        let pitch_fft = planner.plan_fft_forward(PITCH_FFT);
        let pitch_ifft = planner.plan_fft_inverse(PITCH_FFT);
        let window: Vec<f32> = (0..FRAME)
            .map(|i| 0.5 - 0.5 * (2.0 * PI * i as f32 / FRAME as f32).cos())
            .collect();
        let mel = mel_bank(FRAME / 2 + 1, MELS, 60.0, 7600.0);
        let dct = dct_matrix::<MELS>(1.0);
        let steady_mel = mel_bank(
            FRAME / 2 + 1,
            STEADY_MELS,
            STEADY_BAND_HZ.0,
            STEADY_BAND_HZ.1,
        );
        // Scaled by sqrt(MELS / STEADY_MELS): distances on the full-band cepstrum's scale.
        let steady_dct = dct_matrix::<STEADY_MELS>((MELS as f32 / STEADY_MELS as f32).sqrt());
        let mut frames = Vec::with_capacity(samples.len() / HOP + 1);
        let mut buf = fft.make_input_vec();
        let mut spec = fft.make_output_vec();
        let mut pbuf = pitch_fft.make_input_vec();
        let mut pspec = pitch_fft.make_output_vec();
        let mut acf = pitch_ifft.make_output_vec();
        let mut start = 0;
        while start + FRAME <= samples.len() {
            let x = &samples[start..start + FRAME];
            let energy: f32 = x.iter().map(|v| v * v).sum::<f32>() / FRAME as f32;
            let db = 10.0 * (energy + 1e-12).log10();
            for ((b, s), w) in buf.iter_mut().zip(x).zip(&window) {
                *b = s * w;
            }
            let (ceps, steady) = match fft.process(&mut buf, &mut spec) {
                Ok(()) => (
                    cepstrum(&spec, &mel, &dct, None),
                    cepstrum(&spec, &steady_mel, &steady_dct, Some(STEADY_FLOOR)),
                ),
                Err(_) => ([0.0; CEPS], [0.0; CEPS]),
            };
            let log_f0 = pitch(x, &pitch_fft, &pitch_ifft, &mut pbuf, &mut pspec, &mut acf);
            frames.push(Frame {
                db,
                ceps,
                steady,
                log_f0,
            });
            start += HOP;
        }
        let mut loud: Vec<f32> = frames.iter().map(|f| f.db).collect();
        loud.sort_by(f32::total_cmp);
        // The 95th-percentile frame stands for "loud speech".
        let top = loud
            .get(loud.len().saturating_sub(1) * 95 / 100)
            .copied()
            .unwrap_or(0.0);
        VoicePrints {
            frames,
            floor_db: top - RANGE_DB,
        }
    }

    /// The print of the stretch from `from_s` to `to_s` (seconds); `None` when it holds fewer
    /// than 10 loud frames (0.1 s of speech).
    pub fn print(&self, from_s: f64, to_s: f64) -> Option<Vec<f32>> {
        let per_s = f64::from(SAMPLE_RATE) / HOP as f64;
        let a = ((from_s.max(0.0) * per_s) as usize).min(self.frames.len());
        let b = ((to_s.max(0.0) * per_s).ceil() as usize).min(self.frames.len());
        let loud: Vec<&Frame> = self.frames[a..b.max(a)]
            .iter()
            .filter(|f| f.db >= self.floor_db)
            .collect();
        if loud.len() < 10 {
            return None;
        }
        let n = loud.len() as f32;
        let mut out = vec![0.0f32; PRINT_LEN];
        for f in &loud {
            for (o, c) in out.iter_mut().zip(&f.ceps) {
                *o += c / n;
            }
        }
        let mut f0: Vec<f32> = loud.iter().filter_map(|f| f.log_f0).collect();
        f0.sort_by(f32::total_cmp);
        // Unvoiced throughout (a whisper): pitch unknown, put at a typical 150 Hz.
        out[CEPS] = f0.get(f0.len() / 2).copied().unwrap_or(150f32.log2());
        Some(out)
    }
}

impl VoicePrints {
    /// How fast the sound of a stretch changes: the median distance between the cepstra of
    /// consecutive loud 10 ms frames (loud: within 20 dB of the stretch's loudest frame), as
    /// FULL_SHARE of the full-band cepstra's plus BAND_SHARE of the steady band's (300-3400 Hz,
    /// floored 40 dB under each frame's strongest band). A held "um" or "uh" changes little, a
    /// word's consonants and glides more. On fixtures/fillers-voices (tuning files and the seen
    /// held-out ones; session 19), median over the labelled fillers and the chance that a filler
    /// is steadier than a short word / the first / the last 0.35 s of a longer chunk: full band
    /// 5.85, 0.85 / 0.90 / 0.79; steady band 4.57, 0.84 / 0.91 / 0.84; the mix 5.86, 0.88 /
    /// 0.92 / 0.84 (on the phone files alone: 0.74 / 0.84 / 0.75 full band, 0.82 / 0.88 / 0.74
    /// mixed): the full band flutters where a codec left it empty or noisy. `None` under 4 loud
    /// frames.
    pub fn change_rate(&self, from_s: f64, to_s: f64) -> Option<f32> {
        let full = self.change_rate_of(from_s, to_s, true)?;
        let band = self.change_rate_of(from_s, to_s, false)?;
        Some(FULL_SHARE * full + BAND_SHARE * band)
    }

    /// The median distance of [`VoicePrints::change_rate`] on the full-band cepstra (`full`)
    /// or on those of the steady band.
    fn change_rate_of(&self, from_s: f64, to_s: f64, full: bool) -> Option<f32> {
        const WITHIN_DB: f32 = 20.0;
        let per_s = f64::from(SAMPLE_RATE) / HOP as f64;
        let a = ((from_s.max(0.0) * per_s) as usize).min(self.frames.len());
        let b = ((to_s.max(0.0) * per_s) as usize).min(self.frames.len());
        let part = &self.frames[a..b.max(a)];
        let top = part.iter().map(|f| f.db).fold(f32::NEG_INFINITY, f32::max);
        let loud: Vec<&Frame> = part.iter().filter(|f| f.db >= top - WITHIN_DB).collect();
        if loud.len() < 4 {
            return None;
        }
        let mut d: Vec<f32> = loud
            .windows(2)
            .map(|p| {
                let (x, y) = if full {
                    (&p[0].ceps, &p[1].ceps)
                } else {
                    (&p[0].steady, &p[1].steady)
                };
                x.iter()
                    .zip(y)
                    .map(|(x, y)| (x - y).powi(2))
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        d.sort_by(f32::total_cmp);
        Some(d[d.len() / 2])
    }
}

/// `n` triangular mel filters over `bins` FFT bins, `lo_hz`-`hi_hz`.
fn mel_bank(bins: usize, n: usize, lo_hz: f32, hi_hz: f32) -> Vec<Vec<(usize, f32)>> {
    let mel = |f: f32| 2595.0 * (1.0 + f / 700.0).log10();
    let hz = |m: f32| 700.0 * (10f32.powf(m / 2595.0) - 1.0);
    let (lo, hi) = (mel(lo_hz), mel(hi_hz));
    let edges: Vec<f32> = (0..n + 2)
        .map(|i| hz(lo + (hi - lo) * i as f32 / (n + 1) as f32))
        .collect();
    let bin_hz = SAMPLE_RATE as f32 / FRAME as f32;
    (0..n)
        .map(|m| {
            let (l, c, r) = (edges[m], edges[m + 1], edges[m + 2]);
            (0..bins)
                .filter_map(|b| {
                    let f = b as f32 * bin_hz;
                    let w = if f > l && f <= c {
                        (f - l) / (c - l)
                    } else if f > c && f < r {
                        (r - f) / (r - c)
                    } else {
                        0.0
                    };
                    (w > 0.0).then_some((b, w))
                })
                .collect()
        })
        .collect()
}

/// DCT-II rows 1..=CEPS over `N` mel filters (row 0, overall loudness, is left out), times
/// `scale`.
fn dct_matrix<const N: usize>(scale: f32) -> Vec<[f32; N]> {
    (1..=CEPS)
        .map(|k| {
            let mut row = [0.0; N];
            for (m, r) in row.iter_mut().enumerate() {
                *r = scale * (PI * k as f32 * (m as f32 + 0.5) / N as f32).cos();
            }
            row
        })
        .collect()
}

/// The cepstrum of one frame's spectrum over `N` mel filters; with `floor`, log energies more
/// than that under the frame's strongest filter are raised to it first.
fn cepstrum<const N: usize>(
    spec: &[realfft::num_complex::Complex<f32>],
    mel: &[Vec<(usize, f32)>],
    dct: &[[f32; N]],
    floor: Option<f32>,
) -> [f32; CEPS] {
    let mut logmel = [0.0f32; N];
    for (l, filt) in logmel.iter_mut().zip(mel) {
        let e: f32 = filt.iter().map(|(b, w)| spec[*b].norm_sqr() * w).sum();
        *l = (e + 1e-10).ln();
    }
    if let Some(below) = floor {
        let floor = logmel.iter().copied().fold(f32::NEG_INFINITY, f32::max) - below;
        for l in logmel.iter_mut() {
            *l = l.max(floor);
        }
    }
    let mut out = [0.0; CEPS];
    for (o, row) in out.iter_mut().zip(dct) {
        *o = row.iter().zip(&logmel).map(|(a, b)| a * b).sum();
    }
    out
}

/// log2 of the frame's pitch in Hz, when the frame is clearly voiced.
fn pitch(
    x: &[f32],
    fft: &Arc<dyn RealToComplex<f32>>,
    ifft: &Arc<dyn realfft::ComplexToReal<f32>>,
    buf: &mut [f32],
    spec: &mut [realfft::num_complex::Complex<f32>],
    acf: &mut [f32],
) -> Option<f32> {
    buf.fill(0.0);
    let mean = x.iter().sum::<f32>() / x.len() as f32;
    for (b, s) in buf.iter_mut().zip(x) {
        *b = s - mean;
    }
    fft.process(buf, spec).ok()?;
    for c in spec.iter_mut() {
        *c = realfft::num_complex::Complex::new(c.norm_sqr(), 0.0);
    }
    ifft.process(spec, acf).ok()?;
    let r0 = acf[0];
    if r0 <= 1e-9 {
        return None;
    }
    let n = x.len() as f32;
    let min_lag = (SAMPLE_RATE as f32 / MAX_F0_HZ) as usize;
    let max_lag = ((SAMPLE_RATE as f32 / MIN_F0_HZ) as usize).min(x.len() / 2);
    // Normalised, and corrected for the shrinking overlap at longer lags.
    let r = |l: usize| acf[l] / r0 * n / (n - l as f32);
    let (best, peak) = (min_lag..=max_lag)
        .map(|l| (l, r(l)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if peak < 0.5 {
        return None;
    }
    // Prefer the shortest lag whose peak is nearly as high (avoids halving the pitch).
    let lag = (min_lag..best)
        .find(|&l| r(l) >= 0.9 * peak && r(l) >= r(l - 1) && r(l) >= r(l + 1))
        .unwrap_or(best);
    Some((SAMPLE_RATE as f32 / lag as f32).log2())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(f0: f32, secs: f32, bright: bool) -> Vec<f32> {
        let n = (secs * SAMPLE_RATE as f32) as usize;
        (0..n)
            .map(|i| {
                let t = i as f32 / SAMPLE_RATE as f32;
                (1..=20)
                    .map(|h| {
                        let amp = if bright {
                            1.0 / h as f32
                        } else {
                            1.0 / (h * h) as f32
                        };
                        amp * (2.0 * PI * f0 * h as f32 * t).sin()
                    })
                    .sum::<f32>()
                    * 0.2
            })
            .collect()
    }

    #[test]
    fn pitch_is_found() {
        for f0 in [100.0f32, 210.0] {
            let vp = VoicePrints::analyze(&tone(f0, 1.0, true));
            let p = vp.print(0.1, 0.9).unwrap();
            let got = 2f32.powf(p[CEPS]);
            assert!((got - f0).abs() / f0 < 0.03, "{f0} Hz read as {got}");
        }
    }

    #[test]
    fn two_sounds_print_apart_and_one_sound_alike() {
        let mut s = tone(110.0, 1.0, false);
        s.extend(tone(220.0, 1.0, true));
        let vp = VoicePrints::analyze(&s);
        let a1 = vp.print(0.05, 0.45).unwrap();
        let a2 = vp.print(0.5, 0.95).unwrap();
        let b = vp.print(1.05, 1.95).unwrap();
        let d = |x: &[f32], y: &[f32]| x.iter().zip(y).map(|(a, b)| (a - b).powi(2)).sum::<f32>();
        assert!(
            d(&a1, &b) > 10.0 * d(&a1, &a2).max(1e-3),
            "{a1:?} {a2:?} {b:?}"
        );
    }

    #[test]
    fn silence_has_no_print() {
        let mut s = vec![0.0f32; SAMPLE_RATE as usize];
        s.extend(tone(150.0, 1.0, true));
        let vp = VoicePrints::analyze(&s);
        assert!(vp.print(0.1, 0.9).is_none());
        assert!(vp.print(1.1, 1.9).is_some());
        assert!(vp.print(5.0, 6.0).is_none());
        assert!(VoicePrints::analyze(&[]).print(0.0, 1.0).is_none());
    }
}
