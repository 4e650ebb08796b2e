//! Progress across attempts: per question and overall, first vs latest vs personal best, the
//! trend of the score, plus themes, the story bank and priorities. Pure: entries in, a
//! [`Progress`] out; `render_text` draws it for the terminal (the page is in `html.rs`).

use std::fmt::Write as _;

use serde::Serialize;

use super::stories::{self, AreaCoverage};
use super::{fmt_local, star_letters, structure_count, structure_view, Entry};
use crate::questions;
use crate::score::{fmt_time, AnswerScore};
use crate::themes::{self, Backing, Theme};

/// The numbers of one attempt that progress follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub id: i64,
    pub recorded_at: String,
    pub score: u8,
    pub verdict: String,
    pub speaking_s: f64,
    pub fillers_per_min: f64,
    pub wpm: f64,
    /// The kind the answer was judged as.
    pub kind: String,
    /// Situation, task, action, result as letters, `-` where missing ("" when not STAR).
    pub star: String,
    /// Structure by the answer's own kind's rubric: STAR letters, or "2/3 checks".
    pub structure: String,
    /// STAR parts present, or checks met for other kinds.
    pub star_parts: usize,
    pub result_metrics: usize,
}

impl Snapshot {
    pub fn of(e: &Entry) -> Snapshot {
        let a = &e.answer;
        Snapshot {
            id: e.id,
            recorded_at: fmt_local(e.recorded_at),
            score: a.score,
            verdict: a.length.verdict.as_str().to_string(),
            speaking_s: a.speaking_s,
            fillers_per_min: round1(a.filler_stats.per_min),
            wpm: a.wpm.round(),
            kind: a.question_type.as_str().to_string(),
            star: star_letters(a),
            structure: structure_view(a),
            star_parts: structure_count(a),
            result_metrics: a.quantified_results.len(),
        }
    }
}

/// Attempts at one question (or all of them, for the overall line).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// The question as last asked ("" for the overall series and for answers with none).
    pub question: String,
    pub attempts: usize,
    pub first: Snapshot,
    pub latest: Snapshot,
    /// Highest score (the earliest of equals).
    pub best: Snapshot,
    /// Scores and fillers per minute, oldest first.
    pub scores: Vec<u8>,
    pub fillers_per_min: Vec<f64>,
}

impl Series {
    fn of(question: String, entries: &[&Entry]) -> Option<Series> {
        let first = entries.first()?;
        let latest = entries.last()?;
        let best = entries.iter().fold(*first, |b, e| {
            if e.answer.score > b.answer.score {
                e
            } else {
                b
            }
        });
        Some(Series {
            question,
            attempts: entries.len(),
            first: Snapshot::of(first),
            latest: Snapshot::of(latest),
            best: Snapshot::of(best),
            scores: entries.iter().map(|e| e.answer.score).collect(),
            fillers_per_min: entries
                .iter()
                .map(|e| round1(e.answer.filler_stats.per_min))
                .collect(),
        })
    }
}

/// Which answers back one theme (by history ID).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeView {
    pub theme: String,
    pub backed_by: Vec<ThemeBacker>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeBacker {
    pub id: i64,
    pub question: Option<String>,
    /// The phrase heard, or the competency of the question.
    pub why: String,
}

/// A rating dimension whose average on the latest attempts is below 3 (DOMAIN.md: "scores
/// below 3 indicate areas to prioritize").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Priority {
    pub dimension: &'static str,
    pub average: f64,
}

/// Overall progress measured fairly: each question's latest attempt against its own first
/// (answers with no question: the same kind), never one question's score against another's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverallChange {
    /// Questions (or kinds) attempted more than once.
    pub compared: usize,
    pub improved: usize,
    pub worse: usize,
    pub unchanged: usize,
    /// Mean of latest minus first score over those questions.
    pub mean_change: f64,
}

/// Everything `starcoach progress` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Every attempt in time order (the scores of different questions: not a trend).
    pub overall: Option<Series>,
    /// Latest against first attempt at the same question (`None` when none was repeated).
    pub overall_change: Option<OverallChange>,
    pub questions: Vec<Series>,
    pub themes: Vec<ThemeView>,
    pub stories: Vec<AreaCoverage>,
    pub priorities: Vec<Priority>,
}

fn round1(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10.0).round() / 10.0
    } else {
        0.0
    }
}

/// Which answers are attempts at the same question: the question, normalized; answers with no
/// question, by kind.
pub fn attempt_key(a: &AnswerScore) -> String {
    a.question.as_deref().map_or_else(
        || format!("\u{0}{}", a.question_type.as_str()),
        questions::normalize,
    )
}

/// Builds the progress view from entries (oldest first, as [`super::Store::list`] returns them).
pub fn build(entries: &[Entry], themes_declared: &[Theme]) -> Progress {
    let mut groups: Vec<(String, Vec<&Entry>)> = Vec::new();
    for e in entries {
        let key = attempt_key(&e.answer);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(e),
            None => groups.push((key, vec![e])),
        }
    }
    let questions: Vec<Series> = groups
        .iter()
        .filter_map(|(_, es)| {
            let shown = es
                .iter()
                .rev()
                .find_map(|e| e.answer.question.clone())
                .unwrap_or_default();
            Series::of(shown, es)
        })
        .collect();
    let all: Vec<&Entry> = entries.iter().collect();
    let overall = Series::of(String::new(), &all);
    let repeated: Vec<&Series> = questions.iter().filter(|s| s.attempts > 1).collect();
    let overall_change = (!repeated.is_empty()).then(|| {
        let d: Vec<i32> = repeated
            .iter()
            .map(|s| i32::from(s.latest.score) - i32::from(s.first.score))
            .collect();
        OverallChange {
            compared: d.len(),
            improved: d.iter().filter(|x| **x > 0).count(),
            worse: d.iter().filter(|x| **x < 0).count(),
            unchanged: d.iter().filter(|x| **x == 0).count(),
            mean_change: round1(d.iter().map(|x| f64::from(*x)).sum::<f64>() / d.len() as f64),
        }
    });

    let answers: Vec<AnswerScore> = entries.iter().map(|e| e.answer.clone()).collect();
    let themes = themes::coverage(&answers, themes_declared)
        .into_iter()
        .map(|c| ThemeView {
            theme: c.theme,
            backed_by: c
                .backed_by
                .into_iter()
                .map(|b| ThemeBacker {
                    id: entries[b.answer].id,
                    question: b.question,
                    why: match b.why {
                        Backing::Phrase { phrase } => format!("\"{phrase}\""),
                        Backing::Competency { competency } => {
                            format!("{} question", super::migrations::competency_str(competency))
                        }
                    },
                })
                .collect(),
        })
        .collect();

    let latest: Vec<&AnswerScore> = groups
        .iter()
        .filter_map(|(_, es)| es.last().map(|e| &e.answer))
        .collect();
    let mut priorities = Vec::new();
    if !latest.is_empty() {
        let n = latest.len() as f64;
        let avg = |f: fn(&AnswerScore) -> u8| {
            round1(latest.iter().map(|a| f64::from(f(a))).sum::<f64>() / n)
        };
        for (dimension, average) in [
            ("length", avg(|a| a.ratings.length)),
            ("structure", avg(|a| a.ratings.structure)),
            ("evidence", avg(|a| a.ratings.evidence)),
            ("delivery", avg(|a| a.ratings.delivery)),
        ] {
            if average < 3.0 {
                priorities.push(Priority { dimension, average });
            }
        }
        priorities.sort_by(|a, b| a.average.total_cmp(&b.average));
    }

    Progress {
        overall,
        overall_change,
        questions,
        themes,
        stories: stories::coverage(entries),
        priorities,
    }
}

/// One character per value, `▁` (0) to `█` (100).
pub fn sparkline(scores: &[u8]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    scores
        .iter()
        .map(|s| BARS[(usize::from((*s).min(100)) * 7 + 50) / 100])
        .collect()
}

/// The direction of a change: `↑`, `↓` or `→` (within `eps`).
pub fn arrow(from: f64, to: f64, eps: f64) -> &'static str {
    if (to - from).abs() <= eps {
        "→"
    } else if to > from {
        "↑"
    } else {
        "↓"
    }
}

/// Whether a change is an improvement (`None` when within `eps`).
pub fn better(from: f64, to: f64, higher_is_better: bool, eps: f64) -> Option<bool> {
    ((to - from).abs() > eps).then_some((to > from) == higher_is_better)
}

fn paint(s: &str, good: Option<bool>, color: bool) -> String {
    match (color, good) {
        (true, Some(true)) => format!("\x1b[32m{s}\x1b[0m"),
        (true, Some(false)) => format!("\x1b[31m{s}\x1b[0m"),
        _ => s.to_string(),
    }
}

/// A change for the terminal: "↓ better", "↑ worse", "→".
fn trend(from: f64, to: f64, higher_is_better: bool, eps: f64, color: bool) -> String {
    let good = better(from, to, higher_is_better, eps);
    let word = match good {
        Some(true) => " better",
        Some(false) => " worse",
        None => "",
    };
    paint(&format!("{}{word}", arrow(from, to, eps)), good, color)
}

fn series_table(out: &mut String, s: &Series, color: bool) {
    let cell = |x: &Snapshot| {
        [
            format!("#{}", x.id),
            x.score.to_string(),
            format!("{} {}", x.verdict, fmt_time(x.speaking_s)),
            format!("{:.1}", x.fillers_per_min),
            x.structure.clone(),
            x.result_metrics.to_string(),
        ]
    };
    let (f, l, b) = (cell(&s.first), cell(&s.latest), cell(&s.best));
    let single = s.attempts == 1;
    let trend = |from: f64, to: f64, hib: bool, eps: f64, color: bool| {
        if single {
            String::new()
        } else {
            trend(from, to, hib, eps, color)
        }
    };
    let arrows = [
        String::new(),
        trend(
            s.first.score.into(),
            s.latest.score.into(),
            true,
            0.0,
            color,
        ),
        String::new(),
        trend(
            s.first.fillers_per_min,
            s.latest.fillers_per_min,
            false,
            0.05,
            color,
        ),
        trend(
            s.first.star_parts as f64,
            s.latest.star_parts as f64,
            true,
            0.0,
            color,
        ),
        trend(
            s.first.result_metrics as f64,
            s.latest.result_metrics as f64,
            true,
            0.0,
            color,
        ),
    ];
    let _ = writeln!(out, "  {:<16}{:<14}{:<22}best", "", "first", "latest");
    for (i, label) in [
        "attempt",
        "score",
        "length",
        "fillers/min",
        "structure",
        "result metrics",
    ]
    .iter()
    .enumerate()
    {
        // Pad by visible width: colour codes take no room on screen.
        let latest = format!("{} {}", l[i], arrows[i]);
        let visible = format!("{} {}", l[i], strip_ansi(&arrows[i]))
            .trim_end()
            .chars()
            .count();
        let pad = " ".repeat(22usize.saturating_sub(visible).max(1));
        let _ = writeln!(
            out,
            "  {:<16}{:<14}{}{pad}{}",
            label,
            f[i],
            latest.trim_end(),
            b[i]
        );
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for c in s.chars() {
        match (skipping, c) {
            (false, '\x1b') => skipping = true,
            (true, 'm') => skipping = false,
            (false, c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// The progress view for the terminal.
pub fn render_text(p: &Progress, color: bool) -> String {
    let mut out = String::new();
    let Some(all) = &p.overall else {
        out.push_str(
            "No answers in the history yet (or none match). Score some with `starcoach score`.\n",
        );
        return out;
    };
    let _ = writeln!(
        out,
        "Progress: {} answer{} to {} question{}",
        all.attempts,
        if all.attempts == 1 { "" } else { "s" },
        p.questions.len(),
        if p.questions.len() == 1 { "" } else { "s" }
    );
    match &p.overall_change {
        Some(c) => {
            let good = better(0.0, c.mean_change, true, 0.0);
            let _ = writeln!(
                out,
                "\nOverall  latest against first attempt at the same question, over {} question{} practised more than once: {} better, {} worse, {} unchanged; mean change {}",
                c.compared,
                if c.compared == 1 { "" } else { "s" },
                c.improved,
                c.worse,
                c.unchanged,
                paint(&format!("{:+.1}", c.mean_change), good, color)
            );
        }
        None => out.push_str(
            "\nOverall  no question practised more than once yet: answer one again to see a trend\n",
        ),
    }
    let _ = writeln!(
        out,
        "         all scores in order (different questions): {}",
        sparkline(&all.scores)
    );
    for s in &p.questions {
        let q = if s.question.is_empty() {
            format!("(no question given: {} answers)", s.latest.kind)
        } else {
            format!("\"{}\" ({})", s.question, s.latest.kind)
        };
        let _ = writeln!(
            out,
            "\n{q}\n  {} attempt{}  scores {}  {}",
            s.attempts,
            if s.attempts == 1 { "" } else { "s" },
            s.scores
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            sparkline(&s.scores)
        );
        series_table(&mut out, s, color);
    }

    if !p.themes.is_empty() {
        out.push_str("\nThemes\n");
        let w = p
            .themes
            .iter()
            .map(|t| t.theme.chars().count())
            .max()
            .unwrap_or(0);
        for t in &p.themes {
            if t.backed_by.is_empty() {
                let _ = writeln!(
                    out,
                    "  {:<w$}  {}",
                    t.theme,
                    paint("no answer backs this theme yet", Some(false), color)
                );
            } else {
                let list = t
                    .backed_by
                    .iter()
                    .map(|b| format!("#{} ({})", b.id, b.why))
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(out, "  {:<w$}  {list}", t.theme);
            }
        }
    }

    out.push_str("\nStory bank (strong: situation, task, action, result and a result metric)\n");
    for a in &p.stories {
        let status = if a.strong.is_empty() {
            let what = if a.attempts == 0 {
                "none yet".to_string()
            } else {
                format!(
                    "none yet ({} attempt{}, none strong)",
                    a.attempts,
                    if a.attempts == 1 { "" } else { "s" }
                )
            };
            paint(&what, Some(false), color)
        } else {
            let ids = a
                .strong
                .iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{} {ids}", paint("✓", Some(true), color))
        };
        let _ = writeln!(out, "  {:<16} {status}", a.area.as_str());
    }

    if p.priorities.is_empty() {
        out.push_str(
            "\nPriorities: none (every rating averages 3 or more on your latest attempts)\n",
        );
    } else {
        let list = p
            .priorities
            .iter()
            .map(|x| format!("{} {:.1}/5", x.dimension, x.average))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "\nPriorities (ratings below 3 on your latest attempts): {list}"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_and_arrows() {
        assert_eq!(sparkline(&[0, 50, 100]), "▁▅█");
        assert_eq!(arrow(1.0, 2.0, 0.0), "↑");
        assert_eq!(arrow(5.0, 2.0, 0.0), "↓");
        assert_eq!(better(5.0, 2.0, false, 0.0), Some(true));
        assert_eq!(arrow(2.0, 2.01, 0.05), "→");
        assert_eq!(better(2.0, 2.01, false, 0.05), None);
        assert_eq!(strip_ansi("\x1b[32m↑ better\x1b[0m"), "↑ better");
    }

    #[test]
    fn empty_history_says_so() {
        let p = build(&[], &[]);
        assert!(p.overall.is_none());
        assert!(render_text(&p, false).contains("No answers"));
    }
}
