//! Scoring: the pure core that turns a transcript into a verdict. No audio, no model.
//!
//! [`score_answer`] reads one answer's [`Transcript`] and returns an [`AnswerScore`]: length,
//! pace and pauses, structure (STAR or the kind's own checks), quantified results, fillers,
//! 1-5 ratings, a 0-100 score and one next step. Rules and thresholds follow `shared/DOMAIN.md`.

pub mod config;
pub mod delivery;
pub mod doc;
pub mod fillers;
pub mod guess;
/// The kind of question (a leaf module of the crate, shared with [`crate::questions`]).
pub use crate::kind;
pub mod length;
pub mod numbers;
pub mod rating;
pub mod rubric;
pub mod star;
pub mod task_model;
mod task_weights;

use serde::{Deserialize, Serialize};

use crate::transcript::Transcript;
pub use config::ScoringConfig;
use delivery::{Pace, Pause};
use doc::Doc;
use fillers::{Filler, FillerStats};
pub use guess::KindSource;
pub use kind::QuestionKind;
use length::Length;
use numbers::{NumberRole, Quantity};
use rating::Ratings;
use rubric::Breakdown;
use star::{Check, SentenceInfo, Star};

/// Version of the scoring rules. Bump it whenever a change can alter an [`AnswerScore`] for the
/// same transcript: `batch` rescores answers scored by another version.
pub const SCORER_VERSION: u32 = 6;

/// What the scorer knows about the question an answer responds to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswerContext {
    /// The question as asked, if known.
    pub question: Option<String>,
    /// The kind; when `None` it is read from the question, else guessed from the answer.
    pub kind: Option<QuestionKind>,
}

impl AnswerContext {
    pub fn new(question: Option<&str>, kind: Option<QuestionKind>) -> Self {
        AnswerContext {
            question: question.map(str::to_string),
            kind,
        }
    }

    /// The kind given, or read from the question, or guessed from the answer (with how sure
    /// the guess is).
    pub fn resolve_kind(&self, doc: &Doc) -> (QuestionKind, KindSource, Option<f64>) {
        if let Some(k) = self.kind {
            return (k, KindSource::Given, None);
        }
        if let Some(k) = self
            .question
            .as_deref()
            .and_then(crate::questions::kind_of_question)
        {
            return (k, KindSource::Question, None);
        }
        let g = guess::guess(doc);
        (g.kind, KindSource::Answer, Some(g.confidence))
    }
}

/// Everything the scorer found about one answer. Serialises as one entry of the JSON report's
/// `answers` array (see `docs/report.schema.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerScore {
    pub source: Option<String>,
    pub question: Option<String>,
    pub question_type: QuestionKind,
    /// Where `question_type` came from: given (`--type`, manifest, session), read from the
    /// question, or guessed from the answer.
    #[serde(default)]
    pub question_type_source: KindSource,
    /// How sure the guess from the answer is (0-1); `None` unless guessed from the answer.
    #[serde(default)]
    pub question_type_confidence: Option<f64>,
    /// Recording length (0 when unknown).
    pub duration_s: f64,
    /// First word to last word.
    pub speaking_s: f64,
    /// Time of the first and last word.
    pub speech_start_s: f64,
    pub speech_end_s: f64,
    /// True when times were estimated from plain text (pace and pauses are then not measured).
    pub timing_estimated: bool,
    pub length: Length,
    pub words: usize,
    pub wpm: f64,
    pub pace: Pace,
    pub transcript: String,
    /// Fillers and hedges, in order.
    pub fillers: Vec<Filler>,
    pub filler_stats: FillerStats,
    pub pauses: Vec<Pause>,
    /// STAR findings; `None` for kinds not judged as STAR.
    pub star: Option<Star>,
    /// Structure checks for kinds not judged as STAR.
    pub checks: Vec<Check>,
    pub sentences: Vec<SentenceInfo>,
    /// Numbers that measure the outcome.
    pub quantified_results: Vec<Quantity>,
    /// Other numbers (years, team sizes, durations).
    pub context_numbers: Vec<Quantity>,
    pub ratings: Ratings,
    pub score: u8,
    /// Why the score is what it is: points per rubric item, the ceiling, the largest loss.
    #[serde(default)]
    pub breakdown: Breakdown,
    pub next_step: String,
    /// What the reader must know before trusting the rest (e.g. "The file is cut short: ...").
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Scores one answer. Pure: same input, same output; never panics on odd input.
pub fn score_answer(t: &Transcript, ctx: &AnswerContext, cfg: &ScoringConfig) -> AnswerScore {
    let doc = Doc::new(t);
    let (kind, kind_source, kind_confidence) = ctx.resolve_kind(&doc);
    let speaking_s = doc.speaking_s();
    let first = doc.toks.first().map(|w| w.start_s);
    let last = doc.toks.last().map(|w| w.end_s);
    let words = doc
        .toks
        .iter()
        .filter(|t| t.norm.chars().any(char::is_alphanumeric))
        .count();
    let wpm = delivery::wpm(words, speaking_s);
    let fillers = fillers::detect(&doc, &cfg.fillers);
    let filler_stats = fillers::stats(&fillers, words, speaking_s, &cfg.fillers);
    let pauses = if t.timing_estimated {
        Vec::new()
    } else {
        delivery::pauses(&doc, &cfg.delivery)
    };
    let numbers = numbers::detect(&doc);
    let (star, checks, parts) = if kind.uses_star() {
        let parts = star::classify(&doc, &numbers);
        (
            Some(star::analyze(&doc, &parts, &cfg.structure)),
            Vec::new(),
            parts,
        )
    } else {
        (
            None,
            star::checks(&doc, kind),
            vec![Vec::new(); doc.sentences.len()],
        )
    };
    // A percentage or a share said in a sentence that tells the result measures the outcome
    // ("ninety five percent of them were rebooked"), even without a verb of change.
    let mut numbers = numbers;
    for q in numbers.iter_mut() {
        let in_result = parts
            .get(q.sentence_index)
            .is_some_and(|p| p.first() == Some(&star::StarPart::Result));
        if in_result && matches!(q.unit.as_str(), "percent" | "fraction" | "factor") {
            q.role = NumberRole::Result;
        }
    }
    let (quantified_results, context_numbers): (Vec<_>, Vec<_>) = numbers
        .into_iter()
        .partition(|q| q.role == NumberRole::Result);
    let mut a = AnswerScore {
        source: t.source.clone(),
        question: ctx.question.clone(),
        question_type: kind,
        question_type_source: kind_source,
        question_type_confidence: kind_confidence,
        duration_s: finite(t.duration_s),
        speaking_s,
        speech_start_s: first.unwrap_or(0.0),
        speech_end_s: last.unwrap_or(0.0),
        timing_estimated: t.timing_estimated,
        length: length::judge(
            speaking_s,
            first,
            last,
            finite(t.duration_s),
            cfg.length.band(kind),
        ),
        words,
        wpm,
        pace: delivery::pace(wpm, &cfg.delivery),
        transcript: doc
            .toks
            .iter()
            .map(|t| t.raw.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        fillers,
        filler_stats,
        pauses,
        star,
        checks,
        sentences: star::sentence_infos(&doc, &parts),
        quantified_results,
        context_numbers,
        ratings: Ratings {
            length: 1,
            structure: 1,
            evidence: 1,
            delivery: 1,
        },
        score: 0,
        breakdown: Breakdown::default(),
        next_step: String::new(),
        warnings: t
            .cut_short
            .iter()
            .map(|note| {
                let mut w = format!("{note}; the feedback covers only what is there.");
                w[..1].make_ascii_uppercase();
                w
            })
            .collect(),
    };
    let b = rating::breakdown(&a, cfg);
    a.ratings = rating::ratings(&a, &b);
    a.score = b.score();
    a.next_step = rating::next_step(&a, &b);
    a.breakdown = b;
    a
}

/// A non-negative finite number, or 0.
fn finite(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Formats seconds as m:ss (negative and NaN as 0:00).
pub fn fmt_time(s: f64) -> String {
    let s = if s.is_finite() && s > 0.0 {
        s.round() as u64
    } else {
        0
    };
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(text: &str, kind: Option<QuestionKind>) -> AnswerScore {
        score_answer(
            &Transcript::from_plain_text(text, None),
            &AnswerContext::new(None, kind),
            &ScoringConfig::default(),
        )
    }

    #[test]
    fn times() {
        assert_eq!(fmt_time(72.4), "1:12");
        assert_eq!(fmt_time(-3.0), "0:00");
        assert_eq!(fmt_time(f64::NAN), "0:00");
        assert_eq!(fmt_time(3600.0), "60:00");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "um",
            "word",
            "...",
            "so i like um you know",
            "one two three four five six seven eight nine ten eleven twelve",
        ] {
            for k in QuestionKind::ALL {
                let a = score(text, Some(k));
                assert!(a.score <= 100);
                assert!(!a.next_step.is_empty());
            }
        }
        let empty = Transcript {
            source: None,
            duration_s: 0.0,
            text: String::new(),
            segments: vec![],
            timing_estimated: false,
            cut_short: None,
        };
        let a = score_answer(&empty, &AnswerContext::default(), &ScoringConfig::default());
        assert_eq!(a.words, 0);
        assert_eq!(a.ratings.length, 1);
    }

    #[test]
    fn random_word_salad_never_panics() {
        const VOCAB: &[&str] = &[
            "um,", "like", "like,", "you", "know", "know,", "so,", "So", "I", "mean", "mean,",
            "kind", "of", "a", "one", "two", "fourteen", "twenty-", "-five", "hundred", "and",
            "point", "five", "percent", "%", "$", "$1.2", "1,2,3", "3x", "times", "faster", "from",
            "to", "half", "in", "cut", "all", "eight", "later", "than", "week", "third",
            "quarters", "twice", "as", "doubled", "result.", "learned", "?", "...", "\u{2019}",
            "we", "grew", "by", "0", "2019", "million", "k", "thousand", "fewer", "-", "\"",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400 {
            let n = (next() % 40) as usize;
            let words: Vec<&str> = (0..n)
                .map(|_| VOCAB[(next() % VOCAB.len() as u64) as usize])
                .collect();
            let text = words.join(" ");
            for k in QuestionKind::ALL {
                let a = score(&text, Some(k));
                assert!(a.score <= 100, "{text}");
                let _ = crate::report::render_markdown(std::slice::from_ref(&a));
                let _ = crate::report::render_text(std::slice::from_ref(&a), true);
                let _ = crate::report::render_json(std::slice::from_ref(&a));
            }
        }
    }

    #[test]
    fn nan_and_backwards_times_do_not_panic() {
        use crate::transcript::{Segment, Word};
        let w = |t: &str, s: f64, e: f64| Word {
            text: t.into(),
            start_s: s,
            end_s: e,
            probability: 1.0,
        };
        let t = Transcript {
            source: None,
            duration_s: f64::NAN,
            text: String::new(),
            segments: vec![Segment {
                start_s: 0.0,
                end_s: 0.0,
                text: String::new(),
                words: vec![
                    w("um", 5.0, 4.0),
                    w("we", f64::NAN, f64::NAN),
                    w("grew", 3.0, 3.1),
                    w("20%.", 1.0, 1.2),
                ],
            }],
            timing_estimated: false,
            cut_short: None,
        };
        let a = score_answer(&t, &AnswerContext::default(), &ScoringConfig::default());
        assert!(a.score <= 100);
        assert!(a.duration_s == 0.0 && a.speaking_s.is_finite() && a.wpm.is_finite());
        let json = crate::report::render_json(std::slice::from_ref(&a));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for k in ["duration_s", "speaking_s", "wpm"] {
            assert!(v["answers"][0][k].is_number(), "{k}");
        }
        let _ = crate::report::render_markdown(&[a]);
    }

    #[test]
    fn result_without_number_gets_the_timed_next_step() {
        let a = score(
            "At my last job our deploys kept failing. My role was to fix the pipeline. \
             So I rewrote the build scripts and I added checks before every merge. \
             As a result, deploys became much more reliable.",
            None,
        );
        assert!(
            a.next_step.starts_with("Your result starts at"),
            "{}",
            a.next_step
        );
        assert!(!a.next_step.contains('%'));
    }

    #[test]
    fn habits_instead_of_a_story_get_pointed_at() {
        let a = score(
            "I always try to listen first. If I disagree, I usually bring data. Communication matters to me.",
            Some(QuestionKind::Behavioral),
        );
        assert!(
            a.next_step.starts_with("You describe how you usually act"),
            "{}",
            a.next_step
        );
    }

    #[test]
    fn motivation_pitfall_is_the_next_step() {
        let a = score(
            "Honestly, this job would be an ideal next step for me. The salary is great too.",
            Some(QuestionKind::Motivation),
        );
        assert!(
            a.next_step.contains("ideal next step for me"),
            "{}",
            a.next_step
        );
        assert!(a.next_step.starts_with("At 0:00"), "{}", a.next_step);
    }

    #[test]
    fn kinds_other_than_behavioral_have_no_star() {
        let a = score("I would break this into three buckets. Assume a city of a million people. First, demand. Then supply. I'd recommend entering.", Some(QuestionKind::Case));
        assert!(a.star.is_none());
        assert!(a.checks.iter().all(|c| c.passed), "{:?}", a.checks);
    }
}
