//! The story bank: "prepare 6-8 stories that cover leadership, problem-solving, initiative,
//! resilience, collaboration and results" (DOMAIN.md). Shows which of those areas already have
//! a strong answer in the history and which have none yet.
//!
//! A strong answer has situation, task, action and result present and at least one result
//! metric. An answer's area comes from its question's competency in the bank (conflict →
//! collaboration, failure → resilience), else from words in the question.

use serde::Serialize;

use super::Entry;
use crate::questions::Competency;
use crate::score::AnswerScore;

/// The six areas a story bank should cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Leadership,
    ProblemSolving,
    Initiative,
    Resilience,
    Collaboration,
    Results,
}

impl Area {
    pub const ALL: [Area; 6] = [
        Area::Leadership,
        Area::ProblemSolving,
        Area::Initiative,
        Area::Resilience,
        Area::Collaboration,
        Area::Results,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Leadership => "leadership",
            Area::ProblemSolving => "problem-solving",
            Area::Initiative => "initiative",
            Area::Resilience => "resilience",
            Area::Collaboration => "collaboration",
            Area::Results => "results",
        }
    }

    /// The area a bank competency counts towards (`None` for motivation, case, technical and
    /// closing questions, which are not stories).
    pub fn of_competency(c: Competency) -> Option<Area> {
        Some(match c {
            Competency::Leadership => Area::Leadership,
            Competency::Conflict | Competency::Collaboration => Area::Collaboration,
            Competency::Failure => Area::Resilience,
            Competency::ProblemSolving => Area::ProblemSolving,
            Competency::Initiative => Area::Initiative,
            Competency::Results => Area::Results,
            Competency::Motivation
            | Competency::Case
            | Competency::Technical
            | Competency::Closing => return None,
        })
    }

    /// A guess from the wording of a question that is not in the bank.
    pub fn guess(question: &str) -> Option<Area> {
        let q = question.to_lowercase();
        let has = |ws: &[&str]| ws.iter().any(|w| q.contains(w));
        if has(&[
            "fail", "mistake", "setback", "pressure", "rejected", "missed",
        ]) {
            Some(Area::Resilience)
        } else if has(&[
            "conflict",
            "disagree",
            "team member",
            "coworker",
            "colleague",
        ]) {
            Some(Area::Collaboration)
        } else if has(&["led ", "lead ", "leader", "mentor", "motivate"]) {
            Some(Area::Leadership)
        } else if has(&["initiative", "on your own", "improved a process", "beyond"]) {
            Some(Area::Initiative)
        } else if has(&["problem", "solve", "decision", "analy"]) {
            Some(Area::ProblemSolving)
        } else if has(&["achieve", "goal", "result", "target", "proud"]) {
            Some(Area::Results)
        } else if has(&["team", "together", "collaborat"]) {
            Some(Area::Collaboration)
        } else {
            None
        }
    }
}

/// The area of an answer in the history.
pub fn area_of(e: &Entry) -> Option<Area> {
    match e.competency {
        Some(c) => Area::of_competency(c),
        None => e.answer.question.as_deref().and_then(|q| {
            crate::questions::competency_of(q).map_or_else(|| Area::guess(q), Area::of_competency)
        }),
    }
}

/// Situation, task, action and result present, and at least one result metric.
pub fn is_strong(a: &AnswerScore) -> bool {
    a.star.as_ref().is_some_and(|s| {
        s.situation.present && s.task.present && s.action.present && s.result.present
    }) && !a.quantified_results.is_empty()
}

/// What the history has for one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaCoverage {
    pub area: Area,
    /// IDs of strong answers, oldest first.
    pub strong: Vec<i64>,
    /// How many answers in this area there are in all.
    pub attempts: usize,
}

/// Coverage of every area, in [`Area::ALL`] order.
pub fn coverage(entries: &[Entry]) -> Vec<AreaCoverage> {
    Area::ALL
        .iter()
        .map(|&area| {
            let mine: Vec<&Entry> = entries
                .iter()
                .filter(|e| area_of(e) == Some(area))
                .collect();
            AreaCoverage {
                area,
                strong: mine
                    .iter()
                    .filter(|e| is_strong(&e.answer))
                    .map(|e| e.id)
                    .collect(),
                attempts: mine.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competencies_map_onto_areas() {
        assert_eq!(
            Area::of_competency(Competency::Conflict),
            Some(Area::Collaboration)
        );
        assert_eq!(
            Area::of_competency(Competency::Failure),
            Some(Area::Resilience)
        );
        assert_eq!(Area::of_competency(Competency::Closing), None);
        assert_eq!(
            Area::guess("Tell me about a setback at work"),
            Some(Area::Resilience)
        );
        assert_eq!(Area::guess("Why us?"), None);
    }
}
