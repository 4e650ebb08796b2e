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
use super::length::Verdict;
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

fn clamp(x: f64) -> u8 {
    x.round().clamp(1.0, 5.0) as u8
}

/// Structure rating.
pub fn structure(a: &AnswerScore, cfg: &ScoringConfig) -> u8 {
    if a.words == 0 {
        return 1;
    }
    if let Some(star) = &a.star {
        let mut s = 1.0;
        if star.action.present {
            s += 1.0;
        }
        if star.result.present {
            s += 1.25;
        }
        if star.situation.present || star.task.present {
            s += 0.75;
        }
        if star.reflection.present {
            s += 0.5;
        }
        if !star.out_of_order {
            s += 0.25;
        }
        if !star.long_setup {
            s += 0.25;
        } else {
            s -= 0.5;
        }
        if we_heavy(star, &cfg.structure) {
            s -= 0.5;
        }
        clamp(s)
    } else {
        let total = a.checks.len().max(1) as f64;
        let passed = a.checks.iter().filter(|c| c.passed).count() as f64;
        clamp(1.0 + 4.0 * passed / total)
    }
}

/// Evidence rating: quantified results (or, for case/technical, numbers used in reasoning).
pub fn evidence(a: &AnswerScore) -> u8 {
    if a.words == 0 {
        return 1;
    }
    let results = a.quantified_results.len();
    match a.question_type {
        QuestionKind::Case | QuestionKind::Technical => {
            let numbers = results + a.context_numbers.len();
            match numbers {
                0 => 2,
                1 => 3,
                2..=3 => 4,
                _ => 5,
            }
        }
        QuestionKind::Behavioral => {
            let has_result = a.star.as_ref().is_some_and(|s| s.result.present);
            match (results, has_result) {
                (0, false) => 1,
                (0, true) => 2,
                (1, _) => 4,
                _ => 5,
            }
        }
        _ => match results + a.context_numbers.len().min(1) {
            0 => 2,
            1 => 3,
            2 => 4,
            _ => 5,
        }
        .max(if results > 0 { 4 } else { 2 }),
    }
}

/// Delivery rating: fillers (weighted), pace, long pauses, bursts.
pub fn delivery(a: &AnswerScore, cfg: &ScoringConfig) -> u8 {
    if a.words == 0 {
        return 1;
    }
    let f = &cfg.fillers;
    let rate = a.filler_stats.weighted_per_min;
    let mut s = if rate <= f.ok_per_min {
        5.0
    } else if rate >= f.harmful_per_min {
        2.0
    } else {
        5.0 - 3.0 * (rate - f.ok_per_min) / (f.harmful_per_min - f.ok_per_min)
    };
    if a.pace != Pace::Ok && !a.timing_estimated {
        s -= 1.0;
    }
    let lost = a
        .pauses
        .iter()
        .filter(|p| p.kind == PauseKind::LostThread)
        .count();
    s -= (lost as f64 * 0.5).min(1.0);
    s -= (a.filler_stats.bursts.len() as f64 * 0.5).min(1.0);
    clamp(s)
}

/// 0-100 from the ratings (structure and evidence weigh most).
pub fn overall(r: &Ratings) -> u8 {
    let w = [
        (r.length, 0.2),
        (r.structure, 0.35),
        (r.evidence, 0.25),
        (r.delivery, 0.2),
    ];
    let v: f64 = w.iter().map(|(x, w)| (*x as f64 - 1.0) / 4.0 * w).sum();
    (v * 100.0).round().clamp(0.0, 100.0) as u8
}

/// One candidate fix, with how much it matters.
struct Candidate {
    weight: f64,
    text: String,
}

/// The single most valuable fix, observed and time-stamped.
pub fn next_step(a: &AnswerScore, cfg: &ScoringConfig) -> String {
    if a.words == 0 {
        return "No speech was found in this recording: check the microphone and record the answer again.".into();
    }
    let mut c: Vec<Candidate> = Vec::new();
    let mut push = |weight: f64, text: String| c.push(Candidate { weight, text });
    let end = fmt_time(a.speech_end_s);
    if let Some(star) = &a.star {
        if !star.result.present {
            let after = star.action.end_s.map_or(String::new(), |t| {
                format!(" after your action (ends at {})", fmt_time(t))
            });
            push(10.0, format!("No result is stated: end{after} with what changed because of what you did, and by how much."));
        } else if a.quantified_results.is_empty() {
            let t = fmt_time(star.result.start_s.unwrap_or(0.0));
            push(8.0, format!("Your result starts at {t} and has no number: say how much it improved (time, money, percentage or count)."));
        }
        if !star.action.present && !star.situation.present && !star.task.present {
            push(
                11.0,
                "You describe how you usually act rather than one occasion: pick one specific time, then say what you did and what changed.".into(),
            );
        }
        if !star.action.present {
            push(9.0, "No action of yours is described: say what you did, step by step, in the first person (\"I decided...\", \"I built...\").".into());
        }
        if star.long_setup {
            let share = (star.setup_share * 100.0).round();
            let until = star.action.start_s.map_or(end.clone(), fmt_time);
            push(7.0, format!("Your setup takes {share}% of the answer and your action only starts at {until}: keep the situation to one sentence and reach what you did sooner."));
        }
        if we_heavy(star, &cfg.structure) {
            let t = fmt_time(star.action.start_s.unwrap_or(0.0));
            push(6.5, format!("In your action (from {t}) you say \"we\" {} times and \"I\" {} times: say what you did yourself.", star.action_we, star.action_i));
        }
        if star.out_of_order && star.result.present && star.action.present {
            push(3.0, format!("Your result (at {}) comes before your action (at {}): tell the story in order so the outcome lands last.", fmt_time(star.result.start_s.unwrap_or(0.0)), fmt_time(star.action.start_s.unwrap_or(0.0))));
        }
        if !star.reflection.present && star.result.present && !a.quantified_results.is_empty() {
            push(2.0, format!("The answer ends at {end} without a lesson: add one sentence on what you learned or would do differently."));
        }
    } else {
        for ch in a.checks.iter().filter(|c| !c.passed) {
            let (w, text) = match ch.id.as_str() {
                "framework" => (7.0, "You go straight into details: say up front how you will break the problem down (for example \"I'd look at three things...\").".to_string()),
                "recommendation" => (8.0, format!("The answer ends at {end} without a conclusion: finish with a clear recommendation or answer.")),
                "assumptions" => (5.0, "No assumptions are stated: say the numbers and constraints you assume before you use them.".to_string()),
                "steps" => (4.0, "The reasoning has no visible steps: signpost them (\"first... then... finally...\").".to_string()),
                "fit_claim" => (8.0, "There is no clear claim of fit: say in one sentence why you are the right person for this role, then back it with one proof.".to_string()),
                "company_focus" => (6.0, "The answer never mentions the company's mission, product or customers: say what draws you to their work and what you would contribute.".to_string()),
                "self_serving" => (9.0, format!("At {} you describe what the job does for you (\"{}\"): turn it around to what you would do for them.", fmt_time(ch.start_s.unwrap_or(0.0)), ch.evidence.as_deref().unwrap_or("").trim())),
                "present" => (3.0, "Start with where you are now (role, focus) in one sentence.".to_string()),
                "past" => (3.0, "Add one or two past steps that explain how you got here.".to_string()),
                "future" => (4.0, "End by tying your story to this role: why it is the next thing you want to do.".to_string()),
                _ => continue,
            };
            push(w, text);
        }
        if a.question_type == QuestionKind::Closing
            && a.quantified_results.is_empty()
            && a.context_numbers.is_empty()
        {
            push(
                3.5,
                "Your pitch has no proof: back your fit claim with one concrete achievement."
                    .into(),
            );
        }
    }
    match a.length.verdict {
        Verdict::Long => {
            let over = a.speaking_s - a.length.target_max_s;
            let w = if over > a.length.target_max_s * 0.35 {
                7.5
            } else {
                3.5
            };
            push(w, format!("You speak for {}, past the {}-{} target for this kind of question: cut about {} s, starting with the setup.", fmt_time(a.speaking_s), fmt_time(a.length.target_min_s), fmt_time(a.length.target_max_s), over.round()));
        }
        Verdict::Short => {
            let w = if a.speaking_s < a.length.target_min_s * 0.6 {
                7.5
            } else {
                3.0
            };
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
            push(
                w,
                format!(
                    "You speak for {}, under the {}-{} target: {what}.",
                    fmt_time(a.speaking_s),
                    fmt_time(a.length.target_min_s),
                    fmt_time(a.length.target_max_s)
                ),
            );
        }
        Verdict::Ok => {}
    }
    if let Some(b) = a.filler_stats.bursts.iter().max_by_key(|b| b.count) {
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
        let w = if a.filler_stats.weighted_per_min > cfg.fillers.ok_per_min {
            6.0
        } else {
            4.0
        };
        push(
            w,
            format!(
                "Between {} and {} you say {} fillers ({}): pause silently instead.",
                fmt_time(b.start_s),
                fmt_time(b.end_s),
                b.count,
                words.join(", ")
            ),
        );
    } else if a.filler_stats.weighted_per_min > cfg.fillers.ok_per_min {
        let most = most_common_filler(a);
        push(5.0, format!("You use {:.0} fillers a minute, most often \"{most}\": replace them with a short silent pause.", a.filler_stats.per_min));
    }
    if let Some(p) = a.pauses.iter().find(|p| p.kind == PauseKind::LostThread) {
        push(3.5, format!("At {} you stop for {:.1} s after \"{}\": if you lose the thread, restate the point you are making and go on.", fmt_time(p.start_s), p.end_s - p.start_s, p.after_word));
    }
    if !a.timing_estimated {
        match a.pace {
            Pace::Slow => push(3.0, format!("You speak at {:.0} words a minute, under {:.0}: tighten pauses and sentences rather than rushing.", a.wpm, cfg.delivery.min_wpm)),
            Pace::Fast => push(3.0, format!("You speak at {:.0} words a minute, over {:.0}: slow down and leave a short pause after each key point.", a.wpm, cfg.delivery.max_wpm)),
            Pace::Ok => {}
        }
    }
    c.into_iter()
        .max_by(|x, y| x.weight.total_cmp(&y.weight))
        .map(|c| c.text)
        .unwrap_or_else(|| {
            "Nothing stands out to fix: record the same answer again and check it stays this clear."
                .into()
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_bounds() {
        let r = |x| Ratings {
            length: x,
            structure: x,
            evidence: x,
            delivery: x,
        };
        assert_eq!(overall(&r(1)), 0);
        assert_eq!(overall(&r(5)), 100);
        assert_eq!(overall(&r(3)), 50);
    }
}
