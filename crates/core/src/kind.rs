//! Kinds of interview question, and guessing a kind from the question's wording.
//!
//! The kind decides what a good answer looks like: its target length, whether it is judged as a
//! STAR story, a structured case, a short closing pitch or a motivation answer. The bank lookup
//! lives in `crate::questions`; this module holds the phrase rules used when the bank has no match.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of question an answer responds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// "Tell me about a time...": judged as a STAR story.
    Behavioral,
    /// A business case reasoned out loud.
    Case,
    /// A technical problem reasoned out loud.
    Technical,
    /// "Why should we hire you?": a 30-45 s pitch.
    Closing,
    /// "Why this company / this role?"
    Motivation,
    /// "Tell me about yourself."
    Intro,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Behavioral,
        QuestionKind::Case,
        QuestionKind::Technical,
        QuestionKind::Closing,
        QuestionKind::Motivation,
        QuestionKind::Intro,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Behavioral => "behavioral",
            QuestionKind::Case => "case",
            QuestionKind::Technical => "technical",
            QuestionKind::Closing => "closing",
            QuestionKind::Motivation => "motivation",
            QuestionKind::Intro => "intro",
        }
    }

    /// True for kinds judged as a STAR story.
    pub fn uses_star(self) -> bool {
        self == QuestionKind::Behavioral
    }
}

impl fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for an unknown kind name.
#[derive(Debug, thiserror::Error)]
#[error("unknown question kind {0:?} (expected behavioral, case, technical, closing, motivation or intro)")]
pub struct UnknownKind(pub String);

impl FromStr for QuestionKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let l = s.trim().to_ascii_lowercase();
        QuestionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == l)
            .ok_or(UnknownKind(s.to_string()))
    }
}

/// Phrase rules, most specific first. Matched against the lowercased question.
const RULES: &[(&[&str], QuestionKind)] = &[
    (
        &[
            "why should we hire",
            "why should i hire",
            "why are you the right",
            "why are you the best",
            "anything else you'd like us to know",
            "anything else you would like us to know",
            "what would you bring",
            "why you over",
            "make your case",
            "closing",
        ],
        QuestionKind::Closing,
    ),
    (
        &[
            "tell me about yourself",
            "a bit about yourself",
            "a little about yourself",
            "walk me through your resume",
            "walk me through your cv",
            "introduce yourself",
            "describe yourself",
            "your background",
        ],
        QuestionKind::Intro,
    ),
    (
        &[
            "tell me about a time",
            "describe a time",
            "give me an example",
            "give an example",
            "share an example",
            "describe a situation",
            "tell me about a situation",
            "have you ever",
            "a time when",
            "a time you",
            "describe an occasion",
            "your biggest failure",
            "a mistake you",
            "tell me about a project",
            "walk me through a project",
        ],
        QuestionKind::Behavioral,
    ),
    (
        &[
            "estimate",
            "how many",
            "market size",
            "size the market",
            "should our client",
            "should the company",
            "profitability",
            "revenue is declining",
            "profits have",
            "enter the market",
            "pricing strategy",
            "how would you price",
            "case",
        ],
        QuestionKind::Case,
    ),
    (
        &[
            "design a",
            "how would you design",
            "implement",
            "algorithm",
            "debug",
            "architecture",
            "scale",
            "system design",
            "complexity",
            "what happens when you",
            "explain how",
            "data structure",
            "sql",
            "api",
        ],
        QuestionKind::Technical,
    ),
    (
        &[
            "why do you want",
            "why this",
            "why our",
            "why us",
            "why are you interested",
            "what interests you",
            "what attracts you",
            "why are you leaving",
            "where do you see yourself",
            "what motivates you",
            "what makes you want",
            "want to join",
            "why did you apply",
            "what do you know about",
            "career goals",
        ],
        QuestionKind::Motivation,
    ),
];

/// Guesses a kind from phrase rules alone; `None` when no rule matches.
pub fn guess_from_phrases(question: &str) -> Option<QuestionKind> {
    let q = question.to_lowercase();
    RULES
        .iter()
        .find(|(phrases, _)| phrases.iter().any(|p| contains_phrase(&q, p)))
        .map(|(_, k)| *k)
}

/// Substring match that respects word starts ("api" does not match "rapid").
fn contains_phrase(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase).any(|(i, _)| {
        i == 0
            || !hay[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_rules() {
        use QuestionKind::*;
        let cases = [
            (
                "Tell me about a time you disagreed with your manager.",
                Behavioral,
            ),
            ("Why should we hire you?", Closing),
            ("Tell me about yourself.", Intro),
            ("First question: tell me a bit about yourself.", Intro),
            ("Why do you want to work here?", Motivation),
            (
                "And what makes you want to join a smaller studio like ours?",
                Motivation,
            ),
            ("How would you design a URL shortener?", Technical),
            ("Estimate the number of coffee shops in Paris.", Case),
        ];
        for (q, k) in cases {
            assert_eq!(guess_from_phrases(q), Some(k), "{q}");
        }
        assert_eq!(
            guess_from_phrases("Rapid fire: your favourite colour?"),
            None
        );
        assert_eq!(guess_from_phrases(""), None);
    }

    #[test]
    fn parses_and_prints() {
        for k in QuestionKind::ALL {
            assert_eq!(k.as_str().parse::<QuestionKind>().unwrap(), k);
        }
        assert!("star".parse::<QuestionKind>().is_err());
        assert_eq!(
            serde_json::to_string(&QuestionKind::Case).unwrap(),
            "\"case\""
        );
    }
}
