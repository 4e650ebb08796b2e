//! Decoding any supported recording into 16 kHz mono f32 samples for Whisper.
//!
//! BUILD STUB on the `record` branch only (so this branch compiles while the real module is
//! written elsewhere): drop this file's body in favour of the real module when merging.

use std::path::Path;

/// Decoded 16 kHz mono audio.
pub struct Audio {
    pub samples: Vec<f32>,
    pub duration_s: f64,
}

/// Stub: the real decoder lives on the audio branch.
pub fn load(path: &Path) -> std::io::Result<Audio> {
    Err(std::io::Error::other(format!(
        "{}: audio decoding is not built on this branch",
        path.display()
    )))
}

pub mod vad {
    /// Stub: one piece.
    pub fn split_at_silences(
        samples: &[f32],
        _rate: u32,
        _max_piece_s: f64,
    ) -> Vec<(usize, usize)> {
        vec![(0, samples.len())]
    }
}
