//! Themes: the three or four things a candidate wants the interviewer to remember, and which
//! answers back each one (DOMAIN.md, "Beyond one answer").
//!
//! A theme is declared in the config file with a few phrases (and optionally the competencies
//! whose questions back it). An answer backs a theme when one of the phrases occurs in its
//! transcript (case-insensitive, whole words) or when its question probes one of the theme's
//! competencies. Pure: session reports and `progress` share [`coverage`].

use regex::Regex;
use serde::Serialize;

use crate::questions::{self, Competency};
use crate::score::AnswerScore;

pub use crate::score::config::Theme;

/// Why an answer backs a theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "lowercase")]
pub enum Backing {
    /// A phrase found in the transcript (as the theme declares it).
    Phrase { phrase: String },
    /// The question probes one of the theme's competencies.
    Competency { competency: Competency },
}

/// One answer that backs a theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backer {
    /// Index into the answers given to [`coverage`].
    pub answer: usize,
    pub question: Option<String>,
    pub why: Backing,
}

/// Which answers back one theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeCoverage {
    pub theme: String,
    pub backed_by: Vec<Backer>,
}

impl ThemeCoverage {
    /// True when no answer backs the theme yet.
    pub fn is_unbacked(&self) -> bool {
        self.backed_by.is_empty()
    }
}

/// A case-insensitive whole-word matcher for a phrase (`None` for an empty phrase).
fn phrase_regex(phrase: &str) -> Option<Regex> {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return None;
    }
    // Whisper may put a comma or two spaces between words; allow any non-word run.
    let body = words.join(r"[\s,;:\-]+");
    Regex::new(&format!(r"(?i)(?:^|\W){body}(?:$|\W)")).ok()
}

/// For each theme (in order), the answers that back it. An answer backs a theme at most once:
/// by the first matching phrase, else by its question's competency.
pub fn coverage(answers: &[AnswerScore], themes: &[Theme]) -> Vec<ThemeCoverage> {
    themes
        .iter()
        .map(|theme| {
            let matchers: Vec<(&str, Regex)> = theme
                .phrases
                .iter()
                .filter_map(|p| phrase_regex(p).map(|r| (p.as_str(), r)))
                .collect();
            let backed_by = answers
                .iter()
                .enumerate()
                .filter_map(|(i, a)| {
                    let why = matchers
                        .iter()
                        .find(|(_, r)| r.is_match(&a.transcript))
                        .map(|(p, _)| Backing::Phrase {
                            phrase: p.to_string(),
                        })
                        .or_else(|| {
                            let c = a.question.as_deref().and_then(questions::competency_of)?;
                            theme
                                .competencies
                                .contains(&c)
                                .then_some(Backing::Competency { competency: c })
                        })?;
                    Some(Backer {
                        answer: i,
                        question: a.question.clone(),
                        why,
                    })
                })
                .collect();
            ThemeCoverage {
                theme: theme.name.clone(),
                backed_by,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{score_answer, AnswerContext, ScoringConfig};
    use crate::transcript::Transcript;

    fn answer(q: Option<&str>, text: &str) -> AnswerScore {
        score_answer(
            &Transcript::from_plain_text(text, None),
            &AnswerContext::new(q, None),
            &ScoringConfig::default(),
        )
    }

    #[test]
    fn phrases_match_whole_words_case_insensitively() {
        let r = phrase_regex("stayed calm").unwrap();
        assert!(r.is_match("I Stayed  calm, and"));
        assert!(r.is_match("stayed, calm"));
        assert!(!r.is_match("I stayed calmer"));
        let r = phrase_regex("data").unwrap();
        assert!(!r.is_match("the database"));
        assert!(r.is_match("I used data."));
        assert!(phrase_regex("  ").is_none());
    }

    #[test]
    fn coverage_by_phrase_and_by_competency() {
        let answers = [
            answer(
                None,
                "The deadline moved up a week. I stayed calm and split the work.",
            ),
            answer(
                Some("Tell me about a time you failed."),
                "I shipped a bug. I fixed it.",
            ),
        ];
        let themes = [
            Theme {
                name: "calm under pressure".into(),
                phrases: vec!["stayed calm".into(), "deadline".into()],
                competencies: vec![],
            },
            Theme {
                name: "learns fast".into(),
                phrases: vec!["learned".into()],
                competencies: vec![Competency::Failure],
            },
            Theme {
                name: "customer focus".into(),
                phrases: vec!["customer".into()],
                competencies: vec![],
            },
        ];
        let c = coverage(&answers, &themes);
        assert_eq!(c[0].backed_by.len(), 1);
        assert_eq!(
            c[0].backed_by[0].why,
            Backing::Phrase {
                phrase: "stayed calm".into()
            }
        );
        assert_eq!(c[1].backed_by[0].answer, 1);
        assert!(matches!(c[1].backed_by[0].why, Backing::Competency { .. }));
        assert!(c[2].is_unbacked());
    }
}
