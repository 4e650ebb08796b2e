//! Answer length against the target band for its kind of question.
//!
//! Speaking time runs from the first word to the last; silence before and after is reported
//! apart so a slow start to the recording is not counted against the answer (DOMAIN.md).

use serde::{Deserialize, Serialize};

use super::config::Band;

/// Short, within the band, or long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Short,
    Ok,
    Long,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Short => "short",
            Verdict::Ok => "ok",
            Verdict::Long => "long",
        }
    }
}

/// Length findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Length {
    pub target_min_s: f64,
    pub target_max_s: f64,
    pub verdict: Verdict,
    /// Silence before the first word.
    pub leading_silence_s: f64,
    /// Silence after the last word (0 when the recording length is unknown).
    pub trailing_silence_s: f64,
}

/// Judges speaking time against a band.
pub fn judge(
    speaking_s: f64,
    first_word_s: Option<f64>,
    last_word_s: Option<f64>,
    duration_s: f64,
    band: Band,
) -> Length {
    let verdict = if speaking_s < band.min_s {
        Verdict::Short
    } else if speaking_s > band.max_s {
        Verdict::Long
    } else {
        Verdict::Ok
    };
    let leading = first_word_s.unwrap_or(0.0).max(0.0);
    let trailing = match last_word_s {
        Some(l) if duration_s > 0.0 => (duration_s - l).max(0.0),
        _ => 0.0,
    };
    Length {
        target_min_s: band.min_s,
        target_max_s: band.max_s,
        verdict,
        leading_silence_s: leading,
        trailing_silence_s: trailing,
    }
}

/// 1-5 rating: 5 inside the band, lower the further out (relative to the nearest edge).
pub fn rating(speaking_s: f64, band: Band) -> u8 {
    if speaking_s <= 0.0 {
        return 1;
    }
    let off = if speaking_s < band.min_s {
        (band.min_s - speaking_s) / band.min_s
    } else if speaking_s > band.max_s {
        (speaking_s - band.max_s) / band.max_s
    } else {
        return 5;
    };
    match off {
        x if x <= 0.15 => 4,
        x if x <= 0.35 => 3,
        x if x <= 0.6 => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const B: Band = Band {
        min_s: 60.0,
        max_s: 90.0,
    };

    #[test]
    fn verdicts_and_silence() {
        let l = judge(75.0, Some(2.0), Some(77.0), 80.0, B);
        assert_eq!(l.verdict, Verdict::Ok);
        assert_eq!(l.leading_silence_s, 2.0);
        assert_eq!(l.trailing_silence_s, 3.0);
        assert_eq!(judge(30.0, None, None, 0.0, B).verdict, Verdict::Short);
        assert_eq!(judge(130.0, None, None, 0.0, B).verdict, Verdict::Long);
    }

    #[test]
    fn ratings() {
        assert_eq!(rating(75.0, B), 5);
        assert_eq!(rating(95.0, B), 4);
        assert_eq!(rating(45.0, B), 3);
        assert_eq!(rating(200.0, B), 1);
        assert_eq!(rating(0.0, B), 1);
    }
}
