//! Ratings (1-5 per dimension), the 0-100 score, and the one next step.
//!
//! DOMAIN.md: self-assessment on a 1-5 scale, "scores below 3 indicate areas to prioritize";
//! "each mock should have one targeted improvement objective", stated as an observation with a
//! time ("your result starts at 1:12 and has no number"), never a judgement or an invented number.

use serde::{Deserialize, Serialize};

use super::config::ScoringConfig;
use super::delivery::{Pace, PauseKind};
use super::fmt_time;
use super::kind::QuestionKind;
use super::length::{self, Verdict};
use super::rubric::{self, Breakdown, Dimension, ItemScore};
use super::star::we_heavy;
use super::AnswerScore;

/// 1-5 per dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    pub length: u8,
    pub structure: u8,
    pub evidence: u8,
    pub delivery: u8,
}

/// Scores every rubric item of the answer's kind (`rubric.rs`, `docs/scoring.md`): the points
/// earned, why any were lost, and the ceiling a missing part sets.
pub fn breakdown(a: &AnswerScore, cfg: &ScoringConfig) -> Breakdown {
    let mut b = Breakdown::default();
    let end = fmt_time(a.speech_end_s);
    for it in rubric::items(a.question_type) {
        let (points, why) = if a.words == 0 {
            (0.0, None)
        } else {
            item_points(a, cfg, it.id, it.points, &end)
        };
        let points = (points.clamp(0.0, it.points) * 100.0).round() / 100.0;
        b.items.push(ItemScore {
            id: it.id.to_string(),
            dimension: it.dimension,
            label: it.label.to_string(),
            max: it.points,
            points,
            why: if points < it.points { why } else { None },
        });
    }
    let missing = |id: &str| b.get(id).is_some_and(|i| i.points <= 0.0);
    let ceiling = if a.words == 0 {
        None
    } else if let Some(star) = &a.star {
        let major: Vec<String> = [
            ("action", star.action.present),
            ("result", star.result.present),
        ]
        .iter()
        .filter(|(_, p)| !p)
        .map(|(id, _)| id.to_string())
        .collect();
        let mut minor: Vec<String> = Vec::new();
        if !star.reflection.present {
            minor.push("reflection".into());
        }
        if !star.situation.present && !star.task.present {
            minor.push("situation".into());
        }
        if !major.is_empty() {
            Some((rubric::CEILING_NO_ACTION_OR_RESULT, major))
        } else if !minor.is_empty() {
            Some((rubric::CEILING_PART_MISSING, minor))
        } else {
            None
        }
    } else {
        let failed: Vec<String> = a
            .checks
            .iter()
            .filter(|c| !c.passed && missing(&c.id))
            .map(|c| c.id.clone())
            .collect();
        (!failed.is_empty()).then_some((rubric::CEILING_CHECK_FAILED, failed))
    };
    if let Some(star) = a.star.as_ref().filter(|_| a.words > 0) {
        let no_story = !star.action.present && !star.situation.present && !star.task.present;
        let link = |d: &str, o: &str| (d.to_string(), o.to_string());
        if no_story {
            for d in [
                "situation",
                "task",
                "result",
                "reflection",
                "quantified_result",
            ] {
                b.linked.push(link(d, "action"));
            }
        } else if !star.result.present {
            b.linked.push(link("quantified_result", "result"));
        }
    }
    // The ceiling's cost goes to the missing item that costs most on its own.
    let ceiling = ceiling.map(|(max, mut because)| {
        because.sort_by(|x, y| {
            let l = |id: &str| {
                b.get(id).map_or(0.0, ItemScore::lost)
                    + b.linked
                        .iter()
                        .filter(|(_, o)| o == id)
                        .map(|(d, _)| b.get(d).map_or(0.0, ItemScore::lost))
                        .sum::<f64>()
            };
            l(y).total_cmp(&l(x))
        });
        (max, because)
    });
    b.finish(ceiling);
    b
}

/// Ratings from the breakdown: each dimension's share of its points on a 1-5 scale; structure
/// never 5 while a ceiling applies.
pub fn ratings(a: &AnswerScore, b: &Breakdown) -> Ratings {
    if a.words == 0 {
        return Ratings {
            length: 1,
            structure: 1,
            evidence: 1,
            delivery: 1,
        };
    }
    let r = |d: Dimension| {
        let (p, m) = b.dimension(d);
        rubric::rating_of(p, m)
    };
    let mut structure = r(Dimension::Structure);
    if b.ceiling.is_some() {
        structure = structure.min(rubric::STRUCTURE_RATING_WHILE_MISSING);
    }
    Ratings {
        length: r(Dimension::Length),
        structure,
        evidence: r(Dimension::Evidence),
        delivery: r(Dimension::Delivery),
    }
}

/// The one next step: why the largest loss was lost.
pub fn next_step(a: &AnswerScore, b: &Breakdown) -> String {
    if a.words == 0 {
        return "No speech was found in this recording: check the microphone and record the answer again.".into();
    }
    b.largest_loss
        .as_deref()
        .and_then(|id| b.get(id))
        .and_then(|i| i.why.clone())
        .unwrap_or_else(|| {
            "Nothing stands out to fix: record the same answer again and check it stays this clear."
                .into()
        })
}

/// Linear share between a full and a zero point (either order).
fn share(x: f64, full_at: f64, zero_at: f64) -> f64 {
    if (zero_at - full_at).abs() < 1e-12 {
        return if x <= full_at { 1.0 } else { 0.0 };
    }
    ((zero_at - x) / (zero_at - full_at)).clamp(0.0, 1.0)
}

/// Points earned on one item, and why points were lost.
fn item_points(
    a: &AnswerScore,
    cfg: &ScoringConfig,
    id: &str,
    max: f64,
    end: &str,
) -> (f64, Option<String>) {
    let all = |ok: bool| if ok { max } else { 0.0 };
    let numbers = a.quantified_results.len() + a.context_numbers.len();
    if let Some(star) = &a.star {
        let setup_missing = !star.situation.present && !star.task.present;
        match id {
            "situation" => {
                return (all(star.situation.present), Some("No situation is set: open with one sentence on where you were and what was wrong.".into()));
            }
            "task" => {
                return (all(star.task.present), Some("No task is stated: say in one sentence what you had to achieve (\"my job was to...\", \"the goal was...\").".into()));
            }
            "action" if setup_missing => {
                return (all(star.action.present), Some("You describe how you usually act rather than one occasion: pick one specific time, then say what you did and what changed.".into()));
            }
            "action" => {
                return (all(star.action.present), Some("No action of yours is described: say what you did, step by step, in the first person (\"I decided...\", \"I built...\").".into()));
            }
            "result" => {
                let after = star.action.end_s.map_or(String::new(), |t| {
                    format!(" after your action (ends at {})", fmt_time(t))
                });
                return (all(star.result.present), Some(format!("No result is stated: end{after} with what changed because of what you did, and by how much.")));
            }
            "reflection" => {
                return (all(star.reflection.present), Some(format!("The answer ends at {end} without a lesson: add one sentence on what you learned or would do differently.")));
            }
            "concise_setup" => {
                let s = share(
                    star.setup_share,
                    rubric::SETUP_SHARE_FULL,
                    cfg.structure.max_setup_share,
                );
                let pct = (star.setup_share * 100.0).round();
                let until = star.action.start_s.map_or(end.to_string(), fmt_time);
                return (max * s, Some(format!("Your setup takes {pct}% of the answer and your action only starts at {until}: keep the situation to one sentence and reach what you did sooner.")));
            }
            "first_person" => {
                let t = fmt_time(star.action.start_s.unwrap_or(0.0));
                return (all(!we_heavy(star, &cfg.structure)), Some(format!("In your action (from {t}) you say \"we\" {} times and \"I\" {} times: say what you did yourself.", star.action_we, star.action_i)));
            }
            "in_order" => {
                let bad = star.out_of_order && star.result.present && star.action.present;
                return (all(!bad), Some(format!("Your result (at {}) comes before your action (at {}): tell the story in order so the outcome lands last.", fmt_time(star.result.start_s.unwrap_or(0.0)), fmt_time(star.action.start_s.unwrap_or(0.0)))));
            }
            "quantified_result" => {
                let why = if star.result.present {
                    let t = fmt_time(star.result.start_s.unwrap_or(0.0));
                    format!("Your result starts at {t} and has no number: say how much it improved (time, money, percentage or count).")
                } else {
                    "No number measures an outcome: say what changed and by how much (time, money, percentage or count).".to_string()
                };
                return (all(!a.quantified_results.is_empty()), Some(why));
            }
            _ => {}
        }
    }
    if let Some(ch) = a.checks.iter().find(|c| c.id == id) {
        let why = match id {
            "framework" => "You go straight into details: say up front how you will break the problem down (for example \"I'd look at three things...\").".to_string(),
            "recommendation" => format!("The answer ends at {end} without a conclusion: finish with a clear recommendation or answer."),
            "assumptions" => "No assumptions are stated: say the numbers and constraints you assume before you use them.".to_string(),
            "steps" => "The reasoning has no visible steps: signpost them (\"first... then... finally...\").".to_string(),
            "fit_claim" => "There is no clear claim of fit: say in one sentence why you are the right person for this role, then back it with one proof.".to_string(),
            "role_focus" => "Your pitch never says what this role or team needs: name their main challenge and how you meet it.".to_string(),
            "company_focus" => "The answer never mentions the company's mission, product or customers: say what draws you to their work and what you would contribute.".to_string(),
            "self_serving" => format!("At {} you describe what the job does for you (\"{}\"): turn it around to what you would do for them.", fmt_time(ch.start_s.unwrap_or(0.0)), ch.evidence.as_deref().unwrap_or("").trim()),
            "present" => "Start with where you are now (role, focus) in one sentence.".to_string(),
            "past" => "Add one or two past steps that explain how you got here.".to_string(),
            "future" => "End by tying your story to this role: why it is the next thing you want to do.".to_string(),
            _ => format!("Not met: {}.", ch.label),
        };
        return (all(ch.passed), Some(why));
    }
    match id {
        "numbers" => {
            let p = match numbers {
                0 => 0.0,
                1 => max * 0.5,
                _ => max,
            };
            let why = if numbers == 0 {
                "No numbers in your reasoning: put a number on each assumption and estimate out loud."
            } else {
                "Only one number in your reasoning: size each step with a number so the answer can be checked."
            };
            (p, Some(why.to_string()))
        }
        "proof" => {
            let p = if !a.quantified_results.is_empty() {
                max
            } else if !a.context_numbers.is_empty() {
                max * 0.5
            } else {
                0.0
            };
            (p, Some("Your claim has no measured proof: back it with one concrete achievement and its number.".into()))
        }
        "length" => {
            let r = length::rating(a.speaking_s, cfg.length.band(a.question_type));
            let p = max * f64::from(r - 1) / 4.0;
            (p, length_why(a))
        }
        "fillers" => {
            let f = &cfg.fillers;
            let p = max
                * share(
                    a.filler_stats.weighted_per_min,
                    f.ok_per_min,
                    f.harmful_per_min,
                );
            let most = most_common_filler(a);
            (p, Some(format!("You use {:.0} fillers a minute, most often \"{most}\": replace them with a short silent pause.", a.filler_stats.per_min)))
        }
        "bursts" => {
            let n = a.filler_stats.bursts.len() as f64;
            (max - 2.0 * n, burst_why(a))
        }
        "pace" => {
            if a.timing_estimated {
                return (max, None);
            }
            match a.pace {
                Pace::Ok => (max, None),
                Pace::Slow => (0.0, Some(format!("You speak at {:.0} words a minute, under {:.0}: tighten pauses and sentences rather than rushing.", a.wpm, cfg.delivery.min_wpm))),
                Pace::Fast => (0.0, Some(format!("You speak at {:.0} words a minute, over {:.0}: slow down and leave a short pause after each key point.", a.wpm, cfg.delivery.max_wpm))),
            }
        }
        "pauses" => {
            let lost: Vec<_> = a
                .pauses
                .iter()
                .filter(|p| p.kind == PauseKind::LostThread)
                .collect();
            let why = lost.first().map(|p| format!("At {} you stop for {:.1} s after \"{}\": if you lose the thread, restate the point you are making and go on.", fmt_time(p.start_s), p.end_s - p.start_s, p.after_word));
            (max - 1.5 * lost.len() as f64, why)
        }
        _ => (max, None),
    }
}

fn length_why(a: &AnswerScore) -> Option<String> {
    match a.length.verdict {
        Verdict::Long => {
            let over = a.speaking_s - a.length.target_max_s;
            Some(format!("You speak for {}, past the {}-{} target for this kind of question: cut about {} s, starting with the setup.", fmt_time(a.speaking_s), fmt_time(a.length.target_min_s), fmt_time(a.length.target_max_s), over.round()))
        }
        Verdict::Short => {
            let what = match a.question_type {
                QuestionKind::Behavioral => "add detail on what you did and what changed",
                QuestionKind::Case | QuestionKind::Technical => {
                    "walk through more of your reasoning out loud"
                }
                QuestionKind::Closing if a.quantified_results.is_empty() => {
                    "back your fit claim with one concrete proof"
                }
                QuestionKind::Closing => "tie your proof to the main challenge of this role",
                QuestionKind::Motivation => {
                    "say what draws you to their work and what you would contribute"
                }
                QuestionKind::Intro => "add the step that led you to this role",
            };
            Some(format!(
                "You speak for {}, under the {}-{} target: {what}.",
                fmt_time(a.speaking_s),
                fmt_time(a.length.target_min_s),
                fmt_time(a.length.target_max_s)
            ))
        }
        Verdict::Ok => None,
    }
}

fn burst_why(a: &AnswerScore) -> Option<String> {
    let b = a.filler_stats.bursts.iter().max_by_key(|b| b.count)?;
    let words: Vec<&str> = a
        .fillers
        .iter()
        .filter(|f| {
            f.start_s >= b.start_s
                && f.end_s <= b.end_s + 1e-9
                && f.kind != super::fillers::FillerKind::Hedge
        })
        .map(|f| f.text.as_str())
        .collect();
    Some(format!(
        "Between {} and {} you say {} fillers ({}): pause silently instead.",
        fmt_time(b.start_s),
        fmt_time(b.end_s),
        b.count,
        words.join(", ")
    ))
}

fn most_common_filler(a: &AnswerScore) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in a
        .fillers
        .iter()
        .filter(|f| f.kind != super::fillers::FillerKind::Hedge)
    {
        match counts.iter_mut().find(|(t, _)| *t == f.text) {
            Some(c) => c.1 += 1,
            None => counts.push((&f.text, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|c| c.1)
        .map_or(String::new(), |c| c.0.to_string())
}
