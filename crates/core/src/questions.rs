//! The question bank: common interview questions, each with its kind and the competency it
//! probes, plus a user's own questions from a TOML file.
//!
//! Knowing the question tells the scorer what a good answer looks like (its kind), and lets a
//! session show which competencies (DOMAIN.md: leadership, problem-solving, initiative...) a
//! candidate's stories cover.

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::kind::{guess_from_phrases, QuestionKind};

/// What a question probes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Competency {
    Leadership,
    Conflict,
    Failure,
    ProblemSolving,
    Initiative,
    Collaboration,
    Results,
    Motivation,
    Case,
    Technical,
    Closing,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    pub kind: QuestionKind,
    pub competency: Competency,
}

/// A user's question file: `[[question]]` tables with `text`, `kind`, `competency`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    #[serde(default)]
    question: Vec<Question>,
}

/// Errors reading a question file.
#[derive(Debug, thiserror::Error)]
pub enum QuestionsError {
    #[error("cannot read question file {path}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {problem}")]
    Parse { path: String, problem: String },
}

use Competency as C;
use QuestionKind as K;

const BANK: &[(&str, QuestionKind, Competency)] = &[
    (
        "Tell me about a time you led a team through a difficult project.",
        K::Behavioral,
        C::Leadership,
    ),
    (
        "Describe a time you had to motivate a team that was struggling.",
        K::Behavioral,
        C::Leadership,
    ),
    (
        "Tell me about a time you had to make an unpopular decision.",
        K::Behavioral,
        C::Leadership,
    ),
    (
        "Give me an example of a time you mentored or coached someone.",
        K::Behavioral,
        C::Leadership,
    ),
    (
        "Tell me about a time you disagreed with your manager.",
        K::Behavioral,
        C::Conflict,
    ),
    (
        "Describe a conflict with a coworker and how you resolved it.",
        K::Behavioral,
        C::Conflict,
    ),
    (
        "Tell me about a time you dealt with a difficult customer or stakeholder.",
        K::Behavioral,
        C::Conflict,
    ),
    (
        "Tell me about a time you received critical feedback.",
        K::Behavioral,
        C::Conflict,
    ),
    (
        "Tell me about a time you failed.",
        K::Behavioral,
        C::Failure,
    ),
    (
        "What is your biggest failure and what did you learn from it?",
        K::Behavioral,
        C::Failure,
    ),
    (
        "Tell me about a mistake you made at work and how you handled it.",
        K::Behavioral,
        C::Failure,
    ),
    (
        "Tell me about a time you missed a deadline.",
        K::Behavioral,
        C::Failure,
    ),
    (
        "Tell me about a time you solved a difficult problem.",
        K::Behavioral,
        C::ProblemSolving,
    ),
    (
        "Describe a situation where you had to make a decision without all the information.",
        K::Behavioral,
        C::ProblemSolving,
    ),
    (
        "Tell me about a time you used data to make a decision.",
        K::Behavioral,
        C::ProblemSolving,
    ),
    (
        "Tell me about a time you had to learn something new quickly.",
        K::Behavioral,
        C::ProblemSolving,
    ),
    (
        "Tell me about a time you took initiative beyond your role.",
        K::Behavioral,
        C::Initiative,
    ),
    (
        "Describe a time you improved a process.",
        K::Behavioral,
        C::Initiative,
    ),
    (
        "Tell me about an idea you proposed that was implemented.",
        K::Behavioral,
        C::Initiative,
    ),
    (
        "Tell me about a time you worked with a cross-functional team.",
        K::Behavioral,
        C::Collaboration,
    ),
    (
        "Describe a time you had to influence someone without authority.",
        K::Behavioral,
        C::Collaboration,
    ),
    (
        "Tell me about a time you helped a struggling teammate.",
        K::Behavioral,
        C::Collaboration,
    ),
    (
        "Tell me about your proudest professional achievement.",
        K::Behavioral,
        C::Results,
    ),
    (
        "Tell me about a time you exceeded a goal.",
        K::Behavioral,
        C::Results,
    ),
    (
        "Describe a time you worked under a tight deadline.",
        K::Behavioral,
        C::Results,
    ),
    (
        "Tell me about a time you had to prioritize competing demands.",
        K::Behavioral,
        C::Results,
    ),
    ("Tell me about yourself.", K::Intro, C::Motivation),
    ("Walk me through your resume.", K::Intro, C::Motivation),
    (
        "Why do you want to work here?",
        K::Motivation,
        C::Motivation,
    ),
    (
        "Why are you interested in this role?",
        K::Motivation,
        C::Motivation,
    ),
    (
        "Why are you leaving your current job?",
        K::Motivation,
        C::Motivation,
    ),
    (
        "Where do you see yourself in five years?",
        K::Motivation,
        C::Motivation,
    ),
    (
        "What do you know about our company?",
        K::Motivation,
        C::Motivation,
    ),
    (
        "Estimate the market size for electric scooters in a large city.",
        K::Case,
        C::Case,
    ),
    (
        "Our client's profits have fallen 20% in two years. How would you diagnose why?",
        K::Case,
        C::Case,
    ),
    (
        "Should a coffee chain enter a new country?",
        K::Case,
        C::Case,
    ),
    (
        "How would you price a new subscription product?",
        K::Case,
        C::Case,
    ),
    (
        "How many gas stations are there in the United States?",
        K::Case,
        C::Case,
    ),
    (
        "How would you design a URL shortener?",
        K::Technical,
        C::Technical,
    ),
    (
        "Walk me through how you would debug a slow web page.",
        K::Technical,
        C::Technical,
    ),
    (
        "How would you design a rate limiter for an API?",
        K::Technical,
        C::Technical,
    ),
    (
        "Explain how you would scale a database that is running out of capacity.",
        K::Technical,
        C::Technical,
    ),
    (
        "What happens when you type a URL into a browser?",
        K::Technical,
        C::Technical,
    ),
    ("Why should we hire you?", K::Closing, C::Closing),
    (
        "Why are you the right person for this role?",
        K::Closing,
        C::Closing,
    ),
    (
        "Is there anything else you'd like us to know about you?",
        K::Closing,
        C::Closing,
    ),
    (
        "What would you bring to this team that others wouldn't?",
        K::Closing,
        C::Closing,
    ),
];

/// The built-in bank.
pub fn bank() -> Vec<Question> {
    BANK.iter()
        .map(|(t, k, c)| Question {
            text: t.to_string(),
            kind: *k,
            competency: *c,
        })
        .collect()
}

/// Parses a user's question file (TOML).
pub fn from_toml_str(s: &str) -> Result<Vec<Question>, QuestionsError> {
    parse_named("the question file", s)
}

fn parse_named(name: &str, s: &str) -> Result<Vec<Question>, QuestionsError> {
    let file: QuestionFile = toml::from_str(s).map_err(|e| QuestionsError::Parse {
        path: name.to_string(),
        problem: crate::tomlfile::toml_problem(s, &e),
    })?;
    Ok(file.question)
}

/// Reads a user's question file (TOML).
pub fn load(path: &Path) -> Result<Vec<Question>, QuestionsError> {
    let text = std::fs::read_to_string(path).map_err(|source| QuestionsError::Read {
        path: path.display().to_string(),
        source,
    })?;
    parse_named(&path.display().to_string(), &text)
}

/// A question's wording reduced to a lookup key: lower case, no punctuation, single spaces.
pub fn normalize(s: &str) -> String {
    key(s)
}

fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds a question in `questions` by its wording (case and punctuation ignored).
pub fn find<'a>(questions: &'a [Question], text: &str) -> Option<&'a Question> {
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    questions.iter().find(|q| key(&q.text) == k)
}

/// The competency a question probes, if it is in the built-in bank.
pub fn competency_of(question: &str) -> Option<Competency> {
    let k = key(question);
    BANK.iter()
        .find(|(t, _, _)| key(t) == k)
        .map(|(_, _, c)| *c)
}

/// Guesses a question's kind: the bank first, then phrase rules ("tell me about a time" →
/// behavioral, "why should we hire you" → closing), then behavioral.
pub fn guess_kind(question: &str) -> QuestionKind {
    kind_of_question(question).unwrap_or(QuestionKind::Behavioral)
}

/// The kind of a question from the bank or the phrase rules; `None` when neither knows it
/// (the scorer then guesses the kind from the answer).
pub fn kind_of_question(question: &str) -> Option<QuestionKind> {
    let k = key(question);
    BANK.iter()
        .find(|(t, _, _)| key(t) == k)
        .map(|(_, kind, _)| *kind)
        .or_else(|| guess_from_phrases(question))
}

/// Like [`guess_kind`], but a user's own questions are looked up first.
pub fn guess_kind_in(questions: &[Question], question: &str) -> QuestionKind {
    find(questions, question).map_or_else(|| guess_kind(question), |q| q.kind)
}

/// What the practice history still lacks, for [`pick`]: story-bank competencies with no strong
/// answer yet, and kinds never practised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lacking {
    pub competencies: Vec<Competency>,
    pub kinds: Vec<QuestionKind>,
}

/// Picks `count` different questions from `pool` (never the same text twice in a session):
/// those whose competency the story bank lacks first, then kinds never practised, then the
/// rest; within each group the order is shuffled by `seed` so sessions vary.
pub fn pick(pool: &[Question], count: usize, seed: u64, lacking: &Lacking) -> Vec<Question> {
    let mut distinct: Vec<&Question> = Vec::new();
    for q in pool {
        if !distinct.iter().any(|d| key(&d.text) == key(&q.text)) {
            distinct.push(q);
        }
    }
    // Fisher-Yates with a xorshift generator: the same seed gives the same session.
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in (1..distinct.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        distinct.swap(i, j);
    }
    let rank = |q: &Question| {
        let comp = lacking.competencies.contains(&q.competency);
        let kind = lacking.kinds.contains(&q.kind);
        match (comp, kind) {
            (true, _) => 0,
            (false, true) => 1,
            _ => 2,
        }
    };
    distinct.sort_by_key(|q| rank(q));
    distinct.into_iter().take(count).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_is_large_and_covers_every_kind() {
        let b = bank();
        assert!(b.len() >= 40);
        for k in QuestionKind::ALL {
            assert!(b.iter().any(|q| q.kind == k), "{k}");
        }
    }

    #[test]
    fn bank_entries_agree_with_the_phrase_rules_where_they_fire() {
        // The rules are the fallback; where they speak they should not contradict the bank.
        let mismatches: Vec<_> = bank()
            .into_iter()
            .filter(|q| guess_from_phrases(&q.text).is_some_and(|k| k != q.kind))
            .map(|q| q.text)
            .collect();
        assert!(mismatches.len() <= 3, "{mismatches:?}");
    }

    #[test]
    fn guesses() {
        assert_eq!(guess_kind("why should we HIRE you"), QuestionKind::Closing);
        assert_eq!(
            guess_kind("Tell me about a time you shipped late"),
            QuestionKind::Behavioral
        );
        assert_eq!(
            guess_kind("What is the capital of France"),
            QuestionKind::Behavioral
        );
        assert_eq!(guess_kind(""), QuestionKind::Behavioral);
    }

    #[test]
    fn user_file() {
        let q = from_toml_str(
            "[[question]]\ntext = \"Why fintech?\"\nkind = \"motivation\"\ncompetency = \"motivation\"\n",
        )
        .unwrap();
        assert_eq!(q[0].kind, QuestionKind::Motivation);
        assert!(find(&q, "why FINTECH").is_some());
        assert_eq!(guess_kind_in(&q, "Why fintech?"), QuestionKind::Motivation);
        assert_eq!(
            guess_kind_in(&q, "Why should we hire you?"),
            QuestionKind::Closing
        );
        assert!(from_toml_str(
            "[[question]]\ntext = \"x\"\nkind = \"star\"\ncompetency = \"case\"\n"
        )
        .is_err());
        assert!(from_toml_str(
            "[[question]]\ntext = \"x\"\nkind = \"case\"\ncompetency = \"case\"\nlevel = 2\n"
        )
        .is_err());
        let missing = std::env::temp_dir().join("starcoach-core-no-such-dir/none.toml");
        assert!(load(&missing).is_err());
    }

    #[test]
    fn picks_never_repeat_and_prefer_what_is_lacking() {
        let q = |t: &str, kind, competency| Question {
            text: t.into(),
            kind,
            competency,
        };
        let seven: Vec<Question> = (0..7)
            .map(|i| {
                q(
                    &format!("Question {i}?"),
                    QuestionKind::Behavioral,
                    Competency::Leadership,
                )
            })
            .collect();
        for seed in 0..50 {
            let got = pick(&seven, 3, seed, &Lacking::default());
            assert_eq!(got.len(), 3);
            let mut texts: Vec<_> = got.iter().map(|q| q.text.clone()).collect();
            texts.sort();
            texts.dedup();
            assert_eq!(texts.len(), 3, "seed {seed}: {texts:?}");
        }
        // Asking for more than there are gives each once.
        assert_eq!(pick(&seven, 10, 1, &Lacking::default()).len(), 7);
        // The same text twice in a file is one question.
        let twice = vec![seven[0].clone(), seven[0].clone(), seven[1].clone()];
        assert_eq!(pick(&twice, 3, 4, &Lacking::default()).len(), 2);
        // Lacking competencies come first, then kinds never practised.
        let mixed = vec![
            q("Lead?", QuestionKind::Behavioral, Competency::Leadership),
            q("Fail?", QuestionKind::Behavioral, Competency::Failure),
            q("Hire?", QuestionKind::Closing, Competency::Closing),
            q("Case?", QuestionKind::Case, Competency::Case),
        ];
        let lacking = Lacking {
            competencies: vec![Competency::Failure],
            kinds: vec![QuestionKind::Closing],
        };
        for seed in 0..20 {
            let got = pick(&mixed, 2, seed, &lacking);
            assert_eq!(got[0].text, "Fail?");
            assert_eq!(got[1].text, "Hire?");
        }
    }
}
