//! The rubric: what each part of an answer is worth, the ceilings a missing part imposes, and
//! the breakdown of points that explains a score.
//!
//! Every number here is written out, with its source in `shared/DOMAIN.md`, in
//! `docs/scoring.md`; a test reads that file's tables and compares them with these constants.
//! The score is the sum of the points earned, held under a ceiling while a part is missing;
//! the ratings are the same points per dimension on a 1-5 scale; the next step is the largest
//! loss. So the number, the ratings and the next step cannot tell different stories.

use serde::{Deserialize, Serialize};

use super::kind::QuestionKind;

/// The four dimensions a score is made of (DOMAIN.md's 1-5 self-assessment per dimension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Structure,
    Evidence,
    Length,
    Delivery,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Structure,
        Dimension::Evidence,
        Dimension::Length,
        Dimension::Delivery,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Structure => "structure",
            Dimension::Evidence => "evidence",
            Dimension::Length => "length",
            Dimension::Delivery => "delivery",
        }
    }
}

/// One line of the rubric: an item and the points it is worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RubricItem {
    pub id: &'static str,
    pub dimension: Dimension,
    pub points: f64,
    pub label: &'static str,
}

const fn item(
    id: &'static str,
    dimension: Dimension,
    points: f64,
    label: &'static str,
) -> RubricItem {
    RubricItem {
        id,
        dimension,
        points,
        label,
    }
}

use Dimension::{Delivery as D, Evidence as E, Length as L, Structure as S};

/// Length and delivery, the same for every kind (35 points).
const LENGTH_AND_DELIVERY: [RubricItem; 5] = [
    item("length", L, 15.0, "Speaking time inside the kind's target"),
    item("fillers", D, 10.0, "Fillers at or under 5 a minute"),
    item("bursts", D, 4.0, "No burst of fillers"),
    item("pace", D, 3.0, "Pace within 130-175 words a minute"),
    item("pauses", D, 3.0, "No pause that reads as a lost thread"),
];

const BEHAVIORAL: [RubricItem; 9] = [
    item(
        "situation",
        S,
        5.0,
        "Situation: where, when, what was wrong",
    ),
    item("task", S, 4.0, "Task: your goal or responsibility"),
    item("action", S, 14.0, "Action: what you did"),
    item("result", S, 12.0, "Result: what changed"),
    item(
        "reflection",
        S,
        8.0,
        "Reflection: what you learned or would do differently",
    ),
    item(
        "concise_setup",
        S,
        4.0,
        "Set-up kept short (situation and task at most 25 %)",
    ),
    item("first_person", S, 2.0, "Action told as \"I\", not \"we\""),
    item("in_order", S, 1.0, "Parts in story order"),
    item(
        "quantified_result",
        E,
        15.0,
        "A number that measures the result",
    ),
];

const REASONING: [RubricItem; 5] = [
    item(
        "framework",
        S,
        12.0,
        "States a structure or clarifies the problem",
    ),
    item("assumptions", S, 10.0, "States assumptions"),
    item("steps", S, 12.0, "Works through steps in order"),
    item(
        "recommendation",
        S,
        16.0,
        "Ends with a conclusion or recommendation",
    ),
    item(
        "numbers",
        E,
        15.0,
        "Numbers used in the reasoning (two or more)",
    ),
];

const CLOSING: [RubricItem; 3] = [
    item("fit_claim", S, 30.0, "Makes a clear fit claim"),
    item(
        "role_focus",
        S,
        20.0,
        "Speaks to the role's or team's needs",
    ),
    item(
        "proof",
        E,
        15.0,
        "A concrete, quantified achievement backs it",
    ),
];

const MOTIVATION: [RubricItem; 3] = [
    item(
        "self_serving",
        S,
        26.0,
        "Avoids the \"ideal next step for me\" pitfall",
    ),
    item(
        "company_focus",
        S,
        24.0,
        "Speaks to the company's mission, product or customers",
    ),
    item(
        "proof",
        E,
        15.0,
        "A concrete, quantified achievement backs it",
    ),
];

const INTRO: [RubricItem; 4] = [
    item("present", S, 15.0, "Says where you are now"),
    item("past", S, 15.0, "Gives the relevant background"),
    item("future", S, 20.0, "Ties it to this role"),
    item(
        "proof",
        E,
        15.0,
        "A concrete, quantified achievement backs it",
    ),
];

/// The rubric of a kind: its own items, then length and delivery. Sums to 100.
pub fn items(kind: QuestionKind) -> Vec<RubricItem> {
    let own: &[RubricItem] = match kind {
        QuestionKind::Behavioral => &BEHAVIORAL,
        QuestionKind::Case | QuestionKind::Technical => &REASONING,
        QuestionKind::Closing => &CLOSING,
        QuestionKind::Motivation => &MOTIVATION,
        QuestionKind::Intro => &INTRO,
    };
    own.iter()
        .chain(LENGTH_AND_DELIVERY.iter())
        .copied()
        .collect()
}

/// Ceiling while the action or the result of a story is missing.
pub const CEILING_NO_ACTION_OR_RESULT: u8 = 60;
/// Ceiling while the reflection, or both situation and task, are missing.
pub const CEILING_PART_MISSING: u8 = 85;
/// Ceiling while any structure check of a non-STAR kind fails.
pub const CEILING_CHECK_FAILED: u8 = 85;
/// The highest structure rating while a ceiling applies.
pub const STRUCTURE_RATING_WHILE_MISSING: u8 = 4;
/// "Nothing stands out to fix" only when no ceiling applies and no item loses this much.
pub const NOTHING_TO_FIX_BELOW: f64 = 1.0;
/// Set-up share (situation + task) at or under which the set-up earns all its points: the
/// guides' S 15 % + T 10 %. At `StructureConfig::max_setup_share` (40 %) it earns none.
pub const SETUP_SHARE_FULL: f64 = 0.25;

/// One rubric line as scored for an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    pub id: String,
    pub dimension: Dimension,
    pub label: String,
    /// What the item is worth.
    pub max: f64,
    /// What the answer earned.
    pub points: f64,
    /// Why points were lost, observed and time-stamped (`None` when nothing was lost).
    pub why: Option<String>,
}

impl ItemScore {
    pub fn lost(&self) -> f64 {
        (self.max - self.points).max(0.0)
    }
}

/// A ceiling that holds the score down while a part is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ceiling {
    /// The highest score allowed.
    pub max_score: u8,
    /// The items whose absence sets it.
    pub because: Vec<String>,
    /// Points the ceiling takes off the sum of the items (0 when the sum is already under it).
    pub lost: f64,
}

/// Why the score is what it is: points per rubric item, the ceiling, and the largest loss.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Breakdown {
    pub items: Vec<ItemScore>,
    /// Sum of the points earned (before the ceiling).
    pub earned: f64,
    pub ceiling: Option<Ceiling>,
    /// The item that costs the most, its own loss plus the ceiling it sets (`None` when nothing
    /// stands out).
    pub largest_loss: Option<String>,
    /// Losses that follow from another item's (dependent, owner): with no result there is no
    /// number for it either, so its loss is counted as the result's.
    #[serde(skip)]
    pub linked: Vec<(String, String)>,
}

impl Breakdown {
    pub fn get(&self, id: &str) -> Option<&ItemScore> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The 0-100 score: points earned, under the ceiling.
    pub fn score(&self) -> u8 {
        let s = self.earned.round().clamp(0.0, 100.0) as u8;
        self.ceiling.as_ref().map_or(s, |c| s.min(c.max_score))
    }

    /// What an item costs the answer: its own loss, the losses that follow from it, plus the
    /// ceiling's when it sets it.
    pub fn cost(&self, id: &str) -> f64 {
        if self.linked.iter().any(|(d, _)| d == id) {
            return 0.0;
        }
        let own = self.get(id).map_or(0.0, ItemScore::lost)
            + self
                .linked
                .iter()
                .filter(|(_, o)| o == id)
                .map(|(d, _)| self.get(d).map_or(0.0, ItemScore::lost))
                .sum::<f64>();
        let cap = self
            .ceiling
            .as_ref()
            .filter(|c| c.because.first().is_some_and(|b| b == id))
            .map_or(0.0, |c| c.lost);
        own + cap
    }

    /// Points earned and available in one dimension.
    pub fn dimension(&self, d: Dimension) -> (f64, f64) {
        self.items
            .iter()
            .filter(|i| i.dimension == d)
            .fold((0.0, 0.0), |(p, m), i| (p + i.points, m + i.max))
    }

    /// Sets the ceiling from the items missing (in order of priority) and picks the largest
    /// loss.
    pub fn finish(&mut self, ceiling: Option<(u8, Vec<String>)>) {
        self.earned = self.items.iter().map(|i| i.points).sum();
        self.ceiling = ceiling.map(|(max_score, because)| Ceiling {
            max_score,
            because,
            lost: (self.earned.round() - f64::from(max_score)).max(0.0),
        });
        let best = self
            .items
            .iter()
            .filter(|i| i.why.is_some())
            .map(|i| (i.id.clone(), self.cost(&i.id)))
            .fold(None::<(String, f64)>, |b, (id, c)| match b {
                Some((_, bc)) if bc >= c => b,
                _ => Some((id, c)),
            });
        self.largest_loss = best
            .filter(|(_, c)| self.ceiling.is_some() || *c >= NOTHING_TO_FIX_BELOW)
            .map(|(id, _)| id);
    }
}

/// 1-5 from a share of points (1 at none, 5 at all).
pub fn rating_of(points: f64, max: f64) -> u8 {
    if max <= 0.0 {
        return 5;
    }
    (1.0 + 4.0 * (points / max).clamp(0.0, 1.0))
        .round()
        .clamp(1.0, 5.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_sums_to_100_and_ids_are_unique() {
        for k in QuestionKind::ALL {
            let it = items(k);
            let sum: f64 = it.iter().map(|i| i.points).sum();
            assert!((sum - 100.0).abs() < 1e-9, "{k}: {sum}");
            let mut ids: Vec<_> = it.iter().map(|i| i.id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), it.len(), "{k}");
        }
    }

    #[test]
    fn ceiling_and_largest_loss() {
        let mk = |id: &str, max: f64, points: f64| ItemScore {
            id: id.into(),
            dimension: Dimension::Structure,
            label: String::new(),
            max,
            points,
            why: (points < max).then(|| format!("fix {id}")),
        };
        let mut b = Breakdown {
            items: vec![
                mk("reflection", 8.0, 0.0),
                mk("length", 15.0, 11.0),
                mk("x", 77.0, 77.0),
            ],
            ..Breakdown::default()
        };
        b.finish(Some((85, vec!["reflection".into()])));
        assert_eq!(b.score(), 85);
        assert_eq!(b.ceiling.as_ref().unwrap().lost, 3.0);
        assert_eq!(b.cost("reflection"), 11.0);
        assert_eq!(b.largest_loss.as_deref(), Some("reflection"));
        let mut b = Breakdown {
            items: vec![mk("length", 15.0, 14.5), mk("x", 85.0, 85.0)],
            ..Breakdown::default()
        };
        b.finish(None);
        assert_eq!(b.score(), 100);
        assert_eq!(b.largest_loss, None);
        assert_eq!(rating_of(0.0, 15.0), 1);
        assert_eq!(rating_of(15.0, 15.0), 5);
        assert_eq!(rating_of(7.5, 15.0), 3);
    }
}
