//! Scoring thresholds, with defaults taken from `shared/DOMAIN.md`.
//!
//! Every number the scorer compares against lives here so a coach can change it in a TOML file
//! without touching code. Unknown keys are rejected so a typo never silently does nothing.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::kind::QuestionKind;

/// Errors a user can hit when loading a scoring config.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read scoring config {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid scoring config: {0}")]
    Parse(#[from] toml::de::Error),
}

/// A target band for speaking time, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min_s: f64,
    pub max_s: f64,
}

/// Target speaking time by kind of question (DOMAIN.md, "Length").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LengthConfig {
    pub behavioral: Band,
    pub case: Band,
    pub technical: Band,
    pub closing: Band,
    pub motivation: Band,
    pub intro: Band,
}

impl Default for LengthConfig {
    fn default() -> Self {
        let b = |min_s, max_s| Band { min_s, max_s };
        LengthConfig {
            behavioral: b(60.0, 90.0),
            case: b(120.0, 240.0),
            technical: b(120.0, 240.0),
            closing: b(30.0, 45.0),
            motivation: b(60.0, 90.0),
            intro: b(60.0, 90.0),
        }
    }
}

impl LengthConfig {
    /// The band for a kind of question.
    pub fn band(&self, kind: QuestionKind) -> Band {
        match kind {
            QuestionKind::Behavioral => self.behavioral,
            QuestionKind::Case => self.case,
            QuestionKind::Technical => self.technical,
            QuestionKind::Closing => self.closing,
            QuestionKind::Motivation => self.motivation,
            QuestionKind::Intro => self.intro,
        }
    }
}

/// Pace and pauses (DOMAIN.md, "Delivery").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeliveryConfig {
    pub min_wpm: f64,
    pub max_wpm: f64,
    /// A gap between words longer than this reads as uncertainty.
    pub hesitation_pause_s: f64,
    /// A gap longer than this reads as a lost thread.
    pub lost_thread_pause_s: f64,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            min_wpm: 130.0,
            max_wpm: 175.0,
            hesitation_pause_s: 1.2,
            lost_thread_pause_s: 2.5,
        }
    }
}

/// Filler words (DOMAIN.md, "Delivery").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FillerConfig {
    /// Weighted fillers a minute at or under which there is no penalty.
    pub ok_per_min: f64,
    /// Weighted fillers a minute around which listeners are clearly put off.
    pub harmful_per_min: f64,
    /// This many fillers within `burst_window_s` is a burst.
    pub burst_count: usize,
    pub burst_window_s: f64,
    /// Weights by kind: um/uh count more than "like"/"so".
    pub weight_hesitation: f64,
    pub weight_discourse: f64,
    pub weight_soft: f64,
    pub weight_hedge: f64,
    /// Report "I mean", "basically", "actually", "literally".
    pub report_soft: bool,
}

impl Default for FillerConfig {
    fn default() -> Self {
        FillerConfig {
            ok_per_min: 5.0,
            harmful_per_min: 12.0,
            burst_count: 3,
            burst_window_s: 10.0,
            weight_hesitation: 1.0,
            weight_discourse: 0.6,
            weight_soft: 0.3,
            weight_hedge: 0.0,
            report_soft: true,
        }
    }
}

/// Structure checks (DOMAIN.md, "Structure").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StructureConfig {
    /// Situation + task above this share of speaking time is a long setup (guides: S 15 %, T 10 %).
    pub max_setup_share: f64,
    /// In the action part, more than this many "we" per "I" flags a "we" story.
    pub max_we_per_i: f64,
}

impl Default for StructureConfig {
    fn default() -> Self {
        StructureConfig {
            max_setup_share: 0.4,
            max_we_per_i: 2.0,
        }
    }
}

/// All thresholds. `ScoringConfig::default()` is DOMAIN.md.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringConfig {
    pub length: LengthConfig,
    pub delivery: DeliveryConfig,
    pub fillers: FillerConfig,
    pub structure: StructureConfig,
    /// The candidate's 3-4 themes (DOMAIN.md, "Beyond one answer"); none by default.
    pub themes: Vec<crate::themes::Theme>,
}

impl ScoringConfig {
    /// Parses a TOML config; missing keys take their defaults, unknown keys are errors.
    pub fn from_toml_str(s: &str) -> Result<Self, ConfigError> {
        Ok(toml::from_str(s)?)
    }

    /// Reads and parses a TOML config file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_toml_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_toml_is_the_default() {
        assert_eq!(
            ScoringConfig::from_toml_str("").unwrap(),
            ScoringConfig::default()
        );
    }

    #[test]
    fn partial_toml_overrides_one_key() {
        let c = ScoringConfig::from_toml_str("[length.closing]\nmin_s = 20\nmax_s = 40\n").unwrap();
        assert_eq!(c.length.closing.min_s, 20.0);
        assert_eq!(c.length.behavioral.max_s, 90.0);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(ScoringConfig::from_toml_str("[delivery]\nmax_wpn = 3\n").is_err());
        assert!(ScoringConfig::from_toml_str("colour = true\n").is_err());
    }

    #[test]
    fn themes_are_optional_and_checked() {
        let c = ScoringConfig::from_toml_str(
            "[[themes]]\nname = \"calm under pressure\"\nphrases = [\"deadline\", \"stayed calm\"]\n",
        )
        .unwrap();
        assert_eq!(c.themes.len(), 1);
        assert_eq!(c.themes[0].phrases, ["deadline", "stayed calm"]);
        assert!(c.themes[0].competencies.is_empty());
        assert!(ScoringConfig::from_toml_str("[[themes]]\nname = \"x\"\nphrase = []\n").is_err());
    }

    #[test]
    fn loads_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "[fillers]\nburst_count = 4\n").unwrap();
        assert_eq!(ScoringConfig::load(&p).unwrap().fillers.burst_count, 4);
        assert!(ScoringConfig::load(&dir.path().join("missing.toml")).is_err());
    }
}
