//! Scoring thresholds, with defaults taken from `shared/DOMAIN.md`.
//!
//! Every number the scorer compares against lives here so a coach can change it in a TOML file
//! without touching code. Unknown keys are rejected so a typo never silently does nothing.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::kind::QuestionKind;

/// Errors a user can hit when loading a scoring config: each names the file, and the key or
/// the place in the file, in one line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read scoring config {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {problem}")]
    Parse { path: String, problem: String },
    #[error("{path}: {key} is {value}: {allowed}")]
    Invalid {
        path: String,
        key: String,
        value: String,
        allowed: String,
    },
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
    pub themes: Vec<Theme>,
}

impl ScoringConfig {
    /// Parses and checks a TOML config; missing keys take their defaults, unknown keys and
    /// values out of range are errors.
    pub fn from_toml_str(s: &str) -> Result<Self, ConfigError> {
        Self::parse_named("the scoring config", s)
    }

    /// Reads, parses and checks a TOML config file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse_named(&path.display().to_string(), &text)
    }

    fn parse_named(name: &str, text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: name.to_string(),
            problem: crate::tomlfile::toml_problem(text, &e),
        })?;
        config
            .check()
            .map_err(|(key, value, allowed)| ConfigError::Invalid {
                path: name.to_string(),
                key,
                value,
                allowed,
            })?;
        Ok(config)
    }

    /// Every value within the range where it means something: (key, value, what is allowed)
    /// for the first that is not.
    fn check(&self) -> Result<(), (String, String, String)> {
        let bad = |key: String, value: f64, allowed: &str| {
            Err((key, value.to_string(), allowed.to_string()))
        };
        let range = |key: &str, value: f64, lo: f64, hi: f64| {
            if value.is_finite() && (lo..=hi).contains(&value) {
                Ok(())
            } else {
                bad(key.to_string(), value, &format!("allowed {lo} to {hi}"))
            }
        };
        // Both ends of a band in range, the first below the second.
        let band = |section: &str, (a, x): (&str, f64), (b, y): (&str, f64), lo, hi| {
            range(&format!("{section}.{a}"), x, lo, hi)?;
            range(&format!("{section}.{b}"), y, lo, hi)?;
            if x >= y {
                return bad(
                    format!("{section}.{b}"),
                    y,
                    &format!("must be above {a} ({x})"),
                );
            }
            Ok(())
        };
        let l = &self.length;
        for (name, b) in [
            ("behavioral", l.behavioral),
            ("case", l.case),
            ("technical", l.technical),
            ("closing", l.closing),
            ("motivation", l.motivation),
            ("intro", l.intro),
        ] {
            let section = format!("length.{name}");
            band(
                &section,
                ("min_s", b.min_s),
                ("max_s", b.max_s),
                1.0,
                3600.0,
            )?;
        }
        let d = &self.delivery;
        band(
            "delivery",
            ("min_wpm", d.min_wpm),
            ("max_wpm", d.max_wpm),
            20.0,
            400.0,
        )?;
        band(
            "delivery",
            ("hesitation_pause_s", d.hesitation_pause_s),
            ("lost_thread_pause_s", d.lost_thread_pause_s),
            0.1,
            60.0,
        )?;
        let f = &self.fillers;
        band(
            "fillers",
            ("ok_per_min", f.ok_per_min),
            ("harmful_per_min", f.harmful_per_min),
            0.0,
            100.0,
        )?;
        range("fillers.burst_count", f.burst_count as f64, 2.0, 50.0)?;
        range("fillers.burst_window_s", f.burst_window_s, 1.0, 600.0)?;
        for (key, w) in [
            ("fillers.weight_hesitation", f.weight_hesitation),
            ("fillers.weight_discourse", f.weight_discourse),
            ("fillers.weight_soft", f.weight_soft),
            ("fillers.weight_hedge", f.weight_hedge),
        ] {
            range(key, w, 0.0, 10.0)?;
        }
        range(
            "structure.max_setup_share",
            self.structure.max_setup_share,
            0.05,
            1.0,
        )?;
        range(
            "structure.max_we_per_i",
            self.structure.max_we_per_i,
            0.1,
            100.0,
        )?;
        Ok(())
    }
}

/// One declared theme, as written in the config file:
///
/// ```toml
/// [[themes]]
/// name = "calm under pressure"
/// phrases = ["deadline", "stayed calm"]
/// competencies = ["failure"]   # optional
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub name: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Questions probing these competencies back the theme whatever their wording.
    #[serde(default)]
    pub competencies: Vec<crate::questions::Competency>,
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
    fn values_out_of_range_are_refused_naming_the_key() {
        let err = |toml: &str| ScoringConfig::from_toml_str(toml).unwrap_err().to_string();
        assert_eq!(
            err("[length.behavioral]\nmin_s = nan\nmax_s = inf\n"),
            "the scoring config: length.behavioral.min_s is NaN: allowed 1 to 3600"
        );
        assert_eq!(
            err("[length.behavioral]\nmin_s = 90\nmax_s = 60\n"),
            "the scoring config: length.behavioral.max_s is 60: must be above min_s (90)"
        );
        assert_eq!(
            err("[delivery]\nmax_wpm = -3\n"),
            "the scoring config: delivery.max_wpm is -3: allowed 20 to 400"
        );
        assert_eq!(
            err("[fillers]\nburst_count = 0\n"),
            "the scoring config: fillers.burst_count is 0: allowed 2 to 50"
        );
        assert_eq!(
            err("[structure]\nmax_setup_share = 2\n"),
            "the scoring config: structure.max_setup_share is 2: allowed 0.05 to 1"
        );
    }

    #[test]
    fn parse_errors_are_one_line_with_the_place() {
        let e = ScoringConfig::from_toml_str("[length]\nmin_s = 1\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the scoring config: line 2, column 1: unknown field `min_s`, expected one of \
             `behavioral`, `case`, `technical`, `closing`, `motivation`, `intro`"
        );
        assert!(std::error::Error::source(&e).is_none(), "printed once");
    }

    #[test]
    fn loads_from_a_file() {
        let p = std::env::temp_dir().join(format!("starcoach-core-{}.toml", std::process::id()));
        std::fs::write(&p, "[fillers]\nburst_count = 4\n").unwrap();
        let loaded = ScoringConfig::load(&p);
        std::fs::remove_file(&p).unwrap();
        assert_eq!(loaded.unwrap().fillers.burst_count, 4);
        assert!(ScoringConfig::load(&p).is_err());
    }
}
