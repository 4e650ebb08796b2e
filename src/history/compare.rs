//! Two attempts at the same question side by side: what improved, what got worse, and the
//! next step (the later attempt's). Pure: two [`AnswerScore`]s in, a [`Comparison`] out.

use std::fmt::Write as _;

use serde::Serialize;

use super::{star_count, star_letters, structure_count, structure_view};
use crate::questions;
use crate::score::length::Verdict;
use crate::score::{fmt_time, AnswerScore};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// `#12` for a history entry, else the file name.
    pub label: String,
    pub question: Option<String>,
    pub score: u8,
    pub ratings: [u8; 4],
    pub verdict: String,
    pub speaking_s: f64,
    pub wpm: f64,
    pub fillers_per_min: f64,
    /// The kind the answer was judged as.
    pub kind: String,
    pub star: String,
    /// Structure by the kind's own rubric: STAR letters, or "2/3 checks".
    pub structure: String,
    pub result_metrics: usize,
}

impl Side {
    pub fn of(label: String, a: &AnswerScore) -> Side {
        Side {
            label,
            question: a.question.clone(),
            score: a.score,
            ratings: [
                a.ratings.length,
                a.ratings.structure,
                a.ratings.evidence,
                a.ratings.delivery,
            ],
            verdict: a.length.verdict.as_str().into(),
            speaking_s: a.speaking_s,
            wpm: a.wpm.round(),
            fillers_per_min: (a.filler_stats.per_min * 10.0).round() / 10.0,
            kind: a.question_type.as_str().to_string(),
            star: star_letters(a),
            structure: structure_view(a),
            result_metrics: a.quantified_results.len(),
        }
    }
}

/// The comparison of an earlier attempt with a later one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub earlier: Side,
    pub later: Side,
    /// False when the two answer different questions (the comparison is still made).
    pub same_question: bool,
    /// False when the two were judged as different kinds, so by different rubrics.
    pub same_kind: bool,
    pub improved: Vec<String>,
    pub worse: Vec<String>,
    /// The later attempt's next step.
    pub next_step: String,
}

const RATING_NAMES: [&str; 4] = ["length", "structure", "evidence", "delivery"];

/// Compares `earlier` with `later`.
pub fn compare(
    earlier_label: String,
    earlier: &AnswerScore,
    later_label: String,
    later: &AnswerScore,
) -> Comparison {
    let mut improved = Vec::new();
    let mut worse = Vec::new();
    let mut note = |better: Option<bool>, text: String| match better {
        Some(true) => improved.push(text),
        Some(false) => worse.push(text),
        None => {}
    };
    let cmp = |a: f64, b: f64, higher_is_better: bool, eps: f64| {
        if (b - a).abs() <= eps {
            None
        } else {
            Some((b > a) == higher_is_better)
        }
    };
    let (e, l) = (earlier, later);
    note(
        cmp(e.score.into(), l.score.into(), true, 0.0),
        format!("score {} → {}", e.score, l.score),
    );
    let re = [
        e.ratings.length,
        e.ratings.structure,
        e.ratings.evidence,
        e.ratings.delivery,
    ];
    let rl = [
        l.ratings.length,
        l.ratings.structure,
        l.ratings.evidence,
        l.ratings.delivery,
    ];
    for i in 0..4 {
        note(
            cmp(re[i].into(), rl[i].into(), true, 0.0),
            format!("{} rating {}/5 → {}/5", RATING_NAMES[i], re[i], rl[i]),
        );
    }
    let ok = |v: Verdict| v == Verdict::Ok;
    if e.length.verdict != l.length.verdict {
        let better = match (ok(e.length.verdict), ok(l.length.verdict)) {
            (false, true) => Some(true),
            (true, false) => Some(false),
            _ => None,
        };
        note(
            better.or(Some(false)),
            format!(
                "length {} ({}) → {} ({})",
                e.length.verdict.as_str(),
                fmt_time(e.speaking_s),
                l.length.verdict.as_str(),
                fmt_time(l.speaking_s)
            ),
        );
    }
    note(
        cmp(e.filler_stats.per_min, l.filler_stats.per_min, false, 0.05),
        format!(
            "fillers {:.1}/min → {:.1}/min",
            e.filler_stats.per_min, l.filler_stats.per_min
        ),
    );
    if !e.timing_estimated && !l.timing_estimated && e.pace != l.pace {
        let ok_pace = |a: &AnswerScore| format!("{:?}", a.pace).to_lowercase().contains("ok");
        note(
            Some(ok_pace(l)),
            format!("pace {:.0} → {:.0} words/min", e.wpm, l.wpm),
        );
    }
    if e.question_type == l.question_type {
        if e.star.is_some() {
            note(
                cmp(star_count(e) as f64, star_count(l) as f64, true, 0.0),
                format!("STAR parts {} → {}", star_letters(e), star_letters(l)),
            );
        } else {
            note(
                cmp(
                    structure_count(e) as f64,
                    structure_count(l) as f64,
                    true,
                    0.0,
                ),
                format!(
                    "{} structure {} → {}",
                    l.question_type,
                    structure_view(e),
                    structure_view(l)
                ),
            );
        }
    }
    note(
        cmp(
            e.quantified_results.len() as f64,
            l.quantified_results.len() as f64,
            true,
            0.0,
        ),
        format!(
            "result metrics {} → {}",
            e.quantified_results.len(),
            l.quantified_results.len()
        ),
    );
    let same_question = match (&e.question, &l.question) {
        (Some(a), Some(b)) => questions::normalize(a) == questions::normalize(b),
        (None, None) => true,
        _ => false,
    };
    Comparison {
        earlier: Side::of(earlier_label, e),
        later: Side::of(later_label, l),
        same_question,
        same_kind: e.question_type == l.question_type,
        improved,
        worse,
        next_step: l.next_step.clone(),
    }
}

/// The comparison for the terminal.
pub fn render_text(c: &Comparison) -> String {
    let mut out = String::new();
    let q = |s: &Side| {
        s.question
            .clone()
            .unwrap_or_else(|| "(no question given)".into())
    };
    if c.same_question {
        let _ = writeln!(out, "{}", q(&c.later));
    } else {
        let _ = writeln!(
            out,
            "note: these answer different questions:\n  {}: {}\n  {}: {}",
            c.earlier.label,
            q(&c.earlier),
            c.later.label,
            q(&c.later)
        );
    }
    let (a, b) = (&c.earlier, &c.later);
    if !c.same_kind {
        let _ = writeln!(
            out,
            "note: judged as different kinds ({} and {}), so by different rubrics: compare the parts, not the scores",
            a.kind, b.kind
        );
    }
    let _ = writeln!(out, "\n  {:<16}{:<18}{:<18}", "", a.label, b.label);
    let rows: Vec<(String, String, String)> = vec![
        ("score".into(), a.score.to_string(), b.score.to_string()),
        (
            "ratings L/S/E/D".into(),
            a.ratings.map(|r| r.to_string()).join("/"),
            b.ratings.map(|r| r.to_string()).join("/"),
        ),
        (
            "length".into(),
            format!("{} {}", a.verdict, fmt_time(a.speaking_s)),
            format!("{} {}", b.verdict, fmt_time(b.speaking_s)),
        ),
        (
            "words/min".into(),
            format!("{:.0}", a.wpm),
            format!("{:.0}", b.wpm),
        ),
        (
            "fillers/min".into(),
            format!("{:.1}", a.fillers_per_min),
            format!("{:.1}", b.fillers_per_min),
        ),
        ("kind".into(), a.kind.clone(), b.kind.clone()),
        ("structure".into(), a.structure.clone(), b.structure.clone()),
        (
            "result metrics".into(),
            a.result_metrics.to_string(),
            b.result_metrics.to_string(),
        ),
    ];
    for (k, x, y) in rows {
        let _ = writeln!(out, "  {k:<16}{x:<18}{y:<18}");
    }
    let list = |out: &mut String, title: &str, items: &[String]| {
        if items.is_empty() {
            let _ = writeln!(out, "\n{title}: nothing");
        } else {
            let _ = writeln!(out, "\n{title}:");
            for i in items {
                let _ = writeln!(out, "  - {i}");
            }
        }
    };
    list(&mut out, "Improved", &c.improved);
    list(&mut out, "Got worse", &c.worse);
    let _ = writeln!(out, "\nNext step: {}", c.next_step);
    out
}
