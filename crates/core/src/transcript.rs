//! The transcript: what the transcriber produces and what scoring consumes.
//!
//! This is the seam between the heavy part (audio, Whisper) and the pure core (scoring,
//! reports). Everything downstream takes a [`Transcript`], never audio, so tests and benches
//! of scoring need no model.

use serde::{Deserialize, Serialize};

/// One recognised word with its timing (seconds from the start of the recording).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The word as written by the transcriber, with punctuation attached ("result,").
    pub text: String,
    pub start_s: f64,
    pub end_s: f64,
    /// Mean token probability, 0-1 (1.0 when unknown, e.g. a plain-text transcript).
    #[serde(default = "one")]
    pub probability: f32,
}

fn one() -> f32 {
    1.0
}

/// A stretch of speech as the transcriber segmented it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub start_s: f64,
    pub end_s: f64,
    pub text: String,
    #[serde(default)]
    pub words: Vec<Word>,
}

impl Segment {
    /// Moves the segment and its words `by_s` seconds later.
    pub fn shift(&mut self, by_s: f64) {
        self.start_s += by_s;
        self.end_s += by_s;
        for w in &mut self.words {
            w.start_s += by_s;
            w.end_s += by_s;
        }
    }
}

/// A whole answer's transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// Where it came from (file path), if known.
    #[serde(default)]
    pub source: Option<String>,
    /// Length of the recording in seconds (0 when unknown).
    #[serde(default)]
    pub duration_s: f64,
    /// The full text.
    pub text: String,
    pub segments: Vec<Segment>,
    /// True when word times were estimated from text rather than measured from audio.
    #[serde(default)]
    pub timing_estimated: bool,
    /// Set when the recording ended before its header said ("the file is cut short: ..."):
    /// the transcript covers only what is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_short: Option<String>,
}

/// Assumed speaking rate used to give a plain-text transcript plausible times.
pub const ESTIMATED_WPM: f64 = 150.0;

/// The longest recording a transcript may describe (24 hours): times beyond it, negative or
/// not finite come from a damaged or hand-edited file, not from speech.
pub const MAX_TIME_S: f64 = 86_400.0;

impl Transcript {
    /// Checks the times a transcript file claims: each finite, within 0..=[`MAX_TIME_S`], and
    /// no word ending before it starts. Says what is wrong, for an error naming the file.
    pub fn check_times(&self) -> Result<(), String> {
        let ok = |t: f64| t.is_finite() && (0.0..=MAX_TIME_S).contains(&t);
        if !ok(self.duration_s) {
            return Err(format!(
                "duration_s is {}: allowed 0 to {MAX_TIME_S}",
                self.duration_s
            ));
        }
        for (i, s) in self.segments.iter().enumerate() {
            if !ok(s.start_s) || !ok(s.end_s) || s.end_s < s.start_s {
                return Err(format!(
                    "segment {} runs from {} s to {} s: times must be within 0 to {MAX_TIME_S} s, \
                     the end not before the start",
                    i + 1,
                    s.start_s,
                    s.end_s
                ));
            }
        }
        for (i, w) in self.words().enumerate() {
            if !ok(w.start_s) || !ok(w.end_s) || w.end_s < w.start_s {
                return Err(format!(
                    "word {} ({:?}) runs from {} s to {} s: times must be within 0 to \
                     {MAX_TIME_S} s, the end not before the start",
                    i + 1,
                    w.text,
                    w.start_s,
                    w.end_s
                ));
            }
        }
        Ok(())
    }

    /// All words in order, across segments.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.segments.iter().flat_map(|s| s.words.iter())
    }

    /// Builds a transcript from plain text, estimating word times at [`ESTIMATED_WPM`].
    /// Each non-empty line becomes a segment.
    pub fn from_plain_text(text: &str, source: Option<String>) -> Self {
        let per_word = 60.0 / ESTIMATED_WPM;
        let mut t = 0.0;
        let mut segments = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let start = t;
            let words: Vec<Word> = line
                .split_whitespace()
                .map(|w| {
                    let word = Word {
                        text: w.to_string(),
                        start_s: t,
                        end_s: t + per_word * 0.9,
                        probability: 1.0,
                    };
                    t += per_word;
                    word
                })
                .collect();
            segments.push(Segment {
                start_s: start,
                end_s: t,
                text: line.to_string(),
                words,
            });
        }
        let text = segments
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Transcript {
            source,
            duration_s: t,
            text,
            segments,
            timing_estimated: true,
            cut_short: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_gets_monotonic_estimated_times() {
        let t = Transcript::from_plain_text("I led the team.\n\nWe cut costs by 20%.", None);
        let words: Vec<_> = t.words().collect();
        assert_eq!(words.len(), 9);
        assert!(words.windows(2).all(|w| w[0].end_s <= w[1].start_s));
        assert!((t.duration_s - 9.0 * 60.0 / ESTIMATED_WPM).abs() < 1e-9);
        assert!(t.timing_estimated);
        assert_eq!(t.text, "I led the team. We cut costs by 20%.");
    }
}
