//! Pace and pauses: how the answer sounds, from word times.
//!
//! Words a minute over speaking time; gaps between words over 1.2 s read as hesitation and
//! over 2.5 s as a lost thread (DOMAIN.md). With estimated times (plain text) there are no pauses.

use serde::{Deserialize, Serialize};

use super::config::DeliveryConfig;
use super::doc::Doc;

/// How a pause reads to a listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    Hesitation,
    LostThread,
}

/// A long gap between two words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pause {
    pub start_s: f64,
    pub end_s: f64,
    pub kind: PauseKind,
    /// The word before the gap.
    pub after_word: String,
    /// True when the gap falls mid-sentence (reads as uncertainty rather than a breath).
    pub mid_sentence: bool,
}

/// Pace verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pace {
    Slow,
    Ok,
    Fast,
}

/// Words a minute over speaking time (0 when there is no speech).
pub fn wpm(words: usize, speaking_s: f64) -> f64 {
    if speaking_s <= 0.0 {
        0.0
    } else {
        words as f64 * 60.0 / speaking_s
    }
}

pub fn pace(wpm: f64, cfg: &DeliveryConfig) -> Pace {
    if wpm < cfg.min_wpm {
        Pace::Slow
    } else if wpm > cfg.max_wpm {
        Pace::Fast
    } else {
        Pace::Ok
    }
}

/// Gaps over the hesitation threshold.
pub fn pauses(doc: &Doc, cfg: &DeliveryConfig) -> Vec<Pause> {
    doc.toks
        .windows(2)
        .filter_map(|w| {
            let gap = w[1].start_s - w[0].end_s;
            if gap <= cfg.hesitation_pause_s {
                return None;
            }
            Some(Pause {
                start_s: w[0].end_s,
                end_s: w[1].start_s,
                kind: if gap > cfg.lost_thread_pause_s {
                    PauseKind::LostThread
                } else {
                    PauseKind::Hesitation
                },
                after_word: w[0].raw.clone(),
                mid_sentence: !w[0].break_after(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Segment, Transcript, Word};

    #[test]
    fn finds_pauses() {
        let w = |t: &str, s: f64| Word {
            text: t.into(),
            start_s: s,
            end_s: s + 0.3,
            probability: 1.0,
        };
        let t = Transcript {
            source: None,
            duration_s: 10.0,
            text: String::new(),
            segments: vec![Segment {
                start_s: 0.0,
                end_s: 9.0,
                text: String::new(),
                words: vec![w("I", 0.0), w("think", 2.0), w("so.", 6.0)],
            }],
            timing_estimated: false,
            cut_short: None,
        };
        let p = pauses(&Doc::new(&t), &DeliveryConfig::default());
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].kind, PauseKind::Hesitation);
        assert_eq!(p[1].kind, PauseKind::LostThread);
        assert!(p[1].mid_sentence);
    }

    #[test]
    fn pace_bands() {
        let c = DeliveryConfig::default();
        assert_eq!(wpm(150, 60.0), 150.0);
        assert_eq!(wpm(3, 0.0), 0.0);
        assert_eq!(pace(100.0, &c), Pace::Slow);
        assert_eq!(pace(200.0, &c), Pace::Fast);
    }
}
