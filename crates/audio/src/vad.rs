//! Where the speech is: an energy-based voice activity detector for 16 kHz mono samples.
//!
//! Scoring needs speech onset and offset (leading and trailing silence), long pauses, short
//! isolated voiced stretches to snap filler words to, and cut points for feeding Whisper
//! pieces shorter than its 30 s window. A neural VAD would be overkill for recordings of one
//! person answering a question; frame energy against an adaptive noise floor is robust here.
//!
//! Method: 20 ms frames every 10 ms; the noise floor is the 10th percentile of frame energy
//! in a sliding 8 s window (so it follows a room that gets noisier), kept within 15 dB of the
//! whole recording's and never below -70 dBFS (digital silence would make every breath
//! "speech"). Frames more than 6 dB above the floor are active; a run of active frames is
//! speech if it peaks at least 12 dB above the floor and above -50 dBFS (hysteresis). Speech
//! runs closer than the 200 ms hangover are merged, and blips shorter than 50 ms dropped.

/// A stretch of the recording, in seconds from its start.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Region {
    pub start_s: f64,
    pub end_s: f64,
}

impl Region {
    pub fn duration_s(&self) -> f64 {
        self.end_s - self.start_s
    }
}

/// Tuning of the detector. [`Default`] suits speech recorded for an interview answer.
#[derive(Debug, Clone)]
pub struct VadConfig {
    /// Analysis window, seconds.
    pub frame_s: f64,
    /// Step between frames, seconds (the time resolution).
    pub hop_s: f64,
    /// A speech run must peak this many dB above the noise floor.
    pub onset_db: f32,
    /// Frames this many dB above the floor belong to a speech run.
    pub active_db: f32,
    /// ...and the run must reach this absolute level (dBFS, frame RMS).
    pub min_peak_dbfs: f32,
    /// The floor is never taken below this (dBFS).
    pub min_floor_dbfs: f32,
    /// Width of the sliding window for the noise floor, seconds.
    pub floor_window_s: f64,
    /// Speech runs separated by less than this are one region.
    pub hangover_s: f64,
    /// Regions shorter than this are dropped.
    pub min_speech_s: f64,
}

impl Default for VadConfig {
    fn default() -> Self {
        VadConfig {
            frame_s: 0.020,
            hop_s: 0.010,
            onset_db: 12.0,
            active_db: 6.0,
            min_peak_dbfs: -50.0,
            min_floor_dbfs: -70.0,
            floor_window_s: 8.0,
            hangover_s: 0.200,
            min_speech_s: 0.050,
        }
    }
}

/// Less speech than this (seconds in all) counts as a silent recording.
pub const MIN_SPEECH_TOTAL_S: f64 = 0.2;

/// The result of one analysis: speech regions plus what is needed to place cuts.
#[derive(Debug, Clone)]
pub struct SpeechMap {
    /// Speech regions in time order, not overlapping.
    pub regions: Vec<Region>,
    rate: u32,
    len: usize,
    hop: usize,
    win: usize,
    energy_db: Vec<f32>,
}

impl SpeechMap {
    /// Analyses `samples` with the default configuration.
    pub fn analyze(samples: &[f32], rate: u32) -> SpeechMap {
        Self::analyze_with(samples, rate, &VadConfig::default())
    }

    pub fn analyze_with(samples: &[f32], rate: u32, cfg: &VadConfig) -> SpeechMap {
        let rate_f = f64::from(rate.max(1));
        let hop = ((cfg.hop_s * rate_f).round() as usize).max(1);
        let win = ((cfg.frame_s * rate_f).round() as usize).max(hop);
        let energy_db = frame_energies(samples, win, hop);
        let floor = noise_floor(&energy_db, cfg, hop, rate_f);

        // Runs of active frames that reach the onset level.
        let mut runs: Vec<(usize, usize)> = Vec::new(); // inclusive frame indices
        let mut i = 0;
        while i < energy_db.len() {
            if energy_db[i] <= floor[i] + cfg.active_db {
                i += 1;
                continue;
            }
            let start = i;
            let mut strong = false;
            while i < energy_db.len() && energy_db[i] > floor[i] + cfg.active_db {
                strong |=
                    energy_db[i] >= floor[i] + cfg.onset_db && energy_db[i] >= cfg.min_peak_dbfs;
                i += 1;
            }
            if strong {
                runs.push((start, i - 1));
            }
        }

        let total_s = samples.len() as f64 / rate_f;
        let to_s = |samples: f64| (samples / rate_f).clamp(0.0, total_s);
        let half_gap = (win - hop.min(win)) as f64 / 2.0;
        let mut regions: Vec<Region> = Vec::with_capacity(runs.len());
        for (a, b) in runs {
            let r = Region {
                start_s: to_s((a * hop) as f64 + half_gap),
                end_s: to_s((b * hop + hop) as f64 + half_gap),
            };
            match regions.last_mut() {
                Some(last) if r.start_s - last.end_s < cfg.hangover_s => last.end_s = r.end_s,
                _ => regions.push(r),
            }
        }
        regions.retain(|r| r.duration_s() >= cfg.min_speech_s);

        SpeechMap {
            regions,
            rate,
            len: samples.len(),
            hop,
            win,
            energy_db,
        }
    }

    /// Start of the first speech, seconds.
    pub fn onset(&self) -> Option<f64> {
        self.regions.first().map(|r| r.start_s)
    }

    /// End of the last speech, seconds.
    pub fn offset(&self) -> Option<f64> {
        self.regions.last().map(|r| r.end_s)
    }

    /// Seconds of speech in all.
    pub fn speech_s(&self) -> f64 {
        self.regions.iter().map(Region::duration_s).sum()
    }

    /// Seconds of speech between `from_s` and `to_s`.
    pub fn speech_between(&self, from_s: f64, to_s: f64) -> f64 {
        self.regions
            .iter()
            .map(|r| (r.end_s.min(to_s) - r.start_s.max(from_s)).max(0.0))
            .sum()
    }

    /// Less than [`MIN_SPEECH_TOTAL_S`] of speech.
    pub fn is_silent(&self) -> bool {
        self.speech_s() < MIN_SPEECH_TOTAL_S
    }

    /// Silences between speech regions lasting at least `min_s` (leading and trailing
    /// silence are not pauses).
    pub fn pauses(&self, min_s: f64) -> Vec<Region> {
        self.regions
            .windows(2)
            .map(|w| Region {
                start_s: w[0].end_s,
                end_s: w[1].start_s,
            })
            .filter(|g| g.duration_s() >= min_s)
            .collect()
    }

    /// Speech regions lasting `min_s..=max_s` with at least `min_gap_s` of silence on both
    /// sides (the start and end of the recording count as silence): where a lone "um" or
    /// "uh" sits. Use 0.08, 0.8 and 0.15 for fillers.
    pub fn short_stretches(&self, min_s: f64, max_s: f64, min_gap_s: f64) -> Vec<Region> {
        let n = self.regions.len();
        (0..n)
            .filter(|&i| {
                let r = self.regions[i];
                let before = if i == 0 {
                    f64::INFINITY
                } else {
                    r.start_s - self.regions[i - 1].end_s
                };
                let after = if i + 1 == n {
                    f64::INFINITY
                } else {
                    self.regions[i + 1].start_s - r.end_s
                };
                (min_s..=max_s).contains(&r.duration_s())
                    && before >= min_gap_s
                    && after >= min_gap_s
            })
            .map(|i| self.regions[i])
            .collect()
    }

    /// Splits the recording into consecutive sample ranges `(start, end)` of at most
    /// `max_piece_s` seconds that together cover every sample. Cuts go in the middle of the
    /// longest pause in the last third of the allowed span (keeping pieces long, so Whisper
    /// runs few windows), else of the longest pause earlier in it; only a stretch of speech
    /// with no pause at all is cut inside, at its quietest frame.
    pub fn split(&self, max_piece_s: f64) -> Vec<(usize, usize)> {
        let mut pieces = Vec::new();
        let mut start = 0usize;
        loop {
            let end = self.next_cut(start, max_piece_s);
            pieces.push((start, end));
            if end >= self.len {
                return pieces;
            }
            start = end;
        }
    }

    /// Where the piece that starts at sample `start` ends: the end of the recording when that
    /// is at most `max_piece_s` away, else the middle of the longest pause in the last third
    /// of the allowed span (or of the whole span, or its quietest frame).
    pub fn next_cut(&self, start: usize, max_piece_s: f64) -> usize {
        let rate = f64::from(self.rate.max(1));
        let max = ((max_piece_s * rate) as usize).max(self.hop * 2);
        let len = self.len;
        if len.saturating_sub(start) <= max {
            return len;
        }
        let hi = start + max;
        let lo = start + max * 2 / 3;
        // Longest gap portion inside (from, hi], cut at its middle.
        let best = |from: usize| {
            self.regions
                .windows(2)
                .map(|w| ((w[0].end_s * rate) as usize, (w[1].start_s * rate) as usize))
                .filter_map(|(a, b)| {
                    let (a, b) = (a.max(from), b.min(hi));
                    if b > a {
                        Some((b - a, (a + b) / 2))
                    } else {
                        None
                    }
                })
                .filter(|&(_, mid)| mid > start && mid <= hi)
                .max_by_key(|&(l, _)| l)
                .map(|(_, mid)| mid)
        };
        let cut = best(lo)
            .or_else(|| best(start + 1))
            .unwrap_or_else(|| self.quietest(lo, hi));
        cut.clamp(start + 1, hi)
    }

    /// The centre sample of the lowest-energy frame between samples `lo` and `hi`.
    fn quietest(&self, lo: usize, hi: usize) -> usize {
        let first = lo / self.hop;
        let last =
            (hi.saturating_sub(self.win) / self.hop).min(self.energy_db.len().saturating_sub(1));
        if first > last {
            return hi;
        }
        let (i, _) = self.energy_db[first..=last].iter().enumerate().fold(
            (0, f32::INFINITY),
            |acc, (i, &e)| if e < acc.1 { (i, e) } else { acc },
        );
        ((first + i) * self.hop + self.win / 2).clamp(lo, hi)
    }
}

/// RMS energy in dBFS of each frame, with the frame's mean (DC) removed.
fn frame_energies(samples: &[f32], win: usize, hop: usize) -> Vec<f32> {
    if samples.is_empty() {
        return Vec::new();
    }
    let n = if samples.len() <= win {
        1
    } else {
        1 + (samples.len() - win).div_ceil(hop)
    };
    (0..n)
        .map(|i| {
            let a = i * hop;
            let frame = &samples[a..(a + win).min(samples.len())];
            let len = frame.len() as f64;
            let mean = frame.iter().map(|&s| f64::from(s)).sum::<f64>() / len;
            let power = frame
                .iter()
                .map(|&s| {
                    let d = f64::from(s) - mean;
                    d * d
                })
                .sum::<f64>()
                / len;
            (10.0 * (power + 1e-12).log10()) as f32
        })
        .collect()
}

fn percentile(values: &[f32], q: f64) -> f32 {
    if values.is_empty() {
        return f32::NEG_INFINITY;
    }
    let mut v = values.to_vec();
    let k = ((v.len() - 1) as f64 * q).round() as usize;
    *v.select_nth_unstable_by(k, f32::total_cmp).1
}

/// Per-frame noise floor (dBFS).
fn noise_floor(energy: &[f32], cfg: &VadConfig, hop: usize, rate: f64) -> Vec<f32> {
    const Q: f64 = 0.10;
    let global = percentile(energy, Q);
    let frames_per_s = rate / hop as f64;
    let block = ((0.5 * frames_per_s) as usize).max(1);
    let half = ((cfg.floor_window_s / 2.0 * frames_per_s) as usize).max(block);
    let mut floor = Vec::with_capacity(energy.len());
    for b in (0..energy.len()).step_by(block) {
        let centre = b + block / 2;
        let w = &energy[centre.saturating_sub(half)..(centre + half).min(energy.len())];
        let local = percentile(w, Q).min(global + 15.0).max(cfg.min_floor_dbfs);
        let n = block.min(energy.len() - b);
        floor.extend(std::iter::repeat_n(local, n));
    }
    floor
}

/// Speech regions of `samples` (mono, at `rate`) with the default configuration.
pub fn speech_regions(samples: &[f32], rate: u32) -> Vec<Region> {
    SpeechMap::analyze(samples, rate).regions
}

/// When speech starts, seconds; `None` if there is none.
pub fn speech_onset(samples: &[f32], rate: u32) -> Option<f64> {
    SpeechMap::analyze(samples, rate).onset()
}

/// When speech ends, seconds; `None` if there is none.
pub fn speech_offset(samples: &[f32], rate: u32) -> Option<f64> {
    SpeechMap::analyze(samples, rate).offset()
}

/// No speech energy at all (less than [`MIN_SPEECH_TOTAL_S`] of it).
pub fn is_silent(samples: &[f32], rate: u32) -> bool {
    SpeechMap::analyze(samples, rate).is_silent()
}

/// Pauses between speech lasting at least `min_s` seconds (e.g. 1.2 or 2.5).
pub fn pauses(samples: &[f32], rate: u32, min_s: f64) -> Vec<Region> {
    SpeechMap::analyze(samples, rate).pauses(min_s)
}

/// Consecutive sample ranges of at most `max_piece_s` covering `samples`, cut at silences.
/// See [`SpeechMap::split`].
pub fn split_at_silences(samples: &[f32], rate: u32, max_piece_s: f64) -> Vec<(usize, usize)> {
    SpeechMap::analyze(samples, rate).split(max_piece_s)
}

/// The part of `samples` a transcriber reads: from `lead_s` before the first speech to
/// `lead_s` after the last, as sample indices (the recording's own edge where it has less
/// silence than that: nothing is added to it).
///
/// Whisper hears the same speech differently when it is shifted by a millisecond (the mel
/// frames and the encoder's positions fall elsewhere on it), so an answer cut out of a longer
/// recording, and the same answer cut out again a few milliseconds wider, would read
/// differently. Both edges are therefore found on the speech itself, at sample precision: the
/// first (last) sample where the 10 ms average of |x| reaches a tenth of its peak in the first
/// (last) speech region, walked from just outside that region. Silence before and after does
/// not move them. Noise that already reaches the threshold where the walk starts keeps that
/// edge where the recording has it.
pub fn speech_bounds(samples: &[f32], map: &SpeechMap, lead_s: f64) -> (usize, usize) {
    let len = samples.len();
    let whole = (0, len);
    let (Some(first), Some(last)) = (map.regions.first(), map.regions.last()) else {
        return whole;
    };
    let rate = f64::from(map.rate.max(1));
    let at = |t: f64| ((t.max(0.0) * rate) as usize).min(len);
    let half = (0.005 * rate) as usize;
    let mut sums = Vec::with_capacity(len + 1);
    let mut acc = 0.0f64;
    sums.push(0.0);
    for x in samples {
        acc += f64::from(x.abs());
        sums.push(acc);
    }
    let env = |i: usize| {
        let (a, b) = (i.saturating_sub(half), (i + half).min(len));
        if b > a {
            (sums[b] - sums[a]) / (b - a) as f64
        } else {
            0.0
        }
    };
    let peak = |r: &Region| (at(r.start_s)..at(r.end_s)).map(env).fold(0.0f64, f64::max);
    let margin = (lead_s * rate) as usize;
    let step = (0.1 * rate) as usize;
    let start = {
        let thr = 0.1 * peak(first);
        let from = at(first.start_s).saturating_sub(step);
        if thr <= 0.0 || env(from) >= thr {
            0
        } else {
            (from..len)
                .find(|&i| env(i) >= thr)
                .map_or(0, |i| i.saturating_sub(margin))
        }
    };
    let end = {
        let thr = 0.1 * peak(last);
        let from = (at(last.end_s) + step).min(len.saturating_sub(1));
        if thr <= 0.0 || env(from) >= thr {
            len
        } else {
            (0..=from)
                .rev()
                .find(|&i| env(i) >= thr)
                .map_or(len, |i| (i + 1 + margin).min(len))
        }
    };
    if start < end {
        (start, end)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 16_000;

    /// Deterministic white noise in [-amp, amp].
    fn noise(n: usize, amp: f32, seed: &mut u64) -> Vec<f32> {
        (0..n)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                ((*seed >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * amp
            })
            .collect()
    }

    /// Builds a signal from (seconds, is_speech) parts: speech is a 200 Hz tone with
    /// harmonics, amplitude-modulated like syllables; everything sits on a noise floor.
    fn signal(parts: &[(f64, bool)], noise_amp: f32) -> Vec<f32> {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut out = Vec::new();
        for &(secs, speech) in parts {
            let n = (secs * RATE as f64) as usize;
            let base = out.len();
            let mut part = noise(n, noise_amp, &mut seed);
            if speech {
                for (i, s) in part.iter_mut().enumerate() {
                    let t = (base + i) as f32 / RATE as f32;
                    let syllable = 0.6 + 0.4 * (2.0 * std::f32::consts::PI * 4.0 * t).sin();
                    let voice: f32 = (1..5)
                        .map(|h| {
                            (2.0 * std::f32::consts::PI * 200.0 * h as f32 * t).sin() / h as f32
                        })
                        .sum();
                    *s += 0.2 * syllable * voice;
                }
            }
            out.extend(part);
        }
        out
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn finds_bursts_and_gaps() {
        let x = signal(
            &[
                (1.0, false),
                (2.0, true),
                (1.5, false),
                (1.0, true),
                (0.5, false),
            ],
            0.003,
        );
        let r = speech_regions(&x, RATE);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(close(r[0].start_s, 1.0, 0.03), "{r:?}");
        assert!(close(r[0].end_s, 3.0, 0.03), "{r:?}");
        assert!(close(r[1].start_s, 4.5, 0.03), "{r:?}");
        assert!(close(r[1].end_s, 5.5, 0.03), "{r:?}");
        let p = pauses(&x, RATE, 1.2);
        assert_eq!(p.len(), 1);
        assert!(close(p[0].duration_s(), 1.5, 0.06));
        assert!(pauses(&x, RATE, 2.5).is_empty());
        assert!(close(speech_onset(&x, RATE).unwrap(), 1.0, 0.03));
        assert!(close(speech_offset(&x, RATE).unwrap(), 5.5, 0.03));
    }

    #[test]
    fn works_on_digital_silence_and_loud_noise() {
        // Digital silence between bursts (as TTS produces).
        let x = signal(&[(0.5, false), (1.0, true), (0.3, false), (1.0, true)], 0.0);
        let r = speech_regions(&x, RATE);
        assert_eq!(r.len(), 2, "{r:?}");
        // A noisy room: the noise floor is only ~15 dB under the speech.
        let x = signal(
            &[
                (1.0, false),
                (1.0, true),
                (1.0, false),
                (1.0, true),
                (1.0, false),
            ],
            0.05,
        );
        let r = speech_regions(&x, RATE);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(close(r[1].start_s, 3.0, 0.05), "{r:?}");
    }

    #[test]
    fn floor_adapts_when_noise_rises() {
        // Quiet first half, then a fan comes on (noise +20 dB) for the second half.
        let mut x = signal(&[(4.0, false), (1.0, true), (5.0, false)], 0.001);
        let mut seed = 7;
        let loud = noise(x.len() / 2, 0.01, &mut seed);
        let half = x.len() / 2;
        for (s, n) in x[half..].iter_mut().zip(loud) {
            *s += n;
        }
        x.extend(signal(&[(1.0, true), (4.0, false)], 0.011));
        let r = speech_regions(&x, RATE);
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn silence_and_faint_noise_are_silent() {
        assert!(is_silent(&[], RATE));
        assert!(is_silent(&vec![0.0; RATE as usize * 5], RATE));
        let mut seed = 1;
        assert!(is_silent(
            &noise(RATE as usize * 5, 0.0005, &mut seed),
            RATE
        ));
        assert!(is_silent(&noise(RATE as usize * 5, 0.05, &mut seed), RATE));
        assert!(!is_silent(&signal(&[(1.0, false), (0.5, true)], 0.0), RATE));
    }

    #[test]
    fn short_stretches_find_lone_fillers() {
        let x = signal(
            &[
                (0.5, false),
                (1.5, true),
                (0.4, false),
                (0.3, true),
                (0.4, false),
                (1.5, true),
                (0.1, false),
                (0.3, true),
            ],
            0.002,
        );
        let map = SpeechMap::analyze(&x, RATE);
        let s = map.short_stretches(0.08, 0.8, 0.15);
        assert_eq!(s.len(), 1, "{:?}", map.regions);
        assert!(
            close(s[0].start_s, 2.4, 0.03) && close(s[0].end_s, 2.7, 0.03),
            "{s:?}"
        );
    }

    #[test]
    fn split_cuts_in_the_longest_pauses() {
        // 70 s of 3 s speech bursts with 0.4 s pauses, and one 1.0 s pause at 20.0-21.0 s.
        let mut parts = Vec::new();
        let mut t: f64 = 0.0;
        while t < 70.0 {
            parts.push((3.0, true));
            t += 3.0;
            let gap = if (t - 20.0).abs() < 1.6 { 1.0 } else { 0.4 };
            parts.push((gap, false));
            t += gap;
        }
        let x = signal(&parts, 0.002);
        let map = SpeechMap::analyze(&x, RATE);
        let pieces = map.split(28.0);
        assert_eq!(pieces.first().unwrap().0, 0);
        assert_eq!(pieces.last().unwrap().1, x.len());
        for w in pieces.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        for &(a, b) in &pieces {
            assert!(b - a <= 28 * RATE as usize);
        }
        // Every cut is inside a pause.
        for &(_, b) in &pieces[..pieces.len() - 1] {
            let t = b as f64 / RATE as f64;
            assert!(
                map.regions.iter().all(|r| t <= r.start_s || t >= r.end_s),
                "cut at {t} in speech"
            );
        }
        // The first cut takes the long pause (midpoint 20.5 s).
        let first = pieces[0].1 as f64 / RATE as f64;
        assert!(close(first, 20.5, 0.05), "first cut at {first}");
    }

    #[test]
    fn split_forces_cuts_in_unbroken_speech() {
        let x = signal(&[(65.0, true)], 0.002);
        let pieces = split_at_silences(&x, RATE, 28.0);
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        assert!(pieces.iter().all(|&(a, b)| b - a <= 28 * RATE as usize));
        assert_eq!(
            split_at_silences(&x[..RATE as usize * 10], RATE, 28.0),
            vec![(0, RATE as usize * 10)]
        );
    }

    #[test]
    fn speech_bounds_follow_the_speech_not_the_silence_around_it() {
        let x = signal(&[(1.0, false), (1.5, true), (0.8, false)], 0.002);
        let lead = (0.25 * RATE as f64) as usize;
        let bounds = |y: &[f32]| speech_bounds(y, &SpeechMap::analyze(y, RATE), 0.25);
        let (a, b) = bounds(&x);
        // The speech starts at 1.0 s and ends at 2.5 s; the edges are found on it.
        assert!((a + lead).abs_diff(RATE as usize) < 400, "{a}");
        assert!(
            (b - lead).abs_diff((2.5 * RATE as f64) as usize) < 400,
            "{b}"
        );
        // The same speech cut out a few samples wider or narrower: the same samples are read.
        for (drop, keep_end) in [(1usize, 0usize), (37, 5), (160, 123), (4000, 1)] {
            let y = &x[drop..x.len() - keep_end];
            let (c, d) = bounds(y);
            assert_eq!(c + drop, a, "cut {drop}");
            assert_eq!(d + drop, b, "cut {drop} / {keep_end}");
        }
        // Less silence than the lead: the recording's own edge.
        let y = &x[(0.9 * RATE as f64) as usize..x.len() - (0.7 * RATE as f64) as usize];
        assert_eq!(bounds(y), (0, y.len()));
        // No speech: all of it.
        let quiet = signal(&[(2.0, false)], 0.002);
        assert_eq!(bounds(&quiet), (0, quiet.len()));
    }
}
