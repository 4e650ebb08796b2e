//! Words, sentences and stand-in audio for the timing tests.

use super::RATE;
use crate::transcript::{Segment, Word};

pub(super) fn word(text: &str, a: f64, b: f64) -> Word {
    Word {
        text: text.into(),
        start_s: a,
        end_s: b,
        probability: 0.9,
    }
}

/// A sentence of these words, from the first's start to the last's end.
pub(super) fn seg(words: Vec<Word>) -> Segment {
    Segment {
        start_s: words.first().map_or(0.0, |w| w.start_s),
        end_s: words.last().map_or(0.0, |w| w.end_s),
        text: words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        words,
    }
}

/// A steady tone standing in for speech, `secs` long.
pub(super) fn tone(secs: f64) -> Vec<f32> {
    (0..(secs * f64::from(RATE)) as usize)
        .map(|i| 0.3 * (i as f32 * 0.07).sin())
        .collect()
}

pub(super) fn silence(secs: f64) -> Vec<f32> {
    vec![0.0f32; (secs * f64::from(RATE)) as usize]
}
