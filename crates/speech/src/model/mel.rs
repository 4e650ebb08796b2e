//! The Slaney mel filterbank that whisper.cpp reads from the model file.
//!
//! whisper.cpp does not compute its own filters: it uses the matrix stored in the GGML
//! file, so a converter has to write the exact filters Whisper was trained with. Those are
//! librosa's `filters.mel(sr=16000, n_fft=400, n_mels=80)` (Slaney mel scale, Slaney area
//! normalisation). This module reproduces that computation, including librosa's float32
//! rounding, so no Python is needed at conversion time.

/// Sample rate Whisper works at.
pub const SAMPLE_RATE: u32 = 16_000;
/// FFT size of Whisper's STFT (25 ms at 16 kHz).
pub const N_FFT: usize = 400;
/// Number of mel bands of the Whisper models we provision.
pub const N_MELS: usize = 80;

/// Slaney scale: linear below 1 kHz, logarithmic above.
const F_SP: f64 = 200.0 / 3.0;
const MIN_LOG_HZ: f64 = 1000.0;
const MIN_LOG_MEL: f64 = MIN_LOG_HZ / F_SP;

fn log_step() -> f64 {
    6.4f64.ln() / 27.0
}

/// librosa `hz_to_mel(f, htk=False)`.
fn hz_to_mel(hz: f64) -> f64 {
    if hz >= MIN_LOG_HZ {
        MIN_LOG_MEL + (hz / MIN_LOG_HZ).ln() / log_step()
    } else {
        hz / F_SP
    }
}

/// librosa `mel_to_hz(m, htk=False)`.
fn mel_to_hz(mel: f64) -> f64 {
    if mel >= MIN_LOG_MEL {
        MIN_LOG_HZ * (log_step() * (mel - MIN_LOG_MEL)).exp()
    } else {
        F_SP * mel
    }
}

/// numpy `linspace(start, stop, num)` (endpoint included), computed the way numpy does.
fn linspace(start: f64, stop: f64, num: usize) -> Vec<f64> {
    match num {
        0 => Vec::new(),
        1 => vec![start],
        _ => {
            let step = (stop - start) / (num - 1) as f64;
            let mut v: Vec<f64> = (0..num).map(|i| i as f64 * step + start).collect();
            v[num - 1] = stop;
            v
        }
    }
}

/// librosa `filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False, norm="slaney")`.
///
/// Returns `n_mels` rows of `1 + n_fft / 2` weights, row-major, as float32 exactly like
/// librosa (which fills a float32 array and scales it in place by a float64 norm).
pub fn slaney_filterbank(sample_rate: u32, n_fft: usize, n_mels: usize) -> Vec<f32> {
    let n_freqs = 1 + n_fft / 2;
    let nyquist = f64::from(sample_rate) / 2.0;
    let fft_freqs = linspace(0.0, nyquist, n_freqs);
    let mel_points = linspace(hz_to_mel(0.0), hz_to_mel(nyquist), n_mels + 2);
    let mel_f: Vec<f64> = mel_points.into_iter().map(mel_to_hz).collect();
    let fdiff: Vec<f64> = mel_f.windows(2).map(|w| w[1] - w[0]).collect();

    let mut weights = vec![0f32; n_mels * n_freqs];
    for i in 0..n_mels {
        let enorm = 2.0 / (mel_f[i + 2] - mel_f[i]);
        for (j, &f) in fft_freqs.iter().enumerate() {
            let lower = -(mel_f[i] - f) / fdiff[i];
            let upper = (mel_f[i + 2] - f) / fdiff[i + 1];
            let w = 0f64.max(lower.min(upper)) as f32;
            weights[i * n_freqs + j] = (f64::from(w) * enorm) as f32;
        }
    }
    weights
}

/// The filterbank of every Whisper model with 80 mel bands.
pub fn whisper_filterbank() -> Vec<f32> {
    slaney_filterbank(SAMPLE_RATE, N_FFT, N_MELS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values printed once by librosa 0.11 / numpy 2 with
    /// `librosa.filters.mel(sr=16000, n_fft=400, n_mels=80)` (row, column, value).
    const LIBROSA: &[(usize, usize, f32)] = &include!("mel_reference.in");

    #[test]
    fn shape_is_80_by_201() {
        assert_eq!(whisper_filterbank().len(), 80 * 201);
    }

    #[test]
    fn matches_librosa() {
        let w = whisper_filterbank();
        for &(row, col, expected) in LIBROSA {
            let got = w[row * 201 + col];
            let tol = 1e-6 * expected.abs().max(1e-3);
            assert!(
                (got - expected).abs() <= tol,
                "mel[{row}][{col}] = {got:e}, librosa has {expected:e}"
            );
        }
    }

    #[test]
    fn slaney_scale_is_linear_below_1khz() {
        assert!((hz_to_mel(1000.0) - 15.0).abs() < 1e-12);
        assert!((mel_to_hz(hz_to_mel(4321.0)) - 4321.0).abs() < 1e-9);
        assert!((mel_to_hz(7.5) - 500.0).abs() < 1e-12);
    }
}
