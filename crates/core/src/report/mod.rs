//! Reports: one or many scored answers rendered as terminal text, Markdown, JSON or HTML.
//!
//! Pure functions returning `String`: the CLI decides where to write them and whether to use
//! colour. JSON follows the contract in `docs/report.schema.json`; text is the quick verdict a
//! candidate reads after each attempt; Markdown is the full report a coach sends back.

pub mod html;
pub mod interview;
pub mod json;
pub mod markdown;
pub mod text;

pub use crate::score::fmt_time;
pub use html::{render_html, render_html_with, Recording};
pub use interview::{
    render_interview_html, render_interview_json, render_interview_markdown, render_interview_text,
};
pub use json::{render_json, SCHEMA_VERSION};
pub use markdown::render_markdown;
pub use text::render_text;

use crate::score::delivery::{Pace, PauseKind};
use crate::score::length::Verdict;
use crate::score::rubric::Dimension;
use crate::score::star::{we_heavy, StarPart};
use crate::score::{AnswerScore, KindSource, ScoringConfig};

/// The most telling observations about an answer, most important first (at most `max`).
pub fn findings(a: &AnswerScore, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    if a.words == 0 {
        out.push("No speech found.".to_string());
        return out;
    }
    if let Some(star) = &a.star {
        if !star.missing.is_empty() {
            let names: Vec<&str> = star
                .missing
                .iter()
                .map(|p| match p {
                    StarPart::Situation => "situation/task",
                    p => p.as_str(),
                })
                .collect();
            out.push(format!("Missing: {}.", names.join(", ")));
        }
        if star.long_setup {
            out.push(format!(
                "Long setup: situation and task take {:.0}% of the answer.",
                star.setup_share * 100.0
            ));
        }
        if we_heavy(star, &ScoringConfig::default().structure) {
            out.push(format!(
                "Action told as \"we\" ({}) more than \"I\" ({}).",
                star.action_we, star.action_i
            ));
        }
        if star.out_of_order {
            out.push("Parts out of STAR order.".to_string());
        }
    } else {
        for c in a.checks.iter().filter(|c| !c.passed) {
            out.push(format!("Not met: {}.", c.label));
        }
    }
    match a.quantified_results.len() {
        0 => out.push("No quantified result.".to_string()),
        n => out.push(format!(
            "{n} quantified result{}: {}.",
            if n == 1 { "" } else { "s" },
            a.quantified_results
                .iter()
                .map(|q| format!("\"{}\" at {}", q.text, fmt_time(q.start_s)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    match a.length.verdict {
        Verdict::Short => out.push(format!(
            "Short: {} against {}-{}.",
            fmt_time(a.speaking_s),
            fmt_time(a.length.target_min_s),
            fmt_time(a.length.target_max_s)
        )),
        Verdict::Long => out.push(format!(
            "Long: {} against {}-{}.",
            fmt_time(a.speaking_s),
            fmt_time(a.length.target_min_s),
            fmt_time(a.length.target_max_s)
        )),
        Verdict::Ok => {}
    }
    let fs = &a.filler_stats;
    if fs.count > 0 {
        out.push(format!(
            "{} filler{} ({:.1}/min, {:.1} per 100 words){}.",
            fs.count,
            if fs.count == 1 { "" } else { "s" },
            fs.per_min,
            fs.per_100_words,
            if fs.bursts.is_empty() {
                String::new()
            } else {
                format!(
                    ", {} burst{}",
                    fs.bursts.len(),
                    if fs.bursts.len() == 1 { "" } else { "s" }
                )
            }
        ));
    }
    if fs.hedges > 0 {
        out.push(format!(
            "{} hedge{}.",
            fs.hedges,
            if fs.hedges == 1 { "" } else { "s" }
        ));
    }
    let lost = a
        .pauses
        .iter()
        .filter(|p| p.kind == PauseKind::LostThread)
        .count();
    if lost > 0 {
        out.push(format!(
            "{lost} pause{} over the lost-thread threshold.",
            if lost == 1 { "" } else { "s" }
        ));
    }
    if !a.timing_estimated && a.pace != Pace::Ok {
        out.push(format!("Pace {:.0} wpm.", a.wpm));
    }
    out.truncate(max);
    out
}

/// How the kind was decided, when it was guessed from the answer ("guessed from the answer,
/// 72 % sure"); `None` when it was given or read from the question.
pub fn kind_note(a: &AnswerScore) -> Option<String> {
    (a.question_type_source == KindSource::Answer).then(|| {
        format!(
            "guessed from the answer, {:.0} % sure; give the question or --type to set it",
            a.question_type_confidence.unwrap_or(0.0) * 100.0
        )
    })
}

/// Points per dimension, "structure 42/50, evidence 15/15, ...".
pub fn points_line(a: &AnswerScore) -> String {
    Dimension::ALL
        .iter()
        .map(|d| {
            let (p, m) = a.breakdown.dimension(*d);
            format!("{} {}/{}", d.as_str(), fmt_points(p), fmt_points(m))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where points were lost, largest first ("reflection -8", "ceiling 85: -7"), and the ceiling.
pub fn losses(a: &AnswerScore) -> Vec<String> {
    let mut items: Vec<_> = a
        .breakdown
        .items
        .iter()
        .filter(|i| i.lost() >= 0.5)
        .collect();
    items.sort_by(|x, y| y.lost().total_cmp(&x.lost()));
    let mut out: Vec<String> = items
        .iter()
        .map(|i| format!("{} -{}", i.id, fmt_points(i.lost())))
        .collect();
    if let Some(c) = a.breakdown.ceiling.as_ref().filter(|c| c.lost > 0.0) {
        out.push(format!(
            "ceiling {} ({} missing) -{}",
            c.max_score,
            c.because.join(" and "),
            fmt_points(c.lost)
        ));
    }
    out
}

/// Points with at most one decimal ("8", "7.5").
pub fn fmt_points(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round() as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Human name of a pace.
pub(crate) fn pace_name(p: Pace) -> &'static str {
    match p {
        Pace::Slow => "slow",
        Pace::Ok => "ok",
        Pace::Fast => "fast",
    }
}

/// Mean score of many answers (0 when none).
pub fn mean_score(answers: &[AnswerScore]) -> f64 {
    if answers.is_empty() {
        0.0
    } else {
        answers.iter().map(|a| a.score as f64).sum::<f64>() / answers.len() as f64
    }
}

/// A short name for an answer: its source file name, or "answer N".
pub(crate) fn answer_name(a: &AnswerScore, i: usize) -> String {
    a.source
        .as_deref()
        .map(file_name)
        .unwrap_or_else(|| format!("answer {}", i + 1))
}

/// The file name of a source path (the whole string when it has none).
pub(crate) fn file_name(s: &str) -> String {
    std::path::Path::new(s)
        .file_name()
        .map_or(s.to_string(), |f| f.to_string_lossy().into_owned())
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Answers shared by the report snapshot tests.
    use crate::score::AnswerScore;
    use crate::score::{score_answer, AnswerContext, QuestionKind, ScoringConfig};
    use crate::transcript::{Segment, Transcript, Word};

    /// A behavioral answer with measured word times, two pauses and a filler burst.
    pub fn timed() -> AnswerScore {
        let text = "At my last job I was a backend engineer at a payments company, and our deploys \
            failed almost every week, which meant late nights for the whole team. My role was to make \
            releases safe again without slowing the team down. Um, so, uh, um, I started by reading \
            every incident report from the last six months. I wrote a short checklist for every merge, \
            I automated the integration tests for the three riskiest services, and I set up canary \
            releases so a bad build only reached a few users. I also ran a session with the team to \
            walk through the new flow and, you know, collect their objections. As a result, failed \
            deploys dropped by 80% in a quarter, and our release time was cut in half. Looking back, \
            I would automate earlier instead of waiting for a crisis.";
        let mut t = 1.5;
        let mut words = Vec::new();
        for (i, w) in text.split_whitespace().enumerate() {
            if i == 60 {
                t += 3.0;
            }
            if i == 95 {
                t += 1.5;
            }
            words.push(Word {
                text: w.to_string(),
                start_s: t,
                end_s: t + 0.3,
                probability: 0.9,
            });
            t += 0.42;
        }
        let end = t;
        let tr = Transcript {
            source: Some("recordings/deploys.m4a".into()),
            duration_s: end + 2.0,
            text: text.into(),
            segments: vec![Segment {
                start_s: 1.5,
                end_s: end,
                text: text.into(),
                words,
            }],
            timing_estimated: false,
            cut_short: None,
        };
        score_answer(
            &tr,
            &AnswerContext::new(Some("Tell me about a time you improved a process."), None),
            &ScoringConfig::default(),
        )
    }

    /// A closing answer from plain text.
    pub fn closing() -> AnswerScore {
        let t = Transcript::from_plain_text(
            "You need someone who can cut support tickets, and I did exactly that. \
             At my last company I built a help centre that cut ticket volume by thirty-five percent. \
             I'm confident I can do the same for your team.",
            Some("closing.txt".into()),
        );
        score_answer(
            &t,
            &AnswerContext::new(Some("Why should we hire you?"), Some(QuestionKind::Closing)),
            &ScoringConfig::default(),
        )
    }

    /// An empty recording.
    pub fn empty() -> AnswerScore {
        let t = Transcript::from_plain_text("", None);
        score_answer(&t, &AnswerContext::default(), &ScoringConfig::default())
    }
}
